import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { openBundles } from '../../src/integrations/bundles.ts';
import {
  BUNDLE_FOLDER,
  decodeFileBundle,
  encodeFileBundle,
  BUNDLES_PER_KIND,
  groupIntoBundles,
  pathProblem,
} from '../../src/lib/file-bundle.ts';
import { PAGE_BUNDLE_FOLDER, PAGE_BUNDLE_MARKERS } from '../../src/lib/page-bundle.ts';

async function site(): Promise<{ outDir: string; cacheDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'bundles-'));
  return { outDir: join(root, 'dist'), cacheDir: join(root, 'cache') };
}

/** Writes bundles into dist/build-bundles/ the way Astro writes the bundle route's outputs. */
async function writeBundles(outDir: string, bundles: Record<string, [string, string][]>): Promise<void> {
  await mkdir(join(outDir, BUNDLE_FOLDER), { recursive: true });
  for (const [name, files] of Object.entries(bundles)) {
    await writeFile(join(outDir, BUNDLE_FOLDER, `${name}.json`), encodeFileBundle(files));
  }
}

/** Writes a page bundle the way Astro writes the page-bundle route's output: `pages` are [file, title, heading]. */
async function writePageBundle(outDir: string, name: string, pages: [string, string, string][]): Promise<void> {
  const { headSlot, pages: list, pageHead, pageMain } = PAGE_BUNDLE_MARKERS;
  const parts = pages.map(
    ([file, title, heading]) =>
      `<${pageHead} data-file="${file}"><title>${title}</title></${pageHead}><${pageMain} data-file="${file}"><h1>${heading}</h1></${pageMain}>`,
  );
  await mkdir(join(outDir, PAGE_BUNDLE_FOLDER, name), { recursive: true });
  await writeFile(
    join(outDir, PAGE_BUNDLE_FOLDER, name, 'index.html'),
    `<html><head><${headSlot}></${headSlot}></head><body><main><${list}>${parts.join('')}</${list}></main></body></html>`,
  );
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Both steps, as the publish step takes them. */
async function unpackBundles(dirs: { outDir: string; cacheDir: string }, astroOutputs: ReadonlySet<string>) {
  const opened = await openBundles(dirs, astroOutputs);
  return { files: opened.files, written: await opened.write() };
}

const read = (outDir: string, file: string) => readFile(join(outDir, file), 'utf8');

describe('file bundles', () => {
  it('carry any text unchanged (2,000 seeded random files, every UTF-16 code unit)', () => {
    const random = seededRandom(16);
    const unit = () =>
      // Mostly the awkward ones: controls, quotes, <, lone surrogates, U+2028; sometimes any unit.
      random() < 0.5
        ? pick(random, ['\0', '\n', '"', '\\', '<', '</script>', '\u2028', '\ud800', '\udfff', '\u{1F600}', 'ü'])
        : String.fromCharCode(Math.floor(random() * 0x10000));
    const files = Array.from({ length: 2000 }, (_, index): [string, string] => [
      `authors/a${index}/rss.xml`,
      Array.from({ length: Math.floor(random() * 40) }, unit).join(''),
    ]);
    expect(decodeFileBundle(encodeFileBundle(files), 'test')).toEqual(files);
  });

  it('refuse paths that leave the output folder or name no file', () => {
    for (const path of [
      '/etc/passwd',
      '../x',
      'a/../../x',
      'a//b',
      'a/./b',
      'a/',
      '',
      'a\\b',
      'a\0b',
      `${BUNDLE_FOLDER}/x.json`,
    ]) {
      expect(pathProblem(path), path).toBeDefined();
      expect(() => encodeFileBundle([[path, 'x']]), path).toThrow();
      expect(() => decodeFileBundle(JSON.stringify({ files: [[path, 'x']] }), 'b.json'), path).toThrow(
        /b\.json: file 1/,
      );
    }
    for (const path of ['authors/ekin-akyurek/rss.xml', 'authors/李-明/papers.bib', 'a..b/c']) {
      expect(pathProblem(path), path).toBeUndefined();
    }
  });

  it('name the bundle when it is not one', () => {
    expect(() => decodeFileBundle('{', 'authors-00.json')).toThrow(/authors-00\.json: is not a file bundle/);
    expect(() => decodeFileBundle('{"files":[["a",1]]}', 'authors-01.json')).toThrow(/authors-01\.json: file 1/);
  });
});

describe('groupIntoBundles', () => {
  it('puts items of one key in one bundle, named by kind and hash, bundles in name order', () => {
    const items = Array.from({ length: 2000 }, (_, index) => ({ key: `k${index % 1000}`, index }));
    const bundles = groupIntoBundles(items, 'papers', (item) => item.key);
    const names = bundles.map(([name]) => name);
    expect(names.every((name) => /^papers-[0-9a-f]{2}$/.test(name))).toBe(true);
    expect(names).toEqual([...new Set(names)].sort());
    // 1,000 keys over 256 bundles: nearly every bundle is used (about 251 expected).
    expect(bundles.length).toBeGreaterThan(240);
    expect(bundles.length).toBeLessThanOrEqual(BUNDLES_PER_KIND);
    expect(bundles.flatMap(([, members]) => members)).toHaveLength(2000);
    for (const [, members] of bundles) {
      expect(members.length).toBeGreaterThan(0);
      // Each bundle's items in their given order.
      expect(members.map((item) => item.index)).toEqual(members.map((item) => item.index).sort((x, y) => x - y));
    }
    const bundleOf = new Map(bundles.flatMap(([name, members]) => members.map((item) => [item.key, name] as const)));
    for (const [name, members] of bundles) for (const item of members) expect(bundleOf.get(item.key)).toBe(name);
    expect(groupIntoBundles([], 'authors', String)).toEqual([]);
  });
});

describe('openBundles', () => {
  it('writes the files a bundle carries, removes the bundles, and lists the files', async () => {
    const dirs = await site();
    await writeBundles(dirs.outDir, {
      'authors-00': [
        ['authors/a/rss.xml', '<rss>a</rss>'],
        ['authors/a/papers.bib', '@misc{a}'],
      ],
      'authors-01': [['authors/b/rss.xml', '<rss>b</rss>']],
    });
    const unpacked = await unpackBundles(dirs, new Set(['index.html']));
    expect(unpacked.files.sort()).toEqual(['authors/a/papers.bib', 'authors/a/rss.xml', 'authors/b/rss.xml']);
    expect(unpacked.written).toBe(3);
    expect(await read(dirs.outDir, 'authors/a/rss.xml')).toBe('<rss>a</rss>');
    expect(await read(dirs.outDir, 'authors/b/rss.xml')).toBe('<rss>b</rss>');
    expect(existsSync(join(dirs.outDir, BUNDLE_FOLDER))).toBe(false);
  });

  it('lists the files before writing them, so pruning can come first', async () => {
    const dirs = await site();
    await writeBundles(dirs.outDir, { 'authors-00': [['authors/a/rss.xml', '<rss>a</rss>']] });
    const opened = await openBundles(dirs, new Set());
    expect(opened.files).toEqual(['authors/a/rss.xml']);
    expect(existsSync(join(dirs.outDir, 'authors/a/rss.xml'))).toBe(false);
    expect(await opened.write()).toBe(1);
    expect(await read(dirs.outDir, 'authors/a/rss.xml')).toBe('<rss>a</rss>');
  });

  it('writes again only what changed or went missing', async () => {
    const dirs = await site();
    const first = {
      'authors-00': [
        ['x/1', 'one'],
        ['x/2', 'two'],
      ],
      'authors-01': [['y/1', 'three']],
    } satisfies Record<string, [string, string][]>;
    await writeBundles(dirs.outDir, first);
    await unpackBundles(dirs, new Set());
    const before = await stat(join(dirs.outDir, 'x/1'));

    // Unchanged bundles (Astro restored them from its cache): nothing written.
    await writeBundles(dirs.outDir, first);
    expect((await unpackBundles(dirs, new Set())).written).toBe(0);

    // One file of a bundle changed, another file's copy in dist/ went missing.
    await writeBundles(dirs.outDir, {
      ...first,
      'authors-00': [
        ['x/1', 'one'],
        ['x/2', 'two, fixed'],
      ],
    });
    await rm(join(dirs.outDir, 'y/1'));
    const unpacked = await unpackBundles(dirs, new Set());
    expect(unpacked.written).toBe(2);
    expect(await read(dirs.outDir, 'x/2')).toBe('two, fixed');
    expect(await read(dirs.outDir, 'y/1')).toBe('three');
    expect((await stat(join(dirs.outDir, 'x/1'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('cuts the pages out of page bundles, beside the file bundles, and writes again only what changed', async () => {
    const dirs = await site();
    await writeBundles(dirs.outDir, { 'authors-00': [['authors/a/rss.xml', '<rss>a</rss>']] });
    await writePageBundle(dirs.outDir, 'author-pages-00', [
      ['authors/a/index.html', 'A', 'Ada'],
      ['authors/a/2/index.html', 'A (page 2)', 'Ada'],
    ]);
    await writePageBundle(dirs.outDir, 'author-pages-01', [['authors/b/index.html', 'B', 'Bo']]);
    const unpacked = await unpackBundles(dirs, new Set(['index.html']));
    expect(unpacked.files.sort()).toEqual([
      'authors/a/2/index.html',
      'authors/a/index.html',
      'authors/a/rss.xml',
      'authors/b/index.html',
    ]);
    expect(unpacked.written).toBe(4);
    expect(await read(dirs.outDir, 'authors/a/2/index.html')).toBe(
      '<html><head><title>A (page 2)</title></head><body><main><h1>Ada</h1></main></body></html>',
    );
    expect(existsSync(join(dirs.outDir, BUNDLE_FOLDER))).toBe(false);

    await writePageBundle(dirs.outDir, 'author-pages-00', [
      ['authors/a/index.html', 'A', 'Ada'],
      ['authors/a/2/index.html', 'A (page 2)', 'Ada L.'],
    ]);
    await writePageBundle(dirs.outDir, 'author-pages-01', [['authors/b/index.html', 'B', 'Bo']]);
    const again = await unpackBundles(dirs, new Set());
    expect(again.written).toBe(1);
    expect(await read(dirs.outDir, 'authors/a/2/index.html')).toContain('<h1>Ada L.</h1>');
  });

  it('refuses a page that a file bundle also carries, naming both bundles', async () => {
    const dirs = await site();
    await writeBundles(dirs.outDir, { 'authors-00': [['authors/a/index.html', 'x']] });
    await writePageBundle(dirs.outDir, 'author-pages-00', [['authors/a/index.html', 'A', 'Ada']]);
    await expect(unpackBundles(dirs, new Set())).rejects.toThrow(
      /pages\/author-pages-00\/index\.html: carries authors\/a\/index\.html, which .*authors-00\.json also writes/,
    );
  });

  it('refuses a file that a page route or another bundle also writes', async () => {
    const dirs = await site();
    await writeBundles(dirs.outDir, { 'authors-00': [['index.html', 'x']] });
    await expect(unpackBundles(dirs, new Set(['index.html']))).rejects.toThrow(
      /authors-00\.json: carries index\.html, which a page route also writes/,
    );
    await writeBundles(dirs.outDir, { 'authors-00': [['a', 'x']], 'authors-01': [['a', 'y']] });
    await expect(unpackBundles(dirs, new Set())).rejects.toThrow(
      /authors-01\.json: carries a, which .*authors-00\.json also writes/,
    );
  });
});
