/**
 * Headless Chromium and a static server for built sites: used by the browser tests, the benchmark
 * (search download) and the screenshots script. No test tool downloads a browser here: Chromium
 * comes from the system package (`apt-get install chromium` → /usr/bin/chromium, or CHROMIUM_PATH),
 * driven by playwright-core. Nothing here imports a test framework.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
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

/** `decodeURIComponent`, or undefined where the text has a malformed `%` escape (`%zz`, `%E0%A4%A`). */
function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
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
    const decoded = percentDecoded(pathname.slice(basePath.length));
    // A malformed escape (%E0%A4%A) names no file: a static host answers 404, not an error.
    if (decoded === undefined) return undefined;
    const relative = normalize(decoded);
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
  /** Requests made and not yet finished or failed: a test that leaves the page waits for none. */
  inFlight: Set<Request>;
}

/** Records what a page logs, throws and requests, for assertions at the end of a test. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = {
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    failures: [],
    bytes: new Map(),
    inFlight: new Set(),
  };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(String(error)));
  page.on('request', (request) => {
    watch.requests.push(request.url());
    watch.inFlight.add(request);
  });
  page.on('requestfailed', (request) => {
    watch.inFlight.delete(request);
    watch.failures.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('requestfinished', (request: Request) => {
    watch.inFlight.delete(request);
    void request
      .sizes()
      .then((sizes) => watch.bytes.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize))
      .catch(() => undefined);
    // A page closed while a response is read rejects; that is the test ending, not a failure.
    void request
      .response()
      .then((response) => {
        if (response && response.status() >= 400) watch.failures.push(`${request.url()}: HTTP ${response.status()}`);
      })
      .catch(() => undefined);
  });
  return watch;
}
