import { describe, expect, it } from 'vitest';
import { quotedTitle, titleDetails } from '../../src/lib/distinct-names.ts';

interface Item {
  id: string;
  title: string;
  date: string;
  arxiv?: string;
}
const details = (item: Item) => [item.date, item.arxiv && `arXiv:${item.arxiv}`, item.id];
const of = (items: Item[]) => {
  const found = titleDetails(items, (item) => item.title, details);
  return items.map((item) => found.get(item));
};

describe('titleDetails', () => {
  it('adds nothing where every title is its own', () => {
    expect(
      of([
        { id: 'a', title: 'A', date: 'May 1' },
        { id: 'b', title: 'B', date: 'May 1' },
      ]),
    ).toEqual([undefined, undefined]);
  });

  it('tells repeated titles apart by the first detail that differs for all of them', () => {
    const items: Item[] = [
      { id: 'a', title: 'Twin', date: 'May 1', arxiv: '2405.00001' },
      { id: 'b', title: 'twin ', date: 'May 2', arxiv: '2405.00002' },
      { id: 'c', title: 'Other', date: 'May 2' },
    ];
    expect(of(items)).toEqual(['May 1', 'May 2', undefined]);
  });

  it('falls to the arXiv id, then the id, when dates (or arXiv ids) repeat or are missing', () => {
    expect(
      of([
        { id: 'a', title: 'Twin', date: 'May 1', arxiv: '2405.00001' },
        { id: 'b', title: 'Twin', date: 'May 1', arxiv: '2405.00002' },
      ]),
    ).toEqual(['arXiv:2405.00001', 'arXiv:2405.00002']);
    expect(
      of([
        { id: 'a', title: 'Twin', date: 'May 1', arxiv: '2405.00001' },
        { id: 'b', title: 'Twin', date: 'May 1' },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('hears titles as a screen reader does: case, spacing and compatibility forms alike', () => {
    expect(
      of([
        { id: 'a', title: 'ﬁne  Tuning', date: 'May 1' },
        { id: 'b', title: 'Fine Tuning', date: 'May 2' },
      ]),
    ).toEqual(['May 1', 'May 2']);
  });
});

describe('quotedTitle', () => {
  it('quotes the title and adds the detail after it', () => {
    expect(quotedTitle('Twin')).toBe('“Twin”');
    expect(quotedTitle('Twin', 'May 1')).toBe('“Twin” (May 1)');
  });
});
