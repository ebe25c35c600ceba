import {
  acronymExpansions,
  arxivShards,
  authorShards,
  compoundHeads,
  scriptedWords,
  vocabularyShards,
} from '../lib/search-data.ts';
import { getPapers, topicBySlug } from './papers.ts';
import { urls } from './urls.ts';

/** Every paper as the search data files need it (src/lib/search-data.ts): URL and topic labels resolved. */
async function getPapersForSearch() {
  return (await getPapers()).map((paper) => ({
    id: paper.id,
    data: paper.data,
    url: urls.paper(paper.id),
    text: paper.text,
    scripted: paper.scripted,
    topics: paper.data.tags.map((tag) => topicBySlug(tag).label),
  }));
}

let searchData:
  | Promise<{
      arxiv: ReturnType<typeof arxivShards>;
      vocabulary: ReturnType<typeof vocabularyShards>;
      authors: ReturnType<typeof authorShards>;
      heads: string[];
      acronyms: string[];
      scripted: string[];
    }>
  | undefined;

/**
 * The arXiv id map, the vocabulary and the author directory, by shard, computed once for all the
 * files under /search/, and the first parts of compound words, the abbreviations and the formulas' scripted terms
 * (/search/expansions.json).
 */
export function getSearchData() {
  searchData ??= getPapersForSearch().then((papers) => ({
    arxiv: arxivShards(papers),
    vocabulary: vocabularyShards(papers),
    authors: authorShards(papers),
    heads: compoundHeads(papers),
    acronyms: acronymExpansions(papers),
    scripted: scriptedWords(papers),
  }));
  return searchData;
}
