import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildFixture, fixturePaperFiles, fixturePaperId, type BuildResult } from '../helpers/build.ts';
import { parseStrictXml } from '../helpers/xml.ts';

/**
 * Builds tests/fixtures/feeds at the site root and under a base path, with a feed size smaller
 * than the fixture, and reads the feeds the build wrote. Expected values come from the fixture
 * files (titles, authors, dates, topics) and from the order rule (comparePapers): newest digest
 * date first; within a day, newest first version first (here the arXiv id's month), then id
 * descending, papers without a date last.
 */

const FIXTURE = 'tests/fixtures/feeds';
const SITE = 'https://digest.example.org';
const FEED_SIZE = 4;
const env = { PAPER_DIGEST_FEED_SIZE: String(FEED_SIZE) };

interface FixturePaper {
  id: string;
  title: string;
  authors: string[];
  date: string;
  tags: string[];
  math: boolean;
}
interface FixtureTopic {
  slug: string;
  label: string;
  description: string;
}

const topics = parseYaml(readFileSync(join(FIXTURE, 'topics.yaml'), 'utf8')) as FixtureTopic[];
const fixturePapers = new Map(
  fixturePaperFiles(FIXTURE).map((file): [string, FixturePaper] => {
    const [, frontmatter = '', body = ''] = readFileSync(join(FIXTURE, 'papers', file), 'utf8').split('---\n');
    const id = fixturePaperId(file);
    return [id, { id, ...(parseYaml(frontmatter) as Omit<FixturePaper, 'id' | 'math'>), math: body.includes('$') }];
  }),
);
const fixture = (id: string) => fixturePapers.get(id)!;

/** Every fixture paper, newest first; the two same-day pairs share a month, so by id descending. */
const ORDER = ['2501.00005', '2501.00001', 'plain-paper', '2501.00004', '2501.00003', '2412.99999', '2412.99998'];
const inTopic = (slug: string) => ORDER.filter((id) => fixture(id).tags.includes(slug));
/** What a feed holds: papers in order until FEED_SIZE are taken, then the rest of the last one's day. */
const feedOf = (ids: string[]) =>
  ids.filter((id, index) => index < FEED_SIZE || fixture(id).date === fixture(ids[FEED_SIZE - 1]!).date);
/** What a reader shows for an RSS description: it is HTML. */
const shown = (description: string) => toText(fromHtml(description, { fragment: true }), { whitespace: 'pre' });
const labelOf = (slug: string) => topics.find((topic) => topic.slug === slug)!.label;
const rssDate = (date: string) => new Date(`${date}T12:00:00Z`).toUTCString();
const newest = (ids: string[]) =>
  ids
    .map((id) => fixture(id).date)
    .sort()
    .at(-1);

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description: string;
  pubDate: string;
  'content:encoded': string;
  'dc:creator': string[];
  category: string[];
}
interface RssChannel {
  title: string;
  description: string;
  link: string;
  'atom:link': Record<string, string>;
  lastBuildDate?: string;
  item?: RssItem[];
}

const elements = (html: string, tagName: string): Element[] => {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
};

const FEED_FILES = ['rss.xml', 'feed.json', 'feeds.opml', ...topics.map((topic) => `topics/${topic.slug}/rss.xml`)];

let root: BuildResult;
let rootAgain: BuildResult;
let based: BuildResult;

beforeAll(async () => {
  root = await buildFixture(FIXTURE, { site: SITE, base: '/', env });
  based = await buildFixture(FIXTURE, { site: SITE, base: '/digest/', env });
  rootAgain = await buildFixture(FIXTURE, { site: SITE, base: '/', env });
}, 300_000);

describe.each([
  { name: 'at the site root', base: '/', build: () => root },
  { name: 'under a base path', base: '/digest/', build: () => based },
])('feeds of a fixture site $name', ({ base, build }) => {
  const prefix = `${SITE}${base}`;
  const paperUrl = (id: string) => `${prefix}papers/${id}/`;
  const read = (path: string) => readFile(join(build().outDir, path), 'utf8');
  const channelOf = async (path: string) =>
    (parseStrictXml(await read(path)) as { rss: { channel: RssChannel } }).rss.channel;

  it('builds', () => {
    expect(build().output).not.toMatch(/\berror\b/i);
    expect(build().ok).toBe(true);
  });

  it('writes a strictly well-formed RSS channel with self link and a content-derived lastBuildDate', async () => {
    const xml = await read('rss.xml');
    const channel = await channelOf('rss.xml');
    expect(channel.title).toBe('Paper Digest');
    expect(channel.description.length).toBeGreaterThan(0);
    expect(channel.link).toBe(prefix);
    expect(channel['atom:link']).toEqual({
      '@_href': `${prefix}rss.xml`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expect(channel.lastBuildDate).toBe(rssDate(newest(ORDER)!));
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
  });

  it('lists the newest papers in whole days, in the digest order, each with all its fields', async () => {
    const items = (await channelOf('rss.xml')).item ?? [];
    const expected = feedOf(ORDER);
    // The feed size falls inside a day, which is taken whole.
    expect(expected.length).toBeGreaterThan(FEED_SIZE);
    expect(items.map((item) => item.link)).toEqual(expected.map(paperUrl));
    items.forEach((item, index) => {
      const paper = fixture(expected[index]!);
      expect(item.title).toBe(paper.title);
      expect(item.guid).toEqual({ '#text': paperUrl(paper.id), '@_isPermaLink': 'true' });
      expect(item.pubDate).toBe(rssDate(paper.date));
      expect(item['dc:creator']).toEqual(paper.authors);
      expect(item.category).toEqual(paper.tags.map(labelOf));
      // HTML-escaped plain text: after one XML decode no markup is left, not even math's `<`.
      expect(item.description).not.toContain('<');
      expect(shown(item.description).length).toBeGreaterThan(10);
    });
  });

  it('escapes titles and authors with markup characters', async () => {
    const xml = await read('rss.xml');
    const sharp = (await channelOf('rss.xml')).item!.find((item) => item.link === paperUrl('2501.00005'))!;
    // Math in a description is read from MathML, as Unicode: no TeX (src/lib/plain-text.ts).
    expect(shown(sharp.description)).toContain('We bound the loss by 𝒪(d^k) < ϵ for all');
    expect(sharp.description).toContain('𝒪(d^k) &lt; ϵ');
    expect(xml).toContain('𝒪(d^k) &amp;lt; ϵ');
    expect(fixture('2501.00005').title).toBe('Sharp & <1 Flat> Minima: "Bounds" Revisited');
    expect(xml).toContain('<title>Sharp &amp; &lt;1 Flat&gt; Minima: &quot;Bounds&quot; Revisited</title>');
    expect(xml).toContain('<dc:creator>Zoë O&apos;Brien &amp; Co</dc:creator>');
    expect(xml).toContain('<category>Theory &amp; Practice</category>');
  });

  it('describes a paper as text, no TeX and no markup, in its page head, RSS and JSON Feed alike', async () => {
    // The abstract: `\\<img src=x onerror=alert(1)\\> is text, and \\{braces\\} pasted …`. (TeX
    // commands in prose are refused by the check; descriptionText drops them anyway: description.test.ts.)
    const expected =
      'An abstract without any math: < img src=x onerror=alert(1)> is text, and {braces} pasted into prose are text too.';
    const head = fromHtml(await read('papers/plain-paper/index.html'));
    const metas = new Map<string, string>();
    visit(head, 'element', (node) => {
      if (node.tagName !== 'meta') return;
      const key = String(node.properties.name ?? node.properties.property ?? '');
      metas.set(key, String(node.properties.content ?? ''));
    });
    expect(metas.get('description')).toBe(expected);
    expect(metas.get('og:description')).toBe(expected);
    const item = (await channelOf('rss.xml')).item!.find((candidate) => candidate.link === paperUrl('plain-paper'))!;
    expect(shown(item.description)).toBe(expected);
    const json = JSON.parse(await read('feed.json')) as { items: { url: string; content_text: string }[] };
    expect(json.items.find((candidate) => candidate.url === paperUrl('plain-paper'))!.content_text).toBe(expected);
  });

  it('puts the abstract in content:encoded with its math as MathML only', async () => {
    const items = (await channelOf('rss.xml')).item ?? [];
    // Both papers with math are in the Optimization feed, in the digest order.
    const topicItems = (await channelOf('topics/optimization/rss.xml')).item ?? [];
    const withMath = topicItems.filter((item) => fixture(item.link.split('/').at(-2)!).math);
    expect(withMath.map((item) => item.link)).toEqual([paperUrl('2501.00005'), paperUrl('2501.00003')]);
    const [sharp, mixing] = withMath.map((item) => item['content:encoded']);
    expect(sharp).toContain('<mi>𝒪</mi>');
    // 2501.00005: two inline formulas and one display formula.
    expect(elements(sharp!, 'math').map((math) => math.properties.display ?? 'inline')).toEqual([
      'inline',
      'inline',
      'block',
    ]);
    expect(elements(mixing!, 'math')).toHaveLength(1);
    for (const item of items) {
      const html = item['content:encoded'];
      expect(html).not.toMatch(/katex|aria-hidden|style=|<span/);
      // Styled letters are Unicode characters (𝒪), which MathML Core shows; it ignores mathvariant.
      expect(html).not.toMatch(/mathvariant="(?!normal")/);
      expect(html).not.toMatch(/(^|[^\\])\$/); // no raw TeX delimiters left in the HTML
      expect(html).toMatch(/^<p>/);
    }
    expect(items.find((item) => item.link === paperUrl('plain-paper'))!['content:encoded']).not.toContain('<math');
  });

  it('makes every link and guid absolute, with the base path', async () => {
    for (const path of FEED_FILES.filter((file) => file.endsWith('.xml'))) {
      const channel = await channelOf(path);
      expect(channel.link.startsWith(prefix)).toBe(true);
      expect(channel['atom:link']['@_href']).toBe(`${SITE}/${base === '/' ? '' : 'digest/'}${path}`);
      for (const item of channel.item ?? []) {
        expect(item.link.startsWith(`${prefix}papers/`)).toBe(true);
        expect(item.guid['#text']).toBe(item.link);
        for (const link of elements(item['content:encoded'], 'a')) {
          expect(String(link.properties.href)).toMatch(/^https:\/\//);
        }
      }
    }
    const appendix = (await channelOf('rss.xml')).item!.find((item) => item.link === paperUrl('2501.00001'))!;
    expect(elements(appendix['content:encoded'], 'a').map((link) => link.properties.href)).toEqual([
      'https://example.org/appendix?a=1&b=2',
      'https://arxiv.org/abs/2501.00001',
      'https://arxiv.org/pdf/2501.00001',
    ]);
  });

  it('writes a feed per topic with only that topic’s papers', async () => {
    for (const topic of topics) {
      const channel = await channelOf(`topics/${topic.slug}/rss.xml`);
      const expected = feedOf(inTopic(topic.slug));
      expect(channel.title).toBe(`Paper Digest: Papers on “${topic.label}”`);
      // HTML to a reader, like an item's description: what it shows is the topic's description.
      expect(shown(channel.description)).toBe(topic.description);
      expect(channel.link).toBe(`${prefix}topics/${topic.slug}/`);
      expect((channel.item ?? []).map((item) => item.link)).toEqual(expected.map(paperUrl));
      for (const item of channel.item ?? []) expect(item.category).toContain(topic.label);
      expect(channel.lastBuildDate).toBe(expected.length > 0 ? rssDate(newest(expected)!) : undefined);
    }
    // The fixture exercises a topic with more papers than the feed size, and one without papers.
    expect(inTopic('optimization').length).toBeGreaterThan(FEED_SIZE);
    expect(inTopic('robotics')).toEqual([]);
  });

  it('mirrors the RSS items in a JSON Feed 1.1', async () => {
    const json = JSON.parse(await read('feed.json')) as Record<string, unknown> & { items: Record<string, unknown>[] };
    const rssItems = (await channelOf('rss.xml')).item ?? [];
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Paper Digest',
      home_page_url: prefix,
      feed_url: `${prefix}feed.json`,
    });
    expect(json.items).toHaveLength(rssItems.length);
    json.items.forEach((item, index) => {
      const rssItem = rssItems[index]!;
      const paper = fixture(rssItem.link.split('/').at(-2)!);
      expect(item).toMatchObject({
        id: rssItem.guid['#text'],
        url: rssItem.link,
        title: rssItem.title,
        content_html: rssItem['content:encoded'],
        content_text: shown(rssItem.description),
        date_published: `${paper.date}T12:00:00Z`,
        authors: rssItem['dc:creator'].map((name) => ({ name })),
        tags: rssItem.category,
      });
    });
  });

  it('lists the digest feed and every topic feed in OPML, each pointing at a written feed', async () => {
    const { opml } = parseStrictXml(await read('feeds.opml')) as {
      opml: {
        '@_version': string;
        body: { outline: (Record<string, string> & { outline?: Record<string, string>[] })[] };
      };
    };
    expect(opml['@_version']).toBe('2.0');
    const outlines = opml.body.outline.flatMap((outline) => [outline, ...(outline.outline ?? [])]);
    const feeds = outlines.filter((outline) => outline['@_type'] === 'rss');
    expect(feeds.map((outline) => outline['@_xmlUrl']).sort()).toEqual(
      [`${prefix}rss.xml`, ...topics.map((topic) => `${prefix}topics/${topic.slug}/rss.xml`)].sort(),
    );
    for (const outline of feeds) {
      expect(outline['@_text']).toBeTruthy();
      const file = outline['@_xmlUrl']!.slice(prefix.length);
      expect(existsSync(join(build().outDir, file)), file).toBe(true);
      const channel = await channelOf(file);
      expect(outline['@_text']).toBe(channel.title);
      expect(outline['@_htmlUrl']).toBe(channel.link);
    }
  });

  it('advertises feeds for autodiscovery on pages', async () => {
    const alternate = (href: string) =>
      new RegExp(
        `<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${href.replaceAll('.', '\\.')}">`,
      );
    // The JSON Feed too, by the link its spec asks publishers for (type application/feed+json).
    const jsonAlternate = new RegExp(
      `<link rel="alternate" type="application/feed\\+json" title="[^"]+" href="${prefix.replaceAll('.', '\\.')}feed\\.json">`,
    );
    for (const page of ['index.html', 'papers/2501.00005/index.html', 'subscribe/index.html']) {
      expect(await read(page)).toMatch(alternate(`${prefix}rss.xml`));
    }
    // Where readers look for the digest's feeds; paper pages' bytes are budgeted.
    for (const page of ['index.html', 'subscribe/index.html']) expect(await read(page)).toMatch(jsonAlternate);
    for (const topic of topics) {
      expect(await read(`topics/${topic.slug}/index.html`)).toMatch(alternate(`${prefix}topics/${topic.slug}/rss.xml`));
    }
  });

  it('has a Subscribe page listing every feed with its label', async () => {
    const html = await read('subscribe/index.html');
    const hrefs = elements(html, 'a').map((link) => String(link.properties.href));
    expect(hrefs).toEqual(expect.arrayContaining([`${base}rss.xml`, `${base}feed.json`, `${base}feeds.opml`]));
    const main = fromHtml(html);
    const topicLinks: [string, string][] = [];
    visit(main, 'element', (node) => {
      const href = String(node.properties.href ?? '');
      if (node.tagName === 'a' && href.startsWith(`${base}topics/`)) {
        topicLinks.push([href, (node.children[0] as { value: string }).value]);
      }
    });
    expect(topicLinks).toEqual(
      expect.arrayContaining(topics.map((topic) => [`${base}topics/${topic.slug}/rss.xml`, topic.label])),
    );
    expect(html).toContain(`${prefix}rss.xml`);
    // The feed holds whole days (more than FEED_SIZE papers here, see `feedOf`): the page says so.
    expect(html.replace(/\s+/g, ' ')).toContain(`The newest digest days, each whole: at least ${FEED_SIZE} papers`);
    // Its description (search results, link previews) promises only feeds that exist: a topic has
    // an RSS feed and no JSON Feed.
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(description).toMatch(/JSON Feed/);
    for (const topic of topics) expect(existsSync(join(build().outDir, `topics/${topic.slug}/feed.json`))).toBe(false);
    const topicClauses = description.split(/[,;:.]/).filter((clause) => /\btopic/.test(clause));
    expect(topicClauses.length).toBeGreaterThan(0);
    for (const clause of topicClauses) expect(clause).not.toMatch(/JSON/);
  });
});

describe('feed output', () => {
  it('is byte-identical across two builds of the same content', async () => {
    expect(rootAgain.ok).toBe(true);
    for (const file of FEED_FILES) {
      const [first, second] = await Promise.all([root, rootAgain].map((build) => readFile(join(build.outDir, file))));
      expect(first!.equals(second!), file).toBe(true);
    }
  });

  it('fails the strict check when a control character is in a feed', async () => {
    const xml = await readFile(join(root.outDir, 'rss.xml'), 'utf8');
    expect(() => parseStrictXml(xml)).not.toThrow();
    expect(() => parseStrictXml(xml.replace('<title>', '<title>\u0001'))).toThrow(/not well-formed/);
    expect(() => parseStrictXml(xml.replace('<title>', '<title>\u001B[31m'))).toThrow(/not well-formed/);
  });
});
