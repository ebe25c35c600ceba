import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { withCacheKeys } from '@/data/page-keys.ts';
import { getSitemapChunks } from '@/data/sitemap.ts';
import { urlsetXml } from '@/lib/sitemap.ts';

/**
 * `/sitemap-<chunk>.xml`: one chunk of the sitemap. Its cache key is its list of URLs and dates,
 * so an incremental build rewrites only the chunks whose pages changed.
 */
export const getStaticPaths = (async () =>
  withCacheKeys(
    (await getSitemapChunks()).map(({ name, entries }) => ({ params: { chunk: name }, props: { entries } })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { entries } }) =>
  new Response(urlsetXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
