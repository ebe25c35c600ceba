import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckCache, RENDER_LIBRARIES, ruleSources } from '../../src/content/check-cache.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { projectRoot } from '../helpers/build.ts';

/** A scratch copy of a fixture content folder, and a cache file beside it. */
async function scratch(fixture: string, { statSettleMs }: { statSettleMs?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'check-cache-'));
  await cp(join(projectRoot, fixture), join(dir, 'content'), { recursive: true });
  const run = () =>
    checkContent({
      root: dir,
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
      cacheFile: join(dir, 'cache.json'),
      statSettleMs,
    });
  return { dir, run };
}

/** Long enough for a file's times to fall behind the clock's, whatever the file system's tick. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

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
    const file = join(dir, 'content/papers/2025/plain-paper.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('in-context-learning', 'in-context-lerning'));
    const { problems } = await run();
    expect(problems.map(formatProblem)).toEqual([
      'content/papers/2025/plain-paper.mdx:7: tags[0]: unknown topic "in-context-lerning". Did you mean "in-context-learning"?',
    ]);
  });

  it('still reports cross-file problems between cached papers', async () => {
    const { dir, run } = await scratch('tests/fixtures/site');
    await run();
    await cp(join(dir, 'content/papers/2025/2306.13575.mdx'), join(dir, 'content/papers/2025/copy.mdx'));
    const problems = (await run()).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/papers\/2025\/copy\.mdx:\d+: arxiv: arXiv 2306\.13575 is already/),
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

  it('reads only the files whose stat changed since they passed', async () => {
    const { dir, run } = await scratch('tests/fixtures/site', { statSettleMs: 0 });
    await settle();
    const first = await run();
    expect(first.problems).toEqual([]);
    expect(first.read).toBe(first.papers.length);
    expect(first.read).toBeGreaterThan(1);
    expect((await run()).read).toBe(0);

    const file = join(dir, 'content/papers/2025/plain-paper.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('in-context-learning', 'in-context-lerning'));
    await settle();
    const edited = await run();
    expect(edited.read).toBe(1);
    expect(edited.problems.map(formatProblem)).toEqual([
      'content/papers/2025/plain-paper.mdx:7: tags[0]: unknown topic "in-context-lerning". Did you mean "in-context-learning"?',
    ]);
  });

  it('reads a file whose bytes changed though its size and modification time were put back', async () => {
    const { dir, run } = await scratch('tests/fixtures/site', { statSettleMs: 0 });
    const file = join(dir, 'content/papers/2025/plain-paper.mdx');
    // A whole second, so that setting it again restores it exactly.
    const time = Math.floor(Date.now() / 1000) - 60;
    await utimes(file, time, time);
    await settle();
    expect((await run()).problems).toEqual([]);
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    // The same length: only the change time (which no tool can set) tells the file changed.
    await writeFile(file, text.replace('in-context-learning', 'in-context-learnin_'));
    await utimes(file, time, time);
    expect((await stat(file)).size).toBe(before.size);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    const again = await run();
    expect(again.read).toBe(1);
    expect(again.problems.map((problem) => problem.field)).toEqual(['tags[0]']);
  });

  it('reads every file while they are too fresh for their stat to be trusted', async () => {
    const { run } = await scratch('tests/fixtures/site', { statSettleMs: 60_000 });
    const first = await run();
    expect((await run()).read).toBe(first.read);
  });

  it('rewrites its file only when what it holds changed', async () => {
    const { dir, run } = await scratch('tests/fixtures/site', { statSettleMs: 0 });
    await settle();
    await run();
    const cacheFile = join(dir, 'cache.json');
    const written = (await stat(cacheFile)).mtimeMs;
    await settle();
    await run();
    expect((await stat(cacheFile)).mtimeMs).toBe(written);

    await rm(join(dir, 'content/papers/2025/plain-paper.mdx'));
    await run();
    const papers = JSON.parse(await readFile(cacheFile, 'utf8')) as { papers: Record<string, unknown> };
    expect(Object.keys(papers.papers)).not.toContain('content/papers/2025/plain-paper.mdx');
    expect(Object.keys(papers.papers).length).toBeGreaterThan(0);
  });
});

describe('the rules digest', () => {
  it('covers the version of every package a rule module runs', async () => {
    // Runtime imports only: `import type` leaves nothing in the running code.
    const packages = new Set<string>();
    for (const code of (await ruleSources()).values()) {
      for (const [, spec] of code
        .toString('utf8')
        .matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm))
        if (!spec!.startsWith('.') && !spec!.startsWith('node:'))
          packages.add(
            spec!
              .split('/')
              .slice(0, spec!.startsWith('@') ? 2 : 1)
              .join('/'),
          );
    }
    expect(packages.size).toBeGreaterThan(10);
    expect([...packages].filter((name) => !(RENDER_LIBRARIES as readonly string[]).includes(name))).toEqual([]);
  });

  it('covers modules imported on use, not only at the top', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rule-sources-'));
    await mkdir(join(dir, 'lib'));
    await writeFile(join(dir, 'entry.ts'), "const { rule } = await import('./lib/lazy.ts');\nexport { rule };\n");
    await writeFile(join(dir, 'lib/lazy.ts'), "export { rule } from './rule.ts';\n");
    await writeFile(join(dir, 'lib/rule.ts'), 'export const rule = 1;\n');
    const sources = await ruleSources([new URL(`file://${join(dir, 'entry.ts')}`)]);
    expect([...sources.keys()].map((url) => url.slice(url.lastIndexOf(dir) + dir.length))).toEqual([
      '/entry.ts',
      '/lib/lazy.ts',
      '/lib/rule.ts',
    ]);
  });
});
