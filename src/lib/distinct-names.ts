/**
 * Two papers of one page may have the same title (a paper and its follow-up, a common phrase).
 * Links and buttons named by the title alone would then read the same ("Save “Attention”",
 * twice) in a screen reader's list of them, out of context. These functions say what tells such
 * papers apart, to add to those names only where a title repeats.
 */

import { formatDate } from './dates.ts';

/**
 * A paper's digest day as a detail that tells it apart (`digest of June 15, 2024`): said as the
 * day it was published in the digest, as an arXiv id is said `arXiv:…`, never as a bare date,
 * which a listener takes for the paper's own.
 */
export function digestDayDetail(date: string): string {
  return `digest of ${formatDate(date)}`;
}

/** A title as a listener hears it: case, spacing and Unicode forms do not tell two apart. */
export const heard = (title: string) => title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');

/**
 * For each item whose title another item of `items` shares, the words that tell it from those:
 * the first kind of detail (`details` lists them in order of preference, e.g. date, then arXiv id,
 * then the paper's id) that every item of the group has and no two of them share. The last kind
 * must be unique on its own (the paper's id is). Items with a title of their own are left out.
 */
export function titleDetails<Item>(
  items: readonly Item[],
  title: (item: Item) => string,
  details: (item: Item) => readonly (string | undefined)[],
): Map<Item, string> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = heard(title(item));
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const found = new Map<Item, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const kinds = group.map(details);
    const count = Math.max(...kinds.map((kind) => kind.length));
    const telling = (index: number) => {
      const values = kinds.map((kind) => kind[index]);
      return values.every((value) => value !== undefined) && new Set(values).size === values.length;
    };
    let chosen = count - 1;
    for (let index = 0; index < count; index++) {
      if (telling(index)) {
        chosen = index;
        break;
      }
    }
    group.forEach((item, position) => found.set(item, kinds[position]![chosen] ?? kinds[position]!.at(-1)!));
  }
  return found;
}

/** A title with what tells it apart, as a name says it: `“Attention” (arXiv:1706.03762)`. */
export function quotedTitle(title: string, detail?: string): string {
  return detail ? `“${title}” (${detail})` : `“${title}”`;
}
