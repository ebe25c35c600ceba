import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { dateInstant } from './dates.ts';
import { scriptLanguage } from './direction.ts';
import { arxivLinks } from './arxiv-id.ts';
import { shortAuthorList, shortAuthorText } from './author-list.ts';
import { escapeHtml } from './encode/html.ts';
import { htmlOfTree } from './encode/html-tree.ts';
import { outputUrl } from './encode/url.ts';
import { mathVariantText } from './math-letters.ts';
import type { Urls } from './urls.ts';
import { descriptionText } from './plain-text.ts';
import { titleText } from './title-text.ts';
import { listFeedTitle } from './page-titles.ts';
import { stripXmlIllegal, xmlDocument, type XmlElement } from './xml.ts';

/**
 * Feeds: the digest's RSS, each topic's RSS, a JSON Feed and an OPML list of every feed. Pure
 * functions from papers (as the query layer returns them: sorted, newest first) to feed data;
 * the routes in src/pages only fetch papers and return the written feed in a Response.
 *
 * Everything that reaches a feed is absolute (site URL + base path) and goes through one XML
 * encoder (src/lib/xml.ts), which drops the characters XML 1.0 forbids. RSS is written here, not
 * by @astrojs/rss: it re-parses `customData` (our `dc:creator`s) with fast-xml-parser, which
 * reads an author written `1e3`, `0x1F` or `007` as a number and prints `1000`, `31`, `7`.
 * Every field is a string from the paper and stays one.
 *
 * Dates: an item's `pubDate` (and the JSON Feed's `date_published`) is the digest date, the day
 * the digest published the item — not a claim about when the paper appeared — at 12:00 UTC
 * (dateInstant), as both formats need a time.
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
  /** The abstract as rendered for the pages (KaTeX HTML + MathML), read on each call. */
  readHtml(): string;
  /** The abstract as a description: plain text, math as Unicode, no TeX (descriptionOfHtml). */
  description: string;
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
  /**
   * The authors shown, the first ones for a paper of many: a feed lists a paper among others, as a
   * card does (src/lib/author-list.ts), and its page names everyone. Each is an author's name as
   * written, never the count of the rest, which readers would take for one more author.
   */
  authors: string[];
  /**
   * For a paper of more authors than `authors` names, the byline that says so (`By A, B, …, and
   * 491 others.`): first in the item's text and HTML, where every reader shows it, as no RSS or
   * JSON Feed field holds "and others" (readers and reference managers take each entry for a person).
   */
  byline?: string;
  /** Digest date, `YYYY-MM-DD`. */
  date: string;
  /** Topic labels, in the paper's order. */
  categories: string[];
  /** The abstract as a description (src/lib/plain-text.ts): plain text, no TeX, no markup. */
  text: string;
  /** Abstract HTML with math as MathML only, absolute links, and the paper's links; none in author feeds. */
  html?: string;
  /** The paper on arXiv, when it has an id. */
  externalUrl?: string;
  /**
   * `und-<script>` for an item most of whose letters, title and abstract together, are of one
   * script other than Latin (scriptLanguage, as the pages mark such a title); none for any other,
   * which reads in the feed's language. An item has one language in each format, so its whole.
   */
  lang?: string;
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
  byline?: string,
): string {
  const tree: Root = fromHtml(stripXmlIllegal(html), { fragment: true });
  if (byline !== undefined) {
    tree.children.unshift(
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: byline }] },
      { type: 'text', value: '\n' },
    );
  }
  if (links.length > 0) tree.children.push({ type: 'text', value: '\n' }, linksParagraph(links));
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const display = hasClass(node, 'katex-display');
    if (display || hasClass(node, 'katex')) {
      const math = findMath(node);
      if (math) {
        if (display) math.properties.display = 'block';
        withTexAsAltText(math);
        visit(math, 'element', spellMathVariant);
        parent.children.splice(index, 1, math);
        return [SKIP, index + 1];
      }
    }
    if (hasClass(node, 'katex-html') || hasClass(node, 'katex') || UNSAFE_ELEMENTS.has(node.tagName)) {
      // A rendering without MathML (the pipeline never produces one): nothing a reader can show.
      // Or an element that runs or embeds something (the pipeline never writes one either).
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of Object.keys(node.properties)) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcDoc') delete node.properties[name];
    }
    spellMathVariant(node);
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (value === undefined || value === null) continue;
      const absolute = absoluteUrl(String(value), baseUrl);
      if (absolute) node.properties[name] = absolute;
      else delete node.properties[name];
    }
    return undefined;
  });
  // Attribute values keep no raw < or > (a formula's TeX in alttext, a link's title): htmlOfTree.
  return stripXmlIllegal(htmlOfTree(tree, { characterReferences: { useNamedReferences: true } }));
}

/**
 * `<math><semantics>…<annotation encoding="application/x-tex">x^2</annotation></semantics></math>`
 * → `<math alttext="x^2">…</math>`. A reader that knows MathML hides the annotation, but one that
 * does not, or whose sanitizer drops MathML tags and keeps their text (a common way to clean
 * HTML), shows the formula twice, typeset then as TeX (`x2x^2`). An attribute is never shown as
 * text, and the TeX stays with the formula for assistive technology and for copying.
 */
function withTexAsAltText(math: Element): void {
  const [semantics, ...rest] = math.children.filter((child) => child.type === 'element');
  if (semantics?.tagName !== 'semantics' || rest.length > 0) return;
  const [presentation, ...annotations] = semantics.children.filter((child) => child.type === 'element');
  if (!presentation || annotations.some((node) => node.tagName !== 'annotation')) return;
  const tex = annotations.find((node) => node.properties.encoding === 'application/x-tex');
  if (tex) math.properties.alttext = toText(tex);
  math.children = [presentation];
}

/** Elements that run, embed or submit something: no feed item carries one. */
const UNSAFE_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'form',
  'link',
  'meta',
  'base',
  'template',
  'noscript',
]);

/**
 * `<mi mathvariant="double-struck">R</mi>` → `<mi>ℝ</mi>`: readers implementing MathML Core
 * ignore the attribute, so the letter itself carries the style (see src/lib/math-letters.ts).
 * `normal` is kept (MathML Core knows it), and so is a variant some character has no form in.
 */
function spellMathVariant(node: Element): void {
  const variant = node.properties.mathvariant;
  if (typeof variant !== 'string' || variant === 'normal') return;
  const [text, ...rest] = node.children;
  if (text?.type !== 'text' || rest.length > 0) return;
  const styled = mathVariantText(text.value, variant);
  if (styled === undefined) return;
  text.value = styled;
  delete node.properties.mathvariant;
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
  const given = (url: string | undefined) => (url === undefined ? undefined : outputUrl(url));
  const links: { label: string; href: string | undefined }[] = [
    { label: 'arXiv', href: arxiv?.abs },
    { label: 'PDF', href: paper.data.links?.pdf ? given(paper.data.links.pdf) : arxiv?.pdf },
    { label: 'Code', href: given(paper.data.links?.code) },
    { label: 'Project page', href: given(paper.data.links?.project) },
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
export function feedItem(paper: FeedPaper, context: Pick<FeedContext, 'urls' | 'topics'>): FeedItem & { html: string } {
  const item = textFeedItem(paper, context);
  return { ...item, html: feedHtml(paper.readHtml(), item.url, paperLinks(paper), item.byline) };
}

/**
 * One paper as a feed item without the typeset abstract (no `html`, so RSS writes no
 * `content:encoded`): the author feeds, one per author, where the abstract's MathML would make
 * most of the site's bytes. The plain-text abstract (math as TeX) is still the description.
 * `keepAuthor`: the place of an author whose name stays in a shortened list (their own feed).
 */
export function textFeedItem(
  paper: FeedPaper,
  { urls, topics }: Pick<FeedContext, 'urls' | 'topics'>,
  keepAuthor?: number,
): FeedItem {
  const url = urls.absolute(urls.paper(paper.id));
  const labels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  const title = stripXmlIllegal(titleText(paper.data.title));
  const text = descriptionText(paper.description);
  const lang = scriptLanguage(`${title} ${text}`);
  return {
    url,
    title,
    ...feedAuthors(paper.data.authors, keepAuthor),
    date: paper.data.date,
    categories: paper.data.tags.map((slug) => stripXmlIllegal(labels.get(slug) ?? slug)),
    text,
    ...(paper.data.arxiv ? { externalUrl: arxivLinks(paper.data.arxiv).abs } : {}),
    ...(lang ? { lang } : {}),
  };
}

/**
 * Whole digest days, newest first, until they hold at least `size` papers: a feed never splits a
 * day, so every paper of a day reaches subscribers together. Papers keep their given order; the
 * days are chosen by date alone, whatever the order within a day.
 */
export function wholeDays<T extends { data: { date: string } }>(papers: readonly T[], size: number): T[] {
  const perDay = new Map<string, number>();
  for (const paper of papers) perDay.set(paper.data.date, (perDay.get(paper.data.date) ?? 0) + 1);
  const days = new Set<string>();
  let count = 0;
  for (const date of [...perDay.keys()].sort().reverse()) {
    if (count >= size) break;
    days.add(date);
    count += perDay.get(date)!;
  }
  return papers.filter((paper) => days.has(paper.data.date));
}

/** The digest's feed: whole days, newest first, at least `size` papers (see {@link wholeDays}). */
export function digestFeed(papers: readonly FeedPaper[], size: number, context: FeedContext): Feed {
  const { urls, site } = context;
  return {
    title: site.title,
    description: site.description,
    lang: site.lang,
    homeUrl: urls.absolute(urls.home()),
    rssUrl: urls.absolute(urls.feed()),
    items: wholeDays(papers, size).map((paper) => feedItem(paper, context)),
  };
}

/** A topic's feed: the topic's papers of whole days, newest first, at least `size` of them. */
export function topicFeed(topic: FeedTopic, papers: readonly FeedPaper[], size: number, context: FeedContext): Feed {
  const { urls, site } = context;
  return {
    title: topicFeedTitle(site, topic),
    description: topic.description,
    lang: site.lang,
    homeUrl: urls.absolute(urls.topic(topic.slug)),
    rssUrl: urls.absolute(urls.topicFeed(topic.slug)),
    items: wholeDays(
      papers.filter((paper) => paper.data.tags.includes(topic.slug)),
      size,
    ).map((paper) => feedItem(paper, context)),
  };
}

export function topicFeedTitle(site: Pick<FeedSite, 'title'>, topic: Pick<FeedTopic, 'label'>): string {
  return listFeedTitle(site, 'topic', topic.label);
}

/** The newest digest date among the items: the feed changes only when its content does. */
export function newestDate(items: readonly Pick<FeedItem, 'date'>[]): string | undefined {
  return items.reduce<string | undefined>(
    (newest, item) => (newest === undefined || item.date > newest ? item.date : newest),
    undefined,
  );
}

const NAMESPACES = {
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
} as const;

const text = (name: string, value: string): XmlElement => ({ name, children: [value] });

/**
 * RSS `<description>` is HTML to a reader: it decodes the XML once, then renders the result as
 * HTML. The text is made a description (descriptionText: no TeX, nothing that reads as markup even
 * decoded twice), HTML-escaped here, and XML-escaped when written, so that after one decode
 * `<img onerror=…>` typed as text, inline code or the TeX `$a<b$` is text.
 */
export function rssDescription(plainText: string): string {
  return escapeHtml(descriptionText(plainText));
}

/**
 * A paper's authors as a feed item gives them (see FeedItem.authors and byline): the names a list
 * shows, and for a paper of more, the byline that says how many more. `keepAuthor` as textFeedItem's.
 */
export function feedAuthors(authors: readonly string[], keepAuthor?: number): Pick<FeedItem, 'authors' | 'byline'> {
  const list = shortAuthorList(authors, keepAuthor);
  return {
    authors: list.shown.map(({ name }) => stripXmlIllegal(name)),
    ...(list.others > 0 ? { byline: stripXmlIllegal(`By ${shortAuthorText(list)}.`) } : {}),
  };
}

/** An item's text as a feed gives it: its byline, if it has one, then the abstract. */
function itemText(item: FeedItem): string {
  return item.byline === undefined ? item.text : `${item.byline} ${item.text}`;
}

/** One RSS item. `pubDate` is the digest date: when the digest published the item. */
export function rssItem(item: FeedItem): XmlElement {
  return {
    name: 'item',
    children: [
      text('title', item.title),
      text('link', item.url),
      { name: 'guid', attributes: { isPermaLink: 'true' }, children: [item.url] },
      text('description', rssDescription(itemText(item))),
      text('pubDate', dateInstant(item.date).toUTCString()),
      item.html === undefined ? undefined : text('content:encoded', item.html),
      ...item.authors.map((author) => text('dc:creator', author)),
      ...item.categories.map((category) => text('category', category)),
      // RSS 2.0 has a channel's language only: an item's is Dublin Core's, whose namespace the feed declares.
      item.lang === undefined ? undefined : text('dc:language', item.lang),
    ],
  };
}

/** The RSS 2.0 document: channel with `atom:link rel="self"` and a content-derived `lastBuildDate`. */
export function rssXml(feed: Feed): string {
  const newest = newestDate(feed.items);
  return xmlDocument({
    name: 'rss',
    attributes: { version: '2.0', ...NAMESPACES },
    children: [
      {
        name: 'channel',
        children: [
          text('title', feed.title),
          text('description', rssDescription(feed.description)),
          text('link', feed.homeUrl),
          { name: 'atom:link', attributes: { href: feed.rssUrl, rel: 'self', type: 'application/rss+xml' } },
          text('language', feed.lang),
          newest ? text('lastBuildDate', dateInstant(newest).toUTCString()) : undefined,
          ...feed.items.map(rssItem),
        ],
      },
    ],
  });
}

/** The media type RSS files are served with (static hosts pick their own from the extension). */
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

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
  content_html?: string;
  content_text: string;
  /** RFC 3339. */
  date_published: string;
  authors: { name: string }[];
  tags: string[];
  /** The item's language where it is not the feed's (FeedItem.lang). */
  language?: string;
}

/** The same channel and items as a JSON Feed, published at `feedUrl` (absolute). */
export function jsonFeed(feed: Feed, feedUrl: string): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feedUrl,
    description: descriptionText(feed.description),
    language: feed.lang,
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      ...(item.html === undefined ? {} : { content_html: item.html }),
      content_text: itemText(item),
      date_published: rfc3339(item.date),
      authors: item.authors.map((name) => ({ name })),
      tags: item.categories,
      ...(item.lang === undefined ? {} : { language: item.lang }),
    })),
  };
}

/** A digest date as RFC 3339, at dateInstant's time of day (`2025-06-06T12:00:00Z`). */
export function rfc3339(date: string): string {
  return dateInstant(date).toISOString().replace('.000Z', 'Z');
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

/** OPML 2.0 listing the digest's feed and, in a "Topics" folder, every topic feed. */
export function opml(context: FeedContext): string {
  const { urls, site } = context;
  const links = feedLinks(context);
  const outline = (link: FeedLink): XmlElement => ({
    name: 'outline',
    attributes: {
      type: 'rss',
      version: 'RSS2',
      text: link.title,
      title: link.title,
      description: link.description,
      xmlUrl: urls.absolute(link.href),
      htmlUrl: urls.absolute(link.htmlHref),
      language: site.lang,
    },
  });
  return xmlDocument({
    name: 'opml',
    attributes: { version: '2.0' },
    children: [
      {
        name: 'head',
        children: [text('title', `${site.title}: all feeds`), text('docs', 'http://opml.org/spec2.opml')],
      },
      {
        name: 'body',
        children: [
          outline(links.digest),
          { name: 'outline', attributes: { text: 'Topics', title: 'Topics' }, children: links.topics.map(outline) },
        ],
      },
    ],
  });
}
