import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * What the index leaves out of a page, on top of Pagefind's own rules (it already skips `nav`,
 * `footer`, `form`, `script`…, and every page without `data-pagefind-body`, so only paper pages
 * are indexed).
 *
 * KaTeX renders each formula twice: once as MathML (for assistive technology) and once as
 * `.katex-html` (the visible, `aria-hidden` boxes). Indexing both doubles every formula in
 * excerpts, and the MathML `<annotation>` holds the TeX source (`\mathcal{O}(d^k)`), which
 * would put backslash commands into the index. Keeping only the MathML text leaves the words
 * of a formula searchable the way a reader sees them (`ReLU`, `softmax`, `σ`, `log`) without
 * any markup debris. The paper's link list (`arXiv PDF Code`) is the same on every page and
 * would only crowd excerpts.
 */
export const PAGEFIND_EXCLUDE_SELECTORS = ['.katex-html', 'annotation', '.paper-links'];

export interface PagefindOptions {
  /** Extra selectors to leave out of the index. */
  excludeSelectors?: string[];
}

/** Throws with every message Pagefind reported for a step, so a broken index fails the build. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
  }
}

/** Pages in the written index, per Pagefind's entry file (all languages). */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Builds the Pagefind search index over the finished site at `astro:build:done`, with Pagefind's
 * Node API, and writes it to `<outDir>/pagefind/`. Any error reported by Pagefind fails the build.
 */
export function pagefindIndex(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'paper-digest:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({
            excludeSelectors: [...PAGEFIND_EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])],
          });
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');

          // Only paper pages carry data-pagefind-body; reading the list pages would be wasted work.
          const added = await index.addDirectory({ path: outDir, glob: 'papers/*/index.html' });
          check('addDirectory', added.errors);
          if (added.page_count === 0) logger.warn('no pages to index (no element with data-pagefind-body)');

          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          check('writeFiles', written.errors);

          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const indexed = await indexedPages(written.outputPath);
          logger.info(`${indexed} of ${added.page_count} pages indexed in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
