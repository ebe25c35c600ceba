import { describe, expect, it } from 'vitest';
import { createUrls, normalizeBase } from '../../src/lib/urls.ts';

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
