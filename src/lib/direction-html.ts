import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { directionAttribute, hasRightToLeft } from './direction.ts';

/**
 * The blocks of an abstract that the stylesheet gives `unicode-bidi: plaintext` (global.css's
 * `.abstract :is(…)`): each is a paragraph of its own, whose direction the browser finds.
 */
const BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'td']);

/**
 * Rendered abstract HTML (a page's or a card's excerpt) with `dir` on each block whose letters
 * mostly run the other way than its first letter (directionAttribute, src/lib/direction.ts). The
 * attribute is written into the HTML as it is, every other byte kept; HTML without a
 * right-to-left letter, which never needs one, is returned unread.
 */
export function withBlockDirections(html: string): string {
  if (!hasRightToLeft(html)) return html;
  const inserts: { at: number; text: string }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    if (!BLOCKS.has(node.tagName) || node.properties.dir !== undefined) return;
    const dir = directionAttribute(ownText(node.children));
    const start = node.position?.start.offset;
    // After `<p`: the tag's name as written is as long as its lowercase name.
    if (dir && start !== undefined) inserts.push({ at: start + 1 + node.tagName.length, text: ` dir="${dir}"` });
  });
  let out = html;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/**
 * A block's own text as the browser's bidi algorithm reads it: without its formulas (KaTeX's
 * `.katex` is an inline block, one neutral character to the paragraph around it), without text
 * that is not laid out in it (`hidden`, as the TeX kept for search, and `.visually-hidden`, taken
 * out of the flow) and without the blocks inside it (a list item's paragraphs), which are
 * paragraphs of their own.
 */
function ownText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || BLOCKS.has(node.tagName) || outsideText(node)) return '';
      return ownText(node.children);
    })
    .join('');
}

const OUTSIDE_CLASSES = ['katex', 'katex-display', 'visually-hidden'];

function outsideText(node: Element): boolean {
  const classes = node.properties.className;
  return (
    node.tagName === 'math' ||
    Boolean(node.properties.hidden) ||
    (Array.isArray(classes) && OUTSIDE_CLASSES.some((name) => classes.includes(name)))
  );
}
