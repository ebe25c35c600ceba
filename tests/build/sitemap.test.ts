import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { xmlErrors } from '../../src/lib/xml.ts';
import { buildFixture, fixturePaperFiles, fixturePaperId, type BuildResult } from '../helpers/build.ts';

/**
 * The sitemap, robots.txt and the link-preview meta of built sites: the feeds fixture under a
 * base path with one paper per list page (so day and topic pages paginate), and the seed digest
 * at the site root (real abstracts full of math). Expected URLs and dates come from the fixture
 * files and the rules: a paper's and a day's date is its digest date; a list's is the newest
 * date it shows; the newest first, ties by id.
 */

const SITE = 'https://digest.example.org';
const FIXTURE = 'tests/fixtures/feeds';

interface FixturePaper {
  id: string;
  title: string;
  date: string;
  tags: string[];
}
const topics = parseYaml(readFileSync(join(FIXTURE, 'topics.yaml'), 'utf8')) as { slug: string }[];
const fixturePapers = fixturePaperFiles(FIXTURE)
  .map((file): FixturePaper => {
    const [, frontmatter = ''] = readFileSync(join(FIXTURE, 'papers', file), 'utf8').split('---\n');
    return { id: fixturePaperId(file), ...(parseYaml(frontmatter) as Omit<FixturePaper, 'id'>) };
  })
  .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1));
const newestOf = (papers: FixturePaper[]) => papers[0]?.date;

let fixture: BuildResult;
let seed: BuildResult;
beforeAll(async () => {
  [fixture, seed] = await Promise.all([
    buildFixture(FIXTURE, { site: SITE, base: '/digest/', env: { PAPER_DIGEST_PAGE_SIZE: '1' } }),
    buildFixture('content', { site: SITE }),
  ]);
}, 300_000);

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** Parses XML only if a conforming parser finds it well-formed. */
function strictXml<T>(xml: string): T {
  expect(xmlErrors(xml)).toEqual([]);
  return xmlParser.parse(xml) as T;
}

interface Located {
  loc: string;
  lastmod?: string;
}

/** The sitemap index's entries, and every chunk's entries by chunk file. */
async function readSitemaps(outDir: string) {
  const index = strictXml<{ sitemapindex: { '@_xmlns': string; sitemap: Located[] } }>(
    await readFile(join(outDir, 'sitemap.xml'), 'utf8'),
  ).sitemapindex;
  const chunkFiles = (await glob('sitemap-*.xml', { cwd: outDir })).sort();
  const chunks = new Map<string, Located[]>();
  for (const file of chunkFiles) {
    const { urlset } = strictXml<{ urlset: { '@_xmlns': string; url?: Located[] } }>(
      await readFile(join(outDir, file), 'utf8'),
    );
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    chunks.set(file, urlset.url ?? []);
  }
  return { index, chunkFiles, chunks };
}

/** Every HTML page a build wrote, as the URL it is served at. */
async function servedPages(outDir: string, prefix: string): Promise<string[]> {
  const files = await glob('**/*.html', { cwd: outDir });
  return files
    .filter((file) => file !== '404.html')
    .map((file) => prefix + file.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

describe.each([
  { name: 'the feeds fixture under a base path', prefix: `${SITE}/digest/`, build: () => fixture },
  { name: 'the seed digest at the site root', prefix: `${SITE}/`, build: () => seed },
])('sitemap of $name', ({ prefix, build }) => {
  it('builds', () => {
    expect(build().ok, build().output).toBe(true);
  });

  it('lists every HTML page but the 404 page in exactly one chunk', async () => {
    const { chunks } = await readSitemaps(build().outDir);
    const listed = [...chunks.values()].flat().map((entry) => entry.loc);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(await servedPages(build().outDir, prefix));
  });

  it('has an index that names every chunk once, with the chunk’s newest date', async () => {
    const { index, chunkFiles, chunks } = await readSitemaps(build().outDir);
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap.map((entry) => entry.loc).sort()).toEqual(chunkFiles.map((file) => prefix + file));
    for (const entry of index.sitemap) {
      const dates = chunks
        .get(entry.loc.slice(prefix.length))!
        .flatMap((url) => (url.lastmod ? [url.lastmod] : []))
        .sort();
      expect(entry.lastmod).toBe(dates.at(-1));
    }
  });

  it('names the sitemap index in robots.txt with its absolute URL', async () => {
    const robots = await readFile(join(build().outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(robots.match(/^Sitemap: .*$/gm)).toEqual([`Sitemap: ${prefix}sitemap.xml`]);
  });
});

describe('sitemap chunks and dates (feeds fixture)', () => {
  const prefix = `${SITE}/digest/`;
  const read = async () => readSitemaps(fixture.outDir);

  it('puts papers in one chunk per digest year and every other page in one chunk', async () => {
    const { chunks } = await read();
    const years = [...new Set(fixturePapers.map((paper) => paper.date.slice(0, 4)))];
    expect([...chunks.keys()].sort()).toEqual(
      ['sitemap-pages.xml', 'sitemap-authors.xml', ...years.map((year) => `sitemap-papers-${year}.xml`)].sort(),
    );
    for (const year of years) {
      const inYear = fixturePapers.filter((paper) => paper.date.startsWith(year));
      // The order of URLs in a sitemap means nothing: compare them sorted.
      const byLoc = (a: { loc: string }, b: { loc: string }) => a.loc.localeCompare(b.loc);
      expect([...(chunks.get(`sitemap-papers-${year}.xml`) ?? [])].sort(byLoc)).toEqual(
        inYear.map((paper) => ({ loc: `${prefix}papers/${paper.id}/`, lastmod: paper.date })).sort(byLoc),
      );
    }
  });

  it('dates each other page by the newest paper it shows, and every page of a topic by its newest', async () => {
    const { chunks } = await read();
    const lastmod = new Map(chunks.get('sitemap-pages.xml')!.map((entry) => [entry.loc, entry.lastmod]));
    const expected = new Map<string, string | undefined>();
    const newest = newestOf(fixturePapers);
    for (const path of ['', 'archive/', 'topics/', 'authors/', 'search/', 'subscribe/']) {
      expected.set(prefix + path, newest);
    }
    expected.set(`${prefix}about/`, undefined);
    expected.set(`${prefix}saved/`, undefined);
    for (const { slug } of topics) {
      const inTopic = fixturePapers.filter((paper) => paper.tags.includes(slug));
      // One paper per page, newest first: the topic's newest paper moved every page's paper down
      // a place when it came, so every page of the topic changed on its date.
      expected.set(`${prefix}topics/${slug}/`, inTopic[0]?.date);
      inTopic.slice(1).forEach((_, index) => expected.set(`${prefix}topics/${slug}/${index + 2}/`, inTopic[0]!.date));
    }
    for (const paper of fixturePapers) {
      const [year, month, day] = paper.date.split('-');
      expected.set(`${prefix}${year}/`, expected.get(`${prefix}${year}/`) ?? paper.date);
      expected.set(`${prefix}${year}/${month}/`, expected.get(`${prefix}${year}/${month}/`) ?? paper.date);
      const onDay = fixturePapers.filter((other) => other.date === paper.date);
      onDay.forEach((_, index) =>
        expected.set(`${prefix}${year}/${month}/${day}/${index > 0 ? `${index + 1}/` : ''}`, paper.date),
      );
    }
    expect(new Map([...lastmod].sort())).toEqual(new Map([...expected].sort()));
    // The fixture has paginated day and topic pages, and a topic without papers (no date).
    expect(lastmod.get(`${prefix}2025/06/05/2/`)).toBe('2025-06-05');
    expect(lastmod.get(`${prefix}topics/optimization/5/`)).toBeDefined();
    expect(lastmod.has(`${prefix}topics/robotics/`)).toBe(true);
    expect(lastmod.get(`${prefix}topics/robotics/`)).toBeUndefined();
  });
});

interface HeadMeta {
  title: string;
  canonical?: string;
  meta: Map<string, string>;
}

/** The `<title>`, canonical link and `<meta>` tags (by `property` or `name`) of a page, decoded. */
function headOf(html: string): HeadMeta {
  const head: HeadMeta = { title: '', meta: new Map() };
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name === 'link' && attributes.rel === 'canonical') head.canonical = attributes.href;
        const key = attributes.property ?? attributes.name;
        if (name === 'meta' && key !== undefined) {
          // Citation meta repeats (one citation_author each); a preview tag must be there once.
          if (/^(?:og|twitter):|^description$/.test(key)) expect(head.meta.has(key), `two <meta> ${key}`).toBe(false);
          head.meta.set(key, attributes.content ?? '');
        }
      },
      ontext(text) {
        if (inTitle) head.title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return head;
}

describe.each([
  { name: 'the feeds fixture', build: () => fixture },
  { name: 'the seed digest', build: () => seed },
])('link-preview meta of $name', ({ build }) => {
  const pages = async () => {
    const files = (await glob('**/*.html', { cwd: build().outDir })).sort();
    expect(files.length).toBeGreaterThan(10);
    return Promise.all(
      files.map(async (file) => ({ file, head: headOf(await readFile(join(build().outDir, file), 'utf8')) })),
    );
  };

  it('has Open Graph and Twitter card tags on every page, matching the page', async () => {
    for (const { file, head } of await pages()) {
      const { meta } = head;
      const context = `${file}: ${JSON.stringify([...meta])}`;
      expect(meta.get('og:title'), context).toBe(head.title.replace(/ · Paper Digest$/, ''));
      expect(meta.get('og:description'), context).toBe(meta.get('description'));
      expect(meta.get('og:description'), context).toMatch(/\S/);
      expect(meta.get('og:type'), context).toBe(/^papers\/[^/]+\/index\.html$/.test(file) ? 'article' : 'website');
      expect(meta.get('og:site_name'), context).toBe('Paper Digest');
      expect(meta.get('og:url'), context).toBe(head.canonical);
      expect(meta.get('twitter:card'), context).toBe('summary');
    }
  });

  it('has no og:url on the 404 page, which has no canonical URL', async () => {
    const notFound = (await pages()).find(({ file }) => file === '404.html')!;
    expect(notFound.head.canonical).toBeUndefined();
    expect(notFound.head.meta.has('og:url')).toBe(false);
  });

  it('describes paper pages in plain text: no TeX delimiters or commands, no markup', async () => {
    for (const { file, head } of await pages()) {
      if (!file.startsWith('papers/')) continue;
      const description = head.meta.get('og:description')!;
      expect(description, file).not.toMatch(/[$\\]|<\/?[a-z]/i);
      expect(description, file).not.toMatch(/\b(?:mathcal|mathbb|frac|sqrt|left|right)\b/);
    }
  });
});

describe('link-preview meta values (feeds fixture)', () => {
  const headOfPaper = async (id: string) =>
    headOf(await readFile(join(fixture.outDir, 'papers', id, 'index.html'), 'utf8'));

  it('escapes a title with markup characters and reads its math as Unicode', async () => {
    const { meta } = await headOfPaper('2501.00005');
    expect(meta.get('og:title')).toBe('Sharp & <1 Flat> Minima: "Bounds" Revisited');
    expect(meta.get('og:description')).toBe('We bound the loss by 𝒪(d^k) < ϵ for all k ≥ 1, and show that');
    expect(meta.get('og:url')).toBe(`${SITE}/digest/papers/2501.00005/`);
  });

  it('describes an abstract that opens with display math and a list by its first words', async () => {
    // tests/fixtures/feeds/papers/2024/2412.99998.mdx
    expect((await headOfPaper('2412.99998')).meta.get('og:description')).toBe('Momentum helps.');
  });

  it('escapes a topic description with markup characters', async () => {
    const head = headOf(await readFile(join(fixture.outDir, 'topics/theory-practice/index.html'), 'utf8'));
    expect(head.meta.get('og:title')).toBe('Papers on “Theory & Practice”');
    expect(head.meta.get('og:description')).toMatch(/^Where "bounds" & <1 experiments> meet\. /);
  });
});
