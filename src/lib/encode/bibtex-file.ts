/**
 * How `.bib` entries become one file: the build's files of several papers (a day's, a topic's, an
 * author's: bibtexFile in src/lib/bibtex.ts) and the reading list's download, which /saved/ makes
 * in the browser from each paper's own `/papers/<id>.bib`. One joiner for both, so the download
 * is byte for byte the file the build would write of those entries. Apart from bibtex.ts, which
 * writes the entries, so that the browser loads this and not the LaTeX tables.
 */

/**
 * The entry types and keys bibtexEntry writes, and so the only ones a fetched entry may have: one
 * list for the writer and for isBibtexEntry, so that a type or key the writer starts to use is not
 * left out of reading lists' downloads as "could not be loaded".
 */
export const ENTRY_TYPES = ['misc', 'inproceedings', 'article'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
/** A key no BibTeX reader splits or misreads: ASCII letters and digits, then also `:_.-`. */
export const BIBTEX_KEY = /^[A-Za-z0-9][A-Za-z0-9:_.-]*$/;

/**
 * One entry as bibtexEntry writes it (src/lib/bibtex.ts): `@type{key,`, one `name = value` field a
 * line, `}` and a line end, printable ASCII only (the encoder writes every other character as
 * LaTeX). A fetched `.bib` that is not this (a host's page for a missing file served as 200, a
 * proxy's error page, two entries, an entry cut short) is not put into a reader's file, where its
 * text would be read by BibTeX and LaTeX.
 */
const ENTRY = new RegExp(
  `^@(?:${ENTRY_TYPES.join('|')})\\{${BIBTEX_KEY.source.slice(1, -1)},\\n` +
    '(?: {2}[A-Za-z]+ *= [\\x20-\\x7E]+,\\n)* {2}[A-Za-z]+ *= [\\x20-\\x7E]+\\n\\}\\n$',
);

export function isBibtexEntry(text: string): boolean {
  return ENTRY.test(text);
}

/** Entries (each ending in a line end) one blank line apart. */
export function joinedEntries(entries: readonly string[]): string {
  return entries.join('\n');
}
