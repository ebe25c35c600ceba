import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPaperFileDevPaths } from '@/data/paper-files.ts';
import { BIBTEX_CONTENT_TYPE } from '@/lib/bibtex.ts';

/**
 * `/papers/<id>.bib` in `astro dev`: the paper's BibTeX entry, beside its page's folder
 * `/papers/<id>/`. The build writes these files through bundles (src/data/paper-files.ts): the
 * same text, without a route per paper.
 */
export const getStaticPaths = (() => getPaperFileDevPaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { bibEntry } }) =>
  new Response(bibEntry, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
