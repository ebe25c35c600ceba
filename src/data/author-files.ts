import { authorFeed } from '../lib/author-feed.ts';
import { bibtexFile } from '../lib/bibtex.ts';
import { paperCount } from '../lib/count.ts';
import { rssXml } from '../lib/feed.ts';
import { groupIntoBundles, type BundledFile } from '../lib/file-bundle.ts';
import { authorFilePaths } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';
import { authorFeedItemOf, getBibtex, getPapersByAuthor, type Paper } from './papers.ts';
import { urls } from './urls.ts';

/**
 * An author's two files, `/authors/<slug>/rss.xml` and `/authors/<slug>/papers.bib`: made here
 * and nowhere else. The build writes them through file bundles (src/lib/file-bundle.ts, route
 * src/pages/build-bundles/), because as routes of their own they cost Astro as much as the rest
 * of the site; `astro dev` serves them from routes of their own (src/pages/authors/[slug]/).
 */

/**
 * Everything an author's files are made from, so it can key them (src/data/page-keys.ts). A type,
 * not an interface: route props must be assignable to Record<string, unknown>.
 */
export type AuthorFilesInput = {
  author: { slug: string; name: string };
  /** Newest first. */
  papers: Paper[];
  /**
   * Their BibTeX entries, in the same order: keys are assigned over the whole digest; a paper of
   * many authors names the first few and `others` (PaperBibtex.listedEntry).
   */
  bibEntries: string[];
};

let inputs: Promise<AuthorFilesInput[]> | undefined;

/** Every author's files' inputs, in the order of getPapersByAuthor, computed once. */
export function getAuthorFilesInputs(): Promise<AuthorFilesInput[]> {
  inputs ??= Promise.all([getPapersByAuthor(), getBibtex()]).then(([byAuthor, bibtex]) =>
    [...byAuthor.values()].map(({ slug, name, papers }) => ({
      author: { slug, name },
      papers,
      bibEntries: papers.map((paper) => bibtex.get(paper.id)!.listedEntry),
    })),
  );
  return inputs;
}

/**
 * An author's RSS feed: their papers of whole days, newest first; text items (title, authors,
 * topics, plain-text abstract), not the typeset abstract (see textFeedItem).
 */
export function authorFeedXml({ author, papers }: AuthorFilesInput): string {
  return rssXml(
    authorFeed(author, papers, siteConfig.feedSize, { urls, site: siteConfig }, (paper) =>
      authorFeedItemOf(paper, author.slug),
    ),
  );
}

/** Every paper of an author, newest first, as the digest's BibTeX entries (made once per paper). */
export function authorBibtex({ author, bibEntries }: AuthorFilesInput): string {
  return bibtexFile(bibEntries, [
    `${siteConfig.title}: ${author.name} (${paperCount(bibEntries.length)}).`,
    urls.absolute(urls.author(author.slug)),
  ]);
}

export function authorFiles(input: AuthorFilesInput): BundledFile[] {
  const paths = authorFilePaths(input.author.slug);
  return [
    [paths.feed, authorFeedXml(input)],
    [paths.bib, authorBibtex(input)],
  ];
}

/**
 * The static paths of the routes that serve an author's files one by one in `astro dev`
 * (src/pages/authors/[slug]/rss.xml.ts and papers.bib.ts). None in a build, which writes the files
 * from bundles.
 */
export async function getAuthorFileDevPaths(): Promise<{ params: { slug: string }; props: AuthorFilesInput }[]> {
  if (!import.meta.env.DEV) return [];
  return (await getAuthorFilesInputs()).map((input) => ({ params: { slug: input.author.slug }, props: input }));
}

/** One static path per non-empty bundle, with the inputs of its authors' files; none in `astro dev`. */
export async function getAuthorBundlePaths(): Promise<
  { params: { bundle: string }; props: { authors: AuthorFilesInput[] } }[]
> {
  if (import.meta.env.DEV) return [];
  const bundles = groupIntoBundles(await getAuthorFilesInputs(), 'authors', (input) => input.author.slug);
  return bundles.map(([bundle, authors]) => ({ params: { bundle }, props: { authors } }));
}
