import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getTopicPaths, getTopics } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { RSS_CONTENT_TYPE, rssXml, topicFeed } from '@/lib/feed.ts';
import { siteConfig } from '@/site.config.ts';

/** One RSS feed per topic (even a topic without papers yet, so its subscribers are ready). */
export const getStaticPaths = (async () => withCacheKeys(await getTopicPaths())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { topic, papers } }) => {
  const feed = topicFeed(topic, papers, siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() });
  return new Response(rssXml(feed), { headers: { 'Content-Type': RSS_CONTENT_TYPE } });
};
