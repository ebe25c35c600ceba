import type { APIRoute } from 'astro';
import { getPapers, getTopics } from '@/data/papers.ts';
import { urls } from '@/data/urls.ts';
import { encodeJson } from '@/lib/encode/json.ts';
import { digestFeed, jsonFeed } from '@/lib/feed.ts';
import { siteConfig } from '@/site.config.ts';

/** JSON Feed 1.1 of the same items as /rss.xml. */
export const GET: APIRoute = async () => {
  const feed = digestFeed(await getPapers(), siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() });
  return new Response(`${encodeJson(jsonFeed(feed, urls.absolute(urls.jsonFeed())), 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
