import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (tenth pass): text that YAML reads as a
 * mapping or a list (a flow map, `[…]`, an author with ": " in the name), told to quote the
 * value; YAML's null, a number and an empty string as keys; a key that differs from a field by a
 * look-alike letter, a trailing space or its case; YAML 1.1's yes as a topic, .nan and 1e3 as text,
 * ~ as a venue; combining marks with no letter under them; an alias bomb; a second frontmatter
 * block; a quote and credentials in a link; a title of one long word and of emoji sequences and
 * flags. Each is refused naming its field (and line), saying what is right, or accepted with
 * outputs each consumer reads as data.
 */
export const HOSTILE_KINDS_10: HostileKind[] = [
  // Text that YAML reads as a mapping or a list: the message says to quote the whole value.
  { id: 'venue-flow-map', file: paper({ venue: '{NeurIPS: 2024}' }), refused: 'venue', line: 8, says: /venue: "…"/ },
  { id: 'title-flow-list', file: paper({ title: '[A, B]' }), refused: 'title', line: 2, says: /title: "…"/ },
  {
    id: 'title-flow-list-colon',
    file: paper({ title: '[A, B]: a study' }),
    refused: 'title',
    line: 2,
    says: /title: "…"/,
  },
  {
    id: 'title-flow-map-colon',
    file: paper({ title: '{Re}: thinking' }),
    refused: 'title',
    line: 2,
    says: /title: "…"/,
  },
  {
    id: 'title-list-key',
    file: paper({ title: '\n  [A, B]: a study' }),
    refused: 'title',
    line: 3,
    says: /title: "…"/,
  },
  {
    id: 'author-colon-affiliation',
    file: paper({ authors: '\n  - Ada Lovelace: University of London' }),
    refused: 'authors[0]',
    line: 4,
    says: /- "…"/,
  },
  {
    id: 'author-flow-map',
    file: paper({ authors: '\n  - {name: Ada Lovelace}' }),
    refused: 'authors[0]',
    line: 4,
    says: /quotes/,
  },
  {
    id: 'link-flow-list',
    file: paper({ links: '\n  code: [https://github.com/a/b]' }),
    refused: 'links.code',
    line: 9,
    says: /code: "…"/,
  },
  {
    id: 'tags-flow-map',
    file: paper({ tags: '{optimization: 1}' }),
    refused: 'tags',
    line: 6,
    says: /starting with "- "/,
  },
  // Keys YAML reads as null, a number or nothing, or that look like a field's name.
  { id: 'key-null', file: paper({ null: 'x' }), refused: 'frontmatter', line: 8, says: /plain words/ },
  // (`1:` stands first: JavaScript lists an integer-like key before the others.)
  { id: 'key-number', file: paper({ '1': 'x' }), refused: 'frontmatter', line: 2, says: /names of fields \(`title:`/ },
  { id: 'key-empty-string', file: paper({ '""': 'x' }), refused: 'frontmatter', line: 8, says: /Known fields/ },
  { id: 'key-cyrillic-i', file: paper({ tіtle: '"Look-alike"' }), refused: 'tіtle', line: 8, says: /U\+0456/ },
  { id: 'key-trailing-space', file: paper({ '"title "': '"Spaced"' }), refused: 'title ', line: 8, says: /U\+0020/ },
  {
    id: 'key-capitalized',
    file: paper({ Date: '"2025-06-06"' }),
    refused: 'Date',
    line: 8,
    says: /Did you mean "date"/,
  },
  {
    id: 'links-key-null',
    file: paper({ links: '\n  null: https://example.org/' }),
    refused: 'links',
    line: 9,
    says: /names of fields \(`code:`, `project:`, `pdf:`\)/,
  },
  // YAML 1.1 and 1.2 scalars that are not text.
  { id: 'tag-yes', file: paper({ tags: '\n  - yes' }), refused: 'tags[0]', line: 7, says: /quotes/ },
  { id: 'title-nan', file: paper({ title: '.nan' }), refused: 'title', line: 2, says: /quote it/ },
  { id: 'venue-exponent', file: paper({ venue: '1e3' }), refused: 'venue', line: 8, says: /quote it: "1e3"/ },
  { id: 'venue-tilde', file: paper({ venue: '~' }), refused: 'venue', line: 8, says: /remove the line/ },
  // Combining marks with no letter under them, as YAML escapes.
  { id: 'title-only-combining', file: paper({ title: '"\\u0301\\u0302\\u0303"' }), refused: 'title', line: 2 },
  { id: 'author-only-combining', file: paper({ authors: '\n  - "\\u0301\\u0302"' }), refused: 'authors[0]', line: 4 },
  // An alias bomb is refused at its anchors, before anything expands it.
  {
    id: 'yaml-alias-bomb',
    file: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: "T"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`,
    refused: 'frontmatter',
    says: /write the value out/,
  },
  // A second block of frontmatter is the body's: a `---` under a line is a heading there.
  {
    id: 'frontmatter-twice',
    file: paper({}).replace('\n---\n\n', '\n---\ntitle: "Another title"\n---\n\n'),
    refused: 'body',
    line: 9,
    says: /blank line before it/,
  },
  // Links: credentials, and a quote that would end an attribute (kept: the URL is normalized).
  {
    id: 'link-credentials',
    file: paper({ links: '\n  code: https://user:pass@github.com/a/b' }),
    refused: 'links.code',
    line: 9,
  },
  { id: 'link-quote-attribute', file: paper({ links: '\n  code: "https://github.com/a/b\\"onmouseover=alert(1)"' }) },
  // Kept: a title of one long word, and emoji sequences and flags.
  { id: 'title-long-word', file: paper({ title: `"A ${'x'.repeat(250)}"` }) },
  { id: 'title-emoji-sequences', file: paper({ title: '"Flags 🇺🇸 and 👩‍👩‍👧 in a title"' }) },
];
