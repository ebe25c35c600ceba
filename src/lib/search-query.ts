/**
 * How the search box reads a query: an arXiv id or link, or words. Runs in the browser (bundled
 * into src/scripts/search.ts) and in tests, so it imports nothing heavier than the arXiv id module
 * and the name fold's plain letters (authors.ts).
 */
import { arxivIdInText, arxivIdOfFileName, canonicalArxivId, parseArxivId } from './arxiv-id.ts';
import { RUN_TOGETHER_INITIALS, withPlainLetters } from './authors.ts';
import { monthOfName } from './dates.ts';

/** What may open an id or a name in running text: brackets and quotes. */
const OPENING_PUNCTUATION = /^[\s([{<"'\u2018\u201C]+/u;

/**
 * The space before a version typed apart from its id (`2306.13575 v2`, `math/0309136 v1`): the id
 * is read as if written together, as arXiv writes it.
 */
const VERSION_APART = /(?<=\d)\s+(?=v\d+(?![\p{L}\p{N}]))/giu;

/**
 * The canonical arXiv id a whole query stands for, or undefined when it is not one id: as pasted
 * anywhere (arxivIdInText, the one reading of pasted ids: `2306.13575v2`, `arXiv:2306.13575 [cs.LG]`,
 * `https://arxiv.org/abs/2306.13575v1`, its DOI, `math.GT/0309136`…), or this digest's own page
 * of a paper named for its arXiv id (`…/papers/math-0309136/`).
 */
export function arxivIdInQuery(query: string): string | undefined {
  // No clock: an id the digest holds was checked when it was added, and a reader's clock may be wrong.
  const read = arxivIdInText(query, null);
  if ('id' in read) return canonicalArxivId(read.id);
  const page = sitePageInQuery(query);
  return page?.kind === 'papers' ? arxivIdOfFileName(page.slug) : undefined;
}

/**
 * A page of this site as a reader pastes its address into the box: a paper's
 * (`https://…/papers/2306.13575/`, its `.bib` or `.json`), a topic's (`/topics/in-context-learning/2/`,
 * its feed) or an author's (`…/authors/ekin-akyurek/`, `papers.bib`), as urls.ts writes them, with
 * what the page is of (the paper's id, the topic's or author's slug). Any host and base path, or
 * none: the digest may be served elsewhere than at its own address. Undefined for anything else
 * (the A–Z list of authors, `/authors/-/2/`, is no author's).
 */
const SITE_PAGE =
  /^(?:https?:\/\/)?(?:[^\s?#]*\/)?(papers|topics|authors)\/([^/\s?#]+?)(?:\.bib|\.json|\/(?:\d+\/)?(?:index\.html|rss\.xml|papers\.bib)?)(?:[?#]\S*)?$/i;

const WITHOUT_LAST_SLASH = /\/(?:papers|topics|authors)\/[^/\s?#]+(?:[?#]\S*)?$/i;

export function sitePageInQuery(query: string): { kind: 'papers' | 'topics' | 'authors'; slug: string } | undefined {
  const trimmed = query.trim();
  // Its last slash left off, as an address is often copied or typed (`digest.example.org/papers/2306.13575`),
  // after a host or a leading slash: `topics/attention` alone is words joined by a slash.
  const match =
    SITE_PAGE.exec(trimmed) ??
    (WITHOUT_LAST_SLASH.test(trimmed) ? SITE_PAGE.exec(trimmed.replace(/(?=[?#]|$)/, '/')) : null);
  if (!match) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]!);
  } catch {
    return undefined;
  }
  if (slug.startsWith('-')) return undefined;
  return { kind: match[1]!.toLowerCase() as 'papers' | 'topics' | 'authors', slug };
}

/**
 * The file name of a paper without an arXiv id (`my-paper`) whose page's address a query is
 * (`https://…/papers/my-paper/`): the search opens that paper from the id → paper map, where
 * such a paper is kept by its file name (paperShard). Undefined for anything else.
 */
export function paperFileNameInQuery(query: string): string | undefined {
  const page = sitePageInQuery(query);
  return page?.kind === 'papers' && arxivIdOfFileName(page.slug) === undefined ? page.slug : undefined;
}

/**
 * The papers a whole query names: its arXiv ids (arxivIdsInQuery), or the file name of a paper
 * without one, from its page's address (paperFileNameInQuery). Each is a key of the id → paper map.
 */
export function paperKeysInQuery(query: string): string[] | undefined {
  // Full-width digits and stops as plain ones (`２３０６．１３５７５`), as the words of a query are read,
  // and percent escapes as their characters (`10.48550%2FarXiv.…`), as withoutMarkup reads them.
  const text = withPlainCompatibilityLetters(withPercentEscapesRead(query));
  const fileName = paperFileNameInQuery(text);
  return arxivIdsInQuery(text) ?? (fileName === undefined ? undefined : [fileName]);
}

/** A category as references write it after an id: `[cs.LG]`. */
const CATEGORY = /^\[[a-z-]+(?:\.[a-z]{2})?\]$/i;

/**
 * The canonical arXiv ids a whole query names: one (as arxivIdInQuery reads it), or a list of
 * them apart by spaces, commas or semicolons, as a reader pastes from a reading list or a
 * reference section (`2306.13575, arXiv:2310.06825 [cs.CL]`), each once, in the query's order;
 * in a query with other words, the ids written so that they can only be ids (ID_MARK), as a
 * pasted reference writes them. Undefined for other words and no such id.
 */
export function arxivIdsInQuery(query: string): string[] | undefined {
  const one = arxivIdInQuery(query);
  if (one) return [one];
  const tokens = query
    .replace(VERSION_APART, '')
    .split(/[\s,;]+/)
    .filter((token) => token !== '' && !CATEGORY.test(token));
  if (tokens.length < 2) return undefined;
  const ids = tokens.map(arxivIdInQuery);
  if (ids.every((id) => id !== undefined)) return [...new Set(ids)];
  // A pasted reference: the ids it writes as only an id is written (ID_MARK, or after `arXiv`).
  const marked = tokens.flatMap((token, index) =>
    ids[index] !== undefined && (ID_MARK.test(token) || /^arxiv:?$/i.test(tokens[index - 1] ?? '')) ? [ids[index]] : [],
  );
  return marked.length > 0 ? [...new Set(marked)] : undefined;
}

/**
 * What writes a number as an arXiv id and nothing else: `arXiv:` or `arXiv.` before it, a link or
 * path (`https://arxiv.org/abs/…`, `abs/…`, this digest's `…/papers/…/`), its DOI. In a query with
 * other words, as a pasted reference has (`… Investigations with linear models. arXiv preprint
 * arXiv:2211.15661.`), such an id names the paper; a bare id among words does not
 * (`2306.13575 transformers` are words: a number).
 */
const ID_MARK = /arxiv|doi|\//iu;

/**
 * The shard of the id → paper map that holds an id: the year and month it carries, and for a
 * new-style id the first two digits of its number (`2023-06-13` for 2306.13575), so that a shard
 * stays small even when the digest holds most of a month's papers (up to ~25,000 ids a month).
 */
export function arxivShard(canonicalId: string): string {
  // Read with no clock, as the build reads none: the id was checked when its paper was added.
  const parsed = parseArxivId(canonicalId, null);
  if ('reason' in parsed) throw new Error(`"${canonicalId}" is not a valid arXiv id`);
  const number = /^\d{4}\.(\d{2})/.exec(canonicalId)?.[1];
  return number ? `${parsed.id.yearMonth}-${number}` : parsed.id.yearMonth;
}

/**
 * The shard of the id → paper map that holds a key of paperKeysInQuery: an arXiv id's
 * (arxivShard), or for the file name of a paper without one (`my-paper`), `name-` and its first
 * character, which no arXiv id's shard starts with (a file name holds no dot or slash, so it is no
 * arXiv id either).
 */
export function paperShard(key: string): string {
  return isArxivKey(key) ? arxivShard(key) : `name-${key[0]}`;
}

/** Whether a key of the id → paper map is an arXiv id, not a paper's file name. */
export function isArxivKey(key: string): boolean {
  return !('reason' in parseArxivId(key, null));
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

// ---- Decimal numbers ----

/**
 * A decimal number, or a version's dotted numbers (`1.5`, `0.01`, `3.5.1`). Pagefind drops the
 * point, so to it `1.5` is the word `15` and its parts `1` and `5`: the number fifteen. The index
 * also holds each such number with its points written as {@link DECIMAL_POINT} (decimalWords), and
 * a query that is a decimal number searches that word.
 */
const DECIMAL = /(?<!\p{N}|\p{N}\.)\p{Nd}+(?:\.\p{Nd}+)+(?!\.?\p{Nd})/gu;
/** A query word that is a decimal number, with punctuation around it: `1.5`, `(0.01)`, `1.5%`. */
const DECIMAL_QUERY_WORD = /^[^\p{L}\p{N}]*(\p{Nd}+(?:\.\p{Nd}+)+)[^\p{L}\p{N}]*$/u;
/**
 * The point of a decimal number as the index writes it: a letter (U+A78F, LATIN LETTER SINOLOGICAL
 * DOT), so that Pagefind keeps `1ꞏ5` one word, and one that papers do not write between digits (a
 * paper that did would be found by the decimal, nothing worse).
 */
export const DECIMAL_POINT = '\ua78f';

/**
 * The decimal numbers in a word of text as the index holds them (`Gemini-1.5` → `1ꞏ5`), and one in
 * scientific notation as its decimal (`1e-3` → `0ꞏ001`: scientificWords).
 */
export function decimalWords(word: string): string[] {
  const decimals = [...word.matchAll(DECIMAL)].map(([number]) => number.replaceAll('.', DECIMAL_POINT));
  return [...decimals, ...scientificWords(word)];
}

/**
 * A number in scientific notation, as papers and readers write it: `1e-3`, `2.5E4`, or a power of
 * ten in TeX or typed, `10^{-3}`, `10^-3`, `5 \times 10^{-4}`, `5\cdot10^{-4}`, `5×10⁻⁴` (after
 * NFKC, `10^-4` is not, but `10−4` would be a subtraction: only `^` or `e` makes a power). The
 * mantissa (or none, for a bare power of ten), then the exponent; at most 12 places either way.
 */
const SCIENTIFIC = new RegExp(
  String.raw`(?<![\p{L}\p{N}.^_])(?:(\d+(?:\.\d+)?)\s*(?:[eE]|(?:\\times|\\cdot|[×·⋅*])\s*10\s*\^)|10\s*\^)` +
    String.raw`\s*\{?\s*([-+−]?)\s*(\d{1,2})\s*\}?(?![\p{L}\p{N}^_.]\d|[\p{L}\p{N}])`,
  'gu',
);
const MAX_EXPONENT = 12;

/** A mantissa times ten to a power written out as a decimal (`1`, `-3` → `0.001`; `2.5`, `4` → `25000`). */
function decimalOf(mantissa: string, exponent: number): string {
  const [whole, fraction = ''] = mantissa.split('.');
  let digits = whole! + fraction;
  let point = whole!.length + exponent;
  if (point <= 0) [digits, point] = ['0'.repeat(1 - point) + digits, 1];
  digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const decimals = digits.slice(point).replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/**
 * Text with each number in scientific notation (SCIENTIFIC) written out as a decimal (`1e-3`,
 * `10^{-3}`, `1 \times 10^{-3}` → `0.001`), which the index holds for all of them and for `0.001`
 * itself (decimalWords): one number however it is written.
 */
export function withScientificNumbersWritten(text: string): string {
  return text.replace(SCIENTIFIC, (written, mantissa: string | undefined, sign: string, power: string) => {
    const exponent = (sign === '' || sign === '+' ? 1 : -1) * Number(power);
    return Math.abs(exponent) > MAX_EXPONENT ? written : ` ${decimalOf(mantissa ?? '1', exponent)} `;
  });
}

/**
 * A count with its scale as papers and readers write it: a whole or decimal number, its thousands
 * apart by commas or not (`7`, `1.3`, `12.4`, `1,000`), then a scale letter (`7B`, `1.3B`, `10k`,
 * `66M`, `ImageNet-1K`) or a scale word, joined, apart or hyphenated (`2 billion`, `1.3 billion`,
 * `10 thousand`, `7-billion`). Each is one number, its value written out (countWords: `1.3B`,
 * `1.3 billion` and `1,300,000,000` are `1300000000`), which the index holds beside the text
 * (withIndexedParts in search-data.ts) and the query searches: `1.3B` is not `13B` (Pagefind's
 * `13b`), and `10k` finds `10,000`.
 */
const SCALE_POWERS: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  million: 6,
  b: 9,
  billion: 9,
  t: 12,
  trillion: 12,
};
const COUNT_NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
/** A scale word in lower case, capitalised or in capitals (`million`, `Million`, `MILLION`). */
const SCALE_WORD = ['thousand', 'million', 'billion', 'trillion']
  .flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()])
  .join('|');
/**
 * A scale letter as the SI prefixes read it: `k` or `K` a thousand (kilo), `M` a million (mega),
 * `T` a trillion (tera), and `b` or `B` a billion (no unit is written b in a paper's counts, and
 * readers type `7b`). A lower-case `m` or `t` is no count: `100m` is as often metres or minutes
 * (`m`, milli), `5t` tonnes, so they are words as written (and `100m` typed still finds `100M`,
 * as Pagefind reads case alike).
 */
const SCALE_LETTER = '[kKMbBT]';
const COUNT_SCALE = String.raw`(?:[\s-]?(${SCALE_WORD})|(${SCALE_LETTER}))(?![\p{L}\p{N}])`;
/** A count in text: also after a hyphen or letters (`ImageNet-1K`, `LLaMA2-7B`). */
const COUNT_IN_TEXT = new RegExp(String.raw`(?<![\p{N}.,])${COUNT_NUMBER}${COUNT_SCALE}`, 'gu');
/** A count in a query: a word of its own (`ImageNet-1K` typed stays that compound word). */
const COUNT_IN_QUERY = new RegExp(String.raw`(?<![\p{L}\p{N}.,-])${COUNT_NUMBER}${COUNT_SCALE}`, 'gu');
const PERCENT_IN_WORDS = /(?<=\d)\s*\b(?:percent|per\s+cent)(?![\p{L}\p{N}])/giu;

/** A count's value written out (`1`, `3`, `b` → `1300000000`; `12`, `4`, `k` → `12400`). */
function countValue(whole: string, fraction: string | undefined, scale: string): string {
  const number = whole.replaceAll(',', '') + (fraction === undefined ? '' : `.${fraction}`);
  return decimalOf(number, SCALE_POWERS[scale.toLowerCase()]!);
}

/** The counts with a scale in a text (COUNT_IN_TEXT), each as the index holds its value (`1.3B` → `1300000000`). */
export function countWords(text: string): string[] {
  return [...text.matchAll(COUNT_IN_TEXT)].map(([, whole, fraction, word, letter]) =>
    countValue(whole!, fraction, (word ?? letter)!).replaceAll('.', DECIMAL_POINT),
  );
}

/**
 * A query with each count with a scale written as its value (`1.3 billion`, `1.3B` → `1300000000`,
 * `10k` → `10000`: COUNT_IN_QUERY), and each percentage in words as `%` (`3.5 percent` → `3.5%`):
 * one number however the reader writes it.
 */
export function withCountsWritten(query: string): string {
  return query
    .replace(
      COUNT_IN_QUERY,
      (_, whole: string, fraction: string | undefined, word: string | undefined, letter: string | undefined) =>
        ` ${countValue(whole, fraction, (word ?? letter)!)} `,
    )
    .replace(PERCENT_IN_WORDS, '%');
}

/** The query words that are counts with a scale (`1.3B`: `1300000000`), which are finished words as soon as typed. */
export function countsInQuery(query: string): string[] {
  return [...query.matchAll(COUNT_IN_QUERY)].flatMap(([count]) => queryWords(count));
}

/** The numbers in scientific notation in a text (a word, a formula's TeX) as the index holds them (`1e-3` → `0ꞏ001`, `10^{3}` → `1000`). */
export function scientificWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(SCIENTIFIC)) {
    const [number] = withScientificNumbersWritten(match[0]).trim().split(/\s+/);
    if (number !== undefined && /^\d/.test(number)) words.push(number.replaceAll('.', DECIMAL_POINT));
  }
  return words;
}

/**
 * The word the index holds for a formula's symbol (mathSymbolWords in search-data.ts), which
 * Pagefind would not index: a command by its name (`\gg` → `ꞏgg`), a symbol character by its code
 * point (`≫` → `ꞏ226b`; the index holds both for `\gg`). The {@link DECIMAL_POINT} letter before
 * it keeps it apart from words of text (`\circ` is not `circ…`, as in `circuit`).
 */
export function commandWord(name: string): string {
  return `${DECIMAL_POINT}${name.toLowerCase()}`;
}
export function symbolWord(symbol: string): string {
  return `${DECIMAL_POINT}${symbol.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/**
 * A math symbol as a reader may paste it (`≫`, `∞`, `∘`, `≤`). ASCII signs (`+`, `<`, `=`) are
 * punctuation to the index, and so are the symbols TeX writes in ASCII: the minus sign `−` (`-`),
 * `∗` (`*`), `∕` (`/`) and `∣` (`|`).
 */
export const MATH_SYMBOL = /(?![\x00-\x7f\u2212\u2215\u2217\u2223])\p{Sm}/gu;

/** Math symbols as a reader types them in ASCII (`<=` for `≤`, `->` for `→`), read as the symbols. */
const ASCII_SYMBOL_CHARACTERS: Readonly<Record<string, string>> = {
  '<=': '\u2264',
  '>=': '\u2265',
  '!=': '\u2260',
  '->': '\u2192',
  '=>': '\u21d2',
};
const ASCII_SYMBOLS = /<=|>=|!=|->|=>/g;

/**
 * Whether a TeX command (its name) only styles or spaces what it holds (`mathbb`, `widetilde`,
 * `left`): no word of a query or of the index. (`\cdot` and `\times` join factors in typedTex,
 * but are symbols to a reader who types them.)
 */
export function isStylingCommand(name: string): boolean {
  STYLING_COMMANDS.lastIndex = 0;
  return name !== 'cdot' && name !== 'times' && STYLING_COMMANDS.test(`\\${name}`);
}

/** Whether a TeX command (its name) is a letter that the index holds by name (`sigma`, `varphi`, `ell`). */
export function isLetterCommand(name: string): boolean {
  return LETTER_COMMAND.test(name);
}

/**
 * TeX commands in a query, read as the index reads a formula: a letter's name is a word (`\sigma`,
 * `\varepsilon` → `epsilon`), a styling command is nothing (`\mathbb{R}^d` is `R^d`), and any
 * other command is the word the index holds for it (`\gg`, `\infty`, `\circ`: commandWord), as is
 * a pasted math symbol (symbolWord).
 */
function withTexCommandsRead(query: string): string {
  return query
    .replace(ASCII_SYMBOLS, (typed) => ASCII_SYMBOL_CHARACTERS[typed]!)
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => {
      const letter = LETTER_COMMAND.exec(name);
      if (letter) return letter[2]!;
      return isStylingCommand(name) ? '' : ` ${commandWord(name)} `;
    })
    .replace(MATH_SYMBOL, (symbol) => ` ${symbolWord(symbol)} `);
}

/**
 * The words a query names by a symbol or a TeX command: a Greek letter (`μ`, `\mu` → `mu`) or a
 * symbol (`≫`, `\gg`, `<=`) standing for the word the index holds for it. Each is a whole word, as
 * typed in full: not the start of longer words, as a word the reader spells may be (`mu` typed in
 * letters may be on its way to `multi`; `μ` is not).
 */
export function wordsNamedBySymbols(query: string): Set<string> {
  const symbols = [
    ...[...query.matchAll(LONE_LETTER)].map(([letter]) => LETTER_NAMES.get(letter) ?? letter),
    ...[...query.matchAll(/\\[a-zA-Z]+/g)].map(([command]) => command),
    ...[...query.matchAll(MATH_SYMBOL)].map(([symbol]) => symbol),
    ...[...query.matchAll(ASCII_SYMBOLS)].map(([symbol]) => symbol),
  ];
  return new Set(symbols.flatMap((symbol) => queryWords(symbol)));
}

/**
 * The words of a query as the index holds words: lower case, punctuation and symbols dropped, a
 * count with its scale as its value (withCountsWritten), unless `countsAsTyped` (a quoted phrase,
 * which the text holds as written: `"1.3B parameters"`).
 */
export function queryWords(query: string, { countsAsTyped = false } = {}): string[] {
  return (
    withTexCommandsRead(withLettersNamed(withBoundWords(query, countsAsTyped)))
      // Compatibility letters as their plain ones: `ℝ^d` is `R^d`, `ﬁne` is `fine`.
      .normalize('NFKC')
      .toLowerCase()
      .split(/\s+/)
      .map((word) => {
        const decimal = DECIMAL_QUERY_WORD.exec(word)?.[1];
        // A sub- or superscript's mark left at a word's edge by a command (`\ell_\infty`) is no letter.
        if (decimal) return decimal.replaceAll('.', DECIMAL_POINT);
        // A letter's subscript as a reader types it (`l_2`, `x_{ij}`, `l_inf`) is the word the
        // index holds for it (mathIndexWords: `l2`, `xij`, `linf`).
        return word
          .replace(NOT_INDEXED, '')
          .replace(/^_+|_+$/g, '')
          .replace(/^(\p{L}|ell)_(?=[\p{L}\p{N}]+$)/u, '$1');
      })
      .filter((word) => comparable(word).length > 0)
  );
}

/** The Pagefind filter that holds the years a paper is cited by: its venue's and its first version's. */
export const CITED_YEAR_FILTER = 'cited-year';

/** A year as a query writes it: `2023`, `(2023)`, `2023,`. */
const QUERY_YEAR = /^\(?((?:19|20)\d\d)\)?[.,;]?$/;
/**
 * A range of years: `2023..2024`, `2023-2024`, `2023–2024` (an en dash), `(2021-2023)`, or with the
 * second year's last two digits only, `2023-25`.
 */
const QUERY_YEAR_RANGE = /^\(?((?:19|20)\d\d)(?:\.\.|[-\u2013\u2014])((?:19|20)?\d\d)\)?[.,;]?$/u;

/**
 * The years a token names: one year, or every year of a range (first to last, in either order).
 * A second year of two digits is in the first one's century and after it (`2019-21`); one that
 * would be before it is no range but a month (`2023-11`, November 2023), and names no year here.
 */
function yearsOfToken(token: string): string[] | undefined {
  const year = QUERY_YEAR.exec(token)?.[1];
  if (year) return [year];
  const range = QUERY_YEAR_RANGE.exec(token);
  if (!range) return undefined;
  const [first, second] = [range[1]!, range[2]!];
  const shortSecond = second.length === 2;
  const last = shortSecond ? first.slice(0, 2) + second : second;
  if (shortSecond && Number(last) <= Number(first)) return undefined;
  const [from, to] = [Number(first), Number(last)].sort((a, b) => a - b) as [number, number];
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
}

/** The words that open a range of years at one end (`since 2023`, `before:2021`): withOpenRangesClosed. */
const OPEN_RANGE_WORDS = 'since|after|before|until|till';
/** Such a word and its year (`since 2023`, `before:2021`), and a range that year may start (`since 2019..2021`). */
const OPEN_RANGE = new RegExp(
  `\\b(${OPEN_RANGE_WORDS})(?:\\s+|:\\s*)((?:19|20)\\d\\d)\\b((?:\\.\\.|[-\\u2013\\u2014])(?:19|20)?\\d\\d\\b)?`,
  'giu',
);

/** A word alone that opens a range (`since`, `Before`), as monthInQuery reads one before a month. */
const OPEN_RANGE_WORD = new RegExp(`^(${OPEN_RANGE_WORDS})$`, 'i');
/** Such a word as other engines' operator, its colon before the date (`since:June 2024`, `after:2024-03`). */
const OPEN_RANGE_OPERATOR = new RegExp(`(?<=^|\\s)(${OPEN_RANGE_WORDS}):\\s*(?=\\S)`, 'giu');

/**
 * A query's words as the date readers take them, an open-range operator apart from its date
 * (`since:June 2024` is `since June 2024`, as OPEN_RANGE reads `since:2023` as `since 2023`).
 */
function dateTokens(query: string): string[] {
  return query.trim().replace(OPEN_RANGE_OPERATOR, '$1 ').split(/\s+/);
}

/** The first year a range open at its start reaches back to (`before 2020`): before any paper's. */
const EARLIEST_YEAR = 1900;

/** Whether an open-range word (OPEN_RANGE_WORDS) runs on from its date (`since`, `after`), not back. */
const opensForward = (word: string): boolean => /^(?:since|after)$/i.test(word);

/**
 * The range an open-range word makes of the period `first`..`last` (years, or months counted from
 * year 0), closed at `latest` or `earliest`: `since` and `after` run on, `before`, `until` and
 * `till` back; `since`, `until` and `till` hold the period itself, `after` and `before` not. The
 * one reading of those words, for a year (withOpenRangesClosed) and a month (monthInQuery).
 */
function openRange(word: string, first: number, last: number, earliest: number, latest: number): [number, number] {
  const held = /^(?:since|until|till)$/i.test(word);
  return opensForward(word) ? [held ? first : last + 1, latest] : [earliest, held ? last : first - 1];
}

/**
 * A range open at one end, in words (`since 2023`, `after 2022`, `before 2020`, `until 2021`, or
 * as other engines' operators write them, `before:2021`, `since:2023`), as
 * a closed one (`2023..2027`): to the year after `thisYear` (a venue's year may come before it
 * does), or back to EARLIEST_YEAR. `since` and `until` hold their year, `after` and `before` not.
 * A year that starts a closed range is not an open end (`since 2023-2024` is 2023..2024). (Not `from`: `learning from 2023` may be a title's words.)
 */
function withOpenRangesClosed(query: string, thisYear: number): string {
  return query.replace(OPEN_RANGE, (typed, word: string, year: string, closing: string | undefined) => {
    // A year that starts a range (`since 2019..2021`, `until 2021-22`) is no open end: the
    // range is read as written, and the word before it says nothing more.
    if (closing) return yearsOfToken(year + closing) ? year + closing : typed;
    const [from, to] = openRange(word, Number(year), Number(year), EARLIEST_YEAR, thisYear + 1);
    return from <= to ? `${from}..${to}` : typed;
  });
}

/**
 * The year a query names beside other words (`transformers 2023`), or the years of a range
 * (`transformers 2023..2024`, `2023-2024`, `since 2023`: withOpenRangesClosed, up to the year after
 * `thisYear`), the word just before a single year (which may make it a venue, `ICLR 2024`), and
 * the query without it (empty when it has no other word). Undefined for a query with quotes (a
 * phrase is as typed), with no year, or with two.
 */
export function yearInQuery(
  query: string,
  thisYear = new Date().getUTCFullYear(),
): { year: string; years: string[]; before?: string; rest: string } | undefined {
  if (/["\u201C\u201D\u201E]/u.test(query)) return undefined;
  // A range written with spaces or in words (`2023 – 2025`, `from 2023 to 2025`, `between 2023 and
  // 2025`) is one token, as written without: its words say only that it is a range.
  const closed = query
    .trim()
    .replace(
      /\b(?:(?:from|between)\s+)?((?:19|20)\d\d)\s+(?:\.\.|[-\u2013\u2014]|to|and|through|until)\s+((?:19|20)\d\d)\b/giu,
      '$1..$2',
    );
  const tokens = withOpenRangesClosed(closed, thisYear).split(/\s+/);
  const years = tokens.flatMap((token, index) => (yearsOfToken(token) ? [index] : []));
  if (years.length !== 1) return undefined;
  const index = years[0]!;
  // Nothing but the years (`2020-2022`, `before:2021`, `2023`): the papers of those years, and no
  // words to search (the search then also finds the year written in their text).
  const kept = tokens.filter((_, other) => other !== index);
  const rest = kept.some((token) => queryWords(token).length > 0) ? kept : [];
  const named = yearsOfToken(tokens[index]!)!;
  // A venue writes one year after its name; a range is the reader's.
  const before =
    named.length === 1 && index > 0 && queryWords(tokens[index - 1]!).length > 0 ? tokens[index - 1] : undefined;
  return { year: named[0]!, years: named, ...(before && { before }), rest: rest.join(' ') };
}

/** The Pagefind filter that holds the month (`YYYY-MM`) of a paper's first version, when known. */
export const CITED_MONTH_FILTER = 'cited-month';

/** The month (1–12) a query's word names (monthOfName), with a bracket before or a comma after it. */
function monthOfWord(word: string): number | undefined {
  const name = /^\(?(\p{L}{3,}\.?),?$/u.exec(word)?.[1];
  return name === undefined ? undefined : monthOfName(name);
}

const YEAR_WORD = /^\(?((?:19|20)\d\d)\)?[.,;]?$/;
/** A month in digits: `2024-12`, `2024/12`, `2024.12`, `12/2024`, `12-2024` (not a range, `2023-25`). */
const NUMERIC_MONTH = /^\(?(?:((?:19|20)\d\d)[-/.](\d\d?)|(\d\d?)[-/.]((?:19|20)\d\d))\)?[.,;]?$/;

/** A quarter or half of a year in the short form business and reports write (`Q1`…`Q4`, `H1`, `H2`). */
const PART_OF_YEAR = /^\(?([QH])([1-4])\)?[.,;]?$/i;
/** The months of a part of a year in words (`first quarter of 2024`, `second half of 2023`). */
const MONTHS_OF_PART: Readonly<Record<string, number>> = { q: 3, quarter: 3, h: 6, half: 6 };

/**
 * Which part of a year an ordinal word names, counting from 1 (`first`, `2nd`), with `last` as
 * the year's last part of `parts`; undefined for any other word.
 */
function partOfYearAt(word: string, parts: number): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'last') return parts;
  const named = ORDINAL_WORDS.indexOf(lower) + 1 || Number(/^(\d)(?:st|nd|rd|th)$/.exec(lower)?.[1] ?? 0);
  return named >= 1 && named <= parts ? named : undefined;
}

/**
 * The month and year a query names (`June 2025`, `Dec. 2024`, `december 2024 diffusion`,
 * `2025 June`, `2024-12`, `12/2024`), or a quarter or half of a year (`Q1 2024`, `2023 H2`,
 * `first quarter of 2024`, `second half 2023`): its months as `YYYY-MM`, its year, and the query
 * without them. After a word that opens a range (OPEN_RANGE_WORDS: `since June 2024`, `before
 * March 2024`, `after Q1 2024`), the months of that range, closed as withOpenRangesClosed closes
 * one of years (to the end of the year after `thisYear`, or back to EARLIEST_YEAR; `since` and
 * `until` hold the month or part, `after` and `before` not), with `years`, the open range of years
 * that holds them (`since 2024`, `until 2024`), for what the query finds beyond them. The
 * operator form is read alike (`since:June 2024`: dateTokens).
 * Undefined for a query with quotes (a phrase is as typed), with no month or with
 * two, and for digits that are a range of years (`2023-25`: yearsOfToken reads it first).
 */
export function monthInQuery(
  query: string,
  thisYear = new Date().getUTCFullYear(),
): { months: string[]; year: string; years?: string; rest: string } | undefined {
  if (/["\u201C\u201D\u201E]/u.test(query)) return undefined;
  const tokens = dateTokens(query);
  const found: { at: number; length: number; year: string; month: number; count: number }[] = [];
  tokens.forEach((token, at) => {
    const digits = NUMERIC_MONTH.exec(token);
    if (digits && !yearsOfToken(token)) {
      const [year, month] = digits[1] ? [digits[1], digits[2]!] : [digits[4]!, digits[3]!];
      found.push({ at, length: 1, year, month: Number(month), count: 1 });
      return;
    }
    // The year after the month or part (`June 2025`, `Q1 2024`) or before it (`2025 June`, `2024 Q1`).
    const after = YEAR_WORD.exec(tokens[at + 1] ?? '')?.[1];
    const before = YEAR_WORD.exec(tokens[at - 1] ?? '')?.[1];
    const short = PART_OF_YEAR.exec(token);
    const count = short ? MONTHS_OF_PART[short[1]!.toLowerCase()]! : 1;
    const part = short && Number(short[2]) <= 12 / count ? Number(short[2]) : undefined;
    const month = part === undefined ? monthOfWord(token) : (part - 1) * count + 1;
    if (month !== undefined) {
      if (after) found.push({ at, length: 2, year: after, month, count });
      else if (before) found.push({ at: at - 1, length: 2, year: before, month, count });
      return;
    }
    // `first quarter of 2024`, `last half 2023`: an ordinal, the part's name, `of`, the year.
    const months = MONTHS_OF_PART[(/^(quarter|half)$/i.exec(tokens[at + 1] ?? '')?.[1] ?? '').toLowerCase()];
    const nth = months === undefined ? undefined : partOfYearAt(token, 12 / months);
    if (months === undefined || nth === undefined) return;
    const of = /^of$/i.test(tokens[at + 2] ?? '') ? 1 : 0;
    const year = YEAR_WORD.exec(tokens[at + 2 + of] ?? '')?.[1];
    if (year) found.push({ at, length: 3 + of, year, month: (nth - 1) * months + 1, count: months });
  });
  if (found.length !== 1) return undefined;
  const { at, length, year, month, count } = found[0]!;
  if (month < 1 || month > 12) return undefined;
  // Months counted from year 0: the first and last of the range, as withOpenRangesClosed's years.
  let [from, to] = [Number(year) * 12 + month - 1, Number(year) * 12 + month - 1 + count - 1];
  let start = at;
  const opening = OPEN_RANGE_WORD.exec(tokens[at - 1] ?? '')?.[1];
  if (opening) {
    const [first, last] = openRange(opening, from, to, EARLIEST_YEAR * 12, (thisYear + 1) * 12 + 11);
    // A range that holds no month (`since June 2031`) is no range: the month as typed.
    if (first <= last) [from, to, start] = [first, last, at - 1];
  }
  const rest = tokens.filter((_, index) => index < start || index >= at + length).join(' ');
  const months = Array.from(
    { length: to - from + 1 },
    (_, index) => `${Math.floor((from + index) / 12)}-${String(((from + index) % 12) + 1).padStart(2, '0')}`,
  );
  const years = start < at ? `${opensForward(opening!) ? 'since' : 'until'} ${year}` : undefined;
  return { months, year, ...(years && { years }), rest };
}

/**
 * Words that ask for the newest papers first, at a query's start or end (`latest KAN`, `newest
 * papers on transformers`, `in-context learning most recent`): an order, not words of a paper.
 * Not `recent` alone, which titles write (`Recent Advances in …`), nor `new`.
 */
const NEWEST_FIRST = new RegExp(
  String.raw`^(?:the\s+)?(?:latest|newest|most\s+recent)(?:\s+(?:papers?|preprints?|work|research|results|first))?(?:\s+(?:on|about|in|for|of))?\s+(?=\S)(?!first$)` +
    String.raw`|(?<=\S)\s+(?:latest|newest|most\s+recent)(?:\s+(?:papers?|preprints?|first))?$`,
  'iu',
);

/**
 * The query without the words that ask for the newest papers first (NEWEST_FIRST), or undefined
 * when it has none, or only them and common words (`the newest first`), or quotes (a phrase is as typed): the search then lists what
 * the rest finds newest first, unless the reader chose an order.
 */
export function newestFirstInQuery(query: string): string | undefined {
  if (/["\u201C\u201D\u201E]/u.test(query)) return undefined;
  const rest = query.trim().replace(NEWEST_FIRST, ' ').trim();
  return rest === query.trim() || queryWords(rest).length === 0 || onlyCommonWords(rest) ? undefined : rest;
}

/** Words that say a paper came out, which a reader writes before its date (`published 2024`). */
const PUBLISHED_WORDS = /^(?:published|posted|submitted|released|appeared|uploaded|dated)$/i;
/** The word a reader may put between such a word and the date (`published in 2024`). */
const BEFORE_DATE = /^(?:in|on|during)$/i;
/** A word that opens a range of years: open at one end (withOpenRangesClosed), or closed (`between 2023 and 2024`: yearInQuery). */
const RANGE_OPENING = new RegExp(`^(?:${OPEN_RANGE_WORDS}|between|from)$`, 'i');

/**
 * A query without the word that says a paper came out before the date it names (`published 2024`,
 * `posted in March 2024`, `released in Q1 2024`, `submitted since 2023`, `posted since June 2024`, `released 2023-2024`, `published 12/2024`):
 * the papers write no such word beside their date, which the search reads as the paper's own
 * (yearInQuery, monthInQuery), so kept it would find nothing. Before anything else (`published
 * papers`, `released code`) it is a word of the query. Outside quoted phrases.
 */
export function withPublicationWordsDropped(query: string): string {
  if (/["\u201C\u201D\u201E]/u.test(query)) return query;
  const tokens = query.trim().split(/\s+/);
  // Whether words start with a date: read as dateTokens reads them (`before:2021` is `before 2021`).
  const startsWithDate = ([token = '', next = '', ...others]: string[]): boolean => {
    if (yearsOfToken(token) || NUMERIC_MONTH.test(token)) return true;
    if (monthOfWord(token) !== undefined || PART_OF_YEAR.test(token)) return YEAR_WORD.test(next);
    // `since 2023`, or a month after the word (`since June 2024`: monthInQuery).
    return RANGE_OPENING.test(token) && startsWithDate([next, ...others]);
  };
  const isDate = (at: number): boolean => startsWithDate(dateTokens(tokens.slice(at).join(' ')));
  const kept = tokens.filter((token, at) => {
    if (PUBLISHED_WORDS.test(token)) return !isDate(BEFORE_DATE.test(tokens[at + 1] ?? '') ? at + 2 : at + 1);
    return !(BEFORE_DATE.test(token) && at > 0 && PUBLISHED_WORDS.test(tokens[at - 1]!) && isDate(at + 1));
  });
  return kept.length === tokens.length ? query : kept.join(' ');
}

/** A topic as the search page lists it: its slug (the URL's) and its label (the filter's value). */
export interface TopicName {
  slug: string;
  label: string;
}

/** A topic's name as one run of letters: `Expressivity & Approximation` and `expressivity and approximation` alike. */
function topicLetters(name: string): string {
  return queryWords(name)
    .filter((word) => word !== 'and')
    .join('')
    .replace(/s$/, '');
}

/**
 * The topic a whole query names, by its slug or its label, each however written (`kernel-methods`,
 * as a topic page's address has it, or its words, `kernel methods`, though the label is `Kernels &
 * Gaussian Processes`; `Kolmogorov-Arnold networks`, `expressivity and approximation`, a plural's
 * `s` left off), or undefined.
 */
export function topicInQuery(query: string, topics: readonly TopicName[]): TopicName | undefined {
  const letters = topicLetters(query);
  if (letters === '') return undefined;
  return topics.find((topic) => topicLetters(topic.slug) === letters || topicLetters(topic.label) === letters);
}

/**
 * A word's other number, singular for plural and plural for singular, where Pagefind's English
 * stemmer (Snowball's step 1a) keeps the two apart: it drops a plural `s` only when a vowel comes
 * before the letter before it, and never after `u` (`status`). So an acronym without a vowel
 * (`llms` ↔ `llm`, `mlp` ↔ `mlps`) and a word ending in `u` (`relus` ↔ `relu`, `gpu` ↔ `gpus`,
 * `GLUs`) and its plural are two words to it. Undefined for any other word, which the stemmer
 * already folds (`models`, `model`; `kans`, `kan`).
 */
export function acronymOtherNumber(word: string): string | undefined {
  const letters = comparable(word);
  if (!/^[a-z]{2,}$/.test(letters)) return undefined;
  const plural = letters.length > 2 && letters.endsWith('s') && !letters.endsWith('ss');
  const stem = plural ? letters.slice(0, -1) : letters;
  // (The stemmer keeps an `s` right after a lone vowel too, `gas`, `dis`, `res`: but those are no
  // plurals of `ga`, `di`, `re`, and searching them as finished words would lose what they start.)
  if (/[aeiouy]/.test(stem) && !stem.endsWith('u')) return undefined;
  return plural ? stem : `${stem}s`;
}

/** The point of a decimal number right after a name, or a hyphen after one: `qwen2.5`, `Qwen-2.5`. */
const NAME_DECIMAL_POINT = /(?<=\p{L}-?\p{Nd}+)\.(?=\p{Nd})/gu;

/**
 * The words of a query that join two or more words by punctuation (`neural-network`,
 * `time/series`, `GPT-4`), each as queryWords gives it (`neuralnetwork`) with its parts
 * (`neural`, `network`). The text may write them joined, as the index holds `self-attention`
 * (`selfattention`), or apart, as `neural network`: a compound query word finds both.
 */
export function compoundWords(query: string): Map<string, string[]> {
  const compounds = new Map<string, string[]>();
  // A math symbol is a word of its own (`a≤b`, `a<=b`: `a`, `≤`, `b`), not a join.
  const spaced = query.replace(QUOTED, ' ').replace(ASCII_SYMBOLS, ' $& ').replace(MATH_SYMBOL, ' $& ');
  for (const token of withBoundWords(spaced).split(/\s+/)) {
    if (DECIMAL_QUERY_WORD.test(token)) continue;
    const [joined] = queryWords(token);
    // A `^` binds a superscript to its base, as the index holds it: `2^k-1` is `2k` and `1`. Each
    // part is read as the joined word is (queryWords: `ℓ2` is `ell2`, as in `ell2norm`).
    const parts = token
      .replace(/[{}]/g, '')
      // A name's decimal version (`qwen2.5`, `Qwen-2.5`) is one part, as Pagefind holds `2.5` in
      // text: `25`. So `qwen2.5` is no compound but a name and its number (splitAtNumber: `qwen 25`).
      .replace(NAME_DECIMAL_POINT, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}\p{M}_^]+/u)
      // (A part is the text's, as typed: `ImageNet-1K`'s `1k`, not the count's value.)
      .map((part) => comparable(queryWords(part, { countsAsTyped: true }).join('')))
      .filter((part) => part.length > 0);
    if (joined && parts.length > 1) compounds.set(joined, parts);
  }
  return compounds;
}

/** Most parts of a compound word whose groupings are searched (partGroupings): 4 parts, 6 groupings. */
const MAX_GROUPED_PARTS = 4;

/**
 * The other ways a text may write a compound word of three parts or more than wholly joined or
 * wholly apart, each as a phrase: some parts joined, the others apart (`click-through-rate` as
 * `clickthrough rate`, which `Click-Through Rate` is in the index, or `click throughrate`;
 * `llama-2-7b` as `llama2 7b`). Pagefind holds a hyphenated word as one word, its parts at its
 * place, so the phrase of all the parts does not find it beside a word written apart. Two digits
 * are never joined across a gap (that is another number). None for a compound of more than
 * MAX_GROUPED_PARTS parts (each grouping is one more search).
 */
export function partGroupings(parts: readonly string[]): string[] {
  if (parts.length < 3 || parts.length > MAX_GROUPED_PARTS) return [];
  const groupings: string[] = [];
  // Each of the gaps between parts is joined (bit set) or a space; all joined and none are the others' forms.
  const gaps = parts.length - 1;
  // A gap between two digits is never joined: that writes another number (`llama-2-7b` is no `llama 27b`).
  let numberGaps = 0;
  for (let gap = 0; gap < gaps; gap += 1) {
    if (/\d$/u.test(parts[gap]!) && /^\d/u.test(parts[gap + 1]!)) numberGaps |= 1 << gap;
  }
  for (let joins = 1; joins < 2 ** gaps - 1; joins += 1) {
    if (joins & numberGaps) continue;
    groupings.push(parts.reduce((phrase, part, index) => phrase + ((joins >> (index - 1)) & 1 ? '' : ' ') + part));
  }
  return groupings;
}

/**
 * The phrases a query word written in parts is searched as, besides itself joined: its parts
 * apart and their groupings (partGroupings), and, when they are an abbreviation's words cut short
 * (clippedAbbreviations: `batch-norm`), those words whole, each once. The parts as typed stay:
 * `batch-norm` finds `batch norm` as well as `batch normalization`.
 */
export function compoundPhrases(
  parts: readonly string[] | undefined,
  expansion: readonly string[] | undefined,
): string[] {
  const phrases = parts ? [parts.join(' '), ...partGroupings(parts), ...versionsAndSizes(parts)] : [];
  if (expansion) phrases.push(expansion.join(' '));
  return [...new Set(phrases)];
}

/** A size typed after a name with more than one digit (`27b`, `130m`): the digits, then the scale letter. */
const SIZE_OF_DIGITS = /^(\p{Nd}{2,})([kmbt])$/u;

/**
 * A name's version and its size typed as one number (`llama27b`, split as `llama`, `27b` by
 * splitAtNumber: Llama 2 7B; `qwen1514b`: Qwen 1.5 14B, whose `1.5` the text holds as `15`), as
 * the text writes them, the version apart from the name or joined to it: at each cut of the
 * digits, `llama 2 7b` and `llama2 7b`. The digits may be the size alone too (`gemma27b`: Gemma
 * 27B), which the parts as typed search. None for other parts.
 */
function versionsAndSizes(parts: readonly string[]): string[] {
  const [name, number] = parts;
  const [, digits, scale] = (parts.length === 2 && /^\p{L}+$/u.test(name!) && SIZE_OF_DIGITS.exec(number!)) || [];
  if (digits === undefined || scale === undefined) return [];
  return Array.from({ length: digits.length - 1 }, (_, index) => [digits.slice(0, index + 1), digits.slice(index + 1)])
    .filter(([, size]) => !size!.startsWith('0'))
    .flatMap(([version, size]) => [`${name} ${version} ${size}${scale}`, `${name}${version} ${size}${scale}`]);
}

/**
 * A query word as the two words the text may write apart (`dataset` → `data`, `set`;
 * `finetuning` → `fine`, `tuning`), split after the longest of `heads` it starts (the first parts
 * of the digest's compound words: compoundHeads in search-data.ts) when three letters or more
 * follow; undefined for any other word.
 */
export function splitAtHead(word: string, heads: readonly string[]): [string, string] | undefined {
  if (!/^\p{L}+$/u.test(word)) return undefined;
  let best: string | undefined;
  for (const head of heads) {
    if (word.length - head.length >= 3 && word.startsWith(head) && (!best || head.length > best.length)) best = head;
  }
  return best === undefined ? undefined : [best, word.slice(best.length)];
}

/**
 * A query word of letters then a number of any kind (`llama2`, `resnet50`; a count with its scale
 * letter, `mistral7b`, `llama70b`; a version's letter, `gpt4o`; `conv2d`), as the two words a text
 * may write apart (`Llama 2`, `Mistral 7B`, `GPT 4o`): the reverse of a pair typed apart
 * (adjacentWordPairs), and what a hyphenated query word finds already (`Mistral-7B`:
 * compoundWords). At most two letters after the number, so that `word2vec` or `seq2seq` stay
 * whole, and two before it, so that `x86`, `h100` or `l2` (a formula's word) do; the split is
 * searched beside the word as typed, never instead of it. Undefined for any other word.
 */
export function splitAtNumber(word: string): [string, string] | undefined {
  const [, letters, number] = /^(\p{L}{2,})(\p{Nd}+\p{L}{0,2})$/u.exec(word) ?? [];
  return letters === undefined || number === undefined ? undefined : [letters, number];
}

/** The numbers one to twelve as words and as ordinals, each at its value less one (otherNumberSpelling). */
const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const ORDINAL_WORDS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth'.split(' ');
/** An ordinal in digits: `1st`, `2nd`, `3rd`, `4th` … `12th` (the ending as English writes it for each). */
const ordinalInDigits = (value: number) =>
  `${value}${value === 1 ? 'st' : value === 2 ? 'nd' : value === 3 ? 'rd' : 'th'}`;

/**
 * A query word that is a number from one to twelve, in the other spelling: `3` ↔ `three`, `1st` ↔
 * `first` (each as queryWords gives words: lower case), or undefined for any other word. Papers
 * write both (`Three-Layer`, `2-layer`, `one-shot`, `1st-order`) and readers type either; the
 * index holds the one written only (a hidden copy of the other on every page cost too many bytes),
 * so the query is read both ways (numberPartsReadOtherwise).
 */
export function otherNumberSpelling(word: string): string | undefined {
  const asWord = NUMBER_WORDS.indexOf(word);
  if (asWord >= 0) return String(asWord + 1);
  const asOrdinal = ORDINAL_WORDS.indexOf(word);
  if (asOrdinal >= 0) return ordinalInDigits(asOrdinal + 1);
  const [, digits, ending] = /^0*(\d{1,2})(st|nd|rd|th)?$/.exec(word) ?? [];
  const value = Number(digits);
  if (digits === undefined || value < 1 || value > NUMBER_WORDS.length) return undefined;
  if (ending === undefined) return NUMBER_WORDS[value - 1];
  return ending === ordinalInDigits(value).slice(-2) ? ORDINAL_WORDS[value - 1] : undefined;
}

/**
 * The parts of a word typed in parts (`3-layer`: `3`, `layer`) or of two words side by side (`two
 * stream`), each number among them in its other spelling (otherNumberSpelling: `three`, `layer`;
 * `2`, `stream`), or undefined when none is a number. One home for the query's numbers: the search
 * looks for these beside the parts as typed, joined (`threelayer`, as the index holds `Three-Layer`)
 * and apart, so `3-layer` finds `Three-Layer` and `two stream` finds `2-Stream`.
 */
export function numberPartsReadOtherwise(parts: readonly string[]): string[] | undefined {
  const read = parts.map((part) => otherNumberSpelling(part) ?? part);
  return read.some((part, index) => part !== parts[index]) ? read : undefined;
}

/**
 * A word a text writes after a name as its number or version: `2`, `50`, `v8`, `4o`, `7B` (at most
 * three digits, so that a year is none: `since 2020`).
 */
const NUMBER_WORD = /^(?:\p{L}?\p{Nd}{1,3}|\p{Nd}{1,3}\p{L}{1,2})$/u;

/** A word written as a model's or product's name is: two capitals or more (`YOLO`, `GPT`, `ResNet`, `LLaMA`). */
const NAME_LIKE = /\p{Lu}.*\p{Lu}/u;

/** A number written as a version: a letter, then digits (`v8`, `V3`). */
const VERSION_NUMBER = /^\p{L}\p{Nd}+$/u;

/**
 * A name and its number that a text writes apart (`YOLO v8`, `GPT 4o`, `ResNet 50`, `yolo v8`), as
 * the one word a reader types (`yolov8`, `gpt4o`, `resnet50`), or undefined for any other two
 * words side by side: the name must read as one (NAME_LIKE) or the number as a version
 * (VERSION_NUMBER), so that prose's `Table 3`, `Figure 2`, `Section 4` or `Jun 6` adds no hidden
 * word; a common word before a number never joins (`in 3`, `of 10`). `Llama 2` and `Mistral 7B` are left apart
 * too: `llama2` and `mistral7b` typed are searched as `llama 2` and `mistral 7b` (splitAtNumber). A page holds
 * the joined word, hidden, for the index (withIndexedParts), so that `YOLOv8` finds `YOLO v8` as it
 * finds `YOLOv8` and `YOLO-v8`, which Pagefind holds whole: splitAtNumber alone cannot tell where
 * such a word's name ends (`yolov8` is `yolo v8`, `resnet50` is not `resne t50`). The other way,
 * the query's two words also find them joined (joinedPairs in the search script).
 */
export function joinedNameNumber(first: string, second: string): string | undefined {
  const name = /^[^\p{L}\p{N}]*(\p{L}{2,})$/u.exec(first)?.[1];
  const number = /^(\p{L}?\p{N}+\p{L}*)[^\p{L}\p{N}]*$/u.exec(second)?.[1];
  if (name === undefined || number === undefined || !NUMBER_WORD.test(number)) return undefined;
  if (COMMON_WORDS.has(name.toLowerCase())) return undefined;
  if (!NAME_LIKE.test(name) && !VERSION_NUMBER.test(number)) return undefined;
  return comparable(name + number);
}

/**
 * What a query word is also searched as, from the digest's own text, in /search/expansions.json:
 * the first parts of its compound words (compoundHeads in search-data.ts: splitAtHead) and its
 * abbreviations, each `llm:large-language-model` (acronymExpansions: acronymTable).
 */
export interface QueryExpansions {
  heads: string[];
  acronyms: string[];
  /** Formulas' terms with a script, by what they script: `r:rd,rn` (scriptedWords in search-data.ts: withScriptsRead). */
  scripted: string[];
}

/** QueryExpansions' scripted words as a table: `r:rd,rn` → `r` → `rd`, `rn`. */
export function scriptedTable(entries: readonly string[]): Map<string, string[]> {
  return new Map(
    entries.map((entry) => {
      const [base = '', words = ''] = entry.split(':');
      return [base, words.split(',').filter(Boolean)];
    }),
  );
}

/** A word of TeX as a reader types it: a command, or braces (`\mathbb{R}`, `\mathbb R`, `{R}`). */
const TEX_TYPED = /\\[a-zA-Z]|[{}]/;

/** Whether a query has TeX typed in it (TEX_TYPED), which withScriptsRead may read. */
export function hasTypedTex(query: string): boolean {
  return TEX_TYPED.test(query);
}

/**
 * A query with TeX typed without a sub- or superscript (`\mathbb{R}`, `\mathbb R`, `\Phi`) read as
 * either: as typed, or as one of the digest's formulas that script it (`$\mathbb{R}^d$`, whose word
 * in the index is `rd`; `scripted`: scriptedTable), `("\mathbb{R}" OR "rd" OR "rn")`, which
 * alternativesInQuery reads, the formula as typed first. A styling command and the letter it styles
 * are read as one term (`\mathbb R`). Outside quotes, and only TeX: `R` or `x` typed as a word is
 * a word (a name, a language). A term with a script, or brackets (`\mathcal{O}(n)`, a bound), is as typed.
 */
export function withScriptsRead(query: string, scripted: ReadonlyMap<string, readonly string[]>): string {
  if (scripted.size === 0) return query;
  return replacedOutsideQuotes(
    query,
    /(?<=^|\s)(?:\\[a-zA-Z]+\s+(?=[a-zA-Z](?:\s|$)))?[^\s"\u201C\u201D\u201E()]+(?=\s|$)/gu,
    (token) => {
      if (!TEX_TYPED.test(token) || /[\^_]/.test(token)) return token;
      const words = queryWords(token);
      const others = words.length === 1 ? scripted.get(words[0]!) : undefined;
      if (!others || others.length === 0) return token;
      return ` ("${token.replace(/\s+/g, ' ')}" OR ${others.map((word) => `"${word}"`).join(' OR ')}) `;
    },
  );
}

/**
 * The digest's abbreviations (QueryExpansions' acronyms: acronymExpansions in search-data.ts), each
 * with the words it stands for: `llm:large-language-model` → `llm` → `large`, `language`, `model`.
 */
export function acronymTable(entries: readonly string[]): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const entry of entries) {
    const [letters, expansion] = entry.split(':');
    if (letters && expansion) table.set(letters, expansion.split('-'));
  }
  return table;
}

/**
 * The words a query word stands for when it is an abbreviation of the table, singular or plural
 * (`LLMs`: `large language model`), which the search also looks for as a phrase: papers write one
 * or the other. Only when the query writes it as an abbreviation, with two capitals (`LLM`, `ViT`),
 * or it has no vowel (`llm`, `gnn`): `map` or `art` typed is the word.
 */
export function acronymExpansion(
  word: string,
  query: string,
  table: ReadonlyMap<string, string[]>,
): string[] | undefined {
  if (!/^\p{L}+$/u.test(word)) return undefined;
  const letters = table.has(word) ? word : word.endsWith('s') && table.has(word.slice(0, -1)) ? word.slice(0, -1) : '';
  if (letters === '') return undefined;
  const typed = new RegExp(`(?<![\\p{L}])${letters}s?(?![\\p{L}])`, 'giu');
  // (Full-width and mathematical letters as plain ones, as queryWords reads them: `ＬＬＭ`, `𝐌𝐀𝐏`.)
  const asAbbreviation = [...query.normalize('NFKC').matchAll(typed)].some(
    ([written]) => (written.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || !/[aeiouy]/i.test(written.replace(/s$/i, '')),
  );
  return asAbbreviation ? table.get(letters) : undefined;
}

/**
 * The query's words that write an abbreviation of the table as the field names a module: the
 * start of each of its words, joined in CamelCase or by punctuation (`BatchNorm`, `LayerNorm`,
 * `batch-norm` for `bn`: `batch normalization`), each as queryWords gives it (`batchnorm`) with the
 * words it stands for. Papers write the words (`batch normalization`), which the search then finds.
 * A part is the start of its word, three letters or more, and one at least is shorter than its word
 * (`FlashAttention` is its words, found as the text writes them).
 */
export function clippedAbbreviations(
  query: string,
  table: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const token of query.replace(QUOTED, ' ').split(/\s+/)) {
    const parts = token
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(new RegExp(CASE_CHANGE, 'gu'), ' ')
      .split(/[^\p{L}]+/u)
      .map((part) => part.toLowerCase())
      .filter(Boolean);
    // One word in one case (`batchnorm`, `layernorm`): its parts are where the words' starts meet.
    const expansion =
      parts.length === 1
        ? [...table.values()].find((each) => clippedPartsOf(parts[0]!, each) !== undefined)
        : table.get(parts.map((part) => part[0]).join(''));
    const clipped = parts.length === 1 && expansion ? clippedPartsOf(parts[0]!, expansion)! : parts;
    if (clipped.length < 2 || clipped.some((part) => part.length < 3)) continue;
    if (
      expansion?.length === clipped.length &&
      clipped.every((part, index) => expansion[index]!.startsWith(part)) &&
      clipped.some((part, index) => part !== expansion[index])
    ) {
      const [joined] = queryWords(token);
      if (joined) found.set(joined, [...expansion]);
    }
  }
  return found;
}

/**
 * A word in one case (`batchnorm`) cut into the starts of an abbreviation's words (`batch`,
 * `normalization`: `batch`, `norm`), three letters or more each, one at least shorter than its
 * word; undefined if it is no such word.
 */
function clippedPartsOf(word: string, expansion: readonly string[]): string[] | undefined {
  const cut = (rest: string, index: number): string[] | undefined => {
    const whole = expansion[index];
    if (whole === undefined) return rest === '' ? [] : undefined;
    for (let length = Math.min(whole.length, rest.length); length >= 3; length--) {
      if (!whole.startsWith(rest.slice(0, length))) continue;
      const after = cut(rest.slice(length), index + 1);
      if (after) return [rest.slice(0, length), ...after];
    }
    return undefined;
  };
  const parts = expansion.length < 2 ? undefined : cut(word, 0);
  return parts?.some((part, index) => part !== expansion[index]) ? parts : undefined;
}

/** Two words alike but for a plural's ending: `model`, `models`; `process`, `processes`. */
const sameButNumber = (a: string, b: string) =>
  a === b || a === `${b}s` || b === `${a}s` || a === `${b}es` || b === `${a}es`;

/**
 * The runs of a query's words that spell out an abbreviation of the table (`large language models`
 * for `llm`, `in-context learning` for `icl`), longest expansion first, no word in two: the search
 * also finds the papers that write the abbreviation instead (`LLMs`). A compound word of the query
 * (`compounds`: compoundWords) also spells one out by its parts (`L1-norm`: `l1`, `norm`), alone or
 * with the words around it (`large-language models`), when the run takes each of its parts.
 */
export function spelledOutAcronyms(
  words: readonly string[],
  table: Iterable<readonly [string, readonly string[]]>,
  compounds: ReadonlyMap<string, readonly string[]> = new Map(),
): { letters: string; words: string[] }[] {
  // The query's words, and each compound word's parts, with the query word each comes from.
  const whole = words.map((word, index) => ({ text: word, index, first: true, last: true }));
  const split = words.flatMap((word, index) => {
    const parts = compounds.get(word) ?? [word];
    return parts.map((text, part) => ({ text, index, first: part === 0, last: part === parts.length - 1 }));
  });
  const found: { letters: string; words: string[] }[] = [];
  const used = new Set<number>();
  const byLength = [...table]
    .filter(([, expansion]) => expansion.length > 1)
    .sort(([, a], [, b]) => b.length - a.length);
  for (const [letters, expansion] of byLength) {
    for (const pieces of [whole, split]) {
      const at = runAt(pieces, expansion, used);
      if (!at) continue;
      for (const index of at) used.add(index);
      found.push({ letters, words: at.map((index) => words[index]!) });
      break;
    }
  }
  return found;
}

/** The query words (by index) of the first run of `pieces` that spells `expansion`, whole words only. */
function runAt(
  pieces: readonly { text: string; index: number; first: boolean; last: boolean }[],
  expansion: readonly string[],
  used: ReadonlySet<number>,
): number[] | undefined {
  for (let start = 0; start + expansion.length <= pieces.length; start += 1) {
    const run = pieces.slice(start, start + expansion.length);
    if (!run[0]!.first || !run.at(-1)!.last) continue;
    if (run.some((piece) => used.has(piece.index))) continue;
    if (!run.every((piece, offset) => sameButNumber(piece.text, expansion[offset]!))) continue;
    return [...new Set(run.map((piece) => piece.index))];
  }
  return undefined;
}

/**
 * Two words side by side in a query (outside quoted phrases, each as queryWords gives it), which
 * the text may write as one word: `pre training` (`pretraining`), `fine tuning`, `multi task`,
 * `GPT 4`, `Llama 2`, `7 B`. Each is searched joined too (searchText keeps the pair when the
 * digest has the joined word). A decimal number or a bound is left alone: it is not part of a word.
 */
export function adjacentWordPairs(query: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const segment of query.replace(QUOTED, '\0').split('\0')) {
    const words = queryWords(segment);
    for (let index = 1; index < words.length; index += 1) {
      const [first, second] = [words[index - 1]!, words[index]!];
      if (!first.includes(DECIMAL_POINT) && !second.includes(DECIMAL_POINT)) pairs.push([first, second]);
    }
  }
  return pairs;
}

/**
 * The words British spelling writes with `-our` and American with `-or`, before that ending (with
 * `un`, `dis` or `mis` before them: `unfavourable`, `dishonour`, `misbehaviour`). A list, as no
 * shape tells them apart: `flour`, `hours`, `detour`, `contour` have no `-or` spelling, nor
 * `error`, `motor`, `tensor`, `floor` one in `-our`.
 */
const OUR_WORDS =
  '(?:un|dis|mis)?(?:col|hon|fav|lab|hum|behavi|neighb|rum|vap|tum|harb|flav|arm|od|sav|val|vig|rig|endeav|parl|clam)';
/** The endings after `-our` or `-or` that these words take: `colours`, `favourite`, `honourable`, `neighbourhood`. */
const OUR_ENDINGS = 's|ed|ing|al|ally|able|ably|ite|ites|hood|hoods|less|ful|er|ers';

/**
 * British and American spellings of one word, by their regular endings: each pair rewrites a
 * word's ending into the other spelling's. Pagefind's stemmer keeps them apart (`behaviour`,
 * `behavior`), so a query word is also searched in its other spelling (otherSpelling). A
 * rewrite that is no word of the digest finds nothing and costs nothing else; the doubled `l` is
 * rewritten only in long words (`filled` is not `filed`).
 */
const SPELLINGS: [RegExp, string][] = [
  [new RegExp(`^(${OUR_WORDS})our(${OUR_ENDINGS})?$`), '$1or$2'],
  [new RegExp(`^(${OUR_WORDS})or(${OUR_ENDINGS})?$`), '$1our$2'],
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
/** The rules of the doubled `l`, rewritten only in words of seven letters or more, either way. */
const DOUBLED_L = new Set(SPELLINGS.slice(-2));

/**
 * British and American spellings that no ending rule gives (`defence`, `grey`, `programme`): each
 * entry is the British start, the American start, and the endings both take (`|s`: the word
 * itself and its plural). A list, as for `-our`: `tyre` is `tire`, but `tyrant` is no `tirant`.
 */
const IRREGULAR_SPELLINGS: readonly (readonly [british: string, american: string, endings: string])[] = [
  ['defenc', 'defens', 'e|es|eless'],
  ['offenc', 'offens', 'e|es'],
  ['pretenc', 'pretens', 'e|es'],
  ['licenc', 'licens', 'e|es'],
  ['grey', 'gray', '|s|ed|ing|ish|ness|scale'],
  ['programme', 'program', '|s'],
  ['sceptic', 'skeptic', '|s|al|ally|ism'],
  ['aluminium', 'aluminum', ''],
  ['aeroplane', 'airplane', '|s'],
  ['tyre', 'tire', '|s'],
  ['plough', 'plow', '|s|ed|ing'],
  ['mould', 'mold', '|s|ed|ing|ings'],
  ['judgement', 'judgment', '|s|al'],
  ['acknowledgement', 'acknowledgment', '|s'],
  ['artefact', 'artifact', '|s'],
  ['ageing', 'aging', ''],
  ['manoeuvre', 'maneuver', '|s'],
  ['encyclopaedia', 'encyclopedia', '|s'],
  ['paediatric', 'pediatric', '|s'],
  ['anaemi', 'anemi', 'a|c'],
  ['leukaemia', 'leukemia', ''],
  ['foetus', 'fetus', '|es'],
  ['foetal', 'fetal', ''],
  ['oesophag', 'esophag', 'us|eal'],
  ['oestrogen', 'estrogen', '|s'],
  ['haemoglobin', 'hemoglobin', ''],
  ['cosy', 'cozy', ''],
];

/** A word of IRREGULAR_SPELLINGS (lower-case letters) in its other spelling, or undefined. */
function irregularSpelling(letters: string): string | undefined {
  for (const [british, american, endings] of IRREGULAR_SPELLINGS) {
    for (const [from, to] of [
      [british, american],
      [american, british],
    ] as const) {
      const ending = letters.slice(from.length);
      if (letters.startsWith(from) && endings.split('|').includes(ending)) return `${to}${ending}`;
    }
  }
  return undefined;
}

/**
 * Words readers cut short that papers write whole (`spiking neural nets`, `a random net`): the start
 * the reader types, the word it is cut from, and the endings both take. Read one way only, the
 * short word also as the whole: the whole word is not searched as the short one, which also names
 * other things (a net gain), while a paper that writes the short word is found by it as typed.
 */
const CLIPPED_WORDS: readonly (readonly [clipped: string, whole: string, endings: string])[] = [
  ['net', 'network', '|s'],
];

/** A word of CLIPPED_WORDS (lower-case letters) written whole, or undefined. */
function wholeOfClipped(letters: string): string | undefined {
  for (const [clipped, whole, endings] of CLIPPED_WORDS) {
    const ending = letters.slice(clipped.length);
    if (letters.startsWith(clipped) && endings.split('|').includes(ending)) return `${whole}${ending}`;
  }
  return undefined;
}

/**
 * Plurals that take no `s` (`matrix`, `matrices`; `analysis`, `analyses`; `criterion`, `criteria`):
 * each entry the singular and the plural. Pagefind's stemmer keeps the two apart (`matrix`,
 * `matric`), so a query word in one number is also searched in the other (otherSpelling). A list,
 * as for IRREGULAR_SPELLINGS: `devices` is no plural of `devix`, nor `bases` only of `basis`, but a
 * form no paper writes finds nothing and costs nothing else.
 */
const IRREGULAR_PLURALS: readonly (readonly [singular: string, plural: string])[] = [
  ['matrix', 'matrices'],
  ['index', 'indices'],
  ['vertex', 'vertices'],
  ['simplex', 'simplices'],
  ['appendix', 'appendices'],
  ['analysis', 'analyses'],
  ['hypothesis', 'hypotheses'],
  ['basis', 'bases'],
  ['axis', 'axes'],
  ['thesis', 'theses'],
  ['synthesis', 'syntheses'],
  ['diagnosis', 'diagnoses'],
  ['parenthesis', 'parentheses'],
  ['criterion', 'criteria'],
  ['phenomenon', 'phenomena'],
  ['optimum', 'optima'],
  ['maximum', 'maxima'],
  ['minimum', 'minima'],
  ['spectrum', 'spectra'],
  ['curriculum', 'curricula'],
  ['stratum', 'strata'],
  ['medium', 'media'],
  ['radius', 'radii'],
  ['nucleus', 'nuclei'],
  ['stimulus', 'stimuli'],
  ['locus', 'loci'],
  ['focus', 'foci'],
  ['corpus', 'corpora'],
  ['genus', 'genera'],
  ['schema', 'schemata'],
  ['child', 'children'],
  ['formula', 'formulae'],
  ['lemma', 'lemmata'],
  ['automaton', 'automata'],
  ['polyhedron', 'polyhedra'],
  ['mitochondrion', 'mitochondria'],
  ['torus', 'tori'],
  ['calculus', 'calculi'],
  ['fungus', 'fungi'],
  ['quantum', 'quanta'],
  ['momentum', 'momenta'],
  ['continuum', 'continua'],
  ['datum', 'data'],
  ['bacterium', 'bacteria'],
  ['erratum', 'errata'],
  ['addendum', 'addenda'],
  ['vortex', 'vortices'],
  ['apex', 'apices'],
  ['cortex', 'cortices'],
  ['helix', 'helices'],
  ['alga', 'algae'],
  ['larva', 'larvae'],
  ['antenna', 'antennae'],
  ['nebula', 'nebulae'],
  ['supernova', 'supernovae'],
  ['tableau', 'tableaux'],
];

/** A word of IRREGULAR_PLURALS (lower-case letters) in its other number, or undefined. */
function irregularNumber(letters: string): string | undefined {
  for (const [singular, plural] of IRREGULAR_PLURALS) {
    if (letters === singular) return plural;
    if (letters === plural) return singular;
  }
  return undefined;
}

/**
 * The words of IRREGULAR_SPELLINGS a query writes as a name: capitalised after its first word
 * (`Gray code`, `LLMs by Gray`, `Mold`), lower-case letters as queryWords gives them. A surname or
 * a name of a thing has one spelling: such a word is searched as typed, not in its other spelling.
 * (The first word of a query is capitalised as a sentence's: `Grey matter` is still `gray` too.)
 */
export function spellingsTypedAsNames(query: string): Set<string> {
  const tokens = query.split(/\s+/).filter((token) => queryWords(token).length > 0);
  return new Set(
    tokens
      .slice(1)
      .filter((token) => /^\p{Lu}\p{Ll}/u.test(withoutOpening(token)))
      .flatMap((token) => queryWords(token))
      .filter((word) => irregularSpelling(comparable(word)) !== undefined),
  );
}

/**
 * A query word in its other spelling, British or American (`behaviour` ↔ `behavior`,
 * `optimisation` ↔ `optimization`, `analyse` ↔ `analyze`, `centre` ↔ `center`, `modelling` ↔
 * `modeling`, `catalogue` ↔ `catalog`; `grey` ↔ `gray`, `defence` ↔ `defense` by their list), a
 * plural without `s` in its other number (`matrices` ↔ `matrix`: IRREGULAR_PLURALS), or a word cut
 * short written whole (`nets` → `networks`: CLIPPED_WORDS), or undefined when it has none.
 */
export function otherSpelling(word: string): string | undefined {
  const letters = comparable(word);
  return irregularSpelling(letters) ?? irregularNumber(letters) ?? wholeOfClipped(letters) ?? spellingByEnding(word);
}

/**
 * A word's other spelling by the ending rules (SPELLINGS) alone, in words of five letters or more:
 * such a word is finished as typed (unfinishedWord), as `behaviour` finds `behavior`. Not a word
 * of IRREGULAR_SPELLINGS, whose short words start longer ones (`gray` grayscale, `program`
 * programmable, `license` licensed), which the reader may be typing.
 */
function spellingByEnding(word: string): string | undefined {
  const letters = comparable(word);
  if (letters.length < 5 || !/^\p{L}+$/u.test(letters)) return undefined;
  for (const rule of SPELLINGS) {
    const [pattern, replacement] = rule;
    if (!pattern.test(letters)) continue;
    const other = letters.replace(pattern, replacement);
    // (Known by the rule, not by an `ll` in its pattern, which `-our`'s ending `ally` has too.)
    if (DOUBLED_L.has(rule) && (letters.length < 7 || other.length < 7)) continue;
    return other;
  }
  return undefined;
}

/**
 * Letters that German and Scandinavian spelling writes out in plain letters (`Müller` as
 * `Mueller`, `Allgöwer` as `Allgoewer`, `Sørensen` as `Soerensen`, `Åström` as `Aastroem`),
 * where the name key drops the accent instead (authorKey: `muller`, `sorensen`). Both are
 * spellings a reader types; references and e-mail addresses use the written-out one.
 */
const WRITTEN_OUT: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ø: 'oe',
  å: 'aa',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  Ø: 'Oe',
  Å: 'Aa',
};
const WRITTEN_OUT_LETTER = new RegExp(`[${Object.keys(WRITTEN_OUT).join('')}]`, 'gu');

/**
 * A name or word with its umlauts and ø, å written out (WRITTEN_OUT), or itself when it has none.
 * The author directory lists a name in both spellings (search-authors.ts), the index holds an
 * author's written-out name, and a query word is also searched written out (`Müller` finds a
 * paper that writes `Mueller`).
 */
export function writtenOutSpelling(name: string): string {
  return name.normalize('NFC').replace(WRITTEN_OUT_LETTER, (letter) => WRITTEN_OUT[letter]!);
}

/** HTML a reader pasted or typed around words: a closing tag, and an opening one it closes. */
const CLOSING_TAG = /<\/([a-z][a-z0-9]*)\s*>/gi;
const CHARACTER_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * English words so common that nearly every abstract has them: articles, prepositions,
 * conjunctions, pronouns (the relative `which`, `whose`, `whom` too) and forms of "to be". A query
 * of these alone (`the of and`) would list every paper as a match; question words (`why`, `what`,
 * `how`) and single letters (a variable, an initial) are not among them, as some papers have them
 * and others do not.
 */
const COMMON_WORDS = new Set(
  (
    'the an and or of in on at to for from with by as into onto via than then ' +
    'is are was were be been being am it its this that these those there their they them ' +
    'we our us you your he his she her which whose whom'
  ).split(' '),
);

/** A word in capitals, two letters or more (`US`, `IT`, `OR`): an acronym, not the common word. */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/u;

/**
 * Whether a query of several words is written all in capitals, no letter in lower case (`THE OF
 * AND`, `WHAT IS A KAN`): its capitals may be the reader's, not acronyms (onlyCommonWords,
 * withoutQuestionWords say when they are).
 */
function inCapitalsThroughout(query: string): boolean {
  return queryWords(query).length > 1 && !/\p{Ll}/u.test(query);
}

/**
 * Whether a query is only common words (COMMON_WORDS), outside quotes: then the search says so
 * rather than list every paper. A quoted phrase of them (`"of the"`) is searched as a phrase, and
 * so is a word in capitals (`US`, `IT`, `the OR`, and `US IT` all in capitals: ACRONYM), unless
 * the query is several words all in capitals with a common word of three letters or more (`THE OF
 * AND`): two capitals are an acronym as often as a word (US, IT, OR, AI), but THE, AND or FROM among
 * other words in capitals are the reader's capitals, and so is the rest of that query. One word
 * alone in capitals is an acronym whatever its length (HER: Hindsight Experience Replay; VIA, ITS).
 * `a` is one of them beside another (`a an the of`), not alone (`a`: a variable, as `k`).
 */
export function onlyCommonWords(query: string): boolean {
  if (/["\u201C\u201D\u201E]/u.test(query)) return false;
  // The words as the search reads them: `O(n)` is one word, the bound, not `on`.
  const words = queryWords(query);
  const shouted = inCapitalsThroughout(query) && words.some((word) => word.length > 2 && COMMON_WORDS.has(word));
  if (ACRONYM.test(query) && !shouted) return false;
  // `a` alone is a variable or an initial (COMMON_WORDS leaves it out); among common words it is the article.
  return words.some((word) => COMMON_WORDS.has(word)) && words.every((word) => COMMON_WORDS.has(word) || word === 'a');
}

/**
 * Field names a reader may type before a word, as other search engines take them (`author:Hofmann`,
 * `topic:theory`, `title:attention`, or with a space after the colon, as a form's label is copied:
 * `Title: Scaling MLPs`): here every word is searched in titles, names, topics and abstracts alike
 * (and the Author and Topic fields filter), so the name is dropped and the word kept.
 */
const FIELD_PREFIX =
  /(?<=^|[\s"\u201C\u201D\u201E(-])(?:authors?|topics?|tags?|title|abstract|year|venue|(?:all)?in(?:title|text|author)|ti|au|abs):\s*(?=\S)/giu;

/**
 * Operators of web search engines that name where to look, not a word (`site:arxiv.org`,
 * `filetype:pdf`, `inurl:abs`): every paper here is on this site, so the operator and what it names go.
 */
const PLACE_OPERATOR = /(?<=^|\s)(?:site|filetype|ext|inurl|allinurl):\S*/giu;

/**
 * Percent escapes, as an address writes a query's spaces and punctuation and a reader copies them
 * from one (`attention%20transformer`, `10.48550%2FarXiv.2306.13575`): a run of them is the UTF-8
 * text it encodes (`%C3%BC` is `ü`); a run that encodes none stays as typed.
 */
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** A query with its percent escapes (PERCENT_ESCAPES) read as the characters they encode. */
export function withPercentEscapesRead(query: string): string {
  return query.replace(PERCENT_ESCAPES, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
}

/**
 * A query without what is no word of any paper: HTML tags (`<b>attention</b>`: an opening tag
 * only where the query closes it, so `a<b>c` stays), the common character references
 * (`&amp;`), percent escapes (`%20`: withPercentEscapesRead), a field name before a word (FIELD_PREFIX), and an operator naming a place
 * (PLACE_OPERATOR). The rest of the query is as typed.
 */
export function withoutMarkup(typed: string): string {
  // Percent escapes first: `%3Cb%3E` is a tag, `%26amp%3B` a reference.
  const query = withPercentEscapesRead(typed);
  const closed = new Set([...query.matchAll(CLOSING_TAG)].map((match) => match[1]!.toLowerCase()));
  return query
    .replace(/<(\/?)([a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/gi, (tag, slash: string, name: string) =>
      slash || closed.has(name.toLowerCase()) ? ' ' : tag,
    )
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/gi, (_, name: string) => CHARACTER_REFERENCES[name.toLowerCase()]!)
    .replace(FIELD_PREFIX, '')
    .replace(PLACE_OPERATOR, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `AND`, `OR` or `NOT` in capitals at either end of a query (`AND`, `transformers AND`, `OR
 * attention`, `kernels NOT`): an operator of Boolean search with a side missing, as a reader
 * leaves it while typing or pastes it from a longer query, and no acronym: with nothing to join,
 * it asks for nothing. Not `NOT` before a word (`NOT kolmogorov` leaves that word out: EXCLUDED),
 * nor inside quoted phrases (a phrase is as typed).
 */
const STRAY_OPERATORS = [/(?:(?:^|\s+)(?:AND|OR|NOT))+$/u, /^(?:(?:AND|OR)(?:\s+|$))+/u];

/** A query without the Boolean operators at its ends that join nothing (STRAY_OPERATORS). */
export function withoutStrayOperators(query: string): string {
  return STRAY_OPERATORS.reduce(
    (left, operators) => replacedOutsideQuotes(left, operators, () => ''),
    query.trim(),
  ).trim();
}

/**
 * A BibTeX entry pasted whole (`@inproceedings{key, title={…}, author={…}, …}`): its title field,
 * braced (one level of inner braces, `{T}ransformers`) or quoted, is what names the paper; the
 * field names and the other fields' words (`booktitle`, a venue written out) are no words of it.
 */
const PASTED_ENTRY = /^\s*@[A-Za-z]+\s*[{(]/;
const TITLE_FIELD = /(?<![\p{L}])title\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)")/iu;

/** The title of a BibTeX entry a query is (PASTED_ENTRY), its braces out; undefined for any other query. */
export function titleOfPastedEntry(query: string): string | undefined {
  if (!PASTED_ENTRY.test(query)) return undefined;
  const field = TITLE_FIELD.exec(query);
  const title = (field?.[1] ?? field?.[2])?.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  return title || undefined;
}

/**
 * A word broken at a line's end as a PDF prints it, pasted with the break (`Predic- tion`,
 * `trans- former`): a hyphen after a letter, then space and a lower-case letter. Not before `and`,
 * `or`, `to`, `nor` or `&`, where the hyphen is a shared one (`first- and second-order`, `pre- or
 * post-training`).
 */
const LINE_BREAK_HYPHEN = /(?<=\p{L})-\s+(?!(?:and|or|nor|to)(?![\p{L}\p{N}])|&)(?=\p{Ll})/gu;

/** A query with each word broken at a line's end joined again (LINE_BREAK_HYPHEN), outside quoted phrases. */
export function withPrintedWordsRead(query: string): string {
  return replacedOutsideQuotes(query, LINE_BREAK_HYPHEN, () => '');
}

/**
 * A year by its last two digits after an apostrophe, as venues are cited: `NeurIPS'23`, `ICLR '24`,
 * `’98`: after a word of two letters or more, a space or nothing, so not a height (`5'10`) nor an
 * elided word (`l'23`).
 */
const SHORT_YEAR = /(?<=^|\s|\p{L}\p{L})['\u2018\u2019](\d\d)(?![\p{L}\p{N}'\u2019])/gu;
/**
 * `vs`, `vs.` or `versus` between two words: a comparison the reader asks for. Titles write `vs.`
 * too, but every paper of such a title has both words. `vs` in lower case only: `VS Code` is a name.
 */
const VERSUS = /(?<=\S\s+)(?:vs\.?|[Vv][Ee][Rr][Ss][Uu][Ss])(?=\s+\S)/gu;
/**
 * A word with a contracted ending, as speech writes one (`it's`, `there's`, `we're`, `I've`,
 * `isn't`): the letters before it, and the ending. The index reads such a word without its
 * apostrophe (`its`, `theres`, `were`), a word its paper need not have; see commonContraction.
 */
const CONTRACTION = /(?<=^|\s)(\p{L}+?)(n?['\u2019](?:s|re|ve|ll|d|m|t))(?=[\s,.;:!?)]|$)/giu;

/**
 * Whether a contraction is of a word nearly every abstract has (COMMON_WORDS, or `I`): `it's`,
 * `that's`, `there's`, `we're`, `they've`, `I'm`, `isn't`, `wasn't` (and `let's`, of `let us`). Such
 * a word says nothing of a paper's subject, and abstracts seldom write one, so withShorthandRead
 * drops it; a contraction of another word (`don't`, `can't`, a possessive `Kolmogorov's`) stays.
 */
function commonContraction(first: string, ending: string): boolean {
  const word = first.toLowerCase();
  const negated = /^n/i.test(ending);
  if (negated) return /^t$/i.test(ending.slice(-1)) && COMMON_WORDS.has(word);
  if (/t$/i.test(ending)) return false;
  return COMMON_WORDS.has(word) || word === 'i' || (word === 'let' && /s$/i.test(ending));
}
/**
 * A citation key as Google Scholar, many `.bib` files and this digest (bibtex.ts) write one: the
 * first author's family name, the year and the title's first word, run together
 * (`bachmann2023scaling`, `he2024mgno`, `ta2025af`); read as the three (`bachmann 2023 scaling`).
 * Two letters at least on each side of the year, as family names and title words may be short
 * (He, Li, Xu; `AF-KAN`), so a name and its number (`gpt2023`, `llama2`) is not one. A key is a
 * whole token, as a reader pastes it alone or from `\cite{…}`, `@article{…,`, whose command or
 * entry type goes with it (no paper writes `cite` or `article`); a suffix after a hyphen with a
 * digit, as this digest gives papers that share a key (`…2024attention-2402.00002`), goes too. In
 * a link, a path or a domain (`forum?id=abc2023xyz`, `/papers/…/`, `abc2023xyz.com`) the same
 * letters are no key.
 */
const CITATION_KEY =
  /(?:(?<=^|\s)(?:\\[A-Za-z]+\*?(?:\[[^\]\s]*\])*|@[A-Za-z]+)\{)?(?<=^|[\s{([,;])(\p{L}{2,})((?:19|20)\d\d)(\p{L}{2,})(?:-(?=[\p{L}.:_-]*\p{N})[\p{L}\p{N}.:_-]+)?(?=[)}\],;:.!?]*(?:\s|$))/gu;

/** Where a query's quoted phrases are (QUOTED), each from its opening quote to past its closing one. */
function quotedRanges(query: string): (readonly [start: number, end: number])[] {
  return [...query.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length] as const);
}

/**
 * A query with `pattern`'s matches rewritten only outside its quoted phrases: a phrase is searched
 * as typed. The one place the query rules that rewrite words (withShorthandRead) and read
 * operators (alternativesInQuery) learn where a phrase is.
 */
function replacedOutsideQuotes(query: string, pattern: RegExp, replace: (...match: string[]) => string): string {
  const quoted = quotedRanges(query);
  return query.replace(pattern, (...args: unknown[]) => {
    const matched = args[0] as string;
    const at = args.find((arg): arg is number => typeof arg === 'number')!;
    if (quoted.some(([start, end]) => at >= start && at < end)) return matched;
    return replace(...args.filter((arg): arg is string => typeof arg === 'string'));
  });
}

/**
 * Venues by the name references spell out in full, as the digest's venues abbreviate them
 * (`NeurIPS 2023`). A reference pasted from a .bib file or a citation style writes `In Advances in
 * Neural Information Processing Systems` or `Proceedings of the International Conference on
 * Machine Learning`, words no paper page has beside its venue.
 */
const VENUE_NAMES: readonly (readonly [abbreviation: string, name: string])[] = [
  ['NeurIPS', 'Neural Information Processing Systems'],
  ['ICML', 'International Conference on Machine Learning'],
  ['ICLR', 'International Conference on Learning Representations'],
  ['CVPR', 'Conference on Computer Vision and Pattern Recognition'],
  ['ICCV', 'International Conference on Computer Vision'],
  ['ECCV', 'European Conference on Computer Vision'],
  ['EMNLP', 'Conference on Empirical Methods in Natural Language Processing'],
  ['NAACL', 'North American Chapter of the Association for Computational Linguistics'],
  ['ACL', 'Annual Meeting of the Association for Computational Linguistics'],
  ['AAAI', 'AAAI Conference on Artificial Intelligence'],
  ['IJCAI', 'International Joint Conference on Artificial Intelligence'],
  ['AISTATS', 'International Conference on Artificial Intelligence and Statistics'],
  ['UAI', 'Conference on Uncertainty in Artificial Intelligence'],
  ['COLT', 'Conference on Learning Theory'],
  ['KDD', 'Conference on Knowledge Discovery and Data Mining'],
  ['TMLR', 'Transactions on Machine Learning Research'],
  ['JMLR', 'Journal of Machine Learning Research'],
];

/**
 * A venue's former abbreviation, and the one the digest writes now (NeurIPS was NIPS until 2018;
 * SIGKDD is the ACM group that holds KDD): a reader who types the old one means the venue.
 */
const FORMER_VENUE_ABBREVIATIONS: readonly (readonly [former: string, abbreviation: string])[] = [
  ['NIPS', 'NeurIPS'],
  ['SIGKDD', 'KDD'],
];
const FORMER_VENUE_ABBREVIATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${FORMER_VENUE_ABBREVIATIONS.map(([former]) => former).join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * The spellings of a venue's name in full: as the table writes it, and, for a name of five words
 * or more after `Conference on`, without those two words, as readers often type it (`Knowledge
 * Discovery and Data Mining`, `Computer Vision and Pattern Recognition`); a shorter one alone
 * (`Learning Theory`) is a topic's words as often.
 */
function venueSpellings(name: string): string[] {
  const rest = /^Conference on (.*)$/.exec(name)?.[1];
  return rest !== undefined && rest.split(' ').length >= 5 ? [name, rest] : [name];
}

/**
 * A venue's name in full, with the words references put before it (`In`, `Advances in`,
 * `Proceedings of the`, an edition `37th`, `Annual`, `ACM SIGKDD`) and its abbreviation in
 * brackets after it, any case and spacing.
 */
const VENUE_NAME = new RegExp(
  String.raw`(?<=^|[\s(,.;:])(?:in\s+)?(?:(?:advances\s+in|proceedings\s+of(?:\s+the)?)\s+)?(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:annual\s+)?(?:acm\s+sigkdd\s+)?(` +
    VENUE_NAMES.flatMap(([, name]) => venueSpellings(name))
      .map((name) => name.replace(/ /g, String.raw`\s+`))
      .join('|') +
    String.raw`)(?:\s*\((?:${VENUE_NAMES.map(([abbreviation]) => abbreviation).join('|')})\))?(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * A query with each venue written in full read as either spelling, its name or its abbreviation
 * (`("Neural Information Processing Systems" OR NeurIPS)`, which alternativesInQuery reads): the
 * digest writes venues abbreviated, but a paper may name one in full. The name as typed is the
 * first side, whose papers come first: the same words may be a title's (`Towards Neural
 * Information Processing Systems`), and that paper is not to follow every NeurIPS paper. The
 * words before it go.
 */
export function withVenueNamesRead(query: string): string {
  const named = replacedOutsideQuotes(query, VENUE_NAME, (_, name) => {
    const typed = name.replace(/\s+/g, ' ').toLowerCase();
    // The spelling typed (`Knowledge Discovery and Data Mining`, without `Conference on`: venueSpellings).
    const [abbreviation, spelling] = VENUE_NAMES.flatMap(([each, name]) =>
      venueSpellings(name).map((one) => [each, one] as const),
    ).find(([, one]) => one.toLowerCase() === typed)!;
    return ` ("${spelling}" OR ${abbreviation}) `;
  });
  // A former abbreviation (`NIPS 2017`) is either, as typed first: an older paper may write it. (Quoted,
  // as the name in full is: each side is read again, and a side read so would be again, without end.)
  return replacedOutsideQuotes(named, FORMER_VENUE_ABBREVIATION, (_, former) => {
    const [, abbreviation] = FORMER_VENUE_ABBREVIATIONS.find(([each]) => each.toLowerCase() === former.toLowerCase())!;
    return ` ("${former}" OR ${abbreviation}) `;
  });
}

/**
 * A query with the shorthand readers type read out, outside quoted phrases: a year written `'23`
 * as the year, after its venue's name (`NeurIPS'23` → `NeurIPS 2023`; in this century up to the
 * year after `thisYear`, else the last), a citation key as its name, year and word
 * (`bachmann2023scaling`: CITATION_KEY), `vs` between two words dropped (`KAN vs MLP`: the
 * papers with both), and a contraction of a common word dropped (`it's double descent`:
 * commonContraction). `"KAN vs MLP"` is a phrase, as typed.
 */
export function withShorthandRead(query: string, thisYear = new Date().getUTCFullYear()): string {
  const years = replacedOutsideQuotes(
    query,
    SHORT_YEAR,
    (_, digits) => ` ${Number(digits) <= (thisYear % 100) + 1 ? 20 : 19}${digits}`,
  );
  const keys = withCitationKeysRead(years);
  const compared = replacedOutsideQuotes(withVenueNamesRead(keys), VERSUS, () => ' ');
  return replacedOutsideQuotes(compared, CONTRACTION, (typed, first, ending) =>
    commonContraction(first, ending) ? ' ' : typed,
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A query with its citation keys (CITATION_KEY) read, outside quoted phrases: each as its name,
 * year and word (`bachmann2023scaling` → `bachmann 2023 scaling`), or `asTyped`, as a quoted
 * phrase of the key (`"bachmann2023scaling"`), for a key no paper of the digest has, which a
 * paper's text may still write (`Belkin2018ReconcilingMM`). Keys listed one after the other, with
 * only commas, semicolons or spaces between (`\cite{a, b}`, `(a; b)`), cite several papers, each
 * of which the reader wants: the list is read as a choice, `((a) OR (b))` (alternativesInQuery).
 */
export function withCitationKeysRead(query: string, { asTyped = false } = {}): string {
  const quoted = quotedRanges(query);
  const keys = [...query.matchAll(CITATION_KEY)].filter(
    (key) => !quoted.some(([start, end]) => key.index >= start && key.index < end),
  );
  const end = (key: RegExpExecArray) => key.index + key[0].length;
  let read = '';
  let from = 0;
  for (let first = 0; first < keys.length;) {
    let last = first;
    while (last + 1 < keys.length && /^[\s,;]*$/.test(query.slice(end(keys[last]!), keys[last + 1]!.index))) last++;
    const each = keys
      .slice(first, last + 1)
      .map(([, name, year, word]) => (asTyped ? `"${name}${year}${word}"` : `${name} ${year} ${word}`));
    read += query.slice(from, keys[first]!.index) + (each.length === 1 ? each[0] : ` ((${each.join(') OR (')})) `);
    from = end(keys[last]!);
    first = last + 1;
  }
  return read + query.slice(from);
}

/**
 * The words that make a query a question when it starts with one (`what is a KAN`, `how do
 * transformers learn in context`, `does …`, `what's …`): interrogatives and the verbs that open a
 * question. Not `will`, `may`, `might`: they start names and dates as often (Will Grathwohl, May 2024).
 */
const QUESTION_WORDS = new Set(
  (
    'what which who whom whose when where why how whats whos hows wheres whens whys ' +
    'do does did is are was were can could should would'
  ).split(' '),
);

/** A token of a question the search leaves out: a question word or a common word, outside quotes, not in capitals (`IT`, `OR`). */
const QUESTION_FRAME = /(?<=^|\s)[\p{L}'\u2019]+[?,.!]*(?=\s|$)/gu;

/**
 * A query asked as a question, without what makes it one: readers type questions (`what is a
 * KAN`, `why does double descent happen?`), but every word of a query must be in a paper, and
 * papers do not write `what`, `does`, `is` or `a` beside what they are about. A query that starts
 * with a question word (QUESTION_WORDS) and has more words, or ends with `?`, loses its question
 * words, common words (COMMON_WORDS) and `a`, outside quotes; an acronym in capitals (`IT`, `OR`) and
 * `-word` stay. A question all in capitals (`WHAT IS A KAN`: inCapitalsThroughout) is read as in
 * lower case, its question word saying the capitals are the reader's: `WHAT`, `IS` and `A` go, as
 * `what is a` do (`OR` between words stays). Any other query, or a question of nothing else (`what is it?`), is as typed.
 */
export function withoutQuestionWords(query: string): string {
  const outside = query.replace(QUOTED, ' ');
  const quoted = quotedRanges(query);
  const first = comparable(/\S+/.exec(outside)?.[0] ?? '');
  const isQuestion =
    (QUESTION_WORDS.has(first) && queryWords(outside).length + quoted.length > 1) ||
    /\?["\u201C\u201D\u201E]?\s*$/u.test(query);
  if (!isQuestion) return query;
  const shouted = inCapitalsThroughout(outside);
  // The query's tokens, each by where it starts: QUESTION_FRAME matches whole tokens, so a match's
  // offset names its token (one pass, not the query's prefix split again for each token).
  const starts = [...query.matchAll(/\S+/g)];
  const tokens = starts.map((match) => match[0]);
  const indexAt = new Map(starts.map((match, index) => [match.index, index]));
  const asked = query
    .replace(QUESTION_FRAME, (token: string, at: number) => {
      if (quoted.some(([start, end]) => at >= start && at < end)) return token;
      // A pasted reference may ask a question in its title; its authors are names, not question
      // words (`Do, M. (2023)`, `Wang, Can, …`, `Lee, A.`: an initial is no article).
      if (inCitedName(tokens, indexAt.get(at)!)) return token;
      const word = comparable(token);
      // (`a` too, which COMMON_WORDS leaves as a variable or an initial: in a question it is the article.)
      // (In capitals throughout, OR still joins two words, as other engines read it: OR_OPERATOR.)
      return (shouted ? token !== OR_OPERATOR : !ACRONYM.test(token)) &&
        (QUESTION_WORDS.has(word) || COMMON_WORDS.has(word) || word === 'a')
        ? ' '
        : token;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const { phrases, words } = parseQuery(asked);
  return phrases.length + words.length > 0 ? asked : query;
}

/** The words that start a question's verb phrase: after a question word, the verb comes later. */
const AUXILIARIES = new Set('do does did is are was were can could should would'.split(' '));

/**
 * A word the reader did not mark, which a question may be searched without: letters alone (an
 * apostrophe, an inner hyphen, closing punctuation). Not a quoted phrase's, an excluded `-word`,
 * `OR` or a side of it, a bracket's, a number, a year or an id, `field:word`: each of those says
 * what the papers must be (or must not be), and leaving it out would show other papers.
 */
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}'\u2019-]*[?!.,;]*$/u;

/** A query with a quoted phrase's quotes off (withPhraseApart), and that phrase as the reader typed it. */
export interface PhraseApart {
  query: string;
  /** The phrase's words between its quotes, as typed (`Gated Attention Transformers`); none when no quotes hold it. */
  typed?: string;
}

/**
 * A query with the quotes taken off the phrase no paper has (`phrase`, its words as the search reads
 * them, as its answer names it), its words left where they stand (`"gated attention transformers" 2024`
 * → `gated attention transformers 2024`): what the search reads then, as a reader often quotes a
 * title with a word missing or changed. Other quoted phrases stay quoted (`-"linear model"`). The
 * phrase as typed, for the status to name as the reader wrote it.
 */
export function withPhraseApart(query: string, phrase: string): PhraseApart {
  let typed: string | undefined;
  const apart = query
    .replace(QUOTED, (quoted, inner: string) => {
      if (queryWords(inner, { countsAsTyped: true }).join(' ') !== phrase) return quoted;
      typed ??= inner.replace(/\s+/g, ' ').trim();
      return ` ${inner} `;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { query: apart, ...(typed !== undefined && { typed }) };
}

/** A question's reading with one word less, and that word as typed (the status names it). */
export interface QuestionReading {
  query: string;
  leftOut: string;
}

/** Most readings with one word less a question is searched with: each is a whole search. */
export const MAX_QUESTION_READINGS = 6;

/** Most words of a query the search counts, one by one, when no paper has them all (wordsToCountApart). */
export const MAX_COUNTED_WORDS = 16;

/**
 * The words of a query that finds nothing, each to be searched alone, so that the papers with most
 * of them are listed instead (a long title typed with a word added or changed: `Gated Linear
 * Attention Transformers with Software-Efficient Training`): each word as typed, its punctuation
 * for the search to read (`Software-Efficient`), once, in order, at most {@link MAX_COUNTED_WORDS}.
 * Not a word nearly every paper has (COMMON_WORDS), nor one without a letter or digit. Undefined
 * for fewer than four such words: a short query that finds nothing asks for what the digest does
 * not hold (`attention is all you need`, `H. Zhang softmax`), where papers with two of its three
 * words are no answer; and for a query whose quotes, `OR` or `-word` ask for something else than words.
 */
export function wordsToCountApart(query: string): string[] | undefined {
  if (/["\u201C\u201D\u201E]/u.test(query) || alternativesInQuery(query) || excludedWords(query).excluded.length > 0)
    return undefined;
  const seen = new Set<string>();
  const words: string[] = [];
  for (const [token] of query.matchAll(/\S+/g)) {
    const read = queryWords(token);
    const key = read.join(' ');
    if (read.length === 0 || read.every((word) => COMMON_WORDS.has(word)) || seen.has(key)) continue;
    seen.add(key);
    words.push(token);
  }
  return words.length >= 4 ? words.slice(0, MAX_COUNTED_WORDS) : undefined;
}

/**
 * The papers with most of a query's words (wordsToCountApart), from each word's answer alone (the
 * ids of its papers, in its order): those with more than half of the words, the most first; among
 * as many, those whose words fewer papers have first (a rarer word says more of a paper: each
 * word weighs the log of how many papers `total` there are over how many have it), then by their
 * places in the words' answers. Empty when no paper has more than half.
 */
export function papersWithMostWords(answers: readonly (readonly string[])[], total: number): string[] {
  const found = new Map<string, { count: number; weight: number; places: number }>();
  for (const ids of answers) {
    const weight = Math.log((total + 1) / Math.max(ids.length, 1));
    for (const [place, id] of ids.entries()) {
      const paper = found.get(id) ?? { count: 0, weight: 0, places: 0 };
      found.set(id, { count: paper.count + 1, weight: paper.weight + weight, places: paper.places + place });
    }
  }
  return [...found]
    .filter(([, paper]) => paper.count * 2 > answers.length)
    .sort(([, a], [, b]) => b.count - a.count || b.weight - a.weight || a.places - b.places)
    .map(([id]) => id);
}

/**
 * A question asked with one word less, each way, the likeliest first, `asked` being the question
 * as searchWords read it (withoutQuestionWords of `query`, which the caller has already): for a
 * question that finds nothing as asked, as its verb is often in no paper beside what it asks about
 * (`why does double descent happen`: no paper says `happen`). English puts that verb right after a
 * question word with no auxiliary (`what causes double descent`), so that word is first; else
 * after the subject, most often last (`why does X happen`, `when does X emerge`), so the last word
 * is. Then the others, from the end; at most MAX_QUESTION_READINGS. Which one answers is for the
 * papers to say (answeringReading): this order only breaks ties. Only plain words
 * (PLAIN_WORD), and only where two words of letters or more are left: one alone (or beside a year)
 * would answer another question. Empty for a query that is no question (`asked` is `query`).
 *
 * `unmatched` are the words no paper has that the question as asked found nothing for: a reading
 * that keeps one finds nothing either, and is not searched (each reading is a whole search, and
 * its miss asks for "Did you mean" words no one reads), unless the word stands beside the one the
 * reading leaves out, where it may join its new neighbour (`pre`, `training`: `pretraining`);
 * `unmatchedPhrase` a quoted phrase no paper has, which every reading keeps: none is searched.
 */
export function questionWithOneWordLess(
  query: string,
  asked: string,
  { unmatched = [], unmatchedPhrase }: { unmatched?: readonly string[]; unmatchedPhrase?: string } = {},
): QuestionReading[] {
  if (asked === query) return [];
  // Words of letters the papers must have, a phrase's each (an excluded word, a year or an id is
  // none): three, so that two are left.
  const { phrases, words: all } = parseQuery(excludedWords(asked).kept);
  // (A number's decimal point is a letter to the index, DECIMAL_POINT: `2306.13575` has none.)
  const lettered = all.filter((word) => /\p{L}/u.test(word.replaceAll(DECIMAL_POINT, '')));
  if (phrases.flat().length + lettered.length < 3) return [];
  const quoted = quotedRanges(asked);
  const tokens = [...asked.matchAll(/\S+/g)];
  const words = tokens.filter(
    (match, index) =>
      !quoted.some(([start, end]) => match.index >= start && match.index < end) &&
      PLAIN_WORD.test(match[0]) &&
      queryWords(match[0]).length > 0 &&
      // `OR` and its sides: `KAN OR MLP` without `OR` asks for both, without a side for the other.
      ![tokens[index - 1], match, tokens[index + 1]].some((token) => token?.[0] === OR_OPERATOR),
  );
  const [first, second] = query.replace(QUOTED, ' ').trim().split(/\s+/).map(comparable);
  const verbFirst = QUESTION_WORDS.has(first ?? '') && !AUXILIARIES.has(first ?? '') && !AUXILIARIES.has(second ?? '');
  const likeliest = verbFirst ? [words[0], words.at(-1)] : [words.at(-1), words[0]];
  const order = [...likeliest, ...words.slice(1, -1).reverse()].filter(
    (match, index, list): match is RegExpExecArray => match !== undefined && list.indexOf(match) === index,
  );
  // A quoted phrase is never left out: one no paper has leaves no reading to search.
  if (unmatchedPhrase !== undefined && phrases.some((phrase) => phrase.join(' ') === unmatchedPhrase)) return [];
  const keepsUnmatched = (match: RegExpExecArray) => {
    const at = tokens.indexOf(match);
    // The words either side of the one left out become neighbours, when there are two.
    const joins = at > 0 && at < tokens.length - 1;
    const kept = tokens
      .filter((_, index) => index !== at && !(joins && Math.abs(index - at) === 1))
      .flatMap((token) => queryWords(token[0]));
    return unmatched.some((word) => kept.includes(word));
  };
  // (Cut to the most readings first, so that a question finds what it found when all were searched.)
  const searched = order.slice(0, MAX_QUESTION_READINGS).filter((match) => !keepsUnmatched(match));
  return searched.map((match) => ({
    query: `${asked.slice(0, match.index)} ${asked.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim(),
    leftOut: match[0].replace(/[?!.,;]+$/, ''),
  }));
}

/** What the papers say of one reading of a question with one word less (answeringReading). */
export interface ReadingEvidence {
  /** How many papers the reading finds. */
  found: number;
  /** How many of them have a word the left-out word starts (`failure` for `fail`, `emergent` for `emerge`). */
  withLeftOutStart: number;
}

/**
 * Which reading of a question with one word less (questionWithOneWordLess) to answer with, from
 * what the papers say of each: the one whose papers most often (the largest share of them) have
 * the left-out word in another form (`why do transformers fail on parity`: the paper found by
 * `transformers parity` says `failure`; of those `transformers fail` finds, fewer say parity), as
 * those papers answer the whole question. Then, as the readings come, the first that finds papers. Where a word stands
 * does not tell a verb from what the reader asks about (the subject may come last), nor does how
 * many papers a word is in (`fail` and `parity` are both rare); the papers do. Undefined when no
 * reading finds a paper.
 */
export function answeringReading(evidence: readonly ReadingEvidence[]): number | undefined {
  let best: number | undefined;
  for (const [index, { found, withLeftOutStart }] of evidence.entries()) {
    if (found === 0) continue;
    // A larger share, compared without division: a / b > c / d ⇔ a·d > c·b for positive b and d.
    const chosen = best === undefined ? undefined : evidence[best]!;
    if (!chosen || withLeftOutStart * chosen.found > chosen.withLeftOutStart * found) best = index;
  }
  return best;
}

/**
 * Whether `tokens[index]` is part of an author's name as a reference writes it: initials with
 * their full stops (`M.`, `P. S.`), or a capitalised word ending with a comma, as a name does in a
 * list of authors (`Do, M.`, `Wang, Can, et al.`), before initials (`Do M.`, `Do MJ,`) or after
 * them at the query's end (`M. Do`). Bare capitals alone are not enough here: in a question they
 * are as often an acronym (`Can KAN`, `is RL`).
 */
function inCitedName(tokens: readonly string[], index: number): boolean {
  const token = tokens[index] ?? '';
  if (INITIALS.test(token)) return true;
  const next = tokens[index + 1] ?? '';
  return (
    CAPITALISED_WORD.test(token) &&
    (token.endsWith(',') ||
      INITIALS.test(next) ||
      /^\p{Lu}{1,3},$/u.test(next) ||
      (index === tokens.length - 1 && INITIALS.test(tokens[index - 1] ?? '')))
  );
}

/**
 * A word the reader leaves out: `-word`, a hyphen that starts a word and is followed by a letter,
 * or `NOT word`, in capitals as a word of its own, as Boolean search engines (PubMed, Scopus, a
 * library's catalogue) and readers used to them write it, as they write OR (OR_OPERATOR); or a
 * quoted phrase so (`-"vision transformer"`, `NOT “double descent”`), left out as a phrase. One
 * group matches: the phrase's words, or the word.
 */
const EXCLUDED =
  /(?<=^|\s)(?:-|NOT\s+)(?:["\u201C\u201E]([^"\u201C\u201D\u201E]*\p{L}[^"\u201C\u201D\u201E]*)["\u201C\u201D]|(?=\p{L})(\S+))/gu;

/**
 * A query without the words it excludes (`kolmogorov -transformer`: the papers with the first and
 * without the second), and those words, each as queryWords reads it (`-self-attention` is
 * `selfattention`; `transformer NOT kolmogorov` as `transformer -kolmogorov`). A hyphen inside a
 * word (`non-linear`) or before a digit (`-1`), and `not` in lower case, exclude nothing; nor does
 * anything inside a quoted phrase, searched as typed (`"To Be or NOT to Be"`), nor NOT before a
 * word nearly every paper holds (COMMON_WORDS: `To Be or NOT to Be`), which no reader excludes:
 * that NOT is a title's word.
 */
export function excludedWords(query: string): { kept: string; excluded: string[] } {
  const excluded: string[] = [];
  const kept = replacedOutsideQuotes(query, EXCLUDED, (typed, word) => {
    // replacedOutsideQuotes passes the matched groups only: `word` is the phrase's or the word's.
    const words = queryWords(word);
    if (typed.startsWith('NOT') && words.length > 0 && words.every((one) => COMMON_WORDS.has(one))) return typed;
    if (words.length > 0) excluded.push(words.join(' '));
    return ' ';
  });
  return { kept: kept.replace(/\s+/g, ' ').trim(), excluded };
}

/** `OR` in capitals as a word of its own, as search engines (Google, arXiv, PubMed) read it between words. */
const OR_OPERATOR = 'OR';
/** The most sides a query's ORs make (`a OR b c OR d` is four): more are not searched. */
const MAX_ALTERNATIVES = 16;

/**
 * A query's units, as OR joins them: each quoted phrase, each bracketed group of words (`(x OR y)`,
 * from a word that opens a bracket to the word that closes it) and each other word. A word that
 * opens and closes its own brackets (`(2021-2023)`, `O(n)`) is a word.
 */
function orUnits(query: string): { text: string; group?: string }[] {
  const tokens: { text: string; quoted: boolean }[] = [];
  let from = 0;
  for (const [start, end] of [...quotedRanges(query), [query.length, query.length] as const]) {
    for (const word of query.slice(from, start).split(/\s+/)) if (word) tokens.push({ text: word, quoted: false });
    if (end > start) tokens.push({ text: query.slice(start, end), quoted: true });
    from = end;
  }
  const depth = ({ text, quoted }: { text: string; quoted: boolean }) =>
    quoted ? 0 : /^\(*/.exec(text)![0].length - /\)*$/.exec(text)![0].length;
  const units: { text: string; group?: string }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    let open = depth(tokens[index]!);
    let last = index;
    while (open > 0 && last < tokens.length - 1) open += depth(tokens[++last]!);
    if (last > index && open === 0) {
      const text = tokens
        .slice(index, last + 1)
        .map((token) => token.text)
        .join(' ');
      units.push({ text, group: text.slice(1, -1) });
      index = last;
    } else units.push({ text: tokens[index]!.text });
  }
  return units;
}

/**
 * The sides of a query joined by `OR`, each a query of its own, whose papers are any side's;
 * undefined when the query has no such `OR`. As search engines read it, `OR` joins the word,
 * phrase or bracketed group on each side of it, and the rest of the query is on every side:
 * `a b OR c d` is `a b d` or `a c d`, `(x OR y) z` is `x z` or `y z`, `transformers OR MLPs
 * -attention` leaves out attention on both sides, `Hofmann OR Kolter 2023` asks for 2023 on both.
 * `OR` joins only in capitals, outside quotes, and between two units that each have a word other
 * than a common one (COMMON_WORDS): beside a common word (`LLMs for OR modelling`) or in lower
 * case it is a word (the acronym OR, operations research); at either end the search drops it
 * first (withoutStrayOperators). The cost:
 * `scheduling OR logistics`, meant as operations research, is read as a choice. A side without
 * words is none; past MAX_ALTERNATIVES sides, the rest are not searched.
 */
export function alternativesInQuery(query: string): string[] | undefined {
  const units = orUnits(query);
  const isOr = (index: number) => units[index]?.text === OR_OPERATOR;
  // A neighbour OR may join: it has a word, and not only words every paper has (`for`, `the`).
  const joinable = (index: number) => {
    const unit = units[index];
    if (!unit || isOr(index)) return false;
    const words = queryWords(unit.group ?? unit.text);
    return words.length > 0 && !words.every((word) => COMMON_WORDS.has(word));
  };
  const slots: string[][] = [];
  let joinNext = false;
  for (let index = 0; index < units.length; index++) {
    if (isOr(index)) {
      // A run of ORs (`a OR OR b`) joins as one, if the words on either side of it may be joined.
      let last = index;
      while (isOr(last + 1)) last++;
      if (joinable(index - 1) && joinable(last + 1)) {
        joinNext = true;
        index = last;
        continue;
      }
    }
    const unit = units[index]!;
    const choices = (unit.group !== undefined && alternativesInQuery(unit.group)) || [unit.text];
    if (joinNext) slots.at(-1)!.push(...choices);
    else slots.push(choices);
    joinNext = false;
  }
  // Every side takes one choice of each slot, the first slot's first choice first.
  let sides = [''];
  for (const choices of slots) {
    sides = sides.flatMap((side) => choices.map((choice) => `${side} ${choice}`)).slice(0, MAX_ALTERNATIVES);
  }
  const found = [...new Set(sides.map((side) => side.trim()))].filter((side) => queryWords(side).length > 0);
  return found.length > 1 ? found : undefined;
}

/**
 * A phrase in single quotes, straight or typographic (`-'vision transformer'`, `‘double descent’`):
 * a quote that opens at the query's start or after a space, `-` or `(`, before a character that is
 * no space or quote, and closes after one, at the query's end or before a space or punctuation.
 * An apostrophe is neither: between letters (`it's`, `don't`, also inside the phrase, `'it's'`),
 * after a plural (`models' loss`: it follows a letter) or before a year (`'23`: it never closes).
 */
const SINGLE_QUOTED =
  /(?<=^|[\s(-])['\u2018\u2019](?=[^\s'\u2018\u2019])((?:[^'\u2018\u2019"\u201C\u201D\u201E]|(?<=[\p{L}\p{N}])['\u2019](?=\p{L}))*?)(?<=[^\s'\u2018\u2019(-])['\u2018\u2019](?=$|[\s\p{P}\p{S}])/gu;

/**
 * A query with its phrases in single quotes (SINGLE_QUOTED) in double ones, as every rule of the
 * search reads a phrase (QUOTED); a single quote inside a phrase in double quotes stays as typed.
 */
export function withSingleQuotesRead(query: string): string {
  return replacedOutsideQuotes(query, SINGLE_QUOTED, (_, inner) => `"${inner}"`);
}

/** Quotes that open and close a phrase: straight, or typographic as a phone keyboard types them. */
export const QUOTED = /["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]*)["\u201C\u201D\u201E]?/gu;

/**
 * A query as the search runs it: each quoted phrase (its words together and in order) and the
 * other words, every word as queryWords gives it. `"neural network" gaussian` is one phrase and
 * one word; each phrase is searched on its own (Pagefind would join two quoted parts into one).
 */
export function parseQuery(query: string): { phrases: string[][]; words: string[] } {
  const phrases: string[][] = [];
  const rest = query.replace(QUOTED, (_, inner: string) => {
    // A phrase is searched as the text writes it, side by side: a count as typed (`"1.3B parameters"`).
    const words = queryWords(inner, { countsAsTyped: true });
    if (words.length > 0) phrases.push(words);
    return ' ';
  });
  return { phrases, words: queryWords(rest) };
}

/**
 * The query's last word, if the reader may still be typing it (`neur`, `tran`): while the reader
 * types, it matches the words it starts, as Pagefind's own search does, even if it is also a word
 * of its own; undefined when the last word is finished (`heads`, `acronyms`: QueryExpansions, the
 * abbreviations as acronymTable reads them). Finished are a compound word, `neural-network` (the
 * reader is typing its parts); a word with a British or American ending, `behaviour`, or an
 * acronym, `LLMs`, `ReLUs` (not `relu`, which may be `reluctant`), which find their other spelling or number too; a decimal number, a count or a
 * bound, `1.5`, `10k`, `O(n)`, once the reader types its last digit, scale or bracket; an
 * abbreviation of the digest, `ICL`, or its words cut short, `BatchNorm`, a word that starts with a compound word's first part,
 * `dataset`, or ends one's words, `natural language processing`, which find their other form too,
 * as they do sent; a Greek letter or a symbol, `μ`, `\mu`, a whole word (wordsNamedBySymbols). A
 * name and its number (`cifar10`, `llama2`) is not: it may be on its way to a longer one
 * (`cifar100`), which no stem joins to it. A finished word no paper has whole still matches the
 * words it starts (searchText), unless a symbol names it.
 */
export function unfinishedWord(
  query: string,
  heads: readonly string[],
  acronyms: ReadonlyMap<string, string[]>,
): string | undefined {
  const tail = /[^\s"\u201C\u201D\u201E]+$/.exec(query)?.[0];
  const { words } = parseQuery(query);
  const last = words.at(-1);
  if (tail === undefined || last === undefined || queryWords(tail).join(' ') !== last) return undefined;
  const compounds = compoundWords(query);
  // The last word of an abbreviation spelled out (`natural language processing`) is finished too.
  const endsSpelledOut = spelledOutAcronyms(words, [...acronyms, ...NORM_NAMES], compounds).some(
    (run) => words.slice(-run.words.length).join(' ') === run.words.join(' '),
  );
  const finished =
    endsSpelledOut ||
    wordsNamedBySymbols(tail).has(last) ||
    compounds.has(last) ||
    spellingByEnding(last) !== undefined ||
    countsInQuery(query).includes(last) ||
    // An acronym's other number (`LLMs`); a singular ending in `u` may be on its way (`neu`: neural).
    (acronymOtherNumber(last) !== undefined && (!/[aeiouy]/.test(last) || last.endsWith('s'))) ||
    acronymExpansion(last, query, acronyms) !== undefined ||
    clippedAbbreviations(tail, acronyms).has(last) ||
    splitAtHead(last, heads) !== undefined ||
    last.includes(DECIMAL_POINT);
  return finished ? undefined : last;
}

// ---- Authors cited as references cite them ----

/** Initials as reference lists write them, each letter with its full stop: `Z.`, `J.Z.`, `C.-J.,`. */
export const INITIALS = /^(?:\p{L}\.-?)+,?$/u;
/** The two words of `et al.`, as it is written: `et al`, `et al.,`, `et. al.`. */
export const ET = /^et\.?$/i;
export const AL = /^al\.?,?$/i;
/** Whether `et al.` starts at `tokens[index]` (the query split at spaces). */
export const etAlAt = (tokens: readonly string[], index: number) =>
  ET.test(tokens[index] ?? '') && AL.test(tokens[index + 1] ?? '');

/** A year as a citation writes it after a name: `2023`, `(2023)`, `2023a,`, `2023).` */
export const CITED_YEAR = /^\(?((?:19|20)\d\d)[a-z]?\)?[.,;]?\)?$/;

/** A token without the brackets or quotes that open it: `(van` is `van`. */
export const withoutOpening = (token: string) => token.replace(OPENING_PUNCTUATION, '');

/**
 * Whether a query may cite an author as papers do (`Z. Kolter`, `Akyürek et al.`, `van der Maaten
 * 2008`: a capitalised word before a year): then the search reads it with the author directory
 * (citedNamesInQuery in search-authors.ts). Capitals after a word that are an abbreviation of the
 * digest (`abbreviations`, acronymTable's keys: `Generative AI`, `Deep RL`) are no initials here.
 */
export function mayCiteAuthors(
  query: string,
  { abbreviations = new Map() }: { abbreviations?: ReadonlyMap<string, unknown> } = {},
): boolean {
  const tokens = query.split(/\s+/);
  return tokens.some(
    (token, index) =>
      initialsAt(tokens, index, { abbreviations }) ||
      etAlAt(tokens, index) ||
      (CAPITALISED_WORD.test(withoutOpening(token)) && CITED_YEAR.test(tokens[index + 1] ?? '')),
  );
}

/**
 * Initials as Vancouver and PubMed cite them, capitals without full stops after the family name:
 * `LeCun Y`, `Kolter JZ`, `Ma T,`, `Zhou G et al.`. Bare capitals are taken as initials only there: after a word
 * that starts with a capital, at the end of the query or before a comma or `et al.` (`GPT 4o`, `deep RL` and
 * `RL agents` are words; a digest with no such author reads them as words anyway), unless they are
 * one of the `abbreviations` given (the words box: `Generative AI`), also typed
 * apart there (`Yu P S`, `Lee J D,`), or before such a word, one by one or run together
 * (`E Akyürek`, `JZ Kolter`).
 */
const BARE_INITIALS = /^\p{Lu}{1,3},?$/u;
export const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019-]*,?$/u;

const SINGLE_CAPITAL = /^\p{Lu}$/u;
/** One initial typed apart from the others, without its full stop, perhaps ending a name: `P`, `S,`. */
const SPACED_INITIAL = /^\p{Lu},?$/u;

/**
 * Whether `tokens[index]` (the query split at spaces) is initials as a reference list writes them.
 * Capitals run together before a name (`JZ Kolter`) count only with `runTogetherBefore`, which the
 * Author field gives, where a name is expected: in the words box, `AI Safety`, `LLM Agents` and
 * `ML Systems` are far more often an acronym and a word than an author, and reading them as
 * initials would load the author directory for every such query.
 */
export function initialsAt(
  tokens: readonly string[],
  index: number,
  {
    runTogetherBefore = false,
    abbreviations = new Map(),
  }: { runTogetherBefore?: boolean; abbreviations?: ReadonlyMap<string, unknown> } = {},
): boolean {
  const token = tokens[index] ?? '';
  if (INITIALS.test(token)) return true;
  const previous = tokens[index - 1] ?? '';
  const afterName =
    BARE_INITIALS.test(token) &&
    !abbreviations.has(token.replace(/,$/, '').toLowerCase()) &&
    (index === tokens.length - 1 || token.endsWith(',') || etAlAt(tokens, index + 1)) &&
    CAPITALISED_WORD.test(previous) &&
    !INITIALS.test(previous);
  // Or one of capitals typed apart after the name (`Yu P S`, `Lee J D,`): the run of single
  // capitals that holds it follows a name word of two letters or more, and ends the query or a name.
  let first = index;
  while (SPACED_INITIAL.test(tokens[first - 1] ?? '') && !tokens[first - 1]!.endsWith(',')) first -= 1;
  let last = index;
  while (!(tokens[last] ?? ',').endsWith(',') && SPACED_INITIAL.test(tokens[last + 1] ?? '')) last += 1;
  const name = tokens[first - 1] ?? '';
  const spacedAfterName =
    SPACED_INITIAL.test(token) &&
    last > first &&
    (last === tokens.length - 1 || (tokens[last] ?? '').endsWith(',') || etAlAt(tokens, last + 1)) &&
    CAPITALISED_WORD.test(name) &&
    !SPACED_INITIAL.test(name) &&
    !INITIALS.test(name);
  // Or capitals before the name, as a reader types `E. Akyürek` without the full stop, one by one
  // (`E Akyürek`, `J Z Kolter`) or, in the Author field, run together (`JZ Kolter`), the name at
  // the query's end or before a comma.
  let next = index;
  while (SINGLE_CAPITAL.test(tokens[next] ?? '')) next += 1;
  if (next === index && runTogetherBefore && RUN_TOGETHER_INITIALS.test(token)) next += 1;
  const beforeName =
    next > index &&
    CAPITALISED_WORD.test(tokens[next] ?? '') &&
    (next === tokens.length - 1 || tokens[next]!.endsWith(','));
  return afterName || spacedAfterName || beforeName;
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
 * The keys Pagefind itself makes of one word: the whole word, and its parts split at punctuation
 * and case changes (`Kolmogorov-Arnold`, `DiffROAR` → `diff`, `roar`).
 */
export function pagefindForms(token: string): string[] {
  const parts = withoutJoiners(token)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(new RegExp(CASE_CHANGE, 'gu'), ' ')
    .split(/[^\p{L}\p{N}]+/u);
  return [comparable(token), ...parts.map(comparable)].filter((part) => part.length > 0);
}

/**
 * The keys the index holds for one word of prose: Pagefind's own (pagefindForms), and the decimal
 * words the build adds beside it (`1e-3` → `0ꞏ001`: decimalWords).
 */
export function indexedForms(token: string): string[] {
  return [...pagefindForms(token), ...decimalWords(token).filter((part) => part.length > 0)];
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

// ---- Names with particles typed as one word ----

/**
 * Words that begin a family name written in several words (`de Luca`, `van der Waals`, `von
 * Oswald`, `Sáez de Ocáriz`, `ibn Sina`), which a reader often types joined, as a citation key or
 * an e-mail address writes the name. (`O'Neill` and `LeCun` need no reading: Pagefind indexes a
 * word with an apostrophe or a change of case whole, `oneill`, `lecun`.)
 */
export const NAME_PARTICLES = [
  ...['al', 'ben', 'bin', 'da', 'dal', 'dalla', 'das', 'de', 'degli', 'dei', 'del', 'della', 'delle', 'den'],
  ...['der', 'des', 'di', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'st', 'ten', 'ter', 'van', 'von', 'zu', 'zum'],
];
/** At most this many readings of one word are searched: each is a phrase search. */
const MAX_NAME_READINGS = 4;

/**
 * The ways a query word no paper has could be a name with particles typed joined: the particles
 * it starts with, then the rest (`deluca` → `de luca`; `vanderwaals` → `van der waals`, `van
 * derwaals`), most words first, each as the words of a phrase. None for a word that starts with
 * no particle, or whose rest would be under three letters. The search tries them only after the
 * word itself found nothing, so `delta` or `learning` cost nothing more.
 */
export function nameReadings(word: string): string[][] {
  const letters = comparable(word);
  const readings = (rest: string, depth: number): string[][] =>
    depth === 0
      ? []
      : NAME_PARTICLES.filter((particle) => rest.startsWith(particle) && rest.length - particle.length >= 3).flatMap(
          (particle) => {
            const after = rest.slice(particle.length);
            return [...readings(after, depth - 1).map((more) => [particle, ...more]), [particle, after]];
          },
        );
  return readings(letters, 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_NAME_READINGS);
}

// ---- Parts of compound words in the index ----

/**
 * Pagefind indexes a word with punctuation in it (`LLaMA-2`, `ImageNet-1K`) whole (`llama2`) and
 * in parts, but it cuts the parts again at every change of case or between letters and digits
 * (`l`, `la`, `ma`), and at ASCII punctuation only (`Kolmogorov–Arnold`, with an en dash, has no
 * part `arnold`). So `llama` would not find `LLaMA-2`, nor `arnold` that title. The page adds the
 * parts Pagefind misses after the word's sentence, hidden and fenced by these two marks (Private
 * Use Area characters, which Pagefind does not index and no paper may hold): the search script
 * drops the fenced words from its snippets (withoutIndexOnlyWords).
 */
export const INDEX_ONLY_START = '\ue100';
export const INDEX_ONLY_END = '\ue101';

/** A part Pagefind cuts again: a change of case inside it (`LLaMA`, `ImageNet`) or between letters and digits (`7B`). */
const CUT_AGAIN = new RegExp(String.raw`${CASE_CHANGE}|\p{L}\p{N}|\p{N}\p{L}`, 'u');
const WORD_CHARACTERS = /^[\p{L}\p{N}]*$/u;
const ASCII_OR_WORD_CHARACTERS = /^[\p{L}\p{N}\x21-\x7e]*$/u;

/**
 * The parts of one word of text (no spaces) that the index must hold besides what Pagefind makes
 * of it, as `comparable` words, and its decimal numbers (decimalWords): none for a word without
 * punctuation, which Pagefind indexes whole. A word with letters that Unicode does not decompose
 * (`Straße`, `Ødegård`, `Łukasz-Nowak`) is also held in plain letters, whole and by its parts
 * (`strasse`; `lukasznowak`, `lukasz`, `nowak`): Pagefind drops accents but keeps ß, ø, ł, æ, so
 * `Strasse` would not find `Straße` (plainSpelling is the query's side of this).
 */
export function compoundParts(word: string): string[] {
  // Most words are ASCII: Pagefind's own forms and the parts it misses are all there is.
  if (/^[\x00-\x7f]*$/.test(word)) return partsPagefindMisses(word);
  const named = withLettersNamed(word);
  const plain = withPlainLetters(named);
  const compatible = word.normalize('NFKC') !== word;
  // (Most words outside ASCII are names with accents, which Pagefind reads as a query does.)
  if (plain === word && !compatible) return partsPagefindMisses(word);
  const own = new Set(indexedForms(word));
  const forms = [
    // A Greek letter in prose, alone or in a word (`α-divergence`, `ν-SVM`, `μP`), by its name too,
    // as the query reads one: `alpha divergence` and `α-divergence` find it.
    ...(named === word ? [] : indexedForms(named)),
    ...(plain === named ? [] : [plain, ...plain.split(/[^\p{L}\p{N}]+/u)].map(comparable)),
    // And a word with compatibility letters or a Greek letter as a query reads it (queryWords): a
    // title's math as the page shows it, its letters plain and a subscript's mark dropped (`ℝ^d` is
    // `rd`, `ℓ_2` is `ell2`).
    ...(named === word && !compatible ? [] : queryWords(word).map(comparable)),
  ];
  return [...new Set([...partsPagefindMisses(word), ...forms.filter((form) => form.length > 1 && !own.has(form))])];
}

/** Text with each Greek letter standing alone or in a word of another script named (`α-divergence` → `alpha-divergence`). */
function withLettersNamed(text: string): string {
  return text.replace(LONE_LETTER, (letter) => LETTER_NAMES.get(letter) ?? letter);
}

/**
 * A query word with letters such as ø, ß, ł or æ in plain letters (`ødegård` → `odegård`, `straße`
 * → `strasse`), which the index also holds for every word of text with such letters
 * (compoundParts), or undefined for a word without them. So `Ødegård` finds a paper that writes
 * `Odegard`, as `Odegard` finds one that writes `Ødegård`.
 */
export function plainSpelling(word: string): string | undefined {
  const plain = withPlainLetters(word);
  return plain === word ? undefined : plain;
}

function partsPagefindMisses(word: string): string[] {
  if (WORD_CHARACTERS.test(word)) return [];
  const whole = comparable(word);
  const decimals = decimalWords(word);
  // Cut only at ASCII punctuation, Pagefind keeps a part that is not cut again; any other separator
  // (an en dash, a typographic quote) leaves every part to add.
  const cutAtAsciiOnly = ASCII_OR_WORD_CHARACTERS.test(word);
  const parts = word
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => !cutAtAsciiOnly || CUT_AGAIN.test(part))
    .map(comparable)
    .filter((part) => part.length > 1 && part !== whole);
  return [...new Set([...parts, ...decimals])];
}

/**
 * Words for the index only, fenced (see INDEX_ONLY_START): empty when there are none. Each once,
 * or `inOrder`, all of them as given (a run of text that a phrase must find side by side).
 */
export function fencedForIndex(words: readonly string[], { inOrder = false } = {}): string {
  const held = inOrder ? words : [...new Set(words)];
  return held.length === 0 ? '' : ` ${INDEX_ONLY_START} ${held.join(' ')} ${INDEX_ONLY_END} `;
}

/** The references Pagefind writes in an excerpt, which escapes `& < > " '`. */
const EXCERPT_REFERENCES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** A word of an excerpt as text: its marks dropped, its references decoded. */
function excerptWordText(word: string): string {
  return word
    .replace(/<\/?mark>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (reference) => EXCERPT_REFERENCES[reference]!);
}

/** A character of a formula's hidden TeX copy (hiddenTex), before revealTex shows it. */
const HIDDEN_TEX = /[\ue000-\ue07f]/;

/**
 * Text before a fence, with the word its matched `parts` belong to marked (unless a mark is on it
 * already): the last word whose compound parts include one of them, or, for a formula's fence
 * (mathIndexWords), which follows its TeX copy, the end of that copy.
 */
function withWordOfPartsMarked(before: string, parts: ReadonlySet<string>): string {
  const pieces = before.split(/(\s+)/);
  const last = pieces.findLastIndex((piece) => piece.trim() !== '');
  let index = pieces.findLastIndex(
    (piece) => piece.trim() !== '' && compoundParts(excerptWordText(piece)).some((part) => parts.has(part)),
  );
  if (index === -1 && last !== -1 && HIDDEN_TEX.test(pieces[last]!)) index = last;
  if (index !== -1 && !pieces[index]!.includes('<mark>')) pieces[index] = `<mark>${pieces[index]}</mark>`;
  return pieces.join('');
}

/**
 * A Pagefind excerpt (escaped text, `<mark>` around matches) without the fenced index-only words,
 * even where the excerpt starts or ends inside a fence. A match on a hidden part marks the word
 * before the fence that it is a part of (the fence follows the word's sentence: withIndexedParts).
 */
export function withoutIndexOnlyWords(excerpt: string): string {
  const text = excerpt.replace(new RegExp(`^[^${INDEX_ONLY_START}${INDEX_ONLY_END}]*${INDEX_ONLY_END}`, 'u'), '');
  const fence = new RegExp(`${INDEX_ONLY_START}([^${INDEX_ONLY_END}]*)(?:${INDEX_ONLY_END}|$)`, 'gu');
  let result = '';
  let from = 0;
  for (const match of text.matchAll(fence)) {
    const before = text.slice(from, match.index);
    const parts = new Set([...match[1]!.matchAll(/<mark>([^<]*)<\/mark>/g)].map(([, part]) => comparable(part!)));
    result += parts.size > 0 ? withWordOfPartsMarked(before, parts) : before;
    from = match.index + match[0].length;
    // A sign right after a fence (a title's full stop written after its hidden parts:
    // textWithIndexedParts) ends the words before the fence, with no space between.
    const sign = /^\s*[.,;:!?]/u.exec(text.slice(from));
    if (sign) {
      result = result.trimEnd();
      from += sign[0].length - 1;
    }
  }
  return (result + text.slice(from)).replace(/\s{2,}/g, ' ').trim();
}

/** Opening and closing brackets and quotes, paired, as Pagefind leaves them on a marked word. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['\u201C', '\u201D'],
  ['\u2018', '\u2019'],
  ['\u00AB', '\u00BB'],
  ['&quot;', '&quot;'],
  ['&#39;', '&#39;'],
  ['"', '"'],
  ["'", "'"],
];
/** Punctuation that ends a sentence or a clause after a marked word. */
const TRAILING = ['.', ',', ';', ':', '!', '?'];

/** How often `piece` occurs in `text`. */
const occurrences = (text: string, piece: string) => text.split(piece).length - 1;

/**
 * A marked word without the punctuation around it: Pagefind marks a whole word of text, with the
 * quotes, brackets or full stop that touch it (`<mark>“informative”</mark>`, `<mark>Gemini-1.5)</mark>`),
 * but the reader's word is only its letters. A bracket or quote that the marked text also opens
 * or closes stays (`<mark>O(n)</mark>`); so does the excerpt's text, character for character.
 */
export function withTightMarks(excerpt: string): string {
  return excerpt.replace(/<mark>([^<]*)<\/mark>/g, (_, marked: string) => {
    let [before, inner, after] = ['', marked, ''];
    for (let changed = true; changed && inner.length > 0;) {
      changed = false;
      for (const [open, close] of PAIRS) {
        const balanced = (text: string) =>
          open === close ? occurrences(text, open) % 2 === 0 : occurrences(text, open) === occurrences(text, close);
        // Around the whole word: `“informative”`, `(MLP)`.
        const enclosed = inner.slice(open.length, -close.length);
        if (inner.startsWith(open) && inner.endsWith(close) && enclosed.length > 0 && balanced(enclosed)) {
          [before, inner, after] = [before + open, enclosed, close + after];
          changed = true;
          continue;
        }
        if (inner.startsWith(open) && !balanced(inner) && inner.length > open.length) {
          [before, inner] = [before + open, inner.slice(open.length)];
          changed = true;
        }
        if (inner.endsWith(close) && !balanced(inner) && inner.length > close.length) {
          [inner, after] = [inner.slice(0, -close.length), close + after];
          changed = true;
        }
      }
      const last = inner.at(-1);
      // The `;` that ends a character reference (`x&gt;`) is part of it: moved out, the reader saw `x>;`.
      const reference = last === ';' && /&(?:[a-z]+|#\d+|#x[0-9a-f]+);$/i.test(inner);
      if (last !== undefined && TRAILING.includes(last) && inner.length > 1 && !reference) {
        [inner, after] = [inner.slice(0, -1), last + after];
        changed = true;
      }
    }
    return `${before}<mark>${inner}</mark>${after}`;
  });
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

/**
 * A snippet with a formula's hidden TeX shown again. Only what hiddenTex hides comes back: the
 * letters of command names and `$`. The search script puts the snippet in `innerHTML` after
 * Pagefind escaped it, so a hidden `<` or `&` (U+E03C, U+E026, which no paper may hold, but the
 * snippet should not depend on that) stays a Private Use character, never markup.
 */
export function revealTex(text: string): string {
  return text.replace(/[\ue024\ue041-\ue05a\ue061-\ue07a]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) - HIDDEN_ASCII_OFFSET),
  );
}

// ---- Formulas as readers type them ----

/**
 * Commands that only style, space or arrange what they hold (`\mathcal{O}`, `\widetilde`,
 * `\left(`, `\frac{1}{n}`, which a reader types as `1/n`), or join factors (`\cdot`): a reader
 * types none of them.
 */
const STYLING_COMMANDS =
  /\\(?:math(?:cal|bb|rm|bf|it|sf|scr|frak)|boldsymbol|bm|operatorname\*?|text(?:rm|bf|it)?|tilde|widetilde|hat|widehat|bar|overline|left|right|[bB]ig{1,2}[lr]?|displaystyle|[dt]?frac|cdot|times|[,;:! ]|q?quad)(?![a-zA-Z])/g;

/** TeX as a reader would type it: styling commands and braces gone, `\ell` as `l`, other commands by name. */
function typedTex(tex: string): string {
  return withoutTexComments(tex)
    .replace(STYLING_COMMANDS, ' ')
    .replace(/[{}]/g, '')
    .replace(/\\ell(?![a-zA-Z])/g, 'l')
    .replace(/\\var(epsilon|theta|phi|pi|rho|sigma)(?![a-zA-Z])/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, '$1');
}

/**
 * A letter with a subscript, or a letter or digit with a superscript, as a reader writes it
 * without the `_` or `^`: `\ell_2`, `L_{2}`, `x_i`, `d^2`, `2^k` are `l2`, `l2`, `xi`, `d2`, `2k`
 * (the index has `l_2`; a superscript alone, `$L^2$`, is `l2` to Pagefind already, but not inside
 * a longer formula, `\mathcal{O}(d^2)`).
 */
const SCRIPTED = /(?<![a-zA-Z0-9\\])(?:([a-zA-Z])\s*_|([a-zA-Z0-9])\s*\^)\s*([a-zA-Z0-9]+)/g;

/**
 * What a reader types for `\infty` in a script (`\ell_\infty`, `L^\infty`): `l_inf`, `l_infinity`,
 * `L-infinity` as well as `l_infty`.
 */
const INFINITY_NAMES = ['infty', 'inf', 'infinity'];

/**
 * Math symbols by the name a reader types for one alone (`infinity`, `infty` for `∞`: a paper's
 * `$\infty$`; `sqrt` for `√`, `$\sqrt{d}$`); `inf` is no such name, as it is the infimum's.
 */
const SYMBOL_NAMES: Readonly<Record<string, string>> = { infinity: '\u221e', infty: '\u221e', sqrt: '\u221a' };

/** The word the index holds for the symbol a query word names (SYMBOL_NAMES: symbolWord), if it names one. */
export function namedSymbolWord(word: string): string | undefined {
  const symbol = SYMBOL_NAMES[comparable(word)];
  return symbol === undefined ? undefined : symbolWord(symbol);
}

/**
 * A norm named in words (`infinity norm`, `L2 norm`, `ℓ∞ norm`, `l_inf norm`), with the word the
 * index holds for the ℓ that papers write instead, often without the word norm (mathIndexWords:
 * `$\ell_\infty$` is `linfinity`, `$\ell_2$` is `l2`). The search reads one as it reads an
 * abbreviation spelled out (spelledOutAcronyms): the papers with the words, or with the ℓ.
 */
export const NORM_NAMES: readonly (readonly [string, readonly string[]])[] = [
  ...INFINITY_NAMES.flatMap((word) => [
    ['linfinity', [word, 'norm']] as const,
    ['linfinity', [`l${word}`, 'norm']] as const,
  ]),
  // ℓ and ∞ as typed apart: the sign pasted (`ℓ∞`) or its command (`\ell_\infty`, `L^\infty`).
  ...['l', 'ell'].flatMap((letter) =>
    [symbolWord('\u221e'), commandWord('infty')].map((infinity) => ['linfinity', [letter, infinity, 'norm']] as const),
  ),
  ...['1', '2', 'p'].flatMap((index) => [
    [`l${index}`, [`l${index}`, 'norm']] as const,
    [`l${index}`, [`ell${index}`, 'norm']] as const,
  ]),
];

/**
 * An asymptotic bound, `O(n \log n)`, `\Theta(d^4)`, `o(1)`: the letter and what its brackets hold
 * (with brackets inside them), in TeX or as a query types it (`O(n log n)`, `Θ(d^4)`).
 */
const BOUND = /(?<![\p{L}\p{N}\\])\\?(O|o|Θ|Ω|ω|Theta|Omega|omega)\s*\(((?:[^()]|\([^()]*\))*)\)/gu;
const BOUND_NAMES: Record<string, string> = { θ: 'theta', ω: 'omega', Θ: 'theta', Ω: 'omega' };

/**
 * One word for an asymptotic bound (`O(n log n)` → `oꞏnlogn`): the bound's letter, the
 * {@link DECIMAL_POINT} letter, then the letters and digits its brackets hold, so that `O(n)` is
 * not the word `on`. Superscript digits read as digits (`n²`), Greek letters by name.
 */
function boundWord(letter: string, inside: string): string {
  const name = BOUND_NAMES[letter] ?? letter.toLowerCase();
  const flat = comparable(withLettersNamed(inside.normalize('NFKC')));
  return `${name}${DECIMAL_POINT}${flat}`;
}

/**
 * Words a formula's TeX is searched by, for the index only: its decimal numbers (decimalWords),
 * its subscripted letters as typed (`l2`, and `ell2` for `\ell_2`), and its asymptotic bounds
 * (boundWord).
 */
export function mathIndexWords(tex: string): string[] {
  const typed = typedTex(tex);
  const words = decimalWords(typed);
  // The words Pagefind makes of the TeX copy itself (hiddenTex: a command's name is hidden, a
  // letter's is not): a superscript standing alone, `$2^k - 1$`, is the word `2k` already.
  const texWords = withoutTexComments(tex)
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => LETTER_COMMAND.exec(name)?.[2] ?? '')
    .split(/\s+/);
  const indexedWhole = new Set(texWords.map(comparable));
  // A word of the formula with a subscript and more after it (`O_i(u)`) Pagefind holds
  // whole with its `_` (`o_iu`), which a query reads without (queryWords: `oiu`): held as read too.
  for (const word of texWords)
    if (/[\p{L}\p{N}}]_/u.test(word)) words.push(...queryWords(word).filter((each) => !indexedWhole.has(each)));
  for (const [, subscripted, superscripted, script] of typed.matchAll(SCRIPTED)) {
    const base = (subscripted ?? superscripted)!.toLowerCase();
    const scripts = script === 'infty' ? INFINITY_NAMES : [script!.toLowerCase()];
    const scripted = scripts.map((each) => `${base}${each}`);
    words.push(...(superscripted ? scripted.filter((word) => !indexedWhole.has(word)) : scripted));
  }
  for (const [, script] of withoutTexComments(tex).matchAll(/\\ell\s*[_^]\s*\{?\s*([a-zA-Z0-9]+)/g))
    words.push(`ell${script}`.toLowerCase(), `l${script}`.toLowerCase());
  for (const [, letter, inside] of typed.matchAll(BOUND)) words.push(boundWord(letter!, inside!));
  // A power of ten, `10^{-3}`, `5 \times 10^{-4}`: the decimal it writes (`0ꞏ001`).
  words.push(...scientificWords(withoutTexComments(tex)));
  return [...new Set(words)];
}

/**
 * The space after the comma of a bracketed pair of whole numbers, an interval (`[0, 1]`, `(-1, 1)`),
 * which a query writes with or without it: without, it is one word that finds both (compoundWords),
 * where `[0, 1]` would be two words, `0` and `1`, that most papers have.
 */
const INTERVAL_SPACE = /(?<=[[(]\s*[-\u2212]?\d+)\s*,\s*(?=[-\u2212]?\d+\s*[\])])/g;

/**
 * A formula typed without spaces (`2^k-1`, `x_i+y`): a sign between two terms of it, which the
 * TeX, and so the index, writes apart (`$2^k - 1$` is the words `2k` and `1`). Only in a word
 * with a superscript or a letter's subscript, so that `GPT-4` and `time/series` stay compounds.
 */
const SCRIPT_MARK = /\^|(?<![\p{L}\p{N}])\p{L}_/u;
const FORMULA_SIGN = /(?<=[\p{L}\p{N})}])[-+=*/<>\u2212](?=[\p{L}\p{N}({\\])/gu;

/**
 * A query with each asymptotic bound in it (`O(n log n)`) written as its one word (boundWord),
 * each interval of whole numbers written without spaces (INTERVAL_SPACE), and each number in
 * scientific notation written out (withScientificNumbersWritten), as is each count with a scale
 * (withCountsWritten) unless `countsAsTyped`.
 */
function withBoundWords(query: string, countsAsTyped = false): string {
  const plain = withPlainCompatibilityLetters(query);
  // A number in scientific notation (`1e-3`, `10^{-3}`) is the decimal it writes (`0.001`).
  return withBoundLettersUnstyled(withScientificNumbersWritten(countsAsTyped ? plain : withCountsWritten(plain)))
    .replace(/\S+/g, (token) => (SCRIPT_MARK.test(token) ? token.replace(FORMULA_SIGN, ' $& ') : token))
    .replace(INTERVAL_SPACE, ',')
    .replace(BOUND, (_, letter: string, inside: string) => ` ${boundWord(letter, inside)} `);
}

/**
 * Text with its compatibility characters as their plain ones (NFKC: a title's `𝒪(n)` as the page
 * shows it is `O(n)`, full-width `ＧＰＴ` is `GPT`, `n²` is `n2`), but `ℓ`, which is read by its
 * name (`ℓ2` is `ell2`; NFKC would make it an `l`). The fraction slash `⁄`, which NFKC puts in a
 * vulgar fraction (`½` is `1⁄2`), is the slash a reader types (`1/2`), not a math symbol's word.
 * A Greek or Cyrillic letter that passes for a Latin one, in a Latin word, is that Latin letter
 * (withLatinLookAlikesRead).
 */
export function withPlainCompatibilityLetters(text: string): string {
  return withLatinLookAlikesRead(withoutJoiners(text)).replace(/[^\u2113]+/gu, (run) =>
    run.normalize('NFKC').replaceAll('\u2044', '/'),
  );
}

/**
 * A "Did you mean" with each word the reader typed and the search did not correct as typed: the
 * search reads a query with its joiners out (withoutJoiners: Persian `می‌خواهم`), full-width and
 * look-alike letters plain (withPlainCompatibilityLetters), and the suggestion is built from that
 * reading; a word of it that is a typed word so read is given back as the reader wrote it.
 */
export function withTypedWordsKept(typed: string, suggestion: string): string {
  const asTyped = new Map(
    typed
      .trim()
      .split(/\s+/)
      .map((token) => [withPlainCompatibilityLetters(token), token]),
  );
  return suggestion
    .split(' ')
    .map((token) => asTyped.get(token) ?? token)
    .join(' ');
}

/**
 * A word spelled with a zero-width non-joiner or joiner (Persian `می‌خواهم`, Hindi `क्‍षमता` after
 * its virama: allowedJoinerAt, src/content/characters.ts), which many keyboards type without one,
 * is one word without it: Pagefind indexes it whole and without the joiner (`میخواهم` finds the
 * page, its parts `می`, `خواهم` find nothing), so the search reads a query's words, the words of
 * text it compares (indexedForms) and the vocabulary so too, never as two words cut there. (It
 * leaves an emoji sequence two symbols, which are no words.)
 */
export function withoutJoiners(text: string): string {
  return text.replace(/[\u200C\u200D]/gu, '');
}

/**
 * What parts words in text, as Pagefind reads them: anything but a letter, a digit, a letter's
 * mark and a joiner. A mark is part of its word (a virama or vowel sign: `क्षमता`, `தமிழ்` are
 * one word each; cut there, they would be letters and pieces no reader types), and so is a joiner
 * (withoutJoiners). The one rule for the vocabulary's words and the parts of a joined word.
 */
export const BETWEEN_WORDS = /[^\p{L}\p{M}\p{N}\u200C\u200D]+/u;

/** The words of a text (BETWEEN_WORDS), as written: marks and joiners kept. */
export function textWords(text: string): string[] {
  return text.split(BETWEEN_WORDS).filter(Boolean);
}

/**
 * The Greek and Cyrillic letters that pass for one basic Latin letter of the same case (`Η` for
 * `H`, `К` for `K`, `а` for `a`, `ԁ` for `d`): latinLookAlike's (UTS #39 confusables) over every
 * letter of the two scripts, in code point order, written out here because its table (100 KB) is
 * not for the browser; a unit test derives it again from look-alike.ts. Each letter of
 * LOOK_ALIKES_OF stands for the one at its place in LOOK_ALIKES_AS (`\u1FBE`, Greek prosgegrammeni,
 * is written escaped: it shows as a mark).
 */
export const LOOK_ALIKES_OF = 'ͿΑΒΕΖΗΚΜΝΟΡΤΥΧαγινορσυϜϱϲϳϹϺЅЈАВЕКМНОРСТУХагеорсухѕіјѡѴѵҮүһҽӏԁԌԛԜԝ\u1FBEꙇ';
export const LOOK_ALIKES_AS = 'JABEZHKMNOPTYXayivopouFpcjCMSJABEKMHOPCTYXareopcyxsijwVvYyheidGqWwii';
const LATIN_FOR = new Map([...LOOK_ALIKES_OF].map((letter, index) => [letter, LOOK_ALIKES_AS[index]!]));

/**
 * Text with the look-alike letters in a Latin word read as the Latin letters they pass for
 * (LOOK_ALIKES_OF): a word pasted from a page that mixed scripts (`Ηedgehog` with a Greek Eta,
 * `Кolmogorov` with a Cyrillic Ka) is the word a reader sees. Only in a run of letters with a basic
 * Latin one: a Greek or Cyrillic word (`α`, `ΑΒΓ`, `Москва`) is as typed. And not a small Greek
 * letter that opens a run before a capital: that is a symbol before a name, as papers write
 * `νSVM`, `αBERT`, `σReparam` (read by its name, as `ν-SVM` is), not a letter of the name.
 */
function withLatinLookAlikesRead(text: string): string {
  // Before NFKC, which makes some of them letters that pass for none (`Ϲ`, a sigma, is `Σ`); a
  // full-width Latin letter counts as Latin.
  return text.replace(/[\p{L}\p{M}]+/gu, (run) => {
    if (!/[A-Za-z]/.test(run.normalize('NFKC'))) return run;
    const letters = [...run];
    const symbol =
      /^\p{Script=Greek}$/u.test(letters[0]!) && /^\p{Ll}$/u.test(letters[0]!) && /^\p{Lu}$/u.test(letters[1] ?? '');
    return letters
      .map((letter, index) => (index === 0 && symbol ? letter : (LATIN_FOR.get(letter) ?? letter)))
      .join('');
  });
}

/**
 * A bound's letter as TeX styles it, written plain (`\mathcal{O}(n)`, `\widetilde{\mathcal{O}}(d^k)`
 * → `O(n)`, `O(d^k)`), so that a title or formula pasted as TeX is read as its bound (BOUND).
 */
function withBoundLettersUnstyled(text: string): string {
  let unstyled = text.replace(/\\([a-zA-Z]+)\s*(?=\{)/g, (command, name: string) =>
    isStylingCommand(name) ? '' : command,
  );
  for (let before = ''; before !== unstyled;) {
    before = unstyled;
    unstyled = unstyled.replace(/\{\s*(\\?(?:O|o|Θ|Ω|ω|Theta|Omega|omega))\s*\}(?=[\s}]*\()/gu, '$1');
  }
  return unstyled;
}

/**
 * The asymptotic bounds of prose (a title's `𝒪(n log n)` as the page shows it, an abstract's `O(n)`
 * written outside math), each as the one word a query reads it as (boundWord), for the index.
 */
export function proseBoundWords(text: string): string[] {
  return [...withBoundLettersUnstyled(withPlainCompatibilityLetters(text)).matchAll(BOUND)].map(([, letter, inside]) =>
    boundWord(letter!, inside!),
  );
}
