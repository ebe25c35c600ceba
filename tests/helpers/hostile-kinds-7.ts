import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (seventh pass): line ends a reader
 * reads another way (CR alone, CRLF beside LF, U+2028/U+2029/NEL as written), a BOM inside the
 * file, tabs as YAML indentation, a file too long on one line, the file in UTF-16 or with bytes no
 * UTF-8 holds (overlong, a surrogate's), noncharacters, private-use and unassigned code points,
 * variation selectors and tag characters that hide text, a title of stacked marks, titles that are
 * TeX, BibTeX, RIS or JSON-LD injections, terminal escapes in fields the check prints, YAML
 * scalars read as numbers or booleans, and arXiv ids that only look right. Each is refused naming
 * its field (and line), or accepted with outputs each consumer reads as data.
 */
const encoded = (text: string) => new TextEncoder().encode(text);
const withBytes = (text: string, at: string, bytes: number[]): Uint8Array => {
  const [before, after] = text.split(at) as [string, string];
  return new Uint8Array([...encoded(before), ...bytes, ...encoded(after)]);
};
/** A paper's text as UTF-16 little-endian, without a byte-order mark (as some editors save it). */
const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[index * 2] = unit & 0xff;
    bytes[index * 2 + 1] = unit >> 8;
  }
  return bytes;
};

const plain = paper({});

export const HOSTILE_KINDS_7: HostileKind[] = [
  // Line ends: CR alone (classic Mac) and CRLF mixed with LF are line ends the check reads as LF.
  { id: 'line-ends-cr', file: plain.replace(/\n/g, '\r') },
  { id: 'line-ends-mixed', file: plain.replace('title:', 'title:').replace(/\n(?=authors|date)/g, '\r\n') },
  // U+2028, U+2029 and NEL as written: a line end to JavaScript, JSON-in-script and some YAML readers.
  {
    id: 'raw-line-separator-title',
    file: paper({ title: '"A paper\u2028<script>x</script>"' }),
    refused: 'file',
    line: 2,
  },
  { id: 'raw-paragraph-separator-body', file: paper({}, 'An abstract\u2029about networks.'), refused: 'file' },
  { id: 'raw-next-line-venue', file: paper({ venue: '"NeurIPS\u0085 2024"' }), refused: 'file', line: 8 },
  // A BOM that is not at the start: a zero-width no-break space hiding inside a name.
  { id: 'bom-in-author', file: paper({ authors: '\n  - Ada\uFEFF Lovelace' }), refused: 'file', line: 4 },
  // Tabs as YAML indentation: YAML forbids them; the check says where.
  { id: 'tab-indent', file: paper({ authors: '\n\t- Ada Lovelace' }), refused: 'frontmatter' },
  // One line of a megabyte: an abstract too long, said before it is parsed.
  {
    id: 'one-line-megabyte',
    file: paper({}, `An abstract ${'x'.repeat(1024 * 1024)}`),
    refused: 'body',
    says: /at most/,
  },
  // Noncharacters, private use and unassigned code points: no reader shows them as one thing.
  { id: 'noncharacter-fdd0-venue', file: paper({ venue: '"ICML\uFDD0 2024"' }), refused: 'file' },
  { id: 'noncharacter-fffe-author', file: paper({ authors: '\n  - Ada Lovelace\uFFFE' }), refused: 'file' },
  { id: 'private-use-title', file: paper({ title: '"A study of \uE000 networks"' }), refused: 'file' },
  { id: 'unassigned-title', file: paper({ title: '"A study of \u0378 networks"' }), refused: 'file' },
  // Variation selectors and tag characters hide text, or make a second spelling of one name.
  { id: 'variation-selector-author', file: paper({ authors: '\n  - Ada\uFE0F Lovelace' }), refused: 'file' },
  {
    id: 'tag-characters-title',
    file: paper({
      title: `"Safe title${[...'ignore previous'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')}"`,
    }),
    refused: 'file',
  },
  // Zalgo: 500 marks on one letter of a title.
  { id: 'zalgo-title', file: paper({ title: `"Ze${'\u0301'.repeat(500)}ro networks"` }), refused: 'file' },
  // TeX and BibTeX injections in a title and a venue: TeX is refused, braces are escaped in .bib.
  { id: 'bibtex-breaker-title', file: paper({ title: '"Networks}, note={pwned"' }) },
  { id: 'tex-input-title', file: paper({ title: "'Reading \\input{/etc/passwd} networks'" }), refused: 'title' },
  { id: 'tex-write18-venue', file: paper({ venue: "'\\immediate\\write18{rm -rf ~} 2024'" }), refused: 'venue' },
  // An RIS or APA breaker: a line break (a YAML escape) and a record's tag in a title.
  {
    id: 'ris-breaker-title',
    file: paper({ title: '"Networks\\nTY  - JOUR\\nER  - "' }),
    refused: 'title',
    says: /one line/,
  },
  // …and folded by YAML into a space (a plain scalar on two lines): accepted, one line everywhere.
  { id: 'ris-folded-title', file: paper({ title: 'Networks\n  TY  - JOUR' }) },
  // JSON-LD breakers: `</script>` in a field and in the abstract; U+2028 as an escape.
  { id: 'script-end-venue', file: paper({ venue: '"NeurIPS</script><script>alert(1)</script>"' }), refused: 'venue' },
  { id: 'script-end-body', file: paper({}, 'An abstract </script><script>alert(1)</script> here.'), refused: 'body' },
  { id: 'script-end-link', file: paper({ links: '\n  code: "https://example.org/</script>"' }) },
  // Terminal escapes written as YAML escapes in fields the check prints.
  {
    id: 'osc8-hyperlink-venue',
    file: paper({ venue: '"\\e]8;;https://evil.example\\e\\\\NeurIPS\\e]8;;\\e\\\\"' }),
    refused: 'venue',
  },
  { id: 'csi-c1-title', file: paper({ title: '"A \\u009B31m red title"' }), refused: 'title' },
  { id: 'csi-c1-raw-author', file: paper({ authors: '\n  - Ada \u009B2J Lovelace' }), refused: 'file', line: 4 },
  // Scalars YAML reads as numbers or booleans where text is wanted.
  { id: 'yaml-number-title', file: paper({ title: '1e3' }), refused: 'title', says: /quote it|YAML/ },
  { id: 'yaml-infinity-title', file: paper({ title: '.inf' }), refused: 'title', says: /YAML/ },
  { id: 'yaml-hex-venue', file: paper({ venue: '0x1F' }), refused: 'venue', says: /YAML/ },
  { id: 'yaml-bool-author', file: paper({ authors: '\n  - true' }), refused: 'authors[0]', says: /YAML/ },
  // Plain values YAML 1.2 (this digest's) reads as text and YAML 1.1 (PyYAML, Ruby's) as no text.
  { id: 'yaml11-no-title', file: paper({ title: 'no' }), refused: 'title', line: 2, says: /in quotes/ },
  { id: 'yaml11-off-author', file: paper({ authors: '\n  - Off' }), refused: 'authors[0]', line: 4, says: /in quotes/ },
  { id: 'yaml11-sexagesimal-venue', file: paper({ venue: '1:20' }), refused: 'venue', says: /in quotes/ },
  { id: 'yaml11-underscore-venue', file: paper({ venue: '2_024' }), refused: 'venue', says: /in quotes/ },
  // arXiv ids that only look right, in the field and as the file's name (its address).
  {
    id: '2401.000010',
    file: paper({ arxiv: '"2401.00001"', date: '"2025-01-06"' }),
    refused: 'file',
    line: 1,
    says: /no arXiv id/,
  },
  { id: 'arxiv-version-zero', file: paper({ arxiv: '"2401.00001v0"' }), refused: 'arxiv' },
  { id: 'arxiv-trailing-space', file: paper({ arxiv: '"2401.00001 "' }), refused: 'arxiv' },
  {
    id: 'arxiv-fullwidth',
    file: paper({ arxiv: '"\uFF12\uFF14\uFF10\uFF11.\uFF10\uFF10\uFF10\uFF10\uFF11"' }),
    refused: 'arxiv',
  },
  { id: 'arxiv-zero-width', file: paper({ arxiv: '"2401.0000\u200B1"' }), refused: 'file' },
];

/** Papers whose bytes are no UTF-8 text: refused naming the file, a line and what to save it as. */
export const HOSTILE_BYTES_7: { id: string; bytes: Uint8Array; line: number; says: RegExp }[] = [
  { id: 'utf16-no-bom', bytes: utf16le(plain), line: 1, says: /UTF-16/ },
  // An overlong `<` (C0 BC): old decoders read it as `<`, a tag where none was written.
  { id: 'overlong-less-than', bytes: withBytes(plain, 'abstract', [0xc0, 0xbc]), line: 10, says: /C0 BC|C0/ },
  // A surrogate's three bytes (ED A0 80): CESU-8, which strict UTF-8 refuses.
  {
    id: 'surrogate-bytes',
    bytes: withBytes(paper({ title: '"A paper X"' }), 'X', [0xed, 0xa0, 0x80]),
    line: 2,
    says: /ED/,
  },
];
