// npm run screenshots -- <built dir> [out dir]: screenshots of the main pages at phone and
// desktop widths in both themes, with Debian's Chromium, for a human to look at.
// PAGES=/,/archive/ chooses the pages; FULL=1 takes whole pages.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, serveStatic } from '../src/dev/browser.ts';

const [root = 'dist', out = 'screenshots'] = process.argv.slice(2);
const pages = process.env.PAGES?.split(',') ?? ['/', '/topics/', '/archive/', '/2025/06/06/', '/papers/2311.13774/'];

const server = await serveStatic(root);
const browser = await launchBrowser();
await mkdir(out, { recursive: true });
for (const [device, width] of [
  ['phone', 360],
  ['desktop', 1280],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    for (const path of pages) {
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      const name = `${device}-${colorScheme}${path.replaceAll('/', '_')}.png`;
      await page.screenshot({ path: join(out, name), fullPage: process.env.FULL === '1' });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
console.log(`Screenshots in ${out}/`);
