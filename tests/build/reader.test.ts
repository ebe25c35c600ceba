import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from '../helpers/build.ts';
import { joinedWords } from '../helpers/spacing.ts';
import { ambiguousNames } from './link-names.ts';
import { outlineProblems } from './page-structure.ts';

/**
 * tests/fixtures/reader: 37 papers of one topic, built with a page size of 3, a feed size of 1 and
 * 10 names a page of the A–Z list of authors,
 * to read the site as a reader does where a day is busier than two pages and counts are one.
 *   2025-01-01: busy1–busy8 (8 papers: pages of 3, 3 and 2) · 2024-12-31: full1–full3 (one page)
 *   2024-12-01 … 2024-12-20: dec1–dec20, one a day · 2024-06-15: twina, twinb · 2024-06-14: twinc
 *   2024-02-29: leap · 2023-12-31: old · 2023-01-01: new23
 * Each paper's title is "Paper <name>", but for the three twins, all "Paper twin" (or "Twin"), and
 * dec7–dec12, titled as other pages are (`Authors`, `Papers by “Shared Person”`, `Papers on “Alpha”
 * — page 2 of 13`, `December 2024`, `Topics`, `Tuesday, December 31, 2024`), and dec14 and dec15,
 * titled as the header's links (`Latest`, `Paper Digest`); dec13 has an author
 * named `Alpha`, as the topic is. Its file is named by its arXiv id where it has one.
 */
const fixture = 'tests/fixtures/reader';
let build: BuildResult;

beforeAll(async () => {
  build = await buildFixture(fixture, {
    env: { PAPER_DIGEST_PAGE_SIZE: '3', PAPER_DIGEST_FEED_SIZE: '1', PAPER_DIGEST_AUTHOR_INDEX_PAGE_SIZE: '10' },
  });
});

const read = (path: string) => readFile(join(build.outDir, path, 'index.html'), 'utf8');
/** The papers a page lists, as its cards link them, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<article class="paper-card"[^]*?<a href="\/papers\/([^/"]+)\/"/g)].map((match) => match[1]);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('reading a busy day', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it("names on the home page's link the papers the page it opens lists", async () => {
    const home = await read('');
    const more = /<p class="more">\s*<a href="([^"]+)">([^]*?)<\/a>/.exec(home);
    expect(more?.[1]).toBe('/2025/01/01/2/');
    // Page 2 of a day of 8 papers, 3 a page, lists papers 4–6: not 4–8, which also takes page 3.
    const said = /papers (\d+)–(\d+) of (\d+)/.exec(text(more?.[2] ?? ''));
    expect(said?.slice(1).map(Number)).toEqual([4, 6, 8]);
    const first = listed(home);
    const second = listed(await read('2025/01/01/2'));
    const third = listed(await read('2025/01/01/3'));
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    expect(third).toHaveLength(2);
    expect(new Set([...first, ...second, ...third]).size).toBe(8);
    // The page's own pager says the same.
    expect(text(await read('2025/01/01/2'))).toContain('Page 2 of 3: papers 4–6 of 8');
  });
});

describe('dates the digest knows', () => {
  it("shows no month after the digest's newest one in the year and archive grids", async () => {
    /** The months a page's grids name, by year (each grid is labelled with its year). */
    const grids = (html: string): Record<string, string[]> =>
      Object.fromEntries(
        [...html.matchAll(/<ol class="month-grid" aria-label="Papers per month in (\d+)">([^]*?)<\/ol>/g)].map(
          (match) => [match[1], [...match[2]!.matchAll(/<span class="month-name">\s*(\w+)/g)].map((name) => name[1])],
        ),
      );
    // The newest paper is of January 1, 2025: February 2025 has not been published, so the digest
    // cannot say it has 0 papers. Every month of 2024 has been.
    expect(grids(await read('2025'))).toEqual({ '2025': ['January'] });
    const archive = grids(await read('archive'));
    expect(archive['2025']).toEqual(['January']);
    expect(archive['2024']).toHaveLength(12);
    expect(archive['2023']).toHaveLength(12);
    expect(grids(await read('2024'))['2024']).toHaveLength(12);
  });
});

describe('dates that say what they are', () => {
  it("names a card's date as the digest day it links, on every list of cards", async () => {
    const lists = [
      '',
      '2025/01/01/2',
      'topics/alpha',
      'topics/alpha/2',
      'authors/shared-person',
      'authors/shared-person/2',
    ];
    for (const path of lists) {
      const html = await read(path);
      const dates = [...html.matchAll(/<a class="meta-date" href="([^"]+)">([^]*?)<\/a>/g)];
      for (const [, href, inner] of dates) {
        const day = /<time datetime="(\d{4})-(\d\d)-(\d\d)">/.exec(inner!)!;
        expect(href, path).toMatch(new RegExp(`^/${day[1]}/${day[2]}/${day[3]}/`));
        expect(text(inner!), path).toMatch(/^Digest of [A-Z][a-z]+ \d{1,2}, \d{4}\b/);
      }
    }
    // Topic pages show dates (several days); at least one card was read.
    expect((await read('topics/alpha')).match(/class="meta-date"/g)?.length).toBeGreaterThan(0);
  });

  it('say a digest day that tells papers of one title apart as the digest day, not as a bare date', async () => {
    const details: string[] = [];
    for (const file of await glob('**/index.html', { cwd: build.outDir })) {
      const html = await readFile(join(build.outDir, file), 'utf8');
      for (const [, detail] of html.matchAll(/<span class="visually-hidden"> \(([^)<]*)\)<\/span>/g)) {
        if (/\b\d{4}\b/.test(detail!) && !detail!.startsWith('arXiv:')) details.push(`${file}: ${detail}`);
      }
    }
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) expect(detail).toMatch(/: digest of [A-Z][a-z]+ \d{1,2}, \d{4}$/);
  });

  it("names related papers as they are cited, by their venue's or first version's year, never the digest day", async () => {
    /** Every related paper every paper page names, by its id, with what its entry says after the title. */
    const said = new Map<string, Set<string>>();
    for (const file of await glob('papers/*/index.html', { cwd: build.outDir })) {
      const html = await readFile(join(build.outDir, file), 'utf8');
      const related = /<ol class="related-list">([^]*?)<\/ol>/.exec(html)?.[1] ?? '';
      for (const [, id, meta] of related.matchAll(
        /<a href="\/papers\/([^/"]+)\/">[^]*?<span class="related-meta">([^]*?)<\/span>/g,
      )) {
        expect(meta, file).not.toContain('<time');
        said.set(id!, (said.get(id!) ?? new Set()).add(text(meta!)));
      }
    }
    // The year each is cited by, read from the fixture's frontmatter: its venue's year, else its
    // first version's (published, else its arXiv id's), else none.
    const citedBy = new Map<string, string | undefined>();
    for (const file of await glob('papers/*/*.mdx', { cwd: fixture })) {
      const source = await readFile(join(fixture, file), 'utf8');
      const data = parse(source.split(/^---$/m)[1]!) as { venue?: string; published?: string; arxiv?: string };
      const arxivYear = data.arxiv && /^\d{4}\./.test(data.arxiv) ? `20${data.arxiv.slice(0, 2)}` : undefined;
      const id = file.replace(/^.*\/|\.mdx$/g, '');
      citedBy.set(id, /\b\d{4}\b/.exec(data.venue ?? '')?.[0] ?? data.published?.slice(0, 4) ?? arxivYear);
    }
    expect(citedBy.get('old')).toBe('2003');
    for (const [id, entries] of said) {
      const year = citedBy.get(id);
      for (const entry of entries) {
        if (year) expect(entry, id).toMatch(new RegExp(`[^,], ${year}$`));
        else expect(entry, id).not.toMatch(/, \d{4}$/);
      }
    }
    // Both kinds were read: a related paper with a year, and one without.
    expect([...said.keys()].some((id) => citedBy.get(id))).toBe(true);
    expect([...said.keys()].some((id) => !citedBy.get(id))).toBe(true);
  });
});

describe('the words of the pages', () => {
  it('keep a space between a word and an element beside it, and between two elements, on every page', async () => {
    // The search page's noscript line read "browse the topicsor the archive", the reading list's
    // "in thearchive", a link to the next day "Older day →December 31, 2024" and the archive's
    // heading "20258 papers": Astro 7 drops a line break in the template between two elements or
    // an element and a word, and a flex row shows them apart but their text runs on.
    expect(await joinedWords(build.outDir)).toEqual([]);
  });
});

describe('counts', () => {
  it('say one thing in the singular: one topic, a feed of at least one paper', async () => {
    expect(text(await read('topics'))).toContain('1 topic. Each has its own page and feed.');
    expect(text(await read('subscribe'))).toContain('at least 1 paper, or all of them');
  });

  it("keep the topics index's promise of a feed for each topic: each entry links its topic's feed", async () => {
    const topics = fromHtml(await read('topics'));
    const feeds: string[] = [];
    visit(topics, 'element', (node: Element) => {
      if (node.tagName === 'a' && /^\/topics\/.*\/rss\.xml$/.test(String(node.properties.href)))
        feeds.push(String(node.properties.href));
    });
    const vocabulary = parse(await readFile(join(fixture, 'topics.yaml'), 'utf8')) as { slug: string }[];
    expect(feeds).toEqual(vocabulary.map(({ slug }) => `/topics/${slug}/rss.xml`));
    // Each link is a feed the build wrote.
    for (const feed of feeds) await expect(readFile(join(build.outDir, feed), 'utf8')).resolves.toContain('<rss');
  });
});

describe('where the reader is', () => {
  /** Each element with aria-current on a page, as `<value> <text> → <href>` (pagers have no href). */
  const currents = (html: string): string[] => {
    const found: string[] = [];
    visit(fromHtml(html), 'element', (node: Element) => {
      const value = node.properties.ariaCurrent;
      if (value === undefined) return;
      const text = toText(node).replace(/\s+/g, ' ').trim();
      found.push(`${String(value)} ${text}${node.properties.href ? ` → ${String(node.properties.href)}` : ''}`);
    });
    return found;
  };
  /** The URL path a built file is served at. */
  const pathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

  it('marks the site links to the page itself aria-current="page", on every page, and no other link', async () => {
    const files = await glob('**/*.html', { cwd: build.outDir });
    expect(files.length).toBeGreaterThan(50);
    const links = (tree: Root | Element) => {
      const found: Element[] = [];
      visit(tree, 'element', (node: Element) => {
        if (node.tagName === 'a' && typeof node.properties.href === 'string') found.push(node);
      });
      return found;
    };
    for (const file of files) {
      const tree: Root = fromHtml(await readFile(join(build.outDir, file), 'utf8'));
      const isSelf = (link: Element) => link.properties.href === pathOf(file);
      for (const link of links(tree)) {
        if (link.properties.ariaCurrent === 'page') expect(isSelf(link), `${file}: ${link.properties.href}`).toBe(true);
      }
      // Every link of the site's header and footer to the page itself says so.
      const chrome: Element[] = [];
      visit(tree, 'element', (node: Element) => {
        const classes = node.properties.className;
        if (Array.isArray(classes) && (classes.includes('site-header') || classes.includes('site-footer'))) {
          chrome.push(node);
        }
      });
      expect(chrome, file).toHaveLength(2);
      for (const link of chrome.flatMap(links).filter(isSelf)) {
        expect(link.properties.ariaCurrent, `${file}: ${link.properties.href}`).toBe('page');
      }
    }
  });

  it("marks the section a page is in on the header's and footer's links", async () => {
    const site = (path: string) => read(path).then((html) => currents(html).filter((mark) => mark.includes(' → ')));
    expect(await site('')).toEqual(['page Paper Digest → /', 'page Latest → /']);
    expect(await site('topics')).toEqual(['page Topics → /topics/', 'page Topics → /topics/']);
    expect(await site('topics/alpha')).toEqual(['true Topics → /topics/', 'true Topics → /topics/']);
    expect(await site('topics/alpha/2')).toEqual(['true Topics → /topics/', 'true Topics → /topics/']);
    expect(await site('archive')).toEqual(['page Archive → /archive/', 'page Archive → /archive/']);
    for (const path of ['2025', '2024/12', '2025/01/01', '2025/01/01/3']) {
      expect(await site(path), path).toEqual(['true Archive → /archive/', 'true Archive → /archive/']);
    }
    expect(await site('authors')).toEqual(['page Authors → /authors/']);
    expect(await site('authors/shared-person')).toEqual(['true Authors → /authors/']);
    expect(await site('subscribe')).toEqual(['page Subscribe → /subscribe/']);
    expect(await site('about')).toEqual(['page About → /about/']);
    expect(await site('saved')).toEqual(['page Your reading list → /saved/']);
    // A paper, search and a missing page are in no section of the header.
    for (const path of ['papers/2311.00555', 'search']) expect(await site(path), path).toEqual([]);
    expect(currents(await readFile(join(build.outDir, '404.html'), 'utf8'))).toEqual([]);
  });

  it("marks the pager's status as the current page", async () => {
    expect(currents(await read('2025/01/01/2'))).toContain('page Page 2 of 3: papers 4–6 of 8');
    expect(currents(await read('topics/alpha/2')).filter((mark) => mark.startsWith('page Page'))).toHaveLength(1);
  });
});

describe('pages of a list', () => {
  /** A page's title without the site's name, its h1, its pager's status and its rel links. */
  const pageFacts = (html: string) => {
    const facts = { title: '', h1: [] as string[], status: '', prev: [] as string[], next: [] as string[] };
    visit(fromHtml(html), 'element', (node: Element) => {
      const said = toText(node).replace(/\s+/g, ' ').trim();
      if (node.tagName === 'title') facts.title = said.replace(/ · Paper Digest$/, '');
      if (node.tagName === 'h1') facts.h1.push(said);
      if (String(node.properties.className ?? '').includes('pager-status')) facts.status = said;
      const rel = node.properties.rel;
      if (Array.isArray(rel) && rel.includes('prev')) facts.prev.push(String(node.properties.href));
      if (Array.isArray(rel) && rel.includes('next')) facts.next.push(String(node.properties.href));
    });
    return facts;
  };

  it('say in the title and the h1 alike which page of how many they are, and link only their neighbour pages', async () => {
    const files = (await glob('**/index.html', { cwd: build.outDir })).sort();
    let paged = 0;
    for (const file of files) {
      const facts = pageFacts(await readFile(join(build.outDir, file), 'utf8'));
      const pager = /^Page (\d+) of (\d+)\b/.exec(facts.status);
      if (!pager) continue;
      paged += 1;
      const [at, last] = [Number(pager[1]), Number(pager[2])];
      // An author's and a topic's title say what the list is, then its name in quotes (listTitle).
      const says = /^topics\/[^/]+\//.test(file)
        ? 'Papers on “'
        : /^authors\/(?!-\/)[^/]+\//.test(file)
          ? 'Papers by “'
          : '';
      expect(facts.title.startsWith(says), file).toBe(true);
      // The h1 says what the title says: a name that ends like a page (`X — page 2 of 5`) is
      // quoted in both, so page 1 of its list does not read as page 2 of another's.
      expect(facts.h1, file).toEqual([facts.title]);
      if (at > 1) expect(facts.title, file).toMatch(new RegExp(` — page ${at} of ${last}$`));
      else expect(facts.title, file).not.toMatch(/page \d/);
      // One series a page: rel="prev" and rel="next" are the pages before and after, and only those.
      // Page n of a list at /x/ is /x/n/, but for the A–Z list of authors: /authors/-/n/.
      const folder = `/${file.replace(/index\.html$/, '')}`;
      const base = at > 1 ? folder.replace(/(-\/)?\d+\/$/, '') : folder;
      const pageUrl = (n: number) => (n === 1 ? base : `${base}${base === '/authors/' ? '-/' : ''}${n}/`);
      expect(facts.prev, file).toEqual(at > 1 ? [pageUrl(at - 1)] : []);
      expect(facts.next, file).toEqual(at < last ? [pageUrl(at + 1)] : []);
    }
    // Day 2025-01-01's three pages, the topic's thirteen and the A–Z list's at least.
    expect(paged).toBeGreaterThan(10);
  });

  it('give every page one h1, and every page but the home, about and paper pages the h1 its title says', async () => {
    const files = (await glob('**/*.html', { cwd: build.outDir })).sort();
    const compared: string[] = [];
    for (const file of files) {
      const facts = pageFacts(await readFile(join(build.outDir, file), 'utf8'));
      expect(facts.h1, file).toHaveLength(1);
      // The home page's h1 says what it lists; about.md's and a paper's say their own words.
      if (/^(index|about\/index|papers\/.*)\.html$/.test(file)) continue;
      expect(facts.h1, file).toEqual([facts.title]);
      compared.push(file);
    }
    // 404, archive, topics, authors (A–Z, each author), days, months, years: not only lists.
    for (const file of ['404.html', 'archive/index.html', 'topics/index.html', 'authors/alpha/index.html'])
      expect(compared).toContain(file);
  });
});

describe('the outline of every page', () => {
  it('keeps its headings in order, with no level skipped, its landmarks, names on its links and buttons, and its own canonical address', async () => {
    // Every kind: home, days over several pages, months, years, archive, topics, a topic's pages,
    // the A–Z list's pages, authors, papers, saved, search, subscribe, about and 404.
    expect(await outlineProblems(build.outDir, { site: 'https://digest.example.org', base: '/' })).toEqual([]);
  });
});

describe('names of links and buttons', () => {
  it('tell apart the links and buttons of a page: one name, one destination, one button', async () => {
    expect(await ambiguousNames(build.outDir)).toEqual([]);
  });
});

describe('the names of pages', () => {
  it('give every page a title and a description of its own: pages of a list, papers of one title', async () => {
    const files = (await glob('**/*.html', { cwd: build.outDir })).sort();
    const titles = new Map<string, string[]>();
    const descriptions = new Map<string, string[]>();
    for (const file of files) {
      const tree = fromHtml(await readFile(join(build.outDir, file), 'utf8'));
      let title = '';
      let description = '';
      visit(tree, 'element', (node: Element) => {
        if (node.tagName === 'title') title = toText(node);
        if (node.tagName === 'meta' && node.properties.name === 'description') {
          description = String(node.properties.content);
        }
      });
      titles.set(title, [...(titles.get(title) ?? []), file]);
      descriptions.set(description, [...(descriptions.get(description) ?? []), file]);
    }
    const shared = (named: Map<string, string[]>) => [...named].filter(([, pages]) => pages.length > 1);
    expect(shared(titles)).toEqual([]);
    expect(shared(descriptions)).toEqual([]);
    // The three papers titled "Paper twin" or "Paper Twin" are told apart in their titles, by
    // what tells them apart on a list (src/components/paper-details.ts).
    const twins = [...titles.keys()].filter((title) => /^Paper twin\b/i.test(title));
    expect(twins).toHaveLength(3);
    for (const twin of twins) expect(twin).toMatch(/^Paper twin \(.+\) · Paper Digest$/i);
    // Papers titled as other pages add their digest day (src/lib/page-titles.ts), as twins do.
    for (const [title, day] of [
      ['Authors', 7],
      ['Papers by “Shared Person”', 8],
      ['Papers on “Alpha” — page 2 of 13', 9],
      ['December 2024', 10],
    ] as const) {
      expect(titles.get(`${title} (digest of December ${day}, 2024) · Paper Digest`), title).toHaveLength(1);
    }
    // The author and the topic named `Alpha` have feeds of two titles, as every feed has its own.
    const feeds = new Map<string, string[]>();
    for (const file of await glob('**/rss.xml', { cwd: build.outDir })) {
      const xml = await readFile(join(build.outDir, file), 'utf8');
      const title = /<channel><title>([^<]*)<\/title>/.exec(xml)?.[1] ?? '';
      feeds.set(title, [...(feeds.get(title) ?? []), file]);
    }
    expect(shared(feeds)).toEqual([]);
    expect(feeds.get('Paper Digest: Papers by “Alpha”')).toEqual(['authors/alpha/rss.xml']);
    expect(feeds.get('Paper Digest: Papers on “Alpha”')).toEqual(['topics/alpha/rss.xml']);
    // A day of one paper says so as a reader would, not "the 1 paper".
    const leap = descriptions.entries().find(([, pages]) => pages.includes('2024/02/29/index.html'))?.[0];
    expect(leap).toBe('The paper of the February 29, 2024 digest.');
  });
});
