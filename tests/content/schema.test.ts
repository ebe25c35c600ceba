import { describe, expect, it } from 'vitest';
import {
  compatibilityProblem,
  createPaperSchema,
  FIRST_YEAR,
  latinLetterProblem,
  markupInTextProblems,
  mixedScriptProblem,
  notANameProblem,
} from '../../src/content/schema.ts';
import { SCRIPT_NAMES } from '../../src/content/scripts.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { hostileStrings, seededRandom } from '../helpers/hostile.ts';
import { titleText } from '../../src/lib/title-text.ts';
import { authorSlug, NAMELESS_SLUG_PREFIX } from '../../src/lib/authors.ts';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const schema = createPaperSchema(new Set(['optimization']));
const base = { title: 'T', authors: ['A'], date: '2025-06-06', tags: ['optimization'] };
const parse = (extra: Record<string, unknown>) => schema.safeParse({ ...base, ...extra });
/** The letter rules of an author name, in the schema's order. */
const nameProblem = (name: string) =>
  compatibilityProblem(name) ?? latinLetterProblem(name) ?? mixedScriptProblem(name);
const code = (url: string) => {
  const result = parse({ links: { code: url } });
  return result.success ? result.data.links?.code : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('links', () => {
  it.each([
    // The schema's output is the WHATWG parser's href: the one form pages, feeds and BibTeX see.
    ['HTTPS://GitHub.com:443/a/b/c', 'https://github.com/a/b/c'],
    // Dots that are no part of the path between slashes stay as written.
    ['https://github.com/a/...b/.c/d..?x=../y#./z', 'https://github.com/a/...b/.c/d..?x=../y#./z'],
    ['https://github.com', 'https://github.com/'],
    ['https://github.com/a"><script>alert(1)</script>', 'https://github.com/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E'],
    ['https://github.com/#"onmouseover=x', 'https://github.com/#%22onmouseover=x'],
    ['https://bücher.example.net/', 'https://xn--bcher-kva.example.net/'],
    // A local domain's name as a part of a web host's is no local name.
    ['https://localhost.org/a', 'https://localhost.org/a'],
    ['https://local.dev/', 'https://local.dev/'],
    // A reserved or private-network word as a web host's own name, or a second-level name IANA serves.
    ['https://corp.com/x', 'https://corp.com/x'],
    ['https://test.com/', 'https://test.com/'],
    ['https://example.edu/', 'https://example.edu/'],
    ['https://lan.de/', 'https://lan.de/'],
    ['https://home.example.com/', 'https://home.example.com/'],
    ['https://internal.example.com/', 'https://internal.example.com/'],
    // Latin with kana and Han in one part, as Japanese addresses are written (UTS #39 allows it).
    ['https://jprs\u30C9\u30E1\u30A4\u30F3.jp/', 'https://xn--jprs-yk4cni7fuf.jp/'],
    // The same hosts as the joiner rows below, without the joiner: each one address.
    ['https://\u0915\u094D\u0937.com/', 'https://xn--11b2ezc.com/'],
  ])('%s becomes %s', (url, href) => {
    expect(code(url)).toBe(href);
  });

  it.each([
    ['https://arxiv.org\\@evil.example.net/', 'must not contain a backslash'],
    ['https:\\\\evil.example.net/', 'must not contain a backslash'],
    // Where the address leads, and what to write: the address without them.
    [
      'https://user@github.com/',
      'must not contain a user name or password (`user@`): this address leads to github.com; write it with nothing between "//" and the host (https://github.com/)',
    ],
    [
      'https://:secret@github.com/a/b',
      'leads to github.com; write it with nothing between "//" and the host (https://github.com/…)',
    ],
    [
      'https://github.com%2F@evil.example.net/',
      'this address leads to evil.example.net; write it with nothing between',
    ],
    ['https://arxiv.org:x@bücher.example.net:8443/', 'leads to xn--bcher-kva.example.net:8443; write'],
    ['http://github.com/', 'must be a full https:// URL'],
    ['javascript:alert(1)', 'must be a full https:// URL'],
    ['//github.com/a', 'must be a full https:// URL'],
    ['github.com/a', 'must be a full https:// URL'],
    ['https://localhost/', 'must name a web host with a domain'],
    // Names under a domain of local machines: the reader's own machine or network, whatever the dot.
    ['https://admin.localhost/', 'must name a web host with a domain, e.g. "https://github.com/…", not an IP'],
    ['https://PRINTER.Local/', 'not an IP address or a local name'],
    ['https://nas.home.arpa/', 'not an IP address or a local name'],
    ['https://git.corp.internal/', 'not an IP address or a local name'],
    // Names private networks use (RFC 6762, Appendix G), which ICANN never delegated.
    ['https://router.lan/', 'not an IP address or a local name'],
    ['https://git.CORP/', 'not an IP address or a local name'],
    ['https://nas.home./', 'not an IP address or a local name'],
    ['https://wiki.intranet/', 'not an IP address or a local name'],
    ['https://x.private/', 'not an IP address or a local name'],
    // Under no top-level domain of the root zone: a link no browser can follow.
    [
      'https://code.test/',
      'must name a host the DNS can find: ".test" is no top-level domain of the web, which RFC 2606',
    ],
    ['https://x.Example/', '".example" is no top-level domain of the web, which RFC 2606 keeps out of the DNS'],
    ['https://a.invalid/', '".invalid" is no top-level domain'],
    ['https://hidden.onion/', '".onion" is no top-level domain of the web, so no reader'],
    [
      'https://github.comm/x',
      '".comm" is no top-level domain of the web, so no reader\'s browser can follow the link: link to the site\'s real address',
    ],
    // `.` and `..` parts of the path, as written or percent-encoded: published as another address.
    [
      'HTTPS://GitHub.com:443/a/./b/../c',
      'must not hold "." as a part of its path between slashes: browsers resolve it away and lead readers to https://github.com/a/c, not to the address written here; write https://github.com/a/c instead',
    ],
    ['https://arxiv.org/abs/../../x', 'must not hold ".." as a part of its path'],
    ['https://arxiv.org/abs/%2E%2e/x', 'must not hold "%2E%2e" as a part of its path'],
    ['https://arxiv.org/abs/.%2e', 'lead readers to https://arxiv.org/,'],
    ['https://arxiv.org/abs/%2e/', 'write https://arxiv.org/abs/ instead'],
    ['https://127.0.0.1/', 'must name a web host with a domain'],
    ['https://0x7f.1/', 'must name a web host with a domain'],
    ['https://[::1]/', 'must name a web host with a domain'],
    ['https://github.com./', 'must name a web host with a domain'],
    [`https://${'a'.repeat(64)}.org/`, 'must name a host DNS can look up: its part 1 (of 2, between dots) has 64'],
    [`https://${'abcdefghi.'.repeat(25)}info/`, 'must name a host DNS can look up: it has 254 characters'],
    [
      'https://-github.com/',
      'must name a host as host names are written (RFC 1123): its part 1 (of 2, between dots), "-github", starts or ends with a hyphen',
    ],
    ['https://github-.com/', 'its part 1 (of 2, between dots), "github-", starts or ends with a hyphen'],
    ['https://a.b-.github.com/', 'its part 2 (of 4, between dots), "b-", starts or ends with a hyphen'],
    // A host that passes for another: a Cyrillic а (U+0430) in github, written or as punycode.
    ['https://\u0430rxiv.org/', 'names the host "\u0430rxiv.org" (xn--rxiv-43d.org as published), which has the part'],
    ['https://xn--rxiv-43d.org/', 'which mixes Cyrillic and Latin letters: letters of two scripts look alike'],
    // A joiner, kept as spelling in words of these scripts, in a host is a second address that
    // reads as the one without it: Devanagari (ZWJ, ZWNJ), Persian, Sinhala, in a subdomain.
    [
      'https://\u0915\u094D\u200D\u0937.com/',
      'which holds the invisible U+200D ZERO WIDTH JOINER: it reads as "\u0915\u094D\u0937.com"',
    ],
    ['https://\u0915\u094D\u200C\u0937.com/', 'which holds the invisible U+200C ZERO WIDTH NON-JOINER'],
    [
      'https://\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.ir/',
      'reads as "\u0645\u06CC\u062E\u0648\u0627\u0647\u0645.ir"',
    ],
    ['https://code.\u0DC1\u0DCA\u200D\u0DBB\u0DD3.lk/', 'reads as "code.\u0DC1\u0DCA\u0DBB\u0DD3.lk", another site'],
    [' https://github.com/', 'must not contain spaces'],
    ['https://github.com/a b', 'must not contain spaces'],
    ['https://github.com/\u00A0', 'must not contain spaces'],
  ])('%s is refused', (url, message) => {
    expect(code(url)).toContain(message);
  });
});

describe('dates', () => {
  it(`start in ${FIRST_YEAR}, for the digest date and the first version`, () => {
    expect(parse({ date: `${FIRST_YEAR}-01-01` }).success).toBe(true);
    expect(parse({ date: `${FIRST_YEAR - 1}-12-31` }).success).toBe(false);
    expect(parse({ date: '0100-01-01' }).success).toBe(false);
    expect(parse({ published: `${FIRST_YEAR - 1}-12-31` }).success).toBe(false);
  });

  it('refuse a web or e-mail address in the title or venue, and keep dotted names', () => {
    const refused = [
      'Claim your prize at https://evil.example.net/login',
      'See www.evil.com now',
      'Write to ada@evil.com.',
      'Results (HTTP://EVIL.IO)',
      'A look-alike www\u2024evil\u2024com',
      // Joined to the text by punctuation, or a host with a path: linkifiers find them all.
      'Contact:ada@evil.com',
      'ada@evil.com,bob@evil.com',
      'Write to ada@evil.com;bob',
      'ada@evil.com:8080',
      'Go to evil.com/login?q=1.',
      '(https://evil.example.net).',
    ];
    for (const title of refused) {
      const result = parse({ title });
      expect(result.success, title).toBe(false);
      expect(JSON.stringify(result.error?.issues), title).toMatch(/holds an address \(evil\.(example\.net|com|io)\)/);
      expect(parse({ venue: title }).success, title).toBe(false);
    }
    // An Indic host, read as a host: its virama is a mark, and a joiner may stand between its letters.
    for (const [title, host] of [
      ['Go to \u0915\u094D\u0937.com/login now', 'xn--11b2ezc.com'],
      ['Go to \u0915\u094D\u200D\u0937.com/login now', 'xn--11b2ezcw70k.com'],
      ['See \u0BA4\u0BAE\u0BBF\u0BB4\u0BCD.in/x', 'xn--'],
    ]) {
      const result = parse({ title });
      expect(JSON.stringify(result.error?.issues), title).toContain(`holds an address (${host}`);
    }
    for (const title of [
      'Booking.com Reviews at Scale',
      'ASP.NET and Vue.js',
      'Pass@k for Code',
      'lodash@4.17.21',
      'WWW 2024',
      'TCP/IP and Node.js/Deno',
      'Recall@10 and NDCG@5',
      'ImageNet-1K/CIFAR-10 Results',
      'GPT-4o vs. o1/o3',
    ]) {
      expect(parse({ title }).success, title).toBe(true);
      expect(parse({ venue: title }).success, title).toBe(true);
    }
  });

  it('agree with each other and with the arXiv id', () => {
    expect(parse({ arxiv: '2306.13575', published: '2023-06-23' }).success).toBe(true);
    expect(parse({ arxiv: 'math.GT/0309136', published: '2003-09-08', date: '2003-09-09' }).success).toBe(true);
    expect(parse({ arxiv: 'math.GT/0309136', published: '2003-10-01' }).success).toBe(false);
    // arXiv numbers a paper by the month it first announces it: a first version sent late in
    // December is announced, and numbered, in January (or later, after a hold).
    expect(parse({ arxiv: '2401.00001', published: '2023-12-29', date: '2024-01-03' }).success).toBe(true);
    expect(parse({ arxiv: '2401.00002', published: '2023-11-20', date: '2024-01-03' }).success).toBe(true);
    expect(parse({ arxiv: 'hep-th/9901001', published: '1998-12-31', date: '1999-01-04' }).success).toBe(true);
    expect(parse({ arxiv: '2401.00001', published: '2024-02-01', date: '2024-02-03' }).success).toBe(false);
    // More than two months before the id's month is a typo far likelier than a hold that long.
    expect(parse({ arxiv: '2401.00003', published: '2023-10-31', date: '2024-01-03' }).success).toBe(false);
    expect(parse({ arxiv: '2306.13575', published: '2013-06-12' }).success).toBe(false);
    expect(parse({ arxiv: '2306.13575', published: '2022-06-23' }).success).toBe(false);
    expect(parse({ published: '2025-06-07' }).success).toBe(false);
    expect(parse({ published: '2025-06-06' }).success).toBe(true);
    expect(parse({ arxiv: '2507.00001' }).success).toBe(false);
  });

  it('are idempotent: parsing the output again gives the same output (the loader parses twice)', () => {
    const first = parse({ links: { code: 'HTTPS://GitHub.com:443/a' }, arxiv: '2306.13575', published: '2023-06-23' });
    expect(first.success).toBe(true);
    const again = schema.safeParse(first.data);
    expect(again.success && again.data).toEqual(first.data);
  });
});

describe('plain text (title, venue, authors, topic labels)', () => {
  const messages = (extra: Record<string, unknown>) => {
    const result = parse(extra);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it.each([
    ['Attention <img src=x onerror=alert(1)> is all you need', '"<i"'],
    ['Plain </title> text', '"</"'],
    ['A <!-- comment --> title', '"<!"'],
    ['A <?php ?> title', '"<?"'],
    ['Models &lt;3 &amp; friends', '"&lt;", "&amp;"'],
    ['A &#60;b&#x3E; title', '"&#60;", "&#x3E;"'],
    ['Signal &amplifier and &copy 2024', '"&amplifier", "&copy"'],
  ])('refuses %s, naming %s', (title, named) => {
    const [message, ...rest] = messages({ title });
    expect(message).toContain(`title: contains ${named}`);
    // One message per kind of markup, however often it occurs.
    expect(rest.every((other) => !other.includes(named))).toBe(true);
  });

  it('refuses markup in the venue and author names too', () => {
    expect(messages({ venue: 'ICML <b>2024</b>' }).join()).toContain('venue: contains "<b", "</"');
    expect(messages({ authors: ['Ada &amp; Co'] }).join()).toContain('authors.0: contains "&amp;"');
  });

  it.each([
    'Sample complexity a < b and a<1',
    'R&D at 50% & more',
    'x <= y, <3, <-> arrows, a> b',
    'AT&T; Q&A; S&P 500',
  ])('accepts %s, which no HTML reader reads as markup', (title) => {
    expect(messages({ title })).toEqual([]);
  });

  it('leaves nothing that reads differently as HTML and as text, for any string it accepts', () => {
    for (const value of hostileStrings(17, 400)) {
      if (markupInTextProblems(value).length > 0) continue;
      // A reader that shows the string as HTML shows exactly the string.
      const shown = toText(fromHtml(value.replaceAll('\0', ''), { fragment: true }), { whitespace: 'pre' });
      expect(shown, JSON.stringify(value)).toBe(value.replaceAll('\0', '').replace(/\r\n?/g, '\n'));
    }
  });

  it('refuses a title whose math, typeset as pages and feeds show it, makes markup or nothing', () => {
    expect(messages({ title: 'Bounds &$\\mathrm{copy}$; more' }).join()).toContain(
      'with its math typeset, as pages and feeds show it ("Bounds &copy; more"), contains "&copy;"',
    );
    expect(messages({ title: '$\\quad$' }).join()).toContain('title: has no letter or digit once its math is typeset');
    expect(messages({ title: '$\\,\\;$ $\\quad$' }).join()).toContain('has no letter or digit');
  });

  it('shows every title it accepts, with its math typeset, the same to text and HTML readers', () => {
    const pieces = [
      '$\\text{<}$',
      '$<$',
      '$>$',
      '$\\mathrm{b}$',
      '$\\text{img src=x>}$',
      'img',
      '&',
      ';',
      '#60',
      '$\\text{&}$',
      '$\\mathrm{amp}$',
      '$\\text{!--}$',
      '/',
      '!',
      '?',
      'x',
      ' ',
      '$\\quad$',
      '$a<b$',
      '$\\text{lt};$',
      '$\\alpha$',
    ];
    const random = seededRandom(33);
    let accepted = 0;
    for (let run = 0; run < 600; run += 1) {
      const title = Array.from(
        { length: 1 + Math.floor(random() * 5) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const result = parse({ title });
      if (!result.success) continue;
      accepted += 1;
      const shown = titleText(result.data.title);
      expect(shown, title).toMatch(/[\p{L}\p{N}]/u);
      expect(toText(fromHtml(shown, { fragment: true }), { whitespace: 'pre' }), title).toBe(shown);
    }
    // The rule does not simply refuse everything.
    expect(accepted).toBeGreaterThan(100);
  });

  it('stores names and titles in composed form (NFC), as LaTeX reads them', () => {
    const result = parse({ title: 'Aky\u0075\u0308rek', authors: ['Ekin Aky\u0075\u0308rek'] });
    expect(result.success && result.data.title).toBe('Aky\u00FCrek');
    expect(result.success && result.data.authors).toEqual(['Ekin Aky\u00FCrek']);
  });
});

describe('author names', () => {
  const authors = (names: string[]) => {
    const result = parse({ authors: names });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('refuses a name longer as LaTeX than a citation label holds, whatever makes it long', () => {
    // Under 200 characters each, but 5 or 10 characters each as LaTeX: {\"u}, {[U+738B]}.
    for (const name of ['\u738b'.repeat(30), `Ann M${'\u00fc'.repeat(60)}`, `${'\u00e9 '.repeat(45)}Smith`]) {
      expect(authors([name]).join(), name).toMatch(
        /^authors\.0: is \d+ characters long as LaTeX in \.bib files .*must be at most 220/,
      );
    }
    // Real names in any script are far shorter.
    for (const name of [
      '\u738b\u5c0f\u660e',
      'Nguy\u1ec5n Th\u1ecb Minh Khai',
      'Ólafur Þórsson',
      'King, Jr., Martin Luther',
    ])
      expect(authors([name]), name).toEqual([]);
  });

  it('refuses a word that mixes letters of two scripts, whichever they are', () => {
    // U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I; U+0391 GREEK CAPITAL LETTER ALPHA.
    expect(authors(['Yixuan L\u0456'])).toEqual([
      'authors.0: has the word "L\u0456", which mixes Latin and Cyrillic letters: write each word in one script (letters of two scripts can look alike, and the name would be another author)',
    ]);
    expect(authors(['\u0391lice Smith']).join()).toContain('mixes Greek and Latin letters');
    // Armenian ս (U+057D), Cherokee Ꮐ (U+13C0) and Ꭿ (U+13AF): scripts the old rule did not cover.
    expect(authors(['Yann LeC\u057Dn']).join()).toContain('"LeC\u057Dn", which mixes Latin and Armenian letters');
    expect(authors(['Ian \u13C0oodfellow']).join()).toContain('which mixes Cherokee and Latin letters');
    expect(authors(['\u13AFlan Turing']).join()).toContain('which mixes Cherokee and Latin letters');
  });

  it("knows every script of Node's Unicode by name (scripts.ts)", () => {
    const known = new RegExp(
      `[${[...SCRIPT_NAMES, 'Common', 'Inherited', 'Unknown'].map((name) => `\\p{Script=${name}}`).join('')}]`,
      'v',
    );
    const unknown: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (!known.test(String.fromCodePoint(codePoint))) unknown.push(codePoint.toString(16));
    }
    expect(unknown).toEqual([]);
  });

  it('refuses every letter of another script in a Latin word, but a Greek symbol that passes for no Latin letter', () => {
    // Every letter whose script is neither Latin nor Common/Inherited, inside "Clune".
    const accepted: string[] = [];
    for (let codePoint = 0x80; codePoint <= 0x10ffff; codePoint++) {
      const letter = String.fromCodePoint(codePoint);
      if (!/\p{L}/v.test(letter) || /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/v.test(letter)) continue;
      if (letter.normalize('NFC') !== letter) continue; // stored composed: another letter
      if (nameProblem(`Jeff Cl${letter}ne`) === undefined) accepted.push(letter);
    }
    // Greek letters too, whether or not they look like a Latin one: "Gauβ" and "Aλex" are other authors.
    expect(accepted).toEqual([]);
  });

  it('refuses a word wholly in letters of another script that pass for Latin ones, beside Latin words', () => {
    // Cyrillic А (U+0410), с (U+0441), е (U+0435): every word is of one script, the name reads "Ace Smith".
    expect(authors(['\u0410\u0441\u0435 Smith'])).toEqual([
      'authors.0: has the word "\u0410\u0441\u0435", in Cyrillic letters ("\u0410" U+0410, "\u0441" U+0441, "\u0435" U+0435) that each look like a Latin letter, beside Latin words: it reads as "Ace", and the name would be another author. Write that word in the Latin letters it stands for (spell a letter used as a symbol out: alpha, nu), or every word in Cyrillic',
    ]);
    // Cyrillic Вера reads "Bepa"; Greek Ορο "Opo"; Cherokee ᎪᏞᎪ "ALA"; an accented look-alike too.
    for (const name of [
      '\u0412\u0435\u0440\u0430 Smith',
      'John \u039F\u03C1\u03BF',
      '\u13AA\u13DE\u13AA Smith',
      'Ada \u0451\u0445',
    ])
      expect(authors([name]).join(), name).toContain('that each look like a Latin letter, beside Latin words');
    // Real names: words of one script each, or a word with a letter that looks like no Latin one.
    for (const name of [
      '\u738B Xiaoming',
      'Ольга Иванова',
      'Ольга Smith',
      'Ева Smith',
      'Σωκράτης Παπαδόπουλος',
      'Ekin Akyürek',
      "Shane O'Neill",
      'محمد علي',
      'דוד כהן',
      'Ahmed محمد',
    ])
      expect(authors([name]), name).toEqual([]);
  });

  it('refuses Latin letters from outside the alphabets names use, naming the letter to write', () => {
    expect(authors(['Yoshua Ben\u0261io'])).toEqual([
      'authors.0: has the letter "\u0261" (U+0261), a phonetic or decorative Latin letter (IPA, small capital, modifier) that names do not use: write "g"',
    ]);
    expect(authors(['\u1D00lan Turing']).join()).toContain('has the letter "\u1D00" (U+1D00)');
    expect(authors(['\u1D00lan Turing']).join()).toContain('write "A"');
    // Latin Extended-D: no letter to suggest, so the message says where the letters come from.
    expect(authors(['\uA77Bred']).join()).toContain('write the letter of the ordinary Latin alphabet it stands for');
    const accepted: string[] = [];
    for (let codePoint = 0x250; codePoint <= 0x10ffff; codePoint++) {
      const letter = String.fromCodePoint(codePoint);
      if (!/\p{Script=Latin}/v.test(letter) || (codePoint >= 0x1e00 && codePoint <= 0x1eff)) continue;
      if (letter.normalize('NFC') !== letter) continue;
      if (nameProblem(`Alan Tur${letter}ng`) === undefined) accepted.push(letter);
    }
    // Only the small letters of African alphabets, whose capitals are in Latin Extended-B.
    expect(accepted.length).toBeGreaterThan(0);
    for (const letter of accepted) {
      const capital = letter.toUpperCase().codePointAt(0)!;
      expect(capital >= 0x180 && capital <= 0x24f, letter).toBe(true);
    }
    expect(accepted).toEqual(expect.arrayContaining(['ɛ', 'ɔ', 'ɖ', 'ɣ', 'ʋ', 'ɲ', 'ɓ', 'ɗ']));
    expect(nameProblem('Kwame Ɔfɔri')).toBeUndefined();
  });

  it('refuses compatibility letters (bold, fullwidth, ligatures, superscripts, circled) in names only', () => {
    expect(authors(['\u{1D409}\u{1D41E}\u{1D41F}\u{1D41F} Clune'])).toEqual([
      'authors.0: has "\u{1D409}" (U+1D409), a compatibility form of "J" (bold, italic, fullwidth, a ligature, superscript, subscript, circled…): write "J"',
    ]);
    for (const [name, char, plain] of [
      ['\uFF2A\uFF45\uFF46\uFF46 Clune', '\uFF2A', 'J'],
      ['Jo\uFB01a Smith', '\uFB01', 'fi'],
      ['Jeff Clune\u00B2', '\u00B2', '2'],
      ['Jeff C\u2097une', '\u2097', 'l'],
      ['\u24BFeff Clune', '\u24BF', 'J'],
      ['Mar\u00AAa Smith', '\u00AA', 'a'],
    ]) {
      expect(authors([name!]).join(), name).toContain(`has "${char}" (U+`);
      expect(authors([name!]).join(), name).toContain(`: write "${plain}"`);
    }
    // Every character that NFKC changes, in a name; none of them in a title or a venue.
    const accepted: string[] = [];
    for (let codePoint = 0xa0; codePoint <= 0x10ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (/[\s\p{Cs}]/v.test(char) || char.normalize('NFC') !== char || char.normalize('NFKC') === char) continue;
      if (compatibilityProblem(`Jeff ${char}`) === undefined) accepted.push(char);
    }
    expect(accepted).toEqual([]);
    expect(parse({ title: 'Learning on \u211D\u00B2 with \uFB01ne \u{1D409}', venue: 'NeurIPS\u00B2' }).success).toBe(
      true,
    );
  });

  it("refuses a combining mark on what is no letter in a name, which would stay in the author's slug", () => {
    const refused = (name: string) => parse({ authors: [name] }).error?.issues.map((issue) => issue.message) ?? [];
    // Unlike marks (acute, diaeresis, dot below, Arabic fatha, Devanagari vowel sign) on unlike non-letters.
    const marks = ['\u0301', '\u0308', '\u0323', '\u064E', '\u093F'];
    const cases: [string, string][] = [
      ['Ada Lovelace.', ''],
      ['Ada -', 'Lovelace'],
      ["Ada O'", 'Lovelace'],
      ['Ada O\u2019', 'Lovelace'],
      ['Ada Lovelace 1', ''],
      ['Ada Lovelace,', ' Jr.'],
      ['Ada Lovelace\u00B7', ''],
    ];
    for (const mark of marks) {
      for (const [before, after] of cases) {
        const name = `${before}${mark}${after}`;
        const hex = mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        expect(refused(name), JSON.stringify(name)).toContain(
          `has a combining mark "\u25CC${mark}" (U+${hex}) on "${[...before].at(-1)}", which is no letter: a name's marks are its letters' accents; put it on its letter ("é") or delete it`,
        );
      }
    }
    // Marks on letters, decomposed or in scripts that write vowels as marks, are the name's own.
    for (const name of ['Nguye\u0302\u0303n Va\u0306n', 'Akyu\u0308rek', 'हिन्दी नाम', 'مُحَمَّد', 'דָּוִד כהן', 'ณัฐ สม']) {
      expect(parse({ authors: [name] }).success, JSON.stringify(name)).toBe(true);
    }
  });

  it('refuses a name that holds an address or stands for more authors, and takes dotted initials and particles', () => {
    const refused = (name: string) => parse({ authors: [name] }).error?.issues.map((issue) => issue.message) ?? [];
    const holdsAddress = (host: string) =>
      `holds an address (${host}), which is no part of a name (mail clients, chat and reference managers make it a link to that host): write the author's name only`;
    const holdsHost = (host: string) =>
      `${holdsAddress(host)} (if the dotted word is part of the name, write a space for the dot: "Yu Li", "ASP NET Team")`;
    const holdsHandle = `holds an e-mail address or a handle ("@"), which is no part of a name: write the author's name only`;
    const notPlain = 'must be a plain name: no \\ { } $ ^ ~ < > | # % (write accents as letters, e.g. "Akyürek")';
    // TeX syntax, not a letter: the reference dropped it (Dee, C.) where the citation tags kept it.
    for (const name of ['Cy % Dee', '100% Dee', 'Cy Dee%', '%']) expect(refused(name), name).toEqual([notPlain]);
    for (const [name, message] of [
      ['Ada https://evil.example.net', holdsAddress('evil.example.net')],
      ['Ada www.evil.com Lovelace', holdsAddress('evil.com')],
      ['Ada Lovelace (evil.com)', holdsHost('evil.com')],
      ['Ada arxiv\u3002org', holdsHost('arxiv.org')],
      ['Ada evil\u0701com', holdsHost('evil.com')],
      ['Ada evil\u0660com', holdsHost('evil.com')],
      ['Ada ada@evil.org', holdsHandle],
      ['Ada @lovelace', holdsHandle],
      // An `@` beside a `www.` or a scheme that names no host is refused all the same.
      ['Ada @ada www..', holdsHandle],
      ['Ada @lovelace (www.)', holdsHandle],
      ['Ada @lovelace https://', holdsHandle],
      ['Ada @lovelace WWW.', holdsHandle],
      ['Ada Evil.com', holdsHost('evil.com')],
      ['Ada GitHub.com/ada', holdsHost('github.com')],
      ['Ada Evil.Com/x', holdsHost('evil.com')],
      ['Ada WWW.EVIL.COM', holdsAddress('evil.com')],
      ['Ada https://jane.doe@evil.com', holdsAddress('evil.com')],
      // Inside other characters, where a linkifier still finds it.
      ['Ada evil.com!', holdsHost('evil.com')],
      ['Ada \u00ABevil.com\u00BB', holdsHost('evil.com')],
      ['Ada \u00ABWWW.EVIL.COM\u00BB', holdsAddress('evil.com')],
      ["Ada evil.com's", holdsHost('evil.com')],
      ["Ada HTTPS://EVIL.COM's", holdsAddress('evil.com')],
      ['Ada Lovelace, evil.org:', holdsHost('evil.org')],
      // A host is a dotted word under a top-level domain, under any domain, in any spelling but a
      // name's: linkifiers link EVIL.COM, evil.io and ASP.NET alike.
      ['Ada EVIL.COM', holdsHost('evil.com')],
      ['Ada evil.io', holdsHost('evil.io')],
      ['EVIL.AI', holdsHost('evil.ai')],
      ['Ada bad.co.uk', holdsHost('bad.co.uk')],
      ['Ada (BAD.CO.UK)', holdsHost('bad.co.uk')],
      ['Ada evil.xyz!', holdsHost('evil.xyz')],
      ['Ada x.com', holdsHost('x.com')],
      ['Ada J.com', holdsHost('j.com')],
      ['Evil.COM', holdsHost('evil.com')],
      ['Ada Evil.VISION', holdsHost('evil.vision')],
      ['Ada \u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444', holdsHost('xn--e1afmkfd.xn--p1ai')],
      ['ASP.NET Team', holdsHost('asp.net')],
      ["ASP.NET's Team", holdsHost('asp.net')],
      ['Infer.NET Team', holdsHost('infer.net')],
      ['Yu.LI', holdsHost('yu.li')],
      ['Yu.li', holdsHost('yu.li')],
      ['Ada Mit.edu', holdsHost('mit.edu')],
      // A part with a hyphen inside is not written as a name's (README: the cost of Evil.Com stays small).
      ['Mary-Jane.Com', holdsHost('mary-jane.com')],
      ['Ada Evil-Corp.Com', holdsHost('evil-corp.com')],
      // A hyphen that begins or ends a part is no host's, and a linkifier reads the host after it.
      ['Ada x.-evil.com', holdsHost('evil.com')],
      ['Ada -evil.com', holdsHost('evil.com')],
      ['Ada J.-evil.io', holdsHost('evil.io')],
      // A web address is read whole, hyphens and all: was 'evil', cut at the hyphen.
      ['Ada https://evil-.com', holdsAddress('evil-.com')],
      ['Ada www.-evil-.io/x', holdsAddress('-evil-.io')],
      ['Ada (https://x.-evil.com)', holdsAddress('x.-evil.com')],
      ["Ada https://evil.com's", holdsAddress('evil.com')],
      // A look-alike dot is read as a reader reads it.
      ['Ada evil\u0701io', holdsHost('evil.io')],
    ]) {
      expect(refused(name!), name).toEqual([message]);
    }
    for (const name of ['Ada Lovelace et al.', 'Ada Lovelace et al', 'Ada Lovelace and others', 'Ada others']) {
      expect(refused(name), name).toEqual(["stands for more authors: list every author by name, in the paper's order"]);
    }
    for (const name of [
      'J.R.R. Tolkien',
      'St. John Smith',
      'A.-B. Dupont',
      'Ada Lovelace Jr.',
      'Alice Allothers',
      // A capitalised Others or Et Al after a name is a family name; lists write "et al." in lower case.
      'Isaac Others',
      'Joan Others',
      'A. K. Others',
      'Sebastian Et Al',
      // Dotted words that end in no top-level domain: a library's or a category's name.
      'ASP NET Team',
      'Torch.Nn Ng',
      'Vue.js Team',
      'Ada cs.LG',
      // A dotted word whose every part is written as a name's, a capital and lower-case letters or
      // an initial, is a name written without spaces, though common family names are domains too
      // (li, ng, kim, wang, ma). (So Title-case `Evil.Com` passes too: the rule's cost, README.)
      'Y.Li',
      'J.Ma',
      'H.Ng',
      'X.Com',
      'J.Edu',
      'A.Org',
      'Ada A.I. Smith',
      'Yu.Li',
      'Zh.Wang',
      'Ch.Kim',
      'Kh.Ng',
      'Jun.Li',
      'Xiao.Wang',
      'Dr.Kim',
      'Hu.Ma',
      'Zoë.Li',
      'Zhang.Net',
      'Ada Mit.Edu',
      'Ada (Bad.Co.Uk)',
      // A part with a hyphen first or last (`-P`) is no host's part: the name's initials stand apart.
      'J.-P.Li',
      'Y.-H.Li',
      'Jean-Pierre J.-P.Ng',
    ]) {
      expect(refused(name), name).toEqual([]);
    }
  });

  it('accepts names written in one script a word, whatever the scripts of the name', () => {
    expect(
      authors([
        'Иван Петров',
        'Γιώργος Παπαδόπουλος',
        'Ekin Akyürek',
        'Emre Aky\u0075\u0308rek',
        'Ivan Иванов',
        'Ivan-Иван Petrov',
        '山田 太郎',
        '山田はなこ',
        'キム・ミンジュン',
        '김철수',
        'Nguyễn Văn A',
        'Trần Thị Thu',
        'محمد علي',
        'देवनागरी शर्मा',
        'Ɛwe Ɔko Ŋugi',
        "O’Brien, Hawaiʻi, D'Souza, Gal·la",
        'ẞtraße Ærø Łukasiewicz Dvořák Ðorđe Ţepeş Ș',
      ]),
    ).toEqual([]);
  });
});

describe('tags', () => {
  it('quotes an unknown topic in its message shortened, never a screenful', () => {
    const result = parse({ tags: ['x'.repeat(20_000)] });
    const [message] = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(message).toBe(`unknown topic "${'x'.repeat(60)}…". Topics are listed in content/topics.yaml.`);
  });

  // `Optimization` was an unknown topic with 'Did you mean "optimization"?': it is that topic, in
  // other letter case. A look-alike letter (a Kelvin sign, whose lower case is k) is none.
  it.each([
    ['Optimization', 'is the topic "optimization" in other letter case: write it "optimization"'],
    ['OPTIMIZATION', 'is the topic "optimization" in other letter case: write it "optimization"'],
    ['Kernel-Methods', 'is the topic "kernel-methods" in other letter case: write it "kernel-methods"'],
    ['\u212Aernel-methods', 'unknown topic "\u212Aernel-methods".'],
    ['\u041Eptimization', 'unknown topic "\u041Eptimization".'],
  ])('says what %j is and what to write', (tag, message) => {
    const result = createPaperSchema(new Set(['optimization', 'kernel-methods'])).safeParse({ ...base, tags: [tag] });
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringContaining(message)]);
  });
});

describe('fields that must agree', () => {
  const issues = (extra: Record<string, unknown>) => {
    const result = parse(extra);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it("refuses links.pdf on an arXiv paper, whose PDF is arXiv's", () => {
    expect(issues({ arxiv: '2401.00004', links: { pdf: 'https://arxiv.org/pdf/2306.13575' } })).toEqual([
      "links.pdf: is for a paper that is not on arXiv; this one's PDF is arXiv's (https://arxiv.org/pdf/2401.00004), linked already: delete links.pdf",
    ]);
    expect(issues({ links: { pdf: 'https://example.org/paper.pdf' } })).toEqual([]);
  });

  it('refuses a venue year more than a year after the digest date', () => {
    expect(issues({ venue: 'NeurIPS 2099' })).toEqual([
      "venue: names the year 2099, more than a year after the digest date 2025-06-06: check the venue's year",
    ]);
    // Accepted at next year's conference, and published long before the preprint: both real.
    expect(issues({ venue: 'ICLR 2026' })).toEqual([]);
    expect(issues({ venue: 'ICML 1995', arxiv: '2401.00001' })).toEqual([]);
  });

  it('refuses a link with a % that starts no escape, as in abstracts', () => {
    expect(issues({ links: { pdf: 'https://example.org/a%2Fb.pdf?%' } }).join()).toContain(
      'a "%" must start an escape of two hex digits',
    );
    expect(issues({ links: { pdf: 'https://example.org/a%2Fb.pdf' } })).toEqual([]);
  });
});

describe('dates no calendar has', () => {
  const dateIssues = (date: string) =>
    (parse({ date, published: undefined }).error?.issues ?? [])
      .filter((issue) => issue.path[0] === 'date')
      .map((issue) => issue.message);
  it.each([
    ['2025-02-30', 'is not a real calendar date: February 2025 has days 01 to 28; check the day (YYYY-MM-DD)'],
    ['2025-02-29', 'is not a real calendar date: February 2025 has days 01 to 28; check the day (YYYY-MM-DD)'],
    ['2100-02-29', 'is not a real calendar date: February 2100 has days 01 to 28; check the day (YYYY-MM-DD)'],
    ['2025-04-31', 'is not a real calendar date: April 2025 has days 01 to 30; check the day (YYYY-MM-DD)'],
    ['2025-06-00', 'is not a real calendar date: June 2025 has days 01 to 30; check the day (YYYY-MM-DD)'],
    ['2025-13-01', 'is not a real calendar date: there is no month 13; write the month as 01 to 12 (YYYY-MM-DD)'],
    ['2025-00-10', 'is not a real calendar date: there is no month 00; write the month as 01 to 12 (YYYY-MM-DD)'],
    // A year below 100 is a year (Date.UTC reads it as 1900 and more): its month and day are real.
    [
      '0000-01-01',
      `must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper`,
    ],
    [
      '0050-06-06',
      `must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper`,
    ],
    [
      '0000-02-29',
      `must be in 1991 or later (the year arXiv began): check its year; a digest date is the day the digest featured the paper`,
    ],
  ])('says what is wrong with %s', (date, message) => {
    expect(dateIssues(date)).toEqual([message]);
  });

  it.each(['2024-02-29', '2000-02-29', '2025-12-31'])('takes %s', (date) => {
    expect(dateIssues(date)).toEqual([]);
  });
});

describe('names that name nobody', () => {
  it.each([
    'et al.',
    'Et Al',
    'and others',
    'others',
    ' et al ',
    // As lists abbreviate et al. (its dots and spaces, & for et, in full), etc., an ellipsis.
    'Ada Lovelace et. al.',
    'Ada Lovelace et.al.',
    'Ada Lovelace & al.',
    'Ada Lovelace &al.',
    'Ada Lovelace et alii',
    'Ada Lovelace, et al.',
    'Ada Lovelace etc.',
    'Ada Lovelace et cetera',
    'Etc.',
    '...',
    '…',
    'Ada Lovelace ...',
    'Ada Lovelace...',
    'Ada Lovelace …',
  ])('refuses %s', (name) => {
    expect(notANameProblem(name)).toBeDefined();
    const result = parse({ authors: ['Ada Lovelace', name] });
    expect(result.success).toBe(false);
    // Said as what it is, not as a character to mend (`…` is not to be written `...`).
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "stands for more authors: list every author by name, in the paper's order",
    ]);
  });

  // (A name with no letter is refused by its own rule: 'names with no letter' below.)
  it.each([
    'Ada Lovelace',
    'Al-Khwarizmi',
    'J. R. R. Tolkien',
    'Otherson',
    // Names with those letters: a family name Al, Etcheverry, Alii; an initial's dot.
    'Ada & Al',
    'Ada Etcheverry',
    'Ada Alii',
    'Ada L.',
    'J. R. R.',
  ])('accepts %s', (name) => {
    expect(notANameProblem(name)).toBeUndefined();
  });

  it.each(['.', '-', "'", '·', '—', '12345', '٣٤', '· — .', '_'])(
    'refuses %s, a name with no letter of any script, at its place in the list',
    (name) => {
      const result = parse({ authors: ['Ada Lovelace', name] });
      expect(
        result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      ).toEqual([
        expect.stringMatching(
          /^authors\.1: has no letter of any script \(".*"\), so it names no one: write the author's name/,
        ),
      ]);
    },
  );

  it.each(['王小明', 'محمد', 'Ada 2', 'J.'])('takes %s, with a letter of some script', (name) => {
    expect(parse({ authors: ['Ada Lovelace', name] }).success).toBe(true);
  });

  // authorSlug gives a name whose slug keeps no letter or digit a hashed slug (author--<hash>) and
  // the A–Z list files it under '#': no name the check takes may reach that path. A letter the fold
  // leaves out (a Hangul filler, a letter that draws nothing) must be refused as a character.
  it('refuses every name of letters that its author page would not show (a hashed slug)', () => {
    const paperSchema = createPaperSchema(new Set(['optimization']));
    const taken: string[] = [];
    let nameless = 0;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const letter = String.fromCodePoint(codePoint);
      if (!/\p{L}/u.test(letter)) continue;
      for (const name of [letter, `${letter}${letter} ${letter}`]) {
        if (!authorSlug(name).startsWith(NAMELESS_SLUG_PREFIX)) continue;
        nameless += 1;
        const file = `---\ntitle: T\nauthors:\n  - Ada Lovelace\n  - "${name}"\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`;
        const { problems } = validatePaper('content/papers/2025/p.mdx', new TextEncoder().encode(file), paperSchema);
        if (!problems.some((problem) => problem.line === 5)) {
          taken.push(`U+${codePoint.toString(16).toUpperCase()}`);
        }
      }
    }
    // The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), alone and repeated, are the letters the fold drops.
    expect(nameless).toBe(8);
    expect(taken).toEqual([]);
  });

  it('refuses one person twice in one paper, case, accents and punctuation aside', () => {
    const result = parse({ authors: ['Test Author', 'Ekin Akyürek', 'test author', 'Ekin Akyurek'] });
    expect(
      result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    ).toEqual([
      'authors.2: repeats authors[0] ("Test Author"): list each author once',
      'authors.3: repeats authors[1] ("Ekin Akyürek"): list each author once',
    ]);
  });
});

describe("the schema's output", () => {
  // The build reads a paper's data through the schema twice: the loader validates the file, and
  // Astro's parseData parses what the loader stores. Data the first pass made must pass the second
  // unchanged, or the check accepts a paper whose build fails with Astro's error, without a line.
  it('passes the schema again unchanged, whatever hostile values it was made from', () => {
    const random = seededRandom(29);
    const values = hostileStrings(31, 300, undefined, 90);
    const letters = ['é', 'ü', '日', '😀', 'a', '%41', '"', '<', '|', '`'];
    let accepted = 0;
    for (const [index, value] of values.entries()) {
      const path = Array.from({ length: Math.floor(random() * 200) }, () => letters[Math.floor(random() * 10)]).join(
        '',
      );
      // The hostile value in one field at a time, the others plain, so that most are accepted.
      const field = index % 4;
      const data = {
        ...base,
        title: field === 0 ? value : 'T',
        authors: field === 1 ? [value, 'Ada Lovelace'] : ['Ada Lovelace'],
        venue: field === 2 ? `${value} 2024` : undefined,
        tags: [' optimization', 'optimization'],
        links: {
          code: `https://example.org/${path}`,
          project: `https://bücher.example.net/${field === 3 ? value.replace(/[\s\\%]/g, '') : ''}`,
        },
      };
      const first = schema.safeParse(data);
      if (!first.success) continue;
      accepted += 1;
      expect(schema.safeParse(first.data), `value ${index}`).toEqual(first);
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('counts a link as published, percent-encoded: é is %C3%A9', () => {
    const link = (letters: number) => `https://example.org/${'é'.repeat(letters)}`;
    expect(code(link(80))).toHaveLength(500);
    expect(code(link(81))).toBe(
      'is 506 characters long as published (percent-encoded); must be at most 500 characters: link to a shorter address',
    );
  });
});

describe('one problem for a value of the wrong type or an empty one', () => {
  const paperSchema = createPaperSchema(new Set(['optimization', 'interpretability']));
  const check = (fields: string) =>
    validatePaper(
      'content/papers/2025/p.mdx',
      new TextEncoder().encode(`---\n${fields}\ndate: "2025-06-06"\n---\n\nAn abstract.\n`),
      paperSchema,
    ).problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.message}`);

  it.each([
    [
      'topics written on one line',
      'title: T\nauthors:\n  - Ann Lee\ntags: optimization, interpretability',
      '5: tags: must be a list, not a string: write each item on a line of its own under `tags:`, starting with "- " ("- optimization", "- interpretability").',
    ],
    [
      'authors written on one line',
      'title: T\nauthors: Ann Lee and Bo Li\ntags:\n  - optimization',
      '3: authors: must be a list, not a string: write each item on a line of its own under `authors:`, starting with "- " ("- Ann Lee", "- Bo Li").',
    ],
    // Was split at /\band\b/, whose ASCII \b sees a word end at Ñ and ú: "- Ñ", "- ú Pérez".
    [
      'authors with "and" inside a name, on one line',
      'title: T\nauthors: Ñandú Pérez and Mária Andó; Ferdinand Lee\ntags:\n  - optimization',
      '3: authors: must be a list, not a string: write each item on a line of its own under `authors:`, starting with "- " ("- Ñandú Pérez", "- Mária Andó").',
    ],
    // "and" with an accent is no "and" to BibTeX nor to the author pages: one name, as they read it.
    [
      'authors with an accented "ánd", on one line',
      'title: T\nauthors: Ann Lee ánd Bo Li; Cy Dee\ntags:\n  - optimization',
      '3: authors: must be a list, not a string: write each item on a line of its own under `authors:`, starting with "- " ("- Ann Lee ánd Bo Li", "- Cy Dee").',
    ],
    [
      'authors with "AND" and commas, on one line',
      'title: T\nauthors: Sandor Landau AND Ann Andersen, Bo Li\ntags:\n  - optimization',
      '3: authors: must be a list, not a string: write each item on a line of its own under `authors:`, starting with "- " ("- Sandor Landau", "- Ann Andersen").',
    ],
    // Each empty text says what to write there, not only that it is empty.
    [
      'an empty title',
      'title: ""\nauthors:\n  - Ann Lee\ntags:\n  - optimization',
      "2: title: must not be empty: write the paper's title, as arXiv gives it",
    ],
    [
      'an empty author',
      'title: T\nauthors:\n  - Ann Lee\n  - " "\ntags:\n  - optimization',
      '5: authors[1]: must not be empty: it holds only spaces (U+0020 SPACE); write the author\'s name, as in "- Ada Lovelace", or delete the "- " line',
    ],
    [
      'an empty venue',
      'title: T\nauthors:\n  - Ann Lee\ntags:\n  - optimization\nvenue: ""',
      '7: venue: must not be empty: write where the paper appeared, as in NeurIPS 2023, or delete the venue line',
    ],
    // Was 'must be a object, not a list.', which says neither the word nor what to write.
    [
      'links written as a list',
      'title: T\nauthors:\n  - Ann Lee\ntags:\n  - optimization\nlinks:\n  - https://github.com/a/b',
      '7: links: must be a mapping, not a list: write each address on a line of its own under `links:`, indented and named code, project, pdf (`  code: https://github.com/owner/repo`).',
    ],
    // Was 'must be a string, not a mapping.', which said nothing to write.
    [
      'a title written as a mapping',
      'title:\n  text: T\nauthors:\n  - Ann Lee\ntags:\n  - optimization',
      '2: title: must be text, not a mapping: YAML reads a value that starts with "[" or "{" as a list or a mapping, and one with ": " in it as a mapping; write the whole value in double quotes (`title: "…"`).',
    ],
    // At the key's line, where the field is named and an editor jumps, as an unknown key is: not
    // the line its value starts on.
    [
      'a link written as a list',
      'title: T\nauthors:\n  - Ann Lee\ntags:\n  - optimization\nlinks:\n  code:\n    - https://github.com/a/b',
      '8: links.code: must be text, not a list: YAML reads a value that starts with "[" or "{" as a list or a mapping, and one with ": " in it as a mapping; write the whole value in double quotes (`code: "…"`).',
    ],
    [
      'a title on the line after its key, quoted',
      'title:\n  [T]\nauthors:\n  - Ann Lee\ntags:\n  - optimization',
      '2: title: must be text, not a list: YAML reads a value that starts with "[" or "{" as a list or a mapping, and one with ": " in it as a mapping; write the whole value in double quotes (`title: "…"`).',
    ],
    // A list item at its `-` (line 5), where it was written, not at its value on the next line.
    [
      'an author on the line after its -',
      'title: T\nauthors:\n  - Ann Lee\n  -\n    [Bob]\ntags:\n  - optimization',
      '5: authors[1]: must be text, not a list: YAML reads a value that starts with "[" or "{" as a list or a mapping, and one with ": " in it as a mapping; write the whole value in double quotes (`- "…"`).',
    ],
  ])('%s', (_name, fields, only) => {
    expect(check(fields)).toEqual([only]);
  });
});

describe('an unknown field that looks like a known one', () => {
  const paperSchema = createPaperSchema(new Set(['optimization']));
  const problems = (key: string) =>
    validatePaper(
      'content/papers/2025/p.mdx',
      new TextEncoder().encode(
        `---\n${key}: T\nauthors:\n  - Ann Lee\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`,
      ),
      paperSchema,
    ).problems.map((problem) => `${problem.line}: ${problem.field}: ${problem.message}`);

  it('names the characters that make it another key: a Cyrillic letter, a fullwidth one, a space, a mark', () => {
    // Printed as `tіtle: unknown field. Did you mean "title"?`, the key read as the one it meant.
    for (const [key, named] of [
      ['t\u0456tle', '"\u0456" (U+0456)'],
      ['\uFF54itle', '"\uFF54" (U+FF54)'],
      ['"title\u00A0"', 'a space (U+00A0)'],
      ['"title "', 'a space (U+0020)'],
      // An accent apart from its letter is shown on a dotted circle, not on the quote mark.
      ['ti\u0301tle', 'a combining mark "\u25CC\u0301" (U+0301)'],
    ] as const) {
      expect(problems(key), key).toContainEqual(
        `2: ${key.replace(/"/g, '')}: unknown field. Did you mean "title"? The key holds ${named}: write a field's name in plain ASCII letters, with no space in it.`,
      );
    }
    // A misspelt ASCII key is only misspelt.
    expect(problems('titel')).toContainEqual('2: titel: unknown field. Did you mean "title"?');
  });
});
