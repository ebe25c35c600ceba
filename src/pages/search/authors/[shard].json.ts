import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSearchData } from '@/data/search.ts';
import { encodeJson } from '@/lib/encode/json.ts';
import { directoryFile } from '@/lib/search-authors.ts';

/**
 * The author directory (src/lib/search-authors.ts), one file per shard key: each author as
 * `[name, papers]` under every word of their slug. Loaded by the search page's author field only.
 */
export const getStaticPaths = (async () => {
  const shards = (await getSearchData()).authors;
  return [...shards].map(([key, entries]) => ({ params: { shard: directoryFile(key) }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entries } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(encodeJson(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
