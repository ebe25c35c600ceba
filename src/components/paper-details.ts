import type { Paper } from '@/data/papers.ts';
import { digestDayDetail, heard, titleDetails } from '@/lib/distinct-names.ts';
import { readsAsSitePageTitle } from '@/lib/page-titles.ts';
import { titleText } from '@/lib/title-text.ts';
import { siteConfig } from '@/site.config.ts';

/**
 * What tells apart the papers of one list that share a title, for their links' and buttons' names:
 * the digest date where those differ, else the arXiv id, else the paper's id (its URL's name). A
 * paper whose title reads as one of the site's other pages' (`Authors`, `December 2024`:
 * readsAsSitePageTitle) gets its digest day too: its link would have the name of the header's or
 * the breadcrumb's link to that page.
 */
export function paperDetails(papers: readonly Paper[]): Map<Paper, string> {
  const details = titleDetails(papers, (paper) => titleText(paper.data.title), detailsOf);
  for (const paper of papers) {
    if (!details.has(paper) && readsAsSitePageTitle(titleText(paper.data.title), siteConfig.title)) {
      details.set(paper, detailsOf(paper)[0]!);
    }
  }
  return details;
}

const detailsOf = (paper: Paper) => [
  digestDayDetail(paper.data.date),
  paper.data.arxiv && `arXiv:${paper.data.arxiv}`,
  paper.id,
];

/**
 * What each paper page's `<title>` adds to the paper's title: paperDetails over every paper (what
 * tells it from the digest's other papers of its title, or from another page's: `Authors`,
 * `Papers by “Ada Lovelace”`, `June 2025`), and for a paper whose title reads as another paper's
 * title with its detail (a paper titled `Attention
 * (digest of June 6, 2025)` beside two titled `Attention`), its digest day, so that no two pages
 * of the site share a title.
 */
export function paperPageDetails(papers: readonly Paper[]): Map<Paper, string> {
  const details = paperDetails(papers);
  const pageTitle = (paper: Paper) => {
    const title = titleText(paper.data.title);
    const detail = details.get(paper);
    return heard(detail === undefined ? title : `${title} (${detail})`);
  };
  // Each page title is worked out once, and again only when its paper gets a detail.
  const titles = new Map(papers.map((paper) => [paper, pageTitle(paper)]));
  // Each round gives a detail only to a paper without one, so it ends; the papers of one title
  // already have details that tell them apart, so a title with its detail is then one of its own.
  for (let given: readonly Paper[] = papers; given.length > 0;) {
    const count = new Map<string, number>();
    for (const title of titles.values()) count.set(title, (count.get(title) ?? 0) + 1);
    given = papers.filter((paper) => !details.has(paper) && count.get(titles.get(paper)!)! > 1);
    for (const paper of given) {
      details.set(paper, detailsOf(paper)[0]!);
      titles.set(paper, pageTitle(paper));
    }
  }
  return details;
}
