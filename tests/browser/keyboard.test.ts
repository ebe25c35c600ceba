/**
 * Keyboard reading on list pages, in Debian's Chromium: `j`/`k` move between paper cards, `o` and
 * `Enter` open one, `?` shows the keys; typing in a field and modified keys are left alone. Also
 * the copy button of a paper page. Built from tests/fixtures/cite under a base path (`/sub/`).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUrls } from '../../src/lib/urls.ts';
import { type StaticServer, useSite } from './helpers.ts';

const BASE = '/sub/';
const urls = createUrls({ base: BASE, site: 'https://digest.example.org' });

let server: StaticServer;
let page: Page;

useSite('tests/fixtures/cite', {
  base: BASE,
  browserOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  onOpen: (site) => ({ server } = site),
  onPage: (fresh) => (page = fresh),
});

const open = (path: string) => page.goto(server.origin + path, { waitUntil: 'load' });

/** The hrefs of the cards' title links, in page order. */
const cardLinks = () =>
  page.$$eval('[data-paper-card]', (cards) =>
    cards.map((card) => card.querySelector('h2 a, h3 a')!.getAttribute('href')),
  );

/** Which card (by index) is selected and whether it has focus. */
const selection = () =>
  page.evaluate(() => {
    const cards = [...document.querySelectorAll('[data-paper-card]')];
    return {
      selected: cards.findIndex((card) => card.hasAttribute('data-keyboard-current')),
      focused: cards.findIndex((card) => card === document.activeElement),
      count: cards.filter((card) => card.hasAttribute('data-keyboard-current')).length,
    };
  });

describe('keyboard reading', () => {
  it('moves between papers with j and k, and shows which one is selected', async () => {
    await open(urls.day('2025-02-04'));
    expect((await cardLinks()).length).toBe(3);
    expect(await selection()).toEqual({ selected: -1, focused: -1, count: 0 });

    await page.keyboard.press('j');
    expect(await selection()).toEqual({ selected: 0, focused: 0, count: 1 });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j'); // stays on the last
    expect(await selection()).toEqual({ selected: 2, focused: 2, count: 1 });
    await page.keyboard.press('k');
    expect(await selection()).toEqual({ selected: 1, focused: 1, count: 1 });
    await page.keyboard.press('k');
    await page.keyboard.press('k'); // stays on the first
    expect(await selection()).toEqual({ selected: 0, focused: 0, count: 1 });

    // The selected card is visibly outlined.
    const outline = await page.$eval('[data-keyboard-current]', (card) => getComputedStyle(card).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('opens the selected paper with o', async () => {
    await open(urls.day('2025-02-04'));
    const links = await cardLinks();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(server.origin + links[1]!), page.keyboard.press('o')]);
    expect(new URL(page.url()).pathname).toBe(links[1]);
  });

  it('opens the focused card with Enter', async () => {
    await open(urls.topic('tricky'));
    const links = await cardLinks();
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(server.origin + links[0]!), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(links[0]);
  });

  it('starts from the card the reader tabbed into', async () => {
    await open(urls.day('2025-02-04'));
    const links = await cardLinks();
    await page.focus(`[data-paper-card] a[href="${links[1]}"]`);
    await page.keyboard.press('j');
    expect(await selection()).toMatchObject({ selected: 2, focused: 2 });
  });

  it('toggles the help dialog with ?, which Escape and its button also close', async () => {
    await open(urls.day('2025-02-04'));
    const isOpen = () => page.$eval('dialog[data-keyboard-help]', (dialog) => (dialog as HTMLDialogElement).open);
    expect(await isOpen()).toBe(false);
    await page.keyboard.press('?');
    expect(await isOpen()).toBe(true);
    expect(await page.isVisible('dialog[data-keyboard-help] >> text=Next paper')).toBe(true);
    // Keys other than ? do nothing while it is open.
    await page.keyboard.press('j');
    expect((await selection()).selected).toBe(-1);
    await page.keyboard.press('?');
    expect(await isOpen()).toBe(false);
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    // The hint button is shown once the script runs, and opens the dialog too.
    await page.click('[data-keyboard-help-open]');
    expect(await isOpen()).toBe(true);
    await page.click('[data-keyboard-help-close]');
    expect(await isOpen()).toBe(false);
  });

  it('leaves keys alone in form fields and with modifier keys', async () => {
    await open(urls.day('2025-02-04'));
    const input = await page.$('input');
    if (input) {
      await input.focus();
      await page.keyboard.type('jjk?o');
      expect(await selection()).toEqual({ selected: -1, focused: -1, count: 0 });
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    }
    await page.keyboard.press('Control+j');
    await page.keyboard.press('Alt+j');
    await page.keyboard.press('Meta+j');
    expect((await selection()).selected).toBe(-1);
    // A field inserted later (by another script) is just as safe.
    await page.evaluate(() => {
      const field = document.createElement('textarea');
      document.body.append(field);
      field.focus();
    });
    await page.keyboard.type('j');
    expect((await selection()).selected).toBe(-1);
  });

  it('does nothing on pages with neither paper cards nor a paper', async () => {
    await open(urls.archive());
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    expect(await page.$('dialog[data-keyboard-help]')).toBeNull();
  });

  it('shows the keys of a paper page with ?, closes with its button and gives the focus back', async () => {
    await open(urls.paper('2402.00002'));
    const help = page.locator('dialog[data-keyboard-help]');
    const isOpen = () => help.evaluate((dialog) => (dialog as HTMLDialogElement).open);
    const save = page.locator('button[data-save-toggle]');
    await save.focus();
    await page.keyboard.press('?');
    expect(await isOpen()).toBe(true);
    // The keys that work here, each once; not the list pages' j, k and o.
    const keys = await help.locator('dt:visible').allInnerTexts();
    expect(keys).toEqual(['s', '/', '?']);
    expect(await help.getByText('Save or unsave this paper').isVisible()).toBe(true);
    // Keyboard-reachable: the focus is in the dialog, and its Close button closes it.
    expect(await help.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await help.locator('[data-keyboard-help-close]').focus();
    await page.keyboard.press('Enter');
    expect(await isOpen()).toBe(false);
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
    // ? closes it too, and the hint button opens it.
    await page.keyboard.press('?');
    await page.keyboard.press('?');
    expect(await isOpen()).toBe(false);
    await page.click('[data-keyboard-help-open]');
    expect(await isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    // Typed into the search box, ? is a character.
    await page.locator('[data-search-input]').first().focus();
    await page.keyboard.press('?');
    expect(await isOpen()).toBe(false);
  });
});

describe('keyboard help: where it is, and the keys while it is open', () => {
  it('offers the help on a paper page beside its other controls, not after the neighbour links', async () => {
    await open(urls.paper('2402.00002'));
    const hint = page.locator('[data-keyboard-help-open]');
    expect(await hint.isVisible()).toBe(true);
    const place = await hint.evaluate((button) => {
      const before = (selector: string) =>
        Boolean(button.compareDocumentPosition(document.querySelector(selector)!) & Node.DOCUMENT_POSITION_FOLLOWING);
      const save = document.querySelector('button[data-save-toggle]')!;
      return {
        besideSave: button.closest('[data-keyboard-hint]')!.parentElement === save.parentElement,
        beforeAbstract: before('.abstract'),
        beforeCitation: before('.citation'),
        beforeNeighbours: before('nav.neighbours'),
      };
    });
    expect(place).toEqual({ besideSave: true, beforeAbstract: true, beforeCitation: true, beforeNeighbours: true });
    // In tab order, right after the Save toggle.
    await page.locator('button[data-save-toggle]').focus();
    await page.keyboard.press('Tab');
    expect(await hint.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  /** Every key of the page pressed with the help open: each must leave the page as it was and go unclaimed. */
  async function pressPageKeysWithHelpOpen(keys: string[]) {
    await page.evaluate(() => {
      (window as unknown as { claimed: string[] }).claimed = [];
      window.addEventListener('keydown', (event) => {
        if (event.defaultPrevented) (window as unknown as { claimed: string[] }).claimed.push(event.key);
      });
    });
    const state = () =>
      page.evaluate(() => ({
        url: location.href,
        open: (document.querySelector('dialog[data-keyboard-help]') as HTMLDialogElement).open,
        focusInDialog: document.querySelector('dialog[data-keyboard-help]')!.contains(document.activeElement),
        selected: document.querySelectorAll('[data-keyboard-current]').length,
        saved: [...document.querySelectorAll('button[data-save-toggle]')].map((b) => b.getAttribute('aria-pressed')),
        search: (document.querySelector('[data-search-input]') as HTMLInputElement).value,
      }));
    const opened = await state();
    expect(opened).toMatchObject({ open: true, focusInDialog: true, selected: 0 });
    for (const key of keys) {
      await page.keyboard.press(key);
      expect(await state(), `after ${key}`).toEqual(opened);
    }
    expect(await page.evaluate(() => (window as unknown as { claimed: string[] }).claimed)).toEqual([]);
  }

  it('gives the focus back on closing only where no key has moved it since (the close event comes a task later)', async () => {
    await open(urls.paper('2402.00002'));
    // Opened from its hint button, where the focus would go back.
    await page.click('[data-keyboard-help-open]');
    // Closed, and `/` pressed before the dialog's close event: the search box keeps the focus.
    const focused = await page.evaluate(async () => {
      (document.querySelector('dialog[data-keyboard-help]') as HTMLDialogElement).close();
      document.querySelector<HTMLInputElement>('[data-search-input]')!.focus();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return document.activeElement?.hasAttribute('data-search-input');
    });
    expect(focused).toBe(true);
  });

  it('takes no page key while open on a paper page: s and / wait, ? and Escape close it', async () => {
    await open(urls.paper('2402.00002'));
    await page.keyboard.press('?');
    await pressPageKeysWithHelpOpen(['s', '/', 'j', 'k', 'o']);
    await page.keyboard.press('?');
    expect(await page.$eval('dialog[data-keyboard-help]', (dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    // Opened with the hint button, the same.
    await page.click('[data-keyboard-help-open]');
    await pressPageKeysWithHelpOpen(['/', 's']);
    await page.keyboard.press('Escape');
    expect(await page.$eval('dialog[data-keyboard-help]', (dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    // Closed, the keys work again: / goes to the search box.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input'))).toBe(true);
  });

  it('takes no page key while open on a list page', async () => {
    await open(urls.day('2025-02-04'));
    await page.keyboard.press('?');
    await pressPageKeysWithHelpOpen(['j', 'k', 'o', 's', '/']);
    await page.click('[data-keyboard-help-close]');
    await page.click('[data-keyboard-help-open]');
    await pressPageKeysWithHelpOpen(['/', 'j', 's']);
  });
});

/** The BibTeX entry's copy button and its status (the reference above it has its own). */
const BIBTEX_BUTTON = 'button[data-copy-target="bibtex-entry"]';
const BIBTEX_STATUS = '.citation-actions:has([data-copy-target="bibtex-entry"]) .copy-status';

describe('copy button', () => {
  it('appears with JavaScript and copies the BibTeX entry', async () => {
    await open(urls.paper('2402.00002'));
    const button = page.locator(BIBTEX_BUTTON);
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await page.waitForFunction((status) => document.querySelector(status)?.textContent !== '', BIBTEX_STATUS);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const expected = await (await fetch(server.origin + urls.paperBib('2402.00002'))).text();
    expect(copied).toBe(expected);
    expect(await page.textContent(BIBTEX_STATUS)).toBe('Copied to the clipboard.');
  });

  it('says it could not copy where the clipboard is refused, and leaves the entry selected to copy by hand', async () => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
    });
    await open(urls.paper('2402.00002'));
    await page.locator(BIBTEX_BUTTON).click();
    await page.waitForFunction((status) => document.querySelector(status)?.textContent !== '', BIBTEX_STATUS);
    expect(await page.textContent(BIBTEX_STATUS)).toBe(
      'Could not copy: this browser did not allow it. The text is selected: press Ctrl+C (⌘C) to copy it.',
    );
    // The selection is the entry, as the page shows it (the text a Ctrl+C copies).
    const entry = await page.$eval('#bibtex-entry', (pre) => (pre as HTMLElement).innerText.trim());
    expect(entry).toMatch(/^@\w+\{/);
    expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(entry);
    expect(await page.$eval('#bibtex-entry', (pre) => getComputedStyle(pre).userSelect)).not.toBe('none');
    // A refusal is not a passing note: it stays until the next press (a success clears itself).
    await page.waitForTimeout(4500);
    expect(await page.textContent(BIBTEX_STATUS)).toMatch(/^Could not copy/);
  });
});

describe('copy the reference', () => {
  it('copies the plain-text reference, as APA cites the paper, and says so', async () => {
    await open(urls.paper('2402.00002'));
    const button = page.locator('button[data-copy-target="reference"]');
    expect(await button.isVisible()).toBe(true);
    expect((await button.textContent())?.trim()).toBe('Copy reference');
    await button.click();
    const status = '.citation-actions:has([data-copy-target="reference"]) .copy-status';
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent !== '', status);
    // tests/fixtures/cite: Zoë Çelik and Alan Turing, first version 2024-02-01, at NeurIPS 2024.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Çelik, Z., & Turing, A. (2024). Attention Is What You Need. NeurIPS 2024. arXiv:2402.00002.',
    );
    expect(await page.textContent(status)).toBe('Copied to the clipboard.');
  });
});

describe('copy text with math', () => {
  /** Selects from `from` to `to` (each a selector and a character offset in its text), copies with Ctrl+C, and reads the clipboard. */
  const copySelection = async (from: [string, number], to: [string, number]) => {
    await page.evaluate(
      ([[startSelector, startOffset], [endSelector, endOffset]]) => {
        // The text node and offset at a character offset of an element's text.
        const at = (selector: string, offset: number): [Node, number] => {
          const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
          let left = offset;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (left <= node.textContent!.length) return [node, left];
            left -= node.textContent!.length;
          }
          throw new Error(`no offset ${offset} in ${selector}`);
        };
        const range = document.createRange();
        range.setStart(...at(startSelector, startOffset));
        range.setEnd(...at(endSelector, endOffset));
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      },
      [from, to] as const,
    );
    await page.keyboard.press('Control+C');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const whole = (selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').length);

  it('copies each formula of an abstract once, as its TeX, on the paper page and on a card', async () => {
    // tests/fixtures/cite 2401.00001: "An abstract with math $O(n^2)$." Before, the copy held the
    // MathML's tokens a line each, then the flattened formula: "… math \nO\n(\nn\n2\n)\nO(n2)."
    // A card's excerpt holds no TeX: its formula is copied as one line, its script as `^`.
    for (const [path, paragraph, copied] of [
      [urls.paper('2401.00001'), '.abstract p', 'An abstract with math $O(n^2)$.'],
      [
        urls.day('2025-02-03'),
        '[data-paper-card]:has(a[href$="/2401.00001/"]) .abstract p',
        'An abstract with math O(n^2).',
      ],
    ] as const) {
      await open(path);
      expect(await copySelection([paragraph, 0], [paragraph, await whole(paragraph)]), path).toBe(copied);
    }
    // A selection that starts inside the formula's letters takes the whole formula.
    await open(urls.paper('2401.00001'));
    expect(await copySelection(['.abstract .katex-html', 1], ['.abstract p', await whole('.abstract p')])).toBe(
      '$O(n^2)$.',
    );
    // Text without a formula is copied as the browser copies it.
    expect(await copySelection(['.abstract p', 0], ['.abstract p', 11])).toBe('An abstract');
  });
});
