import { describe, expect, it } from 'vitest';
import { createUrls, isOnSiteHost, normalizeBase, textIsAddress } from '../../src/lib/urls.ts';
import { dotSegmentProblem } from '../../src/lib/link-hosts.ts';
import { seededRandom } from '../helpers/hostile.ts';
import { authorSlug } from '../../src/lib/authors.ts';

describe('urls', () => {
  it('normalizes base paths', () => {
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('repo')).toBe('/repo/');
    expect(normalizeBase('/repo')).toBe('/repo/');
    expect(normalizeBase('/repo/')).toBe('/repo/');
  });

  it('builds every link at the root', () => {
    const urls = createUrls({ base: '/', site: 'https://example.org' });
    expect(urls.home()).toBe('/');
    expect(urls.paper('2306.13575')).toBe('/papers/2306.13575/');
    expect(urls.day('2025-06-06')).toBe('/2025/06/06/');
    expect(urls.day('2025-06-06', 1)).toBe('/2025/06/06/');
    expect(urls.day('2025-06-06', 2)).toBe('/2025/06/06/2/');
    expect(urls.month(2025, 6)).toBe('/2025/06/');
    expect(urls.year(2025)).toBe('/2025/');
    expect(urls.topic('in-context-learning')).toBe('/topics/in-context-learning/');
    expect(urls.topic('in-context-learning', 1)).toBe('/topics/in-context-learning/');
    expect(urls.topic('in-context-learning', 2)).toBe('/topics/in-context-learning/2/');
    expect(urls.topicFeed('x')).toBe('/topics/x/rss.xml');
    expect(urls.absolute(urls.paper('2306.13575'))).toBe('https://example.org/papers/2306.13575/');
  });

  it('puts the base path on every link', () => {
    const urls = createUrls({ base: '/some-repo', site: 'https://owner.github.io' });
    expect(urls.home()).toBe('/some-repo/');
    expect(urls.paper('a')).toBe('/some-repo/papers/a/');
    expect(urls.feed()).toBe('/some-repo/rss.xml');
    expect(urls.absolute(urls.feed())).toBe('https://owner.github.io/some-repo/rss.xml');
  });

  it('builds BibTeX file links for a paper, a topic and a day', () => {
    const root = createUrls({ base: '/', site: 'https://example.org' });
    expect(root.paperBib('2306.13575')).toBe('/papers/2306.13575.bib');
    expect(root.topicBib('in-context-learning')).toBe('/topics/in-context-learning/papers.bib');
    expect(root.dayBib('2025-06-06')).toBe('/2025/06/06/papers.bib');
    const based = createUrls({ base: '/some-repo/', site: 'https://owner.github.io' });
    expect(based.paperBib('a')).toBe('/some-repo/papers/a.bib');
    expect(based.topicBib('x')).toBe('/some-repo/topics/x/papers.bib');
    expect(based.dayBib('2024-01-02')).toBe('/some-repo/2024/01/02/papers.bib');
    expect(based.absolute(based.paperBib('a'))).toBe('https://owner.github.io/some-repo/papers/a.bib');
  });
});

describe('author urls', () => {
  const urls = createUrls({ base: '/repo/', site: 'https://example.org' });

  it('puts an author page, its pages, feed and .bib under /authors/<slug>/', () => {
    expect(urls.author('ekin-akyurek')).toBe('/repo/authors/ekin-akyurek/');
    expect(urls.author('ekin-akyurek', 1)).toBe('/repo/authors/ekin-akyurek/');
    expect(urls.author('ekin-akyurek', 3)).toBe('/repo/authors/ekin-akyurek/3/');
    expect(urls.authorFeed('ekin-akyurek')).toBe('/repo/authors/ekin-akyurek/rss.xml');
    expect(urls.authorBib('ekin-akyurek')).toBe('/repo/authors/ekin-akyurek/papers.bib');
    expect(urls.author('王-小明')).toBe('/repo/authors/%E7%8E%8B-%E5%B0%8F%E6%98%8E/');
  });

  it('puts the A–Z pages where no author slug can be', () => {
    expect(urls.authors()).toBe('/repo/authors/');
    expect(urls.authors(1)).toBe('/repo/authors/');
    expect(urls.authors(2)).toBe('/repo/authors/-/2/');
    const indexSegment = urls.authors(2).split('/')[3]!;
    for (const name of ['-', ' - ', '2', 'Page 2', '— 2']) {
      expect(authorSlug(name)).not.toBe(indexSegment);
      expect(urls.author(authorSlug(name))).not.toBe(urls.authors(2));
    }
  });
});

describe('isOnSiteHost', () => {
  it.each([
    ['https://digest.example.org/x', true],
    ['http://digest.example.org/x', true],
    // The root's trailing dot names the same host.
    ['https://digest.example.org./x', true],
    ['https://DIGEST.EXAMPLE.ORG.:443/x', true],
    ['https://digest.example.org:8443/x', false],
    ['https://digest.example.org.evil.example/x', false],
    ['https://other.example/x', false],
    ['mailto:a@digest.example.org', false],
  ])('%s is on the site: %s', (url, expected) => {
    expect(isOnSiteHost(new URL(url), 'digest.example.org')).toBe(expected);
  });
});

describe('textIsAddress', () => {
  // A printed page writes a link's address after it unless its text is that address already.
  it.each([
    ['https://example.org/x', 'https://example.org/x'],
    ['http://example.org/x', 'https://example.org/x'],
    ['example.org/x', 'https://example.org/x'],
    [' https://Example.ORG/x/ ', 'https://example.org/x'],
    ['https://example.org/', 'https://example.org/'],
    ['example.org', 'https://example.org/'],
    ['https://example.org/ä?q=1#s', 'https://example.org/%C3%A4?q=1#s'],
  ])('%j is the address %s', (text, href) => expect(textIsAddress(text, href)).toBe(true));

  it.each([
    ['the code', 'https://example.org/x'],
    ['arxiv', 'https://arxiv.org/'],
    ['example.org', 'https://example.org/x'],
    ['https://example.org/x', 'https://example.org/y'],
    ['https://example.org/x?q=1', 'https://example.org/x?q=2'],
    ['www.example.org', 'https://example.org/'],
    ['https://example.org/x', 'https://example.org:8080/x'],
    ['see https://example.org/x', 'https://example.org/x'],
    ['', 'https://example.org/'],
  ])('%j is not the address %s', (text, href) => expect(textIsAddress(text, href)).toBe(false));
});

// A link is published as the parser's href: every path the parser would rewrite must be refused,
// and the address the message gives is where a browser goes (the URL Standard's resolution; Node's
// parser leaves `/b/.a/..` as written, which a browser follows to `/b/`).
describe('dotSegmentProblem', () => {
  const pieces = [
    'a',
    '.',
    '..',
    '%2e',
    '%2E',
    '.%2e',
    '%2e.',
    '%2e%2E',
    '...',
    '.a',
    'a.',
    '..a',
    '%2ea',
    '',
    'x%2e%2e',
  ];
  const dots = /^(?:\.|%2e){1,2}$/i;
  // The URL Standard's path state, written out for the test: a `..` drops the part before it, a
  // `.` or `..` at the end leaves the path ending in `/`.
  const followed = (parts: string[]) => {
    const kept: string[] = [];
    parts.forEach((part, index) => {
      if (!dots.test(part)) kept.push(part);
      else {
        if (part.replace(/%2e/gi, '.') === '..') kept.pop();
        if (index === parts.length - 1) kept.push('');
      }
    });
    return `/${kept.join('/')}`;
  };

  it('refuses a path the parser rewrites, and names where a browser goes (seeded)', () => {
    const random = seededRandom(13);
    for (let run = 0; run < 3000; run += 1) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 5) },
        () => pieces[Math.floor(random() * pieces.length)]!,
      );
      const path = `/${parts.join('/')}`;
      const tail = ['', '?q=../x', '#./y'][Math.floor(random() * 3)]!;
      const written = `https://github.com${path}${tail}`;
      const url = new URL(written);
      const problem = dotSegmentProblem(written, url);
      if (url.pathname !== path) expect(problem, written).toBeDefined();
      if (problem === undefined) expect(url.pathname, written).toBe(path);
      else expect(problem, written).toContain(`write https://github.com${followed(parts)}${tail} instead`);
    }
  });

  it('reads no dots outside the path, nor in links of other schemes', () => {
    expect(dotSegmentProblem('https://github.com/a?x=/../b#/./c', new URL('https://github.com/a?x=/../b#/./c'))).toBe(
      undefined,
    );
    expect(dotSegmentProblem('mailto:a@b.org', new URL('mailto:a@b.org'))).toBe(undefined);
    expect(dotSegmentProblem('https://github.com/b/.a/..', new URL('https://github.com/b/.a/..'))).toMatch(
      /^must not hold "\.\." as a part of its path.*lead readers to https:\/\/github\.com\/b\/, .*write https:\/\/github\.com\/b\/ instead$/,
    );
  });
});
