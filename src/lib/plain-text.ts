import type { Element, ElementContent, Root, RootContent } from 'hast';
import { Parser } from 'htmlparser2';

/**
 * Plain text of rendered abstract HTML, for places that show no markup: a page's description and
 * its link previews (Open Graph, Twitter cards). Math is read from KaTeX's MathML, never from its
 * TeX, so no `$` or backslash is left: symbols are Unicode (ℝ, 𝒪, ϵ, ∑), scripts are written
 * `x_i^2`, fractions `(a+b)/2`, accents as combining marks (x̂, v⃗). Only what Unicode spells
 * exactly is converted; a script, fraction or root keeps its structure in brackets rather than
 * looking like something it is not. A literal `$` or `\` in the prose stays: it is text, not TeX.
 *
 * The input is the pipeline's HTML (an excerpt is already cut between whole formulas), so the
 * result never ends inside a formula.
 */
export function plainTextOfHtml(html: string): string {
  const parts: string[] = [];
  const walk = (nodes: readonly (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.value);
      else if (node.type === 'element') {
        if (node.tagName === 'math') parts.push(mathText(node).replace(/(?<=\p{L}) (?=\()/gu, ''));
        // KaTeX's visual copy of each formula (the MathML beside it says the same) and scripts.
        else if (hasClass(node, 'katex-html') || node.tagName === 'script' || node.tagName === 'style') continue;
        else {
          if (BLOCKS.has(node.tagName)) parts.push(' ');
          walk(node.children);
          if (BLOCKS.has(node.tagName)) parts.push(' ');
        }
      }
    }
  };
  walk(parseFragment(html).children);
  // NFC: a letter with a mark that Unicode also has as one character (ȳ) becomes that character.
  return parts.join('').replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * A description: the plain text that stands for a page or a paper where no markup is shown — the
 * page's `<meta name="description">` and its link previews (Open Graph, Twitter), a feed item's
 * RSS `<description>` and JSON Feed `content_text`. The one place those texts are made, from
 * rendered abstract HTML ({@link descriptionOfHtml}) or from any other text (a topic's description).
 *
 * Its consumers are programs that may show it as HTML after decoding it once (feed readers, link
 * previews) or index it as words, so beyond plainTextOfHtml it holds:
 * - no TeX debris: a backslash command (`\emph`, `\alpha` in prose) is dropped with the braces of
 *   its arguments (`\emph{strong}` → `strong`), an escaped character is the character (`\%` →
 *   `%`), any other backslash goes, and so does a brace that is not matched (a matched pair, as
 *   in set notation `{x : x > 0}`, stays);
 * - no markup after decoding: `<` directly before a letter, `/`, `!` or `?` (the start of a tag, a
 *   comment or a declaration) is followed by a space, and `&` before what would read as a
 *   character reference (`&lt;`, `&#60;`) likewise, so decoding it once more gives text still;
 * - no control characters, noncharacters or broken surrogates (so it is also legal XML), and
 *   single spaces.
 * It is idempotent: a description made again from a description is the same text.
 */
export function descriptionText(text: string): string {
  return withoutTex(text.toWellFormed().replace(CONTROLS, ' '))
    .replace(MARKUP_START, '$& ')
    .replace(REFERENCE_START, '$& ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The description of rendered abstract HTML (see {@link descriptionText}, plainTextOfHtml). Its
 * text holds no TeX (the check refuses TeX outside math; math is read from MathML): a backslash
 * in it is one the abstract wrote as text (`\\`, shown on the page as `\`), which descriptionText
 * would take for TeX and drop with the word after it (`C:\Users\x` was `C:`). It is written as
 * the operator ⧵ (U+29F5), as a formula's backslash is (mathText), and so stays in the text.
 */
export function descriptionOfHtml(html: string): string {
  return descriptionText(plainTextOfHtml(html).replace(/\\/g, '\u29F5'));
}

/** Control characters and noncharacters: nothing to read, and XML 1.0 forbids most of them. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
/** What an HTML parser reads as the start of a tag, an end tag, a comment or a declaration. */
const MARKUP_START = /<(?=[A-Za-z/!?])/g;
/** What an HTML parser reads as a character reference: `&#…`, `&name;`. */
const REFERENCE_START = /&(?=#|[A-Za-z][A-Za-z0-9]*;)/g;
/**
 * A TeX command (`\emph`, `\alpha*`), a control symbol (`\%`, `\\`, `\,`: ASCII), or a backslash
 * alone (before a space, a letter of another script, an emoji, or at the end).
 */
const TEX_COMMAND = /\\(?:[A-Za-z]+\*?|[!-@[-`{-~])?/y;
/** Characters TeX escapes with a backslash that mean themselves in plain text. */
const TEX_ESCAPED = /^[{}$%&_#]$/;

/** Text without TeX commands and unmatched braces (see {@link descriptionText}). */
function withoutTex(text: string): string {
  if (!/[\\{}]/.test(text)) return text;
  const out: string[] = [];
  // Braces kept so far and not yet closed: where each is in `out`, and whether its pair goes
  // (the argument of a dropped command, or a group that starts with one: `{\bf x}`).
  const open: { at: number; drop: boolean }[] = [];
  let afterCommand = false;
  let index = 0;
  while (index < text.length) {
    let char = text[index]!;
    if (char === '\\') {
      TEX_COMMAND.lastIndex = index;
      const command = TEX_COMMAND.exec(text)![0];
      index += command.length;
      const name = command.slice(1);
      if (/^[A-Za-z]/.test(name)) {
        afterCommand = true;
        continue;
      }
      afterCommand = false;
      if (!TEX_ESCAPED.test(name)) {
        // A line break or a space (`\\`, `\,`) is a space; a backslash alone goes.
        if (name !== '') out.push(' ');
        continue;
      }
      char = name;
    } else {
      index += 1;
    }
    if (char === '{') {
      const startsWithCommand = text[index] === '\\' && /[A-Za-z]/.test(text[index + 1] ?? '');
      open.push({ at: out.length, drop: afterCommand || startsWithCommand });
      out.push('{');
      afterCommand = false;
    } else if (char === '}') {
      const group = open.pop();
      // A closing brace without its opening one: dropped.
      if (group?.drop) {
        out[group.at] = '';
        // A command's next argument follows its previous one: `\frac{a}{b}`.
        afterCommand = true;
      } else {
        if (group) out.push('}');
        afterCommand = false;
      }
    } else {
      out.push(char);
      afterCommand = false;
    }
  }
  // Opening braces never closed: dropped.
  for (const group of open) out[group.at] = '';
  return out.join('');
}

/**
 * The HTML as a hast tree, read by htmlparser2: every paper page asks for its description, and
 * htmlparser2 reads KaTeX's markup several times faster than a full HTML5 parser. The input is the
 * pipeline's own well-formed HTML, so the two read it alike.
 */
function parseFragment(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const open: (Root | Element)[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const { class: className, ...properties } = attributes;
        const element: Element = {
          type: 'element',
          tagName: name,
          properties: className === undefined ? properties : { ...properties, className: className.split(/\s+/) },
          children: [],
        };
        (open.at(-1)!.children as ElementContent[]).push(element);
        open.push(element);
      },
      ontext(value) {
        (open.at(-1)!.children as ElementContent[]).push({ type: 'text', value });
      },
      onclosetag() {
        if (open.length > 1) open.pop();
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return root;
}

const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'br', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** Invisible operators (function application, invisible times, separator, plus): nothing to read. */
const INVISIBLE = /[\u2061-\u2064]/g;

/** A MathML element as linear text (KaTeX's MathML: see the module comment). */
export function mathText(node: ElementContent): string {
  // A backslash in a formula (`\backslash`, set difference) is the math operator ⧵, not TeX.
  if (node.type === 'text') return node.value.replace(INVISIBLE, '').replace(/\\/g, '\u29F5');
  if (node.type !== 'element') return '';
  const children = node.children.filter((child): child is Element => child.type === 'element');
  const [first, second, third] = children;
  const all = () => node.children.map(mathText).join('');
  switch (node.tagName) {
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
      return '';
    case 'semantics':
      return first ? mathText(first) : '';
    case 'mi': {
      // A name (log, lim, softmax) is a word: spaced from what is around it, as TeX sets it.
      const name = styled(all(), String(node.properties.mathvariant ?? ''));
      return [...name].length > 1 ? ` ${name} ` : name;
    }
    case 'mspace':
      return ' ';
    case 'msup':
      return scripted(first, undefined, second);
    case 'msub':
      return scripted(first, second, undefined);
    case 'msubsup':
    case 'munderover':
      return scripted(first, second, third);
    case 'munder':
      if (isDecoration(second, node.properties.accentunder)) return mathText(first ?? EMPTY);
      return accented(first, second, UNDER_ACCENTS, node.properties.accentunder) ?? scripted(first, second, undefined);
    case 'mover':
      if (isDecoration(second, node.properties.accent)) return mathText(first ?? EMPTY);
      return accented(first, second, OVER_ACCENTS, node.properties.accent) ?? scripted(first, undefined, second);
    case 'mfrac':
      // A fraction without a bar is a stack (\binom, \atop): its parts one above the other.
      return /^0(?:\D|$)/.test(String(node.properties.linethickness ?? ''))
        ? `${group(first)} ${group(second)}`
        : `${group(first)}/${group(second)}`;
    case 'msqrt':
      return `√${wrap(all())}`;
    case 'mroot':
      return `${group(first)}^(1/${mathText(second ?? EMPTY).trim()})`;
    case 'mtable':
      return children.map(mathText).join('; ');
    case 'mtr':
    case 'mlabeledtr':
      return children.map(mathText).join(', ');
    case 'mo': {
      // Relations and punctuation are spaced as TeX spaces them, except in scripts, which TeX sets tight.
      const operator = all();
      if (scriptDepth > 0) return operator;
      return RELATIONS.test(operator) ? ` ${operator} ` : /^[,;]$/.test(operator) ? `${operator} ` : operator;
    }
    default:
      return all();
  }
}

const RELATIONS =
  /^[=<>:\u2190-\u21FF\u2208\u2209\u220B\u221D\u2223\u2225\u223C-\u224C\u2260-\u228B\u22A2-\u22A8\u27F5-\u27FF]$/u;
/** How many scripts deep the formula being read is (see `mo`). */
let scriptDepth = 0;

function inScript(node: ElementContent | undefined): string {
  scriptDepth += 1;
  try {
    return group(node);
  } finally {
    scriptDepth -= 1;
  }
}

const EMPTY: ElementContent = { type: 'text', value: '' };

/** A sub-expression as the operand of `^`, `_`, `/`: bracketed unless it is one symbol, name or number. */
function group(node: ElementContent | undefined): string {
  const text = mathText(node ?? EMPTY).trim();
  return node && isToken(node) ? text : wrap(text);
}

/** One `mi`, `mn` or `mo` (perhaps in rows of one, or beside an invisible operator). */
function isToken(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  if (['mi', 'mn', 'mo', 'mtext'].includes(node.tagName)) return true;
  if (!['mrow', 'mstyle'].includes(node.tagName)) return false;
  const visible = node.children.filter((child) => mathText(child).trim() !== '');
  return visible.length === 1 && isToken(visible[0]!);
}

/** Big operators and names (∑, ∫, lim) take their limits and then a space before their operand. */
const BIG_OPERATORS = /^[\u2140\u220F-\u2211\u222B-\u2233\u22C0-\u22C3\u2A00-\u2A0C]$/u;

function scripted(base: Element | undefined, under: Element | undefined, over: Element | undefined): string {
  const text = `${group(base)}${under ? `_${inScript(under)}` : ''}${over ? `^${inScript(over)}` : ''}`;
  const baseText = mathText(base ?? EMPTY).trim();
  return BIG_OPERATORS.test(baseText) || (base && isToken(base) && [...baseText].length > 1) ? ` ${text} ` : text;
}

/** A stretchy brace, bracket or line drawn over or under (\overbrace): it adds no meaning of its own. */
function isDecoration(script: Element | undefined, isAccent: unknown): boolean {
  return (
    script?.tagName === 'mo' && String(isAccent) !== 'true' && /^[\u23B4\u23B5\u23DC-\u23E1‾_]$/.test(mathText(script))
  );
}

function wrap(text: string): string {
  const trimmed = text.trim();
  return [...trimmed].length <= 1 || /^\d+(?:\.\d+)?$/.test(trimmed) ? trimmed : `(${trimmed})`;
}

/** KaTeX's accent characters and the combining marks that put the same accent on a letter. */
const OVER_ACCENTS: Readonly<Record<string, string>> = {
  '^': '\u0302',
  ˆ: '\u0302',
  '~': '\u0303',
  '˜': '\u0303',
  ˉ: '\u0304',
  '¯': '\u0304',
  '‾': '\u0305',
  '˘': '\u0306',
  '˙': '\u0307',
  '¨': '\u0308',
  '˚': '\u030A',
  ˇ: '\u030C',
  ˊ: '\u0301',
  '´': '\u0301',
  ˋ: '\u0300',
  '`': '\u0300',
  '⃗': '\u20D7',
  '→': '\u20D7',
};
const UNDER_ACCENTS: Readonly<Record<string, string>> = { '‾': '\u0332', _: '\u0332', '~': '\u0330' };
/** Marks that a run of letters takes letter by letter (an overline over `AB` is `A̅B̅`). */
const LINE_MARKS = new Set(['\u0305', '\u0332']);

function accented(
  base: Element | undefined,
  accent: Element | undefined,
  marks: Readonly<Record<string, string>>,
  isAccent: unknown,
): string | undefined {
  if (String(isAccent) !== 'true' || !base || !accent) return undefined;
  const mark = marks[mathText(accent).trim()];
  if (!mark) return undefined;
  const letters = [...mathText(base).trim()];
  if (letters.length === 1) return `${letters[0]}${mark}`;
  if (LINE_MARKS.has(mark) && letters.length > 0) return letters.map((letter) => `${letter}${mark}`).join('');
  return undefined;
}

/**
 * Letters and digits in a MathML `mathvariant` as Unicode mathematical alphanumerics: the
 * start of A–Z, a–z, 0–9 in each style, and the letters that were encoded earlier (ℝ, ℋ, ℭ…).
 * Italic and normal stay plain letters: that is how plain text writes a variable.
 */
const STYLES: Readonly<Record<string, { upper: number; lower: number; digit?: number; holes?: string }>> = {
  bold: { upper: 0x1d400, lower: 0x1d41a, digit: 0x1d7ce },
  'bold-italic': { upper: 0x1d468, lower: 0x1d482 },
  script: { upper: 0x1d49c, lower: 0x1d4b6, holes: 'BℬEℰFℱHℋIℐLℒMℳRℛeℯgℊoℴ' },
  'bold-script': { upper: 0x1d4d0, lower: 0x1d4ea },
  fraktur: { upper: 0x1d504, lower: 0x1d51e, holes: 'CℭHℌIℑRℜZℨ' },
  'double-struck': { upper: 0x1d538, lower: 0x1d552, digit: 0x1d7d8, holes: 'CℂHℍNℕPℙQℚRℝZℤ' },
  'bold-fraktur': { upper: 0x1d56c, lower: 0x1d586 },
  'sans-serif': { upper: 0x1d5a0, lower: 0x1d5ba, digit: 0x1d7e2 },
  'bold-sans-serif': { upper: 0x1d5d4, lower: 0x1d5ee, digit: 0x1d7ec },
  'sans-serif-italic': { upper: 0x1d608, lower: 0x1d622 },
  'sans-serif-bold-italic': { upper: 0x1d63c, lower: 0x1d656 },
  monospace: { upper: 0x1d670, lower: 0x1d68a, digit: 0x1d7f6 },
};

function styled(text: string, variant: string): string {
  const style = STYLES[variant];
  if (!style) return text;
  return text.replace(/[A-Za-z0-9]/g, (character) => {
    const hole = style.holes?.indexOf(character) ?? -1;
    if (hole >= 0 && hole % 2 === 0) return style.holes![hole + 1]!;
    const code = character.charCodeAt(0);
    if (code >= 0x61) return String.fromCodePoint(style.lower + code - 0x61);
    if (code >= 0x41) return String.fromCodePoint(style.upper + code - 0x41);
    return style.digit === undefined ? character : String.fromCodePoint(style.digit + code - 0x30);
  });
}
