import type { APIRoute } from 'astro';
import { getArchive, getPapersByTopic, getTopics } from '@/data/papers.ts';
import { urls } from '@/data/urls.ts';
import { newestDate, sitemapChunks, sitemapIndexXml } from '@/lib/sitemap.ts';
import { siteConfig } from '@/site.config.ts';

/** `/sitemap.xml`: the sitemap index, one entry per chunk file (see src/lib/sitemap.ts). */
export const GET: APIRoute = async () => {
  const [archive, papersByTopic] = await Promise.all([getArchive(), getPapersByTopic()]);
  const chunks = sitemapChunks({ urls, archive, topics: getTopics(), papersByTopic, pageSize: siteConfig.pageSize });
  const index = chunks.map(({ name, entries }) => ({
    loc: urls.absolute(urls.sitemap(name)),
    lastmod: newestDate(entries),
  }));
  return new Response(sitemapIndexXml(index), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
