/**
 * Lists at their edges, as a reader walks them, with 3 papers a page: a list of exactly one page
 * (3 papers) and of one paper more (4), for a digest day, a topic and an author; the home page
 * when the latest day fills exactly one page; previous/next links over empty days, months and a
 * year's end; and the 404 page. The fixture is written here:
 *   2025-01-02: t1 t2 t3 (topic three; Ann Three and Bo Four) — the latest day, exactly a page
 *   2025-01-01: f1 f2 f3 f4 (topic four; Cy Four; f1 also Bo Four) — one paper more than a page
 *   2024-12-28: g1 · 2024-10-05: g2 (topic other): empty days and an empty November between
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildsDir, type BuildResult } from '../helpers/build.ts';

interface Written {
  id: string;
  date: string;
  tag: string;
  authors: string[];
}

const papers: Written[] = [
  ...['t1', 't2', 't3'].map((id) => ({ id, date: '2025-01-02', tag: 'three', authors: ['Ann Three', 'Bo Four'] })),
  { id: 'f1', date: '2025-01-01', tag: 'four', authors: ['Cy Four', 'Bo Four'] },
  ...['f2', 'f3', 'f4'].map((id) => ({ id, date: '2025-01-01', tag: 'four', authors: ['Cy Four'] })),
  { id: 'g1', date: '2024-12-28', tag: 'other', authors: ['Di Other'] },
  { id: 'g2', date: '2024-10-05', tag: 'other', authors: ['Di Other'] },
];

const mdx = (paper: Written) =>
  [
    '---',
    `title: "Paper ${paper.id}"`,
    'authors:',
    ...paper.authors.map((author) => `  - ${author}`),
    `date: "${paper.date}"`,
    'tags:',
    `  - ${paper.tag}`,
    '---',
    '',
    `Abstract of ${paper.id}.`,
    '',
  ].join('\n');

let build: BuildResult;

beforeAll(async () => {
  await mkdir(buildsDir, { recursive: true });
  const content = await mkdtemp(join(buildsDir, 'page-edges-'));
  for (const year of ['2024', '2025']) await mkdir(join(content, 'papers', year), { recursive: true });
  await writeFile(
    join(content, 'topics.yaml'),
    ['three', 'four', 'other']
      .map((slug) => `- slug: ${slug}\n  label: ${slug}\n  description: The ${slug} papers.\n`)
      .join(''),
  );
  for (const paper of papers) {
    await writeFile(join(content, 'papers', paper.date.slice(0, 4), `${paper.id}.mdx`), mdx(paper));
  }
  build = await buildFixture(content, { env: { PAPER_DIGEST_PAGE_SIZE: '3' } });
});

const exists = (path: string) => existsSync(join(build.outDir, path, 'index.html'));
const page = async (path: string): Promise<Root> =>
  fromHtml(await readFile(join(build.outDir, path, 'index.html'), 'utf8'));
const said = (node: Root | Element) => toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
/** What a page says a reader can do and see: its cards' papers, its pager's status and its links. */
async function read(path: string) {
  const tree = await page(path);
  const facts = {
    cards: [] as string[],
    status: '',
    summary: '',
    rel: [] as string[],
    navs: {} as Record<string, string>,
  };
  visit(tree, 'element', (node: Element) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    if (classes.includes('paper-card')) {
      let href = '';
      visit(node, 'element', (link: Element) => {
        if (!href && link.tagName === 'a') href = String(link.properties.href);
      });
      facts.cards.push(href.replace(/^\/papers\/|\/$/g, ''));
    }
    if (classes.includes('pager-status')) facts.status = said(node);
    if (classes.includes('page-summary') || (classes.includes('count') && !facts.summary)) facts.summary = said(node);
    const rel = node.properties.rel;
    if (Array.isArray(rel) && (rel.includes('prev') || rel.includes('next')))
      facts.rel.push(`${rel.join(' ')} ${String(node.properties.href)}`);
    if (node.tagName === 'nav' && typeof node.properties.ariaLabel === 'string')
      facts.navs[node.properties.ariaLabel] = said(node);
  });
  return facts;
}

describe('lists at their edges (3 papers a page)', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('gives a list of exactly one page one page, with no pager and no page 2', async () => {
    for (const path of ['2025/01/02', 'topics/three', 'authors/ann-three']) {
      const facts = await read(path);
      expect(facts.cards, path).toEqual(['t3', 't2', 't1']);
      expect(facts.status, path).toBe('');
      expect(facts.summary, path).not.toMatch(/page \d/);
      // toContainEqual: toContain compares with ===, so a matcher given to it never matches.
      expect(Object.keys(facts.navs), path).not.toContainEqual(expect.stringMatching(/^Pages of/));
      expect(exists(`${path}/2`), path).toBe(false);
    }
  });

  it('gives a list of one paper more a second page with that paper, each page linking the other', async () => {
    for (const [path, scope] of [
      ['2025/01/01', 'day'],
      ['topics/four', 'topic'],
      ['authors/cy-four', 'author'],
    ] as const) {
      const first = await read(path);
      const second = await read(`${path}/2`);
      expect([...first.cards, ...second.cards], path).toEqual(['f4', 'f3', 'f2', 'f1']);
      expect(second.cards, path).toHaveLength(1);
      expect(first.status, path).toBe('Page 1 of 2: papers 1–3 of 4');
      expect(second.status, path).toBe('Page 2 of 2: paper 4 of 4');
      expect(first.navs[`Pages of this ${scope}`], path).toContain(`Page 2 of this ${scope}`);
      expect(second.navs[`Pages of this ${scope}`], path).toContain(`Page 1 of this ${scope}`);
      expect(first.rel, path).toContain(`next /${path}/2/`);
      expect(second.rel, path).toContain(`prev /${path}/`);
      expect(exists(`${path}/3`), path).toBe(false);
    }
    // An author of papers on two days: newest day first, nothing dropped.
    const bo = await read('authors/bo-four');
    const boSecond = await read('authors/bo-four/2');
    expect([...bo.cards, ...boSecond.cards]).toEqual(['t3', 't2', 't1', 'f1']);
  });

  it('shows the latest day whole on the home page when it fills exactly a page, with no link to a page 2', async () => {
    const home = await read('');
    expect(home.cards).toEqual(['t3', 't2', 't1']);
    const html = await readFile(join(build.outDir, 'index.html'), 'utf8');
    expect(html).not.toContain('Page 2 of this day');
    expect(html).not.toContain('href="/2025/01/02/2/"');
  });

  it('links each day, month and year to the nearest one with papers, over empty ones and a year’s end', async () => {
    const days = ['2025/01/02', '2025/01/01', '2024/12/28', '2024/10/05'];
    for (const [index, day] of days.entries()) {
      const nav = (await read(day)).navs['Other days'] ?? '';
      const link = async (rel: string) => {
        const html = await readFile(join(build.outDir, day, 'index.html'), 'utf8');
        const other = new RegExp(
          `<nav[^>]*aria-label="Other days"[^>]*>[^]*?<a class="neighbour ${rel}" href="([^"]+)"`,
        ).exec(html);
        return other?.[1];
      };
      expect(await link('newer'), `${day} newer`).toBe(index > 0 ? `/${days[index - 1]}/` : undefined);
      expect(await link('older'), `${day} older`).toBe(index < days.length - 1 ? `/${days[index + 1]}/` : undefined);
      if (index === 0) expect(nav).not.toContain('Newer day');
    }
    const months = ['2025/01', '2024/12', '2024/10'];
    for (const [index, month] of months.entries()) {
      const nav = (await read(month)).navs['Other months'] ?? '';
      if (index > 0) expect(nav, month).toContain(`Newer month`);
      if (index < months.length - 1) expect(nav, month).toContain(`Older month`);
      const html = await readFile(join(build.outDir, month, 'index.html'), 'utf8');
      const hrefs = [...html.matchAll(/<a class="neighbour (newer|older)" href="([^"]+)"/g)].map((match) => match[2]);
      expect(hrefs, month).toEqual([months[index - 1], months[index + 1]].filter(Boolean).map((other) => `/${other}/`));
    }
    expect(exists('2024/11')).toBe(false);
    const years = ['2025', '2024'];
    for (const [index, year] of years.entries()) {
      const html = await readFile(join(build.outDir, year, 'index.html'), 'utf8');
      const hrefs = [...html.matchAll(/<a class="neighbour (newer|older)" href="([^"]+)"/g)].map((match) => match[2]);
      expect(hrefs, year).toEqual([years[index - 1], years[index + 1]].filter(Boolean).map((other) => `/${other}/`));
    }
  });

  it('has a 404 page that says so and links the ways back into the digest', async () => {
    const html = await readFile(join(build.outDir, '404.html'), 'utf8');
    const tree = fromHtml(html);
    const headings: string[] = [];
    const links: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1') headings.push(said(node));
      if (node.tagName === 'a') links.push(String(node.properties.href));
    });
    expect(headings).toEqual(['Page not found']);
    for (const path of ['/', '/search/', '/topics/', '/archive/', '/authors/']) expect(links).toContain(path);
    // Not to be indexed as a page of the digest.
    expect(html).toMatch(/<meta name="robots" content="noindex/);
  });
});
