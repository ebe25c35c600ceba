import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

/** The custom properties that the rule for `selector` in global.css sets, by name. */
function customProperties(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `global.css has no rule for ${selector}`).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name, value]));
}

describe('the dark theme in global.css', () => {
  // CSS cannot share one block between a media query (the system's choice) and a selector (the
  // reader's toggle), so the palette is written twice: the two must stay one palette.
  it('is the same palette whether the system or the reader’s toggle asks for it', () => {
    const system = customProperties(":root:not([data-theme='light'])");
    const toggled = customProperties(":root[data-theme='dark']");
    expect(Object.keys(system)).toContain('--bg');
    expect(toggled).toEqual(system);
  });
});

/** WCAG 2's relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  expect(hex, 'a colour written #rrggbb').toMatch(/^#[\da-f]{6}$/i);
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2's contrast ratio of two colours. */
function contrast(one: string, other: string): number {
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('contrast of both themes (WCAG 2 AA)', () => {
  // Text is body text (--text), secondary text (--muted: dates, counts, notes) and links and pressed
  // controls (--accent), on the page (--bg), cards and boxes (--surface) and tags, pressed toggles
  // and month cells (--accent-soft); a tag under the pointer is --bg on --accent. The focus ring
  // (--focus) is no text: 3:1 against what it is drawn on (WCAG 1.4.11).
  const TEXT = ['--text', '--muted', '--accent'];
  const GROUNDS = ['--bg', '--surface', '--accent-soft'];
  for (const [theme, selector] of [
    ['light', ':root'],
    ['dark', ":root[data-theme='dark']"],
  ] as const) {
    const palette = customProperties(selector);
    it.each(TEXT.flatMap((text) => GROUNDS.map((ground) => [text, ground])))(
      `${theme}: %s on %s is at least 4.5:1`,
      (text, ground) => {
        expect(contrast(palette[text]!, palette[ground]!)).toBeGreaterThanOrEqual(4.5);
      },
    );
    it(`${theme}: a tag under the pointer (--bg on --accent) is at least 4.5:1`, () => {
      expect(contrast(palette['--bg']!, palette['--accent']!)).toBeGreaterThanOrEqual(4.5);
    });
    it.each(GROUNDS)(`${theme}: the focus ring is at least 3:1 against %s`, (ground) => {
      expect(contrast(palette['--focus']!, palette[ground]!)).toBeGreaterThanOrEqual(3);
    });
  }
});
