import { describe, expect, it } from 'vitest';
import { pageCount, pageOf, pageSpan, paginateList, spanText } from '../../src/lib/paginate.ts';

const urlOf = (page: number) => `/authors/ada/${page > 1 ? `${page}/` : ''}`;

describe('paginateList', () => {
  it("cuts a list into pages with Astro's fields: 0-based start and end, 1-based page numbers", () => {
    const pages = paginateList(['a', 'b', 'c', 'd', 'e'], 2, urlOf);
    expect(pages.map((page) => page.data)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(
      pages.map(({ start, end, size, total, currentPage, lastPage }) => [
        start,
        end,
        size,
        total,
        currentPage,
        lastPage,
      ]),
    ).toEqual([
      [0, 1, 2, 5, 1, 3],
      [2, 3, 2, 5, 2, 3],
      [4, 4, 2, 5, 3, 3],
    ]);
  });

  it('links each page to its neighbours, the first and the last, none to itself', () => {
    const [first, middle, last] = paginateList([1, 2, 3, 4, 5], 2, urlOf);
    expect(first!.url).toEqual({
      current: '/authors/ada/',
      prev: undefined,
      next: '/authors/ada/2/',
      first: undefined,
      last: '/authors/ada/3/',
    });
    expect(middle!.url).toEqual({
      current: '/authors/ada/2/',
      prev: '/authors/ada/',
      next: '/authors/ada/3/',
      first: '/authors/ada/',
      last: '/authors/ada/3/',
    });
    expect(last!.url).toEqual({
      current: '/authors/ada/3/',
      prev: '/authors/ada/2/',
      next: undefined,
      first: '/authors/ada/',
      last: undefined,
    });
  });

  it('gives one page for a list that fits, and one empty page for an empty list, as Astro does', () => {
    expect(paginateList([1, 2], 2, urlOf)).toHaveLength(1);
    const [empty, ...more] = paginateList([], 2, urlOf);
    expect(more).toEqual([]);
    expect(empty).toMatchObject({ data: [], start: 0, end: -1, total: 0, currentPage: 1, lastPage: 1 });
    expect(empty!.url.next).toBeUndefined();
  });

  it('refuses a page size that is not a positive whole number', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => paginateList([1], size, urlOf)).toThrow(/page size/);
  });
});

describe('pageCount', () => {
  it('gives an empty list its one page, and a page more for each page size started', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(1, 50)).toBe(1);
    expect(pageCount(49, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(100, 50)).toBe(2);
    expect(pageCount(101, 50)).toBe(3);
    expect(pageCount(7, 1)).toBe(7);
  });

  it('counts the pages paginateList makes', () => {
    for (const length of [0, 1, 4, 5, 6, 10, 11]) {
      expect(paginateList(Array.from({ length }), 5, urlOf)).toHaveLength(pageCount(length, 5));
    }
  });

  it('refuses a page size or a count that cuts no list', () => {
    expect(() => pageCount(10, 0)).toThrow('page size 0');
    expect(() => pageCount(10, 2.5)).toThrow('page size 2.5');
    expect(() => pageCount(-1, 50)).toThrow('item count -1');
    expect(() => pageCount(1.5, 50)).toThrow('item count 1.5');
  });
});

describe('pageOf', () => {
  it('is the page paginateList puts each item on', () => {
    const items = Array.from({ length: 11 }, (_, index) => index);
    for (const size of [1, 2, 3, 5, 11, 50]) {
      const pages = paginateList(items, size, urlOf);
      for (const page of pages) for (const item of page.data) expect(pageOf(item, size)).toBe(page.currentPage);
    }
    expect(() => pageOf(-1, 3)).toThrow();
    expect(() => pageOf(0, 0)).toThrow();
  });
});

describe('pageSpan and spanText', () => {
  it('name the items a page lists, as paginateList cuts the list', () => {
    const items = Array.from({ length: 8 }, (_, index) => index + 1);
    const pages = paginateList(items, 3, urlOf);
    for (const page of pages) {
      expect(pageSpan(page.currentPage, 3, items.length)).toEqual({ first: page.data[0], last: page.data.at(-1) });
    }
    // Page 2 of 8 items, 3 a page, is items 4–6: not "4–8", the rest of the list.
    expect(spanText(pageSpan(2, 3, 8)!)).toBe('papers 4–6');
    expect(spanText(pageSpan(3, 3, 7)!)).toBe('paper 7');
    expect(spanText({ first: 1001, last: 1050 })).toBe('papers 1,001–1,050');
  });

  it('gives no span for a page the list does not have', () => {
    expect(pageSpan(2, 3, 3)).toBeUndefined();
    expect(pageSpan(0, 3, 3)).toBeUndefined();
    expect(pageSpan(1, 3, 0)).toBeUndefined();
    expect(() => pageSpan(1, 0, 3)).toThrow(/page size/);
  });
});
