import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorFeedXml, getAuthorFileDevPaths } from '@/data/author-files.ts';
import { RSS_CONTENT_TYPE } from '@/lib/feed.ts';

/**
 * `/authors/<slug>/rss.xml` in `astro dev`. The build writes these files through bundles
 * (src/data/author-files.ts): the same text, without a route per author.
 */
export const getStaticPaths = (() => getAuthorFileDevPaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(authorFeedXml(props), { headers: { 'Content-Type': RSS_CONTENT_TYPE } });
