/**
 * Hostile papers of KINDS the earlier passes did not write (hostile-papers.ts, bad-papers*,
 * hostile-shapes): YAML's own features (anchors, merge keys, explicit tags, timestamps, deep
 * nesting, keys equal but for case), text equal after Unicode normalisation (NFC/NFD twins),
 * MDX syntax in the body, math that KaTeX takes but that reaches out or expands, text that ends a
 * feed's CDATA, and titles with nothing a reader can read. Each is a whole file, as a stranger
 * would send it: the check refuses it naming `field` (its line at `line` when given, saying what
 * is right by `says`), or the build takes it and every output reads as its consumer expects.
 */
export interface HostileKind {
  id: string;
  /** The file's text. */
  file: string;
  /** The field the check names, for a paper it must refuse. */
  refused?: string;
  /** The line it is named at. */
  line?: number;
  /** What the message must say (what is right). */
  says?: RegExp;
}

const head = (fields: Record<string, string> = {}) => {
  const all: Record<string, string> = {
    title: '"A hostile paper"',
    authors: '\n  - Ada Lovelace',
    date: '"2025-06-06"',
    tags: '\n  - optimization',
    ...fields,
  };
  return Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}`)
    .join('\n');
};
/** A paper: frontmatter fields (YAML as written, replacing the defaults) and a body. */
export const paper = (fields: Record<string, string>, body = 'An abstract about networks.') =>
  `---\n${head(fields)}\n---\n\n${body}\n`;

const NFC = 'Zo\u00EB Ng\u00F4';
const NFD = NFC.normalize('NFD');

export const HOSTILE_KINDS: HostileKind[] = [
  // YAML features: paper metadata is plain data.
  { id: 'yaml-anchor', file: paper({ title: '&t "Anchored title"', venue: '*t' }), refused: 'frontmatter' },
  {
    id: 'yaml-merge-key',
    file: `---\nbase: &b\n  venue: "NeurIPS"\ntitle: "Merged"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n<<: *b\n---\n\nAn abstract.\n`,
    refused: 'frontmatter',
  },
  { id: 'yaml-merge-literal', file: paper({ '<<': '{ venue: "NeurIPS" }' }), refused: '<<' },
  { id: 'yaml-binary', file: paper({ title: '!!binary PHNjcmlwdD4=' }), refused: 'frontmatter' },
  { id: 'yaml-timestamp-tag', file: paper({ date: '!!timestamp 2025-06-06T10:00:00Z' }), refused: 'frontmatter' },
  {
    id: 'yaml-date-time-zone',
    file: paper({ date: '2025-06-06T23:30:00-05:00' }),
    refused: 'date',
    says: /YYYY-MM-DD/,
  },
  { id: 'yaml-date-space-time', file: paper({ date: '2025-06-06 10:00:00' }), refused: 'date', says: /YYYY-MM-DD/ },
  { id: 'yaml-local-tag', file: paper({ title: '!js/function "function(){}"' }), refused: 'frontmatter' },
  {
    id: 'yaml-deep',
    file: paper({
      links: `${'\n'}${Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth + 1)}k${depth}:`).join('\n')} x`,
    }),
    refused: 'frontmatter',
  },
  { id: 'yaml-deep-flow', file: paper({ venue: `${'['.repeat(200)}${']'.repeat(200)}` }), refused: 'frontmatter' },
  { id: 'yaml-key-case', file: paper({ Title: '"Second title"' }), refused: 'Title', says: /title/ },
  { id: 'yaml-complex-key', file: paper({}).replace('tags:', '? [a, b]\n: x\ntags:'), refused: 'frontmatter' },
  {
    id: 'yaml-directive',
    file: paper({}).replace('---\n', '---\n%TAG ! tag:evil.example,2000:\n'),
    refused: 'frontmatter',
  },
  { id: 'yaml-seq-tag', file: paper({ authors: '!!seq [Ada Lovelace]' }), refused: 'frontmatter' },
  { id: 'yaml-tag-repeat', file: paper({ tags: '[optimization, optimization]' }) },
  { id: 'yaml-block-title', file: paper({ title: '|\n  Line one\n  Line two' }), refused: 'title' },
  { id: 'yaml-null-title', file: paper({ title: '~' }), refused: 'title' },
  { id: 'yaml-octal-arxiv', file: paper({ arxiv: '0o2401' }), refused: 'arxiv' },
  // NFC/NFD twins: one name, one author page; one name twice in a paper is a repeat. A repeated
  // topic is one (the schema keeps each once).
  { id: 'nfc-author', file: paper({ authors: `\n  - ${NFC}`, title: '"Twins, composed"' }) },
  { id: 'nfd-author', file: paper({ authors: `\n  - ${NFD}`, title: '"Twins, decomposed"' }) },
  { id: 'nfc-nfd-repeat', file: paper({ authors: `\n  - ${NFC}\n  - ${NFD}` }), refused: 'authors[1]' },
  { id: 'nfd-title', file: paper({ title: `"Caf${'e\u0301'} networks"` }) },
  { id: 'nfd-venue', file: paper({ venue: `"Conf${'e\u0301'}rence ${NFD}"` }) },
  { id: 'nfd-link-host', file: paper({ links: `\n  code: "https://caf${'e\u0301'}.example.net/x"` }) },
  // MDX syntax in the body.
  { id: 'mdx-comment', file: paper({}, 'Text {/* hidden note */} here.'), refused: 'body' },
  { id: 'html-comment', file: paper({}, 'Text <!-- <script>alert(1)</script> --> here.'), refused: 'body' },
  { id: 'style-tag', file: paper({}, '<style>body{display:none}</style>\n\nText.'), refused: 'body' },
  { id: 'jsx-fragment', file: paper({}, 'Text <>fragment</> here.'), refused: 'body' },
  { id: 'jsx-member', file: paper({}, 'Text <Foo.Bar x="1" /> here.'), refused: 'body' },
  {
    id: 'export-default',
    file: paper({}, 'export default function Layout() { return null }\n\nText.'),
    refused: 'body',
  },
  {
    id: 'entities-markup',
    file: paper({}, 'Text &lt;script&gt;alert(1)&lt;/script&gt; and &#60;img src=x onerror=alert(1)&#62; shown.'),
  },
  { id: 'autolink-look-alike', file: paper({}, 'See <https://\u0430pple.com/x> now.'), refused: 'body' },
  // Math that KaTeX accepts but that reaches out or expands.
  { id: 'math-newcommand-loop', file: paper({}, 'Math $\\newcommand{\\a}{\\a}\\a$ here.'), refused: 'body' },
  { id: 'math-def-double', file: paper({}, 'Math $\\def\\a{\\a\\a}\\a$ here.'), refused: 'body' },
  { id: 'math-url', file: paper({}, 'Math $\\url{javascript:alert(1)}$ here.'), refused: 'body' },
  { id: 'math-html-id', file: paper({}, 'Math $\\htmlId{main}{x}$ here.'), refused: 'body' },
  { id: 'math-html-style', file: paper({}, 'Math $\\htmlStyle{position:fixed;inset:0}{x}$ here.'), refused: 'body' },
  {
    id: 'math-includegraphics',
    file: paper({}, 'Math $\\includegraphics{https://evil.example/x.png}$ here.'),
    refused: 'body',
  },
  { id: 'math-verb-script', file: paper({}, 'Math $\\verb|</script>|$ here.'), refused: 'body' },
  { id: 'math-text-address', file: paper({}, 'Math $\\text{https://\u0430pple.com}$ here.'), refused: 'body' },
  { id: 'title-math-newcommand', file: paper({ title: "'Title $\\newcommand{\\x}{\\x}\\x$'" }), refused: 'title' },
  { id: 'title-math-href', file: paper({ title: "'Title $\\href{https://evil.example}{x}$'" }), refused: 'title' },
  // Text that ends a feed's CDATA section, or a comment, in each field that feeds carry.
  { id: 'cdata-abstract', file: paper({}, 'Arrays a[b[0]]> c and ]]> alone and ]]&gt; escaped.') },
  { id: 'cdata-math', file: paper({}, 'Math $a[b[c]]>d$ here.') },
  { id: 'cdata-venue', file: paper({ venue: '"Workshop ]]> x"' }) },
  { id: 'cdata-title-math', file: paper({ title: "'Arrays ]]> and $a[b[c]]>d$'" }) },
  { id: 'comment-venue', file: paper({ venue: '"Workshop <!-- x"' }), refused: 'venue', says: /put a space after/ },
  { id: 'cdata-author', file: paper({ authors: '\n  - "Ada ]]> Lovelace"' }), refused: 'authors[0]' },
  // Titles with nothing to read.
  { id: 'title-only-math', file: paper({ title: '"$x^2$"' }) },
  { id: 'title-only-emoji', file: paper({ title: '"🤖🧠"' }), refused: 'title', says: /no letter or digit/ },
  // An author of no letter names no one (ninth pass): refused at its place.
  {
    id: 'author-only-emoji',
    file: paper({ authors: '\n  - "🤖"' }),
    refused: 'authors[0]',
    line: 4,
    says: /has no letter of any script/,
  },
  { id: 'author-ideographic-space', file: paper({ authors: '\n  - "Ada\u3000Lovelace"' }) },
  { id: 'title-ideographic-space', file: paper({ title: '"\u3000\u3000"' }), refused: 'title' },
  { id: 'title-braille-blank', file: paper({ title: '"\u2800\u2800"' }), refused: 'file', line: 2 },
  { id: 'title-hangul-filler', file: paper({ title: '"\u115F\u1160"' }), refused: 'file', line: 2 },
  { id: 'title-only-punctuation', file: paper({ title: '"— … —"' }), refused: 'title' },
  { id: 'venue-only-blank', file: paper({ venue: '"\u3000"' }), refused: 'venue' },
];
