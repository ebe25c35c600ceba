import { ENTRY_TYPES, type EntryType } from './encode/bibtex-file.ts';
import { risFile, risRecord, type RisType } from './encode/ris.ts';
import { downloadName, type CitedFacts, type PaperSummary } from './reading-list.ts';

/**
 * The reading list's RIS download (/saved/), apart from reading-list.ts so that the page loads it
 * only when a reader asks for the file: its records are written here, in the browser, from the
 * citation facts of each paper's `/papers/<id>.json`, which the list has already fetched.
 */

/** A fetched summary's `cite` as CitedFacts, if it has their shape (else the paper has none to export). */
export function citedFactsOf(value: unknown): CitedFacts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, authors, moreAuthors, date, venue, arxiv, doi, url } = value as Record<string, unknown>;
  const optional = [date, venue, arxiv, doi, url].every((field) => field === undefined || typeof field === 'string');
  const valid =
    ENTRY_TYPES.includes(kind as EntryType) &&
    Array.isArray(authors) &&
    authors.every((author) => typeof author === 'string') &&
    Number.isSafeInteger(moreAuthors) &&
    (moreAuthors as number) >= 0 &&
    optional;
  return valid ? (value as CitedFacts) : undefined;
}

/** The name of a reading list's RIS download: `reading-list-YYYY-MM-DD.ris` (the reader's day). */
export function risFileName(now: Date): string {
  return downloadName(now, 'ris');
}

/** The RIS type of each BibTeX entry type: a preprint is a report to Zotero, EndNote and Mendeley. */
const RIS_TYPE: Record<EntryType, RisType> = { misc: 'RPRT', inproceedings: 'CONF', article: 'JOUR' };

/**
 * A paper's RIS record (src/lib/encode/ris.ts), from its summary's title and its citation facts;
 * undefined without those (a summary an older build wrote). TI the title as the list shows it (math
 * as Unicode), AU each author family name first (no AB: the abstract would make each saved paper's
 * file several times heavier, see citedFacts), PY the year and DA
 * the date as precisely as known (`YYYY/MM/DD/`, `YYYY/MM//`), T2 a conference's or journal's name
 * (a preprint's venue without a year, as the .bib's note: N1 `Published in …`), PB `arXiv` for an
 * arXiv preprint, UR where the paper is, DO arXiv's DOI and M1 `arXiv:<id>` (Zotero keeps M1 in
 * Extra; RIS's ID holds only capitals and digits, so it is not used). A collaboration's authors past
 * the first CITED_FACTS_AUTHORS are counted in a note.
 */
export function risOfSummary(summary: PaperSummary): string | undefined {
  const cite = citedFactsOf(summary.cite);
  if (!cite) return undefined;
  const type = RIS_TYPE[cite.kind];
  const fields: [string, string][] = [['TI', summary.title]];
  for (const author of cite.authors) fields.push(['AU', author]);
  if (cite.moreAuthors > 0) {
    fields.push([
      'N1',
      `Lists the first ${cite.authors.length.toLocaleString('en')} of ${(cite.authors.length + cite.moreAuthors).toLocaleString('en')} authors.`,
    ]);
  }
  const [year, month, day] = /^\d{4}(?:-\d{2}){0,2}$/.test(cite.date ?? '') ? cite.date!.split('-') : [];
  if (year) fields.push(['PY', year]);
  if (year && month) fields.push(['DA', `${year}/${month}/${day ?? ''}/`]);
  if (cite.venue) fields.push(type === 'RPRT' ? ['N1', `Published in ${cite.venue}`] : ['T2', cite.venue]);
  if (type === 'RPRT' && cite.arxiv) fields.push(['PB', 'arXiv']);
  if (cite.url) fields.push(['UR', cite.url]);
  if (cite.doi) fields.push(['DO', cite.doi]);
  if (cite.arxiv) fields.push(['M1', `arXiv:${cite.arxiv}`]);
  return risRecord(type, fields);
}

/**
 * The reading list's RIS download, from the summaries /saved/ fetched (undefined where none came):
 * a record for each that has its citation facts, in the list's order; `lost` counts the others.
 */
export function readingListRis(summaries: readonly (PaperSummary | undefined)[]): {
  file: string;
  written: number;
  lost: number;
} {
  const records = summaries.flatMap((summary) => {
    const record = summary && risOfSummary(summary);
    return record === undefined ? [] : [record];
  });
  return { file: risFile(records), written: records.length, lost: summaries.length - records.length };
}
