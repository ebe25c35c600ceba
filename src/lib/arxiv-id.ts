/**
 * The one home of arXiv identifiers: their grammar, their canonical form, the year and month they
 * carry, and the links to a paper on arXiv. The schema, the content check, `new-paper`, pages,
 * feeds, BibTeX and citation metadata all ask this module; none of them parses an id itself.
 *
 * Grammar (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style, from April 2007: `YYMM.NNNN` (to December 2014) or `YYMM.NNNNN` (from January 2015);
 * - old style, August 1991 (9108, hep-th/9108001 the first) to March 2007: `archive/YYMMNNN`, e.g. `hep-th/9901001`. It is
 *   often written with the paper's subject class, `math.GT/0309136`, but the subject class is not
 *   part of the id: `math.GT/0309136` and `math/0309136` are the same paper, and the canonical form
 *   drops it.
 * - arXiv numbers a month's papers from 1 (`0001`, `00001`, `001`): a number of zeros only is no paper's.
 *
 * A new-style id also has to be one arXiv could have given by now: its month not after the month
 * it is now (UTC, with a day's slack, as a digest date has: latestIdMonth). `9912.12345` follows
 * the grammar but reads as December 2099.
 */

import { formatMonth, latestDigestDate } from './dates.ts';

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})$/;
/** The first month of arXiv's (old-style) ids, `YYMM`: no id is of an earlier month. */
const FIRST_ID_MONTH = '9108';
const OLD_ID = /^([a-z]+(?:-[a-z]+)*)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})$/;

export interface ArxivId {
  /** The id as arXiv itself writes it: old-style ids without the subject class. */
  canonical: string;
  /** The year and month the id was assigned (its first version's), e.g. `2023-06`. */
  yearMonth: string;
  /** For an old-style id written with its subject class, that class (`math.GT`); else the archive. */
  primaryClass?: string;
}

/**
 * Reads an id written without a version. Returns a reason (a sentence fragment that completes
 * "is not a valid arXiv id: …") instead of an id when it does not follow the grammar above, or
 * is one arXiv could not have given by `now` (the clock, unless a caller gives another; `null` for
 * none: the build reads no clock, and an id read again after it was checked, to link or compare it,
 * is not judged by it again).
 */
export function parseArxivId(id: string, now: Date | null = new Date()): { id: ArxivId } | { reason: string } {
  const modern = NEW_ID.exec(id);
  if (modern) {
    const [, yy = '', mm = '', number = ''] = modern;
    const year = Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return { reason: `${yy}${mm} is not a year and month (YYMM)` };
    if (year < 7 || (year === 7 && month < 4)) {
      return {
        reason: `new-style ids (YYMM.NNNNN) start in April 2007 (0704); older papers have ids like hep-th/9901001`,
      };
    }
    const latest = now === null ? undefined : latestIdMonth(now);
    if (latest !== undefined && `20${yy}-${mm}` > latest) {
      // `9912.…` is most likely a paper of December 1999, whose id is old-style.
      const older =
        year < 91
          ? ''
          : `${yy}${mm}` < FIRST_ID_MONTH
            ? `; arXiv had no paper in ${formatMonth(1900 + year, month)}: ${beforeArxiv}`
            : `; a paper of ${formatMonth(1900 + year, month)} has an old-style id, such as hep-th/${yy}${mm}001`;
      const latestMonth = formatMonth(Number(latest.slice(0, 4)), Number(latest.slice(5)));
      return {
        reason: `${yy}${mm} reads as ${formatMonth(2000 + year, month)}, a month still to come (ids go up to ${latestMonth} now): its first four digits are the year and month arXiv numbered the paper in${older}`,
      };
    }
    // Four-digit numbers were used until December 2014, five-digit ones from January 2015.
    if ((number.length === 5) !== year >= 15) {
      return { reason: `ids from ${yy}${mm} have ${year >= 15 ? 'five' : 'four'} digits after the dot` };
    }
    if (/^0+$/.test(number)) return { reason: numberedZero(number, `${yy}${mm}.${number.slice(1)}1`) };
    return { id: { canonical: id, yearMonth: `20${yy}-${mm}` } };
  }
  const old = OLD_ID.exec(id);
  if (old) {
    const [, archive = '', subject = '', yy = '', mm = ''] = old;
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return { reason: `${yy}${mm} is not a year and month (YYMM)` };
    if (year > 2007 || (year === 2007 && month > 3)) {
      return { reason: 'old-style ids (archive/YYMMNNN) end in March 2007; later papers have ids like 2306.13575' };
    }
    if (year < 2000 && `${yy}${mm}` < FIRST_ID_MONTH) {
      return { reason: `${yy}${mm} reads as ${formatMonth(year, month)}, before arXiv's first papers: ${beforeArxiv}` };
    }
    const number = id.slice(-3);
    if (number === '000') return { reason: numberedZero(number, `${id.slice(0, -3)}001`) };
    return {
      id: {
        canonical: `${archive}/${id.slice(id.indexOf('/') + 1)}`,
        yearMonth: `${year}-${mm}`,
        primaryClass: archive + subject,
      },
    };
  }
  return {
    reason: 'write it as arXiv numbers papers, without version or prefix, e.g. "2306.13575" or "math.GT/0309136"',
  };
}

/** What to write for an id of a month before arXiv's first, whatever its style. */
const beforeArxiv = `its ids start in August 1991 (${FIRST_ID_MONTH}, as hep-th/${FIRST_ID_MONTH}001); copy the id from the paper's arXiv page`;

/** Why an id numbered zero (`2401.00000`, `hep-th/9901000`) is no paper's, and the first one of its month. */
function numberedZero(number: string, first: string): string {
  return `no paper is numbered ${number}: arXiv numbers a month's papers from 1 (the first is ${first}); copy the id from the paper's arXiv page`;
}

/**
 * The latest month an id can be of on `now`: the month of the latest digest date (tomorrow, UTC),
 * this month or the next on its last day. arXiv numbers a paper in its own time zone, behind UTC:
 * an id is never of a later month than UTC's. `YYYY-MM`.
 */
export function latestIdMonth(now: Date): string {
  return latestDigestDate(now).slice(0, 7);
}

/** The canonical form of a valid id; throws on an invalid one (the schema refuses those first). */
export function canonicalArxivId(id: string): string {
  return arxivId(id).canonical;
}

/** The canonical form of an id, or undefined when it is not valid: for duplicate detection on scanned files. */
export function canonicalOrUndefined(id: string): string | undefined {
  const parsed = parseArxivId(id, null);
  return 'id' in parsed ? parsed.id.canonical : undefined;
}

export function arxivId(id: string): ArxivId {
  const parsed = parseArxivId(id, null);
  if ('reason' in parsed) throw new Error(`"${id}" is not a valid arXiv id: ${parsed.reason}.`);
  return parsed.id;
}

/** Links to a paper's arXiv pages, always by its canonical id. */
export function arxivLinks(id: string): { abs: string; pdf: string } {
  const { canonical } = arxivId(id);
  return { abs: `https://arxiv.org/abs/${canonical}`, pdf: `https://arxiv.org/pdf/${canonical}` };
}

/**
 * arXiv's DOI for a paper: `10.48550/arXiv.` and its canonical id. arXiv registers one for every
 * paper, old-style ids too, since 2022 (https://info.arxiv.org/help/doi.html: the DOI prefix and the
 * arXiv id, its colon a full stop), read back by arxivIdInText (ARXIV_DOI).
 */
export function arxivDoi(id: string): string {
  return `10.48550/arXiv.${arxivId(id).canonical}`;
}

/** The paper file name for an id: the canonical id, with an old-style id's slash made a hyphen. */
export function arxivFileName(id: string): string {
  return arxivId(id).canonical.replace('/', '-');
}

/**
 * The arXiv id a paper file name stands for, the inverse of {@link arxivFileName}: `2306.13575` for
 * `2306.13575`, `math/0309136` for `math-0309136`; undefined for a slug that names no arXiv id.
 */
export function arxivIdOfFileName(fileId: string): string | undefined {
  const candidate = fileId.replace(/-(\d{7})$/, '/$1');
  const canonical = canonicalOrUndefined(candidate);
  return canonical !== undefined && arxivFileName(canonical) === fileId ? canonical : undefined;
}

// ---- An id in pasted text ----

/**
 * A paper's page at its id: on arXiv (any of its hosts: `arxiv.org`, `export.`, `browse.`,
 * `ar5iv.labs.`), on the sites that show an arXiv paper at its id (ar5iv, alphaXiv, Hugging Face
 * Papers, Semantic Scholar), or a bare `abs/…` or `pdf/…` path (DBLP's `CoRR abs/…`).
 */
const PAPER_ADDRESS =
  /^(?:https?:\/\/)?(?:(?:[a-z0-9-]+\.)*arxiv\.org\/(?:abs|pdf|html|format)|ar5iv\.org\/(?:abs|html)|(?:www\.)?alphaxiv\.org\/(?:abs|overview|pdf)|(?:www\.)?huggingface\.co\/papers|(?:www\.)?semanticscholar\.org\/arxiv|abs|pdf)\/([^?#]+)(?:[?#].*)?$/i;
/** Any address on arXiv: one that is no paper's page gets a reason of its own. */
const ARXIV_ADDRESS = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*arxiv\.org(?:[/?#]|$)/i;
/** arXiv's DOI for a paper, bare or as a link, with or without its scheme: `doi.org/10.48550/arXiv.2306.13575`. */
const ARXIV_DOI = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)?10\.48550\/arxiv\.(.+)$/i;
/** Other references' names for arXiv before an id: natbib's `arXiv preprint`, DBLP's `CoRR`, ADS's `arXiv e-prints,`. */
const REFERENCE_NAME = /^(?:arxiv\s+preprint|corr|arxiv\s+e-prints,?(?:\s+art\.)?)\s+/i;
/**
 * What arXiv writes after an id in its listings and in the stamp on its PDFs: the class, and in the
 * stamp the date (`arXiv:2306.13575v2 [cs.LG] 12 Jun 2023`). A date without a class is no stamp.
 */
const CLASS_AND_DATE =
  /\s*\[[a-z-]+(?:\.[a-z-]+)?\](?:\s+\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d)?$/i;
/** A reference's year after the id: `arXiv:2306.13575, 2023`, `arXiv:2306.13575 (2023).` */
const CITED_YEAR_AFTER = /(?:,\s*|\s+\(\s*)(?:19|20)\d\d\s*\)?\.?$/;
/** `arXiv:` before an id, `arXiv.` as its DOI ends (`arXiv.2306.13575`), or `arXiv` and a space. */
const ARXIV_PREFIX = /^arxiv(?:\s*:\s*|\.(?=\d)|\s+)/i;
const VERSION = /v([1-9]\d{0,2})$/i;
/** Shaped like an id, though not a valid one: it gets the grammar's reason. */
const ID_SHAPED = /^\d{4}\.\d+$|^[a-z-]+(?:\.[A-Z]{2})?\/\d+$/;

/**
 * A Markdown link, as curators paste one from their notes (`[2306.13575](https://arxiv.org/abs/…)`,
 * `[A title](<https://arxiv.org/abs/…v2> "arXiv")`): its text (up to the last `](`) and its address.
 */
const MARKDOWN_LINK = /^\[(.*)\]\(\s*(?:<([^<>\n]*)>|([^\s<>]+?))(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)$/su;
/**
 * The longest text read as such a link: an address (at most 500 characters, LIMITS.url) and a title
 * (300) with room to spare. The pattern's text runs to the last `](`, which costs time quadratic in
 * the length on text with many of them (a long paste in the search box: 650 ms at 48 KB).
 */
const MARKDOWN_LINK_LENGTH = 2_000;

/** What arxivIdInText read: an id, or why there is none. */
export type PastedArxivId =
  | { id: string; version?: number }
  | { problem: 'invalid'; written: string; reason: string }
  | { problem: 'not a paper page' }
  | { problem: 'two ids'; ids: [string, string] }
  | { problem: 'no id' };

/**
 * The one reading of an arXiv id pasted as people copy it, for `new-paper` and the search:
 * `2306.13575`, `2306.13575v2`, `arXiv:2306.13575`, a paper's page on arXiv or a site that shows
 * it at its id (`https://arxiv.org/pdf/2306.13575v1.pdf`, `browse.arxiv.org/abs/…`,
 * `huggingface.co/papers/…`), arXiv's DOI or its doi.org link (`doi.org/10.48550/arXiv.…`), the
 * stamp in a PDF's margin (`arXiv:2306.13575v2 [cs.LG] 5 Oct 2023`), a reference's forms
 * (`arXiv preprint arXiv:…, 2023`, `CoRR abs/…`), a downloaded file's name (`2306.13575v2.pdf`), an
 * old-style id (`math.GT/0309136`); in quotes or brackets, with a sentence's punctuation, spaces
 * inside (`2306. 13575`, `2306.13575 v2`), invisible or full-width characters. The id comes back as
 * written but in arXiv's case (`hep-th`, `math.GT`, its subject class kept), with its version.
 */
export function arxivIdInText(text: string, now: Date | null = new Date()): PastedArxivId {
  // Zero-width characters and a BOM come with text copied from web pages and PDFs; full-width
  // letters and colon (`ａｒＸｉｖ：`) with text in Chinese or Japanese.
  const visible = text.replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '').normalize('NFKC');
  const link = visible.length <= MARKDOWN_LINK_LENGTH ? MARKDOWN_LINK.exec(visible.trim()) : null;
  if (link) return idOfLink(arxivIdInText(link[1]!, now), arxivIdInText(link[2] ?? link[3]!, now));
  let candidate = withoutSurroundings(visible);
  const doi = ARXIV_DOI.exec(candidate);
  const address = doi ? undefined : PAPER_ADDRESS.exec(candidate);
  if (doi) candidate = withoutSurroundings(doi[1]!);
  else if (address) {
    try {
      candidate = withoutSurroundings(decodeURIComponent(address[1]!).replace(/\/+$/, ''));
    } catch {
      return { problem: 'no id' };
    }
  } else if (ARXIV_ADDRESS.test(candidate)) return { problem: 'not a paper page' };
  // An id holds no space: `2306. 13575` or `2306.13575 v2` is one broken across a line or a gap.
  candidate = candidate.replace(/\s+/g, '').replace(/\.pdf$/i, '');
  let version: number | undefined;
  const versionMatch = VERSION.exec(candidate);
  if (versionMatch) {
    version = Number(versionMatch[1]);
    candidate = candidate.slice(0, versionMatch.index);
  }
  // arXiv writes an archive in lower case and a subject class in capitals (`math.GT/0309136`).
  candidate = candidate.replace(
    /^([a-z]+(?:-[a-z]+)*)(?:\.([a-z]{2}))?(?=\/)/i,
    (_match, archive: string, subject?: string) => archive.toLowerCase() + (subject ? `.${subject.toUpperCase()}` : ''),
  );
  const parsed = parseArxivId(candidate, now);
  if ('id' in parsed) return version === undefined ? { id: candidate } : { id: candidate, version };
  return ID_SHAPED.test(candidate)
    ? { problem: 'invalid', written: candidate, reason: parsed.reason }
    : { problem: 'no id' };
}

/**
 * The id of a Markdown link, from what its text and its address read: the address's (a title as the
 * text), the text's (`[2306.13575](https://notes.example/…)`), the one both name, or, when they name
 * two papers or two versions, neither. An address on arXiv that is no paper's page, or an id of
 * arXiv's shape that is no id, says so, as written alone.
 */
function idOfLink(text: PastedArxivId, address: PastedArxivId): PastedArxivId {
  if ('id' in text && 'id' in address) {
    if (!sameArxivReference(text, address))
      return { problem: 'two ids', ids: [writtenArxivId(text), writtenArxivId(address)] };
    return address.version === undefined && text.version !== undefined ? text : address;
  }
  if ('id' in address || address.problem !== 'no id') return address;
  return text;
}

/**
 * Whether two ids read from pasted text name one paper: one id, and one version or a version on
 * one side only (`2306.13575` and `2306.13575v2` agree; `…v1` and `…v2` do not).
 */
export function sameArxivReference(a: { id: string; version?: number }, b: { id: string; version?: number }): boolean {
  return (
    canonicalArxivId(a.id) === canonicalArxivId(b.id) &&
    (a.version === undefined || b.version === undefined || a.version === b.version)
  );
}

/** An id read from pasted text as it is written back to the contributor: `2306.13575v2`. */
export function writtenArxivId(read: { id: string; version?: number }): string {
  return read.id + (read.version === undefined ? '' : `v${read.version}`);
}

/**
 * An id or link without what it was quoted with: a reference's name for arXiv and its year, the
 * `arXiv:` prefix, quotes and brackets, a sentence's punctuation after it, and the class and date
 * arXiv writes after it. None of these characters ends an id or a paper's link.
 */
function withoutSurroundings(text: string): string {
  let previous;
  let rest = text;
  do {
    previous = rest;
    rest = rest
      .trim()
      .replace(REFERENCE_NAME, '')
      .replace(CITED_YEAR_AFTER, '')
      .replace(ARXIV_PREFIX, '')
      .replace(CLASS_AND_DATE, '')
      .replace(/^["'“‘«‹(<[{]+/u, '')
      .replace(/["'”’»›)>\]}.,;:!?]+$/u, '');
  } while (rest !== previous);
  return rest;
}
