/**
 * A grammar of hostile paper files (fast-check is not installed: the grammar draws from the seeded
 * random of tests/helpers/hostile.ts, so a seed gives the same files). Each file is a *near-valid*
 * paper: a valid frontmatter and abstract whose values are composed from pieces that earlier fixes
 * showed to be dangerous (YAML features, Markdown/MDX syntax, TeX, BibTeX specials, URL-ish values,
 * Unicode that draws nothing or reorders text, extreme sizes), so that many pass the check and reach
 * the outputs. Used by tests/content/fuzz-papers.test.ts and scripts/fuzz-papers.ts.
 */

import { MAX_PAPER_ID_LENGTH } from '../../src/content/paper-id.ts';
import { seededRandom } from './hostile.ts';

export interface HostilePaperFile {
  /** Entry id: the file name without `.mdx`. */
  id: string;
  /** The file as written, before any line-end or BOM change. */
  text: string;
  bytes: Uint8Array;
}

type Random = () => number;

class Grammar {
  readonly random: Random;
  /** How likely a choice is one the check surely refuses: drawn per file, so many files pass. */
  hostility = 0.1;

  constructor(random: Random) {
    this.random = random;
  }

  /** Whether to take a piece the check is expected to refuse. */
  risky(): boolean {
    return this.random() < this.hostility;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  /** `count` items of `make`, joined by `separator`. */
  some(min: number, max: number, make: () => string, separator = ''): string {
    return Array.from({ length: this.int(min, max) }, make).join(separator);
  }
}

const WORDS = [
  'Attention',
  'GPT-4',
  'MLPs',
  'networks',
  'the',
  'of',
  'learning',
  'Kolmogorov–Arnold',
  'Gödel',
  'Łukasz',
  'Çelik',
  'naïve',
  'O(n)',
  '1e3',
  '0x1F',
  '007',
  'true',
  'null',
  'ℝ',
  '²',
  'α-β',
  '日本語',
  '😀',
  'Nguyễn',
  'ﬁne',
];

/** Text pieces that must reach every output as text: markup, TeX, BibTeX, XML and JSON specials. */
/** Title math the title-math rules allow, and other values that pass the check but stress encoders. */
const PASSABLE_PIECES = [
  '$\\alpha$',
  '$O(n^2)$',
  '$\\mathcal{O}(n \\log n)$',
  '$x_{1}^{2}$',
  '$\\{a\\}$',
  '$\\%$',
  '$a \\le b$',
  '$\\sqrt{x}$',
  '$\\frac{1}{2}$',
  '$\\mathbb{R}$',
  '$\\text{and}$',
  '$\\ell_2$',
  // Title math's spaces and its one other control symbol, `\|` (‖).
  '$a\\,b \\; c \\: d \\! e \\| f \\ g$',
  'a_b',
  'C++',
  'C#',
  'F#',
  '100%',
  '~1',
  'x^y',
  '@home',
  'AT&T',
  'Q&A',
  'R&D',
  '"quoted"',
  "don't",
  '¿Qué?',
  '«ça»',
  'Æsir',
  'ǅ',
  'İstanbul',
  'ﬀ',
  '①',
  '½',
  '™',
  '€',
  '…',
  '‰',
  '†',
  '√2',
  '∞',
  '≠',
  '⟨x⟩',
  'Ω',
  '𝔉',
  'ℏ',
  '‐',
  '−',
  'Ꙭ',
  'ᚠ',
  'ア',
  'اللغة',
  'עברית',
  'हिन्दी',
  'ไทย',
  '한국어',
  'x'.repeat(150),
  'Supercalifragilisticexpialidocious'.repeat(4),
  '{X}',
  '\\{X\\}',
  '[1]',
  '(a)',
  'i.e.,',
  'et al.',
  'etc.',
];

const TEXT_PIECES = [
  '&',
  '&amp;',
  '&#60;',
  '&#0;',
  '&#x202e;',
  '&copy',
  '< b',
  'a<b',
  '<i>',
  '</script>',
  '<!--',
  ']]>',
  '"',
  "'",
  '`',
  '%',
  '#',
  '~',
  '^',
  '_',
  '@',
  '{',
  '}',
  '{}',
  '\\',
  '\\\\',
  '\\%',
  '\\\\%',
  '\\emph{x}',
  '\\input{/etc/passwd}',
  '\\immediate\\write18{touch pwned}',
  '\\def\\x{y}',
  '\\catcode`\\@=0',
  '^^5cinput',
  '@misc{evil,',
  '}, title = {',
  ' and ',
  ' AND ',
  '--',
  '---',
  "''",
  '``',
  '?`',
  '$x$',
  '$x^2$',
  '$\\mathbb{R}^d$',
  '$\\alpha$',
  '$5',
  '\\(x\\)',
  'javascript:alert(1)',
  'data:text/html,<script>',
  '//evil.example',
  'https://a.org\\@b.org/',
  'mailto:a@b.org',
  ': ',
  ' #',
  '- ',
  '? ',
  '*',
  '!',
  '|',
  '>',
  '\u00A0',
  '\u2003',
  'e\u0301',
  'a\u0308\u0308\u0308',
];

/** Characters that are refused wherever they are (or decoded from an escape). */
const INVISIBLE = [
  '\u202E',
  '\u2066',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u00AD',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u001B',
  '\u007F',
  '\uFFFE',
  '\uE000',
  '\u2800',
  '\u{E0041}',
];

/** YAML double-quoted escapes, some of which decode to refused characters. */
const YAML_ESCAPES = [
  '\\u202e',
  '\\ud800',
  '\\udc00',
  '\\0',
  '\\e',
  '\\x41',
  '\\N',
  '\\L',
  '\\P',
  '\\_',
  '\\t',
  '\\"',
  '\\\\',
  '\\/',
  '\\u00e9',
  '\\U0001F600',
  '\\a',
  '\\v',
];

const TOPICS = [
  'deep-learning-theory',
  'interpretability',
  'optimization',
  'language-models',
  'not-a-topic',
  'Optimization',
  'con',
  'aux.json',
];

function textValue(g: Grammar, maxPieces = 8): string {
  const parts: string[] = [];
  const n = g.int(1, maxPieces);
  for (let index = 0; index < n; index++) {
    const roll = g.random();
    if (roll < 0.35) parts.push(g.pick(WORDS));
    else if (roll < 0.65) parts.push(g.pick(PASSABLE_PIECES));
    else if (roll < 0.93) parts.push(g.pick(TEXT_PIECES));
    else if (g.risky()) parts.push(g.pick(INVISIBLE));
    else if (roll < 0.97) parts.push(g.pick(WORDS));
    else parts.push(g.pick([...WORDS, ...TEXT_PIECES]).repeat(g.int(2, 120)));
    parts.push(g.chance(0.7) ? ' ' : '');
  }
  return parts.join('').trim() || 'Untitled';
}

function nameValue(g: Grammar): string {
  const given = [
    'Ada',
    'Jürgen',
    'Łukasz',
    'Martin Luther',
    'J.',
    "O'Brien",
    'Zoë',
    '王',
    'Jean-Pierre',
    'de la',
    'van der',
    'Ø.',
    'Ólafur Ragnar',
    'Đặng Văn',
    'Ngũgĩ wa',
    'Ibn',
    "D'Angelo",
    'Ñuño',
    'Чебышёв',
    'Σωκράτης',
    'محمد',
    'さくら',
    'A.-B.',
    'Mary-Ann O.',
    'Bäck, Thomas',
    // Windows device names and the author directory's own file name, as a given name.
    'Aux',
    'Nul',
    'Shards',
    // Right-to-left names.
    'דוד',
    'أحمد بن',
    // A word wholly in Cyrillic letters that look Latin (Асе, Вера), and its Latin twin; a small L for I.
    '\u0410\u0441\u0435',
    'Ace',
    '\u0412\u0435\u0440\u0430',
    'Ian',
    'lan',
  ];
  const family = [
    ...['Lovelace', 'Schmidhuber', 'Kaiser', 'King Jr.', 'Smith', 'Çelik', '小明', 'Nguyễn', 'Maaten', 'III'],
    ...['Tolkien, J. R. R.', 'Smith, Jr.', 'and Sons', 'ATLAS Collaboration', "O'Neil-Smith", 'Ó Súilleabháin'],
    ...['Ærøskøbing', 'Đorđević', 'Þórsson', 'Çağlar', 'Nguyễn-Trần', '1st', 'X Æ A-12', 'Kołodziej', 'Đ', 'others'],
    ...['A'.repeat(150), 'Ł'.repeat(60), '王'.repeat(30), "d'", '-', '&', '%', '@', '"Bob"', '(Ed.)', '[x]', 'Jr', '!'],
    // Device names Windows keeps (an author's folder and files), in any case.
    ...['Con', 'PRN', 'aux', 'Nul', 'Com1', 'LPT9', 'Con.txt'],
    // Right-to-left family names, with digits and Latin after them.
    ...['כהן', 'الخوارزمي', 'כהן 2', 'בן-דוד', 'ܐܦܪܝܡ'],
    // Names one case fold merges (Cyrillic ᲀ is a form of в; ß folds to ss), and stacks of marks.
    ...['Иван', 'Иᲀан', 'ИВАН', 'Straße', 'STRASSE', 'Strasse', `Zoe${'\u0301'.repeat(g.int(2, 60))}`],
    // An address in a name, and more authors after one.
    ...['Lovelace www.evil.com', 'ada@evil.org', 'Lovelace et al.'],
    // A family name Others or Et Al, an initial before a domain's name (accepted), and hosts.
    ...['Others', 'Et Al', 'ASP.NET', 'X.Com', 'Y.Li', 'Evil.com'],
    // A host in any case, under any top-level domain, or inside other characters, as linkifiers find one.
    ...['EVIL.COM', 'evil.com!', '«Evil.org»', 'EVIL.AI', 'evil.io', 'bad.co.uk'],
  ];
  // Now and then one word alone (Aux, Shards, כהן), as a mononym is written.
  const name = g.chance(0.05) ? g.pick(family) : `${g.pick(given)} ${g.pick(family)}`;
  if (!g.chance(0.25) || !g.risky()) return name;
  // A name made hostile by one piece: most are refused by the name rules, some are not.
  const piece = g.pick([
    ...TEXT_PIECES,
    ...PASSABLE_PIECES,
    ...INVISIBLE,
    ',',
    ', Jr.',
    ' and Bob',
    '.',
    '-',
    '  ',
    'others',
  ]);
  return g.chance(0.5) ? `${name}${piece}` : `${piece}${name}`;
}

/** A scalar in one of YAML's styles; `value` is what it should decode to (before any escape). */
function yamlScalar(g: Grammar, value: string, indent: string): string {
  const style = g.random();
  if (style < 0.4) {
    // Double-quoted, with escapes for `"` and `\`, sometimes an escape added.
    let body = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    if (g.risky()) body += g.pick(YAML_ESCAPES);
    return `"${body}"`;
  }
  if (style < 0.6) return `'${value.replace(/'/g, "''")}'`;
  if (style < 0.72 && g.risky()) {
    const indicator = g.pick(['|', '>', '|-', '>-', '|+', '>+', '|2', '>2-', '|-2']);
    const step = /\d/.test(indicator) ? `${indent}  ` : `${indent}  `;
    return `${indicator}\n${step}${value}`;
  }
  if (!g.risky()) return style < 0.8 ? JSON.stringify(value) : value;
  if (style < 0.76) return `!!str ${JSON.stringify(value)}`;
  if (style < 0.78) return `!!binary ${Buffer.from(value).toString('base64')}`;
  if (style < 0.8) return `!!int 42`;
  // Plain: only what YAML reads back as the same string gets through, but try it anyway.
  return value;
}

function authorsBlock(g: Grammar): string {
  const count = g.chance(0.05) ? g.int(50, 400) : g.int(1, 6);
  const names = Array.from({ length: count }, () => nameValue(g));
  const roll = g.random();
  if (g.risky()) {
    if (roll < 0.3) return `authors: &people\n  - ${JSON.stringify(names[0])}\n`;
    if (roll < 0.6) return `authors: !!seq\n${names.map((name) => `  - ${JSON.stringify(name)}`).join('\n')}`;
    return `authors: ${yamlScalar(g, names[0]!, '')}`;
  }
  // The same name again in another case (Ada Lovelace, ADA LOVELACE): one author page for two names.
  if (names.length > 1 && g.chance(0.05)) names[1] = g.chance(0.5) ? names[0]!.toUpperCase() : names[0]!.toLowerCase();
  if (roll < 0.15) return `authors: [${names.map((name) => JSON.stringify(name)).join(', ')}]`;
  return `authors:\n${names.map((name) => `  - ${yamlScalar(g, name, '  ')}`).join('\n')}`;
}

function urlValue(g: Grammar): string {
  return g.pick([
    'https://github.com/a/b',
    'https://example.org/a_b~c%41#x',
    'https://example.org/?q=%25&x=a#b',
    'https://example.org/a{b}c',
    'https://example.org/a\\b',
    'https://EXAMPLE.org:443/./a/../b',
    'https://example.org/%7B%7D%5C',
    'https://例え.jp/パス',
    "https://example.org/it's",
    'https://example.org/a|b^c`d',
    'https://example.org/%0a%0d',
    'https://example.org/%00',
    'https://example.org/%E2%80%8B',
    'mailto:a@b.org?subject=<x>',
    'https://example.org/path?q=1&r=2#frag',
    'https://example.org/%E2%80%AE',
    'https://example.org/a%20b',
    'https://example.org/{x}',
    'https://example.org/a%b',
    'https://ex\u00e4mple.org/ü',
    'https://a.org\\@b.org/',
    'https://user:pass@a.org/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    'http://example.org/',
    'https://127.0.0.1/',
    'https://localhost/',
    'https://example.org/"><script>',
    "https://example.org/'onmouseover='x",
    'https://example.org/\\',
    `https://example.org/${'a'.repeat(g.int(10, 600))}`,
    'https://example.org/%',
    'https://example.org/a b',
    'https://example.org/</script>',
    'https://xn--80ak6aa92e.com/',
    // Hosts that pass for another: a Cyrillic а in arxiv, written and as punycode.
    'https://\u0430rxiv.org/abs/1',
    'https://xn--rxiv-43d.org/abs/1',
    'https://example.org/&lt;',
    // DNS's limits: a part of 63 letters passes, one of 64 or a name past 253 characters does not.
    `https://${'a'.repeat(g.int(62, 64))}.org/`,
    `https://${'abcdefghi.'.repeat(25)}${g.pick(['org', 'info'])}/`,
    // A part that starts or ends with a hyphen; a mailto: that fills in the message or is no address.
    'https://-example.org/',
    'https://example-.org/',
    'mailto:a@example.org?bcc=eve@evil.example',
    'mailto:javascript:alert(1)',
    'mailto:a@example.org,eve@evil.example',
    'mailto:a%C3@example.org',
  ]);
}

function frontmatter(g: Grammar, id: number): string {
  const lines: string[] = [];
  const field = (key: string, value: string) => lines.push(`${key}: ${value}`);
  field('title', yamlScalar(g, textValue(g), ''));
  lines.push(authorsBlock(g));
  const year = 2025;
  field('date', g.chance(0.9) ? '"2025-06-06"' : g.pick(['2025-06-06', '"2025-02-30"', '"2025-6-6"', '20250606']));
  if (g.chance(0.5)) {
    // Unique per file, so that a batch of accepted files can be built together.
    const month = String(g.int(1, 6)).padStart(2, '0');
    field(
      'arxiv',
      g.chance(0.9)
        ? `"25${month}.${String(10000 + id).padStart(5, '0')}"`
        : g.pick(['2501.1', '"math/0309136"', '"2501.00001v2"']),
    );
    if (g.chance(0.6)) field('published', `"${year}-${month}-0${g.int(1, 9)}"`);
  } else if (g.chance(0.4)) {
    field('published', `"${year}-0${g.int(1, 5)}-1${g.int(0, 9)}"`);
  }
  if (g.chance(0.6))
    field('venue', yamlScalar(g, `${textValue(g, 4)}${g.chance(0.5) ? ` ${g.int(1990, 2025)}` : ''}`, ''));
  const tags = Array.from({ length: g.int(1, 3) }, () => (g.risky() ? g.pick(TOPICS) : g.pick(TOPICS.slice(0, 4))));
  lines.push(g.chance(0.2) ? `tags: [${tags.join(', ')}]` : `tags:\n${tags.map((tag) => `  - ${tag}`).join('\n')}`);
  if (g.chance(0.5)) {
    const keys = ['code', 'project', 'pdf'].filter(() => g.chance(0.5));
    if (keys.length > 0) {
      lines.push('links:');
      for (const key of keys) lines.push(`  ${key}: ${yamlScalar(g, urlValue(g), '  ')}`);
    }
  }
  // YAML features around the fields.
  const roll = g.risky() ? g.random() : 1;
  if (roll < 0.04) lines.push(`title: "Duplicate"`);
  else if (roll < 0.07) lines.unshift('base: &base\n  title: Merged', '<<: *base');
  else if (roll < 0.1) lines.push(`# a comment ${g.pick(INVISIBLE)}`);
  else if (roll < 0.12) lines.splice(1, 0, `\ttitle: tab`);
  else if (roll < 0.14) lines.push('unknown: field');
  else if (roll < 0.15) lines.push('t\u0456tle: a key with a Cyrillic letter');
  else if (roll < 0.16) lines.push('? complex key\n: value');
  else if (roll < 0.18) lines.push('...');
  // Names as long as the file allows, which messages quote: an explicit key, a tag.
  else if (roll < 0.2) lines.push(`? ${'k'.repeat(g.int(1, 3000))}\n: 1`);
  else if (roll < 0.22) lines.push(`venue: !${'t'.repeat(g.int(1, 3000))} x`);
  return lines.join('\n');
}

function mathPiece(g: Grammar): string {
  const n = g.int(1, 40);
  const inner = g.risky()
    ? g.pick([
        '\\href{javascript:alert(1)}{x}',
        '\\url{https://a.org}',
        '\\def\\x{y}\\x',
        '\\catcode`\\@=11',
        '\\input{/etc/passwd}',
        '\\write18{ls}',
        '\\left( x \\right.',
        '{',
        '}',
        '\\kern-100em',
        '\\raisebox{10em}{x}',
        '\\htmlClass{x}{y}',
        '\\includegraphics{x}',
        '\\underbrace{'.repeat(g.int(20, 200)) + 'x' + '}_{1}'.repeat(g.int(20, 200)),
        'x'.repeat(g.int(900, 1200)),
        'a & b',
      ])
    : g.pick([
        'x^2',
        '\\frac{a}{b}',
        '\\mathbb{R}^d',
        '\\sum_{i=1}^n x_i',
        '\\text{<script>}',
        '\\text{&#x202e;}',
        '\\operatorname{<b>}',
        'a < b',
        'a \\& b \\% c \\# d',
        '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
        '\\underbrace{'.repeat(g.int(1, 8)) + 'x' + '}_{1}'.repeat(g.int(1, 8)),
        '{'.repeat(n) + 'x' + '}'.repeat(n),
        '% comment\nx',
        'x'.repeat(g.int(1, 400)),
        '\\text{\\"o \\`a}',
        '\\mathcal{O}(n \\log n)',
        '\\left( x \\right)',
        '\\text{}}',
        '\\backslash \\{ \\}',
        '\\mathrm{x}_{\\text{--}}',
      ]);
  if (g.risky()) return g.pick([`\\(${inner}\\)`, `\\[${inner}\\]`]);
  return g.pick([`$${inner}$`, `$$${inner}$$`, `\n\n\`\`\`math\n${inner}\n\`\`\`\n\n`, `$ ${inner} $`]);
}

/** Abstract syntax the check refuses: HTML, JSX, expressions, import/export. */
const REFUSED_BODY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<Foo bar={1} />',
  '<a href="javascript:alert(1)">x</a>',
  '{alert(1)}',
  '\n\nimport x from "y"\n\n',
  '\n\nexport const a = 1\n\n',
  '<!-- comment -->',
  '{/* comment */}',
  '\n\n[^1]: a footnote of several words\n\n',
  `<${'k'.repeat(3000)}>`,
  '<b>',
  '</i>',
  '{',
  '&#x202e;',
  '&rlm;',
  '&#0;',
  '\n\n# Heading\n\n',
  '<https://example.org>',
  '\n\n---\n\n',
  '\n\n***\n\n',
  '![img](https://example.org/x.png)',
  '\\emph{x}',
  '\\cite{x}',
  '\\href{https://a.org}{x}',
];

/** Labels, titles and info strings that reach attributes: footnote ids, link titles, code classes. */
const ATTRIBUTE_PIECES = [
  '1',
  '__proto__',
  'constructor',
  'a b',
  '😀',
  'x"onmouseover=alert(1)',
  "x'y",
  '<x>',
  'a&amp;b',
  'é',
  'fn-1',
  'user-content-x',
  '-',
  'x'.repeat(300),
];

function attributePiece(g: Grammar): string {
  const label = g.pick(ATTRIBUTE_PIECES);
  return g.pick([
    `[^${label}]\n\n[^${label}]: note`,
    `[x][${label}]\n\n[${label}]: https://example.org/ "${label}"`,
    `[x](https://example.org/ "${label}")`,
    `[x](https://example.org/ '${label}')`,
    `[x](<https://example.org/${label}>)`,
    `\n\n\`\`\`${label}\ncode\n\`\`\`\n\n`,
    `\n\n~~~${label} more\ncode\n~~~\n\n`,
    `[${label}](mailto:${label}@example.org)`,
  ]);
}

function bodyPiece(g: Grammar): string {
  if (g.chance(0.05)) return attributePiece(g);
  const roll = g.random();
  if (g.risky() && g.chance(0.3)) return g.pick(REFUSED_BODY);
  if (roll < 0.35) return g.pick(WORDS);
  if (roll < 0.5) return mathPiece(g);
  if (roll < 0.6) return g.pick(TEXT_PIECES.filter((piece) => !/[<{}]|^\\[a-z^]/.test(piece)));
  return g.pick([
    `[link](${urlValue(g)})`,
    // A link whose text is an address, the link's own or another's.
    // Also the same host with a final dot, an ideographic full stop, another scheme, or before an `@`.
    `[${g.pick(['https://arxiv.org', 'arxiv.org/abs/1706.03762', 'www.github.com', 'example.org', 'arxiv.org.', 'arxiv\u3002org', 'ftp://arxiv.org', 'https://arxiv.org@example.org/', 'see arxiv.org now', 'ada@arxiv.org', '$\\text{arxiv.org}$'])}](${urlValue(g)})`,
    // A link whose text has no letter or digit once typeset: no accessible name.
    `[${g.pick(['', ' ', '$\\quad$', '`  `', '$\\,$', '\\*', '&nbsp;', '$x$', '2', '$\\alpha$'])}](${urlValue(g)})`,
    `[ref][1]\n\n[1]: ${urlValue(g)} "title"`,
    '[^1]\n\n[^1]: a footnote',
    // A footnote on a paragraph's second line; text that only looks like one: escaped, a regex's class.
    '\n[^1]: a footnote after a line',
    '\\[^1]: an escaped mark',
    '\n[^a-z]: a class of characters',
    '\n\n| a | b |\n|---|---|\n| \\<x> | $y$ |\n\n',
    '\\{not code\\}',
    '&#x1F600;',
    '&nbsp;',
    '&lt;script&gt;',
    '`code <b>`',
    '\n\n```js\nalert(1)\n```\n\n',
    '\n\n```js"><script>\nx\n```\n\n',
    // A fence's language is published as a class: a short name passes, a long one or none is refused.
    `\n\n\`\`\`${'x'.repeat(g.int(30, 5000))}\ncode\n\`\`\`\n\n`,
    '\n\n```{.python}\nx\n```\n\n',
    '\n\n> quote\n\n',
    '\n\n- item\n- item\n\n',
    '*emph*',
    '**strong**',
    '~~strike~~',
    'https://example.org/bare',
    'www.example.org',
    'a@b.org',
    '\\\\',
    '\\',
    '  \n',
    '\t',
  ]);
}

function body(g: Grammar): string {
  const paragraphs = g.int(1, 4);
  const out: string[] = [];
  for (let index = 0; index < paragraphs; index++) {
    out.push(g.some(1, 12, () => bodyPiece(g), ' '));
  }
  if (g.risky() && g.chance(0.1)) out.push('word '.repeat(g.int(2000, 12000)));
  return out.join('\n\n');
}

/**
 * A paper file's name: mostly `fuzz-<index>`; sometimes one of the classes found before: a name
 * Windows keeps for a device, the longest slug and one past it, capitals, a stack of combining
 * marks, right-to-left letters. Any name but a device's ends in the index, so accepted files never
 * share one.
 */
function fileName(g: Grammar, index: number): string {
  if (!g.chance(0.08)) return `fuzz-${index}`;
  const tail = `-${index}`;
  return g.pick([
    g.pick(['aux', 'con', 'nul', 'prn', 'com1', 'lpt9', 'AUX', 'con.5', 'com¹']),
    `${'a'.repeat(MAX_PAPER_ID_LENGTH - tail.length)}${tail}`,
    `${'a'.repeat(MAX_PAPER_ID_LENGTH + 1 - tail.length)}${tail}`,
    `Fuzz${tail}`,
    `a${'\u0301'.repeat(g.int(5, 100))}${tail}`,
    `שלום${tail}`,
    `fuzz-${'\u202e'}${tail}`,
  ]);
}

/** One hostile, near-valid paper file, named by fileName in the folder of its year (2025). */
export function hostilePaperFile(g: Grammar, index: number): HostilePaperFile {
  g.hostility = g.pick([0, 0, 0.01, 0.03, 0.1, 0.3]);
  let text = `---\n${frontmatter(g, index)}\n---\n\n${body(g)}\n`;
  // File-level changes: line ends, BOM, stray characters.
  const roll = g.chance(0.3) || g.risky() ? g.random() : 1;
  if (roll < 0.05) text = text.replace(/\n/g, '\r\n');
  else if (roll < 0.07) text = text.replace(/\n/g, '\r');
  else if (roll < 0.09) text = `\uFEFF${text}`;
  else if (roll < 0.11) text = text.replace(/\n/g, g.pick(['\u0085', '\u2028']));
  else if (roll < 0.13) text = `${text}\n---\nmore: yaml\n`;
  else if (roll < 0.15) text = text.replace('---\n', '--- \n');
  let bytes = new TextEncoder().encode(text);
  // One letter as Latin-1 writes it (é as the byte E9), which UTF-8 reads as no character.
  const latin1 = /[\u0080-\u00FF]/.exec(text);
  if (roll >= 0.15 && roll < 0.2 && latin1) {
    const encoder = new TextEncoder();
    const [before, after] = [encoder.encode(text.slice(0, latin1.index)), encoder.encode(text.slice(latin1.index + 1))];
    bytes = new Uint8Array([...before, latin1[0].charCodeAt(0), ...after]);
  }
  return { id: fileName(g, index), text, bytes };
}

/** `count` hostile paper files from `seed`. */
export function hostilePaperFiles(seed: number, count: number, start = 0): HostilePaperFile[] {
  const g = new Grammar(seededRandom(seed));
  return Array.from({ length: count }, (_, index) => hostilePaperFile(g, start + index));
}

export { Grammar };

/** Every piece the grammar knows, for mutations. */
const ALL_PIECES = [...WORDS, ...PASSABLE_PIECES, ...TEXT_PIECES, ...INVISIBLE, ...YAML_ESCAPES, ...REFUSED_BODY];

/**
 * Mutations of real paper files (`bases`: their texts): one to three pieces inserted at random
 * places, or a span deleted or repeated. Most land in a value or the abstract and keep the file
 * near-valid, where a grammar of whole files rarely reaches (inside a formula, a link, a name).
 */
export function mutatedPaperFiles(
  seed: number,
  count: number,
  bases: readonly string[],
  start = 0,
): HostilePaperFile[] {
  const g = new Grammar(seededRandom(seed));
  return Array.from({ length: count }, (_, index) => {
    let text = g.pick(bases);
    for (let edit = g.int(1, 3); edit > 0; edit--) {
      const at = g.int(0, text.length);
      const roll = g.random();
      if (roll < 0.6) text = text.slice(0, at) + g.pick(ALL_PIECES) + text.slice(at);
      else if (roll < 0.7) text = text.slice(0, at) + mathPiece(g) + text.slice(at);
      else if (roll < 0.8) text = text.slice(0, at) + bodyPiece(g) + text.slice(at);
      else if (roll < 0.9) text = text.slice(0, at) + text.slice(at + g.int(1, 40));
      else text = text.slice(0, at) + text.slice(at, at + g.int(1, 20)).repeat(g.int(2, 50)) + text.slice(at);
    }
    // A paper named for its arXiv id must hold that id: the mutants are named as the grammar's are.
    return { id: `fuzz-${start + index}`, text, bytes: new TextEncoder().encode(text) };
  });
}

/** Words and signs a name may be made of: particles, suffixes, initials, letters of every kind, symbols, delimiters. */
const NAME_PIECES = [
  ...['Ada', 'Jürgen', 'Łukasz', 'J.', "O'Brien", 'Zoë', 'de', 'la', 'van', 'der', 'von', 'Jr.', 'Jr', 'III', 'Sr.'],
  ...['and', 'others', 'Others', 'et', 'al.', '(Ed.)', '[x]', '(', ')', '[', ']', ',', '.', '-', "'", '"', '&', '%'],
  ...['@', '!', '?', '*', '+', '=', '/', ';', ':', '1st', '2', 'Æ', 'Ø', 'ß', 'Đ', 'ŋ', 'Ł', 'ı', 'İ', 'ǅ', 'Ç', 'ĳ'],
  ...['Œ', 'Þ', 'Ð', 'Ħ', 'Ŧ', 'ſ', 'Ș', 'ă', 'Nguyễn', 'Σ', 'Ω', 'Σωκράτης', 'Чебышёв', '王', 'さくら', 'محمد', 'A-B'],
  ...["d'", "D'", "l'", 'Mc', "'t", 'Hooft', 'St.', 'Ibn', 'bin', 'al-', 'e', 'y', 'á', 'ñ', '–', '’', '“', '…'],
  ...['·', '°', '²', '½', 'ª', 'º', '×', '÷', '±', '§', '¶', '©', '®', '™', '€', '£', '¥'],
];

/** `count` random names (most not plain names: the schema says which are), seeded. */
export function hostileNames(seed: number, count: number): string[] {
  const g = new Grammar(seededRandom(seed));
  return Array.from({ length: count }, () => g.some(1, 4, () => g.pick(NAME_PIECES), g.chance(0.8) ? ' ' : ''));
}

/**
 * Each class of hostile value, by name, as text a paper could hold: what ends or opens markup in
 * the outputs (CDATA's end, a script's end, a comment), what moves or hides text (line and
 * paragraph separators, bidi overrides and isolates, controls, noncharacters, a lone surrogate
 * written as an escape), what TeX or BibTeX act on (`%`, `#`, `@comment{`, an unbalanced brace,
 * file and shell commands, `^^5c`, which TeX reads as a backslash, `\catcode`, an accent command),
 * a word longer than any line, combining marks on no letter, and addresses that lead elsewhere.
 */
export const VALUE_CLASSES: Readonly<Record<string, string>> = {
  'cdata-end': 'a ]]> b',
  'script-end': 'a </script> b',
  'comment-open': 'a <!-- b',
  'comment-close': 'a --> b',
  'line-separator': 'a \u2028 b',
  'paragraph-separator': 'a \u2029 b',
  'lone-surrogate': 'a \uD800 b',
  noncharacter: 'a \uFFFE b \uFFFF',
  c0: 'a \u0007\u001B[31m b',
  c1: 'a \u009B31m b',
  nul: 'a \u0000 b',
  nel: 'a \u0085 b',
  'bidi-override': 'a \u202Eevil\u202C b',
  'bidi-isolate': 'a \u2066evil\u2069 b',
  percent: '100% of #1',
  'bibtex-comment': 'a @comment{ b',
  'brace-open': 'a { b',
  'brace-close': 'a } b',
  'tex-input': 'a \\input{/etc/passwd} b',
  'tex-write18': 'a \\immediate\\write18{touch pwned} b',
  'tex-csname': 'a \\csname input\\endcsname b',
  'tex-hex-escape': 'a ^^5cinput{/etc/passwd} b',
  'tex-catcode': 'a \\catcode`\\^^=11 b',
  'tex-accent': 'G{\\"o}del',
  'long-word': `a ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4)} b`,
  // A mark on nothing or on a sign escapes the name fold: an author apart who reads the same.
  'bare-mark': 'a \u0301b',
  'mark-on-sign': 'a .\u0308 b',
  // Addresses that feed readers make links of, leading elsewhere than they read.
  'address-user': 'see https://github.com@evil.example/x now',
  'address-look-alike': 'see https://\u0430pple.com/x now',
  // The same host written bare, which mail clients and chat link too.
  'bare-host-look-alike': 'see \u0430pple.com/x now',
  // Joiners: one that joins no emoji sequence (hides a difference), and one a script spells with
  // after its virama (Myanmar's asat).
  'joiner-no-sequence': 'a \u00A9\u200D\u00AE b',
  'joiner-after-virama': 'a \u1019\u103C\u1014\u103A\u200C\u1019\u102C b',
};

/** Addresses that run or carry code, and the ways a scheme is hidden: case, white space, references. */
export const SCRIPT_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'VbScript:msgbox(1)',
  'https://example.org/" onmouseover="alert(1)',
];

/** A YAML double-quoted scalar of any text: `"`, `\` and every character YAML would not keep written as escapes. */
function yamlQuoted(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
    else out += char;
  }
  return `"${out}"`;
}

/**
 * UTF-8, except that a lone surrogate is written as its three bytes (as WTF-8 would), not as the
 * replacement character TextEncoder writes: a file may hold any bytes.
 */
function wtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(...encoder.encode(char));
  }
  return new Uint8Array(bytes);
}

/** Text as an abstract writes it to show it as is: Markdown's and MDX's specials escaped. */
function markdownEscaped(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#!|~$&]/g, (char) => `\\${char}`);
}

/**
 * One paper file per value class and field it can reach (title, venue, an author's name, the
 * abstract as written and with its specials escaped), and one per script address in each link
 * field and as an abstract's link. Most are refused; those the check accepts reach every output.
 * Named `value-<class>-<field>`, all in 2025 and unique, so that a folder of them can be built.
 */
export function valueClassPapers(): HostilePaperFile[] {
  const files: HostilePaperFile[] = [];
  const file = (
    id: string,
    {
      title = 'A hostile value',
      venue,
      author = 'Ada Lovelace',
      links = '',
      body = 'An abstract.',
    }: {
      title?: string;
      venue?: string;
      author?: string;
      links?: string;
      body?: string;
    },
  ): HostilePaperFile => {
    const frontmatter = [
      `title: ${yamlQuoted(title)}`,
      'authors:',
      `  - ${yamlQuoted(author)}`,
      '  - Grace Hopper',
      'date: "2025-06-06"',
      // Years spread out: alpha.bst labels entries of one label and year with only 26 letters.
      `published: "${1991 + (files.length % 35)}-02-03"`,
      ...(venue === undefined ? [] : [`venue: ${yamlQuoted(venue)}`]),
      'tags:',
      '  - optimization',
      ...(links ? [links] : []),
    ];
    const text = `---\n${frontmatter.join('\n')}\n---\n\n${body}\n`;
    return { id, text, bytes: wtf8(text) };
  };
  for (const [name, value] of Object.entries(VALUE_CLASSES)) {
    files.push(
      file(`value-${name}-title`, { title: `A ${value} title` }),
      file(`value-${name}-venue`, { venue: `${value} 2024` }),
      file(`value-${name}-author`, { author: `Ada ${value.replace(/^a | b$/g, '')} Lovelace` }),
      file(`value-${name}-abstract`, { body: `An abstract with ${value} in it.` }),
      file(`value-${name}-escaped`, { body: `An abstract with ${markdownEscaped(value)} in it.` }),
    );
  }
  SCRIPT_URLS.forEach((url, index) => {
    for (const key of ['code', 'project', 'pdf'])
      files.push(file(`value-url-${index}-${key}`, { links: `links:\n  ${key}: ${yamlQuoted(url)}` }));
    files.push(file(`value-url-${index}-abstract`, { body: `An abstract with [a link](${url}) in it.` }));
  });
  return files;
}
