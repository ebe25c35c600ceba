import { getParser } from '@unified-latex/unified-latex-util-parse';
import { printRaw } from '@unified-latex/unified-latex-util-print-raw';
import { latex2unicode } from 'unicode2latex';
import { isSafeUrl } from './pipeline.ts';

/**
 * TeX outside math, as arXiv gives it in titles, author names and abstracts (`\emph{…}`,
 * `G\"odel`, `{\"o}`, ``` ``quotes'' ```, `--`, `\url{…}`), turned into what it prints: Unicode
 * characters (from unicode2latex's LaTeX-to-Unicode table) and, in an abstract, the Markdown of
 * emphasis, bold, code and links. Published as written, `\emph{sparse}` would show its backslash
 * and braces on the page and in feeds, and `G\"odel` would fail the author rules.
 *
 * unified-latex parses the TeX (macros with their arguments, groups, text); this file only maps
 * that tree to text. A command with no faithful form (`\cite{…}`, `\footnote{…}`, `\ref{…}`, a
 * name that is not in the table) is kept as written and listed in `unknown`, so that new-paper
 * can stop and say what to write instead: dropping it would drop words, keeping it would publish TeX.
 */

/** Converted text: characters (Markdown-escaped later) or Markdown syntax, kept as it is. */
export type TexPiece = { text: string } | { markdown: string };

export interface TexText {
  pieces: TexPiece[];
  /** Commands with no faithful form, as written (`\cite{foo}`), in order. */
  unknown: string[];
}

/** `markdown`: an abstract, where emphasis, code and links have a form; `plain`: a title or a name. */
export type TexMode = 'markdown' | 'plain';

/** Accents written with a symbol (`\"o`, `\'e`) or a letter (`\c{c}`, `\H o`): a combining mark each. */
const ACCENTS = ['"', "'", '`', '^', '~', '=', '.', 'H', 'c', 'k', 'r', 'u', 'v', 'd', 'b', 't'];
/** Accents unicode2latex has no combining mark for: bar-under and tie. */
const EXTRA_ACCENTS: Record<string, string> = { b: '\u0331', t: '\u0361' };

/** The parser, told that each accent takes an argument (`\"odel`: the accent and `odel`). */
const parser = getParser({ macros: Object.fromEntries(ACCENTS.map((name) => [name, { signature: 'm' }])) });
type Node = ReturnType<typeof parser.parse>['content'][number];
type Macro = Extract<Node, { type: 'macro' }>;

type Font = 'emphasis' | 'strong' | 'code' | 'plain';
/** Font commands, by the Markdown they become; `plain` keeps the words only (small caps, roman, …). */
const FONT_COMMANDS: Record<string, Font> = {
  emph: 'emphasis',
  textit: 'emphasis',
  textsl: 'emphasis',
  textbf: 'strong',
  texttt: 'code',
  textsc: 'plain',
  textrm: 'plain',
  textsf: 'plain',
  textup: 'plain',
  textmd: 'plain',
  textnormal: 'plain',
  mbox: 'plain',
  text: 'plain',
};
/** Old-style switches at the start of a group: `{\em word}`, `{\bf word}`. */
const FONT_SWITCHES: Record<string, Font> = {
  em: 'emphasis',
  it: 'emphasis',
  sl: 'emphasis',
  bf: 'strong',
  tt: 'code',
  sc: 'plain',
  rm: 'plain',
  sf: 'plain',
  normalfont: 'plain',
};
/** Commands that print nothing. */
const SILENT = new Set(['/', '@', '-', 'relax', 'protect', 'noindent', 'xspace', 'null', 'ignorespaces']);
/** Commands that print a name the table lacks. */
const LOGOS: Record<string, string> = { LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX' };
/** Escaped characters, `\%` and the like, print themselves. */
const ESCAPES = new Set(['%', '&', '$', '#', '_', '{', '}']);

const NO_BREAK_SPACE = '\u00A0';

/** Converts TeX text (no math in it: the caller splits math off first). */
export function texText(source: string, mode: TexMode): TexText {
  // The parser and the converter go one level deeper for each group: a few thousand nested groups
  // overflowed the stack, and new-paper stopped with a stack trace. No title, name or abstract
  // nests its groups this deep, so such TeX has no form on the page: it is kept and reported.
  if (groupDepth(source) > MAX_GROUP_DEPTH) return { pieces: [{ text: source }], unknown: [TOO_DEEP] };
  // arXiv's text is not a TeX file: a `%` there is a percent sign, not a comment to the end of the line.
  const escaped = source.replace(/(?<!\\)((?:\\\\)*)%/g, '$1\\%');
  // The parser drops the spaces at either end, which here sit next to math: they are kept around it.
  const [, leading = '', trailing = ''] = /^(\s*)[\s\S]*?(\s*)$/.exec(escaped)!;
  const converter = new Converter(escaped, mode);
  const pieces = [{ text: leading }, ...converter.nodes(parser.parse(escaped).content), { text: trailing }];
  return {
    pieces: mergePieces(pieces).filter((piece) => !('text' in piece) || piece.text !== ''),
    unknown: converter.unknown,
  };
}

/** How deep texText reads groups (`{…}`, `\emph{…}`); real text nests a handful. */
export const MAX_GROUP_DEPTH = 64;

/** What texText lists as unknown for TeX nested deeper than MAX_GROUP_DEPTH. */
export const TOO_DEEP = `{…} nested more than ${MAX_GROUP_DEPTH} deep`;

/** How deep the groups of `source` nest; an escaped brace (`\{`) opens none. */
function groupDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** A title's or a name's TeX as plain characters; `unknown` as in texText. */
export function texPlainText(source: string): { text: string; unknown: string[] } {
  const { pieces, unknown } = texText(source, 'plain');
  return { text: piecesText(pieces), unknown };
}

class Converter {
  readonly unknown: string[] = [];
  readonly source: string;
  readonly mode: TexMode;

  constructor(source: string, mode: TexMode) {
    this.source = source;
    this.mode = mode;
  }

  nodes(nodes: readonly Node[]): TexPiece[] {
    const pieces: TexPiece[] = [];
    let index = 0;
    while (index < nodes.length) {
      const node = nodes[index]!;
      const run = this.textRun(nodes, index);
      if (run > index) {
        // Text as the source has it, so that ligatures and ties see the characters around them.
        const start = nodes[index]!.position!.start.offset;
        pieces.push({ text: this.text(start, nodes[run - 1]!.position!.end.offset) });
        index = run;
      } else if (node.type === 'whitespace' || node.type === 'parbreak') {
        pieces.push({ text: ' ' });
        index += 1;
      } else if (node.type === 'string') {
        pieces.push({ text: node.content });
        index += 1;
      } else if (node.type === 'group') {
        pieces.push(...this.group(node.content));
        index += 1;
      } else if (node.type === 'macro') {
        const { pieces: converted, used } = this.macro(node, nodes, index + 1);
        pieces.push(...converted);
        index += 1 + used;
      } else {
        // An environment, `\verb`, `\(…\)`: no faithful form outside math.
        const { position } = node;
        pieces.push(
          this.unknownTex(position ? this.source.slice(position.start.offset, position.end.offset) : printRaw(node)),
        );
        index += 1;
      }
    }
    return pieces;
  }

  /** The end of the text (strings, spaces, escaped characters) that starts at `start`, with positions. */
  textRun(nodes: readonly Node[], start: number): number {
    let end = start;
    for (; end < nodes.length; end++) {
      const node = nodes[end]!;
      const isText =
        node.type === 'string' ||
        node.type === 'whitespace' ||
        (node.type === 'macro' && ESCAPES.has(node.content) && !node.args);
      if (!isText || !node.position) break;
    }
    return end;
  }

  /** The source from `start` to `end`, plain text: TeX's ligatures, quotes, ties and escapes as what they print. */
  text(start: number, end: number): string {
    const source = this.source;
    const pattern = /https?:\/\/[^\s{}]+|--+>|<-+|---|--|``|''|`[^`']*'|~|\\([%&$#_{}])/gu;
    return source.slice(start, end).replace(pattern, (match: string, escaped: string | undefined, at: number) => {
      const before = source[start + at - 1] ?? '';
      if (escaped) return escaped;
      if (match.startsWith('http')) {
        // A bare address is kept as written: TeX's ligatures (`--`) and ties (`~`) are not its own.
        if (!/[\p{L}\p{N}]/u.test(before)) return match.replace(/\\([%&$#_{}])/g, '$1');
        return match.slice(0, 4) + this.text(start + at + 4, start + at + match.length);
      }
      if (match.startsWith('<') || match.endsWith('>')) return match; // an arrow, not a dash
      if (match === '---') return '—';
      if (match === '--') return '–';
      if (match === '``') return '“';
      if (match === "''") return '”';
      if (match.startsWith('`')) return `‘${this.text(start + at + 1, start + at + match.length - 1)}’`;
      // A tie (`Fig.~1`, `et al.~[3]`) between a word and what follows is a no-break space;
      // anywhere else (`~100 samples`, `(~10%)`) it is the tilde that the author meant.
      const after = source[start + at + 1] ?? '';
      return /[\p{L}\p{N}.]/u.test(before) && /\S/.test(after) ? NO_BREAK_SPACE : '~';
    });
  }

  /** A `{…}` group: braces that only group commands (`{\"o}`, `{\em x}`) print nothing. */
  group(content: readonly Node[]): TexPiece[] {
    const first = content[0];
    if (first?.type === 'macro' && FONT_SWITCHES[first.content] && !first.args) {
      const rest = content.slice(1);
      while (rest[0]?.type === 'whitespace') rest.shift();
      return this.styled(FONT_SWITCHES[first.content]!, this.nodes(rest));
    }
    if (first === undefined || first.type === 'macro') return this.nodes(content);
    // Any other braces are text as arXiv shows it (`{previous}`).
    return [{ text: '{' }, ...this.nodes(content), { text: '}' }];
  }

  /**
   * A command, and how many of the nodes after it (from `next`) it took: the empty group that
   * ends a name (`\ss{}`), or the arguments of a command the parser does not know.
   */
  macro(node: Macro, nodes: readonly Node[], next: number): { pieces: TexPiece[]; used: number } {
    const name = node.content;
    const done = (pieces: TexPiece[], used = 0) => ({ pieces, used });
    const args = (node.args ?? []).filter((arg) => arg.openMark === '{').map((arg) => arg.content);
    const emptyGroup = () => (nodes[next]?.type === 'group' && nodes[next].content.length === 0 ? 1 : 0);

    // The parser reads an unclosed brace (`\emph{a`, `\url{http://…`) as an argument holding a
    // lone "{": the command has no argument, and TeX would stop there. Reported as written.
    const unclosed = (node.args ?? []).findIndex((arg) => arg.openMark === '{' && printRaw(arg.content) === '{');
    if (unclosed !== -1) {
      const written = `\\${name}${node
        .args!.slice(0, unclosed)
        .map((arg) => printRaw(arg))
        .join('')}{`;
      return done([this.unknownTex(written)]);
    }
    // An accent without its letter is reported below: its table entry is a lone combining mark.
    const accented = ACCENTS.includes(name) && args[0] ? accent(name, piecesText(this.nodes(args[0]))) : undefined;
    if (accented !== undefined) return done([{ text: accented }]);
    if (ESCAPES.has(name)) return done([{ text: name }]);
    if (name === '\\' || name === ' ' || name === '\n') return done([{ text: ' ' }]);
    if (name === ',') return done([{ text: '\u2009' }]);
    const font = FONT_COMMANDS[name];
    if (font && args[0]) return done(this.styled(font, this.nodes(args[0])));
    const url = args[0] && rawUrl(args[0]);
    if (name === 'url' && url) return done(this.link(url, [{ text: url }]));
    if (name === 'href' && url && args.length === 2) return done(this.link(url, this.nodes(args[1]!)));
    if (SILENT.has(name)) return done([], emptyGroup());
    const printed = LOGOS[name] ?? (/^[a-zA-Z]+$/.test(name) && !ACCENTS.includes(name) ? symbol(name) : undefined);
    if (printed !== undefined) return done([{ text: printed }], emptyGroup());

    // No faithful form: keep it as written (with its arguments) and report it.
    let used = 0;
    if (!node.args) while (nodes[next + used]?.type === 'group') used++;
    const written = [node, ...nodes.slice(next, next + used)].map((part) => printRaw(part)).join('');
    return done([this.unknownTex(written)], used);
  }

  unknownTex(written: string): TexPiece {
    this.unknown.push(written);
    return { text: written };
  }

  styled(font: Font, pieces: TexPiece[]): TexPiece[] {
    if (this.mode === 'plain' || font === 'plain') return pieces;
    const inner = mergePieces(pieces);
    const text = piecesText(inner);
    if (!text.trim()) return inner;
    if (font === 'code') {
      // A code span shows its content as written; a longer run of backticks than any inside it.
      const value = inner.map((piece) => ('text' in piece ? piece.text : '')).join('');
      const fence = '`'.repeat(Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length)) + 1);
      const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
      return [{ markdown: `${fence}${pad}${value}${pad}${fence}` }];
    }
    // Emphasis cannot start or end with a space: the spaces go outside it.
    const marker = font === 'strong' ? '**' : '*';
    const leading = /^\s*/.exec(text)![0];
    const trailing = /\s*$/.exec(text)![0];
    const trimmed = trimPieces(inner, leading.length, trailing.length);
    return [
      ...(leading ? [{ text: leading }] : []),
      { markdown: marker },
      ...trimmed,
      { markdown: marker },
      ...(trailing ? [{ text: trailing }] : []),
    ];
  }

  link(url: string, label: TexPiece[]): TexPiece[] {
    if (this.mode === 'plain') return label;
    // An address the check would not take as a link (`http://`: isSafeUrl, the check's own rule)
    // is shown as text, as written: `\url{…}` the address, `\href{…}{demo}` the text and then the
    // address, so that no word arXiv gives is lost. As text it is still judged where it leads
    // (validate.ts, bareAddressProblems): a name without a dot or an IP address is refused there.
    if (!isSafeUrl(url)) {
      const sameText = piecesText(label).trim() === url;
      return sameText ? [{ text: url }] : [...label, { text: ` (${url})` }];
    }
    // Parentheses are escaped, as a Markdown destination allows; spaces and what MDX would read
    // as syntax are percent-encoded, as a browser would send them anyway.
    const destination = url.replace(/[\s<>{}]/g, (char) => encodeURIComponent(char)).replace(/[()]/g, '\\$&');
    return [{ markdown: '[' }, ...label, { markdown: `](${destination})` }];
  }
}

/** The accented text of `\"o`, `\"{o}`, `\c c`, `\'{\i}`: the mark goes on the first letter (`\"{oe}` is `öe`). */
function accent(name: string, base: string): string | undefined {
  const mark = EXTRA_ACCENTS[name] ?? symbol(name);
  // An accent over no letter (`\'{}`, `\" 1`) has no character to stand for.
  if (mark === undefined || !/^\p{L}/u.test(base)) return undefined;
  const [first = '', ...others] = [...base.replace(/^[ıȷ]/, (dotless) => (dotless === 'ı' ? 'i' : 'j'))];
  // NFC composes the letter and its mark where Unicode can.
  return (first + mark + others.join('')).normalize('NFC');
}

/** A `\url` or `\href` address as written, without TeX's escapes. */
function rawUrl(content: readonly Node[]): string | undefined {
  // An address is characters only: an argument with a command in it (`\url\foo`) is no address.
  // A space is a character of it (link() percent-encodes it), as hyperref takes `\href{a b}{…}`.
  const isText = (node: Node) =>
    node.type === 'string' || node.type === 'whitespace' || (node.type === 'macro' && ESCAPES.has(node.content));
  if (content.length === 0 || !content.every(isText)) return undefined;
  return printRaw([...content])
    .replace(/\\([%#&_~$])/g, '$1')
    .trim();
}

/** The text unicode2latex gives a command (`\ss` → `ß`, `\"` → a combining diaeresis). */
function symbol(name: string): string | undefined {
  const entry = (latex2unicode as Record<string, string | { text?: string }>)[`\\${name}`];
  const value = typeof entry === 'string' ? entry : entry?.text;
  return value === undefined || value === '' ? undefined : value;
}

function piecesText(pieces: readonly TexPiece[]): string {
  return pieces.map((piece) => ('text' in piece ? piece.text : piece.markdown)).join('');
}

function mergePieces(pieces: TexPiece[]): TexPiece[] {
  const merged: TexPiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && 'text' in last && 'text' in piece) merged[merged.length - 1] = { text: last.text + piece.text };
    else merged.push(piece);
  }
  return merged;
}

/** The pieces without `start` characters at the start and `end` at the end (spaces, from text pieces). */
function trimPieces(pieces: TexPiece[], start: number, end: number): TexPiece[] {
  const out = pieces.map((piece) => ({ ...piece }));
  const first = out[0];
  if (first && 'text' in first) first.text = first.text.slice(start);
  const last = out.at(-1);
  if (last && 'text' in last && end > 0) last.text = last.text.slice(0, last.text.length - end);
  return out.filter((piece) => !('text' in piece) || piece.text !== '');
}
