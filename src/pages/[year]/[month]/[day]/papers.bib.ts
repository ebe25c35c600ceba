import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArchive, getBibtex } from '../../../../data/papers.ts';
import { urls } from '../../../../data/urls.ts';
import { BIBTEX_CONTENT_TYPE, bibtexFile } from '../../../../lib/bibtex.ts';
import { dateParts, formatDate } from '../../../../lib/dates.ts';
import { siteConfig } from '../../../../site.config.ts';

/** `/YYYY/MM/DD/papers.bib`: every paper of a digest day, in listing order. */
export const getStaticPaths = (async () => {
  const { days } = await getArchive();
  return days.map((day) => ({ params: dateParts(day.date), props: { day } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { day } }) => {
  const bibtex = await getBibtex();
  const count = `${day.papers.length} ${day.papers.length === 1 ? 'paper' : 'papers'}`;
  const body = bibtexFile(
    day.papers.map((paper) => bibtex.get(paper.id)!.entry),
    [`${siteConfig.title}: the digest of ${formatDate(day.date)} (${count}).`, urls.absolute(urls.day(day.date))],
  );
  return new Response(body, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
};
