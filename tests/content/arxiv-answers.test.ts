import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FetchLike, retryAfter, TRY_AGAIN_LATER } from '../../src/content/arxiv.ts';
import { checkContent } from '../../src/content/check.ts';
import { newPaper, NewPaperError } from '../../src/content/new-paper.ts';
import { newPapers } from '../../src/content/new-papers.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { removeTempProjects, tempProject } from '../helpers/new-paper.ts';

afterAll(removeTempProjects);

/**
 * The arXiv API's answer is input from outside too: answers that are odd or hostile, synthetic
 * (ids 9901.*, January 2099, are fake). new-paper writes an entry that the check accepts and that
 * says what the answer says, or refuses with a message that says why, and writes nothing.
 */

const ID = '9901.00090';
const NOW = () => new Date('2099-01-10T12:00:00Z');

/** An Atom answer of one entry; the parts are XML as written (escape text yourself). */
function answer({
  title = '<title>A Synthetic Title</title>',
  summary = '<summary>  A synthetic abstract.\n</summary>',
  authors = '<author><name>Ada Example</name></author>',
  declaration = '<?xml version="1.0" encoding="UTF-8"?>',
} = {}): string {
  return [
    declaration,
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">',
    `<entry><id>http://arxiv.org/abs/${ID}v1</id>`,
    title,
    summary,
    '<published>2099-01-03T12:00:00Z</published>',
    authors,
    '</entry></feed>',
  ].join('\n');
}

/** `fetch` answering every request with these bytes. */
function answering(body: string | Uint8Array<ArrayBuffer>): FetchLike {
  return async () => new Response(body, { status: 200, headers: { 'content-type': 'application/atom+xml' } });
}

/** The bytes of `text` as UTF-8, with `bytes` in place of the marker `@@`. */
function withBytes(text: string, bytes: number[]): Uint8Array<ArrayBuffer> {
  const [before = '', after = ''] = text.split('@@');
  const encoder = new TextEncoder();
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
}

async function run(body: string | Uint8Array<ArrayBuffer>) {
  const root = await tempProject();
  const result = await newPaper(
    { input: ID, tags: ['optimization'], date: '2099-01-10' },
    { root, fetch: answering(body), now: NOW },
  ).catch((error: unknown) => {
    if (error instanceof NewPaperError) return error;
    throw error;
  });
  const files = await readdir(join(root, 'content/papers'), { recursive: true });
  return { root, result, files: files.filter((name) => name.endsWith('.mdx')) };
}

async function checked(root: string) {
  const { problems, papers } = await checkContent({
    root,
    papersDir: 'content/papers',
    topicsFile: 'content/topics.yaml',
    today: NOW(),
  });
  return { problems: problems.map(formatProblem), paper: papers[0] };
}

describe("an entry's <id> written as arXiv addresses are", () => {
  // entryId read the <id> with a regex of its own (http(s)://, www. or none, /abs/): an entry at
  // another of arXiv's hosts, in capitals or with a slash after it was taken for a paper not asked.
  it.each([
    `https://export.arxiv.org/abs/${ID}v2`,
    `HTTPS://ARXIV.ORG/abs/${ID}v2`,
    `https://arxiv.org/abs/${ID}v2/`,
    `arxiv.org/abs/${ID}v2`,
  ])('reads %s as the paper asked, by the one reading of arXiv ids', async (id) => {
    const { result, files } = await run(answer().replace(`http://arxiv.org/abs/${ID}v1`, id));
    expect(result).not.toBeInstanceOf(NewPaperError);
    expect(files).toEqual([`2099/${ID}.mdx`]);
  });
});

describe('an answer with two entries for the paper asked', () => {
  // The first entry was taken, whatever the second said: an answer mixed up on the way (a cache, a
  // proxy) wrote whichever came first.
  const second = (id: string, title: string) =>
    `<entry><id>${id}</id><title>${title}</title><summary>  A synthetic abstract.\n</summary>` +
    '<published>2099-01-03T12:00:00Z</published><author><name>Ada Example</name></author></entry></feed>';
  it.each([
    ['another title', `http://arxiv.org/abs/${ID}v1`, 'Another Title'],
    ['another version only', `http://arxiv.org/abs/${ID}v2`, 'A Synthetic Title'],
  ])('refuses two that differ (%s), naming both, and writes nothing', async (_name, id, title) => {
    const { result, files } = await run(answer().replace('</feed>', second(id, title)));
    expect(result).toBeInstanceOf(NewPaperError);
    expect((result as NewPaperError).message).toBe(
      `arXiv's answer for ${ID} is not a usable Atom feed: it holds 2 entries for ${ID} that differ (http://arxiv.org/abs/${ID}v1, ${id}), so which one is the paper's cannot be told. Nothing was written. That is arXiv's side (or the network's), not your command: run the same command again later.`,
    );
    expect(files).toEqual([]);
  });

  it('takes two that read alike as one, and refuses two that differ in a batch too, writing the other', async () => {
    const { root, files } = await run(
      answer().replace('</feed>', second(`https://arxiv.org/abs/${ID}v1`, 'A Synthetic Title')),
    );
    expect(files).toEqual([`2099/${ID}.mdx`]);
    expect((await checked(root)).problems).toEqual([]);
    const other = '9901.00091';
    const feed = answer().replace(
      '</feed>',
      second(`http://arxiv.org/abs/${ID}v1`, 'Another Title').replace(
        '</feed>',
        `<entry><id>http://arxiv.org/abs/${other}v1</id><title>Another Paper</title><summary>Text.</summary>` +
          '<published>2099-01-03T12:00:00Z</published><author><name>Bo Example</name></author></entry></feed>',
      ),
    );
    const batchRoot = await tempProject();
    const report = await newPapers(
      { inputs: [ID, other], tags: ['optimization'], date: '2099-01-10' },
      { root: batchRoot, fetch: answering(feed), now: NOW, sleep: async () => {} },
    );
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'written']);
    expect(report.outcomes[0]).toMatchObject({
      message: expect.stringContaining(`it holds 2 entries for ${ID} that differ`),
    });
  });
});

describe('an arXiv answer whose bytes are not UTF-8', () => {
  // Read as UTF-8 loosely, each bad byte became U+FFFD: the entry said "Caf�", a title arXiv never had.
  it.each([
    ['a Latin-1 é in the title', answer({ title: '<title>Caf@@ Effects</title>' }), [0xe9]],
    ['a sequence cut short in the abstract', answer({ summary: '<summary>Costs 5 @@ each.</summary>' }), [0xe2, 0x82]],
    ['a Windows-1252 quote in a name', answer({ authors: '<author><name>D@@Arcy Example</name></author>' }), [0x92]],
    [
      'a whole answer in ISO-8859-1, as it declares',
      answer({ declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>', title: '<title>G@@del Numbers</title>' }),
      [0xf6],
    ],
  ])('%s: refused, naming the place, and nothing is written', async (_name, text, bytes) => {
    const { result, files } = await run(withBytes(text, bytes));
    expect(result).toBeInstanceOf(NewPaperError);
    const hex = bytes.map((byte) => byte.toString(16).toUpperCase()).join(' ');
    expect((result as Error).message).toMatch(
      new RegExp(
        `^arXiv's answer for ${ID} is not a usable Atom feed: it is not UTF-8: the bytes? ${hex} at line \\d+, column \\d+ is no UTF-8 character\\. Nothing was written\\. That is arXiv's side`,
      ),
    );
    expect(files).toEqual([]);
  });

  it('refuses UTF-8 text in an answer that says it is in another encoding, which a parser would read otherwise', async () => {
    const text = answer({
      declaration: '<?xml version="1.0" encoding="windows-1252"?>',
      title: '<title>Gödel</title>',
    });
    const { result, files } = await run(new TextEncoder().encode(text));
    expect((result as Error).message).toContain('not a usable Atom feed: it says it is in windows-1252, not UTF-8');
    expect(files).toEqual([]);
  });

  it.each([
    ['with a byte-order mark', [0xef, 0xbb, 0xbf], answer({ title: '<title>Gödel Numbers</title>' })],
    [
      'in ASCII, declared as ISO-8859-1',
      [],
      answer({
        declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>',
        title: '<title>G&#246;del Numbers</title>',
      }),
    ],
  ])('reads a UTF-8 answer %s as it is', async (_name, prefix, text) => {
    const { root, result } = await run(new Uint8Array([...prefix, ...new TextEncoder().encode(text)]));
    expect(result).not.toBeInstanceOf(Error);
    const { problems, paper } = await checked(root);
    expect(problems).toEqual([]);
    expect(paper?.data.title).toBe('Gödel Numbers');
  });
});

describe('an arXiv answer whose text fields are not plain text', () => {
  // The parser keeps an element inside a text apart from the text around it: the entry was
  // written without its words ("A title" for "A <b>bold</b> title"), and a nameless author was
  // left out of the list.
  it.each([
    [
      'markup in the title',
      { title: '<title>A <b>bold</b> title</title>' },
      "the entry's <title> holds markup (<b>), where arXiv writes plain text",
    ],
    [
      'markup in the abstract',
      { summary: '<summary>We use <i>x</i> here.</summary>' },
      "the entry's <summary> holds markup (<i>), where arXiv writes plain text",
    ],
    [
      'markup in a name',
      { authors: '<author><name>Ada Ex<sup>2</sup>ample</name></author>' },
      "the entry's <name> holds markup (<sup>), where arXiv writes plain text",
    ],
    [
      'an HTML title',
      { title: '<title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>' },
      'the entry\'s <title> is of type "html", where arXiv writes plain text',
    ],
    [
      'two abstracts',
      { summary: '<summary>One.</summary><summary>Two.</summary>' },
      'the entry has 2 <summary> elements where arXiv writes one',
    ],
    [
      'an author without a name',
      { authors: '<author><name>Ada Example</name></author><author><affiliation>Nowhere</affiliation></author>' },
      "the entry's author 2 of 2 has no <name>",
    ],
    [
      'an author whose name is blank',
      { authors: '<author><name> </name></author><author><name>Ada Example</name></author>' },
      "the entry's author 1 of 2 has no <name>",
    ],
  ])('%s: refused, and nothing is written', async (_name, parts, why) => {
    const { result, files } = await run(answer(parts));
    expect(result).toBeInstanceOf(NewPaperError);
    expect((result as Error).message).toBe(
      `arXiv's answer for ${ID} is not a usable Atom feed: ${why}. Nothing was written. That is arXiv's side (or the network's), not your command: run the same command again later.`,
    );
    expect(files).toEqual([]);
  });

  it.each([
    ['a CDATA section', { summary: '<summary>We use <![CDATA[<b> & {x}]]> here.</summary>' }, 'We use <b> & {x} here.'],
    ['a comment', { summary: '<summary>We use<!-- a note --> this.</summary>' }, 'We use this.'],
  ])('reads %s as the text it holds', async (_name, parts, text) => {
    const { root } = await run(answer(parts));
    const { problems, paper } = await checked(root);
    expect(problems).toEqual([]);
    expect(paper?.rendered?.text).toBe(text);
  });

  it('refuses such an answer in a batch too, and writes the other papers', async () => {
    const root = await tempProject();
    const other = '9901.00091';
    const feed = answer({ title: '<title>A <b>bold</b> title</title>' }).replace(
      '</feed>',
      `<entry><id>http://arxiv.org/abs/${other}v1</id><title>Another Title</title><summary>Text.</summary>` +
        '<published>2099-01-03T12:00:00Z</published><author><name>Bo Example</name></author></entry></feed>',
    );
    const report = await newPapers(
      { inputs: [ID, other], tags: ['optimization'], date: '2099-01-10' },
      { root, fetch: answering(withBytes(feed, [])), now: NOW, sleep: async () => {} },
    );
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'written']);
    expect(report.outcomes[0]).toMatchObject({ message: expect.stringContaining('<title> holds markup (<b>)') });
  });
});

describe('a withdrawn paper, and a paper that only speaks of a withdrawal', () => {
  const withComment = (comment: string, summary = 'A synthetic abstract.') =>
    answer({ summary: `<summary>${summary}</summary><arxiv:comment>${comment}</arxiv:comment>` });

  // arXiv's notices as its comments write them: the old test read only "paper has been withdrawn".
  it.each([
    ['Withdrawn by the authors: an error in Lemma 2'],
    ['12 pages. This paper has been withdrawn by the author due to an error'],
    ['This submission has been withdrawn by arXiv administrators due to inappropriate text overlap'],
    ['The authors have withdrawn this paper'],
    ['Paper withdrawn'],
  ])('refuses a paper whose comment says %j, quoting it; nothing is written', async (comment) => {
    const { result, files } = await run(withComment(comment));
    expect((result as Error).message).toBe(
      `arXiv's latest version of ${ID} (v1) withdraws the paper: "${comment}". A withdrawn paper is not added to the digest. Nothing was written.`,
    );
    expect(files).toEqual([]);
  });

  it('refuses a paper whose abstract is the notice', async () => {
    const { result } = await run(withComment('10 pages', 'This paper has been withdrawn by the authors.'));
    expect((result as Error).message).toContain('withdraws the paper: "This paper has been withdrawn by the authors."');
  });

  // An abstract is about something: only a notice in place of it withdraws the paper.
  it.each([
    ['10 pages, 3 figures', 'We study why a preprint was withdrawn after review, and how often.'],
    ['Accepted at a synthetic venue; an earlier workshop version was withdrawn', 'A synthetic abstract.'],
    ['Comments welcome', 'Withdrawal rates of deposits: a synthetic model.'],
  ])('writes a paper whose comment is %j and abstract %j', async (comment, summary) => {
    const { root, result } = await run(withComment(comment, summary));
    expect(result).not.toBeInstanceOf(Error);
    expect((await checked(root)).problems).toEqual([]);
  });
});

describe('an arXiv answer that is well-formed XML but no feed the parser or an entry can take', () => {
  // fast-xml-parser throws on some well-formed XML: new-paper stopped with a stack trace.
  it.each([
    [
      'nesting deeper than the parser takes',
      answer({ summary: `<summary>${'<x>'.repeat(200)}${'</x>'.repeat(200)}</summary>` }),
      /^arXiv's answer for 9901\.00090 is not a usable Atom feed: the XML parser refused it \(.+\)\. Nothing was written\./,
    ],
    [
      'an element named __proto__',
      answer({ summary: '<summary>Text.</summary><__proto__>x</__proto__>' }),
      /^arXiv's answer for 9901\.00090 is not a usable Atom feed: the XML parser refused it \(.*__proto__.*\)\. Nothing was written\./,
    ],
    // The entry was read as one without an id, so the answer as "arXiv has no paper 9901.00090".
    [
      'an entry with two ids',
      answer().replace('</id>', `</id><id>http://arxiv.org/abs/${ID}v2</id>`),
      /^arXiv's answer for 9901\.00090 is not a usable Atom feed: the entry has 2 <id> elements where arXiv writes one\./,
    ],
    [
      'an id with markup in it',
      answer().replace(`<id>http://arxiv.org/abs/${ID}v1</id>`, `<id><b>http://arxiv.org/abs/${ID}v1</b></id>`),
      /^arXiv's answer for 9901\.00090 is not a usable Atom feed: the entry's <id> holds markup \(<b>\), where arXiv writes plain text\./,
    ],
  ])("%s: refused as arXiv's side, and nothing is written", async (_name, text, message) => {
    const { result, files } = await run(text);
    expect(result).toBeInstanceOf(NewPaperError);
    expect((result as Error).message).toMatch(message);
    expect(files).toEqual([]);
  });
});

describe('an answer with a character XML does not allow', () => {
  // A terminal's escape (ESC, as ANSI colours and OSC 8 links start) or another C0 control in the
  // feed was said only as "disallowed character (line 1)": neither which character nor where.
  it.each([
    [
      'ESC of an ANSI colour in the title',
      answer({ title: '<title>A \u001b[31mred\u001b[0m title</title>' }),
      'U+001B',
      4,
      10,
    ],
    ['BEL of an OSC 8 link in a name', answer({ authors: '<author><name>Ada\u0007</name></author>' }), 'U+0007', 8, 18],
  ])('%s: names the character, its line and column, and writes nothing', async (_name, text, code, line, column) => {
    const { result, files } = await run(text);
    expect((result as Error).message).toContain(
      `arXiv's answer for ${ID} is not a usable Atom feed: it holds ${code}, a control character XML does not allow, at line ${line}, column ${column}. Nothing was written.`,
    );
    expect(files).toEqual([]);
  });
});

describe('an answer with a character reference to a character XML does not allow', () => {
  // `&#x1b;` is ESC written as a reference, which XML 1.0 refuses as it refuses the raw character:
  // it was said in the parser's words, "malformed character entity (line 4)", naming nothing.
  it.each([
    [
      'ESC in hexadecimal in the title',
      answer({ title: '<title>A &#x1b;[31mred title</title>' }),
      '&#x1b;',
      'U+001B, a control character',
      4,
      10,
    ],
    [
      'NUL in decimal in a name',
      answer({ authors: '<author><name>Ada&#0;</name></author>' }),
      '&#0;',
      'U+0000, a control character',
      8,
      18,
    ],
    ['a noncharacter', answer({ title: '<title>A &#xFFFE; title</title>' }), '&#xFFFE;', 'U+FFFE, a character', 4, 10],
    [
      'a lone surrogate',
      answer({ title: '<title>A &#55296; title</title>' }),
      '&#55296;',
      'U+D800, a character',
      4,
      10,
    ],
  ])(
    '%s: names the reference, the character, its line and column, and writes nothing',
    async (_name, text, reference, what, line, column) => {
      const { result, files } = await run(text);
      expect((result as Error).message).toContain(
        `arXiv's answer for ${ID} is not a usable Atom feed: it holds ${reference}, a reference to ${what} XML does not allow, at line ${line}, column ${column}. Nothing was written.`,
      );
      expect(files).toEqual([]);
    },
  );

  it('names a reference past the last code point as no character at all', async () => {
    const { result } = await run(answer({ title: '<title>A &#x110000; title</title>' }));
    expect((result as Error).message).toContain(
      `it holds &#x110000;, a reference to no character (Unicode ends at U+10FFFF), at line 4, column 10.`,
    );
  });
});

describe('an answer that is a web page, not a feed', () => {
  // A proxy, a captive portal or a gateway answers 200 OK with its own page: the message said "it
  // declares a DOCTYPE", or "there is no <feed> element", naming nothing the contributor saw.
  it.each([
    [
      'a proxy error page',
      '<!DOCTYPE html>\n<html><head><title>502 Bad\n  Gateway</title></head><body><h1>502</h1></body></html>',
      ' titled "502 Bad Gateway"',
    ],
    [
      'a page without a DOCTYPE',
      '<html lang="en"><head><title>Log in to Café WiFi</title></head><body/></html>',
      ' titled "Log in to Café WiFi"',
    ],
    [
      'an XHTML page after an XML declaration and a comment',
      '<?xml version="1.0"?>\n<!-- gateway -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"><body>Busy</body></html>',
      '',
    ],
  ])("%s: refused as a web page, named by its title, as arXiv's side", async (_name, page, titled) => {
    const { result, files } = await run(page);
    expect(result).toBeInstanceOf(NewPaperError);
    expect((result as Error).message).toBe(
      `arXiv's answer for ${ID} is not a usable Atom feed: it is a web page${titled}, not arXiv's feed (an error page of a proxy or a server on the way). Nothing was written. That is arXiv's side (or the network's), not your command: run the same command again later.`,
    );
    expect(files).toEqual([]);
  });
});

describe('an error status whose answer is a web page', () => {
  // The message quoted the page's first line: "<!DOCTYPE html>" or its markup, not what it says.
  const page = (title: string) =>
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  it.each([
    [400, {}, page('400 Bad Request'), 'arXiv answered HTTP 400 for 9901.00090: a web page titled "400 Bad Request".'],
    [
      503,
      { 'retry-after': '120' },
      page('503 Service\n Unavailable'),
      'arXiv is not answering right now (HTTP 503: a web page titled "503 Service Unavailable"); it asks to wait 2 minutes before asking again (new-paper waits up to 60 s).',
    ],
    [429, {}, 'Rate exceeded.\nSlow down.', 'arXiv is not answering right now (HTTP 429: Rate exceeded.).'],
  ])('HTTP %i: names the page by its title, or the text by its first line', async (status, headers, body, said) => {
    const root = await tempProject();
    const fetch: FetchLike = async () =>
      new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } });
    const error = await newPaper(
      { input: ID, tags: ['optimization'], date: '2099-01-10' },
      { root, fetch, now: NOW },
    ).catch((caught: unknown) => caught as Error);
    expect((error as Error).message).toContain(said);
    expect((error as Error).message).not.toContain('<');
  });
});

describe('TeX in an arXiv answer nested deeper than any text', () => {
  // The TeX parser goes a level deeper for each group: thousands overflowed the stack, and
  // new-paper stopped with a stack trace.
  const deep = (inner: string, open = '{') => `${open.repeat(3000)}${inner}${'}'.repeat(3000)}`;
  it.each([
    ['title', { title: `<title>A ${deep('title')}</title>` }, 2, '--title'],
    ['authors[0]', { authors: `<author><name>${deep('Ada')}</name></author>` }, 4, '--authors'],
    ['body', { summary: `<summary>We ${deep('stress', '\\emph{')}.</summary>` }, 12, '--abstract'],
  ])('in the %s: refused at its line, with the flag to give it by hand', async (field, parts, line, flag) => {
    const { result, files } = await run(answer(parts));
    expect(result).toBeInstanceOf(NewPaperError);
    expect((result as NewPaperError).problems.map(formatProblem)).toEqual([
      `content/papers/2099/${ID}.mdx:${line}: ${field}: {…} nested more than 64 deep has no form on the page (no text nests its groups so deep): write what it stands for, with ${flag} "…".`,
    ]);
    expect(files).toEqual([]);
  });
});

describe('TeX with no form on the page', () => {
  // The check then found the same TeX in that field again ("must be a plain name: no \ { }", "TeX
  // outside math"): two messages for one cause, the second sending the contributor to edit a file
  // that was never written.
  it.each([
    ['title', { title: '<title>A \\cite{synthetic} Title</title>' }, 2, '\\cite{synthetic}', '--title'],
    ['authors[0]', { authors: '<author><name>Ada \\foo{x} Example</name></author>' }, 4, '\\foo{x}', '--authors'],
    ['body', { summary: '<summary>As in \\ref{sec:a}, we do.</summary>' }, 12, '\\ref{sec:a}', '--abstract'],
  ])('in the %s is one problem, saying which flag gives it by hand', async (field, parts, line, tex, flag) => {
    const { result } = await run(answer(parts));
    expect((result as NewPaperError).problems.map(formatProblem)).toEqual([
      `content/papers/2099/${ID}.mdx:${line}: ${field}: ${tex} is TeX that has no form on the page (a citation, reference, footnote or a command without a Unicode character): write what it stands for, or leave it out, with ${flag} "…".`,
    ]);
  });
});

describe('retryAfter: how long arXiv asks to wait, in words a contributor can act on', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it.each([
    ['30', '30 s'],
    ['600', '10 minutes'],
    [String(5 * 3600), '5 hours'],
    [String(3 * 86400), '3 days'],
    ['Sun, 06 Dec 2026 12:10:00 GMT', '10 minutes'],
    ['Fri, 01 Jan 2100 00:00:00 GMT', 'until 2100-01-01'],
    [String(400 * 86400), 'until 2028-01-10'],
  ])('reads %j as %j', (header, words) => {
    expect(retryAfter(header, now)).toBe(words);
  });

  it.each([null, '', '0', '-5', 'soon', 'Thu, 01 Jan 1970 00:00:00 GMT', '9'.repeat(30)])(
    'reads %j as nothing',
    (header) => {
      expect(retryAfter(header, now)).toBeUndefined();
    },
  );
});

describe('a redirect from arXiv', () => {
  // The tests' fetch, like the real one told not to follow, gives a 3xx as it is: it was read as
  // an answer with no feed, "arXiv answered HTTP 301 for 9901.00090: empty answer.", saying neither
  // that it was a redirect nor where to. The real fetch followed any redirect silently, to any host,
  // and a page there (a captive portal's, another site's) was read as arXiv's answer.
  const redirecting =
    (location: string | undefined, status = 302, asked: string[] = []): FetchLike =>
    async (url, init) => {
      asked.push(`${init.redirect ?? 'follow'} ${url}`);
      if (asked.length > 1 && location?.startsWith('https://arxiv.org/')) return answering(answer())(url, init);
      return new Response('', { status, headers: location === undefined ? {} : { location } });
    };
  const fails = async (fetch: FetchLike) => {
    const root = await tempProject();
    const error = await newPaper(
      { input: ID, tags: ['optimization'], date: '2099-01-10' },
      { root, fetch, now: NOW },
    ).then(
      () => new Error('written'),
      (caught: unknown) => caught as Error,
    );
    const files = await readdir(join(root, 'content/papers'), { recursive: true });
    return { error, files: files.filter((name) => name.endsWith('.mdx')) };
  };

  it('follows one to arXiv over https, asking for it itself (the request does not follow on its own)', async () => {
    const asked: string[] = [];
    const root = await tempProject();
    const written = await newPaper(
      { input: ID, tags: ['optimization'], date: '2099-01-10' },
      { root, fetch: redirecting(`https://arxiv.org/api/query?id_list=${ID}`, 301, asked), now: NOW },
    );
    expect(asked).toEqual([
      `manual https://export.arxiv.org/api/query?id_list=${ID}`,
      `manual https://arxiv.org/api/query?id_list=${ID}`,
    ]);
    expect(written.file).toMatch(/9901\.00090\.mdx$/);
    expect((await checked(root)).problems).toEqual([]);
  });

  it.each([
    ['another host', 'https://login.example.net/portal?next=arxiv', 'https://login.example.net/portal?next=arxiv'],
    ['a host whose name only ends in arxiv.org', 'https://notarxiv.org/api/query', 'https://notarxiv.org/api/query'],
    ['arXiv without https', 'http://export.arxiv.org/api/query', 'http://export.arxiv.org/api/query'],
  ])(
    'refuses one to %s, naming the redirect and where it leads, reading nothing there',
    async (_name, location, shown) => {
      const asked: string[] = [];
      const { error, files } = await fails(redirecting(location, 302, asked));
      expect(asked).toHaveLength(1);
      expect(error).toBeInstanceOf(NewPaperError);
      expect(error.message).toBe(
        `arXiv's API answered HTTP 302 for ${ID}, a redirect to ${shown}, which is not arXiv's API over https: nothing was asked there, as a paper's title, authors and abstract come from arXiv alone. A network that sends every request to its own page first (a hotel's or a company's sign-in page) does this: open https://export.arxiv.org/api/query?id_list=${ID} in a browser to see where it leads. Nothing was written. ${TRY_AGAIN_LATER}`,
      );
      expect(files).toEqual([]);
    },
  );

  it('says a redirect with no address is one, where it would have said "empty answer"', async () => {
    const { error, files } = await fails(redirecting(undefined, 301));
    expect(error.message).toBe(
      `arXiv's API answered HTTP 301 for ${ID}, a redirect with no address to go to (no Location). Nothing was written. ${TRY_AGAIN_LATER}`,
    );
    expect(files).toEqual([]);
  });

  it('stops redirects that go round, after five', async () => {
    const asked: string[] = [];
    const { error } = await fails(redirecting('https://export.arxiv.org/api/query?again', 307, asked));
    expect(asked).toHaveLength(6);
    expect(error.message).toBe(
      `arXiv's API answered HTTP 307 for ${ID}, a redirect to https://export.arxiv.org/api/query?again, after 5 redirects already: it sends the request round and never answers. Nothing was written. ${TRY_AGAIN_LATER}`,
    );
  });

  it('shows an address with control characters as text, and fails every paper of a batch, writing none', async () => {
    const root = await tempProject();
    const report = await newPapers(
      { inputs: [ID, '9901.00091'], tags: ['optimization'], date: '2099-01-10' },
      { root, fetch: redirecting('https://evil.example/\u001b[31mred', 302), now: NOW, sleep: async () => {} },
    );
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed']);
    expect(report.outcomes[0]).toMatchObject({
      message: expect.stringContaining('a redirect to https://evil.example/%1B[31mred, which is not arXiv'),
    });
    expect(report.outcomes[0]).toMatchObject({ tryAgainLater: true });
  });
});
