import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scanHtml, stringPool, type PageScan } from '../../src/integrations/verify/scan.ts';
import { ScanCache } from '../../src/integrations/verify/scan-cache.ts';
import { hostileStrings } from '../helpers/hostile.ts';

describe('the string pool of the page scans', () => {
  it('gives back every string as it was, lone surrogates and all', () => {
    const keep = stringPool();
    for (const text of [...hostileStrings(7, 300), '', '\uD83D', '\uDE00', 'a\uD800b', '\u0000']) {
      expect(keep(text), JSON.stringify(text)).toBe(text);
      expect(keep(`${text}`), JSON.stringify(text)).toBe(text);
    }
  });

  it('changes nothing a scan reports', () => {
    const page =
      '<html lang="en"><head><title> A &amp; B </title><link rel="canonical" href="https://x.org/a/"></head>' +
      '<body><a id="top" href="/b/#c">b</a><a name="n" href="/b/">b</a><img src="/i.png" srcset="/i2.png 2x">' +
      '<p class="katex-error">x</p><a href=" JavaScript:alert(1)">j</a><object data="data:text/html,x"></object>' +
      '<meta property="og:url" content="/not-a-link/"></body></html>';
    const expected: PageScan = {
      ids: new Set(['top', 'n']),
      // A link with an unsafe URL is still a link (the link check calls it external).
      links: ['https://x.org/a/', '/b/#c', '/b/', '/i.png', ' JavaScript:alert(1)'],
      unsafeUrls: [
        { element: 'a', attribute: 'href', value: ' JavaScript:alert(1)' },
        { element: 'object', attribute: 'data', value: 'data:text/html,x' },
      ],
      lang: 'en',
      title: 'A & B',
      canonical: 'https://x.org/a/',
      katexErrors: 1,
    };
    expect(scanHtml(page)).toEqual(expected);
    expect(scanHtml(page, stringPool())).toEqual(expected);
    expect(scanHtml('<html><title>t</title></html>').lang).toBeUndefined();
  });

  it('counts katex-error as a whole class among others, at any ASCII whitespace, and nothing like it', () => {
    const count = (classes: string[]) =>
      scanHtml(classes.map((name) => `<span class="${name}">x</span>`).join('')).katexErrors;
    expect(count(['katex-error', 'katex katex-error', 'katex-error\tx', '\nkatex-error\f', 'a  katex-error  b'])).toBe(
      5,
    );
    expect(
      count(['katex-errors', 'not-katex-error', 'katex-error-x', 'Katex-Error', 'x\u00a0katex-error', 'katex']),
    ).toBe(0);
  });

  it('keeps no page text alive: a scan holds its own strings, not slices of its page', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = () => {
      gc();
      return getHeapStatistics().used_heap_size;
    };
    // 100 pages of 1 MB each, whose links, ids, title and canonical URL are slices of the page.
    const filler = `<p>${'x'.repeat(1 << 20)}</p>`;
    const keep = stringPool();
    const before = used();
    const scans = Array.from({ length: 100 }, (_, index) =>
      scanHtml(
        `<html lang="en"><head><title>Page number ${index} of many</title>` +
          `<link rel="canonical" href="https://example.org/pages/${index}/"></head>` +
          `<body><a id="anchor-number-${index}" href="/some/long/path/${index}/">a</a>${filler}</body></html>`,
        keep,
      ),
    );
    const grown = used() - before;
    expect(scans).toHaveLength(100);
    // The pages' text is 100 MB; what the scans keep is a few kilobytes.
    expect(grown).toBeLessThan(10 * (1 << 20));
  });
});

describe('the scan cache', () => {
  it('rewrites its file only when a page was scanned anew or is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-cache-'));
    const path = join(dir, 'scans.json');
    const first = await ScanCache.open(path);
    first.set('a.html', 'sig-a', 'digest-a', scanHtml('<title>A</title><a href="/b.html">b</a>'));
    first.set('b.html', 'sig-b', 'digest-b', scanHtml('<title>B</title>'));
    await first.save();
    const written = (await stat(path)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    const same = await ScanCache.open(path);
    expect(same.getByFile('a.html', 'sig-a')?.links).toEqual(['/b.html']);
    expect(same.getByFile('b.html', 'sig-b')?.title).toBe('B');
    await same.save();
    expect((await stat(path)).mtimeMs).toBe(written);

    const oneGone = await ScanCache.open(path);
    expect(oneGone.getByFile('a.html', 'another signature')).toBeUndefined();
    expect(oneGone.getByDigest('a.html', 'sig-a2', 'digest-a')?.title).toBe('A');
    await oneGone.save();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as unknown[])[0])).toEqual([undefined, 'a.html']);
    expect((JSON.parse(lines[1]!) as string[])[1]).toBe('sig-a2');
  });
});
