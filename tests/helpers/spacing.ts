import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { glob } from 'tinyglobby';

/**
 * Elements whose words run on with their neighbours' in the page's text (what is copied, what a
 * text-based reader or an accessible name made from it reads), whatever the stylesheet shows.
 */
const INLINE = new Set(['a', 'abbr', 'b', 'button', 'cite', 'code', 'em', 'i', 'kbd', 'q', 'span', 'strong', 'time']);

/** Paper content (abstracts, formulas) is written by authors, not by the templates: not checked. */
const isContent = (node: Element) => {
  const classes = node.properties.className;
  return Array.isArray(classes) && (classes.includes('abstract') || classes.includes('katex'));
};

const starts = (text: string) => /^[\p{L}\p{N}]/u.test(text);
const ends = (text: string) => /[\p{L}\p{N},.;:]$/u.test(text);
/** The text of a node as assistive technology reads it: without what is hidden from it. */
const textOf = (node: ElementContent): string => {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || node.properties.ariaHidden === 'true' || node.properties.hidden) return '';
  return node.children.map(textOf).join('');
};

/**
 * Where a page's own words touch an inline element with no space between them, as in
 * `in the<a>archive</a>` or `<a>topics</a>or the`: Astro's JSX whitespace rule (compressHTML
 * 'jsx', Astro 7's default) drops a line break between text and an element, or between two
 * elements, so a template that breaks its line there prints two words as one. Returns
 * `file: …words…` for each.
 */
export async function joinedWords(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of (await glob('**/*.html', { cwd: outDir })).sort()) {
    const tree: Root = fromHtml(await readFile(join(outDir, file), 'utf8'));
    const visit = (parent: Root | Element) => {
      const children = (parent.children as (Root | Element)['children'][number][]).filter(
        (child): child is Element | Text => child.type === 'text' || child.type === 'element',
      );
      children.forEach((node, index) => {
        const next = children[index + 1];
        if (next) {
          const inline = (child: ElementContent) => child.type === 'element' && INLINE.has(child.tagName);
          const left = textOf(node);
          const right = textOf(next);
          // Two elements side by side too: a flex row shows them apart, but their text runs on
          // ('← Newer dayDecember 1, 2024' was a link's name, '20258 papers' a heading).
          const touching = (inline(node) || node.type === 'text') && (inline(next) || next.type === 'text');
          if (touching && ends(left) && starts(right))
            problems.push(`${file}: …${left.slice(-20)}|${right.slice(0, 20)}…`);
        }
        if (node.type === 'element' && !isContent(node) && node.tagName !== 'script' && node.tagName !== 'style') {
          visit(node);
        }
      });
    };
    visit(tree);
  }
  return problems;
}
