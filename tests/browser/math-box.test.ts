/**
 * Math inside its box, in Debian's Chromium: on a phone (360 px) display math wider than the column
 * scrolls inside its own box, by keyboard too, with a visible cue at the edge where more of it lies;
 * nothing a formula draws paints outside its card on a list page, even when KaTeX’s markup is
 * made to draw far outside its box; and the clip that guarantees it cuts nothing off the seed's
 * formulas, or a sample of hard ones.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { compactMathHtml } from '../../src/lib/math-html.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { MATH_SAMPLE } from '../helpers/math-sample.ts';
import { type Browser, readPapers, settled, type StaticServer, useSite, watchPage } from './helpers.ts';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const urls = createUrls({ base: '/', site: 'https://digest.example.org' });
const PHONE = { width: 360, height: 740 };

let server: StaticServer;
let browser: Browser;

useSite('tests/fixtures/math-box', { onOpen: (site) => ({ server, browser } = site) });

async function open(path: string, viewport = PHONE): Promise<Page> {
  const page = await browser.context.newPage();
  const watch = watchPage(page);
  await page.setViewportSize(viewport);
  await page.goto(server.origin + path);
  // Laid out in its own fonts: KaTeX's load as the page uses them.
  await settled(watch, { ready: () => page.evaluate(async () => (await document.fonts.ready, true)) });
  return page;
}

/**
 * How many pixels of two screenshots of the same size differ by more than `threshold` (of 255) in
 * some channel: ink cut off or painted differs by far more than the anti-aliasing of a glyph drawn
 * in a clipped layer. Decoded by the page's own browser (no image library needed).
 */
async function differentPixels(page: Page, a: Buffer, b: Buffer, threshold: number): Promise<number> {
  return page.evaluate(
    async ({ a, b, threshold }) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [first, second] = await Promise.all([pixels(a), pixels(b)]);
      if (first.length !== second.length) return Number.POSITIVE_INFINITY;
      let count = 0;
      for (let index = 0; index < first.length; index += 4) {
        const channels = [0, 1, 2].map((channel) => Math.abs(first[index + channel]! - second[index + channel]!));
        if (Math.max(...channels) > threshold) count += 1;
      }
      return count;
    },
    { a: a.toString('base64'), b: b.toString('base64'), threshold },
  );
}

/** A screenshot of a rectangle of the page, as bytes to compare. */
async function shot(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
  return page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
}

describe('display math on a phone', () => {
  it('is typeset as display math even inside a paragraph, and scrolls inside its own box', async () => {
    const page = await open(urls.paper('wide'));
    const boxes = await page.$$eval('.abstract .katex-display', (elements) =>
      elements.map((element) => ({
        inParagraph: element.parentElement?.tagName === 'P',
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
        right: element.getBoundingClientRect().right,
      })),
    );
    // `$$…$$` within the text, and the ```math fence.
    expect(boxes.length).toBe(2);
    expect(boxes[0]!.inParagraph).toBe(true);
    expect(boxes[0]!.scrollWidth).toBeGreaterThan(boxes[0]!.clientWidth + 100);
    // The page itself does not scroll sideways: the formula does, inside the column.
    expect(boxes[0]!.right).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('can be reached with Tab and scrolled with the arrow keys', async () => {
    const page = await open(urls.paper('wide'));
    let focused = '';
    for (let presses = 0; presses < 40 && !focused.includes('katex-display'); presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => `${document.activeElement?.className} ${document.activeElement?.getAttribute('aria-label')}`,
      );
    }
    // The first of the abstract's two display formulas, each a region with a name of its own.
    expect(focused).toBe('katex-display Formula 1 of 2');
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    expect(role).toBe('region');
    expect(await page.evaluate(() => document.activeElement!.scrollLeft)).toBe(0);
    for (let presses = 0; presses < 5; presses += 1) await page.keyboard.press('ArrowRight');
    // Chromium scrolls smoothly: wait for it to move.
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0, undefined, { timeout: 5_000 });
    await page.close();
  });

  it('shows a cue at the edge where more of the formula lies, and only there', async () => {
    const page = await open(urls.paper('wide'));
    const display = page.locator('.abstract .katex-display').first();
    const box = (await display.boundingBox())!;
    const strip = (side: 'left' | 'right') => ({
      x: side === 'left' ? box.x : box.x + box.width - 12,
      y: box.y,
      width: 12,
      height: box.height,
    });
    /** Whether the edge looks different with the cue's backgrounds than without them. */
    const cueAt = async (side: 'left' | 'right') => {
      const withCue = await shot(page, strip(side));
      await display.evaluate((element: HTMLElement) => (element.style.backgroundImage = 'none'));
      const withoutCue = await shot(page, strip(side));
      await display.evaluate((element: HTMLElement) => (element.style.backgroundImage = ''));
      return (await differentPixels(page, withCue, withoutCue, 8)) > 0;
    };
    expect(await cueAt('right')).toBe(true);
    expect(await cueAt('left')).toBe(false);
    await display.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    expect(await cueAt('right')).toBe(false);
    expect(await cueAt('left')).toBe(true);
    await page.close();
  });
});

describe('display math, accessible', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations (WCAG 2 A, AA) in the ${colorScheme} theme, scroll box and cue included`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme });
      const watch = watchPage(page);
      await page.goto(server.origin + urls.paper('wide'));
      await settled(watch);
      // Injected through the DevTools protocol: the page's CSP rightly refuses inline scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } })
          .axe;
        const result = (await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});

describe('a formula paints only inside its box', () => {
  /** The card of `title` on the page, and the card after it (or before, if it is the last). */
  async function cards(page: Page, title: string) {
    const all = page.locator('[data-paper-card]');
    const titles = await all.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    const index = titles.findIndex((text) => text.includes(title));
    expect(index).toBeGreaterThanOrEqual(0);
    return { card: all.nth(index), neighbour: all.nth(index + 1 < titles.length ? index + 1 : index - 1) };
  }

  for (const [kind, path] of [
    ['topic', urls.topic('optimization')],
    ['home', urls.home()],
  ] as const) {
    it(`on the ${kind} page, the tallest allowed inline formula leaves the next card as it is`, async () => {
      const page = await open(path);
      const { card, neighbour } = await cards(page, 'The tallest inline math');
      const formula = card.locator('.katex').first();
      const before = await neighbour.screenshot();
      await formula.evaluate((element: HTMLElement) => (element.style.visibility = 'hidden'));
      expect(await differentPixels(page, await neighbour.screenshot(), before, 8)).toBe(0);
      await page.close();
    });
  }

  for (const [kind, path] of [
    ['topic', urls.topic('optimization')],
    ['home', urls.home()],
  ] as const) {
    it(`on the ${kind} page, even KaTeX markup made to draw far outside its box paints nothing outside its card (the second wall: CSS)`, async () => {
      const page = await open(path);
      const all = page.locator('[data-paper-card]');
      const titles = await all.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
      const index = titles.findIndex((text) => text.includes('The tallest inline math'));
      expect(index).toBeGreaterThanOrEqual(0);
      const card = all.nth(index);
      // The cards above and below it, whichever there are: the formula is aimed at each in turn.
      const neighbours = [index - 1, index + 1].filter((other) => other >= 0 && other < titles.length);
      expect(neighbours.length).toBeGreaterThan(0);
      const parts = card.locator('.katex .katex-base > *');
      expect(await parts.count()).toBeGreaterThan(0);
      // Drawn bigger, as \raisebox, \smash or a negative \kern would had they got past the
      // allowlist. That reflows the card and moves everything below it, so it is done first, with
      // the formula hidden: every screenshot below is taken at this one layout, and the reference
      // holds no ink of the formula at all.
      await parts.evaluateAll((elements: HTMLElement[]) => {
        for (const part of elements) {
          part.style.fontSize = '2em';
          part.style.position = 'relative';
          part.style.visibility = 'hidden';
        }
      });
      /** The page outside the card, in document coordinates: everything the formula must leave alone. */
      const outside = await card.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        const top = rect.top + window.scrollY;
        const bottom = rect.bottom + window.scrollY;
        const width = document.documentElement.clientWidth;
        return [
          { x: 0, y: 0, width, height: Math.floor(top) },
          { x: 0, y: Math.ceil(bottom), width, height: document.documentElement.scrollHeight - Math.ceil(bottom) },
        ].filter((region) => region.height > 0);
      });
      const snapshot = () =>
        Promise.all(
          outside.map((clip) => page.screenshot({ clip, fullPage: true, animations: 'disabled', caret: 'hide' })),
        );
      const layout = () =>
        all.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top + window.scrollY));
      const reference = await snapshot();
      const referenceLayout = await layout();
      for (const other of neighbours) {
        // Each part moved onto the middle of the other card (a relative offset moves no other box).
        const overOther = await parts.evaluateAll(
          (elements: HTMLElement[], target: Element) => {
            const { top, bottom } = target.getBoundingClientRect();
            // Every part, ink or not (struts, spaces, SVG-only pieces alike); those with an area are checked.
            return elements.flatMap((part) => {
              part.style.top = '0';
              part.style.top = `${(top + bottom) / 2 - part.getBoundingClientRect().top}px`;
              part.style.visibility = 'visible';
              const rect = part.getBoundingClientRect();
              if (rect.width === 0 || rect.height === 0) return [];
              return [rect.top < bottom && rect.bottom > top];
            });
          },
          await all.nth(other).elementHandle(),
        );
        expect(overOther.length).toBeGreaterThan(0);
        // The moved parts do lie over the other card, and nothing has moved since the reference…
        expect(overOther.every(Boolean)).toBe(true);
        expect(await layout()).toEqual(referenceLayout);
        // …but nothing of them is painted outside their own card.
        const shots = await snapshot();
        for (const [region, shotNow] of shots.entries()) {
          const differing = await differentPixels(page, shotNow, reference[region]!, 8);
          expect(differing, `card ${other}, region ${JSON.stringify(outside[region])}`).toBe(0);
        }
        await parts.evaluateAll((elements: HTMLElement[]) => {
          for (const part of elements) part.style.visibility = 'hidden';
        });
      }
      await page.close();
    });
  }

  it('the clip cuts nothing off the seed’s formulas or a sample of hard ones', async () => {
    const page = await open(urls.paper('wide'), { width: 1280, height: 900 });
    const abstracts = [
      ...(await readPapers('content')).filter((paper) => paper.body.includes('$')),
      { id: 'tests/helpers/math-sample.ts', body: MATH_SAMPLE },
    ];
    let formulas = 0;
    for (const paper of abstracts) {
      const { rendered } = renderPaperBody(paper.body, { file: paper.id, bodyLine: 1 });
      const regions = await page.evaluate(async (html) => {
        const section = document.querySelector('.abstract')!;
        section.innerHTML = html;
        // The formulas may need fonts the page did not: lay them out with those.
        await document.fonts.ready;
        // Room around each formula, so that what a clip would cut shows in the screenshot.
        return [...section.querySelectorAll('.katex')].map((formula) => {
          // The union of its parts' boxes: an inline formula's own box is only as tall as the line.
          const rects = [formula, ...formula.querySelectorAll('.katex-base')].map((part) =>
            part.getBoundingClientRect(),
          );
          const top = Math.min(...rects.map((rect) => rect.top));
          const left = Math.min(...rects.map((rect) => rect.left));
          const bottom = Math.max(...rects.map((rect) => rect.bottom));
          const right = Math.max(...rects.map((rect) => rect.right));
          const room = 16;
          return {
            x: left - room,
            y: top + window.scrollY - room,
            width: right - left + 2 * room,
            height: bottom - top + 2 * room,
          };
        });
      }, compactMathHtml(rendered!.html));
      for (const region of regions) {
        await page.evaluate((y) => window.scrollTo(0, y - 100), region.y);
        const y = region.y - (await page.evaluate(() => window.scrollY));
        const clipped = await shot(page, { ...region, y });
        await page.evaluate(() => {
          for (const element of document.querySelectorAll<HTMLElement>('.abstract, .katex .katex-base')) {
            element.style.overflow = 'visible';
          }
        });
        const unclipped = await shot(page, { ...region, y });
        await page.evaluate(() => {
          for (const element of document.querySelectorAll<HTMLElement>('.abstract, .katex .katex-base')) {
            element.style.overflow = '';
          }
        });
        const cut = await differentPixels(page, clipped, unclipped, 64);
        expect(cut, `${paper.id}, formula at ${region.x},${region.y}`).toBe(0);
        formulas += 1;
      }
    }
    expect(formulas).toBeGreaterThan(20);
    await page.close();
  });
});
