import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getTopicPaths, getTopics } from '../../../data/papers.ts';
import { withCacheKeys } from '../../../data/page-keys.ts';
import { urls } from '../../../data/urls.ts';
import { rssOptions, topicFeed } from '../../../lib/feed.ts';
import { siteConfig } from '../../../site.config.ts';

/** One RSS feed per topic (even a topic without papers yet, so its subscribers are ready). */
export const getStaticPaths = (async () => withCacheKeys(await getTopicPaths())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { topic, papers } }) =>
  rss(rssOptions(topicFeed(topic, papers, siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() })));
