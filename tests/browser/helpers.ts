/**
 * Shared pieces for browser tests: build a site, serve it on loopback, drive Debian's Chromium.
 *
 * No test tool downloads a browser here: Chromium comes from the system package
 * (`apt-get install chromium` → /usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterEach, beforeEach, expect } from 'vitest';
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
export async function buildSite(
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
export async function removeSite(build: BuildResult | undefined): Promise<void> {
  if (build) await rm(join(build.outDir, '..'), { recursive: true, force: true });
}

// ---- Serving ----

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's own files (`wasm.en.pagefind`, `*.pf_meta`, `*.pf_index`, …) are binary.
  '.pagefind': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The site's root URL, with the base path: `http://127.0.0.1:<port>/digest/`. */
  url: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * Serves a built site like a static host would: the folder at `base`, `index.html` for folders,
 * a redirect from `/dir` to `/dir/`, and `404.html` (status 404) for anything else, including
 * every path outside the base path. Listens on 127.0.0.1 on a free port.
 */
export async function serveStatic(root: string, { base = '/' }: { base?: string } = {}): Promise<StaticServer> {
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const requests: string[] = [];

  const resolveFile = async (pathname: string): Promise<{ file: string } | { redirect: string } | undefined> => {
    if (!pathname.startsWith(basePath)) return undefined;
    const relative = normalize(decodeURIComponent(pathname.slice(basePath.length)));
    if (relative.startsWith('..') || relative.includes(`${sep}..${sep}`)) return undefined;
    const file = join(root, relative);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file };
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      const index = join(file, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return { file: index };
    }
    return undefined;
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    void (async () => {
      try {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          response.writeHead(405).end();
          return;
        }
        const pathname = url.pathname === basePath.slice(0, -1) ? basePath : url.pathname;
        if (pathname !== url.pathname) {
          response.writeHead(301, { location: pathname + url.search }).end();
          return;
        }
        const found = await resolveFile(pathname);
        if (found && 'redirect' in found) {
          response.writeHead(301, { location: found.redirect + url.search }).end();
          return;
        }
        const file = found?.file ?? join(root, '404.html');
        const status = found ? 200 : 404;
        const exists = await stat(file).catch(() => undefined);
        if (!exists) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          return;
        }
        response.writeHead(status, {
          'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': exists.size,
          'cache-control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      } catch (error) {
        response.writeHead(500).end(String(error));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + basePath,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- The browser ----

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless Chromium that never phones home (see DESIGN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Launches the system Chromium, headless, with a fresh profile in a temporary folder (removed on
 * close). Fails with a message that says how to install it when it is missing.
 */
export async function launchBrowser(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<Browser> {
  if (!(await stat(chromiumPath).catch(() => undefined))) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'paper-digest-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PageWatch {
  /** `console.error` messages (including failed loads the browser logs). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Every request the page made, as full URLs. */
  requests: string[];
  /** Requests that failed, or got a 4xx/5xx answer. */
  failures: string[];
  /** Bytes received (encoded, as over the wire) per URL, for finished requests. */
  bytes: Map<string, number>;
}

/** Records what a page logs, throws and requests, for assertions at the end of a test. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], requests: [], failures: [], bytes: new Map() };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(String(error)));
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('requestfailed', (request) => watch.failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('requestfinished', (request: Request) => {
    void request
      .sizes()
      .then((sizes) => watch.bytes.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize))
      .catch(() => undefined);
    void request.response().then((response) => {
      if (response && response.status() >= 400) watch.failures.push(`${request.url()}: HTTP ${response.status()}`);
    });
  });
  return watch;
}

// ---- Content, read straight from the files (what a test expects, independent of the build) ----

export interface SourcePaper {
  /** The file name without `.mdx`: the paper's URL slug. */
  id: string;
  title: string;
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
      const data = source.data as { title: string; date: string; tags: string[] };
      return { id: basename(file, '.mdx'), title: data.title, date: data.date, tags: data.tags, body: source.body };
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

/** Builds `contentDir`, fails loudly if the build fails, serves it and launches Chromium. */
export async function openSite(
  contentDir: string,
  { base = '/', browserOptions = {} }: { base?: string; browserOptions?: Parameters<typeof launchBrowser>[0] } = {},
): Promise<OpenSite> {
  const build = await buildSite(contentDir, { base });
  if (!build.ok) throw new Error(`build of ${contentDir} failed:\n${build.output}`);
  const server = await serveStatic(build.outDir, { base });
  const browser = await launchBrowser(browserOptions);
  return { build, server, browser };
}

/**
 * Gives each test of a file a fresh page, watched, and closes it after the test, which fails if
 * the page did not run clean: no console error, no uncaught error, no failed or 4xx/5xx request.
 * `onPage` hands the page and its watch to the test file.
 */
export function freshPageForEachTest(browser: () => Browser, onPage: (page: Page, watch: PageWatch) => void): void {
  let page: Page;
  let watch: PageWatch;
  beforeEach(async () => {
    page = await browser().context.newPage();
    watch = watchPage(page);
    onPage(page, watch);
  });
  afterEach(async () => {
    await page.close();
    expect(watch.consoleErrors, 'console errors').toEqual([]);
    expect(watch.pageErrors, 'page errors').toEqual([]);
    expect(watch.failures, 'failed requests').toEqual([]);
  });
}

/** Closes what openSite opened (whatever of it was opened) and removes the built site. */
export async function closeSite(site: Partial<OpenSite>): Promise<void> {
  await site.browser?.close();
  await site.server?.close();
  await removeSite(site.build);
}
