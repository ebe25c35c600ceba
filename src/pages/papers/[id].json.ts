import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPapers } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { encodeJson } from '@/lib/encode/json.ts';
import type { PaperSummary } from '@/lib/reading-list.ts';
import { titleText } from '@/lib/title-text.ts';

/**
 * `/papers/<id>.json`: what the reading list (/saved/) shows of a paper, beside its page's folder,
 * so that page fetches only the papers a reader saved and never an index of the whole digest.
 */
export const getStaticPaths = (async () => {
  const papers = await getPapers();
  return withCacheKeys(
    papers.map((paper) => {
      const summary: PaperSummary = {
        id: paper.id,
        title: titleText(paper.data.title),
        authors: paper.data.authors,
        date: paper.data.date,
        url: urls.paper(paper.id),
      };
      return { params: { id: paper.id }, props: { summary } };
    }),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { summary } }) =>
  new Response(encodeJson(summary), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
