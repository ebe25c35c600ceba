/**
 * The author filter of search, at any size of the digest, without making the first search pay for
 * it. Runs in the browser and at build time; who an author is comes from src/lib/authors.ts alone.
 *
 * - Which papers an author wrote lives in Pagefind's own filters, so that words, topic, year,
 *   author and date order combine in one Pagefind query. Pagefind loads one file per filter name,
 *   and only when a query uses that name: one `author` filter would make the first author query
 *   download every author of the digest (~26,000 at 10,000 papers). So the authors are spread
 *   over AUTHOR_FILTER_BUCKETS filter names by a hash of their slug, and a query loads one of them.
 *   The number is fixed, so adding papers never moves an author to another filter.
 * - Names for suggestions, and the name to show for a slug in the address, come from a directory
 *   under /search/authors/: each author listed under every word of their slug, in files by the
 *   words' first letters (more letters where a file would grow past DIRECTORY_SHARD_SIZE),
 *   loaded only when the reader uses the author field.
 */
import { authorSlug, citedFamilyNames, fnv1a32, NAMELESS_SLUG_PREFIX, nameWords } from './authors.ts';
import { windowsDeviceName } from './file-names.ts';
import {
  CAPITALISED_WORD,
  CITED_YEAR,
  comparable,
  etAlAt,
  initialsAt,
  NAME_PARTICLES,
  QUOTED,
  withoutOpening,
  writtenOutSpelling,
} from './search-query.ts';
import { byCodeUnits } from './text-order.ts';

/** How many Pagefind filter names the authors are spread over (each costs the first search ~10 bytes). */
export const AUTHOR_FILTER_BUCKETS = 64;

/** The Pagefind filter name that holds an author's papers: `author-00` … `author-3f`. */
export function authorFilterName(slug: string): string {
  return `author-${(fnv1a32(slug) % AUTHOR_FILTER_BUCKETS).toString(16).padStart(2, '0')}`;
}

/**
 * The `data-pagefind-filter` values a paper page carries for its authors (`author-1c:ekin-akyurek`),
 * one per author: two spellings of one person are one filter value.
 */
export function authorFilterAttributes(authors: readonly string[]): string[] {
  const slugs = [...new Set(authors.map(authorSlug))];
  return slugs.map((slug) => `${authorFilterName(slug)}:${slug}`);
}

/**
 * The Pagefind filter name that holds the papers an author is the first author of (`first-1c`),
 * spread over the buckets authorFilterName spreads authors over: a citation by a paper's first
 * author (`Wang et al., 2024`) lists those papers first. A paper carries one
 * (firstAuthorFilterAttribute); the name is short, as every paper page carries it.
 */
export function firstAuthorFilterName(slug: string): string {
  return authorFilterName(slug).replace(/^author-/, 'first-');
}

/** The `data-pagefind-filter` value of a paper's first author (`first-1c:ekin-akyurek`), if it has authors. */
export function firstAuthorFilterAttribute(authors: readonly string[]): string | undefined {
  const first = authors[0];
  if (first === undefined) return undefined;
  const slug = authorSlug(first);
  return `${firstAuthorFilterName(slug)}:${slug}`;
}

/**
 * The words the directory lists a name under: the words of its slug before any cut (`Ekin
 * Akyürek` → `ekin`, `akyurek`; every word of a name too long for its slug). A name without
 * letters or digits has one word, its slug (`author--<hash>`, see authorSlug).
 */
export function directoryWords(name: string): string[] {
  const words = nameWords(name);
  return words.length > 0 ? [...new Set(words)] : [authorSlug(name)];
}

/**
 * The words of each spelling of a name a reader may type (directoryWords): the name key's, and,
 * for a name with umlauts, ø or å, the written-out one's (`Müller`: `muller`, `mueller`).
 */
export function spellingsOfName(name: string): string[][] {
  const words = directoryWords(name);
  const writtenOut = directoryWords(writtenOutSpelling(name));
  return writtenOut.join(' ') === words.join(' ') ? [words] : [words, writtenOut];
}

/** Every word a name is listed and matched under, in any of its spellings (spellingsOfName). */
export function listedWords(name: string): string[] {
  return [...new Set(spellingsOfName(name).flat())];
}

/**
 * A name as the search index must also hold it for readers who write it out, or undefined when
 * it has nothing to write out: a name with umlauts, ø or å is also held written out (`Allgöwer`
 * as `allgoewer`: writtenOutSpelling). (Letters such as ł, ø, ß or æ in plain letters, `Łukasz`
 * as `lukasz`, the index holds for every word of the page: compoundParts in search-query.ts.)
 */
export function plainSpellingForSearch(name: string): string | undefined {
  const words = nameWords(name);
  const writtenOut = nameWords(writtenOutSpelling(name)).filter((word) => !words.includes(word));
  return writtenOut.length === 0 ? undefined : writtenOut.join(' ');
}

/** The word the directory lists the author of a slug under first (directoryWords): where to look it up. */
export function firstDirectoryWord(slug: string): string {
  // A derived slug is its whole name's word; any other starts with its first word, or a prefix of it.
  return slug.startsWith(NAMELESS_SLUG_PREFIX) ? slug : slug.split('-')[0]!;
}

/** The words of what a reader typed in the author field, as the directory lists words. */
export function typedWords(typed: string): string[] {
  return typed.trim() === '' ? [] : directoryWords(typed);
}

/**
 * The ways to read what a reader typed in the author field, each as typedWords: as typed, and,
 * where it cites a name with its initials run together as Vancouver style does (`Kolter JZ`,
 * `Hsieh CJ`, or before the name, `JZ Kolter`, which only a name field reads so: initialsAt, the
 * search's one rule for them, which leaves `deep RL` a word), with
 * each initial a word of its own (`kolter`, `j`, `z`), which nameMatches finds as the start of a
 * given name. Both, as capitals after a name may also be one (`Hao LI`).
 */
export function typedReadings(typed: string): string[][] {
  const asTyped = typedWords(typed);
  const tokens = typed.trim().split(/\s+/);
  const split = tokens.map((token, index) =>
    initialsAt(tokens, index, { runTogetherBefore: true }) ? (token.match(/\p{L}/gu) ?? []).join(' ') : token,
  );
  const withInitials = typedWords(split.join(' '));
  return withInitials.join(' ') === asTyped.join(' ') ? [asTyped] : [asTyped, withInitials];
}

// ---- The directory ----

/** One author in the directory: the name as the digest writes it most often, and their paper count. */
export type DirectoryEntry = [name: string, papers: number];

/** Most entries in one directory file, unless they all share one whole word or its longest key. */
export const DIRECTORY_SHARD_SIZE = 400;

/**
 * Longest file name of a shard, without `.json`: a key is not split further once one more letter
 * could make its name longer (one letter is at most 12 characters, `_F0_9F_98_80`). Keys grow only
 * where hundreds of names share a start, and a file name holds 255 bytes: 401 names that share 30
 * Han letters (one paper may list them) made a key whose name no file system could write.
 */
export const MAX_SHARD_FILE_NAME = 120;
const LONGEST_LETTER_FILE_NAME = 12;

/** The directory's list of keys, `/search/authors/shards.json` (src/pages/search/authors/shards.json.ts). */
export const DIRECTORY_INDEX = 'shards';

/**
 * The file name of a directory shard: its key, percent-encoded with `_` for `%` (keys are letters
 * and digits), never the list of keys' (DIRECTORY_INDEX) nor a name Windows keeps for a device
 * (src/lib/file-names.ts).
 */
export function directoryFile(key: string): string {
  const file = encodeURIComponent(key).replace(/%/g, '_');
  // A key that is the name of the directory's list of keys (`shards`, once 400 names start with
  // it: one paper may list them, and Astro then skipped that file for the list) or that Windows
  // keeps for a device (`con`) gets a `_` after it, which no encoded key ends with (its `_` is
  // always followed by two hex digits).
  return file === DIRECTORY_INDEX || windowsDeviceName(file) !== undefined ? `${file}_` : file;
}

/**
 * The shard that lists a whole word: the longest key that starts it. For a word still being
 * typed, use {@link shardForPrefix}.
 */
export function shardForWord(word: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const key of keys) if (word.startsWith(key) && (!best || key.length > best.length)) best = key;
  return best;
}

/**
 * The one shard that lists every word starting with `prefix`, or undefined when they are spread
 * over several (the reader has typed too few letters) or none.
 */
export function shardForPrefix(prefix: string, keys: readonly string[]): string | undefined {
  if (keys.some((key) => key.length > prefix.length && key.startsWith(prefix))) return undefined;
  return shardForWord(prefix, keys);
}

/**
 * Whether a directory name matches what the reader typed: each typed word starts a word of the
 * name (the last one may be unfinished; the others too, as in `e akyurek`).
 */
export function nameMatches(name: string, typed: readonly string[]): boolean {
  const words = listedWords(name);
  return typed.every((part) => words.some((word) => word.startsWith(part)));
}

/**
 * Whether a directory name is what the reader typed closely: the typed words of two letters or
 * more are words of the name side by side, in the order typed (the last one may be unfinished),
 * and single letters start its other words, in order, as initials do (citedNameMatches). So a
 * family name of several words is read whole: `van der Maaten`, `de Freitas`, `Le Cun`, `Ben
 * Amor`, `Abu-Mostafa`, `García Márquez` are the authors whose names have them so, not `Denise
 * Freitas`, `Cun Le` or `Márquez García`, whose names only have each word (nameMatches). The
 * author field lists the names that match closely where there are any (suggestAuthors).
 */
export function nameMatchesClosely(name: string, typed: readonly string[]): boolean {
  const initials = typed.filter((word) => [...word].length === 1);
  const words = typed.filter((word) => [...word].length > 1);
  // The words of the name must be typed side by side: `Ankit S Rawat` is read only loosely.
  const first = typed.findIndex((word) => [...word].length > 1);
  if (words.length > 0 && typed.slice(first, first + words.length).some((word) => [...word].length === 1)) return false;
  return citedNameMatches(name, { initials, words, unfinished: true });
}

function groupByPrefix<T extends { word: string }>(items: readonly T[], length: number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = [...item.word].slice(0, length).join('');
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The directory, by shard key: every author under each word of their slug. Keys are prefixes of
 * words, one letter to start with, one more wherever a shard would list more than `size`
 * entries; a word's entries stay together in the shard named by the word itself when all of a
 * shard's entries share it, and a key whose file name is near {@link MAX_SHARD_FILE_NAME} keeps
 * every word it starts. Each shard lists most papers first, then by name.
 */
export function authorDirectory(
  authors: ReadonlyMap<string, DirectoryEntry>,
  size = DIRECTORY_SHARD_SIZE,
): Map<string, DirectoryEntry[]> {
  const listed = [...authors.values()].flatMap((entry) => listedWords(entry[0]).map((word) => ({ word, entry })));
  const shards = new Map<string, DirectoryEntry[]>();
  const split = (prefix: string, items: typeof listed) => {
    const length = [...prefix].length;
    const exact = items.filter((item) => item.word === prefix);
    const longer = items.filter((item) => item.word !== prefix);
    const splittable = directoryFile(prefix).length + LONGEST_LETTER_FILE_NAME <= MAX_SHARD_FILE_NAME;
    if (items.length <= size || longer.length === 0 || !splittable) {
      // Once a shard, however many of its words (or spellings: `muller`, `mueller`) it lists.
      shards.set(prefix, [...new Set(items.map((item) => item.entry))]);
      return;
    }
    if (exact.length > 0) shards.set(prefix, [...new Set(exact.map((item) => item.entry))]);
    for (const [key, group] of groupByPrefix(longer, length + 1)) split(key, group);
  };
  for (const [key, group] of groupByPrefix(listed, 1)) split(key, group);
  for (const entries of shards.values()) entries.sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b));
  return new Map([...shards].sort(([a], [b]) => byCodeUnits(a, b)));
}

// ---- Authors cited with initials (`Z. Kolter`, `Hsieh, C.-J.`) ----

/** An author as a reference list cites one: the initials of given names, and the name written out. */
export interface CitedName {
  /** The initials, lower case, accents off (`C.-J.` → `c`, `j`); none for `Akyürek et al.`. */
  initials: string[];
  /** The name written out, as the author directory lists words (`Akyürek` → `akyurek`). */
  words: string[];
  /** Whether the reader may still be typing the name's last word (`Z. Kol`): it starts a word of the name. */
  unfinished?: boolean;
  /** The year cited after the name (`Akyürek et al., 2023`, `Kolter, Z. (2023)`). */
  year?: string;
  /**
   * The query's words just before the name that may start its family name (`van der` of `van der
   * Maaten et al.`, `Le` of `Le Cun, Y.`), as typed: read with the name as far as an author has them.
   */
  leading?: string[];
  /** Cited by family name alone, before a year (`van der Maaten 2008`): the words end the author's name (citedFamilyNames). */
  familyOnly?: true;
  /**
   * A family name alone as text may write an ordinary word and a year (`Adam 2023`, `Long 2023`):
   * one capitalised word, no bracket or comma around it or the year, no year letter (`(Adam, 2023)`,
   * `Adam (2023)` and `Adam 2023a` are citations only). The query may then mean its words.
   */
  bare?: true;
}

export { CITED_YEAR_FILTER } from './search-query.ts';

/** A word as text writes it before a year, no bracket or comma (`Adam`, `Long`): CitedName's `bare`. */
const BARE_FAMILY_NAME = /^\p{Lu}[\p{L}\p{M}'\u2019-]*$/u;
/** A year as text writes it after a word, without a bracket or a citation's letter (`2023`, `2023.`). */
const BARE_YEAR = /^(?:19|20)\d\d[.,;]?$/;

/** Most words a family name is read with before its last word (`Sáez de Ocáriz Borde`): leading. */
const MAX_LEADING = 3;

/** What joins the last two names of a list of authors. */
const LIST_JOINER = /^(?:&|and|und)$/i;

/**
 * The authors a query cites as reference lists and papers cite them, and the rest of the query:
 * - initials with the name word after them (`Z. Kolter`, `J. Z. Kolter`, and the particles that
 *   start a family name with it: `L. van der Maaten`), or, when a comma, a year or the query's end
 *   follows them, the word before (`Kolter, Z.`, `Hsieh, C.-J.`);
 * - a name word before `et al.` (`Akyürek et al.`);
 * - a capitalised word before a year, a family name alone as author–year citations write it
 *   (`Hofmann 2023`, `van der Maaten (2008)`: `familyOnly`);
 * each with the year after it, if any (`Akyürek et al., 2023`, `(Akyürek et al. 2023)`). A name
 * word before its initials, `et al.` or its year may have more words before it, capitalised or
 * particles (`van der Maaten et al.`, `Le Cun, Y.`, `García Márquez 1967`): they are its
 * `leading` tokens, which citedAuthorsFilter reads with it as far as an author's name has them,
 * and gives back to the query's words where none has. Initials with no such word, and the words
 * in quotes, stay in the query. While the reader is still typing (`typing`), the query's last word
 * may be unfinished: a name that ends with it is `unfinished`.
 */
export function citedNamesInQuery(query: string, { typing = false } = {}): { names: CitedName[]; rest: string } {
  const { names, rest } = citedNamesAt(query, { typing });
  return { names, rest };
}

/**
 * citedNamesInQuery, with where each name ends in the query (`ends`: the index of its last token,
 * the query split at spaces, quoted phrases out), and without the names that end at `skip`: their
 * tokens stay in the query's words (a name that fits no author, as citedAuthorsFilter finds).
 */
export function citedNamesAt(
  query: string,
  { typing = false, skip = new Set<number>() }: { typing?: boolean; skip?: ReadonlySet<number> } = {},
): { names: CitedName[]; rest: string; ends: number[] } {
  const quoted: string[] = [];
  const tokens = query
    .replace(QUOTED, (phrase) => (quoted.push(phrase), ' '))
    .split(/\s+/)
    .filter(Boolean);
  const at = (index: number) => (index >= 0 && index < tokens.length ? tokens[index]! : '');
  const isInitials = (index: number) => initialsAt(tokens, index);
  const isEtAl = (index: number) => etAlAt(tokens, index);
  // A word of the directory, not a number, a name of no letters (`2023`, `&`) or `and` between names.
  const word = (index: number) => {
    if (isInitials(index) || isEtAl(index) || LIST_JOINER.test(at(index))) return undefined;
    const words = nameWords(at(index));
    return words.length > 0 && words.every((each) => /\p{L}/u.test(each)) ? words : undefined;
  };
  // A particle, as written in a name (`van`, `de`) or capitalised (`Le`, `Ben`).
  const isParticle = (index: number) => NAME_PARTICLES.includes(withoutOpening(at(index)).toLowerCase());
  // A word that may be a family name's, before its last: capitalised, or a particle (`(van`, `Le`).
  const mayLead = (index: number) =>
    word(index) !== undefined && (isParticle(index) || CAPITALISED_WORD.test(withoutOpening(at(index))));
  const names: CitedName[] = [];
  const ends: number[] = [];
  const kept: number[] = [];
  // The words kept just before token `index` that may lead a family name, taken from the kept words.
  const leadingBefore = (index: number) => {
    const leading: string[] = [];
    while (leading.length < MAX_LEADING && kept.at(-1) === index - leading.length - 1 && mayLead(kept.at(-1)!))
      leading.unshift(tokens[kept.pop()!]!);
    return leading;
  };
  // A name from token `first` to `last`, with the year after it, if any: where the name ends. A
  // name to skip is given back to the query's words, its year too.
  const cite = (first: number, last: number, { leading, ...name }: CitedName) => {
    const year = CITED_YEAR.exec(at(last + 1))?.[1];
    const end = year ? last + 1 : last;
    if (skip.has(last)) {
      for (let each = first; each <= end; each += 1) kept.push(each);
      return end;
    }
    names.push({ ...name, ...(leading && leading.length > 0 ? { leading } : {}), ...(year && { year }) });
    ends.push(last);
    citedEnd = end;
    return end;
  };
  // The family names joined by `and` or `&` (and commas) before the name just read from token
  // `first` (`Yang and Wang (2020)`, `Yang, Li & Wang et al., 2020`): an in-text citation names
  // each author so, with the one year after the last; each is read as that name is.
  const citeJoinedBefore = (first: number) => {
    let position = kept.length - 1;
    if (kept[position] !== first - 1 || !LIST_JOINER.test(at(first - 1))) return;
    const joined: { at: number; leading: string[] }[] = [];
    for (let index = first - 2; kept[position - 1] === index && !skip.has(index); index -= 1) {
      if (word(index) === undefined || !CAPITALISED_WORD.test(withoutOpening(at(index)))) break;
      position -= 1;
      // The particles before it start its family name (`de Freitas and van der Maaten`), as
      // leadingBefore reads them before the last name.
      let lead = index;
      while (index - lead < MAX_LEADING && kept[position - 1] === lead - 1 && isParticle(lead - 1)) {
        lead -= 1;
        position -= 1;
      }
      joined.unshift({ at: index, leading: tokens.slice(lead, index) });
      index = lead;
      // Only a comma after the name before joins it too (`Yang, Li and Wang`).
      if (!at(index - 1).endsWith(',')) break;
    }
    if (joined.length === 0) return;
    kept.length = position;
    // Joined to other names, the last is a citation's, no ordinary word (CitedName's `bare`).
    delete names.at(-1)!.bare;
    const year = names.at(-1)!.year;
    names.splice(
      names.length - 1,
      0,
      ...joined.map(({ at: index, leading }) => ({
        initials: [],
        words: word(index)!,
        familyOnly: true as const,
        ...(leading.length > 0 && { leading }),
        ...(year && { year }),
      })),
    );
    ends.splice(ends.length - 1, 0, ...joined.map(({ at: index }) => index));
  };
  // Where the last name read ends (its year included).
  let citedEnd = -1;
  for (let index = 0; index < tokens.length; index += 1) {
    // `&` or `and` right after a name, before more, joins a list of authors (APA's `…, A., &
    // Fountoulakis, K.`, BibTeX's `… and …`): part of the list, no word of the query.
    if (LIST_JOINER.test(at(index)) && citedEnd === index - 1 && index < tokens.length - 1) continue;
    if (isEtAl(index)) {
      const before = kept.at(-1) === index - 1 ? word(index - 1) : undefined;
      if (before !== undefined) {
        kept.pop();
        const leading = leadingBefore(index - 1);
        const first = index - 1 - leading.length;
        index = cite(first, index + 1, { initials: [], words: before, leading });
        if (names.length > 0 && citedEnd === index) citeJoinedBefore(first);
      } else if (names.length > 0 && citedEnd === index - 1 && names.at(-1)!.year === undefined) {
        // `et al.` after a name read with its initials (`T. Hofmann et al.`) is that name's, and so is a year after it.
        const year = CITED_YEAR.exec(at(index + 2))?.[1];
        if (year) names.at(-1)!.year = year;
        index += year ? 2 : 1;
      } else {
        kept.push(index, index + 1);
        index += 1;
      }
      continue;
    }
    // A family name alone before a year: `Hofmann 2023`, `van der Maaten (2008)`.
    const family = kept.at(-1) === index - 1 ? word(index - 1) : undefined;
    if (CITED_YEAR.test(at(index)) && family && CAPITALISED_WORD.test(withoutOpening(at(index - 1)))) {
      const bare = BARE_FAMILY_NAME.test(at(index - 1)) && BARE_YEAR.test(at(index));
      kept.pop();
      const leading = leadingBefore(index - 1);
      const first = index - 1 - leading.length;
      index = cite(first, index - 1, {
        initials: [],
        words: family,
        leading,
        familyOnly: true,
        ...(bare && { bare }),
      });
      if (citedEnd === index) citeJoinedBefore(first);
      continue;
    }
    if (!isInitials(index)) {
      kept.push(index);
      continue;
    }
    let end = index;
    while (isInitials(end + 1) && !tokens[end]!.endsWith(',')) end += 1;
    const initials = tokens
      .slice(index, end + 1)
      .flatMap((token) => token.match(/\p{L}/gu) ?? [])
      .map(comparable);
    // `et al.` after the initials ends their name too (`Zhou, G. et al.`, as Nature's references write it).
    const nameEnds =
      tokens[end]!.endsWith(',') ||
      end === tokens.length - 1 ||
      CITED_YEAR.test(at(end + 1)) ||
      LIST_JOINER.test(at(end + 1)) ||
      isEtAl(end + 1);
    // The name after the initials, with the particles that start it (`L. van der Maaten`).
    let last = end + 1;
    while (isParticle(last) && word(last + 1) !== undefined) last += 1;
    const after = nameEnds || word(end + 1) === undefined ? undefined : tokens.slice(end + 1, last + 1);
    // Read so, it is no author (citedNamesAt's `skip`): the initials may end a name before them, as
    // the last author's do before the title in Vancouver style (`Hofmann T. Scaling MLPs`).
    const afterSkipped = after !== undefined && skip.has(last);
    // The word before, unless it already went with other initials.
    const before = (nameEnds || afterSkipped) && kept.at(-1) === index - 1 ? word(index - 1) : undefined;
    if (after !== undefined && !afterSkipped) {
      const unfinished = typing && last === tokens.length - 1;
      index = cite(index, last, { initials, words: nameWords(after.join(' ')), ...(unfinished && { unfinished }) });
    } else if (before !== undefined) {
      kept.pop();
      const leading = leadingBefore(index - 1);
      index = cite(index - 1 - leading.length, end, { initials, words: before, leading });
    } else {
      for (let each = index; each <= end; each += 1) kept.push(each);
      index = end;
    }
  }
  // A name given back may leave its words out of order among the others: the query's order.
  const rest = [...quoted, ...kept.sort((a, b) => a - b).map((index) => tokens[index]!)].join(' ');
  return { names, rest, ends };
}

/**
 * Whether a directory name is an author a reference list cites this way: the name has the
 * written-out words side by side (the last one started, if `unfinished`), and its other words
 * start with the initials, in order (`Z. Kolter` and `Kolter, J. Z.` are J. Zico Kolter; `C.-J.
 * Hsieh` is Cho-Jui Hsieh).
 */
export function citedNameMatches(name: string, cited: CitedName): boolean {
  if (cited.familyOnly) {
    // By family name alone, in either spelling of the name (`Allgoewer 2024`: Frank Allgöwer).
    const wanted = cited.words.join(' ');
    return [...new Set([name, writtenOutSpelling(name)])].some((spelling) =>
      citedFamilyNames(spelling).some((words) => words.join(' ') === wanted),
    );
  }
  return spellingsOfName(name).some((words) => citedWordsMatch(words, cited));
}

/**
 * The ways to read a cited name with the words that may lead it (CitedName's `leading`), longest
 * first: with all of them (`van der Maaten`), then without the first, and so on to the name
 * alone; each with the tokens it leaves to the query's words. The search takes the first that
 * fits an author, so `Scaling Akyürek et al.` is Akyürek and the word scaling.
 */
export function citedReadings(cited: CitedName): { cited: CitedName; dropped: string[] }[] {
  const { leading = [], ...name } = cited;
  return leading
    .map((_, drop) => ({
      cited: { ...name, words: [...nameWords(leading.slice(drop).join(' ')), ...name.words] },
      dropped: leading.slice(0, drop),
    }))
    .concat({ cited: name, dropped: leading });
}

/** Whether the words of one spelling of a name are an author cited this way (citedNameMatches). */
function citedWordsMatch(words: readonly string[], cited: CitedName): boolean {
  const size = cited.words.length;
  for (let start = 0; start + size <= words.length; start += 1) {
    const fits = (word: string, offset: number) =>
      cited.unfinished && offset === size - 1
        ? (words[start + offset]?.startsWith(word) ?? false)
        : words[start + offset] === word;
    if (!cited.words.every(fits)) continue;
    const others = [...words.slice(0, start), ...words.slice(start + size)];
    let next = 0;
    for (const word of others) if (next < cited.initials.length && word.startsWith(cited.initials[next]!)) next += 1;
    if (next === cited.initials.length) return true;
  }
  return false;
}
