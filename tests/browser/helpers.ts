/**
 * Shared pieces for browser tests: build a site, serve it on loopback, drive Debian's Chromium
 * (the server and the browser live in src/dev/browser.ts, shared with the scripts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { parse } from 'yaml';
import { parseSource } from '../../src/content/frontmatter.ts';
import { buildFixture, projectRoot, type BuildResult } from '../helpers/build.ts';

// ---- Building ----

/**
 * Builds fixture content (or the seed, `content`) for a browser test, with tests/helpers/build.ts.
 *
 * The output goes to its own folder under node_modules/.cache, inside the project (Astro keeps a
 * build's server chunks next to its outDir only when that is inside the working directory), but
 * not in `.tmp/builds`, which every `npm test` run empties when it starts: in a checkout shared
 * by several people, that would delete a browser test's site while it is being served.
 */
async function buildSite(
  contentDir: string,
  options: { base?: string; site?: string; env?: Record<string, string> } = {},
): Promise<BuildResult> {
  const work = join(projectRoot, 'node_modules/.cache/paper-digest-browser', randomUUID());
  await mkdir(work, { recursive: true });
  const outDir = join(work, 'dist');
  const result = await buildFixture(contentDir, {
    ...options,
    env: { PAPER_DIGEST_OUT_DIR: outDir, PAPER_DIGEST_CACHE_DIR: join(work, 'cache'), ...options.env },
  });
  return { ...result, outDir };
}

/** Removes a folder made by buildSite (its parent, with the build cache). */
async function removeSite(build: BuildResult | undefined): Promise<void> {
  if (build) await rm(join(build.outDir, '..'), { recursive: true, force: true });
}

// ---- Serving and the browser (src/dev/browser.ts, shared with the benchmark and screenshots) ----

export * from '../../src/dev/browser.ts';
import {
  launchBrowser,
  serveStatic,
  watchPage,
  type Browser,
  type PageWatch,
  type StaticServer,
} from '../../src/dev/browser.ts';

// ---- Content, read straight from the files (what a test expects, independent of the build) ----

export interface SourcePaper {
  /** The file name without `.mdx`: the paper's URL slug. */
  id: string;
  title: string;
  authors: string[];
  date: string;
  /** Topic slugs. */
  tags: string[];
  /** The MDX body (abstract), as written. */
  body: string;
}

/** Reads every paper of a content folder (`content`, or a fixture) with the project's parser. */
export async function readPapers(contentDir: string): Promise<SourcePaper[]> {
  const folder = join(projectRoot, contentDir, 'papers');
  const files = await glob('**/*.mdx', { cwd: folder });
  return Promise.all(
    files.sort().map(async (file) => {
      const { source, problems } = parseSource(file, await readFile(join(folder, file), 'utf8'));
      if (!source) throw new Error(`${file}: ${problems.map((problem) => problem.message).join('; ')}`);
      const data = source.data as { title: string; authors: string[]; date: string; tags: string[] };
      const { title, authors, date, tags } = data;
      return { id: basename(file, '.mdx'), title, authors, date, tags, body: source.body };
    }),
  );
}

/** Topic labels by slug, from a content folder's `topics.yaml`. */
export async function readTopicLabels(contentDir: string): Promise<Map<string, string>> {
  const topics = parse(await readFile(join(projectRoot, contentDir, 'topics.yaml'), 'utf8')) as {
    slug: string;
    label: string;
  }[];
  return new Map(topics.map((topic) => [topic.slug, topic.label]));
}

// ---- A built, served site with a browser, for one test file ----

export interface OpenSite {
  build: BuildResult;
  server: StaticServer;
  browser: Browser;
}

export interface SiteOptions {
  /** The base path the site is built for and served under (`/` by default). */
  base?: string;
  /** More build settings, such as `PAPER_DIGEST_PAGE_SIZE`. */
  env?: Record<string, string>;
  browserOptions?: Parameters<typeof launchBrowser>[0];
  /** Receives the site once it is open, before the file's first test. */
  onOpen: (site: OpenSite) => void;
  /**
   * When given, each test gets a fresh page, watched, and the page is closed after the test,
   * which fails if the page did not run clean: no console error, no uncaught error, no failed or
   * 4xx/5xx request. `onPage` hands the page and its watch to the test file.
   */
  onPage?: (page: Page, watch: PageWatch) => void;
}

/**
 * Waits until the watched page is done with what the test's last step set off, before the test
 * reads the page or its requests, and before it leaves the page (goto, close: leaving aborts
 * what is still loading, and the watch counts an aborted request as failed):
 * - `ready`, when given, holds: the page's own signal that its answer is there (search results
 *   rendered, a list filled, fonts loaded);
 * - no request is in flight, and none has started for `quiet` ms running: 500 by default, longer
 *   than the page's own timers (the search's 200 ms debounce, the Author field's 120 ms) and the
 *   gap between two requests of a page that asks one thing after another (the missing page's near
 *   addresses, Pagefind's files), so a request the test's last step sets off has started before
 *   the wait ends; more for a test whose point is what was, or was not, requested.
 *
 * Not Playwright's `waitForLoadState('networkidle')`: that returns at once on a page that has been
 * idle once, so a request set off later comes after it, and it always waits half a second.
 */
export async function settled(
  watch: PageWatch,
  { ready, quiet = 500 }: { ready?: () => Promise<boolean>; quiet?: number } = {},
): Promise<void> {
  // A loop of its own, not expect.poll, which only runs inside a test: a file's beforeAll waits too.
  const deadline = Date.now() + 15_000;
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const state = await (async () => {
      if (ready && !(await ready().catch(() => false))) return 'the page is not ready';
      const loading = [...watch.inFlight].map((request) => request.url());
      if (watch.requests.length !== seen || loading.length > 0) {
        seen = watch.requests.length;
        since = Date.now();
      }
      if (loading.length > 0) return `in flight: ${loading.join(' ')}`;
      return Date.now() - since >= quiet ? 'settled' : 'a request started lately';
    })();
    if (state === 'settled') return;
    if (Date.now() > deadline) throw new Error(`the page did not settle in 15 s: ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The setup of a browser test file: before its tests, builds `contentDir` (failing loudly if the
 * build fails), serves it and launches Chromium; after them, closes whatever of that was opened
 * and removes the built site. Call it once, at the top of the file.
 */
export function useSite(
  contentDir: string,
  { base = '/', env = {}, browserOptions = {}, onOpen, onPage }: SiteOptions,
): void {
  const site: Partial<OpenSite> = {};
  beforeAll(async () => {
    site.build = await buildSite(contentDir, { base, env });
    if (!site.build.ok) throw new Error(`build of ${contentDir} failed:\n${site.build.output}`);
    site.server = await serveStatic(site.build.outDir, { base });
    site.browser = await launchBrowser(browserOptions);
    onOpen(site as OpenSite);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    await removeSite(site.build);
  });
  if (!onPage) return;
  let page: Page;
  let watch: PageWatch;
  beforeEach(async () => {
    page = await site.browser!.context.newPage();
    watch = watchPage(page);
    onPage(page, watch);
  });
  afterEach(async () => {
    // Closing the page would abort a request still on its way (the search code a key loads), which
    // the watch counts as failed: a test ends when its page has none in flight.
    await settled(watch);
    await page.close();
    // Named in the message: Vitest's diff shows a long array only as `[ Array(1) ]`.
    expect(watch.consoleErrors, `console errors: ${watch.consoleErrors.join('; ')}`).toEqual([]);
    expect(watch.pageErrors, `page errors: ${watch.pageErrors.join('; ')}`).toEqual([]);
    expect(watch.failures, `failed requests: ${watch.failures.join('; ')}`).toEqual([]);
  });
}
