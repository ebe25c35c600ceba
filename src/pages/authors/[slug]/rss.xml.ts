import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorFeedItemOf, getAuthorPaths } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { authorFeed } from '@/lib/author-feed.ts';
import { RSS_CONTENT_TYPE, rssXml } from '@/lib/feed.ts';
import { siteConfig } from '@/site.config.ts';

/**
 * `/authors/<slug>/rss.xml`: an author's papers, whole days, newest first; text items (title,
 * authors, topics, plain-text abstract), not the typeset abstract: see textFeedItem.
 */
export const getStaticPaths = (async () => withCacheKeys(await getAuthorPaths())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { author, papers } }) => {
  const feed = authorFeed(author, papers, siteConfig.feedSize, { urls, site: siteConfig }, authorFeedItemOf);
  return new Response(rssXml(feed), { headers: { 'Content-Type': RSS_CONTENT_TYPE } });
};
