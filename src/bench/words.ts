import { parse } from 'yaml';
import { indexedForms, onlyCommonWords } from '../lib/search-query.ts';
import { byCodeUnits } from '../lib/text-order.ts';

/**
 * The words and topic the benchmark searches for, chosen from the corpus it built (never written
 * into the benchmark, so they follow the corpus when it changes):
 * - the common word: the indexable word used most often in the whole corpus, the search that
 *   loads the most index; not one the search answers as too common to search (onlyCommonWords:
 *   `the`), which loads no index at all;
 * - the rare word: a word in exactly one paper, which no other word of the corpus starts with (a
 *   reader's word also finds the words it starts with);
 * - the topic: the one most papers carry, for the filtered query (the common word and this topic);
 * - words of middling frequency, for timing the answer after typing.
 * A word here is one the search index keeps (see indexedForms: whole words and their parts, no
 * accents, lower case) made of at least MIN_LETTERS letters a–z: a word a reader would type.
 */
export interface SearchWords {
  common: string;
  rare: string;
  /** Index (in the texts given) of the one paper that has the rare word. */
  rarePaper: number;
  topic: string;
  /** A few more words, from common to rare, for timing answers. */
  middling: string[];
}

const MIN_LETTERS = 3;
const MIDDLING_COUNT = 3;

interface PaperWords {
  /** Every indexable word occurrence, in order. */
  words: string[];
  topics: string[];
}

/** What the search index holds of a paper: its title, authors and abstract, math left out. */
export function paperWords(mdx: string): PaperWords {
  const [, frontmatter = '', ...rest] = mdx.split(/^---$/m);
  const data = (parse(frontmatter) ?? {}) as { title?: unknown; authors?: unknown; tags?: unknown };
  const body = rest
    .join('---')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ');
  const authors = Array.isArray(data.authors) ? data.authors.map(String) : [];
  const title = typeof data.title === 'string' ? data.title : '';
  const text = [title, ...authors, body].join(' ');
  const words = text
    .split(/\s+/)
    .flatMap(indexedForms)
    .filter((word) => word.length >= MIN_LETTERS && /^[a-z]+$/.test(word));
  const topics = Array.isArray(data.tags) ? data.tags.map(String) : [];
  return { words, topics };
}

const byCountThenWord = ([a, countA]: [string, number], [b, countB]: [string, number]) =>
  countB - countA || byCodeUnits(a, b);

/** Chooses the benchmark's search words from the papers' MDX texts (same texts, same words). */
export function chooseSearchWords(texts: readonly string[]): SearchWords {
  const occurrences = new Map<string, number>();
  const papersWith = new Map<string, number>();
  const onlyPaper = new Map<string, number>();
  const topicCounts = new Map<string, number>();
  for (const [index, text] of texts.entries()) {
    const { words, topics } = paperWords(text);
    for (const word of words) occurrences.set(word, (occurrences.get(word) ?? 0) + 1);
    for (const word of new Set(words)) {
      papersWith.set(word, (papersWith.get(word) ?? 0) + 1);
      onlyPaper.set(word, index);
    }
    for (const topic of new Set(topics)) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
  }
  const ranked = [...occurrences].sort(byCountThenWord);
  const common = ranked.find(([word]) => !onlyCommonWords(word))?.[0];
  const topic = [...topicCounts].sort(byCountThenWord)[0]?.[0];
  if (!common || !topic) throw new Error('the corpus has no indexable words or no topics');

  // Sorted, a word's extensions follow it directly: it is a prefix of another word iff the next is.
  const vocabulary = [...papersWith.keys()].sort();
  const rare = vocabulary.find(
    (word, at) => papersWith.get(word) === 1 && !(vocabulary[at + 1]?.startsWith(word) ?? false),
  );
  if (!rare) throw new Error('no word of the corpus is in exactly one paper and starts no other word');

  // Middling: the words at a quarter, half and three quarters of the way down the ranking of
  // the words in more than one paper.
  const shared = ranked.filter(([word]) => (papersWith.get(word) ?? 0) > 1 && word !== common);
  const middling = Array.from(
    { length: MIDDLING_COUNT },
    (_, step) => shared[Math.floor(((step + 1) * shared.length) / (MIDDLING_COUNT + 1))]?.[0],
  ).filter((word): word is string => word !== undefined);

  return { common, rare, rarePaper: onlyPaper.get(rare)!, topic, middling };
}
