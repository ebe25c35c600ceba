import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, buildsDir } from '../helpers/build.ts';

/** The loader renders a paper once and reuses it while the file and the rules stay the same. */
describe('the paper loader cache', () => {
  it('reuses rendered papers, gives the same pages, and renders again when a cached body is gone', async () => {
    const cache = await mkdtemp(join(buildsDir, 'cache-'));
    const env = { PAPER_DIGEST_CACHE_DIR: cache };
    const first = await buildFixture('tests/fixtures/site', { env });
    expect(first.output).toContain('2 papers (2 rendered, 0 cached)');

    const second = await buildFixture('tests/fixtures/site', { env });
    expect(second.output).toContain('2 papers (0 rendered, 2 cached)');
    const page = 'papers/2306.13575/index.html';
    expect(await readFile(join(second.outDir, page), 'utf8')).toBe(await readFile(join(first.outDir, page), 'utf8'));

    // Rendered bodies live beside the content store, two files a paper (for feeds, for its page);
    // without either, the paper is rendered again.
    const bodies = (await readdir(join(cache, 'paper-html'))).sort();
    expect(bodies.filter((name) => name.endsWith('.page.html'))).toHaveLength(2);
    expect(bodies).toHaveLength(4);
    await rm(
      join(
        cache,
        'paper-html',
        bodies.find((name) => name.endsWith('.page.html'))!,
      ),
    );
    const third = await buildFixture('tests/fixtures/site', { env });
    expect(third.output).toContain('2 papers (1 rendered, 1 cached)');
    expect(third.ok).toBe(true);
  });
});
