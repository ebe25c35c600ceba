import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, projectRoot, type BuildResult } from '../helpers/build.ts';
import { htmlProblems } from '../helpers/html-valid.ts';
import { joinedWords } from '../helpers/spacing.ts';
import { ambiguousNames } from './link-names.ts';
import { checkPaperPage, expectWithinBudget, paperPages, sourceFormulas } from '../helpers/paper-pages.ts';
import { parseSource } from '../../src/content/frontmatter.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { pageHtml } from '../../src/content/page-html.ts';
import { INDEX_ONLY_END, INDEX_ONLY_START } from '../../src/lib/search-query.ts';
import corrections from '../fixtures/seed/corrections.json' with { type: 'json' };
import { seedFacts as seed } from '../helpers/seed-facts.ts';

/**
 * What the scrape lost, with the authors' own text (a copy of ../shared/seed/corrections.json):
 * each `from` in the seed listing is `to` in the paper, `occurrences` times (once if not given).
 */
interface SeedCorrections {
  papers: Record<string, { source: string; replace: { from: string; to: string; occurrences?: number }[] }>;
}
const corrected = Object.entries((corrections as SeedCorrections).papers).flatMap(([id, { replace }]) =>
  replace.map(({ from, to, occurrences = 1 }) => [id, to, { from, occurrences }] as const),
);

const occurrencesOf = (text: string, part: string) => text.split(part).length - 1;

/** A stretch of abstract as a paper page shows it: typeset by the pipeline, with the TeX copy for search, compacted as pages are. */
const asOnPage = (markdown: string) => {
  const { rendered } = renderPaperBody(markdown, { file: 'correction.mdx', bodyLine: 1 });
  if (!rendered) throw new Error(`the pipeline refused ${markdown}`);
  return withoutIndexOnlySpans(pageHtml(rendered.html)).replace(/^<p>|<\/p>\s*$/g, '');
};
// The words fenced for the index only depend on the text around: a compound word's parts on its
// sentence, a formula's words on the formulas before it (each word is held once a page).
const withoutIndexOnlySpans = (html: string) =>
  html
    .replace(new RegExp(`<span hidden>\\s*${INDEX_ONLY_START}[^<]*${INDEX_ONLY_END}\\s*</span>`, 'gu'), '')
    .replace(new RegExp(`\\s*${INDEX_ONLY_START}[^<${INDEX_ONLY_END}]*${INDEX_ONLY_END}\\s*`, 'gu'), '');

let build: BuildResult;
beforeAll(async () => {
  build = await buildFixture('content');
});

const articleOf = async (id: string): Promise<Element> => {
  const html = await readFile(join(build.outDir, 'papers', id, 'index.html'), 'utf8');
  let article: Element | undefined;
  const find = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'article') article = child;
      else find(child);
    }
  };
  find(fromHtml(html));
  if (!article) throw new Error(`no <article> in ${id}`);
  return article;
};

describe('the seed digest', () => {
  it('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('is valid, accessible HTML, page by page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it.each(seed.map((paper) => [paper.arxiv, paper] as const))('%s has its verified facts', async (id, paper) => {
    const article = await articleOf(id);
    const text = toText(article, { whitespace: 'normal' }).replace(/\s+/g, ' ');
    expect(text).toContain(paper.title);
    expect(text).toContain(paper.authors.join(', '));
    expect(text).toContain('June 6, 2025');
    if (paper.venue) expect(text).toContain(paper.venue);
    const html = JSON.stringify(article);
    expect(html).toContain(`https://arxiv.org/abs/${paper.arxiv}`);
    if (paper.code) expect(html).toContain(paper.code);
  });

  it.each(seed.map((paper) => [paper.arxiv]))('%s has its math typeset and no TeX debris in its text', async (id) => {
    const article = await articleOf(id);
    const html = JSON.stringify(article);
    expect(html).not.toContain('katex-error');
    // Text outside typeset math must not contain TeX left over from the scrape.
    remove(article, (node) => {
      const className = (node as Element).properties?.className;
      return Array.isArray(className) && className.includes('katex');
    });
    const text = toText(article, { whitespace: 'normal' });
    expect(text).not.toMatch(
      /\\[a-zA-Z]+|\$|``|''|\bmathcal\b|\bmathbb\b|\bfrac\b|\b(?:sigma|circ|rightarrow|infty|ell)\b|sum_|[_^]\{|~[a-z]/,
    );
  });
});

describe('the seed’s list pages', () => {
  it.each(['', '2025/06/06', '2025/06/06/2', 'topics/optimization'])(
    '/%s names each outside link so that one name leads to one address',
    async (path) => {
      const tree = fromHtml(await readFile(join(build.outDir, path, 'index.html'), 'utf8'));
      const addresses = new Map<string, Set<string>>();
      const visit = (node: Root | Element) => {
        for (const child of node.children) {
          if (child.type !== 'element') continue;
          const href = child.tagName === 'a' ? String(child.properties.href ?? '') : '';
          if (href.startsWith('https://')) {
            // The accessible name: aria-label when there is one, else the text.
            const label = child.properties.ariaLabel;
            const name = typeof label === 'string' ? label : toText(child, { whitespace: 'normal' }).trim();
            addresses.set(name, (addresses.get(name) ?? new Set()).add(href));
          } else visit(child);
        }
      };
      visit(tree);
      // Every card has its arXiv and PDF links: a list of the page's links must tell them apart.
      expect(addresses.size).toBeGreaterThan(1);
      for (const [name, hrefs] of addresses) expect([...hrefs], name).toHaveLength(1);
      expect([...addresses.keys()].filter((name) => name.startsWith('arXiv: ')).length).toBeGreaterThan(0);
    },
  );
});

describe('the seed’s pages', () => {
  it('tell apart their links and buttons: one name, one destination, one button', async () => {
    // Two papers of a topic on pages 1 and 2 of one day linked two places as "June 6, 2025".
    expect(await ambiguousNames(build.outDir)).toEqual([]);
  });

  it('keep a space between words of neighbouring elements (related papers, venues, neighbours, pagers)', async () => {
    expect(await joinedWords(build.outDir)).toEqual([]);
  });
});

describe('the seed’s corrections (tests/fixtures/seed/corrections.json)', () => {
  it('list papers of the seed', () => {
    expect(corrected.length).toBeGreaterThan(0);
    const ids = new Set(seed.map((paper) => paper.arxiv));
    expect(corrected.map(([id]) => id).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(corrected)(
    '%s has the authors’ %s in its source, and not the scrape’s text',
    async (id, to, { from, occurrences }) => {
      const file = `2025/${id}.mdx`;
      const { source } = parseSource(file, await readFile(join(projectRoot, 'content/papers', file), 'utf8'));
      const body = source!.body;
      expect(occurrencesOf(body, to)).toBe(occurrences);
      // Where `to` contains `from` (a word made math), only occurrences outside `to` are left over.
      expect(body.split(to).join('\u0000')).not.toContain(from);
    },
  );

  it.each(corrected)('%s shows the authors’ %s on its page, typeset', async (id, to, { from, occurrences }) => {
    const html = await readFile(join(build.outDir, 'papers', id, 'index.html'), 'utf8');
    // Without the compound words' parts added for the index, which depend on the words around.
    const article = withoutIndexOnlySpans(html.slice(html.indexOf('<article'), html.indexOf('</article>')));
    expect(article).not.toBe('');
    expect(occurrencesOf(article, asOnPage(to))).toBe(occurrences);
    expect(occurrencesOf(article, asOnPage(from))).toBe(0);
  });
});

describe('the seed’s paper pages', () => {
  it('are within the page-weight budget: 30 KB raw, 8 KB gzipped', async () => {
    const pages = await paperPages(build.outDir);
    expect(pages.map((page) => page.id).sort()).toEqual(seed.map((paper) => paper.arxiv).sort());
    expectWithinBudget(pages);
  });

  it('keep every formula of their source, each with its MathML, while the TeX source is left to the feeds', async () => {
    const expected = await sourceFormulas('content');
    expect([...expected.values()].some((count) => count > 0)).toBe(true);
    for (const page of await paperPages(build.outDir)) {
      const found = checkPaperPage(page);
      expect(found.formulas, page.id).toBe(expected.get(page.id));
      expect(found.mathml, page.id).toBe(found.formulas);
    }
    const rss = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/&lt;math [^<]*alttext=&quot;[^&]/);
    expect(rss).not.toContain('&lt;annotation');
  });

  it('show the arXiv id and the first version’s day, or the month its id gives, as no more than that', async () => {
    expect(seed.some((paper) => paper.published === null)).toBe(true);
    for (const paper of seed) {
      const html = await readFile(join(build.outDir, 'papers', paper.arxiv, 'index.html'), 'utf8');
      const meta = /<p class="?meta"? data-pagefind-ignore[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      expect(meta, paper.arxiv).toContain(`arXiv:${paper.arxiv}`);
      // New-style ids are YYMM.NNNNN: the month arXiv first announced the paper, which may be after
      // its first version's month, so that month is shown as when it was on arXiv, not as the version's.
      const month = `20${paper.arxiv.slice(0, 2)}-${paper.arxiv.slice(2, 4)}`;
      const label = paper.published ? 'First version' : 'On arXiv since';
      expect(meta, paper.arxiv).toMatch(new RegExp(`${label}\\s+<time datetime="?${paper.published ?? month}"?>`));
    }
  });

  it('show the BibTeX entry with a copy button, and link the .bib file that holds it', async () => {
    for (const page of await paperPages(build.outDir)) {
      const { bibtex, bibtexId, bibtexRole, bibtexName, bibHref, copyTarget } = checkPaperPage(page);
      expect(bibtex, page.id).toMatch(/^@\w+\{/);
      // It takes focus, to scroll with the keys: a region, whose name a screen reader says (on a
      // <pre> without a role, ARIA prohibits aria-label, and screen readers may drop it).
      expect([bibtexRole, bibtexName], page.id).toEqual(['region', 'BibTeX entry']);
      expect(copyTarget, page.id).toBe(bibtexId);
      expect(bibHref, page.id).toBe(`/papers/${page.id}.bib`);
      const file = await readFile(join(build.outDir, bibHref!), 'utf8');
      expect(file.trim(), page.id).toBe(bibtex.trim());
    }
  });
});
