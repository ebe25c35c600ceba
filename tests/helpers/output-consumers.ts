/**
 * Each per-paper output of the build, made by the functions the routes call, read by a real
 * consumer: a strict XML parser for RSS (the digest's, a topic's, an author's), JSON.parse for JSON
 * Feed, JSON-LD and the search's data files, an HTML parser (parse5, through hast-util-from-html)
 * for page and feed HTML, a BibTeX parser for `.bib` entries (tests/content/fuzz-papers.test.ts
 * also compiles them with pdflatex + bibtex, and distProblems a built site's). distProblems reads
 * a whole built site, also the reading list's summaries (by its own reader) and Pagefind's records.
 * Each returns the problems it finds as sentences, so that a test and scripts/fuzz-papers.ts can
 * both use it.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { allowedJoinerAt } from '../../src/content/characters.ts';
import { formatProblem, type ContentProblem } from '../../src/content/problems.ts';
import type { ValidPaper } from '../../src/content/validate.ts';
import { pageHtml } from '../../src/content/page-html.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { bibtexEntry, naturalKey } from '../../src/lib/bibtex.ts';
import { citationMetaTags, jsonLd, scholarlyArticle } from '../../src/lib/citation.ts';
import { PLAIN_MATH_COMMANDS, PLAIN_TEXT_COMMANDS } from '../../src/lib/encode/latex.ts';
import { encodeJson } from '../../src/lib/encode/json.ts';
import {
  digestFeed,
  jsonFeed,
  rssItem,
  rssXml,
  textFeedItem,
  type FeedContext,
  type FeedPaper,
} from '../../src/lib/feed.ts';
import { descriptionOfHtml } from '../../src/lib/plain-text.ts';
import { summaryOf } from '../../src/lib/reading-list.ts';
import { arxivShards, authorShards, vocabularyShards } from '../../src/lib/search-data.ts';
import { revealTex, withoutIndexOnlyWords, withTightMarks } from '../../src/lib/search-query.ts';
import { TITLE_MATH_SYMBOLS } from '../../src/lib/title-math.ts';
import { titleText } from '../../src/lib/title-text.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { serializeXml, xmlErrors } from '../../src/lib/xml.ts';
import { CITING_DOCUMENTS, compileBib, hasTex } from './latex.ts';
import { readXml, xmlElements, xmlText } from './xml.ts';

export const SITE = 'https://digest.example';

const urls = createUrls({ base: '/', site: SITE });
const context: FeedContext = {
  urls,
  site: { title: 'Paper Digest', description: 'Papers', lang: 'en' },
  topics: [
    { slug: 'deep-learning-theory', label: 'Deep Learning Theory', description: 'Theory' },
    { slug: 'interpretability', label: 'Interpretability', description: 'Interp' },
    { slug: 'optimization', label: 'Optimization', description: 'Opt' },
    { slug: 'transformers', label: 'Transformers', description: 'T' },
  ],
};

/**
 * What the check refuses in every field and the abstract, so no output may hold it: controls other
 * than tab and newline, bidi controls, zero-width and other invisible characters, separators.
 */
const REFUSED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2028\u2029\uFEFF\uFFFE\uFFFF\u{E0000}-\u{E007F}]|[\uD800-\uDFFF]/u;

function refused(where: string, text: string): string[] {
  const found = REFUSED.exec(
    text
      // A joiner the check keeps as spelling (Persian, Devanagari, an emoji sequence).
      .replace(/[\u200C\u200D]/g, (joiner, index: number) => (allowedJoinerAt(text, index) ? '' : joiner))
      .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, 'x')
      // KaTeX's own: a zero-width space that gives a vlist its baseline, MathML's invisible operators.
      .replace(/(<span class="?vlist-s"?>)\u200B/g, '$1')
      .replace(/[\u2061-\u2064]/g, ''),
  );
  return found ? [`${where}: holds U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`] : [];
}

/** Elements that run code, load resources or take input: none may come from a paper. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'img',
  'video',
  'audio',
  'source',
  'foreignobject',
  'use',
  'image',
  'animate',
  'set',
  'template',
  'noscript',
  'dialog',
  'details',
  'marquee',
  'portal',
  'frameset',
  'applet',
  'math-style',
]);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'xLinkHref',
  'action',
  'formAction',
  'poster',
  'background',
  'cite',
  'data',
  'srcSet',
];

/**
 * HTML from a paper, as a browser reads it: no element that runs or loads anything, no event
 * handler, only https/mailto links (and, on a page, its own footnote fragments), ids prefixed so
 * they cannot clobber the page's, and inline styles only KaTeX's sizes.
 */
export function htmlProblems(where: string, html: string, { absolute = false } = {}): string[] {
  const problems: string[] = [...refused(where, html)];
  let tree: Root;
  try {
    tree = fromHtml(html, {
      fragment: true,
      onerror: (error) => void problems.push(`${where}: HTML parse error ${error.reason}`),
    });
  } catch (error) {
    return [`${where}: HTML parser threw ${String(error)}`];
  }
  visit(tree, 'element', (node: Element) => {
    if (ACTIVE_ELEMENTS.has(node.tagName.toLowerCase())) problems.push(`${where}: <${node.tagName}> element`);
    for (const [name, value] of Object.entries(node.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) problems.push(`${where}: event handler ${name}=${JSON.stringify(text)}`);
      if (
        /^(srcdoc|formaction)$/i.test(name) ||
        (name === 'xmlns' && !['http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/2000/svg'].includes(text))
      )
        problems.push(`${where}: attribute ${name}`);
      if (URL_ATTRIBUTES.includes(name)) {
        const ok = absolute ? /^(https:\/\/|mailto:)/i.test(text) : /^(https:\/\/|mailto:|#user-content-)/i.test(text);
        let parsed: URL | undefined;
        try {
          parsed = new URL(text, `${SITE}/papers/x/`);
        } catch {
          problems.push(`${where}: ${name} is no URL: ${JSON.stringify(text)}`);
        }
        if (!ok || (parsed && !['https:', 'mailto:'].includes(parsed.protocol))) {
          problems.push(`${where}: ${name}=${JSON.stringify(text)}`);
        }
      }
      if ((name === 'id' || name === 'name') && !/^user-content-/.test(text)) {
        problems.push(`${where}: ${name}=${JSON.stringify(text)} could clobber the page's own ids`);
      }
      if (
        name === 'style' &&
        /url\(|expression|@import|position:\s*(fixed|absolute|sticky)|\\|behavior|javascript/i.test(text)
      ) {
        problems.push(`${where}: style ${JSON.stringify(text)}`);
      }
    }
  });
  return problems;
}

/** A JSON text that a browser and a JSON reader both take as the same data, safe inside <script>. */
function jsonProblems(where: string, json: string, data: unknown, { inScript = false } = {}): string[] {
  const problems: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return [`${where}: JSON.parse: ${String(error)}`];
  }
  if (JSON.stringify(parsed) !== JSON.stringify(data)) problems.push(`${where}: does not read back as its data`);
  if (/[<>&\u2028\u2029]/.test(json)) problems.push(`${where}: raw < > & or a line separator`);
  if (/[\uD800-\uDFFF]/.test(json.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))
    problems.push(`${where}: lone surrogate`);
  if (inScript) {
    const tree = fromHtml(`<script type="application/ld+json">${json}</script><p>after</p>`, { fragment: true });
    const scripts: Element[] = [];
    visit(tree, 'element', (node: Element) => void (node.tagName === 'script' && scripts.push(node)));
    const text = scripts[0]?.children.map((child) => ('value' in child ? child.value : '')).join('');
    if (scripts.length !== 1 || text !== json)
      problems.push(`${where}: the script element does not hold exactly the JSON`);
  }
  return problems;
}

/** Commands a `.bib` entry may hold: text accents and symbols, escaped specials, title math and its spaces (`\,`). */
const BIB_COMMANDS = new Set([
  ...PLAIN_TEXT_COMMANDS,
  ...PLAIN_MATH_COMMANDS,
  ...TITLE_MATH_SYMBOLS,
  '%',
  '#',
  '&',
  '_',
  '$',
  '{',
  '}',
  ' ',
  'relax',
]);

/**
 * A `.bib` text read by a JavaScript BibTeX parser, and its errors. The parser does not know math
 * commands (`{$\\mathbb{R}$}`) or title math's control symbols (`\\,`, `\\|`): those the text
 * may hold (BIB_COMMANDS, which bibProblems checks it against) are no error.
 */
function parsedBib(text: string) {
  const library = parseBibtex(text, { sentenceCase: false, caseProtection: false });
  const known = (error: string) => error.startsWith('unhandled macro \\') && BIB_COMMANDS.has(error.slice(17));
  return { library, errors: library.errors.filter((error) => !known(error.error)) };
}

/** A `.bib` entry as a reference manager and BibTeX read it: one entry, ASCII, braces balanced, no command that runs anything. */
export function bibProblems(where: string, entry: string): string[] {
  const problems: string[] = [];
  if (!/^[\x20-\x7E\n]*$/.test(entry)) problems.push(`${where}: not printable ASCII`);
  let depth = 0;
  for (const char of entry.replace(/\\[{}]/g, '')) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) break;
  }
  if (depth !== 0) problems.push(`${where}: braces do not balance`);
  for (const [, name] of entry.matchAll(/\\([A-Za-z]+|[^A-Za-z])/g)) {
    if (!BIB_COMMANDS.has(name!)) problems.push(`${where}: command \\${name}`);
  }
  if (/\^\^/.test(entry)) problems.push(`${where}: ^^ notation`);
  const { library, errors } = parsedBib(entry);
  if (errors.length > 0) problems.push(`${where}: bibtex-parser: ${JSON.stringify(errors).slice(0, 300)}`);
  if (library.entries.length !== 1) problems.push(`${where}: ${library.entries.length} entries`);
  return problems;
}

/**
 * RSS as a strict XML parser and a feed reader read it: well-formed, no refused character, and each
 * item's title, description and creator, which readers decode once and then show as HTML (with no
 * CSP), hold no element.
 */
function rssProblems(where: string, rss: string): string[] {
  const errors = xmlErrors(rss);
  if (errors.length > 0) return [`${where} not well-formed: ${errors.join('; ')}`];
  const problems = refused(where, rss);
  for (const item of xmlElements(readXml(rss), 'item')) {
    for (const field of [
      ...xmlElements(item, 'title'),
      ...xmlElements(item, 'description'),
      ...xmlElements(item, 'dc:creator'),
    ]) {
      let elements = 0;
      visit(fromHtml(xmlText(field), { fragment: true }), 'element', () => void elements++);
      if (elements > 0)
        problems.push(`${where} ${field.name} is markup to a reader: ${JSON.stringify(xmlText(field)).slice(0, 200)}`);
    }
  }
  return problems;
}

/** Every per-paper output of an accepted paper, each read by its consumer. */
export function outputProblems(paper: ValidPaper): { problems: string[]; bib: string } {
  const problems: string[] = [];
  const { data, rendered } = paper;
  const feedPaper: FeedPaper = {
    id: paper.id,
    data,
    readHtml: () => rendered.html,
    description: rendered.description ?? descriptionOfHtml(rendered.html),
  };
  const tag = (where: string) => `${paper.id}: ${where}`;

  // The page: the abstract as shown, the card's excerpt, Open Graph description, citation meta, JSON-LD.
  problems.push(...htmlProblems(tag('page abstract'), rendered.pageHtml ?? pageHtml(rendered.html)));
  problems.push(...htmlProblems(tag('card excerpt'), rendered.excerptHtml));
  problems.push(...refused(tag('og:description'), feedPaper.description));
  for (const meta of citationMetaTags(paper)) {
    problems.push(...refused(tag(meta.name), meta.content));
    if (meta.name === 'citation_pdf_url' && !/^https:\/\//.test(meta.content))
      problems.push(tag(`citation_pdf_url ${meta.content}`));
  }
  const article = scholarlyArticle(paper, {
    pageUrl: urls.absolute(urls.paper(paper.id)),
    abstract: feedPaper.description,
  });
  problems.push(...jsonProblems(tag('JSON-LD'), jsonLd(article), article, { inScript: true }));

  // Feeds: RSS (the digest's and a topic's are one writer), JSON Feed, an author feed's text item.
  const feed = digestFeed([feedPaper], 1, context);
  const rss = rssXml(feed);
  problems.push(...rssProblems(tag('rss.xml'), rss));
  for (const item of feed.items)
    if (item.html) problems.push(...htmlProblems(tag('feed content_html'), item.html, { absolute: true }));
  const json = jsonFeed(feed, urls.absolute(urls.jsonFeed()));
  problems.push(...jsonProblems(tag('feed.json'), encodeJson(json, 2), json));
  const textItem = serializeXml(rssItem(textFeedItem(feedPaper, context, 0)));
  problems.push(
    ...rssProblems(tag('author rss item'), `<rss xmlns:dc="http://purl.org/dc/elements/1.1/">${textItem}</rss>`),
  );

  // The search's data files (/search/): JSON that reads back as its data, and the vocabulary's
  // one word a line, as the search script splits it.
  const forSearch = [
    {
      id: paper.id,
      data,
      url: urls.paper(paper.id),
      text: rendered.text,
      topics: data.tags.map((tag) => `Topic ${tag}`),
    },
  ];
  for (const [shard, entries] of arxivShards(forSearch))
    problems.push(...jsonProblems(tag(`search/arxiv/${shard}.json`), encodeJson(entries), entries));
  for (const [shard, entries] of authorShards(forSearch))
    problems.push(...jsonProblems(tag(`search/authors/${shard}.json`), encodeJson(entries), entries));
  for (const [shard, words] of vocabularyShards(forSearch)) {
    for (const word of words.split('\n').slice(0, -1))
      if (!/^[\p{L}\p{N}\p{M}]+$/u.test(word)) problems.push(tag(`search/words/${shard}.txt: ${JSON.stringify(word)}`));
  }

  // Author pages: each author's slug is a path segment.
  for (const author of data.authors) {
    const slug = authorSlug(author);
    if (!slug || /[/\\?#%\s]|^\.\.?$/.test(slug) || refused('', slug).length > 0)
      problems.push(tag(`author slug ${JSON.stringify(slug)}`));
  }

  // BibTeX.
  const bib = bibtexEntry(paper, naturalKey(paper));
  problems.push(...bibProblems(tag('.bib'), bib));
  // Correct, not only safe: a reference manager reads as many authors as the paper has (or the
  // first ones and "others"), and the title the pages show.
  const [parsed] = parseBibtex(bib, { sentenceCase: false, caseProtection: false }).entries;
  const names = parsed?.fields.author ?? [];
  const cut = names.at(-1)?.lastName === 'others' && !('firstName' in names.at(-1)!);
  if (cut ? names.length > data.authors.length : names.length !== data.authors.length) {
    problems.push(
      tag(`.bib names ${names.length} authors of ${data.authors.length}: ${JSON.stringify(names).slice(0, 300)}`),
    );
  }
  const citationAuthors = citationMetaTags(paper).filter((meta) => meta.name === 'citation_author').length;
  if (citationAuthors !== data.authors.length)
    problems.push(tag(`citation_author ${citationAuthors} of ${data.authors.length}`));
  if (feed.items[0]?.title !== titleText(data.title).replace(/[^\P{Cc}\t\n\r]/gu, '')) {
    problems.push(
      tag(
        `feed title ${JSON.stringify(feed.items[0]?.title)} is not the page's ${JSON.stringify(titleText(data.title))}`,
      ),
    );
  }
  return { problems, bib };
}

/**
 * The longest line a problem may take: ten list fields named in a line of many alike fit, and a
 * file name of 255 bytes of combining marks, each past the fourth shown as `\u{301}`, once in the
 * path and once quoted.
 */
const MAX_MESSAGE_LINE = 2000;

/** A rejected file's messages, as the check prints them: terminal-safe, each naming its file, a real line and a field. */
export function messageProblems(file: string, text: string, problems: readonly ContentProblem[]): string[] {
  const found: string[] = [];
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of problems) {
    const line = formatProblem(problem);
    // The only format characters are the isolates terminalText puts around right-to-left text, in
    // pairs: an unpaired one is left outside and found.
    const outside = line.replace(/\u2068[^\u2068\u2069]*\u2069/gu, '');
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(outside))
      found.push(`${file}: message reaches the terminal raw: ${JSON.stringify(line)}`);
    // A message quotes a file's values cut short (shortened, MAX_REASON_SHOWN): a line of thousands
    // of characters fills a CI log with one value and hides the problems around it.
    if (line.length > MAX_MESSAGE_LINE)
      found.push(`${file}: a message line of ${line.length} characters: ${JSON.stringify(line.slice(0, 200))}`);
    if (problem.file !== file) found.push(`${file}: message names ${problem.file}`);
    if (!(problem.line !== undefined && problem.line >= 1 && problem.line <= lines))
      found.push(`${file}: line ${problem.line} of ${lines}: ${line}`);
    if (!problem.field) found.push(`${file}: message names no field: ${line}`);
  }
  return found;
}

/** Every file of a built site, relative to `dist`. */
function distFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
}

/**
 * A whole built site, each file read by its consumer: XML (feeds, OPML, sitemaps) by Python's
 * xml.etree, JSON by JSON.parse, `.bib` files by a BibTeX parser, and every page by an HTML parser:
 * scripts only the site's own files and JSON-LD that parses, no event handler, no script URL,
 * no `<base>`, refresh or inline style element, and the CSP meta on each page.
 */
export function distProblems(dist: string): string[] {
  const problems: string[] = [];
  const files = distFiles(dist).filter((file) => !file.startsWith('pagefind/') && !file.startsWith('_astro/'));
  const xmlFiles = files.filter((file) => /\.(xml|opml)$/.test(file));
  const python =
    'import sys, xml.etree.ElementTree as ET\nfor f in sys.argv[1:]:\n  try: ET.parse(f)\n  except Exception as e: print(f, e)\n';
  const xmlOut = execFileSync('python3', ['-c', python, ...xmlFiles.map((file) => join(dist, file))], {
    encoding: 'utf8',
  });
  if (xmlOut.trim())
    problems.push(
      ...xmlOut
        .trim()
        .split('\n')
        .map((line) => `xml.etree: ${line}`),
    );
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    if (file.endsWith('.json')) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push(`${file}: ${String(error)}`);
      }
      // A paper's summary, as the reading list (/saved/) reads it: it shows nothing it does not take.
      const summary = /^papers\/([^/]+)\.json$/.exec(file);
      if (summary && value !== undefined && !summaryOf(value, summary[1]!))
        problems.push(`${file}: the reading list does not take it as the summary of ${summary[1]}`);
      // It holds the names /saved/ shows, not a collaboration's thousands (paperSummary).
      if (summary && text.length > 16_000) problems.push(`${file}: ${text.length} characters for one paper's summary`);
    } else if (file.endsWith('.bib')) {
      if (!/^[\x20-\x7E\n]*$/.test(text)) problems.push(`${file}: not printable ASCII`);
      const { errors } = parsedBib(text);
      if (errors.length > 0) problems.push(`${file}: ${JSON.stringify(errors).slice(0, 300)}`);
    } else if (file.endsWith('.html')) {
      problems.push(...pageProblems(file, text));
    }
  }
  problems.push(...pagefindProblems(dist));
  if (hasTex) problems.push(...compiledBibProblems(dist, files));
  return problems;
}

/**
 * The search index's records as the search page shows them: each fragment (`pagefind/fragment/`,
 * gzip of `pagefind_dcd` and JSON) names a paper page; its content, escaped as Pagefind's script
 * escapes it (only `<` and `>`), with a match marked, and made an excerpt by the search script's
 * own steps (src/client/search.ts: index-only words out, marks tightened, hidden TeX revealed)
 * before it is set as HTML, holds no element but the marks and no character of the index's own
 * (private-use characters that fence or hide words), and no refused character.
 */
function pagefindProblems(dist: string): string[] {
  const folder = join(dist, 'pagefind', 'fragment');
  if (!existsSync(folder)) return [];
  const problems: string[] = [];
  for (const name of readdirSync(folder)) {
    const where = `pagefind/fragment/${name}`;
    let record: { url?: unknown; content?: unknown; meta?: { title?: unknown } };
    try {
      const bytes = gunzipSync(readFileSync(join(folder, name)));
      if (bytes.subarray(0, 12).toString('latin1') !== 'pagefind_dcd') throw new Error('no pagefind_dcd header');
      record = JSON.parse(bytes.subarray(12).toString('utf8')) as typeof record;
    } catch (error) {
      problems.push(`${where}: ${String(error)}`);
      continue;
    }
    if (typeof record.url !== 'string' || !/^\/papers\/[^/]+\/$/.test(record.url))
      problems.push(`${where}: url ${JSON.stringify(record.url)} is no paper page`);
    if (typeof record.content !== 'string' || typeof record.meta?.title !== 'string') {
      problems.push(`${where}: no content or title`);
      continue;
    }
    const escaped = record.content.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const excerpt = revealTex(withTightMarks(withoutIndexOnlyWords(escaped.replace(/^(\S+)/, '<mark>$1</mark>'))));
    const tree = fromHtml(excerpt, { fragment: true });
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'mark') problems.push(`${where}: a search result shows <${node.tagName}>`);
    });
    const shown = toText(tree);
    if (/[\uE000-\uF8FF]/u.test(shown)) problems.push(`${where}: a search result shows the index's own characters`);
    problems.push(...refused(`${where} content`, shown), ...refused(`${where} title`, record.meta.title));
  }
  return problems;
}

/**
 * The built site's `.bib` files as a citing reader uses them: compiled by pdflatex + bibtex (when
 * installed), not only read by a parser. Every paper's own `.bib` together in each citing style;
 * each list's (topic, day) alone in one style; the authors' files together, each entry once (they
 * repeat the papers' entries under the same keys), with every file's header. An error of bibtex
 * (status 2 and up) or a TeX error in the log is a problem; a warning (an entry without a year,
 * which the digest does not invent) is not.
 */
function compiledBibProblems(dist: string, files: readonly string[]): string[] {
  const bibs = files.filter((file) => file.endsWith('.bib'));
  const read = (file: string) => readFileSync(join(dist, file), 'utf8');
  const seen = new Set<string>();
  const onceEach = (text: string) =>
    text.replace(/^@\w+\{([^,\n]+),\n[\s\S]*?^\}\n?/gm, (entry, key: string) => {
      if (seen.has(key)) return '';
      seen.add(key);
      return entry;
    });
  const groups: [string, string, (keyof typeof CITING_DOCUMENTS)[]][] = [
    [
      'papers/*.bib',
      bibs
        .filter((file) => file.startsWith('papers/'))
        .map(read)
        .join('\n'),
      ['plainurl', 'alpha', 'abbrv', 'plainnat'],
    ],
    [
      'authors/*.bib',
      bibs
        .filter((file) => file.startsWith('authors/'))
        .map((file) => onceEach(read(file)))
        .join('\n'),
      ['plainurl'],
    ],
    ...bibs
      .filter((file) => !file.startsWith('papers/') && !file.startsWith('authors/'))
      .map((file): [string, string, (keyof typeof CITING_DOCUMENTS)[]] => [file, read(file), ['plainurl']]),
  ];
  const problems: string[] = [];
  for (const [name, bib, styles] of groups) {
    if (!bib.trim()) continue;
    for (const style of styles) {
      const { runs, log, blg } = compileBib(bib, style);
      for (const run of runs) {
        if ((run.status ?? 99) > (run.tool === 'bibtex' ? 1 : 0))
          problems.push(
            `${name} (${style}): ${run.tool} exited ${run.status}${run.tool === 'bibtex' ? `: ${blg.slice(-400)}` : ''}`,
          );
      }
      const texError = /^! .*/m.exec(log);
      if (texError) problems.push(`${name} (${style}): ${texError[0]}`);
    }
  }
  return problems;
}

function pageProblems(file: string, html: string): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html);
  let csp = false;
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    if (node.tagName === 'meta' && String(props.httpEquiv ?? '').toLowerCase() === 'content-security-policy')
      csp = true;
    if (node.tagName === 'meta' && String(props.httpEquiv ?? '').toLowerCase() === 'refresh')
      problems.push(`${file}: meta refresh`);
    if (['base', 'iframe', 'object', 'embed', 'frame'].includes(node.tagName)) {
      problems.push(`${file}: <${node.tagName}>`);
    }
    if (node.tagName === 'script') {
      const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      if (props.type === 'application/ld+json') {
        try {
          JSON.parse(text);
        } catch (error) {
          problems.push(`${file}: JSON-LD ${String(error)}`);
        }
        if (/<\/?script|<!--/i.test(text)) problems.push(`${file}: JSON-LD holds markup`);
      } else if (!(typeof props.src === 'string' && props.src.startsWith('/'))) {
        problems.push(`${file}: inline or outside script ${JSON.stringify(String(props.src ?? text).slice(0, 80))}`);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) problems.push(`${file}: ${node.tagName} ${name}`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*(javascript|data|vbscript):/i.test(text))
        problems.push(`${file}: ${name}=${text.slice(0, 80)}`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*[\\/][\\/]/.test(text))
        problems.push(`${file}: protocol-relative ${name}=${text.slice(0, 80)}`);
    }
    problems.push(...refused(`${file} <${node.tagName}> attributes`, Object.values(props).join(' ')));
  });
  if (!csp) problems.push(`${file}: no Content-Security-Policy meta`);
  return problems;
}
