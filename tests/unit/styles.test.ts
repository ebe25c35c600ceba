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
