/**
 * MathML Core, which Chromium-based browsers and feed readers implement, ignores `mathvariant`
 * other than `normal`: KaTeX's `<mi mathvariant="double-struck">R</mi>` for `\mathbb{R}` shows
 * as a plain R. Unicode has the styled letters themselves (Mathematical Alphanumeric Symbols,
 * U+1D400–U+1D7FF, and the older Letterlike Symbols that fill its holes: ℝ, ℂ, ℋ, ℭ, ℎ…), which
 * show the same everywhere. `mathVariantText` spells text in them.
 *
 * Layout of the block: for each style, 26 capitals then 26 small letters from a base code point;
 * some styles also have Greek (a run of 58: capitals Α–Ω with ϴ in the slot of the unused U+03A2,
 * ∇, small α–ω with ς, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ) and digits 0–9.
 */

interface Style {
  latin: number;
  greek?: number;
  digits?: number;
}

const STYLES: Readonly<Record<string, Style>> = {
  bold: { latin: 0x1d400, greek: 0x1d6a8, digits: 0x1d7ce },
  italic: { latin: 0x1d434, greek: 0x1d6e2 },
  'bold-italic': { latin: 0x1d468, greek: 0x1d71c },
  script: { latin: 0x1d49c },
  'bold-script': { latin: 0x1d4d0 },
  fraktur: { latin: 0x1d504 },
  'double-struck': { latin: 0x1d538, digits: 0x1d7d8 },
  'bold-fraktur': { latin: 0x1d56c },
  'sans-serif': { latin: 0x1d5a0, digits: 0x1d7e2 },
  'bold-sans-serif': { latin: 0x1d5d4, greek: 0x1d756, digits: 0x1d7ec },
  'sans-serif-italic': { latin: 0x1d608 },
  'sans-serif-bold-italic': { latin: 0x1d63c, greek: 0x1d790 },
  monospace: { latin: 0x1d670, digits: 0x1d7f6 },
};

/** Letters Unicode encoded before the block, whose places in it are left empty. */
const HOLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  italic: { h: 'ℎ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};

/** Dotless ı and ȷ have italic forms only. */
const DOTLESS: Readonly<Record<string, string>> = { ı: '\u{1D6A4}', ȷ: '\u{1D6A5}' };

/** Offsets in a Greek run of the characters after the small letters. */
const GREEK_EXTRAS: Readonly<Record<string, number>> = {
  '∇': 25,
  '∂': 51,
  ϵ: 52,
  ϑ: 53,
  ϰ: 54,
  ϕ: 55,
  ϱ: 56,
  ϖ: 57,
  ϴ: 17,
};

function greekOffset(code: number, char: string): number | undefined {
  if (code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) return code - 0x391;
  if (code >= 0x3b1 && code <= 0x3c9) return 26 + code - 0x3b1;
  return GREEK_EXTRAS[char];
}

/** One character in `variant`, or undefined when Unicode has no such character. */
export function mathVariantChar(char: string, variant: string): string | undefined {
  const style = STYLES[variant];
  if (!style) return undefined;
  const hole = HOLES[variant]?.[char];
  if (hole) return hole;
  if (variant === 'italic' && DOTLESS[char]) return DOTLESS[char];
  const code = char.codePointAt(0)!;
  if (char.length !== 1) return undefined;
  if (code >= 0x41 && code <= 0x5a) return String.fromCodePoint(style.latin + code - 0x41);
  if (code >= 0x61 && code <= 0x7a) return String.fromCodePoint(style.latin + 26 + code - 0x61);
  if (code >= 0x30 && code <= 0x39) return style.digits ? String.fromCodePoint(style.digits + code - 0x30) : undefined;
  const offset = style.greek === undefined ? undefined : greekOffset(code, char);
  return offset === undefined ? undefined : String.fromCodePoint(style.greek! + offset);
}

/**
 * `text` spelled in `variant` (a MathML `mathvariant`), or undefined when some character of it has
 * no such form (then the caller keeps the attribute: nothing better can be done).
 */
export function mathVariantText(text: string, variant: string): string | undefined {
  let out = '';
  for (const char of text) {
    // White space has no style: `<mtext mathvariant="bold">a b</mtext>`.
    const styled = /\s/.test(char) ? char : mathVariantChar(char, variant);
    if (styled === undefined) return undefined;
    out += styled;
  }
  return out;
}

/** The `mathvariant` values this module spells (all but `normal` and the Arabic ones). */
export const MATH_VARIANTS: readonly string[] = Object.keys(STYLES);
