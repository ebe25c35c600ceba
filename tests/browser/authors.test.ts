/**
 * Author links in a browser: from a card and from a paper page, a click on any spelling of a
 * person's name opens that person's page, and the A–Z list reaches every page of it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type OpenSite } from './helpers.ts';

/** tests/fixtures/authors: Ekin Akyürek on all five papers, written three ways; see tests/build/authors.test.ts. */
let site: OpenSite;

useSite('tests/fixtures/authors', { onOpen: (opened) => (site = opened) });

async function open(path: string): Promise<Page> {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  return page;
}

const heading = (page: Page) => page.locator('h1').innerText();

describe('author links', () => {
  it('lead from each spelling on a paper page to the one page of the person', async () => {
    for (const [paper, spelling] of [
      ['papers/p1/', 'Ekin Akyürek'],
      ['papers/p2/', 'Ekin Akyurek'],
      ['papers/p4/', 'EKIN AKYÜREK'],
    ] as const) {
      const page = await open(paper);
      await page.getByRole('link', { name: spelling, exact: true }).click();
      await page.waitForURL(/\/authors\/ekin-akyurek\/$/);
      expect(await heading(page)).toBe('Papers by “Ekin Akyürek”');
      await page.close();
    }
  });

  it('lead from a card to a page whose URL is in another script', async () => {
    const page = await open('');
    await page.getByRole('link', { name: '王小明', exact: true }).first().click();
    await page.waitForURL(/\/authors\/%E7%8E%8B%E5%B0%8F%E6%98%8E\/$/);
    expect(await heading(page)).toBe('Papers by “王小明”');
    await page.close();
  });

  it('are reachable from the footer and the A–Z list, by keyboard', async () => {
    const page = await open('');
    await page.locator('footer').getByRole('link', { name: 'Authors' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/authors\/$/);
    await page.getByRole('link', { name: 'Ekin Akyürek' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/authors\/ekin-akyurek\/$/);
    expect(await page.locator('.paper-card-title').count()).toBeGreaterThan(0);
    await page.close();
  });
});
