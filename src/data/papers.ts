import { heard } from '../lib/distinct-names.ts';
import { readsAsSitePageTitle } from '../lib/page-titles.ts';
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, comparePapers, type Archive } from '../lib/archive.ts';
import { assignCitationKeys, bibtexEntry } from '../lib/bibtex.ts';
import { relatedPapers } from '../lib/related.ts';
import type { ScriptedTerm } from '../lib/search-data.ts';
import { pageOf } from '../lib/paginate.ts';
import { siteConfig } from '../site.config.ts';
import { authorIndex, groupByAuthor, type Author, type IndexEntry } from '../lib/author-index.ts';
import { BIBTEX_LISTED_AUTHORS, LISTED_AUTHORS } from '../lib/author-list.ts';
import { authorSlug } from '../lib/authors.ts';
import { feedAuthors, textFeedItem, type FeedItem } from '../lib/feed.ts';
import type { PaperMetadata } from '../content/loader.ts';
import { urls } from './urls.ts';
import { loadTopics } from '../content/vocabulary.ts';
import type { Topic } from '../content/schema.ts';

/**
 * The query layer: the only module that calls `getCollection`. Papers are sorted once by
 * comparePapers (newest digest day first; within a day, newest first version first), so every
 * page, feed and index lists them in the same order.
 */
export type PaperEntry = CollectionEntry<'papers'>;

export interface Paper {
  id: string;
  /** The paper's file (`content/papers/2025/x.mdx`), for messages about it. */
  file: string;
  data: PaperEntry['data'];
  /** Changes whenever anything about the paper does (see PaperMetadata.digest). */
  digest: string;
  /** The rendered abstract, for feeds, read from its file (PaperMetadata.htmlFile) on each call. */
  readHtml(): string;
  /** The abstract as its page shows it (src/content/page-html.ts), read from its file on each call. */
  readPageHtml(): string;
  hasMath: boolean;
  /** Plain-text abstract, math as `$TeX$` (for search and related papers). */
  text: string;
  /** The abstract as a description (descriptionOfHtml): feeds' plain text. */
  description: string;
  /** The title's and abstract's formula terms with a script (scriptedTerms), for the search's expansions. */
  scripted: ScriptedTerm[];
  /** Opening lines of the abstract as HTML, for cards on list pages. */
  excerptHtml: string;
  /** Whether the excerpt shows typeset math (so a list page needs KaTeX's stylesheet). */
  excerptHasMath: boolean;
  /**
   * The page of its digest day that lists it (pages of siteConfig.pageSize papers), so that a link
   * to its day opens the page that shows it. Part of its cache-key digest (page-keys.ts): a paper
   * added before it on its day can move it to the next page.
   */
  dayPage: number;
}

let papers: Promise<Paper[]> | undefined;

export function getPapers(): Promise<Paper[]> {
  papers ??= getCollection('papers').then((entries) =>
    entries
      .map((entry): Paper => {
        const metadata = entry.rendered?.metadata as PaperMetadata | undefined;
        // Every paper comes from src/content/loader.ts, which always renders it. Without its
        // digest, a page's cache key would not change with the paper (see page-keys.ts).
        if (!metadata?.digest) throw new Error(`${entry.id}: the paper loader stored no rendered metadata`);
        return {
          id: entry.id,
          file: entry.filePath ?? entry.id,
          data: entry.data,
          digest: metadata.digest,
          readHtml: () => readFileSync(metadata.htmlFile, 'utf8'),
          readPageHtml: () => readFileSync(metadata.pageHtmlFile, 'utf8'),
          hasMath: metadata.hasMath,
          text: metadata.text,
          description: metadata.description,
          scripted: metadata.scripted,
          excerptHtml: metadata.excerptHtml,
          excerptHasMath: metadata.excerptHasMath,
          dayPage: 1,
        };
      })
      .sort(comparePapers)
      .map(withDayPage()),
  );
  return papers;
}

/** Numbers each paper's day page, for papers in listing order (a day's papers together). */
function withDayPage(): (paper: Paper, index: number, sorted: Paper[]) => Paper {
  let dayStart = 0;
  return (paper, index, sorted) => {
    if (index > 0 && sorted[index - 1]!.data.date !== paper.data.date) dayStart = index;
    return { ...paper, dayPage: pageOf(index - dayStart, siteConfig.pageSize) };
  };
}

/** The order of every list, feed and index (pure, so unit-tested in tests/unit/archive.test.ts). */
export { comparePapers };

let archive: Promise<Archive<Paper>> | undefined;

/** Papers grouped by digest day, month and year (newest first), computed once. */
export function getArchive(): Promise<Archive<Paper>> {
  archive ??= getPapers().then((all) => buildArchive(all));
  return archive;
}

let topicIndex: Promise<Map<string, Paper[]>> | undefined;

/** Papers of each topic (newest first), computed once for all topic pages and feeds. */
export function getPapersByTopic(): Promise<Map<string, Paper[]>> {
  topicIndex ??= getPapers().then((all) => {
    const index = new Map<string, Paper[]>(getTopics().map((topic) => [topic.slug, []]));
    for (const paper of all) for (const tag of paper.data.tags) index.get(tag)?.push(paper);
    return index;
  });
  return topicIndex;
}

/** One static path per topic (papers newest first), for the per-topic files: feed and `.bib`. */
export async function getTopicPaths(): Promise<
  { params: { slug: string }; props: { topic: Topic; papers: Paper[] } }[]
> {
  const byTopic = await getPapersByTopic();
  return getTopics().map((topic) => ({
    params: { slug: topic.slug },
    props: { topic, papers: byTopic.get(topic.slug) ?? [] },
  }));
}

let authorGroups: Promise<Map<string, Author<Paper>>> | undefined;

/**
 * Each author (by slug, src/lib/authors.ts) with the spelling their pages show and their papers,
 * newest first, computed once for all author pages, feeds and `.bib` files (src/data/author-files.ts).
 */
export function getPapersByAuthor(): Promise<Map<string, Author<Paper>>> {
  authorGroups ??= getPapers().then((all) => groupByAuthor(all));
  return authorGroups;
}

let authorList: Promise<IndexEntry[]> | undefined;

/** Every author in A–Z order (src/lib/author-index.ts) with their paper count, computed once. */
export function getAuthorIndex(): Promise<IndexEntry[]> {
  authorList ??= getPapersByAuthor().then((byAuthor) => authorIndex(byAuthor.values()));
  return authorList;
}

const slugs = new Map<string, string>();

/** The slug of a name as written, remembered: every card and list links the same few names again. */
export function slugOfAuthor(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) slugs.set(name, (slug = authorSlug(name)));
  return slug;
}

const authorPlaces = new WeakMap<readonly string[], Map<string, number>>();

/**
 * Where the author of `slug` stands in a paper's list (0-based), for a shortened list that keeps
 * them visible (src/lib/author-list.ts); undefined when the list is shown whole anyway. Each
 * paper's places are found once: a paper of n authors is on n author pages.
 */
export function authorPlace(paper: Pick<Paper, 'data'>, slug: string): number | undefined {
  const { authors } = paper.data;
  if (authors.length <= LISTED_AUTHORS) return undefined;
  let places = authorPlaces.get(authors);
  if (!places) {
    places = new Map();
    for (const [index, name] of authors.entries()) {
      const own = slugOfAuthor(name);
      if (!places.has(own)) places.set(own, index);
    }
    authorPlaces.set(authors, places);
  }
  return places.get(slug);
}

const feedItems = new Map<string, FeedItem>();

/**
 * A paper as an item of the feed of the author of `slug` (text only, see textFeedItem), made once
 * per paper and build: the author feeds, one per author, list each paper several times. Its
 * authors are shortened as lists shorten them, that author kept (src/lib/author-list.ts).
 */
export function authorFeedItemOf(paper: Paper, slug: string): FeedItem {
  const cacheKey = `${paper.id}@${paper.digest}`;
  let item = feedItems.get(cacheKey);
  if (!item) feedItems.set(cacheKey, (item = textFeedItem(paper, { urls, topics: getTopics() })));
  const place = authorPlace(paper, slug);
  return place === undefined ? item : { ...item, ...feedAuthors(paper.data.authors, place) };
}

let topics: Topic[] | undefined;

/** The topic vocabulary, by label (as readers look a topic up: the Topics page, Subscribe, OPML, search). */
export function getTopics(): Topic[] {
  topics ??= loadTopics().sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return topics;
}

let topicLabels: Set<string> | undefined;

/**
 * Whether an author's name is also another link's name on the site's pages: a topic's label (the
 * author `Alpha` beside the topic chip `Alpha`) or one of the site's pages (`Topics`, in the
 * header). That author's links then also say they lead to an author (PaperMeta, AuthorIndex), as a
 * screen reader lists links by name alone.
 */
export function authorNameNeedsKind(name: string): boolean {
  topicLabels ??= new Set(getTopics().map((topic) => heard(topic.label)));
  return topicLabels.has(heard(name)) || readsAsSitePageTitle(name, siteConfig.title);
}

export function topicBySlug(slug: string): Topic {
  const topic = getTopics().find((candidate) => candidate.slug === slug);
  if (!topic) throw new Error(`Unknown topic ${slug}`);
  return topic;
}

/** A paper's BibTeX key and entries. */
export interface PaperBibtex {
  key: string;
  /** The entry, every author named: the paper's own `.bib`, its page, day and topic `.bib` files. */
  entry: string;
  /**
   * The entry with at most BIBTEX_LISTED_AUTHORS names, then `and others`: an author's `.bib`,
   * where a paper of n authors is listed n times (the same text as `entry` for most papers).
   */
  listedEntry: string;
}

let bibtex: Promise<Map<string, PaperBibtex>> | undefined;

/**
 * Every paper's BibTeX key and entries, computed once: keys are assigned over the whole digest
 * (see `assignCitationKeys`), so they are unique and do not depend on which page asks.
 */
export function getBibtex(): Promise<Map<string, PaperBibtex>> {
  bibtex ??= getPapers().then((all) => {
    const keys = assignCitationKeys(all);
    return new Map(
      all.map((paper) => {
        const key = keys.get(paper.id)!;
        const entry = bibtexEntry(paper, key);
        const listedEntry =
          paper.data.authors.length > BIBTEX_LISTED_AUTHORS
            ? bibtexEntry(paper, key, { maxAuthors: BIBTEX_LISTED_AUTHORS })
            : entry;
        return [paper.id, { key, entry, listedEntry }];
      }),
    );
  });
  return bibtex;
}

let related: Promise<Map<string, Paper[]>> | undefined;

/** The five papers most related to each paper (TF-IDF over title, abstract, topics), computed once. */
export function getRelated(): Promise<Map<string, Paper[]>> {
  related ??= getPapers().then((all) => {
    const byId = new Map(all.map((paper) => [paper.id, paper]));
    const scores = relatedPapers(
      all.map((paper) => ({ id: paper.id, title: paper.data.title, text: paper.text, topics: paper.data.tags })),
    );
    return new Map(
      all.map((paper) => [paper.id, (scores.get(paper.id) ?? []).map((other) => byId.get(other.id)!)] as const),
    );
  });
  return related;
}
