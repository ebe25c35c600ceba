/**
 * Build-time data for search, beside Pagefind's index: what a paper page gives the indexer for its
 * math, the arXiv id → paper map and the vocabulary for "Did you mean …?". The last two are small
 * files under /search/, split so that a query loads one shard, and only when it needs it (an id, or
 * a word no paper has): the first search downloads none of them.
 */
import { canonicalArxivId } from './arxiv-id.ts';
import { groupByAuthor } from './author-index.ts';
import { withPlainLetters } from './authors.ts';
import { authorDirectory, type DirectoryEntry, plainSpellingForSearch } from './search-authors.ts';
import { asciiFold, citationKeyNamePart } from './bibtex.ts';
import { decodeHTML } from 'entities';
import { escapeHtml } from './encode/html.ts';
import katex from 'katex';
import { latex2unicode } from 'unicode2latex';
import {
  commandWord,
  comparable,
  textWords,
  compoundParts,
  joinedNameNumber,
  countWords,
  proseBoundWords,
  fencedForIndex,
  pagefindForms,
  paperShard,
  hiddenTex,
  isLetterCommand,
  isStylingCommand,
  MATH_SYMBOL,
  mathIndexWords,
  queryWords,
  symbolWord,
  withoutTexComments,
} from './search-query.ts';
import { VOCABULARY_SHARDS, vocabularyShard } from './spelling.ts';
import { TEX_FUNCTION_NAMES } from './title-math.ts';
import { titleText } from './title-text.ts';
import { byCodeUnits } from './text-order.ts';

// ---- Math in the index ----

/** A KaTeX formula in the pipeline's HTML, with its TeX source (HTML-escaped) in `<annotation>`. */
const FORMULA =
  /(<span class="katex-display">)?<span class="katex"><span class="katex-mathml"><math[^>]*><semantics>[\s\S]*?<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g;

/**
 * Puts each formula's TeX, as `$…$` (or `$$…$$` for display math), in a hidden span before it, for
 * the search index only: Pagefind indexes these spans and leaves KaTeX's markup out (see
 * pagefind.ts), so a snippet shows `$2^k - 1$`, never the flattened `2k−1`. Hidden with the
 * `hidden` attribute: no box, nothing read aloud, nothing copied. Command names and dollars are
 * written in the Private Use Area (see `hiddenTex`); the search script shows them as TeX.
 */
export function withIndexedTex(html: string): string {
  // Each word once a page, after the first formula that has it: it finds the paper as well, and
  // the page stays light. A word of any formula's TeX copy is held by the copy itself.
  const held = new Set([...html.matchAll(FORMULA)].flatMap(([, , tex]) => copyWords(decodeHTML(tex!))));
  return html.replace(FORMULA, (formula: string, display: string | undefined, tex: string) => {
    // The words a reader types for it (`l2` for `\ell_2`, `O(n)`: mathIndexWords), its symbols'
    // words (`\gg`, `≫`: mathSymbolWords) and the words its copy hides (texPartWords), fenced after it.
    const words = [
      ...mathIndexWords(decodeHTML(tex)),
      ...mathSymbolWords(decodeHTML(tex)),
      ...texPartWords(decodeHTML(tex)),
    ].filter((word) => !held.has(word));
    for (const word of words) held.add(word);
    const typed = fencedForIndex(words);
    const source = `<span hidden>${hiddenTex(tex.trim(), Boolean(display))}${typed}</span>`;
    return display ? display + source + formula.slice(display.length) : source + formula;
  });
}

/** A command's name in TeX. */
const COMMAND = /\\([a-zA-Z]+)/g;

/** Whether a word of TeX holds a command whose name its copy hides (hiddenTex): any but a letter's, and a `var` letter's `var`. */
const hidesName = (token: string) =>
  [...token.matchAll(COMMAND)].some(([, name]) => !isLetterCommand(name!) || /^var/i.test(name!));

/**
 * The words Pagefind makes of a formula's TeX copy (hiddenTex): each word whole, its hidden command
 * names left out, and a word with none hidden also by its parts (pagefindForms: not the decimal
 * words, `0ꞏ001` for `10^{-3}`, which the copy does not give: mathIndexWords does), as Pagefind cuts a
 * word at ASCII punctuation (`\ell(f_\theta(x_i),` is also `theta`, `i`); a hidden name is no
 * ASCII, and Pagefind does not cut a word that holds one.
 */
function copyWords(tex: string): string[] {
  return withoutTexComments(tex)
    .split(/\s+/)
    .flatMap((token) =>
      hidesName(token)
        ? [
            comparable(
              token.replace(COMMAND, (_, name: string) => (isLetterCommand(name) ? name.replace(/^var/i, '') : '')),
            ),
          ]
        : pagefindForms(token),
    )
    .filter((word) => word.length > 0);
}

/** The commands KaTeX shows as a word (`\log n` is `log n`), which a reader types as one. */
const FUNCTION_NAMES = new Set(TEX_FUNCTION_NAMES.split(' '));

/**
 * The words a formula shows that its TeX copy hides from Pagefind: a command's name is hidden
 * (hiddenTex) and glues what is around it into one word, which Pagefind does not cut again (it cuts
 * a word only at ASCII punctuation), so `\mathcal{O}(n`, `\widetilde{\mathcal{O}}(d^k)` and
 * `\log` are the words `on`, `odk` and nothing, and `\mathcal{O}`, `d^k` and `n log n` would not
 * find them. Each word of the TeX with a hidden command (one that is not a letter's name) is held
 * by its parts as the formula shows them: a command's argument (`O`), a bound's pieces (`d`, `k`),
 * a letter by its name and a function by its name (`\log` is `log`); other command names are
 * nothing, as in the copy. A part that is a whole word of the copy is held already.
 */
export function texPartWords(tex: string): string[] {
  const shown = (token: string) =>
    token.replace(COMMAND, (_, name: string) =>
      isLetterCommand(name) ? ` ${name.replace(/^var/i, '')} ` : FUNCTION_NAMES.has(name) ? ` ${name} ` : ' ',
    );
  const whole = new Set(copyWords(tex));
  const parts = withoutTexComments(tex)
    .split(/\s+/)
    .filter(hidesName)
    .flatMap((token) => shown(token).split(/[^\p{L}\p{N}]+/u))
    .map(comparable)
    .filter((part) => /\p{L}/u.test(part) && !whole.has(part));
  return [...new Set(parts)];
}

/** What unicode2latex's table gives for a LaTeX command in math: its text, or its text in math mode and in text. */
type TableEntry = string | { math?: string; text?: string };

/** The character a command (`gg`) stands for in math (`≫`), if one (`\textinfinity` is text). */
function characterOf(name: string): string | undefined {
  const entry = (latex2unicode as Readonly<Record<string, TableEntry>>)[`\\${name}`];
  const text = typeof entry === 'string' ? entry : entry?.math;
  return text !== undefined && [...text].length === 1 ? text : undefined;
}

const knownToKatex = new Map<string, boolean>();

/** Whether KaTeX reads a command (`surd` yes, unicode-math's `vysmwhtcircle` no): a reader types only those. */
function katexKnows(name: string): boolean {
  let known = knownToKatex.get(name);
  if (known === undefined) {
    try {
      katex.renderToString(`\\${name}`, { throwOnError: true, strict: 'ignore' });
      known = true;
    } catch {
      known = false;
    }
    knownToKatex.set(name, known);
  }
  return known;
}

/** Commands by the one character each stands for (`≤`: `\le`, `\leq`), from unicode2latex's table. */
let commandsByCharacter: Map<string, string[]> | undefined;

function commandsFor(character: string): string[] {
  if (!commandsByCharacter) {
    commandsByCharacter = new Map();
    for (const latex of Object.keys(latex2unicode)) {
      // Not the text-mode commands (`\textinfinity`): a formula has none.
      const name = /^\\((?!text)[a-zA-Z]+)$/.exec(latex)?.[1];
      const unicode = name === undefined ? undefined : characterOf(name);
      if (unicode !== undefined) commandsByCharacter.set(unicode, [...(commandsByCharacter.get(unicode) ?? []), name!]);
    }
  }
  return commandsByCharacter.get(character) ?? [];
}

/** The words one math symbol (`≤`) is searched by: its symbolWord and the commandWord of each command for it (`\le`, `\leq`). */
function symbolWords(character: string): string[] {
  return [symbolWord(character), ...commandsFor(character).filter(katexKnows).map(commandWord)];
}

/** The words of the math symbols a word of prose holds (`≤`, `×`, `→`, as abstracts write them outside math). */
export function proseSymbolWords(text: string): string[] {
  return [...new Set([...text.matchAll(MATH_SYMBOL)].flatMap(([character]) => symbolWords(character)))];
}

/**
 * The words a formula's commands and symbols are searched by, for the index only: Pagefind keeps
 * no symbol, and the index holds command names out of sight (hiddenTex), so `\gg`, `≫`, `\infty`
 * and `∞` would find nothing. Each command other than a letter's (which the index holds by name)
 * is its commandWord; one that stands for a math symbol (unicode2latex's table: `\gg` is `≫`)
 * is also that symbol's symbolWord and the commandWord of each other command for it (`\le` and
 * `\leq`); a symbol written as itself is the same words.
 */
export function mathSymbolWords(tex: string): string[] {
  const words = new Set<string>();
  const symbol = (character: string) => {
    for (const word of symbolWords(character)) words.add(word);
  };
  const source = withoutTexComments(tex);
  for (const [, name] of source.matchAll(/\\([a-zA-Z]+)/g)) {
    if (isLetterCommand(name!) || isStylingCommand(name!)) continue;
    words.add(commandWord(name!));
    const character = characterOf(name!);
    if (character !== undefined && new RegExp(MATH_SYMBOL.source, 'u').test(character)) symbol(character);
  }
  for (const [character] of source.matchAll(MATH_SYMBOL)) symbol(character);
  return [...words];
}

// ---- Compound words in the index ----

/** A tag, or the text between two tags. */
const TAG_OR_TEXT = /<[^>]*>|[^<]+/g;
/** Where the index reads no words: KaTeX's markup (left out, see pagefind.ts) and the hidden TeX copies. */
const NOT_PROSE = /^<span\b[^>]*(?:\bclass="katex|\bhidden\b)/;

/** How many words on each side of a word with ø, ß or ł its plain-letter copy holds (withIndexedParts). */
const PLAIN_REACH = 3;

/** A word that ends a sentence: a full stop, question or exclamation mark, then closing quotes or brackets. */
const SENTENCE_END = /[.!?\u2026]["'\u2019\u201D)\]]*$/u;

/**
 * Adds to a paper's HTML the parts of its compound words that Pagefind would miss
 * (compoundParts), hidden, for the index only: `LLaMA-2` is found by `llama`. The parts go
 * after the sentence that has the word (or the end of its run of text), not after the word, so
 * that a phrase still finds its words side by side (`"ImageNet-1K classification"`); a snippet
 * marks the compound word for them (withoutIndexOnlyWords). Formulas and their TeX copies are left
 * as they are. A word split by inline markup (`<em>LLaMA</em>-2`) is read as two.
 */
export function withIndexedParts(html: string): string {
  let skippedSpans = 0;
  return html.replace(TAG_OR_TEXT, (piece) => {
    if (piece.startsWith('<')) {
      if (skippedSpans > 0) {
        if (piece.startsWith('<span')) skippedSpans += 1;
        else if (piece.startsWith('</span')) skippedSpans -= 1;
      } else if (NOT_PROSE.test(piece)) skippedSpans = 1;
      return piece;
    }
    if (skippedSpans > 0) return piece;
    let pending: string[] = [];
    let sentence: string[] = [];
    const fence = () => {
      // The words around each word with a letter such as ø, ß or ł (PLAIN_REACH a side) are also
      // held in plain letters, in order, so that a quoted phrase in plain letters finds them
      // (`"Bjorn Odegard"`: Bjørn Ødegård). Not the whole sentence: a snippet shows the text
      // around the match, which would then be the hidden copy, far from the word.
      const plainWords = sentence.map((word) => withPlainLetters(word));
      const runs: [number, number][] = [];
      plainWords.forEach((word, index) => {
        if (word === sentence[index]) return;
        const [from, to] = [Math.max(0, index - PLAIN_REACH), index + PLAIN_REACH + 1];
        const last = runs.at(-1);
        if (last && from <= last[1]) last[1] = to;
        else runs.push([from, to]);
      });
      const copied = runs.map(([from, to]) => plainWords.slice(from, to));
      // (A copy holds each such word's whole plain spelling: its parts need not hold it again.)
      const inCopy = new Set(copied.flat().map(comparable));
      const plain = copied.map((run) => fencedForIndex(run.map(escapeHtml), { inOrder: true })).join('');
      // Each count with a scale as its value (`1.3B`, `1.3 billion` → `1300000000`), and each bound
      // written outside math as its word (a title's `𝒪(n log n)`), as the query reads them.
      pending.push(...countWords(sentence.join(' ')), ...proseBoundWords(sentence.join(' ')));
      const words = fencedForIndex(pending.filter((word) => !inCopy.has(word))) + plain;
      pending = [];
      sentence = [];
      return words === '' ? '' : `<span hidden>${words}</span>`;
    };
    const withParts = piece.replace(/[^\s]+/g, (word) => {
      const text = decodeHTML(word);
      const previous = sentence.at(-1);
      sentence.push(text);
      // Pagefind keeps no symbol: a math symbol in prose is held as a formula's is (mathSymbolWords).
      pending.push(...compoundParts(text), ...proseSymbolWords(text));
      // A name and its number written apart, also as one word (`YOLO v8`: `yolov8`).
      const joined = previous === undefined ? undefined : joinedNameNumber(previous, text);
      if (joined) pending.push(joined);
      return SENTENCE_END.test(text) ? word + fence() : word;
    });
    return withParts + fence();
  });
}

/**
 * The other spellings of an author's name the index holds for search, hidden on the paper page
 * (PaperMeta): the name written out (plainSpellingForSearch: `Allgöwer` as `allgoewer`), and its
 * family name as the digest's citation keys begin with it (bibtex.ts's citationKeyNamePart, the
 * rule naturalKey reads, so that the key and the index never spell it apart), when that is no word
 * of the name already: a key pasted from a .bib file (`deocarizborde2024neural`) is read as name,
 * year and word (withCitationKeysRead), and its name then finds the paper as one word.
 */
export function nameSpellingsForSearch(name: string): string[] {
  const words = asciiFold(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const keyName = citationKeyNamePart(name);
  // A name of one family word is in the index already; a key of no letters of the name (`anon`,
  // for a name in another script) is no spelling of it.
  const isOtherSpelling = !words.includes(keyName) && words.join('').includes(keyName);
  return [...(plainSpellingForSearch(name)?.split(' ') ?? []), ...(isOtherSpelling ? [keyName] : [])];
}

/**
 * Plain text (a title, a name, a venue) as HTML, with its compound words' parts for the index
 * (withIndexedParts). `endsBlock`: the text is a whole block (a paper's <h1>), which Pagefind ends
 * with a full stop in its record, as a result's excerpt shows it, unless the block's last character
 * is a sign; its hidden parts at the end would be that last character (a fence's mark), and the
 * excerpt would run the title into the authors after it. So the full stop is written there, hidden,
 * after the parts, where a title ends with no sentence's end of its own.
 */
export function textWithIndexedParts(text: string, { endsBlock = false } = {}): string {
  const html = withIndexedParts(escapeHtml(text));
  if (!endsBlock || SENTENCE_END.test(text.trimEnd()) || !html.endsWith('</span>')) return html;
  return `${html.slice(0, -'</span>'.length)}.</span>`;
}

// ---- The arXiv id → paper map ----

export interface ArxivEntry {
  url: string;
  title: string;
  /** Digest date. */
  date: string;
  topics: string[];
}

interface PaperForSearch {
  /** The file name: `2306.13575`, `math-0309136`, `my-paper`. */
  id: string;
  data: { title: string; date: string; arxiv?: string | undefined; authors: string[]; tags: string[] };
  url: string;
  /** Plain-text abstract, math as `$TeX$`. */
  text: string;
  /** Topic labels. */
  topics: string[];
}

/**
 * Every paper by shard (see `paperShard`), each shard keyed by canonical arXiv id, or for a paper
 * without one by its file name (`my-paper`), which a pasted address of its page names.
 */
export function arxivShards(papers: readonly PaperForSearch[]): Map<string, Record<string, ArxivEntry>> {
  const shards = new Map<string, Record<string, ArxivEntry>>();
  for (const paper of papers) {
    // Keyed by the canonical id, which is what the browser makes of a query (`math.GT/…` → `math/…`).
    const id = paper.data.arxiv ? canonicalArxivId(paper.data.arxiv) : paper.id;
    const shard = paperShard(id);
    const entries = shards.get(shard) ?? {};
    entries[id] = { url: paper.url, title: titleText(paper.data.title), date: paper.data.date, topics: paper.topics };
    shards.set(shard, entries);
  }
  return shards;
}

// ---- The vocabulary ----

/** Math is not prose: its letters are no words to suggest. */
const MATH = /\$\$[\s\S]*?\$\$|\$[^$]*\$/g;

/**
 * The words a reader can find, from the text Pagefind indexes (titles, authors, abstracts outside
 * math, topic labels), split by first letter, each shard most frequent first, one word a line. Words
 * shorter than four letters are left out: no typo of them is ever corrected (see `typosAllowed`).
 * Each word is written as the digest most often writes it (`Kolmogorov`, `transformer`).
 */
export function vocabularyShards(papers: readonly PaperForSearch[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const add = (text: string) => {
    // Each word as written (an Indic word whole with its marks, a Persian one with its joiner), by
    // its comparable key (which a query's word is compared by, joiners and marks left out).
    for (const token of textWords(text.replace(MATH, ' '))) {
      const key = comparable(token);
      if (key.length < 4 || !/\p{L}/u.test(key)) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(token, (forms.get(token) ?? 0) + 1);
      counts.set(key, forms);
    }
  };
  for (const paper of papers) {
    add(paper.data.title);
    add(paper.data.authors.join(' '));
    add(paper.text);
    add(paper.topics.join(' '));
  }
  const words = [...counts.values()]
    .map((forms) => {
      const sorted = [...forms].sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b));
      return { word: sorted[0]![0], count: sorted.reduce((sum, [, n]) => sum + n, 0) };
    })
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  // Every shard, empty or not: a query never asks for a file that is not there.
  const shards = new Map<string, string[]>(VOCABULARY_SHARDS.map((shard) => [shard, []]));
  for (const { word } of words) {
    const shard = vocabularyShard(word);
    const list = shards.get(shard) ?? [];
    list.push(word);
    shards.set(shard, list);
  }
  return new Map([...shards].map(([shard, list]) => [shard, list.map((word) => `${word}\n`).join('')]));
}

// ---- The first parts of compound words ----

/** Most first parts of compound words in /search/expansions.json (compoundHeads): about 2 KB. */
export const MAX_COMPOUND_HEADS = 300;

/**
 * The words the digest writes as the first part of a compound word (`pre-trained`, `fine-tuning`,
 * `multi-head`, `non-convex`), or apart before a word that it also writes joined to them (`data
 * sets` beside `datasets`), most frequent first, at most `limit`, each of three letters or more.
 * /search/expansions.json holds them (QueryExpansions) so that a query word that starts with one
 * (`dataset`, `finetuning`) also finds it written as two words (`data sets`, `fine tuning`):
 * Pagefind has no word for such a pair, and the browser has no list of the index's words.
 */
export function compoundHeads(papers: readonly PaperForSearch[], limit = MAX_COMPOUND_HEADS): string[] {
  const counts = new Map<string, number>();
  const count = (head: string) => counts.set(head, (counts.get(head) ?? 0) + 1);
  const texts = papers.map((paper) => `${paper.data.title}\n${paper.text}`.replace(MATH, ' '));
  // Word by word, not through one array of every word: at 100,000 papers that is 20 million strings.
  const words = new Set<string>();
  for (const text of texts) for (const word of text.split(/[^\p{L}]+/u)) words.add(comparable(word));
  const LETTERS = /^\p{L}{3,}$/u;
  for (const text of texts) {
    const tokens = text.split(/\s+/).map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    for (const [index, token] of tokens.entries()) {
      // A compound of two words of letters joined by a hyphen: `pre-trained`, `multi-head`.
      const parts = token.split(/[-\u2010\u2011]/);
      if (parts.length === 2 && LETTERS.test(parts[0]!) && /^\p{L}{2,}$/u.test(parts[1]!)) count(comparable(parts[0]!));
      // Two words side by side that the digest also writes as one: `data sets` and `datasets`.
      const next = tokens[index + 1];
      if (next !== undefined && LETTERS.test(token) && /^\p{L}{2,}$/u.test(next)) {
        if (words.has(comparable(token + next))) count(comparable(token));
      }
    }
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b))
    .slice(0, limit)
    .map(([head]) => head);
}

// ---- Formulas' letters with a script ----

/** Most letters in /search/expansions.json's scripted words (scriptedWords), and most words of each. */
export const MAX_SCRIPTED_BASES = 100;
export const MAX_SCRIPTED_WORDS = 6;

/** One formula term with a script, by the word of what it scripts: `['r', 'rd']` for `$\mathbb{R}^d$`. */
export type ScriptedTerm = readonly [base: string, word: string];

/**
 * The terms with a sub- or superscript of one paper's formulas (its title's and its abstract's,
 * `text` with math as `$TeX$`), each time written, by the word of what it scripts (`$\mathbb{R}^d$`:
 * `['r', 'rd']`; `$\Phi_q$`: `['phi', 'phiq']`). Each word is the term as the index holds it (its
 * TeX copy, commands by the letters they name: mathIndexWords), read as a query reads it. Made
 * once per paper on the loader's workers, beside the paper's other math for the index
 * (page-html.ts), and cached with it; scriptedWords counts them over the digest.
 */
export function scriptedTerms(title: string, text: string): ScriptedTerm[] {
  const terms: ScriptedTerm[] = [];
  for (const [formula] of `${title}\n${text}`.matchAll(MATH)) {
    const tex = withoutTexComments(formula.replace(/^\$+|\$+$/g, ''));
    const words = tex.replace(/\\([a-zA-Z]+)/g, (_, name: string) => (isLetterCommand(name) ? `\\${name}` : ''));
    for (const token of words.split(/\s+/)) {
      const at = token.search(/[\^_]/);
      // (Not inside a bound's brackets, `\mathcal{O}(d^k)`: a bound is one word of its own.)
      if (at <= 0 || /[([]/.test(token.slice(0, at))) continue;
      const [base] = queryWords(token.slice(0, at));
      const read = queryWords(token);
      if (base === undefined || read.length !== 1 || read[0] === base || !/^\p{L}+$/u.test(base)) continue;
      terms.push([base, read[0]!]);
    }
  }
  return terms;
}

/**
 * The words the index holds for the digest's formula terms with a script (scriptedTerms, each
 * paper's made once and cached with it), by the word of what they script (`r:rd,rn`), most often
 * written first, at most MAX_SCRIPTED_WORDS a letter and MAX_SCRIPTED_BASES letters, as
 * /search/expansions.json holds them (QueryExpansions' `scripted`), so that TeX typed without the
 * script (`\mathbb{R}`, `\mathbb R`) also finds the formulas that write one (withScriptsRead in
 * search-query.ts).
 */
export function scriptedWords(papers: readonly { scripted: readonly ScriptedTerm[] }[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const [base, word] of paper.scripted) {
      const forBase = counts.get(base) ?? new Map<string, number>();
      forBase.set(word, (forBase.get(word) ?? 0) + 1);
      counts.set(base, forBase);
    }
  }
  const total = (words: Map<string, number>) => [...words.values()].reduce((sum, count) => sum + count, 0);
  return [...counts]
    .sort(([a, aWords], [b, bWords]) => total(bWords) - total(aWords) || byCodeUnits(a, b))
    .slice(0, MAX_SCRIPTED_BASES)
    .map(([base, words]) => {
      const kept = [...words]
        .sort(([a, aCount], [b, bCount]) => bCount - aCount || byCodeUnits(a, b))
        .slice(0, MAX_SCRIPTED_WORDS);
      return `${base}:${kept.map(([word]) => word).join(',')}`;
    });
}

// ---- Abbreviations and what they stand for ----

/** Most abbreviations in /search/expansions.json (acronymExpansions). */
export const MAX_ACRONYMS = 150;

/**
 * The field's common abbreviations, for a digest whose papers use one without defining it (`RL`
 * beside `reinforcement learning` elsewhere). A definition in the digest's own text wins.
 */
const COMMON_ACRONYMS: Readonly<Record<string, string>> = {
  llm: 'large language model',
  rl: 'reinforcement learning',
  gnn: 'graph neural network',
  vit: 'vision transformer',
  cnn: 'convolutional neural network',
  rnn: 'recurrent neural network',
  nlp: 'natural language processing',
  gan: 'generative adversarial network',
  vae: 'variational autoencoder',
  sgd: 'stochastic gradient descent',
  ntk: 'neural tangent kernel',
  icl: 'in-context learning',
  ssm: 'state-space model',
  moe: 'mixture of experts',
  mlp: 'multi-layer perceptron',
};

/**
 * Words of an expansion as the index holds them, a hyphenated word joined (`multi-layer` →
 * `multilayer`): Pagefind finds a phrase with the joined word where the text writes it either way.
 */
const expansionWords = (text: string) =>
  text
    .split(/\s+/u)
    .map(comparable)
    .filter((word) => word.length > 0);

/**
 * The abbreviations the digest defines, as papers do (`large language models (LLMs)`,
 * `Branch-and-bound (BaB)`: the words before the brackets whose initials spell it, a hyphenated
 * word's parts each, as expansionWords writes them), each with its commonest expansion, most often defined first, at most
 * `limit`; then the common ones (COMMON_ACRONYMS) the digest writes, either way. Each entry is
 * `llm:large-language-model`, as /search/expansions.json holds them (QueryExpansions), so that `LLM`
 * also finds `large language models` (acronymExpansion in search-query.ts).
 */
export function acronymExpansions(papers: readonly PaperForSearch[], limit = MAX_ACRONYMS): string[] {
  const counts = new Map<string, Map<string, number>>();
  // Of the digest's words, only those the common abbreviations ask about are kept: a set of every
  // distinct word would grow with the digest (names, numbers, typos), and no answer needs it.
  const asked = new Set(
    Object.entries(COMMON_ACRONYMS).flatMap(([letters, expansion]) => [
      letters,
      `${letters}s`,
      ...expansionWords(expansion),
    ]),
  );
  const words = new Set<string>();
  // One paper's text at a time: an array of every text would hold the whole digest at once.
  for (const paper of papers) {
    const tokens = `${paper.data.title}\n${paper.text}`.replace(MATH, ' ').split(/\s+/);
    for (const token of tokens) {
      const word = comparable(token);
      if (asked.has(word)) words.add(word);
    }
    for (const [index, token] of tokens.entries()) {
      const defined = /^\((\p{L}+?)s?\)[.,;:]?$/u.exec(token)?.[1];
      // Two to six letters, two capitals at least: `LLM`, `BaB`, `ViT`; not `(i)`, `(Fig)`.
      if (!defined || !/^\p{L}{2,6}$/u.test(defined) || (defined.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
      const letters = comparable(defined);
      // The words before it, last first, until their parts (a hyphenated word's each) are as many
      // as its letters; each word kept whole (`multi-layer`), as the index also holds it joined.
      const before: string[] = [];
      let parts: string[] = [];
      for (let at = index - 1; at >= 0 && parts.length < letters.length; at -= 1) {
        const word = tokens[at]!;
        const pieces = word.split(/[-\u2010\u2011]/u);
        if (!pieces.every((piece) => /^\p{L}+$/u.test(piece))) break;
        before.unshift(word);
        parts = [...pieces, ...parts];
      }
      if (parts.map((part) => comparable(part)[0]).join('') !== letters) continue;
      const expansion = before.map(comparable).join('-');
      const forms = counts.get(letters) ?? new Map<string, number>();
      forms.set(expansion, (forms.get(expansion) ?? 0) + 1);
      counts.set(letters, forms);
    }
  }
  const defined = [...counts]
    .map(([letters, forms]) => {
      const [expansion] = [...forms].sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b))[0]!;
      return { letters, expansion, count: [...forms.values()].reduce((sum, n) => sum + n, 0) };
    })
    .sort((a, b) => b.count - a.count || (a.letters < b.letters ? -1 : 1))
    .slice(0, limit)
    .map(({ letters, expansion }) => `${letters}:${expansion}`);
  const common = Object.entries(COMMON_ACRONYMS)
    .filter(([letters]) => !counts.has(letters))
    .filter(
      ([letters, expansion]) =>
        words.has(letters) || words.has(`${letters}s`) || expansionWords(expansion).every((word) => words.has(word)),
    )
    .map(([letters, expansion]) => `${letters}:${expansionWords(expansion).join('-')}`);
  return [...defined, ...common];
}

// ---- The author directory (see src/lib/search-authors.ts) ----

/**
 * Every author of the digest by slug: the spelling their author page shows and how many papers
 * they are on.
 */
export function authorEntries(papers: readonly PaperForSearch[]): Map<string, DirectoryEntry> {
  // The spelling shown is the author page's (groupByAuthor): one rule for both.
  return new Map([...groupByAuthor(papers)].map(([slug, author]) => [slug, [author.name, author.papers.length]]));
}

/** The author directory's files, by shard key. */
export function authorShards(papers: readonly PaperForSearch[]): Map<string, DirectoryEntry[]> {
  return authorDirectory(authorEntries(papers));
}
