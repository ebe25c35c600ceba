import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderPaperBody } from '../../src/content/pipeline.ts';

const render = (body: string) => renderPaperBody(body, { file: 'x.mdx', bodyLine: 10 });

describe('renderPaperBody', () => {
  it('typesets inline and display math with KaTeX at build time', () => {
    const { rendered, problems } = render('Sample complexity $\\mathcal{O}(d^k)$.\n\n$$\n\\sum_i x_i\n$$\n');
    expect(problems).toEqual([]);
    expect(rendered?.hasMath).toBe(true);
    expect(rendered?.html).toContain('class="katex"');
    expect(rendered?.html).toContain('class="katex-display"');
    expect(rendered?.html).toContain('<math');
    expect(rendered?.html).not.toContain('katex-error');
    expect(rendered?.text).toBe('Sample complexity $\\mathcal{O}(d^k)$.\n\n$$\\sum_i x_i$$');
  });

  it('renders plain Markdown without math or stylesheet need', () => {
    const { rendered } = render('A *plain* abstract with a [link](https://example.org/x).');
    expect(rendered?.hasMath).toBe(false);
    expect(rendered?.html).toBe(
      '<p>A <em>plain</em> abstract with a <a href="https://example.org/x" rel="noopener noreferrer">link</a>.</p>',
    );
  });

  it('reports positions in file lines, after the frontmatter', () => {
    const { problems } = render('ok\n\nbad {x}');
    expect(problems).toEqual([expect.objectContaining({ file: 'x.mdx', line: 12, column: 5, field: 'body' })]);
  });

  it('rejects what MDX would execute and never renders it', () => {
    for (const body of [
      'export const a = 1',
      'import x from "y"',
      '{1+1}',
      '<div>hi</div>',
      'a <b onClick={x}>b</b>',
    ]) {
      const { rendered, problems } = render(body);
      expect(rendered).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('reports a KaTeX error instead of leaving red text', () => {
    const { rendered, problems } = render('Bad $\\frac{1}{$ math');
    expect(rendered).toBeUndefined();
    expect(problems[0]?.message).toMatch(/^LaTeX: /);
  });

  it.each(['\\href{https://x.org}{a}', '\\url{https://x.org}', '\\includegraphics{x.png}', '\\htmlClass{a}{b}'])(
    'refuses %s inside math',
    (tex) => {
      const { rendered, problems } = render(`Math $${tex}$`);
      expect(rendered).toBeUndefined();
      expect(problems.map((problem) => problem.message)).toContainEqual(
        expect.stringMatching(/is not allowed \(math may not contain links/),
      );
    },
  );

  it.each([
    ['https://example.org', true],
    ['http://example.org', false],
    ['mailto:a@example.org', true],
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['vbscript:msgbox', false],
    ['data:text/html,x', false],
    ['/relative', false],
  ])('isSafeUrl(%s) = %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('excerpts for cards', () => {
  it('keeps a short first paragraph whole and drops later paragraphs and display math', () => {
    const { rendered } = render('First $x^2$ paragraph.\n\n$$\ny\n$$\n\nSecond paragraph.');
    expect(rendered?.excerptHtml).toMatch(/^<p>First <span class="katex">.*<\/span> paragraph\.<\/p>$/);
    expect(rendered?.excerptHtml).not.toContain('katex-display');
    expect(rendered?.excerptHtml).not.toContain('Second');
  });

  it('cuts a long paragraph at a word boundary, never inside a formula', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const { rendered } = render(`${words} $\\alpha$ ${words}`);
    const excerpt = rendered!.excerptHtml;
    expect(excerpt.endsWith('…</p>')).toBe(true);
    expect(excerpt).toMatch(/word\d+…<\/p>$/);
    const text = excerpt.replace(/<[^>]+>/g, '');
    expect(text.length).toBeLessThanOrEqual(281);
    // The formula is either whole or absent.
    expect((excerpt.match(/<span class="katex">/g) ?? []).length).toBe((excerpt.match(/<\/math>/g) ?? []).length);
  });
});
