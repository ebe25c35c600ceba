import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';
import { hostileStrings } from '../helpers/hostile.ts';
import { parseStrictXml, readXml, xmlElements, xmlText } from '../helpers/xml.ts';
import { describe, expect, it } from 'vitest';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { escapeXml, firstXmlIllegal, stripXmlIllegal } from '../../src/lib/xml.ts';
import {
  digestFeed,
  feedHtml,
  feedItem,
  feedLinks,
  jsonFeed,
  newestDate,
  opml,
  rfc3339,
  rssXml,
  textFeedItem,
  topicFeed,
  type FeedContext,
  type FeedPaper,
} from '../../src/lib/feed.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { authorFeed } from '../../src/lib/author-feed.ts';
import { descriptionOfHtml, descriptionText } from '../../src/lib/plain-text.ts';

const render = (body: string) => {
  const { rendered, problems } = renderPaperBody(body, { file: 'test.mdx', bodyLine: 1 });
  expect(problems).toEqual([]);
  return rendered!;
};

const elements = (html: string, tagName?: string): Element[] => {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    if (!tagName || node.tagName === tagName) found.push(node);
  });
  return found;
};

const MATH_BODY =
  'Inline $\\mathcal{O}(d^k) < 1$ and $x$, a [link](https://example.org/a?b=1&c=2), and\n\n$$\n\\sum_j W_{ij}\n$$\n\nAfter.';

function paper(id: string, date: string, tags: string[], overrides: Partial<FeedPaper['data']> = {}): FeedPaper {
  const rendered = render(`Abstract of ${id} with $a^2$.`);
  return {
    id,
    data: { title: `Title ${id}`, authors: ['Ada Lovelace'], date, tags, ...overrides },
    readHtml: () => rendered.html,
    description: descriptionOfHtml(rendered.html),
  };
}

const context = (base = '/digest/'): FeedContext => ({
  urls: createUrls({ base, site: 'https://example.org' }),
  site: { title: 'Digest & Co', description: 'Papers <daily>', lang: 'en' },
  topics: [
    { slug: 'optimization', label: 'Optimization', description: 'Training.' },
    { slug: 'theory', label: 'Theory & "Practice"', description: 'Bounds <and> proofs.' },
    { slug: 'empty', label: 'Empty', description: 'Nothing yet.' },
  ],
});

// Newest first, as the query layer returns them (same-day ties by id).
const papers = [
  paper('2501.00002', '2025-06-07', ['theory']),
  paper('2501.00005', '2025-06-07', ['optimization', 'theory']),
  paper('2501.00001', '2025-06-06', ['optimization']),
  paper('2412.00009', '2024-12-31', ['optimization']),
];

describe('stripXmlIllegal and escapeXml', () => {
  it('removes exactly the characters XML 1.0 forbids', () => {
    const illegal = [
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u000E',
      '\u001B',
      '\u001F',
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDFFF',
    ];
    for (const character of illegal) {
      expect(stripXmlIllegal(`a${character}b`)).toBe('ab');
      // The same characters, the first of them named where it is (new-paper's message on arXiv's answer).
      expect(firstXmlIllegal(`😀a${character}b\u0000`)).toEqual({ character, index: 3 });
    }
    const legal = 'tab\tnewline\nreturn\r é ∑ \u007F \uE000 \uFFFD 😀 \u{10FFFF}';
    expect(stripXmlIllegal(legal)).toBe(legal);
    expect(firstXmlIllegal(legal)).toBeUndefined();
  });

  it('escapes markup characters with the predefined entities only', () => {
    expect(escapeXml(`a & <b> "c" 'd'\u0007`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
    expect(escapeXml('é 😀')).toBe('é 😀');
  });
});

describe('feedHtml', () => {
  const rendered = render(MATH_BODY);
  const html = feedHtml(rendered.html, 'https://example.org/digest/papers/x/');

  it('keeps each formula as a MathML <math> element and drops KaTeX’s HTML rendering', () => {
    expect(rendered.html).toContain('katex-html'); // the input really is KaTeX output
    const math = elements(html, 'math');
    expect(math).toHaveLength(3);
    expect(math.map((node) => node.properties.display ?? 'inline')).toEqual(['inline', 'inline', 'block']);
    // The TeX rides along as alttext, which no reader shows as text.
    expect(math.map((node) => node.properties.alttext)).toEqual(['\\mathcal{O}(d^k) < 1', 'x', '\\sum_j W_{ij}']);
    expect(html).not.toMatch(/katex|aria-hidden|style=|<span/);
    // Text around the formulas is untouched, and no formula is nested in another.
    expect(html).toMatch(/^<p>Inline <math /);
    expect(html).toContain('</math> and <math ');
    expect(html).toContain('<p>After.</p>');
    for (const math of elements(html, 'math')) {
      let nested = 0;
      visit(math, 'element', (node) => void (node !== math && node.tagName === 'math' && nested++));
      expect(nested).toBe(0);
    }
  });

  it('shows each formula once to a reader that drops MathML tags and keeps their text', () => {
    // Such a reader (or one that knows no MathML) shows every text node: a TeX <annotation> beside
    // the typeset formula would read `x2x^2`. The text is the typeset formula's tokens alone.
    const texts = elements(html, 'math').map((node) => toText(node));
    expect(texts).toEqual(['𝒪(dk)<1', 'x', '∑jWij']);
    expect(elements(html, 'annotation')).toEqual([]);
    expect(elements(html, 'semantics')).toEqual([]);
  });

  it('sets display="block" on display math even when KaTeX did not', () => {
    const input = rendered.html.replace(' display="block"', '');
    expect(input).not.toContain('display="block"');
    expect(feedHtml(input, 'https://example.org/').match(/display="block"/g)).toHaveLength(1);
  });

  it('makes links absolute, keeps query strings, and drops unsafe links', () => {
    expect(elements(html, 'a').map((node) => node.properties.href)).toEqual(['https://example.org/a?b=1&c=2']);
    const links = feedHtml(
      '<p><a href="/papers/y/">root</a> <a href="../z/">up</a> <a href="javascript:alert(1)">js</a></p>',
      'https://example.org/digest/papers/x/',
    );
    expect(elements(links, 'a').map((node) => node.properties.href)).toEqual([
      'https://example.org/papers/y/',
      'https://example.org/digest/papers/z/',
      undefined,
    ]);
  });

  it('appends the given links as a paragraph', () => {
    const withLinks = feedHtml('<p>Text.</p>', 'https://example.org/', [
      { label: 'arXiv', href: 'https://arxiv.org/abs/1' },
      { label: 'Code & data', href: 'https://example.org/c?a=1&b=2' },
    ]);
    expect(withLinks).toBe(
      '<p>Text.</p>\n<p><a href="https://arxiv.org/abs/1">arXiv</a> · <a href="https://example.org/c?a=1&amp;b=2">Code &amp; data</a></p>',
    );
  });

  it('never outputs XML-illegal characters', () => {
    expect(feedHtml('<p>a\u0001b\uFFFFc</p>', 'https://example.org/')).toBe('<p>abc</p>');
  });
});

describe('feed items', () => {
  it('builds an item with absolute URLs (base path included), labels, authors and MathML', () => {
    const item = feedItem(
      paper('2501.00005', '2025-06-07', ['theory', 'optimization'], {
        title: 'A\u0001 & <B>',
        authors: ['Zoë O’Brien & Co', 'Ada'],
        arxiv: '2501.00005',
        links: { code: 'https://github.com/a/b' },
      }),
      context(),
    );
    expect(item.url).toBe('https://example.org/digest/papers/2501.00005/');
    expect(item.title).toBe('A & <B>');
    expect(item.authors).toEqual(['Zoë O’Brien & Co', 'Ada']);
    expect(item.categories).toEqual(['Theory & "Practice"', 'Optimization']);
    // Math as a reader reads it, no TeX (descriptionOfHtml).
    expect(item.text).toBe('Abstract of 2501.00005 with a^2.');
    expect(item.externalUrl).toBe('https://arxiv.org/abs/2501.00005');
    expect(elements(item.html, 'math')).toHaveLength(1);
    expect(elements(item.html, 'a').map((node) => node.properties.href)).toEqual([
      'https://arxiv.org/abs/2501.00005',
      'https://arxiv.org/pdf/2501.00005',
      'https://github.com/a/b',
    ]);
  });

  it('says of a paper of more authors than it names that there are more, in its text and HTML, never as an author', () => {
    const names = (count: number) => Array.from({ length: count }, (_, index) => `Ada Lovelace ${index + 1}`);
    for (const [count, byline] of [
      [1, undefined],
      [10, undefined],
      [
        11,
        'By Ada Lovelace 1, Ada Lovelace 2, Ada Lovelace 3, Ada Lovelace 4, Ada Lovelace 5, Ada Lovelace 6, Ada Lovelace 7, Ada Lovelace 8, and 3 others.',
      ],
      [
        500,
        'By Ada Lovelace 1, Ada Lovelace 2, Ada Lovelace 3, Ada Lovelace 4, Ada Lovelace 5, Ada Lovelace 6, Ada Lovelace 7, Ada Lovelace 8, and 492 others.',
      ],
    ] as const) {
      const feed = digestFeed([paper('2501.00005', '2025-06-07', ['theory'], { authors: names(count) })], 1, context());
      const [item] = feed.items;
      expect(item!.byline, `${count} authors`).toBe(byline);
      // RSS: every dc:creator a person; the byline opens the description and content:encoded.
      const rss = readXml(rssXml(feed));
      const rssItem = xmlElements(rss, 'item')[0]!;
      const creators = xmlElements(rssItem, 'dc:creator').map(xmlText);
      expect(creators).toEqual(names(Math.min(count, count > 10 ? 8 : 10)));
      const description = xmlText(xmlElements(rssItem, 'description')[0]!);
      const content = xmlText(xmlElements(rssItem, 'content:encoded')[0]!);
      const json = jsonFeed(feed, 'https://example.org/digest/feed.json').items[0]!;
      expect(json.authors.map((author) => author.name)).toEqual(creators);
      if (byline === undefined) {
        for (const text of [description, content, json.content_text]) expect(text).not.toMatch(/^By |others/);
      } else {
        expect(description.startsWith(`${byline} Abstract of`), description).toBe(true);
        expect(json.content_text.startsWith(`${byline} Abstract of`)).toBe(true);
        for (const html of [content, json.content_html!]) expect(toText(elements(html, 'p')[0]!)).toBe(byline);
      }
    }
  });

  it('takes the newest papers for the digest, in the order given, never splitting a day', () => {
    const feed = digestFeed(papers, 2, context());
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://example.org/digest/papers/2501.00002/',
      'https://example.org/digest/papers/2501.00005/',
    ]);
    // Three papers asked for: the day of the third is taken whole (here it has one paper).
    expect(digestFeed(papers, 3, context()).items.map((item) => item.url)).toEqual([
      'https://example.org/digest/papers/2501.00002/',
      'https://example.org/digest/papers/2501.00005/',
      'https://example.org/digest/papers/2501.00001/',
    ]);
    // One asked for: the newest day is still whole.
    expect(digestFeed(papers, 1, context()).items).toHaveLength(2);
    expect(feed.homeUrl).toBe('https://example.org/digest/');
    expect(feed.rssUrl).toBe('https://example.org/digest/rss.xml');
  });

  it('keeps only the topic’s papers in a topic feed', () => {
    const feed = topicFeed(context().topics[0]!, papers, 2, context('/'));
    expect(feed.title).toBe('Digest & Co: Papers on “Optimization”');
    expect(feed.description).toBe('Training.');
    expect(feed.homeUrl).toBe('https://example.org/topics/optimization/');
    expect(feed.rssUrl).toBe('https://example.org/topics/optimization/rss.xml');
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://example.org/papers/2501.00005/',
      'https://example.org/papers/2501.00001/',
    ]);
  });

  it('dates feeds by their content', () => {
    expect(newestDate([{ date: '2024-12-31' }, { date: '2025-06-07' }, { date: '2025-01-01' }])).toBe('2025-06-07');
    expect(newestDate([])).toBeUndefined();
    expect(rfc3339('2025-06-07')).toBe('2025-06-07T12:00:00Z');
  });
});

describe('RSS', () => {
  it('writes a well-formed channel with atom:link self, lastBuildDate from content, and escaped items', async () => {
    const evil = paper('2501.00009', '2025-01-02', ['theory'], {
      title: 'Sharp & <Flat> "Minima"\u0001',
      authors: ['Zoë O\'Brien & <Co> "Ltd"', 'Ada'],
    });
    const feed = digestFeed([...papers, evil], 10, {
      ...context(),
      site: { title: 'Digest & <Co>\u0002', description: 'Papers "daily"\u0003', lang: 'en' },
    });
    const xml = rssXml(feed);
    const { rss } = parseStrictXml(xml) as {
      rss: { channel: Record<string, unknown> & { item: Record<string, unknown>[] } };
    };
    const { channel } = rss;
    expect(channel.title).toBe('Digest & <Co>');
    // The channel's description is HTML to a reader too: escaped once more, like an item's.
    expect(channel.description).toBe('Papers &quot;daily&quot;');
    expect(channel.link).toBe('https://example.org/digest/');
    expect(channel['atom:link']).toEqual({
      '@_href': 'https://example.org/digest/rss.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expect(channel.lastBuildDate).toBe('Sat, 07 Jun 2025 12:00:00 GMT');
    expect(channel.item).toHaveLength(5);

    const last = channel.item[4]!;
    expect(last.title).toBe('Sharp & <Flat> "Minima"');
    expect(last['dc:creator']).toEqual(['Zoë O\'Brien & <Co> "Ltd"', 'Ada']);
    expect(last.category).toEqual(['Theory & "Practice"']);
    expect(last.link).toBe('https://example.org/digest/papers/2501.00009/');
    expect(last.guid).toEqual({ '#text': 'https://example.org/digest/papers/2501.00009/', '@_isPermaLink': 'true' });
    expect(last.pubDate).toBe('Thu, 02 Jan 2025 12:00:00 GMT');
    expect(last.description).toBe('Abstract of 2501.00009 with a^2.');
    expect(last['dc:creator']).toEqual(['Zoë O\'Brien & <Co> "Ltd"', 'Ada']);
    expect(last['content:encoded']).toMatch(/^<p>Abstract of 2501\.00009 with <math [^>]*>.*<\/math>\.<\/p>$/);
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
  });

  it('is rejected by the strict check when a control character gets through', () => {
    const xml = rssXml(digestFeed(papers, 1, context()));
    expect(() => parseStrictXml(xml)).not.toThrow();
    expect(() => parseStrictXml(xml.replace('<title>', '<title>\u0001'))).toThrow(/not well-formed/);
    expect(() => parseStrictXml(xml.replace('<title>', '<title>&#1;'))).toThrow(/not well-formed/);
  });

  it('leaves lastBuildDate out of a feed without items, and is the same on every call', () => {
    const empty = topicFeed(context().topics[2]!, papers, 10, context());
    const xml = rssXml(empty);
    expect(xml).not.toContain('lastBuildDate');
    expect(xml).not.toContain('<item>');
    expect(rssXml(digestFeed(papers, 10, context()))).toBe(rssXml(digestFeed(papers, 10, context())));
  });
});

describe('feeds of hostile papers', () => {
  const hostile = (text: string, overrides: Partial<FeedPaper['data']> = {}): FeedPaper => ({
    id: '2501.00042',
    data: { title: 'T', authors: ['A'], date: '2025-06-07', tags: ['theory'], ...overrides },
    readHtml: () => '<p>x</p>',
    description: text,
  });
  const texts = [
    ...hostileStrings(51, 300),
    '<img src=x onerror=alert(1)>',
    '&lt;img src=x onerror=alert(1)&gt;',
    'Inline `<b>code</b>` and TeX $a<b$ and $x > y$ & <!-- c --> <![CDATA[ x ]]>',
  ];

  it('writes a <description> that holds no markup after one decode: its HTML is the text', () => {
    for (const text of texts) {
      const feed = digestFeed([hostile(text)], 1, context());
      const channel = readXml(rssXml({ ...feed, description: text }));
      const descriptions = xmlElements(channel, 'description');
      const [description] = xmlElements(channel, 'item').flatMap((item) => xmlElements(item, 'description'));
      // The channel's own description (a topic's, from content/topics.yaml) is escaped the same way.
      expect(descriptions.length).toBeGreaterThan(0);
      for (const element of descriptions) expect(xmlText(element), JSON.stringify(text)).not.toContain('<');
      const decoded = xmlText(description!);
      expect(decoded, JSON.stringify(text)).not.toContain('<');
      // A reader renders the decoded text as HTML: that shows exactly the plain text.
      const shown = toText(fromHtml(decoded, { fragment: true }), { whitespace: 'pre' });
      expect(shown, JSON.stringify(text)).toBe(descriptionText(text));
      // …which is markup-free even when decoded once more, as a careless reader might.
      const again = fromHtml(shown, { fragment: true }).children;
      expect(
        again.filter((node) => node.type !== 'text'),
        JSON.stringify(text),
      ).toEqual([]);
    }
  });

  it('keeps number-like and keyword-like authors, titles and topics as the strings they are', () => {
    const words = ['1e3', '0x1F', '007', 'true', 'null', '-0', '1_000', ' 42 ', '1.50', 'NaN', '+5', 'Infinity'];
    // Two papers, as a feed names at most LISTED_AUTHORS authors of one.
    const halves = [words.slice(0, 6), words.slice(6)];
    const papers = halves.map((authors) =>
      hostile('Abstract.', { title: words.join(' | '), authors, tags: ['theory'] }),
    );
    const feed = digestFeed(papers, 2, {
      ...context(),
      topics: [{ slug: 'theory', label: '0x1F', description: '007' }],
    });
    const rss = readXml(rssXml(feed));
    const items = xmlElements(rss, 'item');
    expect(items.map((item) => xmlElements(item, 'dc:creator').map(xmlText))).toEqual(halves);
    for (const item of items) {
      expect(xmlElements(item, 'title').map(xmlText)).toEqual([words.join(' | ')]);
      expect(xmlElements(item, 'category').map(xmlText)).toEqual(['0x1F']);
    }
    const json = JSON.parse(JSON.stringify(jsonFeed(feed, 'https://example.org/feed.json'))) as {
      items: { authors: { name: unknown }[]; tags: unknown[] }[];
    };
    expect(json.items.map((item) => item.authors.map((author) => author.name))).toEqual(halves);
    expect(json.items[0]!.tags).toEqual(['0x1F']);
  });

  it('keeps content:encoded well-formed, with no script, embed or event handler whatever the HTML', () => {
    const html =
      '<p onclick="alert(1)" style="position:fixed">a<script>alert(1)</script><img src="x" onerror="alert(1)">' +
      '<iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)" onmouseover="x">l</a></p>' +
      '<style>*{}</style><form action="https://evil.example/"><input></form><svg onload="alert(1)"></svg>';
    const out = feedHtml(html, 'https://example.org/');
    expect(out).not.toMatch(/<(script|iframe|style|form)\b|\son[a-z]+=|style=|javascript:/i);
    expect(out).toBe('<p>a<img src="https://example.org/x"><a>l</a></p><svg></svg>');
    for (const text of texts) {
      const rendered = renderPaperBody(text.replace(/[<>{}\\`$&_*[\]#!|~^]/g, ' '), { file: 't.mdx', bodyLine: 1 });
      const html = rendered.rendered?.html;
      if (html === undefined) continue;
      const item = feedItem({ ...hostile(text), readHtml: () => html }, context());
      const xml = rssXml({ ...digestFeed([], 1, context()), items: [item] });
      const encoded = xmlText(xmlElements(readXml(xml), 'content:encoded')[0]!);
      expect(encoded).toBe(item.html);
      for (const node of elements(encoded)) {
        expect(['script', 'iframe', 'style', 'object', 'embed']).not.toContain(node.tagName);
        expect(Object.keys(node.properties).filter((name) => /^on/i.test(name))).toEqual([]);
      }
    }
  });

  it('writes < and > inside attribute values as references, so a pattern that finds tags finds only real ones', () => {
    const withoutTags = (out: string) => out.replace(/<\/?[a-z][^<>]*>/gi, '');
    const math = feedHtml(render('Bounded: $\\mathcal{O}(d^k) < 1 > \\text{<b>}$.').html, 'https://example.org/');
    expect(elements(math, 'math')[0]!.properties.alttext).toBe('\\mathcal{O}(d^k) < 1 > \\text{<b>}');
    expect(math).toContain('alttext="\\mathcal{O}(d^k) &lt; 1 &gt; \\text{&lt;b&gt;}"');
    for (const title of [...texts, '<img src=x onerror=alert(1)>', 'a > b', '\uFDD0 held \uFDD1', '<<>>']) {
      const input = `<p><a href="https://example.org/" title="${escapeXml(stripXmlIllegal(title))}">l</a></p>`;
      const out = feedHtml(input, 'https://example.org/');
      expect(withoutTags(out)).not.toMatch(/[<>]/);
      // A browser reads the title that was written (the input's own noncharacters aside, and a
      // carriage return, which HTML reads as a line end wherever it is written raw).
      const written = String(elements(input, 'a')[0]!.properties.title);
      const expected = written.replace(/[\uFDD0\uFDD1]/g, '\uFFFD').replace(/\r\n?/g, '\n');
      expect(elements(out, 'a')[0]!.properties.title).toBe(expected);
    }
  });

  it('spells styled math letters in Unicode, which MathML Core shows, instead of mathvariant', () => {
    const html = feedHtml(
      render('In $\\mathbb{R}^d$, $\\mathcal{C}$, $\\mathfrak{F}$, $\\mathbf{x}_1$ and $\\mathrm{d}x$.').html,
      'https://example.org/',
    );
    const letters = elements(html, 'mi').map((node) => [toText(node), node.properties.mathvariant ?? null]);
    expect(letters).toEqual([
      ['ℝ', null],
      ['d', null],
      ['𝒞', null],
      ['𝔉', null],
      ['𝐱', null],
      ['d', 'normal'],
      ['x', null],
    ]);
    // The TeX stays as written, in alttext.
    expect(elements(html, 'math')[0]!.properties.alttext).toBe('\\mathbb{R}^d');
  });
});

describe('JSON Feed', () => {
  it('mirrors the RSS items', () => {
    const feed = digestFeed(papers, 2, context());
    const json = jsonFeed(feed, 'https://example.org/digest/feed.json');
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Digest & Co',
      home_page_url: 'https://example.org/digest/',
      feed_url: 'https://example.org/digest/feed.json',
    });
    expect(json.items).toHaveLength(2);
    const [first] = json.items;
    const item = feed.items[0]!;
    expect(first).toEqual({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.html,
      content_text: item.text,
      date_published: '2025-06-07T12:00:00Z',
      authors: [{ name: 'Ada Lovelace' }],
      tags: ['Theory & "Practice"'],
    });
  });
});

describe('OPML', () => {
  it('lists the digest feed and every topic feed, escaped and absolute', () => {
    const xml = opml(context());
    const { opml: document } = parseStrictXml(xml) as {
      opml: { '@_version': string; head: { title: string }; body: { outline: Record<string, unknown>[] } };
    };
    expect(document['@_version']).toBe('2.0');
    expect(document.head.title).toBe('Digest & Co: all feeds');
    const [digest, topics] = document.body.outline;
    expect(digest).toMatchObject({
      '@_type': 'rss',
      '@_text': 'Digest & Co',
      '@_xmlUrl': 'https://example.org/digest/rss.xml',
      '@_htmlUrl': 'https://example.org/digest/',
    });
    const topicOutlines = (topics as { outline: Record<string, string>[] }).outline;
    expect(topicOutlines.map((outline) => [outline['@_text'], outline['@_xmlUrl'], outline['@_htmlUrl']])).toEqual([
      [
        'Digest & Co: Papers on “Optimization”',
        'https://example.org/digest/topics/optimization/rss.xml',
        'https://example.org/digest/topics/optimization/',
      ],
      [
        'Digest & Co: Papers on “Theory & "Practice"”',
        'https://example.org/digest/topics/theory/rss.xml',
        'https://example.org/digest/topics/theory/',
      ],
      [
        'Digest & Co: Papers on “Empty”',
        'https://example.org/digest/topics/empty/rss.xml',
        'https://example.org/digest/topics/empty/',
      ],
    ]);
  });

  it('uses the same list as the Subscribe page', () => {
    const links = feedLinks(context());
    expect(links.digest.href).toBe('/digest/rss.xml');
    expect(links.topics.map((topic) => [topic.label, topic.href])).toEqual([
      ['Optimization', '/digest/topics/optimization/rss.xml'],
      ['Theory & "Practice"', '/digest/topics/theory/rss.xml'],
      ['Empty', '/digest/topics/empty/rss.xml'],
    ]);
  });
});

describe('the language of feeds and items', () => {
  /** A paper whose title and abstract are the given text. */
  const written = (id: string, title: string, abstract: string): FeedPaper => {
    const rendered = render(abstract);
    return {
      id,
      data: { title, authors: ['Ada Lovelace'], date: '2025-06-07', tags: ['theory'] },
      readHtml: () => rendered.html,
      description: descriptionOfHtml(rendered.html),
    };
  };
  const russian = written('2501.00011', 'Внимание — всё, что нужно', 'Мы предлагаем новую архитектуру сети $x^2$.');
  const japanese = written('2501.00012', '注意こそが必要なすべて', 'トランスフォーマーという新しいモデルを提案する。');
  const english = written('2501.00013', 'Attention Is All You Need', 'We propose a new network architecture.');
  // A title in Cyrillic over an English abstract: the item is mostly English, and one language is all an item has.
  const mixed = written('2501.00014', 'Внимание', 'We propose a new simple network architecture, the Transformer.');
  const all = [russian, japanese, english, mixed];
  const expected = { [russian.id]: 'und-Cyrl', [japanese.id]: 'und-Jpan' } as Record<string, string>;
  const idOf = (url: string) => url.replace(/^.*\/papers\/|\/$/g, '');

  it('says the site language on each feed, RSS and JSON Feed, whole, topic and author', () => {
    const site = context();
    const feeds = [
      digestFeed(all, 10, site),
      topicFeed(site.topics[1]!, all, 10, site),
      authorFeed({ slug: 'ada-lovelace', name: 'Ada Lovelace' }, all, 10, site, (paper) => textFeedItem(paper, site)),
    ];
    for (const feed of feeds) {
      const { rss } = parseStrictXml(rssXml(feed)) as { rss: { channel: { language: string } } };
      expect(rss.channel.language, feed.title).toBe('en');
      expect(jsonFeed(feed, 'https://example.org/digest/feed.json').language, feed.title).toBe('en');
    }
  });

  it('marks an item most of whose letters are of a script other than Latin with that script, as far as each format allows', () => {
    const site = context();
    for (const feed of [
      digestFeed(all, 10, site),
      authorFeed({ slug: 'ada-lovelace', name: 'Ada Lovelace' }, all, 10, site, (paper) => textFeedItem(paper, site)),
    ]) {
      // JSON Feed 1.1 has an item `language`; RSS 2.0 none of its own, so Dublin Core's, whose namespace it declares.
      const json = jsonFeed(feed, 'https://example.org/digest/feed.json');
      expect(
        Object.fromEntries(json.items.map((item) => [idOf(item.id), item.language]).filter(([, lang]) => lang)),
      ).toEqual(expected);
      const { rss } = parseStrictXml(rssXml(feed)) as {
        rss: { channel: { item: { link: string; 'dc:language'?: string }[] } };
      };
      expect(
        Object.fromEntries(
          rss.channel.item.map((item) => [idOf(item.link), item['dc:language']]).filter(([, lang]) => lang),
        ),
      ).toEqual(expected);
    }
  });
});
