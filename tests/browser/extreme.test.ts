/**
 * Papers at the check's limits, but valid (tests/fixtures/extreme): the longest title, a title of
 * one unbroken word, 400 authors, a 200-character name, names in Arabic, Hebrew and CJK, the
 * longest venue, eight topics, a 100-character topic slug with an 80-character label and a
 * 200-character description, a one-word label, long addresses and code spans, wide display math.
 * Every kind of page holds them inside a phone's screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSite, openSite, type OpenSite } from './helpers.ts';
import { htmlProblems } from '../helpers/html-valid.ts';

let site: OpenSite;

beforeAll(async () => {
  site = await openSite('tests/fixtures/extreme');
});

afterAll(() => closeSite(site));

const LONG_TOPIC =
  'segment0-segment1-segment2-segment3-segment4-segment5-segment6-segment7-segment8-segment9-segment10y';
const ARABIC_AUTHOR = 'محمد بن موسى الخوارزمي';

async function openAt(width: number, path: string): Promise<Page> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height: 740 });
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  return page;
}

/** Whether the page is wider than its viewport (anything a reader would have to scroll sideways to). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

it('has valid HTML on every page', async () => {
  expect(await htmlProblems(site.build.outDir)).toEqual([]);
});

describe('no page scrolls sideways on a phone', () => {
  // Every kind of page, each showing some of the fixture's longest words.
  const pages = [
    'papers/many-authors/',
    'papers/one-word-title/',
    'papers/rtl-names/',
    'papers/wide-math/',
    '2025/06/06/',
    '2025/06/',
    '2025/',
    'archive/',
    '',
    'topics/',
    `topics/${LONG_TOPIC}/`,
    'topics/one-word-label/',
    'authors/',
    'authors/ada-example/',
    `authors/${encodeURIComponent(ARABIC_AUTHOR.replaceAll(' ', '-'))}/`,
    'search/?q=methionylthreonyl',
    'saved/',
    'subscribe/',
    '404.html',
  ];
  for (const width of [320, 375]) {
    it(`at ${width} px, on every kind of page`, async () => {
      const wide: string[] = [];
      for (const path of pages) {
        const page = await openAt(width, path);
        if (path.startsWith('search/')) {
          await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
        }
        if (await overflowsSideways(page)) wide.push(path);
        await page.close();
      }
      expect(wide).toEqual([]);
    });
  }

  it('the one-word topic label wraps inside its chip', async () => {
    const page = await openAt(320, 'papers/one-word-title/');
    const chip = await page.evaluate(() => {
      const tag = [...document.querySelectorAll<HTMLElement>('a.tag')].find((link) =>
        link.textContent?.includes('Hyperparameteroptimierungs'),
      )!;
      const box = tag.getBoundingClientRect();
      return { right: box.right, lines: Math.round(box.height / parseFloat(getComputedStyle(tag).lineHeight)) };
    });
    expect(chip.right).toBeLessThanOrEqual(320);
    expect(chip.lines).toBeGreaterThan(1);
    await page.close();
  });
});
