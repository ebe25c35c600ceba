import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { glob } from 'tinyglobby';
import { remove } from 'unist-util-remove';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { compactMathHtml, UNSTYLED_KATEX_CLASSES, UNWRAP_INSIDE } from '../../src/lib/math-html.ts';
import { MATH_SAMPLE, MATH_SAMPLE_FORMULAS } from '../helpers/math-sample.ts';

const render = (body: string) => {
  const { rendered, problems } = renderPaperBody(body, { file: 'test.mdx', bodyLine: 1 });
  expect(problems).toEqual([]);
  return rendered!.html;
};

const tree = (html: string) => fromHtml(html, { fragment: true });
const classesOf = (node: Element) => node.properties.className ?? [];
const byClass = (root: Root, name: string) => {
  const found: Element[] = [];
  visit(root, 'element', (node) => void (classesOf(node).includes(name) && found.push(node)));
  return found;
};
const withoutPositions = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));

/** Every selector of a stylesheet, those in `@media` rules included. */
function selectorsOf(css: string): string[] {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@font-face\s*{[^}]*}/g, '');
  return [...rules.matchAll(/([^{}]+){[^{}]*}/g)].flatMap(([, selectors = '']) =>
    selectors
      .replace(/@media[^{]*/g, '')
      .split(',')
      .map((selector) => selector.trim())
      .filter(Boolean),
  );
}

describe('compactMathHtml', () => {
  const original = render(MATH_SAMPLE);
  const compact = compactMathHtml(original);

  it('makes math much smaller', () => {
    expect(compact.length).toBeLessThan(original.length * 0.8);
  });

  it('leaves the TeX source out but keeps every formula as MathML, as KaTeX wrote it', () => {
    expect(original).toContain('<annotation encoding="application/x-tex">');
    expect(compact).not.toMatch(/<annotation|<semantics|xmlns=/);
    const before = byClass(tree(original), 'katex-mathml');
    const after = byClass(tree(compact), 'katex-mathml');
    expect(after).toHaveLength(before.length);
    expect(before.length).toBe(MATH_SAMPLE_FORMULAS);
    before.forEach((wrapper, index) => {
      // What the compact MathML must be: the original minus <annotation>, <semantics> and a lone <mrow>.
      const math = wrapper.children[0] as Element;
      expect(math.tagName).toBe('math');
      const semantics = math.children[0] as Element;
      expect(semantics.tagName).toBe('semantics');
      const [presentation] = semantics.children as Element[];
      const content: ElementContent[] = presentation!.tagName === 'mrow' ? presentation!.children : [presentation!];
      // An HTML parser gives <math> its namespace without the attribute.
      const { xmlns, ...properties } = math.properties;
      expect(xmlns).toBe('http://www.w3.org/1998/Math/MathML');
      const expected = { ...math, properties, children: content };
      expect(withoutPositions(after[index]!.children[0])).toEqual(withoutPositions(expected));
    });
  });

  it('keeps the visible rendering: its text, its classes (but the unstyled ones) and its styles', () => {
    const before = byClass(tree(original), 'katex-html');
    const after = byClass(tree(compact), 'katex-html');
    expect(after).toHaveLength(before.length);
    const styled = (root: Element) => {
      const found: { classes: string[]; style: string[] }[] = [];
      visit(root, 'element', (node) => {
        const classes = classesOf(node).filter((name) => !UNSTYLED_KATEX_CLASSES.has(name));
        // Declarations as property and number, so `0.25em` and `.25em` compare equal.
        const style = String(node.properties.style ?? '')
          .split(';')
          .filter(Boolean)
          .map((declaration) => declaration.trim().replace(/(-?[\d.]+)em/g, (_, n: string) => `${Number(n)}em`))
          .filter((declaration) => !(classes.length === 0 && /^margin-(left|right):0em$/.test(declaration)));
        if (classes.length > 0 || style.length > 0 || node.tagName !== 'span') found.push({ classes, style });
      });
      return found;
    };
    before.forEach((html, index) => {
      expect(toText(after[index]!)).toBe(toText(html));
      expect(styled(after[index]!)).toEqual(styled(html));
    });
  });

  it('unwraps attribute-less spans inside the containers it names, when elements begin and end them', () => {
    const unwrappable = (root: Root) => {
      let count = 0;
      visit(root, 'element', (node, _, parent) => {
        const bare = node.tagName === 'span' && Object.keys(node.properties).length === 0;
        const elementsAtEnds = node.children[0]?.type === 'element' && node.children.at(-1)?.type === 'element';
        const inside = parent?.type === 'element' && classesOf(parent).some((name) => UNWRAP_INSIDE.has(name));
        if (bare && elementsAtEnds && inside) count++;
      });
      return count;
    };
    const spans = (html: string) => html.match(/<span[\s>]/g)?.length ?? 0;
    // As the original would be with its unstyled classes removed.
    const unstyled = [...UNSTYLED_KATEX_CLASSES].join('|');
    const bare = tree(original.replace(new RegExp(` class="(?:(?:${unstyled}) ?)+"`, 'g'), ''));
    expect(unwrappable(bare)).toBeGreaterThan(5);
    expect(spans(original) - spans(compact)).toBeGreaterThanOrEqual(unwrappable(bare));
    expect(unwrappable(tree(compact))).toBe(0);
    // A span with text of its own stays: its text would run into the text beside it.
    expect(compact).toMatch(/<span>[^<]+<\/span>/);
  });

  it('unwraps no span whose text would then touch other text, however spans nest', () => {
    const base = (html: string) => compactMathHtml(`<span class="katex-base">${html}</span>`);
    // The inner span may go, or the outer one, not both: `x` would touch `a`.
    expect(base('x<span><span>a</span></span>')).toBe('<span class=katex-base>x<span>a</span></span>');
    expect(base('<span><span>a</span></span>x')).toBe('<span class=katex-base><span>a</span>x</span>');
    expect(base('<span><span>a</span></span><span>b</span>')).toBe('<span class=katex-base>a<span>b</span></span>');
    expect(base('<span class="mord">(</span><span class="mord">1</span><span class="mord">)</span>')).toBe(
      '<span class=katex-base>(<span>1</span>)</span>',
    );
    // An element that stays keeps text apart; an empty span, unwrapped, would not.
    expect(base('<span class="mord"><span class="mord">2</span><i>x</i></span><span class="mord">3</span>')).toBe(
      '<span class=katex-base>2<i>x</i>3</span>',
    );
    expect(base('a<span></span>b')).toBe('<span class=katex-base>a<span></span>b</span>');
    expect(base('<span>a</span><span></span>')).toBe('<span class=katex-base>a</span>');
  });

  it('makes no text touch and gives its own output back, on tricky trees of spans', () => {
    const texts = (html: string) => {
      const found: string[] = [];
      visit(tree(html), 'text', (node) => void found.push(node.value));
      return found;
    };
    // Where an earlier version made text touch, or changed its own output again.
    const tricky = [
      'a<span><span>b</span></span>',
      '<span><span>a</span></span>b',
      '<span></span><span></span>',
      '<span>a</span><span></span>',
      '<span class="mord mtight"></span><span><span class="x"></span>b</span>',
      '<span><i></i></span><span><span class="mord mtight">&amp; </span></span>a',
      '<span><span>a</span><b></b></span><span>c</span>',
    ];
    // And trees made at random (always the same ones) of what a container holds: text, spans that
    // are or become attribute-less, spans that keep an attribute, nested containers, other elements.
    let seed = 1;
    const random = (count: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 16) % count;
    };
    const starts = ['<span>', '<span class="mord">', '<span class="x">', '<span class="katex-sizing">', '<i>'];
    const leaves = ['a', 'b', ' ', '&amp;', '<br>', '<!-- c -->', '<svg><path d="M0"/></svg>'];
    const generate = (depth: number): string => {
      let html = '';
      for (let count = random(4); count > 0; count--) {
        if (depth === 0 || random(3) === 0) html += leaves[random(leaves.length)];
        else {
          const start = starts[random(starts.length)]!;
          html += `${start}${generate(depth - 1)}${start === '<i>' ? '</i>' : '</span>'}`;
        }
      }
      return html;
    };
    for (let run = 0; run < 3000; run++) tricky.push(generate(4));

    const failures: string[] = [];
    let unwrapped = 0;
    for (const content of tricky) {
      const html = `x<span class="katex-base">${content}</span>y<span class="katex-sizing">${content}</span>`;
      const compact = compactMathHtml(html);
      if (JSON.stringify(texts(compact)) !== JSON.stringify(texts(html))) failures.push(`text touches: ${html}`);
      if (compactMathHtml(compact) !== compact) failures.push(`not idempotent: ${html}`);
      if (compact.split('<span').length < html.split('<span').length) unwrapped++;
    }
    expect(failures).toEqual([]);
    expect(unwrapped).toBeGreaterThan(tricky.length / 3);
  });

  it('changes no text and no markup outside math, and leaves odd attribute values quoted', () => {
    const prose =
      '<p>Said x="5" &amp; a&lt;b, <a href="https://example.org/a/" title="a &quot;b&quot; > c" rel="noopener noreferrer">link</a> <code>k = "v"</code><br></p>';
    expect(compactMathHtml(prose)).toBe(
      '<p>Said x="5" &amp; a&lt;b, <a href="https://example.org/a/" title="a &quot;b&quot; > c" rel="noopener noreferrer">link</a> <code>k = "v"</code><br></p>',
    );
    expect(compactMathHtml('<p class="x" id="a-b">t</p>')).toBe('<p class=x id=a-b>t</p>');
    // KaTeX's own markup: self-closing SVG paths, single quotes, spaces around `=`.
    expect(
      compactMathHtml(
        `<svg xmlns="http://www.w3.org/2000/svg" width='400em' viewBox='0 0 400 10'><path d='M0 0h1 "'/></svg><mi class ="mord" mathvariant = "normal">x</mi>`,
      ),
    ).toBe('<svg width=400em viewBox="0 0 400 10"><path d="M0 0h1 &quot;" /></svg><mi mathvariant=normal>x</mi>');
    // What it cannot read, it leaves alone.
    expect(compactMathHtml('<span class="katex-base"><span a="1" b"c">x</span></span>')).toBe(
      '<span class=katex-base><span a="1" b"c">x</span></span>',
    );
    const withoutTex = tree(original);
    remove(withoutTex, (node) => (node as Element).tagName === 'annotation');
    expect(toText(tree(compact))).toBe(toText(withoutTex));
  });

  it('reads tags as an HTML parser does', () => {
    // An end tag with a space in it; a comment, copied as it is; a value ending in `/`, not `/>`.
    expect(compactMathHtml('<b class="x">a</b ><!-- <i class="y"> --><i class="y">b</i>')).toBe(
      '<b class=x>a</b ><!-- <i class="y"> --><i class=y>b</i>',
    );
    expect(compactMathHtml('<svg><path d=M0/></path><path d="M1"/></svg>')).toBe(
      '<svg><path d="M0/"></path><path d=M1 /></svg>',
    );
    // Only KaTeX's TeX annotation goes, and an <mrow> only when it is the only presentation.
    const math = (content: string) => `<math><semantics>${content}</semantics></math>`;
    const tex = '<annotation encoding="application/x-tex">x &lt; y</annotation>';
    expect(compactMathHtml(math(`<mrow><mi>x</mi></mrow>${tex}`))).toBe('<math><mi>x</mi></math>');
    expect(compactMathHtml(math(`<mrow><mi>x</mi></mrow><mrow><mi>y</mi></mrow>${tex}`))).toBe(
      '<math><mrow><mi>x</mi></mrow><mrow><mi>y</mi></mrow></math>',
    );
    expect(compactMathHtml(math('<mi>x</mi><annotation encoding="text/plain">x</annotation>'))).toBe(
      math('<mi>x</mi><annotation encoding=text/plain>x</annotation>'),
    );
  });

  it('gives the same result when run on its own output', () => {
    expect(compactMathHtml(compact)).toBe(compact);
  });
});

describe('what compactMathHtml assumes about the stylesheets', async () => {
  const katexCss = await readFile(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
  const selectors = selectorsOf(katexCss);
  const siteFiles = await glob(['src/**/*.{css,astro,ts}'], { ignore: ['src/lib/math-html.ts'] });
  const site = await Promise.all(siteFiles.map(async (file) => [file, await readFile(file, 'utf8')] as const));

  it('reads the KaTeX stylesheet', () => {
    expect(selectors.length).toBeGreaterThan(100);
    expect(selectors).toContain('.katex .katex-base');
  });

  it.each([...UNSTYLED_KATEX_CLASSES])('no KaTeX rule and nothing of the site selects .%s', (name) => {
    const selector = new RegExp(`\\.${name}(?![\\w-])`);
    expect(selectors.filter((candidate) => selector.test(candidate))).toEqual([]);
    expect(site.filter(([, text]) => selector.test(text) || text.includes(`'${name}'`)).map(([file]) => file)).toEqual(
      [],
    );
  });

  it.each([...UNWRAP_INSIDE])('no KaTeX rule looks inside .%s through a combinator', (name) => {
    // `.katex-base > span` or `.katex-base span` would notice a span unwrapped inside it.
    const inside = new RegExp(`\\.${name}(?![\\w-])[^\\s>+~]*\\s*[\\s>+~]\\s*\\S`);
    expect(selectors.filter((candidate) => inside.test(candidate))).toEqual([]);
  });
});
