/**
 * The one home of arXiv identifiers: their grammar, their canonical form, the year and month they
 * carry, and the links to a paper on arXiv. The schema, the content check, `new-paper`, pages,
 * feeds, BibTeX and citation metadata all ask this module; none of them parses an id itself.
 *
 * Grammar (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style, from April 2007: `YYMM.NNNN` (to December 2014) or `YYMM.NNNNN` (from January 2015);
 * - old style, 1991 to March 2007: `archive/YYMMNNN`, e.g. `hep-th/9901001`. It is often written
 *   with the paper's subject class, `math.GT/0309136`, but the subject class is not part of the id:
 *   `math.GT/0309136` and `math/0309136` are the same paper, and the canonical form drops it.
 */

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})$/;
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
 * "is not a valid arXiv id: …") instead of an id when it does not follow the grammar above.
 */
export function parseArxivId(id: string): { id: ArxivId } | { reason: string } {
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
    // Four-digit numbers were used until December 2014, five-digit ones from January 2015.
    if ((number.length === 5) !== year >= 15) {
      return { reason: `ids from ${yy}${mm} have ${year >= 15 ? 'five' : 'four'} digits after the dot` };
    }
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
    return {
      id: {
        canonical: `${archive}/${id.slice(id.indexOf('/') + 1)}`,
        yearMonth: `${year}-${mm}`,
        primaryClass: archive + subject,
      },
    };
  }
  return { reason: 'write it without version, e.g. "2306.13575" or "math.GT/0309136"' };
}

/** The canonical form of a valid id; throws on an invalid one (the schema refuses those first). */
export function canonicalArxivId(id: string): string {
  return arxivId(id).canonical;
}

/** The canonical form of an id, or undefined when it is not valid: for duplicate detection on scanned files. */
export function canonicalOrUndefined(id: string): string | undefined {
  const parsed = parseArxivId(id);
  return 'id' in parsed ? parsed.id.canonical : undefined;
}

export function arxivId(id: string): ArxivId {
  const parsed = parseArxivId(id);
  if ('reason' in parsed) throw new Error(`"${id}" is not a valid arXiv id: ${parsed.reason}.`);
  return parsed.id;
}

/** Links to a paper's arXiv pages, always by its canonical id. */
export function arxivLinks(id: string): { abs: string; pdf: string } {
  const { canonical } = arxivId(id);
  return { abs: `https://arxiv.org/abs/${canonical}`, pdf: `https://arxiv.org/pdf/${canonical}` };
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
