/**
 * The reading list's rules for untrusted input (src/lib/reading-list.ts): whatever localStorage or
 * a shared link holds, only paper ids come out, once each, at most READING_LIST_LIMIT of them;
 * a list survives the trip through a share link's fragment; title math becomes plain text.
 */
import { describe, expect, it } from 'vitest';
import { isPaperId, paperIdProblem } from '../../src/content/paper-id.ts';
import { AUTHORS_BEFORE_CUT, LISTED_AUTHORS, shortAuthorList } from '../../src/lib/author-list.ts';
import { encodeJson } from '../../src/lib/encode/json.ts';
import {
  bibFileName,
  idsFromFragment,
  idsToAdd,
  paperIds,
  parseStoredList,
  READING_LIST_LIMIT,
  readingListBib,
  shareFragment,
  paperSummary,
  summaryAuthorLine,
  summaryOf,
} from '../../src/lib/reading-list.ts';
import { assignCitationKeys, bibtexEntry, bibtexFile } from '../../src/lib/bibtex.ts';
import type { CitablePaper } from '../../src/lib/citation.ts';
import { isBibtexEntry } from '../../src/lib/encode/bibtex-file.ts';
import { titleText } from '../../src/lib/title-text.ts';
import { hostileStrings, unicodeStrings } from '../helpers/hostile.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { hostileNames } from '../helpers/hostile-papers.ts';

const hostile = hostileStrings(15, 2000);

describe('paper ids from untrusted values', () => {
  it('keep only what the content check accepts as a file name, for any string', () => {
    const { ids, rejected } = paperIds([...hostile, 'a', 'x.bib', 'UPPER', '2306.13575', 'a'.repeat(101)]);
    for (const id of ids) expect(paperIdProblem(id), id).toBeUndefined();
    expect(ids).toContain('2306.13575');
    expect(ids).not.toContain('x.bib');
    expect(rejected).toBe(hostile.filter((value) => !isPaperId(value)).length + 3);
  });

  it('drop repeats and non-strings, and stop at the limit', () => {
    const many = Array.from({ length: READING_LIST_LIMIT + 5 }, (_, index) => `p-${index}`);
    const result = paperIds([null, 42, { id: 'x' }, 'p-0', ...many, 'p-1']);
    expect(result.ids).toEqual(many.slice(0, READING_LIST_LIMIT));
    expect(result.rejected).toBe(3);
    expect(result.overLimit).toBe(5);
  });

  it('read a stored list only from a JSON array', () => {
    for (const text of [null, '', 'not json', '{}', '"2306.13575"', 'null', '{"0":"a"}', ...hostile]) {
      expect(parseStoredList(text).ids, String(text)).toEqual(paperIds(safeArray(text)).ids);
    }
    expect(parseStoredList('["b", "a", "b", "<i>", 3]')).toEqual({ ids: ['b', 'a'], beyondLimit: [] });
  });

  it('keep the papers a stored list holds beyond the limit, apart, rather than drop them unseen', () => {
    // Another version or script may have stored more than this one saves: a Remove that wrote back
    // only the first READING_LIST_LIMIT would lose the rest without a word.
    const many = Array.from({ length: READING_LIST_LIMIT + 3 }, (_, index) => `p-${index}`);
    const stored = parseStoredList(JSON.stringify(['p-0', ...many, 'bad id', 'p-1']));
    expect(stored.ids).toEqual(many.slice(0, READING_LIST_LIMIT));
    expect(stored.beyondLimit).toEqual(['p-1000', 'p-1001', 'p-1002']);
    expect(parseStoredList(JSON.stringify(many.slice(0, READING_LIST_LIMIT))).beyondLimit).toEqual([]);
  });
});

describe('saving papers', () => {
  it('adds the paper ids not yet saved, once each, as many as the limit leaves room for', () => {
    expect(idsToAdd(['a', 'b'], ['c', 'a', 'c', 'x.bib', 'd'])).toEqual({ fitting: ['c', 'd'], overLimit: [] });
    const full = Array.from({ length: READING_LIST_LIMIT - 1 }, (_, index) => `p-${index}`);
    expect(idsToAdd(full, ['p-0', 'n-1', 'n-2', 'n-3'])).toEqual({ fitting: ['n-1'], overLimit: ['n-2', 'n-3'] });
    expect(idsToAdd([...full, 'q', 'r'], ['n-1'])).toEqual({ fitting: [], overLimit: ['n-1'] });
  });

  /** `items`, counting how often an element is read: a count of work that no busy machine changes. */
  function counted(items: string[]): { list: string[]; reads: () => number } {
    let reads = 0;
    const list = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { list, reads: () => reads };
  }

  it('reads a stored list once, not once for each paper a shared link adds', () => {
    // A stored list may hold any number of ids (tampered, or another script's): one search of it
    // per id of a 1,000-paper link was their product, 10⁹ comparisons for a million ids, a frozen tab.
    const saved = counted(Array.from({ length: 5_000 }, (_, index) => `s-${index}`));
    const link = counted(Array.from({ length: READING_LIST_LIMIT }, (_, index) => `n-${index}`));
    expect(idsToAdd(saved.list, link.list)).toEqual({ fitting: [], overLimit: Array.from(link.list) });
    expect(saved.reads()).toBeLessThanOrEqual(5_000);
    expect(link.reads()).toBeLessThanOrEqual(2 * READING_LIST_LIMIT); // its own reading, and toEqual's
  });
});

/** What a stored text holds when it is a JSON array (an independent reading of the rule). */
function safeArray(text: string | null): unknown[] {
  try {
    const value: unknown = JSON.parse(text ?? 'null');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

describe('share links', () => {
  it('carry a list through the fragment unchanged', () => {
    const ids = ['2306.13575', 'math-0309136', 'attention-sinks', '1.2.3'];
    const fragment = shareFragment(ids);
    expect(fragment).toBe('papers=2306.13575,math-0309136,attention-sinks,1.2.3');
    expect(idsFromFragment(`#${fragment}`)).toEqual({ ids, rejected: 0, overLimit: 0 });
  });

  it('read commas written %2C and spaces around ids as the separators they are (no id holds either)', () => {
    const ids = ['2306.13575', 'math-0309136', 'attention-sinks'];
    // As a mail or chat program may pass the link on: its commas encoded, once or with spaces.
    expect(idsFromFragment(`#papers=${encodeURIComponent(ids.join(','))}`)).toEqual({ ids, rejected: 0, overLimit: 0 });
    expect(idsFromFragment('#papers=2306.13575%2c%20math-0309136, attention-sinks%20')).toEqual({
      ids,
      rejected: 0,
      overLimit: 0,
    });
    // Encoded twice, the comma is the text "%2C", which no id holds: the link names no paper.
    expect(idsFromFragment(`#papers=${encodeURIComponent(encodeURIComponent(ids.join(',')))}`)).toBeUndefined();
    expect(idsFromFragment(`#papers=x%2C${encodeURIComponent(encodeURIComponent(ids.join(',')))}`)).toEqual({
      ids: ['x'],
      rejected: 1,
      overLimit: 0,
    });
  });

  it('read a hostile fragment as the paper ids it holds, without throwing', () => {
    expect(idsFromFragment('')).toBeUndefined();
    expect(idsFromFragment('#main')).toBeUndefined();
    // A link that names no paper id is no reading list (cut short, or mangled): not "0 papers".
    for (const empty of ['#papers=', 'papers=', '#papers=,', '#papers=%20,%2C,%20%20', '#papers=%zz,%3Cb%3E']) {
      expect(idsFromFragment(empty), empty).toBeUndefined();
    }
    expect(idsFromFragment('#papers=%zz,%3Cb%3E,,2306.13575,2306.13575')).toEqual({
      ids: ['2306.13575'],
      rejected: 2,
      overLimit: 0,
    });
    for (const value of hostile) {
      // Undefined for a value that names no paper id.
      const result = idsFromFragment(`#papers=${value}`);
      for (const id of result?.ids ?? []) expect(isPaperId(id)).toBe(true);
      // A lone surrogate has no URL encoding (encodeURIComponent throws): only the raw form above.
      if (!value.isWellFormed()) continue;
      const encoded = idsFromFragment(`#papers=${encodeURIComponent(value)}`)?.ids ?? [];
      // Encoded, a value is read as the text it is; its commas, though, separate ids (above).
      if (value.includes(',')) for (const id of encoded) expect(value).toContain(id);
      else expect(encoded).toEqual(isPaperId(value.trim()) ? [value.trim()] : []);
    }
  });
});

describe('what a shared link makes the page fetch', () => {
  it('is only the digest’s own data files, whatever the fragment holds', () => {
    const urls = createUrls({ base: '/sub/', site: 'https://digest.example' });
    const fragments = [
      ...unicodeStrings(33, 400),
      ...hostile.slice(0, 400),
      '..,.,%2e%2e,%2E%2E%2Fetc,a%2Fb,a/b,..%2F..%2Fpagefind%2Fpagefind,%5c..,//evil.example,https:%2F%2Fevil.example',
      Array.from({ length: 5000 }, (_, index) => (index % 2 ? `p-${index}` : '%2e%2e')).join(','),
      'ä,ａ,𝟎,٣,İ,ı,K,ß', // non-ASCII that case-folds or reads as ASCII letters and digits
    ];
    for (const fragment of fragments) {
      for (const hash of [
        `#papers=${fragment}`,
        `#papers=${fragment.isWellFormed() ? encodeURIComponent(fragment) : ''}`,
      ]) {
        const found = idsFromFragment(hash);
        expect((found?.ids.length ?? 0) <= READING_LIST_LIMIT).toBe(true);
        for (const id of found?.ids ?? []) {
          expect(isPaperId(id), JSON.stringify(id)).toBe(true);
          for (const path of [urls.paperJson(id), urls.paperBib(id)]) {
            const url = new URL(path, 'https://digest.example/sub/saved/');
            expect(url.origin).toBe('https://digest.example');
            expect(url.pathname, JSON.stringify(id)).toBe(
              `/sub/papers/${id}.${path.endsWith('.bib') ? 'bib' : 'json'}`,
            );
            expect(url.search + url.hash).toBe('');
          }
        }
      }
    }
  });
});

describe('paper summaries fetched from /papers/<id>.json', () => {
  const good = { id: 'a', title: 'T', authors: ['X'], otherAuthors: 0, date: '2025-02-03', url: '/papers/a/' };

  it('are taken only with the right shape, for the paper asked for', () => {
    expect(summaryOf(good, 'a')).toEqual(good);
    expect(summaryOf({ ...good, otherAuthors: 4990 }, 'a')).toEqual({ ...good, otherAuthors: 4990 });
    expect(summaryOf(good, 'b')).toBeUndefined();
    // A summary written before the count (a browser's cached copy) has every name and no count.
    const { otherAuthors: _, ...older } = good;
    expect(summaryOf(older, 'a')).toEqual(good);
    for (const bad of [
      null,
      'a',
      [],
      { ...good, title: 1 },
      { ...good, authors: [1] },
      { ...good, otherAuthors: -1 },
      { ...good, otherAuthors: 1.5 },
      { ...good, otherAuthors: '3' },
      { ...good, date: '2025-02-30' },
    ]) {
      expect(summaryOf(bad, 'a')).toBeUndefined();
    }
  });
});

describe('a paper’s summary, /papers/<id>.json', () => {
  // Author lists of every length around the cut, up to the schema's 10,000 names of 200 characters
  // (of letters whose JSON is longest: `<` and `&` are written `\u003c`), and hostile names.
  const names = hostileNames(37, 400);
  const lists: string[][] = [
    ...[1, AUTHORS_BEFORE_CUT, LISTED_AUTHORS, LISTED_AUTHORS + 1, 400].map((count) => names.slice(0, count)),
    Array.from({ length: 10_000 }, (_, index) => `${index} ${'王<&'.repeat(66)}`.slice(0, 200)),
    Array.from({ length: 5_000 }, (_, index) => `Member ${index} of the Collaboration`),
  ];
  const paper = (authors: string[]) => ({
    id: 'p',
    title: 'T'.repeat(300),
    authors,
    date: '2025-02-03',
    url: '/papers/p/',
  });

  it('names the authors /saved/ shows, and says how many more, as every list of papers does', () => {
    for (const authors of lists) {
      const summary = summaryOf(JSON.parse(encodeJson(paperSummary(paper(authors)))), 'p')!;
      const { shown, others } = shortAuthorList(authors);
      expect(summaryAuthorLine(summary)).toEqual({ names: shown.map(({ name }) => name), others });
      // A summary of an older build, with every name, shows the same line.
      expect(summaryAuthorLine({ ...summary, authors, otherAuthors: 0 })).toEqual(summaryAuthorLine(summary));
    }
  });

  it('stays a few KB however many authors the paper has (it held every name: 2 MB at 10,000)', () => {
    for (const authors of lists) {
      // The title's 300 characters and LISTED_AUTHORS names of at most 200, each escaped at most
      // six characters a letter, and room for the keys.
      const bytes = Buffer.byteLength(encodeJson(paperSummary(paper(authors))));
      expect(bytes).toBeLessThanOrEqual(6 * (300 + LISTED_AUTHORS * 200) + 200);
    }
  });
});

describe('the .bib download', () => {
  it('is named after the reader’s day', () => {
    expect(bibFileName(new Date(2026, 0, 5, 23, 59))).toBe('reading-list-2026-01-05.bib');
  });

  // Papers of hostile titles, names and venues, with and without an arXiv id, a venue and a year.
  const names = hostileNames(31, 600);
  const papers: CitablePaper[] = hostileStrings(32, 300).map((title, index) => ({
    id: `p-${index}`,
    data: {
      title: title.trim() || 'T',
      authors: [...names.slice(index * 2, index * 2 + 1 + (index % 2)).filter((name) => name.trim()), 'Ada Lovelace'],
      date: '2025-06-06',
      ...(index % 3 === 0 && { arxiv: `2501.${String(10000 + index)}` }),
      ...(index % 4 === 1 && { venue: `${hostile[index]!} 2024` }),
      ...(index % 5 !== 2 && { published: '2025-01-02' }),
    },
  }));
  const keys = assignCitationKeys(papers);
  const entries = papers.map((paper) => bibtexEntry(paper, keys.get(paper.id)!));

  it('takes every entry the build writes, and is byte for byte the file the build makes of them', () => {
    for (const entry of entries) expect(isBibtexEntry(entry), entry).toBe(true);
    for (let size = 0; size < 40; size += 7) {
      const some = entries.slice(size, size * 2 + 1);
      expect(readingListBib(some)).toEqual({ file: bibtexFile(some), written: some.length, lost: 0 });
    }
  });

  it('leaves out and counts what is not one entry: a failed fetch, a host’s page for a missing file, a mangled entry', () => {
    const entry = entries[0]!;
    const notEntries = [
      '',
      '<!DOCTYPE html><html><head><style>@media print{a{}}</style></head><body>Not found</body></html>\n',
      `${entry}${entries[1]!}`, // two entries
      `${entry}@comment{x}\n`,
      entry.slice(0, -3), // cut short
      entry.replace(/\n/g, '\r\n'),
      entry.replace('{', '{ü'),
      `%${entry}`,
      `@misc{a,\n  title = {x},\n  note = {y}\n}\n@misc{b,\n  title = {z}\n}\n`,
      ...hostile.slice(0, 50),
    ];
    for (const text of notEntries) expect(isBibtexEntry(text), JSON.stringify(text)).toBe(false);
    const fetched = [entries[2], undefined, ...notEntries, entries[3]];
    expect(readingListBib(fetched)).toEqual({
      file: bibtexFile([entries[2]!, entries[3]!]),
      written: 2,
      lost: notEntries.length + 1,
    });
  });
});

describe('titles as plain text', () => {
  it('write title math as Unicode text and keep the rest as it is', () => {
    expect(titleText('Bounds in $O(n^2)$ time & <b>')).toBe('Bounds in O(n^2) time & <b>');
    expect(titleText('Learning on $\\mathbb{R}^n$ with $\\alpha$-nets')).toBe('Learning on ℝ^n with α-nets');
    expect(titleText('A price of $5 and $6')).toBe('A price of $5 and $6');
  });
});
