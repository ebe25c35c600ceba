/**
 * Reading the reader fixture (tests/fixtures/reader, page size 3) in Debian's Chromium: the names
 * of links and buttons as the browser computes them (accessibility tree) where papers share a
 * title, a shared reading list of 1,000 ids the digest does not have, and the keyboard help.
 *
 * The fixture's 2024-06-15 has two papers titled "Paper twin" (2406.00001 and 2406.00002), and
 * 2024-06-14 a third, "Paper Twin", without an arXiv id (twin-undated).
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARALLEL_REQUESTS } from '../../src/lib/reading-list.ts';
import type { PageWatch } from '../../src/dev/browser.ts';
import { settled, useSite, watchPage, type OpenSite } from './helpers.ts';

let site: OpenSite;
let page: Page;
let watch: PageWatch;

useSite('tests/fixtures/reader', {
  env: { PAPER_DIGEST_PAGE_SIZE: '3' },
  onOpen: (opened) => (site = opened),
  onPage: (fresh, freshWatch) => {
    page = fresh;
    watch = freshWatch;
  },
});

/**
 * Goes to `path` once the page shown has nothing in flight (leaving would abort it), and waits
 * until the new page has settled.
 */
const open = async (path: string) => {
  await settled(watch);
  const response = await page.goto(site.server.origin + path);
  await settled(watch);
  return response;
};

/**
 * The page's links and buttons as Chromium's accessibility tree names them (what a screen reader's
 * list of links or buttons shows), with each link's target: `button "Save …"`, `link "…" → /x/`.
 */
async function namedControls(): Promise<{ role: string; name: string; target: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
  };
  const controls = [];
  for (const node of nodes) {
    const role = node.role?.value;
    if (node.ignored || (role !== 'button' && role !== 'link') || node.backendDOMNodeId === undefined) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.getAttribute("href") ?? ""; }',
      returnByValue: true,
    });
    controls.push({ role, name: node.name?.value ?? '', target: String(result.value) });
  }
  await cdp.detach();
  return controls;
}

/** Names that stand for two things: two buttons of one name, or one link name to two places. */
async function ambiguous(): Promise<string[]> {
  const seen = new Map<string, Set<string>>();
  for (const { role, name, target } of await namedControls()) {
    const key = `${role} "${name}"`;
    const targets = seen.get(key) ?? new Set();
    targets.add(role === 'button' ? `#${targets.size + 1}` : target);
    seen.set(key, targets);
  }
  return [...seen]
    .filter(([, targets]) => targets.size > 1)
    .map(([key, targets]) => `${key} → ${[...targets].join(', ')}`);
}

describe('papers of one title', () => {
  it('have Save buttons and links of names that tell them apart on a day, a topic and an author page', async () => {
    for (const path of ['/2024/06/15/', '/topics/alpha/11/', '/authors/shared-person/11/']) {
      await open(path);
      const twins = await page.locator('.paper-card', { hasText: /Paper twin/i }).count();
      expect(twins, path).toBeGreaterThanOrEqual(2);
      expect(await ambiguous(), path).toEqual([]);
    }
    await open('/2024/06/15/');
    const saves = (await namedControls()).filter((control) => control.name.startsWith('Save'));
    expect(saves.map((control) => control.name).sort()).toEqual([
      'Save “Paper twin” (arXiv:2406.00001) to your reading list',
      'Save “Paper twin” (arXiv:2406.00002) to your reading list',
    ]);
    // What a press says names the same paper.
    await page.getByRole('button', { name: 'Save “Paper twin” (arXiv:2406.00002) to your reading list' }).click();
    expect(await page.locator('[data-reading-list-status]').textContent()).toBe(
      'Saved “Paper twin” (arXiv:2406.00002) to your reading list.',
    );
  });

  it('have Remove buttons and links that tell them apart on the reading list', async () => {
    await open('/');
    await page.evaluate(() => localStorage.clear());
    await open('/saved/#papers=2406.00001,2406.00002,twin-undated');
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-list] li').length === 3);
    expect(await ambiguous()).toEqual([]);
    // Their own list, with Remove buttons.
    await page.getByRole('button', { name: /^Add 3 papers/ }).click();
    await open('/saved/');
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-remove]').length === 3);
    expect(await ambiguous()).toEqual([]);
    const removes = (await namedControls()).filter((control) => control.name.startsWith('Remove'));
    expect(removes).toHaveLength(3);
  });
});

describe('a shared link of 1,000 ids the digest does not have', () => {
  // A page of its own, not watched for failed requests: 404s are what these tests answer.
  let own: Page;
  beforeEach(async () => {
    own = await site.browser.context.newPage();
  });
  afterEach(() => own.close());
  it(`asks for at most ${PARALLEL_REQUESTS} papers at a time, shows its progress and says what it found`, async () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `absent-${index}`);
    let inFlight = 0;
    let most = 0;
    let asked = 0;
    // Each answer waits for the next turn of the server's event loop, so requests sent together
    // are seen together.
    await own.route('**/papers/*.json', async (route) => {
      asked += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      await route.fulfill({ status: 404, body: '' });
    });
    // No waiting for the page to settle: the requests are the point. A 404 is what this test expects.
    await own.goto(`${site.server.origin}/saved/#papers=${ids.join(',')}`);
    const progress = own.locator('[data-saved-progress]');
    await own.waitForFunction(() => document.querySelectorAll('[data-saved-missing-list] li').length === 1000);
    expect(asked).toBe(1000);
    expect(most).toBeLessThanOrEqual(PARALLEL_REQUESTS);
    expect(await progress.isHidden()).toBe(true);
    expect(await own.locator('[data-saved-status]').textContent()).toBe(
      'Showing 0 papers; 1,000 are not in this digest.',
    );
    expect(await own.locator('[data-saved-shared-summary]').textContent()).toBe(
      'This link lists 1,000 papers. 1,000 of them are not in this digest.',
    );
  });

  it('shows a progress bar while it loads', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered = 0;
    await own.route('**/papers/*.json', async (route) => {
      // The first answers come at once, the rest when the test has looked.
      if (answered++ >= PARALLEL_REQUESTS) await held;
      await route.fulfill({ status: 404, body: '' });
    });
    await own.goto(
      `${site.server.origin}/saved/#papers=${Array.from({ length: 50 }, (_, i) => `absent-${i}`).join(',')}`,
    );
    const progress = own.locator('[data-saved-progress]');
    await own.waitForFunction(() => (document.querySelector('[data-saved-progress]') as HTMLProgressElement).value > 0);
    expect(await progress.isVisible()).toBe(true);
    expect(await progress.evaluate((bar: HTMLProgressElement) => [bar.value > 0, bar.max])).toEqual([true, 50]);
    expect(await own.locator('[data-saved-status]').textContent()).toBe('Loading 50 papers…');
    release();
    await own.waitForFunction(() => document.querySelectorAll('[data-saved-missing-list] li').length === 50);
    expect(await progress.isHidden()).toBe(true);
  });
});

describe('the keyboard help', () => {
  /** The keys the help lists, as its <kbd>s say them. */
  const listedKeys = () =>
    page.$$eval('dialog[data-keyboard-help] dt kbd', (keys) => keys.map((key) => key.textContent));
  const helpOpen = () => page.$eval('dialog[data-keyboard-help]', (dialog) => (dialog as HTMLDialogElement).open);
  const selected = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-paper-card]')].findIndex((card) =>
        card.hasAttribute('data-keyboard-current'),
      ),
    );

  it('lists only keys that do what it says, on a list page', async () => {
    const checks: Record<string, () => Promise<void>> = {
      j: async () => {
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        expect(await selected()).toBe(1);
      },
      k: async () => {
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        await page.keyboard.press('k');
        expect(await selected()).toBe(0);
      },
      o: async () => {
        await page.keyboard.press('j');
        await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press('o')]);
      },
      Enter: async () => {
        await page.keyboard.press('j');
        await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press('Enter')]);
      },
      s: async () => {
        await page.keyboard.press('j');
        await page.keyboard.press('s');
        expect(
          await page.locator('[data-keyboard-current] button[data-save-toggle]').getAttribute('aria-pressed'),
        ).toBe('true');
        await page.keyboard.press('s');
      },
      '/': async () => {
        await page.keyboard.press('/');
        expect(
          await page.evaluate(() => document.activeElement?.matches('input[type="search"], [data-search-input]')),
        ).toBe(true);
      },
      '?': async () => {
        await page.keyboard.press('?');
        expect(await helpOpen()).toBe(true);
        await page.keyboard.press('?');
        expect(await helpOpen()).toBe(false);
      },
      Esc: async () => {
        await page.keyboard.press('?');
        await page.keyboard.press('Escape');
        expect(await helpOpen()).toBe(false);
      },
    };
    await open('/2025/01/01/');
    const keys = await listedKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(Object.keys(checks), `a listed key this test cannot check: ${key}`).toContain(key);
      await open('/2025/01/01/');
      await checks[key]!();
    }
  });

  it('opens from its button with the keyboard and gives the focus back when it closes', async () => {
    await open('/2025/01/01/');
    const button = page.locator('[data-keyboard-help-open]');
    // Reachable with Tab from the start of the page.
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await button.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    expect(await helpOpen()).toBe(true);
    // The focus is in the dialog, and Escape closes it back onto the button.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await helpOpen()).toBe(false);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    // Closed with its Close button, pressed with the keyboard, likewise.
    await page.keyboard.press('Enter');
    await page.locator('[data-keyboard-help-close]').focus();
    await page.keyboard.press('Enter');
    expect(await helpOpen()).toBe(false);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    // Opened with ? from a selected paper, it closes back onto that paper.
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-keyboard-current'))).toBe(true);
  });
});

describe('printing', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`prints the ${theme} theme's pages black on white, without screen-only controls, with link addresses`, async () => {
      await page.emulateMedia({ colorScheme: theme });
      await open('/papers/2412.01001/');
      // The reader's choice of theme, as the toggle stores it, is overridden too.
      await page.evaluate((chosen) => document.documentElement.setAttribute('data-theme', chosen), theme);
      await page.emulateMedia({ media: 'print', colorScheme: theme });
      const colours = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return { background: style('body').backgroundColor, text: style('.paper-title').color };
      });
      expect(colours).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
      const shown = (selector: string) =>
        page.$$eval(
          selector,
          (elements) => elements.filter((element) => getComputedStyle(element).display !== 'none').length,
        );
      for (const selector of ['.header-search', '.theme-toggle', '.save-toggle', '.neighbours', '.site-header nav']) {
        expect(await shown(selector), selector).toBe(0);
      }
      expect(await shown('.paper-title')).toBe(1);
      expect(await shown('.abstract')).toBe(1);
      // The citation is printed; its copy button and download link, which do nothing on paper, are not.
      expect(await shown('.citation .bibtex')).toBe(1);
      expect(await shown('.citation-actions')).toBe(0);
      // The arXiv link's address is printed after it.
      const after = await page.$eval(
        '.paper-links a[href^="https://arxiv.org/abs/"]',
        (link) => getComputedStyle(link, '::after').content,
      );
      expect(after).toContain('https://arxiv.org/abs/2412.01001');
      // So is the address of a link in the abstract: on paper its words alone lead nowhere.
      const inAbstract = await page.$eval(
        '.abstract a[href^="https://example.org/"]',
        (link) => getComputedStyle(link, '::after').content,
      );
      expect(inAbstract).toContain('https://example.org/busy1-code');
      // But not a second time after a link whose words are its address.
      const addressAsText = await page.$eval('.abstract a[href="https://example.org/busy1-data"]', (link) => ({
        text: (link as HTMLElement).innerText,
        after: getComputedStyle(link, '::after').content,
      }));
      expect(addressAsText).toEqual({ text: 'https://example.org/busy1-data', after: 'none' });

      await open('/2025/01/01/');
      await page.emulateMedia({ media: 'print', colorScheme: theme });
      for (const selector of ['.pager', '.keyboard-hint', '.save-toggle'])
        expect(await shown(selector), selector).toBe(0);
      expect(await shown('[data-paper-card]')).toBe(3);
      expect(await shown('.bib-link'), '.bib-link').toBe(0);
      for (const path of ['/topics/alpha/', '/authors/shared-person/']) {
        await open(path);
        await page.emulateMedia({ media: 'print', colorScheme: theme });
        for (const selector of ['.feed-link', '.bib-link', '.author-search-link', '.save-toggle'])
          expect(await shown(selector), `${path} ${selector}`).toBe(0);
        expect(await shown('.paper-card'), path).toBeGreaterThan(0);
      }
      // A button does nothing on paper: none is printed, on any page, beside what it acts on.
      const buttons = () =>
        page.$$eval('button', (all) => all.filter((button) => button.checkVisibility()).map((b) => b.textContent));
      for (const path of ['/papers/2412.01001/', '/saved/#papers=new23,leap', '/search/?q=paper']) {
        await page.emulateMedia({ media: 'screen', colorScheme: theme });
        await open(path);
        expect((await buttons()).length, path).toBeGreaterThan(0);
        await page.emulateMedia({ media: 'print', colorScheme: theme });
        expect(await buttons(), path).toEqual([]);
      }
      expect(await shown('main'), 'the search page').toBe(1);
    });
  }
});

describe('the focus ring', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`is the site's ring (3 px of --focus) on every control Tab reaches, in the ${theme} theme`, async () => {
      await page.emulateMedia({ colorScheme: theme });
      const pages = ['/', '/papers/2412.01001/', '/search/?q=paper', '/saved/#papers=2412.01001,leap', '/authors/'];
      const unringed: string[] = [];
      for (const path of pages) {
        await open(path);
        let reached = 0;
        for (let press = 0; press < 150; press++) {
          await page.keyboard.press('Tab');
          // Each element once: Tab has gone round the page when it comes back to one.
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            const tabbed = ((window as unknown as { tabbed?: WeakSet<Element> }).tabbed ??= new WeakSet());
            if (!element || element === document.body || tabbed.has(element)) return undefined;
            tabbed.add(element);
            const probe = document.createElement('span');
            probe.style.color = 'var(--focus)';
            document.body.append(probe);
            const focus = getComputedStyle(probe).color;
            probe.remove();
            const style = getComputedStyle(element);
            return {
              what: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
              ringed: style.outlineStyle === 'solid' && style.outlineWidth === '3px' && style.outlineColor === focus,
            };
          });
          if (!focused) break;
          reached += 1;
          if (!focused.ringed) unringed.push(`${path}: ${focused.what}`);
        }
        expect(reached, path).toBeGreaterThan(10);
      }
      expect(unringed).toEqual([]);
    });
  }
});

describe('the skip link', () => {
  it('is the first stop of Tab, shown on screen while focused, and takes the next Tab into main', async () => {
    for (const path of ['/', '/papers/2412.01001/', '/search/?q=paper', '/authors/', '/saved/#papers=2412.01001']) {
      await open(path);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const link = document.activeElement as HTMLElement;
        const box = link.getBoundingClientRect();
        return {
          text: link.textContent?.trim(),
          href: link.getAttribute('href'),
          shown: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.width > 20 && box.height > 10,
        };
      });
      expect(skip, path).toEqual({ text: 'Skip to content', href: '#main', shown: true });
      await page.keyboard.press('Enter');
      // /saved/ moves there without writing #main over the address's shared list.
      await page.waitForFunction(() => location.hash === '#main' || document.activeElement?.id === 'main');
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const element = document.activeElement;
        return { inMain: Boolean(element?.closest('main')), what: element?.outerHTML.slice(0, 80) };
      });
      expect(next.inMain, `${path}: ${next.what}`).toBe(true);
    }
    // The shared list is still the one shown, and the address still shares it.
    await settled(watch);
    expect(
      await page.evaluate(() => ({
        address: location.hash,
        heading: document.querySelector('[data-saved-heading]')?.textContent?.trim(),
        papers: document.querySelectorAll('[data-saved-list] li').length,
      })),
    ).toEqual({ address: '#papers=2412.01001', heading: 'A shared reading list', papers: 1 });
  });
});

describe('dates in far time zones', () => {
  for (const timezoneId of ['Pacific/Kiritimati', 'America/Adak']) {
    it(`shows the digest's own days on the reading list in ${timezoneId}`, async () => {
      const context = await site.browser.context.browser()!.newContext({ timezoneId });
      try {
        const far = await context.newPage();
        // The first days of a year and a leap day: a shift of one day would show another year or month.
        await far.goto(`${site.server.origin}/saved/#papers=new23,leap,2412.01001`);
        await far.waitForFunction(() => document.querySelectorAll('[data-saved-list] li').length === 3);
        const dates = await far.$$eval('[data-saved-list] time', (times) =>
          times.map((time) => `${time.getAttribute('datetime')} ${time.textContent}`),
        );
        expect(dates.sort()).toEqual([
          '2023-01-01 January 1, 2023',
          '2024-02-29 February 29, 2024',
          '2025-01-01 January 1, 2025',
        ]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the missing page', () => {
  it('offers the page an address nearly names: capitals, an arXiv version, page 1 or a page past the last', async () => {
    const missing = await site.browser.context.newPage(); // a 404 is what this test asks for
    const missingWatch = watchPage(missing); // waited on, its failures not checked
    const near = missing.locator('[data-not-found-near]');
    try {
      for (const [asked, meant] of [
        ['/papers/2406.00001v3/', '/papers/2406.00001/'],
        ['/Papers/2406.00001V2', '/papers/2406.00001/'],
        ['/topics/Alpha/', '/topics/alpha/'],
        ['/topics/alpha/1/', '/topics/alpha/'],
        ['/topics/alpha/999/', '/topics/alpha/'],
        ['/topics/ALPHA/2/', '/topics/alpha/2/'],
      ] as const) {
        const response = await missing.goto(site.server.origin + asked);
        expect(response?.status(), asked).toBe(404);
        await near.waitFor({ timeout: 3000 });
        expect(await near.textContent(), asked).toBe(`Perhaps you meant ${meant}`);
        expect(new URL((await near.locator('a').getAttribute('href'))!, site.server.origin).pathname).toBe(meant);
        expect((await missing.goto(site.server.origin + meant))?.status(), meant).toBe(200);
      }
      // Nothing near: no offer.
      await missing.goto(`${site.server.origin}/topics/nothing-here/`);
      // The near addresses are asked one at a time: none shown once a while has passed without a request.
      await settled(missingWatch, { quiet: 1_000 });
      expect(await near.isHidden()).toBe(true);
    } finally {
      await missing.close();
    }
  });

  it('offers a search for what the address asked for, and the ways into the digest', async () => {
    const missing = await site.browser.context.newPage(); // a 404 is what this test asks for
    try {
      await missing.goto(`${site.server.origin}/papers/2412.01001v3/`);
      const offer = missing.locator('[data-not-found-search] a');
      expect(await offer.textContent()).toBe('Search the digest for 2412.01001');
      expect(new URL((await offer.getAttribute('href'))!, site.server.origin).search).toBe('?q=2412.01001');
      await missing.goto(`${site.server.origin}/topics/reinforcement_learning-methods/`);
      expect(await missing.locator('[data-not-found-words]').textContent()).toBe('reinforcement learning methods');
      // A stranger's link: its bidi override and markup are shown as neither (the words are text).
      await missing.goto(`${site.server.origin}/papers/${encodeURIComponent('abc\u202Edef<b>x</b>')}/`);
      expect(await missing.locator('[data-not-found-words]').textContent()).toBe('abcdef<b>x</b>');
      expect(await missing.locator('[data-not-found-words] b').count()).toBe(0);
      // A malformed escape names no page: the site's 404, as a static host answers it.
      const malformed = await missing.goto(`${site.server.origin}/papers/%E0%A4%A/`);
      expect(malformed?.status()).toBe(404);
      expect(await missing.locator('[data-not-found-words]').textContent()).toBe('%E0%A4%A');
      const ways = await missing.$$eval('main li a', (links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
      expect(ways).toEqual(['/', '/search/', '/topics/', '/archive/', '/authors/']);
    } finally {
      await missing.close();
    }
  });
});

describe('the missing page of a date', () => {
  it('offers the month of a day without papers, and the year of a month without papers', async () => {
    const missing = await site.browser.context.newPage(); // a 404 is what this test asks for
    const near = missing.locator('[data-not-found-near]');
    try {
      // December 2024 has papers, but none on the 21st; November 2024 has none at all.
      for (const [asked, meant] of [
        ['/2024/12/21/', '/2024/12/'],
        ['/2024/11/05/', '/2024/'],
        ['/2024/11/', '/2024/'],
      ] as const) {
        expect((await missing.goto(site.server.origin + asked))?.status(), asked).toBe(404);
        await near.waitFor({ timeout: 3000 });
        expect(await near.textContent(), asked).toBe(`Perhaps you meant ${meant}`);
        expect((await missing.goto(site.server.origin + meant))?.status(), meant).toBe(200);
      }
    } finally {
      await missing.close();
    }
  });
});
