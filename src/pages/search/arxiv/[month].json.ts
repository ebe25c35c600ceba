import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPapersForSearch } from '../../../data/search.ts';
import { arxivShards } from '../../../lib/search-data.ts';

/**
 * The arXiv id → paper map, one file per month of ids (`/search/arxiv/2023-06.json`): a query that
 * is an id or an arXiv link loads the one file that can hold it, and no Pagefind at all.
 */
export const getStaticPaths = (async () => {
  const shards = arxivShards(await getPapersForSearch());
  return [...shards].map(([month, entries]) => ({ params: { month }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entries } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(JSON.stringify(entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
