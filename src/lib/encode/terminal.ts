import { MAX_COMBINING_MARKS } from '../../content/characters.ts';

/**
 * Text for a terminal or a CI log: a file name, a field or a value from a paper file shown in a
 * message. Every character that a terminal acts on instead of showing, or that changes how the rest
 * of the line reads, becomes a visible `\u{…}`: controls (C0 with tab and newline, DEL, C1, so no
 * escape sequence can recolour the output, set the title or start a fake line), format characters
 * (bidi overrides and isolates, zero-width characters), line and paragraph separators, and lone
 * surrogates. So does every combining mark on one character after the first MAX_COMBINING_MARKS
 * (as many as the check allows a letter): a stack of them ("Zalgo", in a file name the check
 * reports) draws over the lines above and below, hiding other problems. Backslashes stay as they
 * are: messages quote TeX (`\frac`), which a terminal shows as is.
 */
const ACTIVE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Built at the first call: characters.ts reaches this module through problems.ts, an import cycle. */
let markStack: RegExp | undefined;

const codePoint = (char: string) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;

export function terminalText(text: string): string {
  markStack ??= new RegExp(`(?<=\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}`, 'gu');
  return text.replace(ACTIVE, codePoint).replace(markStack, codePoint);
}
