import { getArchive, getAuthorIndex, getPapersByAuthor, getPapersByTopic, getTopics } from './papers.ts';
import { urls } from './urls.ts';
import { pageCount } from '../lib/paginate.ts';
import { sitemapChunks, type SitemapChunk } from '../lib/sitemap.ts';
import { siteConfig } from '../site.config.ts';

let chunks: Promise<SitemapChunk[]> | undefined;

/** The sitemap's chunks (src/lib/sitemap.ts), computed once for the index and every chunk file. */
export function getSitemapChunks(): Promise<SitemapChunk[]> {
  chunks ??= Promise.all([getArchive(), getPapersByTopic(), getPapersByAuthor(), getAuthorIndex()]).then(
    ([archive, papersByTopic, byAuthor, index]) =>
      sitemapChunks({
        urls,
        archive,
        topics: getTopics(),
        papersByTopic,
        pageSize: siteConfig.pageSize,
        // In A–Z order: an author's place in the chunk does not move when someone else publishes.
        authors: index.map(({ slug }) => byAuthor.get(slug)!),
        authorIndexPages: pageCount(index.length, siteConfig.authorIndexPageSize),
      }),
  );
  return chunks;
}
