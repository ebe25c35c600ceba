/**
 * How many of a paper's authors a list shows. A paper's own page, its `.bib` and its citation tags
 * name every author; everything that lists a paper among others (cards on the home, day, topic
 * and author pages, feed items, the reading list) names the first few and says how many more
 * there are. Physics collaborations write thousands of names: listed in full on each of their
 * authors' pages and feeds, one paper of 500 authors made 35 MB of the site (each name once on
 * 500 pages), where shortened it makes a few hundred KB.
 */

import { isolatedIfRightToLeft } from './direction.ts';

/** A list shows every name of a paper with at most this many authors. */
export const LISTED_AUTHORS = 10;

/** A longer list is cut after this many names (then the list's own author, if later, and a count). */
export const AUTHORS_BEFORE_CUT = 8;

/** The `author` field of a `.bib` that lists a paper among others holds at most this many names, then `and others`. */
export const BIBTEX_LISTED_AUTHORS = 20;

/** A shortened author list: the names shown, in the paper's order, and how many are not shown. */
export interface ShortAuthorList {
  /**
   * The names shown, with their place in the paper's list: the first ones, then the author the
   * list belongs to when that one comes later (so `index` may jump: a gap a reader should see).
   */
  shown: { name: string; index: number }[];
  /** Authors not shown. */
  others: number;
}

/**
 * The names a list shows of `authors`: all of them up to LISTED_AUTHORS, else the first
 * AUTHORS_BEFORE_CUT, plus the author at `keep` (the author whose page or feed this is) when that
 * one comes later, and the count of the rest. Linear in the names shown, not in `authors`.
 */
export function shortAuthorList(authors: readonly string[], keep?: number): ShortAuthorList {
  if (authors.length <= LISTED_AUTHORS) {
    return { shown: authors.map((name, index) => ({ name, index })), others: 0 };
  }
  const shown = authors.slice(0, AUTHORS_BEFORE_CUT).map((name, index) => ({ name, index }));
  if (keep !== undefined && keep >= AUTHORS_BEFORE_CUT && keep < authors.length) {
    shown.push({ name: authors[keep]!, index: keep });
  }
  return { shown, others: authors.length - shown.length };
}

/**
 * What goes before the name at `position` of a shortened list: nothing first, then a comma, and
 * an ellipsis where names are left out between two shown (`A, B, …, K`).
 */
export function authorSeparator(list: ShortAuthorList, position: number): string {
  if (position === 0) return '';
  return list.shown[position]!.index === list.shown[position - 1]!.index + 1 ? ', ' : ', …, ';
}

/**
 * A shortened list as text, as a card shows it: `A, B, …, K, and 491 others`. Where a list
 * written as text stands for the authors (a feed item's byline), so that no reader takes the
 * names shown for all of them.
 */
export function shortAuthorText(list: ShortAuthorList): string {
  // Plain text has no <bdi>: each name isolated in its own direction, so right-to-left names keep their order.
  const names = list.shown
    .map(({ name }, position) => `${authorSeparator(list, position)}${isolatedIfRightToLeft(name)}`)
    .join('');
  return list.others > 0 ? `${names}, ${othersText(list.others)}` : names;
}

/** `and 1 other`, `and 491 others`. */
export function othersText(others: number): string {
  return `and ${others.toLocaleString('en-US')} ${others === 1 ? 'other' : 'others'}`;
}

/**
 * The names a shortened list shows, and nothing else: for feeds, whose readers (and reference
 * managers reading `dc:creator` or a JSON Feed's authors) take every entry for an author, so the
 * count (`and 491 others`) is never one; the item links the paper's page, which names everyone.
 */
export function shownAuthorNames(authors: readonly string[], keep?: number): string[] {
  return shortAuthorList(authors, keep).shown.map(({ name }) => name);
}
