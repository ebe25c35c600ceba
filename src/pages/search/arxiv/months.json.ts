import type { APIRoute } from 'astro';
import { getPapersForSearch } from '../../../data/search.ts';
import { arxivShards } from '../../../lib/search-data.ts';

/** Which months of ids have a file under /search/arxiv/: an id of any other month is not in the digest. */
export const GET: APIRoute = async () => {
  const months = [...arxivShards(await getPapersForSearch()).keys()].sort();
  return new Response(JSON.stringify(months), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
