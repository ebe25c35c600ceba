/**
 * Right-to-left text in search (tests/fixtures/extreme). Names in the search page's author
 * suggestions (paper rtl-names): each name is its own `.author` element, isolated as on the paper
 * pages (global.css): without that, the Bidi algorithm reads the count after an Arabic name
 * (" · 1 paper": its digit turns Arabic next to Arabic letters) as part of the name's
 * right-to-left run, and draws "1 ·" before the name. Titles and snippets of results (papers
 * rtl-title and hebrew-title) run right to left, as the paper pages' titles and abstracts do; those
 * whose first letter runs the other way than most of their letters (hebrew-first-word,
 * arabic-after-acronym) take the direction of most of them (src/lib/direction.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { projectRoot } from '../helpers/build.ts';
import { useSite, type OpenSite } from './helpers.ts';

const CONTENT = 'tests/fixtures/extreme';
const FILE = 'papers/2025/rtl-names.mdx';

// The fixture's names, read from its content file, never from the build.
const { source } = parseSource(FILE, await readFile(join(projectRoot, CONTENT, FILE), 'utf8'));
const authors = (source!.data as { authors: string[] }).authors;
const RTL = /[\u0590-\u08ff]/;
const rtlNames = authors.filter((name) => RTL.test(name));

let site: OpenSite;
let page: Page;

useSite(CONTENT, { onOpen: (opened) => (site = opened), onPage: (fresh) => (page = fresh) });

describe('the author field’s suggestions', () => {
  it.each(rtlNames)('show %s as one isolated name, its paper count after it', async (name) => {
    await page.goto(`${site.server.url}search/`);
    await page.getByLabel('Author', { exact: true }).fill(name);
    const suggestion = page.locator('[data-search-author-suggestions] button').first();
    await expect.poll(() => suggestion.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${name} · `));
    const boxes = await suggestion.evaluate((button) => {
      const author = button.querySelector<HTMLElement>('.author');
      const count = button.querySelector<HTMLElement>('.search-author-count')!.getBoundingClientRect();
      // Without an element of its own, the name is the button's first text node.
      const range = document.createRange();
      range.selectNodeContents(author ?? button.firstChild!);
      return {
        text: author?.textContent,
        isolated: author ? getComputedStyle(author).unicodeBidi : undefined,
        name: range.getBoundingClientRect(),
        count: { left: count.left, right: count.right },
      };
    });
    // On one line, the count starts where the name ends: nothing of it is drawn before the name.
    expect(boxes.count.left).toBeGreaterThanOrEqual(boxes.name.right - 0.5);
    expect(boxes.text).toBe(name);
    expect(boxes.isolated).toBe('plaintext');
  });
});

/**
 * How the element's text is drawn: its closing mark against the letter before it, and its first
 * line's right edge against the element's own.
 */
function drawn(page: Page, selector: string, text: string) {
  return page.evaluate(
    ([selector, text]) => {
      const element = [...document.querySelectorAll<HTMLElement>(selector)].find((each) =>
        each.textContent?.includes(text),
      );
      if (!element) return undefined;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) texts.push(walker.currentNode as Text);
      const boxes = texts.flatMap((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()].filter((box) => box.width > 0);
      });
      const firstTop = Math.min(...boxes.map((box) => Math.round(box.top)));
      const firstLine = boxes.filter((box) => Math.round(box.top) === firstTop);
      const firstLineRight = Math.max(...firstLine.map((box) => box.right));
      const firstLineLeft = Math.min(...firstLine.map((box) => box.left));
      const last = texts.at(-1)!;
      const end = last.data.trimEnd().length;
      const charLeft = (offset: number) => {
        const range = document.createRange();
        range.setStart(last, offset);
        range.setEnd(last, offset + 1);
        return range.getBoundingClientRect().left;
      };
      const style = getComputedStyle(element);
      return {
        right: element.getBoundingClientRect().right - parseFloat(style.paddingRight),
        left: element.getBoundingClientRect().left + parseFloat(style.paddingLeft),
        firstLineRight,
        firstLineLeft,
        lastCharacter: last.data.trimEnd().at(-1),
        mark: charLeft(end - 1),
        letterBeforeMark: charLeft(end - 2),
      };
    },
    [selector, text] as const,
  );
}

/** Drawn right to left: aligned right, its closing mark (when it has one) left of the letter before it. */
async function expectRightToLeft(page: Page, selector: string, text: string) {
  await expect.poll(() => drawn(page, selector, text), { timeout: 10_000 }).toBeDefined();
  const layout = (await drawn(page, selector, text))!;
  expect(Math.abs(layout.firstLineRight - layout.right)).toBeLessThanOrEqual(1);
  if (layout.lastCharacter === '!') expect(layout.mark).toBeLessThan(layout.letterBeforeMark);
}

/** Drawn left to right: aligned left, its closing mark (when it has one) right of the letter before it. */
async function expectLeftToRight(page: Page, selector: string, text: string) {
  await expect.poll(() => drawn(page, selector, text), { timeout: 10_000 }).toBeDefined();
  const layout = (await drawn(page, selector, text))!;
  expect(Math.abs(layout.firstLineLeft - layout.left)).toBeLessThanOrEqual(1);
  if (layout.lastCharacter === '!') expect(layout.mark).toBeGreaterThan(layout.letterBeforeMark);
}

describe('results in right-to-left scripts', () => {
  // The fixtures' titles and the opening words of their abstracts.
  const cases = [
    { word: 'تجريبي', title: 'عنوان تجريبي مكتوب بالعربية وحدها!', abstract: 'ملخص تجريبي' },
    { word: 'בעברית', title: 'כותרת לדוגמה בעברית בלבד!', abstract: 'בעברית' },
  ];

  it.each(cases)('on the search page: title and snippet of “$title”', async ({ word, title, abstract }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.server.url}search/?${new URLSearchParams({ q: word })}`);
    await expectRightToLeft(page, '.search-result-title', title);
    await expectRightToLeft(page, '.search-result-excerpt', abstract);
  });

  it.each(cases)('in the header box’s preview: “$title”', async ({ word, title }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(site.server.url);
    await page.locator('#site-search').fill(word);
    await expectRightToLeft(page, '.search-preview-item', title);
  });
});

/** A fixture paper's title, read from its content file. */
async function titleOf(file: string): Promise<string> {
  const { source } = parseSource(file, await readFile(join(projectRoot, CONTENT, file), 'utf8'));
  return (source!.data as { title: string }).title;
}

describe('results whose first letter runs the other way than most of their letters', () => {
  // A Hebrew word opening an English title and abstract; "GPT" and "BERT" opening Arabic ones.
  const cases = [
    { word: 'מבוא', file: 'papers/2025/hebrew-first-word.mdx', snippet: 'This synthetic abstract', rtl: false },
    { word: 'معظمه', file: 'papers/2025/arabic-after-acronym.mdx', snippet: 'هذا ملخص تجريبي', rtl: true },
  ];
  const expectDirection = (rtl: boolean) => (rtl ? expectRightToLeft : expectLeftToRight);

  it.each(cases)(
    'take the direction of most letters on the search page: $file',
    async ({ word, file, snippet, rtl }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${site.server.url}search/?${new URLSearchParams({ q: word })}`);
      await expectDirection(rtl)(page, '.search-result-title', await titleOf(file));
      await expectDirection(rtl)(page, '.search-result-excerpt', snippet);
    },
  );

  it.each(cases)(
    'take the direction of most letters in the header box’s preview: $file',
    async ({ word, file, rtl }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(site.server.url);
      await page.locator('#site-search').fill(word);
      await expectDirection(rtl)(page, '.search-preview-item', await titleOf(file));
    },
  );
});

describe('result titles in a script other than Latin', () => {
  // The language of each title is unknown, its script known (BCP 47 `und-<script>`), as on its paper
  // page (scriptLanguage, src/lib/direction.ts); a title mostly in Latin letters gets none, the page's
  // `en` holds. The date after a preview's title is English: the mark is on the title's link alone.
  const cases = [
    { word: 'وحدها', file: 'papers/2025/rtl-title.mdx', lang: 'und-Arab' },
    { word: 'בלבד', file: 'papers/2025/hebrew-title.mdx', lang: 'und-Hebr' },
    { word: 'معظمه', file: 'papers/2025/arabic-after-acronym.mdx', lang: 'und-Arab' },
    { word: 'מבוא', file: 'papers/2025/hebrew-first-word.mdx', lang: null },
  ];
  /** The `lang` a title's nearest marked element gives it, and the one its date's gives the date. */
  const languages = (selector: string, title: string) =>
    page.evaluate(
      ([selector, title]) => {
        const item = [...document.querySelectorAll<HTMLElement>(selector)].find(
          (each) => each.querySelector('a')?.textContent === title,
        );
        if (!item) return undefined;
        const link = item.querySelector('a')!;
        return {
          title: link.closest('[lang]')!.getAttribute('lang'),
          date: item.querySelector('time')?.closest('[lang]')!.getAttribute('lang'),
        };
      },
      [selector, title] as const,
    );

  it.each(cases)('on the search page and in the header box: $file, $lang', async ({ word, file, lang }) => {
    const title = await titleOf(file);
    await page.goto(`${site.server.url}search/?${new URLSearchParams({ q: word })}`);
    await expect.poll(() => languages('.search-result', title), { timeout: 10_000 }).toBeDefined();
    expect((await languages('.search-result', title))!.title).toBe(lang ?? 'en');
    await page.goto(site.server.url);
    await page.locator('#site-search').fill(word);
    await expect.poll(() => languages('.search-preview-item', title), { timeout: 10_000 }).toBeDefined();
    expect(await languages('.search-preview-item', title)).toEqual({ title: lang ?? 'en', date: 'en' });
  });
});
