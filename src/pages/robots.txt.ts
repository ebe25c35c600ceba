import type { APIRoute } from 'astro';
import { urls } from '@/data/urls.ts';

/**
 * `/robots.txt`: everything may be crawled, and the sitemap index is named with its absolute URL
 * (the protocol requires one), so it follows SITE_URL and BASE_PATH. Crawlers read robots.txt
 * only at the root of a host: under a base path this file is a pointer for people, and the
 * sitemap must be submitted to search engines directly.
 */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute(urls.sitemap())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
