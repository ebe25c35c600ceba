import { readFile, writeFile, mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInternalLinks } from '../helpers/verify.ts';
import { buildFixture, type BuildResult } from '../helpers/build.ts';
import { outlineProblems } from './page-structure.ts';

/**
 * tests/fixtures/browse: 11 papers over 5 days, 3 months, 3 years, built with a page size of 3.
 * 2025-01-01, newest first version first (see comparePapers):
 *   a7 (published 2024-12-28), a3 (same date: id descending), a1 (2024-12-20),
 *   a2 (arXiv 2412.01234: December 2024, day unknown), a6 (2015-03-01), a4 (no date)
 * 2024-12-31: b2 b1 (no dates: id descending) · 2024-11-30: c1 · 2024-11-02: d1 · 2023-05-05: e1
 * Odd-numbered papers (a1 a3 a7 b1 c1 e1) are tagged optimization, even ones gpt-4.
 */
const fixture = 'tests/fixtures/browse';
const env = { PAPER_DIGEST_PAGE_SIZE: '3', PAPER_DIGEST_REPOSITORY: 'https://git.example.org/digest/site/' };
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
/** Whether every paper is listed, in this order. */
const inOrder = (html: string, ids: string[]) =>
  order(html, ids).every((index, i, all) => index > 0 && (i === 0 || index > all[i - 1]!));
/** The markup of the <nav> with this accessible name. */
const navNamed = (html: string, label: string) =>
  new RegExp(`<nav[^>]*aria-label="${label}"[^>]*>([^]*?)</nav>`).exec(html)?.[1] ?? '';
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('browse pages', () => {
  it('build', () => {
    expect(farWest.ok, farWest.output).toBe(true);
    expect(farEast.ok, farEast.output).toBe(true);
    expect(underBase.ok, underBase.output).toBe(true);
  });

  it('home shows the latest day first, newest first version first, and links to the rest of it', async () => {
    const html = await read(farWest, '');
    expect(html).toContain('Wednesday, January 1, 2025');
    expect(cards(html)).toBe(3);
    expect(inOrder(html, ['a7', 'a3', 'a1'])).toBe(true);
    // The papers the home page does not show are exactly those on the day's page 2.
    const more = /<p class="more">\s*<a href="([^"]+)">\s*([^<]*)/.exec(html);
    expect(more?.[1]).toBe('/2025/01/01/2/');
    expect(more?.[2]?.trim()).toBe('Page 2 of this day: papers 4–6 of 6');
    const second = await read(farWest, '2025/01/01/2');
    expect(inOrder(second, ['a2', 'a6', 'a4'])).toBe(true);
    for (const day of ['/2024/12/31/', '/2024/11/30/', '/2024/11/02/', '/2023/05/05/'])
      expect(html).toContain(`href="${day}"`);
  });

  it('says on the home page what the digest is, and About links the repository and CONTRIBUTING', async () => {
    const intro = /<p class="site-intro">([^]*?)<\/p>/.exec(await read(farWest, ''))?.[1] ?? '';
    expect(text(intro)).toMatch(/digest of research papers/);
    expect(intro).toContain('href="/about/"');
    const about = await read(underBase, 'about');
    expect(about).toContain('href="https://git.example.org/digest/site"');
    expect(about).toContain('href="https://git.example.org/digest/site/blob/HEAD/CONTRIBUTING.md"');
  });

  it('paginates a day with more papers than a page, newest first, page 1 without a number', async () => {
    const first = await read(farWest, '2025/01/01');
    const second = await read(farWest, '2025/01/01/2');
    expect(inOrder(first, ['a7', 'a3', 'a1'])).toBe(true);
    for (const id of ['a2', 'a6', 'a4']) expect(first).not.toContain(`/papers/${id}/"`);
    expect(cards(second)).toBe(3);
    expect(first).toContain('href="/2025/01/01/2/"');
    expect(second).toContain('href="/2025/01/01/"');
    expect(inOrder(await read(farWest, '2024/12/31'), ['b2', 'b1'])).toBe(true);
  });

  it('tells pages of a day from other days, both with older to the right', async () => {
    const first = await read(farWest, '2025/01/01');
    const pager = navNamed(first, 'Pages of this day');
    const days = navNamed(first, 'Other days');
    expect(pager).toMatch(
      /<a class="pager-link pager-next" href="\/2025\/01\/01\/2\/" rel="next">\s*Page 2 of this day/,
    );
    expect(text(pager)).toContain('Page 1 of 2: papers 1–3 of 6');
    // The pager's rel="next" is page 2; the older day's link, beside it, carries no rel of its own.
    expect(days).toMatch(/href="\/2024\/12\/31\/">\s*<span class="neighbour-direction">\s*Older day/);
    expect(days).not.toMatch(/Newer day|Page \d/);
    expect(pager).not.toMatch(/Older|Newer/);
    const second = await read(farWest, '2025/01/01/2');
    expect(navNamed(second, 'Pages of this day')).toMatch(/href="\/2025\/01\/01\/" rel="prev">[^]*Page 1 of this day/);
    const middle = await read(farWest, '2024/12/31');
    expect(navNamed(middle, 'Other days')).toMatch(
      /href="\/2025\/01\/01\/" rel="prev">[^]*Newer day[^]*href="\/2024\/11\/30\/" rel="next">[^]*Older day/,
    );
    expect(middle).not.toContain('aria-label="Pages of this day"');
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
    expect(archive).toContain('11 papers on 5 digest days');
    for (const path of ['/2025/', '/2024/', '/2023/', '/2025/01/', '/2023/05/'])
      expect(archive).toContain(`href="${path}"`);
  });

  it('lists every day of a year on its year page, under its month, newest first', async () => {
    // The fixture's digest days, read from its files.
    const files = await glob('papers/**/*.mdx', { cwd: fixture });
    const dates = await Promise.all(
      files.map(async (file) => /^date: "(\d{4}-\d\d-\d\d)"$/m.exec(await readFile(join(fixture, file), 'utf8'))![1]!),
    );
    const days = [...new Set(dates)].sort().reverse();
    for (const year of new Set(days.map((day) => day.slice(0, 4)))) {
      const html = await read(farWest, year);
      const linked = [...html.matchAll(/href="\/(\d{4})\/(\d\d)\/(\d\d)\/"/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
      expect(linked, year).toEqual(days.filter((day) => day.startsWith(year)));
      // Each under a heading that links its month, and says when it is.
      for (const day of days.filter((date) => date.startsWith(year))) {
        const month = day.slice(0, 7).replace('-', '/');
        const heading = html.indexOf(`<a href="/${month}/">`, html.indexOf('<h2'));
        expect(heading, day).toBeGreaterThan(0);
        expect(html.indexOf(`<time datetime="${day}">`), day).toBeGreaterThan(heading);
      }
    }
  });

  it('names what a month cell counts: "November 2" would be a date, and the link leads to a month', async () => {
    // What assistive technology reads (without what is hidden from it), and what the eye sees.
    const without = (html: string, attribute: string) =>
      html.replace(new RegExp(`<(\\w+)[^>]*${attribute}[^>]*>[^<]*</\\1>`, 'g'), '');
    const spoken = (html: string) => text(without(html, 'aria-hidden="true"')).replace(/\s+,/g, ',').trim();
    const shown = (html: string) => text(without(html, 'class="visually-hidden"')).trim();
    for (const page of ['2024', 'archive']) {
      const html = await read(farWest, page);
      const november = /<a href="\/2024\/11\/">([^]*?)<\/a>/.exec(html)?.[1] ?? '';
      expect(spoken(november), page).toBe('November, 2 papers');
      expect(shown(november), page).toMatch(/^November\s*2$/);
    }
    const january = /<li class="month-cell empty">([^]*?)<\/li>/.exec(await read(farWest, '2024'))?.[1] ?? '';
    expect(spoken(january)).toBe('January, 0 papers');
  });

  it('lists topics with counts and paginates each topic, newest first', async () => {
    const topics = await read(farWest, 'topics');
    expect(topics).toMatch(/Optimization<\/a>\s*<\/h2>\s*<span class="count">\s*6 papers/);
    expect(topics).toMatch(/GPT-4<\/a>\s*<\/h2>\s*<span class="count">\s*5 papers/);
    const first = await read(farWest, 'topics/optimization');
    const second = await read(farWest, 'topics/optimization/2');
    expect(inOrder(first, ['a7', 'a3', 'a1'])).toBe(true);
    expect(inOrder(second, ['b1', 'c1', 'e1'])).toBe(true);
    expect(first).toContain('href="/topics/optimization/rss.xml"');
    expect(first).toMatch(/href="\/topics\/optimization\/2\/" rel="next">\s*Page 2 of this topic/);
  });

  it('gives a paper its topics as links, its neighbours and a canonical URL', async () => {
    const html = await read(farWest, 'papers/a1');
    expect(html).toContain('href="/topics/optimization/"');
    expect(html).toMatch(/href="\/papers\/a3\/" rel="prev">[^]*Previous paper/);
    expect(html).toMatch(/href="\/papers\/a2\/" rel="next">[^]*Next paper/);
    expect(html).toContain('<link rel="canonical" href="https://digest.example.org/papers/a1/">');
    // Of the same day, a neighbour names no day.
    expect(text(navNamed(html, 'Previous and next papers'))).not.toContain('digest of');
  });

  it("goes on from a day's last paper to the next day's first, and back, in the day pages' order", async () => {
    // The day pages' order, newest day first: a7 a3 a1 a2 a6 a4 · b2 b1 · c1 · d1 · e1.
    const order = ['a7', 'a3', 'a1', 'a2', 'a6', 'a4', 'b2', 'b1', 'c1', 'd1', 'e1'];
    const link = (html: string, rel: string) =>
      new RegExp(`href="/papers/([^/"]+)/" rel="${rel}"`).exec(navNamed(html, 'Previous and next papers'))?.[1];
    for (const [index, id] of order.entries()) {
      const html = await read(farWest, `papers/${id}`);
      expect(link(html, 'next'), `${id}: next`).toBe(order[index + 1]);
      expect(link(html, 'prev'), `${id}: previous`).toBe(order[index - 1]);
    }
    // Leaving the day, the link says which day it goes to; the first and last paper of the digest have one link.
    const last = text(navNamed(await read(farWest, 'papers/a4'), 'Previous and next papers'));
    expect(last).toContain('Next paper, digest of December 31, 2024 →');
    expect(last).not.toContain('Previous paper, digest');
    const first = text(navNamed(await read(farWest, 'papers/b2'), 'Previous and next papers'));
    expect(first).toContain('Previous paper, digest of January 1, 2025');
    expect(navNamed(await read(farWest, 'papers/a7'), 'Previous and next papers')).not.toContain('rel="prev"');
    expect(navNamed(await read(farWest, 'papers/e1'), 'Previous and next papers')).not.toContain('rel="next"');
  });

  it('links a paper to the page of its day that lists it, from its own page and from cards', async () => {
    // Page size 3: January 1's a7 a3 a1 are on its first page, a2 a6 a4 on its second.
    const expected: [string, string][] = [
      ['a7', '/2025/01/01/'],
      ['a1', '/2025/01/01/'],
      ['a2', '/2025/01/01/2/'],
      ['a4', '/2025/01/01/2/'],
      ['b1', '/2024/12/31/'],
    ];
    for (const [id, dayPage] of expected) {
      const html = await read(farWest, `papers/${id}`);
      expect(/<p class="eyebrow"[^>]*>\s*<a href="([^"]+)"/.exec(html)?.[1], id).toBe(dayPage);
      expect(await read(farWest, dayPage.slice(1)), `${dayPage} lists ${id}`).toContain(`/papers/${id}/"`);
    }
    // The gpt-4 topic's first page lists a2, a6 and a4: each card's date opens the day's page 2.
    const topic = await read(farWest, 'topics/gpt-4');
    const cardOf = (id: string) =>
      topic.split('data-paper-card').find((card) => card.includes(`/papers/${id}/"`)) ?? '';
    for (const id of ['a2', 'a6', 'a4']) {
      expect(/class="meta-date" href="([^"]+)"/.exec(cardOf(id))?.[1], id).toBe('/2025/01/01/2/');
    }
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
    // Each page's canonical address is its own, absolute, under the base path, with its final slash.
    expect(
      await outlineProblems(underBase.outDir, { site: 'https://digest.example.org', base: '/some-repo/' }),
    ).toEqual([]);
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
