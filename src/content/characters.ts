import { fieldName } from './problems.ts';
import { MAX_COMBINING_MARKS } from '../lib/combining-marks.ts';
import { byCodeUnits } from '../lib/text-order.ts';
import { codePointName } from '../lib/code-point.ts';

/**
 * The one rule for which characters a paper may contain, applied to the raw file and again to
 * every string after YAML has decoded it (`"\u202E"`, `"\e"`, `"\0"` are characters too, and a
 * scan of the raw file only sees their backslash).
 *
 * Refused everywhere: control characters (C0 except tab and newline, DEL, C1), every invisible
 * format character (general category Cf: bidi controls and marks, zero-width space/joiners, word
 * joiner, soft hyphen, BOM, invisible operators, tag characters U+E0000–E007F…), every other
 * character Unicode says a renderer shows as nothing when it cannot use it
 * (Default_Ignorable_Code_Point: the Hangul fillers, the combining grapheme joiner, the variation
 * selectors U+FE00–FE0F and U+E0100–E01EF, also after an emoji, the Khmer vowels U+17B4/U+17B5, the
 * Mongolian variation selectors…), the three letters and symbols whose glyph is blank (U+2800
 * BRAILLE PATTERN BLANK…, below), the line and paragraph separators U+2028/U+2029, lone
 * surrogates, private-use characters, noncharacters (U+FDD0–FDEF and the last two code points of
 * every plane) and every code point not assigned in the Unicode version Node knows (general
 * category Cn: nothing can draw it, and a later version may give it a meaning). Tab and newline are allowed only where a field
 * allows several lines. One exception, the joiners (see {@link allowedJoinerAt}): U+200C ZERO WIDTH
 * NON-JOINER and U+200D ZERO WIDTH JOINER are spelling where Unicode gives them an effect (after a
 * virama, between letters of a joining script), and U+200D inside an emoji ZWJ sequence. And no character may carry more than four combining marks, and a combining
 * mark must sit on a character: not at the start of a value or line, nor after white space.
 */
export interface ForbiddenCharacter {
  /** UTF-16 index of the character in the string. */
  index: number;
  codePoint: number;
  /** `U+202E` */
  code: string;
  /** What kind of character it is, for the message. */
  kind: string;
  /** For a combining mark too many: how many marks its letter carries. */
  marks?: number;
  /** For a combining mark with no character under it (at the start, or after white space). */
  bare?: boolean;
  /** For a joiner refused where it stands: what is wrong there, when a spelling is near (misplacedJoiner). */
  joiner?: string;
}

// \p{Cc} and \p{Cf} cover controls, bidi controls, zero-width characters and tag characters;
// \p{Default_Ignorable_Code_Point} the other invisible characters; \p{Co} private use; \p{Cs} lone
// surrogates (the `v` flag matches them one by one); \p{Cn} unassigned code points, noncharacters
// among them; U+2028/2029 are Zl/Zp. The last three are the letters and symbols that are neither
// spaces nor default-ignorable yet draw nothing (Unicode's charts show each as a dashed box, and no
// property names them): U+2800 BRAILLE PATTERN BLANK (the braille cell without a dot), U+1D159
// MUSICAL SYMBOL NULL NOTEHEAD and U+16FE4 KHITAN SMALL SCRIPT FILLER. Spaces are not among them:
// fields collapse and trim white space, and a field of spaces is empty.
const FORBIDDEN =
  /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cs}\p{Cn}\u2028\u2029\u2800\u{1D159}\u{16FE4}]/gv;

// Of those, the ones that show nothing where they stand: default-ignorable characters (zero-width
// space and joiners, soft hyphen, bidi marks and controls, BOM, variation and tag characters) and
// the three blank glyphs. Other format characters (Arabic number signs U+0600–0605) draw something.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800\u{1D159}\u{16FE4}]/gv;
// Controls other than tab, line feed and carriage return, NEL and the line and paragraph
// separators: each stands between words, where the text shows a space.
const BREAKS_AS_SPACE = /[[\p{Cc}\u2028\u2029]--[\t\n\r]]/gv;

/**
 * Text from elsewhere (arXiv's answer, a flag) as the characters it shows, which the rule above
 * allows: invisible characters left out, a control or a line separator read as the space it
 * stands for. Characters that draw something (private use, unassigned) stay, for the check to
 * name. `removed` lists each character left out or replaced, once, as `U+200B`.
 */
export function visibleText(value: string): { text: string; removed: string[] } {
  const removed = new Set<string>();
  const note = (char: string) => removed.add(codePointName(char.codePointAt(0)!));
  // Joiners are judged among the characters that stay: `क्\uFE0F\u200Dष` keeps its joiner once
  // the variation selector is out, and a joiner beside a space a control stood for goes.
  const shown = value
    .replace(INVISIBLE, (char) => (JOINER.test(char) ? char : (note(char), '')))
    .replace(BREAKS_AS_SPACE, (char) => (note(char), ' '));
  const text = shown.replace(/[\u200C\u200D]/g, (char, index: number) =>
    allowedJoinerAt(shown, index) ? char : (note(char), ''),
  );
  return { text, removed: [...removed] };
}

const JOINER = /^[\u200C\u200D]$/;

/**
 * Whether mark `m` has canonical combining class 9 (Virama), which JavaScript's regular
 * expressions cannot ask: canonical ordering (NFD) swaps two marks after a letter exactly when
 * their classes differ and neither is 0, so `m` is a virama when it swaps with U+3099 (class 8)
 * but not with U+094D DEVANAGARI SIGN VIRAMA (class 9). Node's own Unicode data decides, so new
 * scripts' viramas (Myanmar's asat, Khmer's coeng, Tibetan's halanta, Balinese…) come with it.
 */
const swapsWith = (m: string, other: string): boolean =>
  `a${m}${other}`.normalize('NFD') === `a${other}${m}`.normalize('NFD');
function viramaClass(): string {
  const found = ['\u094D'];
  for (const range of [
    [0x0300, 0x2fff],
    [0xa800, 0xabff],
    [0x10000, 0x1ffff],
  ] as const) {
    for (let codePoint = range[0]; codePoint <= range[1]; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (/\p{M}/v.test(char) && swapsWith(char, '\u3099') && !swapsWith(char, '\u094D')) found.push(char);
    }
  }
  return `[${[...new Set(found)].map((char) => `\\u{${char.codePointAt(0)!.toString(16)}}`).join('')}]`;
}

/**
 * Scripts that join their letters (Unicode's ArabicShaping.txt gives their letters Joining_Type
 * D, R or L), where a non-joiner between two letters breaks the join: Persian's `می‌خواهم`.
 * JavaScript cannot ask Joining_Type, so the scripts that have such letters stand for it.
 */
const CURSIVE_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mandaic',
  'Manichaean',
  'Mongolian',
  'Phags_Pa',
  'Psalter_Pahlavi',
  'Sogdian',
  'Old_Uyghur',
  'Hanifi_Rohingya',
  'Chorasmian',
  'Adlam',
];
/**
 * Where a joiner is spelling, by the rules IDNA (RFC 5892, CONTEXTJ) and identifiers (UAX #31,
 * 2.3) give, which say where U+200C/U+200D make a visible difference:
 * - either joiner right after a virama on a letter (`क्‍ष`, Malayalam's `ന്‍`, Myanmar's
 *   asat `က်‌`, Khmer's coeng `ក្‌`, Sinhala's `ක්‍ය`), in any script with a virama;
 * - U+200D between a letter and a virama: the Unicode Standard's Bengali ya-phala after ra
 *   (`র‍্য`) and Sinhala's touching letters (`ක‍්ව`);
 * - U+200C between two letters of one joining script (CURSIVE_SCRIPTS; marks between are
 *   transparent to joining): `می‌خواهم`.
 * Script_Extensions, so an Arabic vowel mark (script Inherited) counts as Arabic. Exactly one
 * joiner: a second one after it stands after a joiner, not a virama or a letter. U+200D inside
 * an emoji ZWJ sequence is judged apart (inEmojiZwjSequence). Built at the first joiner: finding the
 * viramas reads tens of thousands of code points, and most papers hold no joiner.
 */
let allowedJoiner: RegExp | undefined;
/** viramaClass, found once. */
let viramas: string | undefined;
const allowedJoinerPattern = (virama = (viramas ??= viramaClass())): RegExp =>
  new RegExp(
    [
      `(?<=\\p{L}\\p{M}*${virama})[\\u200C\\u200D]`,
      `(?<=\\p{L})\\u200D(?=${virama})`,
      ...CURSIVE_SCRIPTS.map(
        (script) =>
          `(?<=[\\p{L}&&\\p{scx=${script}}][\\p{M}&&\\p{scx=${script}}]*)\\u200C(?=[\\p{M}&&\\p{scx=${script}}]*[\\p{L}&&\\p{scx=${script}}])`,
      ),
    ].join('|'),
    'vy',
  );

/**
 * One emoji of a ZWJ sequence as a paper holds it: a base, then a skin tone or U+FE0F (a file
 * holds no FE0F, characters are refused before, but the rule takes a string as typed).
 */
const EMOJI_ELEMENT = String.raw`[\p{Emoji}--\p{Emoji_Modifier}--[#*0-9]]\p{Emoji_Modifier}?\uFE0F?`;
const EMOJI_CHAIN = new RegExp(String.raw`(?:${EMOJI_ELEMENT}\u200D)+${EMOJI_ELEMENT}`, 'gv');
const RGI_ZWJ_SEQUENCE = /^\p{RGI_Emoji_ZWJ_Sequence}$/v;
/** No RGI ZWJ sequence is near this long (the longest, a kiss of two people with skin tones, is 15). */
const LONGEST_ZWJ_SEQUENCE = 32;

/**
 * Whether the U+200D at `index` is inside one of Unicode's recommended (RGI) emoji ZWJ sequences
 * (`👩‍💻`, `🧑🏽‍🚀`, `🏳️‍🌈`, `👨‍👩‍👧‍👦`): the only place a joiner between emoji shows, as one
 * picture. Between other emoji (`©‍®`, `😀‍😀`) it changes nothing that shows. Files hold no U+FE0F
 * (refused above), so a sequence is matched with or without one after each of its emoji.
 */
function inEmojiZwjSequence(value: string, index: number): boolean {
  const start = Math.max(0, index - LONGEST_ZWJ_SEQUENCE);
  const window = value.slice(start, index + LONGEST_ZWJ_SEQUENCE);
  for (const { 0: chain, index: at } of window.matchAll(EMOJI_CHAIN)) {
    if (at > index - start) break;
    if (at + chain.length <= index - start) continue;
    return (
      chain.length <= LONGEST_ZWJ_SEQUENCE && withVariationSelectors(chain).some((form) => RGI_ZWJ_SEQUENCE.test(form))
    );
  }
  return false;
}

/** `chain` with U+FE0F after each emoji that may take one, in every combination (at most 2⁴). */
function withVariationSelectors(chain: string): string[] {
  const parts = chain.replaceAll('\uFE0F', '').split('\u200D');
  let forms = [''];
  parts.forEach((part, at) => {
    const joined = at === 0 ? '' : '\u200D';
    const options = /\p{Emoji_Modifier}/v.test(part) || forms.length >= 16 ? [part] : [part, `${part}\uFE0F`];
    forms = forms.flatMap((form) => options.map((option) => form + joined + option));
  });
  return forms;
}

/**
 * What is wrong with a refused joiner that stands near a spelling (allowedJoinerAt), for advice
 * that says so; undefined elsewhere (the general advice stands). Two cases, from the Unicode
 * Standard's script chapters:
 * - a joiner on each side of one virama (`ම\u200D්\u200Dය`): Sinhala (§13.2) writes one, before the
 *   al-lakuna for touching letters (`ක\u200D්ව`) or after it for yansaya, rakaransaya and repaya
 *   (`ම්\u200Dය`, `ක්\u200Dර`, `ර්\u200Dක`), and Bengali (§12.3) one before the virama of ya-phala
 *   after ra; no script writes both, so the second is one too many;
 * - a non-joiner after a word's last letter of a joining script (before a space, a sign or the
 *   end, as some Persian keyboards leave one): there is no letter after it to keep apart, so it
 *   changes nothing shown, and deleting it changes nothing either.
 */
function misplacedJoiner(value: string, index: number): string | undefined {
  const before = value.slice(0, index);
  const mark = [...before].at(-1);
  if (mark !== undefined && /^\p{M}$/v.test(mark)) {
    const atVirama = index - mark.length;
    if (value[atVirama - 1] === '\u200D' && allowedJoinerAt(value, atVirama - 1) && viramaAt(value, atVirama)) {
      return 'It is a second joiner around one virama: Unicode writes one, before the virama for touching letters (Sinhala ක‍්ව) or after it for a conjunct (Sinhala yansaya ම්‍ය, rakaransaya ක්‍ර, repaya ර්‍ක): keep the one the spelling needs and delete the other.';
    }
  }
  if (
    value[index] === '\u200C' &&
    CURSIVE_LETTER_BEFORE.test(before) &&
    !/^[\p{M}]*\p{L}/v.test(value.slice(index + 1))
  ) {
    return 'A zero-width non-joiner after the last letter of a word (some keyboards leave one before a space or a sign) keeps nothing apart, as no letter follows: it changes nothing shown, and deleting it changes nothing either.';
  }
  return undefined;
}
/** Whether the character at `index` is a virama (the lookbehind of allowedJoinerPattern's first rule). */
function viramaAt(value: string, index: number): boolean {
  viramaPattern ??= new RegExp(`^${(viramas ??= viramaClass())}`, 'v');
  return viramaPattern.test(value.slice(index, index + 2));
}
let viramaPattern: RegExp | undefined;
/** Text ending in a letter of a joining script (CURSIVE_SCRIPTS) and its marks. */
const CURSIVE_LETTER_BEFORE = new RegExp(
  `(?:${CURSIVE_SCRIPTS.map((script) => `[\\p{L}&&\\p{scx=${script}}][\\p{M}&&\\p{scx=${script}}]*`).join('|')})$`,
  'v',
);

/** Whether the joiner at `index` of `value` stands where a script or an emoji needs it (above). */
export function allowedJoinerAt(value: string, index: number): boolean {
  allowedJoiner ??= allowedJoinerPattern();
  allowedJoiner.lastIndex = index;
  if (allowedJoiner.test(value)) return true;
  return value[index] === '\u200D' && inEmojiZwjSequence(value, index);
}

function kindOf(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  if (codePoint === 0x09) return 'tab';
  if (codePoint === 0x0a) return 'line break';
  if (/\p{Cc}/v.test(char)) return 'invisible control character';
  // Bidi controls reorder what is shown ("Trojan Source"): named like controls, as before.
  if (/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/v.test(char)) return 'invisible control character';
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return 'invisible tag character';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'line or paragraph separator';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone surrogate (half of a character)';
  if (/\p{Co}/v.test(char)) return 'private-use character';
  if (/\p{Cf}/v.test(char)) return 'invisible formatting character';
  if (/\p{Noncharacter_Code_Point}/v.test(char)) return 'noncharacter';
  if (/\p{Cn}/v.test(char)) return 'unassigned code point';
  // The Hangul fillers are letters that draw nothing.
  if (/\p{Lo}/v.test(char)) return 'invisible filler character';
  if (/\p{Default_Ignorable_Code_Point}/v.test(char)) return 'invisible character';
  return 'blank character';
}

export { MAX_COMBINING_MARKS };
const MARK_STACK = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'gv');
/**
 * A combining mark with nothing under it: at the start, or after a space, tab or line break. It
 * draws on the space (or nothing), and it escapes the name fold, which takes marks off letters
 * only: `\u0301Ada Lovelace` would be an author apart from Ada Lovelace who looks like her, with a
 * mark in the page's address, and BibTeX (which drops such a mark) would cite her by his name.
 */
const BARE_MARK = /(?<![^\p{White_Space}])\p{M}/gv;

/**
 * The first character of `value` that a paper may not contain, or the first mark past the
 * {@link MAX_COMBINING_MARKS} that one character may carry. `multiline` allows tab and newline (a
 * file, an abstract); frontmatter fields are single-line and allow neither.
 */
export function findForbiddenCharacter(
  value: string,
  {
    multiline = false,
    fragment = false,
  }: {
    multiline?: boolean;
    /** `value` is a piece cut from a text (one decoded character reference): a mark at its start has its letter before it. */
    fragment?: boolean;
  } = {},
): ForbiddenCharacter | undefined {
  let found: ForbiddenCharacter | undefined;
  FORBIDDEN.lastIndex = 0;
  for (let match = FORBIDDEN.exec(value); match; match = FORBIDDEN.exec(value)) {
    const codePoint = match[0].codePointAt(0)!;
    if (multiline && (codePoint === 0x09 || codePoint === 0x0a)) continue;
    if ((codePoint === 0x200c || codePoint === 0x200d) && allowedJoinerAt(value, match.index)) continue;
    found = { index: match.index, codePoint, code: codePointName(codePoint), kind: kindOf(codePoint) };
    const joiner = codePoint === 0x200c || codePoint === 0x200d ? misplacedJoiner(value, match.index) : undefined;
    if (joiner) found.joiner = joiner;
    break;
  }
  BARE_MARK.lastIndex = 0;
  const bare = fragment ? null : BARE_MARK.exec(value);
  if (bare && (!found || bare.index < found.index)) {
    const codePoint = bare[0].codePointAt(0)!;
    found = { index: bare.index, codePoint, code: codePointName(codePoint), kind: 'combining mark', bare: true };
  }
  MARK_STACK.lastIndex = 0;
  const stack = MARK_STACK.exec(value);
  if (stack && (!found || stack.index < found.index)) {
    const marks = [...stack[0]];
    const extra = marks[MAX_COMBINING_MARKS]!;
    const codePoint = extra.codePointAt(0)!;
    return {
      index: stack.index + marks.slice(0, MAX_COMBINING_MARKS).join('').length,
      codePoint,
      code: codePointName(codePoint),
      kind: 'combining mark',
      marks: marks.length,
    };
  }
  return found;
}

/**
 * The message for a forbidden character: what it is, how it got there when it was not typed
 * as itself (`written as a YAML escape`), and what to do.
 */
export function describeForbiddenCharacter(found: ForbiddenCharacter, writtenAs?: string): string {
  if (found.codePoint === 0x09 || found.codePoint === 0x0a) {
    return `contains a ${found.kind} (${found.code}): write it on one line, with single spaces.`;
  }
  if (found.bare) {
    const mark = `"\u25CC${String.fromCodePoint(found.codePoint)}"`;
    // A space or no-break space under a mark is how older text shows a mark alone; the dotted
    // circle is the character for that, and a reader sees it is a placeholder.
    return `has a combining mark ${mark} (${found.code}) with no letter under it (at the start, or after a space)${writtenAs ? `, written as ${writtenAs}` : ''}: put it right after the letter it belongs on, or delete it; to show the mark alone in a title or an abstract, write it after a dotted circle, ${mark} (U+25CC).`;
  }
  if (found.marks !== undefined) {
    return `has ${found.marks} combining marks (${found.code}…) on one letter${writtenAs ? `, written as ${writtenAs}` : ''}: a letter may carry at most ${MAX_COMBINING_MARKS}; delete the rest.`;
  }
  const joiner = found.codePoint === 0x200c || found.codePoint === 0x200d;
  const advice = found.joiner ? ` ${found.joiner}` : joiner ? JOINER_ADVICE : '';
  return `contains the ${found.kind} ${found.code}${writtenAs ? `, written as ${writtenAs}` : ''}: delete it.${advice}`;
}
/** What a joiner refused where it stands (allowedJoinerAt) would need, for text that does need one. */
const JOINER_ADVICE =
  ' A zero-width non-joiner (U+200C) or joiner (U+200D) is kept only where Unicode gives it an effect that shows: right after a virama (the Indic scripts, Sinhala, Myanmar, Khmer, Tibetan…), a joiner between a letter and the virama after it (Bengali, Sinhala), a non-joiner between two letters of a script that joins its letters (Arabic, Persian, Urdu, Syriac, N’Ko, Mongolian…), and a joiner inside one of Unicode’s emoji ZWJ sequences (woman + joiner + laptop); as itself or as a character reference (&zwnj;, &zwj;) in an abstract.';

/**
 * Every key and string in decoded YAML data that holds a forbidden character (characters.ts).
 * Used for paper frontmatter and the topic vocabulary. No field spans lines, so tab and newline
 * are refused too. Iterative: YAML_LIMITS bounds the size, this bounds the stack. `linePath` is
 * where to look for the line.
 */
export function forbiddenInData(
  data: unknown,
  root: (string | number)[] = [],
): { path: (string | number)[]; linePath: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; linePath: (string | number)[]; message: string }[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: root }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = findForbiddenCharacter(value);
      if (bad) found.push({ path, linePath: path, message: describeForbiddenCharacter(bad, 'a YAML escape') });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const bad = findForbiddenCharacter(key);
        // The field is the key's parent: the key itself is not fit to print.
        if (bad) {
          found.push({
            path,
            linePath: [...path, key],
            message: `has a key that ${describeForbiddenCharacter(bad, 'a YAML escape')}`,
          });
        } else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found.sort((a, b) => byCodeUnits(fieldName(a.path), fieldName(b.path)));
}
