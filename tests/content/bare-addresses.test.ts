import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';

/**
 * An address written as text in an abstract is a link to feed readers (no CSP) and mail clients,
 * which make links of them: it passes the rule of a link in the abstract.
 */
const schema = createPaperSchema(new Set(['optimization']));
const file = (body: string) =>
  new TextEncoder().encode(
    `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\n${body}\n`,
  );
const problems = (body: string) =>
  validatePaper('content/papers/p.mdx', file(body), schema).problems.map(formatProblem);

/** Addresses a reader would follow somewhere other than they read, or to no web host. */
const UNSAFE = [
  'https://аpple.com/x', // Cyrillic а among Latin letters
  'https://xn--80ak6aa92e.com/', // аррӏе.com, all Cyrillic, as punycode
  'https://github.com@evil.example/x', // leads to evil.example
  'http://github.com@evil.example/x', // judged as https: where it leads
  'ftp://аpple.com/pub',
  'file:///etc/passwd', // no web host
  'www.аpple.com/x',
];
/** Addresses as abstracts write them. */
const SAFE = [
  'https://github.com/a/b',
  'https://github.com/a_(b)',
  'www.github.com',
  'https://arxiv.org/abs/2306.13575',
  'http://www.cs.toronto.edu/~ada/', // older abstracts' http:// deceives no one
  'ftp://ftp.example.org/pub',
];

describe('an address written in the text of an abstract', () => {
  it('is refused when a link to it would be, at its line, naming it and why', () => {
    for (const address of UNSAFE) {
      const found = problems(`Our code.\n\nIt is at (${address}).`);
      expect(found, address).toHaveLength(1);
      expect(found[0], address).toMatch(
        /^content\/papers\/p\.mdx:12: body: the address ".+" in the text, which feed readers and mail clients make a link, is not allowed: /,
      );
      expect(found[0]).toContain(`"${address}"`);
    }
    expect(problems('Code at `https://аpple.com/x` here.').join()).toContain('"https://аpple.com/x"');
  });

  it('is found whatever stands right before it, as linkifiers find it', () => {
    // Han and kana are written without spaces; a year and a hyphen, an underscore, a digit, an
    // accented word and a hyphen: a linkifier still finds the scheme and links from it.
    const leads = ['代码见', 'コードは', '2023-', 'x_', '1', 'über-', 'Gödel.'];
    for (const lead of leads) {
      for (const address of UNSAFE.filter((unsafe) => !unsafe.startsWith('www.'))) {
        const found = problems(`Code at ${lead}${address} now.`);
        expect(found, lead + address).toHaveLength(1);
        expect(found[0], lead + address).toContain('which feed readers and mail clients make a link, is not allowed');
      }
      for (const address of SAFE.filter((safe) => !safe.startsWith('www.'))) {
        expect(problems(`Code at ${lead}${address} now.`), lead + address).toEqual([]);
      }
    }
    expect(problems('代码见www.аpple.com/x。').join()).toContain('"www.аpple.com/x');
    // A scheme that ends in a web one is linked from it: judged as that address.
    expect(problems('Clone git+https://github.com@evil.example/a now.').join()).toContain(
      '"https://github.com@evil.example/a"',
    );
  });

  it('says so when it ends where its line does and the text goes on, as an address broken in two', () => {
    for (const [first, rest] of [
      ['https://github.', 'com/owner/repo'],
      ['https://github.com@', 'evil.example/'],
      ['(https://arxiv.', 'org/abs/2306.13575).'],
    ] as const) {
      const found = problems(`Code at ${first}\n${rest} now.`);
      expect(found, first).toHaveLength(1);
      expect(found[0], first).toMatch(/^content\/papers\/p\.mdx:10: body: the address /);
      expect(found[0], first).toContain('if it goes on in the next line, write it whole on one line');
      // Written whole, the safe ones pass.
      if (!rest.startsWith('evil')) expect(problems(`Code at ${first}${rest} now.`), first).toEqual([]);
    }
    // An unsafe address that ends a paragraph, or its sentence mid-line, is not said to be broken.
    for (const body of [
      'Code at https://github.com@evil.example/',
      'At https://github.com@evil.example/ now.\nMore.',
    ]) {
      expect(problems(body).join(), body).not.toContain('goes on in the next line');
    }
  });

  it('is reported at its own line when the text differs from what is written there', () => {
    // An escape, a character reference, markup inside it, math: the text the rule reads is not
    // the line as written. The address is on the body's sixth line (file line 15), after a
    // paragraph that holds the start of it, written plainly.
    for (const written of [
      'https://github.com@evil.example/a\\_b',
      'https://github.com&#64;evil.example/',
      'https://github.com\\@evil.example/',
      'https://gi*thub.com@e*vil.example/',
      '$\\text{https://аpple.com/a\\_b}$',
    ]) {
      const found = problems(`Code at https://github.com now.\n\nTwo.\n\nSo:\n${written} ends it.`);
      expect(found, written).toHaveLength(1);
      expect(found[0], written).toMatch(/^content\/papers\/p\.mdx:15: body: the address /);
    }
  });

  it('passes when a link to it would, with the punctuation around it', () => {
    for (const address of SAFE) {
      for (const written of [address, `(${address}).`, `${address},`, `"${address}"`]) {
        expect(problems(`Code at ${written} now.`), written).toEqual([]);
      }
    }
    expect(problems('```\nhttp://evil.example/\n```\n\nText.')).toEqual([]);
    // In math's source and in emphasis, the address ends where the markup starts.
    for (const body of ['See $\\text{https://github.com}$ now.', 'See *https://github.com/a*, **www.github.com**.']) {
      expect(problems(body), body).toEqual([]);
    }
    expect(problems('See $\\text{https://аpple.com}$ now.').join()).toContain('"https://аpple.com"');
  });

  it('is refused wherever it stands among words, in a seeded sample, and only when unsafe', () => {
    const random = seededRandom(2214);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = ['We', 'show', 'code', 'at', 'see', 'and', '$x$', '*data*', '(', ')', 'Gödel', '2023.'];
    for (let round = 0; round < 60; round++) {
      const unsafe = random() < 0.5;
      const address = unsafe ? pick(UNSAFE) : pick(SAFE);
      const before = Array.from({ length: Math.floor(random() * 6) }, () => pick(words)).join(' ');
      const after = Array.from({ length: Math.floor(random() * 6) }, () => pick(words)).join(' ');
      const body = `${before} ${address}${pick(['', '.', ',', ';'])} ${after} end.`;
      const found = problems(body).filter((line) => line.includes('the address'));
      expect(found.length, body).toBe(unsafe ? 1 : 0);
    }
  });

  // A place with no web host (another scheme's, an IP address, a name without a dot) is refused
  // with its scheme; the message says how to name it as text, and that way passes the check.
  const adviceOf = (message: string) =>
    /write it without "[^"]+", as "(.*?)", which no reader makes a link/.exec(message)?.[1];

  it.each([
    ['s3://my-bucket/data/train', 'the s3 location my-bucket/data/train'],
    ['hdfs://namenode:8020/user/x', 'the hdfs location namenode:8020/user/x'],
    ['gs://bucket_1/shards', 'the gs location bucket_1/shards'],
    ['file:///etc/passwd', 'the file location /etc/passwd'],
    ['hdfs://namenode.example.org/x', 'the hdfs location namenode.example.org/x'],
    ['http://203.0.113.7/x', '203.0.113.7/x'],
    ['ftp://10.0.0.1:2121/pub', '10.0.0.1:2121/pub'],
    ['https://[2001:db8::7]/x', '[2001:db8::7]/x'],
    ['http://localhost:8080/demo', 'localhost:8080/demo'],
    // Without a scheme: linkify-it links `//host` (a browser leads it to the reader's machine).
    ['//localhost:8000/demo', 'localhost:8000/demo'],
    ['//127.0.0.1/x', '127.0.0.1/x'],
  ])('of no web host, %s, is told how to name it as text, and that way passes', (address, unlinked) => {
    const found = problems(`Data at ${address} now.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`the address "${address}" in the text`);
    expect(adviceOf(found[0]!)).toBe(unlinked);
    expect(problems(`Data at ${unlinked} now.`)).toEqual([]);
    // Not the dead end of a link's words: an s3 place has no https:// address to give.
    expect(found[0]).not.toContain('use a full https:// URL');
  });

  it('gives no such advice where the address without its scheme would still name a host no link may lead to', () => {
    for (const address of ['https://аpple.com/x', 'https://github.com@evil.example/x', 's3://аrxiv.org/x']) {
      const [found] = problems(`Data at ${address} now.`);
      expect(adviceOf(found!), address).toBeUndefined();
    }
    expect(problems('Data at s3://аrxiv.org/x now.').join()).toContain('say in words where it is, or leave it out');
  });

  it('of no web host, in a seeded sample of schemes, hosts and paths, is told a way that passes', () => {
    const random = seededRandom(2424);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const piece = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick([...'abcxyz019_-.~'])).join('');
    const number = () => String(Math.floor(random() * 256));
    for (let round = 0; round < 80; round++) {
      const other = random() < 0.5;
      const scheme = other
        ? pick(['s3', 'gs', 'hdfs', 'ssh', 'git', 'smb', 'x-y.z+a'])
        : pick(['http', 'https', 'ftp', '']);
      // An empty scheme writes `//host`, an address with no scheme, which linkifiers take when its
      // host has a dot or is `localhost` (not `//gpu01`, nor an IPv6 address).
      const host = pick([
        () => [number(), number(), number(), number()].join('.'),
        ...(scheme ? [() => `[2001:db8::${number()}]`] : []),
        () => (scheme ? pick(['localhost', 'gpu01', 'namenode']) : 'localhost'),
        ...(other ? [() => `bucket-${piece().replace(/\W/g, '')}`] : []),
      ])();
      const address = `${scheme}${scheme ? ':' : ''}//${host}${pick(['', `:${number()}`])}/${piece()}/${piece()}`;
      const body = `${pick(['Data at', '(see', 'Code:'])} ${address} ${pick(['now.', 'and more.', ')'])}`;
      const found = problems(body);
      expect(found, body).toHaveLength(1);
      const unlinked = adviceOf(found[0]!);
      expect(unlinked, found[0]).toBeDefined();
      expect(problems(body.replace(address, unlinked!)), unlinked).toEqual([]);
    }
  });

  // `www.` then a scheme's `://`: GFM links `http://www.s3://…` (a browser goes to www.s3), a reader
  // and a linkifier of any scheme read the host after `//`. Seeded: www words, hosts shown after
  // `//` (look-alike or not, the places differ either way), paths, case and what stands before.
  it('of www. and a scheme at once (www.s3://host) is refused as reading two ways, naming both hosts', () => {
    const random = seededRandom(20261207);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = ['www.s3', 'www.evil.com', 'WWW.Example.org', 'www.a-b.c+d', 'www.x1'];
    const hosts = ['1\u0430pple.com', 'apple.com', 'arxiv.org', 'xn--80ak6aa92e.com', '\u0430rxiv.org', 'bank.example'];
    for (let round = 0; round < 40; round++) {
      const www = pick(words);
      const host = JSON.parse(`"${pick(hosts)}"`) as string;
      const address = `${www}://${host}${pick(['', '/x', '/login?next=1', '#top'])}`;
      const body = `${pick(['See', 'Code at', '中文', '(see'])} ${address}${pick(['', '.', ')'])} now.`;
      const found = problems(body);
      expect(found, body).toHaveLength(1);
      expect(found[0], body).toMatch(/:10: body: the address ".*" .* it reads two ways/);
      expect(found[0], body).toContain(`to the host ${www},`);
      expect(found[0], body).toContain(`"${host}" as its host`);
    }
    // A www address with `://` later in its path reads one way: to its host.
    expect(problems('See www.example.org/a://b now.')).toEqual([]);
  });

  it('of `//` with no scheme is judged where a linkifier starts one, and nowhere else', () => {
    // After white space or punctuation, `//host` is an address (linkify-it's `//` schema).
    for (const body of ['Served at //10.1.2.3/x.', 'Demo (//localhost:3000).', 'Mirror: //github.com@evil.example/x']) {
      expect(problems(body), body).toEqual([expect.stringMatching(/:10: body: the address "\/\/.+" in the text/)]);
    }
    // Slashes inside a word, between spaces, after a scheme or a path, or before a slash start none.
    for (const body of [
      'TCP//IP and x//y and a // b.',
      'Comments start with // in C.',
      'See https://github.com//owner/repo now.',
      'A path a.b///c and ///x.',
      'Code at //github.com/owner/repo now.',
      'Notes as //comments, //TODO and //gpu01:8080/x.',
    ]) {
      expect(problems(body), body).toEqual([]);
    }
  });
});

describe('a Windows network (UNC) path in the text of an abstract', () => {
  // As written in the MDX source, where `\\` is Markdown's escaped backslash, and as shown.
  const UNC: [string, string][] = [
    [String.raw`\\\\evil.example\\share\\x.png`, String.raw`\\evil.example\share\x.png`],
    [String.raw`\\\\evil.example/share`, String.raw`\\evil.example/share`], // as some clients take `/`
    [String.raw`\\\\203.0.113.7\\x`, String.raw`\\203.0.113.7\x`],
    [String.raw`\\\\fileserver\\public`, String.raw`\\fileserver\public`], // a host without a dot, before a share
    [String.raw`\\\\evil.example`, String.raw`\\evil.example`],
    [String.raw`\\\\evil.example@SSL\\x`, String.raw`\\evil.example@SSL\x`], // WebDAV
    [String.raw`\\\\?\\UNC\\evil.example\\x`, String.raw`\\?\UNC\evil.example\x`], // the long form
    [String.raw`file:\\\\evil.example\\x`, String.raw`\\evil.example\x`],
    ['`' + String.raw`\\evil.example\share` + '`', String.raw`\\evil.example\share`], // in code, as written
  ];

  it('is refused at its line, naming it, what it does and what to write instead', () => {
    for (const [written, shown] of UNC) {
      for (const lead of ['', '(', '代码见', '"']) {
        const found = problems(`Our data.\n\nIt is at ${lead}${written}${lead === '(' ? ').' : '.'}`);
        expect(found, lead + written).toEqual([
          expect.stringMatching(
            /^content\/papers\/p\.mdx:12: body: the Windows network path ".+" in the text, which mail clients \(Outlook\), chat and reference managers make a link, is not allowed: opening it sends the reader's Windows sign-in \(NTLM\) to that host\. Say in words where it is, or link the https:\/\/ page of the share\.$/u,
          ),
        ]);
        expect(found[0], lead + written).toContain(`"${shown}"`);
      }
    }
  });

  it('leaves backslashes that start none: math, a drive path, a lone \\\\, an escape in code', () => {
    for (const body of [
      String.raw`Math $$\begin{aligned} a &= b \\c.d &= e \\fileserver/x \end{aligned}$$ holds.`,
      String.raw`Math $\begin{matrix} a \\b.c \end{matrix}$ holds.`,
      'A path `C:\\data\\x.csv` and `C:\\\\Users\\x` here.',
      String.raw`A lone \\\\ and a \\\\ b here.`,
      'The token `\\\\n` and `\\\\d+` in code.',
      String.raw`The word x\\\\evil.example\\y.`,
    ])
      expect(problems(body), body).toEqual([]);
  });
});
