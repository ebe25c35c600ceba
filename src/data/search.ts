import { getPapers, topicBySlug } from './papers.ts';
import { urls } from './urls.ts';

/** Every paper as the search data files need it (src/lib/search-data.ts): URL and topic labels resolved. */
export async function getPapersForSearch() {
  return (await getPapers()).map((paper) => ({
    data: paper.data,
    url: urls.paper(paper.id),
    text: paper.text,
    topics: paper.data.tags.map((tag) => topicBySlug(tag).label),
  }));
}
