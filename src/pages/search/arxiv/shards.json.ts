import type { APIRoute } from 'astro';
import { getPapersForSearch } from '@/data/search.ts';
import { arxivShards } from '@/lib/search-data.ts';

/**
 * The files under /search/arxiv/ that exist: an id whose shard is not listed is not in the digest,
 * and the browser never asks for a file that is not there.
 */
export const GET: APIRoute = async () => {
  const shards = [...arxivShards(await getPapersForSearch()).keys()].sort();
  return new Response(JSON.stringify(shards), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
