import katex, { type KatexOptions } from 'katex';
import { shortened } from './problems.ts';

/**
 * What math an abstract may contain: the one list of TeX commands and environments, and the limits
 * every formula is held to before KaTeX typesets it (src/content/katex-raw.ts calls
 * {@link checkFormula} for every formula, whichever Markdown syntax it came from).
 *
 * Why an allowlist: KaTeX can draw outside a formula's box (`\raisebox`, `\smash`, `\mathrlap`,
 * negative `\kern`/`\hspace`, `\rule`, `\vphantom`, `\arraystretch`), recolour and resize text
 * (`\color`, `\Huge`) and define macros (`\def`, `\newcommand`) that expand to any of those.
 * Capping each of those one by one misses the next one. Instead, a formula may use only the
 * commands real abstracts use (the seed's formulas, and what arXiv's math-heavy listings use:
 * Greek, operators, fonts, fractions, roots, accents, delimiters, text, a few environments).
 * With no macro definitions allowed, the only expansions are KaTeX's own macros for listed
 * commands, so nothing can be smuggled in through a macro. After parsing, the tree is checked
 * again: every node type must be one the listed commands produce, every explicit size (spacing,
 * row gaps) is capped, and the size of an abstract's trees is bounded before anything is rendered;
 * after the boxes are built, the formula's height is bounded too.
 */

/** Control words an abstract's math may use (without the backslash). */
const ALLOWED_WORDS = `
  alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu
  nu xi omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega digamma
  Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
  varGamma varDelta varTheta varLambda varXi varPi varSigma varUpsilon varPhi varPsi varOmega
  aleph beth gimel ell hbar hslash imath jmath partial nabla infty emptyset varnothing forall
  exists nexists neg lnot top bot perp angle triangle Box square blacksquare prime backprime wp Re Im
  complement dagger ddagger dag ast star bullet circ cdot cdotp ldotp cdots ldots dots vdots ddots
  dotsc dotsb dotsm dotsi dotso mathellipsis sharp flat natural S P checkmark mho
  pm mp times div setminus smallsetminus cup cap sqcup sqcap vee wedge land lor uplus amalg wr
  oplus ominus otimes oslash odot circledast circledcirc boxplus boxtimes diamond bigcirc
  triangleleft triangleright lhd rhd unlhd unrhd ltimes rtimes intercal
  leq le geq ge leqslant geqslant lesssim gtrsim lessapprox gtrapprox neq ne equiv sim simeq approx
  approxeq cong propto ll gg lll ggg lt gt nless ngtr nleq ngeq lneq gneq nsim ncong
  subset supset subseteq supseteq subsetneq supsetneq nsubseteq nsupseteq sqsubset sqsupset
  sqsubseteq sqsupseteq in ni notin owns mid nmid parallel nparallel vdash dashv models vDash
  prec succ preceq succeq asymp doteq doteqdot triangleq coloneqq eqqcolon colon smile frown
  bowtie trianglelefteq trianglerighteq lessgtr gtrless
  to gets rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow longrightarrow
  longleftarrow Longrightarrow Longleftarrow longleftrightarrow Longleftrightarrow mapsto
  longmapsto implies impliedby iff uparrow downarrow updownarrow Uparrow Downarrow Updownarrow
  nearrow searrow swarrow nwarrow hookrightarrow hookleftarrow rightharpoonup rightharpoondown
  leftharpoonup leftharpoondown rightleftharpoons leftrightarrows rightrightarrows leftleftarrows
  twoheadrightarrow twoheadleftarrow rightsquigarrow leadsto upharpoonright restriction
  xrightarrow xleftarrow
  sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigodot bigvee bigwedge
  bigsqcup biguplus
  sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth exp log ln lg lim liminf limsup
  sup inf max min arg det dim ker deg gcd hom Pr bmod pmod mod injlim projlim varliminf varlimsup
  operatorname mathop mathrel mathbin mathord mathopen mathclose mathpunct mathinner limits nolimits
  mathbb mathcal mathscr mathfrak mathrm mathbf mathit mathsf mathtt mathnormal boldsymbol bm Bbb
  bold rm bf it sf tt cal frak
  text textrm textbf textit textsf texttt textnormal textup emph textdollar
  frac dfrac tfrac binom dbinom tbinom choose over sqrt
  hat widehat tilde widetilde bar overline underline vec overrightarrow overleftarrow
  overleftrightarrow dot ddot breve check acute grave mathring underbrace overbrace overset
  underset stackrel substack
  left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm
  langle rangle lceil rceil lfloor rfloor lvert rvert lVert rVert vert Vert lbrace rbrace lbrack
  rbrack backslash
  bra ket braket Bra Ket Braket
  quad qquad enspace thinspace medspace thickspace negthinspace negmedspace negthickspace
  displaystyle textstyle scriptstyle scriptscriptstyle
  not begin end hline hdashline
`;

/** Control symbols (a backslash and one other character) an abstract's math may use. */
const ALLOWED_SYMBOLS = [
  ...',;:!> ', // spacing: thin, thick, medium, negative thin, medium, space
  ...'{}|%$&#_', // literal characters
  '\\', // a new row inside an environment
  ...'\'"`^~=.', // accents in \text{…}
];

/** Environments (`\begin{…}`) an abstract's math may use. */
export const ALLOWED_ENVIRONMENTS: ReadonlySet<string> = new Set(
  'matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases dcases rcases aligned alignedat gathered array subarray'.split(
    ' ',
  ),
);

export const ALLOWED_COMMANDS: ReadonlySet<string> = new Set([
  ...ALLOWED_WORDS.split(/\s+/)
    .filter(Boolean)
    .map((word) => `\\${word}`),
  ...ALLOWED_SYMBOLS.map((symbol) => `\\${symbol}`),
]);

/** Why well-known commands are refused, and what to write instead. */
const REFUSED_FAMILIES: [RegExp, string][] = [
  [
    /^\\(def|gdef|edef|xdef|let|futurelet|global|long|newcommand|renewcommand|providecommand|newenvironment|renewenvironment|DeclareMathOperator|DeclareRobustCommand|csname|endcsname|expandafter|noexpand|char|catcode)$/,
    'it defines a macro or reaches into TeX itself: write the formula out in full',
  ],
  [
    /^\\(href|url|includegraphics|html[A-Za-z]*)$/,
    '(math may not contain links, HTML attributes or images): put a link in the text, as [text](https://…)',
  ],
  [
    /^\\(tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|sizing)$/,
    'math is set at the size of the text around it: leave the size command out',
  ],
  [
    /^\\(color|textcolor|colorbox|fcolorbox|boxed|fbox|bbox|cancel|bcancel|xcancel|sout|enclose)$/,
    'formulas are shown in the colours and frames of the page: leave it out',
  ],
  [/^\\(mbox|hbox|textup)$/, 'write text in a formula as \\text{…}'],
  [
    /^\\(tag|notag|nonumber|label|eqref|ref)$/,
    "an abstract's formulas are not numbered or referred to: leave it out (new-paper does)",
  ],
  [
    /^\\(raisebox|smash|[mh]?phantom|vphantom|rlap|llap|clap|mathrlap|mathllap|mathclap|kern|mkern|hskip|mskip|hspace|mspace|vspace|rule|strut|mathstrut|hfill|hfil|vcenter|lower|raise|moveleft|moveright|arraystretch|vbox)$/,
    'a formula may not move, hide or overlap its parts or change its box: use the spacing commands \\, \\; \\quad \\qquad',
  ],
];

const GENERIC_REFUSAL =
  'it is not one of the commands an abstract may use (Greek letters, operators, \\mathbb-style fonts, \\frac, \\sqrt, accents, \\left…\\right, \\text, matrices, cases, aligned: see README, "Math in abstracts")';

/** A formula that breaks a rule, with the reason a contributor sees after `LaTeX: `. */
export class FormulaRefused extends Error {
  override name = 'FormulaRefused';
  /** Where in the formula's TeX the refused part starts (a command), as KaTeX's ParseError says its `position`. */
  readonly position?: number;
  constructor(message: string, position?: number) {
    super(message);
    this.position = position;
  }
}

/** The abstract's math is over its budget: the formulas after this one are not typeset. */
export class MathBudgetSpent extends FormulaRefused {
  override name = 'MathBudgetSpent';
}

/** Longest formula accepted, in characters of TeX; a formula in an abstract is a line, not a page. */
export const MAX_FORMULA_LENGTH = 1000;
/** Largest explicit size KaTeX may draw with (spacing, row gaps), in em: `\qquad` is 2em. */
export const MAX_SPACE_EM = 2;
/**
 * Most parse-tree nodes all the formulas of one abstract may have together. The work of typesetting
 * and the HTML written grow with the nodes (about 160 bytes of HTML each), so this bounds both
 * before anything is rendered; formulas after the one that crosses it are not even parsed, nor any
 * after a formula that needed too many macro expansions (each such parse costs the most). The
 * seed's most mathematical abstract has 69; `x+x+…` for 1000 characters has about 1000.
 */
export const MAX_ABSTRACT_MATH_NODES = 1000;
/** What each formula costs of that budget besides its nodes: KaTeX's wrappers, MathML and its setup. */
export const FORMULA_COST_IN_NODES = 4;

/** What is left of an abstract's budget of math nodes ({@link MAX_ABSTRACT_MATH_NODES}). */
export interface MathBudget {
  nodes: number;
}

export function newMathBudget(): MathBudget {
  return { nodes: MAX_ABSTRACT_MATH_NODES };
}
/** Tallest a formula may be, height above and depth below its baseline together, in em. */
export const MAX_FORMULA_HEIGHT_EM = { inline: 12, display: 40 } as const;

/**
 * Every control sequence of `tex`, split as KaTeX's lexer splits them (src/Lexer.ts: a backslash
 * and letters or `@`, or a backslash and any one character), with its offset. Comments and
 * `\verb` are not special here: what is in them is checked too.
 */
export function controlSequences(tex: string): { name: string; offset: number }[] {
  const found: { name: string; offset: number }[] = [];
  for (const match of tex.matchAll(/\\(?:[a-zA-Z@]+|[\s\S])?/gu)) {
    // A backslash and a line break or spaces is a control space, as in KaTeX.
    const name = /^\\\s$/.test(match[0]) ? '\\ ' : match[0];
    found.push({ name, offset: match.index });
  }
  return found;
}

function refusal(name: string): string {
  const family = REFUSED_FAMILIES.find(([pattern]) => pattern.test(name));
  // A made-up name can be as long as the formula: the message quotes its start, on one short line.
  const command = shortened(name, 40);
  if (family && family[1].startsWith('(')) return `${command} is not allowed ${family[1]}.`;
  return `${command} is not allowed in an abstract: ${family?.[1] ?? GENERIC_REFUSAL}.`;
}

/**
 * A paper's numbered display environments, and what an abstract writes instead (new-paper
 * rewrites them so: see mathForAbstract in new-paper.ts).
 */
const DISPLAY_ENVIRONMENTS: Record<string, string> = {
  equation: 'write the formula alone between $$…$$',
  align: 'write aligned (inside $$…$$), which takes the same & and \\\\',
  gather: 'write gathered (inside $$…$$), which takes the same \\\\',
};

/** Refuses any command or environment not on the lists, before KaTeX reads the formula. */
function checkCommands(tex: string): void {
  for (const { name, offset } of controlSequences(tex)) {
    if (!ALLOWED_COMMANDS.has(name)) throw new FormulaRefused(refusal(name), offset);
    if (name === '\\begin' || name === '\\end') {
      const environment = /^\s*\{([a-zA-Z]+\*?)\}/.exec(tex.slice(offset + name.length))?.[1];
      if (environment === undefined) {
        throw new FormulaRefused(
          `${name} must be followed by an environment name in braces, e.g. ${name}{aligned}.`,
          offset,
        );
      }
      if (!ALLOWED_ENVIRONMENTS.has(environment)) {
        const instead = DISPLAY_ENVIRONMENTS[environment.replace(/\*$/, '')];
        throw new FormulaRefused(
          `the environment ${shortened(environment, 40)} is not allowed in an abstract: ${instead ?? `use one of ${[...ALLOWED_ENVIRONMENTS].join(', ')}`}.`,
          offset,
        );
      }
    }
  }
}

/**
 * Node types the listed commands produce, KaTeX's own macros for them included (`\not` draws with
 * a zero-width `lap`, `\!` and `\coloneqq` with small negative kerns). A node of any other type
 * (`raisebox`, `smash`, `sizing`, `color`, `phantom`, `href`, `html`, a line break outside an
 * environment, …) is refused even if it got past the command list. (`\\vdots` draws with a `rule`:
 * its sizes are capped like every other.)
 */
export const ALLOWED_NODE_TYPES: ReadonlySet<string> = new Set(
  (
    'accent array atom delimsizing font genfrac horizBrace htmlmathml kern lap leftright mathchoice ' +
    'mathord mclass middle op operatorname ordgroup overline rule spacing sqrt styling supsub text ' +
    'textord underline xArrow'
  ).split(' '),
);

type Node = { type: string; [key: string]: unknown };

/** KaTeX's parser and box builder, which it exports (as `__parse`, `__renderToDomTree`) but does not type. */
interface KatexInternals {
  __parse(tex: string, options: KatexOptions): unknown;
  __renderToDomTree(tex: string, options: KatexOptions): { height: number; depth: number; toMarkup(): string };
}
const internals = katex as unknown as KatexInternals;
interface Measurement {
  number: number;
  unit: string;
}

/** TeX points per unit, as KaTeX converts them (src/units.ts); 1em is 10pt there. */
const PT_PER_UNIT: Readonly<Record<string, number>> = {
  pt: 1,
  mm: 7227 / 2540,
  cm: 7227 / 254,
  in: 72.27,
  bp: 803 / 800,
  pc: 12,
  dd: 1238 / 1157,
  cc: 14856 / 1157,
  nd: 685 / 642,
  nc: 1370 / 107,
  sp: 1 / 65536,
  px: 803 / 800,
};
const EM_PER_UNIT: Readonly<Record<string, number>> = { em: 1, ex: 0.431, mu: 1 / 18 };

/** A size in em (at the text's size), or undefined for a unit KaTeX does not know. */
function toEm({ number, unit }: Measurement): number | undefined {
  if (unit in EM_PER_UNIT) return number * EM_PER_UNIT[unit]!;
  if (unit in PT_PER_UNIT) return (number * PT_PER_UNIT[unit]!) / 10;
  return undefined;
}

function isMeasurement(value: unknown): value is Measurement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Measurement).number === 'number' &&
    typeof (value as Measurement).unit === 'string'
  );
}

/** Checks one size of the tree: a kern may be slightly negative, a row gap may not. */
function checkSize(size: Measurement, { mayBeNegative }: { mayBeNegative: boolean }): void {
  const em = toEm(size);
  const written = `${size.number}${size.unit}`;
  if (em === undefined || !Number.isFinite(em)) throw new FormulaRefused(`the size ${written} is not a size.`);
  if (Math.abs(em) > MAX_SPACE_EM) {
    throw new FormulaRefused(`the size ${written} is too large (at most ${MAX_SPACE_EM}em, as \\qquad).`);
  }
  if (em < 0 && !mayBeNegative) throw new FormulaRefused(`the size ${written} is negative: leave it out.`);
}

function spend(budget: MathBudget, nodes: number): void {
  budget.nodes -= nodes;
  if (budget.nodes < 0) {
    throw new MathBudgetSpent(
      `the abstract's math is too big (more than ${MAX_ABSTRACT_MATH_NODES} symbols and groups in all, counted as KaTeX reads them): shorten the formulas.`,
    );
  }
}

/** Walks KaTeX's parse tree: node types, sizes, and how many nodes there are. */
function checkTree(tree: Node[], budget: MathBudget): void {
  const stack: unknown[] = [...tree];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const node = value as Node;
    if (typeof node.type === 'string' && typeof node.mode === 'string') {
      spend(budget, 1);
      if (node.type === 'cr') {
        throw new FormulaRefused(
          'a line break (\\\\) belongs inside an environment: use \\begin{aligned}…\\end{aligned}.',
        );
      }
      if (!ALLOWED_NODE_TYPES.has(node.type)) {
        throw new FormulaRefused(`the formula draws a "${node.type}", which is not allowed in an abstract.`);
      }
      if (node.type === 'kern' && isMeasurement(node.dimension)) checkSize(node.dimension, { mayBeNegative: true });
      if (node.type === 'rule') checkRule(node);
      if (node.type === 'array') checkArray(node);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'loc' && typeof child === 'object') stack.push(child);
    }
  }
}

function checkRule(node: Node): void {
  if (isMeasurement(node.width)) checkSize(node.width, { mayBeNegative: false });
  if (isMeasurement(node.height)) checkSize(node.height, { mayBeNegative: false });
  if (isMeasurement(node.shift)) checkSize(node.shift, { mayBeNegative: true });
}

function checkArray(node: Node): void {
  for (const gap of (node.rowGaps as unknown[] | undefined) ?? []) {
    if (isMeasurement(gap)) checkSize(gap, { mayBeNegative: false });
  }
  const stretch = node.arraystretch;
  if (typeof stretch === 'number' && !(stretch > 0 && stretch <= 2)) {
    throw new FormulaRefused(`the rows of an environment are stretched ${stretch} times (at most 2).`);
  }
}

/** How tall a typeset formula is, height above and depth below its baseline together, in em. */
function heightOf(tree: { height: number; depth: number }): number {
  // KaTeX sets each box's height and depth to the largest of its children's.
  return tree.height + tree.depth;
}

/**
 * Typesets one formula after checking it against every rule above; throws a
 * {@link FormulaRefused} (or KaTeX's own ParseError) with the reason.
 */
export function typesetFormula(
  tex: string,
  options: KatexOptions & { displayMode: boolean },
  budget: MathBudget = newMathBudget(),
): string {
  if (tex.length > MAX_FORMULA_LENGTH) {
    throw new FormulaRefused(
      `a formula of ${tex.length} characters is too long (at most ${MAX_FORMULA_LENGTH}): shorten it, or write it as smaller formulas with words between them.`,
    );
  }
  checkCommands(tex);
  spend(budget, FORMULA_COST_IN_NODES);
  let parsed: unknown;
  try {
    parsed = internals.__parse(tex, options);
  } catch (error) {
    // A formula that needs too many expansions has cost the most a parse can: nothing after it is parsed.
    if (error instanceof Error && error.message.includes('Too many expansions')) budget.nodes = -1;
    throw error;
  }
  checkTree(parsed as Node[], budget);
  const tree = internals.__renderToDomTree(tex, options);
  const height = heightOf(tree);
  const limit = options.displayMode ? MAX_FORMULA_HEIGHT_EM.display : MAX_FORMULA_HEIGHT_EM.inline;
  if (height > limit) {
    throw new FormulaRefused(
      `the formula is ${height.toFixed(1)}em tall (at most ${limit}em ${options.displayMode ? 'on display' : 'inline'}): split it.`,
    );
  }
  return tree.toMarkup();
}
