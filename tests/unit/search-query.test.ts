import { describe, expect, it } from 'vitest';
import { closestWord, vocabularyShard } from '../../src/lib/spelling.ts';
import { editDistance } from '../../src/lib/suggest.ts';
import {
  acronymOtherNumber,
  arxivIdInQuery,
  arxivShard,
  hiddenTex,
  indexedForms,
  matchesWord,
  parseQuery,
  queryWords,
  revealTex,
} from '../../src/lib/search-query.ts';
import { arxivShards, vocabularyShards, withIndexedTex } from '../../src/lib/search-data.ts';

describe('arxivIdInQuery', () => {
  it.each([
    ['2306.13575', '2306.13575'],
    ['  2306.13575v2 ', '2306.13575'],
    ['arXiv:2306.13575', '2306.13575'],
    ['arxiv: 2306.13575v12', '2306.13575'],
    ['https://arxiv.org/abs/2306.13575', '2306.13575'],
    ['https://arxiv.org/abs/2306.13575v1', '2306.13575'],
    ['http://www.arxiv.org/pdf/2306.13575v3.pdf', '2306.13575'],
    ['https://arxiv.org/pdf/2306.13575', '2306.13575'],
    ['arxiv.org/html/2306.13575v2/', '2306.13575'],
    ['https://export.arxiv.org/abs/2306.13575?context=cs', '2306.13575'],
    ['0704.0001', '0704.0001'],
    ['math/0309136', 'math/0309136'],
    ['math.GT/0309136', 'math/0309136'],
    ['math.gt/0309136v2', 'math/0309136'],
    ['arXiv:hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/math.GT/0309136v1', 'math/0309136'],
    // As pasted from running text or a reference list.
    ['2401.12973.', '2401.12973'],
    ['2401.12973,', '2401.12973'],
    ['(2401.12973)', '2401.12973'],
    ['[2401.12973v2];', '2401.12973'],
    ['“arXiv:2401.12973”', '2401.12973'],
    ['<https://arxiv.org/abs/2401.12973>.', '2401.12973'],
    ['(hep-th/9901001).', 'hep-th/9901001'],
    // As references cite a paper: arXiv's own line, natbib's "preprint", the DOI arXiv gives it.
    ['arXiv:2306.13575 [cs.LG]', '2306.13575'],
    ['arXiv:math/0309136v1 [math.GT]', 'math/0309136'],
    ['arXiv preprint arXiv:2306.13575', '2306.13575'],
    ['arxiv 2306.13575', '2306.13575'],
    ['https://doi.org/10.48550/arXiv.2306.13575', '2306.13575'],
    ['10.48550/arXiv.2306.13575', '2306.13575'],
    ['doi:10.48550/ARXIV.2306.13575', '2306.13575'],
  ])('%s → %s', (query, id) => {
    expect(arxivIdInQuery(query)).toBe(id);
  });

  it.each([
    'kolmogorov',
    '2306.1357',
    '2306.135755',
    '1412.12345', // five digits before 2015
    '2313.13575', // month 13
    'https://example.org/abs/2306.13575',
    '2306.13575 transformers',
    'arxiv preprint',
    '10.48550/arXiv.kolmogorov',
    'https://doi.org/10.1000/2306.13575',
    'arXiv:2306.13575 [not a class]',
    'math/030913',
    '(2306.1357)',
    '2306.13575)x',
    '',
  ])('%s is no id', (query) => {
    expect(arxivIdInQuery(query)).toBeUndefined();
  });

  it('shards ids by the year and month they carry, and the first digits of a new-style number', () => {
    expect(arxivShard('2306.13575')).toBe('2023-06-13');
    expect(arxivShard('0704.0001')).toBe('2007-04-00');
    expect(arxivShard('math/0309136')).toBe('2003-09');
  });
});

describe('matchesWord', () => {
  it.each([
    ['kolmogorov', 'Kolmogorov-Arnold', true],
    ['arnold', 'Kolmogorov-Arnold', true],
    ['kolmo', 'Kolmogorov', true],
    ['theories', 'theorists', true],
    ['hofmann', 'Hofmann.', true],
    ['akyurek', 'Akyürek', true],
    // Pagefind's fallback to the longest known prefix
    ['kolmogrov', 'k', false],
    ['kolmogrov', 'K.', false],
    ['diffusion', 'DiffROAR,', false],
    ['mathbb', 'math', false],
    ['transformers', 'trans', false],
  ])('%s in %s: %s', (query, token, expected) => {
    expect(matchesWord(query, token)).toBe(expected);
  });

  it('splits a word where Pagefind does', () => {
    expect(indexedForms('DiffROAR,')).toEqual(['diffroar', 'diff', 'roar']);
    expect(indexedForms('Kolmogorov–Arnold')).toEqual(['kolmogorovarnold', 'kolmogorov', 'arnold']);
  });

  it('reads query words as the index holds words: punctuation and symbols dropped', () => {
    expect(queryWords('  Kolmogorov–Arnold, “networks”  ')).toEqual(['kolmogorovarnold', 'networks']);
    // A formula's TeX is indexed without its symbols: `$\\mathbb{R}^d$` holds the word `rd`.
    expect(queryWords('R^d')).toEqual(['rd']);
    expect(queryWords('2^k - 1')).toEqual(['2k', '1']);
    expect(queryWords('k=1 | x+y ≤ z')).toEqual(['k1', 'xy', 'z']);
  });

  it('reads quoted phrases apart from the other words, each phrase on its own', () => {
    expect(parseQuery('"in-context" "linear"')).toEqual({ phrases: [['incontext'], ['linear']], words: [] });
    expect(parseQuery('“neural network” Gaussian')).toEqual({ phrases: [['neural', 'network']], words: ['gaussian'] });
    expect(parseQuery('deep "unclosed phrase')).toEqual({ phrases: [['unclosed', 'phrase']], words: ['deep'] });
    expect(parseQuery('a "" b " ^ "')).toEqual({ phrases: [], words: ['a', 'b'] });
    expect(parseQuery('   ')).toEqual({ phrases: [], words: [] });
  });
});

describe('TeX in the index', () => {
  it('hides command names and dollars from the words and the page, and shows them again', () => {
    const hidden = hiddenTex('\\mathbb{R}^d \\to \\operatorname{softmax}(x)', false);
    expect(hidden).not.toMatch(/mathbb|to |operatorname|\$/);
    expect(hidden).toContain('{softmax}(x)');
    expect(revealTex(hidden)).toBe('$\\mathbb{R}^d \\to \\operatorname{softmax}(x)$');
    expect(revealTex(hiddenTex('a', true))).toBe('$$a$$');
  });

  it('puts each formula as TeX, hidden, before KaTeX', () => {
    const katex = (tex: string) =>
      `<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">x</span></span>`;
    const html = `<p>out of ${katex('2^k - 1')} and</p><p><span class="katex-display">${katex('a &lt; b')}</span></p>`;
    const indexed = revealTex(withIndexedTex(html));
    expect(indexed).toContain(`out of <span hidden>$2^k - 1$</span>${katex('2^k - 1')} and`);
    expect(indexed).toContain(`<span class="katex-display"><span hidden>$$a &lt; b$$</span>${katex('a &lt; b')}`);
    expect(withIndexedTex(html)).not.toContain('$');
  });
});

describe('spelling', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('kolmogrov', 'kolmogorov', 2)).toBe(1);
    expect(editDistance('tarnsformer', 'transformer', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it.each([
    ['kolmogrov', 'Kolmogorov'],
    ['transfomer', 'transformer'],
    ['hebian', 'Hebbian'],
    ['KOLMOGROV', 'Kolmogorov'],
  ])('suggests %s → %s', (word, expected) => {
    expect(closestWord(word, ['transformer', 'Kolmogorov', 'Hebbian', 'transform'])).toBe(expected);
  });

  it.each([['mlp'], ['diffusion'], ['kolmogorov']])('suggests nothing for %s', (word) => {
    expect(closestWord(word, ['MLPs', 'mlps', 'Kolmogorov', 'DiffROAR', 'division'])).toBeUndefined();
  });

  it('prefers the commoner of equally close words (the vocabulary is ordered by frequency)', () => {
    expect(closestWord('netwrk', ['network', 'networx'])).toBe('network');
  });
});

describe('search data files', () => {
  const paper = (id: string, title: string, authors: string[], text: string, arxiv?: string) => ({
    data: { title, date: '2025-06-06', authors, tags: ['t'], ...(arxiv && { arxiv }) },
    url: `/papers/${id}/`,
    text,
    topics: ['Kolmogorov–Arnold Networks'],
  });

  it('map each arXiv id to its paper, one shard per month', () => {
    const shards = arxivShards([
      paper('a', 'A', [], '', '2306.13575'),
      paper('b', 'B', [], '', 'math.GT/0309136'),
      paper('c', 'C', [], ''),
    ]);
    expect([...shards.keys()].sort()).toEqual(['2003-09', '2023-06-13']);
    expect(Object.keys(shards.get('2003-09')!)).toEqual(['math/0309136']);
    expect(shards.get('2023-06-13')).toEqual({
      '2306.13575': { url: '/papers/a/', title: 'A', date: '2025-06-06', topics: ['Kolmogorov–Arnold Networks'] },
    });
  });

  it('hold the words of titles, authors, abstracts and topics, not of math, commonest first', () => {
    const shards = vocabularyShards([
      paper('a', 'Kolmogorov networks', ['Thomas Hofmann'], 'Networks on $\\mathbb{R}^d$ and kernels. Networks.'),
    ]);
    expect(shards.get('n')).toBe('Networks\n');
    expect(shards.get('k')).toBe('Kolmogorov\nkernels\n');
    expect(shards.get('h')).toBe('Hofmann\n');
    expect(shards.get('m')).toBe('');
    expect([...shards.keys()]).toHaveLength(27);
    expect(vocabularyShard('Ökonomie')).toBe('o');
    expect(vocabularyShard('σ-algebra')).toBe('_');
  });
});

describe('acronymOtherNumber', () => {
  it.each([
    ['LLMs', 'llm'],
    ['llm', 'llms'],
    ['MLP', 'mlps'],
    ['CNNs', 'cnn'],
  ])('%s ↔ %s', (word, other) => {
    expect(acronymOtherNumber(word)).toBe(other);
  });

  it.each(['models', 'KANs', 'kan', 'a', 'GPT-4', 'attention'])('leaves %s to the stemmer', (word) => {
    expect(acronymOtherNumber(word)).toBeUndefined();
  });
});
