import type { Page } from 'astro';
import { authorFeedTitle } from '../lib/author-feed.ts';
import { listTitle } from '../lib/page-titles.ts';
import { listedPapersSentence } from '../lib/count.ts';
import { groupIntoBundles } from '../lib/file-bundle.ts';
import { pagedDescription, paginateList, spanText } from '../lib/paginate.ts';
import { authorPageFolder } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';
import { getPapersByAuthor, type Paper } from './papers.ts';
import { urls } from './urls.ts';

/**
 * An author's pages, `/authors/<slug>/` and `/authors/<slug>/<n>/`: their papers, newest first,
 * paginated like a topic. Most of a digest's pages are these (26,000 of 37,000 at 10,000 papers),
 * and Astro spends about a millisecond on every route, whatever it renders, so the build renders
 * them through page bundles (src/lib/page-bundle.ts, route src/pages/build-bundles/pages/): one
 * route renders the page shell once and the head and main part of each of a few hundred pages.
 * `astro dev` renders each page from its own route (src/pages/authors/[slug]/[...page].astro).
 * Both render the same components: PageHead with authorPageHead's props, and AuthorPage.
 */

/** A type, not an interface: route props must be assignable to Record<string, unknown>. */
export type AuthorPage = {
  author: { slug: string; name: string };
  page: Page<Paper>;
};

let pages: Promise<AuthorPage[]> | undefined;

/** Every page of every author, in the order of getPapersByAuthor, computed once. */
export function getAuthorPages(): Promise<AuthorPage[]> {
  pages ??= getPapersByAuthor().then((byAuthor) =>
    [...byAuthor.values()].flatMap(({ slug, name, papers }) =>
      paginateList(papers, siteConfig.pageSize, (page) => urls.author(slug, page)).map((page) => ({
        author: { slug, name },
        page,
      })),
    ),
  );
  return pages;
}

/** What PageHead shows of an author's page: its title, description and the author's feed. */
export function authorPageHead({ author, page }: AuthorPage): {
  title: string;
  description: string;
  feeds: { title: string; href: string }[];
} {
  return {
    title: listTitle('author', author.name, page.currentPage, page.lastPage),
    description: pagedDescription(
      listedPapersSentence(page.total, `by ${author.name}`),
      page.currentPage,
      page.lastPage,
      spanText({ first: page.start + 1, last: page.end + 1 }),
    ),
    feeds: [{ title: authorFeedTitle(siteConfig, author), href: urls.authorFeed(author.slug) }],
  };
}

/** Where an author's page is written, relative to the output folder. */
export function authorPageFile({ author, page }: AuthorPage): string {
  return `${authorPageFolder(author.slug, page.currentPage)}index.html`;
}

/** The static paths of the route that renders each page in `astro dev`; none in a build. */
export async function getAuthorPageDevPaths(): Promise<
  { params: { slug: string; page: string | undefined }; props: AuthorPage }[]
> {
  if (!import.meta.env.DEV) return [];
  return (await getAuthorPages()).map((entry) => ({
    params: { slug: entry.author.slug, page: entry.page.currentPage > 1 ? String(entry.page.currentPage) : undefined },
    props: entry,
  }));
}

/**
 * One static path per non-empty page bundle, with the pages it carries (every page of an author
 * in the author's bundle, which a hash of the slug fixes, so a new paper re-renders only its
 * authors' bundles); none in `astro dev`.
 */
export async function getAuthorPageBundlePaths(): Promise<
  { params: { bundle: string }; props: { pages: AuthorPage[] } }[]
> {
  if (import.meta.env.DEV) return [];
  const bundles = groupIntoBundles(await getAuthorPages(), 'author-pages', (entry) => entry.author.slug);
  return bundles.map(([bundle, pages]) => ({ params: { bundle }, props: { pages } }));
}
