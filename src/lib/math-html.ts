import { Parser, type Handler } from 'htmlparser2';

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
 *   out anyway. The feeds make their MathML from the pipeline's HTML
 *   (src/lib/feed.ts), not from the page, and keep the TeX as the `<math>`'s `alttext`;
 * - `xmlns` on `<math>` and `<svg>` goes: an HTML parser puts them in their namespace anyway;
 * - the atom-type classes (`mord`, `mrel`, …, `mtight`) go: KaTeX spaces atoms with them while it
 *   renders, but its stylesheet never selects them ({@link UNSTYLED_KATEX_CLASSES});
 * - a `<span>` left with no attribute at all is unwrapped where it is a plain inline box: inside
 *   `.katex-base` or `.katex-sizing`, which no KaTeX rule looks through with `>`
 *   ({@link UNWRAP_INSIDE}), or inside such a span there. Not where text would then touch other
 *   text: the browser would shape the two as one run, and move glyphs by a fraction of a pixel.
 *   Each container is decided once it is read ({@link Unwrapping}): its spans in the order of their
 *   end tags, each unwrapped if neither of its tags, once gone, leaves text against text;
 * - style attributes are written short (`.25em`, no trailing `;`), and a KaTeX list row's
 *   `margin-left:0em`/`margin-right:0em` (the initial value) goes;
 * - attribute values that need no quotes lose them, as HTML allows.
 *
 * tests/unit/math-html.test.ts checks those claims against KaTeX's stylesheet, and a browser test
 * (tests/browser/trust.test.ts) that every glyph of every formula of the seed, and of a sample of
 * hard ones, is laid out where it was, to a hundredth of a pixel.
 *
 * Input is the paper pipeline's HTML, KaTeX's markup included: attribute values quoted (or not)
 * as HTML allows, no raw `<` in text, every element closed. htmlparser2 reads it; only its tags
 * are rewritten, and what lies between them (text, comments) is copied from the input as it is,
 * so text is never changed. A start tag whose attributes HTML reads only with a parse error (a
 * quote or `<` in a name, a quote, `=`, `<` or backtick in an unquoted value) is left as it is.
 * Running it on its own output changes nothing.
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

/** What an unquoted attribute value may not contain (HTML); a final `/` is kept quoted too. */
const NEEDS_QUOTES = /[\s"'=<>`]|\/$|^$/;
/** What HTML reads only with a parse error in an attribute name, and in an unquoted value. */
const ODD_NAME = /["'<=]/;
const ODD_UNQUOTED_VALUE = /["'<=`]/;
const NAMESPACES: Readonly<Record<string, string>> = {
  math: 'http://www.w3.org/1998/Math/MathML',
  svg: 'http://www.w3.org/2000/svg',
};
const PARSER_OPTIONS = {
  // Attribute values and text are copied as written: `&amp;` stays `&amp;`.
  decodeEntities: false,
  // `viewBox`, `preserveAspectRatio`: names are written back as they are.
  lowerCaseTags: false,
  lowerCaseAttributeNames: false,
  // KaTeX closes its SVG paths with `/>`; anything written so has no content.
  recognizeSelfClosing: true,
};

/** Name, value (undefined for a bare name) and quote (`null` unquoted) of an attribute, in source order. */
type Attribute = [name: string, value: string | undefined, quote: string | null | undefined];

/** htmlparser2's parser, which also tells whether the start tag it reports was written with `/>`. */
class TagParser extends Parser {
  selfClosing = false;

  override onselfclosingtag(endIndex: number): void {
    this.selfClosing = true;
    super.onselfclosingtag(endIndex);
    this.selfClosing = false;
  }
}

interface Open {
  name: string;
  /** Where its start tag is in the output. */
  at: number;
  /** Its start tag has no attributes. */
  bare: boolean;
  /** Where its own content goes, for a container or a span that may be unwrapped in one. */
  unwrapping: Unwrapping | undefined;
  /** For a span that may be unwrapped: its start tag's piece in {@link unwrapping}; -1 otherwise. */
  piece: number;
  /** It has an element child. */
  hasElements: boolean;
  /** Text comes right before it. */
  afterText: boolean;
  /** An `<annotation encoding="application/x-tex">`. */
  tex: boolean;
  /** For a `<semantics>`: what it holds so far. */
  semantics?: Semantics;
}

interface Semantics {
  children: number;
  /** Its first child, if that is an attribute-less `<mrow>` with no text before it. */
  row?: { at: number; end: number };
  /** Its last child so far, if that is a TeX annotation holding text only. */
  tex?: { at: number; end: number; afterText: boolean };
}

export function compactMathHtml(html: string): string {
  return new Compactor(html).run();
}

/** The htmlparser2 handler that writes the compact markup. */
class Compactor implements Partial<Handler> {
  private readonly source: string;
  private readonly parser: TagParser;
  private readonly out: string[] = [];
  /** Open elements, innermost last. */
  private readonly open: Open[] = [];
  /** How much of the source is written out. */
  private last = 0;
  /** The attributes of the start tag being read. */
  private attributes: Attribute[] = [];
  /** A `</p>` or `</br>` with no start tag, for which the parser reports one. */
  private impliedStart = false;

  constructor(source: string) {
    this.source = source;
    this.parser = new TagParser(this, PARSER_OPTIONS);
  }

  run(): string {
    this.parser.end(this.source);
    this.text(this.source.length);
    return this.out.join('');
  }

  onopentagname(): void {
    this.attributes = [];
  }

  onattribute(name: string, value: string, quote?: string | null): void {
    this.attributes.push([name, quote === undefined ? undefined : value, quote]);
  }

  onopentag(name: string, _: unknown, isImplied: boolean): void {
    if (isImplied) {
      this.impliedStart = true;
      return;
    }
    const { parser, attributes, out } = this;
    // After an end tag such as `</b >`, htmlparser2 places the next tag inside it.
    const start = Math.max(parser.startIndex, this.last);
    const end = parser.endIndex + 1;
    const afterText = this.text(start);
    this.last = end;

    const tag = startTag(this.source.slice(start, end), name, attributes, parser.selfClosing);
    out.push(tag.markup);
    const at = out.length - 1;
    const parent = this.open.at(-1);
    if (parent) {
      parent.hasElements = true;
      if (parent.semantics) parent.semantics.tex = undefined;
    }
    const outer = parent?.unwrapping;
    const unwrappable = tag.bareSpan && outer !== undefined;
    let piece = -1;
    if (unwrappable) piece = outer.start(at);
    // Any other element in a container stays, and keeps apart what is on its two sides.
    else outer?.kept();
    const bare = attributes.length === 0;
    // A void or self-closed element is closed (implied) right away.
    this.open.push({
      name,
      at,
      bare,
      // Whether or not it goes, such a span is a plain inline box: what is inside it may go too.
      unwrapping: tag.unwrapsChildren ? new Unwrapping(out) : unwrappable ? outer : undefined,
      piece,
      hasElements: false,
      afterText,
      tex: name === 'annotation' && isTexEncoding(attributes),
      semantics: name === 'semantics' && bare ? { children: 0 } : undefined,
    });
  }

  onclosetag(_: string, isImplied: boolean): void {
    const { parser, out } = this;
    if (isImplied && !this.impliedStart) {
      // Not in the source: a void or self-closed element, or one left open. Nothing to write.
      this.close(this.open.pop()!, undefined);
      return;
    }
    const start = Math.max(parser.startIndex, this.last);
    // htmlparser2 reports where the name ends; the tag ends at the next `>`, as it reads it.
    const end = this.source.indexOf('>', parser.endIndex) + 1 || this.source.length;
    this.text(start);
    this.last = end;
    const tag = this.source.slice(start, end);
    if (this.impliedStart) {
      // An end tag with no start tag is kept as it is.
      this.impliedStart = false;
      out.push(tag);
      this.open.at(-1)?.unwrapping?.kept();
      return;
    }

    const element = this.open.pop()!;
    const outer = this.open.at(-1);
    if (!(element.semantics && this.dropTex(element.at, element.semantics))) out.push(tag);
    this.close(element, out.length - 1);
    const semantics = outer?.semantics;
    if (!semantics) return;
    semantics.children += 1;
    const { at, afterText } = element;
    if (semantics.children === 1 && element.name === 'mrow' && element.bare && !afterText) {
      semantics.row = { at, end: out.length - 1 };
    }
    if (element.tex && !element.hasElements) semantics.tex = { at, end: out.length - 1, afterText };
  }

  /** Ends a container, or a span that may be unwrapped, given where its end tag is in the output (if it has one). */
  private close({ unwrapping, piece }: Open, end: number | undefined): void {
    if (piece === -1) unwrapping?.unwrap();
    else if (end === undefined) unwrapping!.keep(piece);
    else unwrapping!.end(piece, end);
  }

  /**
   * Takes out a `<semantics>` (its start tag at `at`) whose last child is KaTeX's TeX annotation,
   * with that annotation, and a lone `<mrow>` before it. Its end tag is not written yet.
   */
  private dropTex(at: number, { children, row, tex }: Semantics): boolean {
    const { out } = this;
    if (!tex || out.length - 1 !== tex.end) return false;
    out[at] = '';
    out.fill('', tex.at, tex.end + 1);
    // <semantics> has one presentation child; a lone <mrow> in <math> is what <math> is already.
    if (row && children === 2 && !tex.afterText) {
      out[row.at] = '';
      out[row.end] = '';
    }
    return true;
  }

  /** Writes the source up to `end` as it is, as text; says whether there was any. */
  private text(end: number): boolean {
    if (end <= this.last) return false;
    this.out.push(this.source.slice(this.last, end));
    this.last = end;
    this.open.at(-1)?.unwrapping?.text();
    return true;
  }
}

const TEXT = 0;
const KEPT = 1;
const START = 2;
const END = 3;

/**
 * The content of a `.katex-base` or `.katex-sizing` as its attribute-less spans see it: one piece
 * per text, per start or end tag of such a span, and per anything else (an element, an end tag
 * with no start tag), which keeps its tags and so keeps apart what is on either side of it; the
 * container's own tags, which stay, begin and end it. Once the container is read, {@link unwrap}
 * takes out the spans' tags, a span at a time, in the order of their end tags (a span after the
 * spans in it), where that leaves no text against text, given what has gone so far. What is left
 * stays as it is when read again: a span kept then is kept now, as taking out more tags can only
 * bring more text together.
 */
class Unwrapping {
  private readonly out: string[];
  /** Per piece: {@link TEXT}, {@link KEPT}, {@link START} or {@link END}. */
  private readonly kinds: number[] = [KEPT];
  /** Per piece: for a span's tag, where it is in the output. */
  private readonly at: number[] = [-1];
  /** Per piece: for a span's end tag, its start tag's piece. */
  private readonly starts: number[] = [-1];
  private spans = 0;

  constructor(out: string[]) {
    this.out = out;
  }

  text(): void {
    this.add(TEXT, -1, -1);
  }

  /** Something that stays. */
  kept(): void {
    this.add(KEPT, -1, -1);
  }

  /** The start tag of a span that may be unwrapped, at `at` in the output; returns its piece. */
  start(at: number): number {
    return this.add(START, at, -1);
  }

  /** The end tag of the span whose start tag is `piece`, at `at` in the output. */
  end(piece: number, at: number): void {
    this.add(END, at, piece);
    this.spans++;
  }

  /** A span with no end tag in the source stays. */
  keep(piece: number): void {
    this.kinds[piece] = KEPT;
  }

  /** Unwraps what it may, once the container is read. */
  unwrap(): void {
    if (this.spans === 0) return;
    this.kept();
    const { kinds, at, starts, out } = this;
    const count = kinds.length;
    // The pieces left, as a doubly linked list; the first and the last always stay.
    const previous = new Int32Array(count);
    const next = new Int32Array(count);
    for (let piece = 0; piece < count; piece++) {
      previous[piece] = piece - 1;
      next[piece] = piece + 1;
    }
    const remove = (piece: number) => {
      next[previous[piece]!] = next[piece]!;
      previous[next[piece]!] = previous[piece]!;
      out[at[piece]!] = '';
    };
    for (let end = 1; end < count - 1; end++) {
      if (kinds[end] !== END) continue;
      const start = starts[end]!;
      const before = previous[start]!;
      const first = next[start]!;
      const last = previous[end]!;
      const after = next[end]!;
      // Where a tag goes, what was on its two sides meets: the span's own content, or (if nothing
      // of it is left) what is on its other side. Text may not meet text.
      const touches =
        first === end
          ? kinds[before] === TEXT && kinds[after] === TEXT
          : (kinds[before] === TEXT && kinds[first] === TEXT) || (kinds[last] === TEXT && kinds[after] === TEXT);
      if (touches) continue;
      remove(start);
      remove(end);
    }
  }

  private add(kind: number, at: number, start: number): number {
    this.kinds.push(kind);
    this.at.push(at);
    this.starts.push(start);
    return this.kinds.length - 1;
  }
}

function isTexEncoding(attributes: Attribute[]): boolean {
  const [attribute, ...others] = attributes;
  return others.length === 0 && attribute?.[0] === 'encoding' && attribute[1] === 'application/x-tex';
}

interface StartTag {
  markup: string;
  /** A `<span>` left without attributes. */
  bareSpan: boolean;
  unwrapsChildren: boolean;
}

/** KaTeX repeats the same few start tags over and over: each is compacted once. */
const startTags = new Map<string, StartTag>();

function startTag(source: string, name: string, attributes: Attribute[], selfClosing: boolean): StartTag {
  let start = startTags.get(source);
  if (start) return start;
  // What HTML reads only with a parse error is left as it is.
  const readable = attributes.every(
    ([attribute, value, quote]) =>
      !ODD_NAME.test(attribute) && !(quote === null && value !== undefined && ODD_UNQUOTED_VALUE.test(value)),
  );
  const compact = readable ? compactAttributes(name, attributes) : undefined;
  start = {
    // A bare value would swallow the `/` of `<x a=b/>`: keep a space before it.
    markup: compact ? `<${name}${compact.markup}${selfClosing ? ' /' : ''}>` : source,
    bareSpan: name === 'span' && compact?.markup === '',
    unwrapsChildren: name === 'span' && (compact?.classes ?? []).some((token) => UNWRAP_INSIDE.has(token)),
  };
  if (startTags.size >= 20_000) startTags.clear();
  startTags.set(source, start);
  return start;
}

function compactAttributes(tag: string, attributes: Attribute[]): { markup: string; classes: string[] } {
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
