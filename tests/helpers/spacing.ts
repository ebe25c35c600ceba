import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { glob } from 'tinyglobby';

/** Elements that sit inside a line of text, where a missing space joins two words. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'kbd', 'q', 'strong', 'time']);

/** Paper content (abstracts, formulas) is written by authors, not by the templates: not checked. */
const isContent = (node: Element) => {
  const classes = node.properties.className;
  return Array.isArray(classes) && (classes.includes('abstract') || classes.includes('katex'));
};

const starts = (text: string) => /^[\p{L}\p{N}]/u.test(text);
const ends = (text: string) => /[\p{L}\p{N},.;:]$/u.test(text);
const textOf = (node: ElementContent) => (node.type === 'text' ? node.value : toText(node));

/**
 * Where a page's own words touch an inline element with no space between them, as in
 * `in the<a>archive</a>` or `<a>topics</a>or the`: Astro's JSX whitespace rule (compressHTML
 * 'jsx', Astro 7's default) drops a line break between text and an element, so a template that
 * breaks its line there prints two words as one. Returns `file: …words…` for each.
 */
export async function joinedWords(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of (await glob('**/*.html', { cwd: outDir })).sort()) {
    const tree: Root = fromHtml(await readFile(join(outDir, file), 'utf8'));
    const visit = (parent: Root | Element) => {
      const children = parent.children.filter(
        (child): child is ElementContent => child.type === 'text' || child.type === 'element',
      );
      children.forEach((node, index) => {
        const next = children[index + 1];
        if (next) {
          const inline = (child: ElementContent) => child.type === 'element' && INLINE.has(child.tagName);
          const left = textOf(node);
          const right = textOf(next);
          // Text beside an element; two elements side by side are laid out apart by the stylesheet
          // (flex rows of links), which a look at the HTML cannot tell.
          const touching = (node.type === 'text' && inline(next)) || (inline(node) && next.type === 'text');
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
