import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS_11 } from '../helpers/hostile-kinds-11.ts';

/**
 * The eleventh pass's hostile kinds (tests/helpers/hostile-kinds-11.ts: keys that are no text, bidi
 * isolates, blank titles, ISO week dates, comma-string tags, a document's TeX in math, hidden
 * javascript: links, an open comment) as one content folder: `npm run check` refuses each it must,
 * naming its field, in lines a terminal shows as text; the rest (an abstract of math only, escaped
 * markup) build into a site every consumer reads as safe data, the escaped markup shown as text.
 */
/** Every element under a node, in document order. */
function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

describe('hostile kinds, eleventh pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { kept, outDir } = await checkThenBuildKinds('kinds11', HOSTILE_KINDS_11);
    expect(kept.map((kind) => kind.id)).toEqual(['body-math-only', 'body-escaped-markup']);
    // The character references are the abstract's text: the page shows them as `<script>`, no element.
    const page = fromHtml(readFileSync(join(outDir, 'papers', 'body-escaped-markup', 'index.html'), 'utf8'));
    const abstract = elements(page).find(
      (node) => node.tagName === 'section' && String(node.properties.className) === 'abstract',
    )!;
    const paragraph = elements(abstract).find((node) => node.tagName === 'p')!;
    expect(toText(paragraph)).toBe('An abstract on <script> tags & their kin.');
    expect(elements(abstract).filter((node) => node.tagName === 'script')).toEqual([]);
  }, 900_000);
});
