import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { glob } from 'tinyglobby';
import { visit } from 'unist-util-visit';

/**
 * A link's or button's accessible name, near enough: its aria-label (or that it has one by
 * aria-labelledby), else its text as read, with its images' alt text. Also page-structure.ts's.
 */
export function accessibleName(node: Element): string {
  if (typeof node.properties.ariaLabel === 'string') return node.properties.ariaLabel;
  if (node.properties.ariaLabelledBy) return 'labelled';
  const read = (child: ElementContent): string => {
    if (child.type === 'text') return child.value;
    if (child.type !== 'element' || child.properties.ariaHidden === 'true') return '';
    if (child.tagName === 'img') return String(child.properties.alt ?? '');
    return child.children.map(read).join('');
  };
  return node.children.map(read).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Names that stand for more than one thing on a page of a built site, as `file: "name" → …`: a
 * link name that leads to two places ("arXiv" for fifty papers), or two buttons of one name
 * (fifty "Save"). Assistive technology lists a page's links and buttons by name, out of context.
 * What is `hidden` is not read; a script names what it shows (the Save toggles: see the browser
 * test tests/browser/reading-list.test.ts).
 */
export async function ambiguousNames(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of (await glob('**/*.html', { cwd: outDir })).sort()) {
    const targets = new Map<string, Set<string>>();
    visit(fromHtml(await readFile(join(outDir, file), 'utf8')), 'element', (node: Element) => {
      const isLink = node.tagName === 'a' && typeof node.properties.href === 'string';
      if (!isLink && node.tagName !== 'button') return;
      if (node.properties.hidden) return;
      const name = accessibleName(node);
      const seen = targets.get(name) ?? new Set();
      seen.add(isLink ? String(node.properties.href) : `button ${seen.size + 1}`);
      targets.set(name, seen);
    });
    for (const [name, seen] of targets)
      if (seen.size > 1) problems.push(`${file}: "${name}" → ${[...seen].join(', ')}`);
  }
  return problems;
}
