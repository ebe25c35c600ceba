/**
 * Text for a terminal or a CI log: a file name, a field or a value from a paper file shown in a
 * message. Every character that a terminal acts on instead of showing, or that changes how the rest
 * of the line reads, becomes a visible `\u{…}`: controls (C0 with tab and newline, DEL, C1, so no
 * escape sequence can recolour the output, set the title or start a fake line), format characters
 * (bidi overrides and isolates, zero-width characters), line and paragraph separators, and lone
 * surrogates. Backslashes stay as they are: messages quote TeX (`\frac`), which a terminal shows as is.
 */
const ACTIVE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function terminalText(text: string): string {
  return text.replace(ACTIVE, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
