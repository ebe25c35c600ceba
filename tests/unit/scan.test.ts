import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scanHtml, stringPool, type PageScan } from '../../src/integrations/verify/scan.ts';
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
      '<p class="katex-error">x</p></body></html>';
    const expected: PageScan = {
      ids: new Set(['top', 'n']),
      urls: [
        { element: 'link', attribute: 'href', value: 'https://x.org/a/' },
        { element: 'a', attribute: 'href', value: '/b/#c' },
        { element: 'a', attribute: 'href', value: '/b/' },
        { element: 'img', attribute: 'src', value: '/i.png' },
        { element: 'img', attribute: 'srcset', value: '/i2.png 2x' },
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
