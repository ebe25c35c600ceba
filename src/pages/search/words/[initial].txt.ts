import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPapersForSearch } from '@/data/search.ts';
import { vocabularyShards } from '@/lib/search-data.ts';

/**
 * The digest's vocabulary for "Did you mean …?", one file per first letter
 * (`/search/words/k.txt`), loaded only when a query word has no real match.
 */
export const getStaticPaths = (async () => {
  const shards = vocabularyShards(await getPapersForSearch());
  return [...shards].map(([initial, words]) => ({ params: { initial }, props: { words } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { words } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  return new Response(words, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
