import { existsSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';

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
    // The digest date in the future is the check's own rule: the build does not read the clock.
    const expected = problems.map(formatProblem).filter((line) => !/ date: \S+ is in the future: /.test(line));
    expect(expected.length).toBeGreaterThan(90);

    const build = await buildFixture(dir);
    expect(build.ok).toBe(false);
    for (const line of expected) expect(build.output).toContain(line);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });

  it('reports a broken topic vocabulary as file:line: field: message, without a stack trace', async () => {
    const content = await mkdtemp(join(buildsDir, 'topics-'));
    await cp(join(projectRoot, 'tests/fixtures/site'), content, { recursive: true });
    await writeFile(join(content, 'topics.yaml'), '- slug: a\n  label: "A\n  description: One.\n');
    const build = await buildFixture(content);
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(/topics\.yaml:4: topics: YAML: Missing closing "quote/);
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});
