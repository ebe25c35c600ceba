/**
 * A busy day, as a reader walks it: 66 papers on one digest day (more than a page of 50) and 8 on
 * the day before, written here. Every list that shows them (the day's pages, the home page, a
 * topic's and an author's pages, the digest's and the topics' feeds, the JSON Feed) and the
 * previous/next links of the paper pages must give the one order the README defines (newest digest
 * day first; within a day, newest first version first, a paper known only to its month after that
 * month's dated ones, undated papers last; then id descending), with nothing dropped or repeated
 * between one page and the next. The papers are made to tie: many share one first version's day,
 * some are known only to the month, some have no date at all.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildsDir, type BuildResult } from '../helpers/build.ts';

interface Written {
  id: string;
  date: string;
  arxiv?: string;
  published?: string;
  tags: string[];
}

const BUSY = '2025-03-10';
const BEFORE = '2025-03-09';

/** The fixture's papers: four kinds in turn on the busy day, every third also in topic beta. */
function fixturePapers(): Written[] {
  const papers: Written[] = [];
  for (let index = 0; index < 66; index++) {
    const id = `b${String(index).padStart(2, '0')}`;
    const tags = index % 3 === 0 ? ['alpha', 'beta'] : ['alpha'];
    const arxiv = `2502.${String(100 + index).padStart(5, '0')}`;
    const kind = index % 4;
    if (kind === 0)
      papers.push({ id, date: BUSY, arxiv, published: '2025-02-14', tags }); // a tie
    else if (kind === 1)
      papers.push({ id, date: BUSY, arxiv, tags }); // its month only
    else if (kind === 2)
      papers.push({
        id,
        date: BUSY,
        arxiv,
        published: `2025-02-${String(1 + ((index * 7) % 27)).padStart(2, '0')}`,
        tags,
      });
    else papers.push({ id, date: BUSY, tags }); // no date of its own
  }
  for (let index = 0; index < 8; index++) {
    papers.push({
      id: `c${index}`,
      date: BEFORE,
      arxiv: `2503.${String(100 + index).padStart(5, '0')}`,
      published: `2025-03-0${1 + index}`,
      tags: ['alpha', 'beta'],
    });
  }
  return papers;
}

function mdx(paper: Written): string {
  return [
    '---',
    `title: "Paper ${paper.id}"`,
    'authors:',
    '  - Shared Person',
    `date: "${paper.date}"`,
    ...(paper.arxiv ? [`arxiv: "${paper.arxiv}"`] : []),
    ...(paper.published ? [`published: "${paper.published}"`] : []),
    'tags:',
    ...paper.tags.map((tag) => `  - ${tag}`),
    '---',
    '',
    `Abstract of ${paper.id}.`,
    '',
  ].join('\n');
}

/**
 * The README's order, read afresh from the written fields (not src/lib/archive.ts): the first
 * version as `YYYY-MM-DD`, else the arXiv id's `YYYY-MM`, else nothing, compared as text.
 */
function expectedOrder(papers: Written[]): string[] {
  const firstVersion = (paper: Written) =>
    paper.published ?? (paper.arxiv ? `20${paper.arxiv.slice(0, 2)}-${paper.arxiv.slice(2, 4)}` : '');
  const newerFirst = (a: string, b: string) => (a === b ? 0 : a > b ? -1 : 1);
  return [...papers]
    .sort(
      (a, b) => newerFirst(a.date, b.date) || newerFirst(firstVersion(a), firstVersion(b)) || newerFirst(a.id, b.id),
    )
    .map((paper) => paper.id);
}

const papers = fixturePapers();
const order = expectedOrder(papers);
const ofDay = (date: string) => order.filter((id) => papers.find((paper) => paper.id === id)!.date === date);
const ofTopic = (tag: string) => order.filter((id) => papers.find((paper) => paper.id === id)!.tags.includes(tag));
let build: BuildResult;

beforeAll(async () => {
  await mkdir(buildsDir, { recursive: true });
  const content = await mkdtemp(join(buildsDir, 'busy-day-'));
  await mkdir(join(content, 'papers', '2025'), { recursive: true });
  await writeFile(
    join(content, 'topics.yaml'),
    '- slug: alpha\n  label: Alpha\n  description: Alpha things.\n- slug: beta\n  label: Beta\n  description: Beta things.\n',
  );
  for (const paper of papers) await writeFile(join(content, 'papers', '2025', `${paper.id}.mdx`), mdx(paper));
  build = await buildFixture(content);
});

const page = (path: string) => readFile(join(build.outDir, path, 'index.html'), 'utf8');
/** The papers a page's cards list, in order. */
const cards = (html: string) =>
  [...html.matchAll(/<article class="paper-card"[^]*?<a href="\/papers\/([^/"]+)\/"/g)].map((match) => match[1]!);
/** Every page of a list, from its first page's folder on, its cards in order, and how many pages. */
async function allPages(folder: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let number = 1;
  for (; existsSync(join(build.outDir, number === 1 ? folder : `${folder}${number}/`, 'index.html')); number++) {
    ids.push(...cards(await page(number === 1 ? folder : `${folder}${number}/`)));
  }
  return { ids, pages: number - 1 };
}
const feedItems = (xml: string) =>
  [...xml.matchAll(/<item>[^]*?<link>[^<]*\/papers\/([^/<]+)\/<\/link>/g)].map((match) => match[1]!);

describe('a day of 66 papers', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it("lists the day in the one order across its two pages, page 1's last and page 2's first neighbours", async () => {
    const { ids, pages } = await allPages('2025/03/10/');
    expect(pages).toBe(2);
    expect(ids).toEqual(ofDay(BUSY));
    expect(cards(await page(''))).toEqual(ofDay(BUSY).slice(0, 50));
    expect((await allPages('2025/03/09/')).ids).toEqual(ofDay(BEFORE));
  });

  it("gives a topic's and an author's pages the same order, over both days, dropping nothing", async () => {
    expect(await allPages('topics/alpha/')).toEqual({ ids: ofTopic('alpha'), pages: 2 });
    expect(await allPages('topics/beta/')).toEqual({ ids: ofTopic('beta'), pages: 1 });
    expect(await allPages('authors/shared-person/')).toEqual({ ids: order, pages: 2 });
  });

  it('puts the same order in the feeds: the whole newest day, then no paper of an older one', async () => {
    const rss = feedItems(await readFile(join(build.outDir, 'rss.xml'), 'utf8'));
    expect(rss).toEqual(ofDay(BUSY));
    const json = JSON.parse(await readFile(join(build.outDir, 'feed.json'), 'utf8')) as { items: { url: string }[] };
    expect(json.items.map((item) => item.url.split('/').at(-2))).toEqual(rss);
    const alpha = feedItems(await readFile(join(build.outDir, 'topics/alpha/rss.xml'), 'utf8'));
    expect(alpha).toEqual(ofTopic('alpha').filter((id) => ofDay(BUSY).includes(id)));
  });

  it("walks every paper with Next paper from the first, in the day pages' order, without a gap, and back", async () => {
    const walk = async (from: string, direction: 'older' | 'newer') => {
      const walked = [from];
      for (;;) {
        const html = await page(`papers/${walked.at(-1)}`);
        const to = new RegExp(`<a class="neighbour ${direction}" href="/papers/([^/"]+)/"`).exec(html)?.[1];
        if (!to) return walked;
        walked.push(to);
      }
    };
    // From the busy day's first paper over its two pages, on into the day before, to its last.
    const all = [...ofDay(BUSY), ...ofDay(BEFORE)];
    expect(await walk(all[0]!, 'older')).toEqual(all);
    expect(await walk(all.at(-1)!, 'newer')).toEqual(all.toReversed());
  });
});
