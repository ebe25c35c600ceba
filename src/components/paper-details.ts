import type { Paper } from '@/data/papers.ts';
import { digestDayDetail, titleDetails } from '@/lib/distinct-names.ts';
import { titleText } from '@/lib/title-text.ts';

/**
 * What tells apart the papers of one list that share a title, for their links' and buttons' names:
 * the digest date where those differ, else the arXiv id, else the paper's id (its URL's name).
 */
export function paperDetails(papers: readonly Paper[]): Map<Paper, string> {
  return titleDetails(
    papers,
    (paper) => titleText(paper.data.title),
    (paper) => [digestDayDetail(paper.data.date), paper.data.arxiv && `arXiv:${paper.data.arxiv}`, paper.id],
  );
}
