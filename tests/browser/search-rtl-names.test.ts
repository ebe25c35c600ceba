/**
 * Names in right-to-left scripts in the search page's author suggestions
 * (tests/fixtures/extreme, paper rtl-names). Each name is its own `.author` element, isolated as
 * on the paper pages (global.css): without that, the Bidi algorithm reads the count after an
 * Arabic name (" · 1 paper": its digit turns Arabic next to Arabic letters) as part of the name's
 * right-to-left run, and draws "1 ·" before the name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { projectRoot } from '../helpers/build.ts';
import { closeSite, freshPageForEachTest, openSite, type OpenSite } from './helpers.ts';

const CONTENT = 'tests/fixtures/extreme';
const FILE = 'papers/2025/rtl-names.mdx';

// The fixture's names, read from its content file, never from the build.
const { source } = parseSource(FILE, await readFile(join(projectRoot, CONTENT, FILE), 'utf8'));
const authors = (source!.data as { authors: string[] }).authors;
const RTL = /[\u0590-\u08ff]/;
const rtlNames = authors.filter((name) => RTL.test(name));

let site: OpenSite;
let page: Page;

beforeAll(async () => {
  site = await openSite(CONTENT);
});

afterAll(() => closeSite(site));

freshPageForEachTest(
  () => site.browser,
  (fresh) => (page = fresh),
);

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
