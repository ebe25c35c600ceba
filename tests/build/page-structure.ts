import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { glob } from 'tinyglobby';
import { accessibleName } from './link-names.ts';

/** The landmarks every page has, as a screen reader's list of regions shows them. */
const LANDMARKS = ['header', 'nav', 'main', 'footer'];

/**
 * What a page of a built site gets wrong in its outline, as a reader checks it, one line each
 * (`file: …`): a heading level skipped (an h3 after an h1), a landmark missing, a link or button
 * shown with no name, and a canonical address that is not the page's own absolute address under
 * the base path (the 404 page, served at any address, has none). What is `hidden`, or inside
 * something hidden, is not shown, so not read: a script names and shows it.
 */
export async function outlineProblems(outDir: string, { site, base }: { site: string; base: string }) {
  const problems: string[] = [];
  for (const file of (await glob('**/*.html', { cwd: outDir })).sort()) {
    const tree: Root = fromHtml(await readFile(join(outDir, file), 'utf8'));
    const levels: number[] = [];
    const landmarks = new Set<string>();
    const canonical: string[] = [];
    const walk = (node: Element, hidden: boolean) => {
      const shown = !hidden && node.properties.hidden === undefined;
      if (shown && /^h[1-6]$/.test(node.tagName)) levels.push(Number(node.tagName[1]));
      if (LANDMARKS.includes(node.tagName)) landmarks.add(node.tagName);
      if (node.tagName === 'link' && String(node.properties.rel) === 'canonical')
        canonical.push(String(node.properties.href));
      const control = (node.tagName === 'a' && node.properties.href !== undefined) || node.tagName === 'button';
      if (shown && control && !accessibleName(node)) problems.push(`${file}: a ${node.tagName} with no name`);
      for (const child of node.children) if (child.type === 'element') walk(child, !shown);
    };
    for (const child of tree.children) if (child.type === 'element') walk(child, false);
    levels.forEach((level, i) => {
      const before = i === 0 ? 0 : levels[i - 1]!;
      if (level > before + 1) problems.push(`${file}: h${level} after ${before ? `h${before}` : 'no heading'}`);
    });
    for (const landmark of LANDMARKS) if (!landmarks.has(landmark)) problems.push(`${file}: no <${landmark}>`);
    const own = file === '404.html' ? [] : [`${site}${base}${file.replace(/index\.html$/, '')}`];
    if (canonical.join() !== own.join())
      problems.push(`${file}: canonical ${canonical.join(', ') || 'none'}, not ${own.join() || 'none'}`);
  }
  return problems;
}
