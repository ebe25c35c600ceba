import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { escapeHtml } from '../../src/lib/encode/html.ts';
import { descriptionOfHtml, descriptionText } from '../../src/lib/plain-text.ts';
import { HOSTILE_PIECES, hostileStrings, seededRandom } from '../helpers/hostile.ts';

/**
 * Descriptions (meta description, Open Graph, RSS description, JSON Feed content_text) are text
 * that programs decode once and may show as HTML: property tests over hostile and random strings,
 * seeded so a failure can be reproduced (the project's own generator: fast-check is not installed).
 */

/** Strings of any code points, weighted to the characters that matter here. */
function randomStrings(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = (text: string) => text[Math.floor(random() * text.length)]!;
  const anyCodePoint = () => {
    const roll = random();
    if (roll < 0.5) return pick('\\{}<>&#;/!?$%_^~ aZx1lt');
    if (roll < 0.8) return String.fromCharCode(0x20 + Math.floor(random() * 0x5f));
    if (roll < 0.95) return String.fromCodePoint(Math.floor(random() * 0x3000));
    return String.fromCodePoint(Math.floor(random() * 0x110000));
  };
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 60) }, anyCodePoint).join(''));
}

const inputs = [
  ...hostileStrings(7, 400),
  ...hostileStrings(8, 200, [...HOSTILE_PIECES, '\\emph{', '\\textbf', '{\\bf ', '\\<', '\\>', '&lt;', '&#x3C;']),
  ...randomStrings(9, 600),
  '<img src=x onerror=alert(1)>',
  '\\<img src=x onerror=alert(1)\\>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&amp;lt;script&amp;gt;',
  '<!-- comment --> <![CDATA[ x ]]> <?xml x?> </p>',
  '\\emph{unbalanced {brace} and \\textbf{bold}} }{ \\\\ \\',
];

/** What a description must never hold: markup, a character reference, TeX, controls. */
function expectDescription(description: string, input: string): void {
  const label = JSON.stringify(input);
  // Decoded once more and read as HTML (a careless reader): text only, the same text.
  const asHtml = fromHtml(description, { fragment: true });
  expect(
    asHtml.children.filter((node) => node.type !== 'text'),
    label,
  ).toEqual([]);
  expect(description, label).not.toMatch(/<[A-Za-z/!?]/);
  expect(description, label).not.toMatch(/&(?:#|[A-Za-z][A-Za-z0-9]*;)/);
  // No TeX debris: no backslash at all, and every brace matched.
  expect(description, label).not.toContain('\\');
  let depth = 0;
  for (const char of description) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    expect(depth, label).toBeGreaterThanOrEqual(0);
  }
  expect(depth, label).toBe(0);
  expect(description, label).not.toMatch(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|\s\s|^\s|\s$/u);
  expect(description.isWellFormed(), label).toBe(true);
  // Made again, it is the same.
  expect(descriptionText(description), label).toBe(description);
}

describe('descriptionText', () => {
  it('makes any string a description', () => {
    for (const input of inputs) expectDescription(descriptionText(input), input);
  });

  it('is text to the consumer: escaped for HTML, decoded once, it is exactly the description', () => {
    for (const input of inputs) {
      const description = descriptionText(input);
      const attribute = fromHtml(`<meta content="${escapeHtml(description)}">`, { fragment: true });
      const [meta] = attribute.children;
      expect(meta?.type === 'element' && meta.properties.content, JSON.stringify(input)).toBe(description);
      expect(toText(fromHtml(`<p>${escapeHtml(description)}</p>`, { fragment: true }), { whitespace: 'pre' })).toBe(
        description,
      );
    }
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '< img src=x onerror=alert(1)>'],
    ['a </script> b <!-- c', 'a < /script> b < !-- c'],
    ['&lt;img&gt; R&D &#60;', '& lt;img& gt; R&D & #60;'],
    ['We use \\emph{sparse} attention', 'We use sparse attention'],
    ['{\\bf bold} and \\textbf{strong} and \\frac{a}{b}', 'bold and strong and ab'],
    ['costs 5\\% and \\$3 and a\\_b', 'costs 5% and $3 and a_b'],
    ['stray } brace { here', 'stray brace here'],
    ['sets {a, b} stay', 'sets {a, b} stay'],
    ['line\\\\break and \\, space and end \\', 'line break and space and end'],
    ['\\alpha\\beta', ''],
  ])('%s → %s', (input, expected) => {
    expect(descriptionText(input)).toBe(expected);
  });
});

describe('descriptionOfHtml', () => {
  it('makes any HTML a description', () => {
    for (const input of inputs) {
      expectDescription(descriptionOfHtml(input), input);
      expectDescription(descriptionOfHtml(`<p>${input}</p><p>${escapeHtml(input)}</p>`), input);
    }
  });

  const describeBody = (body: string) => {
    const { rendered, problems } = renderPaperBody(body, { file: 'test.mdx', bodyLine: 1 });
    expect(problems).toEqual([]);
    return descriptionOfHtml(rendered!.html);
  };

  it.each([
    // An abstract's escaped `<` is text, and stays text: no tag after any number of decodes.
    ['Text \\<img src=x onerror=alert(1)\\> here.', 'Text < img src=x onerror=alert(1)> here.'],
    // Math is read from MathML, as Unicode: braces of set notation are symbols, a backslash an operator.
    ['Sets $\\{x : x > 0\\}$ and $A \\backslash B$ and $\\alpha$.', 'Sets {x : x > 0} and A⧵B and α.'],
    // A backslash written as text (`\\`) is text, with the word after it: it was dropped with that
    // word, as if TeX (`C:` for `C:\Users\x`), though the page shows it.
    ['A path C:\\\\Users\\\\x here.', 'A path C:⧵Users⧵x here.'],
    ['We write \\\\emph\\{x\\} and \\\\alpha in TeX.', 'We write ⧵emph{x} and ⧵alpha in TeX.'],
    ['Two: \\\\\\\\ and, in code, `\\%`.', 'Two: ⧵⧵ and, in code, ⧵%.'],
    ['Ends in a backslash \\\\', 'Ends in a backslash ⧵'],
  ])('describes the abstract %s as %s', (body, expected) => {
    expect(describeBody(body)).toBe(expected);
  });
});
