import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSearchData } from '@/data/search.ts';
import { encodeJson } from '@/lib/encode/json.ts';

/**
 * The arXiv id → paper map, in small files by the id's month and first digits
 * (`/search/arxiv/2023-06-13.json`, see `arxivShard`): a query that is an id or an arXiv link
 * loads the one file that can hold it, and no Pagefind at all.
 */
export const getStaticPaths = (async () => {
  const shards = (await getSearchData()).arxiv;
  return [...shards].map(([shard, entries]) => ({ params: { shard }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entries } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(encodeJson(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
