import type { APIRoute } from 'astro';
import { getSearchData } from '@/data/search.ts';
import { encodeJson } from '@/lib/encode/json.ts';

/** The author directory's shard keys: the browser asks only for files that exist. */
export const GET: APIRoute = async () => {
  const keys = [...(await getSearchData()).authors.keys()];
  return new Response(encodeJson(keys), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
