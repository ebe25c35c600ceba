import { describe, expect, it } from 'vitest';
import { countOf, listedPapersSentence, paperCount } from '@/lib/count.ts';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(paperCount(1)).toBe('1 paper');
    expect(paperCount(0)).toBe('0 papers');
    expect(paperCount(2)).toBe('2 papers');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('groups thousands the same way wherever it runs', () => {
    expect(paperCount(10000)).toBe('10,000 papers');
    expect(countOf(1234567, 'author')).toBe('1,234,567 authors');
  });
});

describe('listedPapersSentence', () => {
  it('names an order only where there are two papers or more to order', () => {
    expect(listedPapersSentence(0)).toBe('No papers in the digest yet.');
    expect(listedPapersSentence(1, 'by Ada Lovelace')).toBe('1 paper by Ada Lovelace in the digest.');
    expect(listedPapersSentence(1)).toBe('1 paper in the digest.');
    expect(listedPapersSentence(2, 'by Ada Lovelace')).toBe('2 papers by Ada Lovelace in the digest, newest first.');
    expect(listedPapersSentence(12_345)).toBe('12,345 papers in the digest, newest first.');
  });
});
