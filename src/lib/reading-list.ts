import { isPaperId } from '../content/paper-id.ts';
import { shortAuthorList } from './author-list.ts';
import { isCalendarDate } from './dates.ts';
import { isBibtexEntry, joinedEntries, type EntryType } from './encode/bibtex-file.ts';

/**
 * The reading list's rules, shared by the build (the per-paper JSON) and the browser (the Save
 * toggles and /saved/). Everything that comes from the browser (localStorage, a shared link's
 * fragment, a fetched file) is untrusted: ids are kept only if they are paper ids by the site's
 * one grammar (src/content/paper-id.ts), once each, and at most READING_LIST_LIMIT of them.
 */

/** The most papers a reading list (or a shared link) holds. */
export const READING_LIST_LIMIT = 1000;

/**
 * Papers /saved/ asks for at a time: a shared link of 1,000 ids must not send 1,000 requests at
 * once (the browser would queue them all, and a Remove or a second render would wait behind them).
 */
export const PARALLEL_REQUESTS = 6;

/** A paper as /saved/ shows it: `/papers/<id>.json`. The title is plain text (math as Unicode). */
export interface PaperSummary {
  id: string;
  title: string;
  /** The names /saved/ shows (shortAuthorList: all of a short list, else the first few). */
  authors: string[];
  /** How many more authors the paper has: /saved/ says "and 4,990 others". */
  otherAuthors: number;
  /** The digest day, YYYY-MM-DD. */
  date: string;
  /** The paper's page, with the site's base path. */
  url: string;
  /**
   * What a reference manager needs of it, for the RIS download (CitedFacts as the build writes
   * them; absent in an older build's file). Unread until a download checks it (citedFactsOf).
   */
  cite?: unknown;
}

/**
 * A paper's citation facts (citedFacts, src/lib/citation.ts, made at build time), from which /saved/
 * writes its RIS record in the browser: no file more per paper.
 */
export interface CitedFacts {
  /** The BibTeX entry's type: a preprint (`misc`), a conference paper, a journal article. */
  kind: EntryType;
  /** The first CITED_FACTS_AUTHORS authors, `Family, Given, Suffix` as citation_author names them. */
  authors: string[];
  /** How many authors are not in `authors`. */
  moreAuthors: number;
  /** The date the .bib cites: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  venue?: string;
  /** The arXiv id as arXiv cites it (`2306.13575`, `math/0309136`). */
  arxiv?: string;
  /** arXiv's DOI. */
  doi?: string;
  /** Where the paper is: its arXiv page, else its PDF or project page. */
  url?: string;
}

/**
 * The summary of a paper for `/papers/<id>.json`: only the names /saved/ shows and how many more,
 * as every list of papers names a paper's authors (src/lib/author-list.ts). With every name, a
 * collaboration's summary grew with its author list (5,000 names: 115 KB, 10,000 long ones: 2 MB)
 * for a list that shows eight of them; shortened, each summary stays under a few KB.
 */
export function paperSummary(paper: Omit<PaperSummary, 'otherAuthors' | 'cite'> & { cite?: CitedFacts }): PaperSummary {
  const { shown, others } = shortAuthorList(paper.authors);
  const { id, title, date, url, cite } = paper;
  return { id, title, authors: shown.map(({ name }) => name), otherAuthors: others, date, url, ...(cite && { cite }) };
}

/**
 * The author line /saved/ shows of a summary: its names and how many others. A summary of an
 * older build holds every name (and no count): shortened here as the build now shortens them.
 */
export function summaryAuthorLine({ authors, otherAuthors }: PaperSummary): { names: string[]; others: number } {
  const { shown, others } = shortAuthorList(authors);
  return { names: shown.map(({ name }) => name), others: others + otherAuthors };
}

/** Ids from any list of values: paper ids only, the first occurrence of each, at most `limit`. */
export function paperIds(
  values: readonly unknown[],
  limit = READING_LIST_LIMIT,
): { ids: string[]; rejected: number; overLimit: number } {
  const ids = new Set<string>();
  let rejected = 0;
  let overLimit = 0;
  for (const value of values) {
    if (typeof value !== 'string' || !isPaperId(value)) rejected++;
    else if (ids.has(value)) continue;
    else if (ids.size >= limit) overLimit++;
    else ids.add(value);
  }
  return { ids: [...ids], rejected, overLimit };
}

/** A stored reading list: the ids a list shows, and any saved beyond the limit. */
export interface StoredList {
  /** At most READING_LIST_LIMIT ids, newest saved first: what /saved/ shows, shares and downloads. */
  ids: string[];
  /**
   * Paper ids stored after the first READING_LIST_LIMIT (saved longest ago): a list written by
   * another version or script can hold more than this one saves. They are kept, so that a Remove
   * does not drop them unseen, and said to be there; each comes into view as others are removed.
   */
  beyondLimit: string[];
}

/**
 * What saving `ids` adds to a list that holds `saved`: the paper ids among them not yet saved, once
 * each, as many as READING_LIST_LIMIT leaves room for (`fitting`, to go before `saved`), and the
 * rest (`overLimit`). Saved ids are looked up in a Set, not searched for one by one: a stored list
 * may hold any number of ids (another script's, or tampered), and a shared link adds up to
 * READING_LIST_LIMIT at once: searching the list for each would take their product.
 */
export function idsToAdd(saved: readonly string[], ids: readonly string[]): { fitting: string[]; overLimit: string[] } {
  const known = new Set(saved);
  const fresh: string[] = [];
  for (const id of ids) {
    if (!isPaperId(id) || known.has(id)) continue;
    known.add(id);
    fresh.push(id);
  }
  const room = Math.max(0, READING_LIST_LIMIT - saved.length);
  return { fitting: fresh.slice(0, room), overLimit: fresh.slice(room) };
}

/** The ids a stored list holds (JSON array of ids, newest saved first); anything else holds none. */
export function parseStoredList(text: string | null): StoredList {
  let value: unknown;
  try {
    value = text === null ? [] : JSON.parse(text);
  } catch {
    value = [];
  }
  const ids = Array.isArray(value) ? paperIds(value, Number.POSITIVE_INFINITY).ids : [];
  return { ids: ids.slice(0, READING_LIST_LIMIT), beyondLimit: ids.slice(READING_LIST_LIMIT) };
}

const FRAGMENT_KEY = 'papers=';

/** The URL fragment (without `#`) that carries a list: `papers=<id>,<id>`, each id URL-encoded. */
export function shareFragment(ids: readonly string[]): string {
  return FRAGMENT_KEY + ids.map(encodeURIComponent).join(',');
}

/**
 * The ids a shared link's fragment carries (`#papers=…`), checked like any untrusted ids;
 * undefined when the fragment carries no list: another key, or `papers=` followed by no paper id
 * at all (nothing, a link cut short, or mangled), which /saved/ says is no list rather than
 * "0 papers". `rejected` counts the parts that are not paper ids.
 */
export function idsFromFragment(hash: string): ReturnType<typeof paperIds> | undefined {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(FRAGMENT_KEY)) return undefined;
  const parts = fragment
    .slice(FRAGMENT_KEY.length)
    .split(',')
    .flatMap((part) => {
      let text: string;
      try {
        text = decodeURIComponent(part);
      } catch {
        return [undefined]; // a malformed escape (`%zz`): not an id
      }
      // No id holds a comma or a space: a comma written %2C (mail and chat programs encode them)
      // still separates ids, and spaces around an id (a hand-edited link) are not part of it.
      return text.split(',').map((id) => id.trim());
    })
    .filter((part) => part !== '');
  const found = paperIds(parts);
  return found.ids.length === 0 ? undefined : found;
}

/** A fetched `/papers/<id>.json` as a summary, if it has the shape and is the paper asked for. */
export function summaryOf(value: unknown, id: string): PaperSummary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { title, authors, otherAuthors = 0, date, url } = value as Record<string, unknown>;
  const valid =
    (value as Record<string, unknown>).id === id &&
    typeof title === 'string' &&
    Array.isArray(authors) &&
    authors.every((author) => typeof author === 'string') &&
    // Absent in a summary written before the names were shortened (a browser's cached copy).
    Number.isSafeInteger(otherAuthors) &&
    (otherAuthors as number) >= 0 &&
    typeof date === 'string' &&
    isCalendarDate(date) &&
    typeof url === 'string';
  if (!valid) return undefined;
  // Read when a paper is exported (citedFactsOf, reading-list-ris.ts), not to show it.
  const { cite } = value as Record<string, unknown>;
  return { id, title, authors, otherAuthors: otherAuthors as number, date, url, ...(cite !== undefined && { cite }) };
}

/** The name of a reading list's download: `reading-list-YYYY-MM-DD.<extension>` (the reader's day). */
export function downloadName(now: Date, extension: string): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `reading-list-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/** The name of a reading list's BibTeX download: `reading-list-YYYY-MM-DD.bib` (the reader's day). */
export function bibFileName(now: Date): string {
  return downloadName(now, 'bib');
}

/**
 * The reading list's BibTeX download, from the text of each paper's `/papers/<id>.bib` as fetched
 * (undefined where the fetch failed): the texts that are one entry as the build writes it
 * (isBibtexEntry; a host's page for a missing file may come back as 200), joined as the build joins
 * entries (joinedEntries), so the file is byte for byte the build's file of those entries.
 */
export function readingListBib(texts: readonly (string | undefined)[]): {
  file: string;
  written: number;
  lost: number;
} {
  const entries = texts.filter((text): text is string => text !== undefined && isBibtexEntry(text));
  return { file: joinedEntries(entries), written: entries.length, lost: texts.length - entries.length };
}
