/**
 * The search page's author filter, on a fixture where one person is written three ways
 * ("Ekin Akyürek", "Ekin Akyurek", and another person shares the family name), and where a
 * word and a topic split that person's papers. Expectations come from the content files through
 * the one name function (src/lib/authors.ts), never from the build's output.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { authorFilterName } from '../../src/lib/search-authors.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { projectRoot } from '../helpers/build.ts';
import { type PageWatch, settled, type StaticServer, useSite } from './helpers.ts';
import { resultLinks, searchIndex } from './search-helpers.ts';

const CONTENT = 'tests/browser/fixtures/search-authors';
const urls = createUrls({ base: '/', site: 'https://digest.example.org' });

interface FixturePaper {
  id: string;
  title: string;
  authors: string[];
  tags: string[];
  text: string;
}

async function readFixture(): Promise<FixturePaper[]> {
  const folder = join(projectRoot, CONTENT, 'papers');
  const files = (await glob('*/*.mdx', { cwd: folder })).sort();
  return Promise.all(
    files.map(async (file) => {
      const { source } = parseSource(file, await readFile(join(folder, file), 'utf8'));
      const data = source!.data as { title: string; authors: string[]; tags: string[] };
      return { id: file.replace(/^.*\//, '').replace(/\.mdx$/, ''), ...data, text: `${data.title} ${source!.body}` };
    }),
  );
}

const papers = await readFixture();
const SLUG = authorSlug('Ekin Akyürek');
const byEkin = papers.filter((paper) => paper.authors.some((name) => authorSlug(name) === SLUG));
const titlesOf = (list: readonly FixturePaper[]) => list.map((paper) => paper.title).sort();

let server: StaticServer;
let page: Page;
let watch: PageWatch;

useSite(CONTENT, {
  onOpen: (site) => ({ server } = site),
  onPage: (fresh, freshWatch) => ((page = fresh), (watch = freshWatch)),
});

const status = () => page.locator('#search-status');
const authorField = () => page.getByLabel('Author', { exact: true });
const resultTitles = async () => (await resultLinks(page).allTextContents()).sort();

async function waitForTitles(expected: string[]): Promise<void> {
  await expect.poll(resultTitles, { timeout: 10_000 }).toEqual([...expected].sort());
}

async function openSearch(params: Record<string, string>): Promise<void> {
  await page.goto(`${server.origin}${urls.search()}?${new URLSearchParams(params)}`);
}

describe('the fixture', () => {
  it('writes one person in two spellings, splits their papers by a word and a topic, and has a namesake', () => {
    expect(byEkin.length).toBe(3);
    expect(new Set(byEkin.flatMap((paper) => paper.authors.filter((name) => authorSlug(name) === SLUG))).size).toBe(2);
    const glacier = byEkin.filter((paper) => /glacier/i.test(paper.text));
    expect(glacier.length).toBeGreaterThan(0);
    expect(glacier.length).toBeLessThan(byEkin.length);
    expect(papers.some((paper) => !byEkin.includes(paper) && /glacier/i.test(paper.text))).toBe(true);
    expect(papers.some((paper) => paper.authors.includes('Jacob Akyurek'))).toBe(true);
  });
});

describe('the index', () => {
  it('files each paper under each of its authors, two spellings of one person as one value', async () => {
    await page.goto(server.origin + urls.search());
    const indexed = await searchIndex(page, server.url, null);
    for (const paper of papers) {
      const entry = indexed.find((candidate) => candidate.url === urls.paper(paper.id));
      for (const name of paper.authors) {
        const slug = authorSlug(name);
        expect(entry?.filters[authorFilterName(slug)], `${paper.id}: ${name}`).toContain(slug);
      }
    }
  });
});

describe('filtering by author', () => {
  it('suggests authors as a name is typed, and filters by the one chosen', async () => {
    await page.goto(server.origin + urls.search());
    await authorField().fill('akyu');
    const suggestions = page.locator('[data-search-author-suggestions] button');
    await expect
      .poll(() => suggestions.allTextContents(), { timeout: 10_000 })
      .toEqual(['Ekin Akyürek · 3 papers', 'Jacob Akyurek · 1 paper']);
    await suggestions.first().click();
    await waitForTitles(titlesOf(byEkin));
    expect(new URL(page.url()).searchParams.get('author')).toBe(SLUG);
    expect(await status().textContent()).toBe(`3 papers found by Ekin Akyürek.`);
    expect(await authorField().inputValue()).toBe('Ekin Akyürek');
  });

  it('reaches the suggestions with the arrow key and picks one with Enter', async () => {
    await page.goto(server.origin + urls.search());
    await authorField().fill('odeg');
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] button').count(), { timeout: 10_000 })
      .toBe(1);
    await authorField().press('ArrowDown');
    await page.keyboard.press('Enter');
    const odegard = papers.filter((paper) => paper.authors.some((name) => authorSlug(name) === 'bjorn-odegard'));
    await waitForTitles(titlesOf(odegard));
    expect(new URL(page.url()).searchParams.get('author')).toBe('bjorn-odegard');
  });

  it.each(['akyuer', 'Ekin Akyuerek'])('suggests Ekin Akyürek for %s, the umlaut written out', async (typed) => {
    await page.goto(server.origin + urls.search());
    await authorField().fill(typed);
    // Not Jacob Akyurek, whose name has no umlaut to write out.
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] button').allTextContents(), { timeout: 10_000 })
      .toEqual(['Ekin Akyürek · 3 papers']);
  });

  it.each(['Müller', 'Jonas Müller'])('suggests Jonas Mueller, who writes the umlaut out, for %s', async (typed) => {
    await page.goto(server.origin + urls.search());
    await authorField().fill(typed);
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] button').allTextContents(), { timeout: 10_000 })
      .toEqual(['Jonas Mueller · 1 paper']);
  });

  // Cited in the words box as papers cite him, with the umlaut he writes out: as the field does.
  it.each(['Müller et al.', 'J. Müller', 'Müller, J.', 'Müller J'])('finds Jonas Mueller cited as %s', async (q) => {
    const expected = papers.filter((paper) => paper.authors.includes('Jonas Mueller'));
    expect(expected.length).toBe(1);
    await openSearch({ q });
    await waitForTitles(titlesOf(expected));
  });

  it.each([
    ['a link with the slug', { author: SLUG }],
    ['a name without accents', { author: 'Ekin Akyurek' }],
    ['a name in capitals', { author: 'EKIN AKYÜREK' }],
  ])('opens filtered from %s in the address', async (_name, params) => {
    await openSearch(params);
    await waitForTitles(titlesOf(byEkin));
    expect(await authorField().inputValue()).toBe('Ekin Akyürek');
    expect(new URL(page.url()).searchParams.get('author')).toBe(SLUG);
  });

  it.each(['Ekin Akyurek', 'ekin akyürek'])('finds the same papers when "%s" is typed and sent', async (typed) => {
    await page.goto(server.origin + urls.search());
    await authorField().fill(typed);
    await authorField().press('Enter');
    await waitForTitles(titlesOf(byEkin));
  });

  it('takes part of a name that one author has, and asks to choose when several have it', async () => {
    const byAndreas = papers.filter((paper) => paper.authors.includes('Jacob Andreas'));
    expect(byAndreas.length).toBeGreaterThan(0);
    await page.goto(server.origin + urls.search());
    await authorField().fill('andreas');
    await authorField().press('Enter');
    await waitForTitles(titlesOf(byAndreas));
    expect(new URL(page.url()).searchParams.get('author')).toBe(authorSlug('Jacob Andreas'));
    expect(await status().textContent()).toMatch(/ by Jacob Andreas\.$/);

    // "Akyurek" is in Ekin Akyürek's name and in Jacob Akyurek's. Leaving waits for the page's
    // last request, which leaving would abort.
    await settled(watch);
    await page.goto(server.origin + urls.search());
    await authorField().fill('Akyurek');
    await authorField().press('Enter');
    await expect
      .poll(() => status().textContent(), { timeout: 10_000 })
      .toBe('“Akyurek” matches several authors: choose one from the list under the field.');
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
  });

  // Pagefind drops accents (å, ö) but not ø, ß, ł or æ: each spelling finds the other's papers.
  it.each(['odegard', 'Ødegård', 'ØDEGÅRD', 'Bjørn Ødegård', 'Bjorn Odegard'])(
    'finds a name with letters such as ø in either spelling, as words: %s',
    async (q) => {
      const expected = papers.filter((paper) => paper.authors.some((name) => /^Bj(ö|o)rn (Ø|O)deg(å|a)rd$/.test(name)));
      expect(new Set(expected.flatMap((paper) => paper.authors.filter((name) => /deg/.test(name)))).size).toBe(2);
      await openSearch({ q });
      await waitForTitles(titlesOf(expected));
    },
  );

  // A quoted phrase too: the words side by side in either spelling.
  it.each(['"Bjorn Odegard"', '"Bjørn Ødegård"', '“BJORN ØDEGÅRD”'])(
    'finds a name with letters such as ø in either spelling, as a phrase: %s',
    async (q) => {
      const expected = papers.filter((paper) => paper.authors.some((name) => /^Bj(ö|o)rn (Ø|O)deg(å|a)rd$/.test(name)));
      expect(expected.length).toBe(2);
      await openSearch({ q });
      await waitForTitles(titlesOf(expected));
    },
  );

  it.each(['"the Oresund become"', '"the Øresund become"'])(
    'finds a phrase of an abstract with ø in either spelling: %s',
    async (q) => {
      const expected = papers.filter((paper) => /the Øresund become/.test(paper.text));
      expect(expected.length).toBe(1);
      await openSearch({ q });
      await waitForTitles(titlesOf(expected));
    },
  );

  it.each(['Oresund', 'Øresund'])('finds a word of an abstract with ø in either spelling: %s', async (q) => {
    const expected = papers.filter((paper) => /Øresund/.test(paper.text));
    expect(expected.length).toBe(1);
    await openSearch({ q });
    await waitForTitles(titlesOf(expected));
    // The snippet marks the word as the paper writes it, not the hidden plain spelling.
    expect(await page.locator('.search-result-excerpt mark').allTextContents()).toEqual(['Øresund']);
  });

  it.each(['Bjørn Ødegård', 'Bjorn Odegard'])('suggests one person for both spellings: %s', async (typed) => {
    await page.goto(server.origin + urls.search());
    await authorField().fill(typed);
    await expect
      .poll(() => page.locator('[data-search-author-suggestions] button').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Bj(ö|ø|o)rn (Ø|O)deg(å|a)rd · 2 papers$/)]);
  });

  it('combines with a word', async () => {
    const expected = byEkin.filter((paper) => /glacier/i.test(paper.text));
    await openSearch({ q: 'glacier', author: SLUG });
    await waitForTitles(titlesOf(expected));
    expect(await status().textContent()).toBe(`${expected.length} papers found for “glacier” by Ekin Akyürek.`);
  });

  it('combines with a topic, and the filter goes when the field is emptied', async () => {
    const expected = byEkin.filter((paper) => paper.tags.includes('optimization'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(byEkin.length);
    await openSearch({ author: SLUG });
    await waitForTitles(titlesOf(byEkin));
    await page.getByLabel('Topic', { exact: true }).selectOption('optimization');
    await waitForTitles(titlesOf(expected));
    expect(new URL(page.url()).searchParams.get('topic')).toBe('optimization');

    await authorField().fill('');
    await waitForTitles(titlesOf(papers.filter((paper) => paper.tags.includes('optimization'))));
    expect(new URL(page.url()).searchParams.has('author')).toBe(false);
  });

  it.each([
    ['alone', {}],
    ['with a word', { q: 'glacier' }],
  ])('says plainly that an unknown author has no papers (%s)', async (_name, params) => {
    await openSearch({ ...params, author: 'nobody-at-all' });
    await expect
      .poll(() => status().textContent(), { timeout: 10_000 })
      .toBe('No papers by “nobody-at-all”: the digest has no author of that name.');
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
  });

  it('shows a hostile author parameter as text, never as markup', async () => {
    const hostile = '"><img src=x onerror="window.__hostile=1"><script>window.__hostile=2</script>';
    await openSearch({ author: hostile });
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain(hostile);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script, form script, #search-status *').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __hostile?: number }).__hostile)).toBeUndefined();
    expect(await authorField().inputValue()).toBe(hostile.trim());
  });
});

describe('what the author filter downloads', () => {
  const fetched = (before: number) => server.requests.slice(before);

  it('a word search loads no author data and no filter', async () => {
    const before = server.requests.length;
    await openSearch({ q: 'glacier' });
    await expect.poll(() => page.locator('[data-search-results] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await settled(watch, { quiet: 1_000 });
    const paths = fetched(before);
    expect(paths.filter((path) => path.includes('/search/authors/') || path.endsWith('.pf_filter'))).toEqual([]);
  });

  it('an author filter loads one Pagefind filter file and one directory file', async () => {
    const before = server.requests.length;
    await openSearch({ author: SLUG });
    await waitForTitles(titlesOf(byEkin));
    await settled(watch, { quiet: 1_000 });
    const paths = fetched(before);
    expect(paths.filter((path) => path.endsWith('.pf_filter')).length).toBe(1);
    expect(paths.filter((path) => path.startsWith('/search/authors/')).sort()).toEqual(
      ['/search/authors/e.json', '/search/authors/shards.json'].sort(),
    );
    expect(watch.failures).toEqual([]);
  });
});

describe('a misspelt name in the Author field', () => {
  const jacob = papers.filter((paper) => paper.authors.includes('Jacob Akyurek'));

  it('offers the authors of the closest spelling under the field, and choosing one filters by them', async () => {
    expect(jacob.length).toBe(1);
    await openSearch({});
    await authorField().fill('Akyurekk');
    const suggestions = page.locator('[data-search-author-suggestions] button');
    await expect
      .poll(() => suggestions.allTextContents(), { timeout: 10_000 })
      .toEqual([`Did you mean Ekin Akyürek? · ${byEkin.length} papers`, 'Did you mean Jacob Akyurek? · 1 paper']);
    await suggestions.first().click();
    await waitForTitles(titlesOf(byEkin));
    expect(new URL(page.url()).searchParams.get('author')).toBe(SLUG);
  });

  it('says, for a misspelt name sent, that no author has it, and links the closest', async () => {
    await openSearch({ author: 'Akyurekk' });
    const status = page.locator('#search-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toBe('No papers by “Akyurekk”: the digest has no author of that name. Did you mean Ekin Akyürek?');
    await status.getByRole('link', { name: 'Ekin Akyürek' }).click();
    await waitForTitles(titlesOf(byEkin));
  });
});

describe('a title-case query in the words box', () => {
  // An acronym and a capitalised word (`AI Safety`, `LLM Agents`) are far more often words than an
  // author's initials and name: the search reads them without the author code or directory.
  it.each(['AI Safety', 'LLM Glacier'])('%s loads no author code and no author data', async (q) => {
    await openSearch({ q });
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).not.toBe('');
    // No new request and none in flight for a second: a late load of the author code would show.
    let seen = -1;
    let since = Date.now();
    await expect
      .poll(
        () => {
          if (watch.requests.length !== seen || watch.inFlight.size > 0)
            [seen, since] = [watch.requests.length, Date.now()];
          return Date.now() - since >= 1_000;
        },
        { timeout: 15_000, interval: 50 },
      )
      .toBe(true);
    expect(watch.requests.filter((path) => /search-authors|\/search\/authors\//.test(path))).toEqual([]);
    expect(watch.requests.some((path) => path.endsWith('.pf_index'))).toBe(true);
  });
});
