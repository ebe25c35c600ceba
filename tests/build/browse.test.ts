import { readFile, writeFile, mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInternalLinks } from '../../src/integrations/verify/links.ts';
import { buildFixture, type BuildResult } from '../helpers/build.ts';

/**
 * tests/fixtures/browse: 9 papers over 5 days, 3 months, 3 years, built with a page size of 3.
 * 2025-01-01: a1 a2 a3 a4 · 2024-12-31: b1 b2 · 2024-11-30: c1 · 2024-11-02: d1 · 2023-05-05: e1
 * Odd-numbered papers (a1 a3 b1 c1 e1) are tagged optimization, even ones gpt-4.
 */
const fixture = 'tests/fixtures/browse';
const env = { PAPER_DIGEST_PAGE_SIZE: '3' };
let farWest: BuildResult;
let farEast: BuildResult;
let underBase: BuildResult;

beforeAll(async () => {
  // Sequential: two builds at once would only compete for the same two cores.
  farWest = await buildFixture(fixture, { env: { ...env, TZ: 'America/Los_Angeles' } });
  farEast = await buildFixture(fixture, { env: { ...env, TZ: 'Pacific/Kiritimati' } });
  underBase = await buildFixture(fixture, { base: '/some-repo/', env: { ...env, TZ: 'UTC' } });
});

const read = (build: BuildResult, path: string) => readFile(join(build.outDir, path, 'index.html'), 'utf8');
const cards = (html: string) => html.match(/data-paper-card/g)?.length ?? 0;
const order = (html: string, ids: string[]) => ids.map((id) => html.indexOf(`/papers/${id}/"`));

describe('browse pages', () => {
  it('build', () => {
    expect(farWest.ok, farWest.output).toBe(true);
    expect(farEast.ok, farEast.output).toBe(true);
    expect(underBase.ok, underBase.output).toBe(true);
  });

  it('home shows the latest day first, a page of its papers, and earlier days', async () => {
    const html = await read(farWest, '');
    expect(html).toContain('Wednesday, January 1, 2025');
    expect(cards(html)).toBe(3);
    expect(html).toContain('All 4 papers of this day');
    for (const day of ['/2024/12/31/', '/2024/11/30/', '/2024/11/02/', '/2023/05/05/'])
      expect(html).toContain(`href="${day}"`);
  });

  it('paginates a day with more papers than a page, page 1 without a number', async () => {
    const first = await read(farWest, '2025/01/01');
    const second = await read(farWest, '2025/01/01/2');
    expect(order(first, ['a1', 'a2', 'a3']).every((index) => index > 0)).toBe(true);
    expect(first).not.toContain('/papers/a4/"');
    expect(second).toContain('/papers/a4/"');
    expect(first).toContain('href="/2025/01/01/2/"');
    expect(second).toContain('href="/2025/01/01/"');
  });

  it('links each day to the previous and next day', async () => {
    const newest = await read(farWest, '2025/01/01');
    expect(newest).toMatch(/href="\/2024\/12\/31\/" rel="prev"/);
    expect(newest).not.toContain('rel="next"><span class="neighbour-direction">Next');
    const middle = await read(farWest, '2024/12/31');
    expect(middle).toMatch(/href="\/2024\/11\/30\/" rel="prev"/);
    expect(middle).toMatch(/href="\/2025\/01\/01\/" rel="next"/);
  });

  it('has month, year and archive pages with counts', async () => {
    const november = await read(farWest, '2024/11');
    expect(november).toContain('href="/2024/11/30/"');
    expect(november).toContain('href="/2024/11/02/"');
    expect(november).toContain('2 papers on 2 days');
    const year = await read(farWest, '2024');
    expect(year).toContain('4 papers');
    expect(year).toContain('href="/2024/11/"');
    expect(year).toContain('href="/2024/12/"');
    const archive = await read(farWest, 'archive');
    expect(archive).toContain('9 papers on 5 digest days');
    for (const path of ['/2025/', '/2024/', '/2023/', '/2025/01/', '/2023/05/'])
      expect(archive).toContain(`href="${path}"`);
  });

  it('lists topics with counts and paginates each topic, newest first', async () => {
    const topics = await read(farWest, 'topics');
    expect(topics).toMatch(/Optimization<\/a>\s*<\/h2>\s*<span class="count">\s*5 papers/);
    expect(topics).toMatch(/GPT-4<\/a>\s*<\/h2>\s*<span class="count">\s*4 papers/);
    const first = await read(farWest, 'topics/optimization');
    const second = await read(farWest, 'topics/optimization/2');
    const positions = order(first, ['a1', 'a3', 'b1']);
    expect(positions.every((index, i) => index > 0 && (i === 0 || index > positions[i - 1]!))).toBe(true);
    expect(order(second, ['c1', 'e1']).every((index) => index > 0)).toBe(true);
    expect(first).toContain('href="/topics/optimization/rss.xml"');
    expect(first).toContain('href="/topics/optimization/2/"');
  });

  it('gives a paper its topics as links, its neighbours of the same day and a canonical URL', async () => {
    const html = await read(farWest, 'papers/a2');
    expect(html).toContain('href="/topics/gpt-4/"');
    expect(html).toMatch(/href="\/papers\/a1\/" rel="prev"/);
    expect(html).toMatch(/href="\/papers\/a3\/" rel="next"/);
    expect(html).toContain('<link rel="canonical" href="https://digest.example.org/papers/a2/">');
    const last = await read(farWest, 'papers/a4');
    expect(last).not.toContain('rel="next"');
  });

  it('never lists more than a page of papers on any page', async () => {
    for (const file of await glob('**/*.html', { cwd: farWest.outDir })) {
      const html = await readFile(join(farWest.outDir, file), 'utf8');
      expect(cards(html), file).toBeLessThanOrEqual(3);
    }
  });

  it('groups by UTC date: pages are byte-identical whatever the build machine time zone', async () => {
    const files = (await glob('**/*', { cwd: farWest.outDir })).sort();
    expect(files).toEqual((await glob('**/*', { cwd: farEast.outDir })).sort());
    expect(files).toContain('2025/01/01/index.html');
    expect(files).not.toContain('2024/12/31/2/index.html');
    for (const file of files) {
      const [west, east] = await Promise.all([
        readFile(join(farWest.outDir, file)),
        readFile(join(farEast.outDir, file)),
      ]);
      expect(west.equals(east), file).toBe(true);
    }
  });

  it('resolves every internal link and fragment, at the root and under a base path', async () => {
    expect(await checkInternalLinks(farWest.outDir, { site: 'https://digest.example.org', base: '/' })).toEqual([]);
    expect(
      await checkInternalLinks(underBase.outDir, { site: 'https://digest.example.org', base: '/some-repo/' }),
    ).toEqual([]);
    const html = await read(underBase, 'papers/a2');
    expect(html).toContain('href="/some-repo/topics/gpt-4/"');
    expect(html).not.toMatch(/(href|src)="\/(?!some-repo\/)/);
  });
});

describe('checkInternalLinks', () => {
  it('reports missing pages, missing fragments and links outside the base path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'links-'));
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'a', 'index.html'), '<h2 id="here">x</h2><a href="#here">ok</a>');
    await writeFile(
      join(dir, 'index.html'),
      [
        '<a href="/base/a/">ok</a><a href="a/#here">ok</a><a href="https://elsewhere.org/x">external</a>',
        '<a href="/base/missing/">1</a><a href="/base/a/#nowhere">2</a><a href="/a/">3</a>',
        '<a href="https://site.org/base/gone.xml">4</a><img src="/base/img.png">',
      ].join(''),
    );
    const problems = await checkInternalLinks(dir, { site: 'https://site.org', base: '/base/' });
    expect(problems.map((problem) => problem.link).sort()).toEqual(
      ['/base/missing/', '/base/a/#nowhere', '/a/', 'https://site.org/base/gone.xml', '/base/img.png'].sort(),
    );
  });
});
