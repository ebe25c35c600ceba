import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPapersByTopic, getTopics } from '../../../data/papers.ts';
import { urls } from '../../../data/urls.ts';
import { rssOptions, topicFeed } from '../../../lib/feed.ts';
import { siteConfig } from '../../../site.config.ts';

/** One RSS feed per topic (even a topic without papers yet, so its subscribers are ready). */
export const getStaticPaths = (async () => {
  const byTopic = await getPapersByTopic();
  return getTopics().map((topic) => ({
    params: { slug: topic.slug },
    props: { topic, papers: byTopic.get(topic.slug) ?? [] },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { topic, papers } }) =>
  rss(rssOptions(topicFeed(topic, papers, siteConfig.feedSize, { urls, site: siteConfig, topics: getTopics() })));
