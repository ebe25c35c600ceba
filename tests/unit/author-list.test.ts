import { describe, expect, it } from 'vitest';
import {
  AUTHORS_BEFORE_CUT,
  LISTED_AUTHORS,
  othersText,
  shortAuthorList,
  shownAuthorNames,
} from '../../src/lib/author-list.ts';
import { bibtexEntry } from '../../src/lib/bibtex.ts';
import { feedAuthors } from '../../src/lib/feed.ts';
import { seededRandom } from '../../src/bench/random.ts';

const names = (count: number) => Array.from({ length: count }, (_, index) => `Author ${index + 1}`);

describe('shortAuthorList', () => {
  it('shows every name of a short list', () => {
    expect(shownAuthorNames(names(LISTED_AUTHORS))).toEqual(names(LISTED_AUTHORS));
    expect(shortAuthorList(names(3), 2)).toEqual({
      shown: names(3).map((name, index) => ({ name, index })),
      others: 0,
    });
  });

  it('cuts a long list after the first names and counts the rest', () => {
    expect(shortAuthorList(names(500)).others).toBe(492);
    expect(shownAuthorNames(names(500))).toEqual(names(AUTHORS_BEFORE_CUT));
    expect(shortAuthorList(names(LISTED_AUTHORS + 1)).others).toBe(LISTED_AUTHORS + 1 - AUTHORS_BEFORE_CUT);
  });

  it('keeps the list’s own author visible, in its place after the first names', () => {
    const list = shortAuthorList(names(500), 299);
    expect(list.shown.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 299]);
    expect(list.shown.at(-1)!.name).toBe('Author 300');
    expect(list.others).toBe(491);
    // An author among the first names is shown once.
    expect(shortAuthorList(names(500), 3).shown).toHaveLength(AUTHORS_BEFORE_CUT);
    // A place outside the list is ignored.
    expect(shortAuthorList(names(500), 500).shown).toHaveLength(AUTHORS_BEFORE_CUT);
  });

  it('is as long as the names it shows, however many authors there are', () => {
    for (const count of [11, 500, 5_000]) {
      expect(shownAuthorNames(names(count), count - 1).join(', ').length).toBeLessThan(200);
    }
  });

  it('says how many others', () => {
    expect(othersText(1)).toBe('and 1 other');
    expect(othersText(4_991)).toBe('and 4,991 others');
  });
});

describe('feedAuthors', () => {
  it('names only authors of the paper, in its order, never the count of the rest (2,000 seeded lists)', () => {
    // dc:creator and a JSON Feed's authors are read as people by feed readers and reference
    // managers: `and 492 others` would be filed as one more author.
    const random = seededRandom(2212);
    const words = ['Ada', 'Lovelace', 'and', 'others', 'Meta AI', '王', '1', 'et al.'];
    for (let run = 0; run < 2000; run++) {
      const count = 1 + Math.floor(random() * 40);
      const authors = Array.from(
        { length: count },
        (_, index) => `${words[Math.floor(random() * words.length)]} ${index}`,
      );
      const keep = random() < 0.5 ? undefined : Math.floor(random() * (count + 2));
      const { authors: creators, byline } = feedAuthors(authors, keep);
      const places = creators.map((creator) => authors.indexOf(creator));
      expect(places, `${count} authors, keep ${keep}`).not.toContain(-1);
      expect(places).toEqual(places.toSorted((a, b) => a - b));
      const others = shortAuthorList(authors, keep).others;
      expect(creators.length).toBe(count - others);
      // The count of the rest is said in the byline, with every name shown, and only there.
      expect(byline === undefined, `${count} authors`).toBe(others === 0);
      if (byline) {
        expect(byline.endsWith(`, ${othersText(others)}.`), byline).toBe(true);
        for (const creator of creators) expect(byline).toContain(creator);
      }
    }
  });
});

it('isolates right-to-left names in the byline, which is plain text (no <bdi> in a feed reader)', () => {
  const authors = [
    'אדה לבלייס',
    'אלן טיורינג',
    ...Array.from({ length: LISTED_AUTHORS }, (_, index) => `Ada ${index}`),
  ];
  const { byline } = feedAuthors(authors);
  expect(byline).toMatch(/^By \u2068אדה לבלייס\u2069, \u2068אלן טיורינג\u2069, Ada 0, /u);
});

describe('bibtexEntry with maxAuthors', () => {
  const paper = (count: number) => ({
    id: 'p',
    data: { title: 'T', authors: names(count), date: '2025-06-06', tags: [] as string[] },
  });

  it('names the first authors, then others (BibTeX’s "et al.")', () => {
    const entry = bibtexEntry(paper(500), 'key', { maxAuthors: 3 });
    // `Author 1`: one word and a number, no given name, kept whole (isSuffixedWithoutGivenName).
    expect(entry).toContain('author = {{\\relax Author 1} and {\\relax Author 2} and {\\relax Author 3} and others}');
  });

  it('names everyone without it, or when the paper has few enough', () => {
    expect(bibtexEntry(paper(500), 'key')).toContain('{\\relax Author 499} and {\\relax Author 500}}');
    expect(bibtexEntry(paper(3), 'key', { maxAuthors: 3 })).toContain(
      'author = {{\\relax Author 1} and {\\relax Author 2} and {\\relax Author 3}}',
    );
  });
});
