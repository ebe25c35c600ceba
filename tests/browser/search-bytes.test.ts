/**
 * What the first search downloads (issue 16's budget), file by file, counted at the server: a
 * browser's own byte count misses what a web worker fetches. The files are deterministic, so the
 * test holds the list exactly: Pagefind's code, its WASM, entry and meta files, one index chunk
 * for a one-word query and one fragment per result shown, and the query expansions
 * (/search/expansions.json) — no worker script, no filter file, no author, vocabulary or arXiv data.
 * The log line also counts the page itself (its HTML, scripts and styles), which the answer needs
 * as much as these.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';
import type { BuildResult } from '../helpers/build.ts';
import { type PageWatch, settled, type StaticServer, useSite } from './helpers.ts';

const CONTENT = 'tests/browser/fixtures/search';
const urls = createUrls({ base: '/', site: 'https://digest.example.org' });

let build: BuildResult;
let server: StaticServer;
let page: Page;
let watch: PageWatch;

useSite(CONTENT, {
  onOpen: (site) => ({ build, server } = site),
  onPage: (fresh, freshWatch) => ((page = fresh), (watch = freshWatch)),
});

/** The kind of a file of the search, by its path. */
function kindOf(path: string): string {
  if (path.endsWith('/pagefind/pagefind.js')) return 'pagefind.js';
  if (path.endsWith('/pagefind/pagefind-worker.js')) return 'worker';
  if (/\/pagefind\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (path.endsWith('/pagefind/pagefind-entry.json')) return 'entry';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_filter')) return 'filter';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (path === '/search/expansions.json') return 'expansions';
  if (path.startsWith('/search/') && path !== '/search/') return 'search data';
  return path.includes('/pagefind/') ? 'other pagefind' : 'page';
}

/** Loads a search and returns, by kind, the files the server sent for it and their bytes. */
async function firstSearch(
  path: string,
  resultCount: number,
): Promise<Map<string, { files: string[]; bytes: number }>> {
  const before = server.requests.length;
  await page.goto(server.origin + path);
  await expect.poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBe(resultCount);
  await settled(watch, { quiet: 1_000 });
  const kinds = new Map<string, { files: string[]; bytes: number }>();
  let pageBytes = 0;
  for (const requested of server.requests.slice(before)) {
    const kind = kindOf(requested);
    const size = (await stat(join(build.outDir, requested, requested.endsWith('/') ? 'index.html' : ''))).size;
    if (kind === 'page') {
      pageBytes += size;
      continue;
    }
    const entry = kinds.get(kind) ?? { files: [], bytes: 0 };
    entry.files.push(requested);
    entry.bytes += size;
    kinds.set(kind, entry);
  }
  const total = [...kinds.values()].reduce((sum, { bytes }) => sum + bytes, 0);
  console.info(
    `${path}: ${total} bytes; ${[...kinds].map(([kind, { files, bytes }]) => `${kind} ${files.length} ${bytes}`).join(', ')}; and the page ${pageBytes}`,
  );
  return kinds;
}

describe('the first one-word search', () => {
  it('downloads Pagefind, its index files for the word and the fragments of the results shown, nothing else', async () => {
    // Every fixture paper says "lattice": five results, one page.
    const kinds = await firstSearch(`${urls.search()}?q=lattice`, 5);
    expect([...kinds.keys()].sort()).toEqual([
      'entry',
      'expansions',
      'fragment',
      'index',
      'meta',
      'pagefind.js',
      'wasm',
    ]);
    for (const kind of ['entry', 'expansions', 'index', 'meta', 'pagefind.js', 'wasm'])
      expect(kinds.get(kind)!.files, kind).toHaveLength(1);
    expect(kinds.get('wasm')!.files[0]).toMatch(/wasm\.en\.pagefind$/);
    expect(kinds.get('fragment')!.files).toHaveLength(5);
  });

  it('from the header box, fetches one fragment per result it shows, the query expansions, and no worker or filter', async () => {
    await page.goto(server.origin + urls.paper('lattice-knots-2022'));
    const before = server.requests.length;
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('lattice');
    await expect.poll(() => page.locator('[data-search-preview] li').count(), { timeout: 10_000 }).toBe(5);
    await settled(watch, { quiet: 1_000 });
    const kinds = server.requests.slice(before).map(kindOf);
    expect(kinds.filter((kind) => kind === 'fragment')).toHaveLength(5);
    // The same expansions as the search page's: `ICL` and `dataset` find as many papers here.
    expect(kinds.filter((kind) => kind === 'expansions')).toHaveLength(1);
    expect(kinds).not.toContain('worker');
    expect(kinds).not.toContain('filter');
  });

  it('with a topic, adds that filter only', async () => {
    const kinds = await firstSearch(`${urls.search()}?q=lattice&topic=attention`, 1);
    expect(kinds.get('filter')?.files).toHaveLength(1);
    expect(kinds.has('worker')).toBe(false);
    expect(kinds.has('search data')).toBe(false);
  });
});
