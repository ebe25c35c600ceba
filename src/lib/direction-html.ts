import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { directionAttribute, hasRightToLeft, hasLetterOfOtherScript, scriptLanguage } from './direction.ts';

/**
 * The blocks of an abstract that the stylesheet gives `unicode-bidi: plaintext` (global.css's
 * `.abstract :is(…)`): each is a paragraph of its own, whose direction the browser finds.
 */
const BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'td']);

/**
 * Rendered abstract HTML (a page's or a card's excerpt) with `dir` on each block whose letters
 * mostly run the other way than its first letter (directionAttribute, src/lib/direction.ts), and
 * `lang` on each block most of whose letters are of one script other than Latin (scriptLanguage:
 * `und-Cyrl`, as on the title), which the page's `lang="en"` would have read as English. The
 * attributes are written into the HTML as it is, every other byte kept; HTML without a
 * right-to-left letter or a letter of another script than Latin and Greek, which needs neither, is
 * returned unread (Greek letters are a formula's in most abstracts: a block wholly in Greek letters
 * beside no other script gets no `lang`).
 */
export function withBlockDirections(html: string): string {
  if (!hasRightToLeft(html) && !hasLetterOfOtherScript(html)) return html;
  const inserts: { at: number; text: string }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    if (!BLOCKS.has(node.tagName) || node.properties.dir !== undefined) return;
    const text = ownText(node.children);
    const dir = directionAttribute(text);
    const lang = node.properties.lang === undefined ? scriptLanguage(text) : undefined;
    const attributes = `${dir ? ` dir="${dir}"` : ''}${lang ? ` lang="${lang}"` : ''}`;
    const start = node.position?.start.offset;
    // After `<p`: the tag's name as written is as long as its lowercase name.
    if (attributes && start !== undefined) inserts.push({ at: start + 1 + node.tagName.length, text: attributes });
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
