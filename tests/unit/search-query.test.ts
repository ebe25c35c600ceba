import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import { describe, expect, it, vi } from 'vitest';
import {
  closestJoinedSpelling,
  closestSpelling,
  closestWord,
  swappedStartShard,
  swappedStartSpelling,
  vocabularyShard,
} from '../../src/lib/spelling.ts';
import { editDistance } from '../../src/lib/suggest.ts';
import { titleText } from '../../src/lib/title-text.ts';
import {
  acronymExpansion,
  acronymOtherNumber,
  acronymTable,
  NORM_NAMES,
  adjacentWordPairs,
  spelledOutAcronyms,
  arxivIdInQuery,
  arxivIdsInQuery,
  arxivShard,
  sitePageInQuery,
  paperKeysInQuery,
  paperShard,
  namedSymbolWord,
  onlyCommonWords,
  countWords,
  countsInQuery,
  commandWord,
  compoundWords,
  symbolWord,
  otherSpelling,
  excludedWords,
  alternativesInQuery,
  wordsNamedBySymbols,
  compoundParts,
  unfinishedWord,
  DECIMAL_POINT,
  plainSpelling,
  nameReadings,
  withScientificNumbersWritten,
  comparable,
  decimalWords,
  hiddenTex,
  INDEX_ONLY_END,
  INDEX_ONLY_START,
  fencedForIndex,
  indexedForms,
  matchesWord,
  mathIndexWords,
  parseQuery,
  splitAtHead,
  splitAtNumber,
  queryWords,
  withoutMarkup,
  withShorthandRead,
  withCitationKeysRead,
  spellingsTypedAsNames,
  yearInQuery,
  monthInQuery,
  withoutStrayOperators,
  withSingleQuotesRead,
  withTypedWordsKept,
  withPrintedWordsRead,
  withPublicationWordsDropped,
  newestFirstInQuery,
  withPercentEscapesRead,
  titleOfPastedEntry,
  revealTex,
  withoutIndexOnlyWords,
  withoutTexComments,
  withTightMarks,
  writtenOutSpelling,
  topicInQuery,
  joinedNameNumber,
  otherNumberSpelling,
  withPhraseApart,
  numberPartsReadOtherwise,
  partGroupings,
  compoundPhrases,
  withoutQuestionWords,
  clippedAbbreviations,
  withPlainCompatibilityLetters,
  questionWithOneWordLess,
  answeringReading,
  MAX_QUESTION_READINGS,
  MAX_COUNTED_WORDS,
  papersWithMostWords,
  wordsToCountApart,
  withVenueNamesRead,
  withScriptsRead,
  scriptedTable,
  LOOK_ALIKES_OF,
  LOOK_ALIKES_AS,
} from '../../src/lib/search-query.ts';
import { latinLookAlike } from '../../src/lib/look-alike.ts';
import {
  acronymExpansions,
  arxivShards,
  compoundHeads,
  mathSymbolWords,
  textWithIndexedParts,
  vocabularyShards,
  withIndexedParts,
  withIndexedTex,
  scriptedTerms,
  scriptedWords,
  MAX_SCRIPTED_WORDS,
} from '../../src/lib/search-data.ts';
import { escapeHtml } from '../../src/lib/encode/html.ts';
import { authorKey } from '../../src/lib/authors.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { hostileStrings, seededRandom } from '../helpers/hostile.ts';

describe('arxivIdInQuery', () => {
  it.each([
    ['2306.13575', '2306.13575'],
    ['  2306.13575v2 ', '2306.13575'],
    // The version typed apart from the id.
    ['2306.13575 v2', '2306.13575'],
    ['arXiv:2306.13575  V3 [cs.LG]', '2306.13575'],
    ['math/0309136 v1.', 'math/0309136'],
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
    ['arXiv preprint arXiv:2306.13575, 2023', '2306.13575'],
    ['https://huggingface.co/papers/2306.13575', '2306.13575'],
    ['https://www.alphaxiv.org/abs/2306.13575v2', '2306.13575'],
    ['https://ar5iv.labs.arxiv.org/html/2306.13575', '2306.13575'],
    ['https://www.semanticscholar.org/arxiv/2306.13575', '2306.13575'],
    ['abs/2306.13575', '2306.13575'],
    ['arXiv:math/0309136v1 [math.GT]', 'math/0309136'],
    ['arXiv preprint arXiv:2306.13575', '2306.13575'],
    ['arxiv 2306.13575', '2306.13575'],
    ['https://doi.org/10.48550/arXiv.2306.13575', '2306.13575'],
    ['10.48550/arXiv.2306.13575', '2306.13575'],
    ['doi:10.48550/ARXIV.2306.13575', '2306.13575'],
    // The stamp in the margin of arXiv's PDFs, the DOI's ending, a downloaded file's name, other
    // references' forms (DBLP, ADS, a year in brackets), and full-width text.
    ['arXiv:2306.13575v2  [cs.LG]  12 Jun 2023', '2306.13575'],
    ['arXiv:math/0309136v1 [math.GT] 9 Sep 2003', 'math/0309136'],
    ['arXiv.2306.13575', '2306.13575'],
    ['2306.13575v2.pdf', '2306.13575'],
    ['CoRR abs/2306.13575', '2306.13575'],
    ['arXiv e-prints, arXiv:2306.13575', '2306.13575'],
    ['arXiv preprint arXiv:2306.13575 (2023).', '2306.13575'],
    ['ａｒＸｉｖ：2306.13575', '2306.13575'],
    // As new-paper reads them too (arxivIdInText, one reading for both): a DOI link without its
    // scheme, arXiv's other hosts, an id broken by a space, a subject class in a listing's brackets.
    ['doi.org/10.48550/arXiv.2306.13575', '2306.13575'],
    ['https://browse.arxiv.org/abs/2306.13575', '2306.13575'],
    ['browse.arxiv.org/abs/2306.13575v2', '2306.13575'],
    ['2306. 13575', '2306.13575'],
    ['\u200b2306.13575', '2306.13575'],
    ['arXiv:cond-mat/0702661 [cond-mat.mes-hall]', 'cond-mat/0702661'],
    // A Markdown link to a paper, as new-paper reads one from a curator's notes.
    ['[Scaling MLPs](https://arxiv.org/abs/2306.13575v2)', '2306.13575'],
    ['[2306.13575](https://arxiv.org/abs/2306.13575)', '2306.13575'],
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
    '2306.13575 v2x',
    '2306.13575 version',
    'arxiv preprint',
    '10.48550/arXiv.kolmogorov',
    'https://doi.org/10.1000/2306.13575',
    'arXiv:2306.13575 [not a class]',
    'math/030913',
    '(2306.1357)',
    '2306.13575)x',
    'arXiv:2306.13575 12 Jun 2023',
    '[2306.13576](https://arxiv.org/abs/2306.13575)', // two papers: which is meant cannot be told
    'arXiv:2306.13575 [cs.LG] 12 Jun',
    'CoRR 2306.1357',
    '',
  ])('%s is no id', (query) => {
    expect(arxivIdInQuery(query)).toBeUndefined();
  });

  it('shards ids by the year and month they carry, and the first digits of a new-style number', () => {
    expect(arxivShard('2306.13575')).toBe('2023-06-13');
    expect(arxivShard('0704.0001')).toBe('2007-04-00');
    expect(arxivShard('math/0309136')).toBe('2003-09');
  });

  // The build reads no clock, and a reader's may be wrong: an id the digest holds was checked when
  // its paper was added, so its shard and its reading in a query do not depend on today's month.
  it('reads an id of a month after the clock the same (no clock)', () => {
    vi.useFakeTimers({ now: new Date('2020-01-15T12:00:00Z'), toFake: ['Date'] });
    try {
      expect(arxivShard('2306.13575')).toBe('2023-06-13');
      expect(paperShard('2306.13575')).toBe('2023-06-13');
      expect(arxivIdInQuery('arXiv:2306.13575v2')).toBe('2306.13575');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("this digest's own pages, their address pasted", () => {
  it.each([
    ['https://digest.example.org/papers/2409.10594/', 'papers', '2409.10594'],
    ['http://127.0.0.1:4321/digest/papers/math-0309136/index.html', 'papers', 'math-0309136'],
    ['/papers/2306.13575.bib', 'papers', '2306.13575'],
    ['digest.example.org/topics/in-context-learning/2/', 'topics', 'in-context-learning'],
    ['https://digest.example.org/topics/in-context-learning/rss.xml', 'topics', 'in-context-learning'],
    ['https://digest.example.org/authors/ekin-akyurek/papers.bib', 'authors', 'ekin-akyurek'],
    ['https://digest.example.org/authors/%E7%8E%8B%E5%B0%8F%E6%98%8E/?utm=x', 'authors', '王小明'],
    // Its last slash left off, after a host or a leading slash.
    ['digest.example.org/digest/papers/2306.13575', 'papers', '2306.13575'],
    ['https://digest.example.org/authors/ekin-akyurek?utm=x', 'authors', 'ekin-akyurek'],
    ['/topics/in-context-learning', 'topics', 'in-context-learning'],
  ])('%s is the page of %s %s', (query, kind, slug) => {
    expect(sitePageInQuery(query)).toEqual({ kind, slug });
  });

  it.each(['/authors/-/2/', 'papers', 'time/series', 'https://example.org/papers/a b/', 'topics/attention'])(
    '%s is no page of a paper, topic or author',
    (query) => {
      expect(sitePageInQuery(query)).toBeUndefined();
    },
  );

  it("reads a paper's page named for its arXiv id as that id", () => {
    expect(arxivIdInQuery('https://digest.example.org/digest/papers/2409.10594/')).toBe('2409.10594');
    expect(arxivIdInQuery('/papers/math-0309136/')).toBe('math/0309136');
    expect(arxivIdsInQuery('/papers/2306.13575/ /papers/2401.12973/')).toEqual(['2306.13575', '2401.12973']);
    expect(arxivIdInQuery('https://digest.example.org/papers/my-own-paper/')).toBeUndefined();
  });

  it("reads a paper's page named for no arXiv id as its file name, which the id → paper map also keys", () => {
    expect(paperKeysInQuery('https://digest.example.org/digest/papers/my-own-paper/')).toEqual(['my-own-paper']);
    expect(paperKeysInQuery('/papers/my-own-paper.bib')).toEqual(['my-own-paper']);
    expect(paperKeysInQuery('/papers/math-0309136/')).toEqual(['math/0309136']);
    expect(paperKeysInQuery('my own paper')).toBeUndefined();
    // Copied from an address, its slashes and colons percent-escaped (withPercentEscapesRead).
    expect(paperKeysInQuery('https://doi.org/10.48550%2FarXiv.2306.13575')).toEqual(['2306.13575']);
    expect(paperKeysInQuery('arXiv%3A2306.13575%20arXiv%3A2401.12973')).toEqual(['2306.13575', '2401.12973']);
    // Its shard is apart from every arXiv id's.
    expect(paperShard('my-own-paper')).toBe('name-m');
    expect(paperShard('2306.13575')).toBe(arxivShard('2306.13575'));
    expect(paperShard('0704-0001')).toBe('name-0');
  });

  it('reads an id typed in full-width digits and stops as the id', () => {
    expect(paperKeysInQuery('２３０６．１３５７５')).toEqual(['2306.13575']);
    expect(paperKeysInQuery('ａｒＸｉｖ：２３０６．１３５７５ｖ２')).toEqual(['2306.13575']);
  });
});

describe('arxivIdsInQuery', () => {
  it.each([
    ['2306.13575', ['2306.13575']],
    ['arXiv preprint arXiv:2306.13575, 2023', ['2306.13575']],
    ['2306.13575 2401.12973', ['2306.13575', '2401.12973']],
    ['2401.12973v2, https://arxiv.org/abs/2306.13575;math.GT/0309136', ['2401.12973', '2306.13575', 'math/0309136']],
    ['arXiv:2306.13575 [cs.LG]\narXiv:2401.12973 [cs.CL]', ['2306.13575', '2401.12973']],
    // The same paper twice (two versions) is one paper.
    ['2306.13575v1 2306.13575v2', ['2306.13575']],
    ['2306.13575 v2, 2401.12973 v1', ['2306.13575', '2401.12973']],
    // A pasted reference: the id it writes as only an id is written, whatever the words around it.
    [
      'Akyürek, E., et al. (2022). What learning algorithm is in-context learning? arXiv preprint arXiv:2211.15661.',
      ['2211.15661'],
    ],
    ['Scaling MLPs: A Tale of Inductive Bias. https://arxiv.org/abs/2306.13575v2', ['2306.13575']],
    ['Yang and Wang. Kolmogorov-Arnold Transformer. CoRR abs/2409.10594 (2024)', ['2409.10594']],
    ['Bachmann et al. (2023) doi:10.48550/arXiv.2306.13575', ['2306.13575']],
    ['Scaling MLPs, arXiv 2306.13575 [cs.LG], and KAT, arXiv: 2409.10594v1', ['2306.13575', '2409.10594']],
    ['see https://digest.example.org/papers/2401.12973/ for ICL', ['2401.12973']],
  ])('%s → %j', (query, ids) => {
    expect(arxivIdsInQuery(query)).toEqual(ids);
  });

  it.each([
    '2306.13575 transformers',
    '2306.13575 2023',
    '2306.13575 v2 v3 transformers',
    'Scaling MLPs 2306.13575',
    'arxiv transformers 2023',
    'https://arxiv.org/abs/ MLPs',
    'kolmogorov arnold',
    '[cs.LG] [cs.CL]',
    '',
  ])('%s is no list of ids', (query) => {
    expect(arxivIdsInQuery(query)).toBeUndefined();
  });
});

describe('otherSpelling', () => {
  it.each([
    ['behaviour', 'behavior'],
    ['behavior', 'behaviour'],
    ['neighbours', 'neighbors'],
    ['favourable', 'favorable'],
    ['optimisation', 'optimization'],
    ['optimization', 'optimisation'],
    ['regularisers', 'regularizers'],
    ['analysed', 'analyzed'],
    ['centre', 'center'],
    ['fibers', 'fibres'],
    ['catalogue', 'catalog'],
    ['modelling', 'modeling'],
    ['labeled', 'labelled'],
    // Short words too: the doubled l's length rule is its own.
    ['colour', 'color'],
    ['color', 'colour'],
    ['tumours', 'tumors'],
    ['favour', 'favor'],
    ['honor', 'honour'],
    ['unfavourable', 'unfavorable'],
    ['neighborhoods', 'neighbourhoods'],
    ['flavours', 'flavors'],
    ['vigor', 'vigour'],
    // A plural without `s` in its other number, either way.
    ['matrices', 'matrix'],
    ['matrix', 'matrices'],
    ['Analyses', 'analysis'],
    ['hypothesis', 'hypotheses'],
    ['criteria', 'criterion'],
    ['vertices', 'vertex'],
    ['formulae', 'formula'],
    ['automaton', 'automata'],
    ['Lemmata', 'lemma'],
    ['polyhedra', 'polyhedron'],
    ['torus', 'tori'],
    ['quanta', 'quantum'],
    ['vortices', 'vortex'],
    ['apex', 'apices'],
    ['data', 'datum'],
    ['bacterium', 'bacteria'],
    ['algae', 'alga'],
    ['larva', 'larvae'],
    ['antennae', 'antenna'],
  ])('%s → %s', (word, other) => {
    expect(otherSpelling(word)).toBe(other);
  });

  // No shape tells colour from flour: only the words whose spellings really differ are rewritten.
  it.each([
    ...['flour', 'hours', 'tours', 'yours', 'amour', 'detour', 'devour', 'contour', 'contours', 'glamour'],
    ...['error', 'motor', 'minor', 'actor', 'prior', 'floor', 'tensor', 'errors', 'factors', 'vectors', 'monitoring'],
  ])('%s has no -our/-or spelling', (word) => {
    expect(otherSpelling(word)).toBeUndefined();
  });

  // No ending tells these pairs: their list (IRREGULAR_SPELLINGS), both ways, with the endings both take.
  it.each([
    ['defence', 'defense'],
    ['offenses', 'offences'],
    ['grey', 'gray'],
    ['Grayscale', 'greyscale'],
    ['programme', 'program'],
    ['programs', 'programmes'],
    ['tyres', 'tires'],
    ['skeptical', 'sceptical'],
    ['judgement', 'judgment'],
    ['artifacts', 'artefacts'],
    ['aluminium', 'aluminum'],
    ['oesophageal', 'esophageal'],
    ['mold', 'mould'],
    ['ageing', 'aging'],
  ])('%s → %s (irregular)', (word, other) => {
    expect(otherSpelling(word)).toBe(other);
    expect(otherSpelling(other)).toBe(word.toLowerCase());
  });

  // Only the pairs' own forms: a word that merely starts like one is no pair's.
  it.each(['greyhound', 'tired', 'tyrant', 'programmer', 'moldova', 'defensive', 'plowman', 'grew', 'gravy'])(
    '%s is no irregular pair',
    (word) => {
      expect(otherSpelling(word)).toBeUndefined();
    },
  );

  // Words cut short (CLIPPED_WORDS), one way: written whole; the whole word is not read as the short one.
  it.each([
    ['nets', 'networks'],
    ['Net', 'network'],
  ])('%s → %s (cut short)', (word, whole) => {
    expect(otherSpelling(word)).toBe(whole);
    expect(otherSpelling(whole)).toBeUndefined();
  });

  it.each(['network', 'nettle', 'netflix', 'resnet', 'unet', 'nested'])('%s is no word cut short', (word) => {
    expect(otherSpelling(word)).toBeUndefined();
  });

  it.each(['filled', 'model', 'four', 'llm', 'attention', 'gradient', '2023'])('%s has none', (word) => {
    expect(otherSpelling(word)).toBeUndefined();
  });
});

describe('numbers in scientific notation', () => {
  const decimal = queryWords('0.001');

  it.each([
    '1e-3',
    '1E-3',
    '1e−3',
    '10^{-3}',
    '10^-3',
    '1 \\times 10^{-3}',
    '1\\cdot10^{-3}',
    '1×10^-3',
    '(1e-3)',
    '1.0e-3',
  ])('reads %s as the decimal 0.001', (query) => expect(queryWords(query)).toEqual(decimal));

  it('reads the mantissa and a positive exponent, and leaves what is no such number alone', () => {
    expect(queryWords('2.5e4')).toEqual(queryWords('25000'));
    expect(queryWords('5 \\times 10^{-4}')).toEqual(queryWords('0.0005'));
    expect(queryWords('10^3')).toEqual(['1000']);
    for (const text of ['2^{-3}', 'e-3', '1e-3x', 'GPT-4e', '10^{100}', 'x^10^3'])
      expect(withScientificNumbersWritten(text), text).toBe(text);
  });

  it('is held by the index as the decimal, in text and in a formula', () => {
    const [word] = decimal;
    expect(compoundParts('1e-3,')).toContain(word);
    expect(compoundParts('(0.001)')).toContain(word);
    expect(mathIndexWords('\\eta = 10^{-3}')).toContain(word);
    expect(mathIndexWords('\\eta = 1 \\times 10^{-3}')).toContain(word);
    expect(mathIndexWords('\\eta = 0.001')).toContain(word);
  });
});

describe("a formula's subscripted word as a query reads it (mathIndexWords)", () => {
  // Pagefind holds a word of the TeX copy whole, `_` kept (`O_i(u)` is `o_iu`); a query reads the
  // subscript without it (`oiu`): the index must hold that reading too.
  const held = (tex: string) => new Set([...mathIndexWords(tex), ...tex.split(/\s+/).map(comparable)]);
  it.each([
    ['\\mathcal O_i(u) = \\sigma', 'O_i(u)'],
    ['\\mathcal{O}_i(u)', '\\mathcal{O}_i(u)'],
    ['f_\\theta(x)', 'f_\\theta(x)'],
    ['\\ell_2(x)', '\\ell_2(x)'],
    ['g_{k}(z) + 1', 'g_k(z)'],
    ['\\sigma_1(W)', 'σ_1(W)'],
  ])('holds %s as the query %s reads it', (tex, query) => {
    const words = queryWords(query);
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(held(tex), `${word} of ${query}`).toContain(word);
  });
});

describe('excludedWords', () => {
  it('takes out each word a hyphen starts, read as a query word', () => {
    expect(excludedWords('kolmogorov -transformer')).toEqual({ kept: 'kolmogorov', excluded: ['transformer'] });
    expect(excludedWords('-Self-Attention LLM -ViT')).toEqual({ kept: 'LLM', excluded: ['selfattention', 'vit'] });
  });

  it('takes out the word after NOT in capitals, as Boolean search engines read it', () => {
    expect(excludedWords('transformer NOT kolmogorov')).toEqual({ kept: 'transformer', excluded: ['kolmogorov'] });
    expect(excludedWords('NOT Self-Attention LLM')).toEqual({ kept: 'LLM', excluded: ['selfattention'] });
    expect(excludedWords('spiking AND NOT hebbian')).toEqual({ kept: 'spiking AND', excluded: ['hebbian'] });
    // `not` in lower case is a word of the query; NOT before a number or alone excludes nothing.
    for (const query of ['why do transformers not generalize', 'NOT 2', 'attention NOT', 'NOTation'])
      expect(excludedWords(query), query).toEqual({ kept: query, excluded: [] });
  });

  it('excludes nothing inside a quoted phrase, which is searched as typed', () => {
    for (const query of ['"To Be or NOT to Be"', '“Why NOT Transformers” kolmogorov', '"self -attention" maps'])
      expect(excludedWords(query), query).toEqual({ kept: query, excluded: [] });
    expect(excludedWords('"NOT all" NOT hebbian -spiking')).toEqual({
      kept: '"NOT all"',
      excluded: ['hebbian', 'spiking'],
    });
  });

  it('takes out a quoted phrase after a hyphen or NOT, as a phrase: not searched as one the papers must have', () => {
    expect(excludedWords('kolmogorov -"vision transformer"')).toEqual({
      kept: 'kolmogorov',
      excluded: ['vision transformer'],
    });
    // The other phrase, not excluded, stays as typed; the excluded one is read as words (as `-Self-Attention`).
    expect(excludedWords('“in-context learning” NOT “Linear Models” spiking')).toEqual({
      kept: '“in-context learning” spiking',
      excluded: ['linear models'],
    });
    // A hyphen before quotes of no letter, or inside a phrase, leaves it searched as typed.
    for (const query of ['kolmogorov -"2024"', '"self -"attention'])
      expect(excludedWords(query).excluded, query).toEqual([]);
  });

  it('reads NOT before a word nearly every paper holds as a title word: no reader excludes "to" or "the"', () => {
    for (const query of ['To Be or NOT to Be', 'TO BE OR NOT TO BE', 'Why NOT the Transformer', 'NOT in Distribution'])
      expect(excludedWords(query), query).toEqual({ kept: query, excluded: [] });
    // The word after a common one is still the reader's to exclude with its own NOT.
    expect(excludedWords('To Be or NOT to Be NOT hamlet')).toEqual({
      kept: 'To Be or NOT to Be',
      excluded: ['hamlet'],
    });
  });

  it('excludes nothing for a hyphen inside a word, before a digit or alone', () => {
    for (const query of ['non-linear', '[-1, 1]', '2^k-1', 'Hsieh, C.-J.', 'a - b', '-1e-3'])
      expect(excludedWords(query), query).toEqual({ kept: query, excluded: [] });
  });
});

describe('alternativesInQuery', () => {
  it('reads OR in capitals as a choice between the words beside it, the rest on every side', () => {
    expect(alternativesInQuery('kolmogorov OR hebbian')).toEqual(['kolmogorov', 'hebbian']);
    expect(alternativesInQuery('"graph neural network" OR GNN')).toEqual(['"graph neural network"', 'GNN']);
    expect(alternativesInQuery('kolmogorov OR hebbian learning')).toEqual(['kolmogorov learning', 'hebbian learning']);
    expect(alternativesInQuery('a b OR c d')).toEqual(['a b d', 'a c d']);
    expect(alternativesInQuery('Hofmann OR Kolter OR Akyürek 2023')).toEqual([
      'Hofmann 2023',
      'Kolter 2023',
      'Akyürek 2023',
    ]);
    expect(alternativesInQuery('transformers OR MLPs -attention')).toEqual([
      'transformers -attention',
      'MLPs -attention',
    ]);
    expect(alternativesInQuery('transformer -attention OR  mlp')).toEqual([
      'transformer -attention',
      'transformer mlp',
    ]);
    // A run of ORs joins as one; a side without words is none.
    expect(alternativesInQuery('kolmogorov OR OR hebbian')).toEqual(['kolmogorov', 'hebbian']);
  });

  it('reads a bracketed group as one side, and an OR inside it as its own choice', () => {
    expect(alternativesInQuery('(x OR y) z')).toEqual(['x z', 'y z']);
    expect(alternativesInQuery('(ICL OR "in-context learning") 2023')).toEqual([
      'ICL 2023',
      '"in-context learning" 2023',
    ]);
    // Inside a group, as outside, OR joins the words beside it: `(a b OR c)` is a and b or c.
    expect(alternativesInQuery('(a b OR c) d')).toEqual(['a b d', 'a c d']);
    expect(alternativesInQuery('((a b) OR c) (d OR e) f')).toEqual(['(a b) d f', '(a b) e f', 'c d f', 'c e f']);
    // A word that closes its own brackets is a word.
    expect(alternativesInQuery('x (2021-2023) OR y')).toEqual(['x (2021-2023)', 'x y']);
    expect(alternativesInQuery('"KAN OR MLP" OR transformer')).toEqual(['"KAN OR MLP"', 'transformer']);
  });

  it('leaves a query whole where OR is a word: alone, at an end, in lower case, in quotes, beside a common word', () => {
    for (const query of [
      'OR',
      'the OR',
      'OR models',
      'the OR ',
      'transformers or MLPs',
      '"attention OR memory"',
      '? OR x',
      'ORCA model',
      'x ORx y',
      // Operations research: beside a word every paper has, OR is the acronym.
      'LLMs for OR modelling',
      'scheduling in OR',
      'deep learning and OR the',
    ])
      expect(alternativesInQuery(query), query).toBeUndefined();
  });

  it('searches at most MAX_ALTERNATIVES sides, however many ORs', () => {
    const query = Array.from({ length: 12 }, (_, index) => `a${index} OR b${index}`).join(' ');
    const sides = alternativesInQuery(query)!;
    expect(sides).toHaveLength(16);
    expect(sides[0]).toBe(Array.from({ length: 12 }, (_, index) => `a${index}`).join(' '));
  });

  it('joins only the words beside each OR, the rest on every side (seeded random queries)', () => {
    const random = seededRandom(20);
    const pick = (n: number) => Math.floor(random() * n);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    // Words of five letters or more: none is a common word (`the`, `for`), beside which OR is a word.
    const word = () =>
      `${letters[pick(26)]}${Array.from({ length: 4 + pick(6) }, () => letters[pick(letters.length)]).join('')}`;
    const words = (n: number) => Array.from({ length: n }, word).join(' ');
    for (let run = 0; run < 300; run++) {
      // Slots of one word, or of choices joined by OR: single words, or groups in brackets.
      const slots = Array.from({ length: 1 + pick(4) }, () => {
        const choices = pick(2) === 0 ? 1 : 2 + pick(2);
        const bracketed = choices > 1 && pick(2) === 0;
        // In a group, a choice of several words is a group of its own (`((a b) OR c)`), searched as it is.
        const choice = () => (bracketed && pick(2) === 0 ? `(${words(2 + pick(2))})` : words(1));
        const alternatives = Array.from({ length: choices }, choice);
        const typed = alternatives.join(' OR ');
        return { alternatives, typed: bracketed ? `(${typed})` : typed };
      });
      if (slots.every((slot) => slot.alternatives.length === 1))
        slots.push({ alternatives: ['x1', 'y1'], typed: 'x1 OR y1' });
      const query = slots.map((slot) => slot.typed).join(' ');
      const expected = slots.reduce<string[]>(
        (sides, slot) => sides.flatMap((side) => slot.alternatives.map((choice) => `${side} ${choice}`.trim())),
        [''],
      );
      expect(alternativesInQuery(query), query).toEqual(expected.slice(0, 16));
      expect(alternativesInQuery(query.replaceAll(' OR ', ' or ')), query).toBeUndefined();
      expect(alternativesInQuery(`"${query.replace(/[()]/g, '')}"`), query).toBeUndefined();
    }
  });
});

describe('nameReadings', () => {
  it('reads a word as a family name with particles typed joined', () => {
    expect(nameReadings('deluca')).toContainEqual(['de', 'luca']);
    expect(nameReadings('DeLuca')).toContainEqual(['de', 'luca']);
    expect(nameReadings('vanderwaals')).toContainEqual(['van', 'der', 'waals']);
    expect(nameReadings('vonoswald')).toContainEqual(['von', 'oswald']);
    expect(nameReadings('delarosa')).toContainEqual(['de', 'la', 'rosa']);
    expect(nameReadings('ibnsina')).toContainEqual(['ibn', 'sina']);
  });

  it('gives at most four readings, most words first, each with a rest of three letters or more', () => {
    const readings = nameReadings('delladellavanderwaals');
    expect(readings.length).toBeLessThanOrEqual(4);
    expect(readings.map((reading) => reading.length)).toEqual(
      [...readings.map((reading) => reading.length)].sort((a, b) => b - a),
    );
    for (const word of ['de', 'dell', 'neural', 'kolmogorov']) expect(nameReadings(word), word).toEqual([]);
  });
});

describe('plainSpelling', () => {
  it('writes ß, ø, ł, æ, œ, đ, ð, þ, ı and their capitals in plain letters, as the name fold does', () => {
    for (const [typed, plain] of [
      ['straße', 'strasse'],
      ['STRAẞE', 'strasse'],
      ['ødegård', 'odegard'],
      ['ØDEGÅRD', 'odegard'],
      ['łukasz', 'lukasz'],
      ['Łukasz', 'lukasz'],
      ['æsir', 'aesir'],
      ['Æsir', 'aesir'],
      ['Œuvre', 'oeuvre'],
      ['ðorđe', 'dorde'],
      ['ÐORĐE', 'dorde'],
      ['þór', 'thor'],
      ['Þór', 'thor'],
      ['ıstanbul', 'istanbul'],
    ] as const) {
      // As the index reads it (comparable: accents dropped, lower case).
      expect(comparable(plainSpelling(typed) ?? ''), typed).toBe(plain);
      // The same words as the author key: one fold for names, the index and the query.
      expect(comparable(authorKey(typed)), typed).toBe(plain);
    }
  });

  it('leaves a word without such letters alone', () => {
    for (const word of ['odegard', 'müller', 'josé', 'σοφία', 'I']) expect(plainSpelling(word), word).toBeUndefined();
  });
});

describe('writtenOutSpelling', () => {
  it.each([
    ['Müller', 'Mueller'],
    ['müller', 'mueller'],
    ['Allgöwer', 'Allgoewer'],
    ['Sørensen', 'Soerensen'],
    ['Ångström', 'Aangstroem'],
    // A decomposed umlaut, as some keyboards and PDFs write it.
    ['Mu\u0308ller', 'Mueller'],
  ])('%s → %s', (word, writtenOut) => {
    expect(writtenOutSpelling(word)).toBe(writtenOut);
  });

  it.each(['Akyurek', 'José', 'Łukasz', 'mueller'])('leaves %s as it is', (word) => {
    expect(writtenOutSpelling(word)).toBe(word.normalize('NFC'));
  });
});

describe('compoundWords', () => {
  it('gives each word joined by punctuation with its parts, outside quoted phrases', () => {
    expect([...compoundWords('neural-network time/series GPT-4, "self-attention" plain')]).toEqual([
      ['neuralnetwork', ['neural', 'network']],
      ['timeseries', ['time', 'series']],
      ['gpt4', ['gpt', '4']],
    ]);
    expect([...compoundWords('Akyürek (2023) ?!')]).toEqual([]);
  });

  it("keeps a name's decimal version one part, as the index holds 2.5 in text (25)", () => {
    expect([...compoundWords('Qwen-2.5 gpt-3.5')]).toEqual([
      ['qwen25', ['qwen', '25']],
      ['gpt35', ['gpt', '35']],
    ]);
    // Joined, it is no compound but a name and its number (splitAtNumber).
    expect([...compoundWords('qwen2.5')]).toEqual([]);
    expect(splitAtNumber(queryWords('qwen2.5')[0]!)).toEqual(['qwen', '25']);
  });
});

describe('withoutQuestionWords', () => {
  it.each([
    ['what is a KAN', 'KAN'],
    ["What's a KAN?", 'KAN?'],
    ['how do transformers learn in context', 'transformers learn context'],
    ['why does double descent happen?', 'double descent happen?'],
    ['Does batch normalization work in transformers', 'batch normalization work transformers'],
    ['transformers: how do they learn in context?', 'transformers: learn context?'],
    // Quoted phrases, acronyms in capitals and -word stay.
    ['what is "in-context learning" in transformers', '"in-context learning" transformers'],
    ['which papers compare KAN OR MLP -the', 'papers compare KAN OR MLP -the'],
    ['what is IT security', 'IT security'],
    // A title that asks a question is found by its other words.
    ['What learning algorithm is in-context learning?', 'learning algorithm in-context learning?'],
    // A pasted reference that asks a question in its title: its authors' names and initials stay.
    ['Do, M. (2023). Why does double descent happen?', 'Do, M. (2023). double descent happen?'],
    ['Wang, Can, et al. (2024). Is a KAN all you need?', 'Wang, Can, et al. (2024). KAN all need?'],
    ['Lee, A., & Yu, P. S. (2022). How do transformers learn?', 'Lee, A., & Yu, P. S. (2022). transformers learn?'],
    ['Hofmann T, Is W. What is attention?', 'Hofmann T, Is W. attention?'],
    ['who is M. Do', 'M. Do'],
    // A question all in capitals is read as in lower case: its question and common words go, OR stays.
    ['WHAT IS A KAN', 'KAN'],
    ['HOW DO TRANSFORMERS LEARN IN CONTEXT?', 'TRANSFORMERS LEARN CONTEXT?'],
    ['IS IT A GNN?', 'GNN?'],
    ['WHICH PAPERS COMPARE KAN OR MLP', 'PAPERS COMPARE KAN OR MLP'],
  ])('%s → %s', (query, asked) => {
    expect(withoutQuestionWords(query)).toBe(asked);
  });

  it.each([
    'why',
    'what is it?',
    'KAN is all you need',
    'Will Grathwohl',
    'May 2024',
    'in-context learning of transformers',
    '"what is a KAN"',
    'the of and',
  ])('leaves %s as typed', (query) => {
    expect(withoutQuestionWords(query)).toBe(query);
  });

  it('keeps every word of a random question that is not a question word or a common one, in order (seeded)', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const frame = ['what', 'how', 'is', 'does', 'the', 'a', 'in', 'of', 'Why', 'Can'];
    const content = ['KAN', 'transformers', 'spiking', '"double descent"', 'ICL', 'Hofmann', '-attention', 'μ'];
    for (let run = 0; run < 200; run += 1) {
      const tokens = [
        pick(frame.slice(0, 4)),
        ...Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick([...frame, ...content])),
      ];
      const kept = tokens.filter((token) => content.includes(token));
      if (kept.length === 0) continue;
      expect(withoutQuestionWords(tokens.join(' '))).toBe(kept.join(' '));
    }
  });

  it('keeps a cited name wherever it stands, whatever spaces are between words (seeded)', () => {
    // Tokens are found by where they start: leading spaces, tabs, line breaks and wide spaces
    // pasted from a PDF must not shift which token is a name's.
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const spaces = [' ', '  ', '\t', '\n', ' \u00A0', '\u3000'];
    const frame = ['how', 'is', 'the', 'a', 'of', 'why', 'Can'];
    const content = ['KAN', 'transformers', '"double descent"', 'ICL', 'μ'];
    for (let run = 0; run < 300; run += 1) {
      const before = Array.from({ length: Math.floor(random() * 40) }, () => pick([...frame, ...content]));
      const after = Array.from({ length: Math.floor(random() * 5) }, () => pick([...frame, ...content]));
      // A reference's author list (`Do, M.`): names a question word spells, each kept.
      const name = pick([
        ['Do,', 'M.'],
        ['Can,', 'W.'],
        ['Is,', 'A.', 'B.'],
      ]);
      const tokens = ['what', ...before, ...name, ...after];
      const query = pick(['', ' ', '\n']) + tokens.map((token) => token + pick(spaces)).join('') + 'work?';
      const kept = [...before.filter((t) => content.includes(t)), ...name, ...after.filter((t) => content.includes(t))];
      expect(withoutQuestionWords(query)).toBe([...kept, 'work?'].join(' '));
    }
  });
});

describe('withVenueNamesRead', () => {
  it.each([
    ['In Advances in Neural Information Processing Systems', '("Neural Information Processing Systems" OR NeurIPS)'],
    [
      'Scaling MLPs. In Advances in Neural Information Processing Systems 36.',
      'Scaling MLPs. ("Neural Information Processing Systems" OR NeurIPS) 36.',
    ],
    [
      'In Proceedings of the 40th International Conference on Machine Learning (ICML), 2023',
      '("International Conference on Machine Learning" OR ICML) , 2023',
    ],
    [
      'international conference on learning\nrepresentations 2025',
      '("International Conference on Learning Representations" OR ICLR) 2025',
    ],
    [
      'Proceedings of the AAAI Conference on Artificial Intelligence',
      '("AAAI Conference on Artificial Intelligence" OR AAAI)',
    ],
    [
      'Proceedings of the 29th ACM SIGKDD Conference on Knowledge Discovery and Data Mining',
      '("Conference on Knowledge Discovery and Data Mining" OR KDD)',
    ],
    ['Transactions on Machine Learning Research', '("Transactions on Machine Learning Research" OR TMLR)'],
    // A long name without its `Conference on`, as readers type it: the phrase as typed.
    ['Knowledge Discovery and Data Mining', '("Knowledge Discovery and Data Mining" OR KDD)'],
    ['computer vision and pattern recognition 2024', '("Computer Vision and Pattern Recognition" OR CVPR) 2024'],
    [
      'Empirical Methods in Natural Language Processing',
      '("Empirical Methods in Natural Language Processing" OR EMNLP)',
    ],
    // A former abbreviation: the venue's name now, as typed first.
    ['NIPS 2017', '("NIPS" OR NeurIPS) 2017'],
    ['nips', '("nips" OR NeurIPS)'],
    ['attention is all you need, NIPS.', 'attention is all you need, ("NIPS" OR NeurIPS) .'],
    ['SIGKDD 2018 click-through', '("SIGKDD" OR KDD) 2018 click-through'],
  ])('reads %s as %s', (query, read) => {
    expect(withVenueNamesRead(query).replace(/\s+/g, ' ').trim()).toBe(read);
  });

  it.each([
    'neural information processing',
    '"Neural Information Processing Systems"',
    'IEEE Transactions on Neural Networks and Learning Systems',
    'International Conference on Machine Learningish',
    'advances in transformers',
    'NIPSy',
    'snips',
    '"NIPS 2017"',
    'SIGKDDx',
    // A short name without its `Conference on` is a topic's words as often.
    'learning theory',
    'uncertainty in artificial intelligence',
  ])('leaves %s as typed', (query) => {
    expect(withVenueNamesRead(query)).toBe(query);
  });

  it('reads each side of what it read as it is, so that the search, which reads each side again, ends', () => {
    for (const query of ['NIPS 2023', 'nips', 'SIGKDD 2018', 'In Advances in Neural Information Processing Systems']) {
      for (const side of alternativesInQuery(withVenueNamesRead(query))!) expect(withVenueNamesRead(side)).toBe(side);
    }
  });

  it("searches a title that has a venue's words as typed first, then as the venue", () => {
    // Papers of the first side come first (alternativesInQuery): the one titled so before every NeurIPS paper.
    for (const query of [
      'Towards Neural Information Processing Systems that learn',
      'a conference on learning theory for kernels',
      'journal of machine learning research reproducibility',
    ]) {
      const [first, second] = alternativesInQuery(withVenueNamesRead(query))!;
      expect(first, query).toMatch(/"[^"]+"/);
      expect(second, query).not.toContain('"');
    }
  });

  it('reads a venue in full however a reference words, spaces and cases it, as both spellings (seeded)', () => {
    const random = seededRandom(41);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const venues = [
      ['NeurIPS', 'Neural Information Processing Systems'],
      ['ICML', 'International Conference on Machine Learning'],
      ['ICLR', 'International Conference on Learning Representations'],
      ['CVPR', 'Conference on Computer Vision and Pattern Recognition'],
      ['EMNLP', 'Conference on Empirical Methods in Natural Language Processing'],
    ] as const;
    const before = ['', 'In ', 'in Advances in ', 'Proceedings of the ', 'In Proceedings of the 37th Annual ', 'The '];
    const cased = (text: string) =>
      [...text]
        .map((letter) => (random() < 0.3 ? letter.toUpperCase() : random() < 0.5 ? letter.toLowerCase() : letter))
        .join('');
    for (let run = 0; run < 300; run += 1) {
      const [abbreviation, name] = pick(venues);
      const typed = cased(pick(before) + name).replace(/ /g, () => pick([' ', '  ', '\n']));
      const query = `Author, A. (2023). Title words. ${typed}${pick(['', '.', ', 2023', ` (${abbreviation})`])}`;
      const read = withVenueNamesRead(query).replace(/\s+/g, ' ');
      expect(read, query).toContain(`("${name}" OR ${abbreviation})`);
      expect(read.startsWith('Author, A. (2023). Title words. ('), query).toBe(true);
    }
  });
});

describe('wordsToCountApart', () => {
  it.each([
    // A long title with a word changed: each word as typed, its punctuation the search's to read.
    [
      'Gated Linear Attention Transformers with Software-Efficient Training',
      ['Gated', 'Linear', 'Attention', 'Transformers', 'Software-Efficient', 'Training'],
    ],
    // Common words are no words to count; a word typed twice counts once, however written.
    ['the Role of the role of Regularisation in Double Descent', ['Role', 'Regularisation', 'Double', 'Descent']],
  ])('%s: %j', (query, words) => {
    expect(wordsToCountApart(query)).toEqual(words);
  });

  it.each([
    // Fewer than four words that count: what the digest does not hold, not a title typed wrong.
    'attention is all you need',
    'H. Zhang softmax',
    'Kolmogorov Arnold zebra',
    // Quotes, OR and -word ask for more than words.
    '"gated linear" attention transformers training',
    'gated linear OR attention transformers training',
    'gated linear attention transformers -training',
    // Punctuation alone is no word.
    'gated ... linear -- attention ???',
  ])('%s: none', (query) => {
    expect(wordsToCountApart(query)).toBeUndefined();
  });

  it('counts at most MAX_COUNTED_WORDS words of a pasted text', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}${index}`);
    expect(wordsToCountApart(words.join(' '))).toEqual(words.slice(0, MAX_COUNTED_WORDS));
  });
});

describe('papersWithMostWords', () => {
  it('lists the papers with more than half of the words, the most first', () => {
    // Four words: a has all four, b two (not more than half), c three.
    const answers = [
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['b', 'a'],
      ['c', 'a'],
    ];
    expect(papersWithMostWords(answers, 10)).toEqual(['a', 'c']);
  });

  it('puts, among papers with as many words, those with the rarer words first, then by place', () => {
    // x has the common word and one rare word; y two rare words; z the same two, placed later.
    const answers = [
      ['x', 'p', 'q', 'r', 's', 't'],
      ['y', 'z', 'x'],
      ['y', 'z'],
    ];
    expect(papersWithMostWords(answers, 20)).toEqual(['y', 'z', 'x']);
  });

  it('lists none when no paper has more than half', () => {
    expect(papersWithMostWords([['a'], ['b'], ['c'], ['d']], 10)).toEqual([]);
  });
});

describe('questionWithOneWordLess', () => {
  it.each([
    // The verb after the subject (an auxiliary before it): the last word first.
    ['why does double descent happen?', ['double descent', 'descent happen?', 'double happen?']],
    ['when does in-context learning emerge', ['in-context learning', 'learning emerge', 'in-context emerge']],
    // The verb right after the question word: the first word first.
    ['what causes double descent', ['double descent', 'causes double', 'causes descent']],
    // A quoted phrase is never cut.
    ['why does "double descent" happen', ['"double descent"']],
    // Nor an excluded word, `OR` or its sides, a year, an id, a bracket's word: they say what the
    // papers must (not) be, and without them other papers show.
    [
      'why does grokking happen suddenly -transformers',
      ['grokking happen -transformers', 'happen suddenly -transformers', 'grokking suddenly -transformers'],
    ],
    ['why does KAN OR MLP fail badly', ['KAN OR MLP fail', 'KAN OR MLP badly']],
    ['why does 2306.13575 scale so badly', ['2306.13575 scale so', '2306.13575 so badly', '2306.13575 scale badly']],
    [
      'why does (NeurIPS OR ICML) matter so much',
      ['(NeurIPS OR ICML) matter so', '(NeurIPS OR ICML) so much', '(NeurIPS OR ICML) matter much'],
    ],
    // Two words of letters, and an exclusion or a year: one word would be left.
    ['why does grokking happen -transformers', []],
    ['why do KAN work in 2024', []],
  ])('%s: %j', (query, readings) => {
    expect(questionWithOneWordLess(query, withoutQuestionWords(query)).map((reading) => reading.query)).toEqual(
      readings,
    );
  });

  it.each([
    ['why does double descent happen?', 'happen'],
    ['what causes double descent', 'causes'],
    ['why does grokking happen suddenly -transformers', 'suddenly'],
  ])('names the word %s is first searched without: %s', (query, word) => {
    expect(questionWithOneWordLess(query, withoutQuestionWords(query))[0]?.leftOut).toBe(word);
  });

  it.each(['double descent happen', 'what is a KAN', 'what causes overfitting', '"why does it happen"'])(
    'gives none for %s (no question, or one word would be left)',
    (query) => {
      expect(questionWithOneWordLess(query, withoutQuestionWords(query))).toEqual([]);
    },
  );

  it.each([
    // `happen` is in no paper: only the readings without it, or with it beside a new neighbour, may find one.
    ['why does double descent happen?', ['happen'], ['double descent', 'double happen?']],
    ['what causes double descent', ['causes'], ['double descent', 'causes descent']],
    ['when does in-context learning emerge', ['emerge'], ['in-context learning', 'in-context emerge']],
    // Two such words: a reading keeps at least one, found only where it meets a new neighbour.
    ['why does quantm gravity explain turbulence', ['quantm', 'gravity'], ['quantm explain turbulence']],
    ['why do zebras fight giraffes', ['zebras', 'giraffes'], ['zebras giraffes']],
    ['why do zebras fight giraffes daily', ['zebras', 'giraffes'], ['zebras giraffes daily']],
    ['why do zebras and lions fight giraffes daily', ['zebras', 'giraffes'], []],
    // A phrase no paper has is in every reading.
    ['why does "quantm gravity" explain turbulence', ['quantm gravity'], []],
  ])('%s, with %j in no paper: searches only %j', (query, unmatched, readings) => {
    const all = questionWithOneWordLess(query, withoutQuestionWords(query));
    // A phrase (words with a space) is the answer's unmatchedPhrase, a word one of its unmatched.
    const missing = unmatched.some((word) => word.includes(' ')) ? { unmatchedPhrase: unmatched[0] } : { unmatched };
    const searched = questionWithOneWordLess(query, withoutQuestionWords(query), missing);
    expect(searched.map((reading) => reading.query)).toEqual(readings);
    // The same readings in the same order, fewer.
    expect(all.filter((reading) => searched.some((each) => each.query === reading.query))).toEqual(searched);
  });

  it('gives a long question at most MAX_QUESTION_READINGS readings, each a whole search', () => {
    const query = 'why do deep sparse gated linear recurrent networks forget tokens quickly';
    const readings = questionWithOneWordLess(query, withoutQuestionWords(query));
    expect(readings).toHaveLength(MAX_QUESTION_READINGS);
    expect(readings[0]?.leftOut).toBe('quickly');
  });

  it('leaves out each plain word of the asked question once, and nothing else (seeded)', () => {
    const random = seededRandom(31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const openers = ['why does', 'how do', 'what', 'when did', 'which'];
    const plain = ['KAN', 'transformers', 'spiking', 'descent', 'happen', 'learn', 'Hofmann', 'μ', "model's"];
    // Words the reader marked: a phrase, an exclusion, a year, an id, a number in a name.
    const marked = ['"double descent"', '-transformers', '2024', '2306.13575', 'GPT-4', '"KAN"'];
    for (let run = 0; run < 400; run += 1) {
      const length = 2 + Math.floor(random() * 5);
      const content = Array.from({ length }, () => pick(random() < 0.7 ? plain : marked));
      const query = [pick(openers), ...content].join(' ');
      const asked = withoutQuestionWords(query).split(' ');
      const readings = questionWithOneWordLess(query, withoutQuestionWords(query));
      // Fewer than three words of letters give no reading (a phrase counts as its words; an
      // exclusion, a year, an id as none).
      const letterWords = { '"double descent"': 2, '"KAN"': 1, 'GPT-4': 1 } as Record<string, number>;
      const count = content.reduce((sum, word) => sum + (plain.includes(word) ? 1 : (letterWords[word] ?? 0)), 0);
      if (count < 3) {
        expect(readings, query).toEqual([]);
        continue;
      }
      const cuttable = asked.filter((word) => plain.includes(word));
      expect(readings.length, query).toBe(cuttable.length);
      expect(readings.map((reading) => reading.leftOut).sort(), query).toEqual([...cuttable].sort());
      for (const { query: reading, leftOut } of readings) {
        // The words kept are the asked ones, in order, without the one named.
        expect(
          asked.some((word, index) => word === leftOut && asked.toSpliced(index, 1).join(' ') === reading),
          reading,
        ).toBe(true);
      }
    }
  });
});

describe('answeringReading', () => {
  const reading = (found: number, withLeftOutStart: number) => ({ found, withLeftOutStart });
  it.each([
    // `why do transformers fail on parity`: without `parity` one paper, which says nothing of it;
    // without `fail` one paper, which says `failure`.
    [[reading(1, 0), reading(1, 1), reading(0, 0)], 1],
    // The largest share of its papers with the left-out word's start, not the most papers.
    [[reading(9, 3), reading(2, 2), reading(5, 2)], 1],
    [[reading(2, 1), reading(1, 1)], 1],
    [[reading(4, 2), reading(2, 1), reading(6, 4)], 2],
    // None says it: the first that finds papers (the likeliest).
    [[reading(0, 0), reading(3, 0), reading(1, 0)], 1],
    [[reading(2, 0)], 0],
    // None finds a paper: none is answered with.
    [[reading(0, 0), reading(0, 0)], undefined],
    [[], undefined],
  ])('%j: %s', (evidence, index) => {
    expect(answeringReading(evidence)).toBe(index);
  });

  it('picks a reading that finds papers, with the largest share that say the left-out word, the first such (seeded)', () => {
    const random = seededRandom(23);
    for (let run = 0; run < 300; run += 1) {
      const evidence = Array.from({ length: Math.floor(random() * 7) }, () => {
        const found = random() < 0.4 ? 0 : 1 + Math.floor(random() * 9);
        return reading(found, Math.floor(random() * (found + 1)));
      });
      const best = answeringReading(evidence);
      const label = JSON.stringify(evidence);
      if (evidence.every(({ found }) => found === 0)) {
        expect(best, label).toBeUndefined();
        continue;
      }
      const chosen = evidence[best!]!;
      expect(chosen.found, label).toBeGreaterThan(0);
      const share = ({ found, withLeftOutStart }: { found: number; withLeftOutStart: number }) =>
        withLeftOutStart / found;
      const finding = evidence.filter(({ found }) => found > 0);
      expect(
        finding.every((each) => share(each) <= share(chosen)),
        label,
      ).toBe(true);
      expect(
        evidence.slice(0, best).every((each) => each.found === 0 || share(each) < share(chosen)),
        label,
      ).toBe(true);
    }
  });
});

describe('look-alike letters in a Latin word', () => {
  it('are the Greek and Cyrillic letters that latinLookAlike reads as one basic Latin letter of their case', () => {
    // Every letter of the two scripts, wherever Unicode put it (Cyrillic Supplement's `ԁ`, Greek
    // Extended's `ι`, Cyrillic Extended-B's `ꙇ`), not only their first blocks.
    const derived: [string, string][] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      const letter = String.fromCodePoint(code);
      if (!/[\p{Script=Greek}\p{Script=Cyrillic}]/u.test(letter)) continue;
      const latin = latinLookAlike(letter);
      const cased = letter.toUpperCase() !== letter.toLowerCase();
      if (latin?.length === 1 && cased && (letter === letter.toUpperCase()) === (latin === latin.toUpperCase()))
        derived.push([letter, latin]);
    }
    expect([...LOOK_ALIKES_OF].map((letter, index) => [letter, LOOK_ALIKES_AS[index]])).toEqual(derived);
    expect(LOOK_ALIKES_AS).toMatch(/^[A-Za-z]+$/);
  });

  it.each([
    ['\u0397edgehog', 'hedgehog'],
    ['\u041Aolmogorov-Arnold', 'kolmogorovarnold'],
    ['TS\u041Cixer', 'tsmixer'],
    ['tr\u0430nsf\u043Ermer', 'transformer'],
    ['\uFF22\u0395RT', 'bert'],
    ['\u0501ropout', 'dropout'],
    ['\u051CaveNet', 'wavenet'],
  ])('reads %s as %s', (query, word) => {
    expect(queryWords(query)).toEqual([word]);
  });

  it.each(['α', 'α,β-CROWN', 'ΑΒΓ', 'Москва', 'μP', 'β-VAE', 'γ ray'])(
    'leaves %s, no Latin word, as typed',
    (query) => {
      expect(withPlainCompatibilityLetters(query)).toBe(query);
    },
  );

  // A small Greek letter before a capital is a symbol named before a name (`$\\nu$-SVM`, σReparam):
  // read by its name, as the same letter before a hyphen is, not as the Latin letter it looks like.
  it.each([
    ['\u03BDSVM', '\u03BD-SVM', 'nusvm'],
    ['\u03B1BERT', '\u03B1-BERT', 'alphabert'],
    ['\u03C3Reparam', '\u03C3-Reparam', 'sigmareparam'],
    ['\u03C1Mixer', '\u03C1-Mixer', 'rhomixer'],
  ])("reads %s as %s is read, by the letter's name", (joined, hyphened, word) => {
    expect(queryWords(joined)).toEqual([word]);
    expect(queryWords(joined)).toEqual(queryWords(hyphened));
  });

  it.each([
    // Cyrillic letters are no symbols, and a Greek one inside a name or before a small letter is a look-alike.
    ['Mobil\u0435Net', 'mobilenet'],
    ['\u0430BERT', 'abert'],
    ['AlphaG\u03BFZero', 'alphagozero'],
    ['\u03BFpt', 'opt'],
  ])('still reads %s as %s', (query, word) => {
    expect(queryWords(query)).toEqual([word]);
  });

  it('reads a Latin word with any of its letters swapped for look-alikes as the word (seeded)', () => {
    const random = seededRandom(23);
    const swaps = new Map<string, string[]>();
    for (const [index, letter] of [...LOOK_ALIKES_OF].entries()) {
      const latin = LOOK_ALIKES_AS[index]!;
      swaps.set(latin, [...(swaps.get(latin) ?? []), letter]);
    }
    const words = ['Hedgehog', 'Kolmogorov', 'TSMixer', 'transformer', 'BERT', 'Porcupine', 'ICL', 'spiking'];
    for (let run = 0; run < 300; run += 1) {
      const word = words[Math.floor(random() * words.length)]!;
      const letters = [...word];
      // One Latin letter stays, so the word is still a Latin word.
      const kept = Math.floor(random() * letters.length);
      const swapped = letters
        .map((letter, index) => {
          const others = swaps.get(letter);
          return index === kept || !others || random() < 0.5 ? letter : others[Math.floor(random() * others.length)]!;
        })
        .join('');
      expect(queryWords(swapped), swapped).toEqual(queryWords(word));
    }
  });
});

describe('clippedAbbreviations', () => {
  const table = acronymTable([
    'bn:batch-normalization',
    'ln:layer-normalization',
    'llm:large-language-model',
    'fa:flash-attention',
  ]);

  it('reads the words of an abbreviation cut short and joined as those words', () => {
    expect(clippedAbbreviations('BatchNorm', table)).toEqual(new Map([['batchnorm', ['batch', 'normalization']]]));
    expect(clippedAbbreviations('transformers without LayerNorm?', table)).toEqual(
      new Map([['layernorm', ['layer', 'normalization']]]),
    );
    expect(clippedAbbreviations('batch-norm', table)).toEqual(new Map([['batchnorm', ['batch', 'normalization']]]));
    expect(clippedAbbreviations('LargeLangModel', table)).toEqual(
      new Map([['largelangmodel', ['large', 'language', 'model']]]),
    );
    expect(unfinishedWord('BatchNorm', [], table)).toBeUndefined();
  });

  it('reads such a word typed in one case (`batchnorm`) at the starts of the words it cuts short', () => {
    expect(clippedAbbreviations('batchnorm', table)).toEqual(new Map([['batchnorm', ['batch', 'normalization']]]));
    expect(clippedAbbreviations('without layernorm', table)).toEqual(
      new Map([['layernorm', ['layer', 'normalization']]]),
    );
    expect(clippedAbbreviations('BATCHNORM', table)).toEqual(new Map([['batchnorm', ['batch', 'normalization']]]));
    expect(clippedAbbreviations('largelangmodel', table)).toEqual(
      new Map([['largelangmodel', ['large', 'language', 'model']]]),
    );
  });

  it.each([
    ['batch-norm', 'batchnorm', ['batch norm', 'batch normalization']],
    ['layer/norm layers', 'layernorm', ['layer norm', 'layer normalization']],
    [
      'large-lang-model',
      'largelangmodel',
      ['large lang model', 'largelang model', 'large langmodel', 'large language model'],
    ],
  ])('searches %s by its parts as typed and by the words they cut short', (query, word, phrases) => {
    // The search's phrases for a word typed in parts: the compound's, and the abbreviation's beside them.
    expect(compoundPhrases(compoundWords(query).get(word), clippedAbbreviations(query, table).get(word))).toEqual(
      phrases,
    );
  });

  it('searches a word typed joined (`BatchNorm`) by the words it cuts short', () => {
    const expansion = clippedAbbreviations('BatchNorm', table).get('batchnorm');
    expect(compoundPhrases(expansion, expansion)).toEqual(['batch normalization']);
    expect(compoundPhrases(['click', 'through', 'rate'], undefined)).toEqual([
      'click through rate',
      'clickthrough rate',
      'click throughrate',
    ]);
  });

  it.each([
    // A version and a size typed as one number: each cut, the version apart or joined to the name.
    ['llama27b', ['llama 27b', 'llama 2 7b', 'llama2 7b']],
    [
      'qwen1514b',
      ['qwen 1514b', 'qwen 1 514b', 'qwen1 514b', 'qwen 15 14b', 'qwen15 14b', 'qwen 151 4b', 'qwen151 4b'],
    ],
    // A size never starts with 0 (`10b` is no version 1 and size 0b).
    ['phi310b', ['phi 310b', 'phi 3 10b', 'phi3 10b']],
    // One digit, no scale letter, a version's letter: the parts as typed only.
    ['mistral7b', ['mistral 7b']],
    ['resnet50', ['resnet 50']],
    ['gpt4o', ['gpt 4o']],
  ])('searches %s as %j', (word, phrases) => {
    expect(compoundPhrases(splitAtNumber(word), undefined)).toEqual(phrases);
  });

  it.each([
    'FlashAttention',
    'flashattention',
    'batchnormalization',
    'batchn',
    'BNorm',
    'BatchNormX',
    'batchnormx',
    'BaNorm',
    '"BatchNorm"',
    'Batch Norm',
    'LayerNet',
    'layernet',
  ])('reads %s as no such word', (query) => {
    expect(clippedAbbreviations(query, table)).toEqual(new Map());
  });
});

describe('partGroupings', () => {
  it('gives each way to write a compound of three or four parts with some parts joined, the others apart', () => {
    expect(partGroupings(['click', 'through', 'rate']).sort()).toEqual(['click throughrate', 'clickthrough rate']);
    // Two digits are not joined: `27b` is another number.
    expect(partGroupings(['llama', '2', '7b']).sort()).toEqual(['llama2 7b']);
    expect(partGroupings(['gemma', '2', '2b']).sort()).toEqual(['gemma2 2b']);
    expect(partGroupings(['2', '3', '4'])).toEqual([]);
    expect(partGroupings(['top', '1', 'k']).sort()).toEqual(['top 1k', 'top1 k']);
    expect(partGroupings(['state', 'of', 'the', 'art']).sort()).toEqual([
      'state of theart',
      'state ofthe art',
      'state oftheart',
      'stateof the art',
      'stateof theart',
      'stateofthe art',
    ]);
    // Two parts have only their joined and apart forms, which the search has already; five or more, too many.
    expect(partGroupings(['neural', 'network'])).toEqual([]);
    expect(partGroupings(['a', 'b', 'c', 'd', 'e'])).toEqual([]);
  });

  it('keeps every part, in order, in every grouping of random compounds (seeded)', () => {
    const random = seededRandom(21);
    for (let run = 0; run < 200; run += 1) {
      const parts = Array.from({ length: 3 + Math.floor(random() * 2) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => 'abcxyz0123'[Math.floor(random() * 10)]).join(''),
      );
      const groupings = partGroupings(parts);
      // Every set of gaps joined but none and all, except gaps between two digits, never joined.
      const gaps = parts.length - 1;
      const joinable = parts.slice(1).filter((part, gap) => !(/\d$/.test(parts[gap]!) && /^\d/.test(part))).length;
      expect(new Set(groupings).size).toBe(2 ** joinable - 1 - (joinable === gaps ? 1 : 0));
      for (const grouping of groupings) {
        expect(grouping.replaceAll(' ', '')).toBe(parts.join(''));
        expect(grouping).not.toBe(parts.join(' '));
        expect(grouping.split(' ').length).toBeGreaterThan(1);
      }
    }
  });
});

describe('adjacentWordPairs', () => {
  it('gives the words side by side, within each part of the query outside quoted phrases', () => {
    expect(adjacentWordPairs('Pre training of GPT-4')).toEqual([
      ['pre', 'training'],
      ['training', 'of'],
      ['of', 'gpt4'],
    ]);
    expect(adjacentWordPairs('multi "layer perceptron" task force')).toEqual([['task', 'force']]);
    expect(adjacentWordPairs('  fine   tuning  ')).toEqual([['fine', 'tuning']]);
  });

  it('leaves out decimal numbers and bounds, which are no part of a word', () => {
    expect(adjacentWordPairs('Gemini 1.5 O(n) time')).toEqual([]);
    expect(adjacentWordPairs('word')).toEqual([]);
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
    // ASCII signs are punctuation; a math symbol is the word the index holds for it (mathSymbolWords).
    expect(queryWords('k=1 | x+y ≤ z')).toEqual(['k1', 'xy', symbolWord('≤'), 'z']);
  });

  it('reads a letter and its subscript as typed without braces or `_`, as the index holds it', () => {
    // mathIndexWords holds `l2` for `\\ell_2`, `x12` for `x_{12}`, `linf` for `\\ell_\\infty`.
    expect(queryWords('l_2 x_{12} l_inf')).toEqual(['l2', 'x12', 'linf']);
    for (const word of queryWords('l_2 l_inf l_infinity'))
      expect(mathIndexWords('\\ell_2 \\ell_\\infty')).toContain(word);
    // A name in code keeps its `_`, as the index does.
    expect(queryWords('max_new_tokens')).toEqual(['max_new_tokens']);
  });

  it('reads a symbol typed in ASCII as the symbol, a word of its own', () => {
    expect(queryWords('a<=b x -> y')).toEqual(queryWords('a ≤ b x → y'));
    expect(queryWords('>= !=')).toEqual([symbolWord('≥'), symbolWord('≠')]);
    expect([...compoundWords('a<=b a≤b')]).toEqual([]);
  });

  it('reads a formula typed without spaces as the TeX writes it: 2^k-1 is 2k and 1', () => {
    expect(queryWords('2^k-1')).toEqual(queryWords('2^k - 1'));
    expect(queryWords('x_i+y^2')).toEqual(queryWords('x_i + y^2'));
    expect([...compoundWords('2^k-1 x_{12}')]).toEqual([]);
    // A word without a script mark is a compound still.
    expect([...compoundWords('GPT-4 k-means')]).toEqual([
      ['gpt4', ['gpt', '4']],
      ['kmeans', ['k', 'means']],
    ]);
  });

  it('reads an interval of whole numbers as one word, with or without the space after its comma', () => {
    expect(queryWords('[0, 1]')).toEqual(queryWords('[0,1]'));
    expect(queryWords('( -1 ,  1 )')).toEqual(queryWords('(-1,1)'));
    expect([...compoundWords('[0, 1]')]).toEqual([...compoundWords('[0,1]')]);
    // Not a list outside brackets, nor decimal numbers, which are words of their own.
    expect(queryWords('figures 1, 2')).toEqual(['figures', '1', '2']);
    expect(queryWords('[0.5, 1]')).toEqual([...queryWords('0.5'), '1']);
  });

  it('reads a lone Greek letter or ℓ as the name the index holds, not a Greek word', () => {
    expect(queryWords('σ(x) ℓ2 Φ ϵ')).toEqual(['sigmax', 'ell2', 'phi', 'epsilon']);
    expect(queryWords('Νίκος α')).toEqual(['νίκος', 'alpha']);
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

  it('shows again only what it hides, so a snippet put in innerHTML gains no markup', () => {
    // Every ASCII character moved to the Private Use Area as hiddenTex moves them: only the
    // letters and the dollar come back; `<`, `&`, `"` and the rest stay hidden.
    const ascii = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).join('');
    const moved = [...ascii].map((character) => String.fromCharCode(0xe000 + character.charCodeAt(0))).join('');
    expect(revealTex(moved).replace(/[\ue000-\ue07f]/g, '')).toBe(
      '$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    );
    expect(revealTex('a \ue03cimg src=x onerror=alert(1)\ue03e b')).not.toContain('<');
  });

  it('keeps the names of Greek letters and \\ell searchable, as a reader types them', () => {
    const hidden = hiddenTex('\\sigma(x) + \\varepsilon_\\Phi \\ell_2 \\mathbb{R} \\etaX', false);
    expect(hidden).toMatch(/\\sigma\(x\)/);
    expect(hidden).toMatch(/epsilon_\\Phi \\ell_2/);
    expect(hidden).not.toMatch(/var|mathbb|etaX/);
    expect(revealTex(hidden)).toBe('$\\sigma(x) + \\varepsilon_\\Phi \\ell_2 \\mathbb{R} \\etaX$');
  });

  it('leaves out TeX comments, which KaTeX shows as nothing, and keeps an escaped percent sign', () => {
    expect(revealTex(hiddenTex('x % zzqhiddenword attention \n + y', true))).toBe('$$x + y$$');
    expect(revealTex(hiddenTex('50\\% of x %zzqhiddenword', false))).toBe('$50\\% of x$');
    expect(revealTex(hiddenTex('a \\\\% zzqhiddenword\nb', true))).toBe('$$a \\\\b$$');
    expect(revealTex(hiddenTex('a %% one\n%two\nb % three', false))).toBe('$a b$');
    expect(withoutTexComments('\\text{100\\%} % hidden')).toBe('\\text{100\\%} ');
  });

  it('indexes no word of a comment inside display math or a math fence', () => {
    for (const body of [
      'A formula $$ x % zzqhiddenword attention \n \\cdot y $$ in a sentence.',
      '```math\nx % zzqhiddenword attention\n+ y\n```',
    ]) {
      const { rendered, problems } = renderPaperBody(body, { file: 'p.mdx', bodyLine: 1 });
      expect(problems).toEqual([]);
      const html = withIndexedTex(rendered!.html);
      expect(html, body).toContain('zzqhiddenword'); // KaTeX's own annotation keeps the source
      const indexed = html.replace(/<span class="katex">[\s\S]*?<\/annotation>/g, '');
      expect(indexed, body).not.toContain('zzqhiddenword');
    }
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

describe('parts of compound words in the index', () => {
  it.each([
    // Pagefind cuts these parts again at a change of case or between letters and digits.
    ['LLaMA-2', ['llama']],
    ['LLaMA-NAS:', ['llama']],
    ['ImageNet-1K', ['imagenet', '1k']],
    ['LLaMA2-7B', ['llama2', '7b']],
    ['McDonald-Smith', ['mcdonald']],
    // Pagefind cuts only at ASCII punctuation: every part of a word cut elsewhere is added.
    ['Kolmogorov–Arnold', ['kolmogorov', 'arnold']],
    ['O’Brien', ['brien']],
    // Pagefind indexes these parts itself, or the word whole.
    ['self-attention', []],
    ['Kolmogorov-Arnold', []],
    ['GPT-4,', []],
    ['“attention”', []],
    ['LLaMA', []],
    ['ImageNet', []],
    // Pagefind drops accents (é, å) but keeps ß, ø, ł, æ, œ, đ, ð, þ, ı: also in plain letters.
    ['Straße', ['strasse']],
    ['STRAẞE', ['strasse']],
    ['Ødegård,', ['odegard']],
    ['Łukasz-Nowak', ['lukasznowak', 'lukasz']],
    ['Æsir', ['aesir']],
    ['Œuvre', ['oeuvre']],
    ['Ðorđe', ['dorde']],
    ['Þór', ['thor']],
    ['ıstanbul', ['istanbul']],
    ['Ørsted–Kowalski', ['ørsted', 'kowalski', 'orstedkowalski', 'orsted']],
    // A Greek letter in prose, alone or in a word of Latin letters, also by its name.
    ['α-divergence', ['alphadivergence', 'alpha']],
    ['ν-SVM', ['nusvm', 'nu']],
    ['μP', ['mup', 'mu']],
    ['σ', ['sigma']],
  ])('%s → %j', (word, parts) => {
    expect(compoundParts(word)).toEqual(parts);
  });

  it.each([
    ['α-divergence', 'alpha divergence'],
    ['α-divergence', 'alpha-divergence'],
    ['ν-SVM', 'nu SVM'],
    ['μP', 'muP'],
    ['α,β-CROWN', 'alpha beta crown'],
  ])('holds a word with a Greek letter in prose (%s) as the query reads it and its name (%s)', (text, named) => {
    const held = new Set([...indexedForms(text), ...compoundParts(text)]);
    for (const query of [text, named]) {
      const compound = [...compoundWords(query)][0];
      // The query's word, joined, or its parts, as the search looks for either (searchText).
      const found = queryWords(query).every((word) => held.has(word)) || compound?.[1].every((part) => held.has(part));
      expect(found, query).toBe(true);
    }
  });

  it.each([
    ['½', '1/2'],
    ['¾', '3/4'],
    ['½-approx', '1/2-approx'],
    ['3½', '31/2'],
  ])('reads a vulgar fraction (%s) as its digits with a slash (%s), in a query and on the page', (fraction, typed) => {
    // NFKC makes ½ 1⁄2, with the fraction slash U+2044: a slash, not a math symbol's word.
    expect(queryWords(fraction)).toEqual(queryWords(typed));
    expect(queryWords('1\u20442')).toEqual(queryWords('1/2'));
    const held = new Set([...indexedForms(fraction), ...compoundParts(fraction)]);
    for (const word of queryWords(typed)) expect(held, word).toContain(word);
    expect([...held].filter((word) => word.includes(DECIMAL_POINT))).toEqual([]);
  });

  it('fences the parts of a text, or gives nothing', () => {
    expect(fencedForIndex('LLaMA-2 and ImageNet-1K, LLaMA-2'.split(' ').flatMap(compoundParts))).toBe(
      ` ${INDEX_ONLY_START} llama imagenet 1k ${INDEX_ONLY_END} `,
    );
    expect(fencedForIndex('plain words, self-attention'.split(' ').flatMap(compoundParts))).toBe('');
  });

  it('adds the parts after their word, hidden, outside formulas and TeX copies', () => {
    const llama = ` ${INDEX_ONLY_START} llama ${INDEX_ONLY_END} `;
    const formula = '<span class="katex"><span class="katex-html">LLaMA-2 <span>x</span></span></span>';
    const html = `<p>Models such as <a href="https://example.org/A-B">LLaMA-2</a>, ${formula} <span hidden>$\\ImageNet-1K$</span> Q&amp;A-LLaMA.</p>`;
    expect(withIndexedParts(html)).toBe(
      `<p>Models such as <a href="https://example.org/A-B">LLaMA-2<span hidden>${llama}</span></a>, ${formula} <span hidden>$\\ImageNet-1K$</span> Q&amp;A-LLaMA.<span hidden>${llama}</span></p>`,
    );
  });

  it('adds the parts after the sentence, so that a phrase finds its words side by side', () => {
    const fence = (words: string) => `<span hidden> ${INDEX_ONLY_START} ${words} ${INDEX_ONLY_END} </span>`;
    expect(withIndexedParts('<p>On ImageNet-1K classification and LLaMA-2 tasks. Then Qwen-7B</p>')).toBe(
      `<p>On ImageNet-1K classification and LLaMA-2 tasks.${fence('imagenet 1k llama 1000')} Then Qwen-7B${fence('7b 7000000000')}</p>`,
    );
  });

  it('holds the words around one with ø, ß or ł in plain letters, in order, for a phrase', () => {
    const fence = (words: string) => ` ${INDEX_ONLY_START} ${words} ${INDEX_ONLY_END} `;
    expect(textWithIndexedParts('Bjørn Ødegård')).toBe(`Bjørn Ødegård<span hidden>${fence('Bjorn odegård')}</span>`);
    // A title, a block of its own, ends with a full stop after its parts (Pagefind ends a block
    // with one only after a letter); not one that ends a sentence itself, nor one with no parts.
    expect(textWithIndexedParts('Tuning LLaMA-2', { endsBlock: true })).toMatch(
      /^Tuning LLaMA-2<span hidden>[^<]*\.<\/span>$/,
    );
    expect(textWithIndexedParts('Tuning LLaMA-2', { endsBlock: true })).toBe(
      textWithIndexedParts('Tuning LLaMA-2').replace(/<\/span>$/, '.</span>'),
    );
    expect(textWithIndexedParts('Why LLaMA-2?', { endsBlock: true })).toBe(textWithIndexedParts('Why LLaMA-2?'));
    expect(textWithIndexedParts('Attention is all you need', { endsBlock: true })).toBe('Attention is all you need');
    expect(textWithIndexedParts('Tuning LLaMA-2')).not.toMatch(/\.<\/span>$/);
    // Three words a side (the name fold's letters lower-case, withPlainLetters); two such words near
    // each other are one run.
    expect(
      withIndexedParts(
        '<p>Ships in a busy harbour on the Øresund become tokens and attention predicts where each goes.</p>',
      ),
    ).toBe(
      `<p>Ships in a busy harbour on the Øresund become tokens and attention predicts where each goes.<span hidden>${fence('harbour on the oresund become tokens and')}</span></p>`,
    );
    expect(withIndexedParts('<p>Straße and Łódź meet the sea.</p>')).toContain(fence('Strasse and lódź meet the sea.'));
  });

  it('holds a math symbol of prose as a formula holds it: n ≥ 3 is found by ≥ and \\geq', () => {
    const indexed = withIndexedParts('<p>For n ≥ 3 and 3×3 grids.</p>');
    for (const symbol of ['≥', '\\geq', '\\ge', '×', '\\times'])
      for (const word of queryWords(symbol)) expect(indexed, symbol).toContain(` ${word} `);
    expect(indexed).toMatch(/^<p>For n ≥ 3 and 3×3 grids\.<span hidden>/);
  });

  it('marks, for a part matched in a fence, the word before it that the part belongs to', () => {
    const fence = (words: string) => `${INDEX_ONLY_START} ${words} ${INDEX_ONLY_END}`;
    expect(
      withoutIndexOnlyWords(`On ImageNet-1K with LLaMA-2 and more. ${fence('imagenet 1k <mark>llama</mark>')} Next`),
    ).toBe('On ImageNet-1K with <mark>LLaMA-2</mark> and more. Next');
    expect(withoutIndexOnlyWords(`Q&amp;A-LLaMA runs. ${fence('<mark>llama</mark>')}`)).toBe(
      '<mark>Q&amp;A-LLaMA</mark> runs.',
    );
    // A word marked already stays as it is; a part whose word the excerpt cut off marks nothing.
    expect(withoutIndexOnlyWords(`<mark>LLaMA-2</mark> runs. ${fence('<mark>llama</mark>')}`)).toBe(
      '<mark>LLaMA-2</mark> runs.',
    );
    expect(withoutIndexOnlyWords(`runs fast. ${fence('<mark>llama</mark>')}`)).toBe('runs fast.');
    // A sign after a fence ends the words before it: a title's full stop after its hidden parts,
    // a comma after a link's compound word.
    expect(withoutIndexOnlyWords(`Tuning LLaMA-2 ${fence('llama 2')}. Ada Lovelace, Alan Turing.`)).toBe(
      'Tuning LLaMA-2. Ada Lovelace, Alan Turing.',
    );
    expect(withoutIndexOnlyWords(`With Qwen-7B ${fence('qwen 7b')} ${fence('plain')} , then`)).toBe(
      'With Qwen-7B, then',
    );
    // A formula's fence follows its hidden TeX copy, which the match marks.
    const tex = hiddenTex('\\ell_2', false);
    expect(withoutIndexOnlyWords(`estimating ${tex} ${fence('<mark>l2</mark> ell2')} and`)).toBe(
      `estimating <mark>${tex}</mark> and`,
    );
  });

  it('drops the fenced words from a snippet, marking the word they belong to', () => {
    const fence = (words: string) => `${INDEX_ONLY_START} ${words} ${INDEX_ONLY_END}`;
    expect(withoutIndexOnlyWords(`such as LLaMA-2, ${fence('<mark>llama</mark>')} GPT-4`)).toBe(
      'such as <mark>LLaMA-2,</mark> GPT-4',
    );
    expect(withoutIndexOnlyWords(`such as <mark>LLaMA-2,</mark> ${fence('<mark>llama</mark>')} GPT-4`)).toBe(
      'such as <mark>LLaMA-2,</mark> GPT-4',
    );
    expect(withoutIndexOnlyWords(`such as LLaMA-2, ${fence('llama')} GPT-4`)).toBe('such as LLaMA-2, GPT-4');
    // A snippet that starts or ends inside a fence.
    expect(withoutIndexOnlyWords(`llama 1k ${INDEX_ONLY_END} and more`)).toBe('and more');
    expect(withoutIndexOnlyWords(`and ImageNet-1K ${INDEX_ONLY_START} <mark>imagenet</mark>`)).toBe(
      'and <mark>ImageNet-1K</mark>',
    );
    expect(withoutIndexOnlyWords('no fence here')).toBe('no fence here');
  });

  it('shows any text as it was: the hidden parts are only for the index', () => {
    const textOf = (html: string) => toText(fromHtml(html, { fragment: true }), { whitespace: 'pre' });
    for (const text of [...hostileStrings(91, 400), 'LLaMA-2 on ImageNet-1K, Kolmogorov–Arnold']) {
      // What a browser makes of the text as HTML (it drops a NUL, say), with no parts added.
      const shown = textOf(escapeHtml(text));
      const tree = fromHtml(textWithIndexedParts(text), { fragment: true });
      const indexed = toText(tree, { whitespace: 'pre' });
      remove(tree, (node) => node.type === 'element' && (node as Element).properties.hidden === true);
      // Shown, the text is unchanged; as the index reads it, the fences come off again.
      expect(toText(tree, { whitespace: 'pre' })).toBe(shown);
      expect(withoutIndexOnlyWords(indexed)).toBe(shown.replace(/\s{2,}/g, ' ').trim());
    }
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

  // A correctly spelled word the digest lacks is one letter from some word of a short length, two
  // of six: another word, not a typo. A suggestion is fewer edits than a quarter of the letters.
  it.each([
    ['week', ['weak', 'well']],
    ['Spring', ['strong', 'spread']],
    ['recsys', ['recasts', 'records']],
    ['Maaten', ['master', 'matter']],
    ['lroa', ['lora']],
  ])('suggests nothing for %s, too many of its letters from %j', (word, vocabulary) => {
    expect(closestWord(word, vocabulary)).toBeUndefined();
  });

  it.each([
    ['atention', 'attention'],
    ['netwrk', 'network'],
    ['modle', 'model'],
    ['transfromer', 'transformer'],
    ['kolmgorov', 'Kolmogorov'],
  ])('still suggests for the typo %s → %s', (word, expected) => {
    expect(closestWord(word, ['attention', 'network', 'model', 'transformer', 'Kolmogorov', 'master'])).toBe(expected);
  });

  it('prefers the commoner of equally close words (the vocabulary is ordered by frequency)', () => {
    expect(closestWord('netwrk', ['network', 'networx'])).toBe('network');
  });

  it('corrects a word joined by punctuation part by part, keeping the punctuation and the parts that are words', () => {
    const vocabulary = ['network', 'neural', 'attention', 'self', 'series', 'time', 'Kolmogorov', 'Arnold'];
    const joined = (typed: string) => closestJoinedSpelling(typed, () => vocabulary);
    expect(joined('neural-netwrk')).toBe('neural-network');
    expect(joined('self-atention')).toBe('self-attention');
    expect(joined('Kolmogrov–Arnold')).toBe('Kolmogorov–Arnold');
    expect(joined('time/sereis')).toBe('time/series');
    // Nothing to correct, a part with no close word, or one word: no suggestion.
    expect(joined('neural-network')).toBeUndefined();
    expect(joined('neural-blockchain')).toBeUndefined();
    expect(joined('netwrk')).toBeUndefined();
  });

  // Read whole, `don't` is `dont`, one letter from `done`; `netwrok's` is `netwroks`, close to `networks`.
  it.each([
    ["netwrok's", "network's"],
    ['netwroks\u2019', 'networks\u2019'],
    ["Hofmnan's?", "Hofmann's"],
    ['modle\u2019s', 'model\u2019s'],
    ['netwrok', 'network'],
  ])('corrects %s before its apostrophe and keeps the ending: %s', (typed, expected) => {
    expect(closestSpelling(typed, ['networks', 'network', 'Hofmann', 'models', 'model'])).toBe(expected);
  });

  it.each([["don't"], ["can't"], ['we\u2019ll']])('suggests no word for the contraction %s', (typed) => {
    expect(closestSpelling(typed, ['done', 'dont', 'cant', 'can', 'well', 'welt'])).toBeUndefined();
  });
});

/** A paper as the search data files take it (src/data/search.ts). */
const paper = (id: string, title: string, authors: string[], text: string, arxiv?: string) => ({
  id,
  data: { title, date: '2025-06-06', authors, tags: ['t'], ...(arxiv && { arxiv }) },
  url: `/papers/${id}/`,
  text,
  // As the loader's workers make them, once per paper (validate-many.ts).
  scripted: scriptedTerms(title, text),
  topics: ['Kolmogorov–Arnold Networks'],
});

describe('TeX typed without a script (scriptedWords, withScriptsRead)', () => {
  it('lists the words of the formulas that script a letter, by that letter, the most written first', () => {
    const entries = scriptedWords([
      paper(
        'a',
        'Maps on $\\mathbb{R}^{n}$',
        [],
        'Networks on $\\mathbb{R}^d$ and $\\mathbb R^d$, $x_i^2$ and $\\Phi_q(x)$.',
      ),
      // A bound's script is inside its word (`\mathcal{O}(d^k)`), and a letter alone has none.
      paper('b', 'B', [], 'In $\\mathcal{O}(d^k)$ time on $\\mathbb{R}$, $2^k - 1$ and $\\sigma$'),
    ]);
    expect(scriptedTable(entries)).toEqual(
      new Map([
        ['r', ['rd', 'rn']],
        ['x', ['xi2']],
        // The term as the index holds it, what follows its script and all (`\\Phi_q(x)`).
        ['phi', ['phi_qx']],
      ]),
    );
  });

  it('keeps at most MAX_SCRIPTED_WORDS words a letter', () => {
    const text = Array.from({ length: MAX_SCRIPTED_WORDS + 3 }, (_, index) => `$x^${'abcdefghijk'[index]}$`).join(' ');
    expect(scriptedTable(scriptedWords([paper('a', 'A', [], text)])).get('x')).toHaveLength(MAX_SCRIPTED_WORDS);
  });

  const table = scriptedTable(['r:rd,rn', 'phi:phi_q']);

  it.each([
    ['\\mathbb{R}', '("\\mathbb{R}" OR "rd" OR "rn")'],
    ['\\mathbb R', '("\\mathbb R" OR "rd" OR "rn")'],
    ['{R} spaces', '("{R}" OR "rd" OR "rn") spaces'],
    ['maps on \\mathbb{R} and \\Phi', 'maps on ("\\mathbb{R}" OR "rd" OR "rn") and ("\\Phi" OR "phi_q")'],
  ])('reads %s as %s', (query, read) => {
    expect(withScriptsRead(query, table).replace(/\s+/g, ' ').trim()).toBe(read);
  });

  it.each([
    // A letter typed as a word is a word; TeX with its script, in quotes or a bound is as typed.
    'R language',
    '\\mathbb{R}^d',
    'x_i',
    '"\\mathbb{R}"',
    '\\mathcal{O}(n)',
    '\\mathbb{Z}',
  ])('leaves %s as typed', (query) => {
    expect(withScriptsRead(query, table)).toBe(query);
  });
});

describe('search data files', () => {
  it('map each arXiv id to its paper, one shard per month', () => {
    const shards = arxivShards([
      paper('a', 'A', [], '', '2306.13575'),
      paper('b', 'B', [], '', 'math.GT/0309136'),
      paper('c', 'C', [], ''),
    ]);
    expect([...shards.keys()].sort()).toEqual(['2003-09', '2023-06-13', 'name-c']);
    expect(Object.keys(shards.get('2003-09')!)).toEqual(['math/0309136']);
    // A paper without an arXiv id by its file name, which the address of its page names.
    expect(Object.keys(shards.get('name-c')!)).toEqual(['c']);
    expect(paperShard(paperKeysInQuery('https://digest.example.org/papers/c/')![0]!)).toBe('name-c');
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

  it('list the first parts of compound words, hyphenated or apart beside their joined form, commonest first', () => {
    const heads = compoundHeads([
      paper('a', 'Pre-trained multi-head attention', [], 'Two data sets, $x-y$, a non-convex loss. Fine-tuning.'),
      paper('b', 'Datasets', [], 'We fine-tune pre-trained models in the data, on GPT-4 and x-rays.'),
    ]);
    // `data` is written apart before `sets`, which the digest also writes joined (`Datasets`).
    expect(heads).toEqual(['fine', 'pre', 'data', 'multi', 'non']);
    // Not a part of one or two letters (`x-rays`), a number's (`GPT-4`), or math's (`$x-y$`).
    expect(compoundHeads([paper('a', 'T', [], 'x-rays GPT-4 in the end.')])).toEqual([]);
    expect(compoundHeads([paper('a', 'Pre-trained fine-tuned', [], '')], 1)).toEqual(['fine']);
  });
});

describe('abbreviations', () => {
  it('are read from the definitions the digest writes, each with its commonest expansion, then the common ones it uses', () => {
    const table = acronymExpansions([
      paper(
        'a',
        'Large language models (LLMs) at scale',
        [],
        'A multi-layer perceptron (MLP) and Branch-and-bound (BaB).',
      ),
      paper('b', 'T', [], 'Large language models (LLMs), not (i) or (Fig) or (AB) after a number 3 (AB). We use RL.'),
      paper('c', 'T', [], 'A vision transformer, and gated linear attention (GLA), then large language models (LLM).'),
    ]);
    // Defined: by how often, then A–Z; `AB` after a number spells nothing. Common: RL (written) and
    // ViT (its words written), not GAN (neither).
    expect(table).toEqual([
      'llm:large-language-models',
      'bab:branchandbound',
      'gla:gated-linear-attention',
      'mlp:multilayer-perceptron',
      'rl:reinforcement-learning',
      'vit:vision-transformer',
    ]);
    expect(
      acronymExpansions([paper('a', 'T', [], 'Large language models (LLMs) and (GLA) gated linear attention.')], 1),
    ).toEqual(['llm:large-language-models']);
  });

  const table = acronymTable([
    'llm:large-language-model',
    'vit:vision-transformer',
    'map:maximum-a-posteriori',
    'nn:neural-network',
  ]);

  it.each([
    ['llm', 'LLM', ['large', 'language', 'model']],
    ['llms', 'scaling LLMs', ['large', 'language', 'model']],
    ['llm', 'llm', ['large', 'language', 'model']],
    ['vit', 'ViT-B16', ['vision', 'transformer']],
    ['map', 'the MAP estimate', ['maximum', 'a', 'posteriori']],
    // Full-width and mathematical capitals, as queryWords reads them.
    ['llms', 'ＬＬＭｓ', ['large', 'language', 'model']],
    ['map', 'the 𝐌𝐀𝐏 estimate', ['maximum', 'a', 'posteriori']],
  ])('%s in “%s” stands for %j', (word, query, expansion) => {
    expect(acronymExpansion(word, query, table)).toEqual(expansion);
  });

  it.each([
    ['vit', 'vit'],
    ['map', 'map of the loss'],
    ['model', 'model'],
  ])('%s in “%s” is a word, not an abbreviation', (word, query) => {
    expect(acronymExpansion(word, query, table)).toBeUndefined();
  });

  it('finds an abbreviation spelled out in the words of a query, singular or plural, each word in one', () => {
    expect(spelledOutAcronyms(['scaling', 'large', 'language', 'models'], table)).toEqual([
      { letters: 'llm', words: ['large', 'language', 'models'] },
    ]);
    expect(spelledOutAcronyms(['vision', 'transformers', 'neural', 'network'], table)).toEqual([
      { letters: 'vit', words: ['vision', 'transformers'] },
      { letters: 'nn', words: ['neural', 'network'] },
    ]);
    expect(spelledOutAcronyms(['language', 'large', 'model'], table)).toEqual([]);
  });

  it.each([
    ['infinity norm', 'linfinity'],
    ['l_inf norm', 'linfinity'],
    ['ℓ∞ norm', 'linfinity'],
    ['L2 norm', 'l2'],
    ['ℓ2 norm', 'l2'],
  ])('reads the norm “%s” as the ℓ the index holds, %s', (query, letters) => {
    const [run] = spelledOutAcronyms(queryWords(query), NORM_NAMES);
    expect(run?.letters).toBe(letters);
    expect(run?.words).toEqual(queryWords(query));
  });

  it.each([
    ['L1-norm', 'l1'],
    ['infinity-norm', 'linfinity'],
    ['the Lp-norms of', 'lp'],
    // A part is read as a word is: ℓ by its name, as `ℓ2 norm` is.
    ['ℓ2-norm', 'l2'],
    ['ℓp-norms', 'lp'],
  ])('reads the compound word “%s” by its parts as the norm the index holds, %s', (query, letters) => {
    const words = queryWords(query);
    const runs = spelledOutAcronyms(words, NORM_NAMES, compoundWords(query));
    expect(runs.map((run) => run.letters)).toEqual([letters]);
    // The run is the compound word itself, searched with its parts or as the ℓ.
    expect(runs[0]!.words).toEqual(words.filter((word) => compoundWords(query).has(word)));
  });

  it('takes a compound word into a run only with all of its parts', () => {
    const query = 'large-language models';
    expect(spelledOutAcronyms(queryWords(query), table, compoundWords(query))).toEqual([
      { letters: 'llm', words: queryWords(query) },
    ]);
    // `language-models` has one part the run would need and one it would not.
    const partly = 'large language-models ranking';
    expect(spelledOutAcronyms(queryWords(partly), [['lm', ['large', 'language']]], compoundWords(partly))).toEqual([]);
  });
});

describe('splitAtHead', () => {
  const heads = ['data', 'fine', 'pre', 'multi', 'non', 'model'];
  it.each([
    ['dataset', ['data', 'set']],
    ['finetuning', ['fine', 'tuning']],
    ['pretrained', ['pre', 'trained']],
    ['multihead', ['multi', 'head']],
    ['nonconvex', ['non', 'convex']],
  ])('%s → %j', (word, split) => {
    expect(splitAtHead(word, heads)).toEqual(split);
  });

  it.each(['data', 'datas', 'models', 'gpt4', 'training'])('leaves %s whole', (word) => {
    expect(splitAtHead(word, heads)).toBeUndefined();
  });

  it('splits after the longest first part', () => {
    expect(splitAtHead('multimodal', ['multi', 'mul'])).toEqual(['multi', 'modal']);
  });
});

describe('splitAtNumber', () => {
  it.each([
    ['llama2', ['llama', '2']],
    ['gpt4', ['gpt', '4']],
    ['resnet50', ['resnet', '50']],
    // A number of any kind: a count with its scale letter, a version's letter.
    ['mistral7b', ['mistral', '7b']],
    ['llama70b', ['llama', '70b']],
    ['gpt4o', ['gpt', '4o']],
    ['conv2d', ['conv', '2d']],
  ])('%s → %j, as a text writes it apart', (word, split) => {
    expect(splitAtNumber(word)).toEqual(split);
  });

  // A letter and its index is a formula's word (`l2`: $\ell_2$); a count's value, a year, a word,
  // a name with a number inside it: whole.
  it.each(['l2', 'x12', 'x86', 'h100', 't5', '2023', 'llama', '7b', 'word2vec', 'seq2seq'])(
    'leaves %s whole',
    (word) => {
      expect(splitAtNumber(word)).toBeUndefined();
    },
  );
});

describe('acronymOtherNumber', () => {
  it.each([
    ['LLMs', 'llm'],
    ['llm', 'llms'],
    ['MLP', 'mlps'],
    ['CNNs', 'cnn'],
    // The stemmer never drops an `s` after `u` either.
    ['ReLUs', 'relu'],
    ['relu', 'relus'],
    ['GPU', 'gpus'],
    ['GLUs', 'glu'],
  ])('%s ↔ %s', (word, other) => {
    expect(acronymOtherNumber(word)).toBe(other);
  });

  // A lone vowel before the `s` (`gas`, `dis`, `res`, `sys`) makes no plural of an acronym: those
  // words, and the prefixes a reader types (`dis` for distribution, `pos` for position), stay words.
  it.each([
    'models',
    'KANs',
    'kan',
    'a',
    'GPT-4',
    'attention',
    'ViTs',
    'MoEs',
    'loss',
    'class',
    'kiwis',
    'gas',
    'dis',
    'res',
    'pos',
    'sys',
    'has',
  ])('leaves %s to the stemmer', (word) => {
    expect(acronymOtherNumber(word)).toBeUndefined();
  });
});

describe('decimal numbers', () => {
  it.each([
    ['Gemini-1.5', ['1.5']],
    ['1.5x', ['1.5']],
    ['(15.4%)', ['15.4']],
    ['v1.5.2', ['1.5.2']],
    ['is 0.01.', ['0.01']],
    ['15', []],
    ['.5', []],
    ['e.g.', []],
  ])('%s holds %j', (word, numbers) => {
    expect(decimalWords(word)).toEqual(numbers.map((number) => queryWords(number)[0]));
  });

  it('is a word of its own in a query, not the number its digits make without the point', () => {
    expect(queryWords('1.5')).not.toEqual(queryWords('15'));
    expect(queryWords('(0.01)')).toEqual(queryWords('0.01'));
    expect(queryWords('gemini 1.5')).toEqual(['gemini', ...queryWords('1.5')]);
    expect(compoundWords('1.5')).toEqual(new Map());
    // Joined to letters, it is the word the index holds whole.
    expect(queryWords('1.5x')).toEqual(['15x']);
  });

  it('finds every word of text that holds it, wherever the number stands', () => {
    const random = seededRandom(15);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const around = ['', 'x', 'B', '%', ')', ',', '.', '-', 'Gemini-', 'v', '(', '~'];
    for (let run = 0; run < 500; run += 1) {
      const digits = Array.from({ length: 2 + Math.floor(random() * 3) }, () => String(Math.floor(random() * 1000)));
      const decimal = digits.join('.');
      const [before, after] = [pick(around), pick(around)];
      const [word] = queryWords(decimal);
      const text = `${before}${decimal}${after}`;
      expect(indexedForms(text), text).toContain(word);
      expect(compoundParts(text), text).toContain(word);
      // Not the number with one more digit.
      expect(indexedForms(`${before}${decimal}7${after}`), text).not.toContain(word);
    }
  });
});

describe('formulas as readers type them', () => {
  it.each([
    ['\\ell_2', 'l2'],
    ['\\ell_2', 'ℓ2'],
    ['\\ell_{1}', 'l1'],
    ['\\ell^1', 'l1'],
    ['L_{2}', 'l2'],
    ['x_{12} + y', 'x12'],
    ['\\widetilde{\\mathcal{O}}(d^k)', 'O(d^k)'],
    ['\\widetilde \\Theta(d^{4})', 'Θ(d^4)'],
    ['\\widetilde \\Theta(d^{4})', '\\Theta(d^4)'],
    ['O(n \\log n)', 'O(n log n)'],
    ['O(n^2)', 'O(n²)'],
    ['\\mathcal{O}(\\sqrt{n})', 'O(sqrt(n))'],
    ['O\\left(1/\\varepsilon^2\\right)', 'O(1/ε^2)'],
    ['\\epsilon = 0.01', '0.01'],
  ])('%s is found by %s', (tex, query) => {
    const words = queryWords(query);
    expect(words).toHaveLength(1);
    expect(mathIndexWords(tex)).toContain(words[0]);
  });

  it('holds a superscript inside a longer formula as typed (d^2 in O(d^2)), not one Pagefind has whole', () => {
    expect(mathIndexWords('\\widetilde{\\mathcal{O}}(d^2)')).toContain(queryWords('d^2')[0]);
    expect(mathIndexWords('2^k - 1')).toEqual([]);
    expect(mathIndexWords('\\sigma^2')).toEqual([]);
  });

  it('holds an infinite script by the names readers type for it: l_inf, l_infinity, L-infinity', () => {
    expect(mathIndexWords('\\ell_\\infty')).toEqual(expect.arrayContaining(['linfty', 'linf', 'linfinity']));
    expect(mathIndexWords('L^\\infty')).toEqual(expect.arrayContaining(['linfty', 'linf', 'linfinity']));
    expect(mathIndexWords('x_{\\infty}')).toEqual(expect.arrayContaining(['xinfty', 'xinf', 'xinfinity']));
    expect(queryWords('L-infinity')).toEqual(['linfinity']);
  });

  it('keeps a bound apart from the word its letters make, and from other bounds', () => {
    expect(queryWords('O(n)')).not.toContain('on');
    expect(queryWords('O(n) time')).toEqual([...queryWords('O(n)'), 'time']);
    expect(mathIndexWords('O(n \\log n)')).not.toContain(queryWords('O(n)')[0]);
    expect(mathIndexWords('f(n) + \\sum_j w_j')).toEqual(['wj']);
  });

  it('gives only word characters, whatever the TeX: the words go into HTML as they are', () => {
    for (const tex of hostileStrings(17, 400)) {
      for (const word of mathIndexWords(tex)) expect(word, JSON.stringify(tex)).toMatch(/^[\p{L}\p{N}_]+$/u);
    }
  });

  it('fences the words after the TeX copy of the formula, for the index only', () => {
    const katex = (tex: string) =>
      `<span class="katex"><span class="katex-mathml"><math><semantics><mrow></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span></span>`;
    const indexed = withIndexedTex(`<p>the ${katex('\\ell_2')} norm</p>`);
    expect(indexed).toContain(`${INDEX_ONLY_START} ${mathIndexWords('\\ell_2').join(' ')} ${INDEX_ONLY_END} </span>`);
    expect(
      withoutIndexOnlyWords(revealTex(indexed.replace(/<span class="katex">[\s\S]*<\/span><\/span>/, ''))),
    ).not.toContain('l2');
  });
});

describe("a formula's pieces, which its TeX copy glues to a hidden command name", () => {
  const katex = (tex: string) =>
    `<span class="katex"><span class="katex-mathml"><math><semantics><mrow></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span></span>`;

  it("holds a formula's number as its decimal though other formulas are on the page: the TeX copy gives no decimal word", () => {
    // The decimal a reader types (`0.001`) for `10^{-3}` comes only from mathIndexWords: a copy of
    // the formula's TeX, read as prose would be, is no reason to leave it out.
    for (const tex of ['10^{-3}', '1 \\times 10^{-3}', '2.5']) {
      const page = withIndexedTex(`<p>${katex('\\sigma')} and ${katex('n')} then ${katex(tex)}</p>`);
      const decimals = mathIndexWords(tex).filter((word) => word.includes(DECIMAL_POINT));
      expect(decimals.length).toBeGreaterThan(0);
      for (const word of decimals) expect(page).toContain(word);
    }
  });
  /**
   * The words Pagefind makes of the page's hidden span: each word whole, and a word of ASCII only
   * (no hidden name in it) also by its parts, as Pagefind cuts only there.
   */
  const pagefindWords = (tex: string) => {
    const hidden = withIndexedTex(`<p>${katex(tex)}</p>`).match(/<span hidden>([^<]*)<\/span>/)![1]!;
    return new Set(
      hidden
        .split(/\s+/)
        .flatMap((token) => (/^[\x00-\x7f]*$/.test(token) ? indexedForms(token) : [comparable(token)])),
    );
  };
  it.each([
    ['\\mathcal{O}(n \\log n)', ['\\mathcal{O}', '\\mathcal O', '𝒪', 'n log n', 'O(n log n)', 'O(n \\log n)']],
    ['\\widetilde{\\mathcal{O}}(d^k)', ['\\mathcal{O}', '\\widetilde{\\mathcal{O}}', '\\tilde{O}', 'd^k', 'O(d^k)']],
    ['\\tilde{\\mathcal{O}}(\\sqrt{\\mathcal{C}_\\Phi/m})', ['\\mathcal{O}', '\\mathcal{C}', '\\Phi']],
    ['\\mathbb{R}^d', ['\\mathbb{R}', '\\mathbb R', 'ℝ', 'R^d']],
    ['\\widetilde\\Theta(d^4)', ['\\Theta', 'Θ', 'Θ(d^4)', 'd^4']],
    [
      '\\mathcal{L}(\\theta) = \\frac{1}{n} \\max_i \\ell(x_i)',
      ['\\mathcal{L}', '\\theta', '1/n', 'max', '\\frac{1}{n}'],
    ],
    ['O(\\frac{1}{\\epsilon})', ['O(1/\\epsilon)', 'O(1/ε)', 'O(\\frac{1}{\\epsilon})']],
  ])('%s is found by each of %j', (tex, queries) => {
    const held = pagefindWords(tex);
    for (const query of queries)
      for (const word of queryWords(query)) expect(held, `${query}: ${word}`).toContain(word);
  });

  it("holds no command name but a function's, which the formula shows as a word", () => {
    const held = pagefindWords('\\mathcal{O}(n \\log n) + \\frac{1}{n}\\sum_i \\mathbb{R}');
    for (const name of ['mathcal', 'frac', 'sum', 'mathbb']) expect(held).not.toContain(name);
    expect(held).toContain('log');
  });
});

describe('a title with math, pasted as the page shows it or as its TeX', () => {
  it.each([
    'Sorting in $\\mathcal{O}(n \\log n)$ with $\\alpha$-nets',
    'The Best Title for $\\mathcal{O}(n)$ sorting',
    'GPT-4 & Friends in $O(n^2)$ Time',
    'Bounds on $\\ell_2$ and $\\mathbb{R}^d$ with $x \\geq 3$',
  ])('finds every word of %s in the title the paper page holds', (title) => {
    // The page's title for the index: the title as shown (titleText), with its words for the index.
    const shown = titleText(title);
    const text = textWithIndexedParts(shown)
      .replace(/<[^>]*>/g, ' ')
      .replaceAll('&amp;', '&');
    const held = new Set(text.split(/\s+/).flatMap(indexedForms));
    for (const query of [shown, title])
      for (const word of queryWords(query)) expect(held, `${query}: ${word}`).toContain(word);
  });
});

describe('formula symbols as readers type or paste them', () => {
  it.each([
    ['m \\gg n', '\\gg'],
    ['m \\gg n', '≫'],
    ['\\ell_\\infty', '\\infty'],
    ['\\ell_\\infty', '∞'],
    ['a \\leq b', '\\le'],
    ['a \\le b', '≤'],
    ['x ≤ y', '\\leq'],
    ['h = g \\circ p', '∘'],
    ['a \\times b', '×'],
    ['f \\rightarrow g', '\\to'],
  ])('%s is found by %s', (tex, query) => {
    const words = queryWords(query);
    expect(words).toHaveLength(1);
    expect(mathSymbolWords(tex)).toContain(words[0]);
  });

  it('reads a query as the index reads a formula: letters by name, styling as nothing', () => {
    expect(queryWords('\\mathbb{R}^d')).toEqual(queryWords('R^d'));
    expect(queryWords('ℝ^d')).toEqual(queryWords('R^d'));
    expect(queryWords('\\left( \\varepsilon \\right)')).toEqual(['epsilon']);
    expect(queryWords('\\ell_\\infty')).toEqual(['ell', commandWord('infty')]);
    expect(queryWords('m \\gg n')).toEqual(['m', commandWord('gg'), 'n']);
    // A command is no word of text: `\circ` does not find `circuit`.
    expect(queryWords('\\circ')).toEqual([commandWord('circ')]);
    // Symbols that TeX writes in ASCII are punctuation, as their ASCII forms are.
    expect(queryWords('2^k − 1')).toEqual(queryWords('2^k - 1'));
  });

  it('gives no words for letters or styling, and only word characters, whatever the TeX', () => {
    expect(mathSymbolWords('\\mathbb{R}^d + \\sigma_i')).toEqual([]);
    for (const tex of hostileStrings(23, 400)) {
      for (const word of mathSymbolWords(tex)) expect(word, JSON.stringify(tex)).toMatch(/^[\p{L}\p{N}_]+$/u);
    }
  });
});

describe('marks in a snippet', () => {
  it.each([
    ['a <mark>“informative”</mark> b', 'a “<mark>informative</mark>” b'],
    ['<mark>Gemini-1.5)</mark> and', '<mark>Gemini-1.5</mark>) and'],
    ['<mark>(MLP)</mark> is', '(<mark>MLP</mark>) is'],
    ['<mark>&quot;deep&quot;,</mark>', '&quot;<mark>deep</mark>&quot;,'],
    ['<mark>models.</mark> Then', '<mark>models</mark>. Then'],
    // What belongs to the word stays marked.
    ['<mark>O(n).</mark>', '<mark>O(n)</mark>.'],
    ['<mark>f(x))</mark>', '<mark>f(x)</mark>)'],
    ["<mark>model's</mark>", "<mark>model's</mark>"],
    ['<mark>.</mark>', '<mark>.</mark>'],
    // A character reference stays whole: `x&gt</mark>;` reads as `x>;`.
    ['<mark>x&gt;</mark> y', '<mark>x&gt;</mark> y'],
    ['<mark>AT&amp;;</mark>', '<mark>AT&amp;</mark>;'],
  ])('%s → %s', (excerpt, tight) => {
    expect(withTightMarks(excerpt)).toBe(tight);
  });

  it('moves only marks: the text is the same, character for character, as a browser reads it', () => {
    const text = (html: string) => toText(fromHtml(html, { fragment: true }));
    for (const word of hostileStrings(29, 400)) {
      const escaped = escapeHtml(word.replace(/\s+/g, ' '));
      const excerpt = `before <mark>${escaped}</mark> after`;
      const tight = withTightMarks(excerpt);
      expect(text(tight), JSON.stringify(word)).toBe(text(excerpt));
      expect(tight.match(/<mark>/g)?.length, JSON.stringify(word)).toBe(1);
    }
  });
});

describe('topicInQuery', () => {
  const topics = [
    { slug: 'expressivity-and-approximation', label: 'Expressivity & Approximation' },
    { slug: 'kolmogorov-arnold-networks', label: 'Kolmogorov–Arnold Networks' },
    { slug: 'network-verification', label: 'Verification & Certified Bounds' },
    { slug: 'optimization', label: 'Optimization & Training Dynamics' },
    { slug: 'kernel-methods', label: 'Kernels & Gaussian Processes' },
  ];
  it.each([
    ['expressivity-and-approximation', 'expressivity-and-approximation'],
    ['Expressivity & Approximation', 'expressivity-and-approximation'],
    ['expressivity and approximation', 'expressivity-and-approximation'],
    ['kolmogorov-arnold network', 'kolmogorov-arnold-networks'],
    ['  Network-Verification ', 'network-verification'],
    ['verification and certified bounds', 'network-verification'],
    ['optimization', 'optimization'],
    // A slug's words, where the label's differ (the address's words, typed apart).
    ['network verification', 'network-verification'],
    ['Network Verifications', 'network-verification'],
    ['kernel methods', 'kernel-methods'],
  ])('%s names %s', (query, slug) => {
    expect(topicInQuery(query, topics)?.slug).toBe(slug);
  });

  it.each(['expressivity', 'approximation expressivity', 'network verification methods', 'kernel', 'and', '&', ''])(
    '%s names no topic',
    (query) => {
      expect(topicInQuery(query, topics)).toBeUndefined();
    },
  );
});

describe('yearInQuery', () => {
  it.each([
    ['transformers 2023', { year: '2023', years: ['2023'], before: 'transformers', rest: 'transformers' }],
    ['2024 Kolmogorov', { year: '2024', years: ['2024'], rest: 'Kolmogorov' }],
    ['ICLR (2024).', { year: '2024', years: ['2024'], before: 'ICLR', rest: 'ICLR' }],
    ['ICLR (2024)', { year: '2024', years: ['2024'], before: 'ICLR', rest: 'ICLR' }],
    // A range: every year of it, never a venue's.
    ['transformers 2023..2024', { year: '2023', years: ['2023', '2024'], rest: 'transformers' }],
    ['transformers 2021-2023', { year: '2021', years: ['2021', '2022', '2023'], rest: 'transformers' }],
    ['Kolmogorov 2023 \u2013 2025', { year: '2023', years: ['2023', '2024', '2025'], rest: 'Kolmogorov' }],
    ['Kolmogorov 2024 to 2025', { year: '2024', years: ['2024', '2025'], rest: 'Kolmogorov' }],
    ['(2024\u20132023) attention', { year: '2023', years: ['2023', '2024'], rest: 'attention' }],
    // The second year by its last two digits, and ranges in words.
    ['transformers 2023-25', { year: '2023', years: ['2023', '2024', '2025'], rest: 'transformers' }],
    ['transformers (2019\u201321)', { year: '2019', years: ['2019', '2020', '2021'], rest: 'transformers' }],
    ['Kolmogorov from 2024 to 2025', { year: '2024', years: ['2024', '2025'], rest: 'Kolmogorov' }],
    ['Kolmogorov between 2023 and 2024', { year: '2023', years: ['2023', '2024'], rest: 'Kolmogorov' }],
    ['learning from 2023', { year: '2023', years: ['2023'], before: 'from', rest: 'learning from' }],
    // No month is read: a month's short name is as often a given name (Zhu Jun, Li Jun), and a
    // year with two more digits a range; the name stays a word to search, in any case alike.
    ['Zhu Jun 2023', { year: '2023', years: ['2023'], before: 'Jun', rest: 'Zhu Jun' }],
    ['Li Jun 2024', { year: '2024', years: ['2024'], before: 'Jun', rest: 'Li Jun' }],
    ['Peters Jan 2023', { year: '2023', years: ['2023'], before: 'Jan', rest: 'Peters Jan' }],
    ['MAY 2024', { year: '2024', years: ['2024'], before: 'MAY', rest: 'MAY' }],
    ['MAR 2024', { year: '2024', years: ['2024'], before: 'MAR', rest: 'MAR' }],
    ['transformers 2010-12', { year: '2010', years: ['2010', '2011', '2012'], rest: 'transformers' }],
    ['2008-09 attention', { year: '2008', years: ['2008', '2009'], rest: 'attention' }],
  ])('reads %s', (query, expected) => {
    expect(yearInQuery(query)).toEqual(expected);
  });

  // A range open at one end, in words: up to the year after this one, or back to 1900.
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
  it.each([
    ['in-context learning since 2023', { year: '2023', years: years(2023, 2027), rest: 'in-context learning' }],
    ['Kolmogorov after 2024', { year: '2025', years: years(2025, 2027), rest: 'Kolmogorov' }],
    ['After 2026 attention', { year: '2027', years: ['2027'], rest: 'attention' }],
    ['attention before 2020', { year: '1900', years: years(1900, 2019), rest: 'attention' }],
    ['LSTM until 1999', { year: '1900', years: years(1900, 1999), rest: 'LSTM' }],
    // A closed range's `until` is its own; `from` alone stays a word (`learning from 2023`, above).
    ['RNN 2019 until 2021', { year: '2019', years: years(2019, 2021), rest: 'RNN' }],
    // A year that starts a range is no open end: the range as written (the word says nothing more).
    ['transformers since 2023-2024', { year: '2023', years: years(2023, 2024), rest: 'transformers' }],
    ['LSTM until 2021-22', { year: '2021', years: years(2021, 2022), rest: 'LSTM' }],
    ['RNN since 2019..2021', { year: '2019', years: years(2019, 2021), rest: 'RNN' }],
    ['attention After 2020\u20132022', { year: '2020', years: years(2020, 2022), rest: 'attention' }],
    // None past the next year: the year is read as any other is.
    ['attention after 2027', { year: '2027', years: ['2027'], before: 'after', rest: 'attention after' }],
  ])('reads %s (in 2026)', (query, expected) => {
    expect(yearInQuery(query, 2026)).toEqual(expected);
  });

  // Nothing but years: the papers of those years, with no words to search.
  it.each([
    ['2023', { year: '2023', years: ['2023'], rest: '' }],
    ['2020-2022', { year: '2020', years: years(2020, 2022), rest: '' }],
    ['(2020..2022)', { year: '2020', years: years(2020, 2022), rest: '' }],
    ['since 2023', { year: '2023', years: years(2023, 2027), rest: '' }],
    ['? 2023', { year: '2023', years: ['2023'], rest: '' }],
    // Other engines' operators: `before:2021` is the years before it, as `before 2021` is.
    ['before:2021', { year: '1900', years: years(1900, 2020), rest: '' }],
    ['kolmogorov after:2024', { year: '2025', years: years(2025, 2027), rest: 'kolmogorov' }],
    ['Since: 2024 attention', { year: '2024', years: years(2024, 2027), rest: 'attention' }],
    ['until:2020-21 LSTM', { year: '2020', years: years(2020, 2021), rest: 'LSTM' }],
  ])('reads %s, years alone or by an operator (in 2026)', (query, expected) => {
    expect(yearInQuery(query, 2026)).toEqual(expected);
  });

  it.each([
    ['transformers 2023 2024'],
    ['"ICLR 2024"'],
    ['transformers 20234'],
    ['before:20211'],
    // A year and a month, not a range, nor an open end.
    ['transformers 2023-11'],
    ['transformers since 2023-11'],
  ])('reads no year in %s', (query) => {
    expect(yearInQuery(query, 2026)).toBeUndefined();
  });
});

describe('namedSymbolWord', () => {
  it('is the index word of the symbol a query word names alone', () => {
    expect(namedSymbolWord('infinity')).toBe(symbolWord('\u221e'));
    expect(namedSymbolWord('Infinity')).toBe(symbolWord('\u221e'));
    expect(namedSymbolWord('infty')).toBe(symbolWord('\u221e'));
    expect(namedSymbolWord('sqrt')).toBe(symbolWord('\u221a'));
    // A query's words: `sqrt d` is `√d`, which the index holds for `$\sqrt{d}$`.
    expect(queryWords('sqrt d').map((word) => namedSymbolWord(word) ?? word)).toEqual(queryWords('√d'));
    // The infimum, and a word that only starts like the name.
    expect(namedSymbolWord('inf')).toBeUndefined();
    expect(namedSymbolWord('infinite')).toBeUndefined();
  });
});

describe('counts with a scale, and percentages', () => {
  it.each([
    ['1 billion', '1B'],
    ['66 Billion parameters', '66B parameters'],
    ['10 thousand', '10K'],
    ['3 million', '3M'],
  ])('reads a whole count with a scale word as the letter papers write: %s', (typed, written) => {
    expect(queryWords(typed)).toEqual(queryWords(written));
  });

  it.each([
    ['3.5 percent', '3.5%'],
    ['99 per cent', '99%'],
    ['50 Percent', '50%'],
  ])('reads a percentage in words as %%: %s', (typed, written) => {
    expect(queryWords(typed)).toEqual(queryWords(written));
  });

  it.each([
    ['1.3 billion', '1.3B', '1,300,000,000'],
    ['10k', '10,000', '10 thousand'],
    ['1,000', '1K', '1000'],
    ['7B', '7 billion', '7-billion'],
    ['175B parameters', '175 billion parameters', '175,000,000,000 parameters'],
    ['12.4k', '12,400', '12400'],
  ])('reads a count however it is written as one number: %s, %s, %s', (...written) => {
    const [first, ...others] = written.map((query) => queryWords(query));
    for (const words of others) expect(words).toEqual(first);
  });

  it('holds in the index, beside the text, the value of each count with a scale, as the query reads it', () => {
    const text = 'a 1.3B-parameter model, 12.4k prompts, 2 billion tokens, LLaMA2-7B and ImageNet-1K';
    for (const query of ['1.3 billion', '12,400', '2B', '7 billion', '1,000'])
      expect(countWords(text), query).toEqual(expect.arrayContaining(queryWords(query)));
  });

  it('keeps apart a decimal count and the whole number of its digits, and a count from the compound word it ends', () => {
    // Pagefind indexes `1.3B` as `13b`, the word of `13B`.
    expect(queryWords('1.3B')).not.toEqual(queryWords('13B'));
    expect(countWords('a 13B model')).not.toEqual(expect.arrayContaining(queryWords('1.3B')));
    // Typed, `ImageNet-1K` is the compound word of the text; quoted, a count is as the text writes it.
    expect(queryWords('ImageNet-1K')).toEqual(['imagenet1k']);
    expect(compoundWords('ImageNet-1K').get('imagenet1k')).toEqual(['imagenet', '1k']);
    expect(parseQuery('"1.3B parameters"').phrases).toEqual([['13b', 'parameters']]);
  });

  it('takes as counts only a number with a scale, and counts are finished words as typed', () => {
    expect(queryWords('a billion')).toEqual(['a', 'billion']);
    expect(queryWords('percent')).toEqual(['percent']);
    expect(queryWords('2bit 4x b')).toEqual(['2bit', '4x', 'b']);
    expect(countWords('top-5 accuracy in 2023')).toEqual([]);
    expect(countsInQuery('GPT 175B')).toEqual(queryWords('175 billion'));
    expect(countsInQuery('1.5 models')).toEqual([]);
  });
});

describe('unfinishedWord', () => {
  const heads = ['data'];
  const acronyms = acronymTable(['icl:in-context-learning', 'llm:large-language-model']);
  it.each([
    ['neur', 'neur'],
    ['deep tran', 'tran'],
    // A name and its number may be on its way to a longer one: cifar10 to cifar100, gpt4 to gpt4o.
    ['cifar10', 'cifar10'],
    ['results on CIFAR10', 'cifar10'],
    ['Llama2', 'llama2'],
    ['gpt4', 'gpt4'],
    // A word of the irregular spellings may be on its way to a longer word: grayscale, programmable.
    ['gray', 'gray'],
    ['Gray', 'gray'],
    ['program', 'program'],
    ['license', 'license'],
    ['defense', 'defense'],
    ['tire', 'tire'],
    ['mold', 'mold'],
    ['judgement', 'judgement'],
    // A prefix a reader types on the way to a longer word, though the stemmer keeps its `s` or it
    // ends in `u` as ReLU does: `dis` (distribution), `res` (residual), `neu` (neural), `cau` (causal).
    ['dis', 'dis'],
    ['deep res', 'res'],
    ['pos', 'pos'],
    ['neu', 'neu'],
    ['cau', 'cau'],
  ])('%s ends in the unfinished word %s', (query, word) => {
    expect(unfinishedWord(query, heads, acronyms)).toBe(word);
  });
  it.each([
    'neural-network',
    'behaviour',
    'LLMs',
    'ReLUs',
    'ICL',
    'in-context learning',
    'dataset',
    '1.5',
    '10k',
    'O(n)',
    '"neural network"',
    'neur ',
    '',
    // A Greek letter or a symbol is whole as typed: `μ` is not on its way to `multi`.
    'μ',
    'attention \\mu',
    'm ≫',
    'sample π',
  ])('%s ends in no unfinished word', (query) => {
    expect(unfinishedWord(query, heads, acronyms)).toBeUndefined();
  });
});

describe('wordsNamedBySymbols', () => {
  it('names each Greek letter, letter command and symbol as the query reads it', () => {
    expect([...wordsNamedBySymbols('μ-law and π')]).toEqual(['mu', 'pi']);
    expect([...wordsNamedBySymbols('\\mu \\varepsilon')]).toEqual(['mu', 'epsilon']);
    expect(wordsNamedBySymbols('m ≫ n \\gg')).toEqual(new Set(queryWords('≫ \\gg')));
    expect(wordsNamedBySymbols('a <= b')).toEqual(new Set(queryWords('≤')));
  });

  it('names no word a reader spells in letters, nor a Greek word, nor a styling command', () => {
    for (const query of ['mu', 'pi nu', 'multi', 'Νίκος', '\\mathbb', 'attention', ''])
      expect([...wordsNamedBySymbols(query)], query).toEqual([]);
  });
});

describe('onlyCommonWords', () => {
  it.each([
    'the of and',
    'The, of and',
    'THE OF AND',
    'US AND IT',
    'FROM THEM',
    'in the',
    'we',
    'of',
    'It',
    'Us',
    'a an the of',
    'of a',
  ])('is true for %s', (query) => {
    expect(onlyCommonWords(query)).toBe(true);
  });
  it.each(['the transformer', 'why', 'what is the', 'a', 'k', '"of the"', '2023', 'O(n)', 'o(n)', '', '   '])(
    'is false for %s: a word some papers have and others not, a letter, a phrase, a bound, nothing',
    (query) => {
      expect(onlyCommonWords(query)).toBe(false);
    },
  );
  it.each(['US', 'IT', ' US. ', 'the OR', 'The, of AND', 'US and IT', 'US IT', 'IT OR US', 'AS AT'])(
    'is false for %s: a word in capitals is an acronym',
    (query) => {
      expect(onlyCommonWords(query)).toBe(false);
    },
  );
  it.each(['HER', 'ITS', 'VIA', 'SHE', 'OUR', 'WAS', 'THE', ' HER. '])(
    'is false for %s: one word alone in capitals is an acronym, however long',
    (query) => {
      expect(onlyCommonWords(query)).toBe(false);
    },
  );
});

describe('withShorthandRead', () => {
  it.each([
    ["NeurIPS'23", 'NeurIPS 2023'],
    ['ICLR \u201924 attention', 'ICLR 2024 attention'],
    ["Hochreiter '97", 'Hochreiter 1997'],
    ["NeurIPS'27", 'NeurIPS 2027'],
    ["NeurIPS'28", 'NeurIPS 1928'],
    ['KAN vs MLP', 'KAN MLP'],
    ['transformers vs. RNNs', 'transformers RNNs'],
    ['KAN Versus MLP', 'KAN MLP'],
    // A citation key: the family name, the year and the title's first word.
    ['bachmann2023scaling', 'bachmann 2023 scaling'],
    ['Akyürek2022What learning', 'Akyürek 2022 What learning'],
    // Keys listed together cite several papers: any of them (alternativesInQuery reads the brackets).
    [
      'see (vaswani2017attention; bachmann2023scaling)',
      'see ( ((vaswani 2017 attention) OR (bachmann 2023 scaling)) )',
    ],
    // This digest's own keys: family names and title words of two letters (He, Li, Lv; AF-KAN).
    ['he2024mgno', 'he 2024 mgno'],
    ['lv2024interpreting attention', 'lv 2024 interpreting attention'],
    ['ta2025af', 'ta 2025 af'],
    // The command or entry type a key is pasted with goes with it: no paper writes `cite` or `misc`.
    ['@article{vaswani2017attention,', 'vaswani 2017 attention,'],
    ['@misc{kao2024counter,', 'kao 2024 counter,'],
    ['\\cite{bachmann2023scaling}.', 'bachmann 2023 scaling}.'],
    ['\\citep[p.~3]{li2016convergent, ge2024provable}', '((li 2016 convergent) OR (ge 2024 provable)) }'],
    // A suffix with a digit after a hyphen, as the digest gives papers that share a key, goes too.
    ['bachmann2023scaling-2306.13575', 'bachmann 2023 scaling'],
    ['\\cite{celik2024attention-2402.00002}', 'celik 2024 attention}'],
  ])('reads %s as %s (in 2026)', (query, expected) => {
    expect(withShorthandRead(query, 2026)).toBe(expected);
  });

  it.each([
    ['ICLR\'24 "KAN vs MLP" vs transformers', 'ICLR 2024 "KAN vs MLP" transformers'],
    ['"KAN" vs "MLP"', '"KAN" "MLP"'],
    ['KAN VERSUS MLP', 'KAN MLP'],
    // A contraction of a word nearly every abstract has (commonContraction) says nothing of a paper.
    ["it's double descent", 'double descent'],
    ['It\u2019s double descent', 'double descent'],
    ["there's no free lunch", 'no free lunch'],
    ["we're scaling MLPs", 'scaling MLPs'],
    ["I've KANs, they'll verify", 'KANs, verify'],
    ["let's verify step by step", 'verify step by step'],
    ["why attention isn't enough", 'why attention enough'],
    ['"it\'s double" descent, that\'s it', '"it\'s double" descent, it'],
  ])('reads %s as %s outside its quotes (in 2026)', (query, expected) => {
    expect(withShorthandRead(query, 2026)).toBe(expected);
  });

  it.each([
    "don't",
    "the '90s",
    "f'(x)",
    "x'123",
    'versus',
    'vs MLP',
    'KAN vs',
    'canvas vsx',
    "Kolmogorov's",
    // A contraction of another word, a possessive, an elision: words.
    "don't stop pretraining",
    "can't learn parity",
    "LLMs' loss",
    "o'clock",
    "rock'n'roll",
    // A quoted phrase is searched as typed.
    '"KAN vs MLP"',
    '"NeurIPS\'23"',
    '\u201CKAN versus MLP\u201D',
    // A height, an elided word, a name in capitals: no year, no versus.
    "5'10",
    "a 5'10 person",
    "l'23",
    'LLMs in VS Code',
    // A name and its number, a key in quotes, a year with fewer letters beside it: no citation key.
    'gpt2023',
    'llama2',
    'COCO2017',
    'x2023abc',
    'ab2023c',
    // A hyphen and letters after a key-like token (a domain, a word): no key's suffix.
    'abc2023xyz-foo.com',
    'vaswani2017attention-based',
    'bachmann20233scaling',
    '"bachmann2023scaling"',
    // The same letters in a link, a path or a domain are no key: the address is searched as typed.
    'https://openreview.net/forum?id=abc2023xyz',
    'https://digest.example.org/papers/bachmann2023scaling/',
    'abc2023xyz.com',
    'file_bachmann2023scaling',
  ])('leaves %s as typed', (query) => {
    expect(withShorthandRead(query, 2026)).toBe(query);
  });
});

describe('withCitationKeysRead', () => {
  it.each([
    // Keys side by side with commas, semicolons or spaces are a list: a choice of their papers.
    ['\\cite{bachmann2023scaling, he2024mgno}', ['bachmann 2023 scaling', 'he 2024 mgno']],
    ['he2024mgno; ta2025af lv2024interpreting', ['he 2024 mgno', 'ta 2025 af', 'lv 2024 interpreting']],
    ['@misc{kao2024counter, Belkin2018ReconcilingMM', ['kao 2024 counter', 'Belkin 2018 ReconcilingMM']],
    // Keys with other words between them are not one list: a paper with all.
    ['bachmann2023scaling and he2024mgno', undefined],
  ])('%s: %j', (query, sides) => {
    const read = withCitationKeysRead(query);
    // (A side keeps the brackets and braces around its words, which are no words.)
    const words = (side: string) =>
      side
        .replace(/[(){}]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    expect(alternativesInQuery(read)?.map(words)).toEqual(sides);
    // Each key's name, year and word are read, and no key is left.
    expect(withCitationKeysRead(read)).toBe(read);
  });

  it.each([
    ['Belkin2018ReconcilingMM', '"Belkin2018ReconcilingMM"'],
    ['ms2020coco detection', '"ms2020coco" detection'],
    ['\\cite{coco2017train}.', '"coco2017train"}.'],
    ['(gpt2023xl; he2024mgno)', '( (("gpt2023xl") OR ("he2024mgno")) )'],
    ['"ms2020coco" he2024mgno', '"ms2020coco" "he2024mgno"'],
    ['attention', 'attention'],
  ])('as typed, %s is %s', (query, typed) => {
    expect(withCitationKeysRead(query, { asTyped: true }).replace(/\s+/g, ' ').trim()).toBe(typed);
  });
});

describe('spellingsTypedAsNames', () => {
  it.each([
    ['Gray code', []],
    ['grey matter', []],
    ['Grey matter', []],
    ['quantum Gray code', ['gray']],
    ['LLMs by Gray', ['gray']],
    ['attention (Grey, 2020)', ['grey']],
    ['learning Mold Tire gray', ['mold', 'tire']],
    ['Hinton Graves', []],
    ['GRAY code GRAY', []],
  ])('%s: %j are names', (query, names) => {
    expect([...spellingsTypedAsNames(query)]).toEqual(names);
  });
});

describe('withShorthandRead and quoted phrases (seeded random queries)', () => {
  it('rewrites outside quotes and keeps every quoted phrase as typed', () => {
    const random = seededRandom(23);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const words = ['KAN', 'vs', 'vs.', 'versus', 'Versus', "NeurIPS'23", "'24", 'MLP', 'attention', 'ICLR', '2023'];
    const run = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words)).join(' ');
    for (let index = 0; index < 300; index++) {
      const phrases = Array.from({ length: 1 + Math.floor(random() * 2) }, () => `"${run()}"`);
      const query = phrases.map((phrase) => `${run()} ${phrase}`).join(' ') + ` ${run()}`;
      const read = withShorthandRead(query, 2026);
      // The phrases are there, in order, as typed; outside them no `'23` and no `vs` between words.
      expect(read.match(/"[^"]*"/g), query).toEqual(phrases);
      const outside = read.replace(/"[^"]*"/g, ' # ');
      expect(outside, query).not.toMatch(/'\d\d|\S\s+(?:vs\.?|versus)\s+\S/i);
    }
  });
});

describe('withPercentEscapesRead', () => {
  it.each([
    ['attention%20transformer', 'attention transformer'],
    ['M%C3%BCller%2C%20K.', 'Müller, K.'],
    ['%22double%20descent%22', '"double descent"'],
    ['GPT-4%20turbo', 'GPT-4 turbo'],
  ])('reads %s as %s', (query, expected) => {
    expect(withPercentEscapesRead(query)).toBe(expected);
  });

  // No escape, or a run that encodes no UTF-8 text, is as typed.
  it.each(['100%', '3.5% accuracy', '%E0%A4%A', '%FF attention', 'attention'])('leaves %s as typed', (query) => {
    expect(withPercentEscapesRead(query)).toBe(query);
  });
});

describe('newestFirstInQuery', () => {
  it.each([
    ['latest KAN', 'KAN'],
    ['Newest transformers', 'transformers'],
    ['the latest papers on in-context learning', 'in-context learning'],
    ['most recent work about linear attention', 'linear attention'],
    ['Kolmogorov-Arnold most recent', 'Kolmogorov-Arnold'],
    ['KAN latest', 'KAN'],
  ])('reads %s as %s, newest first', (query, expected) => {
    expect(newestFirstInQuery(query)).toBe(expected);
  });

  it.each([
    'latest',
    'most recent',
    // `recent` alone is a title's word; a word inside the query, a phrase's, are words.
    'recent advances in deep learning',
    'the newest first',
    'KANs are the latest trend',
    '"latest KAN"',
    'latest "KAN"',
  ])('reads no order in %s', (query) => {
    expect(newestFirstInQuery(query)).toBeUndefined();
  });
});

describe('withoutMarkup', () => {
  it.each([
    ['<b>attention</b>', 'attention'],
    ['%3Cb%3Eattention%3C%2Fb%3E%20%26amp%3B%20memory', 'attention & memory'],
    ['<i>in-context</i> learning', 'in-context learning'],
    ['<a href="https://x.org/">neural</a> networks', 'neural networks'],
    ['attention &amp; memory', 'attention & memory'],
    ['author:Hofmann', 'Hofmann'],
    ['topic:theory attention', 'theory attention'],
    ['Title:"gated linear attention"', '"gated linear attention"'],
    // With a space after its colon, as a form's label is copied (`Title: …`).
    ['title: Scaling MLPs', 'Scaling MLPs'],
    ['Abstract:  neural snowflakes', 'neural snowflakes'],
    ['Authors: Thomas Hofmann', 'Thomas Hofmann'],
    // Other engines' operators: a field is kept as its word, a place goes.
    ['intitle:snowflakes', 'snowflakes'],
    ['au:Kolter ti:verification', 'Kolter verification'],
    ['site:arxiv.org kolmogorov', 'kolmogorov'],
    ['hebbian filetype:pdf', 'hebbian'],
    ['inurl:abs site: snowflakes', 'snowflakes'],
  ])('reads %s as %s', (query, expected) => {
    expect(withoutMarkup(query)).toBe(expected);
  });

  it.each([
    ['a<b>c'],
    ['n <= m'],
    ['x < y > z'],
    ['https://arxiv.org/abs/2306.13575'],
    ['ratio:1'],
    ['C++'],
    ['parasite:host'],
    ['website: arxiv'],
  ])('leaves %s as typed', (query) => {
    expect(withoutMarkup(query)).toBe(query);
  });
});

describe('a name and its number written apart (joinedNameNumber)', () => {
  it.each([
    ['YOLO', 'v8', 'yolov8'],
    ['GPT', '4', 'gpt4'],
    ['GPT', '4o', 'gpt4o'],
    ['ResNet', '50,', 'resnet50'],
    ['(YOLO', 'v8)', 'yolov8'],
    ['LLaMA', '2', 'llama2'],
    // A version (a letter, then digits) after any word but a common one.
    ['yolo', 'v8', 'yolov8'],
    ['Gemma', 'v2', 'gemmav2'],
  ])('%s %s is also the one word %s', (first, second, joined) => {
    expect(joinedNameNumber(first, second)).toBe(joined);
  });

  it.each([
    ['in', '3'],
    ['of', '10'],
    ['since', '2020'],
    ['YOLO,', 'v8'],
    ['a', '2'],
    ['attention', 'heads'],
    ['GPT-4', 'turbo'],
    ['Llama', '2.5'],
    // Prose's references and dates: one capital, a number that is no version.
    ['Table', '3'],
    ['Figure', '2'],
    ['Section', '4'],
    ['Figure', '3a'],
    ['Jun', '6'],
    ['Across', '5'],
    // Typed joined, splitAtNumber reads llama2 as llama 2: no hidden word is needed.
    ['Llama', '2'],
  ])('leaves %s %s apart', (first, second) => {
    expect(joinedNameNumber(first, second)).toBeUndefined();
  });

  it('holds the joined word after the sentence, for the index only, so that YOLOv8 finds YOLO v8', () => {
    const indexed = withIndexedParts(
      '<p>We compare YOLO v8 with GPT 4o (Table 3). In 3 of 10 runs since 2020, it wins.</p>',
    );
    expect(indexed).toBe(
      `<p>We compare YOLO v8 with GPT 4o (Table 3).<span hidden> ${INDEX_ONLY_START} yolov8 gpt4o ${INDEX_ONLY_END} </span> In 3 of 10 runs since 2020, it wins.</p>`,
    );
    expect(splitAtNumber('llama2')).toEqual(['llama', '2']);
    expect(queryWords('YOLOv8').map(comparable)).toEqual(['yolov8']);
  });
});

describe('a scale letter as the SI prefixes read it', () => {
  it.each([
    ['100M', '100 million'],
    ['66M', '66,000,000'],
    ['1T', '1 trillion'],
    ['10 MILLION', '10 million'],
    ['7b', '7 billion'],
    ['10K', '10k'],
  ])('reads %s as a count, as %s', (typed, written) => {
    expect(queryWords(typed)).toEqual(queryWords(written));
  });

  it.each(['100m', '1.5m', '400m', '5t'])(
    'reads %s (metres, minutes, milli, tonnes as often) as the word it is',
    (typed) => {
      expect(queryWords(typed)).toEqual([comparable(typed)]);
      expect(countsInQuery(typed)).toEqual([]);
      expect(countWords(`a ${typed} run`)).toEqual([]);
    },
  );

  it('holds the value of a count in capitals, not of a length in metres', () => {
    expect(countWords('a 100M-parameter model ran 100m')).toEqual(queryWords('100 million'));
  });
});

describe('a typo that swaps the first two letters (swappedStartShard)', () => {
  it('looks in the shard of the second letter, where the word meant is, and finds it there', () => {
    expect(swappedStartShard('rtansformer')).toBe(vocabularyShard('transformer'));
    expect(closestSpelling('rtansformer', ['transformer', 'training'])).toBe('transformer');
    expect(swappedStartShard('Ékin')).toBe(vocabularyShard('kin'));
  });

  it('gives no other shard where both letters give the word its own', () => {
    expect(swappedStartShard('aardvark')).toBeUndefined();
    expect(swappedStartShard('a')).toBeUndefined();
    expect(swappedStartShard('12')).toBeUndefined();
  });
});

describe('a suggestion from the other shard (swappedStartSpelling)', () => {
  const shard = ['lora', 'llm', 'lstm', 'loss', 'transformer', 'training', 'tlora'];

  it('is a word with the first two letters the other way round, within the typos left', () => {
    expect(swappedStartSpelling('rtansformer', shard)).toBe('transformer');
    expect(swappedStartSpelling('rtansfromer', shard)).toBe('transformer');
    expect(swappedStartSpelling("rtansformer's", shard)).toBe("transformer's");
  });

  // A word with its first letter dropped is one edit from the typed word too, but another word.
  it.each(['qlora', 'vllm', 'xlstm', 'sloss'])('offers nothing for %s', (typed) => {
    expect(swappedStartSpelling(typed, shard)).toBeUndefined();
  });

  it('gives no swap where the first two letters are alike', () => {
    expect(swappedStartSpelling('llora', ['llora', 'lora'])).toBeUndefined();
  });
});

describe('words spelled with a zero-width non-joiner or joiner', () => {
  const ZWNJ = '\u200C';
  const ZWJ = '\u200D';
  // As paper files may write them (allowedJoinerAt): Persian, Urdu, Hindi after a virama, Bengali's
  // ya-phala, Sinhala's conjunct, Malayalam's chillu.
  const SPELLED = [
    `می${ZWNJ}خواهم`,
    `نمی${ZWNJ}دانم`,
    `ہم${ZWNJ}آہنگی`,
    `क्${ZWJ}षमता`,
    `र${ZWJ}्या`,
    `ශ්${ZWJ}රී`,
    `ന്${ZWJ}മ`,
  ];
  const plain = (word: string) => word.replace(/[\u200C\u200D]/g, '');

  // Pagefind (1.x, in Chromium) finds such a page by the word typed without its joiner and not by
  // the part after it (`خواهم`): the index holds the whole word, the joiner left out.
  it.each(SPELLED)('%s is one word, the word without its joiner', (word) => {
    for (const query of [word, `Persian ${word} words`, `"${word}"`, `${word}-based`]) {
      expect(queryWords(query)).toEqual(queryWords(plain(query)));
      expect([...compoundWords(query)]).toEqual([...compoundWords(plain(query))]);
    }
    expect(indexedForms(word)).toEqual(indexedForms(plain(word)));
    expect(matchesWord(plain(word), word)).toBe(true);
    expect(matchesWord(word, plain(word))).toBe(true);
  });

  it('is no cut between two words of the index', () => {
    expect(matchesWord('خواهم', `می${ZWNJ}خواهم`)).toBe(false);
    expect(compoundWords(`می${ZWNJ}خواهم`).size).toBe(0);
    expect(new Set(indexedForms(`می${ZWNJ}خواهم`))).toEqual(new Set(['میخواهم']));
  });

  const vocabularyOf = (text: string) =>
    [...vocabularyShards([paper('a', 'A title', ['Sara Example'], text)]).values()]
      .join('')
      .split('\n')
      .filter(Boolean);

  it('gives the vocabulary one word, however a paper writes it, spelled as it does', () => {
    const words = (text: string) => vocabularyOf(text).map(comparable).sort();
    expect(words(`A word, می${ZWNJ}خواهم, and نمی${ZWNJ}دانم.`)).toEqual(words('A word, میخواهم, and نمیدانم.'));
    // A suggestion is a word as the digest writes it: with its joiner.
    expect(vocabularyOf(`A word, می${ZWNJ}خواهم.`)).toContain(`می${ZWNJ}خواهم`);
    expect(vocabularyOf(`क्${ZWJ}षमता`)).toContain(`क्${ZWJ}षमता`);
  });

  // Pagefind indexes a word whole with its marks (a virama, a vowel sign): so must the vocabulary,
  // or "Did you mean" offers pieces of words (`षमत`) and never the word.
  it.each([
    ['क्षमता', 'क्षनता'],
    ['தமிழ்நாடு', 'தமிழ்காடு'],
    ['বাংলাদেশ', 'বাংলাদেষ'],
    ['ಕನ್ನಡಿಗರು', 'ಕನ್ನಡಿಗಳು'],
    ['Ελληνικά', 'Ελληνικη'],
  ])('keeps %s whole in the vocabulary, and suggests it for %s', (word, typo) => {
    const vocabulary = vocabularyOf(`Some text: ${word}, and more ${word}.`);
    expect(vocabulary).toContain(word);
    expect(vocabulary.every((each) => word.includes(each) === (each === word))).toBe(true);
    expect(closestSpelling(typo, vocabulary)).toBe(word);
  });

  it('reads a joiner anywhere between letters of a word as none (seeded placements)', () => {
    const random = seededRandom(23);
    const pick = (n: number) => Math.floor(random() * n);
    for (let run = 0; run < 300; run++) {
      const word = plain(SPELLED[pick(SPELLED.length)]!);
      const at = 1 + pick(word.length - 1);
      const joined = `${word.slice(0, at)}${pick(2) ? ZWNJ : ZWJ}${word.slice(at)}`;
      expect(queryWords(joined), joined).toEqual(queryWords(word));
      expect([...compoundWords(joined)], joined).toEqual([]);
      expect(indexedForms(joined), joined).toEqual(indexedForms(word));
    }
  });
});

describe('monthInQuery', () => {
  it.each([
    ['June 2025', { months: ['2025-06'], year: '2025', rest: '' }],
    ['Dec 2024', { months: ['2024-12'], year: '2024', rest: '' }],
    ['Dec. 2024', { months: ['2024-12'], year: '2024', rest: '' }],
    ['Sept 2023', { months: ['2023-09'], year: '2023', rest: '' }],
    ['2024-12', { months: ['2024-12'], year: '2024', rest: '' }],
    ['03/2021 vision', { months: ['2021-03'], year: '2021', rest: 'vision' }],
    ['december 2024 diffusion', { months: ['2024-12'], year: '2024', rest: 'diffusion' }],
    ['diffusion 2024 DECEMBER', { months: ['2024-12'], year: '2024', rest: 'diffusion' }],
    ['sparse models (Oct. 2023)', { months: ['2023-10'], year: '2023', rest: 'sparse models' }],
  ])('%s names a month', (query, expected) => {
    expect(monthInQuery(query)).toEqual(expected);
  });

  const months = (year: string, from: number, count: number) =>
    Array.from({ length: count }, (_, index) => `${year}-${String(from + index).padStart(2, '0')}`);
  it.each([
    ['Q1 2024', { months: months('2024', 1, 3), year: '2024', rest: '' }],
    ['kernels q4 2023', { months: months('2023', 10, 3), year: '2023', rest: 'kernels' }],
    ['2024 Q2 attention', { months: months('2024', 4, 3), year: '2024', rest: 'attention' }],
    ['H2 2023', { months: months('2023', 7, 6), year: '2023', rest: '' }],
    ['(H1 2025)', { months: months('2025', 1, 6), year: '2025', rest: '' }],
    ['first quarter of 2024', { months: months('2024', 1, 3), year: '2024', rest: '' }],
    ['MLPs in the 3rd quarter 2023', { months: months('2023', 7, 3), year: '2023', rest: 'MLPs in the' }],
    ['last quarter of 2024', { months: months('2024', 10, 3), year: '2024', rest: '' }],
    ['Second Half of 2023 transformers', { months: months('2023', 7, 6), year: '2023', rest: 'transformers' }],
  ])('%s names the months of a quarter or half', (query, expected) => {
    expect(monthInQuery(query)).toEqual(expected);
  });

  // Months counted on from (year, month) to (year, month), both held.
  const span = (fromYear: number, fromMonth: number, toYear: number, toMonth: number) =>
    Array.from({ length: (toYear - fromYear) * 12 + toMonth - fromMonth + 1 }, (_, index) => {
      const at = fromYear * 12 + fromMonth - 1 + index;
      return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    });
  it.each([
    ['since June 2024', { months: span(2024, 6, 2027, 12), year: '2024', years: 'since 2024', rest: '' }],
    ['after June 2024', { months: span(2024, 7, 2027, 12), year: '2024', years: 'since 2024', rest: '' }],
    ['KANs Since 2024-06', { months: span(2024, 6, 2027, 12), year: '2024', years: 'since 2024', rest: 'KANs' }],
    ['before March 2024', { months: span(1900, 1, 2024, 2), year: '2024', years: 'until 2024', rest: '' }],
    [
      'until March 2024 attention',
      { months: span(1900, 1, 2024, 3), year: '2024', years: 'until 2024', rest: 'attention' },
    ],
    ['till 2023 Dec', { months: span(1900, 1, 2023, 12), year: '2023', years: 'until 2023', rest: '' }],
    ['after Q1 2024', { months: span(2024, 4, 2027, 12), year: '2024', years: 'since 2024', rest: '' }],
    ['since H2 2023', { months: span(2023, 7, 2027, 12), year: '2023', years: 'since 2023', rest: '' }],
    ['before the first quarter of 2024', { months: months('2024', 1, 3), year: '2024', rest: 'before the' }],
    ['before first quarter of 2024', { months: span(1900, 1, 2023, 12), year: '2024', years: 'until 2024', rest: '' }],
    ['until H1 2025', { months: span(1900, 1, 2025, 6), year: '2025', years: 'until 2025', rest: '' }],
    ['since June 2031', { months: ['2031-06'], year: '2031', rest: 'since' }],
    // Written as other engines' operators, as a year is (`since:2023`).
    ['since:June 2024', { months: span(2024, 6, 2027, 12), year: '2024', years: 'since 2024', rest: '' }],
    ['KANs after:2024-03', { months: span(2024, 4, 2027, 12), year: '2024', years: 'since 2024', rest: 'KANs' }],
    ['before: March 2024', { months: span(1900, 1, 2024, 2), year: '2024', years: 'until 2024', rest: '' }],
    ['Until:Q2 2023 KAN', { months: span(1900, 1, 2023, 6), year: '2023', years: 'until 2023', rest: 'KAN' }],
  ])('%s names the months of a range open at one end (this year 2026)', (query, expected) => {
    expect(monthInQuery(query, 2026)).toEqual(expected);
  });

  it.each([
    'June',
    'decoder 2024',
    'March of the penguins',
    '2023-25',
    '2019..2021',
    '"June 2025"',
    'June 2025 and May 2024',
    '2024-13',
    'junk 2024',
    'Q5 2024',
    'H3 2023',
    'Q1',
    'fifth quarter of 2024',
    'third half of 2023',
    'quarter of 2024',
    'Q1 2024 and Q2 2024',
  ])('%s names no month', (query) => {
    expect(monthInQuery(query)).toBeUndefined();
  });
});

describe('withSingleQuotesRead', () => {
  it.each([
    ["kolmogorov -'vision transformer'", 'kolmogorov -"vision transformer"'],
    ['kolmogorov -‘vision transformer’', 'kolmogorov -"vision transformer"'],
    ["'double descent'", '"double descent"'],
    ["'MLP'", '"MLP"'],
    ['’gated linear attention’ training', '"gated linear attention" training'],
    ["(scaling 'inductive bias')", '(scaling "inductive bias")'],
    ["'double descent', optimization", '"double descent", optimization'],
    ["NOT 'linear model' 'in-context'", 'NOT "linear model" "in-context"'],
    ["'it's a tale'", '"it\'s a tale"'],
    ["'don’t stop' kernels", '"don’t stop" kernels'],
  ])('%s reads as %s', (query, expected) => {
    expect(withSingleQuotesRead(query)).toBe(expected);
  });

  it.each([
    "it's double descent",
    "don't stop",
    "the models' loss",
    "the models' loss and the kernels' width",
    "ICLR '23",
    "NeurIPS'23 and ICLR '24",
    "'23 to '24",
    "l'23",
    "O'Brien",
    "'unclosed phrase",
    "trailing quote'",
    "' spaced '",
    '"a \'quoted\' word" inside double quotes',
  ])('%s keeps its quotes as typed', (query) => {
    expect(withSingleQuotesRead(query)).toBe(query);
  });
});

describe('withoutStrayOperators', () => {
  it.each([
    ['AND', ''],
    ['OR', ''],
    ['NOT', ''],
    ['AND OR NOT', ''],
    ['transformers AND', 'transformers'],
    ['OR attention heads', 'attention heads'],
    ['kernel NOT', 'kernel'],
    ['AND NOT kernel', 'NOT kernel'],
    ['  AND  scaling laws  OR ', 'scaling laws'],
  ])('"%s" is "%s"', (query, expected) => {
    expect(withoutStrayOperators(query)).toBe(expected);
  });

  it.each([
    'attention AND transformers',
    'LLMs OR MLPs',
    'transformer NOT kolmogorov',
    'NOT kolmogorov',
    'and',
    'or attention',
    'ANDROID',
    'ORCA',
    'NOTE',
    '"NOT"',
    '"attention OR"',
  ])('"%s" keeps every word', (query) => {
    expect(withoutStrayOperators(query)).toBe(query);
  });
});

describe('withTypedWordsKept', () => {
  const ZWNJ = '\u200C';
  it.each([
    // The search reads the joiner out; the suggestion gives the reader's word back.
    [`می${ZWNJ}خواهم Persain`, 'میخواهم Persian', `می${ZWNJ}خواهم Persian`],
    [`نمی${ZWNJ}دانم می${ZWNJ}خواهم kernal`, 'نمیدانم میخواهم kernel', `نمی${ZWNJ}دانم می${ZWNJ}خواهم kernel`],
    // Full-width letters, read plain.
    ['ＧＰＴ transfomer', 'GPT transformer', 'ＧＰＴ transformer'],
    // A corrected word is the correction, whatever was typed.
    ['kernal processes', 'kernel processes', 'kernel processes'],
  ])('%s read as %s is suggested as %s', (typed, read, expected) => {
    expect(withTypedWordsKept(typed, read)).toBe(expected);
  });
});

describe('withPublicationWordsDropped', () => {
  it.each([
    ['published 2024', '2024'],
    ['published in 2024', '2024'],
    ['Published in 2024 kolmogorov', '2024 kolmogorov'],
    ['posted in March 2024', 'March 2024'],
    ['submitted on 12/2024', '12/2024'],
    ['kolmogorov released 2023-2024', 'kolmogorov 2023-2024'],
    ['appeared since 2023', 'since 2023'],
    ['posted since June 2024 KANs', 'since June 2024 KANs'],
    ['released before Q1 2024', 'before Q1 2024'],
    ['published before:2021', 'before:2021'],
    ['papers published between 2023 and 2024', 'papers between 2023 and 2024'],
    ['released in Q1 2024', 'Q1 2024'],
    ['posted since:June 2024 KANs', 'since:June 2024 KANs'],
    ['submitted after:2024-03', 'after:2024-03'],
  ])('reads %s as its date: %s', (query, expected) => {
    expect(withPublicationWordsDropped(query)).toBe(expected);
  });

  it.each([
    'published papers',
    'released code 2024',
    'in 2024',
    'published',
    'published in May',
    'published in 2024.5%',
    '"published 2024"',
  ])('keeps %s as typed: no date after the word, or a phrase', (query) => {
    expect(withPublicationWordsDropped(query)).toBe(query);
  });
});

describe('withPrintedWordsRead', () => {
  it.each([
    ['Click-Through Rate Predic- tion', 'Click-Through Rate Prediction'],
    ['trans- former backbones', 'transformer backbones'],
    ['Ré- seaux de neurones', 'Réseaux de neurones'],
  ])('"%s" is "%s"', (query, expected) => {
    expect(withPrintedWordsRead(query)).toBe(expected);
  });

  it.each([
    'first- and second-order',
    'pre- or post-training',
    'two- to three-layer',
    'Scaling- Laws',
    '"trans- former"',
    '"3-layer nets"',
    '11-layer',
    'LLaMA-2',
    'x-ray',
    '2024-12',
  ])('"%s" stays as typed', (query) => {
    expect(withPrintedWordsRead(query)).toBe(query);
  });
});

describe('titleOfPastedEntry', () => {
  it.each([
    [
      '@inproceedings{yang2025kat, title={Kolmogorov-Arnold Transformer}, author={Yang, Xingyi and Wang, Xinchao}, booktitle={ICLR}, year={2025}}',
      'Kolmogorov-Arnold Transformer',
    ],
    [
      '@article{x,\n  booktitle = {Proc. ICML},\n  title = "Scaling {MLPs}: A Tale of Inductive Bias"\n}',
      'Scaling MLPs: A Tale of Inductive Bias',
    ],
    [
      '@misc{k, TITLE = {{BiPFT}: Binary Pre-trained Foundation Transformer}}',
      'BiPFT: Binary Pre-trained Foundation Transformer',
    ],
  ])('%s is its title', (query, title) => {
    expect(titleOfPastedEntry(query)).toBe(title);
  });

  it.each([
    '@misc{he2024mgno,',
    '@article{k, author={A. Author}}',
    'title={x}',
    'subtitle attention',
    'booktitle={ICML} title',
  ])('%s is no entry with a title', (query) => {
    expect(titleOfPastedEntry(query)).toBeUndefined();
  });
});

describe('otherNumberSpelling', () => {
  it.each([
    ['1', 'one'],
    ['2', 'two'],
    ['3', 'three'],
    ['7', 'seven'],
    ['11', 'eleven'],
    ['12', 'twelve'],
    ['1st', 'first'],
    ['2nd', 'second'],
    ['3rd', 'third'],
    ['4th', 'fourth'],
    ['12th', 'twelfth'],
  ])('reads %s as %s and back', (digits, word) => {
    expect(otherNumberSpelling(digits)).toBe(word);
    expect(otherNumberSpelling(word)).toBe(digits);
  });

  it.each(['0', '13', '100', '2024', '1nd', '2st', '4rd', 'once', 'tens', 'layer', 'onehot', '', 'thirteen'])(
    'leaves %j alone',
    (word) => expect(otherNumberSpelling(word)).toBeUndefined(),
  );

  it('gives every word a number reads as the same number back (seeded: words, digits, ordinals, others)', () => {
    const random = seededRandom(26);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let run = 0; run < 2_000; run += 1) {
      const word = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        letters.charAt(Math.floor(random() * letters.length)),
      ).join('');
      const other = otherNumberSpelling(word);
      if (other === undefined) continue;
      // One spelling is digits, the other letters; reading the other gives the word (without leading zeros).
      expect(/\d/.test(other)).not.toBe(/\d/.test(word));
      expect(otherNumberSpelling(other)).toBe(word.replace(/^0+/, ''));
    }
  });
});

describe('numberPartsReadOtherwise', () => {
  it.each([
    [
      ['3', 'layer'],
      ['three', 'layer'],
    ],
    [
      ['two', 'stream'],
      ['2', 'stream'],
    ],
    [
      ['1st', 'order'],
      ['first', 'order'],
    ],
    [
      ['layer', '2'],
      ['layer', 'two'],
    ],
    [
      ['llama', '2', '7b'],
      ['llama', 'two', '7b'],
    ],
  ])('%j: %j', (parts, read) => expect(numberPartsReadOtherwise(parts)).toEqual(read));

  it.each([[['neural', 'network']], [['gpt', '4o']], [['resnet', '50']], [['2024', 'survey']]])(
    '%j: none (no number from one to twelve)',
    (parts) => expect(numberPartsReadOtherwise(parts)).toBeUndefined(),
  );
});

describe('withPhraseApart', () => {
  it.each([
    [
      '"gated attention transformers"',
      'gated attention transformers',
      'gated attention transformers',
      'gated attention transformers',
    ],
    ['“Gated Attention” transformers 2024', 'gated attention', 'Gated Attention transformers 2024', 'Gated Attention'],
    ['"double descent" KAN -"linear model"', 'double descent', 'double descent KAN -"linear model"', 'double descent'],
    ['"double descent" "Linear Model"', 'linear model', '"double descent" Linear Model', 'Linear Model'],
    ['„Bayesian prism“', 'bayesian prism', 'Bayesian prism', 'Bayesian prism'],
    ['"1.3B parameters"', '1.3B parameters', '1.3B parameters', '1.3B parameters'],
    [
      '" Gated   Linear\tTransformers "',
      'gated linear transformers',
      'Gated Linear Transformers',
      'Gated Linear Transformers',
    ],
  ])('%s, without %j: %j, the phrase as typed %j', (query, phrase, read, typed) => {
    // The phrase as the search names it when no paper has it: its words as parseQuery reads them.
    const [words] = parseQuery(`"${phrase}"`).phrases;
    expect(withPhraseApart(query, words!.join(' '))).toEqual({ query: read, typed });
  });

  it('leaves a query whose quotes hold no such phrase as it is, naming none', () =>
    expect(withPhraseApart('no quotes at all', 'no quotes')).toEqual({ query: 'no quotes at all' }));
});
