import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArchive, getPapersByTopic, getTopics } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { sitemapChunks, urlsetXml } from '@/lib/sitemap.ts';
import { siteConfig } from '@/site.config.ts';

/**
 * `/sitemap-<chunk>.xml`: one chunk of the sitemap. Its cache key is its list of URLs and dates,
 * so an incremental build rewrites only the chunks whose pages changed.
 */
export const getStaticPaths = (async () => {
  const [archive, papersByTopic] = await Promise.all([getArchive(), getPapersByTopic()]);
  const chunks = sitemapChunks({ urls, archive, topics: getTopics(), papersByTopic, pageSize: siteConfig.pageSize });
  return withCacheKeys(chunks.map(({ name, entries }) => ({ params: { chunk: name }, props: { entries } })));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { entries } }) =>
  new Response(urlsetXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
