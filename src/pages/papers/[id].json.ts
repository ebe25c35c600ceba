import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPaperFileDevPaths, paperSummaryJson } from '@/data/paper-files.ts';

/**
 * `/papers/<id>.json` in `astro dev`: what the reading list (/saved/) shows of a paper, beside its
 * page's folder, so that page fetches only the papers a reader saved and never an index of the
 * whole digest. The build writes these files through bundles (src/data/paper-files.ts).
 */
export const getStaticPaths = (() => getPaperFileDevPaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(paperSummaryJson(props), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
