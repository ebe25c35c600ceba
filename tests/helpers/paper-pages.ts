import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { glob } from 'tinyglobby';
import { expect } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';

/**
 * The page-weight budget of a paper page (README, Benchmark), in KB of 1,024 bytes as measured there.
 * Raw was 25 KB until the seed got its authors' formulas back (corrections.json): a `\sqrt` is a
 * 1 KB SVG path in KaTeX's markup, and the heaviest synthetic pages reached 28 KB, 5 KB gzipped.
 * What travels is the gzipped size, and its budget is unchanged.
 */
export const PAPER_PAGE_BUDGET = { raw: 30 * 1024, gzip: 8 * 1024 };

export interface PaperPage {
  id: string;
  html: string;
  raw: number;
  gzip: number;
}

/** Every `papers/<id>/index.html` of a build, with its size raw and gzipped (as the benchmark measures). */
export async function paperPages(outDir: string): Promise<PaperPage[]> {
  const entries = await readdir(join(outDir, 'papers'), { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async ({ name: id }) => {
        const bytes = await readFile(join(outDir, 'papers', id, 'index.html'));
        return { id, html: bytes.toString('utf8'), raw: bytes.length, gzip: gzipSync(bytes).length };
      }),
  );
}

/** Fails with the pages over the budget, heaviest first. */
export function expectWithinBudget(pages: readonly PaperPage[]): void {
  expect(pages.length).toBeGreaterThan(0);
  const over = pages
    .filter((page) => page.raw > PAPER_PAGE_BUDGET.raw || page.gzip > PAPER_PAGE_BUDGET.gzip)
    .sort((a, b) => b.raw - a.raw)
    .map((page) => `${page.id}: ${page.raw} bytes, ${page.gzip} gzipped`);
  expect(over, `paper pages over ${PAPER_PAGE_BUDGET.raw} bytes or ${PAPER_PAGE_BUDGET.gzip} gzipped`).toEqual([]);
}

const classesOf = (node: Element) => node.properties.className ?? [];

/**
 * What a paper page must still hold however light it gets: MathML for every formula, and no TeX
 * source or scoped-style attribute; the BibTeX entry with its copy button and a `.bib` link.
 */
export function checkPaperPage(page: PaperPage): {
  formulas: number;
  mathml: number;
  bibtex: string;
  bibtexId: string | undefined;
  /** The BibTeX block's role and name: it takes focus (to scroll), so it needs both. */
  bibtexRole: string | undefined;
  bibtexName: string | undefined;
  bibHref: string | undefined;
  copyTarget: string | undefined;
} {
  const tree = fromHtml(page.html);
  let formulas = 0;
  let mathml = 0;
  let bibtex = '';
  let bibtexId: string | undefined;
  let bibtexRole: string | undefined;
  let bibtexName: string | undefined;
  let bibHref: string | undefined;
  let copyTarget: string | undefined;
  visit(tree, 'element', (node) => {
    if (classesOf(node).includes('katex')) formulas++;
    if (node.tagName === 'math' && node.children.length > 0) mathml++;
    if (node.tagName === 'pre' && classesOf(node).includes('bibtex')) {
      bibtex = toText(node);
      bibtexId = node.properties.id;
      bibtexRole = node.properties.role === undefined ? undefined : String(node.properties.role);
      bibtexName = node.properties.ariaLabel === undefined ? undefined : String(node.properties.ariaLabel);
    }
    if (node.tagName === 'a' && String(node.properties.href ?? '').endsWith('.bib'))
      bibHref = String(node.properties.href);
    if (node.tagName === 'button' && node.properties.dataCopyTarget)
      copyTarget = String(node.properties.dataCopyTarget);
  });
  expect(page.html, page.id).not.toContain('<annotation');
  expect(page.html, page.id).not.toContain('data-astro-cid');
  return { formulas, mathml, bibtex, bibtexId, bibtexRole, bibtexName, bibHref, copyTarget };
}

/**
 * How many formulas each paper of a content folder has, by id: typeset by the pipeline itself, so
 * a page can be checked against its source rather than against another build.
 */
export async function sourceFormulas(contentDir: string): Promise<Map<string, number>> {
  const folder = join(contentDir, 'papers');
  const counts = new Map<string, number>();
  for (const file of await glob('**/*.mdx', { cwd: folder })) {
    const { source } = parseSource(file, await readFile(join(folder, file), 'utf8'));
    const { rendered } = renderPaperBody(source!.body, { file, bodyLine: source!.bodyLine });
    const tree = fromHtml(rendered!.html, { fragment: true });
    let formulas = 0;
    visit(tree, 'element', (node) => void (classesOf(node).includes('katex') && formulas++));
    counts.set(basename(file, '.mdx'), formulas);
  }
  return counts;
}
