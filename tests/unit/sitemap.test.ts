import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { sitemapChunks, sitemapIndexXml, urlsetXml, type SitemapChunk } from '../../src/lib/sitemap.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { xmlErrors } from '../../src/lib/xml.ts';

const urls = createUrls({ base: '/digest/', site: 'https://digest.example.org' });
interface Paper {
  id: string;
  data: { date: string };
}
const paper = (id: string, date: string): Paper => ({ id, data: { date } });
const newestFirst = (papers: Paper[]) =>
  [...papers].sort((a, b) =>
    a.data.date !== b.data.date ? (a.data.date < b.data.date ? 1 : -1) : a.id < b.id ? -1 : 1,
  );

function chunksOf(papers: Paper[], maxUrls: number): Map<string, SitemapChunk['entries']> {
  const sorted = newestFirst(papers);
  const chunks = sitemapChunks({
    urls,
    archive: buildArchive(sorted),
    topics: [{ slug: 't' }],
    papersByTopic: new Map([['t', sorted]]),
    pageSize: 50,
    maxUrls,
  });
  return new Map(chunks.map((chunk) => [chunk.name, chunk.entries]));
}

/** `count` papers on consecutive days of one month, ids `prefix-0…`. */
const month = (prefix: string, yearMonth: string, count: number) =>
  Array.from({ length: count }, (_, index) =>
    paper(`${prefix}-${index}`, `${yearMonth}-${String((index % 28) + 1).padStart(2, '0')}`),
  );

describe('sitemap chunks', () => {
  it("puts every page of every author in the authors chunk(s), dated by the author's newest paper", () => {
    const papers = newestFirst(month('a', '2025-01', 5));
    const chunks = sitemapChunks({
      urls,
      archive: buildArchive(papers),
      topics: [],
      papersByTopic: new Map(),
      pageSize: 2,
      authors: [
        { slug: 'ada', papers },
        { slug: 'bo', papers: papers.slice(0, 1) },
      ],
      authorIndexPages: 2,
      maxUrls: 3,
    });
    const byName = new Map(chunks.map((chunk) => [chunk.name, chunk.entries]));
    const root = 'https://digest.example.org/digest/';
    // Ada: 5 papers, 3 pages; Bo: 1 page. Four URLs: two parts of at most three. Ada's newest
    // paper (January 5) moved every one of her pages' papers down a place: all three changed then.
    expect(byName.get('authors-1')).toEqual([
      { loc: `${root}authors/ada/`, lastmod: '2025-01-05' },
      { loc: `${root}authors/ada/2/`, lastmod: '2025-01-05' },
      { loc: `${root}authors/ada/3/`, lastmod: '2025-01-05' },
    ]);
    expect(byName.get('authors-2')).toEqual([{ loc: `${root}authors/bo/`, lastmod: '2025-01-05' }]);
    const pages = [...byName].filter(([name]) => name.startsWith('pages')).flatMap(([, entries]) => entries);
    expect(pages).toContainEqual({ loc: `${root}authors/`, lastmod: '2025-01-05' });
    expect(pages).toContainEqual({ loc: `${root}authors/-/2/`, lastmod: '2025-01-05' });
  });

  it('keeps a year in one chunk while it fits, and splits a year that does not by month, then day', () => {
    const papers = [...month('a', '2024-03', 5), ...month('b', '2025-01', 4), ...month('c', '2025-02', 4)];
    const chunks = chunksOf(papers, 6);
    expect([...chunks.keys()].filter((name) => name.startsWith('papers-'))).toEqual([
      'papers-2025-02',
      'papers-2025-01',
      'papers-2024',
    ]);
    // 2025-02 has 4 papers on 4 days: a limit of 3 splits it by day.
    const byDay = chunksOf(papers, 3);
    expect([...byDay.keys()].filter((name) => name.startsWith('papers-2025-02'))).toEqual([
      'papers-2025-02-04',
      'papers-2025-02-03',
      'papers-2025-02-02',
      'papers-2025-02-01',
    ]);
  });

  it('cuts only a day with more papers than a sitemap holds into numbered parts', () => {
    const sameDay = Array.from({ length: 5 }, (_, index) => paper(`p${index}`, '2025-01-01'));
    const chunks = chunksOf(sameDay, 2);
    expect([...chunks.keys()].filter((name) => name.startsWith('papers-'))).toEqual([
      'papers-2025-01-01-1',
      'papers-2025-01-01-2',
      'papers-2025-01-01-3',
    ]);
    expect([...chunks.values()].every((entries) => entries.length <= 2)).toBe(true);
  });

  it('changes only the chunk of its year (and the other pages) when a paper is added', () => {
    const papers = [...month('a', '2023-05', 4), ...month('b', '2024-07', 4), ...month('c', '2025-01', 4)];
    const before = chunksOf(papers, 40);
    const after = chunksOf([...papers, paper('new', '2024-07-15')], 40);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter(
      (name) => JSON.stringify(after.get(name)) !== JSON.stringify(before.get(name)),
    );
    expect(changed).toEqual(['pages', 'papers-2024']);
  });

  it('lists every paper once, with its digest date, at its absolute URL', () => {
    const papers = [...month('a', '2024-03', 30), ...month('b', '2025-01', 30)];
    const entries = [...chunksOf(papers, 7).entries()]
      .filter(([name]) => name.startsWith('papers-'))
      .flatMap(([, e]) => e);
    expect(entries.map((entry) => entry.loc).sort()).toEqual(
      papers.map((p) => `https://digest.example.org/digest/papers/${p.id}/`).sort(),
    );
    for (const p of papers) {
      expect(entries).toContainEqual({
        loc: `https://digest.example.org/digest/papers/${p.id}/`,
        lastmod: p.data.date,
      });
    }
  });
});

describe('sitemap XML', () => {
  it('escapes URLs and writes well-formed urlset and index documents', () => {
    const xml = urlsetXml([
      { loc: 'https://a.example/x?a=1&b=<2>' },
      { loc: 'https://a.example/y', lastmod: '2025-01-02' },
    ]);
    expect(xmlErrors(xml)).toEqual([]);
    expect(xml).toContain('<loc>https://a.example/x?a=1&amp;b=&lt;2&gt;</loc>');
    expect(xml).toMatch(/<url>\s*<loc>https:\/\/a\.example\/y<\/loc>\s*<lastmod>2025-01-02<\/lastmod>\s*<\/url>/);
    const index = sitemapIndexXml([{ loc: 'https://a.example/sitemap-pages.xml', lastmod: undefined }]);
    expect(xmlErrors(index)).toEqual([]);
    expect(index).not.toContain('lastmod');
  });
});
