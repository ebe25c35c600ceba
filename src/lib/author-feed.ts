import { listFeedTitle } from './page-titles.ts';
import { wholeDays, type Feed, type FeedContext, type FeedItem } from './feed.ts';

/**
 * An author's RSS feed: their papers of whole digest days, newest first, at least `size` of them
 * (all of them when they have fewer), the same rule as a topic's feed (see wholeDays). Items come
 * from `itemOf`, which the build makes once per paper (many authors share each paper), without
 * the typeset abstract (textFeedItem): at 10,000 papers, 26,000 feeds with MathML weighed 740 MB.
 */
export function authorFeed<T extends { data: { date: string } }>(
  author: { slug: string; name: string },
  papers: readonly T[],
  size: number,
  { urls, site }: Pick<FeedContext, 'urls' | 'site'>,
  itemOf: (paper: T) => FeedItem,
): Feed {
  return {
    title: authorFeedTitle(site, author),
    description: `Papers by ${author.name} in ${site.title}, newest first.`,
    lang: site.lang,
    homeUrl: urls.absolute(urls.author(author.slug)),
    rssUrl: urls.absolute(urls.authorFeed(author.slug)),
    items: wholeDays(papers, size).map(itemOf),
  };
}

export function authorFeedTitle(site: { title: string }, author: { name: string }): string {
  return listFeedTitle(site, 'author', author.name);
}
