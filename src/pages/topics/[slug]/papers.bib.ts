import { paperCount } from '@/lib/count.ts';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getBibtex, getTopicPaths } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { BIBTEX_CONTENT_TYPE, bibtexFile } from '@/lib/bibtex.ts';
import { siteConfig } from '@/site.config.ts';

/** `/topics/<slug>/papers.bib`: every paper of a topic, newest first, for a reference manager. */
export const getStaticPaths = (async () => {
  const [paths, bibtex] = await Promise.all([getTopicPaths(), getBibtex()]);
  return withCacheKeys(
    paths.map(({ params, props: { topic, papers } }) => ({
      params,
      props: { topic, entries: papers.map((paper) => bibtex.get(paper.id)!.entry) },
    })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { topic, entries } }) => {
  const body = bibtexFile(entries, [
    `${siteConfig.title}: ${topic.label} (${paperCount(entries.length)}).`,
    urls.absolute(urls.topic(topic.slug)),
  ]);
  return new Response(body, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
};
