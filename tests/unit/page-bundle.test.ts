import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/random.ts';
import { decodePageBundle, PAGE_BUNDLE_MARKERS } from '../../src/lib/page-bundle.ts';

const { headSlot, pages, pageHead, pageMain } = PAGE_BUNDLE_MARKERS;

/** The layout's text around the two slots, as BaseLayout renders it around the markers. */
const BEFORE_HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">';
const BETWEEN = '<link rel="stylesheet" href="/_astro/a.css"></head><body><header>Site</header><main id="main">';
const AFTER = '</main><footer><a href="/authors/">Authors</a></footer></body></html>';

type Part = { file: string; head: string; main: string };

/** A bundle as the page-bundle route renders one. */
function bundle(parts: Part[]): string {
  const marked = parts
    .map(
      ({ file, head, main }) =>
        `<${pageHead} data-file="${escape(file)}">${head}</${pageHead}><${pageMain} data-file="${escape(file)}">${main}</${pageMain}>`,
    )
    .join('');
  return `${BEFORE_HEAD}<${headSlot}></${headSlot}>${BETWEEN}<${pages}>${marked}</${pages}>${AFTER}`;
}

/** What Astro does to text and attribute values. */
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The page its own route would have rendered. */
const page = ({ head, main }: Part) => BEFORE_HEAD + head + BETWEEN + main + AFTER;

describe('decodePageBundle', () => {
  it('cuts out every page, byte for byte, whatever its text holds (300 seeded random pages)', () => {
    const random = seededRandom(31);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    // Strings a hostile name or title could hold, markers and the layout's own tags among them.
    const awkward = [
      `<${pageMain} data-file="x/index.html">`,
      `</${pages}>`,
      `<${headSlot}>`,
      '</main>',
      '</head>',
      '<!--',
      '-->',
      ']]>',
      '"',
      "'",
      '&amp;',
      '\u2028',
      '\ud800',
      'Zoë',
      ' ',
    ];
    const text = () => Array.from({ length: Math.floor(random() * 6) }, () => pick(awkward)).join('');
    const parts: Part[] = Array.from({ length: 300 }, (_, index) => ({
      file: `authors/a${index}/${index % 3 === 0 ? '2/' : ''}index.html`,
      head: `<title>${escape(text())}</title><meta name="description" content="${escape(text())}">`,
      main:
        `<h1 class="page-title">${escape(text())}</h1><ol><li><a href="/p/${index}/">${escape(text())}</a></li></ol>` +
        (index % 7 === 0 ? `<script>const s = "<${pageMain} data-file=\\"y\\">";</script>` : ''),
    }));
    const decoded = decodePageBundle(bundle(parts), 'pages/author-pages-00/index.html');
    expect(decoded.map(([file]) => file)).toEqual(parts.map((part) => part.file));
    for (const [index, [, html]] of decoded.entries()) expect(html).toBe(page(parts[index]!));
  });

  it('gives nothing for a bundle with no pages', () => {
    expect(decodePageBundle(bundle([]), 'b')).toEqual([]);
  });

  it('refuses a bundle whose markers are missing, doubled, misplaced or unclosed, naming the bundle', () => {
    const good = bundle([{ file: 'authors/a/index.html', head: '<title>A</title>', main: '<h1>A</h1>' }]);
    const cases: [string, RegExp][] = [
      [good.replace(`<${headSlot}></${headSlot}>`, ''), new RegExp(`0 <${headSlot}>`)],
      [good.replace(`<${headSlot}>`, `<${headSlot}></${headSlot}><${headSlot}>`), new RegExp(`2 <${headSlot}>`)],
      [good.replace(`<${pages}>`, '').replace(`</${pages}>`, ''), /lies outside|0 <paper-digest-pages>/],
      [good.replace(`</${pageMain}>`, ''), /is not closed/],
      [good.replace(`</${pageHead}>`, `<${pageMain}></${pageMain}></${pageHead}>`), /inside/],
      [good.replace(`<${pageMain} data-file="authors/a/index.html">`, `<${pageMain}>`), /no data-file/],
      [good.replace(/<paper-digest-page-head[^]*<\/paper-digest-page-head>/, ''), /has no head part/],
      [
        good.replace(`<${pages}>`, `<${pages}><${pageMain} data-file="authors/a/index.html"></${pageMain}>`),
        /second main/,
      ],
      [good.replaceAll('authors/a/index.html', '../index.html'), /"\.\." segment/],
      [good.replaceAll('authors/a/index.html', 'build-bundles/x'), /inside build-bundles/],
    ];
    for (const [html, error] of cases) {
      expect(() => decodePageBundle(html, 'pages/author-pages-07/index.html'), html).toThrow(
        new RegExp(`pages/author-pages-07/index\\.html: .*(${error.source})`),
      );
    }
    // The head slot must come first: the layout's head before its main.
    const swapped = `${BEFORE_HEAD}<${pages}></${pages}>${BETWEEN}<${headSlot}></${headSlot}>${AFTER}`;
    expect(() => decodePageBundle(swapped, 'b')).toThrow(/must come before/);
  });
});
