/**
 * Year filter, date sort, math words and numbers however written, on a small fixture that spans several years, served at
 * the root of its origin (base path `/`). The seed test covers a base path.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';
import { type PageWatch, readPapers, settled, type StaticServer, useSite } from './helpers.ts';
import { resultLinks } from './search-helpers.ts';

const CONTENT = 'tests/browser/fixtures/search';
const urls = createUrls({ base: '/', site: 'https://digest.example.org' });
const papers = await readPapers(CONTENT);
/** Every fixture paper says "lattice". */
const WORD = 'lattice';
const byDate = (order: 'newest' | 'oldest') =>
  [...papers].sort((a, b) => (order === 'newest' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));

let server: StaticServer;
let page: Page;
let watch: PageWatch;

useSite(CONTENT, {
  onOpen: (site) => ({ server } = site),
  onPage: (fresh, freshWatch) => ((page = fresh), (watch = freshWatch)),
});

const titles = () => resultLinks(page).allTextContents();

async function waitForTitles(expected: string[]): Promise<void> {
  await expect.poll(titles, { timeout: 10_000 }).toEqual(expected);
}

describe('the fixture', () => {
  it('spans several years, and every paper says the word', () => {
    expect(new Set(papers.map((paper) => paper.date.slice(0, 4))).size).toBeGreaterThan(2);
    for (const paper of papers) expect(`${paper.title} ${paper.body}`.toLowerCase()).toContain(WORD);
  });
});

describe('the search page at the site root', () => {
  it('sorts by date, newest or oldest first', async () => {
    await page.goto(`${server.origin}${urls.search()}?q=${WORD}`);
    await expect.poll(async () => (await titles()).length, { timeout: 10_000 }).toBe(papers.length);

    await page.getByLabel('Order').selectOption({ label: 'Newest first' });
    await waitForTitles(byDate('newest').map((paper) => paper.title));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');

    await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
    await waitForTitles(byDate('oldest').map((paper) => paper.title));

    const hrefs = await page
      .locator('.search-result-title a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(byDate('oldest').map((paper) => urls.paper(paper.id)));
  });

  it('narrows by year, with or without words', async () => {
    const year = '2024';
    const inYear = byDate('newest').filter((paper) => paper.date.startsWith(year));
    expect(inYear.length).toBeGreaterThan(1);

    await page.goto(`${server.origin}${urls.search()}?q=${WORD}&sort=newest`);
    await waitForTitles(byDate('newest').map((paper) => paper.title));
    await page.getByLabel('Year').selectOption(year);
    await waitForTitles(inYear.map((paper) => paper.title));
    expect(new URL(page.url()).searchParams.get('year')).toBe(year);

    // A year alone lists that year's papers, newest first.
    await page.goto(`${server.origin}${urls.search()}?year=${year}`);
    await waitForTitles(inYear.map((paper) => paper.title));
    // The status names the filter it searched by.
    expect(await page.locator('#search-status').textContent()).toBe(`${inYear.length} papers found in year ${year}.`);
  });

  it('offers only the years and topics that have papers', async () => {
    await page.goto(server.origin + urls.search());
    const years = await page
      .locator('#search-year option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(years).toEqual([...new Set(byDate('newest').map((paper) => paper.date.slice(0, 4)))]);
    const topics = await page
      .locator('#search-topic option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(topics.sort()).toEqual([...new Set(papers.flatMap((paper) => paper.tags))].sort());
  });

  it('finds a paper by a word that appears only in its math', async () => {
    // `softmax` is only ever written as \operatorname{softmax}: it is found through the MathML text.
    const inMath = papers.filter((paper) => paper.body.includes('\\operatorname{softmax}'));
    expect(inMath.length).toBe(1);
    expect(papers.some((paper) => /softmax/i.test(paper.body.replace(/\\operatorname\{softmax\}/g, '')))).toBe(false);

    await page.goto(`${server.origin}${urls.search()}?q=softmax`);
    await waitForTitles(inMath.map((paper) => paper.title));
  });

  it('a result link opens the paper', async () => {
    const [paper] = byDate('oldest');
    await page.goto(`${server.origin}${urls.search()}?q=${WORD}&sort=oldest`);
    await waitForTitles(byDate('oldest').map((entry) => entry.title));
    await page.locator('.search-result-title a').first().click();
    await page.waitForURL(server.origin + urls.paper(paper!.id));
    expect(await page.locator('h1').textContent()).toBe(paper!.title);
  });
});

describe('old-style arXiv ids', () => {
  // The fixture's one paper with an arXiv id, written with its subject class: math.GT/0309136.
  const knots = papers.find((paper) => paper.id === 'lattice-knots-2022');

  it.each([
    'math.GT/0309136',
    'math/0309136',
    'math/0309136v2',
    'arXiv:math.GT/0309136',
    'https://arxiv.org/abs/math/0309136v1',
  ])('%s opens that paper alone', async (query) => {
    expect(knots).toBeDefined();
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: query })}`);
    await waitForTitles([knots!.title]);
    expect(await page.locator('.search-result-title a').getAttribute('href')).toBe(urls.paper(knots!.id));
  });
});

describe('a name written out', () => {
  // The fixture's Jonas Mueller (on lattice-momentum-2025) writes his name's umlaut out; a reader may type it (Müller).
  const momentum = papers.find((paper) => paper.id === 'lattice-momentum-2025');

  it.each(['Müller', 'Mueller', 'Mu\u0308ller'])('%s finds the paper that writes Mueller', async (query) => {
    expect(momentum).toBeDefined();
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: query })}`);
    await waitForTitles([momentum!.title]);
  });
});

describe('the pasted address of a paper without an arXiv id', () => {
  // Only lattice-knots-2022 has an arXiv id: the others' pages are named for their file names.
  const kernels = papers.find((paper) => paper.id === 'lattice-kernels-2023');
  const address = (id: string) => urls.absolute(urls.paper(id));

  it('opens that paper alone, on the search page and in the header box', async () => {
    expect(kernels).toBeDefined();
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: address(kernels!.id) })}`);
    await waitForTitles([kernels!.title]);
    expect(await page.locator('.search-result-title a').getAttribute('href')).toBe(urls.paper(kernels!.id));

    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(address(kernels!.id));
    const preview = page.locator('[data-search-preview] li a');
    await expect.poll(() => preview.allTextContents(), { timeout: 10_000 }).toEqual([kernels!.title]);
  });

  it('finds none when the digest has no paper of that name, and asks for no file that is not there', async () => {
    // The test's watch fails it on a console error or a failed request (a 404 is both).
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: address('no-such-paper') })}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/No paper/);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    expect(await status.textContent()).toContain('no-such-paper');
  });
});

describe('a number however it is written', () => {
  // The fixture writes one thousandth as 1e-3, $10^{-3}$ and 0.001, in three papers.
  const thousandth = papers.filter((paper) => /1e-3|10\^\{-3\}|0\.001/.test(paper.body));

  it.each(['0.001', '1e-3', '10^{-3}', '10^-3', '1 \\times 10^{-3}'])('%s finds each way', async (query) => {
    expect(thousandth.length).toBe(3);
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: query })}`);
    await expect
      .poll(async () => (await titles()).sort(), { timeout: 10_000 })
      .toEqual(thousandth.map((paper) => paper.title).sort());
  });
});
