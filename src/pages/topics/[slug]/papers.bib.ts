import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getBibtex, getTopicPaths } from '../../../data/papers.ts';
import { urls } from '../../../data/urls.ts';
import { BIBTEX_CONTENT_TYPE, bibtexFile } from '../../../lib/bibtex.ts';
import { siteConfig } from '../../../site.config.ts';

/** `/topics/<slug>/papers.bib`: every paper of a topic, newest first, for a reference manager. */
export const getStaticPaths = getTopicPaths satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { topic, papers } }) => {
  const bibtex = await getBibtex();
  const body = bibtexFile(
    papers.map((paper) => bibtex.get(paper.id)!.entry),
    [
      `${siteConfig.title}: ${topic.label} (${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}).`,
      urls.absolute(urls.topic(topic.slug)),
    ],
  );
  return new Response(body, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
};
