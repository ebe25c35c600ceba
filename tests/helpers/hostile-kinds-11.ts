import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (eleventh pass): keys YAML reads as
 * anything but text (`true:`, `~:`, `.inf:`, a complex key, in the paper's fields and its links'),
 * told in one message that keys are the fields' names; bidi isolates that reorder a line in a
 * terminal or a feed; titles of exotic blank space only; dates written as ISO weeks or ordinal
 * days; a tag list given as a comma string or ten thousand tags; TeX a document would run in math;
 * `javascript:` in a reference definition, as a character reference; an HTML comment left open; an abstract of
 * math only. Each is refused naming its field (and line), saying what is right, or accepted with
 * outputs each consumer reads as data.
 */
export const HOSTILE_KINDS_11: HostileKind[] = [
  // Keys that are no text: one message, naming the line and the fields' names.
  {
    id: 'key-true',
    file: paper({ venue: '"NeurIPS"', true: 'x' }),
    refused: 'frontmatter',
    line: 9,
    says: /names of fields \(`title:`.*the boolean true/,
  },
  { id: 'key-false', file: paper({ false: 'x' }), refused: 'frontmatter', line: 8, says: /names of fields \(`title:`/ },
  {
    id: 'key-tilde',
    file: paper({ '~': 'x' }),
    refused: 'frontmatter',
    line: 8,
    says: /names of fields \(`title:`.*empty/,
  },
  {
    id: 'key-infinity',
    file: paper({ '.inf': 'x' }),
    refused: 'frontmatter',
    line: 8,
    says: /names of fields \(`title:`.*a number/,
  },
  { id: 'key-float', file: paper({ '1.5': 'x' }), refused: 'frontmatter', line: 8, says: /a number/ },
  {
    id: 'key-complex-list',
    file: paper({}).replace('tags:', '? [a, b]\n: x\ntags:'),
    refused: 'frontmatter',
    line: 6,
    says: /names of fields \(`title:`.*a list/,
  },
  {
    id: 'links-key-number',
    file: paper({ links: '\n  1: https://example.org/' }),
    refused: 'links',
    line: 9,
    says: /names of fields \(`code:`, `project:`, `pdf:`\), not a number/,
  },
  {
    id: 'links-key-tilde',
    file: paper({ links: '\n  code: https://github.com/a/b\n  ~: https://example.org/' }),
    refused: 'links',
    line: 10,
    says: /names of fields \(`code:`/,
  },
  // Bidi isolates (Trojan Source) as YAML escapes and as written, in each kind of field.
  {
    id: 'title-bidi-isolate-escaped',
    file: paper({ title: '"A \\u2067reversed\\u2069 title"' }),
    refused: 'title',
    line: 2,
    says: /U\+2067/,
  },
  {
    id: 'author-bidi-isolate-escaped',
    file: paper({ authors: '\n  - "Ada \\u2068Lovelace\\u2069"' }),
    refused: 'authors[0]',
    line: 4,
    says: /U\+2068/,
  },
  {
    id: 'tag-bidi-isolate-escaped',
    file: paper({ tags: '\n  - "optim\\u2066ization"' }),
    refused: 'tags[0]',
    line: 7,
    says: /U\+2066/,
  },
  {
    id: 'venue-bidi-isolate',
    file: paper({ venue: '"NeurIPS \u2067 2024"' }),
    refused: 'file',
    line: 8,
    says: /U\+2067/,
  },
  {
    id: 'body-bidi-isolate',
    file: paper({}, 'An abstract \u2066about\u2069 networks.'),
    refused: 'file',
    line: 10,
    says: /U\+2066/,
  },
  // A title of blank space only, of kinds other than the ideographic space.
  {
    id: 'title-medium-math-space',
    file: paper({ title: '"\u205F\u205F"' }),
    refused: 'title',
    line: 2,
    says: /write the paper's title/,
  },
  {
    id: 'title-mongolian-vowel-separator',
    file: paper({ title: '"\u180E"' }),
    refused: 'file',
    line: 2,
    says: /U\+180E/,
  },
  { id: 'title-thin-spaces', file: paper({ title: '"\u2009\u200A\u202F"' }), refused: 'title', line: 2 },
  // Dates ISO 8601 allows that are no calendar date as written.
  { id: 'date-iso-week', file: paper({ date: '"2025-W23-5"' }), refused: 'date', line: 5, says: /YYYY-MM-DD/ },
  { id: 'date-iso-ordinal', file: paper({ date: '"2025-157"' }), refused: 'date', line: 5, says: /YYYY-MM-DD/ },
  {
    id: 'published-iso-week',
    file: paper({ published: '"2025-W01"' }),
    refused: 'published',
    line: 8,
    says: /YYYY-MM-DD/,
  },
  // Tags: a comma string, and ten thousand of them.
  {
    id: 'tags-comma-string',
    file: paper({ tags: ' "optimization, vision-mlps"' }),
    refused: 'tags',
    line: 6,
    says: /starting with "- "/,
  },
  {
    id: 'tags-ten-thousand',
    file: paper({ tags: `\n${Array.from({ length: 10_000 }, () => '  - optimization').join('\n')}` }),
    refused: 'tags',
    line: 6,
    says: /at most 8/,
  },
  // Math: a document's TeX, a macro, \verb across lines, $$ left open at the end.
  {
    id: 'math-begin-document',
    file: paper({}, 'An abstract $\\begin{document} x$ here.'),
    refused: 'body',
    line: 10,
    says: /use one of matrix/,
  },
  {
    id: 'math-def-macro',
    file: paper({}, 'An abstract $\\def\\x{1} \\x$ here.'),
    refused: 'body',
    line: 10,
    says: /write the formula out/,
  },
  { id: 'math-verb-across-lines', file: paper({}, 'An abstract $\\verb|a\nb|$ here.'), refused: 'body', line: 10 },
  {
    id: 'math-display-open-at-end',
    file: paper({}, 'An abstract about $$x + y'),
    refused: 'body',
    line: 10,
    says: /close the math/,
  },
  // A formula over the length limit: the message says what to do, not only the limit.
  {
    id: 'math-formula-too-long',
    file: paper({}, `An abstract $${'x+'.repeat(600)}x$ here.`),
    refused: 'body',
    line: 10,
    says: /at most 1000\): shorten it/,
  },
  // A link a reader's browser would run, as a reference definition written with a character reference.
  {
    id: 'body-reference-entity-javascript',
    file: paper({}, 'An [abstract] here.\n\n[abstract]: &#106;avascript:alert(1)'),
    refused: 'body',
    line: 12,
    says: /https:\/\//,
  },
  {
    id: 'body-html-comment-open',
    file: paper({}, 'An abstract <!-- never closed'),
    refused: 'body',
    line: 10,
    says: /delete the comment/,
  },
  { id: 'body-export-mid', file: paper({}, 'An abstract.\n\nexport const a = 1\n\nMore.'), refused: 'body', line: 12 },
  // Kept: an abstract of math only, and character references that stay text.
  { id: 'body-math-only', file: paper({}, '$x^2 + y^2 = z^2$') },
  { id: 'body-escaped-markup', file: paper({}, 'An abstract on &lt;script&gt; tags &amp; their kin.') },
];
