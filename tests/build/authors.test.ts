import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BUNDLE_FOLDER } from '../../src/lib/file-bundle.ts';
import { PAGE_BUNDLE_MARKERS } from '../../src/lib/page-bundle.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { windowsDeviceName } from '../../src/lib/file-names.ts';
import { buildFixture, fixturePaperFiles, fixturePaperId, type BuildResult } from '../helpers/build.ts';
import { parseBib } from '../helpers/bibtex.ts';
import { checkInternalLinks } from '../helpers/verify.ts';
import { parseStrictXml } from '../helpers/xml.ts';

/**
 * tests/fixtures/authors, built under a base path with 2 papers a page, feeds of at least 1 paper
 * and 3 names a page of the A–Z list. Newest first (comparePapers): p1 p2 (2025-03-03, p1's first
 * version newer), p3 (03-02), p4 (03-01), p5 (02-01). Ekin Akyürek is on all five, written
 * "Ekin Akyürek" three times, "Ekin Akyurek" and "EKIN AKYÜREK" once each; Zoë Kravitz is written
 * "Zoë Kravitz" (p1) and "Zoe Kravitz" (p4), a tie that the newer paper wins. "Nul" (p5) is a name
 * whose plain slug, `nul`, Windows keeps for a device.
 */
const FIXTURE = 'tests/fixtures/authors';
const SITE = 'https://digest.example.org';
const BASE = '/digest/';
const ORDER = ['p1', 'p2', 'p3', 'p4', 'p5'];

const fixture = new Map(
  fixturePaperFiles(FIXTURE).map((file) => {
    const [, frontmatter = ''] = readFileSync(join(FIXTURE, 'papers', file), 'utf8').split('---\n');
    return [fixturePaperId(file), parseYaml(frontmatter) as { title: string; authors: string[]; date: string }];
  }),
);
const paper = (id: string) => fixture.get(id)!;

/** Each author's page, the spelling it shows, and their papers newest first. */
const AUTHORS: { slug: string; name: string; papers: string[] }[] = [
  { slug: 'ekin-akyurek', name: 'Ekin Akyürek', papers: ['p1', 'p2', 'p3', 'p4', 'p5'] },
  { slug: 'zoe-kravitz', name: 'Zoë Kravitz', papers: ['p1', 'p4'] },
  { slug: 'ada-lovelace', name: 'Ada Lovelace', papers: ['p2', 'p4'] },
  { slug: 'martin-luther-king-jr', name: 'Martin Luther King Jr.', papers: ['p3'] },
  { slug: 'emile-zola', name: 'Émile Zola', papers: ['p5'] },
  { slug: '王小明', name: '王小明', papers: ['p1'] },
  { slug: authorSlug('Nul'), name: 'Nul', papers: ['p5'] },
];
/** The page of each spelling written in the fixture. */
const SLUG_OF: Record<string, string> = {
  'Ekin Akyürek': 'ekin-akyurek',
  'Ekin Akyurek': 'ekin-akyurek',
  'EKIN AKYÜREK': 'ekin-akyurek',
  'Zoë Kravitz': 'zoe-kravitz',
  'Zoe Kravitz': 'zoe-kravitz',
  'Ada Lovelace': 'ada-lovelace',
  'Martin Luther King Jr.': 'martin-luther-king-jr',
  'Émile Zola': 'emile-zola',
  王小明: '王小明',
  Nul: authorSlug('Nul'),
};
/** A–Z by family name: letters of other scripts last. */
const A_TO_Z = ['Ekin Akyürek', 'Martin Luther King Jr.', 'Zoë Kravitz', 'Ada Lovelace', 'Nul', 'Émile Zola', '王小明'];

let build: BuildResult;
beforeAll(async () => {
  build = await buildFixture(FIXTURE, {
    site: SITE,
    base: BASE,
    env: { PAPER_DIGEST_PAGE_SIZE: '2', PAPER_DIGEST_FEED_SIZE: '1', PAPER_DIGEST_AUTHOR_INDEX_PAGE_SIZE: '3' },
  });
}, 300_000);

const authorPath = (slug: string, page = 1) => `authors/${slug}/${page > 1 ? `${page}/` : ''}`;
const read = (path: string) =>
  readFile(join(build.outDir, path, path.endsWith('/') || !path ? 'index.html' : ''), 'utf8');
const decode = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&amp;/g, '&');
/** Paper ids a list page links, in order (each card's title link). */
const listed = (html: string) =>
  [...html.matchAll(/class="paper-card-title"><a href="[^"]*\/papers\/([^/"]+)\/"/g)].map((match) => match[1]!);
/** Each author link: its href and the name it shows. */
const authorLinks = (html: string) =>
  [...html.matchAll(/<a class="author" href="([^"]+)"(?: lang="([^"]+)")?>([^<]*)<\/a>/g)].map(
    ([, href, lang, name]) => ({
      href: decodeURI(href!),
      name: decode(name!),
      lang,
    }),
  );

describe('author pages', () => {
  it('build', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it.each(AUTHORS)('$slug lists its papers newest first, $name as its heading, paginated by 2', async (author) => {
    const pages = Math.ceil(author.papers.length / 2);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const html = await read(authorPath(author.slug, page));
      // From page 2 on, the h1 and the title both say which page of how many; the h1 is the title.
      const named = `Papers by “${author.name}”${page > 1 ? ` — page ${page} of ${pages}` : ''}`;
      const h1 = /<h1 class="page-title">([^]*?)<\/h1>/.exec(html)?.[1] ?? '';
      expect(decode(h1.replace(/<[^>]*>/g, ''))).toBe(named);
      expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}${encodeURI(authorPath(author.slug, page))}">`);
      // The title says what the page is too (listTitle): no paper of the author's name shares it.
      const suffix = page > 1 ? ` — page ${page} of ${pages}` : '';
      expect(decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')).toBe(
        `Papers by “${author.name}”${suffix} · Paper Digest`,
      );
      seen.push(...listed(html));
    }
    expect(seen).toEqual(author.papers);
    await expect(read(authorPath(author.slug, pages + 1))).rejects.toThrow();
  });

  it('link to the search page filtered to their author, by slug', async () => {
    for (const author of AUTHORS) {
      const html = await read(authorPath(author.slug));
      const href = /<a [^>]*href="([^"]+)">Search this author's papers<\/a>/.exec(html)?.[1];
      expect(href, author.slug).toBe(`${BASE}search/?author=${encodeURIComponent(author.slug)}`);
    }
  });

  it('are light: no abstracts, no KaTeX stylesheet, not in the search index', async () => {
    const html = await read(authorPath('ekin-akyurek'));
    expect(html).not.toContain('An abstract of');
    expect(html).not.toMatch(/katex/i);
    expect(html).not.toContain('data-pagefind-body');
    const entry = JSON.parse(await readFile(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(indexed).toBe(ORDER.length);
  });
});

describe('author links', () => {
  it('name every author of a card, as written, linking to the page of that person', async () => {
    const home = await read('');
    const links = authorLinks(home);
    const onHome = ORDER.filter((id) => paper(id).date === '2025-03-03').flatMap((id) => paper(id).authors);
    expect(links.map((link) => link.name)).toEqual(onHome);
    for (const { href, name } of links) expect(href, name).toBe(`${BASE}authors/${SLUG_OF[name]}/`);
  });

  it('join every spelling of one person on the paper pages, and keep the search weight of names', async () => {
    for (const id of ORDER) {
      const html = await read(`papers/${id}/`);
      expect(html).toMatch(/<p class="authors" data-pagefind-weight="5">/);
      const links = authorLinks(html);
      expect(links.map((link) => link.name)).toEqual(paper(id).authors);
      for (const { href, name } of links) expect(href, name).toBe(`${BASE}authors/${SLUG_OF[name]}/`);
    }
    const zoe = [...authorLinks(await read('papers/p1/')), ...authorLinks(await read('papers/p4/'))].filter((link) =>
      /Zo/.test(link.name),
    );
    expect(zoe.map((link) => link.name)).toEqual(['Zoë Kravitz', 'Zoe Kravitz']);
    expect(new Set(zoe.map((link) => link.href))).toEqual(new Set([`${BASE}authors/zoe-kravitz/`]));
  });

  it('mark a name in a script other than Latin with its script (lang), wherever a name links to its page', async () => {
    // A card's and a paper page's author links: 王小明 is Han, the Latin names the page's English.
    for (const html of [await read(''), await read('papers/p1/')]) {
      const langs = Object.fromEntries(authorLinks(html).map((link) => [link.name, link.lang ?? null]));
      expect(langs['王小明']).toBe('und-Hani');
      expect(langs['Ekin Akyürek']).toBeNull();
    }
    // The A–Z list, and the heading of the author's own page.
    // 王小明 is under Other scripts, on the last page.
    const index = (await Promise.all(['authors/', 'authors/-/2/', 'authors/-/3/'].map(read))).join('');
    expect(index).toMatch(/<a href="[^"]+" lang="und-Hani">王小明<\/a>/);
    expect(index).not.toMatch(/lang="[^"]*">Ekin Akyürek/);
    expect(await read(authorPath('王小明'))).toMatch(/<bdi lang="und-Hani">王小明<\/bdi>/);
    expect(await read(authorPath('ekin-akyurek'))).toMatch(/<bdi>Ekin Akyürek<\/bdi>/);
  });

  it('all resolve, as every other internal link of the site', async () => {
    expect(await checkInternalLinks(build.outDir, { site: SITE, base: BASE })).toEqual([]);
  });

  it('include /authors/ in the footer of every page', async () => {
    for (const path of ['', 'topics/', 'papers/p1/', authorPath('ada-lovelace')]) {
      expect(await read(path)).toMatch(new RegExp(`<footer[^]*href="${BASE}authors/"[^]*</footer>`));
    }
  });
});

describe('author feeds and .bib files', () => {
  const feed = async (slug: string) => {
    const xml = await readFile(join(build.outDir, 'authors', slug, 'rss.xml'), 'utf8');
    return (parseStrictXml(xml) as { rss: { channel: Record<string, unknown> } }).rss.channel as {
      title: string;
      link: string;
      'atom:link': { '@_href': string };
      item?: { link: string; title: string; description: string; 'dc:creator': string[] }[];
    };
  };

  it('hold whole days of the author’s papers, newest first, at least the feed size', async () => {
    const ekin = await feed('ekin-akyurek');
    expect(ekin.title).toBe('Paper Digest: Papers by “Ekin Akyürek”');
    expect(ekin.link).toBe(`${SITE}${BASE}authors/ekin-akyurek/`);
    expect(ekin['atom:link']['@_href']).toBe(`${SITE}${BASE}authors/ekin-akyurek/rss.xml`);
    // Feed size 1, but p1 and p2 share their day: both.
    expect(ekin.item?.map((item) => item.link)).toEqual(['p1', 'p2'].map((id) => `${SITE}${BASE}papers/${id}/`));
    expect(ekin.item?.[1]?.['dc:creator']).toEqual(paper('p2').authors);
    // Text items: the abstract as a description (math as Unicode text, no TeX), not the typeset
    // one (26,000 feeds at 10,000 papers).
    expect(ekin.item?.[0]?.description).toBe(`An abstract of ${paper('p1').title} with math x^2.`);
    expect(ekin.item?.[0]).not.toHaveProperty('content:encoded');
    const zola = await feed('emile-zola');
    expect(zola.item?.map((item) => item.title)).toEqual([paper('p5').title]);
  });

  it('have every paper of the author in their .bib, newest first, and parse', async () => {
    for (const author of AUTHORS) {
      const source = await readFile(join(build.outDir, 'authors', author.slug, 'papers.bib'), 'utf8');
      const entries = parseBib(source, author.slug);
      expect(entries.map((entry) => entry.fields.title)).toEqual(author.papers.map((id) => paper(id).title));
      expect(source).toContain(`% ${SITE}${BASE}authors/${encodeURIComponent(author.slug)}/`);
    }
  });

  it('are files any checkout can hold: no name Windows keeps for a device, none too long, none twice but for case', async () => {
    expect(authorSlug('Nul')).toMatch(/^nul--[0-9a-f]{8}$/);
    const paths = await glob('**/*', { cwd: build.outDir, onlyFiles: false });
    const names = new Set(paths.flatMap((path) => path.split('/')));
    expect([...names].filter((name) => windowsDeviceName(name) !== undefined)).toEqual([]);
    expect([...names].filter((name) => Buffer.byteLength(name) > 255)).toEqual([]);
    const folded = (path: string) => [...path].map((letter) => letter.toUpperCase().toLowerCase()).join('');
    expect(new Set(paths.map(folded)).size).toBe(paths.length);
  });

  it('are unpacked from their bundles, pages and files, and no bundle is published', async () => {
    const files = await glob('**/*', { cwd: build.outDir });
    expect(
      files.filter((file) => file.includes(BUNDLE_FOLDER) || /(authors|papers)-[0-9a-f]{2}\.json$/.test(file)),
    ).toEqual([]);
    // The author pages were cut out of page bundles: no page keeps a marker of them.
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => file.startsWith('authors/')).length).toBeGreaterThan(AUTHORS.length);
    for (const file of pages) {
      const html = await readFile(join(build.outDir, file), 'utf8');
      for (const marker of Object.values(PAGE_BUNDLE_MARKERS)) expect(html, file).not.toContain(marker);
    }
    // Each author's feed and .bib are there, beside their page.
    for (const author of AUTHORS) {
      expect(files.filter((file) => file.startsWith(`authors/${author.slug}/`)).sort()).toEqual(
        expect.arrayContaining([
          `authors/${author.slug}/index.html`,
          `authors/${author.slug}/papers.bib`,
          `authors/${author.slug}/rss.xml`,
        ]),
      );
    }
  });
});

const INDEX_PAGES = ['authors/', 'authors/-/2/', 'authors/-/3/'];

describe('the A–Z list of authors', () => {
  it('lists everyone once, by family name, with paper counts, in pages of 3', async () => {
    const names: string[] = [];
    for (const path of INDEX_PAGES) {
      const html = await read(path);
      const entries = [
        ...html.matchAll(
          /<li><a href="[^"]+"(?: lang="[^"]+")?>([^<]*)<\/a> <span class="count">(\d+) papers?<\/span>/g,
        ),
      ];
      expect(entries.length).toBeLessThanOrEqual(3);
      for (const [, name, count] of entries) {
        names.push(decode(name!));
        const author = AUTHORS.find((candidate) => candidate.name === decode(name!));
        expect(Number(count)).toBe(author?.papers.length ?? 1);
      }
    }
    expect(names).toEqual(A_TO_Z);
    await expect(read('authors/-/4/')).rejects.toThrow();
    await expect(read('authors/-/1/')).rejects.toThrow();
  });

  it('jumps to each letter on the page where it starts', async () => {
    const html = await read('authors/');
    const jumps = [...html.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)].map(
      ([, page, id, label]) => ({
        page: page!.slice(BASE.length),
        id: id!,
        label: label!,
      }),
    );
    expect(jumps.map((jump) => jump.label)).toEqual(['A', 'K', 'L', 'N', 'Z', 'Other scripts']);
    for (const jump of jumps) {
      expect(await read(jump.page), `${jump.label} → ${jump.page}#${jump.id}`).toContain(`<h2 id="${jump.id}">`);
    }
  });
});

describe('the sitemap', () => {
  const chunk = async (name: string) => {
    const xml = await readFile(join(build.outDir, `sitemap-${name}.xml`), 'utf8');
    const { urlset } = parseStrictXml(xml) as {
      urlset: { url: { loc: string; lastmod?: string } | { loc: string }[] };
    };
    return ([] as { loc: string; lastmod?: string }[]).concat(urlset.url);
  };

  it("has an authors chunk with every page of every author, each dated by the author's newest paper", async () => {
    const entries = await chunk('authors');
    // A newer paper moves every page's papers down a place: each page changed on that day.
    const expected = AUTHORS.flatMap((author) =>
      author.papers
        .filter((_, index) => index % 2 === 0)
        .map((_, index) => ({ page: index + 1, date: paper(author.papers[0]!).date, slug: author.slug })),
    );
    expect(entries).toHaveLength(expected.length);
    for (const { page, date, slug } of expected) {
      expect(entries).toContainEqual({ loc: `${SITE}${BASE}${encodeURI(authorPath(slug, page))}`, lastmod: date });
    }
    const index = await readFile(join(build.outDir, 'sitemap.xml'), 'utf8');
    expect(index).toContain(`<loc>${SITE}${BASE}sitemap-authors.xml</loc>`);
  });

  it('lists the A–Z pages with the other pages', async () => {
    const locs = (await chunk('pages')).map((entry) => entry.loc);
    for (const path of INDEX_PAGES) expect(locs).toContain(`${SITE}${BASE}${path}`);
  });
});
