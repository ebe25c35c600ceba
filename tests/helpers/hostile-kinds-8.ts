import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (eighth pass): dates no calendar has,
 * with a year JavaScript reads past four digits or in other digits; a lone surrogate and a noncharacter written as
 * YAML escapes; keys given twice or that reach an object's prototype; YAML 1.1's other tags and its
 * document end; links by every scheme and trick a browser or a reader follows (javascript: behind
 * a space, data:, blob:, file:, `//host`, a UNC path, a port past 65535, a host's final dot,
 * punycode look-alikes, numeric IPs, a fragment alone, an address past the limit) and links whose
 * text breaks the Markdown or the attribute it is written into; links in the abstract by a
 * reference definition, by character references and other schemes; math that draws outside its
 * box (`\mkern`, `@{…}` columns, negative row gaps) or reaches into TeX (`\char`, `\gdef`,
 * `\htmlData`, `\href`); names that stand for more authors; BibTeX, RIS and spreadsheet breakers
 * in the fields those outputs carry. Each is refused naming its field (and line), or accepted with
 * outputs each consumer reads as data.
 */
const link = (key: string, value: string) => paper({ links: `\n  ${key}: ${value}` });

export const HOSTILE_KINDS_8: HostileKind[] = [
  // Dates: no such day or month, a year past four digits (+002025 is JavaScript's expanded year),
  // digits of another script.
  {
    id: 'date-february-30',
    file: paper({ date: '"2025-02-30"' }),
    refused: 'date',
    line: 5,
    says: /February 2025 has days 01 to 28/,
  },
  { id: 'date-month-13', file: paper({ date: '"2025-13-01"' }), refused: 'date', line: 5, says: /month 13/ },
  { id: 'published-april-31', file: paper({ published: '"2025-04-31"' }), refused: 'published', line: 8 },
  { id: 'date-expanded-year', file: paper({ date: '"+002025-06-06"' }), refused: 'date', says: /YYYY-MM-DD/ },
  { id: 'date-arabic-indic-digits', file: paper({ date: '"٢٠٢٥-٠٦-٠٦"' }), refused: 'date', says: /YYYY-MM-DD/ },
  // YAML escapes that make no character: a lone surrogate, a noncharacter; a pair makes one.
  { id: 'escape-lone-surrogate', file: paper({ title: '"A \\ud800 title"' }), refused: 'title', line: 2 },
  { id: 'escape-noncharacter', file: paper({ title: '"A \\uFFFE title"' }), refused: 'title', line: 2 },
  { id: 'escape-surrogate-pair', file: paper({ title: '"A \\ud835\\udc31 title"' }) },
  // Keys twice (a reviewer reads one value, the site another), or an object's own keys.
  {
    id: 'key-twice-title',
    file: paper({ title: '"One"' }).replace('authors:', 'title: "Two"\nauthors:'),
    refused: 'frontmatter',
    line: 3,
    says: /keep one/,
  },
  {
    id: 'key-twice-link',
    file: link('code', 'https://github.com/a/b\n  code: https://evil.example/x'),
    refused: 'frontmatter',
    line: 10,
  },
  { id: 'key-proto-link', file: link('__proto__', '\n    code: https://evil.example/x'), refused: 'links.__proto__' },
  { id: 'key-constructor-link', file: link('constructor', 'https://evil.example/x'), refused: 'links.constructor' },
  { id: 'key-escaped', file: paper({}).replace('title:', '"t\\u0069tle":') },
  { id: 'key-explicit', file: paper({}).replace('title:', '? title\n:') },
  // YAML's other tags (PyYAML runs !!python), and its end-of-document line.
  {
    id: 'yaml-python-object',
    file: paper({ title: '!!python/object/apply:os.system ["ls"]' }),
    refused: 'frontmatter',
  },
  { id: 'yaml-set-tag', file: paper({ tags: '!!set { optimization }' }), refused: 'frontmatter' },
  { id: 'yaml-omap-tag', file: paper({ links: '!!omap [code: https://github.com/a/b]' }), refused: 'frontmatter' },
  { id: 'yaml-document-end', file: paper({}).replace('tags:', '...\ntags:'), refused: 'frontmatter', line: 7 },
  // Links by schemes and tricks browsers follow.
  { id: 'link-javascript-space', file: link('code', '" javascript:alert(1)"'), refused: 'links.code', line: 9 },
  { id: 'link-data', file: link('code', '"data:text/html,<script>alert(1)</script>"'), refused: 'links.code' },
  { id: 'link-blob', file: link('project', '"blob:https://example.org/x"'), refused: 'links.project' },
  { id: 'link-file', file: link('pdf', '"file:///etc/passwd"'), refused: 'links.pdf' },
  { id: 'link-protocol-relative', file: link('code', '"//evil.example/x"'), refused: 'links.code' },
  { id: 'link-unc-path', file: link('code', '"\\\\\\\\evil.example\\\\x"'), refused: 'links.code', says: /backslash/ },
  { id: 'link-port-past-65535', file: link('code', '"https://github.com:99999/a"'), refused: 'links.code' },
  { id: 'link-host-final-dot', file: link('code', '"https://github.com./a"'), refused: 'links.code' },
  { id: 'link-punycode-homograph', file: link('code', '"https://xn--80ak6aa92e.com/"'), refused: 'links.code' },
  { id: 'link-decimal-ip', file: link('code', '"https://2130706433/a"'), refused: 'links.code' },
  { id: 'link-ipv6-loopback', file: link('code', '"https://[::1]/a"'), refused: 'links.code' },
  { id: 'link-fragment-only', file: link('project', '"#top"'), refused: 'links.project' },
  { id: 'link-mailto', file: link('project', '"mailto:a@example.org"'), refused: 'links.project' },
  {
    id: 'link-long',
    file: link('code', `"https://github.com/${'a'.repeat(490)}"`),
    refused: 'links.code',
    says: /at most/,
  },
  // …and ones published in their normalized form, which breaks out of nothing.
  { id: 'link-markdown-breaker', file: link('code', '"https://github.com/a/b)](javascript:alert(1))"') },
  { id: 'link-attribute-breaker', file: link('code', '"https://github.com/a/b\\"onmouseover=alert(1)"') },
  { id: 'link-scheme-without-slashes', file: link('code', '"https:github.com/a/b"') },
  { id: 'link-ideographic-dots', file: link('code', '"https://github\u3002com/a"') },
  { id: 'link-escaped-host', file: link('code', '"https://git%68ub.com/a"') },
  { id: 'link-header-breaker', file: link('code', '"https://github.com/a/%0d%0aSet-Cookie:x"') },
  // An address without a scheme (`//host`), which linkifiers and browsers lead to its host.
  {
    id: 'text-schemeless-look-alike',
    file: paper({}, 'Our code is at //\u0430pple.com/x now.'),
    refused: 'body',
    line: 10,
  },
  {
    id: 'title-schemeless-address',
    file: paper({ title: '"Phishing kits at //evil.com/login"' }),
    refused: 'title',
    line: 2,
  },
  { id: 'venue-schemeless-address', file: paper({ venue: '"//evil.com Workshop"' }), refused: 'venue', line: 8 },
  // A Windows network (UNC) path, which mail clients link and which sends the reader's Windows
  // sign-in to its host: in the abstract's text (its `\\\\` is Markdown's escaped `\\`), in code,
  // with `/` as some clients take it, in a title and a venue (YAML's `\\` is one backslash).
  {
    id: 'text-unc-path',
    file: paper({}, String.raw`The data is at \\\\evil.example/share now.`),
    refused: 'body',
    line: 10,
    says: /Windows network path/,
  },
  {
    id: 'text-unc-path-in-code',
    file: paper({}, String.raw`Mount ` + '`' + String.raw`\\203.0.113.7\share` + '` first.'),
    refused: 'body',
    line: 10,
    says: /NTLM/,
  },
  {
    id: 'title-unc-path',
    file: paper({ title: String.raw`"Data at \\\\evil.example\\share"` }),
    refused: 'title',
    line: 2,
    says: /Windows network path/,
  },
  {
    id: 'venue-unc-path',
    file: paper({ venue: String.raw`"\\\\fileserver\\public Workshop"` }),
    refused: 'venue',
    line: 8,
    says: /Windows network path/,
  },
  // TeX's `\\` in math and a drive's path in code start none.
  {
    id: 'text-backslashes-no-unc',
    file: paper({}, String.raw`Math $\begin{matrix} a \\b.c \end{matrix}$ and ` + '`C:\\\\Users\\x`' + ' here.'),
  },
  // Links in the abstract: by a reference definition, character references, other schemes.
  {
    id: 'body-definition-javascript',
    file: paper({}, 'See [x][r].\n\n[r]: javascript:alert(1)'),
    refused: 'body',
    line: 12,
  },
  { id: 'body-link-referenced-javascript', file: paper({}, 'See [x](&#106;avascript:alert(1)).'), refused: 'body' },
  { id: 'body-link-tab-in-scheme', file: paper({}, 'See [x](java&#x09;script:alert(1)).'), refused: 'body' },
  { id: 'body-link-vbscript', file: paper({}, 'See [x](vbscript:msgbox).'), refused: 'body' },
  { id: 'body-link-data', file: paper({}, 'See [x](data:text/html;base64,PHNjcmlwdD4=).'), refused: 'body' },
  { id: 'body-reference-past-unicode', file: paper({}, 'Text &#x110000; here.'), refused: 'body', says: /U\+10FFFF/ },
  { id: 'body-link-title-breaker', file: paper({}, 'See [x](https://example.org/ "a\\" onmouseover=\\"alert(1)").') },
  { id: 'body-nested-links', file: paper({}, 'See [a [b](https://example.org/b) c](https://example.org/).') },
  { id: 'body-ris-record', file: paper({}, 'Text about networks.\nER  - \nTY  - JOUR\nTI  - Injected') },
  { id: 'body-spreadsheet-formula', file: paper({}, "=cmd|' /C calc'!A0 networks") },
  // Math that draws outside its box or reaches into TeX.
  { id: 'math-mkern', file: paper({}, 'Math $x\\mkern-500mu y$ here.'), refused: 'body' },
  {
    id: 'math-array-at-kern',
    file: paper({}, 'Math $$\\begin{array}{@{\\kern-20em}c} a \\end{array}$$ here.'),
    refused: 'body',
  },
  {
    id: 'math-row-gap-negative',
    file: paper({}, 'Math $$\\begin{matrix} a \\\\[-50em] b \\end{matrix}$$ here.'),
    refused: 'body',
  },
  {
    id: 'math-arraystretch',
    file: paper({}, 'Math $$\\def\\arraystretch{50}\\begin{matrix} a \\\\ b\\end{matrix}$$ here.'),
    refused: 'body',
  },
  { id: 'math-char', file: paper({}, 'Math $\\char"41$ here.'), refused: 'body' },
  { id: 'math-gdef', file: paper({}, 'Math $\\gdef\\a{x}\\a$ here.'), refused: 'body' },
  { id: 'math-html-data', file: paper({}, 'Math $\\htmlData{x=1}{x}$ here.'), refused: 'body' },
  { id: 'math-href-javascript', file: paper({}, 'Math $\\href{javascript:alert(1)}{x}$ here.'), refused: 'body' },
  { id: 'math-text-script-end', file: paper({}, 'Math $\\text{</script>}$ here.') },
  // Names that stand for more authors, as lists abbreviate it.
  {
    id: 'author-and-al',
    file: paper({ authors: '\n  - Ada Lovelace & al.' }),
    refused: 'authors[0]',
    line: 4,
    says: /more authors/,
  },
  {
    id: 'author-ellipsis',
    file: paper({ authors: '\n  - Ada Lovelace\n  - "…"' }),
    refused: 'authors[1]',
    line: 5,
    says: /more authors/,
  },
  // BibTeX and spreadsheet breakers in the fields those outputs carry.
  { id: 'title-bibtex-entry-breaker', file: paper({ title: "'x}@misc{y,title={z'" }) },
  // A TeX escape of a double quote is told the quote to write, in quotes a reader reads as such.
  {
    id: 'title-escaped-quote',
    file: paper({ title: "'A \\\" title'" }),
    refused: 'title',
    line: 2,
    says: /^'\\"' .*: write '"' alone$/,
  },
  { id: 'title-backslash-last', file: paper({ title: "'A title \\'" }) },
  { id: 'author-and-inside', file: paper({ authors: '\n  - Ada and Lovelace' }) },
  { id: 'author-spreadsheet-formula', file: paper({ authors: '\n  - "=1+1 Ada"' }) },
  { id: 'venue-bibtex-entry', file: paper({ venue: '"@inproceedings{x,"' }) },
];
