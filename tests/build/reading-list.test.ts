/**
 * The reading list's data, in built output: every paper has a `/papers/<id>.json` beside its page
 * that says what its source says (title as plain text, authors, date, page URL under the base
 * path, and the citation facts the RIS download is written from), written by the JSON encoder (no `<`, `>` or `&` in the file); nothing else is written
 * there. And the /saved/ page with everything it loads (HTML, CSS, scripts, 20 papers' JSON) stays
 * within the issue's budget of 100 KB, a figure that does not depend on how many papers the
 * digest has: the page holds no paper, and each JSON file holds one.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { shownAuthorNames } from '../../src/lib/author-list.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { buildFixture, projectRoot, type BuildResult } from '../helpers/build.ts';

let cite: BuildResult;
let seed: BuildResult;

beforeAll(async () => {
  // Sequential: two builds at once would only compete for the same two cores.
  cite = await buildFixture('tests/fixtures/cite', { base: '/sub/' });
  seed = await buildFixture('content');
});

interface Source {
  id: string;
  title: string;
  authors: string[];
  date: string;
}

async function sources(contentDir: string): Promise<Source[]> {
  const folder = join(projectRoot, contentDir, 'papers');
  const files = (await glob('**/*.mdx', { cwd: folder })).sort();
  return Promise.all(
    files.map(async (file) => {
      const { source } = parseSource(file, await readFile(join(folder, file), 'utf8'));
      const data = source!.data as Omit<Source, 'id'>;
      return { id: basename(file, '.mdx'), title: data.title, authors: data.authors, date: data.date };
    }),
  );
}

const jsonFiles = async (build: BuildResult) =>
  (await glob('papers/*.json', { cwd: build.outDir })).sort().map((file) => basename(file, '.json'));

describe('per-paper JSON for the reading list', () => {
  it('builds', () => {
    expect(cite.ok, cite.output).toBe(true);
    expect(seed.ok, seed.output).toBe(true);
  });

  it('is written for every paper, and for nothing else', async () => {
    for (const [build, contentDir] of [
      [cite, 'tests/fixtures/cite'],
      [seed, 'content'],
    ] as const) {
      const ids = (await sources(contentDir)).map((paper) => paper.id).sort();
      expect(await jsonFiles(build)).toEqual(ids);
    }
  });

  it('says what the paper says: plain-text title, the authors a list shows and how many more, date and page URL under the base path', async () => {
    const urls = createUrls({ base: '/sub/', site: 'https://digest.example.org' });
    // Title math is written as text, as a reader reads it; `&` and `<` are characters.
    const plainTitles: Record<string, string> = {
      '2401.00001': 'GPT-4 & Friends: 50% of snake_case in O(n^2) Time, {Braced} #1 ~ ^ \\ <2>',
    };
    const papers = await sources('tests/fixtures/cite');
    // The source has math to turn into text.
    expect(papers.find((paper) => paper.id === '2401.00001')!.title).toContain('$O(n^2)$');
    // What the RIS download writes of each (src/lib/encode/ris.ts), as each file gives it: the .bib's
    // entry type, each author family name first (no abstract), the date cited
    // (a venue's year, else the first version's), arXiv's id, DOI and page, else the PDF.
    const arxiv = (id: string) => ({ arxiv: id, doi: `10.48550/arXiv.${id}`, url: `https://arxiv.org/abs/${id}` });
    const cited: Record<string, unknown> = {
      '2401.00001': {
        kind: 'misc',
        authors: ['Çelik, Zoë', "O'Brien-Łukasz, Ahmet", 'Research and Development Team'],
        moreAuthors: 0,
        date: '2024-01-01',
        venue: 'Journal of Tricky Titles',
        ...arxiv('2401.00001'),
      },
      '2402.00002': {
        kind: 'inproceedings',
        authors: ['Çelik, Zoë', 'Turing, Alan'],
        moreAuthors: 0,
        date: '2024',
        venue: 'NeurIPS 2024',
        ...arxiv('2402.00002'),
      },
      '2403.00003': {
        kind: 'misc',
        authors: ['Celik, Zoe'],
        moreAuthors: 0,
        date: '2024-03-01',
        ...arxiv('2403.00003'),
      },
      'no-arxiv': {
        kind: 'misc',
        authors: ['Hopper, Grace'],
        moreAuthors: 0,
        url: 'https://example.org/paper.pdf',
      },
      'old-style': {
        kind: 'misc',
        authors: ['van der Maaten, Laurens'],
        moreAuthors: 0,
        date: '2003-09-08',
        ...arxiv('math/0309136'),
      },
    };
    expect(Object.keys(cited).sort()).toEqual(papers.map((paper) => paper.id).sort());
    for (const paper of papers) {
      const data = JSON.parse(await readFile(join(cite.outDir, `papers/${paper.id}.json`), 'utf8')) as unknown;
      expect(data, paper.id).toEqual({
        id: paper.id,
        title: plainTitles[paper.id] ?? paper.title,
        // The names every list of papers shows (src/lib/author-list.ts), and the count of the rest.
        authors: shownAuthorNames(paper.authors),
        otherAuthors: paper.authors.length - shownAuthorNames(paper.authors).length,
        date: paper.date,
        url: urls.paper(paper.id),
        cite: cited[paper.id],
      });
    }
  });

  it('is encoded by the JSON encoder: no raw <, > or & even where the title has them', async () => {
    const text = await readFile(join(cite.outDir, 'papers/2401.00001.json'), 'utf8');
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c2\\u003e');
    expect(text).toContain('GPT-4 \\u0026 Friends');
  });
});

describe('the /saved/ page', () => {
  /** A built file's path for a URL the page references (`/_astro/x.js`, `./x.js` from a script). */
  const fileOf = (outDir: string, url: string, from: string) =>
    url.startsWith('/') ? join(outDir, url) : join(dirname(from), url);

  /** The page and every file it loads: stylesheets, scripts and the modules they import, icon. */
  async function pageWithAssets(outDir: string): Promise<Map<string, number>> {
    const sizes = new Map<string, number>();
    const visit = async (file: string) => {
      if (sizes.has(file)) return;
      const text = await readFile(file, 'utf8');
      sizes.set(file, (await stat(file)).size);
      const references = file.endsWith('.html')
        ? [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
        : file.endsWith('.js')
          ? [...text.matchAll(/\b(?:import|from)\s*["']([^"']+)["']/g)].map((match) => match[1]!)
          : [];
      for (const reference of references) {
        if (/^https?:/.test(reference)) continue; // feed autodiscovery and canonical: not loaded
        await visit(fileOf(outDir, reference, file));
      }
    };
    await visit(join(outDir, 'saved/index.html'));
    return sizes;
  }

  it('loads under 100 KB with 20 saved papers, whatever the size of the digest', async () => {
    const assets = await pageWithAssets(seed.outDir);
    const page = [...assets.values()].reduce((sum, size) => sum + size, 0);
    // It loads the scripts it needs and nothing of search (Pagefind) or of the whole digest.
    expect([...assets.keys()].some((file) => /pagefind|search\/(arxiv|words)/.test(file))).toBe(false);
    expect([...assets.keys()].some((file) => /saved\.astro.*\.js$/.test(file))).toBe(true);
    const jsonSizes = await Promise.all(
      (await jsonFiles(seed)).map(async (id) => (await stat(join(seed.outDir, `papers/${id}.json`))).size),
    );
    const twentyLargest = jsonSizes
      .sort((a, b) => b - a)
      .slice(0, 20)
      .reduce((sum, size) => sum + size, 0);
    // For the README: what the page weighs, and what 20 of the seed's largest papers add.
    console.log(
      `/saved/: page and assets ${page} bytes (${assets.size} files); 20 largest paper JSON ${twentyLargest} bytes; total ${page + twentyLargest} bytes`,
    );
    expect(page + twentyLargest).toBeLessThanOrEqual(100 * 1024);
  });
});
