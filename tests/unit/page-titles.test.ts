import { describe, expect, it } from 'vitest';
import { paperDetails, paperPageDetails } from '../../src/components/paper-details.ts';
import type { Paper } from '../../src/data/papers.ts';
import { formatDateWithWeekday, formatMonth } from '../../src/lib/dates.ts';
import {
  listFeedTitle,
  listTitle,
  listTitleParts,
  readsAsSitePageTitle,
  SITE_PAGE_NAMES,
  type ListKind,
} from '../../src/lib/page-titles.ts';
import { pagedName } from '../../src/lib/paginate.ts';
import { hostileNames } from '../helpers/hostile-papers.ts';

const KINDS: readonly ListKind[] = ['author', 'topic'];
const SITE = { title: 'Paper Digest' };

/** Names made to read as other pages' titles (of lists of three pages, as siteTitles makes them), and random ones (hostileNames, seeded). */
function names(seed: number): string[] {
  const plain = ['Robotics', 'Ada Lovelace', 'Papers', '王 小明', 'Theory & Practice', ...hostileNames(seed, 40)];
  return [
    ...plain,
    ...plain.flatMap((name) => [
      `${name} — page 2 of 3`,
      `${name}” — page 2 of 3`,
      `Papers by “${name}”`,
      `Papers on ${name}`,
      `${SITE.title}: ${name}`,
      `papers by ${name}`,
    ]),
    ...Object.values(SITE_PAGE_NAMES),
  ];
}

/** The `<title>` (before ` · <site>`) of every page of a site of these names that is not a paper. */
function siteTitles(listNames: readonly string[]): string[] {
  const lastPage = 3;
  const pages = [1, 2, 3];
  return [
    // The A–Z list of authors is the one of them in pages.
    ...Object.values(SITE_PAGE_NAMES).filter((name) => name !== SITE_PAGE_NAMES.authors),
    ...pages.map((page) => pagedName(SITE_PAGE_NAMES.authors, page, lastPage)),
    '2025',
    formatMonth(2025, 6),
    ...pages.map((page) => pagedName(formatDateWithWeekday('2025-06-06'), page, lastPage)),
    ...listNames.flatMap((name) => KINDS.flatMap((kind) => pages.map((page) => listTitle(kind, name, page, lastPage)))),
  ];
}

describe('page titles', () => {
  it("give every author's and topic's page, and the site's own pages, a title of its own", () => {
    for (const seed of [1, 2, 3]) {
      const titles = siteTitles([...new Set(names(seed))]);
      const seen = new Map<string, number>();
      for (const title of titles) seen.set(title, (seen.get(title) ?? 0) + 1);
      expect([...seen].filter(([, count]) => count > 1)).toEqual([]);
    }
  });

  it("read as the site's pages, so a paper of one of their titles adds its detail", () => {
    for (const title of siteTitles(names(4))) {
      expect(readsAsSitePageTitle(title), title).toBe(true);
      // A paper's detail is written last, in brackets: no other page's title ends so.
      expect(title.endsWith(')'), title).toBe(false);
    }
    for (const title of ['Attention Is All You Need', 'Papers by the Sea', 'Authors of the World', '2025 Survey'])
      expect(readsAsSitePageTitle(title), title).toBe(false);
  });

  it('say what a list is and quote its name, as the h1 says it', () => {
    expect(listTitle('author', 'Ada Lovelace', 2, 5)).toBe('Papers by “Ada Lovelace” — page 2 of 5');
    expect(listTitle('topic', 'Robotics', 1, 1)).toBe('Papers on “Robotics”');
    expect(listTitleParts('topic', 'Robotics', 2, 5)).toEqual(['Papers on “', 'Robotics', '” — page 2 of 5']);
    // A name that ends like a page is its list's page 1, not another list's page 2.
    expect(listTitle('topic', 'Robotics — page 2 of 5', 1, 1)).not.toBe(listTitle('topic', 'Robotics', 2, 5));
  });

  it('word a feed as its list’s page 1 is titled, after the site’s name', () => {
    for (const name of names(6))
      for (const kind of KINDS)
        expect(listFeedTitle(SITE, kind, name), name).toBe(`${SITE.title}: ${listTitle(kind, name, 1, 1)}`);
    expect(listFeedTitle(SITE, 'author', 'Ada')).toBe('Paper Digest: Papers by “Ada”');
  });

  it("give an author's and a topic's feeds, and the digest's, titles of their own", () => {
    const all = names(5);
    const titles = [SITE.title, ...KINDS.flatMap((kind) => all.map((name) => listFeedTitle(SITE, kind, name)))];
    expect(new Set(titles).size).toBe(new Set(all).size * KINDS.length + 1);
  });

  it("add the digest day to the page title of a paper titled as another paper's page, detail and all", () => {
    const paper = (id: string, title: string, date: string) =>
      ({ id, data: { title, date, arxiv: undefined } }) as unknown as Paper;
    const papers = [
      paper('a', 'Attention', '2025-06-06'),
      paper('b', 'Attention', '2025-06-07'),
      paper('c', 'Attention (digest of June 6, 2025)', '2025-06-08'),
      paper('d', 'attention  (Digest of June 6, 2025) (digest of June 8, 2025)', '2025-06-09'),
      paper('e', 'Attention (digest of June 1, 2025)', '2025-06-09'),
    ];
    const details = paperPageDetails(papers);
    const titles = papers.map((p) => (details.has(p) ? `${p.data.title} (${details.get(p)})` : p.data.title));
    const heardTitles = titles.map((title) => title.toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(heardTitles).size).toBe(papers.length);
    // Only where a title is shared: no other paper's page adds the day `e` names.
    expect(details.has(papers[4]!)).toBe(false);
  });

  it('work out each paper page’s title once, and again only for a paper given a detail', () => {
    // Chains of titles that each read as the one before with its detail: a detail a round.
    const reads = new Map<string, number>();
    const paper = (id: string, title: string, date: string) => {
      const data = { date, arxiv: undefined };
      Object.defineProperty(data, 'title', {
        get: () => (reads.set(id, (reads.get(id) ?? 0) + 1), title),
      });
      return { id, data } as unknown as Paper;
    };
    const papers = [
      paper('a', 'Attention', '2025-06-06'),
      paper('b', 'Attention', '2025-06-07'),
      paper('c', 'Attention (digest of June 6, 2025)', '2025-06-08'),
      paper('d', 'Attention (digest of June 6, 2025) (digest of June 8, 2025)', '2025-06-09'),
      paper('e', 'Plain', '2025-06-09'),
      paper('f', 'Authors', '2025-06-10'),
    ];
    paperDetails(papers);
    const before = new Map(reads);
    reads.clear();
    paperPageDetails(papers);
    // paperPageDetails runs paperDetails, then reads each title once, and once more if given a detail.
    for (const p of papers) expect((reads.get(p.id) ?? 0) - (before.get(p.id) ?? 0), p.id).toBeLessThanOrEqual(2);
  });

  it('add the digest day to the page title of a paper titled as another page, and only to those', () => {
    const paper = (id: string, title: string) =>
      ({ id, data: { title, date: '2025-06-06', arxiv: undefined } }) as unknown as Paper;
    const papers = [
      paper('a', 'Authors'),
      paper('b', 'Papers by “Ada Lovelace”'),
      paper('c', 'Topics — page 2 of 3'),
      paper('d', 'June 2025'),
      // The names of the links every page has: the home page's, and the site's title.
      paper('g', 'Latest'),
      paper('h', 'paper digest'),
      paper('e', 'Papers by the Sea'),
      paper('f', 'Attention'),
    ];
    const details = paperPageDetails(papers);
    expect(papers.map((p) => details.get(p))).toEqual([
      ...Array(6).fill('digest of June 6, 2025'),
      undefined,
      undefined,
    ]);
  });
});
