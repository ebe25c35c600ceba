/**
 * KaTeX's output, made lighter for paper pages. KaTeX writes every formula three times: as HTML
 * laid out for the eye (`.katex-html`, hidden from assistive technology), as MathML for
 * assistive technology (`.katex-mathml`, visually hidden), and as its TeX source in a MathML
 * `<annotation>`. In a long abstract full of math that markup is most of the page (see the
 * page-weight budget in README.md), so `compactMathHtml` rewrites it without changing what a
 * reader sees or what a screen reader reads:
 *
 * - the TeX `<annotation>` goes, with the `<semantics>` (and a lone outer `<mrow>`) around it:
 *   browsers and screen readers use the presentation MathML, and Pagefind leaves the annotation
 *   out anyway. The feeds keep it: they make their MathML from the pipeline's HTML
 *   (src/lib/feed.ts), not from the page;
 * - `xmlns` on `<math>` and `<svg>` goes: an HTML parser puts them in their namespace anyway;
 * - the atom-type classes (`mord`, `mrel`, …, `mtight`) go: KaTeX spaces atoms with them while it
 *   renders, but its stylesheet never selects them ({@link UNSTYLED_KATEX_CLASSES});
 * - a `<span>` left with no attribute at all is unwrapped where it is a plain inline box: inside
 *   `.katex-base` or `.katex-sizing`, which no KaTeX rule looks through with `>`
 *   ({@link UNWRAP_INSIDE}). Not where its text would then touch other text: the browser would
 *   shape the two as one run, and move glyphs by a fraction of a pixel;
 * - style attributes are written short (`.25em`, no trailing `;`), and a KaTeX list row's
 *   `margin-left:0em`/`margin-right:0em` (the initial value) goes;
 * - attribute values that need no quotes lose them, as HTML allows.
 *
 * tests/unit/math-html.test.ts checks those claims against KaTeX's stylesheet, and a browser test
 * (tests/browser/trust.test.ts) that every glyph of every formula of the seed, and of a sample of
 * hard ones, is laid out where it was, to a hundredth of a pixel.
 *
 * Input is the paper pipeline's HTML, KaTeX's markup included: attribute values quoted (or not)
 * as HTML allows, no raw `<` in text, every element closed. A tag it cannot read is left as it
 * is. Text is never changed, and running it on its own output changes nothing.
 */

/** KaTeX classes that its stylesheet (katex/dist/katex.min.css) never selects. */
export const UNSTYLED_KATEX_CLASSES: ReadonlySet<string> = new Set([
  'mord',
  'mop',
  'mbin',
  'mrel',
  'mopen',
  'mclose',
  'mpunct',
  'minner',
  'mtight',
]);

/** Containers whose attribute-less `<span>` children are unwrapped (see the module comment). */
export const UNWRAP_INSIDE: ReadonlySet<string> = new Set(['katex-base', 'katex-sizing']);

/** Any start or end tag; quoted attribute values may hold `>`. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** One attribute of a start tag, its value double-, single- or not quoted. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
/** What an unquoted attribute value may not contain (HTML); a final `/` is kept quoted too. */
const NEEDS_QUOTES = /[\s"'=<>`]|\/$|^$/;
const NAMESPACES: Readonly<Record<string, string>> = {
  math: 'http://www.w3.org/1998/Math/MathML',
  svg: 'http://www.w3.org/2000/svg',
};
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TEX_SEMANTICS =
  /<semantics>([\s\S]*?)<annotation encoding="application\/x-tex">[^<]*<\/annotation><\/semantics>/g;

interface Open {
  name: string;
  /** Where its start tag is in the output. */
  at: number;
  /** An attribute-less `<span>` right inside `.katex-base` or `.katex-sizing`. */
  unwrappable: boolean;
  /** Its attribute-less `<span>` children may be unwrapped. */
  unwrapsChildren: boolean;
  /** Its content starts with an element; so far, it ends with one. */
  startsWithElement: boolean;
  endsWithElement: boolean;
  /** Text comes right before it. */
  afterText: boolean;
  /** Its last child so far is a span unwrapped with text at its end. */
  endsWithLooseText: boolean;
}

export function compactMathHtml(html: string): string {
  const source = html.replace(TEX_SEMANTICS, (_, presentation: string) => {
    // <semantics> has one presentation child; a lone <mrow> in <math> is what <math> is already.
    const row = /^<mrow>([\s\S]*)<\/mrow>$/.exec(presentation);
    return row && isOneElement(presentation) ? row[1]! : presentation;
  });

  const out: string[] = [];
  // Open elements, innermost last.
  const open: Open[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(source); match; match = TAG.exec(source)) {
    const [tag, slash, name = '', rest = ''] = match;
    const parent = open.at(-1);
    const afterText = match.index > last;
    if (afterText) {
      out.push(source.slice(last, match.index));
      if (parent) parent.endsWithElement = false;
      if (parent) parent.endsWithLooseText = false;
    }
    last = TAG.lastIndex;

    if (slash) {
      const index = open.findLastIndex((element) => element.name === name);
      if (index === -1) {
        out.push(tag);
        continue;
      }
      const [element] = open.splice(index) as [Open];
      const outer = open.at(-1);
      const elementsAtEnds = element.startsWithElement && element.endsWithElement;
      // Its own text may go loose only between elements that keep their tags (or at an end).
      const textBefore = element.afterText || (outer?.endsWithLooseText ?? false);
      const textAfter = !source.startsWith('</', last) && (source[last] !== '<' || source.startsWith('<span>', last));
      const unwrap = element.unwrappable && (elementsAtEnds || (!textBefore && !textAfter));
      if (unwrap) out[element.at] = '';
      else out.push(tag);
      if (outer) {
        outer.endsWithElement = true;
        outer.endsWithLooseText = unwrap && !element.endsWithElement;
      }
      continue;
    }

    const start = startTag(tag, name, rest);
    out.push(start.markup);
    if (parent) {
      if (parent.at === out.length - 2) parent.startsWithElement = true;
      parent.endsWithElement = true;
    }
    if (start.empty) continue;
    open.push({
      name,
      at: out.length - 1,
      unwrappable: start.bareSpan && parent?.unwrapsChildren === true,
      // Whether or not it goes, such a span is a plain inline box: what is inside it may go too.
      unwrapsChildren: start.unwrapsChildren || (start.bareSpan && parent?.unwrapsChildren === true),
      startsWithElement: false,
      endsWithElement: false,
      afterText,
      endsWithLooseText: false,
    });
  }
  out.push(source.slice(last));
  return out.join('');
}

interface StartTag {
  markup: string;
  /** A void or self-closed element: nothing to close. */
  empty: boolean;
  /** A `<span>` left without attributes. */
  bareSpan: boolean;
  unwrapsChildren: boolean;
}

/** KaTeX repeats the same few start tags over and over: each is compacted once. */
const startTags = new Map<string, StartTag>();

function startTag(tag: string, name: string, rest: string): StartTag {
  let start = startTags.get(tag);
  if (start) return start;
  const selfClosing = /(?:^|[\s"'])\/\s*$/.test(rest);
  const attributes = parseAttributes(selfClosing ? rest.replace(/\/\s*$/, '') : rest);
  // Anything this does not understand is left as it is (but still tracked).
  const compact = attributes && compactAttributes(name, attributes);
  start = {
    // A bare value would swallow the `/` of `<x a=b/>`: keep a space before it.
    markup: compact ? `<${name}${compact.markup}${selfClosing ? ' /' : ''}>` : tag,
    empty: selfClosing || VOID.has(name.toLowerCase()),
    bareSpan: name === 'span' && compact?.markup === '',
    unwrapsChildren: name === 'span' && (compact?.classes ?? []).some((token) => UNWRAP_INSIDE.has(token)),
  };
  if (startTags.size >= 20_000) startTags.clear();
  startTags.set(tag, start);
  return start;
}

/** A start tag's attributes as name and value (undefined for a bare name), or undefined if malformed. */
function parseAttributes(source: string): [string, string | undefined][] | undefined {
  const attributes: [string, string | undefined][] = [];
  ATTRIBUTE.lastIndex = 0;
  let end = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    attributes.push([match[1]!, match[2] ?? match[3] ?? match[4]]);
    end = ATTRIBUTE.lastIndex;
  }
  return source.slice(end).trim() === '' ? attributes : undefined;
}

function compactAttributes(
  tag: string,
  attributes: [string, string | undefined][],
): { markup: string; classes: string[] } {
  const hasClass = attributes.some(([name]) => name === 'class');
  let markup = '';
  let classes: string[] = [];
  for (const [name, raw] of attributes) {
    let value = raw;
    if (name === 'xmlns' && value === NAMESPACES[tag]) continue;
    if (name === 'class' && value !== undefined) {
      classes = value.split(/\s+/).filter((token) => token && !UNSTYLED_KATEX_CLASSES.has(token));
      value = classes.join(' ');
      if (!value) continue;
    }
    if (name === 'style' && value !== undefined) {
      value = compactStyle(value, { vlistRow: tag === 'span' && !hasClass });
      if (!value) continue;
    }
    if (value === undefined) markup += ` ${name}`;
    else if (!NEEDS_QUOTES.test(value)) markup += ` ${name}=${value}`;
    else markup += ` ${name}="${value.replaceAll('"', '&quot;')}"`;
  }
  return { markup, classes };
}

/**
 * `height:0.6944em;vertical-align:-0.1944em;` → `height:.6944em;vertical-align:-.1944em`. In a
 * KaTeX list row (a class-less span placed with `top`), a zero side margin is the initial value.
 */
function compactStyle(style: string, { vlistRow }: { vlistRow: boolean }): string {
  const declarations = style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean);
  const isRow = vlistRow && declarations.some((declaration) => declaration.startsWith('top:'));
  return declarations
    .filter((declaration) => !(isRow && /^margin-(left|right):0em$/.test(declaration)))
    .map((declaration) => declaration.replace(/(^|[^\d.])0\.(?=\d)/g, '$1.'))
    .join(';');
}

/** Whether `<mrow>…</mrow>` is one element, not `<mrow>…</mrow><mrow>…</mrow>`. */
function isOneElement(markup: string): boolean {
  let depth = 0;
  for (const match of markup.matchAll(/<mrow(?=[\s>])[^>]*>|<\/mrow>/g)) {
    depth += match[0] === '</mrow>' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length === markup.length;
  }
  return false;
}
