import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildsDir, type BuildResult } from '../helpers/build.ts';

/**
 * A rebuild reuses dist/ and skips pages whose cache key and code are unchanged (Astro's
 * incremental build, keys from src/data/page-keys.ts). It must write exactly what a clean build
 * of the same content writes: no stale page, no page missing an update, no file left behind.
 */
const env = { PAPER_DIGEST_PAGE_SIZE: '3', TZ: 'UTC' };

async function contentCopy(): Promise<string> {
  await mkdir(buildsDir, { recursive: true });
  const dir = await mkdtemp(join(buildsDir, 'content-'));
  await cp('tests/fixtures/browse', dir, { recursive: true });
  return dir;
}

/** Every file of a built site with its bytes. */
async function siteFiles(outDir: string): Promise<Map<string, Buffer>> {
  const files = (await glob('**/*', { cwd: outDir, dot: true })).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(outDir, file))] as const)));
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!)).sort();
}

/**
 * Edits that reach other pages: a new paper on an existing day (the day's pagination, its
 * neighbours, its topic pages and feeds), a changed title (shown on its neighbours, list pages and
 * related lists) and a removed paper (its page and .bib must go, and every link to it).
 */
async function editContent(dir: string): Promise<void> {
  const papers = join(dir, 'papers');
  const a1 = await readFile(join(papers, '2025/a1.mdx'), 'utf8');
  await writeFile(join(papers, '2025/a5.mdx'), a1.replace('Paper a1', 'Paper a5, added later'));
  const b1 = await readFile(join(papers, '2024/b1.mdx'), 'utf8');
  await writeFile(join(papers, '2024/b1.mdx'), b1.replace(/^title: .*$/m, 'title: "A better title for b1"'));
  await rm(join(papers, '2023/e1.mdx'));
}

describe('incremental rebuilds', () => {
  let content: string;
  let first: BuildResult;
  let rebuild: BuildResult;
  let clean: BuildResult;

  beforeAll(async () => {
    content = await contentCopy();
    first = await buildFixture(content, { env });
    expect(first.ok, first.output).toBe(true);
    await editContent(content);
    rebuild = await buildFixture(content, { env, work: first.work });
    clean = await buildFixture(content, { env });
  });

  it('skip unchanged pages', () => {
    expect(rebuild.ok, rebuild.output).toBe(true);
    expect(rebuild.output).toMatch(/\(cached\)/);
  });

  it('write a site byte-identical to a clean build of the same content', async () => {
    expect(clean.ok, clean.output).toBe(true);
    const [incremental, fresh] = await Promise.all([siteFiles(rebuild.outDir), siteFiles(clean.outDir)]);
    expect(fresh.has('papers/a5/index.html')).toBe(true);
    expect(incremental.has('papers/e1/index.html')).toBe(false);
    expect(incremental.has('papers/e1.bib')).toBe(false);
    expect(differences(incremental, fresh)).toEqual([]);
  });

  it('render every page again after a build that did not finish', async () => {
    // A build that stopped half-way may leave a page of a version the manifest does not describe.
    const page = join(first.outDir, 'papers/a1/index.html');
    const good = await readFile(page);
    await writeFile(page, good.toString('utf8').replace('Paper a1', 'Half-written'));
    // … or a search index file its manifest says was written whole.
    const entry = join(first.outDir, 'pagefind', 'pagefind-entry.json');
    const goodEntry = await readFile(entry);
    await writeFile(entry, '{"half": "written"}');
    await writeFile(join(first.work, 'cache', 'paper-digest-build-unfinished'), '');
    const again = await buildFixture(content, { env, work: first.work });
    expect(again.ok, again.output).toBe(true);
    expect(again.output).toMatch(/previous build did not finish/);
    expect((await readFile(page)).equals(good)).toBe(true);
    expect((await readFile(entry)).equals(goodEntry)).toBe(true);
  });
});
