import { windowsDeviceName } from './file-names.ts';

/**
 * The one name function: who a written author name is (`authorKey`) and where their page lives
 * (`authorSlug`). Total over every string; used by the pages, the content check and search.
 *
 * Hand-written rather than a library slugger on purpose: transliterators such as
 * @sindresorhus/transliterate spell ü as "ue" (German convention), which would split "Akyürek"
 * from "Akyurek". Here every accent is dropped, so both spellings are one person.
 */

/** TeX letters written as commands (`\ss`, `\o`, …), after lower-casing, longest first. */
const TEX_LETTERS: Record<string, string> = {
  ss: 'ss',
  ae: 'ae',
  oe: 'oe',
  aa: 'a',
  dh: 'd',
  dj: 'd',
  th: 'th',
  ng: 'ng',
  o: 'o',
  l: 'l',
  i: 'i',
  j: 'j',
};
const TEX_LETTER = /\\(ss|ae|oe|aa|dh|dj|th|ng|o|l|i|j)(?![a-z])(?:\{\})?\s*/g;
/** Accent commands: symbol ones (`\"u`, `\'{e}`) and letter ones followed by a non-letter (`\c c`, `\v{s}`). */
const TEX_ACCENT = /\\(?:['"`^~=.]|[uvhcdbtkr](?![a-z]))\s*/g;

/** Letters that Unicode does not decompose into a base letter and a mark (after lower-casing). */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ȷ: 'j',
  ŋ: 'ng',
  ħ: 'h',
  ŧ: 't',
  ĸ: 'k',
  ƀ: 'b',
  ɨ: 'i',
  ʉ: 'u',
  ς: 'σ',
};
/** Those letters and their capitals (`Ø`, `Ł`, `Æ`, `ẞ`; not `I`, `Σ`, which lower-case to other letters). */
const UNDECOMPOSED_LETTER = new RegExp(
  `[${Object.keys(UNDECOMPOSED)
    .flatMap((letter) => [letter, letter.toUpperCase()])
    .concat('ẞ')
    .filter((letter) => [...letter].length === 1 && UNDECOMPOSED[letter.toLowerCase()] !== undefined)
    .join('')}]`,
  'gu',
);

/**
 * Text with the letters that Unicode does not decompose written in plain ones, lower-case
 * (`Straße` → `Strasse`, `Ødegård` → `odegård`, `Łukasz` → `lukasz`): the part of the name fold
 * (authorKey) that neither accent stripping nor Pagefind does. The search index also holds a
 * word with such letters this way, and a query word is also searched this way (search-query.ts).
 */
export function withPlainLetters(text: string): string {
  return text.replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter.toLowerCase()]!);
}

/**
 * Accents are dropped only on Latin, Greek and Cyrillic letters: elsewhere a combining mark is
 * part of the letter (a Devanagari vowel sign, the kana voicing mark of ガ), and dropping it would
 * join different names.
 */
const ACCENT_ON_ALPHABET = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu;

/** Printable ASCII but upper-case letters, `\\`, `{`, `}` and `~`: text a fold leaves as it is. */
const FOLDED_ASCII = /^[\x20-\x40\x5b\x5d-\x7a\x7c]*$/;

/** Printable ASCII but `\\`, `{`, `}` and `~`: a name whose fold needs no more than {@link authorKey}'s fast path. */
const PLAIN_ASCII = /^[\x20-\x5b\x5d-\x7a\x7c]*$/;

/** One pass of the fold; `authorKey` repeats it until nothing changes (TeX can nest: `\'{\i}`). */
function foldOnce(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(ACCENT_ON_ALPHABET, '')
      .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
      // Case folded, not only lower-cased: a few small letters are variants of another small
      // letter, one capital for both (Cyrillic `ᲀ` and `в` are `В`). Lower-cased they were two
      // slugs, and on a case-insensitive disk one author folder.
      .toUpperCase()
      .toLowerCase()
      .replace(TEX_LETTER, (_, letter: string) => TEX_LETTERS[letter]!)
      .replace(TEX_ACCENT, '')
      .replace(/[{}]/g, '')
      .replace(/~/g, ' ')
      .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter.toLowerCase()]!)
      .replace(/\s+/g, ' ')
      .trim()
      .normalize('NFC')
  );
}

/**
 * The identity of a person: case, accents (Unicode or TeX), letters such as ß/ø/ł, invisible
 * characters and runs of spaces do not count. "Akyürek", "Akyurek", "AKYUREK" and `Aky\"{u}rek`
 * have one key. Punctuation and word breaks do count: "J. Smith" and "J Smith" are two keys (and
 * one slug, which the content check refuses: write a name the same way everywhere), except the
 * order of a person's name written family name first with a comma or before initials, and its
 * commas (keyInReadingOrder): `Hofmann, Thomas` and `Smith J.` are Thomas Hofmann and J. Smith,
 * `Martin Luther King, Jr.`, `King, Martin Luther, Jr.` and BibTeX's `King, Jr., Martin Luther`
 * are Martin Luther King Jr. A group's name with commas keeps its order (`Google Research, Brain
 * Team`).
 */
export function authorKey(name: string): string {
  const key = foldedName(name);
  const ordered = keyInReadingOrder(key);
  return ordered === undefined ? key : foldedName(ordered);
}

/**
 * A person's name written family name first, where what is written says so, in reading order, or
 * undefined for any other name: one with commas (`Hofmann, Thomas` → `Thomas Hofmann`; a suffix
 * last, `King, Jr., Martin Luther` → `Martin Luther King Jr.`; a note last, `Example, Jun (Tokyo)`
 * → `Jun Example (Tokyo)`), and one ending in initials with full stops (`Smith J.` → `J. Smith`:
 * familyFirstBeforeInitials). A name written family name first in its own script reads so (`王,
 * 小明` → `王 小明`: FAMILY_NAME_FIRST). Read on the folded key in capitals, so that no spelling's
 * case moves a name to another page (case does not count): a group's name with commas stays as
 * written (`Google Research, Brain Team`, `Meta AI, FAIR`: nameParts gives it no parts; a word
 * whose own case alone makes it a lab's, `OpenAI`, reads as a name's), as does one whose only
 * part after its comma is `Jr.` or `Sr.` (`Smith, Jr.`). In capitals a roman numeral and a given
 * name are one (`John Smith, Vi` and `John Smith VI` are one key). A family name in capitals
 * written first (`ZHANG Wei`) is not reordered: `Zhang Wei`, so written without capitals, reads
 * given name first.
 */
function keyInReadingOrder(key: string): string | undefined {
  if (!key.includes(',') && !key.endsWith('.')) return undefined;
  const name = key.toUpperCase();
  if (!name.includes(',') && familyFirstBeforeInitials(nameTokens(name)) === 0) return undefined;
  const parts = nameParts(name);
  // After its commas only suffixes (`Smith, Jr.`, `Smith, Jr., III`): no given name to put first.
  if (!parts?.given || !parts.family || isSuffix(parts.given, WORD_SUFFIX)) return undefined;
  if (parts.suffix && isSuffix(parts.given)) return undefined;
  const familyFirst = `${parts.family} ${parts.given}`;
  const order = FAMILY_NAME_FIRST.test(familyFirst) ? familyFirst : `${parts.given} ${parts.family}`;
  return parts.suffix ? `${order} ${parts.suffix}` : order;
}

/** The fold of authorKey, before the commas of a name are read. */
function foldedName(name: string): string {
  // Most names are printable ASCII without TeX syntax: for them the fold is only lower-casing and
  // collapsing spaces (no accent, mark, invisible or TeX letter to remove), done here without it.
  if (PLAIN_ASCII.test(name)) return name.toLowerCase().replace(/ +/g, ' ').trim();
  let key = foldOnce(name);
  // Most names fold to plain lower-case ASCII without TeX syntax, which another pass would not change.
  if (FOLDED_ASCII.test(key)) return key;
  // Each pass that changes the text removes a backslash or a brace or an accent, so this ends.
  for (let next = foldOnce(key); next !== key; next = foldOnce(key)) key = next;
  return key;
}

/** A slug longer than this many UTF-8 bytes is cut and given a hash (a file name holds 255 bytes). */
export const MAX_SLUG_BYTES = 100;

/**
 * The URL segment of an author page: the key with every run of characters that are not letters,
 * digits or their marks turned into one `-`, no `-` at either end. Letters of every script are
 * kept (a URL percent-encodes them). So a slug never contains `--` and never starts with `-`;
 * the derived forms below use `--` and cannot equal an ordinary slug, and the author index's
 * own pages live under `/authors/-/`, which no slug can be.
 * - a name with no letter or digit: `author--<hash of its key>`. No name the content check takes
 *   gets one (a name with no letter is refused, and the only letters the fold drops, the Hangul
 *   fillers, are refused as characters: tests/content/schema.test.ts holds it for every letter);
 *   this keeps the function total for what a reader types in the search's author field;
 * - a slug over MAX_SLUG_BYTES: its first letters, then `--<hash of its key>`;
 * - a slug that Windows keeps for a device (`Aux` → `aux`, `Nul`, `Com1`: src/lib/file-names.ts),
 *   which no Windows checkout of the site could hold as a folder: `aux--<hash of its key>`.
 */
export function authorSlug(name: string): string {
  return slugOfKey(authorKey(name));
}

/** How the slug of a name without letters or digits starts (`author--<hash of its key>`). */
export const NAMELESS_SLUG_PREFIX = 'author--';

/** What separates the words of a folded name: anything but letters, digits and combining marks. */
const BETWEEN_WORDS = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * The words of a name as its slug joins them (`Ekin Akyürek` → `ekin`, `akyurek`), all of them,
 * also where the slug is cut short; none for a name without letters or digits.
 */
export function nameWords(name: string): string[] {
  return authorKey(name).split(BETWEEN_WORDS).filter(Boolean);
}

/** `authorSlug` of a name whose key is already known (`slugOfKey(authorKey(name))`): no second fold. */
export function slugOfKey(key: string): string {
  const slug = key.replace(BETWEEN_WORDS, '-').replace(/^-+|-+$/g, '');
  if (slug === '') return `${NAMELESS_SLUG_PREFIX}${hash(key)}`;
  if (windowsDeviceName(slug) !== undefined) return `${slug}--${hash(key)}`;
  // A UTF-16 code unit is at most three bytes of UTF-8: most slugs are short enough not to count.
  if (slug.length * 3 <= MAX_SLUG_BYTES || utf8Length(slug) <= MAX_SLUG_BYTES) return slug;
  return `${cutToBytes(slug, MAX_SLUG_BYTES - 10).replace(/-+$/, '')}--${hash(key)}`;
}

const utf8 = new TextEncoder();

function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

/** The longest prefix of whole code points that fits in `bytes` UTF-8 bytes. */
function cutToBytes(text: string, bytes: number): string {
  let used = 0;
  let prefix = '';
  for (const codePoint of text) {
    used += utf8Length(codePoint);
    if (used > bytes) break;
    prefix += codePoint;
  }
  return prefix;
}

/**
 * FNV-1a, 32 bits, over UTF-8: short, stable, and the same in Node and in the browser (no
 * node:crypto). Also spreads authors over search filter names (src/lib/search-authors.ts).
 */
export function fnv1a32(text: string): number {
  let value = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    value ^= byte;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** FNV-1a as 8 hex digits. */
function hash(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}

// ---- Parts of a name ----

/** The suffixes that are words, `Jr.` and `Sr.`, in any case, dot or not: never a given name. */
const WORD_SUFFIX = /^(?:[Jj][Rr]|[Ss][Rr])\.?$/;
/**
 * A numeral after a name, never its family name (`John Smith III`, `John Smith 3rd`, `Louis XIV`,
 * `Ada Lovelace 2`, dblp's `Wei Zhang 0001`):
 * - a roman numeral, II to XXXIX, written as a suffix is, in capitals without a dot (`III`, `IV`,
 *   `V`): `V.` is an initial and `Vi` a given name (Nguyen, Vi). Not `I` (an initial without its
 *   dot), `X` (a name of its own: Malcolm X) nor `XI` (the family name Xi, written in capitals:
 *   `Jinping XI`);
 * - an ordinal, as American names write the generation (`3rd`, `2ND`);
 * - digits only: dblp's number that tells two people of one name apart (`Wei Zhang 0001`), or a
 *   footnote's mark pasted with the name. No family name is digits; cited as a suffix, as written.
 */
const NUMERAL_SUFFIX =
  /^(?:(?!(?:I|X|XI)$)(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})|1[Ss][Tt]|2[Nn][Dd]|3[Rr][Dd]|[4-9][Tt][Hh]|[0-9]+)$/;
/**
 * Words after a name that are not its family name: either kind of suffix, each a whole word (both
 * pieces are anchored, so their order here and in each piece means nothing to the other).
 */
const NAME_SUFFIX = new RegExp(`${WORD_SUFFIX.source}|${NUMERAL_SUFFIX.source}`);

/**
 * A name written wholly in a script whose names put the family name first, words apart: Han
 * (Chinese, Japanese kanji), kana and Hangul (`王 小明`, `山田 太郎`, `김 민준`). Written so, the first
 * word is the family name; the same letters run together (`王小明`) are one word with no split to
 * read, and a name in Latin letters (`Xiaoming Wang`) is read as any other.
 */
const FAMILY_NAME_FIRST =
  /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]+(?:\s+[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー]+)+$/u;

/** A part of a name after a comma that is a suffix such as `Jr.` (punctuation before it aside). */
function isSuffix(part: string, suffix: RegExp = NAME_SUFFIX): boolean {
  return suffix.test(part.replace(/^[^\p{L}\p{N}]+/u, ''));
}

/**
 * A name written `First Last, Jr.` (`Martin Luther King, Jr.`, `Laurens van der Maaten, III`):
 * one comma, a suffix after it, and a whole name of two words or more before it. With one word
 * before it the comma is a `Last, First` one (`Smith, V.`, `Smith, V`, `Nguyen, Vi`).
 */
function suffixAfterComma(author: string): boolean {
  const parts = author.split(',');
  return parts.length === 2 && isSuffix(parts[1]!.trim()) && parts[0]!.trim().split(/\s+/).length >= 2;
}

/** A name's parts, as BibTeX and citations name them: `King, Martin Luther, Jr.`. */
export interface NameParts {
  /** The given names (`Martin Luther`), or empty. */
  given: string;
  /** The family name, with its particles (`King`, `van der Maaten`). */
  family: string;
  /** `Jr.`, `III` and the like, or empty. */
  suffix: string;
}

/**
 * The parts of a name written with commas, as readers write one: `Last, First` (`Hofmann,
 * Thomas`, `Smith, V.`); `First Last, Jr.` (`Martin Luther King, Jr.`, where the comma sets off
 * the suffix, suffixAfterComma: the family name is then read from `First Last` as familyName
 * reads a name without commas);
 * `Last, First, Jr.` (`King, Martin Luther, Jr.`, the order of citation tags and Zotero); and
 * BibTeX's `von Last, Jr., First` (`King, Jr., Martin Luther`). Undefined for a name without a
 * comma, and for one no such form fits (more than two commas, an empty part, a part with no letter
 * or digit, or the word "and" of a team), which is read as written. The parts say which name is
 * the family one (citations, BibTeX, the A–Z list); they do not reorder a name's key (authorKey).
 */
export function commaParts(author: string): NameParts | undefined {
  if (!author.includes(',') || holdsWordAnd(author)) return undefined;
  const parts = author.split(',').map((part) => part.trim().replace(/\s+/g, ' '));
  if (parts.length > 3 || !parts.every((part) => /[\p{L}\p{N}]/u.test(part))) return undefined;
  const [first, second, third] = parts as [string, string, string | undefined];
  if (third === undefined) {
    if (!suffixAfterComma(author)) return { given: second, family: first, suffix: '' };
    const family = familyName(first);
    return { given: first.slice(0, first.length - family.length).trim(), family, suffix: second };
  }
  // `Last, First, Jr.` when only the last part is a suffix; otherwise BibTeX's own order.
  return isSuffix(third) && !isSuffix(second)
    ? { given: second, family: first, suffix: third }
    : { given: third, family: first, suffix: second };
}

/**
 * A name in brackets or quotes among given names: the name a person goes by (`Yuanzhi (Paul)`,
 * `Jiaming "Jimmy"`, `Xin “Eric”`), not a given name, so no reference gives it an initial.
 */
const NAME_GONE_BY = /\([^()]*\)|\[[^[\]]*\]|"[^"]*"|“[^“”]*”|‘[^‘’]*’|«[^«»]*»/g;
/** A word that is wholly a name gone by (isNameGoneBy). */
const WHOLE_NAME_GONE_BY = new RegExp(`^(?:${NAME_GONE_BY.source})$`, 'u');
/** A word of nameTokens: a name gone by that ends where a word does, else a run of anything but spaces. */
const NAME_TOKEN = new RegExp(`(?:${NAME_GONE_BY.source})(?= |$)|[^ ]+`, 'gu');

/**
 * The parts of a name that ends with notes in brackets or quotes (NAME_GONE_BY: `Jun Example
 * (Tokyo)`, `Lovelace, Ada [UCL]`, `Jiaming Ma "Jimmy"`): an affiliation, another note on the person
 * or the name they go by, never their family name nor a given name. They are read as a suffix is,
 * after it, whichever way the name is written: `Jun Example (Tokyo)` and `Example, Jun (Tokyo)`
 * alike are `{ given: 'Jun', family: 'Example', suffix: '(Tokyo)' }`, cited `Example, J., (Tokyo)`,
 * tagged `Example, Jun, (Tokyo)`, `Example, {(}Tokyo{)}, Jun` in the .bib (where the family name
 * had been `(Tokyo)` without commas, and the note after a comma had been dropped as a name gone by).
 * Only a name with given names to put after its family name has notes (nameParts of the name
 * before them): `Ada (Ed.)` has none (a `.bib` could hold none), nor has a group (`Google Research
 * (US)`); they stay as written, as BibTeX reads them. The notes are not part of a name's commas
 * for its key (authorKey), so neither spelling changes page.
 */
function noteAfterName(author: string): NameParts | undefined {
  // The words as nameTokens reads them, one pass over the name however many notes it ends with.
  const words = nameTokens(author);
  let end = words.length;
  while (end > 0 && isNameGoneBy(words[end - 1]!)) end -= 1;
  if (end === words.length) return undefined;
  // `Example, Jun, (Tokyo)` (as the citation tags write it) is read as `Example, Jun (Tokyo)`.
  const parts = nameParts(words.slice(0, end).join(' ').replace(/,$/, ''));
  return parts?.given ? { ...parts, suffix: [parts.suffix, ...words.slice(end)].filter(Boolean).join(' ') } : undefined;
}

/**
 * A particle of a family name (`van`, `de`, `'t`), as BibTeX tells one: a word (of nameTokens)
 * whose first letter is lowercase, whatever comes before that letter. So `'t Hooft` (Gerard 't
 * Hooft) is a family name with its particle, as BibTeX's own styles print and label it (`G. 't
 * Hooft`, `[tH74]`); read from the word's first character, the apostrophe hid the particle, and the
 * reference cited `Hooft, G. t.`, an initial of the particle. A word with no letter is none, and so
 * is the name a person goes by (NAME_GONE_BY: `Yuanzhi (paul) Li`, `Jiaming "jimmy" Ma`), a given
 * name however it is written, which BibTeX is given family name first (nameInBibtexOrder).
 */
function isParticle(word: string): boolean {
  return isBibtexParticle(word) || CAPITALISED_PARTICLES.has(word);
}

/**
 * Whether `words[index]` is a particle (isParticle), or one in capitals (`DE`, `VAN`) before a
 * family name in capitals, as venues print family names and some write whole names (`MAX DE LA
 * CRUZ`, `Max DE LA CRUZ`): there the capitals are the name's case, so the word is compared as
 * the particle list writes it (`De`). Beside a family name in ordinary case (`Jo DE Smith`) a word
 * in capitals is no particle.
 */
function isParticleAt(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  if (isParticle(word)) return true;
  if (!inCapitals(word) || !words.slice(index + 1).every(inCapitals)) return false;
  return CAPITALISED_PARTICLES.has(`${word.slice(0, 1)}${word.slice(1).toLowerCase()}`);
}

/**
 * How many words at the start of a name are its family name written in capitals, family name
 * first, as many Chinese, Japanese and Korean authors and venues write one (`ZHANG Wei`, `DE LA
 * CRUZ Ana María`): the leading words in capitals (inCapitals, no full stop: `W.` is an initial),
 * then only words in ordinary case (a lower-case letter each). The capitals are then the family
 * name's mark, not initials, but only where one of those words cannot be initials run together
 * (RUN_TOGETHER_INITIALS: two or three capitals, `JZ Kolter`, `JRR Tolkien`, `AI Weiwei`): `LI Wei`
 * reads as `JZ Kolter` does, and the README asks for `LI, Wei`. A name wholly in capitals (`MAX DE
 * LA CRUZ`) says nothing by its case and has none. 0 for every other name. One rule for familyName,
 * nameParts and nameInBibtexOrder, so the citations, the .bib, the tags and the A–Z list agree.
 */
function familyFirstInCapitals(words: readonly string[]): number {
  const run = words.findIndex((word) => !inCapitals(word) || word.includes('.'));
  if (run <= 0 || !words.slice(run).every((word) => /\p{Ll}/u.test(word))) return 0;
  const family = words.slice(0, run);
  return family.some(isNameWordInCapitals) ? run : 0;
}

/**
 * A word in capitals that cannot be initials: two letters or more, not two or three capitals run
 * together (RUN_TOGETHER_INITIALS: `JZ`, `AI`, `LI` may be initials), no full stop (`W.`). Beside
 * words in ordinary case such capitals mark a family name (`ZHANG Wei`, `Wei ZHANG Ming`).
 */
function isNameWordInCapitals(word: string): boolean {
  return inCapitals(word) && !word.includes('.') && !RUN_TOGETHER_INITIALS.test(word) && /\p{L}.*\p{L}/u.test(word);
}

/**
 * Whether `words[index]`, between given names and the last word, starts a family name written in
 * capitals among words in ordinary case (isNameWordInCapitals): `Juan GARCÍA López`, `Wei ZHANG
 * Ming`. The capitals mark the family name, as in `Jean DUPONT`; the words after it are read as
 * the family name's, as after a particle (`GARCÍA López, J.`, `ZHANG Ming, W.`: a given name
 * written after a family name in capitals is told by a comma, `ZHANG, Wei Ming`). Not in a name
 * wholly in capitals, whose case says nothing.
 */
function startsFamilyInCapitals(words: readonly string[], index: number): boolean {
  return isNameWordInCapitals(words[index]!) && words.some((word) => /\p{Ll}/u.test(word));
}

/** A word of initials with full stops (`J.`, `J.R.`, `J.-P.`, `Ø.`): never a family name. */
const DOTTED_INITIALS = /^\p{Lu}\p{M}*\.(?:[-‐]?\p{Lu}\p{M}*\.)*$/u;

/**
 * A name with each word of initials run together (DOTTED_INITIALS: `J.R.`, `J.R.R.`) written one
 * initial a word (`J. R.`, `J. R. R.`), as BibTeX needs them: it abbreviates a word of the given
 * names to its first letter (abbrv.bst, and every style that prints `{f.}`), so `Smith, J.R.` was
 * cited `J. Smith`. A hyphen already parts initials for BibTeX (`J.-P.` stays); other words, and the
 * commas between parts, stay as written.
 */
export function dottedInitialsApart(name: string): string {
  return name
    .split(/([\s,]+)/)
    .map((word) => (DOTTED_INITIALS.test(word) ? word.replace(/\.(?=\p{Lu})/gu, '. ') : word))
    .join('');
}

/**
 * How many words at the start of a name are its family name written before its initials, as
 * Vancouver style and some venues write names (`Smith J.`, `ZHANG W.`, `van der Maaten L.`,
 * `Smith J. R.`): the last words are initials with full stops (DOTTED_INITIALS), which no family
 * name is, and no word before them is one. 0 for every other name: with initials on both sides
 * (`J. Smith R.`) nothing says which is the family name, and initials without full stops (`Kolter
 * JZ`, `Smith J`) may be a family name in capitals (`Andrew NG`) or of one letter.
 */
function familyFirstBeforeInitials(words: readonly string[]): number {
  let run = words.length;
  while (run > 0 && DOTTED_INITIALS.test(words[run - 1]!)) run -= 1;
  if (run === 0 || run === words.length) return 0;
  const family = words.slice(0, run);
  if (family.some((word) => word.includes('.') || isNameGoneBy(word) || !/\p{L}/u.test(word))) return 0;
  return run;
}

/**
 * How many words at the start of a name are its family name, where the name is written family name
 * first in Latin letters: in capitals (familyFirstInCapitals) or before its initials
 * (familyFirstBeforeInitials); 0 for every other name. One rule for familyName, nameParts and
 * nameInBibtexOrder.
 */
function familyWrittenFirst(words: readonly string[]): number {
  return familyFirstInCapitals(words) || familyFirstBeforeInitials(words);
}

/**
 * Whether text is written wholly in capitals: a letter with case and no lower-case letter
 * (`JOHN SMITH`, `DE LA CRUZ`, `O'NEIL`). One rule for reading capitals as a name's case, not as
 * an acronym or initials (isParticleAt, givenInitials' `nameInCapitals`).
 */
export function inCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * Particles some families write with a capital (`Vincent Van Gogh`, `Yann Le Cun`, `Luca Di
 * Liello`, `Joost Van de Weijer`), which BibTeX reads as a given name (`Gogh, Vincent Van`).
 * Between a given name and the last word they start the family name, as a lowercase particle does
 * (isParticle); the .bib then writes the name family name first (nameInBibtexOrder), where BibTeX
 * and biber read a capitalised word as part of the family name. Compared as written: `VAN` and
 * `Vans` are no particle. The rule's cost: a given name spelt as one is read as a particle, a
 * Vietnamese middle name without its accent (`Anh Van Nguyen`, Văn) or a Chinese syllable written
 * apart (`Richard Yi Da Xu`); nothing in the name tells them from `Luc Van Gool` or `Luca Di
 * Liello`, so the README asks for the accent, a joined or hyphenated given name (`Yi-Da`), or the
 * name family name first with a comma (`Nguyen, Anh Van`, `Xu, Richard Yi Da`).
 */
const CAPITALISED_PARTICLES: ReadonlySet<string> = new Set([
  'Da',
  'Das',
  'De',
  'Del',
  'Della',
  'Den',
  'Der',
  'Des',
  'Di',
  'Dos',
  'Du',
  'La',
  'Le',
  'Ten',
  'Ter',
  'Van',
  'Von',
]);

/** Whether BibTeX reads a word as a particle: its first letter is lowercase, whatever comes before it. */
function isBibtexParticle(word: string): boolean {
  return !isNameGoneBy(word) && /^\P{L}*\p{Ll}/u.test(word);
}

/** Whether a word of nameTokens is a name a person goes by, in brackets or quotes (NAME_GONE_BY). */
function isNameGoneBy(word: string): boolean {
  return WHOLE_NAME_GONE_BY.test(word);
}

/**
 * The words of a name written without commas, between spaces, but a name a person goes by in
 * brackets or quotes is one word, however many spaces it holds (`Jiaming "jimmy boy" Ma` →
 * `Jiaming`, `"jimmy boy"`, `Ma`), so no word of it is read as a particle. Joined by one space, the
 * words are the name with its spaces collapsed.
 */
function nameTokens(name: string): string[] {
  return name.trim().replace(/\s+/g, ' ').match(NAME_TOKEN) ?? [];
}

/**
 * The family name of an author, as BibTeX reads a name (`First von Last, Jr.`): the family part of
 * a name written with commas (commaParts: `Hofmann, Thomas`, `Martin Luther King, Jr.`), else the first word of a name written family name first in its own
 * script (`王 小明` → `王`: FAMILY_NAME_FIRST), else everything from the first lowercase particle on
 * (`Laurens van der Maaten` → `van der Maaten`), else the last word, ignoring `Jr.` and the like.
 * Used by citation keys and tags, and (without its particles: familyNameForSorting) the A–Z list.
 */
export function familyName(author: string): string {
  const noted = noteAfterName(author);
  if (noted) return noted.family;
  const parts = commaParts(author);
  if (parts) return parts.family;
  const comma = author.indexOf(',');
  if (comma > 0) return author.slice(0, comma).trim();
  const words = nameTokens(author);
  if (words.length === 0) return '';
  if (FAMILY_NAME_FIRST.test(author.trim())) return words[0]!;
  const writtenFirst = familyWrittenFirst(words);
  if (writtenFirst > 0) return words.slice(0, writtenFirst).join(' ');
  while (words.length > 1 && NAME_SUFFIX.test(words.at(-1) ?? '')) words.pop();
  const particle = words.findIndex(
    (_, index) =>
      index > 0 && index < words.length - 1 && (isParticleAt(words, index) || startsFamilyInCapitals(words, index)),
  );
  return particle > 0 ? words.slice(particle).join(' ') : (words.at(-1) ?? '');
}

/**
 * The ways a citation may name an author by family name alone (`van der Maaten 2008`), each as
 * the words of nameWords: the family name (familyName: `van der Maaten`), without its particles
 * (`Maaten`, as the A–Z list sorts it), and the longer endings of the name that end with it, but
 * never the whole name from its first word, a given name: `Le Cun` and `Cun` for Yann Le Cun,
 * `García Márquez` for Gabriel García Márquez, `Ben Amor` for Nejib Ben Amor (a particle or a
 * second family name written capitalised, which familyName cannot tell from a given name). A
 * family name written first (`Hofmann, Thomas`, `王 小明`) is cited as itself, or its endings.
 */
export function citedFamilyNames(author: string): string[][] {
  const family = nameWords(familyName(author));
  const words = nameWords(author);
  if (family.length === 0) return [];
  // Where the family name ends among the name's words (before a `Jr.`), if it is there.
  let end = 0;
  for (let start = words.length - family.length; start >= 0 && end === 0; start -= 1)
    if (family.every((word, offset) => words[start + offset] === word)) end = start + family.length;
  const sorted = nameWords(familyNameForSorting(author));
  const endings = sorted.join(' ') === family.join(' ') ? [family] : [sorted, family];
  // Longer than the family name, an ending stops before the name's first word.
  for (let from = end - family.length - 1; from > 0; from -= 1) endings.push(words.slice(from, end));
  return endings;
}

/**
 * The family name without its particles, which an A–Z list passes over (`van der Maaten` →
 * `Maaten`, `Van Gogh` → `Gogh`). Its last word is never passed over: a particle stands before a
 * family name, so a last word spelt as one is the family name (`Anh Van Le` under L, `Le`).
 */
export function familyNameForSorting(author: string): string {
  const words = nameTokens(familyName(author));
  const first = words.findIndex((_, index) => index === words.length - 1 || !isParticleAt(words, index));
  return first > 0 ? words.slice(first).join(' ') : words.join(' ');
}

/**
 * A name written as BibTeX reads it, family name first, where BibTeX would otherwise take another
 * word for it: one ending in `Jr.`, `III` and the like as `von Last, Jr., First` (`Martin Luther
 * King Jr.` → `King, Jr., Martin Luther`: as written, BibTeX would take the suffix for the family
 * name), and one written family name first in its own script as `Last, First` (`王 小明` → `王, 小明`:
 * BibTeX would take `小明`). Any other name is returned as it is.
 */
export function nameInBibtexOrder(author: string): string {
  const words = author.trim().split(/\s+/);
  // A note in brackets after the name (noteAfterName) goes where BibTeX puts a suffix.
  const noted = noteAfterName(author);
  if (noted) return `${noted.family}, ${noted.suffix}, ${noted.given}`;
  if (author.includes(',')) {
    // A suffix written after a comma (`Martin Luther King, Jr.`, `King, Martin Luther, Jr.`):
    // BibTeX would read it as the given name. In BibTeX's order it is `King, Jr., Martin Luther`.
    const parts = commaParts(author);
    return parts?.suffix && parts.given ? `${parts.family}, ${parts.suffix}, ${parts.given}` : author;
  }
  // A name a person goes by among the given names (`Yuanzhi (paul) Li`, `Jiaming "jimmy" Ma`):
  // BibTeX reads a word whose first letter is lowercase as a particle, whatever comes before it,
  // and would take `(paul) Li` for the family name; family name first, it reads `Li`.
  const parts = nameParts(author);
  if (parts?.given && nameTokens(parts.given).some(isNameGoneBy))
    return [parts.family, parts.suffix, parts.given].filter(Boolean).join(', ');
  if (FAMILY_NAME_FIRST.test(author.trim())) return `${words[0]}, ${words.slice(1).join(' ')}`;
  // A family name written first in capitals or before initials (`ZHANG Wei`, `Smith J.`): BibTeX
  // would take `Wei` or `J.` for it.
  const writtenFirst = familyWrittenFirst(nameTokens(author));
  if (writtenFirst > 0 && parts) return `${parts.family}, ${parts.given}`;
  // A family name that starts with a capitalised particle (`Vincent Van Gogh`): BibTeX would read
  // `Van` as a given name; family name first, it reads `Van Gogh` as the family name.
  const startsCapitalised = parts?.given && parts.family.includes(' ') && !isBibtexParticle(parts.family);
  if (parts && startsCapitalised) return [parts.family, parts.suffix, parts.given].filter(Boolean).join(', ');
  if (words.length < 3 || !NAME_SUFFIX.test(words.at(-1)!)) return author;
  let end = words.length;
  while (end > 2 && NAME_SUFFIX.test(words[end - 1]!)) end -= 1;
  const family = familyName(author);
  const given = words.slice(0, end - family.split(/\s+/).length);
  if (given.length === 0) return author;
  return `${family}, ${words.slice(end).join(' ')}, ${given.join(' ')}`;
}

/**
 * Words that make a name a group's, not a person's (`ATLAS Collaboration`, `Gemini Team`, `Google
 * Research`): words no person bears as a name. A group has no given name to abbreviate nor a
 * family name to put first. Compared whole, in any case.
 */
const GROUP_WORDS = new Set([
  'alliance',
  'association',
  'authors',
  'collaboration',
  'committee',
  'community',
  'consortium',
  'contributors',
  'corporation',
  'council',
  'department',
  'developers',
  'foundation',
  'group',
  'inc',
  'initiative',
  'institute',
  'lab',
  'laboratories',
  'laboratory',
  'labs',
  'llc',
  'ltd',
  'network',
  'organisation',
  'organization',
  'project',
  'research',
  'society',
  'team',
  'university',
  'workshop',
]);

/**
 * Words that name groups but are also people's names: `Center` and `Centre` (Julian Center). Alone
 * they make no group: only beside a group word (`Center for AI Safety Research`) or "for"/"of",
 * which no person's name holds (`Center for AI Safety`, `Centre of Excellence`).
 */
const SHARED_WORDS = new Set(['center', 'centre']);

/**
 * A word that makes a name a group's as it is written: `AI` in capitals after another word, an AI
 * lab's (`Meta AI`, `Mistral AI`; the family name Ai is written so: `Chen Ai`; first, it is a
 * person's name in capitals or initials, as in `AI Weiwei`: isGroupWordAsWritten), and a word whose lower-case letters
 * end in an acronym (`OpenAI`, `EleutherAI`, `MosaicML`, `xAI`), as no person's name is written,
 * but for a family name in capitals after its prefix (NAME_PREFIX_BEFORE_CAPITALS: `McDONALD`).
 */
const GROUP_WORD_AS_WRITTEN = /^(?:AI|(\p{L}*\p{Ll})\p{Lu}{2,})$/u;

/**
 * Prefixes of family names written with a capital after them (`McDonald`, `MacKay`, `FitzGerald`,
 * `DeLong`, `LeBlanc`, `DiCaprio`, `VanDyke`): a name in capitals as venues print family names
 * (`Ronald McDONALD`, `Jean DeLONG`) keeps them in lower case, so its capitals are no acronym.
 */
const NAME_PREFIX_BEFORE_CAPITALS: ReadonlySet<string> = new Set(['Mc', 'Mac', 'Fitz', ...CAPITALISED_PARTICLES]);

/** Whether the word at `index` of a name makes it a group's as it is written (GROUP_WORD_AS_WRITTEN). */
function isGroupWordAsWritten(word: string, index: number): boolean {
  const match = GROUP_WORD_AS_WRITTEN.exec(word);
  if (match === null) return false;
  // `AI` names a lab after the lab's own name; a name's first word is a person's (`AI Weiwei`).
  return match[1] === undefined ? index > 0 : !NAME_PREFIX_BEFORE_CAPITALS.has(match[1]);
}

/**
 * Whether a name holds the word "and", which BibTeX reads as between two names: a whole word
 * (between BETWEEN_WORDS), so `Ferdinand` and `Andó` hold none. One rule for groups (isGroupName) and for
 * names with commas (commaParts).
 */
function holdsWordAnd(author: string): boolean {
  return author.split(BETWEEN_WORDS).some(isWordAnd);
}

/**
 * Whether text is the word "and" alone, between BETWEEN_WORDS (`and`, `AND`, `(and)`), as BibTeX
 * writes it: in any case, but an accent makes another word (`ánd`, `Andó`), as no fold of
 * authorKey is made here. holdsWordAnd's rule, also for the content check's reading of names
 * written on one line (validate.ts).
 */
export function isWordAnd(text: string): boolean {
  const words = text.split(BETWEEN_WORDS).filter(Boolean);
  return words.length === 1 && words[0]!.toLowerCase() === 'and';
}

/**
 * Whether a name is a group's: it holds a group word (GROUP_WORDS, GROUP_WORD_AS_WRITTEN;
 * SHARED_WORDS only with "for" or "of"), or the word "and", which BibTeX reads as between two names (a team:
 * `Research and Development Team`). Words are whole, between anything but letters, digits and
 * marks: `Andó` and `Ferdinand` hold no "and", `Nguyen-Research` holds "Research".
 */
export function isGroupName(author: string): boolean {
  const words = author.split(BETWEEN_WORDS).filter(Boolean);
  const lower = words.map((word) => word.toLowerCase());
  if (holdsWordAnd(author) || lower.some((word) => GROUP_WORDS.has(word))) return true;
  if (words.some((word, index) => isGroupWordAsWritten(word, index))) return true;
  const shared = lower.some((word) => SHARED_WORDS.has(word));
  return shared && lower.some((word) => word === 'for' || word === 'of');
}

/**
 * A person's name in its parts, as citations read it, whichever way it is written: commaParts for
 * a name with commas; the first word as the family name for one written family name first in its
 * own script (`王 小明`: FAMILY_NAME_FIRST); else familyName's family name (`van der Maaten`), the
 * suffixes after it (`Jr.`, `III`) and the words before it as the given names. Undefined for a name
 * that is read as written: one word (`OpenAI`, `Aristotle`), a group's (isGroupName), and one whose
 * commas fit no form of commaParts.
 */
export function nameParts(author: string): NameParts | undefined {
  const name = author.trim().replace(/\s+/g, ' ');
  if (isGroupName(name)) return undefined;
  const noted = noteAfterName(name);
  if (noted) return noted;
  if (name.includes(',')) return commaParts(name);
  if (!name.includes(' ')) return undefined;
  const words = name.split(' ');
  if (FAMILY_NAME_FIRST.test(name)) return { given: words.slice(1).join(' '), family: words[0]!, suffix: '' };
  const tokens = nameTokens(name);
  const writtenFirst = familyWrittenFirst(tokens);
  if (writtenFirst > 0)
    return {
      given: tokens.slice(writtenFirst).join(' '),
      family: tokens.slice(0, writtenFirst).join(' '),
      suffix: '',
    };
  let end = words.length;
  while (end > 1 && NAME_SUFFIX.test(words[end - 1]!)) end -= 1;
  const family = familyName(name);
  const given = words.slice(0, end - family.split(' ').length).join(' ');
  return { given, family, suffix: words.slice(end).join(' ') };
}

/**
 * Whether a name is one word and its suffixes only (`Smith Jr.`, `Louis XIV`, `Smith 3rd`, `Ada 2`):
 * no given name, so every citation names it as written (citedByParts in citation.ts). BibTeX would
 * take its last word for the family name (`Louis XIV` as XIV), and in its own order it would end
 * with an empty given name (`Louis, XIV, `), which BibTeX reports as an error: the `.bib` keeps
 * it whole (formatAuthor).
 */
export function isSuffixedWithoutGivenName(author: string): boolean {
  const parts = nameParts(author);
  return parts !== undefined && parts.given === '' && parts.suffix !== '';
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The letters without case that a name's first letter may follow, read past by both the A–Z list
 * (letterOf) and initials (givenInitials), so the two agree: modifier letters (the ʻokina ʻ, ʼ, ˀ)
 * and Latin letters without case (the glottal stop ʔ, the clicks ǀ ǁ ǂ ǃ), each with any marks it
 * carries (the check allows marks on them). Only letters of Latin or of no one script (Unicode's
 * Script_Extensions): a letter of a script without capitals (`王`, and its modifier letters, the
 * kana's `ー`, Han's `々`, Arabic's `ـ`, Thai's `ๆ`) is none: it starts the name (`々Smith`: under
 * Other, cited in full).
 */
const PASSED_OVER = /^(?:(?=[\p{scx=Latin}\p{scx=Zyyy}])[\p{Lm}\p{Lo}]\p{M}*)+/u;

/**
 * The passed-over letters at the start of `text` as written (PASSED_OVER), '' where there are none.
 * Where they are the whole of it, the name has no letter with case: cited in full, listed under Other.
 */
export function passedOverLetters(text: string): string {
  return PASSED_OVER.exec(text)?.[0] ?? '';
}

/** A full stop after an initial that a hyphen joins to the next part of the name (`J.-P.`). */
const HYPHENATED_INITIAL = /\.(?=[-‐])/g;

/** Two or three initials run together in capitals, as Vancouver style writes them: `JZ`, `CJ`. */
export const RUN_TOGETHER_INITIALS = /^\p{Lu}{2,3}$/u;

/**
 * Given names as initials, as reference lists write them: each name's first letter and a full stop
 * (`Martin Luther` → `M. L.`), a hyphenated name's parts joined by the hyphen (`Jean-Paul` and
 * `J.-P.` → `J.-P.`, `Chia-Jung` → `C.-J.`), initials already written kept one apart (`J.R.R.` → `J. R. R.`,
 * and two or three capitals run together as Vancouver style writes them: `JZ` → `J. Z.`).
 * In a name written wholly in capitals (`nameInCapitals`: `MAX DE LA CRUZ`, `TOM LEE`), a word of
 * two or three capitals is a name like any other (`M.`, `T.`), not initials run together.
 * A letter is a whole character as shown, with its marks (`Ølga` → `Ø.`), and the letters without case
 * a name's first letter may follow go with it (`ʻAkau` → `ʻA.`: passedOverLetters). A name in brackets or quotes, the one a person
 * goes by, has none (`Yuanzhi (Paul)` → `Y.`: NAME_GONE_BY). Undefined where a name
 * starts with a letter of a script without capitals (Han, kana, Hangul, Arabic, Devanagari…),
 * which no reference abbreviates to an initial: the given names are then cited in full.
 */
export function givenInitials(given: string, { nameInCapitals = false } = {}): string | undefined {
  const initials: string[] = [];
  // An initial's full stop before a hyphen ends no name: `J.-P.` is one hyphenated name, as
  // `Jean-Pierre` is (both `J.-P.`), not the two names `J. P.`.
  // The name one goes by, in brackets or quotes, is none of the given names (Li, Y., not Li, Y. P.).
  const words = given
    .replace(NAME_GONE_BY, ' ')
    .replace(HYPHENATED_INITIAL, '')
    .split(/[\s.]+/);
  for (const word of words.filter((word) => /[\p{L}\p{N}]/u.test(word))) {
    // Initials run together in capitals, as Vancouver style writes them (`JZ Kolter`): one each.
    // Not in a name written wholly in capitals (inCapitals: `MAX DE LA CRUZ`), whose case says nothing.
    if (!nameInCapitals && RUN_TOGETHER_INITIALS.test(word)) {
      initials.push([...word].map((letter) => `${letter}.`).join(' '));
      continue;
    }
    const parts: string[] = [];
    for (const part of word.split(/[-‐]/).filter((part) => /[\p{L}\p{N}]/u.test(part))) {
      // The first letter or digit, past any apostrophe or bracket before it, with its marks.
      const from = part.slice(part.search(/[\p{L}\p{N}]/u));
      // Letters without case before the first letter (the ʻokina of ʻAkau, a click letter ǃ) are
      // sounds of the name, not a script without capitals: they stay with it (ʻA.).
      const lead = passedOverLetters(from);
      if (lead === from) return undefined;
      const rest = from.slice(lead.length);
      const first = graphemes.segment(rest)[Symbol.iterator]().next().value?.segment ?? rest;
      const base = [...first][0]!;
      if (/\p{L}/u.test(base) && base.toUpperCase() === base.toLowerCase()) return undefined;
      parts.push(`${lead}${first}.`);
    }
    initials.push(parts.join('-'));
  }
  return initials.join(' ');
}
