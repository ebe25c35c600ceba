/**
 * The reading list, in Debian's Chromium: Save toggles on cards and paper pages (click and `s`),
 * kept in localStorage across reloads and tabs; /saved/ lists the saved papers newest saved first,
 * removes them, downloads their BibTeX and shares them in a link that another browser opens
 * without losing its own list. Hostile storage and hostile links show no markup and break nothing;
 * no CSP violation anywhere; without JavaScript (or storage) no toggle shows.
 *
 * Built from tests/fixtures/cite under a base path (`/sub/`): its paper 2401.00001 has a title
 * with math, `&`, `<` and TeX specials.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { bibtexFile } from '../../src/lib/bibtex.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { readPapers, settled, useSite, watchPage, type OpenSite, type PageWatch } from './helpers.ts';

const BASE = '/sub/';
const urls = createUrls({ base: BASE, site: 'https://digest.example.org' });
const papers = await readPapers('tests/fixtures/cite');
const paper = (id: string) => papers.find((candidate) => candidate.id === id)!;
const TRICKY = '2401.00001';
/** Its title as the site shows it: math as text, `&` and `<` as characters. */
const TRICKY_TITLE = 'GPT-4 & Friends: 50% of snake_case in O(n^2) Time, {Braced} #1 ~ ^ \\ <2>';
/** The papers of the day page 2025-02-04, in its order (the fixture's, newest first by file). */
const DAY = '2025-02-04';
/** The key the site keeps the list under (per base path): tests read and plant it directly. */
const STORAGE_KEY = `paper-digest:reading-list:${BASE}`;

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: OpenSite;
const contexts: BrowserContext[] = [];
const watched: { page: Page; watch: PageWatch; violations: string[]; allow404: boolean }[] = [];

useSite('tests/fixtures/cite', { base: BASE, onOpen: (opened) => (site = opened) });

/** A fresh browser profile: its own localStorage, as a different reader or device. */
async function newReader(
  options: Parameters<NonNullable<ReturnType<BrowserContext['browser']>>['newContext']>[0] = {},
) {
  const context = await site.browser.context.browser()!.newContext(options);
  contexts.push(context);
  return context;
}

/** Opens a page in `context`, recording console errors, failed requests and CSP violations. */
async function open(context: BrowserContext, path: string, { allow404 = false } = {}): Promise<Page> {
  const page = await context.newPage();
  const record = { page, watch: watchPage(page), violations: [] as string[], allow404 };
  watched.push(record);
  await page.exposeFunction('__reportCsp', (text: string) => record.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  page.on('dialog', (dialog) => record.violations.push(`dialog: ${dialog.message()}`));
  await page.goto(site.server.origin + path);
  await settled(record.watch);
  return page;
}

/** Reloads a page that `open` opened, once it has nothing in flight, and waits until it has settled. */
async function reload(page: Page): Promise<void> {
  const { watch } = watched.find((record) => record.page === page)!;
  await settled(watch);
  await page.reload();
  await settled(watch);
}

afterEach(async () => {
  for (const { page, watch, violations, allow404 } of watched.splice(0)) {
    const url = page.url();
    await page.close();
    expect(violations, `CSP violations on ${url}`).toEqual([]);
    expect(watch.pageErrors, `page errors on ${url}`).toEqual([]);
    // A paper the digest does not have answers 404 (the browser logs it as an error), and the
    // page drops that answer's body (the site's 404 page) unread.
    const expected404 = (text: string) =>
      allow404 && /\/sub\/papers\/[^/]+\.json: (?:HTTP 404|net::ERR_ABORTED)$/.test(text);
    const isNotFoundLog = (text: string) => allow404 && text.includes('404');
    expect(
      watch.failures.filter((failure) => !expected404(failure)),
      `failed requests on ${url}`,
    ).toEqual([]);
    expect(
      watch.consoleErrors.filter((error) => !isNotFoundLog(error)),
      `console errors on ${url}`,
    ).toEqual([]);
  }
  for (const context of contexts.splice(0)) await context.close();
});

const toggles = (page: Page) =>
  page.$$eval('button[data-save-toggle]', (buttons) =>
    buttons.map((button) => ({
      id: button.getAttribute('data-save-toggle'),
      pressed: button.getAttribute('aria-pressed'),
      visible: button.getClientRects().length > 0,
      name: button.getAttribute('aria-label'),
    })),
  );
const pressed = async (page: Page) =>
  (await toggles(page)).filter((toggle) => toggle.pressed === 'true').map((toggle) => toggle.id);
const storedIds = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
const cardToggle = (page: Page, id: string) => page.locator(`[data-paper-card] button[data-save-toggle="${id}"]`);

/** What /saved/ lists: each item's title, link, authors and date, in order. */
const savedItems = async (page: Page) => {
  await page.waitForFunction(() => document.querySelector('[data-saved-page]')?.getAttribute('data-saved-ready'));
  return page.$$eval('[data-saved-list] > li', (items) =>
    items.map((item) => ({
      title: item.querySelector('h2')!.textContent,
      href: item.querySelector('h2 a')!.getAttribute('href'),
      authors: item.querySelector('.authors')!.textContent,
      date: item.querySelector('time')!.getAttribute('datetime'),
      dateText: item.querySelector('time')!.textContent,
    })),
  );
};
const savedIds = async (page: Page) =>
  page.$$eval('[data-saved-list] > li', (items) => items.map((item) => item.getAttribute('data-saved-paper')));
/** Waits until /saved/ shows `count` papers (it renders after fetching their JSON). */
const waitForSaved = (page: Page, count: number) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-saved-list] > li').length === n, count);

describe('Save toggles', () => {
  it('are hidden without JavaScript, and /saved/ says it needs it', async () => {
    const reader = await newReader({ javaScriptEnabled: false });
    for (const path of [urls.day(DAY), urls.paper(TRICKY), urls.home()]) {
      const page = await open(reader, path);
      const found = await toggles(page);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((toggle) => !toggle.visible)).toBe(true);
    }
    const saved = await open(reader, urls.saved());
    expect(await saved.locator('[data-saved-needs-script]').isVisible()).toBe(true);
    expect(await saved.locator('[data-saved-actions]').isVisible()).toBe(false);
  });

  it('are hidden, and break nothing, where localStorage throws', async () => {
    const reader = await newReader();
    await reader.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    );
    const day = await open(reader, urls.day(DAY));
    expect((await toggles(day)).every((toggle) => !toggle.visible)).toBe(true);
    await day.keyboard.press('j');
    await day.keyboard.press('s'); // nothing to do, and no error
    // The keyboard help does not offer a key that cannot work here.
    await day.keyboard.press('?');
    const help = day.locator('dialog[data-keyboard-help]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.getByText('Save or unsave the selected paper').isVisible()).toBe(false);
    expect(await help.getByText('Next paper').isVisible()).toBe(true);
    await day.keyboard.press('Escape');
    const saved = await open(reader, urls.saved());
    expect(await saved.locator('[data-saved-unavailable]').isVisible()).toBe(true);
    expect(await saved.locator('[data-saved-empty]').isVisible()).toBe(false);
  });

  it('save from a card and a paper page by click, keep across reloads, and unsave', async () => {
    const reader = await newReader();
    const day = await open(reader, urls.day(DAY));
    const shown = await toggles(day);
    expect(shown.map((toggle) => toggle.visible)).toEqual(shown.map(() => true));
    expect(shown.map((toggle) => toggle.pressed)).toEqual(shown.map(() => 'false'));
    // The name says what the button does and to which paper.
    for (const toggle of shown) {
      expect(toggle.name).toBe(`Save “${paper(toggle.id!).title}” to your reading list`);
    }
    const first = shown[0]!.id!;
    await cardToggle(day, first).click();
    expect(await pressed(day)).toEqual([first]);
    await reload(day);
    expect(await pressed(day)).toEqual([first]);

    // The paper's own page agrees, and unsaves it.
    const page = await open(reader, urls.paper(first));
    expect(await pressed(page)).toEqual([first]);
    await page.locator('button[data-save-toggle]').click();
    expect(await pressed(page)).toEqual([]);
    await reload(day);
    expect(await pressed(day)).toEqual([]);

    // Saving on a paper page, seen on the list.
    await page.locator('button[data-save-toggle]').click();
    await reload(page);
    expect(await pressed(page)).toEqual([first]);
    await reload(day);
    expect(await pressed(day)).toEqual([first]);
  });

  it('refuse to save past the limit, and say so', async () => {
    const reader = await newReader();
    const full = JSON.stringify(Array.from({ length: 1000 }, (_, index) => `saved-${index}`));
    await reader.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, full]);
    const day = await open(reader, urls.day(DAY));
    const id = (await toggles(day))[0]!.id!;
    await cardToggle(day, id).click();
    expect(await pressed(day)).toEqual([]);
    expect(await day.locator('body > [role="status"]').textContent()).toMatch(/full \(1,000 papers\)/);
    expect(JSON.parse((await storedIds(day))!)).toHaveLength(1000);
  });

  it('are reachable with Tab and pressed with Enter or Space', async () => {
    const reader = await newReader();
    const page = await open(reader, urls.paper(TRICKY));
    const toggle = page.locator('button[data-save-toggle]');
    await toggle.focus();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-save-toggle'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await pressed(page)).toEqual([TRICKY]);
    await page.keyboard.press('Space');
    expect(await pressed(page)).toEqual([]);
  });

  it('follow the list when another tab changes it', async () => {
    const reader = await newReader();
    const one = await open(reader, urls.day(DAY));
    const two = await open(reader, urls.day(DAY));
    const id = (await toggles(one))[1]!.id!;
    await cardToggle(one, id).click();
    await two.waitForFunction(
      (saved) => document.querySelector(`button[data-save-toggle="${saved}"]`)?.getAttribute('aria-pressed') === 'true',
      id,
    );
    expect(await pressed(two)).toEqual([id]);
  });

  it('follow the list when the reader comes Back to a page after saving on another (back-forward cache)', async () => {
    // A page restored from the back-forward cache missed the storage events of its time away.
    // Playwright's Chromium keeps no such cache: the restore is played here, as the page sees it,
    // with the list changed meanwhile by this same tab (which sends this tab no storage event).
    const restore = (page: Page, ids: string[]) =>
      page.evaluate(
        ([key, value]) => {
          localStorage.setItem(key!, value!);
          window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        },
        [STORAGE_KEY, JSON.stringify(ids)],
      );
    const reader = await newReader();
    const day = await open(reader, urls.day(DAY));
    const id = (await toggles(day))[0]!.id!;
    await restore(day, [id]);
    expect(await pressed(day)).toEqual([id]);
    const saved = await open(reader, urls.saved());
    await waitForSaved(saved, 1);
    await restore(saved, []);
    await waitForSaved(saved, 0);
    expect(await saved.locator('[data-saved-empty]').isVisible()).toBe(true);
  });
});

describe('what a press says', () => {
  const status = (page: Page) => page.locator('body > [role="status"][data-reading-list-status]');

  it('names the paper saved or removed, in a live region that was there before the first press', async () => {
    const reader = await newReader();
    const day = await open(reader, urls.day(DAY));
    // A live region added with its first message is not read by every screen reader.
    expect(await status(day).count()).toBe(1);
    expect(await status(day).textContent()).toBe('');
    const ids = (await toggles(day)).map((toggle) => toggle.id!);
    await day.keyboard.press('j');
    await day.keyboard.press('s');
    expect(await status(day).textContent()).toBe(`Saved “${paper(ids[0]!).title}” to your reading list.`);
    // Two saves in a row are two sentences, each about its paper.
    await day.keyboard.press('j');
    await day.keyboard.press('s');
    expect(await status(day).textContent()).toBe(`Saved “${paper(ids[1]!).title}” to your reading list.`);
    await day.keyboard.press('s');
    expect(await status(day).textContent()).toBe(`Removed “${paper(ids[1]!).title}” from your reading list.`);
  });

  it('says so when the browser refuses to store the list (storage full), and saves nothing', async () => {
    const reader = await newReader();
    await saveInOrder(reader, ['old-style']);
    // From now on the browser's storage is full: writing the list throws, as Chromium does.
    await reader.addInitScript((key) => {
      Storage.prototype.setItem = new Proxy(Reflect.get<Storage, 'setItem'>(Storage.prototype, 'setItem'), {
        apply(write, storage, [name, value]: [string, string]) {
          if (name === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          Reflect.apply(write, storage, [name, value]);
        },
      });
    }, STORAGE_KEY);
    const page = await open(reader, urls.paper(TRICKY));
    await page.locator('button[data-save-toggle]').click();
    expect(await pressed(page)).toEqual([]);
    expect(await status(page).textContent()).toBe(
      `“${TRICKY_TITLE}” was not saved: this browser refused to store the reading list (its storage may be full).`,
    );
    const shared = await open(reader, `${urls.saved()}#papers=${TRICKY},2402.00002`);
    await waitForSaved(shared, 2);
    await shared.locator('[data-saved-add]').click();
    await shared.waitForFunction(() => document.querySelector('[data-saved-status]')?.textContent !== '');
    expect(await shared.locator('[data-saved-status]').textContent()).toBe(
      'Nothing was added: this browser refused to store the reading list (its storage may be full).',
    );
    expect(JSON.parse((await storedIds(shared))!)).toEqual(['old-style']);
  });

  it('keeps the focus on Add of a shared list once everything is added', async () => {
    const reader = await newReader();
    const shared = await open(reader, `${urls.saved()}#papers=${TRICKY},2402.00002`);
    await waitForSaved(shared, 2);
    await shared.locator('[data-saved-add]').focus();
    await shared.keyboard.press('Enter');
    await shared.waitForFunction(
      () => document.querySelector('[data-saved-add]')?.getAttribute('aria-disabled') === 'true',
    );
    expect(await shared.evaluate(() => document.activeElement?.hasAttribute('data-saved-add'))).toBe(true);
    expect(await shared.locator('[data-saved-status]').textContent()).toBe('Added 2 papers to your reading list.');
    expect(await shared.locator('[data-saved-add]').textContent()).toBe('All of these are in your reading list');
    // Pressed again, it adds nothing and says nothing new.
    await shared.keyboard.press('Enter');
    expect(JSON.parse((await storedIds(shared))!)).toEqual([TRICKY, '2402.00002']);
  });
});

describe('the s key', () => {
  it('saves and unsaves the selected card on a list page, and is in the keyboard help', async () => {
    const reader = await newReader();
    const day = await open(reader, urls.day(DAY));
    const ids = (await toggles(day)).map((toggle) => toggle.id!);
    await day.keyboard.press('s'); // nothing selected: nothing saved
    expect(await pressed(day)).toEqual([]);
    await day.keyboard.press('j');
    await day.keyboard.press('s');
    expect(await pressed(day)).toEqual([ids[0]]);
    await day.keyboard.press('j');
    await day.keyboard.press('s');
    expect(await pressed(day)).toEqual([ids[0], ids[1]]);
    await day.keyboard.press('s');
    expect(await pressed(day)).toEqual([ids[0]]);
    // Typed into the search box, `s` is a letter.
    await day.locator('[data-search-input]').first().focus();
    await day.keyboard.press('k');
    await day.keyboard.press('s');
    expect(await pressed(day)).toEqual([ids[0]]);
    // Typing searches: let the search answer before the page closes (a request cut off by
    // closing the page is reported as an unhandled rejection by watchPage).
    await day.waitForFunction(() => {
      const status = document.querySelector('[data-search-box] [data-search-status]')?.textContent ?? '';
      return status !== '' && !status.startsWith('Loading');
    });

    await day.locator('[data-search-input]').first().blur();
    await day.keyboard.press('?');
    const help = day.locator('dialog[data-keyboard-help]');
    expect(await help.textContent()).toMatch(/s\s*Save or unsave the selected paper/);
    expect(await help.getByText('Save or unsave the selected paper').isVisible()).toBe(true);
  });

  it('is a letter in a field of a component (shadow root) or a widget announced as a text box', async () => {
    const reader = await newReader();
    for (const path of [urls.day(DAY), urls.paper(TRICKY)]) {
      const page = await open(reader, path);
      if (path === urls.day(DAY)) await page.keyboard.press('j'); // a card selected
      await page.evaluate(() => {
        // A component's text field, as a browser extension or an embedded widget adds one.
        const host = document.createElement('div');
        host.id = 'component';
        host.attachShadow({ mode: 'open' }).append(document.createElement('input'));
        // A text box of another script: focusable, announced as a text box, typing its own letters.
        const box = document.createElement('div');
        box.id = 'widget';
        box.tabIndex = 0;
        box.setAttribute('role', 'textbox');
        box.setAttribute('aria-label', 'Notes');
        box.addEventListener('keydown', (event) => (box.textContent += event.key));
        document.querySelector('main')!.append(host, box);
      });
      await page.locator('#component input').focus();
      await page.keyboard.type('ss');
      expect(await page.locator('#component input').inputValue(), path).toBe('ss');
      await page.locator('#widget').focus();
      await page.keyboard.type('s');
      expect(await page.locator('#widget').textContent(), path).toBe('s');
      expect(await pressed(page), path).toEqual([]);
      await page.close();
    }
  });

  it('saves and unsaves the paper of a paper page', async () => {
    const reader = await newReader();
    const page = await open(reader, urls.paper(TRICKY));
    await page.keyboard.press('s');
    expect(await pressed(page)).toEqual([TRICKY]);
    await reload(page);
    expect(await pressed(page)).toEqual([TRICKY]);
    await page.keyboard.press('s');
    expect(await pressed(page)).toEqual([]);
  });
});

/** Saves `ids` in that order, through each paper's page. */
async function saveInOrder(context: BrowserContext, ids: string[]) {
  for (const id of ids) {
    const page = await open(context, urls.paper(id));
    await page.locator('button[data-save-toggle]').click();
    expect(await pressed(page)).toEqual([id]);
  }
}

describe('/saved/', () => {
  it('explains how to save when the list is empty', async () => {
    const reader = await newReader();
    const page = await open(reader, urls.saved());
    const empty = page.locator('[data-saved-empty]');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.textContent()).toMatch(/Save/);
    expect(await page.locator('[data-saved-needs-script]').isVisible()).toBe(false);
    expect(await page.locator('[data-saved-actions]').isVisible()).toBe(false);
    // Every page links to it.
    const home = await open(reader, urls.home());
    expect(await home.locator(`footer a[href="${urls.saved()}"]`).count()).toBe(1);
  });

  it('lists the saved papers newest saved first, as text, and removes them', async () => {
    const reader = await newReader();
    const order = ['2402.00002', TRICKY, 'no-arxiv'];
    await saveInOrder(reader, order);
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 3);
    const items = await savedItems(page);
    expect(items.map((item) => item.href)).toEqual([...order].reverse().map((id) => urls.paper(id)));
    const tricky = items[1]!;
    // Title math as plain text; `<` and `&` are characters, not markup.
    expect(tricky.title).toBe(TRICKY_TITLE);
    expect(tricky.authors).toBe("Zoë Çelik, Ahmet O'Brien-Łukasz, Research and Development Team");
    expect(tricky.date).toBe(paper(TRICKY).date);
    expect(tricky.dateText).toBe(formatDate(paper(TRICKY).date));
    expect(await page.locator('[data-saved-list] b').count()).toBe(0);

    // Remove the middle one: gone here, after a reload, and on its page.
    await page.locator(`button[data-saved-remove="${TRICKY}"]`).click();
    await waitForSaved(page, 2);
    expect(await savedIds(page)).toEqual(['no-arxiv', '2402.00002']);
    // Focus stays in the list, on the next paper's Remove.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-saved-remove'))).toBe('2402.00002');
    await reload(page);
    await waitForSaved(page, 2);
    expect(await savedIds(page)).toEqual(['no-arxiv', '2402.00002']);
    const paperPage = await open(reader, urls.paper(TRICKY));
    expect(await pressed(paperPage)).toEqual([]);

    await page.locator('button[data-saved-remove="no-arxiv"]').click();
    await page.locator('button[data-saved-remove="2402.00002"]').click();
    await waitForSaved(page, 0);
    expect(await page.locator('[data-saved-empty]').isVisible()).toBe(true);
  });

  it('keeps the focus in the list when another tab removes the paper whose Remove has it', async () => {
    const reader = await newReader();
    await saveInOrder(reader, ['2402.00002', TRICKY, 'no-arxiv']);
    const list = await open(reader, urls.saved());
    await waitForSaved(list, 3);
    await list.locator(`button[data-saved-remove="${TRICKY}"]`).focus();
    // Another tab adds a paper on top: the focus stays on the same paper's Remove.
    const other = await open(reader, urls.paper('old-style'));
    await other.locator('button[data-save-toggle]').click();
    await waitForSaved(list, 4);
    const focused = () => list.evaluate(() => document.activeElement?.getAttribute('data-saved-remove'));
    expect(await focused()).toBe(TRICKY);
    // It removes that paper: the focus goes to the next paper's Remove, not back to the page's start.
    const paperPage = await open(reader, urls.paper(TRICKY));
    await paperPage.locator('button[data-save-toggle]').click();
    await waitForSaved(list, 3);
    expect(await focused()).toBe('2402.00002');
  });

  it('says it is loading while the papers of a list are fetched', async () => {
    const reader = await newReader();
    await saveInOrder(reader, [TRICKY, '2402.00002']);
    const page = await reader.newPage();
    // Hold the papers' data until the test has read the page.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/papers/*.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.server.origin + urls.saved());
    await page.waitForFunction(() => document.querySelector('[data-saved-status]')?.textContent !== '');
    expect(await page.locator('[data-saved-status]').textContent()).toBe('Loading 2 papers…');
    release();
    await waitForSaved(page, 2);
    // Once loaded, it says so once: a screen reader heard 'Loading', then nothing.
    expect(await page.locator('[data-saved-status]').textContent()).toBe('Showing 2 papers.');
    await page.close();
  });

  it('says it is loading, and then what it shows, when another shared link opens in the same tab', async () => {
    const reader = await newReader();
    const page = await open(reader, `${urls.saved()}#papers=${TRICKY}`);
    await waitForSaved(page, 1);
    expect(await page.locator('[data-saved-status]').textContent()).toBe('Showing 1 paper.');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/papers/*.json', async (route) => {
      await held;
      await route.continue();
    });
    // The reader follows another link to the page: only the fragment changes (a hashchange).
    await page.evaluate(() => (location.hash = '#papers=2402.00002,no-arxiv'));
    await page.waitForFunction(() => document.querySelector('[data-saved-status]')?.textContent?.startsWith('Loading'));
    expect(await page.locator('[data-saved-status]').textContent()).toBe('Loading 2 papers…');
    release();
    await waitForSaved(page, 2);
    expect(await page.locator('[data-saved-status]').textContent()).toBe('Showing 2 papers.');
  });

  it('opens nothing anew when the skip link or another fragment that is no list changes the address', async () => {
    const reader = await newReader();
    await saveInOrder(reader, [TRICKY]);
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 1);
    await page.waitForFunction(() => document.querySelector('[data-saved-status]')?.textContent === 'Showing 1 paper.');
    await page.evaluate(() => {
      const status = document.querySelector('[data-saved-status]')!;
      (window as unknown as { said: string[] }).said = [];
      new MutationObserver(() => (window as unknown as { said: string[] }).said.push(status.textContent ?? '')).observe(
        status,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.evaluate(() => (location.hash = 'main'));
    await page.evaluate(() => (location.hash = 'ids=1'));
    await page.locator('[data-saved-link-problem]').waitFor();
    await page.evaluate(() => (location.hash = ''));
    await page.locator('[data-saved-link-problem]').waitFor({ state: 'hidden' });
    // Nothing said again: the same list, not a list opened.
    expect(await page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean))).toEqual([]);
    expect(await savedIds(page)).toEqual([TRICKY]);
  });

  it('fetches only the saved papers, never an index of the digest', async () => {
    const reader = await newReader();
    await saveInOrder(reader, ['2403.00003']);
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 1);
    const record = watched.at(-1)!;
    const data = record.watch.requests.filter((url) => /\.(json|bib)$/.test(url) || url.includes('pagefind'));
    expect(data).toEqual([`${site.server.origin}${urls.paperJson('2403.00003')}`]);
  });

  it('downloads a .bib of exactly the saved papers', async () => {
    const reader = await newReader();
    const ids = [TRICKY, 'old-style'];
    await saveInOrder(reader, ids);
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-saved-bib]').click()]);
    expect(download.suggestedFilename()).toMatch(/^reading-list-\d{4}-\d{2}-\d{2}\.bib$/);
    const text = await readFile(await download.path(), 'utf8');
    const entries = parseBib(text, 'downloaded .bib');
    // The same entries as the site's own per-paper files, newest saved first.
    const published = await Promise.all(
      [...ids]
        .reverse()
        .map(async (id) => parseBib(await readFile(join(site.build.outDir, `papers/${id}.bib`), 'utf8'))),
    );
    const fields = (entry: (typeof entries)[number]) => ({ type: entry.type, key: entry.key, fields: entry.fields });
    expect(entries.map((entry) => entry.key)).toEqual(published.flat().map((entry) => entry.key));
    expect(entries.map(fields)).toEqual(published.flat().map(fields));
    expect(await page.locator('[data-saved-status]').textContent()).toMatch(/Downloaded 2 BibTeX entries/);
  });

  it('downloads an RIS file of exactly the saved papers, written from their summaries without a request more', async () => {
    const reader = await newReader();
    await saveInOrder(reader, ['2402.00002', 'old-style']);
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 2);
    const requestsBefore = watched.at(-1)!.watch.requests.length;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-saved-ris]').click()]);
    expect(download.suggestedFilename()).toMatch(/^reading-list-\d{4}-\d{2}-\d{2}\.ris$/);
    const text = await readFile(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFFTY  - ')).toBe(true);
    // Each line a tag line (CR LF, as the specification asks), each record from TY to ER.
    const lines = text.slice(1).replace(/\r\n$/, '').split('\r\n');
    expect(lines.every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    const records = text
      .slice(1)
      .split(/(?<=ER {2}- \r\n)/)
      .map((record) => record.split('\r\n').filter(Boolean));
    // Newest saved first, as the list shows them; what each paper's file says.
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(
      expect.arrayContaining([
        'TY  - RPRT',
        'TI  - Knot Invariants, Old-Style',
        'AU  - van der Maaten, Laurens',
        'PY  - 2003',
        'DA  - 2003/09/08/',
        'UR  - https://arxiv.org/abs/math/0309136',
        'DO  - 10.48550/arXiv.math/0309136',
        'M1  - arXiv:math/0309136',
      ]),
    );
    expect(records[1]).toEqual(
      expect.arrayContaining([
        'TY  - CONF',
        'TI  - Attention Is What You Need',
        'AU  - Çelik, Zoë',
        'AU  - Turing, Alan',
        'T2  - NeurIPS 2024',
        'PY  - 2024',
        'DO  - 10.48550/arXiv.2402.00002',
      ]),
    );
    expect(records.map((record) => [record[0], record.at(-1)])).toEqual([
      ['TY  - RPRT', 'ER  - '],
      ['TY  - CONF', 'ER  - '],
    ]);
    expect(await page.locator('[data-saved-status]').textContent()).toBe(
      `Downloaded 2 RIS records as ${download.suggestedFilename()}.`,
    );
    // Written from the summaries the list already has: no .bib or other file fetched for it.
    expect(
      watched
        .at(-1)!
        .watch.requests.slice(requestsBefore)
        .filter((url) => /\.(json|bib)$/.test(url)),
    ).toEqual([]);
  });

  it('downloads the bytes the build would write of those entries, and leaves out a .bib that is not one entry', async () => {
    const reader = await newReader();
    await saveInOrder(reader, ['2402.00002', TRICKY, 'old-style']);
    // A host that answers a missing file with a page and 200 (a single-page app's fallback).
    await reader.route(`**${urls.paperBib(TRICKY)}`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><style>@media print{}</style>Home',
      }),
    );
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-saved-bib]').click()]);
    const published = await Promise.all(
      ['old-style', '2402.00002'].map((id) => readFile(join(site.build.outDir, `papers/${id}.bib`), 'utf8')),
    );
    expect(await readFile(await download.path(), 'utf8')).toBe(bibtexFile(published));
    expect(await page.locator('[data-saved-status]').textContent()).toBe(
      `Downloaded 2 BibTeX entries as ${download.suggestedFilename()}. 1 entry could not be loaded.`,
    );
  });

  it('downloads the entry of a saved paper whose summary failed to load, and says which papers are not in the file', async () => {
    const reader = await newReader();
    await reader.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('planted')) localStorage.setItem(key!, value!);
        sessionStorage.setItem('planted', '1');
      },
      [STORAGE_KEY, JSON.stringify(['gone-paper', TRICKY, '2402.00002'])],
    );
    // The summary of 2402.00002 fails on the way (its .bib does not): a flaky network.
    await reader.route(`**${urls.paperJson('2402.00002')}`, (route) => route.abort('aborted'));
    const page = await open(reader, urls.saved(), { allow404: true });
    await waitForSaved(page, 1);
    await page.waitForFunction(() =>
      /could not be loaded/.test(document.querySelector('[data-saved-status]')?.textContent ?? ''),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-saved-bib]').click()]);
    const keys = parseBib(await readFile(await download.path(), 'utf8'), 'downloaded .bib').map((entry) => entry.key);
    const published = await Promise.all(
      [TRICKY, '2402.00002'].map(async (id) =>
        parseBib(await readFile(join(site.build.outDir, `papers/${id}.bib`), 'utf8')),
      ),
    );
    expect(keys).toEqual(published.flat().map((entry) => entry.key));
    expect(await page.locator('[data-saved-status]').textContent()).toBe(
      `Downloaded 2 BibTeX entries as ${download.suggestedFilename()}. 1 saved paper is not in this digest, so not in the file.`,
    );
  });

  it('shares the list in a link that opens in another browser without replacing its own list', async () => {
    const alice = await newReader();
    await saveInOrder(alice, ['2402.00002', TRICKY]);
    const mine = await open(alice, urls.saved());
    await waitForSaved(mine, 2);
    const link = await mine.locator('[data-saved-share-link]').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${urls.saved()}#papers=`));

    const bob = await newReader();
    await saveInOrder(bob, ['old-style']);
    const before = await open(bob, urls.saved());
    const bobsList = await storedIds(before);
    const shared = await open(bob, link!);
    await waitForSaved(shared, 2);
    expect(await savedIds(shared)).toEqual([TRICKY, '2402.00002']);
    expect(await shared.locator('h1').textContent()).toBe('A shared reading list');
    // One heading says so; the tab says so too.
    expect(await shared.getByRole('heading', { name: 'A shared reading list' }).count()).toBe(1);
    expect(await shared.title()).toMatch(/^A shared reading list/);
    expect(await shared.locator('[data-saved-remove]').count()).toBe(0);
    expect(await storedIds(shared)).toBe(bobsList);

    const add = shared.locator('[data-saved-add]');
    expect(await add.textContent()).toBe('Add 2 papers to your reading list');
    await add.click();
    await shared.waitForFunction(
      () => document.querySelector('[data-saved-add]')?.getAttribute('aria-disabled') === 'true',
    );
    await shared.locator(`a[href="${urls.saved()}"]`).first().click();
    await waitForSaved(shared, 3);
    expect(await savedIds(shared)).toEqual([TRICKY, '2402.00002', 'old-style']);
  });

  it('reads a hostile stored list as the paper ids it holds', async () => {
    const reader = await newReader();
    for (const stored of ['not json', '{"0":"2401.00001"}', '"2401.00001"', 'null']) {
      await reader.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, stored]);
      const page = await open(reader, urls.saved());
      expect(await page.locator('[data-saved-empty]').isVisible(), stored).toBe(true);
      await page.close();
    }
    const junk = JSON.stringify([42, '<img src=x>', TRICKY, 'UPPER', TRICKY, null, '../x', { id: 'a' }, 'old-style']);
    const mixed = await newReader();
    await mixed.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, junk]);
    const page = await open(mixed, urls.saved());
    await waitForSaved(page, 2);
    expect(await savedIds(page)).toEqual([TRICKY, 'old-style']);
    expect(await page.locator('main img').count()).toBe(0);
    const day = await open(mixed, urls.day('2025-02-03'));
    expect(await pressed(day)).toEqual([TRICKY]);
  });

  it('marks a title in a script other than Latin with its script (lang), as the cards do', async () => {
    const reader = await newReader();
    const ids = ['2402.00002', TRICKY, 'no-arxiv', 'old-style'];
    await reader.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [STORAGE_KEY, JSON.stringify(ids)],
    );
    // The digest's titles are Latin: these answers give three saved papers titles of other scripts.
    const titles: Record<string, string> = {
      '2402.00002': 'Внимание — всё, что нужно',
      [TRICKY]: '注意力就是你所需要的',
      'no-arxiv': 'الانتباه هو كل ما تحتاجه',
    };
    await reader.route('**/papers/*.json', async (route) => {
      const id = decodeURIComponent(
        route
          .request()
          .url()
          .replace(/^.*\/papers\/|\.json$/g, ''),
      );
      const response = await route.fetch();
      const summary = (await response.json()) as { title: string };
      await route.fulfill({ response, json: { ...summary, title: titles[id] ?? summary.title } });
    });
    const page = await open(reader, urls.saved());
    await waitForSaved(page, 4);
    const shown = await page.$$eval('[data-saved-list] > li', (items) =>
      items.map((item) => ({
        id: item.getAttribute('data-saved-paper'),
        lang: item.querySelector('h2')!.getAttribute('lang'),
      })),
    );
    expect(Object.fromEntries(shown.map(({ id, lang }) => [id, lang]))).toEqual({
      '2402.00002': 'und-Cyrl',
      [TRICKY]: 'und-Hani',
      'no-arxiv': 'und-Arab',
      // A Latin title has none: the page's English.
      'old-style': null,
    });
  });

  it('names saved ids the digest does not have, and lets them be removed', async () => {
    const reader = await newReader();
    await reader.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('planted')) localStorage.setItem(key!, value!);
        sessionStorage.setItem('planted', '1');
      },
      [STORAGE_KEY, JSON.stringify(['gone-paper', TRICKY])],
    );
    const page = await open(reader, urls.saved(), { allow404: true });
    await waitForSaved(page, 1);
    expect(await page.locator('[data-saved-missing]').isVisible()).toBe(true);
    expect(await page.locator('[data-saved-missing-list] code').allTextContents()).toEqual(['gone-paper']);
    // The share link shares the papers the list shows, not the id the digest does not have.
    expect(await page.locator('[data-saved-share-link]').getAttribute('href')).toBe(
      `${urls.saved()}#papers=${encodeURIComponent(TRICKY)}`,
    );
    await page.locator('button[data-saved-remove="gone-paper"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-saved-missing]')?.hidden);
    expect(JSON.parse((await storedIds(page))!)).toEqual([TRICKY]);
  });
  it('keeps, and names, papers a stored list holds beyond the limit: a toggle shows them saved, a Remove keeps them', async () => {
    // Another version or script stored more than a list shows: 1,000 ids, then TRICKY, saved longest ago.
    const absent = Array.from({ length: 1000 }, (_, index) => `absent-${index}`);
    const reader = await newReader();
    await reader.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('planted')) localStorage.setItem(key!, value!);
        sessionStorage.setItem('planted', '1');
      },
      [STORAGE_KEY, JSON.stringify([...absent, TRICKY])],
    );
    const page = await open(reader, urls.saved(), { allow404: true });
    const status = page.locator('[data-saved-status]');
    await page.waitForFunction(() => document.querySelector('[data-saved-status]')?.textContent?.includes('Showing'));
    expect(await status.textContent()).toBe(
      'Showing 0 papers; 1,000 are not in this digest. Your reading list holds 1,001 papers, more than this page ' +
        'shows (1,000): the 1 paper saved longest ago is kept, but not shown, shared or downloaded. Remove some to see them.',
    );
    await page.locator('button[data-saved-remove="absent-0"]').click();
    await page.waitForFunction(() => !document.querySelector('button[data-saved-remove="absent-0"]'));
    // The paper beyond the limit is still stored, and now within it: shown.
    expect(JSON.parse((await storedIds(page))!)).toEqual([...absent.slice(1), TRICKY]);
    await waitForSaved(page, 1);
    expect(await savedIds(page)).toEqual([TRICKY]);
    expect(await status.textContent()).not.toContain('more than this page shows');
    const day = await open(reader, urls.day('2025-02-03'));
    expect(await pressed(day)).toEqual([TRICKY]);
  });

  it('shows a paper stored beyond the limit as saved on its toggle, and saves no more', async () => {
    const reader = await newReader();
    const absent = Array.from({ length: 1000 }, (_, index) => `absent-${index}`);
    await reader.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [STORAGE_KEY, JSON.stringify([...absent, TRICKY])],
    );
    const day = await open(reader, urls.day('2025-02-03'));
    expect(await pressed(day)).toEqual([TRICKY]);
  });
});

describe('a hostile shared link', () => {
  const noMarkup = async (page: Page) => {
    expect(await page.locator('main img, main script, main b, main iframe').count()).toBe(0);
  };

  it('shows no markup for ids with HTML or broken escapes, and skips them', async () => {
    const reader = await newReader();
    const parts = [
      encodeURIComponent('<img src=x onerror=alert(1)>'),
      '<script>alert(1)</script>',
      '%zz',
      encodeURIComponent('../../etc/passwd'),
      encodeURIComponent('2401.00001"><b>x</b>'),
      'javascript:alert(1)',
      TRICKY,
    ];
    const page = await open(reader, `${urls.saved()}#papers=${parts.join(',')}`);
    await waitForSaved(page, 1);
    expect(await savedIds(page)).toEqual([TRICKY]);
    await noMarkup(page);
    expect(await page.locator('[data-saved-shared-summary]').textContent()).toBe(
      'This link lists 1 paper. 6 entries of the link are not paper ids: left out.',
    );
  });

  it('reads long, unicode and percent-encoded entries as the ids they spell, and writes nothing', async () => {
    const reader = await newReader();
    const parts = [
      'a'.repeat(100_000), // one entry far longer than any id
      '%'.repeat(1_000),
      encodeURIComponent('été'),
      '😀',
      encodeURIComponent('\u202E2401.00001'), // a bidi override before an id
      '2401.00001v2',
      encodeURIComponent('2401.00001%2Cold-style'), // encoded twice: not an id
      '__proto__',
      // Percent-encoding of an id's own characters spells that id.
      [...'old-style'].map((char) => `%${char.charCodeAt(0).toString(16)}`).join(''),
    ];
    const page = await open(reader, `${urls.saved()}#papers=${parts.join(',')}`);
    await waitForSaved(page, 1);
    expect(await savedIds(page)).toEqual(['old-style']);
    expect(await page.locator('[data-saved-shared-summary]').textContent()).toBe(
      'This link lists 1 paper. 8 entries of the link are not paper ids: left out.',
    );
    expect(await storedIds(page)).toBeNull();
  });

  it("says when its fragment is no reading list, quoting it as text, and still shows the reader's own", async () => {
    const reader = await newReader();
    await saveInOrder(reader, [TRICKY]);
    const problem = (page: Page) => page.locator('[data-saved-link-problem]');
    // `papers=` naming no paper id (a link cut short, or mangled) lists nothing: no list, not "0 papers".
    for (const fragment of [
      'ids=<script>alert(1)</script>',
      'papers',
      'papers=',
      'papers=,%20',
      'papers=%3Cb%3E,%zz',
      'Papers%3D2401.00001',
      '%E0%A4%A',
    ]) {
      const page = await open(reader, `${urls.saved()}#${fragment}`);
      await waitForSaved(page, 1);
      expect(await problem(page).isVisible(), fragment).toBe(true);
      const quoted = await problem(page).locator('bdi code').textContent();
      expect(quoted, fragment).toBe(new URL(page.url()).hash);
      expect(await problem(page).textContent()).toBe(
        `This link ends in ${quoted}, which is not a reading list (a shared list's link ends in #papers= and the papers' ids). Showing your own reading list instead.`,
      );
      expect(await page.locator('[data-saved-heading]').textContent()).toBe('Your reading list');
      await noMarkup(page);
      await page.close();
    }
    // A place on the page (the skip link's #main) is no link to a list; nor is a list itself.
    for (const fragment of ['main', `papers=${TRICKY}`]) {
      const page = await open(reader, `${urls.saved()}#${fragment}`);
      await waitForSaved(page, 1);
      expect(await problem(page).isHidden(), fragment).toBe(true);
      await page.close();
    }
  });

  it('reads commas written %2C as the separators they are', async () => {
    const reader = await newReader();
    const page = await open(reader, `${urls.saved()}#papers=old-style%2C${TRICKY}`);
    await waitForSaved(page, 2);
    expect(await savedIds(page)).toEqual(['old-style', TRICKY]);
  });

  it('keeps 10,000 repeated ids to one each', async () => {
    const reader = await newReader();
    const ids = Array.from({ length: 10_000 }, (_, index) => (index % 2 ? TRICKY : 'old-style'));
    const page = await open(reader, `${urls.saved()}#papers=${ids.join(',')}`);
    await waitForSaved(page, 2);
    expect(await savedIds(page)).toEqual(['old-style', TRICKY]);
  });

  it('caps 10,000 distinct ids at 1,000 and names those not in the digest', async () => {
    const reader = await newReader();
    const ids = [TRICKY, ...Array.from({ length: 9_999 }, (_, index) => `absent-${index}`)];
    const page = await open(reader, `${urls.saved()}#papers=${ids.join(',')}`, { allow404: true });
    await waitForSaved(page, 1);
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-missing-list] li').length > 0);
    expect(await page.locator('[data-saved-missing-list] li').count()).toBe(999);
    expect(await page.locator('[data-saved-shared-summary]').textContent()).toBe(
      'This link lists 1,000 papers. 999 of them are not in this digest. It holds 9,000 more papers than a list can: only the first 1,000 are shown.',
    );
    await noMarkup(page);
    expect(await page.locator('[data-saved-add]').textContent()).toBe('Add 1 paper to your reading list');
  });
});

describe('the missing page under the base path', () => {
  it('loads its stylesheet and scripts and links into the site from any depth, and offers the page nearly named', async () => {
    const reader = await newReader();
    const page = await reader.newPage(); // a 404 is what this test asks for: no watch of failures
    const watch = watchPage(page); // waited on only
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      // Chromium reports the page's HEAD requests as aborted though they are answered (the offer
      // checked below is made from that answer): any other failure counts.
      const text = `${request.method()} ${request.url()} ${request.failure()?.errorText}`;
      if (!/^HEAD .* net::ERR_ABORTED$/.test(text)) failed.push(text);
    });
    page.on('pageerror', (error) => failed.push(String(error)));
    for (const asked of ['/sub/nowhere/', '/sub/Topics/Attention/', '/sub/a/b/c/d/e/']) {
      const response = await page.goto(site.server.origin + asked);
      await settled(watch);
      expect(response?.status(), asked).toBe(404);
      // Styled (the site's stylesheet applied), its links all inside the site's base path.
      const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.cssRules.length));
      expect(sheets.length, asked).toBeGreaterThan(0);
      for (const rules of sheets) expect(rules, asked).toBeGreaterThan(0);
      const links = await page.$$eval('main a[href]', (anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
      for (const link of links) expect(link, asked).toMatch(/^\/sub\//);
    }
    await page.goto(`${site.server.origin}/sub/Topics/Attention/`);
    await settled(watch, { ready: () => page.locator('[data-not-found-near]').isVisible() });
    expect(await page.locator('[data-not-found-near]').textContent()).toBe(
      `Perhaps you meant ${urls.topic('attention')}`,
    );
    expect(failed).toEqual([]);
  });
});

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  /** axe's violations on the page as it is now, as `rule: target` lines. */
  const axeViolations = async (page: Page) => {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      type Result = { id: string; nodes: { target: string[] }[] };
      const { axe } = window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Result[] }> };
      };
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
      );
    });
  };

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds nothing on toggles, the reading list and a shared list in the ${colorScheme} theme`, async () => {
      const reader = await newReader({ colorScheme });
      await saveInOrder(reader, [TRICKY, '2403.00003']);
      const day = await open(reader, urls.day(DAY));
      expect(await pressed(day)).toEqual(['2403.00003']);
      expect(await axeViolations(day)).toEqual([]);
      const saved = await open(reader, urls.saved());
      await waitForSaved(saved, 2);
      expect(await axeViolations(saved)).toEqual([]);
      const shared = await open(reader, `${urls.saved()}#papers=old-style,no-arxiv`);
      await waitForSaved(shared, 2);
      expect(await axeViolations(shared)).toEqual([]);
    });
  }
});
