/**
 * Phones: a compact header whose links stay on one row, no keyboard hints on touch-only devices,
 * and a BibTeX entry that shows all of its text at any width.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type OpenSite } from './helpers.ts';
import { authorSlug } from '../../src/lib/authors.ts';

/** tests/fixtures/phone: two papers on 2025-06-06, one with a very long title, authors and venue. */
const LONG_PAPER = 'papers/2401.01234/';

let site: OpenSite;

useSite('tests/fixtures/phone', { onOpen: (opened) => (site = opened) });

async function openAt(width: number, path: string, context: BrowserContext = site.browser.context): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 740 });
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  return page;
}

/** Whether the page is wider than its viewport (anything a reader would have to scroll sideways to). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the header on a phone', () => {
  for (const width of [320, 360, 375]) {
    it(`is one compact block at ${width} px: links on one row, inside the screen`, async () => {
      const page = await openAt(width, '');
      const header = await page.evaluate(() => {
        const links = [...document.querySelectorAll('.site-header nav a')].map((link) => link.getBoundingClientRect());
        return {
          height: document.querySelector('.site-header')!.getBoundingClientRect().height,
          linkTops: [...new Set(links.map((box) => Math.round(box.top)))],
          rightmost: Math.max(...links.map((box) => box.right)),
          linkHeights: links.map((box) => box.height),
        };
      });
      // Title and theme, search, links: three rows. Before, "About" wrapped to a fourth (200 px).
      expect(header.height).toBeLessThanOrEqual(150);
      expect(header.linkTops).toHaveLength(1);
      expect(header.rightmost).toBeLessThanOrEqual(width);
      for (const height of header.linkHeights) expect(height).toBeGreaterThanOrEqual(44);
      expect(await overflowsSideways(page)).toBe(false);
      await page.close();
    });
  }
});

describe('keyboard hints', () => {
  const hintsShown = (page: Page) =>
    page.evaluate(() =>
      ['.search-key', '[data-keyboard-hint]'].map((selector) => {
        const element = document.querySelector<HTMLElement>(selector);
        return element !== null && element.getClientRects().length > 0;
      }),
    );

  it('show with a mouse and keyboard', async () => {
    const page = await openAt(1024, '');
    expect(await hintsShown(page)).toEqual([true, true]);
    await page.close();
  });

  it('are hidden on a touch-only device', async () => {
    const context = await site.browser.context.browser()!.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 360, height: 740 },
    });
    const page = await openAt(360, '', context);
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
    expect(await hintsShown(page)).toEqual([false, false]);
    await context.close();
  });
});

describe('the BibTeX entry', () => {
  for (const width of [320, 1280]) {
    it(`shows every character of a long entry at ${width} px, and takes keyboard focus`, async () => {
      const page = await openAt(width, LONG_PAPER);
      const entry = await page.evaluate(() => {
        const pre = document.querySelector<HTMLElement>('pre.bibtex')!;
        const box = pre.getBoundingClientRect();
        const style = getComputedStyle(pre);
        const inner = {
          left: box.left + parseFloat(style.borderLeftWidth),
          right: box.right - parseFloat(style.borderRightWidth),
        };
        // Every line box of the text, as laid out: none may reach past the block's edges.
        const range = document.createRange();
        range.selectNodeContents(pre);
        const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
        return {
          text: pre.textContent ?? '',
          clipped: lines.filter((rect) => rect.left < inner.left - 0.5 || rect.right > inner.right + 0.5).length,
          lines: lines.length,
          scrollable: pre.scrollWidth > pre.clientWidth,
          blockRight: box.right,
          tabIndex: pre.tabIndex,
        };
      });
      expect(entry.text).toContain('Hyperparameter-Transfer-Across-Widths');
      expect(entry.lines).toBeGreaterThan(0);
      expect(entry.clipped).toBe(0);
      expect(entry.scrollable).toBe(false);
      expect(entry.blockRight).toBeLessThanOrEqual(width);
      expect(entry.tabIndex).toBe(0);
      expect(await overflowsSideways(page)).toBe(false);
      await page.close();
    });
  }
});

describe('words longer than a phone is wide', () => {
  // tests/fixtures/phone/papers/2025/long-words.mdx: a 135-letter title word, a 90-letter author word,
  // an 80-letter venue word, and the title word again in its abstract.
  const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
  const author = authorSlug(
    'Hubert Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafe',
  );
  const pages = [
    'papers/long-words/',
    '2025/06/06/',
    'topics/optimization/',
    'authors/',
    `authors/${author}/`,
    // Its neighbour on the day: the link to the next paper holds the long title.
    'papers/2401.01234/',
    'search/?q=unbroken',
    `search/?q=${longWord}`,
  ];
  for (const width of [320, 375]) {
    it(`wrap inside the screen at ${width} px on every page that shows them`, async () => {
      for (const path of pages) {
        const page = await openAt(width, path);
        if (path.startsWith('search/')) {
          await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
        }
        // The page shows one of the long words (the A–Z list and author pages show the name's).
        expect(await page.content(), path).toMatch(/Pneumonoultramicroscopic|Wolfeschlegelstein/);
        expect(await overflowsSideways(page), `${path} at ${width} px`).toBe(false);
        await page.close();
      }
    });
  }
});
