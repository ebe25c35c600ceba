import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (twelfth pass): fields of exotic white
 * space only, told which spaces they hold; a value YAML reads as a number that is no topic as text
 * either; links to dotted hosts under domains that name local machines (`.localhost`, `.local`,
 * `home.arpa`, `.internal`); dates with a one-digit month or day, or with a time of day and an
 * offset that crosses midnight in UTC, told the day to write. Each is refused naming its field (and line), saying what is right, or accepted with
 * outputs each consumer reads as data.
 */
export const HOSTILE_KINDS_12: HostileKind[] = [
  // White space only: the message names each space, which an editor shows as nothing.
  {
    id: 'title-only-medium-math-space',
    file: paper({ title: '"\u205F"' }),
    refused: 'title',
    line: 2,
    says: /only spaces \(U\+205F MEDIUM MATHEMATICAL SPACE\).*write the paper's title/,
  },
  {
    id: 'title-only-no-break-spaces',
    file: paper({ title: '"\u00A0\u2007\u00A0"' }),
    refused: 'title',
    line: 2,
    says: /only spaces \(U\+00A0 NO-BREAK SPACE, U\+2007 FIGURE SPACE\)/,
  },
  {
    id: 'author-only-ogham-space',
    file: paper({ authors: '\n  - Ada Lovelace\n  - "\u1680"' }),
    refused: 'authors[1]',
    line: 5,
    says: /only spaces \(U\+1680 OGHAM SPACE MARK\).*write the author's name/,
  },
  {
    id: 'venue-only-en-quad',
    file: paper({ venue: '"\u2000\u2001"' }),
    refused: 'venue',
    line: 8,
    says: /only spaces \(U\+2000 EN QUAD, U\+2001 EM QUAD\).*delete the venue line/,
  },
  {
    id: 'venue-only-escaped-narrow-space',
    file: paper({ venue: '"\\u202F"' }),
    refused: 'venue',
    line: 8,
    says: /only spaces \(U\+202F NARROW NO-BREAK SPACE\)/,
  },
  // A topic YAML reads as a number is no topic as text either: one sentence saying both.
  {
    id: 'tag-number',
    file: paper({ tags: '\n  - 42' }),
    refused: 'tags[0]',
    line: 7,
    says: /read by YAML as the number 42, and as text it is refused too: unknown topic "42"/,
  },
  // A dotted host under a domain that names local machines: a browser leads `.localhost` to the
  // reader's own machine, `.local`, `home.arpa` and `.internal` to their network.
  {
    id: 'link-sub-localhost',
    file: paper({ links: '\n  code: https://admin.localhost/reset' }),
    refused: 'links.code',
    line: 9,
    says: /not an IP address or a local name/,
  },
  {
    id: 'link-dot-local',
    file: paper({ links: '\n  project: https://printer.local/' }),
    refused: 'links.project',
    line: 9,
    says: /not an IP address or a local name/,
  },
  {
    id: 'link-home-arpa',
    file: paper({ links: '\n  pdf: https://nas.home.arpa/paper.pdf' }),
    refused: 'links.pdf',
    line: 9,
    says: /not an IP address or a local name/,
  },
  {
    id: 'body-link-internal',
    file: paper({}, 'An abstract with [code](https://git.corp.internal/x) here.'),
    refused: 'body',
    line: 10,
    says: /not an IP address or a local name/,
  },
  // Dates in another spelling of a day: the message gives the day to write.
  {
    id: 'date-unpadded',
    file: paper({ date: '2025-6-6' }),
    refused: 'date',
    line: 5,
    says: /YYYY-MM-DD.*one digit: write "2025-06-06"/,
  },
  {
    id: 'published-unpadded-month',
    file: paper({ published: '"2025-1-31"' }),
    refused: 'published',
    line: 8,
    says: /one digit: write "2025-01-31"/,
  },
  {
    id: 'date-offset-crosses-midnight',
    file: paper({ date: '2025-06-05T23:30:00-05:00' }),
    refused: 'date',
    line: 5,
    says: /time of day as well: write the day alone, "2025-06-06" \(23:30:00 at -05:00 on 2025-06-05 is 2025-06-06 in UTC/,
  },
  {
    id: 'published-time-utc',
    file: paper({ published: '"2025-01-02 10:00:00Z"' }),
    refused: 'published',
    line: 8,
    says: /write the day alone, "2025-01-02"/,
  },
  // Kept: a web host whose name starts with a local domain's word, and a title YAML folds from two lines.
  { id: 'link-local-word-host', file: paper({ links: '\n  code: https://localhost.org/a' }) },
  { id: 'title-folded-plain', file: paper({ title: 'A title\n  folded onto two lines' }) },
];
