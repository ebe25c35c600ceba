import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-math';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { VFileMessage } from 'vfile-message';
import { isRawMath, rehypeKatexRaw } from './katex-raw.ts';
import type { ContentProblem } from './problems.ts';

/**
 * The safe-MDX pipeline: the one way a paper body becomes HTML, used by the build and the content
 * check. MDX syntax is parsed (so a contributor's file is valid MDX), but the tree is never
 * compiled or evaluated: any node that would be code (import/export, `{expressions}`, JSX) is
 * rejected with its position, as are raw HTML, images and URLs other than http(s)/mailto.
 * Math is typeset by KaTeX at build time; a KaTeX error or a refused command is a problem,
 * never the red text rehype-katex would silently leave in the page.
 */

export interface RenderedBody {
  html: string;
  /** True when the body contains math, so the page needs KaTeX's stylesheet. */
  hasMath: boolean;
  /** Plain text of the abstract, math kept as its TeX source between `$` signs. */
  text: string;
  /** The opening of the first paragraph as HTML, inline math typeset, for paper cards. */
  excerptHtml: string;
}

/** Characters of text in a card's excerpt before it is cut at a word boundary. */
export const EXCERPT_LENGTH = 280;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

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
  maxExpand: 1000,
  maxSize: 20,
} as const;

/**
 * Bump when the pipeline's output changes: the loader's cache keys include it, so every paper is
 * rendered again with the new rules.
 */
export const PIPELINE_VERSION = 5;

/** Longest formula accepted, in characters of TeX; a formula in an abstract is a line, not a page. */
export const MAX_FORMULA_LENGTH = 1000;
/** Largest rendered abstract, in bytes of HTML: KaTeX markup is verbose, but not this verbose. */
export const MAX_RENDERED_BYTES = 150_000;

/** Links in abstracts lead off the site: open them without giving the target a handle on us. */
function rehypeExternalLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') node.properties.rel = ['noopener', 'noreferrer'];
    });
  };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);
const renderer = unified()
  .use(remarkRehype)
  .use(rehypeExternalLinks)
  .use(rehypeKatexRaw, katexOptions)
  // The only raw HTML in the tree is KaTeX's (Markdown's raw HTML is refused before this).
  .use(rehypeStringify, { allowDangerousHtml: true });

interface RenderContext {
  file: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
}

export function renderPaperBody(
  body: string,
  { file, bodyLine }: RenderContext,
): { rendered?: RenderedBody; problems: ContentProblem[] } {
  const at = (line: number | undefined, column?: number) => ({
    file,
    line: (line ?? 1) + bodyLine - 1,
    ...(column ? { column } : {}),
    field: 'body',
  });

  try {
    return render(body, at);
  } catch (error) {
    // Deeply nested input (brackets, quotes, \frac in \frac…) can overflow the parser's stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
    return { problems: [{ ...at(1), message: `could not be processed: ${reason}. Simplify the abstract.` }] };
  }
}

function render(
  body: string,
  at: (line: number | undefined, column?: number) => Omit<ContentProblem, 'message'>,
): { rendered?: RenderedBody; problems: ContentProblem[] } {
  let tree: MdastRoot;
  try {
    tree = parser.parse(body);
    parser.runSync(tree);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const place = (error as VFileMessage).place;
    const start = place && 'start' in place ? place.start : place;
    const reason = (error as VFileMessage).reason ?? String(error);
    return {
      problems: [
        {
          ...at(start?.line, start?.column),
          message: `MDX syntax: ${reason} (to show a literal \`{\`, \`}\`, \`<\` or \`>\`, escape it with a backslash or put math in $…$)`,
        },
      ],
    };
  }

  const problems = findUnsafeNodes(tree).map(({ node, message }) => ({
    ...at(node.position?.start.line, node.position?.start.column),
    message,
  }));
  if (problems.length > 0) return { problems };

  let hasMath = false;
  const mathNodes: MdastNodes[] = [];
  visit(tree, ['inlineMath', 'math'], (node) => {
    hasMath = true;
    mathNodes.push(node as MdastNodes);
    const { value } = node as { value: string };
    if (value.length > MAX_FORMULA_LENGTH) {
      problems.push({
        ...at(node.position?.start.line, node.position?.start.column),
        message: `LaTeX: a formula of ${value.length} characters is too long (at most ${MAX_FORMULA_LENGTH}).`,
      });
    }
  });
  if (problems.length > 0) return { problems };

  refusedCommands = [];
  const vfile = { messages: [] as VFileMessage[] };
  const hast = renderer.runSync(tree, vfile as never) as HastRoot;
  for (const message of vfile.messages) {
    const start = message.place && 'start' in message.place ? message.place.start : message.place;
    const cause = message.cause instanceof Error ? message.cause.message : message.reason;
    problems.push({
      ...at(start?.line, start?.column),
      message: `LaTeX: ${cause.replace(/^KaTeX parse error: /, '')}`,
    });
  }
  for (const command of new Set(refusedCommands)) {
    const node = mathNodes.find((candidate) => 'value' in candidate && candidate.value.includes(command));
    problems.push({
      ...at(node?.position?.start.line, node?.position?.start.column),
      message: `LaTeX: ${command} is not allowed (math may not contain links, HTML attributes or images)`,
    });
  }
  if (problems.length > 0) return { problems };

  const html = renderer.stringify(hast);
  if (html.length > MAX_RENDERED_BYTES) {
    return {
      problems: [
        {
          ...at(1),
          message: `renders to ${Math.round(html.length / 1000)} KB of HTML (at most ${MAX_RENDERED_BYTES / 1000} KB): simplify the math.`,
        },
      ],
    };
  }
  return {
    problems,
    rendered: { html, hasMath, text: plainText(tree), excerptHtml: renderer.stringify(excerpt(hast)) },
  };
}

/**
 * The first paragraph, cut after about EXCERPT_LENGTH characters at a word boundary. Inline
 * elements (typeset formulas, links, emphasis) are kept whole or left out, never cut in half,
 * so the excerpt needs no second KaTeX pass and shows no half-formula.
 */
function excerpt(tree: HastRoot): HastRoot {
  const first = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  if (!first) return { type: 'root', children: [] };
  const children: Element['children'] = [];
  let length = 0;
  for (const child of first.children) {
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
      children.push({ type: 'text', value: `${(cut > 0 ? room.slice(0, cut) : room).trimEnd()}…` });
    } else {
      children.push({ type: 'text', value: ' …' });
    }
    break;
  }
  return { type: 'root', children: [{ ...first, children }] };
}

function findUnsafeNodes(tree: MdastRoot): { node: MdastNodes; message: string }[] {
  const found: { node: MdastNodes; message: string }[] = [];
  visit(tree, (node) => {
    const message = unsafeReason(node as MdastNodes);
    if (message) found.push({ node: node as MdastNodes, message });
  });
  return found;
}

function unsafeReason(node: MdastNodes): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return '`import`/`export` is not allowed in a paper: MDX code would run at build time. Abstracts are plain text and math.';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return '`{…}` expressions are not allowed in a paper. Escape a literal brace as `\\{`, or put math in $…$.';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return `JSX/HTML elements (<${node.name ?? ''}>) are not allowed in a paper. Use Markdown: *emphasis*, **bold**, [text](https://…).`;
    case 'html':
      return 'Raw HTML is not allowed in a paper. Use Markdown instead.';
    case 'image':
    case 'imageReference':
      return 'Images are not allowed in an abstract.';
    case 'link':
    case 'definition':
      return isSafeUrl(node.url)
        ? undefined
        : `Link URL "${node.url.slice(0, 80)}" is not allowed: use a full https:// (or http://, mailto:) URL.`;
    default:
      return undefined;
  }
}

export function isSafeUrl(url: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(url.trim()).protocol);
  } catch {
    return false; // relative or malformed: abstracts only link out, with absolute URLs
  }
}

/** The abstract as plain text: paragraphs joined by blank lines, math as `$TeX$`. */
function plainText(tree: MdastRoot): string {
  const blocks: string[] = [];
  for (const block of tree.children) {
    const parts: string[] = [];
    visit(block, (node) => {
      if (node.type === 'text') parts.push((node as { value: string }).value);
      else if (node.type === 'inlineCode') parts.push((node as { value: string }).value);
      else if (node.type === 'inlineMath') parts.push(`$${(node as { value: string }).value}$`);
      else if (node.type === 'math') parts.push(`$$${(node as { value: string }).value}$$`);
      else if (node.type === 'break') parts.push(' ');
    });
    const textOfBlock = parts.join('').replace(/\s+/g, ' ').trim();
    if (textOfBlock) blocks.push(textOfBlock);
  }
  return blocks.join('\n\n');
}
