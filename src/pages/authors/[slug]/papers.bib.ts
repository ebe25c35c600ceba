import { paperCount } from '@/lib/count.ts';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getAuthorPaths, getBibtex } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { BIBTEX_CONTENT_TYPE, bibtexFile } from '@/lib/bibtex.ts';
import { siteConfig } from '@/site.config.ts';

/**
 * `/authors/<slug>/papers.bib`: every paper of an author, newest first. The entries are the
 * digest's, made once per paper (getBibtex), so each file only joins strings.
 */
export const getStaticPaths = (async () => {
  const [paths, bibtex] = await Promise.all([getAuthorPaths(), getBibtex()]);
  return withCacheKeys(
    paths.map(({ params, props: { author, papers } }) => ({
      params,
      props: { author, entries: papers.map((paper) => bibtex.get(paper.id)!.entry) },
    })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { author, entries } }) => {
  const body = bibtexFile(entries, [
    `${siteConfig.title}: ${author.name} (${paperCount(entries.length)}).`,
    urls.absolute(urls.author(author.slug)),
  ]);
  return new Response(body, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
};
