/**
 * Search on the seed digest, served under a base path (`/digest/`), in Debian's Chromium.
 * Expectations come from the content files, never from the build's own output.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { type PageWatch, readPapers, readTopicLabels, settled, type StaticServer, useSite } from './helpers.ts';
import { revealTex } from '../../src/lib/search-query.ts';
import {
  excerptText,
  expectedIndexText,
  openAnsweredSearch,
  resultLinks,
  searchIndex,
  skeleton,
} from './search-helpers.ts';

const BASE = '/digest/';
const urls = createUrls({ base: BASE, site: 'https://digest.example.org' });
const papers = await readPapers('content');
const labels = await readTopicLabels('content');
const labelOf = (slug: string) => labels.get(slug) ?? slug;

/** The papers whose title or abstract mention Kolmogorov: what searching "Kolmogorov" must find. */
const kolmogorov = papers.filter((paper) => /kolmogorov/i.test(`${paper.title}\n${paper.body}`));
/** Papers whose abstract has TeX math. */
const withMath = papers.filter((paper) => /\$/.test(paper.body));

let build: BuildResult;
let server: StaticServer;
let page: Page;
let watch: PageWatch;

useSite('content', {
  base: BASE,
  onOpen: (site) => ({ build, server } = site),
  onPage: (fresh, freshWatch) => ((page = fresh), (watch = freshWatch)),
});

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u);
const pagefindRequests = (requests: readonly string[]) => requests.filter((url) => url.includes('/pagefind/'));
const headerBox = () => page.getByRole('searchbox', { name: 'Search papers' });
const resultTitles = () => resultLinks(page).allTextContents();

/** Waits until the search page has rendered results for its current query. */
async function waitForResults(count: number): Promise<void> {
  await expect.poll(() => page.locator('[data-search-results] > li').count(), { timeout: 10_000 }).toBe(count);
}

/** The letters TeX names, which the index keeps as words (as README's search paragraph says). */
const LETTER_COMMAND =
  /^(var)?(alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega|ell)$/i;

describe('the seed', () => {
  it('has papers that mention Kolmogorov, some with math', () => {
    expect(kolmogorov.length).toBeGreaterThan(1);
    expect(withMath.length).toBeGreaterThan(0);
  });
});

describe('the search index', () => {
  it('holds exactly the paper pages, with their title, date, topics and year', async () => {
    const entry = JSON.parse(await readFile(join(build!.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pageCount = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(pageCount).toBe(papers.length);

    await page.goto(server.origin + urls.search());
    const indexed = await searchIndex(page, server.url, null);
    expect(indexed.map((entry) => entry.url).sort()).toEqual(papers.map((paper) => urls.paper(paper.id)).sort());
    for (const paper of papers) {
      const entry = indexed.find((candidate) => candidate.url === urls.paper(paper.id));
      expect(entry?.meta.title, paper.id).toBe(paper.title);
      expect(entry?.meta.date, paper.id).toBe(paper.date);
      expect(entry?.filters.year, paper.id).toEqual([paper.date.slice(0, 4)]);
      expect([...(entry?.filters.topic ?? [])].sort(), paper.id).toEqual(paper.tags.map(labelOf).sort());
    }
  });

  it('indexes each formula once, as its TeX between dollars: no KaTeX markup, no duplicate rendering', async () => {
    await page.goto(server.origin + urls.search());
    const indexed = await searchIndex(page, server.url, null);
    const spaced = (text: string) => text.replace(/\s+/g, ' ');
    for (const paper of withMath) {
      const entry = indexed.find((candidate) => candidate.url === urls.paper(paper.id));
      expect(entry, paper.id).toBeDefined();
      expect(entry!.content, paper.id).not.toMatch(/katex/i);
      const expected = await expectedIndexText(page, server.origin + urls.paper(paper.id));
      // Same letters in the same order as the page's indexed text; duplicated formulas would differ.
      expect(skeleton(entry!.content), paper.id).toBe(skeleton(expected));
      // Each formula of the source, as its TeX (command names kept out of the words, see revealTex).
      const content = spaced(revealTex(entry!.content));
      for (const [formula] of paper.body.matchAll(/\$\$[\s\S]+?\$\$|\$[^$]+\$/g)) {
        const tex = formula.startsWith('$$')
          ? `$$${formula.slice(2, -2).trim()}$$`
          : `$${formula.slice(1, -1).trim()}$`;
        expect(content, paper.id).toContain(spaced(tex));
      }
    }
  });

  it('holds no TeX command names as words but the letters TeX names (a formula is indexed with its command names hidden)', async () => {
    await page.goto(server.origin + urls.search());
    const indexed = await searchIndex(page, server.url, null);
    for (const paper of withMath) {
      // Greek letters and \ell are searched by name (`sigma` finds `$\sigma$`).
      const commands = new Set(
        [...paper.body.matchAll(/\\([a-zA-Z]{3,})/g)]
          .map((match) => match[1]!.toLowerCase())
          .filter((name) => !LETTER_COMMAND.test(name)),
      );
      // What a reader sees on the page: operator names such as `log` or `max` are visible words.
      await page.goto(server.origin + urls.paper(paper.id));
      const visible = new Set(wordsOf(await page.locator('[data-pagefind-body]').innerText()));
      const content = indexed.find((candidate) => candidate.url === urls.paper(paper.id))?.content ?? '';
      const tex = wordsOf(content).filter((word) => commands.has(word) && !visible.has(word));
      expect(tex, paper.id).toEqual([]);
    }
  });
});

describe('pages nobody searches from', () => {
  const pages = () => [
    ['home', urls.home()],
    ['a paper with math', urls.paper(withMath[0]!.id)],
    ['the search page without a query', urls.search()],
  ];

  it.each(pages())('%s loads nothing of Pagefind, even with the box focused', async (_name, path) => {
    const before = server.requests.length;
    await page.goto(server.origin + path);
    await settled(watch);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    // What the focus sets off (the search code) has loaded, and a second has passed without a request.
    await settled(watch, { quiet: 1_000 });
    expect(pagefindRequests(watch.requests)).toEqual([]);
    expect(pagefindRequests(server.requests.slice(before))).toEqual([]);
    // Nor what the first search fetches beside Pagefind.
    expect(server.requests.slice(before).filter((path) => path.endsWith('/search/expansions.json'))).toEqual([]);
  });

  it('load the search code as an external module, never inlined (a strict CSP allows no inline script)', async () => {
    for (const [, path] of pages()) {
      await page.goto(server.origin + path);
      const inline = await page.locator('script:not([src])').allTextContents();
      for (const code of inline) expect(code, path).not.toMatch(/pagefind|data-search/);
      expect(await page.locator('script[type="module"][src]').count(), path).toBeGreaterThan(0);
    }
  });
});

describe('the header search box', () => {
  it('moves through the preview with the arrow keys, and back to the box', async () => {
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    const preview = page.locator('[data-search-preview]');
    await expect.poll(() => preview.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const titles = await preview.locator('li a').allTextContents();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => headerBox().evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('loads its code only when the reader may search: every page but /search/ is lighter for it', async () => {
    // The search code's own chunk (the query reading, the preview), not search-authors' or search-boot's.
    const searchCode = () => watch.requests.filter((url) => /\/_astro\/search\.[\w-]+\.js$/.test(url));
    await page.goto(server.origin + urls.paper(papers[0]!.id));
    await settled(watch, { quiet: 1_000 });
    expect(searchCode(), 'search code fetched before any reader action').toEqual([]);
    // Words typed at once after "/", while the code is still on its way, are searched all the same.
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
      .toBe(`${kolmogorov.length} papers found.`);
    expect(searchCode()).toHaveLength(1);
  });

  it('keeps a preview the reader closed closed when the pointer first comes over the box', async () => {
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    const preview = page.locator('[data-search-preview]');
    await expect.poll(() => preview.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => preview.isVisible()).toBe(false);
    await headerBox().hover();
    // What the box would do has had time to happen: a search answers in well under a second here.
    await settled(watch, { quiet: 1_000 });
    expect(await preview.isVisible()).toBe(false);
  });

  it('previews words typed into a box focused before its script ran', async () => {
    // The boot script is held back until the reader has clicked into the box: no focus event is left for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/SearchBox\.astro_astro_type_script/, async (route) => {
      await released;
      await route.continue();
    });
    const loaded = page.goto(server.origin + urls.home());
    await headerBox().focus();
    release();
    await loaded;
    await page.keyboard.type('Kolmogorov');
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
      .toBe(`${kolmogorov.length} papers found.`);
  });

  it('loads the search code again after a failed load (a deploy replaced it), on the next focus', async () => {
    let failed = false;
    await page.route(/\/_astro\/search\.[\w-]+\.js$/, async (route) => {
      if (failed) return route.continue();
      failed = true;
      await route.abort();
    });
    await page.goto(server.origin + urls.home());
    await settled(watch);
    await headerBox().focus();
    await expect.poll(() => failed).toBe(true);
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
      .toBe(`${kolmogorov.length} papers found.`);
    // The refused request was this test's own doing.
    watch.failures.splice(
      0,
      watch.failures.length,
      ...watch.failures.filter((failure) => !/\/_astro\/search\./.test(failure)),
    );
    watch.consoleErrors.splice(0, watch.consoleErrors.length);
  });

  it('is focused by "/" from anywhere, but "/" still types in a field', async () => {
    await page.goto(server.origin + urls.paper(papers[0]!.id));
    await page.keyboard.press('/');
    await expect.poll(() => headerBox().evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('a/b');
    expect(await headerBox().inputValue()).toBe('a/b');
  });

  it('finds the Kolmogorov–Arnold papers, then opens the search page on Enter', async () => {
    await page.goto(server.origin + urls.home());
    await settled(watch);
    const before = server.requests.length;
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    const preview = page.locator('[data-search-preview]');
    await expect.poll(() => preview.locator('li').count(), { timeout: 10_000 }).toBe(Math.min(kolmogorov.length, 5));
    const previewTitles = await preview.locator('li a').allTextContents();
    for (const title of previewTitles) expect(kolmogorov.map((paper) => paper.title)).toContain(title);
    expect(await page.locator('.search-box [role="status"]').textContent()).toBe(`${kolmogorov.length} papers found.`);

    // Everything Pagefind fetched came from under the base path.
    const fetched = pagefindRequests(server.requests.slice(before));
    expect(fetched.length).toBeGreaterThan(0);
    for (const path of fetched) expect(path.startsWith(`${BASE}pagefind/`), path).toBe(true);
    await page.waitForTimeout(200);
    const bytes = [...watch.bytes]
      .filter(([url]) => url.includes('/pagefind/'))
      .reduce((sum, [, size]) => sum + size, 0);
    console.info(`one-word search from the header: ${fetched.length} Pagefind requests, ${bytes} bytes`);
    expect(bytes).toBeLessThan(300_000);

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === urls.search() && url.searchParams.get('q') === 'Kolmogorov');
    await waitForResults(kolmogorov.length);
    expect((await resultTitles()).sort()).toEqual(kolmogorov.map((paper) => paper.title).sort());
    const hrefs = await page
      .locator('.search-result-title a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort()).toEqual(kolmogorov.map((paper) => urls.paper(paper.id)).sort());
  });

  it('has a Search button, next after the box in tab order, shown while it has focus', async () => {
    await page.goto(server.origin + urls.paper(papers[0]!.id));
    await settled(watch);
    const button = page.locator('.search-box').getByRole('button', { name: 'Search' });
    const width = () => button.evaluate((element) => element.getBoundingClientRect().width);
    expect(await width()).toBeLessThanOrEqual(1);
    await headerBox().fill('Kolmogorov');
    // The preview's fetches finish first: leaving the page would cut them off.
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
      .toBe(`${kolmogorov.length} papers found.`);
    await settled(watch, { quiet: 1_000 });
    await headerBox().press('Tab');
    await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await width()).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === urls.search() && url.searchParams.get('q') === 'Kolmogorov');
    await waitForResults(kolmogorov.length);
  });

  it('is cleared by Esc', async () => {
    await page.goto(server.origin + urls.home());
    await page.keyboard.press('/');
    await page.keyboard.type('Kolmogorov');
    await expect.poll(() => page.locator('[data-search-preview] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await headerBox().inputValue()).toBe('');
    expect(await page.locator('[data-search-preview]').isHidden()).toBe(true);
  });
});

describe('the search page', () => {
  it.each(['the of and', 'THE OF AND', 'a an the of'])(
    'says a query of only common words (%s) has them, rather than list every paper',
    async (q) => {
      // Every seed paper has these words: a list of them all would answer nothing.
      expect(papers.every((paper) => /\bthe\b/i.test(paper.body) && /\bof\b/i.test(paper.body))).toBe(true);
      await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q })}`);
      const status = page.locator('#search-status');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/only words nearly every paper has/);
      expect(await page.locator('[data-search-results] li').count()).toBe(0);
      // The answer needs no index: nothing of Pagefind is fetched for it, then or later.
      await settled(watch, { quiet: 1_000 });
      expect(pagefindRequests(watch.requests)).toEqual([]);
      // The next query, which needs it, loads it and is answered: Pagefind's first request is its.
      const typed = watch.requests.length;
      await page.locator('#search-q').fill('Kolmogorov');
      await page.locator('#search-q').press('Enter');
      await waitForResults(kolmogorov.length);
      expect(pagefindRequests(watch.requests.slice(0, typed))).toEqual([]);
      expect(pagefindRequests(watch.requests.slice(typed)).length).toBeGreaterThan(0);
      // The header box says the same, and fetches nothing of Pagefind either. Leaving waits for the
      // page's last request: the vocabulary the typed word asked for may still be on its way.
      await settled(watch);
      await page.goto(server.origin + urls.home());
      watch.requests.length = 0;
      await headerBox().fill(q);
      await expect
        .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
        .toMatch(/only words nearly every paper has/);
      expect(await page.locator('[data-search-preview] li').count()).toBe(0);
      await settled(watch, { quiet: 1_000 });
      expect(pagefindRequests(watch.requests)).toEqual([]);
      const boxTyped = watch.requests.length;
      await headerBox().fill('Kolmogorov');
      await expect
        .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
        .toBe(`${kolmogorov.length} papers found.`);
      expect(pagefindRequests(watch.requests.slice(0, boxTyped))).toEqual([]);
      expect(pagefindRequests(watch.requests.slice(boxTyped)).length).toBeGreaterThan(0);
    },
  );

  // Vancouver style, as PubMed cites: the family name, then the initials run together.
  it.each([
    ['Kolter JZ', 'J. Zico Kolter'],
    ['Hsieh CJ', 'Cho-Jui Hsieh'],
    ['Rawat AS', 'Ankit Singh Rawat'],
  ])('takes a name cited Vancouver style in the Author field: %s', async (typed, name) => {
    const byName = papers.filter((paper) => paper.authors.includes(name));
    expect(byName.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}${urls.search()}`);
    const field = page.getByLabel('Author', { exact: true });
    await field.fill(typed);
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] .author').allTextContents(), { timeout: 10_000 })
      .toEqual([name]);
    await field.press('Enter');
    await waitForResults(byName.length);
    expect((await resultTitles()).sort()).toEqual(byName.map((paper) => paper.title).sort());
    expect(await page.locator('#search-status').textContent()).toContain(` by ${name}.`);
  });

  // In capitals, a common word is an acronym (the United States, information technology).
  it.each(['US', 'IT', 'US IT'])('searches words in capitals (%s), in both boxes', async (q) => {
    const withWord = papers.filter((paper) =>
      q.split(' ').every((word) => new RegExp(`\\b${word}\\b`, 'i').test(`${paper.title} ${paper.body}`)),
    );
    expect(withWord.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q })}`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^\\d+ papers? found for “${q}”`));
    await page.goto(server.origin + urls.home());
    await headerBox().fill(q);
    await expect.poll(() => page.locator('[data-search-preview] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('still searches common words beside another word, or quoted as a phrase', async () => {
    const withPhrase = papers.filter((paper) => /\bof the\b/i.test(`${paper.title} ${paper.body}`));
    expect(withPhrase.length).toBeGreaterThan(0);
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: '"of the"' })}`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(/found/);
    expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ papers? found/);
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: 'the Kolmogorov' })}`);
    await waitForResults(kolmogorov.length);
  });

  it('says what a query can hold, and its examples do it', async () => {
    await page.goto(`${server.origin}${urls.search()}`);
    const help = page.locator('[data-search-help]');
    const text = (await help.textContent())!.replace(/\s+/g, ' ');
    // Each kind of query the search reads that a reader could not guess.
    expect(text).toMatch(/"[^"]+" in quotes/);
    expect(text).toContain('-word leaves out');
    expect(text).toMatch(/arXiv id or link/);
    expect(text).toMatch(/address of a paper's, topic's or author's page/);
    expect(text).toMatch(/Author field/);
    // A field name before a word is dropped (withoutMarkup): the help says so, not that it filters.
    expect(text).toMatch(/author: or topic: before a word changes nothing/);
    // The input says where its help is, and the year example finds papers of those years.
    expect(await page.locator('#search-q').getAttribute('aria-describedby')).toContain('search-help');
    const years = (await help.locator('code').allTextContents()).find((code) => /\d{4}/.test(code))!;
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q: `Kolmogorov ${years}` })}`);
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ papers? found/);
    // The help's OR example (its code with OR between two words) finds every paper of each side:
    // the ids of its answer hold each side's ids (all words together would find fewer).
    const either = (await help.locator('code').allTextContents()).find((code) => /\S OR \S/.test(code));
    expect(either).toBeDefined();
    const sides = either!.split(' OR ');
    expect(sides).toHaveLength(2);
    const idsFound = async (q: string) => {
      await openAnsweredSearch(page, `${server.origin}${urls.search()}?${new URLSearchParams({ q })}`);
      // Every result, past the first page.
      const more = page.locator('[data-search-more]');
      while (await more.isVisible()) await more.click();
      return resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    };
    const [first, second] = [await idsFound(sides[0]!), await idsFound(sides[1]!)];
    // Each side finds papers, and one finds papers the other does not: the papers with both
    // sides' words (OR read as a word, or as AND) would miss some.
    expect(first.length * second.length).toBeGreaterThan(0);
    const eitherOnly = [...first.filter((id) => !second.includes(id)), ...second.filter((id) => !first.includes(id))];
    expect(eitherOnly.length).toBeGreaterThan(0);
    const found = await idsFound(either!);
    for (const id of [...first, ...second]) expect(found).toContain(id);
  });

  it('shows title, date, topics and a highlighted excerpt for each result, and announces the count', async () => {
    await page.goto(`${server.origin}${urls.search()}?q=Kolmogorov`);
    await waitForResults(kolmogorov.length);
    const status = page.locator('#search-status');
    // A status is a polite live region (ARIA 1.2): screen readers announce its changes.
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(`${kolmogorov.length} papers found for “Kolmogorov”.`);
    for (const paper of kolmogorov) {
      const result = page.locator('.search-result', { has: page.locator(`a[href="${urls.paper(paper.id)}"]`) });
      expect(await result.locator('time').getAttribute('datetime')).toBe(paper.date);
      const topics = await result.locator('.search-result-topics li').allTextContents();
      expect(topics.sort()).toEqual(paper.tags.map(labelOf).sort());
      const marks = await result.locator('.search-result-excerpt mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toMatch(/kolmogorov/i);
    }
  });

  it('narrows the results by topic, and lists a topic without words', async () => {
    // A topic some, but not all, of the Kolmogorov papers have.
    const slug = [...new Set(kolmogorov.flatMap((paper) => paper.tags))].find((tag) => {
      const count = kolmogorov.filter((paper) => paper.tags.includes(tag)).length;
      return count > 0 && count < kolmogorov.length;
    });
    expect(slug, 'a topic that splits the Kolmogorov papers').toBeDefined();
    const narrowed = kolmogorov.filter((paper) => paper.tags.includes(slug!));

    await page.goto(`${server.origin}${urls.search()}?q=Kolmogorov`);
    await waitForResults(kolmogorov.length);
    await page.getByLabel('Topic', { exact: true }).selectOption({ label: labelOf(slug!) });
    await waitForResults(narrowed.length);
    expect((await resultTitles()).sort()).toEqual(narrowed.map((paper) => paper.title).sort());
    expect(new URL(page.url()).searchParams.get('topic')).toBe(slug);

    // Esc clears the words; the topic stays, and lists all its papers.
    const inTopic = papers.filter((paper) => paper.tags.includes(slug!));
    await page.getByLabel('Words', { exact: true }).focus();
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Words', { exact: true }).inputValue()).toBe('');
    await waitForResults(Math.min(inTopic.length, 10));
    expect(await page.locator('#search-status').textContent()).toBe(
      `${inTopic.length} ${inTopic.length === 1 ? 'paper' : 'papers'} found in topic “${labelOf(slug!)}”.`,
    );
  });

  it('has excerpts without KaTeX debris for words next to formulas', async () => {
    await page.goto(server.origin + urls.search());
    for (const paper of withMath.slice(0, 6)) {
      const expected = skeleton(await expectedIndexText(page, server.origin + urls.paper(paper.id)));
      // A word that sits right after the first formula of the abstract.
      const afterFormula = paper.body.split(/\$\$[\s\S]+?\$\$|\$[^$]+\$/)[1] ?? '';
      const word = /\p{L}{5,}/u.exec(afterFormula)?.[0] ?? paper.title.split(' ')[0]!;
      const hits = await searchIndex(page, server.url, word);
      const hit = hits.find((candidate) => candidate.url === urls.paper(paper.id));
      expect(hit, `${paper.id} for "${word}"`).toBeDefined();
      // A letter's name is a word in the index (`\sigma`); any other command name is hidden.
      expect(
        hit!.excerpt.replace(/\\[a-zA-Z]+/g, (command) => (LETTER_COMMAND.test(command.slice(1)) ? '' : command)),
      ).not.toMatch(/katex|\\[a-zA-Z]|\\\\/i);
      expect(expected).toContain(skeleton(excerptText(hit!.excerpt)));
    }
  });

  it('shows ten results at a time, and moves focus to the first new one on "Show more"', async () => {
    const year = papers[0]!.date.slice(0, 4);
    const inYear = papers.filter((paper) => paper.date.startsWith(year));
    expect(inYear.length).toBeGreaterThan(10);
    await page.goto(`${server.origin}${urls.search()}?year=${year}`);
    await waitForResults(10);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await waitForResults(Math.min(inYear.length, 20));
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe(await page.locator('.search-result-title a').nth(10).textContent());
  });

  it('shows a hostile query back as text, never as markup, in both boxes', async () => {
    const q = '<img src=x onerror="window.__hostile=1"><script>window.__hostile=2</script>zzqx';
    await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams({ q })}`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(q);
    expect(await page.getByLabel('Words', { exact: true }).inputValue()).toBe(q);
    await page.goto(server.origin + urls.home());
    await headerBox().fill(q);
    await expect
      .poll(() => page.locator('.search-box [role="status"]').textContent(), { timeout: 10_000 })
      .toContain(q);
    expect(await page.locator('main img[src="x"], .search-box img, #search-status img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __hostile?: number }).__hostile)).toBeUndefined();
  });

  it('names the filters to remove when words and filters together find nothing', async () => {
    // A topic and a year that no Kolmogorov paper has together.
    const years = [...new Set(papers.map((paper) => paper.date.slice(0, 4)))];
    const slugs = [...new Set(papers.flatMap((paper) => paper.tags))];
    const empty = slugs
      .flatMap((slug) => years.map((year) => ({ slug, year })))
      .find(
        ({ slug, year }) =>
          papers.some((paper) => paper.tags.includes(slug)) &&
          !kolmogorov.some((paper) => paper.tags.includes(slug) && paper.date.startsWith(year)),
      );
    expect(empty, 'a topic and year with no Kolmogorov paper').toBeDefined();
    await page.goto(
      `${server.origin}${urls.search()}?${new URLSearchParams({ q: 'Kolmogorov', topic: empty!.slug, year: empty!.year })}`,
    );
    await expect
      .poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 })
      .toBe(
        `No papers found for “Kolmogorov”. Searched only in topic “${labelOf(empty!.slug)}”, year ${empty!.year}: remove a filter to search more widely.`,
      );
  });

  it('clears the results with Esc', async () => {
    await page.goto(`${server.origin}${urls.search()}?q=Kolmogorov`);
    await waitForResults(kolmogorov.length);
    await page.getByLabel('Words', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await waitForResults(0);
    expect(new URL(page.url()).search).toBe('');
  });

  it('goes Back to the search before, and Forward again', async () => {
    await page.goto(`${server.origin}${urls.search()}?q=Kolmogorov`);
    await waitForResults(kolmogorov.length);
    const status = page.locator('#search-status');
    const before = await status.textContent();
    const box = page.getByLabel('Words', { exact: true });
    await box.fill('');
    await box.pressSequentially('attention');
    await box.press('Enter');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/for “attention”/);
    const after = await status.textContent();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Kolmogorov');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(before);
    expect(await box.inputValue()).toBe('Kolmogorov');
    await page.goForward();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(after);
    expect(await box.inputValue()).toBe('attention');
  });

  it('keeps the results it shows when only the fragment changes (the skip link, Back from it)', async () => {
    const withWord = papers.filter((paper) => /\bneural\b/i.test(`${paper.title} ${paper.body}`));
    expect(withWord.length).toBeGreaterThan(10);
    await page.goto(`${server.origin}${urls.search()}?q=neural`);
    await waitForResults(10);
    await page.locator('[data-search-more]').click();
    const items = page.locator('[data-search-results] > li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    const shown = await items.count();
    // A mark on the list's first item, which a search run again would replace.
    await page
      .locator('[data-search-results] > li')
      .first()
      .evaluate((item) => item.setAttribute('data-mark', ''));
    await page.evaluate(() => (location.hash = 'main'));
    await page.goBack();
    await page.goForward();
    await page.waitForTimeout(500);
    expect(await page.locator('[data-search-results] > li').count()).toBe(shown);
    expect(await page.locator('[data-search-results] > li[data-mark]').count()).toBe(1);
  });
});
