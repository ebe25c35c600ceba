/**
 * How the search box reads a query: an arXiv id or link, or words. Runs in the browser (bundled
 * into src/scripts/search.ts) and in tests, so it imports nothing heavier than the arXiv id module.
 */
import { parseArxivId } from './arxiv-id.ts';

/**
 * arXiv's own hosts, as a reader may paste them, the sites that show an arXiv paper at its id
 * (ar5iv, alphaXiv, Hugging Face Papers, Semantic Scholar), and a bare `abs/…` or `pdf/…` path.
 */
const ARXIV_URL =
  /^(?:https?:\/\/)?(?:(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)|ar5iv(?:\.labs\.arxiv)?\.org\/(?:abs|html)|(?:www\.)?alphaxiv\.org\/(?:abs|overview|pdf)|(?:www\.)?huggingface\.co\/papers|(?:www\.)?semanticscholar\.org\/arxiv|abs|pdf)\/(.+)$/i;
/** arXiv's DOI for a paper, bare or as a link: `https://doi.org/10.48550/arXiv.2306.13575`. */
const ARXIV_DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.48550\/arxiv\.(.+)$/i;
/** An old-style id as typed, any case: `math.gt/0309136`. */
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(\.[a-z]{2})?\/(\d{7})$/i;

/** What may open or close an id in running text: brackets, quotes, and after it a full stop or comma. */
const OPENING_PUNCTUATION = /^[\s([{<"'\u2018\u201C]+/u;
const CLOSING_PUNCTUATION = /[\s)\]}>"'\u2019\u201D.,;:!?]+$/u;

/**
 * The canonical arXiv id a whole query stands for, or undefined when it is not one id: `2306.13575`,
 * `2306.13575v2`, `arXiv:2306.13575`, `https://arxiv.org/abs/2306.13575v1`, `…/pdf/2306.13575.pdf`,
 * `…/html/2306.13575v2`, `math.GT/0309136`, `math/0309136v1` all name one paper.
 */
export function arxivIdInQuery(query: string): string | undefined {
  // As pasted from a sentence or a reference: `(2306.13575)`, `[2306.13575]`, `2306.13575.`, and
  // as references cite it: `arXiv preprint arXiv:2306.13575`, `arXiv:2306.13575 [cs.LG]`, its DOI.
  let rest = query
    .trim()
    .replace(/^arxiv\s+preprint\s+/i, '')
    // A reference's year after the id: `arXiv preprint arXiv:2306.13575, 2023`.
    .replace(/,\s*(?:19|20)\d\d\.?$/, '')
    .replace(/\s*\[[a-z-]+(?:\.[a-z]{2})?\]\s*$/i, '')
    .replace(ARXIV_DOI, '$1')
    .replace(OPENING_PUNCTUATION, '')
    .replace(CLOSING_PUNCTUATION, '');
  const url = ARXIV_URL.exec(rest);
  if (url)
    rest = url[1]!
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .replace(/\.pdf$/i, '');
  else rest = rest.replace(/^arxiv(?::\s*|\s+)/i, '');
  rest = rest.replace(/v\d+$/i, '');
  const old = OLD_STYLE.exec(rest);
  if (old) rest = `${old[1]!.toLowerCase()}${old[2]?.toUpperCase() ?? ''}/${old[3]}`;
  const parsed = parseArxivId(rest);
  return 'id' in parsed ? parsed.id.canonical : undefined;
}

/**
 * The shard of the id → paper map that holds an id: the year and month it carries, and for a
 * new-style id the first two digits of its number (`2023-06-13` for 2306.13575), so that a shard
 * stays small even when the digest holds most of a month's papers (up to ~25,000 ids a month).
 */
export function arxivShard(canonicalId: string): string {
  const parsed = parseArxivId(canonicalId);
  if ('reason' in parsed) throw new Error(`"${canonicalId}" is not a valid arXiv id`);
  const number = /^\d{4}\.(\d{2})/.exec(canonicalId)?.[1];
  return number ? `${parsed.id.yearMonth}-${number}` : parsed.id.yearMonth;
}

/**
 * What the index keeps of a word is its letters, digits and `_` (comparable): punctuation and
 * symbols go, so `R^d` in a formula's TeX is the word `rd`, and so it must be in a query
 * (Pagefind itself drops only punctuation from a query, and would look for `r^d`).
 */
const NOT_INDEXED = /[^\p{L}\p{N}\p{M}_\s]/gu;

/**
 * The letters TeX names, which a reader searches by name (`sigma`, `\sigma`, `σ`): Greek, in
 * either case, and `\ell`. Their names stay words in the index (a `var` form's `var` does not).
 */
const GREEK_NAMES = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];
const LETTER_COMMAND = new RegExp(`^(var)?(${GREEK_NAMES.join('|')}|ell)$`, 'i');

/** Greek letters by code point (`α`, `ϵ`, `Σ`), and `ℓ`, as the index names them (hiddenTex). */
const LETTER_NAMES = new Map<string, string>([
  ...GREEK_NAMES.flatMap((name, index): [string, string][] => {
    // α–ω are U+03B1–U+03C9 in this order (with ς, final sigma, before σ), Α–Ω 32 lower.
    const code = 0x3b1 + index + (index >= 17 ? 1 : 0);
    return [
      [String.fromCodePoint(code), name],
      [String.fromCodePoint(code - 32), name],
    ];
  }),
  ['ς', 'sigma'],
  ['ϵ', 'epsilon'],
  ['ϑ', 'theta'],
  ['ϕ', 'phi'],
  ['ϖ', 'pi'],
  ['ϱ', 'rho'],
  ['ℓ', 'ell'],
]);
/** A Greek letter on its own, not within a word of Greek script (a name: `Νίκος`). */
const LONE_LETTER =
  /(?<![\p{Script=Greek}\p{M}])[\u0391-\u03A9\u03B1-\u03C9\u03D1\u03D5\u03D6\u03F1\u03F5\u2113](?![\p{Script=Greek}\p{M}])/gu;

/** The words of a query as the index holds words: lower case, punctuation and symbols dropped. */
export function queryWords(query: string): string[] {
  return query
    .replace(LONE_LETTER, (letter) => LETTER_NAMES.get(letter) ?? letter)
    .toLowerCase()
    .replace(NOT_INDEXED, '')
    .split(/\s+/)
    .filter((word) => comparable(word).length > 0);
}

/**
 * An acronym's other number, singular for plural and plural for singular (`llms` ↔ `llm`,
 * `mlp` ↔ `mlps`): Pagefind's English stemmer drops a plural `s` only after a vowel, so to it an
 * acronym without one and its plural are two words. Undefined for any other word, which the
 * stemmer already folds (`models`, `model`; `kans`, `kan`).
 */
export function acronymOtherNumber(word: string): string | undefined {
  const letters = comparable(word);
  if (!/^[a-z]{2,}$/.test(letters)) return undefined;
  const plural = letters.length > 2 && letters.endsWith('s');
  const stem = plural ? letters.slice(0, -1) : letters;
  if (/[aeiouy]/.test(stem)) return undefined;
  return plural ? stem : `${stem}s`;
}

/**
 * The words of a query that join two or more words by punctuation (`neural-network`,
 * `time/series`, `GPT-4`), each as queryWords gives it (`neuralnetwork`) with its parts
 * (`neural`, `network`). The text may write them joined, as the index holds `self-attention`
 * (`selfattention`), or apart, as `neural network`: a compound query word finds both.
 */
export function compoundWords(query: string): Map<string, string[]> {
  const compounds = new Map<string, string[]>();
  for (const token of query.replace(QUOTED, ' ').split(/\s+/)) {
    const [joined] = queryWords(token);
    const parts = token
      .toLowerCase()
      .split(/[^\p{L}\p{N}\p{M}_]+/u)
      .filter((part) => comparable(part).length > 0);
    if (joined && parts.length > 1) compounds.set(joined, parts);
  }
  return compounds;
}

/**
 * British and American spellings of one word, by their regular endings: each pair rewrites a
 * word's ending into the other spelling's. Pagefind's stemmer keeps them apart (`behaviour`,
 * `behavior`), so a query word is also searched in its other spelling (otherSpelling). A
 * rewrite that is no word of the digest finds nothing and costs nothing else; the doubled `l` is
 * rewritten only in long words (`filled` is not `filed`).
 */
const SPELLINGS: [RegExp, string][] = [
  [/^(\p{L}{2,})our(s|ed|ing|al|ally|able|ably|ite|ites|hood|less|ful|er|ers)?$/u, '$1or$2'],
  [/^(\p{L}{3,})or(s|ed|ing|al|ally|able|ably|ite|ites|hood|less|ful)?$/u, '$1our$2'],
  [/^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers|able)$/u, '$1iz$2'],
  [/^(\p{L}{3,})iz(e|es|ed|ing|ation|ations|er|ers|able)$/u, '$1is$2'],
  [/^(\p{L}{2,})ys(e|es|ed|ing|er|ers)$/u, '$1yz$2'],
  [/^(\p{L}{2,})yz(e|es|ed|ing|er|ers)$/u, '$1ys$2'],
  [/^(\p{L}{2,})([tb])re(s)?$/u, '$1$2er$3'],
  [/^(\p{L}{2,})([tb])er(s)?$/u, '$1$2re$3'],
  [/^(\p{L}{3,})ogue(s)?$/u, '$1og$2'],
  [/^(\p{L}{3,})og(s)?$/u, '$1ogue$2'],
  [/^(\p{L}{2,}[aeiou])ll(ing|ed|er|ers)$/u, '$1l$2'],
  [/^(\p{L}{2,}[aeiou])l(ing|ed|er|ers)$/u, '$1ll$2'],
];

/**
 * A query word in its other spelling, British or American (`behaviour` ↔ `behavior`,
 * `optimisation` ↔ `optimization`, `analyse` ↔ `analyze`, `centre` ↔ `center`, `modelling` ↔
 * `modeling`, `catalogue` ↔ `catalog`), or undefined when it has none by these rules.
 */
export function otherSpelling(word: string): string | undefined {
  const letters = comparable(word);
  if (letters.length < 5 || !/^\p{L}+$/u.test(letters)) return undefined;
  for (const [pattern, replacement] of SPELLINGS) {
    if (!pattern.test(letters)) continue;
    const other = letters.replace(pattern, replacement);
    // The doubled l: only in words of seven letters or more, either way.
    if (pattern.source.includes('ll') || replacement.includes('ll')) {
      if (letters.length < 7 || other.length < 7) continue;
    }
    return other;
  }
  return undefined;
}

/** Quotes that open and close a phrase: straight, or typographic as a phone keyboard types them. */
const QUOTED = /["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]*)["\u201C\u201D\u201E]?/gu;

/**
 * A query as the search runs it: each quoted phrase (its words together and in order) and the
 * other words, every word as queryWords gives it. `"neural network" gaussian` is one phrase and
 * one word; each phrase is searched on its own (Pagefind would join two quoted parts into one).
 */
export function parseQuery(query: string): { phrases: string[][]; words: string[] } {
  const phrases: string[][] = [];
  const rest = query.replace(QUOTED, (_, inner: string) => {
    const words = queryWords(inner);
    if (words.length > 0) phrases.push(words);
    return ' ';
  });
  return { phrases, words: queryWords(rest) };
}

/** A word reduced to what Pagefind's index keeps of it: letters, digits, `_`, no accents, lower case. */
export function comparable(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]/gu, '');
}

/** Where Pagefind cuts a run of letters at a change of case (`Diff|ROAR`, `L|La|MA`). */
const CASE_CHANGE = String.raw`(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})`;

/**
 * The keys Pagefind indexes for one word of text: the whole word, and its parts split at
 * punctuation and case changes (`Kolmogorov-Arnold`, `DiffROAR` → `diff`, `roar`).
 */
export function indexedForms(token: string): string[] {
  const parts = token
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(new RegExp(CASE_CHANGE, 'gu'), ' ')
    .split(/[^\p{L}\p{N}]+/u);
  return [comparable(token), ...parts.map(comparable)].filter((part) => part.length > 0);
}

/**
 * Letters a word of this length may differ by and still count as the same word: none for three
 * letters or fewer, one up to five, two beyond. Both for a word's ending (`theories` finds
 * `theorists`) and for "Did you mean …?" (src/lib/spelling.ts).
 */
export function typosAllowed(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/**
 * Whether a word of text really matches a query word: the word (or one of its parts) starts with
 * the query word, as when the reader is still typing it, or the two differ only in a short ending
 * (`theories`, `theorists`: Pagefind compares stems). Pagefind also answers a word it does not
 * know with the words that are its longest known prefix, down to one letter (`kolmogrov` → `k`,
 * `diffusion` → the `Diff` of `DiffROAR`): a word that stops short inside the query word is that
 * fallback, and fails this test.
 */
export function matchesWord(queryWord: string, token: string): boolean {
  const wanted = comparable(queryWord);
  if (wanted.length === 0) return false;
  const needed = wanted.length - typosAllowed(wanted.length);
  return indexedForms(token).some((form) => {
    const common = commonPrefixLength(form, wanted);
    return common === wanted.length || (common >= needed && common < form.length);
  });
}

// ---- Parts of compound words in the index ----

/**
 * Pagefind indexes a word with punctuation in it (`LLaMA-2`, `ImageNet-1K`) whole (`llama2`) and
 * in parts, but it cuts the parts again at every change of case or between letters and digits
 * (`l`, `la`, `ma`), and at ASCII punctuation only (`Kolmogorov–Arnold`, with an en dash, has no
 * part `arnold`). So `llama` would not find `LLaMA-2`, nor `arnold` that title. The page adds the
 * parts Pagefind misses after the word, hidden and fenced by these two marks (Private Use Area
 * characters, which Pagefind does not index and no paper may hold): the search script drops the
 * fenced words from its snippets (withoutIndexOnlyWords).
 */
export const INDEX_ONLY_START = '\ue100';
export const INDEX_ONLY_END = '\ue101';

/** A part Pagefind cuts again: a change of case inside it (`LLaMA`, `ImageNet`) or between letters and digits (`7B`). */
const CUT_AGAIN = new RegExp(String.raw`${CASE_CHANGE}|\p{L}\p{N}|\p{N}\p{L}`, 'u');
const WORD_CHARACTERS = /^[\p{L}\p{N}]*$/u;
const ASCII_OR_WORD_CHARACTERS = /^[\p{L}\p{N}\x21-\x7e]*$/u;

/**
 * The parts of one word of text (no spaces) that the index must hold besides what Pagefind makes
 * of it, as `comparable` words: none for a word without punctuation, which Pagefind indexes whole.
 */
export function compoundParts(word: string): string[] {
  if (WORD_CHARACTERS.test(word)) return [];
  const whole = comparable(word);
  // Cut only at ASCII punctuation, Pagefind keeps a part that is not cut again; any other separator
  // (an en dash, a typographic quote) leaves every part to add.
  const cutAtAsciiOnly = ASCII_OR_WORD_CHARACTERS.test(word);
  const parts = word
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => !cutAtAsciiOnly || CUT_AGAIN.test(part))
    .map(comparable)
    .filter((part) => part.length > 1 && part !== whole);
  return [...new Set(parts)];
}

/** The compound parts of a text's words (compoundParts), fenced for the index: empty when there are none. */
export function indexOnlyWords(text: string): string {
  const parts = [...new Set(text.split(/\s+/).flatMap(compoundParts))];
  return parts.length === 0 ? '' : ` ${INDEX_ONLY_START} ${parts.join(' ')} ${INDEX_ONLY_END} `;
}

/**
 * A Pagefind excerpt (escaped text, `<mark>` around matches) without the fenced index-only words,
 * even where the excerpt starts or ends inside a fence. A match on a hidden part marks the word
 * it belongs to, the one before the fence.
 */
export function withoutIndexOnlyWords(excerpt: string): string {
  return excerpt
    .replace(new RegExp(`^[^${INDEX_ONLY_START}${INDEX_ONLY_END}]*${INDEX_ONLY_END}`, 'u'), '')
    .replace(
      new RegExp(`(\\S+)?\\s*${INDEX_ONLY_START}([^${INDEX_ONLY_END}]*)(?:${INDEX_ONLY_END}|$)`, 'gu'),
      (_, before: string | undefined, fenced: string) =>
        before === undefined
          ? ''
          : fenced.includes('<mark>') && !before.includes('<mark>')
            ? `<mark>${before}</mark>`
            : before,
    )
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// ---- TeX in the index ----

/**
 * A formula is written into the index with its TeX command names (`\mathbb`) and its dollar
 * delimiters moved to the Private Use Area, which Pagefind does not count as word characters and
 * nothing shows: a snippet still reads as TeX once {@link revealTex} moves them back, but `math`
 * does not find every paper that writes `\mathbb`, and the page holds no stray `$`.
 */
const HIDDEN_ASCII_OFFSET = 0xe000;

function hideAscii(text: string): string {
  return [...text].map((character) => String.fromCharCode(HIDDEN_ASCII_OFFSET + character.charCodeAt(0))).join('');
}

/**
 * A backslash with the character it escapes, or a comment: an unescaped `%` to the end of its line
 * and the line break, as KaTeX reads them (`\%` is a percent sign, `\\%` a line break and then a
 * comment).
 */
const TEX_ESCAPE_OR_COMMENT = /\\[\s\S]|%[^\n]*(?:\n[ \t]*)?/g;

/**
 * TeX without its comments, which KaTeX shows as nothing: the index must not find a paper by
 * words its page does not show.
 */
export function withoutTexComments(tex: string): string {
  return tex.replace(TEX_ESCAPE_OR_COMMENT, (match) => (match.startsWith('%') ? '' : match));
}

/** A formula's TeX as the index holds it, comments dropped: `$…$`, or `$$…$$` for display math. */
export function hiddenTex(tex: string, display: boolean): string {
  const delimiter = hideAscii(display ? '$$' : '$');
  const commands = withoutTexComments(tex)
    .trim()
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => {
      const letter = LETTER_COMMAND.exec(name);
      return letter ? `\\${hideAscii(letter[1] ?? '')}${letter[2]}` : `\\${hideAscii(name)}`;
    });
  return `${delimiter}${commands}${delimiter}`;
}

export function revealTex(text: string): string {
  return text.replace(/[\ue000-\ue07f]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) - HIDDEN_ASCII_OFFSET),
  );
}
