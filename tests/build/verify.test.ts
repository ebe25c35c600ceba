import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPages, verifySite, xmlErrors } from '../../src/integrations/verify/index.ts';
import { isUnsafeUrl } from '../../src/integrations/verify/scan.ts';

const good = (body: string, path = '/x/') =>
  `<!doctype html><html lang="en"><head><title>T</title><link rel="canonical" href="https://site.org${path}"></head><body>${body}</body></html>`;

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'verify-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const index = (pages: number) =>
  JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'x', wasm: null, page_count: pages } } });

describe('verifySite', () => {
  it('accepts a good site', async () => {
    const dir = await site({
      'index.html': good('<a href="/papers/a/">a</a><a href="https://elsewhere.org/">out</a>', '/'),
      'papers/a/index.html': good('<p id="f">x</p><a href="#f">f</a>', '/papers/a/'),
      'rss.xml': '<?xml version="1.0"?><rss><channel><title>a &amp; b</title></channel></rss>',
      'feed.json': '{"version":"https://jsonfeed.org/version/1.1"}',
      'pagefind/pagefind-entry.json': index(1),
    });
    expect(await verifySite(dir, { site: 'https://site.org', base: '/' })).toEqual([]);
  });

  it('reports every kind of broken output', async () => {
    const dir = await site({
      'index.html': '<!doctype html><html><head></head><body><a href="JavaScript:alert(1)">x</a></body></html>',
      'papers/a/index.html': good(
        '<span class="katex-error" title="ParseError">\\frac</span><a href="/missing/">m</a>',
      ),
      'papers/b/index.html': good('<img src="data:image/svg+xml,<svg/>">'),
      'rss.xml': '<rss><channel><title>a & b</title></channel></rss>',
      'feed.json': '{"version":',
      'pagefind/pagefind-entry.json': index(5),
    });
    const problems = await verifySite(dir, { site: 'https://site.org', base: '/' });
    const expected = [
      'index.html: has no <title>',
      'index.html: has no lang attribute on <html>',
      'index.html: has no canonical URL',
      'index.html: <a href="JavaScript:alert(1)"> uses an unsafe URL scheme',
      'papers/a/index.html: has 1 KaTeX error(s) in its markup',
      'papers/a/index.html: link "/missing/" points to missing/index.html',
      'papers/b/index.html: <img src="data:image/svg+xml,<svg/>"> uses an unsafe URL scheme',
      'rss.xml: is not well-formed XML',
      'feed.json: is not valid JSON',
      'pagefind/: the search index holds 5 pages, but there are 2 paper pages',
    ];
    for (const line of expected)
      expect(
        problems.some((problem) => problem.startsWith(line)),
        line,
      ).toBe(true);
  });

  it('requires a search index', async () => {
    const dir = await site({ 'index.html': good('', '/') });
    expect(await verifySite(dir, { site: 'https://site.org', base: '/' })).toContain(
      'pagefind/: the search index was not written',
    );
  });
});

describe('verifyPages with a scan cache', () => {
  it('finds a problem in a page that changed since the cached scan', async () => {
    const dir = await site({
      'index.html': good('<a href="/papers/a/">a</a>', '/'),
      'papers/a/index.html': good('<p>fine</p>', '/papers/a/'),
    });
    const options = { site: 'https://site.org', base: '/', cacheFile: join(dir, '..', `${Date.now()}-scans.json`) };
    expect((await verifyPages(dir, options)).problems).toEqual([]);
    expect((await verifyPages(dir, options)).problems).toEqual([]);

    await writeFile(join(dir, 'papers/a/index.html'), good('<span class="katex-error">x</span>', '/papers/a/'));
    expect((await verifyPages(dir, options)).problems).toEqual([
      'papers/a/index.html: has 1 KaTeX error(s) in its markup',
    ]);
  });
});

describe('xmlErrors', () => {
  it('accepts well-formed XML and rejects control characters, bare & and unclosed tags', () => {
    expect(xmlErrors('<a>x &amp; y</a>')).toEqual([]);
    expect(xmlErrors('<a>x \u0001 y</a>').length).toBeGreaterThan(0);
    expect(xmlErrors('<a>x & y</a>').length).toBeGreaterThan(0);
    expect(xmlErrors('<a><b></a>').length).toBeGreaterThan(0);
  });
});

describe('isUnsafeUrl', () => {
  it.each([
    ['javascript:alert(1)', true],
    ['JAVASCRIPT:alert(1)', true],
    [' java\tscript:alert(1)', true],
    ['vbscript:msgbox(1)', true],
    ['VBScript:x', true],
    ['data:text/html,<script>', true],
    ['file:///etc/passwd', true],
    ['https://example.org/javascript:', false],
    ['/papers/a/', false],
    ['#top', false],
    ['mailto:a@b.org', false],
  ])('%s → %s', (url, unsafe) => {
    expect(isUnsafeUrl(url)).toBe(unsafe);
  });
});
