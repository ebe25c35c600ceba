import { describe, expect, it } from 'vitest';
import { authorSlug } from '../../src/lib/authors.ts';
import {
  AUTHOR_FILTER_BUCKETS,
  authorDirectory,
  authorFilterAttributes,
  firstAuthorFilterAttribute,
  firstAuthorFilterName,
  authorFilterName,
  citedNameMatches,
  citedNamesInQuery,
  type DirectoryEntry,
  directoryFile,
  DIRECTORY_INDEX,
  MAX_SHARD_FILE_NAME,
  nameMatches,
  nameMatchesClosely,
  citedReadings,
  plainSpellingForSearch,
  shardForPrefix,
  shardForWord,
  directoryWords,
  listedWords,
  firstDirectoryWord,
  typedReadings,
  typedWords,
} from '../../src/lib/search-authors.ts';
import { authorEntries, authorShards, nameSpellingsForSearch } from '../../src/lib/search-data.ts';
import { asciiFold, naturalKey } from '../../src/lib/bibtex.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { authorsSpelledLike, citedAuthorsFilter, suggestAuthors } from '../../src/client/search-authors.ts';
import { acronymTable, mayCiteAuthors } from '../../src/lib/search-query.ts';
import { windowsDeviceName } from '../../src/lib/file-names.ts';

const paper = (authors: string[]) => ({
  id: 'p',
  data: { title: 't', date: '2024-01-01', authors, tags: [] },
  url: '/p/',
  text: '',
  topics: [],
});

describe('authorFilterName', () => {
  it('puts every spelling of one person under one filter name, among a fixed set of names', () => {
    const names = ['Ekin Akyürek', 'Ekin Akyurek', 'EKIN AKYÜREK'];
    expect(new Set(names.map((name) => authorFilterName(authorSlug(name)))).size).toBe(1);
    const all = new Set(Array.from({ length: 5000 }, (_, index) => authorFilterName(`author-${index}`)));
    expect(all.size).toBe(AUTHOR_FILTER_BUCKETS);
    for (const name of all) expect(name).toMatch(/^author-[0-9a-f]{2}$/);
  });

  it('gives a paper one filter value per person', () => {
    expect(authorFilterAttributes(['Ekin Akyürek', 'Ekin Akyurek', 'Jacob Andreas'])).toEqual([
      `${authorFilterName('ekin-akyurek')}:ekin-akyurek`,
      `${authorFilterName('jacob-andreas')}:jacob-andreas`,
    ]);
  });

  it('gives a paper its first author’s filter value, under a filter name of its own', () => {
    expect(firstAuthorFilterAttribute(['Ekin Akyürek', 'Jacob Andreas'])).toBe(
      `${firstAuthorFilterName('ekin-akyurek')}:ekin-akyurek`,
    );
    expect(firstAuthorFilterName('ekin-akyurek')).not.toBe(authorFilterName('ekin-akyurek'));
    expect(firstAuthorFilterName('ekin-akyurek')).toBe(authorFilterName('ekin-akyurek').replace('author-', 'first-'));
    expect(firstAuthorFilterName('ekin-akyurek')).toMatch(/^first-[0-9a-f]{2}$/);
    expect(firstAuthorFilterAttribute([])).toBeUndefined();
  });
});

describe('names as words', () => {
  it('lists a name under the words of its slug, a name without letters under its slug', () => {
    expect(directoryWords('Ekin Akyürek')).toEqual(['ekin', 'akyurek']);
    expect(directoryWords('Li Li')).toEqual(['li']);
    expect(directoryWords('—')).toEqual([authorSlug('—')]);
    expect(authorSlug('—')).toMatch(/^author--[0-9a-f]{8}$/);
  });

  it('lists a name too long for its slug under every word, and finds it from the cut slug', () => {
    const thai = 'ศุภชัยศุภชัยศุภชัยศุภชัยศุภชัยศุภชัยศุภชัย วงศ์สวัสดิ์วงศ์สวัสดิ์';
    const long = `Maximilian ${'Wolfeschlegelsteinhausenbergerdorff '.repeat(4)}Senior`;
    for (const name of [thai, long]) {
      const slug = authorSlug(name);
      expect(slug, name).toMatch(/--[0-9a-f]{8}$/); // cut and hashed
      const words = directoryWords(name);
      expect(words.at(-1), name).toBe(authorSlug(name.split(' ').at(-1)!)); // the last word, past the cut
      expect(nameMatches(name, typedWords(name.split(' ').at(-1)!)), name).toBe(true);
      // The slug's first word is the name's first word (or the start of it, when that alone is cut).
      expect(words[0]!.startsWith(firstDirectoryWord(slug)), name).toBe(true);
    }
    expect(firstDirectoryWord('ekin-akyurek')).toBe('ekin');
    expect(firstDirectoryWord(authorSlug('—'))).toBe(authorSlug('—'));
  });

  it('spells for the search index the names it must also hold written out', () => {
    // Plain letters for ł, ø, ß are every word's (compoundParts), not a name's alone.
    expect(plainSpellingForSearch('Łukasz Kowalski')).toBeUndefined();
    expect(plainSpellingForSearch('Hans Straße')).toBeUndefined();
    expect(plainSpellingForSearch('Björn Ødegård')).toBe('bjoern oedegaard');
    // Umlauts, ø and å also written out, as German and Scandinavian spelling does.
    expect(plainSpellingForSearch('Frank Allgöwer')).toBe('allgoewer');
    expect(plainSpellingForSearch('Klaus-Robert Müller')).toBe('mueller');
    expect(plainSpellingForSearch('Søren Sørensen')).toBe('soeren soerensen');
    // Accents Unicode takes off, and apostrophes, Pagefind reads as the key does: nothing to add.
    for (const name of ['Ekin Akyurek', "Conor O'Brien", 'Zoë Kravitz', '王小明', 'J. R. Smith', 'José Pérez']) {
      expect(plainSpellingForSearch(name), name).toBeUndefined();
    }
  });

  it('holds the family name as a citation key begins with it, whatever words the name has', () => {
    // The key's name part must be a word the index holds for the paper: one of the name's own
    // words, or one of the spellings added for search.
    const keyName = (name: string) =>
      naturalKey({
        id: 'x',
        data: { authors: [name], title: 'Neural X', date: '2025-06-06', venue: 'ICLR 2024' },
      }).replace(/2024neural$/, '');
    const held = (name: string) => [
      ...asciiFold(name)
        .toLowerCase()
        .split(/[^a-z0-9]+/),
      ...nameSpellingsForSearch(name),
    ];
    const names = [
      'Haitz Sáez de Ocáriz Borde',
      'Artur Back de Luca',
      'Ludwig van der Waals',
      'Johannes von Oswald',
      'Ibn al Haytham',
      'Gregor Bachmann',
      'Ekin Akyürek',
      'Frank Allgöwer',
    ];
    const random = seededRandom(24);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const given = ['Ana', 'Jörg', 'Łukasz', 'Zoë', 'Ji-Woo'];
    const family = ['Ocáriz', 'Borde', 'Luca', 'Müller', 'Straße', 'Waals', 'García-López'];
    for (let index = 0; index < 300; index++) {
      const particles = Array.from({ length: Math.floor(random() * 3) }, () =>
        pick(['de', 'van', 'der', 'von', 'la', 'al']),
      );
      const words = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(family));
      names.push([pick(given), ...particles, ...words].join(' '));
    }
    for (const name of names) expect(held(name), name).toContain(keyName(name));
    expect(nameSpellingsForSearch('Haitz Sáez de Ocáriz Borde')).toEqual(['deocarizborde']);
    // A family name of one word is in the index as it is; a name in another script has no key name.
    expect(nameSpellingsForSearch('Gregor Bachmann')).toEqual([]);
    expect(nameSpellingsForSearch('王小明')).toEqual([]);
  });

  it('lists and matches a name with umlauts, ø or å in both spellings, not a name without them', () => {
    expect(listedWords('Klaus-Robert Müller')).toEqual(['klaus', 'robert', 'muller', 'mueller']);
    expect(listedWords('Jens Sørensen')).toEqual(['jens', 'sorensen', 'soerensen']);
    for (const typed of ['Mueller', 'Muller', 'Müller', 'muel'])
      expect(nameMatches('Klaus-Robert Müller', typedWords(typed)), typed).toBe(true);
    expect(nameMatches('Jens Sørensen', typedWords('Soerensen'))).toBe(true);
    // Whoever writes Muller is not Mueller.
    expect(nameMatches('Anne Muller', typedWords('Mueller'))).toBe(false);
    const cited = (query: string) => citedNamesInQuery(query, { typing: false }).names[0]!;
    expect(citedNameMatches('Frank Allgöwer', cited('Allgoewer et al.'))).toBe(true);
    expect(citedNameMatches('Frank Allgöwer', cited('F. Allgoewer'))).toBe(true);
  });

  it('reads what a reader typed with the one name function', () => {
    expect(typedWords('  Aky\u00fcrek, E. ')).toEqual(['e', 'akyurek']);
    expect(typedWords('Aky\u00fcrek, ')).toEqual(['akyurek']);
    expect(typedWords('   ')).toEqual([]);
  });

  it('reads initials run together after a family name as initials too, as Vancouver style cites them', () => {
    const matches = (name: string, typed: string) => typedReadings(typed).some((words) => nameMatches(name, words));
    expect(typedReadings('Kolter JZ')).toEqual([
      ['kolter', 'jz'],
      ['kolter', 'j', 'z'],
    ]);
    for (const typed of ['Kolter JZ', 'Kolter, JZ', 'Kolter J'])
      expect(matches('J. Zico Kolter', typed), typed).toBe(true);
    expect(matches('Cho-Jui Hsieh', 'Hsieh CJ')).toBe(true);
    expect(matches('Ankit Singh Rawat', 'Rawat AS')).toBe(true);
    // Initials of no given name of theirs.
    expect(matches('Zico Kolter', 'Kolter JZ')).toBe(false);
    // Capitals after a word in lower case are an acronym (initialsAt), not initials.
    expect(typedReadings('deep RL')).toEqual([['deep', 'rl']]);
    expect(matches('Deep Rao Lal', 'deep RL')).toBe(false);
    // A family name in capitals is still read as typed.
    expect(matches('Hao Li', 'Hao LI')).toBe(true);
    expect(typedReadings('  ')).toEqual([[]]);
  });

  it('matches a name when each typed word starts one of its words', () => {
    expect(nameMatches('Ekin Akyürek', ['akyu'])).toBe(true);
    expect(nameMatches('Ekin Akyürek', ['e', 'akyurek'])).toBe(true);
    expect(nameMatches('Ekin Akyürek', ['kyu'])).toBe(false);
    expect(nameMatches('Jacob Akyurek', ['ekin', 'akyurek'])).toBe(false);
  });
});

describe('authorEntries', () => {
  it('counts papers per person and shows the spelling written most often', () => {
    const entries = authorEntries([
      paper(['Ekin Akyürek', 'Jacob Andreas']),
      paper(['Ekin Akyurek']),
      paper(['Ekin Akyürek']),
    ]);
    expect(entries.get('ekin-akyurek')).toEqual(['Ekin Akyürek', 3]);
    expect(entries.get('jacob-andreas')).toEqual(['Jacob Andreas', 1]);
  });
});

describe('authorDirectory', () => {
  const authors = (names: string[]) =>
    new Map<string, DirectoryEntry>(names.map((name, index) => [authorSlug(name), [name, index + 1]]));

  it('lists each author under each word of their name, most papers first', () => {
    const shards = authorDirectory(authors(['Ekin Akyürek', 'Jacob Andreas', 'Mira Chen']));
    expect([...shards.keys()]).toEqual(['a', 'c', 'e', 'j', 'm']);
    expect(shards.get('a')).toEqual([
      ['Jacob Andreas', 2],
      ['Ekin Akyürek', 1],
    ]);
  });

  it('lists an author once in a shard that holds two of their words or spellings', () => {
    const shards = authorDirectory(authors(['Ekin Ekinci', 'Anna Müller']));
    expect(shards.get('e')).toEqual([['Ekin Ekinci', 1]]);
    expect(shards.get('m')).toEqual([['Anna Müller', 2]]);
  });

  it('splits a shard that would grow too large by one more letter, and every word finds its shard', () => {
    const names = Array.from(
      { length: 60 },
      (_, index) => `Given${index} Wa${String.fromCharCode(97 + (index % 6))}ng${index}`,
    );
    names.push('Zed Wa');
    const shards = authorDirectory(authors(names), 10);
    const keys = [...shards.keys()];
    for (const [key, entries] of shards) {
      // Only a shard whose entries all share one whole word may exceed the size.
      const words = new Set(entries.flatMap(([name]) => directoryWords(name).filter((word) => word.startsWith(key))));
      if (entries.length > 10) expect([...words]).toEqual([key]);
    }
    for (const name of names)
      for (const word of directoryWords(name)) {
        const key = shardForWord(word, keys);
        expect(key, word).toBeDefined();
        expect(
          shards.get(key!)!.map(([listed]) => listed),
          word,
        ).toContain(name);
      }
    // `w` is spread over several files: a reader must type more; `waa` names one.
    expect(shardForPrefix('w', keys)).toBeUndefined();
    expect(shardForPrefix('waa', keys)).toBeDefined();
  });

  it('keeps file names short when hundreds of names share a long start, and every word still finds its shard', () => {
    // One paper may list 10,000 authors: 401 names sharing 40 Han letters (9 characters each in a
    // file name) split letter by letter would name a file of 370 characters.
    const names = Array.from({ length: 401 }, (_, index) => `${'王'.repeat(40)}${index.toString(36)}`);
    const shards = authorDirectory(authors(names), 10);
    const keys = [...shards.keys()];
    for (const key of keys) expect(directoryFile(key).length).toBeLessThanOrEqual(MAX_SHARD_FILE_NAME);
    for (const name of names) {
      const key = shardForWord(directoryWords(name)[0]!, keys);
      expect(
        shards.get(key!)!.map(([listed]) => listed),
        name,
      ).toContain(name);
    }
  });

  it('names its files with letters, digits and `_` only, one file per key', () => {
    const keys = ['a', 'ü', 'ж', '中', 'ab'];
    const files = keys.map(directoryFile);
    for (const file of files) expect(file).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(keys.length);
  });

  it('names no shard as its list of keys, shards.json, even where hundreds of names start with shards', () => {
    // One paper may list them: the build then skipped that shard for the list (a route conflict).
    const names = Array.from({ length: 30 }, (_, index) => `Shards ${index.toString(36)}q`);
    const keys = [...authorDirectory(authors(names), 10).keys()];
    expect(keys).toContain(DIRECTORY_INDEX);
    expect(keys.map(directoryFile)).not.toContain(DIRECTORY_INDEX);
    expect(new Set(keys.map(directoryFile)).size).toBe(keys.length);
  });

  it('names no file as Windows names a device, even where hundreds of names start with one', () => {
    const names = Array.from({ length: 30 }, (_, index) => `Con ${index.toString(36)}x Aux`);
    const keys = [...authorDirectory(authors([...names, 'Nul', 'Com1 Lee']), 10).keys()];
    expect(keys).toContain('con');
    for (const key of [...keys, 'aux', 'nul', 'com1', 'lpt9', 'prn']) {
      expect(directoryFile(key)).toMatch(/^[A-Za-z0-9_]+$/);
      expect(windowsDeviceName(directoryFile(key)), key).toBeUndefined();
    }
    expect(new Set(keys.map(directoryFile)).size).toBe(keys.length);
  });
});

describe('authors cited with initials', () => {
  const cited = (query: string, typing = false) => citedNamesInQuery(query, { typing });

  it("reads & or and before a list's last name as part of the list, no word of the query", () => {
    const apa = cited('Giapitzakis, G., Back de Luca, A., & Fountoulakis, K.');
    expect(apa.names.map((name) => name.words)).toEqual([['giapitzakis'], ['luca'], ['fountoulakis']]);
    expect(apa.rest).toBe('');
    expect(cited('Yang, X., & Wang, X. (2024). Kolmogorov-Arnold Transformer.').rest).toBe(
      'Kolmogorov-Arnold Transformer.',
    );
    expect(cited('Hofmann, T. and Bachmann, G.').rest).toBe('');
    expect(cited('Müller, K. und Schmidt, J.').rest).toBe('');
    // Not after a name, nor at the end: a word of the query.
    expect(cited('attention & memory').rest).toBe('attention & memory');
    expect(cited('Z. Kolter and').rest).toBe('and');
  });

  it('reads initials before et al. as ending their name, as Nature-style references cite the first author', () => {
    for (const query of ['Zhou, G. et al. Deep interest network', 'Zhou, G. et al., Deep interest network']) {
      const read = cited(query);
      expect(
        read.names.map((name) => [name.words, name.initials]),
        query,
      ).toEqual([[['zhou'], ['g']]]);
      expect(read.rest, query).toBe('Deep interest network');
    }
    const dated = cited('Bachmann, G. et al. (2023) Scaling MLPs');
    expect(dated.names.map((name) => [name.words, name.initials, name.year])).toEqual([[['bachmann'], ['g'], '2023']]);
    expect(dated.rest).toBe('Scaling MLPs');
  });

  it('reads capitals without full stops before et al. as initials ending their name, as Vancouver style writes them', () => {
    for (const [query, initials] of [
      ['Zhou G et al. Deep interest network', ['g']],
      ['Zhou G, et al. Deep interest network', ['g']],
      ['Zhou GR et al, Deep interest network', ['g', 'r']],
      ['Zhou G R et al. Deep interest network', ['g', 'r']],
    ] as const) {
      const read = cited(query);
      expect(
        read.names.map((name) => [name.words, name.initials]),
        query,
      ).toEqual([[['zhou'], initials]]);
      expect(read.rest, query).toBe('Deep interest network');
    }
    const dated = cited('Bachmann G et al. 2023 Scaling MLPs');
    expect(dated.names.map((name) => [name.words, name.initials, name.year])).toEqual([[['bachmann'], ['g'], '2023']]);
    expect(dated.rest).toBe('Scaling MLPs');
  });

  it('reads every family name of an in-text citation joined by and or &, each with its year', () => {
    const families = (query: string) =>
      cited(query).names.map((name) => [name.words.join(' '), name.year, name.familyOnly === true]);
    expect(families('Yang and Wang (2020)')).toEqual([
      ['yang', '2020', true],
      ['wang', '2020', true],
    ]);
    expect(families('(Hofmann & Kolter, 2023)')).toEqual([
      ['hofmann', '2023', true],
      ['kolter', '2023', true],
    ]);
    expect(families('Shah, Jain, and Netrapalli 2021')).toEqual([
      ['shah', '2021', true],
      ['jain', '2021', true],
      ['netrapalli', '2021', true],
    ]);
    expect(families('Müller und Schmidt et al. 2019')).toEqual([
      ['muller', '2019', true],
      ['schmidt', '2019', false],
    ]);
    // Joined to another name, the last is a citation's, not a word a text may write before a year.
    expect(cited('Yang & Wang 2020').names.map((name) => name.bare)).toEqual([undefined, undefined]);
    expect(cited('Yang and Wang (2020) transformers').rest).toBe('transformers');
    // A word in lower case before the joiner is the query's: no name.
    expect(cited('scaling and Wang 2020')).toMatchObject({ rest: 'scaling and' });
    expect(cited('scaling and Wang 2020').names.map((name) => name.words)).toEqual([['wang']]);
    // Without a comma, only the name just before the joiner goes with the list.
    expect(cited('Tom and Jerry and Wang 2020').rest).toBe('Tom and');
  });

  it('reads initials with the name written out beside them, as reference lists cite authors', () => {
    expect(cited('Z. Kolter')).toEqual({
      names: [{ initials: ['z'], words: ['kolter'] }],
      rest: '',
    });
    expect(cited('J. Z. Kolter verification').names).toEqual([{ initials: ['j', 'z'], words: ['kolter'] }]);
    expect(cited('J. Z. Kolter verification').rest).toBe('verification');
    expect(cited('Hsieh, C.-J.').names).toEqual([{ initials: ['c', 'j'], words: ['hsieh'] }]);
    expect(cited('Akyürek E.').names).toEqual([{ initials: ['e'], words: ['akyurek'] }]);
    expect(cited('Shi, Z., Jin, Q.').names.map((name) => name.words)).toEqual([['shi'], ['jin']]);
    expect(cited('H. Zhang, Z. Kolter').names.map((name) => [name.initials, name.words])).toEqual([
      [['h'], ['zhang']],
      [['z'], ['kolter']],
    ]);
  });

  it('reads initials as Vancouver and PubMed write them: capitals without full stops after the family name', () => {
    expect(cited('Kolter JZ')).toEqual({ names: [{ initials: ['j', 'z'], words: ['kolter'] }], rest: '' });
    expect(cited('LeCun Y').names).toEqual([{ initials: ['y'], words: ['lecun'] }]);
    expect(cited('Hsieh CJ, Zhang H').names.map((name) => [name.initials, name.words])).toEqual([
      [['c', 'j'], ['hsieh']],
      [['h'], ['zhang']],
    ]);
    expect(cited('attention Ma T').rest).toBe('attention');
    expect(citedNameMatches('Cho-Jui Hsieh', cited('Hsieh CJ').names[0]!)).toBe(true);
    expect(citedNameMatches('J. Zico Kolter', cited('Kolter JZ').names[0]!)).toBe(true);
    // Capitals elsewhere are words: not after a capitalised word, nor before more words.
    expect(cited('deep RL').names).toEqual([]);
    expect(cited('RL agents').names).toEqual([]);
    expect(cited('Kolter JZ verification').names).toEqual([]);
    expect(cited('GPT 4o').names).toEqual([]);
    expect(mayCiteAuthors('Tengyu Ma T')).toBe(true);
    // Before the name, one capital at a time, as `E. Akyürek` typed without its full stop.
    expect(cited('E Akyürek')).toEqual({ names: [{ initials: ['e'], words: ['akyurek'] }], rest: '' });
    expect(cited('J Z Kolter').names).toEqual([{ initials: ['j', 'z'], words: ['kolter'] }]);
    expect(cited('Type I error').names).toEqual([]);
    expect(cited('A Survey of transformers').names).toEqual([]);
    expect(mayCiteAuthors('efficient LLM')).toBe(false);
  });

  it("reads capitals that are one of the digest's abbreviations as the abbreviation in the words box, not initials", () => {
    const abbreviations = acronymTable([
      'ai:artificial-intelligence',
      'rl:reinforcement-learning',
      'bn:batch-normalization',
    ]);
    for (const query of ['Generative AI', 'Explainable AI,', 'Deep RL', 'Scaling BN'])
      expect([mayCiteAuthors(query), mayCiteAuthors(query, { abbreviations })]).toEqual([true, false]);
    // Other capitals after a name are still its initials, and a citation's other forms still count.
    for (const query of [
      'Kolter JZ',
      'Hsieh CJ, Zhang H',
      'Yu P S',
      'Generative AI, Hofmann T',
      'Generative AI Akyürek et al.',
    ])
      expect(mayCiteAuthors(query, { abbreviations })).toBe(true);
  });

  it('reads capitals typed apart after the family name as its initials, as PubMed lists them spaced', () => {
    expect(cited('Yu P S')).toEqual({ names: [{ initials: ['p', 's'], words: ['yu'] }], rest: '' });
    expect(cited('anomaly Lee J D').names).toEqual([{ initials: ['j', 'd'], words: ['lee'] }]);
    expect(cited('anomaly Lee J D').rest).toBe('anomaly');
    expect(cited('Hashimoto T B, Ma T').names.map((name) => [name.initials, name.words])).toEqual([
      [['t', 'b'], ['hashimoto']],
      [['t'], ['ma']],
    ]);
    expect(cited('Kolter J Z, Hsieh C J').names.map((name) => name.initials)).toEqual([
      ['j', 'z'],
      ['c', 'j'],
    ]);
    expect(citedNameMatches('Philip S. Yu', cited('Yu P S').names[0]!)).toBe(true);
    expect(citedNameMatches('Felix Yu', cited('Yu P S').names[0]!)).toBe(false);
    // Not before more words.
    expect(cited('Yu P S transformers').names).toEqual([]);
    expect(cited('Type I error').names).toEqual([]);
  });

  it('leaves in the query initials with no name beside them, quoted words, and the word still being typed', () => {
    expect(cited('Z.')).toEqual({ names: [], rest: 'Z.' });
    expect(cited('O. 2023')).toEqual({ names: [], rest: 'O. 2023' });
    expect(cited('"Zico Kolter" Z.')).toEqual({ names: [], rest: '"Zico Kolter" Z.' });
    expect(cited('neural networks').names).toEqual([]);
  });

  it('reads a name before "et al." and the year a citation gives', () => {
    expect(cited('Akyürek et al.')).toEqual({
      names: [{ initials: [], words: ['akyurek'] }],
      rest: '',
    });
    expect(cited('(Akyürek et al., 2023)').names).toEqual([{ initials: [], words: ['akyurek'], year: '2023' }]);
    expect(cited('transformers Akyurek et. al 2022a').names).toEqual([
      { initials: [], words: ['akyurek'], year: '2022' },
    ]);
    expect(cited('transformers Akyurek et. al 2022a').rest).toBe('transformers');
    expect(cited('Kolter, Z. (2023)').names).toEqual([{ initials: ['z'], words: ['kolter'], year: '2023' }]);
    expect(cited('Z. Kolter 2023 verification').names[0]!.year).toBe('2023');
    // No name before it: the words stay.
    expect(cited('et al. 2023')).toEqual({ names: [], rest: 'et al. 2023' });
    expect(cited('2023 et al.')).toEqual({ names: [], rest: '2023 et al.' });
    // After a name read with its initials, `et al.` and its year are that name's, not words.
    expect(cited('T. Hofmann et al.')).toEqual({ names: [{ initials: ['t'], words: ['hofmann'] }], rest: '' });
    expect(cited('MLPs Z. Kolter et al., 2024').names).toEqual([{ initials: ['z'], words: ['kolter'], year: '2024' }]);
    expect(cited('MLPs Z. Kolter et al., 2024').rest).toBe('MLPs');
    expect(cited('Hofmann, T., et al. (2023)').names).toEqual([{ initials: ['t'], words: ['hofmann'], year: '2023' }]);
    expect(cited('Kolter, Z. 2023 et al.').rest).toBe('et al.');
    expect(citedNameMatches('Ekin Akyürek', cited('Akyurek et al.').names[0]!)).toBe(true);
    expect(citedNameMatches('Ekin Akyurekoglu', cited('Akyurek et al.').names[0]!)).toBe(false);
  });

  it('reads the last word as one still being typed, while the reader types', () => {
    expect(cited('attention Z. Kol', true)).toEqual({
      names: [{ initials: ['z'], words: ['kol'], unfinished: true }],
      rest: 'attention',
    });
    expect(cited('Z. Kolter attention', true).names[0]).not.toHaveProperty('unfinished');
    const [typing] = cited('Z. Kol', true).names;
    expect(citedNameMatches('Zico Kolter', typing!)).toBe(true);
    expect(citedNameMatches('Zico Kolter', cited('Z. Kol').names[0]!)).toBe(false);
  });

  it('finds the authors a cited name fits, and no other', () => {
    const fits = (query: string, name: string) => citedNameMatches(name, cited(query).names[0]!);
    expect(fits('Z. Kolter', 'J. Zico Kolter')).toBe(true);
    expect(fits('Z. Kolter', 'Zico Kolter')).toBe(true);
    expect(fits('Kolter, J. Z.', 'J. Zico Kolter')).toBe(true);
    expect(fits('C.-J. Hsieh', 'Cho-Jui Hsieh')).toBe(true);
    expect(fits('E. Akyurek', 'Ekin Akyürek')).toBe(true);
    expect(fits('L. van', 'Laurens van der Maaten')).toBe(true);
    // The initials must start other words of the name, in order; the name must have the word.
    expect(fits('Z. Kolter', 'Zachary Kolterman')).toBe(false);
    expect(fits('K. Kolter', 'Zico Kolter')).toBe(false);
    expect(fits('Z. J. Kolter', 'J. Zico Kolter')).toBe(false);
    expect(fits('H. Zhang', 'Zhang Huan')).toBe(true);
    expect(fits('H. Zhang', 'Michael Zhang')).toBe(false);
  });
});

/** The author directory of papers by `names`, served as the client fetches it (/search/authors/…). */
function directoryOf(names: string[]): <T>(url: string) => Promise<T> {
  const shards = authorShards(names.map((name) => paper([name])));
  const byFile = new Map([...shards.keys()].map((key) => [directoryFile(key), key]));
  return <T>(url: string): Promise<T> => {
    const file = url.replace(/^\/search\/authors\//, '').replace(/\.json$/, '');
    return Promise.resolve((file === DIRECTORY_INDEX ? [...shards.keys()] : shards.get(byFile.get(file)!)) as T);
  };
}

/** The author slugs a cited-authors filter keeps. */
const slugsOf = (filter: Awaited<ReturnType<typeof citedAuthorsFilter>>) =>
  filter?.filter.all.flatMap((group) => group.any.flatMap((each) => Object.values(each)));

describe('family names of several words', () => {
  // Each compound family name beside names that only have its words, apart or in another order.
  const names = [
    'Laurens van der Maaten',
    'Vanessa Derby Maaten',
    'Maaten van der Berg',
    'Nando de Freitas',
    'Denise Freitas',
    'Freitas de Souza',
    'Yann Le Cun',
    'Cun Le',
    'Nejib Ben Amor',
    'Benjamin Amor',
    'Amor Ben Salah',
    'Yaser S. Abu-Mostafa',
    'Abu Bakr Mostafa',
    'Gabriel García Márquez',
    'Ana Márquez García',
    'Adam Smith',
  ];
  const fetchJson = directoryOf(names);

  it.each([
    ['van der Maaten', 'Laurens van der Maaten'],
    ['de Freitas', 'Nando de Freitas'],
    ['Le Cun', 'Yann Le Cun'],
    ['Ben Amor', 'Nejib Ben Amor'],
    ['Abu-Mostafa', 'Yaser S. Abu-Mostafa'],
    ['García Márquez', 'Gabriel García Márquez'],
    ['Garcia Marquez', 'Gabriel García Márquez'],
  ])(
    'suggests for %s in the Author field the one author whose name has it, not the others with its words',
    async (typed, name) => {
      expect((await suggestAuthors('/search/', typed, fetchJson)).map(([each]) => each)).toEqual([name]);
    },
  );

  it.each([
    ['vandermaaten', 'Laurens van der Maaten'],
    ['lecun', 'Yann Le Cun'],
    ['Benamor', 'Nejib Ben Amor'],
  ])(
    'suggests for %s, a family name with particles typed as one word, the author whose name has it',
    async (typed, name) => {
      expect((await suggestAuthors('/search/', typed, fetchJson)).map(([each]) => each)).toEqual([name]);
    },
  );

  it('still suggests a name by its words in another order where no name has them side by side', async () => {
    expect((await suggestAuthors('/search/', 'Smith Adam', fetchJson)).map(([each]) => each)).toEqual(['Adam Smith']);
    expect(nameMatchesClosely('Adam Smith', typedWords('Smith Adam'))).toBe(false);
    expect(nameMatchesClosely('Ekin Akyürek', typedWords('e akyu'))).toBe(true);
  });

  it.each([
    ['van der Maaten 2008', 'Laurens van der Maaten', '2008'],
    ['(van der Maaten, 2008)', 'Laurens van der Maaten', '2008'],
    ['van der Maaten et al.', 'Laurens van der Maaten', undefined],
    ['L. van der Maaten', 'Laurens van der Maaten', undefined],
    ['Y. Le Cun', 'Yann Le Cun', undefined],
    ['de Freitas 2016', 'Nando de Freitas', '2016'],
    ['Le Cun et al., 1998', 'Yann Le Cun', '1998'],
    ['Ben Amor 2019', 'Nejib Ben Amor', '2019'],
    ['Abu-Mostafa 2012', 'Yaser S. Abu-Mostafa', '2012'],
    ['García Márquez 1967', 'Gabriel García Márquez', '1967'],
  ])('reads %s in the query as that author cited, no other', async (query, name, year) => {
    const filter = await citedAuthorsFilter('/search/', query, false, fetchJson);
    expect(slugsOf(filter)).toEqual([authorSlug(name), ...(year ? [year] : [])]);
    expect(filter?.rest).toBe('');
  });

  it('asks first for the papers of which a reference’s first name is the first author (a year, or names joined)', async () => {
    const firstOf = async (query: string) =>
      (await citedAuthorsFilter('/search/', query, false, fetchJson))?.filter.firstAuthor?.any.flatMap((each) =>
        Object.entries(each),
      );
    const first = [[firstAuthorFilterName(authorSlug('Adam Smith')), authorSlug('Adam Smith')]];
    expect(await firstOf('Smith et al., 2012')).toEqual(first);
    expect(await firstOf('(Smith & Denise Freitas, 2012)')).toEqual(first);
    expect(await firstOf('de Freitas et al. 2012')).toEqual([
      [firstAuthorFilterName(authorSlug('Nando de Freitas')), authorSlug('Nando de Freitas')],
    ]);
    // Each name of a list with its particles (`de`, `van der`), as a name alone is read.
    const both = await citedAuthorsFilter('/search/', 'de Freitas and van der Maaten 2012', false, fetchJson);
    expect(slugsOf(both)).toEqual([
      authorSlug('Nando de Freitas'),
      '2012',
      authorSlug('Laurens van der Maaten'),
      '2012',
    ]);
    expect(both?.filter.firstAuthor?.any.flatMap((each) => Object.values(each))).toEqual([
      authorSlug('Nando de Freitas'),
    ]);
    // A name alone, with no year, cites no paper: every paper of the author as they come.
    expect(await firstOf('Adam Smith')).toBeUndefined();
  });

  it('reads a capitalised word before a year as a family name only where an author has it so', async () => {
    // A given name is no family name: the query is words and a year.
    expect(await citedAuthorsFilter('/search/', 'Adam 2023', false, fetchJson)).toBeUndefined();
    expect(await citedAuthorsFilter('/search/', 'Kolmogorov 2024', false, fetchJson)).toBeUndefined();
    expect(citedNamesInQuery('transformers 2023').names).toEqual([]);
    // Words before a name that no author has with it go back to the query's words.
    const scaling = await citedAuthorsFilter('/search/', 'Scaling Smith 2023', false, fetchJson);
    expect(slugsOf(scaling)).toEqual([authorSlug('Adam Smith'), '2023']);
    expect(scaling?.rest).toBe('Scaling');
    expect(citedReadings(citedNamesInQuery('Le Cun et al.').names[0]!).map((reading) => reading.cited.words)).toEqual([
      ['le', 'cun'],
      ['cun'],
    ]);
  });
});

describe('a pasted reference whose names are not all authors of the digest', () => {
  const fetchJson = directoryOf(['Xingyi Yang', 'Xinchao Wang', 'Thomas Hofmann', 'Gregor Bachmann']);

  it.each([
    // A venue and its year after the title: no family name.
    [
      'Yang, X., & Wang, X. (2024). Kolmogorov-Arnold Transformer. ICLR 2025.',
      ['xingyi-yang', 'xinchao-wang', '2024'],
      // The `&` before the last author is the list's (no word: it once made the query find nothing).
      'Kolmogorov-Arnold Transformer. ICLR 2025.',
    ],
    // The last initials before the title, as Vancouver style writes them: `T. Scaling` is no author.
    [
      'Bachmann G, Hofmann T. Scaling MLPs. NeurIPS 2023',
      ['gregor-bachmann', 'thomas-hofmann'],
      'Scaling MLPs. NeurIPS 2023',
    ],
    // An author the digest does not have, beside one it has: the other is still cited.
    ['Vaswani et al. and Hofmann et al.', ['thomas-hofmann'], 'Vaswani et al. and'],
  ])('reads in %s the authors it has, and the rest as words', async (query, slugs, rest) => {
    const filter = await citedAuthorsFilter('/search/', query, false, fetchJson);
    expect(slugsOf(filter)).toEqual(slugs);
    expect(filter?.rest).toBe(rest);
  });

  it('reads a query none of whose names is an author as words', async () => {
    expect(await citedAuthorsFilter('/search/', 'Vaswani et al. 2017', false, fetchJson)).toBeUndefined();
    expect(await citedAuthorsFilter('/search/', 'e.g. LLaMA, ICLR 2025', false, fetchJson)).toBeUndefined();
  });
});

describe('a family name alone that is also a word', () => {
  // Family names that text writes as words too: the Adam optimizer, long context, green AI.
  const names = ['Hartwig Adam', 'Mingsheng Long', 'Tim Green', 'David Silver', 'Ekin Akyürek'];
  const fetchJson = directoryOf(names);

  it.each([
    ['Adam 2023', 'Hartwig Adam', '2023'],
    ['Long 2023', 'Mingsheng Long', '2023'],
    ['LONG 2023', 'Mingsheng Long', '2023'],
    ['Green 2021', 'Tim Green', '2021'],
    ['Silver 2016', 'David Silver', '2016'],
    ['Akyürek 2023', 'Ekin Akyürek', '2023'],
    ['optimizer Adam 2023.', 'Hartwig Adam', '2023'],
  ])('reads %s as that author cited and as words and a year, both', async (query, name, year) => {
    const filter = await citedAuthorsFilter('/search/', query, false, fetchJson);
    expect(slugsOf(filter)).toEqual([authorSlug(name), year]);
    expect(filter?.alsoWords).toBe(true);
  });

  it.each([
    ['(Adam, 2023)', 'Hartwig Adam'],
    ['Adam (2023)', 'Hartwig Adam'],
    ['Adam, 2023', 'Hartwig Adam'],
    ['Adam 2023a', 'Hartwig Adam'],
    ['H. Adam 2023', 'Hartwig Adam'],
    ['Adam et al. 2023', 'Hartwig Adam'],
    ['(Long et al., 2023)', 'Mingsheng Long'],
  ])('reads %s, a citation by its form, as that author cited only', async (query, name) => {
    const filter = await citedAuthorsFilter('/search/', query, false, fetchJson);
    expect(slugsOf(filter)).toEqual([authorSlug(name), '2023']);
    expect(filter?.alsoWords).toBeUndefined();
  });

  it('marks only a capitalised word before a plain year as bare', () => {
    expect(citedNamesInQuery('Adam 2023').names).toEqual([
      { initials: [], words: ['adam'], familyOnly: true, bare: true, year: '2023' },
    ]);
    expect(citedNamesInQuery('(Adam, 2023)').names[0]?.bare).toBeUndefined();
  });
});

describe('a name written with a suffix after a comma', () => {
  // BibTeX's forms of a name: each is cited by its family name, King, whatever its order.
  it.each(['Martin Luther King, Jr.', 'King, Martin Luther, Jr.', 'King, Jr., Martin Luther'])(
    'reads King and King 2019 as %s cited, and suggests the name for King',
    async (name) => {
      const fetchJson = directoryOf([name, 'Jr. Smith']);
      for (const [query, year] of [
        ['King 2019', '2019'],
        ['(King et al., 2019)', '2019'],
        ['M. L. King', undefined],
      ] as const) {
        const filter = await citedAuthorsFilter('/search/', query, false, fetchJson);
        expect(slugsOf(filter), query).toEqual([authorSlug(name), ...(year ? [year] : [])]);
      }
      expect((await suggestAuthors('/search/', 'King', fetchJson)).map(([each]) => each)).toEqual([name]);
    },
  );
});

describe('did you mean, for a misspelt name in the Author field', () => {
  const names = ['Ashish Vaswani', 'Geoffrey Hinton', 'Ekin Akyürek', 'Hinrich Schütze', 'Tengyu Ma'];
  const fetchJson = directoryOf(names);
  const spelledLike = async (typed: string) =>
    (await authorsSpelledLike('/search/', typed, fetchJson)).map(([name]) => name);

  it.each([
    ['Vaswanni', 'Ashish Vaswani'],
    ['Hinten', 'Geoffrey Hinton'],
    ['geoffrey hinten', 'Geoffrey Hinton'],
    ['Akyurekk', 'Ekin Akyürek'],
  ])('offers for %s the author %s, whom the typed words alone do not find', async (typed, name) => {
    expect(await suggestAuthors('/search/', typed, fetchJson)).toEqual([]);
    expect(await spelledLike(typed)).toEqual([name]);
  });

  it('offers nothing for a name the directory has, nor for one far from every name', async () => {
    for (const typed of ['Vaswani', 'Hinton', 'Schutze', 'Ekin Aky', 'Zzyzx', 'Ma', 'Mo', ''])
      expect(await spelledLike(typed)).toEqual([]);
  });
});

describe('an author cited with initials, in the words box and the Author field', () => {
  const names = ['Ashish Vaswani', 'Bob Vaswani', 'Jean-Pierre Vaswani', 'Jacob Andreas'];
  const fetchJson = directoryOf(names);
  const cited = async (query: string) => slugsOf(await citedAuthorsFilter('/search/', query, false, fetchJson));
  const suggested = async (typed: string) =>
    (await suggestAuthors('/search/', typed, fetchJson)).map(([name]) => name).sort();

  it.each(['Vaswani A', 'A. Vaswani', 'vaswani, a.', 'Vaswani, A.', 'A Vaswani'])(
    '%s is Ashish Vaswani alone: the initial fits only his given name',
    async (query) => {
      expect(await cited(query)).toEqual([authorSlug('Ashish Vaswani')]);
      expect(await suggested(query)).toEqual(['Ashish Vaswani']);
    },
  );

  it('finds the whole name in the Author field', async () => {
    expect(await suggested('Ashish Vaswani')).toEqual(['Ashish Vaswani']);
  });

  // The given names' initials in order, after the name or before it with full stops.
  it.each(['J. P. Vaswani', 'J.-P. Vaswani', 'Vaswani JP', 'Vaswani, J.-P.'])(
    '%s is Jean-Pierre Vaswani alone',
    async (query) => {
      expect(await cited(query)).toEqual([authorSlug('Jean-Pierre Vaswani')]);
      expect(await suggested(query)).toEqual(['Jean-Pierre Vaswani']);
    },
  );

  // Run together before the name only in the Author field, where a name is expected: in the words
  // box an acronym before a capitalised word (`AI Safety`) is far more often words.
  it('reads JP Vaswani as initials in the Author field, not in the words box', async () => {
    expect(await suggested('JP Vaswani')).toEqual(['Jean-Pierre Vaswani']);
    expect(await cited('JP Vaswani')).toBeUndefined();
  });

  it.each(['AI Safety', 'LLM Agents', 'ML Systems', 'GPT Models', 'NLP Tasks', 'AI Safety, Alignment'])(
    '%s may cite no author in the words box',
    (query) => {
      expect(mayCiteAuthors(query)).toBe(false);
    },
  );

  it('still reads capitals one by one before a name in the words box (J P Vaswani)', async () => {
    expect(mayCiteAuthors('J P Vaswani')).toBe(true);
    expect(await cited('J P Vaswani')).toEqual([authorSlug('Jean-Pierre Vaswani')]);
  });

  it('reads capitals before a word as words where no author has them as initials', async () => {
    for (const query of ['PJ Vaswani', 'RL Andreas', 'GAN Vaswani']) expect(await cited(query), query).toBeUndefined();
  });
});
