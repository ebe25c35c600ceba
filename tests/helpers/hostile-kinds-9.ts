import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (ninth pass): arXiv ids arXiv never
 * gave (a number of zeros only, a month before its first); dates before arXiv's first year, told
 * what to write; author names with no letter of any script; a Windows network path beside TeX, named
 * as the path it is. Each is refused naming its field (and
 * line), saying what is right, or accepted with outputs each consumer reads as data.
 */
export const HOSTILE_KINDS_9: HostileKind[] = [
  // arXiv ids that follow the grammar but name no paper: numbered zero, or before July 1991.
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
    file: paper({ arxiv: '"hep-th/9106001"' }),
    refused: 'arxiv',
    line: 8,
    says: /June 1991, before arXiv's first papers: its ids start in July 1991/,
  },
  { id: 'arxiv-first-month', file: paper({ arxiv: '"hep-th/9107001"' }) },
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
];
