/**
 * Pages without JavaScript, in Debian's Chromium with scripts off: every kind of page still shows
 * its content, and shows no control that needs a script to work (Save toggles, the theme switch,
 * copy buttons, keyboard help, the search page's form); where a feature needs one, the page says so.
 *
 * Built from tests/fixtures/reader with a page size of 3, so day and topic pages have pages 2 and 3.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type OpenSite } from './helpers.ts';

let site: OpenSite;

useSite('tests/fixtures/reader', {
  env: { PAPER_DIGEST_PAGE_SIZE: '3' },
  browserOptions: { javaScriptEnabled: false },
  onOpen: (opened) => (site = opened),
});

/** One page of each kind. */
const pages = [
  '/',
  '/2025/01/01/2/',
  '/2024/12/',
  '/2024/',
  '/archive/',
  '/topics/',
  '/topics/alpha/2/',
  '/authors/',
  '/authors/shared-person/',
  '/papers/2311.00555/',
  '/search/?q=paper',
  '/saved/',
  '/subscribe/',
  '/about/',
  '/no-such-page/',
];

/** The form controls a reader can see, as `tag#id "text"`. */
const visibleControls = (page: Page) =>
  page.$$eval('button, input, select, textarea, [role="button"]', (controls) =>
    controls
      .filter((control) => control.checkVisibility({ visibilityProperty: true }))
      .map((control) => `${control.tagName.toLowerCase()}#${control.id} "${control.textContent?.trim() ?? ''}"`),
  );

describe('without JavaScript', () => {
  it.each(pages)('%s shows its content and no control that needs a script', async (path) => {
    const page = await site.browser.context.newPage();
    const response = await page.goto(site.server.origin + path);
    expect(response?.status()).toBe(path === '/no-such-page/' ? 404 : 200);
    const main = await page.locator('main').innerText();
    expect(main.trim().length).toBeGreaterThan(40);
    // The header's search box, with its submit button, is a plain form to /search/, which then says what to do.
    const headerSearch = ['input#site-search ""', 'button# "Search"'];
    expect((await visibleControls(page)).filter((control) => !headerSearch.includes(control))).toEqual([]);
    await page.close();
  });

  it('the search page says search needs JavaScript and where to browse, and shows no form that cannot search', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.origin}/search/?q=paper`);
    expect(await visibleControls(page)).toEqual([]);
    const main = page.locator('main');
    expect(await main.innerText()).toMatch(/needs JavaScript/);
    for (const name of ['topics', 'archive']) expect(await main.getByRole('link', { name }).isVisible()).toBe(true);
    expect(await main.getByText(/^Type a word/).isVisible()).toBe(false);
    await page.close();
  });

  it('the reading list says it needs JavaScript, and asks for no Save button press', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.origin}/saved/`);
    const main = page.locator('main');
    expect(await main.innerText()).toMatch(/needs JavaScript/);
    // Save toggles are hidden without a script: the page does not tell the reader to press one.
    expect(await main.innerText()).not.toMatch(/Save/);
    await page.close();
  });

  it('the header search box leads to that page', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(`${site.server.origin}/topics/`);
    await page.locator('#site-search').fill('paper');
    await Promise.all([page.waitForURL(/\/search\/\?q=paper$/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').innerText()).toMatch(/needs JavaScript/);
    await page.close();
  });
});
