/** A character as messages name it, by its Unicode code point: `U+0430`, `U+1D400`. */
export function codePointName(char: string | number): string {
  const codePoint = typeof char === 'number' ? char : char.codePointAt(0)!;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The Unicode names of the white space characters, every code point JavaScript's `\s` matches
 * (WhiteSpace and LineTerminator): the characters a field's spaces are collapsed from, which an
 * editor shows as nothing, so a message names each.
 */
const WHITE_SPACE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0009, 'CHARACTER TABULATION'],
  [0x000a, 'LINE FEED'],
  [0x000b, 'LINE TABULATION'],
  [0x000c, 'FORM FEED'],
  [0x000d, 'CARRIAGE RETURN'],
  [0x0020, 'SPACE'],
  [0x00a0, 'NO-BREAK SPACE'],
  [0x1680, 'OGHAM SPACE MARK'],
  [0x2000, 'EN QUAD'],
  [0x2001, 'EM QUAD'],
  [0x2002, 'EN SPACE'],
  [0x2003, 'EM SPACE'],
  [0x2004, 'THREE-PER-EM SPACE'],
  [0x2005, 'FOUR-PER-EM SPACE'],
  [0x2006, 'SIX-PER-EM SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2008, 'PUNCTUATION SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x205f, 'MEDIUM MATHEMATICAL SPACE'],
  [0x3000, 'IDEOGRAPHIC SPACE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** A white space character as messages name it, `U+205F MEDIUM MATHEMATICAL SPACE`; any other by its code point. */
export function spaceName(char: string): string {
  const name = WHITE_SPACE_NAMES.get(char.codePointAt(0)!);
  return name === undefined ? codePointName(char) : `${codePointName(char)} ${name}`;
}

/**
 * What a value of white space only holds, as messages say it: `only spaces (U+0020 SPACE, U+0009
 * CHARACTER TABULATION)`, each kind of space named once (spaceName), in the order first written:
 * an editor shows none of them, so the contributor is told which characters to look for.
 */
export function onlySpacesNamed(value: string): string {
  return `only ${spacesNamed(value)}`;
}

/** The white space characters of `value` as messages name them: `spaces (U+0020 SPACE)`, each kind once. */
export function spacesNamed(value: string): string {
  return `spaces (${[...new Set(value)].map(spaceName).join(', ')})`;
}
