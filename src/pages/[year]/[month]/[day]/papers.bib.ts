import { paperCount } from '@/lib/count.ts';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArchive, getBibtex } from '@/data/papers.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { urls } from '@/data/urls.ts';
import { BIBTEX_CONTENT_TYPE, bibtexFile } from '@/lib/bibtex.ts';
import { dateParts, formatDate } from '@/lib/dates.ts';
import { siteConfig } from '@/site.config.ts';

/** `/YYYY/MM/DD/papers.bib`: every paper of a digest day, in listing order. */
export const getStaticPaths = (async () => {
  const [{ days }, bibtex] = await Promise.all([getArchive(), getBibtex()]);
  return withCacheKeys(
    days.map((day) => ({
      params: dateParts(day.date),
      props: { date: day.date, entries: day.papers.map((paper) => bibtex.get(paper.id)!.entry) },
    })),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { date, entries } }) => {
  const count = paperCount(entries.length);
  const body = bibtexFile(entries, [
    `${siteConfig.title}: the digest of ${formatDate(date)} (${count}).`,
    urls.absolute(urls.day(date)),
  ]);
  return new Response(body, { headers: { 'Content-Type': BIBTEX_CONTENT_TYPE } });
};
