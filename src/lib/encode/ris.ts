/**
 * RIS, the tagged format Zotero, EndNote, Mendeley, Papers and Reference Manager import: the one
 * writer of it (the reading list's download, /saved/). A record is lines `XX  - value` (a capital,
 * a capital or digit, two spaces, a hyphen, a space), `TY  - ` first and `ER  - ` last, each line
 * ending in CR LF as the specification asks (Zotero writes the same).
 *
 * The encoder is total: a value is text on one line whatever it holds. Readers start a new line
 * at CR, LF, CR LF and, depending on the program, at a vertical tab, a form feed, NEL (U+0085) or
 * the line and paragraph separators (U+2028, U+2029); a line that then starts with two capitals
 * and `  - ` is a tag of its own, and a reader joins any other line to the value before it. So every
 * control character and line or paragraph separator becomes a space, runs of spaces become one,
 * and a value left empty writes no line: no value can end its line, start a tag or a record, or
 * end one early. Lone surrogates (no UTF-8 has them) become U+FFFD.
 *
 * Limits of the specification (RIS Format Specifications, Research Information Systems): an
 * author at most 255 characters, and no asterisk in an author's name or a periodical's name (the
 * characters past 255 and the asterisks are left out). Titles, abstracts and notes have no limit
 * and are written on one line each, which is allowed (a line may, not must, be broken at 70
 * characters; readers join such lines with or without a space, so one line reads back exactly).
 */

/** The record types this digest writes: a preprint or report, a conference paper, a journal article. */
export const RIS_TYPES = ['RPRT', 'CONF', 'JOUR'] as const;
export type RisType = (typeof RIS_TYPES)[number];

/** A tag: a capital, then a capital or a digit. */
const TAG = /^[A-Z][A-Z0-9]$/;

/** Tags whose value is a name, which the specification limits to 255 characters without `*`. */
const NAME_TAGS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'ED']);
/** Tags whose value is a periodical's or a meeting's name, which the specification keeps free of `*`. */
const PERIODICAL_TAGS = new Set(['T2', 'JO', 'JF', 'JA', 'J2']);
/** The longest author a reader takes (the specification's limit for each author line). */
export const RIS_NAME_LENGTH = 255;

/** What ends a line in some reader, and every other control character: a space in a value. */
const LINE_ENDS_AND_CONTROLS = /[\p{Cc}\u2028\u2029]/gu;

/** The line end the specification asks for. */
export const RIS_LINE_END = '\r\n';

/** A value as one line of text for its tag (see the module comment); '' when nothing is left. */
export function risValue(tag: string, value: string): string {
  let text = value.toWellFormed().replace(LINE_ENDS_AND_CONTROLS, ' ');
  if (NAME_TAGS.has(tag) || PERIODICAL_TAGS.has(tag)) text = text.replace(/\*/g, ' ');
  text = text.replace(/ {2,}/g, ' ').trim();
  if (NAME_TAGS.has(tag)) text = [...text].slice(0, RIS_NAME_LENGTH).join('').trim();
  return text;
}

/**
 * One record: `TY  - type`, a line for each field whose value is not empty (risValue), in the order
 * given, and `ER  - `. A tag that is not two characters of the tag grammar, or is TY or ER, is a
 * programming error, not data: it throws.
 */
export function risRecord(type: RisType, fields: readonly (readonly [tag: string, value: string])[]): string {
  if (!RIS_TYPES.includes(type)) throw new Error(`Not an RIS type this digest writes: ${type}`);
  const lines = [`TY  - ${type}`];
  for (const [tag, value] of fields) {
    if (!TAG.test(tag) || tag === 'TY' || tag === 'ER') throw new Error(`Not an RIS field tag: ${tag}`);
    const text = risValue(tag, value);
    if (text !== '') lines.push(`${tag}  - ${text}`);
  }
  lines.push('ER  - ');
  return lines.map((line) => line + RIS_LINE_END).join('');
}

/**
 * A file of records, one after another (the specification puts no blank line between them),
 * after a UTF-8 byte order mark: EndNote reads a file without one in the system's code page, and
 * Zotero's UTF-8 export writes one (readers skip it as white space before `TY`).
 */
export function risFile(records: readonly string[]): string {
  return `\uFEFF${records.join('')}`;
}

/** The media type of RIS files. */
export const RIS_CONTENT_TYPE = 'application/x-research-info-systems';
