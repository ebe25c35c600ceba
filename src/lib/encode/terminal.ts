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
 *
 * Right-to-left text is shown as written, but isolated (rightToLeftIsolated), so that it cannot
 * reorder the rest of the line.
 */
const ACTIVE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Built at the first call: characters.ts reaches this module through problems.ts, an import cycle. */
let markStack: RegExp | undefined;

const codePoint = (char: string) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;

export function terminalText(text: string): string {
  markStack ??= new RegExp(`(?<=\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}`, 'gu');
  return rightToLeftIsolated(text.replace(ACTIVE, codePoint).replace(markStack, codePoint));
}

/**
 * A message of several lines for a terminal: each line as terminalText, the line breaks kept, and
 * none read as a GitHub Actions workflow command. The runner takes a line that starts with `::`
 * after spaces (`::error::…`, `::stop-commands::…`) as one, and `##[…]` anywhere in a line (its
 * older form): arXiv's text that new-paper prints could hold such a line. The command's first
 * colon, or the second hash, is shown as its code point, as the check's annotations carry a
 * message on one line (problems.ts); nothing else changes.
 */
export function terminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      terminalText(line)
        .replace(/^(\s*):(?=:)/u, (_match, spaces: string) => `${spaces}${codePoint(':')}`)
        .replace(/#(?=\[)/gu, (hash, offset: number, shown: string) =>
          shown[offset - 1] === '#' ? codePoint(hash) : hash,
        ),
    )
    .join('\n');
}

/** First Strong Isolate and Pop Directional Isolate (Unicode 6.3, UAX #9). */
export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * The blocks whose characters are right-to-left letters (bidi classes R and AL) or Arabic digits
 * (AN), and the marks written on them: Hebrew to Arabic Extended, the presentation forms, and the
 * supplementary planes' right-to-left areas. Outside them only U+200F, a format character that
 * terminalText has already shown as `\u{200F}`, is of those classes (UCD DerivedBidiClass.txt).
 */
const RTL = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u{10800}-\\u{10FFF}\\u{1E800}-\\u{1EFFF}';

/**
 * A stretch of right-to-left text: from a right-to-left character to the last one (and its marks)
 * before a letter of another script, a quote mark or a backtick, which end a quoted value in the
 * check's messages. Spaces, digits and punctuation between two right-to-left words belong to it.
 */
const RTL_STRETCH = new RegExp(`[${RTL}](?:[^${RTL}"\`\\p{L}]*[${RTL}])*\\p{M}*`, 'gu');

/**
 * Each stretch of right-to-left text between a First Strong Isolate and a Pop Directional Isolate.
 * A terminal or log viewer that applies the bidi algorithm (VTE, Konsole, mlterm, a CI log in a
 * browser) lays a line out from its first strong letter, and draws a right-to-left run together
 * with the digits and punctuation next to it: a Hebrew name quoted in a message could pull the
 * line's number or the next field into its run, two quoted names with only ", " between them were
 * drawn in swapped order, and a line whose first letter is Arabic was drawn right to left with its
 * `file:line:` at the far end. An isolate is laid out on its own and counts as one neutral
 * character outside, so what is outside it keeps its order, left to right; a terminal that does
 * not apply the algorithm draws the isolates as nothing (they have no width).
 */
function rightToLeftIsolated(text: string): string {
  return text.replace(RTL_STRETCH, (stretch) => `${FIRST_STRONG_ISOLATE}${stretch}${POP_DIRECTIONAL_ISOLATE}`);
}
