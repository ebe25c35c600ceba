import type { APIRoute } from 'astro';
import { getSearchData } from '@/data/search.ts';
import { encodeJson } from '@/lib/encode/json.ts';
import type { QueryExpansions } from '@/lib/search-query.ts';

/**
 * What a query is also searched as, from the digest's own text: the first parts of compound words
 * (`data`: `dataset` also finds `data sets`; compoundHeads) and the abbreviations with what they
 * stand for (`llm:large-language-model`; acronymExpansions), and the formulas' terms with a script
 * by what they script (`r:rd`; scriptedWords). One small file that the header box and
 * the search page both fetch with their first search, never before: no page carries it.
 */
export const GET: APIRoute = async () => {
  const { heads, acronyms, scripted } = await getSearchData();
  const expansions: QueryExpansions = { heads, acronyms, scripted };
  return new Response(encodeJson(expansions), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
