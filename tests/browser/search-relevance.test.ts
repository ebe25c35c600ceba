/**
 * Search relevance on the seed digest (content/papers/2025, 55 papers), in Chromium: a table of
 * queries a reader would type, each with the papers a reader expects, written by reading the
 * papers (titles, authors, topics, abstracts), not by copying the search's output.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { comparePapers, type Orderable } from '../../src/lib/archive.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { type PageWatch, readPapers, settled, type StaticServer, useSite } from './helpers.ts';
import { openAnsweredSearch, resultLinks } from './search-helpers.ts';

const BASE = '/digest/';
const urls = createUrls({ base: BASE, site: 'https://digest.example.org' });
const papers = await readPapers('content');

interface Expectation {
  query: string;
  /** Why a reader expects this. */
  why: string;
  /** The results are exactly these papers (ids), in any order. */
  only?: string[];
  /** The first results are these papers, in any order (more may follow). */
  top?: string[];
  /** No paper is found. */
  none?: true;
  /** The "Did you mean" offered, case-insensitive. */
  suggests?: string;
  /** No "Did you mean" is offered: no word of the digest is what the reader meant. */
  suggestsNothing?: true;
}

const KAN = ['2408.08338', '2409.10594', '2503.06112'];

const TABLE: Expectation[] = [
  // Titles
  { query: 'Scaling MLPs', why: 'title words', top: ['2306.13575'] },
  { query: 'Kolmogorov-Arnold Transformer', why: 'a whole title', top: ['2409.10594'] },
  { query: 'gated linear attention', why: 'title phrase', top: ['2312.06635'] },
  { query: 'neural snowflakes', why: 'title words of one paper only', only: ['2310.15003'] },
  { query: 'double descent', why: 'title phrase, in one abstract only', only: ['2312.03951'] },
  // Topics (their labels are searchable words)
  { query: 'Kolmogorov', why: 'the three Kolmogorov–Arnold papers, and no other mentions the name', only: KAN },
  { query: 'recommender systems', why: 'the topic of two papers', top: ['1706.06978', '2304.00902'] },
  { query: 'neural operators', why: 'topic of MgNO', top: ['2310.19809'] },
  {
    query: 'verification',
    why: 'topic "Verification & Certified Bounds" first; "verify" in other abstracts may follow',
    top: ['2401.14033', '2405.21063'],
  },
  // Authors: full names first, family names
  { query: 'Thomas Hofmann', why: 'full name, one paper', only: ['2306.13575'] },
  { query: 'Hofmann', why: 'family name', only: ['2306.13575'] },
  { query: 'Tengyu Ma', why: 'full name, two papers', only: ['2211.15661', '2307.03576'] },
  {
    query: 'Ming Li',
    why: 'exact full name ranks above Mingyi, Mingqing, … and other Lis',
    top: ['2008.08427', '2503.16188'],
  },
  { query: 'Li Du', why: 'the author Li Du first, before papers with other Lis and Du… words', top: ['2312.08937'] },
  { query: 'Zico Kolter', why: '"J. Zico Kolter" and "Zico Kolter"', only: ['2303.07320', '2405.21063'] },
  {
    query: 'Ré',
    why: 'Christopher Ré first: the others have "re" only inside ReLU, re-examine, ReLinear',
    top: ['2402.04347'],
  },
  // Authors cited as reference lists cite them, with initials
  { query: 'Allgoewer', why: 'Frank Allgöwer, the umlaut written out as German does', only: ['2401.14033'] },
  { query: 'Allgower', why: 'Frank Allgöwer, the umlaut dropped', only: ['2401.14033'] },
  { query: 'F. Allgoewer', why: 'Frank Allgöwer cited with an initial, the umlaut written out', only: ['2401.14033'] },
  { query: 'Z. Kolter', why: 'an initial and the family name: both spellings', only: ['2303.07320', '2405.21063'] },
  { query: 'Kolter, J. Z.', why: 'family name first, two initials: "J. Zico Kolter" only', only: ['2303.07320'] },
  { query: 'Hsieh, C.-J.', why: 'hyphenated initials of "Cho-Jui"', only: ['2405.21063'] },
  { query: 'H. Zhang', why: 'Hanlin and Huan Zhang, not the twelve other Zhangs', only: ['2202.01336', '2405.21063'] },
  { query: 'E Akyürek', why: 'an initial typed without its full stop', only: ['2211.15661', '2401.12973'] },
  { query: 'Ma T', why: 'Vancouver style, family name then initial: Tengyu Ma', only: ['2211.15661', '2307.03576'] },
  { query: 'Kolter JZ', why: 'Vancouver style, two initials: "J. Zico Kolter" only', only: ['2303.07320'] },
  { query: 'Hsieh CJ', why: 'Vancouver style initials of "Cho-Jui"', only: ['2405.21063'] },
  { query: 'Kolter JZ 2023', why: 'Vancouver style and the year cited: his EMNLP 2023 paper', only: ['2303.07320'] },
  {
    query: 'Kolter JZ 2024',
    why: 'Vancouver style and the year cited: "Zico Kolter" has a 2024 paper, "J. Zico Kolter" none',
    none: true,
  },
  {
    query: 'Zhang H',
    why: 'Vancouver style: Hanlin and Huan Zhang, no other Zhang',
    only: ['2202.01336', '2405.21063'],
  },
  { query: 'H. Zhang softmax', why: 'cited author and a word: neither H. Zhang paper says softmax', none: true },
  { query: 'e.g. LLaMA', why: 'initials that name no author are words', only: ['2310.03016'] },
  {
    query: 'Akyürek et al.',
    why: 'his two papers, not the one whose abstract cites "Akyürek et al."',
    only: ['2211.15661', '2401.12973'],
  },
  { query: '(Akyürek et al., 2023)', why: 'the ICLR 2023 paper', only: ['2211.15661'] },
  { query: 'Akyürek et al. 2022', why: 'the same paper cited by its preprint (arXiv 2211)', only: ['2211.15661'] },
  { query: 'Shi et al. 2024', why: 'an arXiv 2405 paper without a venue', only: ['2405.21063'] },
  {
    query: 'Akyürek 2023',
    why: 'a family name and a year, as author–year citations write them: his ICLR 2023 paper first (the 2023 paper citing him, which has the word, after it)',
    top: ['2211.15661'],
  },
  {
    query: 'Akyürek 2024',
    why: 'his ICML 2024 paper first, before the ICLR 2024 paper whose abstract cites "Akyürek et al."',
    top: ['2401.12973'],
  },
  { query: 'Akyürek (2023)', why: 'a family name with its year in brackets is a citation only', only: ['2211.15661'] },
  {
    query: 'de Luca 2025',
    why: 'a family name with its particle, and the year: Artur Back de Luca',
    only: ['2502.16763'],
  },
  {
    query: 'Ma 2023',
    why: 'a short family name and a year: the two papers of Tengyu Ma cited with 2023 first, before those with the "ma" of LLaMA',
    top: ['2211.15661', '2307.03576'],
  },
  {
    query: 'Sáez de Ocáriz Borde 2024',
    why: 'a family name of four words, cited with the year of its venue (ICLR 2024)',
    only: ['2310.15003'],
  },
  {
    query: 'Akyürek',
    why: 'family name with a diacritic: his two papers first, then one that cites "Akyürek et al."',
    top: ['2211.15661', '2401.12973'],
    only: ['2211.15661', '2401.12973', '2307.03576'],
  },
  {
    query: 'Akyurek',
    why: 'the same name typed without the diacritic',
    top: ['2211.15661', '2401.12973'],
    only: ['2211.15661', '2401.12973', '2307.03576'],
  },
  // arXiv ids and links: that paper, first and alone
  { query: '2306.13575', why: 'an id', only: ['2306.13575'] },
  { query: '2306.13575v2', why: 'an id with version', only: ['2306.13575'] },
  { query: '２３０６．１３５７５', why: 'an id typed in full-width digits', only: ['2306.13575'] },
  { query: '2306.13575 v2', why: 'an id and its version apart', only: ['2306.13575'] },
  { query: 'arXiv:2409.10594', why: 'arXiv: prefix', only: ['2409.10594'] },
  { query: 'https://arxiv.org/abs/2402.04347v1', why: 'abs URL with version', only: ['2402.04347'] },
  { query: 'https://arxiv.org/pdf/2312.06635v3.pdf', why: 'pdf URL', only: ['2312.06635'] },
  { query: 'arxiv.org/html/2504.15471v2', why: 'html URL without scheme', only: ['2504.15471'] },
  { query: '2306.99999', why: 'a valid id of no paper here', none: true },
  {
    query: 'arXiv:2306.13575v1 [cs.LG] 23 Jun 2023',
    why: "the stamp in the margin of arXiv's PDF, pasted whole (v1 of 23 June 2023)",
    only: ['2306.13575'],
  },
  { query: 'CoRR abs/2401.12973', why: 'DBLP cites an arXiv paper so', only: ['2401.12973'] },
  { query: 'arXiv.2409.10594', why: "the ending of arXiv's DOI, 10.48550/arXiv.2409.10594", only: ['2409.10594'] },
  { query: '2312.06635v3.pdf', why: "a downloaded PDF's file name", only: ['2312.06635'] },
  {
    query: '2306.13575, arXiv:2401.12973 [cs.LG]',
    why: 'two ids pasted from a reading list: both papers, and nothing else',
    only: ['2306.13575', '2401.12973'],
  },
  {
    query: 'non-linear',
    why: 'a compound word, however a paper writes it: non-linear, nonlinear, nonlinearity, Nonlinearities',
    only: [
      '1511.07543',
      '1706.06978',
      '2211.15661',
      '2306.04891',
      '2307.03576',
      '2310.19809',
      '2405.21063',
      '2408.08338',
      '2411.03884',
      '2411.12537',
    ],
  },
  {
    query: '"ImageNet-1K classification"',
    why: 'a phrase with a compound word: the words its parts add to the index must not stand between',
    only: ['2202.06510'],
  },
  // The address of a page of this digest, pasted: the paper, the topic's papers, the author's
  { query: 'https://digest.example.org/digest/papers/2409.10594/', why: "a paper's page", only: ['2409.10594'] },
  {
    query: 'https://digest.example.org/digest/topics/in-context-learning/',
    why: "a topic's page: its five papers, not every paper with the word learning",
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: 'https://digest.example.org/digest/authors/ekin-akyurek/',
    why: "an author's page: his two papers",
    only: ['2211.15661', '2401.12973'],
  },
  { query: 'https://digest.example.org/digest/topics/no-such-topic/', why: 'a topic the digest has not', none: true },
  // Two words the papers write as one (joined or hyphenated)
  {
    query: 'back propagation',
    why: 'the six papers that write backpropagation',
    only: ['2003.07845', '2110.06081', '2310.13225', '2402.05424', '2404.01278', '2409.19841'],
  },
  {
    query: 'fine tuning',
    why: 'fine-tuning, finetuning, finetuned, fine-tune',
    only: ['2303.07320', '2310.13225', '2402.04347', '2405.18377', '2409.01659', '2503.16188'],
  },
  {
    query: 'feed forward',
    why: 'feedforward and feed-forward',
    only: ['2107.01408', '2310.13225', '2408.08338', '2409.19841', '2502.16763'],
  },
  {
    query: 'multi task',
    why: 'Multitasking (a title), multi-task, multitask first; then papers with both words apart',
    top: ['2306.04891', '2308.04106', '2405.15953'],
  },
  { query: 'non zero', why: 'nonzero and non-zero first', top: ['2210.06313', '2502.16763'] },
  { query: 'GPT 4', why: 'GPT-4, whose 4 is no word of its own', only: ['2310.03016'] },
  {
    query: 'Llama 2',
    why: 'Llama-2, LLaMA-2, Llama2, LLaMA2-7B',
    only: ['2310.03016', '2402.04347', '2403.19521', '2405.18377'],
  },
  { query: '7 B', why: 'a model size typed apart: 7B', only: ['2402.04347', '2403.19521', '2405.18377'] },
  { query: '1 billion', why: 'a model size in words: "up to 1B parameters"', only: ['2504.15471'] },
  { query: '66 billion', why: 'OPT "up to the size of 66B"', only: ['2310.16355'] },
  { query: '7 billion', why: 'the three 7B models', only: ['2402.04347', '2403.19521', '2405.18377'] },
  { query: '2B', why: 'a count in a letter: "over 2 billion samples"', only: ['1706.06978'] },
  {
    query: '1.3 billion',
    why: 'a decimal count in words: the three abstracts with "1.3B" (not a 13B model)',
    only: ['2312.06635', '2403.19521', '2411.12537'],
  },
  { query: '12,400', why: '"12.4k time series", the count written out with a comma', only: ['2502.17812'] },
  {
    query: '340 million',
    why: 'the "340M-parameter" models of two abstracts',
    only: ['2312.06635', '2401.12973'],
  },
  {
    query: '3.5 percent',
    why: 'a percentage in words: the two papers that write 3.5%',
    only: ['2303.07320', '2410.22269'],
  },
  { query: 'sqrt n', why: 'the square root named in words: $\\sqrt{\\mathcal{C}_\\Psi/n}$', only: ['2303.01566'] },
  // Abbreviations and what they stand for: as a paper defines one (`in-context learning (ICL)`), or the field's own
  {
    query: 'ICL',
    why: 'the five papers that write in-context learning; one defines ICL',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: 'NLP',
    why: 'the papers with NLP or natural language processing',
    only: ['2003.07845', '2210.06313', '2303.07320', '2405.15953', '2405.18377', '2408.08338'],
  },
  {
    query: 'natural language processing',
    why: 'the same papers: 2303.07320 writes only NLP',
    only: ['2003.07845', '2210.06313', '2303.07320', '2405.15953', '2405.18377', '2408.08338'],
  },
  {
    query: 'RL',
    why: 'CLS-RL, and reinforcement learning in an abstract and a topic, which no paper abbreviates',
    only: ['2310.16355', '2410.22269', '2503.16188'],
  },
  {
    query: 'ViT',
    why: 'ViT-B16, and the vision transformers of five abstracts',
    only: ['2108.04384', '2202.06510', '2210.06313', '2402.05424', '2405.15953', '2405.21063'],
  },
  // Numbers and formulas as a reader types them
  { query: '1.5', why: 'a decimal: "1.5x" and "Gemini-1.5", not the number 15', only: ['2405.18377', '2502.17812'] },
  { query: 'l2', why: 'the norm written $\\ell_2$', only: ['2401.14033'] },
  { query: 'O(d^k)', why: 'the bound $\\widetilde{\\mathcal{O}}(d^k)$', only: ['2311.13774'] },
  { query: 'O(n)', why: 'a bound no paper states: not every paper with the word "on"', none: true },
  // A command's argument, which the TeX copy glues to the hidden command name (texPartWords).
  {
    query: '\\mathcal{O}',
    why: 'the calligraphic O of $\\widetilde{\\mathcal{O}}(d^k)$, $\\tilde{\\mathcal{O}}(\\sqrt{…})$ and $\\mathcal O_i(u)$',
    only: ['2311.13774', '2303.01566', '2310.19809'],
  },
  {
    query: '\\mathcal O',
    why: 'the same, its argument without braces',
    only: ['2311.13774', '2303.01566', '2310.19809'],
  },
  {
    query: '\\tilde{O}',
    why: 'the same bounds, typed with the other tilde',
    only: ['2311.13774', '2303.01566', '2310.19809'],
  },
  {
    query: '\\ell_\\infty norm',
    why: '$\\ell_\\infty$ in the LipSDP abstract, the word norm elsewhere',
    only: ['2401.14033'],
  },
  { query: 'L^\\infty norm', why: 'the same norm as another letter writes it', only: ['2401.14033'] },
  // A year beside other words: the paper's year (first version or venue), or a venue's year as written
  {
    query: 'Kolmogorov 2024',
    why: 'the two KAN papers first posted in 2024, not the 2025 one',
    only: ['2408.08338', '2409.10594'],
  },
  {
    query: 'Ｋｏｌｍｏｇｏｒｏｖ ２０２４',
    why: 'the same, typed in full-width letters and digits (a Japanese or Chinese keyboard)',
    only: ['2408.08338', '2409.10594'],
  },
  {
    query: 'in-context learning 2023',
    why: 'the in-context learning papers of 2023 (2211.15661 at ICLR 2023), not the 2024 one',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016'],
  },
  // Typos and words in no paper
  { query: 'kolmogrov', why: 'typo: Pagefind would answer papers with "k"', none: true, suggests: 'Kolmogorov' },
  { query: 'transfomer', why: 'typo', none: true, suggests: 'transformer' },
  {
    query: 'rtansformer',
    why: 'its first two letters swapped: a word of another first letter',
    none: true,
    suggests: 'transformer',
  },
  { query: 'hebian learning', why: 'typo in one of two words', none: true, suggests: 'hebbian learning' },
  {
    query: 'neural-netwrok',
    why: 'a typo in a part of a hyphenated word: the hyphen and the other part kept',
    none: true,
    suggests: 'neural-network',
  },
  { query: 'diffusion', why: 'in no paper: must not match "DiffROAR"', none: true },
  {
    query: "netwrok's",
    why: "a possessive with a typo: the word is corrected, the 's kept",
    none: true,
    suggests: "network's",
  },
  {
    query: "don't",
    why: 'no paper has a contraction, and "done" is not what the reader meant',
    none: true,
    suggestsNothing: true,
  },
  { query: 'blockchain', why: 'in no paper', none: true },
  // Correctly spelled words the digest lacks: the closest word of the digest is another word, too
  // many of their letters away for a typo (typosSuggested).
  { query: 'last week', why: '"week" is a word, not a typo of "weak"', none: true, suggestsNothing: true },
  { query: 'recsys', why: 'an acronym, not a typo of "recasts"', none: true, suggestsNothing: true },
  { query: 'van der Maaten', why: 'a name, not a typo of "master"', none: true, suggestsNothing: true },
  { query: 'Spring 2024', why: '"Spring" is a word, not a typo of "strong"', none: true, suggestsNothing: true },
  { query: 'kolmo', why: 'a word being typed finds the words it starts', only: KAN },
  // Single letters: the letter as a word (a variable, an initial), not every word it starts
  {
    query: 'k',
    why: '$k$ in two abstracts, Top-k, and the initial K. of two authors',
    only: ['2210.06313', '2311.13774', '2411.12537', '2502.16763', '2504.15471'],
  },
  { query: 'q', why: '$q$ in one abstract', only: ['2311.13774'] },
  // A whole word finds the papers that have it, not every word its stem starts (Pagefind matches
  // the stem `whi` of "why" as the start of "which" and "while", `len` of "lens" in "length").
  {
    query: 'why',
    why: 'three abstracts ask why; many more say which or while',
    only: ['2003.07845', '2303.01566', '2312.03951'],
  },
  { query: 'lens', why: 'one abstract has "lens"; many have "length"', only: ['2401.12973'] },
  // Quoted phrases, each on its own
  {
    query: '"in-context" "linear"',
    why: 'two phrases, both in four papers (never next to each other)',
    only: ['2211.15661', '2306.04891', '2307.03576', '2401.12973'],
  },
  {
    query: '"neural network" "gaussian"',
    why: 'four papers have both; one through its topic "Kernels & Gaussian Processes"',
    only: ['2107.01408', '2310.13225', '2311.13774', '2502.16763'],
  },
  // An id as pasted from a sentence or a reference list
  { query: '(2401.12973)', why: 'an id in brackets', only: ['2401.12973'] },
  { query: '2401.12973.', why: 'an id ending a sentence', only: ['2401.12973'] },
  // TeX-ish queries
  {
    query: 'R^d',
    why: 'the formula $\\mathbb{R}^d$ of two abstracts, typed as TeX',
    only: ['2310.15003', '2311.13774'],
  },
  { query: '2^k', why: '$2^k - 1$ in one abstract', only: ['2502.16763'] },
  { query: 'softmax', why: 'in a title, and in three abstracts', top: ['2402.04347'] },
  { query: 'mathbb', why: 'a TeX command is no word of any paper', none: true },
  // Formulas typed or pasted as TeX or Unicode: commands that are symbols, styling that is not
  { query: '\\gg', why: '$m \\gg n$ in one abstract', only: ['2303.01566'] },
  { query: 'm ≫ n', why: 'the same formula with the Unicode symbol', only: ['2303.01566'] },
  { query: '\\ell_\\infty', why: 'the norm $\\ell_\\infty$ as TeX', only: ['2401.14033'] },
  { query: '∞', why: 'the symbol of $\\infty$', only: ['2401.14033'] },
  // A Greek letter no paper writes is no start of words: μ is not `multi`, π not `pipeline`, ν not `number`
  { query: 'μ', why: 'no paper writes μ or \\mu ("multi" starts with its name)', none: true },
  { query: '\\mu', why: 'the same letter as TeX', none: true },
  { query: 'π', why: 'no paper writes π ("pipeline" starts with its name)', none: true },
  { query: 'ν', why: 'no paper writes ν ("number" starts with its name)', none: true },
  {
    query: '\\circ',
    why: 'a composition in two abstracts, not every word that starts with circ (circuit)',
    only: ['2303.01566', '2311.13774'],
  },
  { query: 'g \\circ p', why: '$h = g \\circ p$', only: ['2311.13774'] },
  {
    query: '\\mathbb{R}^d',
    why: 'a formula pasted as TeX: \\mathbb only styles the R',
    only: ['2310.15003', '2311.13774'],
  },
  { query: 'ℝ^d', why: 'the same formula with the double-struck letter', only: ['2310.15003', '2311.13774'] },
  {
    query: '\\mathbb{R}',
    why: 'TeX without the script: 2311.13774 writes $\\mathbb{R}$, 2310.15003 only $\\mathbb{R}^d$',
    only: ['2310.15003', '2311.13774'],
  },
  { query: '\\mathbb R', why: 'the same, without braces', only: ['2310.15003', '2311.13774'] },
  {
    query: '\\mathbb{R} snowflake',
    why: 'the formula beside a word: the one paper with both',
    only: ['2310.15003'],
  },
  { query: '[0,1]', why: '$[0,1]$ and $[0, 1]$, however the query spaces it', only: ['2401.14033', '2411.12537'] },
  { query: '[0, 1]', why: 'the same interval with a space', only: ['2401.14033', '2411.12537'] },
  { query: '[-1, 1]', why: '$[-1, 1]$ in one abstract, not every paper with the number 1', only: ['2411.12537'] },
  { query: '2^k − 1', why: 'a minus sign typed as the Unicode one: $2^k - 1$', only: ['2502.16763'] },
  // A word before the other words of its stem (Pagefind's stem of minimal, minimize, minimization is minim)
  {
    query: 'optimal',
    why: 'the ten papers with optimal (optimally, optimality) before the ten with only optimize or optimization, a second page away',
    top: [
      '2307.03576',
      '2310.03016',
      '2310.13225',
      '2310.15003',
      '2311.13774',
      '2405.18377',
      '2405.21063',
      '2411.03884',
      '2503.06112',
      '2504.15471',
    ],
  },
  {
    query: 'minimal',
    why: 'the three abstracts that say minimal, before those that say only minimize, minimizer or minimization',
    top: ['2306.09364', '2411.03884', '2504.15471'],
  },
  // One word where papers write two (compoundHeads)
  {
    query: 'pruning dataset',
    why: 'the one pruning paper, whose abstract writes "4 data sets"',
    only: ['2210.04092'],
  },
  { query: '2^k-1', why: '$2^k - 1$ typed without spaces', only: ['2502.16763'] },
  { query: 'd^2', why: 'the square inside $\\widetilde{\\mathcal{O}}(d^2)$', only: ['2311.13774'] },
  { query: 'l_2', why: 'the norm $\\ell_2$ with its subscript mark', only: ['2401.14033'] },
  { query: 'l_inf', why: 'the norm $\\ell_\\infty$ as readers abbreviate it', only: ['2401.14033'] },
  { query: 'l_infinity', why: 'the norm $\\ell_\\infty$ with infinity spelled out', only: ['2401.14033'] },
  { query: 'L-infinity', why: 'the norm $\\ell_\\infty$ hyphenated', only: ['2401.14033'] },
  { query: 'l infinity', why: 'the norm $\\ell_\\infty$ in two words', only: ['2401.14033'] },
  { query: 'ℓ∞', why: 'the norm $\\ell_\\infty$ in Unicode', only: ['2401.14033'] },
  {
    query: 'infinity norm',
    why: 'the norm $\\ell_\\infty$ named in words, though the paper writes no "norm"',
    only: ['2401.14033'],
  },
  { query: 'L2 norm', why: 'the norm $\\ell_2$ named in words', only: ['2401.14033'] },
  { query: 'L2-norm', why: 'the norm $\\ell_2$ named in one hyphenated word', only: ['2401.14033'] },
  // A norm's name however its subscript is typed: as L2-norm
  { query: 'ℓ2-norm', why: 'the norm $\\ell_2$, ℓ hyphenated to norm', only: ['2401.14033'] },
  { query: 'ℓ_2', why: 'the norm $\\ell_2$ in Unicode with its subscript mark', only: ['2401.14033'] },
  { query: 'l2 norm', why: 'the norm $\\ell_2$ named in lower case', only: ['2401.14033'] },
  { query: 'L^2', why: 'the norm $\\ell_2$ with the 2 typed as a power', only: ['2401.14033'] },
  { query: 'L_2-norm', why: 'the norm $\\ell_2$ with its subscript mark, hyphenated', only: ['2401.14033'] },
  { query: 'ℓ∞-norm', why: 'the norm $\\ell_\\infty$ in Unicode, hyphenated', only: ['2401.14033'] },
  // Family names with particles typed as one word, as citation keys and addresses write them
  { query: 'deluca', why: 'Artur Back de Luca', only: ['2502.16763'] },
  { query: 'vonoswald', why: '"von Oswald et al., 2022" cited in one abstract', only: ['2307.03576'] },
  { query: 'deocariz', why: 'Haitz Sáez de Ocáriz Borde', only: ['2310.15003'] },
  { query: 'deluca permutations', why: 'the joined name beside a word of its paper', only: ['2502.16763'] },
  // A range of years beside words: the papers of any year in it, as citations date them
  {
    query: 'in-context learning since 2023',
    why: 'a range open at its end: the five in-context learning papers, each first posted or published in 2023 or later',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: 'Kolmogorov after 2024',
    why: 'AF-KAN (2025) and KAT (ICLR 2025), not the KAN paper of 2024 alone',
    only: ['2409.10594', '2503.06112'],
  },
  { query: 'Kolmogorov before 2024', why: 'the KAN papers are of 2024 and 2025', none: true },
  { query: 'Kolmogorov 2024..2025', why: 'the KAN papers were first posted in 2024 and 2025', only: KAN },
  { query: 'Kolmogorov 2024 – 2025', why: 'the same range, spaced as prose writes it', only: KAN },
  {
    query: 'Kolmogorov 2020–2024',
    why: 'two KAN papers first posted in 2024, not the 2025 one',
    only: KAN.slice(0, 2),
  },
  // A word that says a paper came out, before its date: no paper writes it beside the date
  {
    query: 'Kolmogorov published in 2024',
    why: 'as "Kolmogorov 2024": the two KAN papers first posted in 2024',
    only: ['2408.08338', '2409.10594'],
  },
  { query: 'posted in March 2024', why: 'the month of one first version (2403.19521), first', top: ['2403.19521'] },
  {
    query: 'submitted before 2021',
    why: 'as "before:2021": the papers first posted or published before 2021',
    only: ['1511.07543', '1706.06978', '2003.07845', '2008.08427'],
  },
  // HTML and field names typed around the words
  { query: '<b>Kolmogorov</b>', why: 'a word in bold, pasted as HTML', only: KAN },
  { query: 'author:Hofmann', why: 'a field name as other engines take it: Thomas Hofmann', only: ['2306.13575'] },
  {
    query: 'title: Scaling MLPs',
    why: 'a field name with a space after it, as a label is copied',
    top: ['2306.13575'],
  },
  { query: 'Title: Neural Snowflakes', why: 'the same, capitalised', only: ['2310.15003'] },
  { query: 'abstract: neural snowflakes', why: 'the abstract field named, a space after it', only: ['2310.15003'] },
  // Shorthand readers type: a venue's year by its last two digits, a comparison
  { query: "NeurIPS'23", why: 'NeurIPS 2023, as venues are cited: its two papers', only: ['2306.13575', '2312.03951'] },
  { query: 'KAN vs MLP', why: 'the KAN papers, which all compare with MLPs; no paper writes "vs"', only: KAN },
  // Copied from an address, its spaces and slashes percent-escaped.
  { query: 'neural%20snowflakes', why: 'Neural Snowflakes, its space as %20', only: ['2310.15003'] },
  { query: 'https://doi.org/10.48550%2FarXiv.2306.13575', why: 'the DOI, its slash as %2F', only: ['2306.13575'] },
  {
    query: "it's double descent",
    why: 'the double-descent paper, whose abstract has no "its" (nor "it\'s"): the contraction says nothing of it',
    only: ['2312.03951'],
  },
  {
    query: 'that\u2019s neural snowflakes',
    why: 'Neural Snowflakes, typed as speech with a curly apostrophe: no paper writes "thats"',
    only: ['2310.15003'],
  },
  {
    query: 'transformers vs. RNNs',
    why: 'the three papers with both words ("vs." is no word of theirs)',
    only: ['2312.06635', '2401.12973', '2411.12537'],
  },
  // OR in capitals, as other engines read it: the papers of either side
  {
    query: 'kolmogorov OR hebbian',
    why: 'the three Kolmogorov–Arnold papers and the two Hebbian ones, which no paper joins',
    only: [...KAN, '2308.04106', '2402.11984'],
  },
  { query: 'snowflakes OR porcupine', why: 'two titles, one word each', only: ['2310.15003', '2402.04347'] },
  {
    query: 'Hofmann OR Kolter',
    why: 'two authors: Thomas Hofmann, and both Kolters',
    only: ['2306.13575', '2303.07320', '2405.21063'],
  },
  {
    query: '"graph neural network" OR GNN',
    why: 'a phrase or its abbreviation: one paper writes both, no other either',
    only: ['2310.15003'],
  },
  {
    query: 'snowflakes OR porcupine -hedgehog',
    why: 'a -word leaves out papers of its side: the porcupine paper is the hedgehog paper',
    only: ['2310.15003'],
  },
  // OR joins the words beside it, the rest of the query is on every side (not the whole query's halves)
  {
    query: 'kolmogorov OR hebbian spiking',
    why: 'Kolmogorov or Hebbian, spiking on both sides: the one Hebbian paper on spiking networks',
    only: ['2402.11984'],
  },
  {
    query: 'snowflakes OR porcupine hedgehog',
    why: 'hedgehog on both sides: the porcupine paper is the hedgehog paper, the snowflakes one has none',
    only: ['2402.04347'],
  },
  {
    query: '(snowflakes OR porcupine) -hedgehog',
    why: 'a bracketed choice, the -word on every side',
    only: ['2310.15003'],
  },
  {
    query: '"KAN vs MLP"',
    why: 'a quoted phrase is searched as typed; no paper writes it, so its words apart (a quoted phrase no paper has, below)',
    only: KAN,
  },
  {
    query: 'kolmogrov OR hebian',
    why: 'a typo on each side: no paper, and the whole query corrected',
    none: true,
    suggests: 'Kolmogorov OR Hebbian',
  },
  {
    query: 'topic:recommender systems',
    why: 'a field name before a topic label',
    top: ['1706.06978', '2304.00902'],
  },
  // Counts with a scale letter in capitals; a lower-case m is a unit as often, read as typed
  { query: '340 million', why: 'the two abstracts with "340M-parameter models"', only: ['2312.06635', '2401.12973'] },
  { query: '340m', why: 'as typed, which Pagefind reads as 340M', only: ['2312.06635', '2401.12973'] },
  { query: '85M', why: 'a count in a capital: "85 million parameters"', only: ['2202.06510'] },
  // Authors as references are pasted: initials typed apart, et al. after initials, a venue's year
  { query: 'Yu P S', why: 'PubMed initials typed apart: Philip S. Yu, not Felix Yu', only: ['2502.17812'] },
  { query: 'Hashimoto T B', why: 'Tatsunori B. Hashimoto, initials typed apart', only: ['2307.03576'] },
  { query: 'T. Hofmann et al.', why: '"et al." after a name with its initial is that name\'s', only: ['2306.13575'] },
  {
    query: 'Yang, X., & Wang, X. (2024). Kolmogorov-Arnold Transformer. ICLR 2025.',
    why: 'an APA reference: the two authors, and its venue and year as words (no author "ICLR")',
    only: ['2409.10594'],
  },
  {
    query: 'Bachmann G, Anagnostidis S, Hofmann T. Scaling MLPs: A tale of inductive bias. NeurIPS 2023',
    why: 'a Vancouver reference: the last initials before the title, "Hofmann T."',
    only: ['2306.13575'],
  },
  {
    query:
      'Akyürek, E., Schuurmans, D., Andreas, J., Ma, T., & Zhou, D. (2022). What learning algorithm is in-context learning? Investigations with linear models. arXiv preprint arXiv:2211.15661.',
    why: 'a reference with its arXiv id, as Google Scholar gives it: that paper, whatever its other words',
    only: ['2211.15661'],
  },
  // A compound of three parts the papers write partly joined: `Click-Through Rate`, `Llama-2 7B`
  {
    query: 'click-through-rate',
    why: 'both CTR papers write "Click-through rate"',
    only: ['1706.06978', '2304.00902'],
  },
  { query: 'llama-2-7b', why: '"Llama-2 7B" and "LLaMA2-7B"', only: ['2402.04347', '2405.18377'] },
  // Questions: their own words are in no paper
  { query: 'what is a KAN', why: 'the three Kolmogorov–Arnold network papers', only: KAN },
  { query: 'WHAT IS A KAN', why: 'the same question in capitals: WHAT, IS, A are its words, no acronyms', only: KAN },
  {
    query: 'HOW DO TRANSFORMERS LEARN IN CONTEXT?',
    why: 'a question in capitals, as in lower case: the five in-context learning papers',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: 'how do transformers learn in context',
    why: 'the five in-context learning papers, each about transformers',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  // A question whose verb no paper writes beside its subject: the subject's papers.
  {
    query: 'why does double descent happen',
    why: 'the double descent paper; no paper says happen',
    only: ['2312.03951'],
  },
  { query: 'what causes double descent', why: 'the verb right after what', only: ['2312.03951'] },
  {
    query: 'when does in-context learning emerge',
    why: 'the five in-context learning papers; none says emerge',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  // Look-alike letters of another script in a Latin word, as pasted from pages that mix them.
  { query: '\u0397edgehog', why: 'Hedgehog with a Greek Eta', only: ['2402.04347'] },
  { query: '\u041Aolmogorov', why: 'Kolmogorov with a Cyrillic Ka', only: KAN },
  // A venue written in full, as references write it.
  {
    query: 'In Advances in Neural Information Processing Systems',
    why: 'the six NeurIPS papers (main track and workshops)',
    only: ['2102.12781', '2110.03313', '2202.01336', '2210.04092', '2306.13575', '2312.03951'],
  },
  {
    query:
      'Bachmann, G., Anagnostidis, S., & Hofmann, T. (2023). Scaling MLPs: A tale of inductive bias. In Advances in Neural Information Processing Systems.',
    why: 'an APA reference with its venue in full',
    only: ['2306.13575'],
  },
  // The digest's own BibTeX keys (bibtex.ts), as pasted.
  { query: 'he2024mgno', why: "MgNO's key: a family name of two letters", only: ['2310.19809'] },
  { query: '\\cite{li2016convergent}', why: 'a key in \\cite', only: ['1511.07543'] },
  { query: '@misc{kao2024counter,', why: 'an entry head from a .bib file', only: ['2409.19841'] },
  { query: 'bachmann2023scaling-2306.13575', why: 'a key with the id suffix of a shared key', only: ['2306.13575'] },
  // Keys listed together cite each of their papers.
  {
    query: '\\cite{bachmann2023scaling, he2024mgno}',
    why: 'two keys in one \\cite: both papers',
    only: ['2306.13575', '2310.19809'],
  },
  { query: 'kao2024counter; li2016convergent', why: 'keys pasted as a list', only: ['2409.19841', '1511.07543'] },
  // A model's version and size typed as one word.
  {
    query: 'llama27b',
    why: 'LLaMA2-7B in LLaMA-NAS; Llama-2 7B and Llama2 7B in Hedgehog',
    only: ['2405.18377', '2402.04347'],
  },
  // A key of no paper of the digest, as a paper's text writes it (Semantic Scholar's style).
  { query: 'Belkin2018ReconcilingMM', why: 'written so in the double descent abstract', only: ['2312.03951'] },
  // Other engines' operators and years alone
  {
    query: 'kolmogorov NOT transformer',
    why: 'NOT in capitals as Boolean engines write it: the two KAN papers whose text has no transformer',
    only: ['2408.08338', '2503.06112'],
  },
  { query: 'snowflakes OR porcupine NOT hedgehog', why: 'NOT beside OR, as -hedgehog', only: ['2310.15003'] },
  {
    query: 'kolmogorov -"vision transformer"',
    why: 'a phrase left out as a phrase: no KAN paper writes "vision transformer" (KAT writes "transformer", 2408.08338 "vision")',
    only: KAN,
  },
  // Single quotes, straight or curly, around a phrase: a phrase as in double quotes.
  {
    query: "kolmogorov -'vision transformer'",
    why: 'a phrase in single quotes left out as a phrase, as in double quotes',
    only: KAN,
  },
  {
    query: 'kolmogorov -‘vision transformer’',
    why: 'the same in curly single quotes, as a phone keyboard types them',
    only: KAN,
  },
  {
    query: "'in-context learning' NOT 'linear models'",
    why: 'phrases in single quotes on both sides of NOT: the in-context papers but the one on linear models',
    only: ['2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: "'gated linear attention'",
    why: 'a title phrase in single quotes: only the paper with the three words side by side',
    only: ['2312.06635'],
  },
  {
    query: '"in-context learning" NOT "linear models"',
    why: 'the in-context learning papers but the one on linear models (2211.15661)',
    only: ['2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  { query: 'site:arxiv.org kolmogorov', why: 'every paper is here: the site is no word', only: KAN },
  { query: 'intitle:snowflakes', why: "Google's field for a title's word", only: ['2310.15003'] },
  {
    query: 'before:2021',
    why: 'years alone: the papers first posted or published before 2021 (1511, 1706, 2003 and 2008 ids)',
    only: ['1511.07543', '1706.06978', '2003.07845', '2008.08427'],
  },
  {
    query: 'after:2024',
    why: 'years alone: the three ICLR 2025 papers and the five first posted in 2025',
    only: [
      '2409.10594',
      '2410.22269',
      '2411.03884',
      '2502.16763',
      '2502.17812',
      '2503.06112',
      '2503.16188',
      '2504.15471',
    ],
  },
  // A list of authors as APA and BibTeX join its last name
  {
    query: 'Giapitzakis, G., Back de Luca, A., & Fountoulakis, K.',
    why: "the three authors of the permutations paper, APA's & before the last",
    only: ['2502.16763'],
  },
  { query: 'Hofmann, T. and Bachmann, G.', why: "BibTeX's and between two authors", only: ['2306.13575'] },
  // A formula's subscripted function copied from an abstract
  { query: '\\mathcal O_i(u)', why: 'MgNO defines its operator layer by $\\mathcal O_i(u)$', only: ['2310.19809'] },
  {
    query: 'deocarizborde2024neural',
    why: "the digest's own key for Neural Snowflakes: its family name with particles run together",
    only: ['2310.15003'],
  },
  { query: '\\cite{deocarizborde2024neural}', why: 'the same key in a LaTeX citation', only: ['2310.15003'] },
  // A number from one to twelve in digits or in words: papers write one, readers type either.
  { query: '3-layer neural networks', why: 'Three-Layer in the title, typed in digits', top: ['2311.13774'] },
  { query: '2 stream MLP', why: 'FinalMLP’s Two-Stream, its number typed apart in digits', top: ['2304.00902'] },
  { query: '2-stream MLP', why: 'FinalMLP’s Two-Stream, typed as one word in digits', only: ['2304.00902'] },
  { query: '1-layer transformer', why: 'the paper writes one-layer transformer, typed in digits', top: ['2307.03576'] },
  { query: '1-shot pruning', why: 'one-shot pruning in two abstracts, typed in digits', top: ['2210.04092'] },
  { query: '1st-order optimization', why: 'first-order optimization, the ordinal in digits', only: ['2210.04092'] },
  // A venue by its former abbreviation (NeurIPS was NIPS until 2018; KDD is ACM SIGKDD's).
  { query: 'NIPS 2023', why: 'the two NeurIPS 2023 papers (main track, workshop)', only: ['2306.13575', '2312.03951'] },
  { query: 'SIGKDD 2018', why: 'Deep Interest Network, KDD 2018', only: ['1706.06978'] },
  // Readers' queries of kinds the rows above do not try (seventh pass): math as TeX or Unicode,
  // names without accents or in the other order, titles reordered or asked, pasted addresses.
  { query: 'Õ(d²) sample complexity', why: '$\\widetilde{\\mathcal{O}}(d^2)$ in one abstract', only: ['2311.13774'] },
  { query: 'm ≫ n unsupervised pretraining', why: '$m \\gg n$ in the pretraining abstract', only: ['2303.01566'] },
  { query: "Student's t processes", why: 'a possessive as the abstract writes it', only: ['2107.01408'] },
  { query: 'Akyurek Ekin', why: 'Ekin Akyürek, family name first, no accent', only: ['2211.15661', '2401.12973'] },
  { query: 'Saez de Ocariz Borde', why: 'Haitz Sáez de Ocáriz Borde without accents', only: ['2310.15003'] },
  { query: 'Jorg Franke', why: 'Jörg K. H. Franke, no umlaut, no initials', only: ['2411.12537'] },
  { query: 'A Lazy Neuron Phenomenon', why: 'the title with another article', only: ['2210.06313'] },
  {
    query: 'factual recall transformer language models key mechanisms',
    why: 'the title words in another order',
    only: ['2403.19521'],
  },
  {
    query: 'Can Multimodal LLMs Perform Time Series Anomaly Detection?',
    why: 'a title that is a question',
    only: ['2502.17812'],
  },
  {
    query: 'http://localhost:4321/papers/2312.06635/',
    why: "a paper page's address on a local copy",
    only: ['2312.06635'],
  },
  { query: 'Chang and Bergen 2025', why: 'two authors cited with their year', only: ['2504.15471'] },
  { query: 'למידה עמוקה', why: 'Hebrew words no paper has', none: true },
  { query: '()[]{}', why: 'only brackets', none: true },
  // A reference names its paper's first author first: their papers of the year first.
  {
    query: 'Wang et al., 2024',
    why: 'Zihao Wang is the first author of one Wang paper of 2024 (ICLR 2024)',
    top: ['2311.13774'],
  },
  {
    query: 'Zhang et al. (2024)',
    why: 'the two 2024 papers whose first author is a Zhang, before those with a Zhang further down',
    top: ['2402.04347', '2409.01659'],
  }, // Eighth pass: reader queries written from the seed's papers. Misspellings of long words, a
  // letter doubled or two swapped: the closest word of the digest is offered.
  {
    query: 'Kolmogorov-Arnold Netwroks',
    why: 'two letters swapped in a title word',
    none: true,
    suggests: 'Kolmogorov-Arnold networks',
  },
  { query: 'transformmer', why: 'a letter doubled', none: true, suggests: 'transformer' },
  { query: 'neural netwroks', why: 'two letters swapped', none: true, suggests: 'neural networks' },
  // Spellings: hyphenated, joined, apart; British and American; singular and plural.
  { query: 'pre-trained foundation transformer', why: 'BiPFT, as its title writes it', top: ['2312.08937'] },
  { query: 'pretrained foundation transformer', why: 'BiPFT, "Pre-trained" joined', top: ['2312.08937'] },
  { query: 'pre trained foundation transformer', why: 'BiPFT, "Pre-trained" apart', top: ['2312.08937'] },
  { query: 'unsupervised pre-training', why: 'the title writes Pretraining', top: ['2303.01566'] },
  { query: 'unsupervised pre training', why: 'the title writes Pretraining', top: ['2303.01566'] },
  {
    query: 'binarisation',
    why: 'British spelling of BiPFT’s Binarization; BiPer binarizes too',
    only: ['2312.08937', '2404.01278'],
  },
  { query: 'parameterisation of linear operators', why: 'MgNO’s title, British spelling', top: ['2310.19809'] },
  { query: 'role of optimisation in double descent', why: 'a title, British spelling', top: ['2312.03951'] },
  { query: 'multi-grid', why: 'MgNO writes Multigrid', top: ['2310.19809'] },
  { query: 'multi grid', why: 'MgNO writes Multigrid', top: ['2310.19809'] },
  { query: 'bi-level optimization pruning', why: 'the title writes Bi-level', top: ['2210.04092'] },
  { query: 'bilevel optimization', why: 'Bi-level written joined', top: ['2210.04092'] },
  { query: 'time-series forecasting', why: 'TSMixer’s "Time Series Forecasting"', top: ['2306.09364'] },
  { query: 'timeseries forecasting', why: 'time series written joined', top: ['2306.09364'] },
  { query: 'band-limited random weights', why: 'the title writes Bandlimited', top: ['2008.08427'] },
  { query: 'multi-modal LLMs', why: 'the title writes Multimodal LLMs', top: ['2502.17812'] },
  { query: 'gated linear attention transformer', why: 'the title in the singular', top: ['2312.06635'] },
  { query: 'Deep Interest Networks', why: 'the title in the plural', top: ['1706.06978'] },
  { query: 'neural network kernel', why: 'Scalable Neural Network Kernels, singular', top: ['2310.13225'] },
  { query: 'orthogonal projections', why: 'the title writes Orthogonal Projection', top: ['2402.11984'] },
  { query: 'state tracking linear RNN', why: 'State-Tracking in Linear RNNs', top: ['2411.12537'] },
  { query: 'Polynomial Composition Activation', why: 'the title’s last word in the singular', top: ['2411.03884'] },
  {
    query: 'matrix',
    why: 'a plural without s: GLA writes matrix, the linear-models and state-tracking abstracts matrices',
    only: ['2211.15661', '2312.06635', '2411.12537'],
  },
  {
    query: 'MATRICES',
    why: 'the same in capitals and the plural: the three papers, whichever number they write',
    only: ['2211.15661', '2312.06635', '2411.12537'],
  },
  // Words cut short as readers say them: `nets` for networks (CLIPPED_WORDS).
  { query: 'spiking neural nets', why: 'Spiking Neural Networks, "nets" cut short', top: ['2402.11984'] },
  { query: 'binary neural nets', why: 'BiPer: Binary Neural Networks', top: ['2404.01278'] },
  // Abbreviations and names of models.
  { query: 'CTR prediction', why: 'FinalMLP’s title; DIN predicts click-through rate', top: ['2304.00902'] },
  { query: 'click through rate', why: 'the two CTR papers', top: ['1706.06978', '2304.00902'] },
  { query: 'NNGP', why: 'defined in Scale Mixtures of NNGPs', top: ['2107.01408'] },
  { query: 'MILP', why: 'Distributional MIPLIB’s ML-Guided MILP', top: ['2406.06954'] },
  { query: 'mixed integer linear programming', why: 'MILP spelled out', top: ['2406.06954'] },
  { query: 'LLaMA NAS', why: 'a title’s name', top: ['2405.18377'] },
  { query: 'neural architecture search', why: 'LLaMA-NAS', top: ['2405.18377'] },
  { query: 'BNNs', why: 'BiPer’s Binary Neural Networks', top: ['2404.01278'] },
  { query: 'GNNs', why: 'Neural Snowflakes, the graph neural network paper', top: ['2310.15003'] },
  { query: 'GLU activations', why: 'Activator’s title', top: ['2405.15953'] },
  { query: 'PolyCom', why: 'named in the abstract of Polynomial Composition Activations', top: ['2411.03884'] },
  { query: 'TSMixer', why: 'a title’s name', top: ['2306.09364'] },
  { query: 'StripMLP', why: 'Strip-MLP typed joined', top: ['2307.11458'] },
  { query: 'strip MLP', why: 'Strip-MLP typed apart', top: ['2307.11458'] },
  { query: 'two-stream MLP', why: 'FinalMLP’s Two-Stream MLP', top: ['2304.00902'] },
  {
    query: 'batch norm transformers',
    why: 'PowerNorm: Rethinking Batch Normalization in Transformers',
    top: ['2003.07845'],
  },
  { query: 'power normalization', why: 'PowerNorm spelled out', top: ['2003.07845'] },
  // Topics and title phrases as remembered.
  { query: 'the hedgehog and the porcupine', why: 'the title writes "&"', top: ['2402.04347'] },
  { query: 'softmax mimicry', why: 'the same title’s end', top: ['2402.04347'] },
  {
    query: 'hardware efficient training',
    why: 'Gated Linear Attention’s Hardware-Efficient Training',
    top: ['2312.06635'],
  },
  { query: 'continual learning of spiking networks', why: 'a title with a word left out', top: ['2402.11984'] },
  { query: 'slope restricted activations', why: 'Slope-Restricted, typed apart', top: ['2401.14033'] },
  { query: 'branch-and-bound verification', why: 'a title’s words', top: ['2405.21063'] },
  { query: 'Neural Network Verification with Branch and Bound', why: 'a title without its end', top: ['2405.21063'] },
  { query: 'variational inequalities', why: 'a title’s words', top: ['2110.03313'] },
  { query: 'heterogeneous treatment effects', why: 'Treatment Effect, plural', top: ['2202.01336'] },
  { query: 'mixing and shifting', why: 'a title’s start', top: ['2202.06510'] },
  { query: 'adversarially robust NLP models', why: 'a title’s words reordered', top: ['2303.07320'] },
  { query: 'one step of gradient descent', why: 'a title’s start', top: ['2307.03576'] },
  { query: 'multitasking neural networks', why: 'a title’s words', top: ['2308.04106'] },
  { query: 'learning to learn discrete functions', why: 'a title’s end', top: ['2310.03016'] },
  { query: 'latent graph inference', why: 'Neural Snowflakes’ subtitle', top: ['2310.15003'] },
  { query: 'distributed training of LLMs', why: 'Redco’s title', top: ['2310.16355'] },
  { query: 'multigrid neural operator', why: 'MgNO', top: ['2310.19809'] },
  { query: 'hierarchical polynomials', why: 'a title’s words', top: ['2311.13774'] },
  { query: 'arithmetic calculation', why: 'a title’s end', top: ['2409.01659'] },
  { query: 'counter current learning', why: 'Counter-Current Learning typed apart', top: ['2409.19841'] },
  { query: 'Fourier head', why: 'a title’s name', top: ['2410.22269'] },
  { query: 'rule based reinforcement learning', why: 'CLS-RL, Rule-Based typed apart', top: ['2503.16188'] },
  { query: 'bigram subnetworks', why: 'a title’s start', top: ['2504.15471'] },
  { query: 'convergent learning', why: 'a title’s start', top: ['1511.07543'] },
  { query: 'Scaling MLPs: A Tale of Inductive Biases', why: 'the title with a word made plural', top: ['2306.13575'] },
  {
    query: 'What learning algorithm is in context learning',
    why: 'a title typed without its hyphen and mark',
    top: ['2211.15661'],
  },
  { query: 'In Context Language Learning', why: 'a title’s start, its hyphen left out', top: ['2401.12973'] },
  // Case, punctuation and quotes as pasted.
  { query: 'ACTIVATION SPARSITY', why: 'upper case: The Lazy Neuron Phenomenon’s words', top: ['2210.06313'] },
  { query: 'Activation Sparsity.', why: 'a trailing full stop', top: ['2210.06313'] },
  { query: '"activation sparsity"', why: 'quoted: one abstract has the phrase', only: ['2210.06313'] },
  { query: "'kolmogorov arnold'", why: 'single quotes', only: KAN },
  { query: 'Kolmogorov-Arnold networks (KANs)', why: 'the name with its abbreviation in brackets', only: KAN },
  { query: '🦔 hedgehog porcupine', why: 'an emoji beside the words', top: ['2402.04347'] },
  // Venues and years.
  { query: 'ICLR 2016', why: 'Convergent Learning', only: ['1511.07543'] },
  { query: 'KDD 2018', why: 'Deep Interest Network', only: ['1706.06978'] },
  { query: 'ICML 2020', why: 'PowerNorm', only: ['2003.07845'] },
  { query: 'CVPR 2024', why: 'BiPer', only: ['2404.01278'] },
  { query: 'ICCV 2023', why: 'Strip-MLP', only: ['2307.11458'] },
  { query: 'EMNLP 2023', why: 'Model-tuning Via Prompts', only: ['2303.07320'] },
  { query: 'AAAI 2023', why: 'FinalMLP', only: ['2304.00902'] },
  { query: 'TMLR', why: 'Neural Circuit Diagrams, the one TMLR paper', only: ['2402.05424'] },
  {
    query: 'NeurIPS 2022',
    why: 'the three NeurIPS 2022 papers, the workshop’s too',
    top: ['2110.03313', '2202.01336', '2210.04092'],
  },
  { query: '2017 attention', why: 'no paper of 2017, none writes 2017', none: true },
  // Authors: misspelt, with an initial, et al.
  { query: 'Bachmann et al.', why: 'Gregor Bachmann’s paper', only: ['2306.13575'] },
  { query: 'Bachmann et al. (2023)', why: 'his NeurIPS 2023 paper', only: ['2306.13575'] },
  // Nature's references: the first author's family name, initials, then et al. and the title.
  {
    query: 'Zhou, G. et al. Deep interest network',
    why: 'Guorui Zhou, first author of Deep Interest Network (not the Three-Layer paper, which writes "et al.")',
    only: ['1706.06978'],
  },
  { query: 'Bachmann, G. et al. Scaling MLPs', why: 'Gregor Bachmann and his paper', only: ['2306.13575'] },
  {
    query: 'Zhou G et al. Deep interest network',
    why: 'Guorui Zhou, his initial as Vancouver style writes it, without a full stop',
    only: ['1706.06978'],
  },
  { query: 'Zhou G, et al. Deep interest network', why: 'the same, a comma after the initial', only: ['1706.06978'] },
  { query: 'G. Bachmann', why: 'an initial and the family name', only: ['2306.13575'] },
  { query: 'T Hofmann', why: 'an initial without its full stop', only: ['2306.13575'] },
  { query: 'Tengyu', why: 'a given name alone', only: ['2211.15661', '2307.03576'] },
  // Ids as pasted.
  { query: 'arxiv.org/abs/2306.13575', why: 'an arXiv address without its scheme', only: ['2306.13575'] },
  { query: '10.48550/arXiv.2306.13575', why: 'arXiv’s DOI', only: ['2306.13575'] },
  { query: 'doi:10.48550/arXiv.2409.10594', why: 'arXiv’s DOI with its prefix', only: ['2409.10594'] },
  // OR, exclusions, scripts.
  {
    query: 'kolmogorov -transformer',
    why: 'the KAN papers but the Kolmogorov-Arnold Transformer',
    only: ['2408.08338', '2503.06112'],
  },
  { query: 'Kolmogorov–Arnold 网络', why: 'a word in Chinese that no paper has: nothing', none: true },
  // A topic named by its address's words where its label's differ (topicInQuery): its papers first.
  {
    query: 'kernel methods',
    why: 'the topic kernel-methods (Kernels & Gaussian Processes): its three papers first',
    top: ['2107.01408', '2310.13225', '2502.16763'],
  },
  {
    query: 'model compression',
    why: 'the topic model-compression (Model Compression & Sparsity): its six papers first',
    top: ['2210.04092', '2210.06313', '2310.13225', '2312.08937', '2404.01278', '2405.18377'],
  },
  {
    query: 'network verification',
    why: 'the topic network-verification (Verification & Certified Bounds)',
    top: ['2401.14033', '2405.21063'],
  },
  // Eighth pass, more: misspellings, names, venues with words, abbreviations typed lower-case.
  { query: 'Kolmogorov-Arnlod', why: 'two letters swapped', none: true, suggests: 'Kolmogorov-Arnold' },
  { query: 'hebbbian', why: 'a letter doubled', none: true, suggests: 'Hebbian' },
  { query: 'expresivity', why: 'a letter missing', none: true, suggests: 'Expressivity' },
  { query: 'Porcupine Hedgehog', why: 'a title’s names reordered', top: ['2402.04347'] },
  { query: 'factual recall', why: 'a title’s words', top: ['2403.19521'] },
  { query: 'Allgöwer', why: 'a surname with its umlaut', only: ['2401.14033'] },
  {
    query: 'Akyurek et al 2023',
    why: 'et al without its full stop, no accent: the ICLR 2023 paper',
    only: ['2211.15661'],
  },
  {
    query: 'ICLR 2024 in-context learning',
    why: 'the ICLR 2024 in-context learning papers',
    top: ['2306.04891', '2307.03576', '2310.03016'],
  },
  { query: 'NeurIPS 2023 MLPs', why: 'Scaling MLPs, NeurIPS 2023', top: ['2306.13575'] },
  { query: 'ICML 2024 linear attention', why: 'Gated Linear Attention, ICML 2024', top: ['2312.06635'] },
  { query: 'in-context learning ICLR 2023', why: 'the venue after the words', top: ['2211.15661'] },
  {
    query: 'large language model arithmetic',
    why: 'Interpreting and Improving LLMs in Arithmetic',
    top: ['2409.01659'],
  },
  { query: 'GPU TPU', why: 'Redco: … on Any GPU/TPUs', only: ['2310.16355'] },
  { query: 'one-layer transformer', why: 'One Layer of … Transformer', top: ['2307.03576'] },
  { query: 'permutation learning', why: 'Exact Learning of Permutations', top: ['2502.16763'] },
  { query: 'DIN', why: 'Deep Interest Network’s abbreviation', top: ['1706.06978'] },
  { query: 'KAT', why: 'the Kolmogorov-Arnold Transformer’s', top: ['2409.10594'] },
  { query: 'rl', why: 'RL typed lower-case: CLS-RL first', top: ['2503.16188'] },
  { query: 'neural snowflake', why: 'the title in the singular', only: ['2310.15003'] },
  { query: 'Neural Snowflakes!', why: 'a mark after the title', only: ['2310.15003'] },
  { query: '“Neural Snowflakes”', why: 'in curly quotes', only: ['2310.15003'] },
  { query: 'attention is all you need', why: 'a famous title this digest does not hold', none: true },
  // Ninth pass: queries the rows above do not try.
  { query: 'Attention Transformers Gated Linear', why: 'a title with its words reordered', top: ['2312.06635'] },
  { query: 'Transformers Kolmogorov-Arnold', why: 'a short title reordered, the plural', only: ['2409.10594'] },
  {
    query: "reducing attention's quadratic complexity to linear in sequence length",
    why: "a sentence from the Hedgehog's abstract",
    only: ['2402.04347'],
  },
  {
    query:
      'The phenomenon of model-wise double descent, where the test error peaks and then reduces as the model size increases, is an interesting topic that has attracted the attention of researchers due to the striking observed gap between theory and practice',
    why: 'a long sentence pasted from an abstract',
    only: ['2312.03951'],
  },
  {
    query: 'gla',
    why: 'an acronym the abstract defines, lower case: the two papers that write GLA',
    only: ['2312.06635', '2411.12537'],
  },
  { query: 'kans', why: 'an acronym and its plural, lower case', only: KAN },
  { query: 'ntk', why: 'the neural tangent kernel, lower case', only: ['2502.16763'] },
  { query: 'GnN', why: 'an acronym in mixed case', only: ['2310.15003'] },
  { query: 'batchnorm', why: 'BatchNorm in one case: batch normalization', only: ['2003.07845'] },
  {
    query: 'layernorm',
    why: 'LayerNorm in one case: the PowerNorm abstract names layer normalization',
    only: ['2003.07845'],
  },
  { query: 'alpha', why: 'a Greek letter by its name: $\\alpha$-CROWN', only: ['2405.21063'] },
  { query: 'α', why: 'the same letter as a symbol', only: ['2405.21063'] },
  { query: '\\alpha', why: 'the same letter as TeX', only: ['2405.21063'] },
  { query: 'Richtarik', why: 'Peter Richtárik without his accent', only: ['2110.03313'] },
  { query: 'Saez de Ocariz Borde', why: 'Haitz Sáez de Ocáriz Borde, accents left off', only: ['2310.15003'] },
  { query: 'Jorg Franke', why: 'Jörg K. H. Franke without the umlaut or initials', only: ['2411.12537'] },
  {
    query: 'Knowledge Discovery and Data Mining',
    why: "KDD's name without its 'Conference on': the two KDD papers",
    only: ['1706.06978', '2306.09364'],
  },
  {
    query: 'Empirical Methods in Natural Language Processing',
    why: "EMNLP's name without its 'Conference on'",
    only: ['2303.07320'],
  },
  {
    query: 'International Conference on Machine Learning 2024',
    why: 'a venue in full and its year: the three ICML 2024 papers',
    only: ['2312.06635', '2401.12973', '2409.01659'],
  },
  { query: 'arXiv:2306.13575v1', why: 'an id with its version', only: ['2306.13575'] },
  { query: 'arxiv.org/abs/2306.13575v3', why: 'an address without scheme, a later version', only: ['2306.13575'] },
  {
    query: 'digest.example.org/digest/papers/2306.13575',
    why: "this site's page of the paper, its last slash left off",
    only: ['2306.13575'],
  },
  { query: 'hep-th/9901001', why: 'an old-style id the digest does not have', none: true },
  { query: '???', why: 'punctuation only', none: true },
  { query: '--', why: 'dashes only', none: true },
  { query: 'kolmogorov kolmogorov', why: 'a word typed twice', only: KAN },
  { query: 'KOLMOGOROV ARNOLD', why: 'in capitals', only: KAN },
  { query: 'Llama Nas', why: 'LLaMA-NAS in title case, apart', only: ['2405.18377'] },
  { query: 'hebbian spiking', why: 'two title words, reordered', only: ['2402.11984'] },
  {
    query: 'Gaussian processes neural network scale mixtures',
    why: 'title words reordered',
    only: ['2107.01408'],
  },
  { query: '神经网络', why: 'neural networks in Chinese: no paper writes Chinese', none: true },
  { query: 'нейронные сети', why: 'the same in Russian', none: true },
  // Twelfth pass: dashes for hyphens, trailing punctuation, names as a reference orders them.
  {
    query: 'in–context learning',
    why: 'an en dash for the hyphen: the five papers that write in-context learning',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  {
    query: 'in—context learning',
    why: 'an em dash for the hyphen, as a word processor makes it',
    only: ['2211.15661', '2306.04891', '2307.03576', '2310.03016', '2401.12973'],
  },
  { query: 'double descent...', why: 'trailing dots are no word', only: ['2312.03951'] },
  { query: 'double descent!', why: 'an exclamation mark is no word', only: ['2312.03951'] },
  { query: 'DOUBLE DESCENT', why: 'a title phrase in capitals, not an acronym', only: ['2312.03951'] },
  { query: 'Hofmann, Thomas', why: 'an author as "Last, First"', only: ['2306.13575'] },
  { query: 'Bachmann Hofmann', why: 'two authors of Scaling MLPs in one query', only: ['2306.13575'] },
  { query: 'Hofmann MLP', why: 'an author and a topic word', only: ['2306.13575'] },
  {
    query: 'Tengyu Ma in-context',
    why: 'an author and a topic: both of Tengyu Ma’s papers are on in-context learning',
    only: ['2211.15661', '2307.03576'],
  },
  { query: 'kolmogorov arnold networks?', why: 'a question mark after the words', only: KAN },
];

let server: StaticServer;
let page: Page;
let watch: PageWatch;

useSite('content', {
  base: BASE,
  onOpen: (site) => ({ server } = site),
  onPage: (fresh, freshWatch) => ((page = fresh), (watch = freshWatch)),
});

const idOf = (href: string | null) => /\/papers\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? `not a paper: ${href}`;
const titleOf = (id: string) => papers.find((paper) => paper.id === id)?.title;

/** Runs a query on the search page; returns the result ids in order and the status line. */
async function searchPage(
  query: string,
  params: Record<string, string> = {},
): Promise<{ ids: string[]; status: string }> {
  const status = await openAnsweredSearch(
    page,
    `${server.origin}${urls.search()}?${new URLSearchParams({ q: query, ...params })}`,
  );
  const hrefs = await resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  return { ids: hrefs.map(idOf), status: (await status.textContent()) ?? '' };
}

describe('the table', () => {
  it('has at least 25 queries, each naming papers of the seed', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
    for (const row of TABLE) {
      for (const id of [...(row.only ?? []), ...(row.top ?? [])])
        expect(titleOf(id), `${row.query}: ${id}`).toBeDefined();
      expect(Boolean(row.only) || Boolean(row.top) || Boolean(row.none), row.query).toBe(true);
    }
  });
});

describe('search relevance on the seed', () => {
  it.each(TABLE.map((row) => [row.query, row] as const))('%s', async (_query, row) => {
    const { ids, status } = await searchPage(row.query);
    if (row.none) {
      expect(ids, row.why).toEqual([]);
      expect(status, row.why).toMatch(/^No paper/);
    }
    if (row.only) {
      expect([...ids].sort(), row.why).toEqual([...row.only].sort());
    }
    if (row.top) {
      expect(ids.length, row.why).toBeGreaterThanOrEqual(row.top.length);
      expect(ids.slice(0, row.top.length).sort(), row.why).toEqual([...row.top].sort());
    }
    if (row.suggestsNothing) expect(await page.locator('#search-status a').count(), row.why).toBe(0);
    if (row.suggests) {
      const suggestion = page.locator('#search-status a');
      expect((await suggestion.textContent())?.toLowerCase(), row.why).toBe(row.suggests.toLowerCase());
      await suggestion.click();
      await page.waitForURL((url) => url.searchParams.get('q')?.toLowerCase() === row.suggests!.toLowerCase());
      await expect
        .poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    }
  });
});

describe('a word left out, -word', () => {
  it.each(['Kolmogorov -transformer', 'Kolmogorov -Transformers', '-transformer Kolmogorov'])(
    '%s: the Kolmogorov–Arnold papers without the word',
    async (query) => {
      const texts = await Promise.all(
        KAN.map(async (id) => {
          const paper = papers.find((each) => each.id === id)!;
          return readFile(join('content/papers', paper.date.slice(0, 4), `${id}.mdx`), 'utf8');
        }),
      );
      const expected = KAN.filter((_, index) => !/transformer/i.test(texts[index]!));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(KAN.length);
      const { ids } = await searchPage(query);
      expect([...ids].sort()).toEqual([...expected].sort());
    },
  );
});

describe('a year beside capitals that name nobody', () => {
  // `MLP` after a capitalised word reads like a citation (a family name and initials, as `Kolter JZ`);
  // no author fits, so the year is read as in any query, wherever it stands.
  it.each([
    ['2024 Learning MLP', 'learning MLP 2024'],
    ['2023 Models GPT', 'models GPT 2023'],
    ['2024 Models LLM', 'models LLM 2024'],
  ])('%s finds what %s finds', async (before, after) => {
    const expected = await searchPage(after);
    expect(expected.ids.length).toBeGreaterThan(0);
    const { ids } = await searchPage(before);
    expect(ids).toEqual(expected.ids);
  });
});

describe('a topic filter in the address', () => {
  it.each(['interpretability', 'Interpretability', 'expressivity and approximation'])(
    'is read by its label as well as its slug: %s',
    async (topic) => {
      const slug = topic.includes(' ') ? 'expressivity-and-approximation' : 'interpretability';
      const own = papers.filter((paper) => paper.tags.includes(slug)).map((paper) => paper.id);
      const { ids } = await searchPage('neural networks', { topic });
      expect(ids.length, topic).toBeGreaterThan(0);
      for (const id of ids) expect(own, `${topic}: ${id}`).toContain(id);
      expect(await page.locator('select[name="topic"]').inputValue()).toBe(slug);
    },
  );
});

describe('a list of arXiv ids', () => {
  it('shows the papers the digest has, and names the ids it has not', async () => {
    const { ids, status } = await searchPage('2306.99999 2306.13575 hep-th/9901001');
    expect(ids).toEqual(['2306.13575']);
    expect(status).toContain('1 paper found');
    expect(status).toContain('No paper with arXiv ids 2306.99999, hep-th/9901001 in this digest.');
  });
});

describe('a word being typed', () => {
  /** Seed papers whose file (title, authors, venue, abstract) has a word that starts with `start`. */
  const withWordStarting = async (start: string) => {
    const found: string[] = [];
    for (const paper of papers) {
      const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
      if (new RegExp(`(^|[^\\p{L}])${start}`, 'iu').test(text)) found.push(paper.id);
    }
    return found;
  };

  it.each(['neur', 'tran'])(
    'matches the words it starts while the reader types it, though "%s" is a word or stem of its own',
    async (typed) => {
      await page.goto(`${server.origin}${urls.search()}`);
      await page.locator('#search-q').pressSequentially(typed);
      const status = page.locator('#search-status');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/found/);
      const count = Number(/^(\d+) papers? found/.exec((await status.textContent()) ?? '')?.[1]);
      // Pagefind sees topic labels too, so a few more papers than the files' own words may count.
      expect(count, typed).toBeGreaterThanOrEqual((await withWordStarting(typed)).length);
      // Sent (Enter), the word is a finished word: only papers that have it, or a word of its stem.
      await page.locator('#search-q').press('Enter');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toMatch(new RegExp(`^${count} `));
    },
  );

  // Pagefind indexes stems: `attention` is `attent`, `optimization` is `optim`, which these do not start.
  it.each([
    ['attenti', 'attent'],
    ['optimiz', 'optim'],
    ['computati', 'comput'],
  ])(
    'finds every paper with a word "%s" starts, typed or sent, and only papers of its stem %s',
    async (typed, stem) => {
      const expected = await withWordStarting(typed);
      const ofStem = await withWordStarting(stem);
      expect(expected.length, typed).toBeGreaterThan(5);
      const status = page.locator('#search-status');
      const countOf = async () => Number(/^(\d+) papers? found/.exec((await status.textContent()) ?? '')?.[1]);

      await page.goto(`${server.origin}${urls.search()}`);
      await page.locator('#search-q').pressSequentially(typed);
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`found for “${typed}”`));
      const typedCount = await countOf();
      expect(typedCount, typed).toBeGreaterThanOrEqual(expected.length);
      expect(typedCount, typed).toBeLessThanOrEqual(ofStem.length + 2);

      // From a link, a word no paper has whole is a finished word that finds the words it starts.
      const { ids } = await searchPage(typed);
      expect(await countOf(), typed).toBe(typedCount);
      for (const id of ids) expect(ofStem, `${typed}: ${id}`).toContain(id);
    },
  );

  // A started word is never searched shortened: Pagefind would stem the shorter word again
  // (`akyu` cut to `aky` was searched as `aki`, which only "akin" has).
  it.each(['akyu', 'akyur', 'polynomia'])('finds the papers with a word "%s" starts, typed or sent', async (typed) => {
    const files = await Promise.all(
      papers.map(async (paper) => ({
        id: paper.id,
        text: (await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8'))
          .normalize('NFD')
          .replace(/\p{M}/gu, ''),
      })),
    );
    const expected = files
      .filter((file) => new RegExp(`(^|[^\\p{L}])${typed}`, 'iu').test(file.text))
      .map((file) => file.id);
    expect(expected.length, typed).toBeGreaterThanOrEqual(3);
    const status = page.locator('#search-status');
    const countOf = async () => Number(/^(\d+) papers? found/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
    await page.goto(`${server.origin}${urls.search()}`);
    await page.locator('#search-q').pressSequentially(typed);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`for “${typed}”`));
    expect(await countOf(), `typed ${typed}`).toBeGreaterThanOrEqual(expected.length);
    const { ids } = await searchPage(typed);
    expect(await countOf(), `sent ${typed}`).toBeGreaterThanOrEqual(expected.length);
    // All shown on the first page of results (ten): every expected paper is among them.
    expect(expected.length, typed).toBeLessThanOrEqual(10);
    expect(ids, typed).toEqual(expect.arrayContaining(expected));
  });

  it('keeps the results of the words before it while the next one is begun', async () => {
    await page.goto(`${server.origin}${urls.search()}`);
    await page.locator('#search-q').pressSequentially('neural n');
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^\d+ papers found for “neural n”/);
  });
});

describe('one word', () => {
  // An exact search scores every paper alike; the order must still be by relevance.
  it.each(['gradients', 'descent', 'interpreting', 'estimation', 'quadratic', 'gaussian', 'neuron', 'hardware'])(
    '"%s" lists the papers with it in their title first',
    async (word) => {
      const inTitle = papers
        .filter((paper) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(paper.title))
        .map((paper) => paper.id);
      expect(inTitle.length, word).toBeGreaterThan(0);
      const { ids } = await searchPage(word);
      expect(ids.length, word).toBeGreaterThan(inTitle.length);
      expect(ids.slice(0, inTitle.length).sort(), word).toEqual([...inTitle].sort());
    },
  );

  // Typed, a word that is also the start of others (its plural, its stem's other words) is real:
  // it finds at least the papers it finds sent (and the words it starts, as it is being typed).
  it.each(['transformers', 'modeling', 'neurons', 'graphs', 'LLMs', 'behaviour'])(
    '"%s" finds its papers typed as well as sent',
    async (word) => {
      const countOf = (status: string | null) => Number(/^(\d+) papers? found/.exec(status ?? '')?.[1] ?? 0);
      const { ids, status: sent } = await searchPage(word);
      expect(ids.length, word).toBeGreaterThan(0);
      const status = page.locator('#search-status');
      await page.goto(`${server.origin}${urls.search()}`);
      await page.locator('#search-q').pressSequentially(word);
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`for “${word}”`));
      expect(countOf(await status.textContent()), word).toBeGreaterThanOrEqual(countOf(sent));
    },
  );

  it.each(['?', '%', '🤖', '""'])('"%s", a query of no words, finds no paper', async (query) => {
    const { ids, status } = await searchPage(query);
    expect(ids, query).toEqual([]);
    expect(status, query).toMatch(/^No paper/);
  });
});

describe('"Did you mean"', () => {
  it('keeps the words the reader typed as typed, and replaces only the unknown one', async () => {
    const { status } = await searchPage('KERNEL prcoesses');
    expect(status).toMatch(/^No paper/);
    const suggestion = await page.locator('#search-status a').textContent();
    expect(suggestion?.split(' ')[0]).toBe('KERNEL');
    expect(suggestion?.split(' ')[1]?.toLowerCase()).toBe('processes');
  });
});

describe('Greek letters, by name, as TeX or as the letter', () => {
  it.each([
    ['sigma', 'sigma'],
    ['\\sigma', 'sigma'],
    ['σ', 'sigma'],
    ['Phi', 'phi'],
    ['Φ', 'phi'],
    ['ℓ_2', 'ell_2'],
  ])('"%s" finds the papers that write \\%s', async (query, name) => {
    const written = new RegExp(`\\\\(?:var)?${name}(?![a-zA-Z])|(^|[^\\p{L}\\\\])${name}([^\\p{L}]|$)`, 'iu');
    const expected = [];
    for (const paper of papers) {
      const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
      if (written.test(text)) expected.push(paper.id);
    }
    expect(expected.length, query).toBeGreaterThan(0);
    const { ids } = await searchPage(query);
    expect([...ids].sort(), query).toEqual(expected.sort());
  });
});

describe('British and American spellings', () => {
  it.each([
    ['behaviour', 'behavior'],
    ['optimisation', 'optimization'],
    ['modelling', 'modeling'],
    ['analyse', 'analyze'],
  ])('"%s" and "%s" find the same papers, all those with either', async (british, american) => {
    const written = new RegExp(`(^|[^\\p{L}])(${british}|${american})(s|d|ed)?([^\\p{L}]|$)`, 'iu');
    const expected = [];
    for (const paper of papers) {
      const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
      if (written.test(text)) expected.push(paper.id);
    }
    expect(expected.length, british).toBeGreaterThan(0);
    const countOf = (status: string) => Number(/^(\d+) papers? found/.exec(status)?.[1] ?? 0);
    const fromBritish = await searchPage(british);
    const fromAmerican = await searchPage(american);
    // Both find as many, at least every paper with either (the stem can be wider: `optimal`).
    expect(countOf(fromBritish.status), british).toBe(countOf(fromAmerican.status));
    expect(countOf(fromBritish.status), british).toBeGreaterThanOrEqual(expected.length);
    // Where all results are on the first page (ten), every expected paper is among them.
    if (countOf(fromBritish.status) <= 10) expect(fromBritish.ids, british).toEqual(expect.arrayContaining(expected));
  });
});

describe('words joined by punctuation in the query', () => {
  it.each(['neural-network', 'neural,network', 'gradient-descent', 'time-series', 'time/series'])(
    '"%s" finds the papers with the words together, joined or apart',
    async (query) => {
      const [first, second] = query.split(/[-,/]/);
      const together = new RegExp(`(^|[^\\p{L}])${first}[-\\s]+${second}`, 'iu');
      const expected = [];
      for (const paper of papers) {
        const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
        if (together.test(text)) expected.push(paper.id);
      }
      expect(expected.length, query).toBeGreaterThan(1);
      const { ids, status } = await searchPage(query);
      const count = Number(/^(\d+) papers? found/.exec(status)?.[1] ?? 0);
      expect(count, query).toBe(expected.length);
      expect(expected, query).toEqual(expect.arrayContaining(ids));
    },
  );
});

describe('a part of a compound word', () => {
  // Pagefind cuts `LLaMA-2` into `l`, `la`, `ma` and `2`, `ImageNet-1K` into `image`, `net`, `1`, `k`.
  it.each(['llama', 'imagenet'])('"%s" finds every paper with it, alone or in a compound word', async (word) => {
    const files = await Promise.all(
      papers.map(async (paper) => ({
        id: paper.id,
        title: paper.title,
        text: await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8'),
      })),
    );
    const asWord = new RegExp(`(^|[^\\p{L}\\p{N}])${word}([^\\p{L}\\p{N}]|$)`, 'iu');
    const expected = files.filter((file) => asWord.test(file.text)).map((file) => file.id);
    const inCompound = files.filter((file) => new RegExp(`${word}-|-${word}`, 'iu').test(file.text));
    expect(inCompound.length, word).toBeGreaterThan(0);
    expect(expected.length, word).toBeLessThanOrEqual(10);

    const { ids } = await searchPage(word);
    expect([...ids].sort(), word).toEqual([...expected].sort());
    // The words added for the index show nowhere: titles as the files write them, and the
    // snippet marks the compound word itself.
    const titles = await page.locator('[data-search-results] .search-result-title a').allTextContents();
    expect(titles.sort()).toEqual(ids.map((id) => files.find((file) => file.id === id)!.title).sort());
    const excerpts = await page.locator('[data-search-results] .search-result-excerpt').allTextContents();
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/[\ue000-\uf8ff]/u);
    const marked = await page.locator('[data-search-results] .search-result-excerpt mark').allTextContents();
    expect(
      marked.some((text) => /-/.test(text) && new RegExp(word, 'i').test(text)),
      word,
    ).toBe(true);
  });
});

describe('a topic named in the query', () => {
  const topics = (parseYaml(readFileSync('content/topics.yaml', 'utf8')) as { slug: string; label: string }[])
    .map((topic) => ({
      ...topic,
      own: papers.filter((paper) => paper.tags.includes(topic.slug)).map((paper) => paper.id),
    }))
    .filter((topic) => topic.own.length > 0);

  it.each(topics.map((topic) => [topic.slug, topic] as const))(
    'lists the papers of %s first, for its label or its slug',
    async (_slug, topic) => {
      for (const query of [topic.label, topic.slug]) {
        const { ids } = await searchPage(query);
        // The page shows ten results at first.
        const first = Math.min(topic.own.length, 10);
        expect(ids.length, query).toBeGreaterThanOrEqual(first);
        for (const id of ids.slice(0, first)) expect(topic.own, `${query}: ${id}`).toContain(id);
      }
    },
  );
});

describe('snippets', () => {
  it.each(['informative', 'MLP'])(
    'mark the word "%s" itself, not the quotes, brackets or stop around it',
    async (word) => {
      const { ids } = await searchPage(word);
      expect(ids.length).toBeGreaterThan(0);
      const marked = await page.locator('[data-search-results] .search-result-excerpt mark').allTextContents();
      expect(marked.length).toBeGreaterThan(0);
      for (const text of marked) expect(text, word).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u);
    },
  );
});

describe('newest first', () => {
  it("lists a day's papers in the day's own order, as every list of the site does", async () => {
    // The seed's days hold up to 20 papers each; the search index used to sort by the date alone.
    const sources = await Promise.all(
      papers.map(async (paper) => {
        const text = await readFile(join('content/papers', `${paper.date.slice(0, 4)}`, `${paper.id}.mdx`), 'utf8');
        const data = parseYaml(text.split('---\n')[1] ?? '') as Orderable['data'];
        return { id: paper.id, data };
      }),
    );
    const expected = sources.sort(comparePapers).map((paper) => paper.id);
    await page.goto(`${server.origin}${urls.search()}?year=2025`);
    const titles = page.locator('[data-search-results] .search-result-title a');
    await expect.poll(() => titles.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
    const hrefs = await titles.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.map(idOf)).toEqual(expected.slice(0, hrefs.length));

    // With words too: the sort is the order, not "papers with the words together first".
    const { ids } = await searchPage('neural network', { sort: 'newest' });
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toEqual(expected.filter((id) => ids.includes(id)));

    // Asked for in words (`latest KAN`, `… most recent`): the papers the other words find, in that order.
    for (const [query, words] of [
      ['latest KAN', 'KAN'],
      ['the newest papers on in-context learning', 'in-context learning'],
      ['Kolmogorov-Arnold most recent', 'Kolmogorov-Arnold'],
    ]) {
      const asked = await searchPage(query!);
      const found = await searchPage(words!);
      expect(asked.ids.length, query).toBeGreaterThan(0);
      expect(asked.ids, query).toEqual(expected.filter((id) => found.ids.includes(id)));
    }
  });
});

describe('arXiv ids in the header box', () => {
  it.each([
    ['2306.13575v1', '2306.13575'],
    ['https://arxiv.org/abs/2409.10594', '2409.10594'],
  ])('%s previews that paper alone, without loading Pagefind', async (query, id) => {
    await page.goto(server.origin + urls.home());
    await settled(watch);
    // Pasted, as an id or a link usually is: typing it would search its first characters as words.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
    const preview = page.locator('[data-search-preview]');
    await expect.poll(() => preview.locator('li').count(), { timeout: 10_000 }).toBe(1);
    expect(await preview.locator('li a').getAttribute('href')).toBe(urls.paper(id));
    expect(await preview.locator('li a').textContent()).toBe(titleOf(id));
    await settled(watch, { quiet: 1_000 });
    expect(watch.requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
  });
});

describe('the header box, for a topic', () => {
  it("previews the topic's papers for its slug, as the search page lists them", async () => {
    const own = papers.filter((paper) => paper.tags.includes('in-context-learning')).map((paper) => paper.id);
    expect(own.length).toBeGreaterThan(1);
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('in-context-learning');
    const preview = page.locator('[data-search-preview]');
    const first = Math.min(own.length, 5);
    await expect.poll(() => preview.locator('li').count(), { timeout: 10_000 }).toBe(first);
    const hrefs = await preview.locator('li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) expect(own.map((id) => urls.paper(id))).toContain(href);
  });
});

describe('a symbol named in words', () => {
  it('infinity finds the paper that writes $\\infty$, and no paper without the word or the symbol', async () => {
    const expected: string[] = [];
    const either: string[] = [];
    for (const paper of papers) {
      const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
      if (/\\infty|∞/u.test(text)) expected.push(paper.id);
      if (/\\infty|∞|infinit/iu.test(text)) either.push(paper.id);
    }
    expect(expected.length).toBeGreaterThan(0);
    const { ids } = await searchPage('infinity');
    expect(ids).toEqual(expect.arrayContaining(expected));
    for (const id of ids) expect(either, id).toContain(id);
  });
});

describe('the header box answers as the search page does', () => {
  // Abbreviations and compound words' first parts (/search/expansions.json) are the header box's
  // too, and a word of them is finished as typed: `ICL` is in-context learning, `dataset` data sets.
  it.each(['ICL', 'pruning dataset', 'NLP', 'natural language processing'])('%s', async (query) => {
    const countOf = (status: string | null) => Number(/^(\d+) papers? found/.exec(status ?? '')?.[1] ?? 0);
    const { status: sent } = await searchPage(query);
    expect(countOf(sent), query).toBeGreaterThan(0);
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
    const status = page.locator('form[data-search-box] [data-search-status]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/found|No paper/);
    expect(countOf(await status.textContent()), query).toBe(countOf(sent));
  });
});

describe('the header box, for a word in no paper', () => {
  it('says so and offers the close word of the digest', async () => {
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.keyboard.press('/');
    await page.keyboard.type('kolmogrov');
    const message = page.locator('.search-preview-message');
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toMatch(/No papers match/);
    expect(await page.locator('[data-search-preview] li').count()).toBe(0);
    expect(await message.locator('a').textContent()).toBe('Kolmogorov');
  });
});

describe('snippets', () => {
  it('show a formula as its TeX, never flattened', async () => {
    // 2502.16763 writes "out of $2^k - 1$ possible inputs"; 2310.15003 "fractal-like metrics on $\mathbb{R}^d$".
    for (const [query, id, tex] of [
      ['standard basis vectors', '2502.16763', '$2^k - 1$'],
      ['fractal', '2310.15003', '$\\mathbb{R}^d$'],
    ] as const) {
      await searchPage(query);
      const result = page.locator('.search-result', { has: page.locator(`a[href="${urls.paper(id)}"]`) });
      const excerpt = (await result.locator('.search-result-excerpt').textContent()) ?? '';
      expect(excerpt, query).toContain(tex);
      expect(excerpt, query).not.toMatch(/2k−1|Rd→R|[\ue000-\uf8ff]/);
    }
  });
});

describe('acronyms', () => {
  // Pagefind's stemmer drops a plural s only after a vowel: to it LLM and LLMs are two words.
  // Nor after a u: ReLU and ReLUs are two words to it too.
  it.each(['LLM', 'LLMs', 'MLP', 'MLPs', 'CNN', 'CNNs', 'ReLU', 'ReLUs'])(
    '%s finds the papers with the acronym or its plural',
    async (query) => {
      const singular = query.replace(/s$/, '');
      const expected: string[] = [];
      for (const paper of papers) {
        const text = await readFile(join('content/papers', paper.date.slice(0, 4), `${paper.id}.mdx`), 'utf8');
        if (new RegExp(`(^|[^A-Za-z])${singular}s?([^A-Za-z]|$)`).test(text)) expected.push(paper.id);
      }
      expect(expected.length, query).toBeGreaterThanOrEqual(2);
      const { ids, status } = await searchPage(query);
      const count = Number(/^(\d+) papers? found/.exec(status)?.[1] ?? 0);
      expect(count, query).toBeGreaterThanOrEqual(expected.length);
      expect(count, query).toBeLessThan(papers.length);
      if (expected.length <= 10) expect([...ids].sort(), query).toEqual(expect.arrayContaining(expected));
    },
  );
});

describe('a question no paper answers in all its words', () => {
  // Each question's words but one are in some papers' title or abstract, and no paper has them all:
  // the papers are found without that word, and the status says which word it is.
  const hasWord = (paper: (typeof papers)[number], word: string) =>
    new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, 'iu').test(`${paper.title}\n${paper.body}`);
  it.each([
    ['why does double descent happen', ['double', 'descent'], 'happen'],
    ['what causes double descent', ['double', 'descent'], 'causes'],
    ['when does in-context learning emerge', ['in-context', 'learning'], 'emerge'],
    // The verb in the middle, what is asked about last: the paper that says `failure` of parity,
    // not the one that says `fail` of something else (answeringReading).
    ['why do transformers fail on parity', ['transformers', 'parity'], 'fail'],
  ])('%s: the papers with %j, found without “%s”, and says so', async (query, kept, leftOut) => {
    const expected = papers.filter((paper) => kept.every((word) => hasWord(paper, word))).map((paper) => paper.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(papers.filter((paper) => [...kept, leftOut].every((word) => hasWord(paper, word)))).toEqual([]);
    const count = `${expected.length} paper${expected.length === 1 ? '' : 's'}`;
    const { ids, status } = await searchPage(query);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(status).toBe(`No paper has all your words for “${query}”; ${count} found without “${leftOut}”.`);
    // Said in the page's text, above the results, not only to a screen reader.
    expect(await page.locator('#search-status').isVisible()).toBe(true);

    // The header box says it in its preview, above the papers.
    await page.goto(server.origin + urls.home());
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
    const message = page.locator('.search-preview-message');
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toContain(`without “${leftOut}”`);
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toBe(`No paper has all your words; ${count} found without “${leftOut}”.`);
    expect(await page.locator('.search-box [role="status"]').textContent()).toBe(await message.textContent());
  });

  it.each(['how do transformers learn in context', 'what is a KAN'])(
    '%s, found as asked, says nothing is left out',
    async (query) => {
      const { ids, status } = await searchPage(query);
      expect(ids.length).toBeGreaterThan(0);
      expect(status).toMatch(/^\d+ papers? found for “/);
      expect(status).not.toContain('without');
    },
  );
});

describe('a month and its year', () => {
  // The first versions (frontmatter `published`) of October 2023, December 2023 and February 2024.
  const OCTOBER_2023 = ['2310.03016', '2310.13225', '2310.16355', '2310.19809'];
  const DECEMBER_2023 = ['2312.03951', '2312.06635', '2312.08937'];
  const FEBRUARY_2024 = ['2402.04347', '2402.05424', '2402.11984'];
  it.each([
    ['October 2023', OCTOBER_2023],
    ['oct. 2023', OCTOBER_2023],
    ['2023-12', DECEMBER_2023],
    ['12/2023', DECEMBER_2023],
    ['2024 February', FEBRUARY_2024],
    ['Feb 2024', FEBRUARY_2024],
  ])('"%s" finds the papers first posted that month first', async (query, expected) => {
    const { ids } = await searchPage(query);
    expect(ids.slice(0, expected.length).sort()).toEqual([...expected].sort());
  });

  // The first versions of January to March 2024, and of July to December 2023 (by `published`,
  // or else by the arXiv id's month: Neural Snowflakes, 2310.15003, and 2311.13774 write none).
  const Q1_2024 = ['2401.12973', '2401.14033', ...FEBRUARY_2024, '2403.19521'];
  const H2_2023 = [
    '2307.03576',
    '2307.11458',
    '2308.04106',
    ...OCTOBER_2023,
    '2310.15003',
    '2311.13774',
    ...DECEMBER_2023,
  ];
  it.each([
    ['Q1 2024', Q1_2024],
    ['first quarter of 2024', Q1_2024],
    ['2024 q1', Q1_2024],
    ['H2 2023', H2_2023],
    ['second half of 2023', H2_2023],
  ])('"%s" finds the papers first posted in those months first', async (query, expected) => {
    // (The page shows ten results at first: of a half's twelve, ten of them.)
    const { ids } = await searchPage(query);
    const first = ids.slice(0, expected.length);
    expect(first.length).toBe(Math.min(expected.length, 10));
    expect(first.filter((id) => !expected.includes(id))).toEqual([]);
  });

  // A month, quarter or half after since/after/before/until: the papers first posted in that open
  // range of months (each paper's here by its arXiv id's month: where the seed writes `published`,
  // it is the same month), not those of the whole year nor of the years before.
  const postedIn = (first: string, last: string) =>
    papers.map(({ id }) => id).filter((id) => id.slice(0, 4) >= first && id.slice(0, 4) <= last);
  it.each([
    ['since June 2024', postedIn('2406', '9999')],
    ['after Q1 2024', postedIn('2404', '9999')],
    ['before March 2024', postedIn('0000', '2402')],
    ['until 2023-12', postedIn('0000', '2312')],
    // Written as other engines' operators, as `since:2023` is.
    ['since:June 2024', postedIn('2406', '9999')],
    ['after:2024-03', postedIn('2404', '9999')],
    ['before: March 2024', postedIn('0000', '2402')],
  ])('"%s" finds the papers first posted in that range of months first', async (query, expected) => {
    const { ids } = await searchPage(query);
    const first = ids.slice(0, expected.length);
    expect(first.length).toBe(Math.min(expected.length, 10));
    expect(first.filter((id) => !expected.includes(id))).toEqual([]);
  });

  it('reads the words beside it within that month: "December 2023 transformers"', async () => {
    // Of December 2023, GLA and BiPFT have "Transformer(s)" in their titles; double descent does not.
    const { ids } = await searchPage('December 2023 transformers');
    expect(ids.slice(0, 2).sort()).toEqual(['2312.06635', '2312.08937']);
  });
});

describe('AND, OR or NOT that joins nothing', () => {
  it.each(['AND', 'OR', 'NOT', 'AND OR'])('"%s" alone is no acronym: it asks for nothing', async (query) => {
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: query })}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/only words nearly every paper has/);
    expect(await resultLinks(page).count()).toBe(0);
  });

  it.each(['Kolmogorov AND', 'OR Kolmogorov', 'Kolmogorov NOT'])('"%s" is Kolmogorov', async (query) => {
    const { ids } = await searchPage(query);
    expect([...ids].sort()).toEqual([...KAN].sort());
  });
});

describe('an in-text citation of several authors', () => {
  it.each([
    // Xingyi Yang and Xinchao Wang: the Kolmogorov–Arnold Transformer (ICLR 2025, first posted
    // 2024) and Gated Linear Attention (ICML 2024); Wang alone has three more papers of 2024.
    ['Yang and Wang (2024)', ['2312.06635', '2409.10594']],
    ['(Yang & Wang, 2024)', ['2312.06635', '2409.10594']],
    // Wang and Ma are both authors of 2411.03884 (2024) only; Ma alone also of 2307.03576 (ICLR 2024).
    ['Wang and Ma 2024', ['2411.03884']],
  ])('"%s" finds the papers of every name', async (query, expected) => {
    const { ids } = await searchPage(query);
    expect([...ids].sort()).toEqual(expected);
  });
});

describe('a quoted phrase no paper has', () => {
  it.each([
    // A title quoted with a word missing, changed or added: the papers with its words apart, and the status says so.
    ['"gated attention transformers"', '2312.06635'],
    ['"gated linear transformers"', '2312.06635'],
    ['"double descent optimization"', '2312.03951'],
    // Named as the reader typed it, capitals and all (the search reads its words lower-cased).
    ['"Gated Attention Transformers"', '2312.06635'],
    ['"Double  Descent Optimization"', '2312.03951'],
  ])('%s finds %s with the words apart, and says so', async (query, first) => {
    const { ids, status } = await searchPage(query);
    expect(ids[0]).toBe(first);
    const count = `${ids.length} paper${ids.length === 1 ? '' : 's'}`;
    const typed = query.slice(1, -1).replace(/\s+/g, ' ');
    expect(status).toBe(`No paper has the phrase “${typed}”; ${count} found with its words apart.`);
  });

  it('names the phrase as typed in the header box too, and one on a side of OR', async () => {
    for (const query of ['"Gated Attention Transformers"', '"Gated Attention Transformers" OR zebras']) {
      await page.goto(server.origin + urls.home());
      await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
      const message = page.locator('.search-preview-message');
      await expect.poll(() => message.textContent(), { timeout: 10_000 }).toContain('words apart');
      expect(await message.textContent(), query).toMatch(/^No paper has the phrase “Gated Attention Transformers”; /);
    }
  });

  it('finds nothing when the words apart find nothing either', async () => {
    const { ids, status } = await searchPage('"zebra giraffe"');
    expect(ids).toEqual([]);
    expect(status).toMatch(/^No papers found/);
  });
});

describe('a long query no paper has every word of', () => {
  it.each([
    // A title typed with a word changed (one no paper has, one other papers have) or added.
    ['Gated Linear Attention Transformers with Software-Efficient Training', '2312.06635'],
    ['Understanding the Role of Regularisation in Triple Descent', '2312.03951'],
    ['Scaling MLPs: A Tale of Inductive Biases and Priors', '2306.13575'],
    ['Hebbian Learning based Orthogonal Projection for Continual Learning of Spiking Transformers', '2402.11984'],
  ])('%s finds the papers with most of its words, %s first, and says so', async (query, first) => {
    const { ids, status } = await searchPage(query);
    expect(ids[0]).toBe(first);
    const count = `${ids.length} paper${ids.length === 1 ? '' : 's'}`;
    expect(status).toMatch(new RegExp(`^No paper has every word for “[^”]+”; ${count} found with most of them\\.`));
  });

  it('says so in the header box too', async () => {
    await page.goto(server.origin + urls.home());
    await page
      .getByRole('searchbox', { name: 'Search papers' })
      .fill('Understanding the Role of Regularisation in Triple Descent');
    const message = page.locator('.search-preview-message');
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toContain('most of them');
    expect(await message.textContent()).toMatch(/^No paper has every word; 1 paper found with most of them\./);
  });
});

describe('words as a PDF or a reader writes them', () => {
  it.each([
    // A title pasted from a PDF with its line-break hyphen.
    ['Deep Interest Network for Click-Through Rate Predic- tion', ['1706.06978']],
    ['Click-Through Rate Predic- tion', ['1706.06978']],
    // A BibTeX entry pasted whole, with a key this digest does not give the paper (its own is yang2025kat).
    [
      '@inproceedings{yang2024kolmogorov, title={Kolmogorov-Arnold Transformer}, author={Yang, Xingyi and Wang, Xinchao}, booktitle={The Thirteenth International Conference on Learning Representations}, year={2025}}',
      ['2409.10594'],
    ],
  ])('"%s" finds the paper first', async (query, expected) => {
    const { ids } = await searchPage(query);
    expect(ids.slice(0, expected.length)).toEqual(expected);
  });
});
