/**
 * The author filter's code in the browser: the one name function and the author directory
 * (src/lib/search-authors.ts). A chunk of its own, imported by src/client/search.ts only when the
 * reader uses the author field or opens a search by author: no other page downloads it.
 */
import { authorSlug } from '../lib/authors.ts';
import { nameReadings, writtenOutSpelling } from '../lib/search-query.ts';
import {
  authorFilterName,
  citedNameMatches,
  citedNamesAt,
  citedReadings,
  type CitedName,
  CITED_YEAR_FILTER,
  type DirectoryEntry,
  directoryFile,
  DIRECTORY_INDEX,
  firstAuthorFilterName,
  firstDirectoryWord,
  listedWords,
  nameMatches,
  nameMatchesClosely,
  shardForPrefix,
  shardForWord,
  typedReadings,
  typedWords,
} from '../lib/search-authors.ts';
import { closestWord } from '../lib/spelling.ts';

export { authorFilterName, authorSlug, type DirectoryEntry };

/** Fetches a JSON file once per page (the search script's cache). */
export type FetchJson = <T>(url: string) => Promise<T>;

function directoryKeys(page: string, fetchJson: FetchJson): Promise<string[]> {
  return fetchJson<string[]>(`${page}authors/${DIRECTORY_INDEX}.json`);
}

function directoryShard(page: string, key: string, fetchJson: FetchJson): Promise<DirectoryEntry[]> {
  return fetchJson<DirectoryEntry[]>(`${page}authors/${directoryFile(key)}.json`);
}

/** The author with this slug, if the digest has one. `page` is the search page's URL. */
export async function authorBySlug(
  page: string,
  slug: string,
  fetchJson: FetchJson,
): Promise<DirectoryEntry | undefined> {
  const key = shardForWord(firstDirectoryWord(slug), await directoryKeys(page, fetchJson));
  if (key === undefined) return undefined;
  return (await directoryShard(page, key, fetchJson)).find(([name]) => authorSlug(name) === slug);
}

const SUGGESTIONS = 8;

/**
 * Authors whose names match what the reader typed (`akyu`, `ekin aky`, `Akyürek`), most papers
 * first. Nothing until one of the typed words names a single directory file.
 */
export async function suggestAuthors(page: string, typed: string, fetchJson: FetchJson): Promise<DirectoryEntry[]> {
  // A name typed with an umlaut, ø or å is also looked up written out (`Müller`: `Mueller`), and
  // initials run together one by one (`Kolter JZ`: typedReadings).
  const readings = new Map<string, string[]>();
  for (const spelling of new Set([typed.normalize('NFC'), writtenOutSpelling(typed)]))
    for (const words of typedReadings(spelling)) readings.set(words.join(' '), words);
  const found = new Map<string, DirectoryEntry>();
  for (const words of readings.values())
    for (const entry of await suggestAuthorsFor(page, words, fetchJson)) found.set(entry[0], entry);
  // Where no name has the words, a family name with particles typed as one word, as citation keys
  // write it (`vandermaaten`, `lecun`: nameReadings, as the query reads one), is read apart.
  if (found.size === 0)
    for (const words of [...readings.values()])
      for (const [index, word] of words.entries())
        for (const parts of nameReadings(word)) {
          const apart = [...words.slice(0, index), ...parts, ...words.slice(index + 1)];
          readings.set(apart.join(' '), apart);
          for (const entry of await suggestAuthorsFor(page, apart, fetchJson)) found.set(entry[0], entry);
        }
  // The names with the typed words side by side, where there are any (`de Freitas`: Nando de
  // Freitas, not Denise Freitas), else every name with each word.
  const close = [...found.values()].filter(([name]) =>
    [...readings.values()].some((words) => nameMatchesClosely(name, words)),
  );
  return (close.length > 0 ? close : [...found.values()]).sort(([, a], [, b]) => b - a).slice(0, SUGGESTIONS);
}

/**
 * "Did you mean …?" for a name the directory has no author for (`Vaswanni`, `Hinten`): each typed
 * word that starts no word of a name in its directory file is replaced by the closest word of that
 * file (closestWord, the rule the words box uses: src/lib/spelling.ts), the words of authors with
 * more papers first; then the authors the corrected words find (suggestAuthors), most papers
 * first. None when every word starts a name's word, or a misspelt one has no close word.
 */
export async function authorsSpelledLike(page: string, typed: string, fetchJson: FetchJson): Promise<DirectoryEntry[]> {
  const words = typedWords(typed);
  if (words.length === 0) return [];
  const keys = await directoryKeys(page, fetchJson);
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    const key = shardForWord(word, keys);
    const entries = key === undefined ? [] : await directoryShard(page, key, fetchJson);
    const vocabulary = [...new Set([...entries].sort(([, a], [, b]) => b - a).flatMap(([name]) => listedWords(name)))];
    if (vocabulary.some((known) => known.startsWith(word))) {
      corrected.push(word);
      continue;
    }
    const closest = closestWord(word, vocabulary);
    if (closest === undefined) return [];
    corrected.push(closest);
    changed = true;
  }
  return changed ? suggestAuthors(page, corrected.join(' '), fetchJson) : [];
}

async function suggestAuthorsFor(page: string, words: string[], fetchJson: FetchJson): Promise<DirectoryEntry[]> {
  if (words.length === 0) return [];
  const keys = await directoryKeys(page, fetchJson);
  // The longest word narrows most; the last one may be unfinished.
  const shards = words
    .map((word, index) => ({
      word,
      key: index === words.length - 1 ? shardForPrefix(word, keys) : shardForWord(word, keys),
    }))
    .filter((candidate): candidate is { word: string; key: string } => candidate.key !== undefined)
    .sort((a, b) => b.word.length - a.word.length);
  const key = shards[0]?.key;
  if (key === undefined) return [];
  // All of them: the closest matches may be past the first few (suggestAuthors).
  return (await directoryShard(page, key, fetchJson)).filter(([name]) => nameMatches(name, words));
}

/** A Pagefind filter on the papers of authors: each group names one cited author's possible slugs. */
export interface CitedAuthorsFilter {
  all: { any: Record<string, string>[] }[];
  /**
   * The same first cited name as the paper's first author, when the query cites a paper (its year,
   * or names joined: `Wang et al., 2024`, `Yang and Wang (2020)`): its papers are listed first.
   */
  firstAuthor?: { any: Record<string, string>[] };
}

/**
 * The authors a query cites (`Z. Kolter`, `Hsieh, C.-J.`, `Akyürek et al., 2023`: see
 * citedNamesInQuery), as a filter on their papers (of the year cited, if any), and the rest of
 * the query. A name the digest has no author for is given back to the query's words, and the
 * query read again without it (a pasted reference's `ICLR 2025` is a venue and its year, no
 * family name; `T. Scaling`, a title's word after the last initials); undefined when no name is
 * left: then the query is read as words (initials are sometimes not a name: `e.g. attention`). A
 * name stands for every author it fits (`H. Zhang`: Huan Zhang, Hao Zhang, …). `alsoWords` when a
 * name is a family name alone that text may write as a word before a year (CitedName's `bare`:
 * `Adam 2023`): the query's words are searched too.
 */
export async function citedAuthorsFilter(
  page: string,
  query: string,
  typing: boolean,
  fetchJson: FetchJson,
): Promise<{ filter: CitedAuthorsFilter; rest: string; alsoWords?: true } | undefined> {
  // Where the names that fit no author end (citedNamesAt's `ends`): each pass reads one more as words.
  const skip = new Set<number>();
  let keys: string[] | undefined;
  for (;;) {
    const { names, rest, ends } = citedNamesAt(query, { typing, skip });
    if (names.length === 0) return undefined;
    // A name typed with an umlaut, ø or å is also the name written out (`Müller et al.`: Jonas
    // Mueller), as in the author field (suggestAuthors); the same query, so the same names in order.
    const writtenOut = citedNamesAt(writtenOutSpelling(query), { typing, skip }).names;
    keys ??= await directoryKeys(page, fetchJson);
    const groups: CitedAuthorsFilter['all'] = [];
    let firstAuthor: CitedAuthorsFilter['firstAuthor'];
    const words: string[] = [];
    // A family name alone that fits an author by its one word (`Adam 2023`: Hartwig Adam) may also be
    // an ordinary word and a year (the Adam optimizer, long context): the query is searched both ways.
    let alsoWords = false;
    let unknown: number | undefined;
    for (const [index, name] of names.entries()) {
      const other = writtenOut.length === names.length ? writtenOut[index] : undefined;
      // The name with as many of the words before it as an author's name has (`van der Maaten`,
      // `Le Cun`), the others given back to the query's words (citedReadings).
      const readings = citedReadings(name);
      const otherReadings = other ? citedReadings(other) : [];
      let slugs = new Set<string>();
      for (const [at, reading] of readings.entries()) {
        const spelling = otherReadings[at]?.cited;
        const spellings =
          spelling && spelling.words.join(' ') !== reading.cited.words.join(' ')
            ? [reading.cited, spelling]
            : [reading.cited];
        slugs = await citedSlugs(page, keys, spellings, fetchJson);
        if (slugs.size === 0) continue;
        words.push(...reading.dropped);
        if (name.bare && reading.cited.words.length === name.words.length) alsoWords = true;
        break;
      }
      if (slugs.size === 0) {
        unknown = ends[index]!;
        break;
      }
      groups.push({ any: [...slugs].map((slug) => ({ [authorFilterName(slug)]: slug })) });
      // A reference names its paper's first author first (`Wang et al., 2024`).
      if (index === 0 && (name.year !== undefined || names.length > 1)) {
        firstAuthor = { any: [...slugs].map((slug) => ({ [firstAuthorFilterName(slug)]: slug })) };
      }
      if (name.year) groups.push({ any: [{ [CITED_YEAR_FILTER]: name.year }] });
    }
    if (unknown !== undefined) {
      skip.add(unknown);
      continue;
    }
    return {
      filter: { all: groups, ...(firstAuthor && { firstAuthor }) },
      rest: [...words, rest].join(' ').trim(),
      ...(alsoWords && { alsoWords }),
    };
  }
}

/** The slugs of the authors of the directory that any of these spellings of a cited name fits. */
async function citedSlugs(
  page: string,
  keys: readonly string[],
  spellings: readonly CitedName[],
  fetchJson: FetchJson,
): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (const spelling of spellings) {
    // Every author is listed under each word of their name: the longest word's file is the
    // smallest. A word still being typed needs the one file with every word it starts.
    const key = spelling.unfinished
      ? shardForPrefix(spelling.words.at(-1)!, keys)
      : shardForWord(
          spelling.words.reduce((a, b) => (b.length > a.length ? b : a)),
          keys,
        );
    if (key === undefined) continue;
    for (const [author] of await directoryShard(page, key, fetchJson))
      if (citedNameMatches(author, spelling)) slugs.add(authorSlug(author));
  }
  return slugs;
}
