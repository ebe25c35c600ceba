import { parse } from '@retorquere/bibtex-parser';
import { familyName } from '../../src/lib/authors.ts';
import { describe, expect, it } from 'vitest';
import {
  asciiFold,
  assignCitationKeys,
  bibtexEntry,
  bibtexFile,
  escapeText,
  formatAuthors,
  formatTitle,
  MAX_AUTHOR_FIELD,
  isSentenceCase,
  naturalKey,
  splitMath,
  titleKeyWord,
} from '../../src/lib/bibtex.ts';
import { citationAuthorName, referenceAuthorName, type CitablePaper } from '../../src/lib/citation.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { bracesBalance, parseBib } from '../helpers/bibtex.ts';

const paper = (id: string, data: Partial<CitablePaper['data']> = {}): CitablePaper => ({
  id,
  data: { title: 'A Title', authors: ['Ada Lovelace'], date: '2025-06-06', published: '2025-05-01', ...data },
});

/** Parses BibTeX with a real parser (Better BibTeX's), as plain text: no sentence casing, no markup. */

describe('citation keys', () => {
  it.each([
    ['Zoë Çelik', 'Celik'],
    ['Søren Kierkegaard', 'Kierkegaard'],
    ['Paul Erdős', 'Erdos'],
    ['Łukasz Kaiser', 'Kaiser'],
    ['Jürgen Schmidhuber', 'Schmidhuber'],
  ])('folds %s to ASCII', (name, folded) => {
    expect(asciiFold(familyName(name))).toBe(folded);
  });

  it.each([
    ['Scaling MLPs: A Tale of Inductive Bias', 'scaling'],
    ['On the Provable Advantage of Unsupervised Pretraining', 'provable'],
    ['What learning algorithm is in-context learning?', 'learning'],
    ['$O(n^2)$ Attention Is Enough', 'attention'],
    ['GPT-4 Technical Report', 'gpt'],
    ['The', 'the'],
  ])('keys %s by its first significant word', (title, word) => {
    expect(titleKeyWord(title)).toBe(word);
  });

  it('builds author + year + word, with the year of the venue or the first version, never the digest', () => {
    expect(
      naturalKey(paper('x', { title: 'Scaling MLPs', authors: ['Gregor Bachmann'], published: '2023-06-23' })),
    ).toBe('bachmann2023scaling');
    expect(naturalKey(paper('x', { authors: ['Zoë Çelik'], venue: 'ICLR 2024', published: '2023-10-01' }))).toBe(
      'celik2024title',
    );
    expect(naturalKey(paper('x', { authors: ['李华'] }))).toBe('anon2025title');
    // Without `published`, the arXiv id's year; without either, no year (the digest date is 2025).
    expect(naturalKey(paper('x', { published: undefined, arxiv: '2312.00001' }))).toBe('lovelace2023title');
    expect(naturalKey(paper('x', { published: undefined }))).toBe('lovelacetitle');
    // A venue without a year cites none, but the key keeps the first version's year.
    expect(naturalKey(paper('x', { venue: 'TMLR', published: '2023-02-01' }))).toBe('lovelace2023title');
  });

  it("makes keys unique across the digest: a shared natural key gets each paper's id, whatever the input order", () => {
    const papers = [
      paper('b', { date: '2025-01-02' }),
      paper('a', { date: '2025-01-02' }),
      paper('old', { date: '2024-12-31', published: '2024-12-01' }),
      paper('other', { authors: ['Alan Turing'] }),
    ];
    const keys = assignCitationKeys(papers);
    expect(Object.fromEntries(keys)).toEqual({
      old: 'lovelace2024title',
      a: 'lovelace2025title-a',
      b: 'lovelace2025title-b',
      other: 'turing2025title',
    });
    expect(assignCitationKeys([...papers].reverse())).toEqual(keys);
  });

  it('never re-keys a published paper when a paper with its natural key is added later, whatever its id', () => {
    // Readers' .bib files cite the published keys: a newcomer by the same first author, of the same
    // year, with the same first title word, takes its own id and leaves the others' keys as they were.
    const published = [
      paper('2306.13575', { date: '2025-06-06' }),
      paper('2401.00002', { date: '2025-06-07', title: 'Title, again' }),
      paper('same-day-a', { date: '2025-06-08', authors: ['Alan Turing'] }),
      paper('same-day-b', { date: '2025-06-08', authors: ['Alan Turing'] }),
      paper('other', { authors: ['Grace Hopper'] }),
    ];
    const before = assignCitationKeys(published);
    expect(before.get('2306.13575')).toBe('lovelace2025title');
    expect(before.get('2401.00002')).toBe('lovelace2025title-2401.00002');
    for (const newcomer of [
      paper('0-first', { date: '2025-06-09' }),
      paper('zz-last', { date: '2026-01-01' }),
      paper('0-turing', { date: '2025-06-09', authors: ['Alan Turing'] }),
      paper('0-hopper', { date: '2025-06-07', authors: ['Grace Hopper'], title: 'The Title' }),
    ]) {
      const after = assignCitationKeys([...published, newcomer]);
      for (const [id, key] of before) expect(after.get(id), `${id} beside ${newcomer.id}`).toBe(key);
      expect(after.get(newcomer.id)).toBe(`${naturalKey(newcomer)}-${newcomer.id}`);
      expect(new Set(after.values()).size).toBe(after.size);
      // Twice over: the second newcomer leaves the first's key too.
      const second = paper(`${newcomer.id}-2`, { ...newcomer.data, date: '2026-02-02' });
      const later = assignCitationKeys([...published, newcomer, second]);
      for (const [id, key] of after) expect(later.get(id)).toBe(key);
    }
  });

  it("never gives a published key to another paper of the same day, whatever the new paper's id", () => {
    const published = [paper('2306.13575', { date: '2025-06-06' }), paper('other', { authors: ['Alan Turing'] })];
    const before = assignCitationKeys(published);
    for (const newcomer of [paper('0-first', { date: '2025-06-06' }), paper('zz-last', { date: '2025-06-06' })]) {
      const after = assignCitationKeys([...published, newcomer]);
      const owner = new Map([...after].map(([id, key]) => [key, id]));
      // Every key published before names the same paper after, or no paper at all.
      for (const [id, key] of before) expect([id, undefined]).toContain(owner.get(key));
      expect(new Set(after.values()).size).toBe(after.size);
    }
  });

  it("never makes a key that is another paper's natural key", () => {
    const many = Array.from({ length: 30 }, (_, index) => paper(`p${String(index).padStart(2, '0')}`));
    const keys = [...assignCitationKeys(many).values()];
    expect(new Set(keys).size).toBe(30);
    expect(keys).toContain('lovelace2025title-p29');
    const clash = assignCitationKeys([
      paper('1', { title: 'Title' }),
      paper('2', { title: 'Title' }),
      paper('3', { title: 'Titlea' }),
    ]);
    expect(Object.fromEntries(clash)).toEqual({
      1: 'lovelace2025title-1',
      2: 'lovelace2025title-2',
      3: 'lovelace2025titlea',
    });
  });
});

describe('escaping', () => {
  it('escapes every BibTeX and LaTeX special character in text', () => {
    expect(escapeText('{ } \\ & % $ # _ ~ ^ < >')).toBe(
      '{\\textbraceleft} {\\textbraceright} {\\textbackslash} {\\&} {\\%} {\\$} {\\#} {\\_} {\\textasciitilde} {\\textasciicircum} {\\textless} {\\textgreater}',
    );
  });

  it('finds $…$ math, not prices', () => {
    expect(splitMath('Costs $5 and $10')).toEqual([{ text: 'Costs $5 and $10', math: false }]);
    expect(splitMath('In $O(n^2)$ time')).toEqual([
      { text: 'In ', math: false },
      { text: 'O(n^2)', math: true },
      { text: ' time', math: false },
    ]);
  });

  it('keeps math, escapes text and braces words with inner capitals', () => {
    // Sentence case (Friends, snake, case: one capital in three), so Friends keeps its capital too.
    expect(formatTitle('GPT-4 & Friends: 50% of snake_case in $O(n^2)$')).toBe(
      '{GPT-4} {\\&} {Friends}: 50{\\%} of snake{\\_}case in {$O(n^2)$}',
    );
    expect(formatTitle('Kolmogorov-Arnold Networks for MLPs')).toBe('{Kolmogorov-Arnold} Networks for {MLPs}');
    expect(formatTitle('A Tale of Bias')).toBe('A Tale of Bias');
    expect(formatTitle('Beyond (GPT-4): _R&D_ LLMs?')).toBe('Beyond ({GPT-4}): {\\_}{R{\\&}D}{\\_} {LLMs}?');
  });

  it('keeps the capitals of names in a title written in sentence case, where a capital means a name', () => {
    // Seed titles (2107.01408 and 2306.04891): a style that lower-cases titles must keep these.
    expect(formatTitle('Scale mixtures of neural network Gaussian processes')).toBe(
      'Scale mixtures of neural network {Gaussian} processes',
    );
    expect(formatTitle('Learning with $k$ Fourier features: A study of Hebbian rules')).toBe(
      'Learning with {$k$} {Fourier} features: {A} study of {Hebbian} rules',
    );
    // In title case a capital says nothing: only inner capitals are braced.
    expect(formatTitle('A Tale of Inductive Bias in Bayesian Models')).toBe(
      'A Tale of Inductive Bias in Bayesian Models',
    );
    expect(isSentenceCase('Scaling MLPs: A Tale of Inductive Bias')).toBe(false);
    expect(isSentenceCase('Transformers learn in-context by gradient descent')).toBe(true);
    // Too few long words to tell: title case is assumed, as before.
    expect(isSentenceCase('On Gauss')).toBe(false);
  });

  it('braces a lone capital joined to a digit or a sign, which a style would lower-case (`c#`, `t5`)', () => {
    // Title case: only these capitals are braced, not the articles and pronouns that stand alone.
    expect(formatTitle('Exploring T5 and C# Models: A Study of L1 Losses, Q-learning and A* Search')).toBe(
      'Exploring {T5} and {C}{\\#} Models: A Study of {L1} Losses, {Q-learning} and {A}* Search',
    );
    expect(formatTitle('What I Learned from X-ray Images (A) and C++, I.')).toBe(
      'What I Learned from {X-ray} Images (A) and {C}++, I.',
    );
  });

  it('escapes math that would break a field instead of keeping it', () => {
    expect(formatTitle('Bad $\\{x$ math')).toBe('Bad {\\$}{\\textbackslash}{\\textbraceleft}x{\\$} math');
    expect(formatTitle('Also $50%$ bad')).toBe('Also {\\$}50{\\%}{\\$} bad');
  });

  it('writes a name in BibTeX order where BibTeX would take another word for the family name', () => {
    expect(formatAuthors(['Martin Luther King Jr.', 'Laurens van der Maaten III', 'Ada Lovelace'])).toBe(
      'King, Jr., Martin Luther and van der Maaten, III, Laurens and Ada Lovelace',
    );
    // Written family name first in its own script: BibTeX would take the last word.
    const [familyFirst, runTogether] = formatAuthors(['王 小明', '王小明']).split(' and ');
    expect(familyFirst).toBe(`${formatAuthors(['王'])}, ${formatAuthors(['小明'])}`);
    expect(runTogether).not.toContain(',');
    // Already in BibTeX's order: as written. No given name: whole, as written (unbraced, BibTeX
    // would file `King Jr.` under Jr.).
    expect(formatAuthors(['King, Jr., Martin Luther', 'King Jr.'])).toBe(
      'King, Jr., Martin Luther and {\\relax King Jr.}',
    );
    // A suffix after a comma, which BibTeX would read as the given name: in its order too.
    expect(formatAuthors(['Martin Luther King, Jr.', 'King, Martin Luther, Jr.'])).toBe(
      'King, Jr., Martin Luther and King, Jr., Martin Luther',
    );
  });

  it('writes initials run together one a word, as BibTeX abbreviates each word of given names', () => {
    // `J.R.` was one word to BibTeX: abbrv cited `Smith J.R.` as `J. Smith`.
    expect(formatAuthors(['Smith J.R.', 'J.R.R. Tolkien', 'Smith, J.R.', 'ZHANG W.'])).toBe(
      'Smith, J. R. and J. R. R. Tolkien and Smith, J. R. and ZHANG, W.',
    );
    // A hyphen parts initials already; a group's name is kept as written.
    expect(formatAuthors(['Sartre J.-P.', 'U.S. Research Lab'])).toBe('Sartre, J.-P. and {\\relax U.S. Research Lab}');
  });

  it('joins authors with and, bracing a name that contains the word', () => {
    expect(formatAuthors(['Zoë Çelik', 'Research and Development Team', 'A & B'])).toBe(
      'Zo{\\"e} {\\c{C}}elik and {\\relax Research and Development Team} and A {\\&} B',
    );
    // A last name "others" would print as "et al.", inventing co-authors.
    expect(formatAuthors(['Alice Hostile', 'others', 'OTHERS'])).toBe(
      'Alice Hostile and {\\relax others} and {\\relax OTHERS}',
    );
  });

  it('braces the parentheses and brackets of a name, which end or split a \\bibitem label', () => {
    expect(formatAuthors(['Ada (Ed.)', 'Bob [x]'])).toBe('Ada {(}Ed.{)} and Bob {[}x{]}');
  });

  it('names authors while their names fit in the field, then others, each name whole', () => {
    const cases: [number, (index: number) => string][] = [
      // The most authors a paper may list: BibTeX and LaTeX would cut a field of all of them.
      [10_000, (index) => `Given${index} Collaborator${index}`],
      // Names whose LaTeX is five times as long as they are ({\"u}).
      [300, (index) => `Ann ${'ü'.repeat(150)}${index}`],
      [3, (index) => `${'\u738b'.repeat(195)}${index}`],
    ];
    for (const [count, name] of cases) {
      const authors = Array.from({ length: count }, (_, index) => name(index));
      const entry = bibtexEntry(paper('many', { authors }), 'key2025');
      const field = /^ {2}author\s*= \{(.*)\},$/m.exec(entry)![1]!;
      expect(field.length).toBeLessThanOrEqual(MAX_AUTHOR_FIELD + ' and others'.length);
      // The names given are the first ones, each whole, as the whole list writes them.
      const all = formatAuthors(authors);
      const given = field.replace(/ and others$/, '');
      expect(all === given || all.startsWith(`${given} and `)).toBe(true);
      expect(field.endsWith(' and others')).toBe(given !== all);
      expect(parseBib(entry)[0]!.fields.author!.length).toBeGreaterThan(0);
    }
  });

  it.each([
    'Plain </title> & "Quoted" <script>alert(1)</script>',
    'Braces { and } and \\backslash and ~tilde^',
    'Unbalanced }{ braces {{{',
    'Percent 100% #1 _under_ $dollar',
    'ÇA VA? Ünïcödé — “quotes” Łukasz Đức GPT-4o',
  ])('round-trips the title %j through a BibTeX parser', (title) => {
    const entry = bibtexEntry(paper('x', { title }), 'key2025');
    expect(bracesBalance(entry)).toBe(true);
    const [parsed] = parseBib(entry);
    // Đ has no form in a plain document (its \DJ needs T1), nor ư's horn: they are written D and u.
    // A straight double quote is written as the curved quote it stands for (curvedQuotes).
    expect(parsed?.fields.title?.normalize('NFC')).toBe(title.replace('Đứ', 'Dú').replace('"Quoted"', '“Quoted”'));
  });

  it('keeps math in the title as TeX', () => {
    const entry = bibtexEntry(paper('x', { title: 'Sorting in $O(n \\log n)$ Time' }), 'k');
    const raw = parse(entry, { raw: true });
    expect(raw.errors).toEqual([]);
    expect(raw.entries[0]?.fields.title).toBe('Sorting in {$O(n \\log n)$} Time');
  });
});

describe('entries', () => {
  it('writes an arXiv preprint as @misc with eprint and archivePrefix, no invented primaryClass', () => {
    const entry = bibtexEntry(
      paper('2306.13575', {
        title: 'Scaling MLPs: A Tale of Inductive Bias',
        authors: ['Gregor Bachmann', 'Sotiris Anagnostidis', 'Thomas Hofmann'],
        arxiv: '2306.13575',
        published: '2023-06-23',
      }),
      'bachmann2023scaling',
    );
    expect(entry).toBe(
      [
        '@misc{bachmann2023scaling,',
        '  title         = {Scaling {MLPs}: A Tale of Inductive Bias},',
        '  author        = {Gregor Bachmann and Sotiris Anagnostidis and Thomas Hofmann},',
        '  year          = {2023},',
        '  month         = jun,',
        '  eprint        = {2306.13575},',
        '  archivePrefix = {arXiv},',
        '  url           = {https://arxiv.org/abs/2306.13575}',
        '}',
        '',
      ].join('\n'),
    );
    const [parsed] = parseBib(entry);
    expect(parsed?.type).toBe('misc');
    expect(parsed?.key).toBe('bachmann2023scaling');
    expect(parsed?.fields.author?.map((author) => author.lastName)).toEqual(['Bachmann', 'Anagnostidis', 'Hofmann']);
    expect(parsed?.fields).toMatchObject({ eprint: '2306.13575', archiveprefix: 'arXiv', year: '2023' });
    expect(parsed?.fields.primaryclass).toBeUndefined();
  });

  it('gives an old-style id its primary class, which the id names', () => {
    const [parsed] = parseBib(bibtexEntry(paper('p', { arxiv: 'math.GT/0309136' }), 'k'));
    expect(parsed?.fields).toMatchObject({ eprint: 'math/0309136', primaryclass: 'math.GT' });
    expect(parsed?.fields.url).toBe('https://arxiv.org/abs/math/0309136');
  });

  it('writes conference papers as @inproceedings and journal papers as @article, keeping the eprint', () => {
    const conference = parseBib(bibtexEntry(paper('c', { venue: 'NeurIPS 2023 Workshop', arxiv: '2401.00001' }), 'c'));
    expect(conference[0]?.type).toBe('inproceedings');
    expect(conference[0]?.fields).toMatchObject({
      booktitle: 'NeurIPS 2023 Workshop',
      year: '2023',
      eprint: '2401.00001',
    });
    for (const venue of [
      'IEEE Transactions on Neural Networks and Learning Systems 2021',
      'TMLR 2024',
      'Journal of ML & Co, 2019',
    ]) {
      const [journal] = parseBib(bibtexEntry(paper('j', { venue }), 'j'));
      expect(journal?.type).toBe('article');
      expect(journal?.fields.journal).toBe(venue);
      expect(journal?.fields.year).toBe(/\d{4}/.exec(venue)![0]);
      expect(journal?.fields.booktitle).toBeUndefined();
    }
  });

  it('never gives a venue without a year the preprint’s year: the entry is the preprint, the venue a note', () => {
    for (const venue of ['TMLR', 'Journal of ML & Co', 'ICLR']) {
      const [entry] = parseBib(bibtexEntry(paper('j', { venue, published: '2023-02-01', arxiv: '2302.00001' }), 'j'));
      expect(entry?.type).toBe('misc');
      expect(entry?.fields).toMatchObject({ year: '2023', note: `Published in ${venue}`, eprint: '2302.00001' });
      expect(entry?.fields.journal).toBeUndefined();
      expect(entry?.fields.booktitle).toBeUndefined();
    }
  });

  it('points a paper without arXiv id at its PDF or project page, or at nothing', () => {
    const pdf = parseBib(bibtexEntry(paper('p', { links: { pdf: 'https://example.org/a b{c}.pdf' } }), 'p'));
    expect(pdf[0]?.fields.url).toBe('https://example.org/a\\%20b\\%7Bc\\%7D.pdf');
    expect(pdf[0]?.fields.eprint).toBeUndefined();
    const none = parseBib(bibtexEntry(paper('n'), 'n'));
    expect(none[0]?.fields.url).toBeUndefined();
  });

  it('refuses a key that could break the entry', () => {
    expect(() => bibtexEntry(paper('x'), 'a,b')).toThrow(/key/);
    expect(() => bibtexEntry(paper('x'), '')).toThrow(/key/);
  });

  it('writes files whose comments cannot start an entry', () => {
    const file = bibtexFile(
      [bibtexEntry(paper('a'), 'a2025'), bibtexEntry(paper('b'), 'b2025')],
      ['Topic @misc{evil, title={x}}', 'https://example.org/'],
    );
    expect(file.startsWith('% Topic misc{evil, title={x}}\n% https://example.org/\n\n@misc{a2025,')).toBe(true);
    expect(parseBib(file).map((entry) => entry.key)).toEqual(['a2025', 'b2025']);
    expect(bibtexFile([])).toBe('');
  });
});

describe('month', () => {
  const monthLine = (entry: string) => /^ {2}month\s*= (\w+),?$/m.exec(entry)?.[1];

  it('gives the month of the date the year comes from, as BibTeX’s unbraced macro', () => {
    // The first version's day, or its month as an arXiv id tells it (2311: November 2023).
    expect(monthLine(bibtexEntry(paper('a', { published: '2023-01-31' }), 'a'))).toBe('jan');
    expect(monthLine(bibtexEntry(paper('b', { published: undefined, arxiv: '2311.00001' }), 'b'))).toBe('nov');
    expect(monthLine(bibtexEntry(paper('c', { published: '2021-12-01', venue: 'TMLR' }), 'c'))).toBe('dec');
    // A reader's parser reads the macro as the month.
    expect(parseBib(bibtexEntry(paper('d', { published: '2024-09-15' }), 'd'))[0]?.fields.month).toBe('9');
  });

  it('gives none where the year is a venue’s or no date is known', () => {
    // The venue's year is cited; its month is not the preprint's (June 2023), nor known.
    expect(monthLine(bibtexEntry(paper('a', { published: '2023-06-23', venue: 'NeurIPS 2023' }), 'a'))).toBeUndefined();
    const undated = bibtexEntry(paper('b', { published: undefined }), 'b');
    expect(monthLine(undated)).toBeUndefined();
    expect(undated).not.toMatch(/year/);
  });
});

describe("a group's name", () => {
  it('is braced whole, so that BibTeX reads no given name in it to abbreviate', () => {
    expect(formatAuthors(['ATLAS Collaboration', 'Google Research, Brain Team', 'Ada Lovelace'])).toBe(
      '{\\relax ATLAS Collaboration} and {\\relax Google Research, Brain Team} and Ada Lovelace',
    );
  });

  it('leaves a person whose name holds a word groups also use, or "and" inside a word, unbraced', () => {
    // Center and Ai are also family names; Andó holds no word "and", which BibTeX would split at.
    expect(formatAuthors(['Julian Center', 'Chen Ai', 'Mária Andó'])).toBe(
      "Julian Center and Chen Ai and M{\\'a}ria And{\\'o}",
    );
  });

  it("braces an AI lab's name whole, as BibTeX would abbreviate it as a person's (`M. AI`)", () => {
    expect(formatAuthors(['Meta AI', 'OpenAI'])).toBe('{\\relax Meta AI} and {\\relax OpenAI}');
  });

  it('writes a name whose family name starts with a capitalised particle family name first', () => {
    // As written, BibTeX and biber read `Van` as a given name (`Gogh, Vincent Van`).
    expect(formatAuthors(['Vincent Van Gogh', 'Yann Le Cun', 'Luca Di Liello', 'Martin Van Buren Jr.'])).toBe(
      'Van Gogh, Vincent and Le Cun, Yann and Di Liello, Luca and Van Buren, Jr., Martin',
    );
    // A lowercase particle BibTeX reads itself: the name stays as written.
    expect(formatAuthors(['Vincent van Gogh'])).toBe('Vincent van Gogh');
    // Read as a reference manager reads BibTeX: the family names are the citation's.
    const [entry] = parseBib(`@article{k, author = {${formatAuthors(['Vincent Van Gogh', 'Joost Van de Weijer'])}}}`);
    expect(entry!.fields.author).toEqual([
      { lastName: 'Van Gogh', firstName: 'Vincent' },
      { lastName: 'Van de Weijer', firstName: 'Joost' },
    ]);
  });
});

describe('a person’s family name, in every citation output alike', () => {
  it('is the one the .bib gives a reference manager, the citation tag and the APA reference (seeded names)', () => {
    // Names of a given name or two, an optional particle run (lowercase, capitalised or both), a
    // family name and an optional suffix, as people write them.
    const given = ['Vincent', 'Ada', 'Laurens', 'Yann', 'Luca', 'Mary Ann', 'J.', 'Jean-Paul'];
    const particles = ['', '', 'van', 'van der', 'Van', 'Van de', 'de', 'De', 'Di', 'Le', 'von', 'Von', 'du', 'La'];
    const families = ['Gogh', 'Maaten', 'Cun', 'Liello', 'Weijer', 'Smith', 'Oswald', 'Fontaine'];
    // A numeral after the name is a suffix, never the family name: a generation in roman numerals
    // or as an ordinal, or a number (dblp's, telling two people of one name apart).
    const suffixes = ['', '', '', 'Jr.', 'III', 'IV', 'VII', 'XIV', '2nd', '3rd', '4TH', '2', '0001'];
    const random = seededRandom(24);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let index = 0; index < 400; index += 1) {
      const family = [pick(particles), pick(families)].filter(Boolean).join(' ');
      const suffix = pick(suffixes);
      const name = [pick(given), family, suffix].filter(Boolean).join(' ');
      const [read] = parseBib(`@misc{k, author = {${formatAuthors([name])}}}`, name)[0]!.fields.author as {
        lastName: string;
        prefix?: string;
        suffix?: string;
      }[];
      const bibFamily = [read!.prefix, read!.lastName].filter(Boolean).join(' ');
      expect(bibFamily, name).toBe(family);
      expect(read!.suffix ?? '', name).toBe(suffix);
      expect(citationAuthorName(name).startsWith(`${family}, `), name).toBe(true);
      expect(referenceAuthorName(name).startsWith(`${family}, `), name).toBe(true);
      expect(citationAuthorName(name).endsWith(suffix ? `, ${suffix}` : ''), name).toBe(true);
      expect(familyName(name), name).toBe(family);
    }
  });

  it('keeps a numeral that may be a name as written: X, XI and I (Malcolm X, the family name Xi, an initial)', () => {
    for (const [name, family] of [
      ['Malcolm X', 'X'],
      ['Jinping XI', 'XI'],
      ['John Smith I', 'I'],
    ] as const) {
      expect(familyName(name), name).toBe(family);
      expect(citationAuthorName(name), name).toBe(`${family}, ${name.slice(0, -family.length - 1)}`);
    }
  });

  it('keeps one word with a suffix whole (no given name to put after it), in the .bib as elsewhere', () => {
    for (const name of ['Louis XIV', 'Henry VIII', 'Smith 3rd', 'Ada 2', 'Smith Jr.']) {
      const [read] = parseBib(`@misc{k, author = {${formatAuthors([name])}}}`, name)[0]!.fields.author as {
        name?: string;
        lastName?: string;
      }[];
      // Braced whole, BibTeX reads one name, as written: not `Louis` given and `XIV` the family name.
      expect(formatAuthors([name]), name).toBe(`{\\relax ${name}}`);
      expect(read!.lastName ?? read!.name, name).toContain(name);
      expect(citationAuthorName(name), name).toBe(name);
      expect(referenceAuthorName(name), name).toBe(name);
    }
  });
});
