import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_MANIFEST } from '../../src/integrations/bundles.ts';
import {
  astroOutputs,
  finishOutput,
  pruneOutput,
  startOutput,
  type OutputFolders,
} from '../../src/integrations/output.ts';

async function folders(files: Record<string, string[]>): Promise<OutputFolders> {
  const root = await mkdtemp(join(tmpdir(), 'output-'));
  const result = { outDir: join(root, 'dist'), cacheDir: join(root, 'cache'), publicDir: join(root, 'public') };
  for (const [folder, names] of Object.entries(files)) {
    for (const name of names) {
      const path = join(root, folder, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, name);
    }
  }
  return result;
}

describe('pruneOutput', () => {
  it('removes what this build did not produce, and the folders it empties', async () => {
    const dirs = await folders({
      dist: [
        'index.html',
        'papers/kept/index.html',
        'papers/removed/index.html',
        'papers/removed.bib',
        'favicon.svg',
        'no-longer-public.txt',
        '_astro/style.css',
        'pagefind/pagefind.js',
      ],
      public: ['favicon.svg'],
    });
    const assets = new Map([
      ['/[...page]', ['index.html', 'papers/kept/index.html'].map((file) => pathToFileURL(join(dirs.outDir, file)))],
    ]);
    const stale = await pruneOutput(dirs, astroOutputs(dirs.outDir, assets));
    expect(stale).toEqual(['no-longer-public.txt', 'papers/removed.bib', 'papers/removed/index.html']);
    for (const kept of [
      'index.html',
      'papers/kept/index.html',
      'favicon.svg',
      '_astro/style.css',
      'pagefind/pagefind.js',
    ]) {
      expect(existsSync(join(dirs.outDir, kept)), kept).toBe(true);
    }
    expect(existsSync(join(dirs.outDir, 'papers/removed'))).toBe(false);
    expect(existsSync(join(dirs.outDir, 'papers'))).toBe(true);
  });
});

describe('startOutput and finishOutput', () => {
  it('empty _astro/, and forget the incremental manifest only after a build that did not finish', async () => {
    const dirs = await folders({ dist: ['_astro/old.css'], cache: ['incremental-build.json', BUNDLE_MANIFEST] });
    expect(await startOutput(dirs)).toEqual({ previousUnfinished: false });
    expect(existsSync(join(dirs.outDir, '_astro'))).toBe(false);
    expect(existsSync(join(dirs.cacheDir, 'incremental-build.json'))).toBe(true);
    expect(existsSync(join(dirs.cacheDir, BUNDLE_MANIFEST))).toBe(true);

    // The first build never finished: the next one must not trust the manifest.
    expect(await startOutput(dirs)).toEqual({ previousUnfinished: true });
    expect(existsSync(join(dirs.cacheDir, 'incremental-build.json'))).toBe(false);
    expect(existsSync(join(dirs.cacheDir, BUNDLE_MANIFEST))).toBe(false);

    await finishOutput(dirs);
    expect(await startOutput(dirs)).toEqual({ previousUnfinished: false });
  });
});
