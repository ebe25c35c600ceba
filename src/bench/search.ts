/**
 * Search, measured as a reader meets it, in the system Chromium (src/dev/browser.ts) against the
 * built site served statically:
 * - bytes: everything a fresh browser fetches from loading `/search/?q=<word>[&topic=<slug>]` until
 *   the search page says how many papers it found (HTML, scripts, styles, Pagefind's files and
 *   the search data files), as sent by the static server (uncompressed, as it stores them);
 * - answer time: on a loaded /search/, a word typed key by key; the time from the last keydown to
 *   the first frame after the page has shown its answer (the status says what it found).
 */
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../dev/browser.ts';

export interface SearchQuery {
  q: string;
  topic?: string;
}

export interface SearchBytes {
  kb: number;
  /** The part of it from Pagefind's bundle (`/pagefind/`). */
  pagefindKB: number;
  requests: number;
  /** Papers the search page said it found. */
  found: number;
}

/** The status line once a word query has its answer: "3 papers found for “word”." */
const answerPattern = (word: string) => `found for “${word}”`;

function foundCount(status: string): number {
  const match = /^(No|\d[\d,]*) papers? found/.exec(status.trim());
  if (!match) throw new Error(`search status is not an answer: "${status}"`);
  return match[1] === 'No' ? 0 : Number(match[1]!.replaceAll(',', ''));
}

const statusSelector = '[data-search-status]';
const ANSWER_TIMEOUT_MS = 120_000;

async function waitForAnswer(page: Page, word: string): Promise<string> {
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
    { selector: statusSelector, expected: answerPattern(word) },
    { timeout: ANSWER_TIMEOUT_MS },
  );
  return (await page.textContent(statusSelector)) ?? '';
}

async function transferred(request: Request): Promise<number> {
  const response = await request.response();
  if (!response) throw new Error(`no response for ${request.url()}`);
  if (response.status() >= 400) throw new Error(`HTTP ${response.status()} for ${request.url()}`);
  await response.finished();
  const sizes = await request.sizes();
  return sizes.responseBodySize + sizes.responseHeadersSize;
}

/** What a first search costs a reader who opens the search page with the query in its address. */
export async function measureSearchBytes(siteUrl: string, query: SearchQuery): Promise<SearchBytes> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const params = new URLSearchParams({ q: query.q, ...(query.topic && { topic: query.topic }) });
    await page.goto(`${siteUrl}search/?${params}`);
    const status = await waitForAnswer(page, query.q);
    const untilAnswer = [...requests];
    const sizes = await Promise.all(untilAnswer.map(transferred));
    const pagefind = untilAnswer.reduce(
      (sum, request, index) => sum + (new URL(request.url()).pathname.includes('/pagefind/') ? sizes[index]! : 0),
      0,
    );
    const total = sizes.reduce((sum, size) => sum + size, 0);
    return {
      kb: total / 1024,
      pagefindKB: pagefind / 1024,
      requests: untilAnswer.length,
      found: foundCount(status),
    };
  } finally {
    await browser.close();
  }
}

export interface AnswerTime {
  word: string;
  ms: number;
  found: number;
}

async function withTimeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ANSWER_TIMEOUT_MS))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Delay between keys, about a fast typist's. */
const KEY_DELAY_MS = 80;

interface BenchWindow {
  __benchLastKey?: number;
  __benchAnswer?: Promise<{ at: number; status: string }>;
}

/** Types each word into the search page's box in turn (one page, as a reader searching again). */
export async function measureAnswerTimes(siteUrl: string, words: readonly string[]): Promise<AnswerTime[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}search/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      document.addEventListener(
        'keydown',
        () => {
          (window as BenchWindow).__benchLastKey = performance.now();
        },
        true,
      );
    });
    const input = page.locator('[data-search-page] [data-search-input]');
    const times: AnswerTime[] = [];
    for (const word of words) {
      await input.fill('');
      await page.waitForFunction(
        (selector) => !document.querySelector(selector)?.textContent?.includes(' found'),
        statusSelector,
      );
      await page.evaluate(
        ({ selector, expected }) => {
          const status = document.querySelector(selector)!;
          (window as BenchWindow).__benchAnswer = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (!status.textContent?.includes(expected)) return;
              observer.disconnect();
              // Visible: the first frame drawn after the answer is in the page.
              requestAnimationFrame(() => resolve({ at: performance.now(), status: status.textContent ?? '' }));
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
          });
        },
        { selector: statusSelector, expected: answerPattern(word) },
      );
      await input.focus();
      await page.keyboard.type(word, { delay: KEY_DELAY_MS });
      const answer = await withTimeout(
        page.evaluate(async () => {
          const bench = window as BenchWindow;
          const { at, status } = await bench.__benchAnswer!;
          return { ms: at - bench.__benchLastKey!, status };
        }),
        `no answer for "${word}" in ${ANSWER_TIMEOUT_MS} ms`,
      );
      times.push({ word, ms: answer.ms, found: foundCount(answer.status) });
    }
    return times;
  } finally {
    await browser.close();
  }
}
