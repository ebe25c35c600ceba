import type { APIRoute } from 'astro';
import { getTopics } from '@/data/papers.ts';
import { urls } from '@/data/urls.ts';
import { opml } from '@/lib/feed.ts';
import { siteConfig } from '@/site.config.ts';

/** Every feed in one OPML file, so a reader can subscribe to all topics at once. */
export const GET: APIRoute = () =>
  new Response(opml({ urls, site: siteConfig, topics: getTopics() }), {
    headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
  });
