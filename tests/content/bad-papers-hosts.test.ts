import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';

/**
 * A host written bare in text, without a scheme or `www.` (`аpple.com/x`), is a link to mail
 * clients, chat and reference managers, which show it in Unicode: one that passes for another is
 * refused as a link to it is (lookAlikeBareHosts, schema.ts), in the abstract, the title and
 * the venue; ordinary dotted words are no hosts.
 */
const schema = createPaperSchema(new Set(['optimization']));
const paper = ({ title = 'A paper', venue, body }: { title?: string; venue?: string; body: string }) =>
  new TextEncoder().encode(
    `---\ntitle: "${title}"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\n${venue ? `venue: "${venue}"\n` : ''}tags:\n  - optimization\n---\n\n${body}\n`,
  );
const problems = (fields: Parameters<typeof paper>[0]) =>
  validatePaper('content/papers/p.mdx', paper(fields), schema).problems.map(formatProblem);

/** Bare hosts that pass for another, each in an unlike way, with the host as published. */
const LOOK_ALIKE = [
  ['аpple.com/x', 'xn--pple-43d.com'], // a Cyrillic а among Latin letters, with a path
  ['xn--pypal-4ve.com/login', 'xn--pypal-4ve.com'], // punycode of pаypal.com
  ['аррӏе.com', 'xn--80ak6aa92e.com'], // all Cyrillic beside a Latin .com, no path
  ['gοοgle.com', 'xn--ggle-0nda.com'], // Greek omicrons
  ['ada@аpple.com', 'xn--pple-43d.com'], // a mail address's domain
  ['Вooking.com.', 'xn--ooking-hof.com'], // written as a name, at a sentence's end
] as const;
/** Dotted words of abstracts that name no look-alike host. */
const ORDINARY = [
  'e.g.',
  'i.e.',
  'Fig.2',
  'v1.5',
  'arXiv:2401.00001',
  'model.py',
  'paypa1.com/login', // ASCII: no look-alike to the link rule either
  'github.com/owner/repo',
  'пример.рф',
  '模型.py',
  'модель.py',
  'J.-P.Li',
  'Yu.Li',
  'cs.AI',
];

describe('a bare host in text', () => {
  it('is refused in an abstract when it passes for another, at its line, naming it', () => {
    for (const [written, published] of LOOK_ALIKE) {
      const found = problems({ body: `We study it.\n\nOur code is at ${written} now.` });
      expect(found, written).toHaveLength(1);
      expect(found[0], written).toMatch(
        /^content\/papers\/p\.mdx:12: body: the host written as ".+" in the text, which mail clients, chat and reference managers make a link, is not allowed: it names the host /,
      );
      expect(found[0], written).toContain(`(${published} as published)`);
    }
  });

  it('passes as an ordinary dotted word', () => {
    for (const word of ORDINARY) expect(problems({ body: `We use ${word} here.` }), word).toEqual([]);
  });

  it("is told a space mends it when its dot ends a sentence and the next one's first word begins", () => {
    // Readers link `σ.In` (a Greek letter before the country domain .in) as a look-alike of o.in.
    for (const [text, host] of [
      ['the variance σ.In this work', 'xn--4xa.in'],
      ['a rate γ.It follows', 'xn--oxa.it'],
      ['with α.As shown', 'xn--mxa.as'],
    ] as const) {
      const found = problems({ body: text });
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toContain(`(${host} as published)`);
      expect(found[0], text).toContain('if its dot ends a sentence, put a space after it');
    }
    for (const [written] of LOOK_ALIKE) {
      const [found] = problems({ body: `We study ${written}` });
      expect(found, written).not.toContain('ends a sentence');
    }
  });

  it('is judged once when written with a scheme (as an address, not again as a host)', () => {
    const found = problems({ body: 'See https://аpple.com/y and www.аpple.com/z.' });
    expect(found).toHaveLength(2);
    for (const line of found) expect(line).toContain('the address "');
  });

  it("is worded from the host rule's finding, not from another message's text", () => {
    // A part spelt "word" was once made "part" by rewriting the link message's words.
    const words = problems({ body: 'See wordѕ.com now.' });
    expect(words).toHaveLength(1);
    expect(words[0]).toContain('has the part "wordѕ"');
    // A joiner's finding ends with what it reads as; the link's advice ("written without it") is
    // not left in the bare host's message, which gives its own.
    const joiner = problems({ body: 'See क्\u200Dष.com now.' });
    expect(joiner).toHaveLength(1);
    expect(joiner[0]).not.toContain('link to the site');
    expect(joiner[0]).toMatch(/it reads as "क्ष\.com", another site's address; write the site's real address/);
    // Behind a scheme-like run the title's message names the word written and what to write.
    const [title] = problems({ title: 'Data at a+аpple.com://x', body: 'We study it.' });
    expect(title).toContain('names the host "аpple.com" in "a+аpple.com"');
    expect(title).toContain('Write the site\'s real address ("apple.com", if that is the site meant)');
    const [greek] = problems({ title: 'Reviews of gοοgle.com', body: 'We study it.' });
    expect(greek).toContain('("google.com" to a reader)');
  });

  it('is judged once wherever a scheme stands in its word (seeded): the address rule and the bare-host rule agree on where an address starts', () => {
    // SCHEME_AT_RUN_START (schema.ts) is that one rule: a look-alike host is refused once, as an
    // address or as a bare host, never twice and never not at all.
    const random = seededRandom(77);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const pieces = ['é', '中文', '1', '_', '+', 'x', 'git+', 'https', 's3', '://'];
    for (let round = 0; round < 300; round++) {
      const head = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(pieces)).join('');
      const tail = Array.from({ length: Math.floor(random() * 3) }, () => pick(pieces)).join('');
      const word = `${head}аpple.com/${tail}`;
      const found = problems({ body: `See ${word} now.` }).filter((line) => line.includes('pple.com'));
      expect(found, word).toHaveLength(1);
    }
  });

  it('is judged once when www. follows a letter no ASCII linkifier reads as its word (é, Han, Greek)', () => {
    // The address rule finds www. there, so the bare-host rule must leave it to it.
    for (const before of ['é', '中文', 'Ω', 'ж']) {
      const found = problems({ body: `See ${before}www.аpple.com/z now.` });
      expect(found, before).toHaveLength(1);
      expect(found[0], before).toContain('the address "www.');
    }
    // After an ASCII letter, `_` or a digit no linkifier starts at www., and the host is read bare.
    for (const before of ['a_', 'x', '7']) {
      const found = problems({ body: `See ${before}www.аpple.com/z now.` });
      expect(found, before).toHaveLength(1);
      expect(found[0], before).toContain('the host written as "');
    }
  });

  it('is refused in a title and a venue, where a bare name with a dot passes', () => {
    for (const [written, published] of LOOK_ALIKE.filter(
      ([written]) => !written.includes('/') && !written.includes('@'),
    )) {
      const name = written.replace(/\.$/, '');
      const title = problems({ title: `Reviews of ${name}`, body: 'We study it.' });
      expect(title, name).toEqual([
        expect.stringMatching(
          /^content\/papers\/p\.mdx:2: title: holds a host that readers make a link; it names the host /,
        ),
      ]);
      expect(title[0]).toContain(published);
      const venue = problems({ venue: `${name} Workshop`, body: 'We study it.' });
      expect(venue, name).toEqual([expect.stringMatching(/^content\/papers\/p\.mdx:6: venue: holds a host /)]);
    }
    // Behind a scheme no web address has, the host is still shown and may be linked.
    for (const written of [
      's3://аpple.com/x',
      'irc://аррӏе.com',
      'git+ssh://gοοgle.com/r',
      'x-y.z://Вooking.com',
      'a+аpple.com://x',
    ]) {
      expect(problems({ title: `Data at ${written}`, body: 'We study it.' }), written).toEqual([
        expect.stringMatching(/^content\/papers\/p\.mdx:2: title: holds a host that readers make a link; it names /),
      ]);
      expect(problems({ venue: `${written} Workshop`, body: 'We study it.' }), written).toEqual([
        expect.stringMatching(/^content\/papers\/p\.mdx:6: venue: holds a host /),
      ]);
    }
    expect(problems({ title: 'Data at s3://bucket.example.com/x', body: 'We study it.' })).toEqual([]);
    expect(
      problems({ title: 'Reviews of Booking.com and ASP.NET', venue: 'Booking.com Workshop', body: 'We study it.' }),
    ).toEqual([]);
  });

  it('is read after `//`, an address without a scheme that linkifiers and browsers lead to its host', () => {
    for (const [written, published] of LOOK_ALIKE.filter(([written]) => !written.includes('@'))) {
      const host = written.replace(/\.$/, '');
      const found = problems({ body: `Our code is at //${host} now.` });
      expect(found, host).toHaveLength(1);
      expect(found[0], host).toContain(`(${published} as published)`);
      for (const fields of [{ title: `Data at //${host}` }, { venue: `//${host} Workshop` }])
        expect(problems({ ...fields, body: 'We study it.' }), host).toEqual([
          expect.stringMatching(/^content\/papers\/p\.mdx:[26]: (title|venue): holds an address \(/),
        ]);
    }
    // In a title or a venue, `//` makes any host an address, as a scheme does (a name has none).
    for (const written of ['//evil.com', '//evil.com/login', '//Booking.com', '//EVIL.IO.']) {
      expect(problems({ title: `See ${written}`, body: 'We study it.' }), written).toEqual([
        expect.stringMatching(
          /^content\/papers\/p\.mdx:2: title: holds an address \((evil\.com|booking\.com|evil\.io)\)/,
        ),
      ]);
    }
    // Slashes that start no address: a comment, a path, a parallel bar, slashes inside a word.
    expect(
      problems({
        title: 'Input/output //comments, a // b and x//y',
        venue: 'TCP//IP Workshop',
        body: 'We study it.',
      }),
    ).toEqual([]);
  });

  it('is refused in a title and a venue as a Windows network (UNC) path, which mail clients link', () => {
    // Written in double-quoted YAML (a `\\` there is one backslash), then as the field holds it.
    for (const [yaml, shown] of [
      [String.raw`\\\\evil.example\\share`, String.raw`\\evil.example\share`],
      [String.raw`\\\\evil.example/share`, String.raw`\\evil.example/share`],
      [String.raw`\\\\fileserver\\public`, String.raw`\\fileserver\public`],
      [String.raw`(\\\\203.0.113.7\\x)`, String.raw`\\203.0.113.7\x`],
    ]) {
      const title = problems({ title: `Data at ${yaml}`, body: 'We study it.' });
      expect(title, yaml).toEqual([
        expect.stringMatching(
          /^content\/papers\/p\.mdx:2: title: holds the Windows network path .+, which mail clients, chat and reference managers make a link: opening it sends the reader's Windows sign-in \(NTLM\) to that host\. Say in words where it is, or link the https:\/\/ page of the share; write the paper's title only$/u,
        ),
      ]);
      expect(title[0], yaml).toContain(` ${shown},`);
      expect(problems({ venue: `${yaml} Workshop`, body: 'We study it.' }), yaml).toEqual([
        expect.stringMatching(/^content\/papers\/p\.mdx:6: venue: holds the Windows network path /),
      ]);
    }
    // A lone backslash pair, or one after a drive's letter (a local path), is TeX's to judge.
    for (const fields of [{ title: String.raw`A \\\\ B` }, { venue: String.raw`C:\\\\Users Workshop` }])
      expect(problems({ ...fields, body: 'We study it.' })).toEqual([
        expect.stringMatching(/:[26]: (title|venue): "\\\\" is shown as written/),
      ]);
  });

  it('is found wherever it stands among ordinary words (seeded)', () => {
    const random = seededRandom(2024);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let round = 0; round < 60; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: 4 }, () => pick([...ORDINARY, 'word', 'results'])).join(' '),
      );
      const at = Math.floor(random() * lines.length);
      const [written, published] = pick(LOOK_ALIKE);
      lines[at] = `${lines[at]} (${written.replace(/\.$/, '')})`;
      const found = problems({ body: lines.join('\n') });
      expect(found, lines.join(' / ')).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^content/papers/p\\.mdx:${10 + at}: body: `));
      expect(found[0]).toContain(published);
    }
  });
});
