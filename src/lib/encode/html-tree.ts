import type { Nodes } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * The HTML of a hast tree as hast-util-to-html writes it, with `<` and `>` in attribute values
 * written as `&lt;` and `&gt;` too: a paper's link title, a formula's TeX in a feed's `alttext`.
 * hast-util-to-html escapes only `"` and `&` inside a quoted value (valid HTML, and it has no
 * option for more), but pages and feeds are read by programs that find tags with a pattern (a
 * feed reader's sanitizer, with no CSP behind it; a crawler), and they read
 * `title="<img src=x onerror=…>"` as a tag. The one serializer of trees for the paper pipeline
 * (pages) and the feeds.
 *
 * The two marks are held as noncharacters while the serializer runs. A noncharacter of the input
 * itself (the check refuses them in papers) is written as U+FFFD, so only held marks become
 * references. The tree is left as it was given.
 */
export function htmlOfTree(tree: Nodes, options: Options = {}): string {
  const undo: (() => void)[] = [];
  visit(tree, (node) => {
    // Text, comments and raw HTML (KaTeX's): their own noncharacters only.
    if ('value' in node && typeof node.value === 'string' && HELD.test(node.value)) {
      const { value } = node;
      node.value = value.replace(HELD_ALL, '\uFFFD');
      undo.push(() => void (node.value = value));
    }
    if (node.type !== 'element') return;
    for (const [name, value] of Object.entries(node.properties)) {
      const parts = Array.isArray(value) ? value : [value];
      if (!parts.some((part) => typeof part === 'string' && /[<>\uFDD0\uFDD1]/.test(part))) continue;
      const held = parts.map((part) => (typeof part === 'string' ? holdMarks(part) : part));
      node.properties[name] = (Array.isArray(value) ? held : held[0]) as typeof value;
      undo.push(() => void (node.properties[name] = value));
    }
  });
  try {
    return toHtml(tree, options).replaceAll(HELD_LESS_THAN, '&lt;').replaceAll(HELD_GREATER_THAN, '&gt;');
  } finally {
    for (const step of undo) step();
  }
}

const HELD_LESS_THAN = '\uFDD0';
const HELD_GREATER_THAN = '\uFDD1';
const HELD = /[\uFDD0\uFDD1]/;
const HELD_ALL = /[\uFDD0\uFDD1]/g;

function holdMarks(value: string): string {
  return value.replace(HELD_ALL, '\uFFFD').replaceAll('<', HELD_LESS_THAN).replaceAll('>', HELD_GREATER_THAN);
}
