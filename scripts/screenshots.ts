// npm run screenshots -- <built dir> [out dir]: screenshots of the main pages at phone and
// desktop widths in both themes, with Debian's Chromium, for a human to look at.
import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const [root = 'dist', out = 'screenshots'] = process.argv.slice(2);
const pages = process.env.PAGES?.split(',') ?? [
  '/',
  '/papers/2311.13774/',
  '/topics/',
  '/topics/language-models/',
  '/archive/',
  '/2025/06/06/',
];
const types: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

const server = createServer(async (request, response) => {
  let path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if ((await stat(path).catch(() => undefined))?.isDirectory()) path = join(path, 'index.html');
  try {
    response
      .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
      .end(await readFile(path));
  } catch {
    response.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as { port: number };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
await mkdir(out, { recursive: true });
for (const [device, width] of [
  ['phone', 360],
  ['desktop', 1280],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
      const name = `${device}-${scheme}${path.replaceAll('/', '_')}.png`;
      await page.screenshot({ path: join(out, name), fullPage: process.env.FULL === '1' });
    }
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`Screenshots in ${out}/`);
