import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.ts';
import { editOneWord } from '../../src/bench/edit.ts';
import { chooseSearchWords, paperWords } from '../../src/bench/words.ts';

/** How the benchmark picks what to search for, and the one-word edit of its warm rebuild. */
function paper({
  title = 'A paper',
  authors = ['Ada Lovelace'],
  tags = ['optimization'],
  body,
}: {
  title?: string;
  authors?: string[];
  tags?: string[];
  body: string;
}): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'authors:',
    ...authors.map((author) => `  - ${JSON.stringify(author)}`),
    'date: "2025-06-06"',
    'tags:',
    ...tags.map((tag) => `  - ${tag}`),
    '---',
    '',
    body,
    '',
  ].join('\n');
}

describe('the words of a paper', () => {
  it('are its title, authors and abstract, folded like the index, math left out', () => {
    const { words, topics } = paperWords(
      paper({
        title: 'Kolmogorov-Arnold Networks',
        authors: ['Émile Zoë', 'Wei Li'],
        tags: ['theory', 'optimization'],
        body: 'We bound $\\mathcal{O}(n)$ errors.\n\n$$\n\\sum_{i} x_i\n$$\n\nDiffROAR works.',
      }),
    );
    expect(words).toEqual(
      expect.arrayContaining(['kolmogorovarnold', 'kolmogorov', 'arnold', 'networks', 'emile', 'errors']),
    );
    expect(words).toEqual(expect.arrayContaining(['diffroar', 'diff', 'roar', 'works']));
    expect(words).not.toContain('mathcal');
    expect(words).not.toContain('sum');
    // Fewer than three letters: not a word a reader searches for.
    expect(words).not.toContain('we');
    expect(words).not.toContain('li');
    expect(words).toContain('zoe');
    expect(topics).toEqual(['theory', 'optimization']);
  });
});

describe('choosing the search words', () => {
  const texts = [
    paper({ tags: ['theory'], body: 'Graph graph networks learn. Zebras run an abacus.', authors: ['Emile Zebras'] }),
    paper({ tags: ['theory', 'vision'], body: 'Graph networks see. A quokka smiles.', authors: ['Émile Bako'] }),
    paper({ tags: ['vision', 'theory'], body: 'Networks of graph zebra abac.', authors: ['Emile Baku'] }),
  ];

  it('takes the most used word as the common one, and the topic most papers carry', () => {
    const words = chooseSearchWords(texts);
    expect(words.common).toBe('graph');
    expect(words.topic).toBe('theory');
  });

  it('takes a word of exactly one paper that starts no other word as the rare one', () => {
    const words = chooseSearchWords(texts);
    // "abac" (one paper) starts "abacus" (another): a reader's "abac" finds both papers.
    expect(words.rare).toBe('abacus');
    expect(words.rarePaper).toBe(0);
    // Without "abacus", "emile" would not do (two papers, once the accent is dropped): "bako" would.
    const withoutAbacus = chooseSearchWords(texts.map((text) => text.replace(/\babac(us)?\b/g, '')));
    expect(withoutAbacus).toMatchObject({ rare: 'bako', rarePaper: 1 });
  });

  it('passes over the words the search answers as too common, which it would not search', () => {
    const common = [
      paper({ tags: ['theory'], body: 'The graph of the graph and the network.', authors: ['Ada Lovelace'] }),
      paper({ tags: ['theory'], body: 'The graph and the zebra.', authors: ['Ada Lovelace'] }),
    ];
    expect(chooseSearchWords(common).common).toBe('graph');
  });

  it('breaks ties alphabetically, so the same corpus always gives the same words', () => {
    const tied = [
      paper({ tags: ['b', 'a'], body: 'Beta alpha gamma.', authors: ['Alpha Beta'] }),
      paper({ tags: ['a', 'b'], body: 'Alpha beta delta.', authors: ['Alpha Beta'] }),
    ];
    const words = chooseSearchWords(tied);
    expect(words.common).toBe('alpha');
    expect(words.topic).toBe('a');
    expect(words.rare).toBe('delta');
    expect(chooseSearchWords([...tied].reverse())).toMatchObject({ common: 'alpha', topic: 'a', rare: 'delta' });
  });

  it('fails when no word is in exactly one paper', () => {
    const same = paper({ body: 'Same words.' });
    expect(() => chooseSearchWords([same, same])).toThrow(/exactly one paper/);
  });
});

describe('choosing the search words from the benchmark corpus', () => {
  let folder: string;
  let texts: string[];
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bench-words-'));
    await writeCorpus({ papers: 300, outDir: folder });
    const files = (await glob('papers/**/*.mdx', { cwd: folder, absolute: true })).sort();
    texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

  it('finds a common word in most papers and a rare word that only its paper has', () => {
    const words = chooseSearchWords(texts);
    const withCommon = texts.filter((text) => new RegExp(`\\b${words.common}\\b`).test(folded(text)));
    expect(withCommon.length).toBeGreaterThan(texts.length / 2);
    const startingRare = texts.filter((text) => new RegExp(`\\b${words.rare}`).test(folded(text)));
    expect(startingRare).toEqual([texts[words.rarePaper]]);
    expect(words.middling.length).toBeGreaterThan(0);
    expect(chooseSearchWords(texts)).toEqual(words);
  });
});

describe('the one-word edit', () => {
  const text = paper({
    title: 'Learning networks',
    body: 'We use $\\mathrm{softmax}$ and all networks here.\n\n$$\nx\n$$\n',
  });

  it('swaps the last two letters of the first long word of the abstract, outside math', () => {
    const edit = editOneWord(text);
    expect(edit).toMatchObject({ before: 'networks', after: 'networsk' });
    expect(edit.text).toBe(text.replace('all networks', 'all networsk'));
    // The title's "Learning" and the math's "softmax" are left alone.
    expect(edit.text).toContain('title: "Learning networks"');
    expect(edit.text).toContain('$\\mathrm{softmax}$');
  });

  it('skips words whose last two letters are alike, and refuses a paper with no word to edit', () => {
    expect(editOneWord(paper({ body: 'A small network.' }))).toMatchObject({ before: 'network', after: 'netwokr' });
    expect(editOneWord(paper({ body: 'Tall small networks.' }).replace('Tall small', 'Stall'))).toMatchObject({
      before: 'networks',
    });
    expect(() => editOneWord(paper({ body: 'Short words only.' }))).toThrow(/no word/);
    expect(() => editOneWord('no frontmatter')).toThrow(/frontmatter/);
  });
});
