import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorBibtex, getAuthorFileDevPaths } from '@/data/author-files.ts';
import { BIBTEX_CONTENT_TYPE } from '@/lib/bibtex.ts';

/**
 * `/authors/<slug>/papers.bib` in `astro dev`. The build writes these files through bundles
 * (src/data/author-files.ts): the same text, without a route per author.
 */
export const getStaticPaths = (() => getAuthorFileDevPaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(authorBibtex(props), { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
