import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DocumentCache } from '../../src/integrations/verify/document-cache.ts';
import { verifyPages } from '../../src/integrations/verify/index.ts';
import { xmlErrors } from '../../src/lib/xml.ts';
import { verifySite } from '../helpers/verify.ts';
import { LinkChecker } from '../../src/integrations/verify/links.ts';
import { isUnsafeUrl } from '../../src/integrations/verify/scan.ts';
import {
  decodeExpectedOutputs,
  encodeExpectedOutputs,
  outputCollisions,
  unlistedOutputs,
} from '../../src/integrations/verify/outputs.ts';

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

  it('reads again a page rewritten in place with the same size and modification time', async () => {
    const page = 'papers/a/index.html';
    const dir = await site({
      'index.html': good('<a href="/papers/a/">a</a>', '/'),
      [page]: good('<p class="katex-erred">x</p>', '/papers/a/'),
    });
    // A whole second, so that setting it back restores the modification time exactly.
    const modified = new Date('2026-01-01T00:00:00Z');
    await utimes(join(dir, page), modified, modified);
    const options = { site: 'https://site.org', base: '/', cacheFile: join(dir, '..', `${Date.now()}-same-size.json`) };
    expect((await verifyPages(dir, options)).problems).toEqual([]);

    const broken = good('<p class="katex-error">x</p>', '/papers/a/');
    expect(broken.length).toBe((await readFile(join(dir, page), 'utf8')).length);
    await writeFile(join(dir, page), broken);
    await utimes(join(dir, page), modified, modified);
    expect((await verifyPages(dir, options)).problems).toEqual([`${page}: has 1 KaTeX error(s) in its markup`]);
  });
});

describe('verifyPages with a document cache', () => {
  it('finds a feed or JSON file broken since it passed', async () => {
    const dir = await site({
      'index.html': good('', '/'),
      'rss.xml': '<rss><channel><title>ok</title></channel></rss>',
      'feed.json': '{"items":[]}',
    });
    const options = {
      site: 'https://site.org',
      base: '/',
      documentCacheFile: join(dir, '..', `${Date.now()}-documents.json`),
    };
    expect((await verifyPages(dir, options)).problems).toEqual([]);
    expect((await verifyPages(dir, options)).problems).toEqual([]);

    await writeFile(join(dir, 'rss.xml'), '<rss><channel><title>a & b</title></channel></rss>');
    await writeFile(join(dir, 'feed.json'), '{"items":[}');
    const problems = (await verifyPages(dir, options)).problems;
    // One line per error the parser reports; one bad `&` may give several.
    expect([...new Set(problems.map((problem) => problem.replace(/: (is not [^:]+):.*/, ': $1')))]).toEqual([
      'feed.json: is not valid JSON',
      'rss.xml: is not well-formed XML',
    ]);
    // A failure is not remembered: still found on the next build.
    expect((await verifyPages(dir, options)).problems).toEqual(problems);
  });
});

describe('DocumentCache', () => {
  it('remembers a pass for its file and signature only, and only this build’s passes', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'documents-')), 'cache.json');
    const first = await DocumentCache.open(path);
    expect(first.passed('rss.xml', '1:10:5:5')).toBe(false);
    first.record('rss.xml', '1:10:5:5');
    first.record('gone.xml', '2:10:5:5');
    await first.save();

    const second = await DocumentCache.open(path);
    expect(second.passed('rss.xml', '1:10:5:5')).toBe(true);
    expect(second.passed('rss.xml', '1:11:6:6')).toBe(false);
    expect(second.passed('other.xml', '1:10:5:5')).toBe(false);
    await second.save(); // gone.xml was not seen in this build

    const third = await DocumentCache.open(path);
    expect(third.passed('rss.xml', '1:10:5:5')).toBe(true);
    expect(third.passed('gone.xml', '2:10:5:5')).toBe(false);
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

describe('verifyPages on hostile links', () => {
  /** Problems of a site served at `base`: a home page, papers/a/ with `links`, and papers/b/. */
  const check = async (base: string, links: string[]) => {
    const dir = await site({
      'index.html': good('', base),
      'papers/a/index.html': good(
        `<p id="✓">x</p>${links.map((link) => `<a href="${link.replaceAll('"', '&quot;')}">x</a>`).join('')}`,
        `${base}papers/a/`,
      ),
      'papers/b/index.html': good('', `${base}papers/b/`),
    });
    return (await verifyPages(dir, { site: 'https://site.org', base })).problems;
  };

  it('reports a malformed %-escape in a link into the site, and lets one to another site be', async () => {
    expect(
      await check('/', [
        '/papers/%E0%A4%A/',
        'https://site.org/%zz',
        '../%C0%AF/',
        'https://x.org/%zz',
        'https://x.org/papers/%E0%A4%A/#%zz',
        '#%E2%9C%93',
      ]),
    ).toEqual([
      'papers/a/index.html: link "/papers/%E0%A4%A/" has a malformed %-escape in its path, so it names no file',
      'papers/a/index.html: link "https://site.org/%zz" has a malformed %-escape in its path, so it names no file',
      'papers/a/index.html: link "../%C0%AF/" has a malformed %-escape in its path, so it names no file',
    ]);
  });

  it('reports a fragment that names no id, however it is escaped', async () => {
    expect(await check('/', ['#%zz', '/papers/a/#%E0%A4%A', '#%E2%9C%93', '#✓'])).toEqual([
      'papers/a/index.html: link "#%zz" fragment #%zz is not an id on papers/a/index.html',
      'papers/a/index.html: link "/papers/a/#%E0%A4%A" fragment #%E0%A4%A is not an id on papers/a/index.html',
    ]);
  });

  it('checks links to the site’s own host, however spelled, like relative ones, under the base path', async () => {
    const problems = await check('/base/', [
      'https://site.org/base/papers/missing/',
      'http://site.org/base/papers/missing/',
      'HTTPS://SITE.ORG:443/base/papers/missing/',
      '//site.org/base/papers/missing/',
      'https://user@site.org/base/papers/missing/',
      'https://site.org/papers/b/',
      'https://site.org/base/papers/b/',
      'https://site.org:8443/base/papers/missing/',
      'https://www.site.org/base/papers/missing/',
    ]);
    expect(problems).toEqual([
      'papers/a/index.html: link "https://site.org/base/papers/missing/" points to papers/missing/index.html, which the build did not write',
      'papers/a/index.html: link "http://site.org/base/papers/missing/" points to papers/missing/index.html, which the build did not write',
      'papers/a/index.html: link "HTTPS://SITE.ORG:443/base/papers/missing/" points to papers/missing/index.html, which the build did not write',
      'papers/a/index.html: link "//site.org/base/papers/missing/" points to papers/missing/index.html, which the build did not write',
      'papers/a/index.html: link "https://user@site.org/base/papers/missing/" points to papers/missing/index.html, which the build did not write',
      'papers/a/index.html: link "https://site.org/papers/b/" is outside the base path /base/',
    ]);
  });

  it('gives every odd href a verdict, and keeps huge ones out of the message', async () => {
    const huge = `https://site.org/papers/${'x'.repeat(1_000_000)}/`;
    const problems = await check('/', [
      'http://[::1',
      'https://',
      'blob:https://site.org/papers/missing/',
      'ftp://site.org/papers/missing/',
      'web+x:%zz',
      'mailto:%zz',
      'tel:%E0%A4%A',
      `https://x.org/${'%'.repeat(100_000)}`,
      huge,
      `${huge}%zz`,
    ]);
    const hugeLink = `papers/a/index.html: link "https://site.org/papers/xxxxxxxxxx`;
    expect(problems.map((problem) => problem.slice(0, hugeLink.length))).toEqual([
      'papers/a/index.html: link "http://[::1" is not a valid URL',
      'papers/a/index.html: link "https://" is not a valid URL',
      hugeLink,
      hugeLink,
    ]);
    const targetFile = `papers/${'x'.repeat(1_000_000)}/index.html`;
    expect(problems[2]).toContain(`… (${huge.length} characters)" points to papers/xxx`);
    expect(problems[2]).toContain(`… (${targetFile.length} characters), which the build did not write`);
    expect(problems[3]).toMatch(/has a malformed %-escape in its path, so it names no file$/);
    for (const problem of problems) expect(problem.length).toBeLessThan(600);
  });

  it('reports a page it cannot check with the page’s name, and checks the others', async () => {
    const failing = vi.spyOn(LinkChecker.prototype, 'addPage').mockImplementation(function (this: LinkChecker, file) {
      if (file === 'papers/a/index.html') throw new URIError('URI malformed');
    });
    try {
      const dir = await site({
        'index.html': good('', '/'),
        'papers/a/index.html': good('', '/papers/a/'),
        'papers/b/index.html': '<html><body>no title</body></html>',
      });
      expect((await verifyPages(dir, { site: 'https://site.org', base: '/' })).problems).toEqual([
        'papers/a/index.html: could not be checked (URIError: URI malformed): fix what in the page or its paper causes this',
        'papers/b/index.html: has no <title>',
        'papers/b/index.html: has no lang attribute on <html>',
        'papers/b/index.html: has no canonical URL',
      ]);
    } finally {
      failing.mockRestore();
    }
  });
});

describe('the expected outputs', () => {
  const paper = 'content/papers/2025/x.mdx';
  const other = 'content/papers/2025/y.mdx';

  it('names the file and both owners where two outputs are one file, however the clash arises', () => {
    const problems = outputCollisions([
      { file: 'search/authors/shards.json', owner: "the site's author directory's list of keys" },
      { file: 'papers/x/index.html', owner: paper },
      { file: 'search/authors/shards.json', owner: `the author directory's names under "shards" (${other})` },
      // One file on a disk that ignores case (macOS, Windows).
      { file: 'authors/Ivan/rss.xml', owner: `the author "Ivan" (${other})` },
      { file: 'authors/ivan/rss.xml', owner: `the author "ivan" (${paper})` },
      // A file where another output needs a folder, in either order.
      { file: 'papers/x/index.html/2.html', owner: other },
      { file: 'papers/x', owner: other },
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe(
      `search/authors/shards.json: written twice for the site's author directory's list of keys and for the author directory's names under "shards" (${other}): rename one of them`,
    );
    expect(problems[1]).toMatch(
      /^authors\/ivan\/rss\.xml: written as authors\/Ivan\/rss\.xml and as authors\/ivan\/rss\.xml/,
    );
    expect(problems[1]).toContain(`for the author "Ivan" (${other}) and for the author "ivan" (${paper})`);
    expect(problems[2]).toBe(
      `papers/x/index.html/2.html: inside papers/x/index.html, which is a file, for ${paper} and for ${other}: rename one of them`,
    );
    expect(problems[3]).toBe(
      `papers/x: a folder of papers/x/index.html and a file of its own, for ${paper} and for ${other}: rename one of them`,
    );
    expect(
      outputCollisions([
        { file: 'papers/x/index.html', owner: paper },
        { file: 'papers/x.bib', owner: paper },
        { file: 'papers/y/index.html', owner: other },
      ]),
    ).toEqual([]);
  });

  it('keeps each output whole through its file, whatever its owner’s name holds', () => {
    const outputs = [
      { file: 'authors/a/rss.xml', owner: 'the author "A\nB \\" [x]" (c.mdx)' },
      { file: 'papers/é/index.html', owner: paper },
    ];
    expect(decodeExpectedOutputs(encodeExpectedOutputs(outputs))).toEqual(outputs);
  });

  it('fails a build that lacks an expected file, or wrote one the list does not name', async () => {
    const dir = await site({ 'index.html': good('', '/'), 'papers/x/index.html': good('', '/papers/x/') });
    const expected = [
      { file: 'index.html', owner: "the site's home page" },
      { file: 'papers/x/index.html', owner: paper },
      { file: 'papers/x.bib', owner: paper },
    ];
    expect((await verifyPages(dir, { site: 'https://site.org', base: '/', expected })).problems).toEqual([
      `papers/x.bib: is missing from the output, though ${paper} needs it`,
    ]);
    expect(unlistedOutputs(expected, ['index.html', 'papers/x/index.html', 'papers/x.bib', 'search/new.json'])).toEqual(
      ['search/new.json: was written, but the list of expected outputs (src/data/outputs.ts) does not name it'],
    );
  });
});
