/** A character as messages name it, by its Unicode code point: `U+0430`, `U+1D400`. */
export function codePointName(char: string | number): string {
  const codePoint = typeof char === 'number' ? char : char.codePointAt(0)!;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
