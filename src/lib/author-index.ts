import { authorKey, authorSlug, familyNameForSorting, passedOverLetters } from './authors.ts';
import { pageOf } from './paginate.ts';

/**
 * Papers grouped by author, and the A–Z list of authors. Pure: the query layer
 * (src/data/papers.ts) calls these once with every paper, in the one order (comparePapers).
 */

interface Authored {
  data: { authors: readonly string[] };
}

export interface Author<T> {
  slug: string;
  /**
   * The spelling the author's pages show: the one written on most of their papers; on a tie, the
   * one written first in the one order (newest paper first, then position in its author list).
   */
  name: string;
  /** Their papers, in the order given (newest first), each once. */
  papers: T[];
}

/**
 * Each author (by slug) with their papers. The content check guarantees that one slug is one
 * person (src/content/collection.ts), so grouping by slug is grouping by person.
 */
export function groupByAuthor<T extends Authored>(papers: readonly T[]): Map<string, Author<T>> {
  const authors = new Map<string, Author<T> & { spellings: Map<string, number> }>();
  // Most names recur (26,000 distinct of 50,000 written at 10,000 papers): fold each once.
  const slugs = new Map<string, string>();
  for (const paper of papers) {
    // A name twice in one list (two people named alike, or a slip) lists the paper once.
    const seen = new Set<string>();
    for (const name of paper.data.authors) {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = authorSlug(name)));
      let author = authors.get(slug);
      if (!author) authors.set(slug, (author = { slug, name, papers: [], spellings: new Map() }));
      author.spellings.set(name, (author.spellings.get(name) ?? 0) + 1);
      if (!seen.has(slug)) author.papers.push(paper);
      seen.add(slug);
    }
  }
  const result = new Map<string, Author<T>>();
  for (const [slug, { papers: own, spellings }] of authors) {
    // Map order is first-written order, so the first spelling with the highest count wins ties.
    let name = '';
    let most = 0;
    for (const [spelling, count] of spellings) if (count > most) [name, most] = [spelling, count];
    result.set(slug, { slug, name, papers: own });
  }
  return result;
}

/**
 * The A–Z heading of a name: its family name's first letter without accents (authorKey's fold:
 * `Ødegård` under O), `#` for a digit or sign, `Other` for a letter of another script. A Latin
 * letter outside A–Z goes under the letter English collation sorts it after, where the list's own
 * order puts it (`Ɛkua` under E, `Ɔkɔ` under O, `Ɓah` under B): it is no other script. A letter
 * without case before the first letter, a glottal stop such as the ʻokina (`ʻUluʻave`) or a click
 * (`ǂHoan`), is passed over, as initials pass over it (one rule: passedOverLetters).
 */
export function letterOf(name: string): string {
  const family = familyNameForSorting(name);
  const listed = listedFamily(family);
  // Only passed-over letters: letters without case, as a script without capitals has (`Other`).
  if (family && !listed) return OTHER_SCRIPTS;
  const first = [...authorKey(listed)][0] ?? '';
  if (/^[a-z]$/.test(first)) return first.toUpperCase();
  if (!/^\p{L}$/u.test(first)) return NO_LETTER;
  if (!/^\p{Script=Latin}$/u.test(first)) return OTHER_SCRIPTS;
  return A_TO_Z.findLast((letter) => ENGLISH_ORDER.compare(letter, first) <= 0)?.toUpperCase() ?? OTHER_SCRIPTS;
}

/**
 * A family name as the A–Z list files and orders it: past the letters without case before its
 * first letter, as written, as initials read them (passedOverLetters: `ǂHoan` as Hoan, `ʰSmith` as
 * Smith; authorKey's fold would make the modifier letter ʰ an h).
 */
function listedFamily(family: string): string {
  return family.slice(passedOverLetters(family).length);
}

const A_TO_Z = [...'abcdefghijklmnopqrstuvwxyz'];
/**
 * English collation, the same on every machine: the one order of the A–Z list, by which authorIndex
 * sorts names and letterOf files a letter outside A–Z (numbers in a name by their value).
 */
const ENGLISH_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const NO_LETTER = '#';
export const OTHER_SCRIPTS = 'Other';
const LETTER_ORDER = (letter: string) => (letter === NO_LETTER ? 0 : letter === OTHER_SCRIPTS ? 2 : 1);

export interface IndexEntry {
  slug: string;
  name: string;
  count: number;
  letter: string;
}

/**
 * Every author for the A–Z list: grouped under the letter of their family name (`#` for names
 * starting with a digit or sign first, `Other` for letters outside A–Z last), and within a letter
 * ordered by a locale-aware collation (Intl.Collator, English rules, accents and case secondary)
 * of the family name, then of the whole name, then by slug so the order is total.
 */
export function authorIndex(authors: Iterable<Author<unknown>>): IndexEntry[] {
  const entries = [...authors].map(({ slug, name, papers }) => ({
    slug,
    name,
    count: papers.length,
    letter: letterOf(name),
    // Ordered past the letters its heading passes over (`ǂHoan` among the H names as Hoan).
    family: listedFamily(familyNameForSorting(name)),
  }));
  entries.sort(
    (a, b) =>
      LETTER_ORDER(a.letter) - LETTER_ORDER(b.letter) ||
      a.letter.localeCompare(b.letter, 'en') ||
      ENGLISH_ORDER.compare(a.family, b.family) ||
      ENGLISH_ORDER.compare(a.name, b.name) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  return entries.map(({ slug, name, count, letter }) => ({ slug, name, count, letter }));
}

/** Where each letter starts: its first entry's page (of `pageSize` entries), for the jump links. */
export function letterPages(entries: readonly IndexEntry[], pageSize: number): { letter: string; page: number }[] {
  const starts: { letter: string; page: number }[] = [];
  entries.forEach((entry, index) => {
    if (starts.at(-1)?.letter !== entry.letter) starts.push({ letter: entry.letter, page: pageOf(index, pageSize) });
  });
  return starts;
}
