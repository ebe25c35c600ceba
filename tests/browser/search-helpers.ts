/**
 * Search-specific helpers for browser tests: read the search page's answer, read the Pagefind
 * index through Pagefind's own browser API, and compare texts without caring about spacing or
 * punctuation.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PAGEFIND_EXCLUDE_SELECTORS } from '../../src/integrations/pagefind.ts';

/** The title links of the search page's results, in the order it shows them. */
export const resultLinks = (page: Page): Locator => page.locator('[data-search-results] .search-result-title a');

/**
 * Opens the search page at `address` (with its query in the URL) and waits until it has answered:
 * its status says what it found, or that no paper matched. Returns the status line.
 */
export async function openAnsweredSearch(page: Page, address: string): Promise<Locator> {
  await page.goto(address);
  const status = page.locator('#search-status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/found|No paper/);
  return status;
}

export interface IndexedPage {
  url: string;
  /** The whole indexed text of the page. */
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Every page in the index (`term` null) or every match for `term`, loaded with Pagefind's JS API
 * in `page` (which must be a page of the built site).
 */
export async function searchIndex(page: Page, siteUrl: string, term: string | null): Promise<IndexedPage[]> {
  const bundle = `${siteUrl}pagefind/pagefind.js`;
  const base = new URL(siteUrl).pathname;
  // A string, not a function: Vitest would rewrite a function's `import()` for Node.
  const script = `(async () => {
    const pagefind = await import(${JSON.stringify(bundle)});
    await pagefind.options({ baseUrl: ${JSON.stringify(base)} });
    const { results } = await pagefind.search(${JSON.stringify(term)});
    const pages = await Promise.all(results.map((result) => result.data()));
    return pages.map(({ url, content, excerpt, meta, filters }) => ({ url, content, excerpt, meta, filters }));
  })()`;
  return await page.evaluate<IndexedPage[]>(script);
}

/**
 * The text Pagefind should index for a paper page, computed in the browser from the page's HTML:
 * the `data-pagefind-body` element without what Pagefind skips by itself, what is marked
 * `data-pagefind-ignore`, and the integration's exclude selectors. Each formula counts once, as
 * the TeX of the hidden span before it: KaTeX's markup (`.katex`, its MathML and its visible
 * boxes) is left out here whatever the integration's list says, so a change there shows.
 */
export async function expectedIndexText(page: Page, pageUrl: string): Promise<string> {
  return page.evaluate(
    async ({ pageUrl, excluded }) => {
      const html = await (await fetch(pageUrl)).text();
      const document = new DOMParser().parseFromString(html, 'text/html');
      const bodies = [...document.querySelectorAll('[data-pagefind-body]')];
      return bodies
        .map((body) => {
          for (const node of body.querySelectorAll(excluded.join(','))) node.remove();
          return body.textContent ?? '';
        })
        .join(' ');
    },
    {
      pageUrl,
      excluded: [
        '.katex',
        ...PAGEFIND_EXCLUDE_SELECTORS,
        '[data-pagefind-ignore]',
        'script',
        'style',
        'template',
        'noscript',
        'nav',
        'footer',
        'form',
        'svg',
      ],
    },
  );
}

/** Letters and digits only, lower-cased: a text's "skeleton", blind to spacing and punctuation. */
export function skeleton(text: string): string {
  return text
    .replace(/<\/?mark>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Pagefind's excerpt as plain text (it is HTML-escaped, with `<mark>` around matches). */
export function excerptText(excerpt: string): string {
  return excerpt
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
