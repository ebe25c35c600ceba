import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { toUTCDate } from './dates.ts';
import { arxivLinks } from './arxiv-id.ts';
import type { Urls } from './urls.ts';

/**
 * Feeds: the digest's RSS, each topic's RSS, a JSON Feed and an OPML list of every feed. Pure
 * functions from papers (as the query layer returns them: sorted, newest first) to feed data;
 * the routes in src/pages only fetch papers and hand the result to @astrojs/rss or a Response.
 *
 * Everything that reaches a feed is absolute (site URL + base path: @astrojs/rss would drop the
 * base path from root-relative links) and free of characters XML 1.0 forbids (@astrojs/rss
 * passes control characters through, which makes the whole feed unreadable).
 */

/** The fields of a paper a feed needs (structurally a `Paper` from src/data/papers.ts). */
export interface FeedPaper {
  id: string;
  data: {
    title: string;
    authors: readonly string[];
    /** Digest date, `YYYY-MM-DD`. */
    date: string;
    arxiv?: string | undefined;
    tags: readonly string[];
    links?: { code?: string | undefined; project?: string | undefined; pdf?: string | undefined } | undefined;
  };
  /** The abstract as rendered for the pages (KaTeX HTML + MathML). */
  html: string;
  /** The abstract as plain text, math as `$TeX$`. */
  text: string;
}

export interface FeedTopic {
  slug: string;
  label: string;
  description: string;
}

export interface FeedSite {
  title: string;
  description: string;
  lang: string;
}

export interface FeedContext {
  urls: Urls;
  site: FeedSite;
  /** The topic vocabulary, in display order. */
  topics: readonly FeedTopic[];
}

/** One paper as every feed format shows it. */
export interface FeedItem {
  /** Absolute URL of the paper page: link, RSS guid and JSON Feed id. */
  url: string;
  title: string;
  authors: string[];
  /** Digest date, `YYYY-MM-DD`. */
  date: string;
  /** Topic labels, in the paper's order. */
  categories: string[];
  /** Plain-text abstract. */
  text: string;
  /** Abstract HTML with math as MathML only, absolute links, and the paper's links. */
  html: string;
  /** The paper on arXiv, when it has an id. */
  externalUrl?: string;
}

/** A feed's channel and items, independent of the format it is written in. */
export interface Feed {
  title: string;
  description: string;
  lang: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  homeUrl: string;
  /** Absolute URL of the RSS feed itself (`atom:link rel="self"`). */
  rssUrl: string;
  items: FeedItem[];
}

/** A feed as listed on the Subscribe page and in the OPML file (paths carry the base path). */
export interface FeedLink {
  title: string;
  description: string;
  /** RSS feed path. */
  href: string;
  /** Path of the HTML page it follows. */
  htmlHref: string;
}

// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point, outside every allowed range.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes every character that may not appear in an XML 1.0 document (NUL, ESC, U+FFFF, lone surrogates…). */
export function stripXmlIllegal(value: string): string {
  return value.replace(XML_ILLEGAL, '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML content or a quoted attribute. Only the five predefined entities: numeric
 * references would be escaped a second time by @astrojs/rss, which re-parses `customData`.
 */
export function escapeXml(value: string): string {
  return stripXmlIllegal(value).replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

const FEED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const URL_PROPERTIES = ['href', 'src'] as const;

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function findMath(node: Element): Element | undefined {
  let math: Element | undefined;
  visit(node, 'element', (candidate) => {
    if (candidate.tagName !== 'math') return undefined;
    math = candidate;
    return false;
  });
  return math;
}

/**
 * Turns abstract HTML from the rendering pipeline into HTML for a feed reader, which has no
 * KaTeX stylesheet: each KaTeX formula becomes its `<math>` element alone (display formulas get
 * `display="block"`), the CSS-dependent `katex-html` rendering is dropped, and every link is made
 * absolute against `baseUrl` (links that are not http(s)/mailto are removed). `links`, if any,
 * are appended as a paragraph.
 */
export function feedHtml(
  html: string,
  baseUrl: string,
  links: readonly { label: string; href: string }[] = [],
): string {
  const tree: Root = fromHtml(stripXmlIllegal(html), { fragment: true });
  if (links.length > 0) tree.children.push({ type: 'text', value: '\n' }, linksParagraph(links));
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const display = hasClass(node, 'katex-display');
    if (display || hasClass(node, 'katex')) {
      const math = findMath(node);
      if (math) {
        if (display) math.properties.display = 'block';
        parent.children.splice(index, 1, math);
        return [SKIP, index + 1];
      }
    }
    if (hasClass(node, 'katex-html') || hasClass(node, 'katex')) {
      // A rendering without MathML (the pipeline never produces one): nothing a reader can show.
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (value === undefined || value === null) continue;
      const absolute = absoluteUrl(String(value), baseUrl);
      if (absolute) node.properties[name] = absolute;
      else delete node.properties[name];
    }
    return undefined;
  });
  return stripXmlIllegal(toHtml(tree, { characterReferences: { useNamedReferences: true } }));
}

function absoluteUrl(value: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(value.trim(), baseUrl);
    return FEED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The paper's outside links (arXiv, PDF, code, project), as the paper page lists them. */
function paperLinks(paper: FeedPaper): { label: string; href: string }[] {
  const arxiv = paper.data.arxiv ? arxivLinks(paper.data.arxiv) : undefined;
  const pdf = paper.data.links?.pdf ?? arxiv?.pdf;
  const links: { label: string; href: string | undefined }[] = [
    { label: 'arXiv', href: arxiv?.abs },
    { label: 'PDF', href: pdf },
    { label: 'Code', href: paper.data.links?.code },
    { label: 'Project page', href: paper.data.links?.project },
  ];
  return links.filter((link): link is { label: string; href: string } => Boolean(link.href));
}

function linksParagraph(links: readonly { label: string; href: string }[]): Element {
  const children: ElementContent[] = [];
  links.forEach((link, index) => {
    if (index > 0) children.push({ type: 'text', value: ' · ' });
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: link.href },
      children: [{ type: 'text', value: link.label }],
    });
  });
  return { type: 'element', tagName: 'p', properties: {}, children };
}

/** One paper as a feed item: absolute URLs, topic labels, MathML-only abstract. */
export function feedItem(paper: FeedPaper, { urls, topics }: Pick<FeedContext, 'urls' | 'topics'>): FeedItem {
  const url = urls.absolute(urls.paper(paper.id));
  const labels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  return {
    url,
    title: stripXmlIllegal(paper.data.title),
    authors: paper.data.authors.map(stripXmlIllegal),
    date: paper.data.date,
    categories: paper.data.tags.map((slug) => stripXmlIllegal(labels.get(slug) ?? slug)),
    text: stripXmlIllegal(paper.text),
    html: feedHtml(paper.html, url, paperLinks(paper)),
    ...(paper.data.arxiv ? { externalUrl: arxivLinks(paper.data.arxiv).abs } : {}),
  };
}

/** The digest's feed: the newest `size` papers (`papers` sorted newest first, as the query returns them). */
export function digestFeed(papers: readonly FeedPaper[], size: number, context: FeedContext): Feed {
  const { urls, site } = context;
  return {
    title: site.title,
    description: site.description,
    lang: site.lang,
    homeUrl: urls.absolute(urls.home()),
    rssUrl: urls.absolute(urls.feed()),
    items: papers.slice(0, size).map((paper) => feedItem(paper, context)),
  };
}

/** A topic's feed: the newest `size` papers of that topic (`papers`: the topic's papers, newest first). */
export function topicFeed(topic: FeedTopic, papers: readonly FeedPaper[], size: number, context: FeedContext): Feed {
  const { urls, site } = context;
  return {
    title: topicFeedTitle(site, topic),
    description: topic.description,
    lang: site.lang,
    homeUrl: urls.absolute(urls.topic(topic.slug)),
    rssUrl: urls.absolute(urls.topicFeed(topic.slug)),
    items: papers
      .filter((paper) => paper.data.tags.includes(topic.slug))
      .slice(0, size)
      .map((paper) => feedItem(paper, context)),
  };
}

export function topicFeedTitle(site: Pick<FeedSite, 'title'>, topic: Pick<FeedTopic, 'label'>): string {
  return `${site.title}: ${topic.label}`;
}

/** The newest digest date among the items: the feed changes only when its content does. */
export function newestDate(items: readonly Pick<FeedItem, 'date'>[]): string | undefined {
  return items.reduce<string | undefined>(
    (newest, item) => (newest === undefined || item.date > newest ? item.date : newest),
    undefined,
  );
}

const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/** Options for @astrojs/rss: channel with `atom:link rel="self"` and a content-derived `lastBuildDate`. */
export function rssOptions(feed: Feed): RSSOptions {
  const newest = newestDate(feed.items);
  const channel = [
    `<atom:link href="${escapeXml(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    `<language>${escapeXml(feed.lang)}</language>`,
    newest ? `<lastBuildDate>${toUTCDate(newest).toUTCString()}</lastBuildDate>` : '',
  ];
  return {
    title: stripXmlIllegal(feed.title),
    description: stripXmlIllegal(feed.description),
    site: feed.homeUrl,
    xmlns: { ...NAMESPACES },
    customData: channel.join(''),
    items: feed.items.map(rssItem),
  };
}

/**
 * An RSS item. `customData` is parsed as XML by @astrojs/rss, so author names are escaped here.
 * (Its parser also reads a number-like text such as `1e3` as a number: author names never are.)
 */
export function rssItem(item: FeedItem): RSSFeedItem {
  return {
    title: item.title,
    link: item.url,
    pubDate: toUTCDate(item.date),
    description: item.text,
    content: item.html,
    categories: item.categories,
    customData: item.authors.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`).join(''),
  };
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_html: string;
  content_text: string;
  /** RFC 3339. */
  date_published: string;
  authors: { name: string }[];
  tags: string[];
}

/** The same channel and items as a JSON Feed, published at `feedUrl` (absolute). */
export function jsonFeed(feed: Feed, feedUrl: string): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feedUrl,
    description: feed.description,
    language: feed.lang,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      content_html: item.html,
      content_text: item.text,
      date_published: rfc3339(item.date),
      authors: item.authors.map((name) => ({ name })),
      tags: item.categories,
    })),
  };
}

/** Midnight UTC of a digest date, as RFC 3339 (`2025-06-06T00:00:00Z`). */
export function rfc3339(date: string): string {
  return toUTCDate(date).toISOString().replace('.000Z', 'Z');
}

/** Every RSS feed of the site: the digest's, then one per topic, in vocabulary order. */
export function feedLinks({ urls, site, topics }: FeedContext): {
  digest: FeedLink;
  topics: (FeedLink & { slug: string; label: string })[];
} {
  return {
    digest: { title: site.title, description: site.description, href: urls.feed(), htmlHref: urls.home() },
    topics: topics.map((topic) => ({
      slug: topic.slug,
      label: topic.label,
      title: topicFeedTitle(site, topic),
      description: topic.description,
      href: urls.topicFeed(topic.slug),
      htmlHref: urls.topic(topic.slug),
    })),
  };
}

const opmlBuilder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });

/** OPML 2.0 listing the digest's feed and, in a "Topics" folder, every topic feed. */
export function opml(context: FeedContext): string {
  const { urls, site } = context;
  const links = feedLinks(context);
  const outline = (link: FeedLink) => ({
    '@_type': 'rss',
    '@_version': 'RSS2',
    '@_text': stripXmlIllegal(link.title),
    '@_title': stripXmlIllegal(link.title),
    '@_description': stripXmlIllegal(link.description),
    '@_xmlUrl': urls.absolute(link.href),
    '@_htmlUrl': urls.absolute(link.htmlHref),
    '@_language': site.lang,
  });
  return opmlBuilder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      head: { title: stripXmlIllegal(`${site.title}: all feeds`), docs: 'http://opml.org/spec2.opml' },
      body: {
        outline: [
          outline(links.digest),
          { '@_text': 'Topics', '@_title': 'Topics', outline: links.topics.map(outline) },
        ],
      },
    },
  }) as string;
}
