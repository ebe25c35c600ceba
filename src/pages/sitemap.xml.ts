import type { APIRoute } from 'astro';
import { getSitemapChunks } from '@/data/sitemap.ts';
import { urls } from '@/data/urls.ts';
import { newestDate, sitemapIndexXml } from '@/lib/sitemap.ts';

/** `/sitemap.xml`: the sitemap index, one entry per chunk file (see src/lib/sitemap.ts). */
export const GET: APIRoute = async () => {
  const index = (await getSitemapChunks()).map(({ name, entries }) => ({
    loc: urls.absolute(urls.sitemap(name)),
    lastmod: newestDate(entries),
  }));
  return new Response(sitemapIndexXml(index), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
