/**
 * Queries a demanding reader types, on a fixture written for them: a title with math, pasted as
 * the page shows it and as its TeX; a word with a Greek letter and its name; counts written in
 * other ways than the paper writes them; a name and its number joined; family names of several
 * words, cited and in the Author field, beside names that only have their words. Expectations
 * come from the fixture's files, read as a reader reads them, not from the search's output.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { titleText } from '../../src/lib/title-text.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { readPapers, type StaticServer, useSite } from './helpers.ts';
import { openAnsweredSearch, resultLinks } from './search-helpers.ts';

const CONTENT = 'tests/browser/fixtures/search-reader';
const urls = createUrls({ base: '/', site: 'https://digest.example.org' });
const papers = await readPapers(CONTENT);
const paper = (id: string) => papers.find((each) => each.id === id)!;
/** Its title has math; its abstract a 1.3B model, an α-divergence, 12,000 images, Llama 2, Mistral 7B and Qwen 2.5. */
const DIVERGENCE = paper('lattice-divergence-2024');
/** A 13B model and 12.4k prompts; its abstract names van der Maaten and de Freitas, its authors only their words. */
const SCALING = paper('lattice-scaling-2024');

let server: StaticServer;
let page: Page;

useSite(CONTENT, { onOpen: (site) => ({ server } = site), onPage: (fresh) => (page = fresh) });

const resultTitles = () => resultLinks(page).allTextContents();
/** A title as the results show it: its math as text (titleText). */
const shown = (title: string) => titleText(title);

/** The titles the search page lists for a query, once it has answered. */
async function titlesFor(q: string): Promise<string[]> {
  await openAnsweredSearch(page, `${server.origin}${urls.search()}?${new URLSearchParams({ q })}`);
  return resultTitles();
}

describe('the fixture', () => {
  it('writes what the queries below look for', () => {
    expect(DIVERGENCE.title).toContain('$');
    expect(DIVERGENCE.body).toMatch(/1\.3B.*α-divergence.*12,000.*Llama 2/su);
    expect(SCALING.body).toMatch(/van der Maaten.*de Freitas.*13B.*12\.4k/su);
    expect(DIVERGENCE.authors).toEqual(expect.arrayContaining(['Laurens van der Maaten', 'Nando de Freitas']));
    expect(SCALING.authors).toEqual(expect.arrayContaining(['Denise Freitas', 'Cun Le']));
  });
});

describe('a reader finds', () => {
  it.each([
    ['α-divergence', DIVERGENCE],
    ['alpha divergence', DIVERGENCE],
    ['1.3 billion', DIVERGENCE],
    ['1.3B', DIVERGENCE],
    ['13 billion', SCALING],
    ['12k', DIVERGENCE],
    ['12 thousand', DIVERGENCE],
    ['12,400', SCALING],
    ['Llama2', DIVERGENCE],
    // Cited by family name and year: its author's paper, not the paper of that year that names him.
    ['van der Maaten 2024', DIVERGENCE],
    ['(de Freitas, 2024)', DIVERGENCE],
  ])('%s: that paper alone', async (q, expected) => {
    expect(await titlesFor(q)).toEqual([shown(expected.title)]);
  });

  it.each([
    ['as the page shows it', titleText(DIVERGENCE.title)],
    ['as its TeX', DIVERGENCE.title],
  ])('a title with math pasted %s', async (_, q) => {
    expect(q).not.toBe('');
    expect(await titlesFor(q)).toEqual([shown(DIVERGENCE.title)]);
  });
});

describe('while the reader types', () => {
  it('a name and its number, Llama2, finds the paper that writes them apart', async () => {
    await page.goto(`${server.origin}${urls.search()}`);
    await page.locator('#search-q').pressSequentially('Llama2');
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
      .toMatch(/found for “Llama2”/);
    expect(await resultTitles()).toEqual([shown(DIVERGENCE.title)]);
  });
});

describe('the Author field, for a family name of several words', () => {
  it.each([
    ['de Freitas', 'Nando de Freitas'],
    ['Le Cun', 'Yann Le Cun'],
    ['vandermaaten', 'Laurens van der Maaten'],
  ])('suggests for %s only %s, and Enter filters by them', async (typed, name) => {
    await page.goto(`${server.origin}${urls.search()}`);
    const field = page.getByLabel('Author', { exact: true });
    await field.fill(typed);
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] .author').allTextContents(), { timeout: 10_000 })
      .toEqual([name]);
    await field.press('Enter');
    const byName = papers.filter((each) => each.authors.includes(name)).map((each) => shown(each.title));
    await expect.poll(resultTitles, { timeout: 10_000 }).toEqual(byName);
    expect(await page.locator('#search-status').textContent()).toContain(` by ${name}.`);
  });
});

describe('a name and its number typed joined, which the paper writes apart', () => {
  it.each(['YOLOv8', 'yolov8', 'YOLO-v8', 'YOLO v8'])('%s finds the paper that writes YOLO v8', async (q) => {
    expect(DIVERGENCE.body).toContain('YOLO v8');
    expect(await titlesFor(q)).toEqual([shown(DIVERGENCE.title)]);
  });
});

describe('a name and its count or decimal version typed joined, which the paper writes apart', () => {
  it.each([
    ['mistral7b', 'Mistral 7B'],
    ['Mistral7B', 'Mistral 7B'],
    ['MISTRAL-7B', 'Mistral 7B'],
    ['mistral 7b', 'Mistral 7B'],
    ['qwen2.5', 'Qwen 2.5'],
    ['Qwen-2.5', 'Qwen 2.5'],
    ['qwen 2.5', 'Qwen 2.5'],
  ])('%s finds the paper that writes %s', async (q, written) => {
    expect(DIVERGENCE.body).toContain(written);
    expect(await titlesFor(q)).toEqual([shown(DIVERGENCE.title)]);
  });
});
