/**
 * Runs the rules that date and order what a build writes on fixed inputs and prints their answers
 * as JSON, for tests/build/place.test.ts, which runs this file in child processes under other time
 * zones and locales (TZ, LC_ALL, LANG): a rule that reads the machine's zone or locale answers
 * differently there. The inputs are picked where zones and locales disagree: days at a year's
 * edge (UTC+14 is already in the next day), Turkish dotted and dotless i, Danish `aa` (sorted
 * after `z`), Lithuanian `y` (sorted with `i`).
 */
import { findCollisions } from '../../src/content/collection.ts';
import { byPlace } from '../../src/content/problems.ts';
import { buildArchive, comparePapers } from '../../src/lib/archive.ts';
import { authorIndex, groupByAuthor, letterOf } from '../../src/lib/author-index.ts';
import { assignCitationKeys } from '../../src/lib/bibtex.ts';
import { citationDate } from '../../src/lib/citation.ts';
import { countOf } from '../../src/lib/count.ts';
import {
  dateParts,
  formatDate,
  formatDateWithWeekday,
  formatMonth,
  monthName,
  toUTCDate,
} from '../../src/lib/dates.ts';
import { rfc3339 } from '../../src/lib/feed.ts';
import { spanText } from '../../src/lib/paginate.ts';
import { closeMatches } from '../../src/lib/suggest.ts';

const days = ['1991-01-01', '2024-02-29', '2024-12-31', '2025-01-01', '2025-06-06'];
const names = ['Işık Ilgaz', 'İlker Irmak', 'Ida Aaberg', 'Zoe Zimmer', 'Yves Ybarra', 'Ivan Iris', 'Åse Öberg'];
const papers = names.map((name, index) => ({
  id: `2412.0000${index + 1}`,
  data: {
    title: `${['Işıklı', 'Inference', 'Aalborg', 'Zeta', 'Yield', 'Iris', 'Öl'][index]} models`,
    authors: [name],
    date: days[index % days.length]!,
    arxiv: `2412.0000${index + 1}`,
    published: index % 2 ? '2024-12-31' : undefined,
  },
}));

const answers = {
  dates: days.map((day) => [
    formatDate(day),
    formatDateWithWeekday(day),
    dateParts(day),
    toUTCDate(day).toUTCString(),
    rfc3339(day),
  ]),
  months: [1, 6, 12].map((month) => [monthName(month), formatMonth(2024, month)]),
  order: [...papers].sort(comparePapers).map((paper) => paper.id),
  archive: buildArchive([...papers].sort(comparePapers)).months.map((month) => [month.year, month.month, month.count]),
  authors: authorIndex(groupByAuthor(papers).values()),
  letters: ['ılgaz', 'İlker', 'aaberg', 'ÿ'].map(letterOf),
  keys: [...assignCitationKeys(papers)],
  citationDates: papers.map(citationDate),
  counts: [countOf(1234567, 'paper'), spanText({ first: 1001, last: 2000 })],
  // Ties in distance are broken by the candidates' order: `aab` (Danish: after `z`) and `zb`, `yb` and `ib`.
  suggestions: [closeMatches('ab', ['zb', 'aab']), closeMatches('xb', ['yb', 'ib', 'jb'])],
  // The check's messages, in the order it prints them, and which of two files for one paper it
  // calls the one already in the digest: `aalto.mdx` (Danish: after `zeta.mdx`) or the other.
  problems: [
    ...findCollisions(
      ['zeta', 'aalto', 'yb', 'ib'].map((name) => ({
        id: name,
        file: `content/papers/2025/${name}.mdx`,
        data: { arxiv: '2412.00001' },
        lines: { arxiv: 4 },
      })),
    ),
  ]
    .sort(byPlace)
    .map((problem) => `${problem.file}: ${problem.message}`),
};

process.stdout.write(JSON.stringify(answers));
