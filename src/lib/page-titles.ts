/**
 * The shapes of the site's page and feed titles, in one place, so that no two pages (and no two
 * feeds) can have one title, whatever names strangers give papers, authors and topics:
 *
 * - the site's own pages have names of its own words (SITE_PAGE_NAMES, a year, a month, a day);
 * - an author's or a topic's list says what it is and quotes the name (listTitle): `Papers by
 *   “Ada Lovelace”`, `Papers on “Robotics” — page 2 of 5`. The quotes end the name, so a name
 *   that ends like a page (`X — page 2 of 5`) stays a name on its page 1;
 * - a feed is titled as its list's page 1, after the site's name (listFeedTitle);
 * - a paper's page is titled with the paper's title, which may be anything (titles compared as
 *   heard, distinct-names.ts, as two papers' are): where it reads as one
 *   of the shapes above (readsAsSitePageTitle), the paper page adds what tells it apart, as it
 *   does for two papers of one title (src/components/paper-details.ts).
 */

import { formatDateWithWeekday, monthName } from './dates.ts';
import { heard } from './distinct-names.ts';
import { pageSuffix } from './paginate.ts';

/** The `<title>`s (before ` · <site>`) of the site's pages that are not lists of a name or a date. */
export const SITE_PAGE_NAMES = {
  about: 'About',
  archive: 'Archive',
  authors: 'Authors',
  notFound: 'Page not found',
  // about.md, search.astro and saved.astro write their own titles; these are them.
  saved: 'Your reading list',
  search: 'Search',
  subscribe: 'Subscribe',
  topics: 'Topics',
} as const;

/**
 * The names of the links every page has besides its pages' names (BaseLayout): the home page's
 * in the header, the skip link. A paper or an author of one of these names would give a second
 * place to a link name, as one of SITE_PAGE_NAMES would.
 */
export const SITE_LINK_NAMES = { latest: 'Latest', skip: 'Skip to content' } as const;

/** What a list of papers is a list of: an author's papers or a topic's. */
export type ListKind = 'author' | 'topic';

const LIST_WORDS: Record<ListKind, string> = { author: 'Papers by', topic: 'Papers on' };

/**
 * The title of page `page` of an author's or a topic's list, in its three parts: what the list
 * is with the opening quote, the name, then the closing quote and, from page 2 on, which page it
 * is (`Papers on “`, `Robotics`, `” — page 2 of 5`). The page's `<title>` (listTitle) and its
 * `<h1>` (which isolates the name's direction) both say it so: the quotes end the name, so a topic
 * named `X — page 2 of 5` reads as its own page 1, not as page 2 of `X`.
 */
export function listTitleParts(
  kind: ListKind,
  name: string,
  page: number,
  lastPage: number,
): readonly [lead: string, name: string, tail: string] {
  return [`${LIST_WORDS[kind]} “`, name, `”${pageSuffix(page, lastPage)}`];
}

/** The `<title>` of page `page` of an author's or a topic's list (`Papers on “Robotics” — page 2 of 5`). */
export function listTitle(kind: ListKind, name: string, page: number, lastPage: number): string {
  return listTitleParts(kind, name, page, lastPage).join('');
}

/**
 * The title of an author's or a topic's feed: the site's name, then the list's as its page 1 is
 * titled (`Paper Digest: Papers by “Ada Lovelace”`). One wording for a list in a browser tab and
 * in a feed reader, and as the name is quoted, an author and a topic of one name have two feeds
 * a reader tells apart.
 */
export function listFeedTitle(site: { title: string }, kind: ListKind, name: string): string {
  return `${site.title}: ${listTitle(kind, name, 1, 1)}`;
}

const words = (list: readonly string[]) => list.map((word) => heard(word)).join('|');
const MONTHS = words(Array.from({ length: 12 }, (_, index) => monthName(index + 1)));
// Seven days in a row give the seven weekday names, as formatDateWithWeekday writes them.
const WEEKDAYS = words(
  Array.from({ length: 7 }, (_, index) => formatDateWithWeekday(`2024-01-0${index + 1}`).split(',')[0]!),
);
const DATE_TITLE = new RegExp(`^(?:\\d+|(?:${MONTHS}) \\d+|(?:${WEEKDAYS}), (?:${MONTHS}) \\d+, \\d+)$`, 'u');
const LIST_TITLE = new RegExp(`^(?:${words(Object.values(LIST_WORDS))}) “`, 'u');
const PAGE_SUFFIX = / — page [\d,]+ of [\d,]+$/u;
const NAMES: ReadonlySet<string> = new Set(
  [...Object.values(SITE_PAGE_NAMES), ...Object.values(SITE_LINK_NAMES)].map(heard),
);

/**
 * Whether a paper's title reads as the title of a page of the site that is not a paper: one of
 * its own pages, a year, month or day, an author's or a topic's list, any of them on a later page,
 * or as the name of a link every page has (SITE_LINK_NAMES, the site's title `siteTitle`). Such a
 * paper's page adds what tells it apart to its title, and its links to their names.
 */
export function readsAsSitePageTitle(title: string, siteTitle?: string): boolean {
  const text = heard(title).replace(PAGE_SUFFIX, '');
  return (
    NAMES.has(text) ||
    (siteTitle !== undefined && text === heard(siteTitle)) ||
    DATE_TITLE.test(text) ||
    LIST_TITLE.test(text)
  );
}
