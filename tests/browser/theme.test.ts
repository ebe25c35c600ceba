/**
 * The theme: follows the system, a toggle that remembers the choice, and no flash of the wrong
 * theme (the stored choice is applied before the page is first painted).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, type StaticServer, useSite } from './helpers.ts';

let server: StaticServer;
let browser: Browser;

useSite('tests/fixtures/site', { onOpen: (site) => ({ server, browser } = site) });

/** The page background, as painted. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Background colours of the two themes, read from a page in each system setting. */
async function themeColours(): Promise<{ light: string; dark: string }> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(server.url);
  const light = await background(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background(page);
  await page.close();
  return { light, dark };
}

describe('theme', () => {
  it('follows the system preference when nothing is stored', async () => {
    const { light, dark } = await themeColours();
    expect(light).not.toBe(dark);
  });

  it('remembers the toggle across pages, and applies it before first paint', async () => {
    const { light, dark } = await themeColours();
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url);
    await page.click('[data-theme-toggle]');
    expect(await background(page)).toBe(dark);
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-pressed')).toBe('true');

    // On the next page, record the theme at the very first moment the document exists.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          (window as unknown as { themeAtParse: string | undefined }).themeAtParse =
            document.documentElement.dataset.theme;
        }
      });
    });
    await page.goto(`${server.url}papers/2306.13575/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtParse?: string }).themeAtParse)).toBe('dark');
    expect(await background(page)).toBe(dark);

    await page.click('[data-theme-toggle]');
    await page.reload();
    expect(await background(page)).toBe(light);
    await page.close();
  });

  it('keeps the toggle hidden but in place without JavaScript, so nothing shifts when it appears', async () => {
    const context = await browser.context.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const toggle = await page.$('[data-theme-toggle]');
    expect(await toggle!.evaluate((element) => getComputedStyle(element).visibility)).toBe('hidden');
    const box = await toggle!.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await context.close();
  });
});
