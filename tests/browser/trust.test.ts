/**
 * Safe and accessible pages, in Debian's Chromium: the Content-Security-Policy holds (no
 * violations, no console errors) while KaTeX renders and search works, and axe-core finds no
 * WCAG 2 A/AA violations nor breaches of its best practices on every kind of page, in both themes,
 * on a desktop and a phone.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { compactMathHtml, UNSTYLED_KATEX_CLASSES } from '../../src/lib/math-html.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { siteConfig } from '../../src/site.config.ts';
import { MATH_SAMPLE } from '../helpers/math-sample.ts';
import { type Browser, readPapers, settled, type StaticServer, useSite, watchPage } from './helpers.ts';

const BASE = '/digest/';
const urls = createUrls({ base: BASE, site: 'https://digest.example.org' });
const papers = await readPapers('content');
const withMath = papers.find((paper) => /\$\$|\\mathcal/.test(paper.body)) ?? papers[0]!;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each kind a reader lands on. */
const pages = {
  home: urls.home(),
  paper: urls.paper(withMath.id),
  topic: urls.topic(withMath.tags[0]!),
  day: urls.day(withMath.date),
  search: `${urls.search()}?q=network`,
};
/** A day of the seed with more papers than a page holds. */
const dayCounts = new Map<string, number>();
for (const paper of papers) dayCounts.set(paper.date, (dayCounts.get(paper.date) ?? 0) + 1);
const busyDay = [...dayCounts].find(([, count]) => count > siteConfig.pageSize)![0];
const [busyYear, busyMonth] = busyDay.split('-').map(Number) as [number, number];
/** Every other kind of page, for axe-core (an author's page is found from the A–Z list). */
const morePages = {
  'day, page 2': urls.day(busyDay, 2),
  month: urls.month(busyYear, busyMonth),
  year: urls.year(busyYear),
  archive: urls.archive(),
  topics: urls.topics(),
  authors: urls.authors(),
  author: 'the first of the A–Z list',
  'search without results': `${urls.search()}?q=zzqxjv`,
  'saved, empty': urls.saved(),
  subscribe: urls.subscribe(),
  about: urls.about(),
  'not found': `${urls.home()}no-such-page/`,
};

let build: BuildResult;
let server: StaticServer;
let browser: Browser;

useSite('content', { base: BASE, onOpen: (site) => ({ build, server, browser } = site) });

async function open(
  path: string,
  colorScheme: 'light' | 'dark',
  width = 1280,
): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; violations: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme });
  const watch = watchPage(page);
  const violations: string[] = [];
  // The browser reports CSP violations as console errors and as this DOM event.
  await page.exposeFunction('__reportCsp', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  await page.goto(server.origin + path);
  await settled(watch);
  return { page, watch, violations };
}

describe('Content-Security-Policy', () => {
  it('is a meta tag that forbids inline script and foreign origins', async () => {
    const html = await readFile(`${build!.outDir}/index.html`, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'(?! 'unsafe-inline')/);
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it.each(Object.entries(pages))('%s page: no violations or console errors, KaTeX laid out', async (name, path) => {
    const { page, watch, violations } = await open(path, 'light');
    if (name === 'search') await page.waitForSelector('[data-search-results] li', { timeout: 15_000 });
    expect(violations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    if (name === 'paper') {
      // KaTeX sets its struts' heights in style attributes; if the CSP blocked those, they would be 0.
      const struts = await page.$$eval('.katex .katex-strut', (elements) =>
        elements.map((element) => element.getBoundingClientRect().height),
      );
      expect(struts.length).toBeGreaterThan(0);
      expect(struts.every((height) => height > 0)).toBe(true);
      // KaTeX's fonts load from the site itself.
      expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    }
    await page.close();
  });

  it('marks external links noopener noreferrer', async () => {
    const { page } = await open(pages.paper, 'light');
    const external = await page.$$eval('a[href^="http"]', (links) =>
      (links as HTMLAnchorElement[])
        .filter((link) => new URL(link.href).origin !== location.origin)
        .map((link) => link.rel),
    );
    expect(external.length).toBeGreaterThan(0);
    for (const rel of external)
      expect(rel.split(' ').sort()).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    await page.close();
  });
});

describe('accessibility (axe-core: WCAG 2.0–2.2 A and AA, and best practices)', () => {
  const everyPage = Object.entries({ ...pages, ...morePages });
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      it.each(everyPage)(
        `%s page in the ${colorScheme} theme, ${width} px wide, has no violations`,
        async (name, where) => {
          let path = where;
          if (name === 'author') {
            const { page: index } = await open(urls.authors(), colorScheme);
            path = (await index.locator('.author-index a').first().getAttribute('href'))!;
            await index.close();
          }
          const { page } = await open(path, colorScheme, width);
          if (name === 'search') await page.waitForSelector('[data-search-results] li', { timeout: 15_000 });
          if (name === 'search without results') {
            // Wait for the search's answer, which replaces the page's first words.
            await page.waitForFunction(
              () =>
                !/^(Type a word|Loading|Searching)/.test(
                  document.querySelector('[data-search-status]')?.textContent ?? '',
                ),
            );
          }
          // Injected through the DevTools protocol: the page's CSP rightly refuses inline scripts.
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            type Result = { id: string; nodes: { target: string[] }[] };
            const axe = (
              window as unknown as {
                axe: {
                  run: (context: Document, options: object) => Promise<{ violations: Result[]; passes: Result[] }>;
                };
              }
            ).axe;
            const result = await axe.run(document, {
              runOnly: {
                type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
              },
            });
            return {
              passes: result.passes.length,
              violations: result.violations.map(
                (violation) =>
                  `${violation.id}: ${violation.nodes
                    .map((node) => node.target.join(' '))
                    .slice(0, 3)
                    .join(', ')}`,
              ),
            };
          });
          // axe really ran its rules (color-contrast among them) on this page.
          expect(violations.passes).toBeGreaterThan(10);
          expect(violations.violations).toEqual([]);
          await page.close();
        },
      );
    }
  }
});

describe('KaTeX markup made lighter for paper pages (src/lib/math-html.ts)', () => {
  /** Where each formula, each of its glyph runs and each of its styled boxes ends up, in CSS pixels. */
  const layoutOf = async ({ html, unstyled }: { html: string; unstyled: string[] }) => {
    const section = document.querySelector('.abstract')!;
    section.innerHTML = html;
    await document.fonts.ready;
    const box = (rect: DOMRect) => [rect.x, rect.y, rect.width, rect.height].map((n) => Math.round(n * 100) / 100);
    return [...section.querySelectorAll('.katex')].map((formula) => {
      const boxes: number[][] = [box(formula.getBoundingClientRect())];
      const walker = document.createTreeWalker(formula.querySelector('.katex-html')!, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) {
          const range = document.createRange();
          range.selectNodeContents(node);
          boxes.push(box(range.getBoundingClientRect()));
        } else if (
          node instanceof Element &&
          (node.hasAttribute('style') || [...node.classList].some((name) => !unstyled.includes(name)))
        ) {
          boxes.push(box(node.getBoundingClientRect()));
        }
      }
      return boxes;
    });
  };

  it('lays out every formula of the seed, and of a sample of hard ones, exactly as KaTeX’s own markup does', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    await page.goto(server.origin + pages.paper);
    await settled(watch);
    const unstyled = [...UNSTYLED_KATEX_CLASSES];
    let formulas = 0;
    const abstracts = [
      ...papers.filter((candidate) => candidate.body.includes('$')),
      { id: 'tests/helpers/math-sample.ts', body: MATH_SAMPLE },
    ];
    for (const paper of abstracts) {
      const original = renderPaperBody(paper.body, { file: paper.id, bodyLine: 1 }).rendered!.html;
      const compact = compactMathHtml(original);
      expect(compact.length, paper.id).toBeLessThan(original.length);
      const before = await page.evaluate(layoutOf, { html: original, unstyled });
      const after = await page.evaluate(layoutOf, { html: compact, unstyled });
      expect(after.length, paper.id).toBeGreaterThan(0);
      expect(after, paper.id).toEqual(before);
      formulas += after.length;
    }
    expect(formulas).toBeGreaterThan(0);
    await page.close();
  });
});
