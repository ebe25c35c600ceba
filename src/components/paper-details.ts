import type { Paper } from '@/data/papers.ts';
import { digestDayDetail, titleDetails } from '@/lib/distinct-names.ts';
import { readsAsSitePageTitle } from '@/lib/page-titles.ts';
import { titleText } from '@/lib/title-text.ts';

/**
 * What tells apart the papers of one list that share a title, for their links' and buttons' names:
 * the digest date where those differ, else the arXiv id, else the paper's id (its URL's name).
 */
export function paperDetails(papers: readonly Paper[]): Map<Paper, string> {
  return titleDetails(papers, (paper) => titleText(paper.data.title), detailsOf);
}

const detailsOf = (paper: Paper) => [
  digestDayDetail(paper.data.date),
  paper.data.arxiv && `arXiv:${paper.data.arxiv}`,
  paper.id,
];

/**
 * What each paper page's `<title>` adds to the paper's title: what tells it from the digest's
 * other papers of its title (paperDetails over every paper), and for a paper whose title reads as
 * one of the site's other pages' (`Authors`, `Papers by “Ada Lovelace”`, `June 2025`:
 * readsAsSitePageTitle), its digest day, so that no two pages of the site share a title.
 */
export function paperPageDetails(papers: readonly Paper[]): Map<Paper, string> {
  const details = paperDetails(papers);
  for (const paper of papers) {
    if (!details.has(paper) && readsAsSitePageTitle(titleText(paper.data.title))) {
      details.set(paper, detailsOf(paper)[0]!);
    }
  }
  return details;
}
