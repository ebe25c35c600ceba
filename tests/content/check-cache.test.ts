import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckCache } from '../../src/content/check-cache.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { projectRoot } from '../helpers/build.ts';

/** A scratch copy of a fixture content folder, and a cache file beside it. */
async function scratch(fixture: string) {
  const dir = await mkdtemp(join(tmpdir(), 'check-cache-'));
  await cp(join(projectRoot, fixture), join(dir, 'content'), { recursive: true });
  const run = () =>
    checkContent({
      root: dir,
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
      cacheFile: join(dir, 'cache.json'),
    });
  return { dir, run };
}

describe('the check cache', () => {
  it('gives the same answer from the cache as without it', async () => {
    const { run } = await scratch('tests/fixtures/bad-papers');
    const first = await run();
    const second = await run();
    expect(second.problems.map(formatProblem)).toEqual(first.problems.map(formatProblem));
    expect(second.papers.map((paper) => paper.id).sort()).toEqual(first.papers.map((paper) => paper.id).sort());
  });

  it('checks a changed paper again', async () => {
    const { dir, run } = await scratch('tests/fixtures/site');
    expect((await run()).problems).toEqual([]);
    const file = join(dir, 'content/papers/plain-paper.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('in-context-learning', 'in-context-lerning'));
    const { problems } = await run();
    expect(problems.map(formatProblem)).toEqual([
      'content/papers/plain-paper.mdx:7: tags[0]: unknown topic "in-context-lerning". Did you mean "in-context-learning"?',
    ]);
  });

  it('still reports cross-file problems between cached papers', async () => {
    const { dir, run } = await scratch('tests/fixtures/site');
    await run();
    await cp(join(dir, 'content/papers/2306.13575.mdx'), join(dir, 'content/papers/copy.mdx'));
    const problems = (await run()).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/papers\/copy\.mdx:\d+: arxiv: arXiv 2306\.13575 is already/),
    ]);
  });

  it('is dropped when the rules change', async () => {
    const { dir } = await scratch('tests/fixtures/site');
    const path = join(dir, 'cache.json');
    const cache = await CheckCache.open(path, 'rules-1');
    cache.set('a.mdx', 'digest', {
      id: 'a',
      file: 'a.mdx',
      data: {} as never,
      lines: { arxiv: 1, title: 1, date: 1, authors: [] },
    });
    await cache.save();
    expect((await CheckCache.open(path, 'rules-1')).get('a.mdx', 'digest')?.id).toBe('a');
    expect((await CheckCache.open(path, 'rules-2')).get('a.mdx', 'digest')).toBeUndefined();
    expect((await CheckCache.open(path, 'rules-1')).get('a.mdx', 'other-digest')).toBeUndefined();
  });
});
