import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPapers, getTopics } from '../data/papers.ts';
import { urls } from '../data/urls.ts';
import { digestFeed, rssOptions } from '../lib/feed.ts';
import { siteConfig } from '../site.config.ts';

/** The digest's RSS feed: the newest papers, math as MathML. */
export const GET: APIRoute = async () => {
  const feed = digestFeed(await getPapers(), siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() });
  return rss(rssOptions(feed));
};
