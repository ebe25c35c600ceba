import { describe, expect, it } from 'vitest';
import { MATH_VARIANTS, mathVariantChar, mathVariantText } from '../../src/lib/math-letters.ts';

const LATIN = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const DIGITS = [...'0123456789'];
const GREEK = [...'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρςστυφχψωϴ∇∂ϵϑϰϕϱϖ'];

describe('Unicode mathematical letters', () => {
  it('spells what the issue names as it shows on the page', () => {
    expect(mathVariantText('R', 'double-struck')).toBe('ℝ');
    expect(mathVariantText('CHNPQRZ', 'double-struck')).toBe('ℂℍℕℙℚℝℤ');
    expect(mathVariantText('C', 'script')).toBe('𝒞');
    expect(mathVariantText('BEFHILMR', 'script')).toBe('ℬℰℱℋℐℒℳℛ');
    expect(mathVariantText('ego', 'script')).toBe('ℯℊℴ');
    expect(mathVariantText('F', 'fraktur')).toBe('𝔉');
    expect(mathVariantText('CHIRZ', 'fraktur')).toBe('ℭℌℑℜℨ');
    expect(mathVariantText('h', 'italic')).toBe('ℎ');
    expect(mathVariantText('x1', 'bold')).toBe('𝐱𝟏');
    expect(mathVariantText('α', 'bold-italic')).toBe('𝜶');
    expect(mathVariantText('A', 'monospace')).toBe('𝙰');
    expect(mathVariantText('a b', 'bold')).toBe('𝐚 𝐛');
  });

  it('maps every letter, digit and Greek letter to an assigned character that is the same letter in another style', () => {
    for (const variant of MATH_VARIANTS) {
      const seen = new Set<string>();
      for (const char of [...LATIN, ...DIGITS, ...GREEK]) {
        const styled = mathVariantChar(char, variant);
        if (styled === undefined) continue;
        // Compatibility decomposition takes a styled letter back to its plain letter.
        expect(styled.normalize('NFKC'), `${variant} ${char}`).toBe(char.normalize('NFKC'));
        expect(styled, `${variant} ${char}`).not.toMatch(/\p{Cn}/u);
        expect(styled).not.toBe(char);
        seen.add(styled);
      }
      // Every Latin letter has a form in every variant; distinct letters get distinct characters.
      expect(
        LATIN.every((char) => mathVariantChar(char, variant) !== undefined),
        variant,
      ).toBe(true);
      expect(seen.size, variant).toBe(
        [...LATIN, ...DIGITS, ...GREEK].filter((char) => mathVariantChar(char, variant) !== undefined).length,
      );
    }
    // Different variants never give the same character for a letter.
    for (const char of LATIN) {
      const forms = MATH_VARIANTS.map((variant) => mathVariantChar(char, variant));
      expect(new Set(forms).size, char).toBe(MATH_VARIANTS.length);
    }
  });

  it('gives nothing where Unicode has nothing, so the caller keeps the attribute', () => {
    expect(mathVariantText('α', 'double-struck')).toBeUndefined();
    expect(mathVariantText('1', 'script')).toBeUndefined();
    expect(mathVariantText('é', 'bold')).toBeUndefined();
    expect(mathVariantText('R', 'normal')).toBeUndefined();
    expect(mathVariantText('R', 'nonsense')).toBeUndefined();
  });
});
