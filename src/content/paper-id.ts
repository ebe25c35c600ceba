import { arxivFileName, arxivIdInText, arxivIdOfFileName } from '../lib/arxiv-id.ts';
import { windowsDeviceName, windowsDeviceProblem } from '../lib/file-names.ts';
import { shortened } from '../lib/shortened.ts';

/**
 * Paper ids: the file name of a paper without `.mdx`, used as its URL segment and output file
 * names (see `paperPaths` in src/lib/urls.ts). One grammar, here, for the loader, the content
 * check and `new-paper`:
 *
 * - lowercase letters and digits, in words joined by single hyphens (`attention-sinks`,
 *   `math-0309136`), or by dots between digits only (`2306.13575`);
 * - at most 100 characters;
 * - not a name Windows keeps for a device (`aux`, `con`, `com1.5`: src/lib/file-names.ts), which
 *   no Windows checkout could hold as `aux.mdx`.
 *
 * Dots only between digits means no id ends like a file name (`x.bib`, `x.html`): a page folder
 * `papers/<id>/` can never be another paper's `papers/<id>.bib`. Lowercase only means two ids
 * never differ by case alone, which case-insensitive file systems would merge.
 */
export const PAPER_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+|(?<=[0-9])\.[0-9]+)*$/;
export const MAX_PAPER_ID_LENGTH = 100;

/**
 * The name of the folder that holds a paper: the four-digit year of its date
 * (`content/papers/2025/`). Discovery refuses any other folder; validation, a date in another year.
 */
export const YEAR_FOLDER = /^\d{4}$/;

/** The id of a paper file, from its path (`content/papers/2025/2306.13575.mdx` → `2306.13575`). */
export function paperIdFromPath(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/\.mdx$/, '');
}

/** Whether a string is a paper id. Pure, so the browser's reading list checks ids by the same rule. */
export function isPaperId(id: string): boolean {
  return id.length <= MAX_PAPER_ID_LENGTH && PAPER_ID_PATTERN.test(id) && windowsDeviceName(id) === undefined;
}

/** Why a file name is not a valid paper id (a sentence for `file: …`), or undefined when it is. */
export function paperIdProblem(id: string): string | undefined {
  // The message's location already names the file; the quote repeats it, cut as quoted values are.
  const name = shortened(`${id}.mdx`);
  // A dot is for an arXiv id's name (`2306.13575`): digits dotted otherwise (`2401.000010`, `1.5`)
  // read as an arXiv id at the paper's address, /papers/2401.000010/, and are none.
  if (isPaperId(id) && id.includes('.') && arxivIdOfFileName(id) === undefined) {
    // Shaped like one (`2401.00000`): the grammar's reason says why it is none.
    const read = arxivIdInText(id, null);
    const why = 'problem' in read && read.problem === 'invalid' ? ` (${read.reason})` : '';
    return `name "${name}" has a dot, as only an arXiv id's name has (2306.13575.mdx), but is no arXiv id${why}: name the file for its paper's arXiv id, or a slug of lowercase letters, digits and single hyphens (${id.replaceAll('.', '-')}.mdx).`;
  }
  if (isPaperId(id)) return undefined;
  const device = windowsDeviceName(id);
  if (device !== undefined && PAPER_ID_PATTERN.test(id)) {
    return `name ${windowsDeviceProblem(name)}; name the file for the paper's arXiv id (2306.13575.mdx) or a longer slug (e.g. ${device}-learning.mdx).`;
  }
  // A name that holds an arXiv id as people write one (`2306.13575v2`, `arXiv:2306.13575`, the
  // PDF's `2306.13575v2.pdf`): the name it should have, as new-paper would write it. Read with no
  // clock: the build reads none, and an id of a month to come is the arxiv field's to refuse.
  const pasted = arxivIdInText(id, null);
  if ('id' in pasted) {
    return `name "${name}" must be the arXiv id without version or prefix: name the file ${arxivFileName(pasted.id)}.mdx.`;
  }
  return `name "${name}" must be the arXiv id (e.g. 2306.13575.mdx, math-0309136.mdx) or a short slug of lowercase letters, digits and single hyphens (at most ${MAX_PAPER_ID_LENGTH} characters).`;
}
