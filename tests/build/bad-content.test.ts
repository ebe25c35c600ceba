import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { buildFixture, projectRoot } from '../helpers/build.ts';

/**
 * The build and `npm run check` apply the same rules: building the folder of bad papers must
 * fail with every problem the check reports (the check's messages are pinned in
 * tests/content/bad-papers.test.ts), and publish nothing.
 */
describe('building a folder of bad papers', () => {
  it('fails with every problem the check reports, and writes no pages', async () => {
    const dir = 'tests/fixtures/bad-papers';
    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    // The check also reports stray non-.mdx files, which the build never reads.
    const expected = problems.filter((problem) => problem.file.endsWith('.mdx')).map(formatProblem);
    expect(expected.length).toBeGreaterThan(20);

    const build = await buildFixture(dir);
    expect(build.ok).toBe(false);
    for (const line of expected) expect(build.output).toContain(line);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });
});
