import { TOPICS_FILE } from '../content/paths.ts';
import { servedFile } from '../integrations/verify/links.ts';
import type { ExpectedOutput } from '../integrations/verify/outputs.ts';
import { pageCount } from '../lib/paginate.ts';
import { DIRECTORY_INDEX, directoryFile } from '../lib/search-authors.ts';
import { authorFilePaths, paperPaths } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';
import { authorPageFile, getAuthorPages } from './author-pages.ts';
import {
  getArchive,
  getAuthorIndex,
  getPapers,
  getPapersByAuthor,
  getPapersByTopic,
  getTopics,
  slugOfAuthor,
} from './papers.ts';
import { getSearchData } from './search.ts';
import { getSitemapChunks } from './sitemap.ts';
import { urls } from './urls.ts';

/**
 * Every file the build means to write (src/integrations/verify/outputs.ts checks them against
 * dist/), each with what it is written for, by the paths the routes use: urls.ts for pages and
 * feeds, paperPaths and authorFilePaths for the bundled files, and the search routes' file names.
 * Each paper, author, topic and day lists its own files, so two of them that land on one file
 * show as two claims on it. In the order the check reports clashes: the site's own files first,
 * so a paper's page that takes one of their paths is the one named second.
 */
export async function getExpectedOutputs(): Promise<ExpectedOutput[]> {
  const [papers, archive, byTopic, byAuthor, authorPages, authorIndex, search, sitemap] = await Promise.all([
    getPapers(),
    getArchive(),
    getPapersByTopic(),
    getPapersByAuthor(),
    getAuthorPages(),
    getAuthorIndex(),
    getSearchData(),
    getSitemapChunks(),
  ]);
  const outputs: ExpectedOutput[] = [];
  /** A URL path from urls.ts, as the file it is served from. */
  const add = (path: string, owner: string) => outputs.push({ file: servedFile(path, urls.base) ?? path, owner });

  const site = (what: string) => `the site's ${what}`;
  add(urls.home(), site('home page'));
  add(urls.base + '404.html', site('404 page'));
  for (const [path, what] of [
    [urls.archive(), 'archive'],
    [urls.topics(), 'list of topics'],
    [urls.search(), 'search page'],
    [urls.subscribe(), 'Subscribe page'],
    [urls.about(), 'About page'],
    [urls.saved(), 'reading list'],
    [urls.feed(), 'RSS feed'],
    [urls.jsonFeed(), 'JSON feed'],
    [urls.opml(), 'OPML list of feeds'],
    [urls.sitemap(), 'sitemap index'],
    [urls.robots(), 'robots.txt'],
  ] as const) {
    add(path, site(what));
  }
  const authorIndexPages = pageCount(authorIndex.length, siteConfig.authorIndexPageSize);
  for (let page = 1; page <= authorIndexPages; page++)
    add(urls.authors(page), site(`A–Z list of authors, page ${page}`));
  for (const { name } of sitemap) add(urls.sitemap(name), site(`sitemap chunk "${name}"`));
  add(urls.search() + 'topics.json', site("search's list of topics"));
  add(urls.search() + 'expansions.json', site("search's compound words and abbreviations"));
  add(urls.search() + 'arxiv/shards.json', site("search's list of arXiv shards"));
  add(`${urls.search()}authors/${DIRECTORY_INDEX}.json`, site("author directory's list of keys"));
  for (const initial of search.vocabulary.keys())
    add(`${urls.search()}words/${initial}.txt`, site(`search vocabulary "${initial}"`));

  for (const paper of papers) {
    for (const file of paperPaths(paper.id).files) outputs.push({ file, owner: paper.file });
  }
  for (const day of archive.days) {
    const owner = `the digest day ${day.date} (${day.papers[0]!.file})`;
    for (let page = 1; page <= pageCount(day.papers.length, siteConfig.pageSize); page++)
      add(urls.day(day.date, page), owner);
    add(urls.dayBib(day.date), owner);
  }
  for (const month of archive.months) {
    const first = month.days[0]!.papers[0]!;
    add(urls.month(month.year, month.month), `the month ${first.data.date.slice(0, 7)} (${first.file})`);
  }
  for (const year of archive.years) {
    const first = year.months[0]!.days[0]!.papers[0]!;
    add(urls.year(year.year), `the year ${first.data.date.slice(0, 4)} (${first.file})`);
  }
  for (const topic of getTopics()) {
    const owner = `the topic "${topic.slug}" (${TOPICS_FILE})`;
    const count = pageCount(byTopic.get(topic.slug)?.length ?? 0, siteConfig.pageSize);
    for (let page = 1; page <= count; page++) add(urls.topic(topic.slug, page), owner);
    add(urls.topicFeed(topic.slug), owner);
    add(urls.topicBib(topic.slug), owner);
  }
  const authorOwner = (slug: string, written?: string) => {
    const author = byAuthor.get(slug);
    return author ? `the author "${author.name}" (${author.papers[0]!.file})` : `the author "${written ?? slug}"`;
  };
  for (const entry of authorPages) {
    outputs.push({ file: authorPageFile(entry), owner: authorOwner(entry.author.slug) });
  }
  for (const slug of byAuthor.keys()) {
    const { feed, bib } = authorFilePaths(slug);
    outputs.push({ file: feed, owner: authorOwner(slug) }, { file: bib, owner: authorOwner(slug) });
  }
  for (const [shard, entries] of search.arxiv) {
    add(
      `${urls.search()}arxiv/${shard}.json`,
      `the search's arXiv ids of shard "${shard}" (${Object.keys(entries)[0]})`,
    );
  }
  for (const [key, entries] of search.authors) {
    const [name] = entries[0]!;
    add(
      `${urls.search()}authors/${directoryFile(key)}.json`,
      `the author directory's names under "${key}" (${authorOwner(slugOfAuthor(name), name)}, …)`,
    );
  }
  return outputs;
}
