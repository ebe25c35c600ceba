import type { APIRoute } from 'astro';
import { getPapers, getTopics } from '@/data/papers.ts';
import { urls } from '@/data/urls.ts';
import { digestFeed, RSS_CONTENT_TYPE, rssXml } from '@/lib/feed.ts';
import { siteConfig } from '@/site.config.ts';

/** The digest's RSS feed: the newest whole digest days, at least `feedSize` papers, math as MathML. */
export const GET: APIRoute = async () => {
  const feed = digestFeed(await getPapers(), siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() });
  return new Response(rssXml(feed), { headers: { 'Content-Type': RSS_CONTENT_TYPE } });
};
