import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from '../helpers/build.ts';
import { htmlProblems } from '../helpers/html-valid.ts';

let build: BuildResult;
const page = (path: string) => readFile(join(build.outDir, path, 'index.html'), 'utf8');

beforeAll(async () => {
  build = await buildFixture('tests/fixtures/site');
});

describe('a fixture site build', () => {
  it('succeeds', () => {
    expect(build.output).not.toMatch(/error/i);
    expect(build.ok).toBe(true);
  });

  it('is valid, accessible HTML, page by page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it("collects Astro's garbage before publishing (the build's peak memory is there)", () => {
    const [, before, after] = /heap (\d+) MB, (\d+) MB once Astro's garbage was collected/.exec(build.output) ?? [];
    expect(Number(after)).toBeGreaterThan(0);
    expect(Number(after)).toBeLessThan(Number(before));
  });

  it('writes a page per paper with its fields', async () => {
    const html = await page('papers/2306.13575');
    expect(html).toContain('<title>Scaling MLPs: A Tale of Inductive Bias · Paper Digest</title>');
    // Each name is a link to its author page; the text reads as the list.
    expect(html.replace(/<[^>]+>/g, '')).toContain('Gregor Bachmann, Sotiris Anagnostidis, Thomas Hofmann');
    expect(html).toContain('<a class="author" href="/authors/gregor-bachmann/">Gregor Bachmann</a>');
    expect(html).toContain('Digest of <time datetime="2025-06-06">June 6, 2025</time>');
    expect(html).toContain('NeurIPS 2023');
    expect(html).toContain('Vision MLPs');
    expect(html).toContain('href="https://arxiv.org/abs/2306.13575"');
    expect(html).toContain('href="https://arxiv.org/pdf/2306.13575"');
    expect(html).toContain('href="https://github.com/gregorbachmann/scaling_mlps"');
    expect(html).toContain('<link rel="canonical" href="https://digest.example.org/papers/2306.13575/">');
  });

  it('typesets math at build time and links KaTeX CSS only where math is shown', async () => {
    const withMath = await page('papers/2306.13575');
    // Paper pages write attribute values without quotes where HTML allows (src/lib/math-html.ts).
    expect(withMath).toMatch(/ class="?katex"?[ >]/);
    expect(withMath).toMatch(/ class="?katex-display"?[ >]/);
    expect(withMath).not.toContain('katex-error');
    const article = withMath.slice(withMath.indexOf('<article'), withMath.indexOf('</article>'));
    expect(article).not.toContain('$');
    expect(withMath).toMatch(/<link rel="stylesheet" href="\/_astro\/katex[^"]*\.css"/);

    const withoutMath = await page('papers/plain-paper');
    expect(withoutMath).not.toMatch(/ class="?katex"?[ >]/);
    expect(withoutMath).not.toMatch(/katex[^"]*\.css/);
  });

  it('ships KaTeX fonts as woff2 only', async () => {
    const assets = await readdir(join(build.outDir, '_astro'));
    const fonts = assets.filter((name) => name.startsWith('KaTeX_'));
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((name) => name.endsWith('.woff2'))).toBe(true);
    const css = await readFile(
      join(
        build.outDir,
        '_astro',
        assets.find((name) => /^katex.*\.css$/.test(name))!,
      ),
      'utf8',
    );
    expect(css).not.toMatch(/\.(woff|ttf)\)/);
  });

  it('escapes markup in titles and authors', async () => {
    const html = await page('papers/plain-paper');
    expect(html).toContain('<title>Plain &lt;1 &amp; &quot;Quoted&quot; a&gt;b &lt;= c · Paper Digest</title>');
    // As text and in attribute values `<script>` is inert; it must never become an element.
    let inScript: 'code' | 'data' | undefined;
    const text = { code: '', data: '' };
    const parser = new Parser({
      onopentag: (name, attributes) =>
        (inScript = name !== 'script' ? undefined : attributes.type?.endsWith('json') ? 'data' : 'code'),
      ontext: (chunk) => inScript && (text[inScript] += chunk),
      onclosetag: () => (inScript = undefined),
    });
    parser.end(html);
    expect(text.code).not.toContain('alert(1)');
    // JSON data in a script element must not be able to close it.
    expect(text.data).not.toContain('<');
    expect(html).toContain('Plain &lt;1 &amp;');
    expect(html).toContain('Zoë O&#39;Brien &amp; Co');
  });

  it('shows the latest day on the home page and links the earlier one', async () => {
    const html = await page('');
    expect(html).toContain('href="/papers/2306.13575/"');
    expect(html).not.toContain('href="/papers/plain-paper/"');
    expect(html).toContain('href="/2025/06/05/"');
  });
});

describe('a paper with an export statement', () => {
  it('fails the build, names the file and line, and its code never runs', async () => {
    const canary = join(build.outDir, '..', 'canary-ran.txt');
    const failed = await buildFixture('tests/fixtures/canary', { env: { PAPER_DIGEST_CANARY: canary } });
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain(
      'tests/fixtures/canary/papers/2025/canary.mdx:10:1: body: `import`/`export` is not allowed in a paper',
    );
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(join(failed.outDir, 'index.html'))).toBe(false);
  });

  it('is a live canary: evaluated as ordinary MDX, it writes its file', async () => {
    const { evaluate } = await import('@mdx-js/mdx');
    const canary = join(build.outDir, '..', 'canary-proof.txt');
    const source = await readFile('tests/fixtures/canary/papers/2025/canary.mdx', 'utf8');
    const body = source.split('---\n').slice(2).join('---\n');
    process.env.PAPER_DIGEST_CANARY = canary;
    // A do-nothing JSX runtime is enough: the canary runs while the module is evaluated.
    await evaluate(body, { Fragment: Symbol('Fragment'), jsx: () => null, jsxs: () => null, baseUrl: import.meta.url });
    expect(existsSync(canary)).toBe(true);
  });
});
