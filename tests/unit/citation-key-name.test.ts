import { describe, expect, it } from 'vitest';
import { citationKeyNamePart, naturalKey, titleKeyWord } from '../../src/lib/bibtex.ts';
import { nameSpellingsForSearch } from '../../src/lib/search-data.ts';
import { hostileStrings, unicodeStrings } from '../helpers/hostile.ts';

// A key's name part has one rule (citationKeyNamePart); the key and the search index both read it,
// so a key pasted from a .bib file names the author as the index holds it. Names of every kind:
// particles, names longer than a key keeps, names of no ASCII letters, digits, hostile strings.
const names = [
  'Gregor Bachmann',
  'Haitz Sáez de Ocáriz Borde',
  'Ludwig van der Waals',
  'Vincent Van Gogh',
  'Hofmann, Thomas',
  'Team 42',
  '李华',
  'OpenAI',
  `Ada ${'Lovelace'.repeat(12)}`,
  `${'x'.repeat(39)}1 Smith`,
  '',
  ...hostileStrings(2501, 150, undefined, 30),
  ...unicodeStrings(2502, 150),
];

describe('a citation key and the search index read one name part', () => {
  it.each([
    ['2024', 'ICLR 2024'],
    ['', undefined],
  ])('naturalKey begins with the name part search indexes (year %j)', (year, venue) => {
    for (const name of names) {
      const data = { authors: [name], title: 'Neural Fields', date: '2025-06-06', ...(venue ? { venue } : {}) };
      const key = naturalKey({ id: 'x', data });
      expect(key, JSON.stringify(name)).toBe(`${citationKeyNamePart(name)}${year}${titleKeyWord('Neural Fields')}`);
      // A name part is plain lower-case ASCII, never empty, never longer than a key keeps.
      expect(citationKeyNamePart(name)).toMatch(/^[a-z0-9]{1,40}$/);
    }
  });

  it.each([
    ['Haitz Sáez de Ocáriz Borde', 'deocarizborde'],
    ['Ludwig van der Waals', 'vanderwaals'],
    ['Vincent Van Gogh', 'vangogh'],
  ])('indexes the name part of %s (%s), which no word of the name is', (name, part) => {
    expect(citationKeyNamePart(name)).toBe(part);
    expect(nameSpellingsForSearch(name)).toContain(part);
  });
});
