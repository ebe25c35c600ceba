import { describe, expect, it } from 'vitest';
import { codePointName, spaceName } from '../../src/lib/code-point.ts';

describe('spaceName', () => {
  // Every character a text field's white space is collapsed from (JavaScript's \s) has its name,
  // so a field of spaces only names what it holds.
  const spaces = Array.from({ length: 0x110000 }, (_, codePoint) => codePoint)
    .filter((codePoint) => codePoint < 0xd800 || codePoint > 0xdfff)
    .map((codePoint) => String.fromCodePoint(codePoint))
    .filter((char) => /^\s$/u.test(char));

  it.each(spaces.map((char) => [codePointName(char), char]))('names %s', (code, char) => {
    expect(spaceName(char)).toMatch(new RegExp(`^${code.replace('+', '\\+')} [A-Z][A-Z -]+$`));
  });

  it('names each as Unicode does', () => {
    expect(spaceName('\u205F')).toBe('U+205F MEDIUM MATHEMATICAL SPACE');
    expect(spaceName('\u00A0')).toBe('U+00A0 NO-BREAK SPACE');
    expect(spaceName('\u3000')).toBe('U+3000 IDEOGRAPHIC SPACE');
    expect(spaceName(' ')).toBe('U+0020 SPACE');
  });

  it('names any other character by its code point alone', () => {
    expect(spaceName('x')).toBe('U+0078');
    expect(spaceName('\u{1F600}')).toBe('U+1F600');
  });
});
