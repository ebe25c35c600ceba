import type { Page } from 'astro';

/**
 * A list cut into pages as Astro's `paginate()` cuts it (the same fields, the same numbering),
 * but with each page's URL from `urlOf`. For pages that are not rendered by their own route:
 * an author's pages are rendered inside page bundles (src/data/author-pages.ts), whose route's
 * `paginate()` would give the bundle's URLs.
 */
export function paginateList<Item>(
  items: readonly Item[],
  pageSize: number,
  urlOf: (page: number) => string,
): Page<Item>[] {
  const lastPage = pageCount(items.length, pageSize);
  return Array.from({ length: lastPage }, (_, index) => {
    const currentPage = index + 1;
    const start = index * pageSize;
    const end = Math.min(start + pageSize, items.length);
    return {
      data: items.slice(start, end),
      start,
      end: end - 1,
      size: pageSize,
      total: items.length,
      currentPage,
      lastPage,
      url: {
        current: urlOf(currentPage),
        prev: currentPage > 1 ? urlOf(currentPage - 1) : undefined,
        next: currentPage < lastPage ? urlOf(currentPage + 1) : undefined,
        first: currentPage > 1 ? urlOf(1) : undefined,
        last: currentPage < lastPage ? urlOf(lastPage) : undefined,
      },
    };
  });
}

/**
 * How many pages a list of `itemCount` items takes, cut into pages of `pageSize`: at least one,
 * as an empty list still has its first page (the one that says it is empty).
 */
export function pageCount(itemCount: number, pageSize: number): number {
  if (!Number.isInteger(itemCount) || itemCount < 0) throw new Error(`pageCount: item count ${itemCount}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageCount: page size ${pageSize}`);
  return Math.max(1, Math.ceil(itemCount / pageSize));
}

/** The page (from 1) that lists the item at `index` of a list cut into pages of `pageSize`. */
export function pageOf(index: number, pageSize: number): number {
  if (!Number.isInteger(index) || index < 0) throw new Error(`pageOf: index ${index}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageOf: page size ${pageSize}`);
  return Math.floor(index / pageSize) + 1;
}

/** The items (numbered from 1, both ends included) that one page of a list lists. */
export interface PageSpan {
  first: number;
  last: number;
}

/**
 * The items page `page` (from 1) of a list of `total` items lists, cut into pages of `pageSize`
 * as paginateList and Astro's `paginate()` cut it; undefined for a page the list does not have.
 */
export function pageSpan(page: number, pageSize: number, total: number): PageSpan | undefined {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSpan: page size ${pageSize}`);
  const first = (page - 1) * pageSize + 1;
  if (!Number.isInteger(page) || page < 1 || first > total) return undefined;
  return { first, last: Math.min(page * pageSize, total) };
}

/** What a page lists, as pagers and links to a page say it: `papers 51–100`, `paper 101`. */
export function spanText({ first, last }: PageSpan): string {
  return first === last
    ? `paper ${first.toLocaleString('en')}`
    : `papers ${first.toLocaleString('en')}–${last.toLocaleString('en')}`;
}

/**
 * The name of page `page` of a list called `name`, as both its `<title>` and its `<h1>` say it:
 * `Tuesday, June 3, 2025 — page 2 of 5` from page 2 on, the bare name on page 1 (the list's
 * canonical page). A tab, a bookmark and a screen reader's heading list then tell the pages apart.
 * For lists of the site's own names (a day, the A–Z list of authors), which never end like a page:
 * an author's or a topic's list, named by a stranger, quotes its name (listTitle, page-titles.ts).
 */
export function pagedName(name: string, page: number, lastPage: number): string {
  return page > 1 ? `${name}${pageSuffix(page, lastPage)}` : name;
}

/** What pagedName adds after the name: ` — page 2 of 5` from page 2 on, else nothing. */
export function pageSuffix(page: number, lastPage: number): string {
  return page > 1 ? ` — page ${page.toLocaleString('en')} of ${lastPage.toLocaleString('en')}` : '';
}

/**
 * The description (meta description, link previews) of page `page` of a list: the list's own on
 * its first page; from page 2 on, also which page it is and what it lists (`… Page 2 of 13:
 * papers 4–6.`), as pagedName does for the title: no two pages of a list give a search result or a
 * link preview the same words.
 */
export function pagedDescription(description: string, page: number, lastPage: number, shown?: string): string {
  if (page <= 1) return description;
  return `${description} Page ${page.toLocaleString('en')} of ${lastPage.toLocaleString('en')}${shown ? `: ${shown}` : ''}.`;
}
