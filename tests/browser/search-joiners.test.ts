/**
 * Words spelled with a zero-width non-joiner or joiner (tests/fixtures/joiners): Persian's
 * `می‌خواهم`, Hindi's `क्‍षमता` after a virama, which paper files may write (allowedJoinerAt,
 * src/content/characters.ts). Many keyboards type such a word without the joiner, so a page may
 * have it either way and a reader may type it either way: each finds the other.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type OpenSite } from './helpers.ts';
import { openAnsweredSearch, resultLinks } from './search-helpers.ts';

let site: OpenSite;
let page: Page;

useSite('tests/fixtures/joiners', { onOpen: (opened) => (site = opened), onPage: (fresh) => (page = fresh) });

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const JOINED = 'A fictional paper on reading Persian';
const UNJOINED = 'A fictional paper on writing Persian';

const ROWS: { query: string; why: string; titles: string[] }[] = [
  { query: `می${ZWNJ}خواهم`, why: 'as the page writes it', titles: [JOINED] },
  { query: 'میخواهم', why: 'typed without the page’s non-joiner', titles: [JOINED] },
  { query: 'نمیدانم', why: 'as the page writes it', titles: [UNJOINED] },
  { query: `نمی${ZWNJ}دانم`, why: 'typed with a non-joiner the page does not have', titles: [UNJOINED] },
  { query: 'क्षमता', why: 'one page with the joiner after the virama, one without', titles: [JOINED, UNJOINED] },
  { query: `क्${ZWJ}षमता`, why: 'the same, typed with the joiner', titles: [JOINED, UNJOINED] },
  { query: `Persian می${ZWNJ}خواهم`, why: 'beside a Latin word', titles: [JOINED] },
];

describe('a word with or without its joiner', () => {
  it.each(ROWS)('$query ($why)', async ({ query, titles }) => {
    await openAnsweredSearch(page, `${site.server.url}search/?q=${encodeURIComponent(query)}`);
    expect((await resultLinks(page).allTextContents()).map((text) => text.trim()).sort()).toEqual([...titles].sort());
  });
});

describe('"Did you mean" beside a word with its joiner', () => {
  it.each([
    [`می${ZWNJ}خواهم Persain`, `می${ZWNJ}خواهم Persian`],
    [`Persain می${ZWNJ}خواهم`, `Persian می${ZWNJ}خواهم`],
    [`क्${ZWJ}षमता Persain`, `क्${ZWJ}षमता Persian`],
  ])('%s: the word not corrected keeps its joiner as typed', async (query, expected) => {
    await openAnsweredSearch(page, `${site.server.url}search/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('#search-status a.search-suggestion').textContent()).toBe(expected);
  });
});
