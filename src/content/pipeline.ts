import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-math';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import { Parser as AcornParser } from 'acorn';
import acornJsx from 'acorn-jsx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { toText } from 'hast-util-to-text';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import { looksLikeAmounts, strayDollar, strayDollarAdvice, texInProse, texInProseAdvice } from '../lib/tex-in-prose.ts';
import type { VFileMessage } from 'vfile-message';
import { descriptionOfHtml } from '../lib/plain-text.ts';
import type { ScriptedTerm } from '../lib/search-data.ts';
import { htmlOfTree } from '../lib/encode/html-tree.ts';
import { ownSiteLinkProblem, textIsAddress } from '../lib/urls.ts';
import { dotSegmentProblem, webHostProblem } from '../lib/link-hosts.ts';
import { siteConfig } from '../site.config.ts';
import { isRawMath, rehypeKatexRaw } from './katex-raw.ts';
import { ALLOWED_COMMANDS, MAX_FORMULA_LENGTH } from './math-rules.ts';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { describeForbiddenCharacter, findForbiddenCharacter } from './characters.ts';
import { codePointName } from '../lib/code-point.ts';
import { CARET_NOTATION } from '../lib/title-math.ts';
import { MAX_REASON_SHOWN, shortened, type ContentProblem } from './problems.ts';
import { MAIL_ADDRESS, hostNamedBy, hostsNamedIn, lookAlikeHostProblem } from './schema.ts';

export { MAX_FORMULA_LENGTH };

/**
 * The safe-MDX pipeline: the one way a paper body becomes HTML, used by the build and the content
 * check. MDX syntax is parsed (so a contributor's file is valid MDX), but the tree is never
 * compiled or evaluated: any node that would be code (import/export, `{expressions}`, JSX) is
 * rejected with its position, as are raw HTML, images and links other than to other sites
 * ({@link checkLink}).
 * Math is typeset by KaTeX at build time under the rules of src/content/math-rules.ts; a KaTeX
 * error or a refused command is a problem, never the red text rehype-katex would silently leave in
 * the page. Every formula is one of three things in Markdown, each typeset by the same code:
 * `$…$` inline; `$$…$$` display, whether on lines of its own or inside a paragraph (there it
 * stays in the paragraph as a block: KaTeX's `.katex-display` box, which the stylesheet shows as a
 * block); and a ```` ```math ```` or `~~~math` fence, which is display math like `$$…$$`.
 */

export interface RenderedBody {
  html: string;
  /** True when the body contains math, so the page needs KaTeX's stylesheet. */
  hasMath: boolean;
  /** Plain text of the abstract, math kept as its TeX source between `$` signs. */
  text: string;
  /** The opening of the first paragraph as HTML, inline math typeset, for paper cards. */
  excerptHtml: string;
  /** Whether the excerpt shows typeset math (so a list page needs KaTeX's stylesheet). */
  excerptHasMath: boolean;
  /** The abstract as paper pages show it (page-html.ts): added by validatePapers for the build. */
  pageHtml?: string;
  /** The abstract as a description (descriptionOfHtml): added by validatePapers for the build. */
  description?: string;
  /** The title's and abstract's formula terms with a script (scriptedTerms): added by validatePapers for the build. */
  scripted?: ScriptedTerm[];
}

/**
 * Where each paragraph of a RenderedBody's `text` (split at blank lines) is written in the body:
 * its first and last line (1-based), so that a problem found in the text is reported at its line.
 */
export type TextLines = { start: number; end: number }[];

/** What renderPaperBody gives: the rendered body, or the problems that stop it. */
export interface RenderResult {
  rendered?: RenderedBody;
  problems: ContentProblem[];
  textLines?: TextLines;
  /**
   * The abstract's text as a reader sees it outside math: `text` with each formula a space (its
   * paragraphs the same, at textLines). Math shows no TeX source, so its `\\` is no text's.
   */
  prose?: string;
}

/** Characters of text in a card's excerpt before it is cut at a word boundary. */
export const EXCERPT_LENGTH = 280;

/** Where a link in an abstract may lead: another site, over https, or an e-mail address. */
const LINK_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Refusals recorded by KaTeX's `trust` callback during the current (synchronous) render. */
let refusedCommands: string[] = [];

export const katexOptions = {
  strict: 'error',
  // Links, HTML attributes and images inside math are refused and reported.
  trust: (context: { command: string }) => {
    refusedCommands.push(context.command);
    return false;
  },
  // Bound macro expansion and sizes so hostile input cannot blow up the build or the page.
  // No macro can be defined (src/content/math-rules.ts), so only KaTeX's own macros expand: the
  // seed needs 3 expansions at most in a formula, `\\neq` needs 4 each.
  maxExpand: 500,
  maxSize: 20,
} as const;

/**
 * Bump when the pipeline's output changes: the loader's cache keys include it, so every paper is
 * rendered again with the new rules.
 */
export const PIPELINE_VERSION = 12;

/** Largest rendered abstract, in bytes of HTML: KaTeX markup is verbose, but not this verbose. */
export const MAX_RENDERED_BYTES = 150_000;

/** Deepest Markdown tree accepted: an abstract's quotes, lists and emphasis nest a few levels. */
export const MAX_TREE_DEPTH = 32;

/**
 * The first node, in reading order, deeper in the tree than MAX_TREE_DEPTH, without recursion (the
 * tree may be deeper than the stack), to report where the nesting goes too deep.
 */
function tooDeepNode(root: MdastRoot): MdastNodes | undefined {
  const stack: [MdastNodes, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return node;
    // Pushed last child first, so the first child is taken first.
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push([child, depth + 1]);
  }
  return undefined;
}

/**
 * A block quote (`>`) or list item (`-`, `*`, `+`, `1.`, `1)`) opened at the start of a line, after
 * those before it on the line: each adds at least one level to the tree.
 */
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;

/**
 * The first line (0-based) that opens more containers than the tree may be deep, before the body
 * is parsed: micromark takes time quadratic in the nesting of one line (`- - - … a`, 5,000 deep in
 * 10,000 characters, took 30 s to parse, and only then was it refused as too deep). A line that
 * opens more than MAX_TREE_DEPTH containers makes a tree deeper than that, so this refuses nothing
 * the limit would accept (unless the line is code in a fence).
 */
function tooDeepLine(body: string): number | undefined {
  const lines = body.split('\n');
  for (const [index, line] of lines.entries()) {
    let rest = line;
    for (let opened = 0, marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
      if (++opened > MAX_TREE_DEPTH) return index;
      rest = rest.slice(marker[0].length);
    }
  }
  return undefined;
}

/**
 * Most lines underlined as headings (`===` or `---` under a line of text) that are parsed: micromark
 * takes time quadratic in their number (2,490 in 10,000 characters took 6 s to parse), and an
 * abstract may have no heading at all (each is refused at its line). Past this many, the body is
 * refused at the first one over, unparsed. (A line of only `=` or `-` in a fence is counted too.)
 */
export const MAX_UNDERLINES = 100;
const UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*$/;

/** The first line (0-based) that is the (MAX_UNDERLINES + 1)th of only `=` or `-` under a line of text. */
function tooManyUnderlinesLine(body: string): number | undefined {
  const lines = body.split('\n');
  let underlines = 0;
  for (let index = 1; index < lines.length; index++) {
    if (!UNDERLINE.test(lines[index]!) || lines[index - 1]!.trim() === '') continue;
    if (++underlines > MAX_UNDERLINES) return index;
  }
  return undefined;
}

/**
 * Links in abstracts lead off the site: open them without giving the target a handle on us. A link
 * whose text is its address (textIsAddress) is marked `shown-address`: printed, its address is not
 * written after it a second time (global.css).
 */
function rehypeExternalLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      node.properties.rel = ['noopener', 'noreferrer'];
      const href = node.properties.href;
      if (typeof href === 'string' && textIsAddress(toText(node), href)) node.properties.className = ['shown-address'];
    });
  };
}

/**
 * Deepest JavaScript that acorn reads in an abstract's `{…}`, JSX or `import`/`export` (each of which
 * is refused), counted in calls of its recursive steps. acorn recurses once per level of nesting,
 * and `{((((…))))}` a thousand deep overflowed the main thread's stack but not a worker's (which
 * is larger): the check and the build gave different messages at different columns. Past this
 * depth acorn stops with a syntax error at that place, on every thread alike.
 */
export const MAX_SCRIPT_DEPTH = 100;
const RECURSIVE_STEPS = [
  'parseStatement',
  'parseMaybeAssign',
  'parseMaybeUnary',
  'parseExprAtom',
  'parseBindingAtom',
  'jsx_parseElementAt',
] as const;

type AcornClass = typeof AcornParser;
function depthLimited(Base: AcornClass): AcornClass {
  class Limited extends (Base as unknown as new (...args: unknown[]) => Record<string, unknown>) {
    scriptDepth = 0;
  }
  const prototype = Limited.prototype as unknown as Record<string, unknown>;
  for (const step of RECURSIVE_STEPS) {
    const inner = (Base.prototype as unknown as Record<string, unknown>)[step];
    if (typeof inner !== 'function') throw new Error(`acorn has no ${step}: update the depth limit`);
    prototype[step] = function (
      this: { scriptDepth: number; start: number; raise(at: number, message: string): never },
      ...args: unknown[]
    ) {
      if (++this.scriptDepth > MAX_SCRIPT_DEPTH) this.raise(this.start, 'Nested too deeply');
      try {
        return (inner as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        this.scriptDepth--;
      }
    };
  }
  return Limited as unknown as AcornClass;
}

/**
 * rehype-stringify's place, with the one tree serializer of pages and feeds (its attribute values
 * hold no raw `<` or `>`). The only raw HTML in the tree is KaTeX's (Markdown's raw HTML is
 * refused before this).
 */
const rehypeHtmlOfTree: Plugin<[], HastRoot, string> = function () {
  this.compiler = (tree) => htmlOfTree(tree as HastRoot, { allowDangerousHtml: true });
};

const parser = unified()
  .use(remarkParse)
  .use(remarkMdx, { acorn: AcornParser.extend(acornJsx(), depthLimited) })
  .use(remarkMath);
const renderer = unified()
  .use(remarkRehype)
  .use(rehypeExternalLinks)
  .use(rehypeKatexRaw, katexOptions)
  .use(rehypeHtmlOfTree);

interface RenderContext {
  file: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /**
   * The deployed site's URL (SITE_URL): a link to its origin is refused. Callers that know the
   * build's settings pass them; the default is this process's settings.
   */
  siteUrl?: string;
}

type Place = (line: number | undefined, column?: number) => Omit<ContentProblem, 'message'>;

/**
 * The file line a problem of the whole abstract is reported at (its size, no text, no parse): the
 * abstract's first line with text, not the blank line after the frontmatter's `---`, which holds
 * nothing to fix; `bodyLine` when it has no text. `bodyLine` is the body's first line in the file.
 */
export function abstractLine(body: string, bodyLine: number): number {
  const text = /\S/.exec(body);
  return text ? bodyLine + countLines(body, text.index) - 1 : bodyLine;
}

export function renderPaperBody(
  body: string,
  { file, bodyLine, siteUrl = siteConfig.siteUrl }: RenderContext,
): RenderResult {
  // A line of the body (1 is its first), or the abstract as a whole (abstractLine) when none is known.
  const at = (line: number | undefined, column?: number) => ({
    file,
    line: line === undefined ? abstractLine(body, bodyLine) : line + bodyLine - 1,
    ...(column ? { column } : {}),
    field: 'body',
  });

  try {
    return render(body, at, new URL(siteUrl).origin);
  } catch (error) {
    // Deeply nested input (brackets, quotes, \frac in \frac…) can overflow the parser's stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
    return {
      problems: [
        {
          ...at(undefined),
          kind: 'body-unprocessed',
          message: `could not be processed: ${reason}. Simplify the abstract.`,
        },
      ],
    };
  }
}

function render(body: string, at: Place, siteOrigin: string): RenderResult {
  const deepLine = tooDeepLine(body);
  if (deepLine !== undefined) {
    return {
      problems: [
        {
          ...at(deepLine + 1),
          kind: 'body-too-deep',
          message: `is nested too deeply: this line opens more than ${MAX_TREE_DEPTH} quotes and lists. Simplify the abstract.`,
        },
      ],
    };
  }
  const underlineLine = tooManyUnderlinesLine(body);
  if (underlineLine !== undefined) {
    return {
      problems: [
        {
          ...at(underlineLine + 1),
          kind: 'body-underlines',
          message: `has more than ${MAX_UNDERLINES} lines of only "=" or "-" under a line of text, each a heading's underline (an abstract has no headings): write it as paragraphs.`,
        },
      ],
    };
  }
  let tree: MdastRoot;
  try {
    tree = parser.parse(body);
    parser.runSync(tree);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const place = (error as VFileMessage).place;
    const start = place && 'start' in place ? place.start : place;
    // MDX's note for `<!`, to write `{/* … */}`, leads to the expression rule's refusal.
    const reason = placesInFile(((error as VFileMessage).reason ?? String(error)).replace(MDX_COMMENT_NOTE, ''), at);
    // MDX reads a paragraph that starts with the word `import` or `export` and a space as
    // JavaScript; prose that starts so ("export controls …") fails to parse as such.
    const esmLine = start?.line === undefined ? undefined : body.split('\n')[start.line - 1];
    // An HTML comment: MDX's parser stops at its `!`, and its note suggests `{/* … */}`, which is
    // refused too: say that a paper holds no comment of either kind instead.
    const htmlComment =
      esmLine !== undefined && start?.column !== undefined && esmLine.slice(start.column - 2).startsWith('<!--');
    if (htmlComment)
      return { problems: [{ ...at(start.line, start.column - 1), kind: 'body-comment', message: COMMENT_ADVICE }] };
    // An element opened before the place on its line (`<style>body{…}</style>`): its contents fail
    // to parse, but escaping them would only lead to the element's own refusal. Say that first.
    const element =
      esmLine !== undefined && start?.column !== undefined
        ? /<([A-Za-z][\w.:-]*)[^<>]*>[^<]*$/.exec(esmLine.slice(0, start.column - 1))?.[1]
        : undefined;
    if (element) {
      return {
        problems: [
          {
            ...at(start?.line, start?.column),
            kind: 'body-element',
            message: `MDX syntax: ${shortened(reason, MAX_REASON_SHOWN)}, inside <${shortened(element, 40)}>. ${elementNotAllowed(shortened(element, 40))}`,
          },
        ],
      };
    }
    // TeX outside math with a brace group (`\immediate\write18{…}`, `\textsc{…}`): MDX reads the
    // group as a JavaScript expression and fails inside it; the TeX is what to rewrite.
    const texBefore =
      start?.line !== undefined && start.column !== undefined
        ? texBeforeBraces(body, start.line, start.column)
        : undefined;
    if (texBefore) {
      return {
        problems: [
          {
            ...at(texBefore.line, texBefore.column),
            kind: 'tex-in-prose',
            message: `MDX syntax: ${shortened(reason, MAX_REASON_SHOWN)}, in the braces after TeX: ${texInProseAdvice(texBefore.tex, BODY_MARKUP)}`,
          },
        ],
      };
    }
    const advice =
      esmLine !== undefined && /^(?:import|export) /.test(esmLine)
        ? `MDX reads a paragraph that starts with the word "${esmLine.slice(0, 6)}" and a space as JavaScript, which a paper may not hold: start the paragraph with another word, or write its first letter as a character reference (&#${esmLine.codePointAt(0)};${esmLine.slice(1, 6)})`
        : 'to show a literal `{`, `}`, `<` or `>`, escape it with a backslash or put math in $…$';
    return {
      problems: [
        {
          ...at(start?.line, start?.column),
          kind: 'body-syntax',
          message: `MDX syntax: ${shortened(reason, MAX_REASON_SHOWN)} (${advice})`,
        },
      ],
    };
  }
  // The same limit on every thread: how deep the parser can recurse depends on the thread's
  // stack (worker threads have a larger one), so input that overflowed it on one thread and not
  // on another would pass the check and fail the build, or the other way round.
  // Reported where it goes too deep: lines each indented one list deeper open one container
  // each, so no one line is refused before parsing, and the whole abstract is not the place.
  const deep = tooDeepNode(tree);
  if (deep) {
    return {
      problems: [
        {
          ...at(deep.position?.start.line, deep.position?.start.column),
          kind: 'body-too-deep',
          message: `is nested too deeply: here the abstract is inside more than ${MAX_TREE_DEPTH} quotes, lists and emphases. Simplify the abstract.`,
        },
      ],
    };
  }

  const problems = findUnsafeNodes(tree, siteOrigin, body).map(({ node, kind, message, offset }) => {
    if (offset === undefined) return { ...at(node.position?.start.line, node.position?.start.column), kind, message };
    const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
    return { ...at(countLines(body, offset), offset - lineStart + 1), kind, message };
  });
  if (problems.length > 0) return { problems };

  const mathNodes = markDisplayMath(tree, body);
  const hasMath = mathNodes.length > 0;

  refusedCommands = [];
  const vfile = { messages: [] as VFileMessage[] };
  const hast = renderer.runSync(tree, vfile);
  for (const message of vfile.messages) {
    const start = message.place && 'start' in message.place ? message.place.start : message.place;
    const end = message.place && 'end' in message.place ? message.place.end : undefined;
    const cause = message.cause instanceof Error ? message.cause.message : message.reason;
    const offset = formulaErrorOffset(body, message, start?.offset, end?.offset);
    const lineStart = offset === undefined ? 0 : body.lastIndexOf('\n', offset - 1) + 1;
    problems.push({
      ...(offset === undefined ? at(start?.line, start?.column) : at(countLines(body, offset), offset - lineStart + 1)),
      kind: 'math-katex',
      message: `LaTeX: ${explainKatexError(cause, { placed: offset !== undefined, source: offset === undefined ? undefined : body.slice(offset) })}`,
    });
  }
  for (const command of new Set(refusedCommands)) {
    const node = mathNodes.find((candidate) => 'value' in candidate && candidate.value.includes(command));
    problems.push({
      ...at(node?.position?.start.line, node?.position?.start.column),
      kind: 'math-command-refused',
      message: `LaTeX: ${command} is not allowed (math may not contain links, HTML attributes or images)`,
    });
  }
  for (const link of linksWithoutText(hast)) {
    problems.push({
      ...at(link.position?.start.line, link.position?.start.column),
      kind: 'link-no-text',
      message: `A link's text has no letter or digit once its math is typeset (${link.shown ? `only "${shortened(link.shown, 40)}"` : 'nothing'}): a screen reader names a link by its text, and a reader sees what to click by it. Write words that say where it leads, as in [the code](https://…).`,
    });
  }
  if (problems.length > 0) return { problems };

  const html = renderer.stringify(hast);
  if (html.length > MAX_RENDERED_BYTES) {
    return {
      problems: [
        {
          ...at(undefined),
          kind: 'body-too-large',
          message: `renders to ${Math.round(html.length / 1000)} KB of HTML (at most ${MAX_RENDERED_BYTES / 1000} KB): simplify the math.`,
        },
      ],
    };
  }
  const { text, prose, textLines } = plainText(tree, body);
  return { problems, rendered: { html, hasMath, text, ...excerptOf(hast) }, textLines, prose };
}

/**
 * TeX reads between a command and its brace group what it skips: spaces, one line break (a blank
 * line would be a paragraph, \\par) and `%` comments to the end of their line, so
 * `\\input % file\n  {x}` is `\\input{x}`. Each character is read one way (a comment runs to its
 * line's end), so a failed match backtracks little.
 */
const TEX_SKIPPED = String.raw`(?:[ \t\r]|%[^\n]*(?=\n|$)|\n(?![ \t\r]*(?:\n|$)))*`;
const TEX_BEFORE_BRACE = new RegExp(String.raw`(?:\\[A-Za-z]+\d*${TEX_SKIPPED})+(?=\{$)`);
/** How far before its brace group a command is looked for (bounds the backward match). */
const TEX_BEFORE_BRACE_REACH = 1_000;

/**
 * The TeX commands (`\\immediate\\write18`, `\\textsc`) before the brace group open at the body's
 * `line` and `column` (1-based; a place inside the group), across what TeX skips between them
 * and the brace, with the line and column of the first command; undefined when the group has
 * no command before it.
 */
function texBeforeBraces(
  body: string,
  line: number,
  column: number,
): { tex: string; line: number; column: number } | undefined {
  const lines = body.split('\n');
  let offset = column - 1;
  for (const text of lines.slice(0, line - 1)) offset += text.length + 1;
  // The brace group the place is in: the last `{` before it that is not closed before it.
  let open = -1;
  for (let index = Math.min(offset, body.length) - 1, depth = 0; index >= 0 && open === -1; index--) {
    if (body[index] === '}') depth++;
    else if (body[index] === '{' && depth-- === 0) open = index;
  }
  if (open === -1) return undefined;
  const from = Math.max(0, open - TEX_BEFORE_BRACE_REACH);
  const found = TEX_BEFORE_BRACE.exec(body.slice(from, open + 1));
  if (!found) return undefined;
  const at = from + found.index;
  const before = body.slice(0, at).split('\n');
  return {
    tex: found[0].replace(/%[^\n]*/g, '').replace(/\s+/g, ''),
    line: before.length,
    column: before.at(-1)!.length + 1,
  };
}

/** How an abstract marks up text, said where TeX was written instead. */
const BODY_MARKUP = 'Markdown for *emphasis*, **bold**, `code` and [links](https://…)';

/**
 * KaTeX's message, without its prefix, and without advice about settings a contributor cannot
 * change. `placed`: the problem names the error's own line and column in the file, so KaTeX's
 * `at position 11: x \over y \̲o̲v̲e̲r̲` (the place again, underlined with combining marks) goes.
 */
function explainKatexError(message: string, { placed, source }: { placed: boolean; source?: string }): string {
  const explained = message
    .replace(/^KaTeX parse error: /, '')
    // A strict-mode setting the contributor cannot change, and the rule's code name, go.
    .replace(/^LaTeX-incompatible input and strict mode is set to 'error': ([\s\S]*?) \[\w+\]/, '$1')
    // KaTeX names a character by its first UTF-16 unit (`"\ud83d" (55357)`, half of 😀's pair):
    // the whole character is the one at the error's place in the file.
    .replace(/^Unrecognized Unicode character "[\s\S]*?" \((\d+)\)/, (_whole, unit: string) => {
      const char = unrecognizedCharacter(Number(unit), source);
      const named = char
        ? `"${char}" (${codePointName(char)})`
        : 'a character beyond U+FFFF (an emoji or a rare letter)';
      return `KaTeX has no glyph for ${named} in math, nor in \\text{…}: write it in the text outside the $…$, or say it in words`;
    })
    // An allowed command KaTeX knows in text only (`\textdollar`): say where it works.
    .replace(/^Undefined control sequence: (\\[A-Za-z]+) at position \d+: [\s\S]*$/, (whole, command: string) =>
      ALLOWED_COMMANDS.has(command)
        ? `${command} is a text command: write it inside \\text{…} (\\text{${command}})`
        : whole,
    )
    // TeX's caret notation (`x^^5c`, a backslash): KaTeX reads no such character, only a `^` with nothing after it.
    .replace(/^Expected group after '\^'[\s\S]*$/, (whole) =>
      source?.startsWith('^^') || whole.includes('^\u0332^')
        ? `\`^^\` is not allowed in math: ${CARET_NOTATION}`
        : whole,
    )
    .replace(
      /^Too many expansions: infinite loop or need to increase maxExpand setting/,
      `Too many expansions (more than ${katexOptions.maxExpand} steps of KaTeX's own macros): shorten the formula`,
    );
  return placed ? explained.replace(/ at position \d+: [\s\S]*$/, '') : explained;
}

/**
 * The character KaTeX could not typeset, named by its first UTF-16 unit: the whole code point at
 * the error's place when it starts with that unit; else that unit, unless it is half of a pair.
 */
function unrecognizedCharacter(unit: number, source: string | undefined): string | undefined {
  if (source !== undefined && source.charCodeAt(0) === unit) return String.fromCodePoint(source.codePointAt(0)!);
  return unit >= 0xd800 && unit <= 0xdfff ? undefined : String.fromCharCode(unit);
}

/** Whether an inline math node was written `$$…$$` (display math inside a paragraph). */
function isDoubleDollar(node: MdastNodes, body: string): boolean {
  const offset = node.position?.start.offset;
  return node.type === 'inlineMath' && offset !== undefined && body.startsWith('$$', offset);
}

/**
 * Puts every formula in the form the typesetter reads, and returns them: `$$…$$` inside a paragraph
 * is marked display math, and a ```` ```math ```` fence becomes a display math node, so that it
 * goes through the same rules as `$$…$$` (a fence is otherwise a code block that KaTeX typesets).
 */
function markDisplayMath(tree: MdastRoot, body: string): MdastNodes[] {
  const formulas: MdastNodes[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' && node.lang?.toLowerCase() === 'math' && parent && index !== undefined) {
      const math: MdastNodes = {
        type: 'math',
        value: node.value,
        meta: null,
        position: node.position,
        data: {
          hName: 'pre',
          hChildren: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-display'] },
              children: [{ type: 'text', value: node.value }],
            },
          ],
        },
      };
      parent.children.splice(index, 1, math as never);
      formulas.push(math);
      return;
    }
    if (node.type === 'math' || node.type === 'inlineMath') formulas.push(node);
    if (node.type === 'inlineMath' && isDoubleDollar(node, body)) {
      node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
    }
  });
  return formulas;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` of at most `length` UTF-16 code units that ends between two
 * characters as a reader sees them (grapheme clusters): never half of a surrogate pair, a letter
 * without its accent, or half of an emoji sequence.
 */
export function wholeCharacters(text: string, length: number): string {
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The card excerpt as HTML, and whether it holds a formula. */
function excerptOf(tree: HastRoot): Pick<RenderedBody, 'excerptHtml' | 'excerptHasMath'> {
  const cut = excerpt(tree);
  let excerptHasMath = false;
  visit(cut, (node) => {
    if (isRawMath(node)) excerptHasMath = true;
  });
  return { excerptHtml: renderer.stringify(cut), excerptHasMath };
}

/** Elements that hold blocks: a list item with one of these is not a run of text itself. */
const BLOCK_HOLDERS = new Set([
  'p',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'table',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Whether a node is display math, which a card does not show. */
const isDisplayMath = (node: Element['children'][number]) => isRawMath(node) && Boolean(node.data.display);

/**
 * The first run of text of the abstract, in reading order: a paragraph, or a list item of text
 * (an abstract may open with a list), with something besides display math in it.
 */
function firstRunOfText(tree: HastRoot): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (found) return EXIT;
    const run =
      node.tagName === 'p' ||
      (node.tagName === 'li' &&
        !node.children.some((child) => child.type === 'element' && BLOCK_HOLDERS.has(child.tagName)));
    if (!run) return undefined;
    const shown = node.children.filter((child) => !isDisplayMath(child));
    if (shown.some((child) => isRawMath(child) || toText(child).trim() !== '')) found = node;
    return found ? EXIT : SKIP;
  });
  return found;
}

/**
 * The first run of text (a paragraph, or a list item), as a paragraph cut after about
 * EXCERPT_LENGTH characters at a word boundary. Inline elements (typeset formulas, links,
 * emphasis) are kept whole or left out, never cut in half, so the excerpt needs no second KaTeX
 * pass and shows no half-formula.
 */
function excerpt(tree: HastRoot): HastRoot {
  const first = firstRunOfText(tree);
  if (!first) return { type: 'root', children: [] };
  const children: Element['children'] = [];
  let length = 0;
  for (const child of first.children) {
    // Display math set inside the paragraph ends the excerpt: a card shows text and inline math.
    // Before any text, it is left out (`$$x$$ holds for…`).
    if (isDisplayMath(child)) {
      if (children.every((kept) => !isRawMath(kept) && toText(kept).trim() === '')) {
        children.length = 0;
        continue;
      }
      children.push({ type: 'text', value: ' …' });
      break;
    }
    // A typeset formula counts as long as its TeX: what a reader sees of it, roughly.
    const size = isRawMath(child) ? child.data.tex.length : toText(child).length;
    if (length + size <= EXCERPT_LENGTH) {
      children.push(child);
      length += size;
      continue;
    }
    if (child.type === 'text') {
      const room = child.value.slice(0, EXCERPT_LENGTH - length);
      const cut = room.lastIndexOf(' ');
      const kept = cut > 0 ? room.slice(0, cut) : wholeCharacters(child.value, room.length);
      children.push({ type: 'text', value: `${kept.trimEnd()}…` });
    } else {
      children.push({ type: 'text', value: ' …' });
    }
    break;
  }
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children }] };
}

/**
 * Every node a paper may not have, with why; `offset`, where in the body the problem is when that
 * is not where the node starts (a character reference inside it).
 */
function findUnsafeNodes(
  tree: MdastRoot,
  siteOrigin: string,
  body: string,
): { node: MdastNodes; kind: string; message: string; offset?: number }[] {
  const found: { node: MdastNodes; kind: string; message: string; offset?: number }[] = [];
  // The rest of a paragraph after a formula cut short by an escaped dollar (`$\$5$`): the `$`
  // meant to close it pairs with the next one, and so on, and each is that formula's problem.
  let afterCut = { from: 0, to: 0 };
  const paired = (offset: number | undefined) =>
    offset !== undefined && offset >= afterCut.from && offset < afterCut.to;
  // A reference link (`[text][r]`) shows its text and leads to its definition's address.
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const marked = new Set([...body.matchAll(FOOTNOTE_MARK)].map((match) => match[1]!));
  visit(tree, (node) => {
    if (node.type === 'linkReference') {
      const checked = checkLink(definitions.get(node.identifier) ?? '', siteOrigin);
      const problem = 'href' in checked ? linkTextHostProblem(textOf(node), checked.href) : undefined;
      if (problem) found.push({ node, kind: 'link-text-host', message: problem });
    }
    const decoded = holdsForbiddenCharacter(node)
      ? (forbiddenReference(body, node) ?? assembledFromReferences(body, node))
      : undefined;
    if (decoded) found.push({ node, kind: 'character-reference', ...decoded });
    const message = unsafeReason(node, siteOrigin);
    // unsafeReason is a rule for each type of node (an element, an image, a link).
    if (message) found.push({ node, kind: `unsafe-${node.type}`, message });
    if (node.type === 'paragraph') {
      for (const { offset, label } of footnotesIn(node, body, marked)) {
        found.push({ node, kind: 'footnote', message: footnoteAdvice(label), offset });
      }
    }
    // In the source, not the text: Markdown has already read `\"` of `G\"odel` as an escape.
    const start = node.type === 'text' ? node.position?.start.offset : undefined;
    if (start !== undefined) {
      const source = body.slice(start, node.position?.end.offset);
      // After a `$` that opens no math, TeX is the formula it meant to open: one problem, the `$`.
      const dollar = paired(start) ? undefined : strayDollar(source);
      const tex = texInProse(source.slice(0, dollar));
      if (tex) {
        found.push({
          node,
          kind: 'tex-in-prose',
          message: texInProseAdvice(tex.tex, BODY_MARKUP),
          offset: start + tex.index,
        });
      }
      if (dollar !== undefined)
        found.push({ node, kind: 'stray-dollar', message: strayDollarAdvice(true), offset: start + dollar });
    }
    if (node.type === 'inlineMath' && !isDoubleDollar(node, body) && !paired(node.position?.start.offset)) {
      const cut = cutByEscapedDollar(node, body);
      if (cut) afterCut = cut.rest;
      const amounts = cut ? undefined : amountsAsMath(node, body);
      if (cut) found.push({ node, kind: 'math-cut-by-escaped-dollar', message: cut.message });
      else if (amounts) found.push({ node, kind: 'amounts-as-math', message: amounts });
    }
  });
  return found;
}

/**
 * Why a `$…$` formula was closed early by an escaped dollar, or nothing: in TeX `\$` is a dollar
 * sign inside math, but Markdown ends `$…$` at any `$`, so `$\$5$` is the formula "\" and a stray
 * `$`. Told from amounts (`$5, or \$10`, amountsAsMath) by that stray `$`: the paragraph's rest
 * has an odd number of dollars, one of them meant to close the formula.
 */
function cutByEscapedDollar(
  node: MdastNodes,
  body: string,
): { message: string; rest: { from: number; to: number } } | undefined {
  const end = node.position?.end.offset;
  if (end === undefined || !('value' in node) || !/(?<!\\)\\(?:\\\\)*$/.test(node.value)) return undefined;
  const rest = body.slice(end).split(/\n[ \t]*\n/, 1)[0]!;
  const dollars = [...rest.matchAll(/(?<!\\)(?:\\\\)*\$/g)].length;
  if (dollars % 2 === 0) return undefined;
  return {
    message: `the formula "$${shortened(node.value, 30)}$" is closed by the "$" of "\\$": in $…$ any "$" closes the formula, escaped or not; write a dollar sign in math as \\text{\\textdollar} (in $$…$$ math, \\$ works)`,
    rest: { from: end, to: end + rest.length },
  };
}

/**
 * Why a `$…$` formula is amounts of money rather than math (`$5 and $10`, which Markdown pairs as
 * the formula "5 and "), or nothing when it is math.
 */
function amountsAsMath(node: MdastNodes, body: string): string | undefined {
  const end = node.position?.end.offset;
  if (end === undefined || !('value' in node)) return undefined;
  if (!looksLikeAmounts(node.value, body.slice(end))) return undefined;
  const digitsAfter = /^\d*/.exec(body.slice(end, end + 20))![0];
  const source = shortened(body.slice(node.position?.start.offset, end) + digitsAfter, 40);
  return `"${source}" is typeset as the formula "${shortened(node.value, 30)}", though it reads as amounts of money: write each dollar sign as \\$ (\\$5); if it is math, put no space before its closing "$" and no digit right after it`;
}

/**
 * Whether any string of a node (its text, a link's URL or title, a code block's language) holds a
 * character the raw-file scan refuses (characters.ts), or U+FFFD, which a reference to such a
 * character decodes to (`&#0;`). Each of them reaches the pages and the feeds.
 */
function holdsForbiddenCharacter(node: MdastNodes): boolean {
  return Object.entries(node).some(
    ([key, value]) =>
      key !== 'type' &&
      typeof value === 'string' &&
      (value.includes('\uFFFD') || findForbiddenCharacter(value, { multiline: true })),
  );
}

/** A character reference as CommonMark reads one: hexadecimal, decimal or named. */
const CHARACTER_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/**
 * The first character reference in a node's source (`&#x202E;`, `&rlm;`, `&#0;`) that names a
 * forbidden character, or a number past U+10FFFF that names none: the problem, and where it
 * begins. A number is judged by the code point it names, not by what micromark decodes it to: it
 * turns each one that is no character of HTML text (NUL and other controls, surrogates,
 * noncharacters, past U+10FFFF) into U+FFFD, so `&#0;` was published as a "�" in the abstract.
 * None when the character is written as itself, which the file's own scan reports (validate.ts), once.
 */
function forbiddenReference(body: string, node: MdastNodes): { message: string; offset: number } | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  const end = node.position?.end.offset ?? body.length;
  CHARACTER_REFERENCE.lastIndex = start;
  for (let match = CHARACTER_REFERENCE.exec(body); match && match.index < end;) {
    const [, hex, decimal, name] = match;
    const named = hex ? parseInt(hex, 16) : decimal ? parseInt(decimal, 10) : undefined;
    let decoded =
      named === undefined
        ? decodeNamedCharacterReference(name!)
        : decodeNumericCharacterReference(hex ?? decimal!, hex ? 16 : 10);
    // micromark's U+FFFD for a number that names no character: judge the number.
    if (named !== undefined && named !== 0xfffd && decoded === '\uFFFD') {
      if (named > 0x10ffff) {
        return {
          message: `contains a character reference to U+${named.toString(16).toUpperCase()}, past the last character (U+10FFFF), which is shown as "\uFFFD": write the character itself, or delete the reference.`,
          offset: match.index,
        };
      }
      decoded = String.fromCodePoint(named);
    }
    // One reference alone: a mark it names sits on what comes before (assembledFromReferences judges that).
    const bad = decoded ? findForbiddenCharacter(decoded, { multiline: true, fragment: true }) : undefined;
    if (bad) return { message: describeForbiddenCharacter(bad, 'a character reference'), offset: match.index };
    match = CHARACTER_REFERENCE.exec(body);
  }
  return undefined;
}

/**
 * What several character references make together though none is forbidden alone: a letter with
 * `&#x301;` written ten times carries ten combining marks. None when the node's own source already
 * holds it, which the file's own scan reports.
 */
function assembledFromReferences(body: string, node: MdastNodes): { message: string; offset: number } | undefined {
  const start = node.position?.start.offset;
  if (start === undefined) return undefined;
  if (findForbiddenCharacter(body.slice(start, node.position?.end.offset), { multiline: true })) return undefined;
  for (const [key, value] of Object.entries(node)) {
    const bad =
      key !== 'type' && typeof value === 'string' ? findForbiddenCharacter(value, { multiline: true }) : undefined;
    if (bad) return { message: describeForbiddenCharacter(bad, 'character references'), offset: start };
  }
  return undefined;
}

/** The 1-based line of `offset` in `text`. */
function countLines(text: string, offset: number): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/**
 * A code block's language as a language's name is written: a short word of ASCII letters and digits,
 * with + # . _ - inside it (`python`, `c++`, `objective-c`, `f#`). micromark takes any first word of
 * a fence's info string, and it is published as the `class` of the block's `<code>` on the page and
 * in the feeds: 5,000 letters of it, or `{.python}`, would be a class no language has.
 */
const MAX_LANGUAGE_LENGTH = 32;
const LANGUAGE_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9+#._-]{0,${MAX_LANGUAGE_LENGTH - 1}}$`);

/**
 * Whether an expression holds comments and nothing but white space: `{/* note *\/}`, MDX's own
 * comment (`{}` holds none). A scan, not a regular expression: `(\/\*…\*\/|…)*` backtracks
 * exponentially over many comments followed by code.
 */
function onlyComments(code: string): boolean {
  let comments = 0;
  for (let index = 0; index < code.length;) {
    if (/\s/.test(code[index]!)) index++;
    else if (code.startsWith('/*', index)) {
      const end = code.indexOf('*/', index + 2);
      if (end === -1) return false;
      index = end + 2;
      comments++;
    } else if (code.startsWith('//', index)) {
      const end = code.indexOf('\n', index);
      comments++;
      if (end === -1) break;
      index = end + 1;
    } else return false;
  }
  return comments > 0;
}

/**
 * Comments, `<!-- … -->` or MDX's `{/* … *\/}`. MDX's parser, stopped by the first, suggests the
 * second (MDX_COMMENT_NOTE), which the expression rule then refuses: neither is allowed, and the
 * advice says so for both.
 */
const COMMENT_ADVICE =
  'Comments (`<!-- … -->` or `{/* … */}`) are not allowed in a paper, which holds only the abstract readers see: delete the comment.';
/**
 * Where in the body a formula's error is: KaTeX's ParseError and a FormulaRefused count their
 * `position` in the formula's TeX (katex-raw.ts keeps it as the message's `actual`), found in the
 * formula's source after its opening `$`, `$$` or fence line. A formula whose TeX is not in its
 * source as written (inside a quote or a list, whose line prefixes it drops) keeps the
 * formula's start; so does an error without a position.
 */
function formulaErrorOffset(
  body: string,
  message: VFileMessage,
  start: number | undefined,
  end: number | undefined,
): number | undefined {
  const tex = message.actual;
  const position = (message.cause as { position?: unknown } | undefined)?.position;
  if (tex === undefined || typeof position !== 'number' || start === undefined || end === undefined) return undefined;
  const source = body.slice(start, end);
  const opening = /^(?:\$+|[`~]{3,}[^\n]*\n)/.exec(source)?.[0].length ?? 0;
  const at = source.indexOf(tex, opening);
  return at === -1 ? undefined : start + at + Math.min(position, tex.length);
}

/**
 * The places MDX's parser writes into its reasons (`` `<b>` (3:5-3:8) ``, `` (5:6) ``, `` (`x`,
 * 3:1-3:5) ``: unist's stringifyPosition) count lines of the body it parsed, not of the file: they
 * are rewritten as the file's lines, like the problem's own place. Columns stay, as the body
 * starts at a line's start.
 */
function placesInFile(reason: string, at: Place): string {
  const line = (bodyLine: string) => at(Number(bodyLine)).line;
  return reason.replace(
    PLACE_IN_REASON,
    (_, startLine: string, startColumn: string, endLine?: string, endColumn?: string) =>
      endLine === undefined
        ? `${line(startLine)}:${startColumn}`
        : `${line(startLine)}:${startColumn}-${line(endLine)}:${endColumn}`,
  );
}
const PLACE_IN_REASON = /(?<=\(|, )(\d+):(\d+)(?:-(\d+):(\d+))?(?=\))/g;

const MDX_COMMENT_NOTE = / \(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/;

/**
 * GFM's footnote definition, `[^label]:` (its label has no space or bracket), which this Markdown
 * does not have: read in the source, where an escaped `\[^1]:` is not one.
 */
const FOOTNOTE_DEFINITION = /\[\^([^\][\s]+)\]:/g;
/** A footnote's mark in the text, `[^label]` not followed by `:`. */
const FOOTNOTE_MARK = /\[\^([^\][\s]+)\](?!:)/g;
/**
 * A label as authors name a footnote: letters, digits, `-` and `_` (`1`, `a`, `note`, `fn-2`),
 * not a regular expression's class written as text (`[^a-z]:`, `[^A-Za-z0-9]:`, `[^\s]:`): a
 * range, a lone letter or digit before a hyphen, is in no footnote's name.
 */
const FOOTNOTE_LABEL = /^[\p{L}\p{N}_-]+$/u;
const CHARACTER_RANGE = /(?<![\p{L}\p{N}])[\p{L}\p{N}]-[\p{L}\p{N}]/u;
/**
 * What to write instead of the footnote `[^label]:`: the note in the text, or, where the text
 * means the characters (a regular expression's class, a footnote's syntax explained), the bracket
 * escaped, which GFM and this Markdown read as text.
 */
function footnoteAdvice(label: string): string {
  const mark = `[^${shortened(label.replace(/\s+/g, ' '), 40)}]`;
  return `Footnotes (\`${mark}: …\`) are not supported in an abstract: write the note in the text, in parentheses, and leave out its \`${mark}\` mark; to show \`${mark}:\` as written, escape its bracket: \`\\${mark}:\`.`;
}

/**
 * Where the footnote definitions in a paragraph start: a note of several words is no link
 * definition, and would be shown as written, `[^1]:` and all, on the paragraph's first line or
 * any other (a definition cannot interrupt a paragraph). Only in its text (not code or math),
 * where a line starts (after a quote's `>`), and with a footnote's label, or one the abstract
 * marks (`[^*]` in the text).
 */
function footnotesIn(
  paragraph: MdastNodes,
  body: string,
  marked: ReadonlySet<string>,
): { offset: number; label: string }[] {
  const found: { offset: number; label: string }[] = [];
  visit(paragraph, 'text', (node) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    for (const match of body.slice(start, node.position?.end.offset).matchAll(FOOTNOTE_DEFINITION)) {
      const label = match[1]!;
      const offset = start + match.index;
      const lineStart = Math.max(body.lastIndexOf('\n', offset - 1), body.lastIndexOf('\r', offset - 1)) + 1;
      const startsLine = offset === paragraph.position?.start.offset || /^[ \t>]*$/.test(body.slice(lineStart, offset));
      const isFootnote = marked.has(label) || (FOOTNOTE_LABEL.test(label) && !CHARACTER_RANGE.test(label));
      if (startsLine && isFootnote) found.push({ offset, label });
    }
  });
  return found;
}

/** Why an element (`<style>`, `<Chart>`) is refused, and what to write instead: one wording, parsed or not. */
function elementNotAllowed(name: string): string {
  return `JSX/HTML elements (<${name}>) are not allowed in a paper. Use Markdown: *emphasis*, **bold**, [text](https://…).`;
}

function unsafeReason(node: MdastNodes, siteOrigin: string): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return '`import`/`export` is not allowed in a paper: MDX code would run at build time. Abstracts are plain text and math.';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return onlyComments(node.value)
        ? COMMENT_ADVICE
        : '`{…}` expressions are not allowed in a paper. Escape a literal brace as `\\{`, or put math in $…$.';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementNotAllowed(node.name ?? '');
    case 'html':
      return 'Raw HTML is not allowed in a paper. Use Markdown instead.';
    case 'image':
    case 'imageReference':
      // Feed readers load an image from its host when the feed is read (a tracking pixel).
      return 'Images are not allowed in an abstract (feed readers would load it from its host as the feed is read): describe the figure in words, or link it as [figure](https://…).';
    // The paper's title is its page's one heading; an abstract's `#` or underlined line would
    // outrank it, on the page, in feeds and in the page's outline.
    case 'heading':
      return 'Headings (`#`, or a line underlined with `===` or `---`) are not allowed in an abstract: write it as paragraphs; a `---` under a line needs a blank line before it, or write it as text.';
    case 'thematicBreak':
      return 'Horizontal rules (`---`, `***`) are not allowed in an abstract: separate paragraphs with a blank line.';
    case 'link':
    case 'definition': {
      // GFM's footnote (`[^1]: note`), which this Markdown reads as a link definition whose
      // address is the note's first word: say what is not supported, not that "note" is no URL.
      if (node.type === 'definition' && node.label?.startsWith('^')) return footnoteAdvice(node.label.slice(1));
      const checked = checkLink(node.url, siteOrigin);
      if ('problem' in checked) return `Link URL "${shortened(node.url, 80)}" is not allowed: ${checked.problem}`;
      // Every output sees the URL as the WHATWG parser normalized it, and only that.
      node.url = checked.href;
      // The title (`[text](url "title")`, or a definition's for its reference links) is shown over
      // the link as its tooltip: it may name another site no more than the text may.
      const titleProblem = node.title ? linkTextHostProblem(node.title, checked.href, 'title') : undefined;
      return (node.type === 'link' ? linkTextHostProblem(textOf(node), checked.href) : undefined) ?? titleProblem;
    }
    case 'text':
      return ownSiteUrlIn(node.value, siteOrigin);
    case 'code': {
      // A forbidden character in it is that character's problem (findUnsafeNodes), said once.
      if (!node.lang || LANGUAGE_NAME.test(node.lang) || holdsForbiddenCharacter(node)) return undefined;
      const what =
        node.lang.length > MAX_LANGUAGE_LENGTH ? `${node.lang.length} characters long` : "no language's name";
      return `A code block's language (the word after \`\`\` or ~~~), "${shortened(node.lang, 40)}", is ${what}: write a name of at most ${MAX_LANGUAGE_LENGTH} letters, digits and + # . _ - (\`\`\`python, \`\`\`c++), or nothing after the fence.`;
    }
    default:
      return undefined;
  }
}

/**
 * The links of a rendered abstract whose text, as feeds and screen readers read it (math from its
 * MathML, see descriptionOfHtml), has no letter or digit: `[](…)`, `[ ](…)`, `[$\quad$](…)`.
 * Their accessible name is empty or says nothing (WCAG H30).
 */
function linksWithoutText(tree: HastRoot): { position: Element['position']; shown: string }[] {
  const found: { position: Element['position']; shown: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return undefined;
    const shown = descriptionOfHtml(renderer.stringify({ type: 'root', children: node.children }));
    if (!WORD_CHARACTER.test(shown)) found.push({ position: node.position, shown });
    return SKIP;
  });
  return found;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A link in an abstract leads to another site, over https, or to an e-mail address. The URL is
 * parsed once, by the WHATWG parser (as browsers do), and only its normalized form is kept. Refused:
 * relative, protocol-relative and `#fragment` links, and links to the digest's own host, by http or https (papers
 * link to papers through the site, which checks that they exist, not by URL); other schemes;
 * backslashes (a browser reads them as `/`, other tools do not) and user names or passwords (they
 * make a link look as if it led elsewhere); and a `%` that does not start an escape (tools that
 * decode the URL would fail).
 */
export function checkLink(url: string, siteOrigin: string): { href: string } | { problem: string } {
  const fullUrl = 'use a full https:// URL (or mailto:) to another site.';
  if (url.includes('\\')) return { problem: 'it contains a backslash, which browsers read as "/": write "/" instead.' };
  if (/%(?![0-9A-Fa-f]{2})/.test(url)) {
    return { problem: 'a "%" must start an escape of two hex digits: write %25 for a literal %.' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { problem: `it is not a full URL (relative and #fragment links are not allowed): ${fullUrl}` };
  }
  const ownSite = ownSiteLinkProblem(parsed, siteOrigin);
  if (ownSite) return { problem: `it ${ownSite}.` };
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return { problem: fullUrl };
  if (parsed.username || parsed.password) {
    return { problem: 'it contains a user name or password (before an "@"): leave them out.' };
  }
  // As in the frontmatter's links (schema.ts): a link leaves for a host on the web; an e-mail
  // address's domain is one too.
  const mail = parsed.protocol === 'mailto:' ? mailtoProblem(parsed) : undefined;
  if (typeof mail === 'string') return { problem: mail };
  const host = mail?.domain ?? parsed;
  const hostProblem = webHostProblem(host) ?? lookAlikeHostProblem(host);
  if (hostProblem) return { problem: `it ${hostProblem}.` };
  const dots = dotSegmentProblem(url, parsed);
  if (dots) return { problem: `it ${dots}.` };
  return { href: parsed.href };
}

/** The domain of a `mailto:` URL's one address, read as a mail client reads it (decoded); else undefined. */
function mailDomain(url: URL): string | undefined {
  try {
    return MAIL_ADDRESS.exec(decodeURIComponent(url.pathname))?.[1];
  } catch {
    // A `%` escape of no UTF-8 character (`%C3` alone) is no address.
    return undefined;
  }
}

/**
 * A `mailto:` link gives one address and nothing else. Header fields after `?` (`cc`, `bcc`,
 * `subject`, `body`) fill in the reader's message, as a hidden copy to another address; a second
 * address (`a@x.org,b@y.org`) or text that is no address (`mailto:javascript:alert(1)`) is not
 * the one address the text shows. The address's domain, as a URL whose host it is, is checked as
 * an https link's host; a phrase after "it", as checkLink's.
 */
function mailtoProblem(url: URL): string | { domain: URL } {
  const advice = 'a mailto: link is one e-mail address and nothing after it: write mailto:name@example.org';
  if (url.search || url.hash) {
    return `it has "${shortened(url.search + url.hash, 40)}" after the address, which would fill in the reader's message (cc, bcc, subject or body): ${advice}.`;
  }
  const domain = mailDomain(url);
  if (domain === undefined) return `"${shortened(url.pathname, 60)}" is not one e-mail address: ${advice}.`;
  try {
    return { domain: new URL(`https://${domain}/`) };
  } catch {
    return `"${shortened(domain, 60)}" is not an e-mail address's domain: ${advice}.`;
  }
}

/**
 * The text of a Markdown node as a reader sees it: its text, code and math, without the markup
 * around them; math without its commands and braces (`\\text{arxiv}.\\mathrm{org}` shows arxiv.org).
 */
function textOf(node: MdastNodes): string {
  if (node.type === 'inlineMath' || node.type === 'math') return node.value.replace(/\\(?:[A-Za-z]+|.)|[{}]/g, '');
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as MdastNodes)).join('') : '';
}

/**
 * The site a host belongs to, roughly: its last two labels (`export.arxiv.org` → `arxiv.org`), or
 * three under a country's second level (`www.ox.ac.uk` → `ox.ac.uk`). A site's own names
 * (`dx.doi.org` and `doi.org`, `ai.meta.com` and `llama.meta.com`) are one site.
 */
function siteOf(host: string): string {
  const labels = host.split('.');
  const secondLevel = labels.length >= 3 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3;
  return labels.slice(secondLevel ? -3 : -2).join('.');
}

/**
 * The hosts a link's text names: the whole text when it is a host in any spelling (`[ARXIV.ORG](…)`,
 * `[X.COM](…)`: it reads as the link's destination, and a browser goes there as to arxiv.org), and
 * each host among its words, in any spelling but a name's (hostsNamedIn): `[see arxiv.org now](…)`
 * shows arxiv.org as much as `[arxiv.org](…)`.
 */
function hostsOfText(text: string): string[] {
  const whole = hostNamedBy(text, { anyCase: true });
  return [...(whole === undefined ? [] : [whole]), ...hostsNamedIn(text)];
}

/**
 * Whether a dotted word a link's text names (`cs.cv`, `readme.md`, `train.py`, read as a host)
 * names a part of the link's own address instead: it is under a country's two-letter domain, as
 * `.md`, `.py`, `.rs`, `.cc` and arXiv's categories (`cs.CV`, `stat.ML`) are, and it is a segment
 * of the address's path or its fragment, read as the text is (hostsOfText), so without case.
 * `[cs.CV](https://arxiv.org/list/cs.CV/recent)` and `[README.md](…/blob/main/README.md)` name a
 * category and a file. A generic domain (`[arxiv.org](https://evil.example/arxiv.org)`) names its
 * host wherever it stands.
 */
function namesPartOfAddress(name: string, target: URL): boolean {
  if (target.protocol === 'mailto:' || !/\.[a-z]{2}$/.test(name)) return false;
  return [...target.pathname.split('/'), target.hash.slice(1)].some((segment) => {
    try {
      return hostsOfText(decodeURIComponent(segment)).includes(name);
    } catch {
      // A `%` escape of no UTF-8 character names nothing.
      return false;
    }
  });
}

/**
 * A link whose text names one site and leads to another: `[https://arxiv.org](https://evil.example/)`
 * or `[arxiv.org/abs/1706.03762](https://evil.example/)` shows a reader (and a feed reader, which
 * shows the text) an address the link does not go to. The text may name any host of the site the
 * link leads to (siteOf) and a part of its address (namesPartOfAddress); words (`[the code](…)`),
 * names written without spaces (`Yu.Li`) and names of files or libraries under no domain
 * (`Node.js`, `train.yaml`) name none.
 * A link's title (`part`: 'title') is read the same way: it is shown over the link as its words.
 */
function linkTextHostProblem(text: string, href: string, part: 'text' | 'title' = 'text'): string | undefined {
  const target = new URL(href);
  // An e-mail address's site is its domain's (checkLink took only one address).
  const targetHost = target.protocol === 'mailto:' ? (mailDomain(target) ?? '') : target.hostname;
  const host = new URL(`https://${targetHost}/`).hostname.replace(/^www\./, '');
  const named = hostsOfText(text).find((name) => siteOf(name) !== siteOf(host) && !namesPartOfAddress(name, target));
  if (named === undefined) return undefined;
  if (part === 'title') {
    return `Link title "${shortened(text, 80)}" names ${shortened(named, 80)}, but the link leads to ${shortened(host, 80)}: a link's title, shown over it as the link's own words, may name only the site it leads to, as its text may. Write what the link is in words, or leave the title out.`;
  }
  return `Link text "${shortened(text, 80)}" names ${shortened(named, 80)}, but the link leads to ${shortened(host, 80)}: a link's text may name only the site it leads to. Write what the link is in words, or link the address its text names.`;
}

/** A bare URL to the digest's own origin written in the text, which some tools make a link. */
function ownSiteUrlIn(text: string, siteOrigin: string): string | undefined {
  for (const [candidate] of text.matchAll(/https?:\/\/[^\s<>"'`]+/gi)) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    const ownSite = ownSiteLinkProblem(url, siteOrigin);
    if (ownSite) return `the URL "${shortened(candidate, 80)}" ${ownSite}.`;
  }
  return undefined;
}

/** Whether `url` may be a link in an abstract (see {@link checkLink}). */
export function isSafeUrl(url: string, siteOrigin = new URL(siteConfig.siteUrl).origin): boolean {
  return 'href' in checkLink(url, siteOrigin);
}

/** Nodes that stand apart from what comes before them: their first word is a word of its own. */
const APART = new Set([
  'paragraph',
  'listItem',
  'blockquote',
  'heading',
  'code',
  'math',
  'table',
  'tableRow',
  'tableCell',
]);

/**
 * The abstract as plain text: paragraphs joined by blank lines, math as `$TeX$`; list items, a
 * quote's paragraphs and display math inside a block are kept apart by a space ("one two", not
 * "onetwo"), for related papers and the search vocabulary read its words.
 */
function plainText(tree: MdastRoot, body: string): { text: string; prose: string; textLines: TextLines } {
  const blocks: string[] = [];
  const proseBlocks: string[] = [];
  const textLines: TextLines = [];
  const squeezed = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim();
  for (const block of tree.children) {
    const parts: string[] = [];
    const proseParts: string[] = [];
    visit(block, (node) => {
      if (APART.has(node.type)) [parts, proseParts].forEach((each) => each.push(' '));
      let part: string | undefined;
      let math = false;
      if (node.type === 'text') part = (node as { value: string }).value;
      else if (node.type === 'inlineCode') part = (node as { value: string }).value;
      else if (node.type === 'inlineMath') {
        const dollars = isDoubleDollar(node, body) ? '$$' : '$';
        [part, math] = [`${dollars}${(node as { value: string }).value}${dollars}`, true];
      } else if (node.type === 'math') [part, math] = [`$$${(node as { value: string }).value}$$ `, true];
      else if (node.type === 'break') part = ' ';
      if (part === undefined) return;
      parts.push(part);
      proseParts.push(math ? ' ' : part);
    });
    const textOfBlock = squeezed(parts);
    if (!textOfBlock) continue;
    blocks.push(textOfBlock);
    proseBlocks.push(squeezed(proseParts));
    textLines.push({ start: block.position?.start.line ?? 1, end: block.position?.end.line ?? 1 });
  }
  return { text: blocks.join('\n\n'), prose: proseBlocks.join('\n\n'), textLines };
}
