/**
 * `npm run dev` serves pages that look like the build: Astro's dev server puts stylesheets in
 * inline <style> tags, which the site's Content-Security-Policy must not block there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { launchBrowser, settled, type Browser, watchPage } from './helpers.ts';

let server: ChildProcess | undefined;
let cacheDir: string;
let url: string;
let browser: Browser;
let log = '';

/** A port nothing listens on right now, on loopback. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/**
 * Starts `astro dev` on a small fixture and resolves with its URL once it answers. It is asked
 * for, not read from the log: Astro 7 writes its log as JSON, and would move to the background,
 * when it believes a coding agent runs it, and `--ignore-lock` keeps it in the foreground and
 * lets it run beside another dev server of the same project.
 */
async function startDevServer(): Promise<string> {
  cacheDir = await mkdtemp(join(tmpdir(), 'paper-digest-dev-'));
  const port = await freePort();
  const child = spawn(
    join(projectRoot, 'node_modules/.bin/astro'),
    ['dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    {
      cwd: projectRoot,
      // Its own process group, so closing it stops everything it started.
      detached: true,
      env: {
        // Without what Vitest adds (MODE, BASE_URL, SITE…), which Astro would read as its own.
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([key]) => !/^(VITEST.*|SITE|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV)$/.test(key),
          ),
        ),
        // Node 22 from the project, as npm scripts get it (Astro 7 needs it).
        PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        PAPER_DIGEST_CONTENT: 'tests/fixtures/site',
        PAPER_DIGEST_CACHE_DIR: cacheDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server = child;
  const collect = (chunk: Buffer) => (log += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const serverUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${log}`);
    const answered = await fetch(serverUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return serverUrl;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not answer at ${serverUrl} within 180 s:\n${log}`);
}

async function stopDevServer(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
}

/**
 * Vite optimizes dependencies the first time a page asks for them and then reloads the page:
 * load each page once first, so the test watches a page that stays put.
 */
async function warmUp(paths: string[]): Promise<void> {
  const page = await browser.context.newPage();
  const watch = watchPage(page);
  for (const path of paths) {
    await page.goto(url + path);
    // Done when 1.5 s have passed without a request: a reload would have asked for the page again.
    await settled(watch, { quiet: 1_500 });
  }
  await page.close();
}

const paths = ['', 'papers/2306.13575/'];

beforeAll(async () => {
  url = await startDevServer();
  browser = await launchBrowser();
  await warmUp(paths);
});

afterAll(async () => {
  await browser?.close();
  await stopDevServer();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('astro dev', () => {
  for (const path of paths) {
    it(`serves /${path} styled, with no Content-Security-Policy violation`, async () => {
      const page = await browser.context.newPage();
      const consoleViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
      });
      // Recorded from the very start of the document: violations fire while it is parsed.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`),
        );
      });
      const response = await page.goto(url + path, { waitUntil: 'load' });
      expect(response?.status(), log).toBe(200);
      // Vite's client adds and replaces styles from scripts after load: give it a moment.
      await page
        .waitForFunction(() => getComputedStyle(document.body).marginTop === '0px', undefined, {
          timeout: 10_000,
        })
        .catch(() => undefined);

      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations).toEqual([]);
      expect(consoleViolations).toEqual([]);
      // Styled as the build is: the stylesheet's rules, not the browser's defaults (body margin
      // 8px, a bulleted navigation list, no border under the header).
      const styles = await page.evaluate(() => ({
        bodyMargin: getComputedStyle(document.body).marginTop,
        navList: getComputedStyle(document.querySelector('.nav-list')!).listStyleType,
        headerBorder: getComputedStyle(document.querySelector('.site-header')!).borderBottomWidth,
      }));
      expect(styles).toEqual({ bodyMargin: '0px', navList: 'none', headerBorder: '1px' });
      await page.close();
    });
  }
});

describe('astro dev, the files the build writes from bundles', () => {
  it("serves a paper's .bib and .json and an author's feed and .bib from routes of their own", async () => {
    const json = await fetch(`${url}papers/2306.13575.json`);
    expect(json.status, log).toBe(200);
    expect(await json.json()).toMatchObject({ id: '2306.13575', title: 'Scaling MLPs: A Tale of Inductive Bias' });
    const bib = await fetch(`${url}papers/2306.13575.bib`).then((response) => response.text());
    expect(bib).toMatch(/^@\w+\{[^,]+,\n/);
    expect(bib).toContain('Scaling');
    const feed = await fetch(`${url}authors/gregor-bachmann/rss.xml`).then((response) => response.text());
    expect(feed).toContain('<rss');
    expect(feed).toContain('Scaling MLPs');
    const authorBib = await fetch(`${url}authors/gregor-bachmann/papers.bib`).then((response) => response.text());
    expect(authorBib).toContain('Scaling');
  });
});
