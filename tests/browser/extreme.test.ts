/**
 * Papers at the check's limits, but valid (tests/fixtures/extreme): the longest title, a title of
 * one unbroken word, 400 authors, a 200-character name, names in Arabic, Hebrew and CJK, the
 * longest venue, eight topics, a 100-character topic slug with an 80-character label and a
 * 200-character description, a one-word label, long addresses and code spans, a code block with
 * a long line, wide display math, a title and abstract wholly in Arabic and another in Hebrew.
 * Every kind of page holds them inside a phone's screen, and names, titles and abstracts keep their
 * own direction.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite, type OpenSite } from './helpers.ts';
import { htmlProblems } from '../helpers/html-valid.ts';

let site: OpenSite;

useSite('tests/fixtures/extreme', { onOpen: (opened) => (site = opened) });

const LONG_TOPIC =
  'segment0-segment1-segment2-segment3-segment4-segment5-segment6-segment7-segment8-segment9-segment10y';
const ARABIC_AUTHOR = 'محمد بن موسى الخوارزمي';

async function openAt(width: number, path: string): Promise<Page> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width, height: 740 });
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  return page;
}

/**
 * Text drawn beyond the viewport's sides where no scrolling reaches it: a box that clips (the
 * abstract's `overflow-x: clip`, the page's own) hides it without making the page wider, so
 * overflowsSideways cannot see it. Text inside a box that scrolls sideways is reachable; text
 * visually hidden for assistive technology (clipped to a pixel, KaTeX's MathML) is not drawn.
 */
const cutOffText = (page: Page) =>
  page.evaluate(() => {
    const cut: string[] = [];
    const drawn = (element: Element) => {
      for (let box: Element | null = element; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.getPropertyValue('clip') !== 'auto' || style.clipPath !== 'none') return false;
      }
      return element.checkVisibility();
    };
    const scrolls = (element: Element) => {
      for (let box: Element | null = element; box && box !== document.body; box = box.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent?.trim() || !element || !drawn(element) || scrolls(element)) continue;
      range.selectNodeContents(node);
      const outside = [...range.getClientRects()].some(
        (rect) => rect.width > 0 && (rect.left < -1 || rect.right > window.innerWidth + 1),
      );
      if (outside) cut.push(node.textContent.trim().slice(0, 40));
    }
    return cut;
  });

/** Whether the page is wider than its viewport (anything a reader would have to scroll sideways to). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

it('has valid HTML on every page', async () => {
  expect(await htmlProblems(site.build.outDir)).toEqual([]);
});

describe('no page scrolls sideways on a phone', () => {
  // Every kind of page, each showing some of the fixture's longest words.
  const pages = [
    'papers/many-authors/',
    'papers/one-word-title/',
    'papers/rtl-names/',
    'papers/wide-math/',
    '2025/06/06/',
    '2025/06/',
    '2025/',
    'archive/',
    '',
    'topics/',
    `topics/${LONG_TOPIC}/`,
    'topics/one-word-label/',
    'authors/',
    'authors/ada-example/',
    `authors/${encodeURIComponent(ARABIC_AUTHOR.replaceAll(' ', '-'))}/`,
    'search/?q=methionylthreonyl',
    'saved/',
    'subscribe/',
    '404.html',
  ];
  for (const width of [320, 375]) {
    it(`at ${width} px, on every kind of page`, async () => {
      const wide: string[] = [];
      for (const path of pages) {
        const page = await openAt(width, path);
        if (path.startsWith('search/')) {
          await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
        }
        if (await overflowsSideways(page)) wide.push(path);
        await page.close();
      }
      expect(wide).toEqual([]);
    });

    it(`at ${width} px, cuts no text off at the screen's edge`, async () => {
      const cut: string[] = [];
      for (const path of pages) {
        const page = await openAt(width, path);
        cut.push(...(await cutOffText(page)).map((text) => `${path}: ${text}`));
        await page.close();
      }
      expect(cut).toEqual([]);
    });
  }

  it('the one-word topic label wraps inside its chip', async () => {
    const page = await openAt(320, 'papers/one-word-title/');
    const chip = await page.evaluate(() => {
      const tag = [...document.querySelectorAll<HTMLElement>('a.tag')].find((link) =>
        link.textContent?.includes('Hyperparameteroptimierungs'),
      )!;
      const box = tag.getBoundingClientRect();
      return { right: box.right, lines: Math.round(box.height / parseFloat(getComputedStyle(tag).lineHeight)) };
    });
    expect(chip.right).toBeLessThanOrEqual(320);
    expect(chip.lines).toBeGreaterThan(1);
    await page.close();
  });
});

describe('names in right-to-left scripts', () => {
  /** The fixture's rtl-names paper's authors, in its order (at most LISTED_AUTHORS: every one is shown). */
  const RTL_AUTHORS = [
    ARABIC_AUTHOR,
    'عبد الرحمن الصوفي',
    'Ada Example',
    'דוד בן גוריון',
    'Jun Example (Tokyo)',
    '王小明',
    '山田 太郎',
    '김민준',
  ];

  /**
   * Where the first three names of the author line at `selector` are drawn, and the comma after
   * the first. At desktop width they share a line: in a left-to-right line, the first name
   * starts left of the second, and its comma sits between them.
   */
  async function expectFirstNamesInOrder(page: Page, selector: string) {
    const boxes = await page.evaluate((selector) => {
      const links = [...document.querySelectorAll<HTMLElement>(selector)].slice(0, 3);
      const range = document.createRange();
      const comma = links[0]!.nextSibling!;
      range.setStart(comma, 0);
      range.setEnd(comma, 1);
      return {
        names: links.map((link) => {
          const box = link.getBoundingClientRect();
          return { text: link.textContent, left: box.left, right: box.right, top: Math.round(box.top) };
        }),
        comma: range.getBoundingClientRect().left,
      };
    }, selector);
    expect(boxes.names.map((name) => name.text)).toEqual(RTL_AUTHORS.slice(0, 3));
    expect(new Set(boxes.names.map((name) => name.top)).size).toBe(1);
    const [first, second, third] = boxes.names;
    expect(first!.right).toBeLessThanOrEqual(boxes.comma + 0.5);
    expect(boxes.comma).toBeLessThan(second!.left);
    expect(second!.right).toBeLessThan(third!.left);
  }

  it('keep the list order: two Arabic names in a row are drawn first, then second', async () => {
    const page = await openAt(1280, 'papers/rtl-names/');
    await expectFirstNamesInOrder(page, '.authors a.author');
    await page.close();
  });

  it('keep the list order on /saved/, which says the same line as the paper page', async () => {
    const reader = await site.browser.context.browser()!.newContext({ viewport: { width: 1280, height: 740 } });
    const paper = await reader.newPage();
    await paper.goto(site.server.url + 'papers/rtl-names/', { waitUntil: 'load' });
    await paper.locator('button[data-save-toggle]').click();
    const page = await reader.newPage();
    await page.goto(site.server.url + 'saved/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-list] > li').length === 1);
    await expectFirstNamesInOrder(page, '.saved-list .authors .author');
    // What it says, and what a screen reader reads: the names and their commas, nothing more.
    expect(await page.locator('.saved-list .authors').textContent()).toBe(RTL_AUTHORS.join(', '));
    await reader.close();
  });

  it('keep their paper count after them in the A–Z list', async () => {
    const page = await openAt(1280, 'authors/');
    const entry = await page.evaluate((name) => {
      const link = [...document.querySelectorAll<HTMLElement>('.author-index a')].find(
        (each) => each.textContent === name,
      )!;
      const count = link.parentElement!.querySelector<HTMLElement>('.count')!;
      return { name: link.getBoundingClientRect().right, count: count.getBoundingClientRect().left };
    }, ARABIC_AUTHOR);
    expect(entry.count).toBeGreaterThan(entry.name);
    await page.close();
  });
});

describe('titles and abstracts in right-to-left scripts', () => {
  /**
   * How the text of the element at `selector` (the first whose text includes `text`) is laid out:
   * its first and last lines' edges against the element's own, and where its closing mark is
   * drawn against the letter before it.
   */
  function layout(page: Page, selector: string, text: string) {
    return page.evaluate(
      ([selector, text]) => {
        const element = [...document.querySelectorAll<HTMLElement>(selector)].find((each) =>
          each.textContent?.includes(text),
        )!;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) texts.push(walker.currentNode as Text);
        const last = texts.at(-1);
        const end = last!.data.trimEnd().length;
        const charBox = (offset: number) => {
          const range = document.createRange();
          range.setStart(last!, offset);
          range.setEnd(last!, offset + 1);
          return range.getBoundingClientRect();
        };
        // The boxes of its words, and of its formulas as drawn (KaTeX's HTML, not its MathML,
        // which is drawn nowhere). A line is that of a word: a formula on it lies within its height.
        const words = texts
          .filter((node) => !node.parentElement!.closest('.katex'))
          .flatMap((node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return [...range.getClientRects()];
          })
          .filter((box) => box.width > 0);
        const drawn = [
          ...words,
          ...[...element.querySelectorAll('.katex-html')].map((math) => math.getBoundingClientRect()),
        ];
        const edges = (line: DOMRect) => {
          const onLine = drawn.filter((box) => {
            const middle = (box.top + box.bottom) / 2;
            return middle >= line.top && middle <= line.bottom;
          });
          return {
            left: Math.min(...onLine.map((box) => box.left)),
            right: Math.max(...onLine.map((box) => box.right)),
          };
        };
        const byTop = [...words].sort((a, b) => a.top - b.top);
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          text: element.textContent.trim(),
          left: box.left + parseFloat(style.paddingLeft),
          right: box.right - parseFloat(style.paddingRight),
          firstLine: edges(byTop[0]!),
          lastLine: edges(byTop.at(-1)!),
          mark: charBox(end - 1).left,
          letterBeforeMark: charBox(end - 2).left,
        };
      },
      [selector, text] as const,
    );
  }

  /** Laid out right to left: aligned right, the closing mark drawn left of the letter before it. */
  async function expectRightToLeft(page: Page, selector: string, text: string) {
    const drawn = await layout(page, selector, text);
    expect(drawn.text).toContain(text);
    expect(drawn.mark).toBeLessThan(drawn.letterBeforeMark);
    expect(Math.abs(drawn.firstLine.right - drawn.right)).toBeLessThanOrEqual(1);
    expect(Math.abs(drawn.lastLine.right - drawn.right)).toBeLessThanOrEqual(1);
    expect(drawn.lastLine.left).toBeGreaterThan(drawn.left + 1);
  }

  const ARABIC_TITLE = 'عنوان تجريبي مكتوب بالعربية وحدها!';
  const HEBREW_TITLE = 'כותרת לדוגמה בעברית בלבד!';

  it('run right to left on the paper page: title and abstract, Arabic and Hebrew', async () => {
    const page = await openAt(1280, 'papers/rtl-title/');
    await expectRightToLeft(page, 'h1.paper-title', ARABIC_TITLE);
    await expectRightToLeft(page, '.abstract p', 'هذا ملخص تجريبي');
    await page.goto(site.server.url + 'papers/hebrew-title/', { waitUntil: 'load' });
    await expectRightToLeft(page, 'h1.paper-title', HEBREW_TITLE);
    // A formula inside keeps its own left-to-right order.
    await expectRightToLeft(page, '.abstract p', 'תקציר לדוגמה');
    // A paragraph that opens with a formula takes its direction from its first word.
    await expectRightToLeft(page, '.abstract p', 'היא נוסחה');
    await page.close();
  });

  it('run right to left on cards: the day, the topic, the author', async () => {
    for (const path of ['2025/06/06/', 'topics/language/', 'authors/noor-example/']) {
      const page = await openAt(1280, path);
      await expectRightToLeft(page, '.paper-card-title', ARABIC_TITLE);
      // An author's page lists titles alone; the others show the abstract's opening.
      if (!path.startsWith('authors/')) await expectRightToLeft(page, '.abstract-excerpt p', 'هذا ملخص تجريبي');
      await page.close();
    }
  });

  it('run right to left on /saved/', async () => {
    const reader = await site.browser.context.browser()!.newContext({ viewport: { width: 1280, height: 740 } });
    const paper = await reader.newPage();
    await paper.goto(site.server.url + 'papers/hebrew-title/', { waitUntil: 'load' });
    await paper.locator('button[data-save-toggle]').click();
    const page = await reader.newPage();
    await page.goto(site.server.url + 'saved/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-list] > li').length === 1);
    await expectRightToLeft(page, '.saved-title', HEBREW_TITLE);
    await reader.close();
  });

  /** Laid out left to right: aligned left, the closing mark drawn right of the letter before it. */
  async function expectLeftToRight(page: Page, selector: string, text: string) {
    const drawn = await layout(page, selector, text);
    expect(drawn.text).toContain(text);
    expect(drawn.mark).toBeGreaterThan(drawn.letterBeforeMark);
    expect(Math.abs(drawn.firstLine.left - drawn.left)).toBeLessThanOrEqual(1);
    expect(drawn.lastLine.right).toBeLessThan(drawn.right - 1);
  }

  // Synthetic papers whose first letter runs the other way than most of their letters.
  const HEBREW_FIRST = 'מבוא: A synthetic title written mostly in English letters!';
  const ARABIC_MOSTLY = 'GPT: عنوان تجريبي مكتوب بالعربية في معظمه!';

  it('run in the direction of most of their letters, not of their first one', async () => {
    const page = await openAt(1280, 'papers/hebrew-first-word/');
    await expectLeftToRight(page, 'h1.paper-title', HEBREW_FIRST);
    await expectLeftToRight(page, '.abstract p', 'This synthetic abstract opens');
    // A block wholly in Hebrew beside it keeps its own direction.
    await expectRightToLeft(page, '.abstract p', 'פסקה שנייה');
    await page.goto(site.server.url + 'papers/arabic-after-acronym/', { waitUntil: 'load' });
    await expectRightToLeft(page, 'h1.paper-title', ARABIC_MOSTLY);
    await expectRightToLeft(page, '.abstract p', 'هذا ملخص تجريبي مكتوب');
    await expectLeftToRight(page, '.abstract p', 'This second paragraph');
    await page.close();
  });

  it('run in the direction of most of their letters on cards and on /saved/', async () => {
    for (const path of ['2025/06/06/', 'topics/language/', 'authors/dana-example/', 'authors/yara-example/']) {
      const page = await openAt(1280, path);
      if (path !== 'authors/yara-example/') await expectLeftToRight(page, '.paper-card-title', HEBREW_FIRST);
      if (path !== 'authors/dana-example/') await expectRightToLeft(page, '.paper-card-title', ARABIC_MOSTLY);
      if (!path.startsWith('authors/')) {
        await expectLeftToRight(page, '.abstract-excerpt p', 'This synthetic abstract opens');
        await expectRightToLeft(page, '.abstract-excerpt p', 'هذا ملخص تجريبي مكتوب');
      }
      await page.close();
    }
    const reader = await site.browser.context.browser()!.newContext({ viewport: { width: 1280, height: 740 } });
    const paper = await reader.newPage();
    for (const id of ['hebrew-first-word', 'arabic-after-acronym']) {
      await paper.goto(site.server.url + `papers/${id}/`, { waitUntil: 'load' });
      await paper.locator('button[data-save-toggle]').click();
    }
    const page = await reader.newPage();
    await page.goto(site.server.url + 'saved/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('[data-saved-list] > li').length === 2);
    await expectLeftToRight(page, '.saved-title', HEBREW_FIRST);
    await expectRightToLeft(page, '.saved-title', ARABIC_MOSTLY);
    await reader.close();
  });

  it('leave a title that starts in Latin letters left to right, aligned left', async () => {
    const page = await openAt(1280, 'papers/rtl-names/');
    const drawn = await layout(page, 'h1.paper-title', 'Names written right to left');
    expect(Math.abs(drawn.firstLine.left - drawn.left)).toBeLessThanOrEqual(1);
    expect(drawn.mark).toBeGreaterThan(drawn.letterBeforeMark);
    await page.close();
  });
});

describe('printing', () => {
  // An A4 page's printed width: 210 mm less Chrome's default margins of 1 cm a side, in CSS px.
  const A4_PRINTED_WIDTH = Math.floor((190 / 25.4) * 96);

  it('fits a display formula far wider than the page inside the page', async () => {
    const page = await openAt(A4_PRINTED_WIDTH, 'papers/wide-math/');
    await page.emulateMedia({ media: 'print' });
    const formula = await page.evaluate(() => {
      const display = document.querySelector<HTMLElement>('.abstract .katex-display')!;
      const parts = [...display.querySelectorAll<HTMLElement>('.katex-html > .katex-base')];
      return {
        right: Math.max(...parts.map((part) => part.getBoundingClientRect().right)),
        left: Math.min(...parts.map((part) => part.getBoundingClientRect().left)),
        lines: new Set(parts.map((part) => Math.round(part.getBoundingClientRect().top))).size,
        page: document.documentElement.clientWidth,
        pageScroll: document.documentElement.scrollWidth,
      };
    });
    // Every part of it is drawn on the paper: it takes several lines, none wider than the page.
    expect(formula.left).toBeGreaterThanOrEqual(0);
    expect(formula.right).toBeLessThanOrEqual(formula.page);
    expect(formula.lines).toBeGreaterThan(1);
    expect(formula.pageScroll).toBeLessThanOrEqual(formula.page);
    await page.close();
  });

  it('sets a formula with no place to break (one bracket group) small enough to fit the page, and no smaller', async () => {
    const page = await openAt(A4_PRINTED_WIDTH, 'papers/wide-math/');
    // The widths are measured once the math fonts are in (src/client/print-math.ts).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('.abstract .katex-display')].every((display) =>
        display.style.getPropertyValue('--widest-part'),
      ),
    );
    await page.emulateMedia({ media: 'print' });
    const formulas = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.abstract .katex-display')].map((display) => {
        // Every glyph's box: nothing of the formula may lie beyond the paper's edges.
        const boxes = [...display.querySelectorAll<HTMLElement>('.katex-html *')]
          .map((element) => element.getBoundingClientRect())
          .filter((box) => box.width > 0);
        const html = display.querySelector<HTMLElement>('.katex-html')!;
        return {
          left: Math.min(...boxes.map((box) => box.left)),
          right: Math.max(...boxes.map((box) => box.right)),
          size:
            parseFloat(getComputedStyle(html).fontSize) / parseFloat(getComputedStyle(html.parentElement!).fontSize),
        };
      }),
    );
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(formulas).toHaveLength(2);
    const [breaks, whole] = formulas as [(typeof formulas)[0], (typeof formulas)[0]];
    // The one that breaks between its parts keeps its size; the one that cannot is made smaller…
    expect(breaks.size).toBe(1);
    expect(whole.size).toBeLessThan(1);
    // …until it fits the page, and not much further: it still spans most of it.
    for (const formula of formulas) {
      expect(formula.left).toBeGreaterThanOrEqual(0);
      expect(formula.right).toBeLessThanOrEqual(width);
    }
    expect(whole.right - whole.left).toBeGreaterThan(0.9 * width);
    await page.close();
  });
});
