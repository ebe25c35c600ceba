import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSearchData } from '@/data/search.ts';

/**
 * The digest's vocabulary for "Did you mean …?", one file per first letter
 * (`/search/words/k.txt`), loaded only when a query word has no real match.
 */
export const getStaticPaths = (async () => {
  const shards = (await getSearchData()).vocabulary;
  return [...shards].map(([initial, words]) => ({ params: { initial }, props: { words } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { words } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(words, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
