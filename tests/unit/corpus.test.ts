import { describe, expect, it } from 'vitest';
import { authorName, GIVEN_NAMES, syntheticAuthors } from '../../src/bench/corpus.ts';

/**
 * The benchmark corpus's authors, generated in memory (no files): at 10,000 papers they must look
 * like a real digest's (issue 15): about 25,000 distinct authors, 3 to 8 per paper, most on one
 * paper, a few on dozens, and the same lists on every run.
 */
const PAPERS = 10_000;
const lists = Array.from({ length: PAPERS }, (_, index) => syntheticAuthors(index, PAPERS));
const papersOf = new Map<string, number>();
for (const authors of lists) for (const author of authors) papersOf.set(author, (papersOf.get(author) ?? 0) + 1);
const counts = [...papersOf.values()];

/** What a slug of a name keeps: letters without accents, lower case, no spaces or punctuation. */
const folded = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

describe('benchmark corpus authors at 10,000 papers', () => {
  it('has 20,000 to 30,000 distinct authors', () => {
    expect(papersOf.size).toBeGreaterThanOrEqual(20_000);
    expect(papersOf.size).toBeLessThanOrEqual(30_000);
  });

  it('gives every paper 3 to 8 different authors, with every count used', () => {
    for (const authors of lists) {
      expect(authors.length).toBeGreaterThanOrEqual(3);
      expect(authors.length).toBeLessThanOrEqual(8);
      expect(new Set(authors).size).toBe(authors.length);
    }
    expect(new Set(lists.map((authors) => authors.length))).toEqual(new Set([3, 4, 5, 6, 7, 8]));
  });

  it('has most authors on one paper and a few on dozens', () => {
    const single = counts.filter((count) => count === 1).length;
    expect(single / counts.length).toBeGreaterThan(0.5);
    const most = counts.reduce((a, b) => Math.max(a, b), 0);
    expect(most).toBeGreaterThanOrEqual(24);
    expect(most).toBeLessThan(100);
    const onDozens = counts.filter((count) => count >= 24).length;
    expect(onDozens).toBeGreaterThanOrEqual(3);
    expect(onDozens).toBeLessThan(counts.length / 100);
  });

  it('draws the same lists on every run, whatever order papers are generated in', () => {
    for (const index of [9_999, 0, 4_242, 17]) expect(syntheticAuthors(index, PAPERS)).toEqual(lists[index]);
  });

  it('writes names with accents, never two that differ only in accents, case or spacing', () => {
    const byFolded = new Map<string, string>();
    for (const name of papersOf.keys()) {
      const key = folded(name);
      expect(byFolded.get(key) ?? name, `${name} and ${byFolded.get(key)} fold alike`).toBe(name);
      byFolded.set(key, name);
    }
    const accented = [...papersOf.keys()].filter((name) => name !== name.normalize('NFD').replace(/\p{M}/gu, ''));
    expect(accented.length / papersOf.size).toBeGreaterThan(0.1);
  });

  it('has given names that fold apart and never start one another', () => {
    const given = GIVEN_NAMES.map(folded);
    for (const [index, name] of given.entries()) {
      for (const [other, otherName] of given.entries()) {
        if (index !== other) expect(otherName.startsWith(name), `${name} / ${otherName}`).toBe(false);
      }
    }
  });

  it('names distinct author numbers distinctly', () => {
    const names = new Set(Array.from({ length: 200_000 }, (_, author) => folded(authorName(author))));
    expect(names.size).toBe(200_000);
  });
});
