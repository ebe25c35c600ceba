import { describe, expect, it } from 'vitest';
import {
  authorKey,
  authorSlug,
  citedFamilyNames,
  commaParts,
  familyName,
  familyNameForSorting,
  givenInitials,
  isGroupName,
  isWordAnd,
  MAX_SLUG_BYTES,
  nameParts,
  slugOfKey,
  nameInBibtexOrder,
} from '../../src/lib/authors.ts';
import { authorIndex, groupByAuthor, letterOf, OTHER_SCRIPTS } from '../../src/lib/author-index.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { authorLookAlikes, authorSlugClashes, type CollisionCandidate } from '../../src/content/collection.ts';
import { lookAlikeKey } from '../../src/lib/look-alike.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { windowsDeviceName } from '../../src/lib/file-names.ts';

/** Spellings of one person: each row must share one key and one slug. */
const SAME_PERSON: [slug: string, ...spellings: string[]][] = [
  [
    'ekin-akyurek',
    'Ekin Akyürek',
    'Ekin Akyurek',
    'EKIN AKYUREK',
    'ekin  akyürek',
    'Ekin Aky\\"urek',
    'Ekin Aky{\\"u}rek',
  ],
  ['ekin-akyurek', 'Ekin Aky\\"{u}rek', 'Ekin Aky\\"{U}rek', 'Ekin\u00a0Akyu\u0308rek', ' Ekin\tAkyürek '],
  ['jose-garcia', 'José García', "Jos\\'{e} Garc\\'{\\i}a", "Jos\\'e Garc\\'\\i a", 'JOSÉ GARCÍA'],
  ['strasse', 'Straße', 'Stra\\ss e', 'STRASSE', 'Strasse', 'Straẞe'],
  [
    'soren-orsted',
    'Søren Ørsted',
    'S\\o ren \\O rsted',
    'Soren Orsted',
    '{\\O}rsted Søren'.split(' ').reverse().join(' '),
  ],
  ['lukasz-wojcik', 'Łukasz Wójcik', "\\L ukasz W\\'ojcik", 'Lukasz Wojcik'],
  ['aeschylus-oedipus', 'Æschylus Œdipus', '\\AE schylus \\OE dipus', 'Aeschylus Oedipus'],
  ['thor-dorde', 'Þór Đorđe', 'Thor Dorde', "\\th \\'or \\dj or\\dj e"],
  ['ilker', 'İlker', 'Ilker', 'ılker', 'ILKER'],
  ['antonin-dvorak', 'Antonín Dvořák', "Anton\\'{\\i}n Dvo\\v{r}\\'{a}k", 'Antonin Dvorak'],
  ['francois-cedille', 'François Cédille', "Fran\\c{c}ois C\\'edille", 'Fran\\c cois Cedille'],
  ['erdos-pal', 'Erdős Pál', "Erd\\H{o}s P\\'al", 'Erdos Pal'],
  ['abc', 'Ａｂｃ', 'abc', 'a\u00adb\u200bc'],
  ['σοφοσ', 'ΣΟΦΟΣ', 'σοφος', 'Σοφός'],
  ['андреи', 'Андрей', 'АНДРЕЙ', 'андреи'],
];

/** Pairs that are two people: different keys. Scripts whose marks are letters keep them. */
const DIFFERENT_PEOPLE: [string, string][] = [
  ['ガ', 'カ'],
  ['हिंदी', 'हिदी'],
  ['Jean-Pierre Serre', 'Jean Pierre Serre'],
  ['J. Smith', 'J Smith'],
  ['Ann Lee', 'Anne Lee'],
  ['김철수', '김철'],
];

describe('authorKey and authorSlug on examples', () => {
  it.each(SAME_PERSON)('joins the spellings of %s', (slug, ...spellings) => {
    const keys = new Set(spellings.map(authorKey));
    expect(keys.size, [...keys].join(' | ')).toBe(1);
    for (const spelling of spellings) expect(authorSlug(spelling), spelling).toBe(slug);
  });

  it.each(DIFFERENT_PEOPLE)('keeps %s and %s apart', (one, other) => {
    expect(authorKey(one)).not.toBe(authorKey(other));
  });

  it('keeps letters of every script in the slug (the URL encodes them)', () => {
    expect(authorSlug('王 小明')).toBe('王-小明');
    expect(authorSlug('김철수')).toBe('김철수');
    expect(authorSlug('हिंदी नाम')).toBe('हिंदी-नाम');
    expect(authorSlug('Иван  Петров')).toBe('иван-петров');
  });

  it('turns every run of punctuation and space into one hyphen, none at the ends', () => {
    expect(authorSlug('J. R. R. Tolkien')).toBe('j-r-r-tolkien');
    expect(authorSlug("  O'Brien, -- Jr. ")).toBe('o-brien-jr');
    expect(authorSlug('The ATLAS Collaboration (CERN)')).toBe('the-atlas-collaboration-cern');
    expect(authorSlug('Agent 007')).toBe('agent-007');
  });

  it('gives a name with no letter or digit a slug from a hash of its key', () => {
    const slugs = ['—', '?!', '', '...', '- -'].map(authorSlug);
    for (const slug of slugs) expect(slug).toMatch(/^author--[0-9a-f]{8}$/);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(authorSlug('—')).toBe(authorSlug(' — '));
  });

  it('cuts a slug too long for a file name and tells long names apart by a hash', () => {
    const long = 'Wolfgang '.repeat(30);
    const slug = authorSlug(long);
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toMatch(/^wolfgang-wolfgang-.*--[0-9a-f]{8}$/);
    expect(authorSlug(`${long} Mozart`)).not.toBe(slug);
    const cjk = authorSlug('王'.repeat(200));
    expect(new TextEncoder().encode(cjk).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(cjk).toMatch(/^王+--[0-9a-f]{8}$/);
  });

  it('keeps a slug of exactly the byte limit whole, and cuts one a character longer', () => {
    // 王 is three bytes of UTF-8: 33 of them are 99 bytes, 34 are 102.
    expect(authorSlug('王'.repeat(33))).toBe('王'.repeat(33));
    expect(authorSlug('王'.repeat(34))).toMatch(/^王{30}--[0-9a-f]{8}$/);
    const twoByte = 'ж'.repeat(MAX_SLUG_BYTES / 2);
    expect(authorSlug(twoByte)).toBe(twoByte);
    expect(authorSlug(`${twoByte}ж`)).toMatch(/^ж+--[0-9a-f]{8}$/);
  });

  it('gives a name whose slug Windows keeps for a device a slug from a hash of its key', () => {
    // `authors/aux/` could not be written on Windows, nor a checkout of the built site hold it.
    for (const name of ['Aux', 'NUL', 'con', 'Prn', 'Com1', 'LPT9', 'Lpt¹']) {
      const slug = authorSlug(name);
      expect(slug, name).toMatch(/^(?:aux|nul|con|prn|com1|lpt9|lpt1)--[0-9a-f]{8}$/);
      expect(windowsDeviceName(slug), name).toBeUndefined();
    }
    expect(authorSlug('Aux')).toBe(authorSlug('AUX'));
    expect(authorSlug('Aux')).not.toBe(authorSlug('Nul'));
    // Only the whole slug is a device's name.
    expect(authorSlug('Con Air')).toBe('con-air');
    expect(authorSlug('Auxiliadora')).toBe('auxiliadora');
  });

  it('folds case as a case-insensitive disk does: letters with one capital are one author', () => {
    // Cyrillic ᲀ (U+1C80) and в are both В: lower-cased they were two folders that such a disk merges.
    expect(authorKey('Иᲀан')).toBe(authorKey('Иван'));
    expect(authorSlug('ꙋм')).toBe(authorSlug('ᲈм'));
  });

  it('is total: no string throws, including lone surrogates and stray TeX', () => {
    for (const odd of ['\ud800', '\\', '\\"', '{', '}}}', '\\foo{bar}', '\\c', '~~', '\u0301', '\u200d']) {
      expect(() => authorSlug(odd)).not.toThrow();
      expect(authorSlug(odd).length).toBeGreaterThan(0);
    }
  });
});

/**
 * Pieces of names: plain and accented letters, TeX accents, other scripts, marks, spaces,
 * punctuation. TeX letter commands are closed (`\\ss{}`) as TeX needs: `\\ssU` is another command.
 */
const PIECES = [
  ...'abcdeghijklmnorstuvwyzAEIOUKLMSZ',
  ...'äöüéèêñçåøßłđðþæœıİŁØÆŒÅÑÉŞşğĞžŽčČřŘőŐ',
  '\\"u',
  '{\\"o}',
  "\\'{e}",
  '\\ss{}',
  '{\\o}',
  '\\l{}',
  '{\\ae}',
  '\\v{c}',
  '\\c c',
  '\\H{o}',
  "\\'{\\i}",
  ...'王小明김철수ガカसीहिΣσςΑβИвйᲀᲄꙋ',
  '\u0301',
  '\u0308',
  '\u093f',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u00ad',
  '\u200b',
  ...".-,'’()&/—_+0123456789",
];
const ACCENTS = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u030a', '\u030c', '\u0327', '\u0328'];

function randomNames(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 24) }, () => pick(PIECES)).join(''),
  );
}

const NAMES = randomNames(15, 3000);
const ORDINARY_SLUG = /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u;

describe('authorKey and authorSlug properties (3,000 seeded random names)', () => {
  it('a key is its own key, and the slug depends only on the key', () => {
    for (const name of NAMES) {
      const key = authorKey(name);
      expect(authorKey(key), JSON.stringify(name)).toBe(key);
      expect(authorSlug(key), JSON.stringify(name)).toBe(authorSlug(name));
      expect(slugOfKey(key), JSON.stringify(name)).toBe(authorSlug(name));
    }
  });

  it('plain ASCII names (the fast path) get the key the full fold gives', () => {
    const random = seededRandom(23);
    const printable = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz|';
    for (let index = 0; index < 3000; index++) {
      const name = Array.from(
        { length: Math.floor(random() * 30) },
        () => printable[Math.floor(random() * printable.length)],
      ).join('');
      // A soft hyphen is invisible (the fold drops it) and not ASCII: that spelling takes the full fold.
      expect(authorKey(name), JSON.stringify(name)).toBe(authorKey(`${name}\u00ad`));
    }
  });

  it('case does not count', () => {
    for (const name of NAMES) {
      expect(authorKey(name.toUpperCase()), JSON.stringify(name)).toBe(authorKey(name));
      expect(authorKey(name.toLowerCase()), JSON.stringify(name)).toBe(authorKey(name));
    }
  });

  it('accents on Latin letters, in either Unicode form, do not count', () => {
    const random = seededRandom(7);
    for (const name of NAMES) {
      const accented = [...name]
        .map((char) => (/[a-z]/i.test(char) && random() < 0.5 ? char + ACCENTS[Math.floor(random() * 9)] : char))
        .join('');
      expect(authorKey(accented), JSON.stringify(accented)).toBe(authorKey(name));
      expect(authorKey(accented.normalize('NFC')), JSON.stringify(accented)).toBe(authorKey(name));
      expect(authorKey(name.normalize('NFD')), JSON.stringify(name)).toBe(authorKey(name));
    }
  });

  it('how many spaces, and of which kind, does not count', () => {
    for (const name of NAMES) {
      const spaced = ` ${name.replace(/ /g, ' \u00a0\t ')}\n`;
      expect(authorKey(spaced), JSON.stringify(name)).toBe(authorKey(name));
    }
  });

  it('every slug is a non-empty URL segment no author-index page can have', () => {
    for (const name of NAMES) {
      const slug = authorSlug(name);
      const derived = /^(?:author|[\p{L}\p{N}\p{M}-]+)--[0-9a-f]{8}$/u.test(slug);
      expect(ORDINARY_SLUG.test(slug) || derived, `${JSON.stringify(name)} → ${slug}`).toBe(true);
      expect(slug).not.toMatch(/^-|-$|[A-Z]/);
      // One folder on a case-insensitive disk (which folds each letter alone: no final-sigma rule),
      // and one that Windows can write.
      const folded = [...slug].map((letter) => letter.toUpperCase().toLowerCase()).join('');
      expect(folded, JSON.stringify(name)).toBe(slug);
      expect(windowsDeviceName(slug), JSON.stringify(name)).toBeUndefined();
      expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
      // An ordinary slug is already folded: its own slug.
      if (ORDINARY_SLUG.test(slug)) expect(authorSlug(slug)).toBe(slug);
    }
  });

  it('two names with one slug differ only in punctuation or word breaks (the check reports them)', () => {
    const bySlug = new Map<string, string>();
    for (const name of NAMES) {
      const slug = authorSlug(name);
      const other = bySlug.get(slug);
      if (other !== undefined && authorKey(other) !== authorKey(name)) {
        const lettersOnly = (text: string) => authorKey(text).replace(/[^\p{L}\p{N}\p{M}]/gu, '');
        expect(lettersOnly(other)).toBe(lettersOnly(name));
      }
      bySlug.set(slug, name);
    }
  });
});

describe('authorSlugClashes (the cross-file rule)', () => {
  const paper = (file: string, authors: string[]): CollisionCandidate => ({
    id: file,
    file,
    data: { authors },
    lines: { arxiv: 1, authors: authors.map((_, index) => 3 + index) },
  });

  it('reports the spellings written less often, against the one written most often', () => {
    const problems = authorSlugClashes([
      paper('c.mdx', ['J Smith']),
      paper('a.mdx', ['Ada', 'J. Smith']),
      paper('b.mdx', ['J. SMITH']),
    ]).map(formatProblem);
    expect(problems).toEqual([
      'c.mdx:3: authors[0]: "J Smith" and "J. Smith" (a.mdx:4) are different names with one author page, /authors/j-smith/: write the name the same way in both files (case and accents may differ, punctuation and spaces between words may not).',
    ]);
  });

  it('joins spellings that differ only in case, accents or TeX, and reports nothing', () => {
    expect(
      authorSlugClashes([paper('a.mdx', ['Ekin Akyürek']), paper('b.mdx', ['EKIN AKYUREK', 'Ekin Aky\\"{u}rek'])]),
    ).toEqual([]);
  });
});

describe('authorLookAlikes (names of two pages that look alike)', () => {
  const paper = (file: string, authors: string[]): CollisionCandidate => ({
    id: file,
    file,
    data: { authors },
    lines: { arxiv: 1, authors: authors.map((_, index) => 3 + index) },
  });

  it('reports a name that looks like another, naming both, their places and the look-alike letters', () => {
    const problems = authorLookAlikes([
      paper('a.mdx', ['Ace Smith', 'Ian Goodfellow']),
      // Cyrillic А, с, е (U+0410, U+0441, U+0435); a small L for the capital I; a Cyrillic В (U+0412).
      paper('b.mdx', ['\u0410\u0441\u0435 Smith', 'lan Goodfellow', '\u0412ob Lee']),
      paper('c.mdx', ['ACE SMITH', 'Bob Lee']),
    ]).map(formatProblem);
    expect(problems).toEqual([
      'b.mdx:3: authors[0]: "\u0410\u0441\u0435 Smith" looks like "Ace Smith" (a.mdx:3) but is another name, with an author page of its own (/authors/\u0430\u0441\u0435-smith/ beside /authors/ace-smith/): "\u0410" (U+0410, Cyrillic) looks like "A", "\u0441" (U+0441, Cyrillic) looks like "c", "\u0435" (U+0435, Cyrillic) looks like "e". If they are one person, write the name as a.mdx does; if not, write it exactly as the paper gives it, each word in the letters of one script.',
      'b.mdx:4: authors[1]: "lan Goodfellow" looks like "Ian Goodfellow" (a.mdx:4) but is another name, with an author page of its own (/authors/lan-goodfellow/ beside /authors/ian-goodfellow/): "I" (U+0049, Latin) looks like "l". If they are one person, write the name as a.mdx does; if not, write it exactly as the paper gives it, each word in the letters of one script.',
      // The spelling in Latin letters is taken for the real one, though b.mdx comes first.
      'b.mdx:5: authors[2]: "\u0412ob Lee" looks like "Bob Lee" (c.mdx:4) but is another name, with an author page of its own (/authors/\u0432ob-lee/ beside /authors/bob-lee/): "\u0412" (U+0412, Cyrillic) looks like "B". If they are one person, write the name as c.mdx does; if not, write it exactly as the paper gives it, each word in the letters of one script.',
    ]);
  });

  it('takes the letters of one stroke for one another, but not a capital L, nor rn for m', () => {
    // I, l, 1 and | (and Greek Ι, ℓ) are one stroke in most faces; a capital L folds to l but looks like none.
    const random = seededRandom(39);
    for (let index = 0; index < 2000; index++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        String.fromCharCode(0x20 + Math.floor(random() * 95)),
      ).join('');
      const strokes = text.replace(/[Il1|]/g, () => ['I', 'l', '1', '|'][Math.floor(random() * 4)]!);
      expect(lookAlikeKey(strokes), `${text} / ${strokes}`).toBe(lookAlikeKey(text));
    }
    expect(
      authorLookAlikes([
        paper('a.mdx', ['Ian Wang', 'Kim Lee', 'Ilya Sutskever']),
        paper('b.mdx', ['Lan Wang', 'Kirn Lee', 'ILYA SUTSKEVER']),
      ]),
    ).toEqual([]);
    expect(
      authorLookAlikes([paper('a.mdx', ['Ian Wang']), paper('b.mdx', ['\u0399an Wang', 'llya Sutskever'])]).map(
        (problem) => problem.message.split(' but ')[0],
      ),
    ).toEqual(['"\u0399an Wang" looks like "Ian Wang" (a.mdx:3)']);
    expect(
      authorLookAlikes([paper('a.mdx', ['Ilya Sutskever']), paper('b.mdx', ['llya Sutskever'])]).map(
        (problem) => problem.message.split(' but ')[0],
      ),
    ).toEqual(['"llya Sutskever" looks like "Ilya Sutskever" (a.mdx:3)']);
  });

  it('leaves names that only look alike to a fold alone, and real names of other scripts', () => {
    expect(
      authorLookAlikes([
        paper('a.mdx', ['Ekin Akyürek', 'Ольга Иванова', '王 Xiaoming', 'Σωκράτης Παπαδόπουλος']),
        paper('b.mdx', ['EKIN AKYUREK', 'Olga Ivanova', 'Wang Xiaoming', 'Sokratis Papadopoulos', "Shane O'Neill"]),
      ]),
    ).toEqual([]);
  });
});

describe('the family name, one rule for citations and the A–Z list', () => {
  it.each([
    ['Laurens van der Maaten', 'van der Maaten', 'Maaten', 'M'],
    ['Hofmann, Thomas', 'Hofmann', 'Hofmann', 'H'],
    ['van der Maaten, Laurens', 'van der Maaten', 'Maaten', 'M'],
    ['Martin Luther King Jr.', 'King', 'King', 'K'],
    ['Gregor Bachmann', 'Bachmann', 'Bachmann', 'B'],
    ['Yann LeCun', 'LeCun', 'LeCun', 'L'],
    ['Ekin Akyürek', 'Akyürek', 'Akyürek', 'A'],
    ['OpenAI', 'OpenAI', 'OpenAI', 'O'],
    // Written family name first in its own script, words apart: the first word.
    ['王 小明', '王', '王', OTHER_SCRIPTS],
    ['山田 太郎', '山田', '山田', OTHER_SCRIPTS],
    ['김 민준', '김', '김', OTHER_SCRIPTS],
    // Run together, one word; in Latin letters, read as any other name.
    ['王小明', '王小明', '王小明', OTHER_SCRIPTS],
    ['Xiaoming Wang', 'Wang', 'Wang', 'W'],
    ['王 Xiaoming', 'Xiaoming', 'Xiaoming', 'X'],
    // A particle is told by its first letter, past an apostrophe: BibTeX's reading.
    ["Gerard 't Hooft", "'t Hooft", 'Hooft', 'H'],
    ['Gerard ’t Hooft', '’t Hooft', 'Hooft', 'H'],
    ["Hans van 't Hof", "van 't Hof", 'Hof', 'H'],
    ["Willem 's Jacob", "'s Jacob", 'Jacob', 'J'],
    ["Mary-Jane O'Neil", "O'Neil", "O'Neil", 'O'],
    ["D'Arcy Thompson", 'Thompson', 'Thompson', 'T'],
    // A note in brackets after the name (an affiliation) is none of it.
    ['Jun Example (Tokyo)', 'Example', 'Example', 'E'],
    ['Laurens van der Maaten [TU Delft]', 'van der Maaten', 'Maaten', 'M'],
    ['山田 太郎 (Tokyo)', '山田', '山田', OTHER_SCRIPTS],
    ['Example, Jun (Tokyo)', 'Example', 'Example', 'E'],
    ['Martin Luther King, Jr. (Atlanta)', 'King', 'King', 'K'],
    // The name one goes by, in brackets or quotes, is a given name: no particle, in any case.
    ['Yuanzhi (paul) Li', 'Li', 'Li', 'L'],
    ['Jiaming "jimmy" Ma', 'Ma', 'Ma', 'M'],
    ['Jiaming "jimmy boy" Ma', 'Ma', 'Ma', 'M'],
    ['Xin “eric” Wang', 'Wang', 'Wang', 'W'],
    ["Gerard (gerry) 't Hooft", "'t Hooft", 'Hooft', 'H'],
    // Last, it is a note as a bracket there is: not the family name.
    ['Jiaming Ma "Jimmy"', 'Ma', 'Ma', 'M'],
    ['Xin Wang “eric”', 'Wang', 'Wang', 'W'],
    // A Latin letter outside A–Z is no other script: under the letter it sorts after in English.
    ['Efua Ɛkua', 'Ɛkua', 'Ɛkua', 'E'],
    ['Kofi Ɔdɔ', 'Ɔdɔ', 'Ɔdɔ', 'O'],
    ['Mamadou Ɓah', 'Ɓah', 'Ɓah', 'B'],
    ['Fatou Ɗiallo', 'Ɗiallo', 'Ɗiallo', 'D'],
    // A letter without case before the first letter (the ʻokina, a click) is passed over.
    ['Akau ʻUluʻave', 'ʻUluʻave', 'ʻUluʻave', 'U'],
    ['Ann ǂHoan', 'ǂHoan', 'ǂHoan', 'H'],
    // Letters of other scripts, cased or not, stay under Other; a digit first under #.
    ['Σωκράτης Παπαδόπουλος', 'Παπαδόπουλος', 'Παπαδόπουλος', OTHER_SCRIPTS],
    ['Ольга Иванова', 'Иванова', 'Иванова', OTHER_SCRIPTS],
    ['Agent 3Com', '3Com', '3Com', '#'],
    // A number alone after a name is none of its family name (a suffix, as written).
    ['Agent 007', 'Agent', 'Agent', 'A'],
    // A capitalised particle starts the family name and is passed over as a lowercase one is; a
    // given name or the family name itself is no particle.
    ['Vincent Van Gogh', 'Van Gogh', 'Gogh', 'G'],
    ['Joost Van de Weijer', 'Van de Weijer', 'Weijer', 'W'],
    ['Yann Le Cun', 'Le Cun', 'Cun', 'C'],
    ['Van Morrison', 'Morrison', 'Morrison', 'M'],
    ['Quoc V. Le', 'Le', 'Le', 'L'],
    ['Ada VAN Gogh', 'Gogh', 'Gogh', 'G'],
    // A last word spelt as a particle is the family name itself, never passed over.
    ['Anh Van Le', 'Van Le', 'Le', 'L'],
    ['Minh Van Du', 'Van Du', 'Du', 'D'],
    ['Joost Van De', 'Van De', 'De', 'D'],
    ['Ana de la Ter', 'de la Ter', 'Ter', 'T'],
    // A numeral after the name is a suffix, not the family name: a generation or a number.
    ['John Smith III', 'Smith', 'Smith', 'S'],
    ['John Smith VIII', 'Smith', 'Smith', 'S'],
    ['John Smith 3rd', 'Smith', 'Smith', 'S'],
    ['Ada Lovelace 2', 'Lovelace', 'Lovelace', 'L'],
    ['Wei Zhang 0001', 'Zhang', 'Zhang', 'Z'],
    ['Lovelace, Ada, 2', 'Lovelace', 'Lovelace', 'L'],
    ['Louis XIV', 'Louis', 'Louis', 'L'],
    // But not one that is a name: Malcolm X, the family name Xi in capitals.
    ['Malcolm X', 'X', 'X', 'X'],
    ['Jinping XI', 'XI', 'XI', 'X'],
  ])('reads %s: family name %s, sorted under %s', (name, family, sorting, letter) => {
    expect(familyName(name)).toBe(family);
    expect(familyNameForSorting(name)).toBe(sorting);
    expect(letterOf(name)).toBe(letter);
  });

  it('passes over letters without case before the first letter, with the marks they carry (2,000 seeded random names)', () => {
    // ʻ ʼ ˀ (modifier letters), ʔ (a glottal stop), ǀ ǁ ǂ ǃ (clicks), each with up to two marks,
    // before a family name: the name's heading is that of the family name without them.
    const leads = [...'ʻʼˀʔǀǁǂǃ'];
    const marks = ['', '\u0301', '\u0308', '\u0323', '\u0301\u0323'];
    const families = ['Uluʻave', 'Hoan', 'Ɛkua', 'Ødegård', 'Zhou', 'Παπαδόπουλος', '007x'];
    const random = seededRandom(21);
    const pick = <T>(from: readonly T[]) => from[Math.floor(random() * from.length)]!;
    for (let index = 0; index < 2000; index++) {
      const family = pick(families);
      const lead = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(leads) + pick(marks)).join('');
      expect(letterOf(`Akau ${lead}${family}`), `${lead}${family}`).toBe(letterOf(`Akau ${family}`));
    }
    // A name of nothing but such letters: a letter outside A–Z, not a digit or sign.
    expect(letterOf('Akau ʻ\u0301')).toBe(OTHER_SCRIPTS);
  });

  it('reads the same first letter for the A–Z list and for initials (2,000 seeded random names)', () => {
    // One rule decides which letters are passed over (passedOverLetters): a name's heading is the
    // heading of the letter its initial is made of, and a name cited in full (its first letter of a
    // script without capitals) is under Other. Leads passed over (ʻ ʔ ǂ, with marks; ʰ ª, which
    // the key's fold would read as h and a) and not (王 가 and the modifier letters of scripts
    // without capitals ー 々 ـ ๆ, Greek, a digit) before unlike names.
    const leads = ['', 'ʻ', 'ʔ', 'ǂ', 'ʻ\u0301', 'ǃ\u0323\u0308', 'ʰ', 'ª', '王', '가', 'ー', '々', 'ـ', 'ๆ', 'Ω', '7'];
    const names = ['Smith', 'Akau', 'ødegård', 'Ɛkua', 'Ζωή', '小明', '1x', 'ʼ'];
    const random = seededRandom(22);
    const pick = <T>(from: readonly T[]) => from[Math.floor(random() * from.length)]!;
    const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (let index = 0; index < 2000; index++) {
      const word = pick(leads) + pick(leads) + pick(names);
      const heading = letterOf(`Ann ${word}`);
      const initials = givenInitials(word);
      if (initials === undefined) expect(heading, word).toBe(OTHER_SCRIPTS);
      else {
        const initial = [...graphemes.segment(initials.slice(0, -1))].at(-1)!.segment;
        // The initial before a letter, a family name (a number alone after a name is a suffix).
        expect(heading, `${word} (${initials})`).toBe(letterOf(`Ann ${initial}x`));
      }
    }
    expect([letterOf('Ann 王Smith'), givenInitials('王Smith')]).toEqual([OTHER_SCRIPTS, undefined]);
    // A letter of a script without capitals starts the name, a modifier letter of one too (the
    // kana's lengthening mark, Han's and Thai's repeat marks, Arabic's tatweel, a Lisu tone letter).
    for (const lead of ['王', '가', 'ー', '々', 'ـ', 'ๆ', 'ꓸ']) {
      for (const name of ['Smith', 'ʻAkau', 'ødegård']) {
        expect([letterOf(`Ann ${lead}${name}`), givenInitials(`${lead}${name}`)], lead + name).toEqual([
          OTHER_SCRIPTS,
          undefined,
        ]);
      }
    }
  });

  it('orders a name under its letter past the letters its heading passes over (500 seeded lists)', () => {
    // `ǂHoan` is under H: it must stand among the H names where Hoan would, not after Hz (ICU
    // sorts ǂ after z, ʻ after h), and `ʰSmith` among the S names as Smith, not before Sa.
    const leads = ['', '', 'ʻ', 'ǂ', 'ʔ', 'ʰ', 'ʻ\u0301', 'ǃ\u0323'];
    const random = seededRandom(2213);
    const pick = <T>(from: readonly T[]) => from[Math.floor(random() * from.length)]!;
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    for (let run = 0; run < 500; run++) {
      const written = new Map<string, string>(); // name → its family without the lead
      for (let index = 0; index < 12; index++) {
        const family = pick([...'AHSUZ']) + pick([...'aehouz']) + pick([...'bnz']) + index;
        written.set(`Ann ${pick(leads)}${family}`, family);
      }
      const entries = authorIndex([...written.keys()].map((name, index) => ({ slug: `s${index}`, name, papers: [] })));
      for (const letter of new Set(entries.map((entry) => entry.letter))) {
        const families = entries.filter((entry) => entry.letter === letter).map((entry) => written.get(entry.name)!);
        expect(families, letter).toEqual(families.toSorted(collator.compare));
      }
    }
  });

  it('heads each Latin name with the letter English collation files it under (2,000 seeded random names)', () => {
    // Family names that start with any Latin capital: A–Z, accented, and letters outside A–Z
    // (African alphabets' Ɛ Ɔ Ɓ Ɗ Ŋ, Ƒ, Ʒ, Ø, Ł…). Listed by English collation alone, their
    // headings must run A to Z: a heading is where the list's order puts the name. (Not Þ or Æ,
    // which the key spells th and ae, as English writes them, and so heads under T and A.)
    const capitals = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÉÎÕÜÇÑŠŽĐØŁƐƆƁƊŊƑƷƳƘ'];
    const random = seededRandom(2026);
    const pick = (from: readonly string[]) => from[Math.floor(random() * from.length)]!;
    const families = Array.from({ length: 2000 }, () => pick(capitals) + pick([...'aeiouɛɔnrst']) + pick([...'bklmn']));
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    const headings = families.toSorted(collator.compare).map((family) => letterOf(`Ann ${family}`));
    expect(headings.filter((heading) => !/^[A-Z]$/.test(heading))).toEqual([]);
    expect(headings).toEqual(headings.toSorted());
  });

  it.each([
    ['Laurens van der Maaten', ['maaten', 'van der maaten']],
    ['Yann Le Cun', ['cun', 'le cun']],
    ['Nejib Ben Amor', ['amor', 'ben amor']],
    ['Yaser S. Abu-Mostafa', ['abu mostafa', 's abu mostafa']],
    ['Gabriel García Márquez', ['marquez', 'garcia marquez']],
    ['van der Maaten, Laurens', ['maaten', 'van der maaten']],
    ['Martin Luther King Jr.', ['king', 'luther king']],
    ['王 小明', ['王']],
    ['Adam Smith', ['smith']],
  ])('reads the family names a citation may name %s by, never from a given name', (name, cited) => {
    expect(citedFamilyNames(name).map((words) => words.join(' '))).toEqual(cited);
  });

  it('reads a name ending with many notes in one pass', () => {
    // Read note by note, each note doubled the work (18 notes took 8 s): 60 notes would never
    // end, so this test's own timeout fails it. No clock is read here (these machines are noisy).
    const notes = Array.from({ length: 60 }, (_, index) => (index % 2 ? `"n${index}"` : `(n${index})`)).join(' ');
    expect(familyName(`Jun Example ${notes}`)).toBe('Example');
    expect(nameParts(`Example, Jun ${notes}`)).toEqual({ given: 'Jun', family: 'Example', suffix: notes });
    expect(nameInBibtexOrder(`Jun Example ${notes}`)).toBe(`Example, ${notes}, Jun`);
  });

  it('writes a name as BibTeX reads it where BibTeX would take another word for the family name', () => {
    expect(nameInBibtexOrder('Martin Luther King Jr.')).toBe('King, Jr., Martin Luther');
    expect(nameInBibtexOrder('王 小明')).toBe('王, 小明');
    expect(nameInBibtexOrder('  山田   太郎 ')).toBe('山田, 太郎');
    expect(nameInBibtexOrder('Ada Lovelace')).toBe('Ada Lovelace');
    expect(nameInBibtexOrder('王小明')).toBe('王小明');
    expect(nameInBibtexOrder('王, 小明')).toBe('王, 小明');
    // A note in brackets after the name goes where BibTeX puts a suffix, not in the family name.
    expect(nameInBibtexOrder('Jun Example (Tokyo)')).toBe('Example, (Tokyo), Jun');
    expect(nameInBibtexOrder('Martin Luther King Jr. (Atlanta)')).toBe('King, Jr. (Atlanta), Martin Luther');
    expect(nameInBibtexOrder('Ada (Ed.)')).toBe('Ada (Ed.)');
    // Written with a comma, the note goes there too: one .bib for both spellings.
    expect(nameInBibtexOrder('Example, Jun (Tokyo)')).toBe('Example, (Tokyo), Jun');
    expect(nameInBibtexOrder('Martin Luther King, Jr. (Atlanta)')).toBe('King, Jr. (Atlanta), Martin Luther');
    // A name one goes by, which BibTeX would read as a particle when lowercase: family name first.
    expect(nameInBibtexOrder('Yuanzhi (paul) Li')).toBe('Li, Yuanzhi (paul)');
    expect(nameInBibtexOrder('Jiaming "jimmy boy" Ma Jr.')).toBe('Ma, Jr., Jiaming "jimmy boy"');
  });
});

describe('a name written with commas, as readers and BibTeX write one', () => {
  // Each way a name with a suffix is written: as read, the suffix set off by a comma (the BibTeX
  // form `First Last, Jr.`), BibTeX's `Last, Jr., First` and the citation tags' `Last, First, Jr.`.
  const KING = [
    'Martin Luther King Jr.',
    'Martin Luther King, Jr.',
    'King, Jr., Martin Luther',
    'King, Martin Luther, Jr.',
  ];

  it.each(KING)('reads %s with the family name King and the suffix Jr.', (name) => {
    expect(familyName(name)).toBe('King');
    expect(familyNameForSorting(name)).toBe('King');
    expect(letterOf(name)).toBe('K');
    // One person, cited alike whichever way the name is written.
    expect(citedFamilyNames(name).map((words) => words.join(' '))).toEqual(['king', 'luther king']);
    expect(nameInBibtexOrder(name)).toBe('King, Jr., Martin Luther');
  });

  it('reads the comma before a suffix as no part of the name: one key and page with the name without it', () => {
    expect(authorKey('Martin Luther King, Jr.')).toBe(authorKey('Martin Luther King Jr.'));
    expect(authorKey('Laurens van der Maaten, III')).toBe(authorKey('Laurens van der Maaten III'));
    expect(authorKey('Ada Lovelace, V')).toBe(authorKey('Ada Lovelace V'));
    expect(authorSlug('Martin Luther King, Jr.')).toBe('martin-luther-king-jr');
  });

  // A suffix names a person, so the family name written first is read for certain: one person,
  // one page, however BibTeX or a citation tag orders the name.
  it.each([
    ['King, Martin Luther, Jr.', 'Martin Luther King Jr.'],
    ['King, Jr., Martin Luther', 'Martin Luther King Jr.'],
    ['king, jr., martin luther', 'Martin Luther King Jr.'],
    ['van der Maaten, III, Laurens', 'Laurens van der Maaten III'],
    ['van der Maaten, Laurens, III', 'Laurens van der Maaten III'],
  ])('%s is %s: one key and page', (written, name) => {
    expect(authorKey(written)).toBe(authorKey(name));
    expect(authorSlug(written)).toBe(authorSlug(name));
  });

  it('keeps a name whose only parts after its commas are suffixes as written', () => {
    expect(authorKey('Smith, Jr., III')).toBe('smith, jr., iii');
  });

  it('reads a person written family name first with a comma as the name in reading order: one key and page', () => {
    // `Hofmann, Thomas` in one paper and `Thomas Hofmann` in another are one person's name.
    for (const [written, name] of [
      ['Hofmann, Thomas', 'Thomas Hofmann'],
      ['Hofmann,Thomas', 'Thomas Hofmann'],
      ['HOFMANN, Thomas', 'Thomas Hofmann'],
      ['Smith, J.', 'J. Smith'],
      ['van der Maaten, Laurens', 'Laurens van der Maaten'],
      ['García Márquez, Gabriel José', 'Gabriel José García Márquez'],
      ['Example, Jun (Tokyo)', 'Jun Example (Tokyo)'],
      // A name written family name first in its own script reads so: its comma is the only difference.
      ['王, 小明', '王 小明'],
    ]) {
      expect(authorKey(written!), written).toBe(authorKey(name!));
      expect(authorSlug(written!), written).toBe(authorSlug(name!));
    }
    expect(authorSlug('Hofmann, Thomas')).toBe('thomas-hofmann');
    expect(familyName('Hofmann, Thomas')).toBe('Hofmann');
    // A group's name with commas has no family name to put last: its key and page as written.
    for (const [name, slug] of [
      ['Google Research, Brain Team', 'google-research-brain-team'],
      ['ATLAS Collaboration, CERN', 'atlas-collaboration-cern'],
      ['Meta AI, FAIR', 'meta-ai-fair'],
      ['Research and Development, Team', 'research-and-development-team'],
    ]) {
      expect(authorSlug(name!), name).toBe(slug);
    }
  });

  it("gives one author page to both spellings, showing the one written most (a tie: the newest paper's)", () => {
    const paper = (...authors: string[]) => ({ data: { authors } });
    const tie = groupByAuthor([paper('Hofmann, Thomas'), paper('Ada Lovelace', 'Thomas Hofmann')]);
    expect([...tie.keys()]).toEqual(['thomas-hofmann', 'ada-lovelace']);
    expect(tie.get('thomas-hofmann')!.name).toBe('Hofmann, Thomas');
    expect(tie.get('thomas-hofmann')!.papers).toHaveLength(2);
    const most = groupByAuthor([paper('Hofmann, Thomas'), paper('Thomas Hofmann'), paper('Thomas Hofmann')]);
    expect(most.get('thomas-hofmann')!.name).toBe('Thomas Hofmann');
  });

  it('gives seeded names written `Family, Given` the key of `Given Family` (500 names)', () => {
    const random = seededRandom(2027);
    const word = () =>
      String.fromCharCode(65 + Math.floor(random() * 26)) +
      Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        'aeioulnrstzéü'.charAt(Math.floor(random() * 13)),
      ).join('');
    for (let run = 0; run < 500; run++) {
      const given = Array.from({ length: 1 + Math.floor(random() * 2) }, word).join(' ');
      const family = random() < 0.2 ? `van ${word()}` : word();
      const written = `${family}, ${given}`;
      expect(authorSlug(written), written).toBe(authorSlug(`${given} ${family}`));
      expect(nameParts(written), written).toEqual(nameParts(`${given} ${family}`));
    }
  });

  it('reads a family name with particles before a suffix after a comma', () => {
    expect(familyName('Laurens van der Maaten, III')).toBe('van der Maaten');
    expect(nameInBibtexOrder('Laurens van der Maaten, III')).toBe('van der Maaten, III, Laurens');
  });

  it.each([
    // An initial, not "the fifth"; a Vietnamese given name; one word before the comma.
    ['Smith, V.', 'V. Smith', 'v-smith'],
    ['Smith, V', 'V Smith', 'v-smith'],
    ['Nguyen, Vi', 'Vi Nguyen', 'vi-nguyen'],
    // A roman numeral is written in capitals without a dot: after a whole name, an initial or a given name.
    ['John Smith, V.', 'V. John Smith', 'v-john-smith'],
  ])('reads %s as Last, First: no suffix, one key with %s', (name, reading, slug) => {
    const [family, given] = name.split(', ') as [string, string];
    expect(commaParts(name)).toEqual({ given, family, suffix: '' });
    // The comma is read: the name in reading order, not the name with a suffix it would be without it.
    expect(authorKey(name)).toBe(authorKey(reading));
    expect(authorSlug(name)).toBe(slug);
    expect(familyName(name)).toBe(name.split(',')[0]);
    expect(nameInBibtexOrder(name)).toBe(name);
  });

  it('reads a numeral after a name as its suffix in every way the name is written: one page', () => {
    for (const [written, reading] of [
      ['Lovelace, Ada, 2', 'Ada Lovelace 2'],
      ['Ada Lovelace, 2', 'Ada Lovelace 2'],
      ['Smith, 3rd, John', 'John Smith 3rd'],
      ['John Smith, XIV', 'John Smith XIV'],
    ]) {
      expect(authorKey(written!), written).toBe(authorKey(reading!));
    }
    // The number tells two people of one name apart (dblp): two pages.
    expect(authorSlug('Wei Zhang 0001')).not.toBe(authorSlug('Wei Zhang 0002'));
  });

  it('keeps a name whose only part after its comma is Jr. or Sr. as written; a roman numeral in any case is one', () => {
    expect(authorKey('Smith, Jr.')).not.toBe(authorKey('Smith Jr.'));
    expect(authorSlug('Smith, Jr.')).toBe('smith-jr');
    // Case does not count, and in capitals `Vi` is `VI`: the key cannot tell them, so both are the suffix.
    expect(authorKey('John Smith, Vi')).toBe(authorKey('John Smith, VI'));
    expect(authorKey('John Smith, VI')).toBe(authorKey('John Smith VI'));
    expect(familyName('John Smith, Vi')).toBe('John Smith');
  });

  it('keeps a name as written where no comma form fits it', () => {
    // A team (the word "and"), more than two commas, a part with no letter: read as written.
    for (const name of ['Smith, Jones, and Partners', 'A, B, C, D', 'Ada Lovelace, ?']) {
      expect(nameInBibtexOrder(name)).toBe(name);
    }
    expect(authorSlug('A, B, C, D')).toBe('a-b-c-d');
  });
});

describe('a name in parts, and given names as initials, for references', () => {
  it.each([
    ['Ashish Vaswani', { given: 'Ashish', family: 'Vaswani', suffix: '' }],
    ['Laurens van der Maaten', { given: 'Laurens', family: 'van der Maaten', suffix: '' }],
    ['Juan de la Cruz', { given: 'Juan', family: 'de la Cruz', suffix: '' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['Martin Luther King, Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['King, Jr., Martin Luther', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ['John  Smith III', { given: 'John', family: 'Smith', suffix: 'III' }],
    ['Hofmann, Thomas', { given: 'Thomas', family: 'Hofmann', suffix: '' }],
    ['王 小明', { given: '小明', family: '王', suffix: '' }],
    ['Smith Jr.', { given: '', family: 'Smith', suffix: 'Jr.' }],
    ['Ada Lovelace 2', { given: 'Ada', family: 'Lovelace', suffix: '2' }],
    ['John Smith 3rd', { given: 'John', family: 'Smith', suffix: '3rd' }],
    ['John Smith, 3rd', { given: 'John', family: 'Smith', suffix: '3rd' }],
    ['Smith, John, XIV', { given: 'John', family: 'Smith', suffix: 'XIV' }],
    ['Louis XIV', { given: '', family: 'Louis', suffix: 'XIV' }],
  ])('reads %s in parts', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });

  it.each([
    'Aristotle',
    'OpenAI',
    '王小明',
    'A, B, C, D',
    'ATLAS Collaboration',
    'Google Research, Brain Team',
    'Center for AI Safety',
  ])('reads %s as written, in no parts', (name) => {
    expect(nameParts(name)).toBeUndefined();
  });

  it('tells a group from a person by words no person bears as a name, whole, in any case', () => {
    for (const group of [
      'ATLAS Collaboration',
      'The Gemini team',
      'Research and Development Team',
      'IBM Research',
      'Google Research, Brain Team',
      'Shanghai AI Lab',
      'BigScience Workshop',
      // A word people also bear as a name, with "for" or "of", which no person's name holds.
      'Center for AI Safety',
      'Centre of Excellence',
      'Labrador Nguyen-Research',
      // AI in capitals is an AI lab's (the family name Ai is written so), as is a word whose
      // lower-case letters end in an acronym: no person's name is written so.
      'Meta AI',
      'Mistral AI',
      'OpenAI',
      'EleutherAI',
      'MosaicML',
      'xAI',
    ])
      expect(isGroupName(group), group).toBe(true);
    for (const person of [
      'Weiwei Ai',
      'Teamy Smith',
      'Ada Groupe',
      'Ashish Vaswani',
      // Center and Ai are family names; a capital inside a name is no acronym.
      'Julian Center',
      'Chen Ai',
      'Ai Weiwei',
      'Ai Center',
      // AI first is a person's name (or initials), not a lab's: a lab's name comes before it.
      'AI Weiwei',
      'AI WEIWEI',
      'AI Jun Li',
      // A name wholly in capitals is a person's: its capitals are its case, not an acronym.
      'MAX DE LA CRUZ',
      'JOHN SMITH',
      'Yann LeCun',
      'David MacKay',
      'JoAnne McDonald',
      'DeAndre Jordan',
      // A family name in capitals after its prefix, as venues print family names: no acronym.
      'Ronald McDONALD',
      'Kevin MacKAY',
      'Ella FitzGERALD',
      'Jean DeLONG',
      'Marie LeBLANC',
      'Leo DiCAPRIO',
      'Dick VanDYKE',
      // "and" is a whole word: not in Ferdinand, nor beside a letter outside ASCII (Andó).
      'Mária Andó',
      'Ferdinand Smith',
    ])
      expect(isGroupName(person), person).toBe(false);
  });

  it.each([
    ['Ashish', 'A.'],
    ['Martin Luther', 'M. L.'],
    ['Jean-Paul', 'J.-P.'],
    // Initials a hyphen joins are one hyphenated name, as written in full.
    ['J.-P.', 'J.-P.'],
    ['G.-C.', 'G.-C.'],
    ['J.-Paul', 'J.-P.'],
    ['Jean-P.', 'J.-P.'],
    ['C.\u2010J.', 'C.-J.'],
    ['J.-P. Charles', 'J.-P. C.'],
    // The name one goes by, in brackets or quotes, gets no initial.
    ['Yuanzhi (Paul)', 'Y.'],
    ['Jiaming "Jimmy"', 'J.'],
    ['Xin “Eric”', 'X.'],
    ['Mikhail [Misha] Ivan', 'M. I.'],
    ['Ana ‘Anita’ María', 'A. M.'],
    ['«Ёжик» Ольга', 'О.'],
    ['Chia-jung', 'C.-j.'],
    ['J.R.R.', 'J. R. R.'],
    ['J. R. R.', 'J. R. R.'],
    ['JZ', 'J. Z.'],
    ["D'Arcy", 'D.'],
    ['Ølga Ǆemal', 'Ø. Ǆ.'],
    // A letter with its combining marks is one letter (U+0301 after the E).
    ['E\u0301mile', 'E\u0301.'],
    ['Ольга', 'О.'],
    ['Ζωή', 'Ζ.'],
    ['Given0', 'G.'],
    // A letter without case before a capital is a sound of the name (the Hawaiian ʻokina, a click).
    ['ʻAkau', 'ʻA.'],
    ['Sione ʻAkau', 'S. ʻA.'],
    ['ǃXaus', 'ǃX.'],
  ])('writes %s as the initials %s', (given, initials) => {
    expect(givenInitials(given)).toBe(initials);
  });

  it('reads a name written wholly in capitals as a name: whole given names, particles in capitals', () => {
    // Each name in capitals and its parts: no word of two or three capitals is initials run
    // together, and a particle in capitals before a family name in capitals starts it.
    for (const [name, given, family, initials, sortedUnder] of [
      ['MAX DE LA CRUZ', 'MAX', 'DE LA CRUZ', 'M.', 'CRUZ'],
      ['Max DE LA CRUZ', 'Max', 'DE LA CRUZ', 'M.', 'CRUZ'],
      ['JOHN SMITH', 'JOHN', 'SMITH', 'J.', 'SMITH'],
      ['TOM LEE', 'TOM', 'LEE', 'T.', 'LEE'],
      ['ANA MARÍA VAN DER BERG', 'ANA MARÍA', 'VAN DER BERG', 'A. M.', 'BERG'],
      ['ÉVA LI', 'ÉVA', 'LI', 'É.', 'LI'],
    ] as const) {
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(givenInitials(given, { nameInCapitals: true }), name).toBe(initials);
      expect(familyNameForSorting(name), name).toBe(sortedUnder);
    }
    // Beside a name in ordinary case, two or three capitals may still be initials, and a word in
    // capitals before a family name in ordinary case is no particle.
    for (const [name, given, family, initials] of [
      ['John AB Smith', 'John AB', 'Smith', 'J. A. B.'],
      ['JZ Kolter', 'JZ', 'Kolter', 'J. Z.'],
      ['JRR Tolkien', 'JRR', 'Tolkien', 'J. R. R.'],
      ['J. R. R. Tolkien', 'J. R. R.', 'Tolkien', 'J. R. R.'],
      ['Jo DE Smith', 'Jo DE', 'Smith', 'J. D. E.'],
      ['AI Weiwei', 'AI', 'Weiwei', 'A. I.'],
    ] as const) {
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(givenInitials(given), name).toBe(initials);
    }
  });

  it('reads a family name in capitals written first (ZHANG Wei) as the family name, everywhere', () => {
    // Each name, its family name, the .bib's order and its A–Z letter: the capitals mark the family name.
    for (const [name, given, family, bibtex, letter] of [
      ['ZHANG Wei', 'Wei', 'ZHANG', 'ZHANG, Wei', 'Z'],
      ['OUYANG Xiao Ming', 'Xiao Ming', 'OUYANG', 'OUYANG, Xiao Ming', 'O'],
      ['YAMADA Tarō', 'Tarō', 'YAMADA', 'YAMADA, Tarō', 'Y'],
      ['DE LA CRUZ Ana María', 'Ana María', 'DE LA CRUZ', 'DE LA CRUZ, Ana María', 'C'],
      ["O'NEIL Mary-Kate", 'Mary-Kate', "O'NEIL", "O'NEIL, Mary-Kate", 'O'],
    ] as const) {
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(familyName(name), name).toBe(family);
      expect(nameInBibtexOrder(name), name).toBe(bibtex);
      expect(letterOf(name), name).toBe(letter);
      // Written the other way round, the same person has the same parts.
      expect(nameParts(`${given} ${family}`), name).toEqual({ given, family, suffix: '' });
    }
    // Capitals that may be initials run together, a name wholly in capitals, and a lab stay as they were.
    for (const [name, family, bibtex] of [
      ['JRR Tolkien', 'Tolkien', 'JRR Tolkien'],
      ['JZ Kolter', 'Kolter', 'JZ Kolter'],
      ['AI Weiwei', 'Weiwei', 'AI Weiwei'],
      ['MAX DE LA CRUZ', 'DE LA CRUZ', 'DE LA CRUZ, MAX'],
      ['J. Smith', 'Smith', 'J. Smith'],
    ] as const) {
      expect(familyName(name), name).toBe(family);
      expect(nameInBibtexOrder(name), name).toBe(bibtex);
    }
    expect(nameParts('Meta AI')).toBeUndefined();
  });

  it('reads seeded family names in capitals the same written first or last', () => {
    const random = seededRandom(2611);
    const word = (capital: boolean) => {
      const letters = Array.from({ length: 4 + Math.floor(random() * 5) }, () =>
        'abcdefghijklmnoprstuvwyzéü'.charAt(Math.floor(random() * 26)),
      ).join('');
      return capital ? letters.toUpperCase() : `${letters[0]!.toUpperCase()}${letters.slice(1)}`;
    };
    for (let run = 0; run < 300; run++) {
      const family = word(true);
      const given = Array.from({ length: 1 + Math.floor(random() * 2) }, () => word(false)).join(' ');
      const parts = { given, family, suffix: '' };
      expect(nameParts(`${family} ${given}`), `${family} ${given}`).toEqual(parts);
      expect(nameParts(`${given} ${family}`), `${given} ${family}`).toEqual(parts);
      expect(familyNameForSorting(`${family} ${given}`)).toBe(family);
    }
  });

  it('reads initials after a name (Smith J., ZHANG W.) as given names: the family name is written first', () => {
    // A word of initials with full stops is never a family name: a name ending in them is
    // written family name first, as Vancouver style and some venues write it.
    for (const [name, family, given, bibtex, letter, reading] of [
      ['Smith J.', 'Smith', 'J.', 'Smith, J.', 'S', 'J. Smith'],
      ['ZHANG W.', 'ZHANG', 'W.', 'ZHANG, W.', 'Z', 'W. ZHANG'],
      ['Smith J. R.', 'Smith', 'J. R.', 'Smith, J. R.', 'S', 'J. R. Smith'],
      ['Smith J.R.', 'Smith', 'J.R.', 'Smith, J.R.', 'S', 'J.R. Smith'],
      ['Sartre J.-P.', 'Sartre', 'J.-P.', 'Sartre, J.-P.', 'S', 'J.-P. Sartre'],
      ['van der Maaten L.', 'van der Maaten', 'L.', 'van der Maaten, L.', 'M', 'L. van der Maaten'],
      ['García Márquez G.', 'García Márquez', 'G.', 'García Márquez, G.', 'G', 'G. García Márquez'],
      ['Øster Ø.', 'Øster', 'Ø.', 'Øster, Ø.', 'O', 'Ø. Øster'],
    ] as const) {
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(familyName(name), name).toBe(family);
      expect(nameInBibtexOrder(name), name).toBe(bibtex);
      expect(letterOf(name), name).toBe(letter);
      // One person: one key and page with the name in reading order and with a comma.
      expect(authorSlug(name), name).toBe(authorSlug(reading));
      expect(authorSlug(name), name).toBe(authorSlug(`${family}, ${given}`));
    }
    // Initials on both sides, or none with a full stop, say nothing of the order: as before.
    expect(familyName('J. Smith R.')).toBe('R.');
    expect(familyName('Kolter JZ')).toBe('JZ');
    expect(familyName('J. Smith')).toBe('Smith');
    expect(familyName('Martin Luther King Jr.')).toBe('King');
  });

  it('reads seeded names written family name first before their initials (500 names)', () => {
    const random = seededRandom(2028);
    const letter = () => String.fromCharCode(65 + Math.floor(random() * 26));
    const word = () =>
      letter() +
      Array.from({ length: 2 + Math.floor(random() * 6) }, () => 'aeioulnrstzé'.charAt(Math.floor(random() * 12))).join(
        '',
      );
    for (let run = 0; run < 500; run++) {
      const family = Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
        random() < 0.3 ? word().toUpperCase() : word(),
      ).join(' ');
      const count = 1 + Math.floor(random() * 3);
      const letters = Array.from({ length: count }, () => `${letter()}.`);
      const given = random() < 0.5 ? letters.join(' ') : letters.join('');
      const name = `${family} ${given}`;
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(authorSlug(name), name).toBe(authorSlug(`${given} ${family}`));
      expect(givenInitials(given), name).toBe(letters.join(' '));
    }
  });

  it('reads a word in capitals between given names and the last word as the start of the family name', () => {
    // The capitals mark a family name (as `Jean DUPONT`, `ZHANG Wei`), never a given name's initials.
    for (const [name, given, family, bibtex, letter] of [
      ['Wei ZHANG Ming', 'Wei', 'ZHANG Ming', 'ZHANG Ming, Wei', 'Z'],
      ['Juan GARCÍA López', 'Juan', 'GARCÍA López', 'GARCÍA López, Juan', 'G'],
      ['Juan GARCÍA LÓPEZ', 'Juan', 'GARCÍA LÓPEZ', 'GARCÍA LÓPEZ, Juan', 'G'],
      ['Ana María GARCÍA de la Vega', 'Ana María', 'GARCÍA de la Vega', 'GARCÍA de la Vega, Ana María', 'G'],
    ] as const) {
      expect(nameParts(name), name).toEqual({ given, family, suffix: '' });
      expect(nameInBibtexOrder(name), name).toBe(bibtex);
      expect(letterOf(name), name).toBe(letter);
    }
    // Two or three capitals may be initials, one a middle initial: read as before.
    expect(nameParts('John AB Smith')).toEqual({ given: 'John AB', family: 'Smith', suffix: '' });
    expect(nameParts('Wei LI Ming')).toEqual({ given: 'Wei LI', family: 'Ming', suffix: '' });
    expect(nameParts('John F Kennedy')).toEqual({ given: 'John F', family: 'Kennedy', suffix: '' });
    // A name wholly in capitals says nothing by its case.
    expect(nameParts('WEI ZHANG MING')).toEqual({ given: 'WEI ZHANG', family: 'MING', suffix: '' });
  });

  it('gives a hyphenated given name the same initials written in full or as initials', () => {
    const random = seededRandom(2010);
    const name = () =>
      String.fromCharCode(65 + Math.floor(random() * 26)) +
      'aeiourn'.slice(0, 1 + Math.floor(random() * 6)) +
      (random() < 0.5 ? '' : 'é');
    for (let run = 0; run < 200; run++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, name);
      const hyphen = random() < 0.5 ? '-' : '\u2010';
      const full = parts.join(hyphen);
      const initials = parts.map((part) => `${part[0]}.`).join(hyphen);
      expect(givenInitials(initials), initials).toBe(givenInitials(full));
      expect(givenInitials(`${initials} Ann`), initials).toBe(givenInitials(`${full} Ann`));
    }
  });

  it.each(['小明', '민준', 'محمد', 'प्रिया', 'Ada 小明'])('cites %s in full: its script has no capitals', (given) => {
    expect(givenInitials(given)).toBeUndefined();
  });
});

describe('the word "and" in a name with commas', () => {
  it('is a whole word, as for groups: Andó, Mária has parts, a team with "and" has none', () => {
    // `\band\b` without the u flag saw a word's end after "And" in "Andó" (ó is no ASCII letter).
    expect(commaParts('Andó, Mária')).toEqual({ given: 'Mária', family: 'Andó', suffix: '' });
    expect(nameParts('Andó, Mária')).toEqual({ given: 'Mária', family: 'Andó', suffix: '' });
    expect(commaParts('Research and Development, Team')).toBeUndefined();
    expect(isGroupName('Research and Development, Team')).toBe(true);
  });

  it('is the word alone, in any case, and an accent makes another word (isWordAnd)', () => {
    for (const word of ['and', 'AND', 'And', '(and)', '"and"', 'and;']) expect(isWordAnd(word), word).toBe(true);
    for (const word of ['ánd', 'ANĐ', 'a\u0301nd', 'Andó', 'Ferdinand', 'and/or', 'an d', '', 'ＡＮＤ'])
      expect(isWordAnd(word), word).toBe(false);
    // One rule: a name holds "and" exactly where one of its words is it.
    expect(isGroupName('Ann ánd Bo Li')).toBe(false);
    expect(commaParts('Lee, Ann ánd Bo')).toEqual({ given: 'Ann ánd Bo', family: 'Lee', suffix: '' });
  });
});
