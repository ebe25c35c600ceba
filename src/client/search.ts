/**
 * Client-side search: imported by search.astro's `<script>` on the search page, and on other pages
 * by search-boot.ts (SearchBox.astro's script) when the reader points at or focuses the header box.
 *
 * - Nothing of Pagefind is fetched until a search needs the index: `pagefind.js` (and through it
 *   the WASM and index chunks) is imported by the first query or filter whose answer searches it
 *   (pagefindOnUse), not for one it needs not (an empty query, an arXiv id, only common words).
 * - `Esc` in a search box clears it (`/`, which focuses the box from anywhere, is search-boot.ts's).
 * - URLs (bundle, base path) come from `data-search-*` attributes that the components fill from
 *   the URL module, and the search page's from the form's `action`; no path is built here.
 * - What a query word is also searched as (`dataset` as `data sets`, `ICL` as `in-context
 *   learning`) comes from /search/expansions.json, fetched with the first search beside Pagefind,
 *   by the header box and the search page alike.
 * - A query that is an arXiv id or link (any version, `arXiv:` prefix, abs/pdf/html URL, old-style
 *   ids with or without subject class) answers that one paper, from the small id → paper map under
 *   /search/arxiv/, without loading Pagefind.
 * - Only real matches are shown: Pagefind answers a word it does not know with the words that
 *   start with its longest known prefix, down to one letter (`kolmogrov` → `k`). Such a word
 *   counts as found in no paper; the query then finds none and offers the closest words of the
 *   digest's vocabulary ("Did you mean Kolmogorov?"), loaded from /search/words/ only then.
 * - Snippets show math as its TeX (see src/lib/search-data.ts).
 * - The search page's author field filters by one author (`?author=<slug>`, see
 *   src/lib/search-authors.ts): the author's papers are a Pagefind filter loaded only then, and
 *   the names it suggests come from the author directory under /search/authors/, loaded as the
 *   reader types a name. Its code is a chunk of its own (src/client/search-authors.ts), loaded
 *   then too.
 * - Pagefind runs on the page's thread (`noWorker`): its web worker would download a second copy
 *   of its code (43 KB) before the first search, to spare the page a few milliseconds of work.
 * - No inline handlers and no inline styles: a strict CSP allows this file as it is.
 */
import { type Keystroke, typingPauses } from '../lib/typing-pause.ts';
import { paperCount } from '../lib/count.ts';
import { formatDate, isCalendarDate } from '../lib/dates.ts';
import { directionAttribute, scriptLanguage } from '../lib/direction.ts';
import type { ArxivEntry } from '../lib/search-data.ts';
import {
  isArxivKey,
  namedSymbolWord,
  onlyCommonWords,
  paperKeysInQuery,
  paperShard,
  acronymExpansion,
  acronymOtherNumber,
  acronymTable,
  NORM_NAMES,
  adjacentWordPairs,
  compoundPhrases,
  numberPartsReadOtherwise,
  clippedAbbreviations,
  spelledOutAcronyms,
  splitAtHead,
  splitAtNumber,
  unfinishedWord,
  compoundWords,
  otherSpelling,
  spellingsTypedAsNames,
  excludedWords,
  alternativesInQuery,
  wordsNamedBySymbols,
  nameReadings,
  plainSpelling,
  withoutMarkup,
  withSingleQuotesRead,
  withShorthandRead,
  withCitationKeysRead,
  withoutQuestionWords,
  questionWithOneWordLess,
  scriptedTable,
  hasTypedTex,
  withScriptsRead,
  papersWithMostWords,
  wordsToCountApart,
  withPhraseApart,
  answeringReading,
  withPlainCompatibilityLetters,
  writtenOutSpelling,
  comparable,
  indexedForms,
  matchesWord,
  parseQuery,
  queryWords,
  revealTex,
  sitePageInQuery,
  withoutIndexOnlyWords,
  withTightMarks,
  topicInQuery,
  mayCiteAuthors,
  yearInQuery,
  monthInQuery,
  withoutStrayOperators,
  withTypedWordsKept,
  withPrintedWordsRead,
  withPublicationWordsDropped,
  newestFirstInQuery,
  titleOfPastedEntry,
  CITED_MONTH_FILTER,
  textWords,
  CITED_YEAR_FILTER,
  type QueryExpansions,
  type TopicName,
} from '../lib/search-query.ts';
import {
  closestJoinedSpelling,
  closestSpelling,
  swappedStartShard,
  swappedStartSpelling,
  vocabularyShard,
} from '../lib/spelling.ts';

// ---- The part of Pagefind's browser API used here (see pagefind_web_js/types) ----

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The indexed text; `locations` are the positions of the matched words in it. */
  content?: string;
  locations?: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  /** Relevance: higher is better. */
  score: number;
  /** Positions of the matched words in the page's indexed text. */
  words: number[];
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
interface PagefindQuery {
  /**
   * A value for each filter name, or `{ any }` of several (a range of years); `all` holds groups of
   * which a page must match each (see citedAuthorsFilter).
   */
  filters?: { [name: string]: string | { any: string[] } | CitedAuthorsFilter['all'] };
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, query?: PagefindQuery) => Promise<PagefindResponse>;
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload: (term: string, query?: PagefindQuery) => Promise<void>;
}

/** Config every search form carries (filled from the URL module at build time). */
interface SearchConfig {
  /** `<base>pagefind/`: where the index bundle lives. */
  bundle: string;
  /** The base path, prepended by Pagefind to result URLs. */
  base: string;
  /** The search page. */
  page: string;
}

const DEV_MESSAGE =
  'Search needs a built index, which `astro dev` does not make. Run `npm run build`, then `npx astro preview`.';
const FAILED_MESSAGE = 'Search could not be loaded. Reload the page to try again.';

class SearchUnavailable extends Error {}

function configOf(form: HTMLElement): SearchConfig {
  const { searchBundle, searchBase } = form.dataset;
  // The search page's address is where the form goes without script.
  const searchUrl = form.getAttribute('action');
  if (!searchBundle || !searchBase || !searchUrl) throw new Error('search form without action or data-search-* config');
  return { bundle: searchBundle, base: searchBase, page: searchUrl };
}

let pagefindPromise: Promise<Pagefind> | undefined;

/** Imports and initialises Pagefind once per page; the first caller decides when that happens. */
function loadPagefind(config: SearchConfig): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    if (import.meta.env.DEV) throw new SearchUnavailable(DEV_MESSAGE);
    let pagefind: Pagefind;
    try {
      pagefind = (await import(/* @vite-ignore */ `${config.bundle}pagefind.js`)) as Pagefind;
    } catch (error) {
      console.warn('Pagefind failed to load', error);
      throw new SearchUnavailable(FAILED_MESSAGE);
    }
    await pagefind.options({ baseUrl: config.base, excerptLength: 24, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  return pagefindPromise;
}

/**
 * Pagefind as the searches use it, loaded by the first call that needs the index: an answer that
 * needs none (a query of only common words, the address of a topic page the digest lacks) fetches
 * nothing of it, neither `pagefind.js` nor its WASM, meta or index chunks.
 */
function pagefindOnUse(config: SearchConfig): Pagefind {
  return {
    options: async (options) => (await loadPagefind(config)).options(options),
    init: async () => (await loadPagefind(config)).init(),
    search: async (term, query) => (await loadPagefind(config)).search(term, query),
    preload: async (term, query) => (await loadPagefind(config)).preload(term, query),
  };
}

function messageOf(error: unknown): string {
  if (error instanceof SearchUnavailable) return error.message;
  // A bug, not a missing index: the reader sees a short message, the console the cause.
  console.error('Search failed', error);
  return FAILED_MESSAGE;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function dateElement(date: string | undefined): HTMLTimeElement | undefined {
  if (!date || !isCalendarDate(date)) return undefined;
  const time = element('time', undefined, formatDate(date));
  time.dateTime = date;
  return time;
}

/** Pagefind's excerpt is HTML-escaped text with `<mark>` around the matches: safe as HTML. */
function excerptElement(excerpt: string): HTMLParagraphElement {
  const paragraph = element('p', 'search-result-excerpt');
  paragraph.innerHTML = revealTex(withTightMarks(withoutIndexOnlyWords(excerpt)));
  withDirection(paragraph, paragraph.textContent);
  return paragraph;
}

/**
 * Gives a result's title or snippet the direction of most of its letters where its first letter
 * says otherwise, and, on `script` (the node itself, or the title's link beside a date), the
 * `lang` of a text most of whose letters are of one script that is not Latin (`und-Hani`,
 * `und-Arab`): src/lib/direction.ts, the rule of the paper pages. The stylesheet's
 * `unicode-bidi: plaintext` alone ran 'מבוא: A title in English' right to left, and a Chinese
 * title was read out as English.
 */
function withDirection(node: HTMLElement, text: string, script: HTMLElement = node): void {
  const dir = directionAttribute(text);
  if (dir) node.dir = dir;
  const lang = scriptLanguage(text);
  if (lang) script.lang = lang;
}

// ---- Answering a query: an arXiv id, or words that really match ----

const fetched = new Map<string, Promise<unknown>>();

/** Fetches a search data file once per page. */
function fetchOnce<T>(url: string, read: (response: Response) => Promise<T>): Promise<T> {
  let promise = fetched.get(url) as Promise<T> | undefined;
  if (!promise) {
    promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
      return read(response);
    });
    promise.catch(() => fetched.delete(url));
    fetched.set(url, promise);
  }
  return promise;
}

const fetchJson = <T>(url: string) => fetchOnce(url, (response) => response.json() as Promise<T>);

/** What query words are also searched as: the first parts of compound words, and the abbreviations. */
interface Expansions {
  heads: string[];
  acronyms: Map<string, string[]>;
  scripted: Map<string, string[]>;
}

/**
 * The digest's compound-word heads and abbreviations (/search/expansions.json), fetched once, with
 * the first search (the header box's and the search page's alike), beside Pagefind. Without the
 * file (offline), words are searched as typed.
 */
function expansionsFor(config: SearchConfig): Promise<Expansions> {
  return fetchJson<QueryExpansions>(`${config.page}expansions.json`).then(
    ({ heads, acronyms, scripted = [] }) => ({
      heads,
      acronyms: acronymTable(acronyms),
      scripted: scriptedTable(scripted),
    }),
    () => ({ heads: [], acronyms: new Map(), scripted: new Map() }),
  );
}

/**
 * The paper with this canonical arXiv id, or this file name (a paper without an id), if the digest
 * has it. A shard not listed is not asked for: no 404, which the browser would log as an error.
 */
async function paperByKey(config: SearchConfig, id: string): Promise<ArxivEntry | undefined> {
  const shards = await fetchOnce(`${config.page}arxiv/shards.json`, (response) => response.json() as Promise<string[]>);
  const shard = paperShard(id);
  if (!shards.includes(shard)) return undefined;
  const entries = await fetchOnce(
    `${config.page}arxiv/${shard}.json`,
    (response) => response.json() as Promise<Record<string, ArxivEntry>>,
  );
  return Object.hasOwn(entries, id) ? entries[id] : undefined;
}

// ---- The author filter's code, loaded on use ----

type AuthorCode = typeof import('./search-authors.ts');
type CitedAuthorsFilter = import('./search-authors.ts').CitedAuthorsFilter;
let authorCode: Promise<AuthorCode> | undefined;

function loadAuthorCode(): Promise<AuthorCode> {
  authorCode ??= import('./search-authors.ts');
  authorCode.catch(() => (authorCode = undefined));
  return authorCode;
}

/** The words of text a result's matched locations point at (its fragment, loaded on first use). */
async function locatedTokens(result: PagefindResult): Promise<string[]> {
  const data = await result.data();
  const tokens = (data.content ?? '').split(/\s+/);
  return (data.locations ?? result.words).map((location) => tokens[location] ?? '');
}

/**
 * Whether a word no paper has whole (its exact search found nothing) is still a real match as the
 * start of words, as when the reader is still typing it (`netw`), or only Pagefind's fallback to a
 * shorter prefix (all or nothing for one word), which the matched words of a result tell apart.
 *
 * - If the answer's first paper shows the word at one of its matched locations, it is real.
 * - Otherwise, unless the answer was that very search (`alone`: the word by itself, no filters),
 *   the word's own prefix search's first result tells. A fallback can match most papers, so it
 *   is not run twice.
 *
 * One letter counts only as itself, so only the exact search answers for it.
 */
async function hasPrefixMatch(
  pagefind: Pagefind,
  word: string,
  shown: readonly string[],
  alone: boolean,
): Promise<boolean> {
  if (comparable(word).length <= 1) return false;
  if (shown.some((token) => matchesWord(word, token))) return true;
  if (alone) return false;
  const first = (await pagefind.search(word)).results[0];
  if (!first) return false;
  return (await locatedTokens(first)).some((token) => matchesWord(word, token));
}

/** Words of the digest a started word stands for, at most: each costs one exact search. */
const MAX_STARTED_WORDS = 8;

/**
 * The digest's words that `word` starts, when the digest has it only as the start of longer words
 * (`attenti`, `optimiz`, `neur`): Pagefind indexes stems and matches a query as the start of a
 * stem, but the stem of `attention` is `attent`, which `attenti` does not start, so its own search
 * finds only papers with a longer stem (`attentionbased`). Each of these words (the vocabulary,
 * most frequent first) is then searched exactly, which finds every paper with its stem. Undefined
 * when the word is too short to tell, is itself a word of the digest (its stem is indexed, and
 * Pagefind's own prefix search finds it), or starts none.
 */
async function wordsStartedBy(config: SearchConfig, word: string): Promise<string[] | undefined> {
  const started = comparable(word);
  if (started.length < 3) return undefined;
  const vocabulary = await vocabularyFor(config, word).catch(() => []);
  const words = vocabulary.filter((candidate) => comparable(candidate).startsWith(started));
  if (words.length === 0 || words.some((candidate) => comparable(candidate) === started)) return undefined;
  return words.slice(0, MAX_STARTED_WORDS);
}

/**
 * The papers with a word that `word` starts, each as its best-scored result: those with one of
 * the digest's `words` it starts, or a word of the same stem (each searched exactly), and those
 * Pagefind's own prefix search finds, when its answer is real (a paper shows a word that `word`
 * starts, not a fallback to a shorter prefix; `NeurIPS` is indexed as `neur` and `ips`, which no
 * vocabulary word names).
 */
async function papersStartedBy(
  pagefind: Pagefind,
  word: string,
  words: readonly string[],
  options: PagefindQuery,
): Promise<Map<string, PagefindResult>> {
  const [own, ...answers] = await Promise.all([
    pagefind.search(word, options),
    ...words.map((candidate) => pagefind.search(`"${candidate}"`, options)),
  ]);
  const found = answers.flatMap((answer) => answer.results);
  const started = comparable(word);
  const first = own.results[0];
  const ownIsReal =
    first && (await locatedTokens(first)).some((token) => indexedForms(token).some((form) => form.startsWith(started)));
  if (ownIsReal) found.push(...own.results);
  return bestById(found);
}

/**
 * The papers of an exact answer (`exact`, the results of exact searches), each by its best score
 * in `ranked` (Pagefind's ranked searches of the same words), in descending score; then the ones
 * no ranked search found, which are still real matches (`[0, 1]` for the word `01`).
 */
function rankedWithin(
  ranked: readonly PagefindResult[],
  exact: readonly PagefindResult[],
): Map<string, PagefindResult> {
  const ids = new Set(exact.map((result) => result.id));
  const best = bestById(ranked.filter((result) => ids.has(result.id)));
  for (const result of exact) if (!best.has(result.id)) best.set(result.id, result);
  return best;
}

/** Results by paper, each paper's best-scored one, in descending score. */
function bestById(results: readonly PagefindResult[]): Map<string, PagefindResult> {
  const best = new Map<string, PagefindResult>();
  for (const result of [...results].sort((a, b) => b.score - a.score)) {
    if (!best.has(result.id)) best.set(result.id, result);
  }
  return best;
}

/**
 * Two readings of one query as one answer: the first reading's papers, then the second's others
 * (a year as the papers' year, then as text; a family name as an author, then as a word). The first
 * found nothing: the second's answer. In a chosen order (newest, oldest), all of them in it.
 */
async function firstThen(
  pagefind: Pagefind,
  options: PagefindQuery,
  first: WordsAnswer,
  second: WordsAnswer,
): Promise<WordsAnswer> {
  if (first.results.length === 0) return second;
  const ids = new Set(first.results.map((result) => result.id));
  const results = [...first.results, ...second.results.filter((result) => !ids.has(result.id))];
  if (!options.sort) return { results, unmatched: [] };
  const all = new Set(results.map((result) => result.id));
  const sorted = (await pagefind.search(null, options)).results.filter((result) => all.has(result.id));
  return { results: sorted, unmatched: [] };
}

/**
 * A query that names a date (a month, a year) as one answer: what `ofDate` finds among the papers
 * of that date (`dateFilters` added to the options' filters), then what the `wider` reading finds
 * (the month's year, or the year as text), joined by firstThen. One step after the other, each a
 * step of this keystroke's search: a newer keystroke stops them.
 */
async function dateThenWider(
  pagefind: Pagefind,
  options: PagefindQuery,
  dateFilters: NonNullable<PagefindQuery['filters']>,
  ofDate: (filtered: PagefindQuery) => Promise<WordsAnswer | null>,
  wider: () => Promise<WordsAnswer | null>,
  keystroke: Keystroke | undefined,
): Promise<WordsAnswer | null> {
  if (keystroke && !(await keystroke.paused())) return null;
  const dated = await ofDate({ ...options, filters: { ...options.filters, ...dateFilters } });
  const wide = dated && (await wider());
  return dated && wide && firstThen(pagefind, options, dated, wide);
}

/** Only the query the reader stopped at is searched (typingPauses). */
const typingPaused = typingPauses();

interface WordsAnswer {
  results: PagefindResult[];
  /** The query is only words nearly every paper has (onlyCommonWords): no results, and a status that says so. */
  tooCommon?: true;
  /** Query words no paper really has: then there are no results. */
  unmatched: string[];
  /** A quoted phrase no paper has, its words as the search reads them: then there are no results. */
  unmatchedPhrase?: string;
  /** The query with each unmatched word replaced by the closest word of the digest, if all have one. */
  suggestion?: string;
  /** A question's word the results were found without, as typed (questionWithOneWordLess): the status names it. */
  leftOut?: string;
  /** A quoted phrase no paper has, as typed, whose words the results have apart (searchQuery): the status names it. */
  apart?: string;
  /** No paper has every word: the results are those with most of them (searchQuery), and the status says so. */
  mostWords?: true;
}

/** What an answer found less than the query asked for, which its status says. */
type Loosened = Pick<WordsAnswer, 'leftOut' | 'apart' | 'mostWords'>;

/** The digest's words that start as `word` does (src/lib/search-data.ts), most frequent first. */
function vocabularyFor(config: SearchConfig, word: string): Promise<string[]> {
  return vocabularyOfShard(config, vocabularyShard(word));
}

/** The digest's words in one vocabulary shard (vocabularyShard), most frequent first. */
function vocabularyOfShard(config: SearchConfig, shard: string): Promise<string[]> {
  return fetchOnce(`${config.page}words/${shard}.txt`, async (response) =>
    (await response.text()).split('\n').filter(Boolean),
  );
}

/** "Did you mean" for a word whose first two letters may be swapped (`rtansformer`), from the other shard (swappedStartShard). */
async function swappedStartSuggestion(config: SearchConfig, token: string): Promise<string | undefined> {
  const shard = swappedStartShard(token);
  return shard === undefined ? undefined : swappedStartSpelling(token, await vocabularyOfShard(config, shard));
}

/** "Did you mean" for a word joined by punctuation (`neural-netwrk`), part by part (closestJoinedSpelling). */
async function joinedSpelling(config: SearchConfig, token: string): Promise<string | undefined> {
  const vocabularies = new Map<string, string[]>();
  for (const part of textWords(token)) vocabularies.set(vocabularyShard(part), await vocabularyFor(config, part));
  return closestJoinedSpelling(token, (part) => vocabularies.get(vocabularyShard(part)) ?? []);
}

/**
 * The closest vocabulary word for each unmatched word, as a whole corrected query: the reader's
 * own words as typed (`Jörg frnke` → `Jörg Franke`), each unmatched one replaced, an ending after an
 * apostrophe kept (`netwrok's` → `network's`; closestSpelling).
 */
async function suggestionFor(config: SearchConfig, query: string, unmatched: string[]): Promise<string | undefined> {
  const tokens = query.trim().split(/\s+/);
  const corrected: string[] = [];
  const replaced = new Set<string>();
  for (const token of tokens) {
    const words = queryWords(token);
    const word = words.length === 1 && unmatched.includes(words[0]!) ? words[0]! : undefined;
    if (word === undefined) {
      corrected.push(token);
      continue;
    }
    const closest =
      closestSpelling(token, await vocabularyFor(config, token)) ??
      (await joinedSpelling(config, token)) ??
      (await swappedStartSuggestion(config, token));
    if (!closest) return undefined;
    corrected.push(closest);
    replaced.add(word);
  }
  // Each unmatched word needs a correction (one inside a longer token, `neural-netwrk`, gets none).
  if (unmatched.some((word) => !replaced.has(word))) return undefined;
  return corrected.join(' ');
}

/**
 * Runs a query (or a filter-only one, `query` empty) and keeps only real matches.
 *
 * Pagefind matches a query word's stem as the start of words, so `why` (stem `whi`) would also
 * find every `which` and `while`. So each quoted phrase and each finished word is first searched
 * exactly (`"why"`: the words with that very stem, `models` for `model` too), and a paper must be
 * in the answer of each. A word with no exact match, and the last word while the reader is still
 * typing (a debounced search, the query not ending in a space), match the words they start: their
 * prefix matches count, if they are real (hasPrefixMatch). If they are not, or a phrase has no
 * match, no paper has the whole query. The order is the chosen sort, or else Pagefind's relevance
 * over all the words (an exact search scores every paper alike, so it only filters), papers that
 * hold them together first (phraseFirst). A query of only symbols (`?`, `🤖`) has no words, and no
 * paper has it. Null when a newer debounced search superseded this one.
 */
async function searchWords(
  pagefind: Pagefind,
  config: SearchConfig,
  query: string,
  options: PagefindQuery,
  keystroke?: Keystroke,
  topics: readonly TopicName[] = [],
  readYear = true,
  readCitations = true,
): Promise<WordsAnswer | null> {
  // HTML and field names typed around the words (`<b>attention</b>`, `author:Hofmann`) are no words.
  // (A query of nothing else stays as typed: it finds nothing, not every paper.)
  query = withoutMarkup(query) || query;
  // A BibTeX entry pasted whole is its title (titleOfPastedEntry); a key alone is read below.
  query = titleOfPastedEntry(query) ?? query;
  // Full-width and mathematical letters and digits as plain ones (`ＧＰＴ`, `２０２４`, `𝐆𝐏𝐓`), so that
  // a year, a citation or an id in them is read as typed plainly, as their words are (queryWords).
  query = withPlainCompatibilityLetters(query);
  // `AND` or `OR` at an end of the query, `NOT` at its end, join nothing (withoutStrayOperators); a
  // query of only them asks for nothing, as one of only words every paper has.
  const joined = withoutStrayOperators(query);
  if (joined === '' && query.trim() !== '') return { results: [], unmatched: [], tooCommon: true };
  query = joined;
  // A word broken at a line's end, pasted from a PDF (`Predic- tion`: withPrintedWordsRead).
  query = withPrintedWordsRead(query);
  // `published in 2024`: the word before the date is no paper's (withPublicationWordsDropped).
  query = withPublicationWordsDropped(query);
  // A citation key is read as its name, year and word (withCitationKeysRead); one that finds
  // nothing so is no key of the digest's papers, and is searched as typed, as a paper's text may
  // write it (`Belkin2018ReconcilingMM`).
  const keysAsTyped = withCitationKeysRead(query, { asTyped: true });
  if (keysAsTyped !== query) {
    const read = withCitationKeysRead(query);
    const answer = await searchWords(pagefind, config, read, options, keystroke, topics, readYear, readCitations);
    if (answer === null || answer.results.length > 0 || answer.tooCommon) return answer;
    const typed = await searchWords(pagefind, config, keysAsTyped, options, keystroke, topics, readYear, readCitations);
    return typed === null || typed.results.length > 0 ? typed : answer;
  }
  // `NeurIPS'23` is `NeurIPS 2023`, and `KAN vs MLP` asks for papers with both (withShorthandRead).
  query = withShorthandRead(query) || query;
  // TeX typed without a script (`\mathbb{R}`) is also the digest's formulas that script it (`$\mathbb{R}^d$`).
  // (Only then are the expansions fetched here: a query of common words loads no search data.)
  if (hasTypedTex(query)) query = withScriptsRead(query, (await expansionsFor(config)).scripted);
  // `what is a KAN`: the question's own words are in no paper's text (withoutQuestionWords).
  const asked = withoutQuestionWords(query);
  if (asked !== query) {
    const answer = await searchWords(pagefind, config, asked, options, keystroke, topics, readYear, readCitations);
    if (answer === null || answer.results.length > 0 || answer.tooCommon) return answer;
    // Nothing as asked: the question's verb may be in no paper beside its subject (`why does double
    // descent happen`). Each reading with one word less is searched (questionWithOneWordLess), and
    // what its papers say of the word it leaves out picks the one to answer with (answeringReading).
    // (Not those that keep a word no paper has: they would find nothing either. The word still being
    // typed is not known to be one: it counts as found only beside what the others find, unfinishedWord.)
    const typedLast = keystroke && !/\s$/.test(query) ? parseQuery(asked).words.at(-1) : undefined;
    const unmatched = answer.unmatched.filter((word) => word !== typedLast);
    const readings = questionWithOneWordLess(query, asked, { unmatched, unmatchedPhrase: answer.unmatchedPhrase });
    // One after the other, each a step of this keystroke's search (keystroke.paused): a question
    // superseded while the reader types on stops there, with no more searches.
    const found: WordsAnswer[] = [];
    for (const { query: fewer } of readings) {
      const each = await searchWords(pagefind, config, fewer, options, keystroke, topics, readYear, readCitations);
      if (each === null) return null;
      found.push(each);
    }
    if (keystroke && !(await keystroke.paused())) return null;
    const evidence = await Promise.all(
      readings.map(async ({ leftOut }, index) => {
        const { results } = found[index]!;
        if (results.length === 0) return { found: 0, withLeftOutStart: 0 };
        const words = (await wordsStartedBy(config, leftOut)) ?? [];
        const started = await papersStartedBy(pagefind, leftOut, words, options);
        return { found: results.length, withLeftOutStart: results.filter((result) => started.has(result.id)).length };
      }),
    );
    const best = answeringReading(evidence);
    return best === undefined ? answer : { ...found[best]!, leftOut: readings[best]!.leftOut };
  }
  // `a OR b`: each side is a query of its own, and the answer is the papers of any side, the first
  // side's first (alternativesInQuery). The word being typed is the query's last: a side that ends
  // in it may be typed (`kolmogorov OR hebbian lear`: both sides end in `lear`); the others are finished.
  const alternatives = alternativesInQuery(query);
  if (alternatives) {
    if (keystroke && !(await keystroke.paused())) return null;
    let answer: WordsAnswer | undefined;
    const unmatched: string[] = [];
    let unmatchedPhrase: string | undefined;
    const typed = /\S+$/.exec(query)?.[0];
    for (const side of alternatives) {
      const typedSide = keystroke && typed !== undefined && ` ${side}`.endsWith(` ${typed}`) ? keystroke : undefined;
      const found = await searchWords(pagefind, config, side, options, typedSide, topics, readYear, readCitations);
      // A finished side is searched as no keystroke's: the search asks after it whether to go on.
      if (found === null || (keystroke && !(await keystroke.paused()))) return null;
      unmatched.push(...found.unmatched);
      unmatchedPhrase ??= found.unmatchedPhrase;
      answer = answer ? await firstThen(pagefind, options, answer, found) : found;
    }
    if (answer!.results.length > 0 || (unmatched.length === 0 && unmatchedPhrase === undefined)) return answer!;
    // No side finds a paper: a side's phrase is searched with its words apart (searchQuery), or a
    // side's misspelt word gets its "Did you mean" in the whole query.
    if (unmatchedPhrase !== undefined) return { results: [], unmatched, unmatchedPhrase };
    const suggestion = await suggestionFor(config, query, unmatched).catch(() => undefined);
    return { results: [], unmatched, ...(suggestion && { suggestion }) };
  }
  // `-word`: the papers the rest of the query finds (or all, for no rest) without those that have the word.
  const { kept, excluded } = excludedWords(query);
  if (excluded.length > 0) {
    const answer =
      kept === ''
        ? { results: (await pagefind.search(null, options)).results, unmatched: [] }
        : await searchWords(pagefind, config, kept, options, keystroke, topics, readYear, readCitations);
    if (answer === null) return null;
    const withWord = await Promise.all(excluded.map((word) => pagefind.search(`"${word}"`, options)));
    const left = new Set(withWord.flatMap((each) => each.results.map((result) => result.id)));
    return { ...answer, results: answer.results.filter((result) => !left.has(result.id)) };
  }
  // Only words such as `the of and`: every paper has them, so listing every paper answers nothing.
  if (onlyCommonWords(query)) return { results: [], unmatched: [], tooCommon: true };
  // The address of this digest's page of a topic or an author, pasted: that page's papers, newest
  // first as the page lists them (a paper's page is its arXiv id: arxivIdInQuery).
  const page = sitePageInQuery(query);
  const topicOfPage = page?.kind === 'topics' ? topics.find((topic) => topic.slug === page.slug) : undefined;
  if (page?.kind === 'topics' && !topicOfPage) return { results: [], unmatched: [] };
  if (topicOfPage || page?.kind === 'authors') {
    const filter = topicOfPage
      ? { topic: topicOfPage.label }
      : { [(await loadAuthorCode()).authorFilterName(page!.slug)]: page!.slug };
    const sort = options.sort ?? { date: 'desc' };
    return {
      results: (await pagefind.search(null, { filters: { ...options.filters, ...filter }, sort })).results,
      unmatched: [],
    };
  }
  // Authors cited as papers cite them (`Z. Kolter`, `Akyürek et al., 2023`) filter the papers to
  // theirs, newest first when nothing else is asked; the rest of the query is words. Looked up
  // first: a query that only looks like a citation (`2023 Offline RL`) fits no author, and its year
  // is then read as any other query's.
  const typing = keystroke !== undefined && !/\s$/.test(query);
  const cited =
    // Not for capitals that are an abbreviation of the digest (`Generative AI`): no author code for them.
    readCitations &&
    mayCiteAuthors(query) &&
    mayCiteAuthors(query, { abbreviations: (await expansionsFor(config)).acronyms })
      ? await loadAuthorCode()
          .then((code) => code.citedAuthorsFilter(config.page, query, typing, fetchJson))
          .catch(() => undefined)
      : undefined;
  // A year beside other words (`transformers 2023`) is the paper's year, as citations give it (its
  // first version's or its venue's), or the year in its text; not when the papers write it after
  // the word before it (a venue, `ICLR 2024`: an ICLR 2025 paper first posted in 2024 is no answer).
  // A month and its year (`June 2025`, `2024-12`) are the month of the paper's first version: its
  // papers first, then what the query finds without the month's name (those of the year first);
  // after `since`, `before`… the months of that range, then those of its range of years.
  const month = !readYear || cited ? undefined : monthInQuery(query);
  if (month) {
    const ofMonth = (filtered: PagefindQuery) =>
      month.rest
        ? searchWords(pagefind, config, month.rest, filtered, keystroke, topics, false, false)
        : pagefind
            .search(null, { ...filtered, sort: options.sort ?? { date: 'desc' } })
            .then(({ results }) => ({ results, unmatched: [] }));
    const ofYear = () =>
      searchWords(
        pagefind,
        config,
        `${month.rest} ${month.years ?? month.year}`.trim(),
        options,
        keystroke,
        topics,
        true,
        readCitations,
      );
    return dateThenWider(
      pagefind,
      options,
      { [CITED_MONTH_FILTER]: { any: month.months } },
      ofMonth,
      ofYear,
      keystroke,
    );
  }
  const year = !readYear || cited ? undefined : yearInQuery(query);
  if (year) {
    if (keystroke && !(await keystroke.paused())) return null;
    const phrase = year.before && (await pagefind.search(`"${year.before} ${year.year}"`, options)).results.length;
    if (!phrase) {
      const ofYear = (filtered: PagefindQuery) =>
        searchWords(pagefind, config, year.rest, filtered, keystroke, topics, true, readCitations);
      const asText = () => searchWords(pagefind, config, query, options, keystroke, topics, false, readCitations);
      return dateThenWider(pagefind, options, { [CITED_YEAR_FILTER]: { any: year.years } }, ofYear, asText, keystroke);
    }
  }
  if (cited) {
    const alone = cited.rest.trim() === '' && !options.sort;
    const citedOptions: PagefindQuery = {
      ...options,
      filters: { ...options.filters, all: cited.filter.all },
      ...(alone && { sort: { date: 'desc' } }),
    };
    if (cited.alsoWords) {
      // A family name alone may be a word (`Adam 2023`: Hartwig Adam's paper, or the Adam
      // optimizer's of 2023): the author's papers first, then what the words and year find.
      if (keystroke && !(await keystroke.paused())) return null;
      const ofAuthor = await searchText(pagefind, config, cited.rest, citedOptions, keystroke);
      const asWords =
        ofAuthor && (await searchWords(pagefind, config, query, options, keystroke, topics, readYear, false));
      return ofAuthor && asWords && firstThen(pagefind, options, ofAuthor, asWords);
    }
    const { firstAuthor } = cited.filter;
    if (firstAuthor) {
      // A reference's paper (`Wang et al., 2024`): the papers of which the first name is the first
      // author's first, then the others the names fit, each part in its own order.
      if (keystroke && !(await keystroke.paused())) return null;
      const firsts = { ...citedOptions, filters: { ...citedOptions.filters, all: [...cited.filter.all, firstAuthor] } };
      const ofFirst = await searchText(pagefind, config, cited.rest, firsts, keystroke);
      const ofAll = ofFirst && (await searchText(pagefind, config, cited.rest, citedOptions, keystroke));
      // (Concatenated as found unless the reader asked for an order: options.sort, not the date order
      // of a citation alone, citedOptions'.)
      return ofFirst && ofAll && firstThen(pagefind, options, ofFirst, ofAll);
    }
    options = citedOptions;
    query = cited.rest;
  }
  const answer = await searchText(pagefind, config, query, options, keystroke);
  const topic = topicInQuery(query, topics);
  if (answer === null || !topic || options.filters?.topic) return answer;
  // A query that names a topic (its label, or its slug from a topic page's address): the topic's
  // papers come first, those the words find in their order, then the others newest first; then
  // the rest of what the words find. In a chosen order (newest, oldest), all of them in it.
  const inTopic = (
    await pagefind.search(null, {
      ...options,
      filters: { ...options.filters, topic: topic.label },
      sort: options.sort ?? { date: 'desc' },
    })
  ).results;
  const topicIds = new Set(inTopic.map((result) => result.id));
  const foundIds = new Set(answer.results.map((result) => result.id));
  if (options.sort) {
    const all = new Set([...topicIds, ...foundIds]);
    return {
      results: (await pagefind.search(null, options)).results.filter((result) => all.has(result.id)),
      unmatched: [],
    };
  }
  return {
    results: [
      ...answer.results.filter((result) => topicIds.has(result.id)),
      ...inTopic.filter((result) => !foundIds.has(result.id)),
      ...answer.results.filter((result) => !topicIds.has(result.id)),
    ],
    unmatched: [],
  };
}

/**
 * A query as the header box and the search page search it (searchWords), and, when a quoted phrase
 * is in no paper (`"gated attention transformers"`, a title quoted with a word missing or changed),
 * the query with that phrase's quotes off (withPhraseApart), whose papers have the phrase's words apart: the
 * status says so (`apart`). A phrase is the reader's way to ask for words side by side, not for
 * nothing when they are not; a query with no quotes asks for nothing more.
 */
async function searchQuery(
  pagefind: Pagefind,
  config: SearchConfig,
  query: string,
  options: PagefindQuery,
  keystroke: Keystroke | undefined,
  topics: readonly TopicName[],
): Promise<WordsAnswer | null> {
  // A phrase in single quotes (`-'vision transformer'`) is one in double quotes (withSingleQuotesRead).
  query = withSingleQuotesRead(query);
  // `latest KAN`: the papers the rest finds, newest first, unless the reader chose an order (newestFirstInQuery).
  const newest = newestFirstInQuery(query);
  if (newest !== undefined) [query, options] = [newest, { ...options, sort: options.sort ?? { date: 'desc' } }];
  const answer = await searchWords(pagefind, config, query, options, keystroke, topics);
  const phrase = answer?.results.length === 0 ? answer.unmatchedPhrase : undefined;
  if (answer === null || answer.results.length > 0 || answer.tooCommon) return answer;
  if (phrase === undefined) return mostWordsOr(pagefind, config, query, options, topics, answer);
  // (A phrase no quotes of the query hold as typed leaves the query as it is: it would find nothing again.)
  const { query: loose, typed } = withPhraseApart(query, phrase);
  if (typed === undefined) return answer;
  const apart = await searchWords(pagefind, config, loose, options, keystroke, topics);
  if (apart === null) return null;
  return apart.results.length > 0 ? { ...apart, apart: typed } : answer;
}

/**
 * For a query of several words that no paper has together (`answer`), a long title typed with a
 * word added or changed: the papers with most of its words (wordsToCountApart), each word searched
 * alone as the query would search it, ranked by papersWithMostWords; the status says so
 * (`mostWords`), and a word no paper has keeps its "Did you mean". Otherwise `answer`.
 */
async function mostWordsOr(
  pagefind: Pagefind,
  config: SearchConfig,
  query: string,
  options: PagefindQuery,
  topics: readonly TopicName[],
  answer: WordsAnswer,
): Promise<WordsAnswer> {
  const words = wordsToCountApart(query);
  if (!words) return answer;
  const [all, ...each] = await Promise.all([
    pagefind.search(null, options),
    ...words.map((word) => searchWords(pagefind, config, word, options, undefined, topics)),
  ]);
  const byId = bestById(each.flatMap((found) => found?.results ?? []));
  const ids = papersWithMostWords(
    each.map((found) => (found?.results ?? []).map((result) => result.id)),
    all.results.length,
  );
  if (ids.length === 0) return answer;
  // In a chosen order (newest, oldest), the papers found in it.
  const kept = new Set(ids);
  const results = options.sort ? all.results.filter((result) => kept.has(result.id)) : ids.map((id) => byId.get(id)!);
  return { ...answer, unmatched: [], results, mostWords: true };
}

/** Most pairs of neighbouring words a query is also searched with joined (joinedPairs). */
const MAX_JOINED_PAIRS = 6;

/** Two words of a query side by side, and the papers with them joined into one word. */
interface JoinedPair {
  first: string;
  second: string;
  joined: string;
  results: PagefindResult[];
}

/**
 * The pairs of words side by side in a query (adjacentWordPairs) that the digest also has as one
 * word (`pre training`: `pretraining`; `GPT 4`: `GPT-4`, which the index holds as `gpt4`, and
 * whose `4` Pagefind does not keep as a word), left to right, each word in one pair at most. The
 * word the reader is still typing is in none: it is not a word yet.
 */
async function joinedPairs(
  search: (term: string) => Promise<PagefindResponse>,
  query: string,
  unfinished: string | undefined,
): Promise<JoinedPair[]> {
  const candidates = adjacentWordPairs(query).filter(([first, second]) => first !== second);
  if (unfinished !== undefined && candidates.at(-1)?.[1] === unfinished) candidates.pop();
  // Each pair is one more exact search, which may load an index chunk of its own: a pasted
  // sentence of thirty words would ask for twenty-nine. The first few pairs hold the compounds a
  // reader types; a longer query is found by its words and ranked by its phrase.
  candidates.splice(MAX_JOINED_PAIRS);
  // A pair with a number is also searched with it in its other spelling, joined and apart (`two
  // stream`: `2stream`, as the index holds `2-Stream`, and `2 stream`); `joined` is the first form found.
  const forms = candidates.map(([first, second]) => {
    const numbered = numberPartsReadOtherwise([first, second]);
    return [`${first}${second}`, ...(numbered ? [numbered.join(''), numbered.join(' ')] : [])];
  });
  const answers = await Promise.all(forms.map((each) => Promise.all(each.map((form) => search(`"${form}"`)))));
  const pairs: JoinedPair[] = [];
  const used = new Set<string>();
  for (const [index, [first, second]] of candidates.entries()) {
    const found = answers[index]!.findIndex((answer) => answer.results.length > 0);
    if (found < 0 || used.has(first) || used.has(second)) continue;
    used.add(first).add(second);
    const results = answers[index]!.flatMap((answer) => answer.results);
    pairs.push({ first, second, joined: forms[index]![found]!, results });
  }
  return pairs;
}

/**
 * The phrases a word typed in parts is searched as (compoundPhrases), and, when a part is a number
 * (numberPartsReadOtherwise), the parts with the number in its other spelling, joined and apart.
 */
function partPhrases(parts: readonly string[], expansion: readonly string[] | undefined): string[] {
  const numbered = numberPartsReadOtherwise(parts);
  return [
    ...new Set([...compoundPhrases(parts, expansion), ...(numbered ? [numbered.join(''), numbered.join(' ')] : [])]),
  ];
}

/** The papers the words of a query find (see searchWords, which also reads a topic's name). */
async function searchText(
  pagefind: Pagefind,
  config: SearchConfig,
  query: string,
  options: PagefindQuery,
  keystroke?: Keystroke,
): Promise<WordsAnswer | null> {
  const { phrases, words } = parseQuery(query);
  // The compound words as typed (`L1-norm`), before abbreviations and split words join them below.
  const typedCompounds: ReadonlyMap<string, string[]> = compoundWords(query);
  const compounds = new Map(typedCompounds);
  // A search that needs the index: Pagefind loads beside the expansions, not after them.
  void loadPagefind(config).catch(() => undefined);
  // Fetched beside Pagefind by the first search (run), so it is there or on its way by now.
  const { heads, acronyms } = await expansionsFor(config);
  // `BatchNorm`: the words of an abbreviation, each cut short, which papers write whole (`batch normalization`).
  // A word typed in parts (`batch-norm`) keeps them, its abbreviation's words searched beside them (compoundPhrases).
  const clipped = clippedAbbreviations(query, acronyms);
  for (const [word, expansion] of clipped) if (!compounds.has(word)) compounds.set(word, expansion);
  // Nothing is searched until the reader stops typing; then only the newest query goes on. The
  // index chunks its words need load meanwhile, as Pagefind's own debounced search does.
  if (keystroke) {
    void pagefind.preload(query, options).catch(() => undefined);
    if (!(await keystroke.paused())) return null;
  }
  const search = (term: string | null) => pagefind.search(term, options);
  const allWords = [...phrases.flat(), ...words];
  if (allWords.length === 0) {
    return query.trim() === ''
      ? { results: (await search(null)).results, unmatched: [] }
      : { results: [], unmatched: [query.trim()] };
  }

  // While the reader types, the query's last word may be unfinished (`neur`, `tran`): it matches
  // the words it starts, as Pagefind's own search does (unfinishedWord says which word is).
  const unfinished = keystroke === undefined ? undefined : unfinishedWord(query, heads, acronyms);
  const table = [...acronyms, ...NORM_NAMES];
  const exactTerms = [...phrases.map((phrase) => phrase.join(' ')), ...(unfinished ? words.slice(0, -1) : words)];
  // A finished word that starts with the first part of a compound word of the digest is also
  // searched as the two words the text may write apart (`dataset`: `data sets`), as a compound
  // query word is (`data-set`), and so is a name and its number (`llama2`: `Llama 2`); an
  // abbreviation, as the words it stands for (`LLM`: `large language model`).
  const abbreviations = new Set<string>();
  for (const word of unfinished ? words.slice(0, -1) : words) {
    if (compounds.has(word)) continue;
    const expansion = acronymExpansion(word, query, acronyms);
    if (expansion) abbreviations.add(word);
    const split = expansion ?? splitAtHead(word, heads) ?? splitAtNumber(word);
    if (split) compounds.set(word, split);
  }
  const known: Set<string>[] = [];
  const prefixOnly: string[] = unfinished ? [unfinished] : [];
  // A Greek letter or a symbol (`μ`: `mu`) is a whole word, not the start of others (`multi`).
  const named = wordsNamedBySymbols(query);
  // An acronym's plural is a word of its own to Pagefind's stemmer (`LLMs`, `LLM`): both are searched,
  // and the ranked search below uses the shorter, whose prefix search finds both.
  const rankedForms = new Map<string, string>();
  // A word found in two forms that no one ranked search finds together: a word whose other
  // spelling the digest also has (`behaviour`, `behavior`), and a compound word, joined or apart
  // (`non-linear`: `nonlinearity`, `non linear`). Its papers, each by its best score in a ranked
  // search of either form.
  const rankedApart = new Map<string, Map<string, PagefindResult>>();
  const inRankedPhrase = new Set<string>();
  // Two words side by side that the digest also has as one word (`pre training`, `GPT 4`).
  const pairs = await joinedPairs(search, query, unfinished);
  const paired = new Set(pairs.flatMap((pair) => [pair.first, pair.second]));
  // An abbreviation's words in the query (`large language models`), finished: also the papers that
  // write the abbreviation instead (`LLMs`); so for a norm named in words (`infinity norm`: `$\ell_\infty$`). Their words, like a pair's, are a condition together.
  const spelledOut = spelledOutAcronyms(unfinished ? words.slice(0, -1) : words, table, typedCompounds).filter(
    (run) => !run.words.some((word) => paired.has(word)),
  );
  const grouped = new Set([...paired, ...spelledOut.flatMap((run) => run.words)]);
  const pairedAnswers = new Map<string, PagefindResult[]>();
  // `Gray code`, `by Gray`: a name, searched in its one spelling (spellingsTypedAsNames).
  const typedAsNames = spellingsTypedAsNames(query);
  for (const [index, term] of exactTerms.entries()) {
    const isWord = index >= phrases.length;
    const other = isWord ? acronymOtherNumber(term) : undefined;
    const parts = isWord ? compounds.get(term) : undefined;
    // Its other spelling: British or American, or an umlaut's, ø's or å's written out (`müller`, `mueller`).
    const writtenOut = writtenOutSpelling(term);
    // Or the symbol it names (`infinity`: `$\infty$`).
    const spelled = isWord
      ? ((typedAsNames.has(term) ? undefined : otherSpelling(term)) ??
        (writtenOut === term ? undefined : writtenOut) ??
        namedSymbolWord(term))
      : undefined;
    // And in plain letters (`ødegård`: `odegard`), as the index also holds every word with ø, ß, ł or
    // æ, and every sentence with one whole (so a phrase too: `"bjørn ødegård"`).
    const plain = plainSpelling(term);
    const [answer, otherAnswer, partsAnswer, spelledAnswer, plainAnswer] = await Promise.all([
      search(`"${term}"`),
      other ? search(`"${other}"`) : undefined,
      // Apart, and, for three parts or more, some joined (`click-through-rate`: `clickthrough rate`);
      // with a number in its other spelling, joined and apart too (`3-layer`: `threelayer`, `three layer`).
      parts
        ? Promise.all(partPhrases(parts, clipped.get(term)).map((phrase) => search(`"${phrase}"`))).then((answers) => ({
            results: answers.flatMap((each) => each.results),
          }))
        : undefined,
      spelled ? search(`"${spelled}"`) : undefined,
      plain ? search(`"${plain}"`) : undefined,
    ]);
    const results = [
      ...answer.results,
      ...(otherAnswer?.results ?? []),
      ...(partsAnswer?.results ?? []),
      ...(spelledAnswer?.results ?? []),
      ...(plainAnswer?.results ?? []),
    ];
    // A word of a pair is a condition only together with its pair (below).
    if (isWord && grouped.has(term)) {
      pairedAnswers.set(term, results);
      continue;
    }
    // Pagefind keeps no part of one character (`GPT-4`'s `4`), which a ranked search would require.
    const rankedParts = parts?.filter((part) => comparable(part).length > 1) ?? [];
    const otherForm =
      spelledAnswer && spelledAnswer.results.length > 0
        ? spelled
        : rankedParts.join(' ') || (plainAnswer && plainAnswer.results.length > 0 ? plain : '');
    // (Parts all of one character, `[0,1]` written `[0, 1]`, have no ranked search of their own.)
    if (results.length > 0 && (otherForm || (partsAnswer?.results.length ?? 0) > 0)) {
      const ranked = await Promise.all([search(term), ...(otherForm ? [search(otherForm)] : [])]);
      const papers = rankedWithin(
        ranked.flatMap((each) => each.results),
        results,
      );
      // An abbreviation: the papers that write it as the reader did (or its plural) before those
      // that only spell it out.
      const own = new Set([...answer.results, ...(otherAnswer?.results ?? [])].map((result) => result.id));
      const first = (id: string) => (abbreviations.has(term) && !own.has(id) ? 1 : 0);
      rankedApart.set(term, new Map([...papers].sort(([a], [b]) => first(a) - first(b))));
      // A phrase's words are ranked with it, not searched again as they are typed.
      if (!isWord) for (const word of term.split(' ')) inRankedPhrase.add(word);
    } else if (results.length > 0) {
      known.push(new Set(results.map((result) => result.id)));
      if (other && otherAnswer!.results.length > 0) rankedForms.set(term, other.length < term.length ? other : term);
    } else if (!isWord) return { results: [], unmatched: [], unmatchedPhrase: term };
    else if (named.has(term)) return { results: [], unmatched: [term] };
    else prefixOnly.push(term);
  }
  // Words the digest has only as the start of longer ones: the papers with one of the words they
  // start, found through the vocabulary (papersStartedBy).
  const startedWords = new Map<string, string[]>();
  for (const word of prefixOnly) {
    const words = await wordsStartedBy(config, word);
    if (words) startedWords.set(word, words);
  }
  const startedBy = new Map<string, Map<string, PagefindResult>>();
  for (const [word, words] of startedWords) startedBy.set(word, await papersStartedBy(pagefind, word, words, options));
  // A word that starts no word of the digest may be a name with particles typed joined (`deluca`:
  // `de Luca`, `vanderwaals`): the papers with one of its readings as a phrase.
  for (const word of prefixOnly) {
    if (startedWords.has(word)) continue;
    const readings = nameReadings(word);
    if (readings.length === 0) continue;
    const answers = await Promise.all(readings.map((reading) => search(`"${reading.join(' ')}"`)));
    const found = bestById(answers.flatMap((answer) => answer.results));
    if (found.size === 0) continue;
    startedWords.set(word, []);
    startedBy.set(word, found);
  }
  // A name and its number still being typed (`llama2`) also finds its two words apart (`Llama 2`), as
  // it does finished, beside the longer words it starts (`cifar10`: `CIFAR-100`, Pagefind's prefix search).
  const typedApart = unfinished === undefined ? undefined : splitAtNumber(unfinished);
  if (unfinished !== undefined && typedApart && !startedWords.has(unfinished)) {
    const [started, apart] = await Promise.all([search(unfinished), search(`"${typedApart.join(' ')}"`)]);
    if (apart.results.length > 0) {
      startedWords.set(unfinished, []);
      startedBy.set(unfinished, bestById([...started.results, ...apart.results]));
    }
  }
  // A word of two forms is ranked as a started word is: by its own results, not Pagefind's over the others.
  for (const [word, papers] of rankedApart) {
    startedWords.set(word, []);
    startedBy.set(word, papers);
  }
  // Spelled out, an abbreviation is found in the papers with all its words or with it (singular or
  // plural), and ranked as a word of two forms is.
  for (const run of spelledOut) {
    const plural = acronymOtherNumber(run.letters) ?? `${run.letters}s`;
    const [singularAnswer, pluralAnswer] = await Promise.all([search(`"${run.letters}"`), search(`"${plural}"`)]);
    const withAll = run.words
      .map((word) => pairedAnswers.get(word) ?? [])
      .reduce((kept, answer) => {
        const ids = new Set(answer.map((result) => result.id));
        return kept.filter((result) => ids.has(result.id));
      });
    const exact = [...singularAnswer.results, ...pluralAnswer.results, ...withAll];
    const ranked = await Promise.all([search(run.words.join(' ')), search(run.letters)]);
    startedWords.set(run.words.join(' '), []);
    startedBy.set(
      run.words.join(' '),
      rankedWithin(
        ranked.flatMap((each) => each.results),
        exact,
      ),
    );
  }
  // A pair is found in the papers with both words (each as its exact search finds it) or with the
  // joined word, and ranked as a word of two forms is.
  for (const { first, second, joined, results: joinedResults } of pairs) {
    const firstAnswer = pairedAnswers.get(first) ?? [];
    const secondIds = new Set((pairedAnswers.get(second) ?? []).map((result) => result.id));
    const exact = [...joinedResults, ...firstAnswer.filter((result) => secondIds.has(result.id))];
    const ranked = await Promise.all([search(`${first} ${second}`), search(joined)]);
    startedWords.set(`${first} ${second}`, []);
    startedBy.set(
      `${first} ${second}`,
      rankedWithin(
        ranked.flatMap((each) => each.results),
        exact,
      ),
    );
  }
  // Ranked (or sorted) by Pagefind over the other words; with none, the started word's own
  // results by score, or, for a chosen sort, every paper the filters allow in that order. (A
  // shortened prefix would be stemmed again: `akyu` cut to `aky` is searched as `aki`.)
  const otherWords = allWords
    .filter((word) => !startedWords.has(word) && !grouped.has(word) && !inRankedPhrase.has(word))
    .map((word) => rankedForms.get(word) ?? word);
  const ranked =
    otherWords.length > 0 || startedBy.size === 0
      ? (await search(otherWords.join(' '))).results
      : options.sort
        ? (await search(null)).results
        : [...startedBy.values().next().value!.values()];
  if (prefixOnly.length > 0) {
    // An unfinished word that is also a word of the digest whole (`transformers`, `modeling`) is
    // real, whatever its prefix search shows first (`Transformer`, `model`: the same stems).
    const unfinishedIsWord = unfinished !== undefined && (await search(`"${unfinished}"`)).results.length > 0;
    const shown = ranked[0] ? await locatedTokens(ranked[0]) : [];
    const alone = allWords.length === 1 && Object.keys(options.filters ?? {}).length === 0;
    const real = await Promise.all(
      // An unfinished word of one letter starts words; a finished one counts only as itself.
      prefixOnly.map(async (word) =>
        startedBy.has(word)
          ? startedBy.get(word)!.size > 0
          : word === unfinished && (unfinishedIsWord || comparable(word).length === 1)
            ? ranked.length > 0
            : hasPrefixMatch(pagefind, word, shown, alone),
      ),
    );
    const unmatched = prefixOnly.filter((_, index) => !real[index]);
    if (unmatched.length > 0) {
      const suggestion = await suggestionFor(config, query, unmatched).catch(() => undefined);
      return { results: [], unmatched, ...(suggestion && { suggestion }) };
    }
  }
  const results = ranked.filter(
    (result) => known.every((ids) => ids.has(result.id)) && [...startedBy.values()].every((ids) => ids.has(result.id)),
  );
  // A chosen sort (newest, oldest) is the order; otherwise papers with the words together come first.
  if (options.sort) return { results, unmatched: [] };
  return {
    results: await wholeWordFirst(allWords, await phraseFirst(pagefind, allWords, options, results, pairs)),
    unmatched: [],
  };
}

/**
 * Most papers a one-word answer is ranked by the whole word in (wholeWordFirst): three pages. A
 * stem shared by many words (`optimal`, `optimization`: `optim`) put papers with only the other
 * words on the first page, and the ones with the word on the second; past this, Pagefind's order.
 */
const MAX_WHOLE_WORD_RANKED = 30;

/**
 * For a query of one word, the papers that have the reader's word itself (or a longer word it
 * starts: `optimal` in `optimality`, `model` in `models`) before those that have only another word
 * of its stem: Pagefind compares stems, so `optimal` (stem `optim`) also finds `optimize` and
 * `optimization`, `useful` finds `use`, and ranks a paper full of them above one that says the
 * word once. Its inflections count as the word (withoutInflection: `optimize`, `optimized`,
 * `optimization`; `study`, `studies`), its derived words do not (`optimal`, `optimize`). A word of three letters at most (as a name often is: `Ré`, `Ma`) counts only whole,
 * not as a part of a longer word (`ReLU`, `LLaMA-2`, `re-examine`). Only when the answer has at
 * most {@link MAX_WHOLE_WORD_RANKED} papers, as each paper's text is one more file to load (about
 * 1.2 KB, whatever the digest's size; the first page's ten load anyway to show them); each group
 * keeps its order.
 */
/** A word without an inflection's ending (`models`, `changed`, `studies` → `model`, `chang`, `stud`), if four letters stay. */
function withoutInflection(word: string): string {
  const stem = word.replace(/(?:ies|es|s|ed|ing|e|y)$/, '');
  return stem.length >= 4 ? stem : word;
}

async function wholeWordFirst(words: string[], results: PagefindResult[]): Promise<PagefindResult[]> {
  const word = words.length === 1 ? comparable(words[0]!) : '';
  if (word.length === 0 || results.length < 2 || results.length > MAX_WHOLE_WORD_RANKED) return results;
  // The word's other forms that the search found as the word itself: an acronym's other number
  // (`LLMs`, `LLM`) and the other spelling (`behaviour`, `behavior`).
  const starts = [word, acronymOtherNumber(word), otherSpelling(word)].flatMap((form) =>
    form === undefined ? [] : [withoutInflection(form)],
  );
  const has = (token: string) =>
    word.length <= 3
      ? comparable(token) === word
      : indexedForms(token).some((form) => starts.some((start) => form.startsWith(start)));
  const whole = await Promise.all(
    results.map(async (result) => ((await result.data()).content ?? '').split(/\s+/).some(has)),
  );
  return [...results.filter((_, index) => whole[index]), ...results.filter((_, index) => !whole[index])];
}

/**
 * Results that hold the query's words together and in order (`"ming li"`: an author's full name,
 * a title's phrase; with a pair's words joined too, `"multilayer perceptron"` for `multi layer
 * perceptron`) come first, each group in Pagefind's order.
 */
async function phraseFirst(
  pagefind: Pagefind,
  words: string[],
  options: PagefindQuery,
  results: PagefindResult[],
  pairs: readonly JoinedPair[],
): Promise<PagefindResult[]> {
  if (words.length < 2) return results;
  const phrases = [words.join(' ')];
  if (pairs.length > 0) {
    const joined: string[] = [];
    for (let index = 0; index < words.length; index += 1) {
      const pair = pairs.find((each) => each.first === words[index] && each.second === words[index + 1]);
      joined.push(pair ? pair.joined : words[index]!);
      if (pair) index += 1;
    }
    phrases.push(joined.join(' '));
  }
  const answers = await Promise.all(phrases.map((phrase) => pagefind.search(`"${phrase}"`, options)));
  const together = new Set(answers.flatMap((answer) => answer.results.map((result) => result.id)));
  return [
    ...results.filter((result) => together.has(result.id)),
    ...results.filter((result) => !together.has(result.id)),
  ];
}

/** "Did you mean …?" as a link to the search page, or nothing. */
/** What the header box and the search page say for a query of only common words (onlyCommonWords). */
function tooCommonStatus(query: string): string {
  return `“${query.trim()}” has only words nearly every paper has. Add a word that says what you are looking for, or put words in quotes to find them side by side.`;
}

function suggestionElement(config: SearchConfig, typed: string, read: string | undefined): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (!read) return fragment;
  // The reader's words as typed, where the search read them otherwise and corrected none (withTypedWordsKept).
  const suggestion = withTypedWordsKept(typed, read);
  const link = element('a', 'search-suggestion', suggestion);
  link.href = `${config.page}?${new URLSearchParams({ q: suggestion })}`;
  fragment.append(' Did you mean ', link, '?');
  return fragment;
}

/** The papers the digest has of these ids (or file names: paperKeysInQuery), and the ids it has not. */
async function papersByKeys(
  config: SearchConfig,
  ids: readonly string[],
): Promise<{ found: PagefindResultData[]; missing: string[] }> {
  const entries = await Promise.all(ids.map((id) => paperByKey(config, id)));
  return {
    found: ids.flatMap((id, index) => (entries[index] ? [arxivResult(id, entries[index])] : [])),
    missing: ids.filter((_, index) => !entries[index]),
  };
}

/**
 * What an id query found: `No paper with arXiv id 2306.13575 in this digest.` (or `No paper named
 * my-paper …` for a file name), or the count and the ids it lacks.
 */
function arxivStatus(found: number, missing: readonly string[], words: string): string {
  const ids = missing.filter(isArxivKey);
  const names = missing.filter((key) => !isArxivKey(key));
  const lacking = [
    ids.length === 0 ? '' : `No paper with arXiv id${ids.length === 1 ? '' : 's'} ${ids.join(', ')} in this digest.`,
    names.length === 0 ? '' : `No paper named ${names.join(', ')} in this digest.`,
  ]
    .filter(Boolean)
    .join(' ');
  return found === 0 ? lacking : `${paperCount(found)} found${words}.${lacking ? ` ${lacking}` : ''}`;
}

/** The one paper an id query names, shaped like a Pagefind result for the same rendering. */
function arxivResult(id: string, entry: ArxivEntry): PagefindResultData {
  return {
    url: entry.url,
    excerpt: isArxivKey(id) ? `arXiv:${id}` : '',
    meta: { title: entry.title, date: entry.date },
    filters: { topic: entry.topics },
  };
}

// ---- Keyboard: Esc clears a search box (`/` is search-boot.ts's, loaded on every page) ----

/** Esc in a search box empties it (and the results that went with it). */
function onEscape(input: HTMLInputElement, cleared: () => void): void {
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (input.value === '') return;
    event.preventDefault();
    input.value = '';
    cleared();
  });
}

// ---- The header box: a form to /search/?q=, with a short live preview once the reader types ----

const PREVIEW_SIZE = 5;

/**
 * The panel under the header box. It is made here rather than sent with every page: only a
 * reader whose browser runs this script can see it.
 */
function previewPanel(form: HTMLFormElement, input: HTMLInputElement, page: string) {
  const panel = element('div', 'search-preview');
  panel.id = `${input.id}-preview`;
  panel.hidden = true;
  panel.dataset.searchPreview = '';
  const message = element('p', 'search-preview-message');
  message.hidden = true;
  const list = element('ol', 'search-preview-results');
  const all = element('a', 'search-preview-all', 'Search page →');
  all.href = page;
  panel.append(message, list, all);
  form.append(panel);
  input.setAttribute('aria-controls', panel.id);
  return { panel, message, list, all };
}

function setUpHeaderBox(form: HTMLFormElement): void {
  const config = configOf(form);
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!input || !status) return;
  const { panel, message, list, all } = previewPanel(form, input, config.page);

  let generation = 0;

  const close = () => {
    panel.hidden = true;
  };
  const open = () => {
    panel.hidden = false;
  };
  const reset = () => {
    generation += 1;
    list.replaceChildren();
    status.textContent = '';
    close();
  };

  const run = async () => {
    const term = input.value.trim();
    const current = ++generation;
    if (!term) return reset();
    try {
      const ids = paperKeysInQuery(term);
      let shown: PagefindResultData[];
      let count: number;
      let suggestion: string | undefined;
      let missing: string[] = [];
      let tooCommon = false;
      let loosened: Loosened = {};
      if (ids) {
        ({ found: shown, missing } = await papersByKeys(config, ids));
        if (current !== generation) return;
        count = shown.length;
      } else {
        // The topics, which the search page lists in its filter, to read a query that names one.
        const topics = fetchJson<TopicName[]>(`${config.page}topics.json`).catch(() => []);
        void expansionsFor(config);
        const answer = await searchQuery(pagefindOnUse(config), config, term, {}, typingPaused(150), await topics);
        if (answer === null || current !== generation) return;
        shown = await Promise.all(answer.results.slice(0, PREVIEW_SIZE).map((result) => result.data()));
        count = answer.results.length;
        suggestion = answer.suggestion;
        tooCommon = answer.tooCommon === true;
        loosened = answer;
      }
      if (current !== generation) return;
      list.replaceChildren(
        ...shown.map((data) => {
          const item = element('li', 'search-preview-item');
          const link = element('a', undefined, data.meta.title ?? data.url);
          link.href = data.url;
          // The title's letters alone: the date after it would count its month's (and is English).
          withDirection(item, data.meta.title ?? data.url, link);
          item.append(link);
          const time = dateElement(data.meta.date);
          if (time) item.append(' ', time);
          return item;
        }),
      );
      // Papers found without one of a question's words: said above them, as no match is.
      const without = count > 0 ? looseStatus(count, loosened) : undefined;
      message.replaceChildren(
        without ??
          (ids ? arxivStatus(0, missing, '') : tooCommon ? tooCommonStatus(term) : `No papers match “${term}”.`),
        suggestionElement(config, term, suggestion),
      );
      message.hidden = count > 0 && without === undefined;
      status.textContent =
        count === 0 || without !== undefined ? (message.textContent ?? '') : arxivStatus(count, missing, '');
      all.href = `${config.page}?${new URLSearchParams({ q: term })}`;
      all.textContent = count > PREVIEW_SIZE ? `All ${count} results →` : 'Filter and sort on the search page →';
      open();
    } catch (error) {
      if (current !== generation) return;
      list.replaceChildren();
      message.textContent = messageOf(error);
      message.hidden = false;
      status.textContent = message.textContent;
      all.href = config.page;
      all.textContent = 'Search page →';
      open();
    }
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => {
    if (input.value.trim() && status.textContent) open();
  });
  onEscape(input, reset);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      close();
      input.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !panel.hidden) {
      // Down from the box into the preview's links, and through them; Up from the first, back.
      const links = [...panel.querySelectorAll<HTMLAnchorElement>('a')];
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (at === -1 && event.key === 'ArrowUp') return;
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
}

// ---- The search page: query, topic, year and author filters, sort, results with excerpts ----

const PAGE_SIZE = 10;

interface PageState {
  q: string;
  topic: string;
  year: string;
  /** The author's slug. */
  author: string;
  sort: string;
}

/** Keeps the address bar in step, so a search can be bookmarked, shared and reloaded. */
/**
 * Puts the form's state in the address, as a new entry in the browser's history or in place of
 * the current one. True when the address changed.
 */
function rememberState(current: PageState, asNewEntry: boolean): boolean {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current) as [string, string][]) if (value) params.set(key, value);
  const query = params.toString();
  const address = query ? `?${query}` : location.pathname;
  if (new URL(address, location.href).href === location.href) return false;
  if (asNewEntry) history.pushState(null, '', address);
  else history.replaceState(null, '', address);
  return true;
}

/** The form as the address bar says; a value no option has is left empty. Returns the author parameter. */
function restoreState(controls: {
  input: HTMLInputElement;
  topic: HTMLSelectElement;
  year: HTMLSelectElement;
  sort: HTMLSelectElement;
}): string {
  const params = new URLSearchParams(location.search);
  controls.input.value = params.get('q') ?? '';
  const select = (control: HTMLSelectElement, value: string | null) => {
    control.value = [...control.options].some((option) => option.value === value) ? (value ?? '') : '';
  };
  // A topic by its slug, as the form writes it, or by its label however written (`Interpretability`,
  // `expressivity and approximation`), as a reader may edit the address: never dropped unread.
  const topicNames = [...controls.topic.options]
    .filter((option) => option.value && option.dataset.filter)
    .map((option) => ({ slug: option.value, label: option.dataset.filter! }));
  const topic = params.get('topic');
  select(controls.topic, topic === null ? null : (topicInQuery(topic, topicNames)?.slug ?? topic));
  select(controls.year, params.get('year'));
  select(controls.sort, params.get('sort'));
  return params.get('author')?.trim() ?? '';
}

/**
 * Pagefind's filters and sort for the form; `topicFilter` is the label Pagefind indexed for the
 * topic, `authorFilter` the filter name that holds the author (src/lib/search-authors.ts).
 */
function pagefindQuery(
  current: PageState,
  topicFilter: string | undefined,
  authorFilter: string | undefined,
): PagefindQuery {
  const filters: Record<string, string> = {};
  if (current.topic && topicFilter) filters.topic = topicFilter;
  if (current.year) filters.year = current.year;
  if (current.author && authorFilter) filters[authorFilter] = current.author;
  // Without words there is no relevance: list newest first.
  const order = current.sort || (current.q ? '' : 'newest');
  const sorted = order === 'newest' ? 'desc' : order === 'oldest' ? 'asc' : undefined;
  return { filters, ...(sorted && { sort: { date: sorted } }) };
}

/**
 * After "No papers found", the filters that narrowed the search, which the reader may remove
 * (` Searched only in topic “Theory”, year 2021: remove a filter to search more widely.`);
 * nothing without one, or for a filter alone, with no words or other filter left to search by.
 */
function filtersToRemove(state: PageState, topicLabel: string | null | undefined, byAuthor: boolean): string {
  const filters = [...filterNames(state, topicLabel), ...(byAuthor ? ['papers by the author'] : [])];
  if (filters.length === 0 || (filters.length === 1 && !state.q)) return '';
  return ` Searched only in ${filters.join(', ')}: remove a filter to search more widely.`;
}

/** The topic and year filters of the form, as the statuses name them: `topic “Theory”`, `year 2021`. */
function filterNames(state: PageState, topicLabel: string | null | undefined): string[] {
  return [state.topic && `topic “${topicLabel?.trim() || state.topic}”`, state.year && `year ${state.year}`].filter(
    (name) => name !== '',
  );
}

/**
 * What the search page found, with what it searched by: the words, the author and the topic and
 * year filters (`12 papers found for “neural” in topic “Theory”, year 2021.`); a filter alone
 * otherwise said only `12 papers found.`
 */
function foundStatus(
  count: number,
  words: string,
  by: string,
  filters: readonly string[],
  loosened: Loosened = {},
): string {
  const within = filters.length === 0 ? '' : ` in ${filters.join(', ')}`;
  return looseStatus(count, loosened, words, `${by}${within}`) ?? `${paperCount(count)} found${words}${by}${within}.`;
}

/**
 * What the header box and the search page say of papers found for less than the query asked, or
 * undefined for an answer to all of it: without a question's word (`leftOut`:
 * questionWithOneWordLess), with a quoted phrase's words apart (`apart`: searchQuery), or with
 * most of the words (`mostWords`: searchQuery).
 */
function looseStatus(count: number, { leftOut, apart, mostWords }: Loosened, words = '', by = ''): string | undefined {
  if (leftOut !== undefined)
    return `No paper has all your words${words}; ${paperCount(count)} found without “${leftOut}”${by}.`;
  if (apart !== undefined)
    return `No paper has the phrase “${apart}”; ${paperCount(count)} found with its words apart${by}.`;
  if (mostWords) return `No paper has every word${words}; ${paperCount(count)} found with most of them${by}.`;
  return undefined;
}

/** One result: its title as a link, its date and topics (linked to their pages), its excerpt. */
function resultItem(data: PagefindResultData, topicLinks: ReadonlyMap<string | undefined, string | undefined>) {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  withDirection(heading, data.meta.title ?? data.url);
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const meta = element('div', 'search-result-meta');
  const time = dateElement(data.meta.date);
  if (time) meta.append(time);
  const topics = data.filters.topic ?? [];
  if (topics.length > 0) {
    const tags = element('ul', 'search-result-topics');
    tags.setAttribute('aria-label', 'Topics');
    for (const label of topics) {
      const tag = element('li');
      const href = topicLinks.get(label);
      if (href) {
        const anchor = element('a', undefined, label);
        anchor.href = href;
        tag.append(anchor);
      } else tag.textContent = label;
      tags.append(tag);
    }
    meta.append(tags);
  }
  item.append(heading, meta, excerptElement(data.excerpt));
  return item;
}

/** The author the filter applies: the name as shown, and the slug that identifies them. */
interface AuthorChoice {
  name: string;
  /** Known for an author from the address or the directory; else made from the name when needed. */
  slug?: string;
  /** The Pagefind filter name for the slug, once known. */
  filter?: string;
}

/**
 * The author field: as the reader types, the matching authors of the directory as buttons under
 * it (Down arrow moves into them); choosing one, or Enter on a typed name, applies the filter;
 * emptying the field removes it.
 */
function setUpAuthorField(
  config: SearchConfig,
  input: HTMLInputElement,
  list: HTMLUListElement,
  choose: (choice: AuthorChoice | undefined) => void,
): void {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    generation += 1;
    list.hidden = true;
    list.replaceChildren();
  };
  const buttons = () => [...list.querySelectorAll('button')];

  const suggest = async () => {
    const current = ++generation;
    const typed = input.value;
    // The names that match; where none does, the names of the closest spelling ("Did you mean").
    const { entries, misspelt } = await loadAuthorCode()
      .then(async (code) => {
        const matching = await code.suggestAuthors(config.page, typed, fetchJson);
        if (matching.length > 0) return { entries: matching, misspelt: false };
        return { entries: await code.authorsSpelledLike(config.page, typed, fetchJson), misspelt: true };
      })
      .catch(() => ({ entries: [], misspelt: false }));
    if (current !== generation) return;
    list.replaceChildren(
      ...entries.map(([name, papers]) => {
        const item = element('li');
        const button = element('button', 'search-author-suggestion');
        button.type = 'button';
        if (misspelt) button.append('Did you mean ');
        // The name in an element of its own with the pages' class (.author, isolated in
        // global.css): else an Arabic or Hebrew name draws the count's "1 ·" before itself.
        button.append(
          element('span', 'author', name),
          misspelt ? '?' : '',
          element('span', 'search-author-count', ` · ${paperCount(papers)}`),
        );
        button.addEventListener('click', () => {
          input.value = name;
          hide();
          input.focus();
          choose({ name });
        });
        item.append(button);
        return item;
      }),
    );
    list.hidden = entries.length === 0;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (input.value.trim() === '') {
      hide();
      choose(undefined);
      return;
    }
    timer = setTimeout(() => void suggest(), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !list.hidden) {
      event.preventDefault();
      buttons()[0]?.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
      input.focus();
    }
  });
  onEscape(input, () => {
    hide();
    choose(undefined);
  });
  input.closest('form')?.addEventListener('submit', hide);
}

function setUpSearchPage(form: HTMLFormElement): void {
  const config = configOf(form);
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const topic = form.querySelector<HTMLSelectElement>('select[name="topic"]');
  const year = form.querySelector<HTMLSelectElement>('select[name="year"]');
  const authorInput = form.querySelector<HTMLInputElement>('input[name="author"]');
  const authorList = form.querySelector<HTMLUListElement>('[data-search-author-suggestions]');
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!input || !topic || !year || !authorInput || !authorList || !sort || !status || !list || !more) return;

  const idle = status.textContent ?? '';
  let generation = 0;
  let pending: PagefindResult[] = [];
  let author: AuthorChoice | undefined;

  const state = (): PageState => ({
    q: input.value.trim(),
    topic: topic.value,
    year: year.value,
    author: author?.slug ?? '',
    sort: sort.value,
  });

  const query = (current: PageState) =>
    pagefindQuery(current, topic.selectedOptions[0]?.dataset.filter, author?.filter);
  const topicLinks = new Map(
    [...topic.options].filter((option) => option.value).map((option) => [option.dataset.filter, option.dataset.url]),
  );
  const render = (data: PagefindResultData) => resultItem(data, topicLinks);
  const topicNames: TopicName[] = [...topic.options]
    .filter((option) => option.value && option.dataset.filter)
    .map((option) => ({ slug: option.value, label: option.dataset.filter! }));

  const showMore = async (current: number) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    list.append(...data.map(render));
    more.hidden = pending.length === 0;
  };

  const clearResults = () => {
    pending = [];
    list.replaceChildren();
    more.hidden = true;
  };

  /**
   * The author in the address or the field, as the directory names them: by slug, by a name
   * written there instead, or by part of a name that only one author's name has. Not known when
   * the digest has no such author, or (`matching`) when several authors' names have that part.
   */
  const resolveAuthor = async (
    choice: AuthorChoice,
  ): Promise<{ known: boolean; author: AuthorChoice; matching?: number }> => {
    const code = await loadAuthorCode();
    const slugs =
      choice.slug === undefined ? [code.authorSlug(choice.name)] : [choice.slug, code.authorSlug(choice.slug)];
    for (const slug of slugs) {
      const entry = await code.authorBySlug(config.page, slug, fetchJson);
      if (!entry) continue;
      const [name] = entry;
      const known = code.authorSlug(name);
      return { known: true, author: { name, slug: known, filter: code.authorFilterName(known) } };
    }
    // Part of a name (`Richtarik` for Peter Richtárik): the one author it matches, as the
    // suggestions under the field show them; several, and the reader must choose.
    const matching = await code.suggestAuthors(config.page, choice.name, fetchJson);
    if (matching.length === 1) {
      const [name] = matching[0]!;
      const known = code.authorSlug(name);
      return { known: true, author: { name, slug: known, filter: code.authorFilterName(known) } };
    }
    return { known: false, author: { ...choice, slug: slugs[0] }, matching: matching.length };
  };

  let nextChangeIsNewEntry = true;
  /** The address's query of the search the page shows (popstate: a fragment alone changes nothing). */
  let searched = location.search;
  /** Runs the form's search; `fromAddress`: the form was just read from the address (a link, Back). */
  const run = async (debounce: boolean, fromAddress = false) => {
    const current = ++generation;
    let now = state();
    // A search the reader asked for (Enter, a filter) is a new entry in the history, and so is the
    // first keystroke after one, so that Back returns to it; the keystrokes after that update
    // the entry they made.
    if (rememberState(now, !fromAddress && (!debounce || nextChangeIsNewEntry))) nextChangeIsNewEntry = false;
    if (!debounce) nextChangeIsNewEntry = true;
    searched = location.search;
    if (!now.q && !now.topic && !now.year && !author) {
      clearResults();
      status.textContent = idle;
      return;
    }
    try {
      const words = now.q ? ` for “${now.q}”` : '';
      const ids = now.q ? paperKeysInQuery(now.q) : undefined;
      if (ids) {
        // An id names one paper, whatever the filters say.
        const { found, missing } = await papersByKeys(config, ids);
        if (current !== generation) return;
        clearResults();
        list.replaceChildren(...found.map(render));
        status.textContent = arxivStatus(found.length, missing, words);
        return;
      }
      let by = '';
      if (author) {
        const asked = author;
        const resolved = await resolveAuthor(asked);
        if (current !== generation) return;
        author = resolved.author;
        now = state();
        rememberState(now, false);
        searched = location.search;
        if (!resolved.known) {
          clearResults();
          status.textContent = resolved.matching
            ? `“${asked.name}” matches several authors: choose one from the list under the field.`
            : `No papers by “${asked.name}”: the digest has no author of that name.`;
          if (!resolved.matching) {
            // The author of the closest spelling, as the words box offers a word's (authorsSpelledLike).
            const code = await loadAuthorCode();
            const [closest] = await code.authorsSpelledLike(config.page, asked.name, fetchJson).catch(() => []);
            if (current !== generation || !closest) return;
            const params = new URLSearchParams(location.search);
            params.set('author', code.authorSlug(closest[0]));
            const link = element('a', 'search-suggestion', closest[0]);
            link.href = `${config.page}?${params}`;
            status.append(' Did you mean ', link, '?');
          }
          return;
        }
        if (document.activeElement !== authorInput) authorInput.value = author.name;
        by = ` by ${author.name}`;
      }
      if (!pagefindPromise) status.textContent = 'Loading search…';
      // What query words are also searched as: fetched beside Pagefind, not after it.
      if (now.q) void expansionsFor(config);
      const answer = await searchQuery(
        pagefindOnUse(config),
        config,
        now.q,
        query(now),
        debounce ? typingPaused(200) : undefined,
        topicNames,
      );
      if (answer === null || current !== generation) return;
      pending = answer.results;
      list.replaceChildren();
      await showMore(current);
      if (current !== generation) return;
      const count = answer.results.length;
      status.replaceChildren(
        answer.tooCommon
          ? tooCommonStatus(now.q)
          : count === 0
            ? `No papers found${words}${by}.${filtersToRemove(now, topic.selectedOptions[0]?.textContent, !!author)}`
            : foundStatus(count, words, by, filterNames(now, topic.selectedOptions[0]?.textContent), answer),
        suggestionElement(config, now.q, answer.suggestion),
      );
    } catch (error) {
      if (current !== generation) return;
      clearResults();
      status.textContent = messageOf(error);
    }
  };

  /** The author field's text as a filter: the chosen author when it still shows their name. */
  const typedAuthor = (): AuthorChoice | undefined => {
    const name = authorInput.value.trim();
    if (!name) return undefined;
    return author?.name === name ? author : { name };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    author = typedAuthor();
    void run(false);
  });
  input.addEventListener('input', () => void run(true));
  for (const control of [topic, year, sort]) control.addEventListener('change', () => void run(false));
  onEscape(input, () => void run(false));
  setUpAuthorField(config, authorInput, authorList, (choice) => {
    if (choice?.name === author?.name) return;
    author = choice;
    void run(false);
  });
  more.addEventListener('click', () => {
    const first = list.childElementCount;
    void showMore(generation).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  /** The form as the address says, and its search. */
  const restore = (always: boolean) => {
    const authorParam = restoreState({ input, topic, year, sort });
    // A slug from a link (`?author=ekin-akyurek`), or a name from the form sent without JavaScript.
    author = authorParam ? { name: authorParam, slug: authorParam } : undefined;
    authorInput.value = authorParam;
    const initial = state();
    if (always || initial.q || initial.topic || initial.year || initial.author) void run(false, true);
  };
  restore(false);
  // Back and Forward show the search of that entry. An entry of the same search with another
  // fragment (the skip link's #main) is the same search: it keeps its results, as far as "More"
  // showed them, and the status is not announced again.
  window.addEventListener('popstate', () => {
    if (location.search === searched) return;
    searched = location.search;
    restore(true);
  });
}

// ---- Wiring ----

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) setUpHeaderBox(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-page]')) setUpSearchPage(form);
