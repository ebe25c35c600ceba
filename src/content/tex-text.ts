import { latex2unicode } from 'unicode2latex';

/**
 * TeX outside math, as arXiv gives it in titles, author names and abstracts (`\emph{…}`,
 * `G\"odel`, `{\"o}`, ``` ``quotes'' ```, `--`, `\url{…}`), turned into what it prints: Unicode
 * characters (from unicode2latex's LaTeX-to-Unicode table) and, in an abstract, the Markdown of
 * emphasis, bold, code and links. Published as written, `\emph{sparse}` would show its backslash
 * and braces on the page and in feeds, and `G\"odel` would fail the author rules.
 *
 * A command with no faithful form (`\cite{…}`, `\footnote{…}`, `\ref{…}`, a name that is not in
 * the table) is kept as written and listed in `unknown`, so that new-paper can stop and say what
 * to write instead: dropping it would drop words, keeping it would publish TeX.
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
const SYMBOL_ACCENTS = new Set(['"', "'", '`', '^', '~', '=', '.']);
const LETTER_ACCENTS = new Set(['H', 'c', 'k', 'r', 'u', 'v', 'd', 'b', 't']);
/** Accents unicode2latex has no combining mark for: bar-under and tie. */
const EXTRA_ACCENTS: Record<string, string> = { b: '\u0331', t: '\u0361' };

/** Font commands, by the Markdown they become; `plain` keeps the words only (small caps, roman, …). */
const FONT_COMMANDS: Record<string, 'emphasis' | 'strong' | 'code' | 'plain'> = {
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
/** Old-style switches inside a group: `{\em word}`, `{\bf word}`. */
const FONT_SWITCHES: Record<string, 'emphasis' | 'strong' | 'code' | 'plain'> = {
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

const NO_BREAK_SPACE = '\u00A0';

/** Converts TeX text (no math in it: the caller splits math off first). */
export function texText(source: string, mode: TexMode): TexText {
  const reader = new Reader(source, mode);
  const pieces = reader.read(source.length);
  return { pieces: mergePieces(pieces), unknown: reader.unknown };
}

/** A title's or a name's TeX as plain characters; `unknown` as in texText. */
export function texPlainText(source: string): { text: string; unknown: string[] } {
  const { pieces, unknown } = texText(source, 'plain');
  return { text: pieces.map((piece) => ('text' in piece ? piece.text : piece.markdown)).join(''), unknown };
}

class Reader {
  index = 0;
  readonly unknown: string[] = [];

  readonly source: string;
  readonly mode: TexMode;

  constructor(source: string, mode: TexMode) {
    this.source = source;
    this.mode = mode;
  }

  /** Reads up to `end` (exclusive), returning its pieces. */
  read(end: number): TexPiece[] {
    const pieces: TexPiece[] = [];
    const text = (value: string) => pieces.push({ text: value });
    while (this.index < end) {
      const char = this.source[this.index]!;
      const rest = this.source.slice(this.index, end);
      const url = /^https?:\/\/[^\s{}]+/.exec(rest);
      if (url && !/[\p{L}\p{N}]/u.test(this.source[this.index - 1] ?? '')) {
        // A bare address is kept as written: TeX's ligatures (`--`) and ties (`~`) are not its own.
        text(url[0]);
        this.index += url[0].length;
      } else if (char === '\\') {
        pieces.push(...this.command(end));
      } else if (char === '{') {
        pieces.push(...this.group(end));
      } else if (/^--+>|^<-/.test(rest)) {
        // An arrow written in ASCII (`-->`, `<--`) is not a dash.
        const arrow = /^--+>|^<-+/.exec(rest)![0];
        text(arrow);
        this.index += arrow.length;
      } else if (rest.startsWith('---')) {
        text('—');
        this.index += 3;
      } else if (rest.startsWith('--')) {
        text('–');
        this.index += 2;
      } else if (rest.startsWith('``')) {
        text('“');
        this.index += 2;
      } else if (rest.startsWith("''")) {
        text('”');
        this.index += 2;
      } else if (char === '`' && /^`[^`']*'/.test(rest)) {
        // TeX's single quotes, `word'; a backtick without its closing quote stays as written.
        const quoted = /^`([^`']*)'/.exec(rest)!;
        text('‘');
        this.index += 1;
        pieces.push(...this.read(this.index + quoted[1]!.length));
        text('’');
        this.index += 1;
      } else if (char === '~') {
        // A tie (`Fig.~1`, `et al.~[3]`) between a word and what follows is a no-break space;
        // anywhere else (`~100 samples`, `(~10%)`) it is the tilde that the author meant.
        const tie =
          /[\p{L}\p{N}.]/u.test(this.source[this.index - 1] ?? '') && /\S/.test(this.source[this.index + 1] ?? '');
        text(tie ? NO_BREAK_SPACE : '~');
        this.index += 1;
      } else {
        text(char);
        this.index += 1;
      }
    }
    return pieces;
  }

  /** A `{…}` group: braces that only group converted commands (`{\"o}`, `{\em x}`) print nothing. */
  group(end: number): TexPiece[] {
    const close = this.matchingBrace(this.index, end);
    if (close === -1) {
      this.index += 1;
      return [{ text: '{' }];
    }
    const inner = this.source.slice(this.index + 1, close);
    const switchMatch = /^\\([a-z]+)(?![a-zA-Z])\s*/.exec(inner);
    const font = switchMatch ? FONT_SWITCHES[switchMatch[1]!] : undefined;
    if (font) {
      this.index += 1 + switchMatch![0].length;
      const pieces = this.read(close);
      this.index = close + 1;
      return this.styled(font, pieces);
    }
    if (/^\\(?:[^a-zA-Z]|[a-zA-Z]+)/.test(inner) || inner === '') {
      // `{\"o}`, `{\ss}`, `\ss{}`: grouping only.
      this.index += 1;
      const pieces = this.read(close);
      this.index = close + 1;
      return pieces;
    }
    // Any other braces are text as arXiv shows it (`{previous}`).
    this.index += 1;
    return [{ text: '{' }];
  }

  command(end: number): TexPiece[] {
    const start = this.index;
    const match = /^\\(?:([a-zA-Z]+)\*?|([^a-zA-Z]))/.exec(this.source.slice(start, end));
    if (!match) {
      this.index += 1;
      return [{ text: '\\' }];
    }
    this.index += match[0].length;
    const name = match[1] ?? match[2]!;
    const wordCommand = match[1] !== undefined;

    if (SYMBOL_ACCENTS.has(name) || (wordCommand && LETTER_ACCENTS.has(name))) {
      const accented = this.accent(name, wordCommand, end);
      if (accented !== undefined) return [{ text: accented }];
    }
    if (!wordCommand) {
      if ('%&$#_{}'.includes(name)) return [{ text: name }];
      if (name === '\\' || name === ' ' || name === '\n') return [{ text: ' ' }];
      if (name === ',') return [{ text: '\u2009' }];
      if (SILENT.has(name)) return [];
    }
    if (wordCommand) {
      const font = FONT_COMMANDS[name];
      if (font) {
        const argument = this.argument(end);
        if (argument) return this.styled(font, argument);
      }
      if (name === 'url') {
        const argument = this.rawArgument(end);
        if (argument !== undefined) return this.link(argument, [{ text: argument }]);
      }
      if (name === 'href') {
        const url = this.rawArgument(end);
        const label = url === undefined ? undefined : this.argument(end);
        if (url !== undefined && label) return this.link(url, label);
      }
      if (SILENT.has(name)) return (this.emptyGroup(end), []);
      const logo = LOGOS[name] ?? symbol(name);
      if (logo !== undefined) {
        this.emptyGroup(end);
        return [{ text: logo }];
      }
    }
    // No faithful form: keep it as written (with its arguments) and report it.
    this.index = start + match[0].length;
    while (this.source[this.index] === '{') {
      const close = this.matchingBrace(this.index, end);
      if (close === -1) break;
      this.index = close + 1;
    }
    const written = this.source.slice(start, this.index);
    this.unknown.push(written);
    return [{ text: written }];
  }

  /** The accented character of `\"o`, `\"{o}`, `\c c`, `\'{\i}`, or undefined with no base. */
  accent(name: string, wordCommand: boolean, end: number): string | undefined {
    const mark = EXTRA_ACCENTS[name] ?? symbol(name);
    if (mark === undefined) return undefined;
    const save = this.index;
    if (wordCommand) while (this.source[this.index] === ' ') this.index++;
    let base: string | undefined;
    const braced = this.source[this.index] === '{';
    if (braced) {
      const close = this.matchingBrace(this.index, end);
      if (close !== -1) {
        base = texPlainText(this.source.slice(this.index + 1, close)).text;
        this.index = close + 1;
      }
    } else if (/^\\[ij](?![a-zA-Z])/.test(this.source.slice(this.index, end))) {
      base = this.source[this.index + 1] === 'i' ? 'i' : 'j';
      this.index += 2;
    } else if (this.index < end && /\p{L}/u.test(this.source[this.index]!)) {
      base = this.source[this.index];
      this.index += 1;
    }
    if (!base) {
      this.index = save;
      return undefined;
    }
    // The mark goes on the first letter (`\"{oe}` is `öe`); NFC composes it where Unicode can.
    const [first = '', ...others] = [...base.replace(/^[ıȷ]/, (dotless) => (dotless === 'ı' ? 'i' : 'j'))];
    return (first + mark + others.join('')).normalize('NFC');
  }

  /** A `{…}` argument, converted; undefined when there is none. */
  argument(end: number): TexPiece[] | undefined {
    while (this.source[this.index] === ' ') this.index++;
    if (this.source[this.index] !== '{') return undefined;
    const close = this.matchingBrace(this.index, end);
    if (close === -1) return undefined;
    this.index += 1;
    const pieces = this.read(close);
    this.index = close + 1;
    return pieces;
  }

  /** A `{…}` argument as written (a URL). */
  rawArgument(end: number): string | undefined {
    while (this.source[this.index] === ' ') this.index++;
    if (this.source[this.index] !== '{') return undefined;
    const close = this.matchingBrace(this.index, end);
    if (close === -1) return undefined;
    const value = this.source.slice(this.index + 1, close).replace(/\\([%#&_~$])/g, '$1');
    this.index = close + 1;
    return value.trim();
  }

  /** `\ss{}`, `\LaTeX{}`: the empty group that ends a command's name. */
  emptyGroup(end: number): void {
    if (this.source.startsWith('{}', this.index) && this.index + 2 <= end) this.index += 2;
  }

  styled(font: 'emphasis' | 'strong' | 'code' | 'plain', pieces: TexPiece[]): TexPiece[] {
    if (this.mode === 'plain' || font === 'plain') return pieces;
    const inner = mergePieces(pieces);
    const text = inner.map((piece) => ('text' in piece ? piece.text : piece.markdown)).join('');
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
    // Parentheses are escaped, as a Markdown destination allows; spaces and what MDX would read
    // as syntax are percent-encoded, as a browser would send them anyway.
    const destination = url.replace(/[\s<>{}]/g, (char) => encodeURIComponent(char)).replace(/[()]/g, '\\$&');
    return [{ markdown: '[' }, ...label, { markdown: `](${destination})` }];
  }

  /** Index of the `}` closing the `{` at `open`, skipping escaped braces; -1 when there is none. */
  matchingBrace(open: number, end: number): number {
    let depth = 0;
    for (let index = open; index < end; index++) {
      const char = this.source[index];
      if (char === '\\') index++;
      else if (char === '{') depth++;
      else if (char === '}' && --depth === 0) return index;
    }
    return -1;
  }
}

/** The text unicode2latex gives a command (`\ss` → `ß`, `\"` → a combining diaeresis). */
function symbol(name: string): string | undefined {
  const entry = (latex2unicode as Record<string, string | { text?: string }>)[`\\${name}`];
  const value = typeof entry === 'string' ? entry : entry?.text;
  return value === undefined || value === '' ? undefined : value;
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
