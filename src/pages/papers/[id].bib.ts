import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getBibtex, getPapers } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { BIBTEX_CONTENT_TYPE } from '@/lib/bibtex.ts';

/** `/papers/<id>.bib`: the paper's BibTeX entry, beside its page's folder `/papers/<id>/`. */
export const getStaticPaths = (async () => {
  const [papers, bibtex] = await Promise.all([getPapers(), getBibtex()]);
  return withCacheKeys(
    papers.map((paper) => ({ params: { id: paper.id }, props: { entry: bibtex.get(paper.id)!.entry } })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { entry } }) =>
  new Response(entry, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
