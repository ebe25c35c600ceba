import type { APIRoute } from 'astro';
import { getSearchData } from '@/data/search.ts';
import { encodeJson } from '@/lib/encode/json.ts';

/**
 * The files under /search/arxiv/ that exist: an id whose shard is not listed is not in the digest,
 * and the browser never asks for a file that is not there.
 */
export const GET: APIRoute = async () => {
  const shards = [...(await getSearchData()).arxiv.keys()].sort();
  return new Response(encodeJson(shards), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
