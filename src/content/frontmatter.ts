import {
  Composer,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type YAMLError,
  type Node,
} from 'yaml';
import { ALLOWED_COMMANDS } from './math-rules.ts';
import { LINK_KEYS, PAPER_KEYS } from './schema.ts';
import { fieldName, MAX_REASON_SHOWN, shortened, type ContentProblem } from './problems.ts';

/** A paper file split into its YAML frontmatter and MDX body, with a way back to source lines. */
export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** 1-based file line of a frontmatter field (`['tags', 1]`), or of its nearest parent. */
  lineOf(path: readonly (string | number)[]): number;
  /** The field's text as written in the file, e.g. `2401.10000` for a number YAML shortened. */
  sourceOf(path: readonly (string | number)[]): string | undefined;
}

const FENCE = /^---[ \t]*$/;

/**
 * Bounds on frontmatter, checked before and while YAML is read so that no file can make parsing
 * slow: its size is limited before it is parsed, and the size and depth of what it holds after.
 * A real paper's frontmatter is under 3,000 characters; a large collaboration's thousands of
 * authors need up to the size of a paper file (src/content/file-size.ts).
 */
export const YAML_LIMITS = {
  /** Characters between the two `---` lines. */
  frontmatterCharacters: 320_000,
  /** Keys of one mapping (a paper has 8 fields, `links:` 3). */
  mappingKeys: 50,
  /**
   * Items of one list: above the schema's own limits (10,000 authors), so that those say what the
   * list is and what to do; this one only bounds the work of reading any list.
   */
  sequenceItems: 20_000,
  /** Levels of nested lists and mappings (a paper needs 2). */
  depth: 8,
  /** YAML syntax errors reported for one file: the first ones are the ones to fix. */
  errors: 10,
} as const;

/**
 * The index of a second frontmatter's opening `---` (a file of `---` yaml `---` `---` yaml `---`
 * body, as a paste or a merge leaves it), else undefined: the body's first line that is not blank
 * is a fence, and a later fence closes lines that begin with a field's `name:`. An abstract has no
 * horizontal rule (pipeline.ts refuses them), so the body never rightly starts with one.
 */
function secondFrontmatter(lines: readonly string[], closing: number): number | undefined {
  let opening = closing + 1;
  while (opening < lines.length && lines[opening]!.trim() === '') opening++;
  if (opening >= lines.length || !FENCE.test(lines[opening]!)) return undefined;
  const end = lines.findIndex((line, index) => index > opening && FENCE.test(line));
  if (end === -1) return undefined;
  const fields = lines.slice(opening + 1, end).filter((line) => line.trim() !== '' && !/^\s*#/.test(line));
  return fields.length > 0 && /^[\p{L}_][\p{L}\p{N}_-]*[ \t]*:(?:[ \t]|$)/u.test(fields[0]!) ? opening : undefined;
}

/**
 * Splits and parses frontmatter. YAML is read with the YAML 1.2 core schema (so `2025-06-06`
 * stays a string), duplicate keys are errors, and anchors, aliases and explicit tags are refused:
 * paper metadata is plain data.
 */
export function parseSource(file: string, text: string): { source?: ParsedSource; problems: ContentProblem[] } {
  const fail = (line: number, message: string, kind: string) => ({
    problems: [{ file, line, field: 'frontmatter', message, kind }],
  });
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return fail(
      1,
      'A paper must start with a `---` line, then its YAML frontmatter, then `---`.',
      'frontmatter-missing',
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1)
    return fail(1, 'The frontmatter is never closed: add a `---` line after the last field.', 'frontmatter-unclosed');
  const twice = secondFrontmatter(lines, closing);
  if (twice !== undefined) {
    return fail(
      twice + 1,
      `The frontmatter is written twice: a second \`---\` block of fields starts at line ${twice + 1}, after the first closes at line ${closing + 1}. Keep one: move any field it has that the first lacks into the first (lines 1–${closing + 1}), then delete the second block, its \`---\` lines too.`,
      'frontmatter-twice',
    );
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const parsed = parseYaml(file, yamlText, 2, YAML_LIMITS.frontmatterCharacters, 'frontmatter', (path) =>
    path.length === 0 ? PAPER_KEYS : path.length === 1 && path[0] === 'links' ? LINK_KEYS : undefined,
  );
  if (!parsed.doc) return { problems: parsed.problems };
  const { doc, lineAt } = parsed;

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  // An empty frontmatter (or one of comments only) is YAML's null: say what to write, not what it is not.
  if (data === null || data === undefined) {
    return fail(
      1,
      'The frontmatter is empty: write the paper’s fields between the `---` lines, one `name: value` a line (README, "Frontmatter", lists them).',
      'frontmatter-empty',
    );
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      1,
      `The frontmatter must be a YAML mapping of fields (\`title: …\`), not ${Array.isArray(data) ? 'a list' : `the ${typeof data} ${shortened(JSON.stringify(data) ?? '', 40)}`}.`,
      'frontmatter-not-mapping',
    );
  }

  return {
    problems: [],
    source: {
      data: data as Record<string, unknown>,
      body: lines.slice(closing + 1).join('\n'),
      bodyLine: closing + 2,
      lineOf: (path) => nodeLine(doc, path, lineAt) ?? 1,
      sourceOf: (path) => {
        const node = doc.getIn(path, true);
        return isScalar(node) ? (node as { source?: string }).source : undefined;
      },
    },
  };
}

/**
 * Reads a YAML text (a paper's frontmatter, the topic vocabulary) as plain data, in time linear
 * in its size: the text is size-limited before it is parsed; yaml's own duplicate-key check,
 * which is quadratic in the keys of a mapping, is off and replaced by one pass with a set per
 * mapping (`checkPlainData`); syntax errors are reported without yaml's pretty context.
 * `firstLine` is the file line of the text's first line. Returns no document when there is any
 * problem.
 */
export function parseYaml(
  file: string,
  yamlText: string,
  firstLine: number,
  maxCharacters: number,
  /** The field problems name: `frontmatter`, or `topics` for the vocabulary. */
  field = 'frontmatter',
  /** The names a mapping's keys may have, by its path (`[]`: the paper's fields), where the caller knows them. */
  knownKeys: KnownKeys = () => undefined,
): { doc?: Document; lineAt: (offset: number) => number; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // A problem inside a value names its field as the schema's do (`title`, `authors[2]`,
  // `topics[3].label`); one of the whole text, `field`.
  const fieldOf = (path: readonly (string | number)[]) =>
    path.length === 0
      ? field
      : field === 'frontmatter'
        ? fieldName(path)
        : `${field}${fieldName(path).replace(/^(?!\[)/, '.')}`;
  const problem = (
    kind: string,
    line: number,
    message: string,
    path: readonly (string | number)[] = [],
  ): ContentProblem => ({ file, line, field: fieldOf(path), message, kind });
  if (yamlText.length > maxCharacters) {
    const what = firstLine > 1 ? 'The frontmatter' : 'The file';
    return {
      lineAt,
      problems: [
        problem(
          'yaml-too-long',
          firstLine,
          `${what} has ${yamlText.length} characters; it must be at most ${maxCharacters}: keep to the documented fields.`,
        ),
      ],
    };
  }
  let doc: Document;
  /** Where the first `%` directive line starts, if any: yaml reports its missing `---` at the line after. */
  let directiveAt: number | undefined;
  /** Quotes and brackets never closed: yaml reports each where it gave up, lines after it opened. */
  let unclosed: { offset: number; opener: Opener }[] = [];
  // yaml makes an Error object per syntax error; capturing a stack trace for each is most of the
  // cost of a text made of thousands of errors (`[,,,,…]`), and those stacks are never shown.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // As yaml's parseDocument, in two steps: its syntax tree is built without recursion, but the
    // document is composed from it recursively, and a thousand nested `[` overflowed the stack of
    // the main thread (not a worker's, which is larger): the check and the build told different
    // stories. Nesting past the limit is refused from the syntax tree, on every thread alike.
    const tokens = [...new Parser(lineCounter.addNewLine).parse(yamlText)];
    directiveAt = tokens.find((token) => token.type === 'directive')?.offset;
    unclosed = unclosedTokens(tokens);
    const tooDeep = tooDeepToken(tokens);
    if (tooDeep !== undefined) {
      return { lineAt, problems: [problem('yaml-too-deep', lineAt(tooDeep), NESTED_TOO_DEEPLY)] };
    }
    doc = composeOne(tokens, yamlText.length);
  } catch {
    // yaml reports syntax errors in `doc.errors`; a throw means it gave up (e.g. nesting too deep).
    return {
      lineAt,
      problems: [problem('yaml-unreadable', firstLine, 'YAML: could not be read: write plain `key: value` lines.')],
    };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  // The first error of each kind, up to a few: a thousand copies of one message help no one.
  // An unresolved tag (`!!js/function`, `!kkk`) is kept on its node, which checkPlainData below
  // refuses as an explicit tag: one cause, one message, so yaml's own words for it are left out.
  const errors = [...doc.errors, ...doc.warnings].filter(
    (error) => !(error.code === 'TAG_RESOLVE_FAILED' && error.message.startsWith('Unresolved tag')),
  );
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // yaml's own words quote the file (an unresolved tag, a key): cut as a quoted value is.
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+.*$/, '');
    const said = readYamlError(error);
    const message = `YAML: ${shortened(reason, MAX_REASON_SHOWN)}${yamlHint(error, said, yamlText)}`;
    if (seen.has(message) || seen.size >= YAML_LIMITS.errors) continue;
    seen.add(message);
    const opened = unclosedAt(error.pos[0], said, unclosed);
    const at = said.kind === 'no-document-start' && directiveAt !== undefined ? directiveAt : (opened ?? error.pos[0]);
    // yaml's own code for the error names its kind (BAD_INDENT, MISSING_CHAR).
    problems.push(problem(`yaml-${error.code}`, lineAt(at), message));
  }
  if (errors.length > problems.length) {
    problems.push(
      problem(
        'yaml-more',
        problems[0]!.line ?? firstLine,
        `YAML: ${errors.length - problems.length} more errors like these.`,
      ),
    );
  }
  // Checked even after a syntax error: an explicit tag is reported as such, not only as yaml's
  // "unresolved tag".
  problems.push(
    ...checkPlainData(doc, yamlText, (node) => (node.range ? lineAt(node.range[0]) : firstLine), problem, knownKeys),
  );
  return problems.length > 0 ? { lineAt, problems } : { doc, lineAt, problems };
}

/**
 * What a yaml error says beyond its code, read from yaml's words in this one place (yamlHint and
 * unclosedAt act on it): a quote or bracket never closed (and which), a directive with no `---`
 * after it, a comma with no item before it, a value that ended before its line did.
 */
type YamlErrorSays =
  | { kind: 'unclosed'; opener: Opener }
  | { kind: 'no-document-start' }
  | { kind: 'comma-without-item' }
  | { kind: 'value-ended' }
  | { kind: 'other' };

function readYamlError({ code, message }: YAMLError): YamlErrorSays {
  if (code === 'MISSING_CHAR') {
    if (message.includes('directives-end')) return { kind: 'no-document-start' };
    const quote = /closing (["'])quote/.exec(message)?.[1];
    if (quote === '"' || quote === "'") return { kind: 'unclosed', opener: quote };
  }
  if (code === 'BAD_INDENT') {
    const flow = /^Flow (sequence|map) /.exec(message)?.[1];
    if (flow) return { kind: 'unclosed', opener: flow === 'sequence' ? '[' : '{' };
  }
  if (code === 'UNEXPECTED_TOKEN') {
    if (/^Unexpected , in flow /.test(message)) return { kind: 'comma-without-item' };
    if (message.includes('at node end')) return { kind: 'value-ended' };
  }
  return { kind: 'other' };
}

/**
 * What to do about the yaml errors a hand-written paper runs into: yaml's own words say what is
 * wrong in YAML's terms, not what the contributor should write. Each kind gets the advice that
 * fits it, or none where yaml's words already say it ("Missing closing "quote"), never another
 * kind's: a value starting with `%` was once told to write "@home robots".
 */
function yamlHint(error: YAMLError, said: YamlErrorSays, yamlText: string): string {
  switch (error.code) {
    // `title: Attention: A Survey`: the second ": " opens a mapping inside the value.
    case 'BLOCK_AS_IMPLICIT_KEY':
      return ': a value with ": " in it must be in quotes, e.g. title: "Attention: A Survey"';
    // `title: @home robots`, `title: %x`, `title: \`x\``: characters YAML keeps for itself, shown
    // quoted as the contributor would write it.
    case 'BAD_SCALAR_START': {
      const value = /^[^\n]*/.exec(yamlText.slice(error.pos[0]))![0].trimEnd();
      return `: put the whole value in quotes, e.g. "${shortened(value, 40).replace(/["\\]/g, '\\$&')}"`;
    }
    // `%YAML 1.2` or `%x` at the start of a line: a directive, which a frontmatter has no use for.
    case 'BAD_DIRECTIVE':
    case 'MISSING_CHAR':
      if (error.code === 'BAD_DIRECTIVE' || said.kind === 'no-document-start')
        return ': a line that starts with "%" is a YAML directive, which the frontmatter has no use for: delete it, or put the value that starts with "%" in quotes';
      // `title: "A paper` (reported at the line the quote opens): the value runs on to the end.
      if (said.kind === 'unclosed' && (said.opener === '"' || said.opener === "'")) {
        const quote = said.opener;
        return `: the quote opened here is never closed, so the value would run on over the lines below: end the value with ${quote} on this line (${quote}A paper${quote})`;
      }
      return '';
    // `tags: [a, b` (reported at the line the bracket opens).
    case 'BAD_INDENT':
      if (said.kind === 'unclosed' && said.opener === '[')
        return ': the "[" opened here is never closed: end the list with "]" on this line (tags: [a, b]), or write one item a line, each after "- "';
      if (said.kind === 'unclosed' && said.opener === '{')
        return ': the "{" opened here is never closed: end it with "}" on this line (links: {code: https://…}), or write one key a line, indented below';
      return '';
    // `title: !x!foo bar`: a tag whose handle is declared nowhere (other tags are refused as such).
    case 'TAG_RESOLVE_FAILED':
      return ': explicit YAML tags are not allowed; write plain values';
    // `title: "\mathbb{R}"`: in double quotes a backslash starts an escape.
    case 'BAD_DQ_ESCAPE':
      return ': in double quotes a backslash starts an escape (\\n, \\"): write \\\\ for a backslash, or put the value in single quotes';
    case 'TAB_AS_INDENT':
      return ': indent with spaces';
    // A line of `...` ends the YAML document; what follows would be another.
    case 'MULTIPLE_DOCS':
      return ': a line of "..." ends the YAML before it; delete it, or put the value it belongs to in quotes';
    // `title: "Attention" is all you need`, `title: 'It's here'`, `tags: [a] b`: the value ended
    // before the line did, at the character before the error. Each quote has its own way to hold
    // itself: `\"` in double quotes is two characters in single quotes, where `''` is one.
    case 'UNEXPECTED_TOKEN': {
      // `tags: [a,, b]`: a comma with no item before it.
      if (said.kind === 'comma-without-item') return ': items in brackets have one comma between two: [a, b]';
      if (said.kind !== 'value-ended') return '';
      const ended = yamlText.slice(0, error.pos[0]).trimEnd().at(-1);
      if (ended === "'") {
        return `: a value in single quotes ends at the next single quote; write a quote inside as two ('It''s'), or put the value in double quotes ("It's")`;
      }
      if (ended === '"') {
        return ': a value in double quotes ends at the next double quote; write a quote inside as \\" ("A \\"quoted\\" word"), or put the value in single quotes';
      }
      if (ended !== ']' && ended !== '}') return '';
      // `title: [Re] Reproducibility` is as likely as `tags: [a, b] c`: text that starts with a
      // bracket, or a list that ends too soon.
      const lineStart = yamlText.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const value = /^[^\n]*/
        .exec(yamlText.slice(lineStart))![0]
        .replace(/^\s*(?:-\s+)?(?:[^\s[{][^:]*:\s+)?/, '')
        .trimEnd();
      const asText = /^[[{]/.test(value) ? ` ("${shortened(value, 40).replace(/["\\]/g, '\\$&')}")` : '';
      return `: a value that starts with a bracket is a list or a mapping, which ends at its "${ended}": if the brackets belong to the text, put the whole value in quotes${asText}; otherwise put all of it inside the brackets`;
    }
    default:
      return '';
  }
}

const NESTED_TOO_DEEPLY = `YAML: nested more than ${YAML_LIMITS.depth} levels deep: write plain fields.`;

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The offset of the first list or mapping in a YAML syntax tree nested deeper than
 * YAML_LIMITS.depth, as checkPlainData counts levels (the document's value is level 1). Iterative.
 */
function tooDeepToken(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth: 1 });
      continue;
    }
    if (!COLLECTIONS.has(token.type)) continue;
    if (depth > YAML_LIMITS.depth) return token.offset;
    for (const item of (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items) {
      if ('key' in item) stack.push({ token: item.key, depth: depth + 1 });
      if ('value' in item) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

/** What opens a quoted value, a bracketed list or a mapping, which yaml may find never closed. */
type Opener = '"' | "'" | '[' | '{';

/**
 * The quoted values and the bracketed lists and mappings of a syntax tree that are never closed
 * (`title: "A paper`, `tags: [a, b`), with where each opens and the character that opens it.
 */
function unclosedTokens(tokens: readonly CST.Token[]): { offset: number; opener: Opener }[] {
  const found: { offset: number; opener: Opener }[] = [];
  const stack: (CST.Token | null | undefined)[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop();
    if (!token) continue;
    if (token.type === 'document') stack.push(token.value);
    else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
      // Closed when it ends with its quote, an escaped `\"` or a doubled `''` inside aside.
      const inner = token.source.slice(1).replace(quote === '"' ? /\\[^]/g : /''/g, '');
      if (!inner.includes(quote)) found.push({ offset: token.offset, opener: quote });
    } else if (COLLECTIONS.has(token.type)) {
      if (token.type === 'flow-collection' && token.end.length === 0)
        found.push({ offset: token.offset, opener: token.start.source === '{' ? '{' : '[' });
      for (const item of (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items) {
        if ('key' in item) stack.push(item.key);
        if ('value' in item) stack.push(item.value);
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Where the quote or bracket that a yaml error says (readYamlError) was never closed opens: the last one before `pos`, the error's place. */
function unclosedAt(
  pos: number,
  said: YamlErrorSays,
  unclosed: readonly { offset: number; opener: Opener }[],
): number | undefined {
  if (said.kind !== 'unclosed') return undefined;
  return unclosed.filter((token) => token.opener === said.opener && token.offset <= pos).at(-1)?.offset;
}

/** The first document composed from a syntax tree, as yaml's parseDocument does it. */
function composeOne(tokens: readonly CST.Token[], length: number): Document {
  // Source tokens kept: a block list item's line is that of its `-` (listItemIndicator).
  const composer = new Composer({
    schema: 'core',
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: true,
  });
  let doc: Document | undefined;
  for (const composed of composer.compose(tokens, true, length)) {
    if (!doc) doc = composed;
    else {
      doc.errors.push(
        new YAMLParseError(
          composed.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'A second YAML document starts here',
        ),
      );
      break;
    }
  }
  return doc!;
}

/** The names a mapping's keys may have, by the mapping's path, or undefined where any key may stand. */
export type KnownKeys = (path: readonly (string | number)[]) => readonly string[] | undefined;

/** What YAML read a key that is not text as (`12:` a number, `~:` null), for the message that says keys are names. */
function keyReadAs(key: unknown): string {
  if (isSeq(key)) return 'a list (`? [a, b]` or `[a, b]:`)';
  if (isMap(key)) return 'a mapping (`? {a: b}` or `{a: b}:`)';
  const value = isScalar(key) ? key.value : null;
  if (value === null || value === undefined) return 'empty (YAML reads `null`, `~` or no name at all as none)';
  if (typeof value === 'boolean') return `the boolean ${String(value)} (YAML reads \`true\`, \`false\` so)`;
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  return `a ${typeof value}`;
}

/**
 * One pass over a parsed YAML document: no anchors, aliases or explicit tags (metadata is plain
 * data), keys are plain scalars given once per mapping, and mappings, lists and nesting stay
 * within YAML_LIMITS. Iterative, so deep nesting cannot overflow the stack.
 */
function checkPlainData(
  doc: Document,
  yamlText: string,
  lineOf: (node: Node) => number,
  problem: (kind: string, line: number, message: string, path?: readonly (string | number)[]) => ContentProblem,
  knownKeys: KnownKeys,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Lines already reported for an anchor or alias: `[*a, *a, *a, …]` is one problem, not one per alias.
  const aliasLines = new Set<number>();
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [
    { node: doc.contents, depth: 1, path: [] },
  ];
  while (stack.length > 0 && problems.length < YAML_LIMITS.errors) {
    const { node, depth, path } = stack.pop()!;
    if (!isNode(node)) continue;
    const line = lineOf(node);
    if (isAlias(node) || node.anchor) {
      if (!aliasLines.has(line))
        problems.push(
          problem(
            'yaml-alias',
            line,
            'YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out.',
          ),
        );
      aliasLines.add(line);
      continue;
    }
    if (node.tag) {
      problems.push(
        problem(
          'yaml-tag',
          line,
          `Explicit YAML tags (${shortened(node.tag, 40)}) are not allowed; write plain values.`,
        ),
      );
      continue;
    }
    if (isScalar(node) && node.type === 'PLAIN' && node.range && COMMENT_AFTER.test(yamlText.slice(node.range[1]))) {
      problems.push(problem('yaml-comment-cuts-value', line, commentCutsValue(String(node.source))));
      continue;
    }
    const otherReading =
      isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' ? yaml11Reading(node.value) : undefined;
    if (otherReading) {
      problems.push(problem('yaml-1-1-scalar', line, otherReading, path));
      continue;
    }
    const texEscape =
      isScalar(node) && node.type === 'QUOTE_DOUBLE' && node.range
        ? texAsEscape(yamlText.slice(node.range[0], node.range[1]))
        : undefined;
    if (texEscape) {
      problems.push(problem('yaml-escape-in-tex', line + texEscape.linesBefore, texEscape.message, path));
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > YAML_LIMITS.depth) {
      problems.push(problem('yaml-too-deep', line, NESTED_TOO_DEEPLY));
      continue;
    }
    if (isSeq(node)) {
      if (node.items.length > YAML_LIMITS.sequenceItems) {
        problems.push(
          problem(
            'yaml-list-too-long',
            line,
            `YAML: a list of ${node.items.length} items; at most ${YAML_LIMITS.sequenceItems}.`,
          ),
        );
        continue;
      }
      node.items.forEach((item, index) => stack.push({ node: item, depth: depth + 1, path: [...path, index] }));
      continue;
    }
    if (node.items.length > YAML_LIMITS.mappingKeys) {
      problems.push(
        problem(
          'yaml-mapping-too-large',
          line,
          `YAML: a mapping of ${node.items.length} keys; at most ${YAML_LIMITS.mappingKeys}: keep to the documented fields.`,
        ),
      );
      continue;
    }
    const seen = new Map<string, number>();
    let previous: { name: string; line: number } | undefined;
    for (const pair of node.items) {
      const key = pair.key;
      const keyLine = isNode(key) ? lineOf(key) : line;
      const before = previous;
      previous = undefined;
      if (isNode(key) && (key.anchor || key.tag)) {
        stack.push({ node: key, depth, path });
        continue;
      }
      const known = knownKeys(path);
      // Where the keys are field names (the paper's, its links', a topic's), a key YAML reads as
      // anything but text (`null:`, `~:`, `12:`, `true:`, `? [a, b]`) is one problem, whatever it
      // is read as: it names no field. Not the value's text read as a key (below).
      if (
        known !== undefined &&
        before?.line !== keyLine &&
        !(path.length > 0 && isCollection(key)) &&
        (!isScalar(key) || typeof key.value !== 'string')
      ) {
        problems.push(
          problem(
            'yaml-key-not-plain',
            keyLine,
            `YAML: keys must be plain words, the names of fields (${known.map((name) => `\`${name}:\``).join(', ')}), not ${keyReadAs(key)}: give the value its field's name, or delete the line.`,
            path,
          ),
        );
        continue;
      }
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
        // In a field's value (`title: [A, B]: a study`), text that starts with "[" or "{" and
        // holds ": ": YAML read a mapping with a list for its key; the value was meant as text.
        // On the line of the field before it (`title: [A, B]: a study`): YAML ended that field's
        // value at its closing bracket and read the rest, from ": ", as a key with no name.
        const inValue = path.length > 0 && isCollection(key);
        problems.push(
          before?.line === keyLine
            ? problem(
                'yaml-key-not-plain',
                keyLine,
                `YAML read this line's value in two: text that starts with "[" or "{" ends at its closing bracket, and the ": " after it starts a key with no name: to write it as text, ${quoteWholeValue([...path, before.name])}.`,
                [...path, before.name],
              )
            : inValue
              ? problem(
                  'yaml-key-not-plain',
                  keyLine,
                  `YAML read this value as a mapping with ${isSeq(key) ? 'a list' : 'a mapping'} for its key ("[" or "{" at its start, and ": " in it): to write it as text, ${quoteWholeValue(path)}.`,
                  path,
                )
              : problem(
                  'yaml-key-not-plain',
                  keyLine,
                  'YAML: keys must be plain words (`name:`), not lists, mappings or empty.',
                ),
        );
        continue;
      }
      const name = typeof key.value === 'string' ? key.value : JSON.stringify(key.value);
      const first = seen.get(name);
      if (first !== undefined) {
        problems.push(
          problem(
            'yaml-key-repeated',
            keyLine,
            `YAML: Map keys must be unique; "${shortened(name, 40)}" is already given on line ${first}: keep one.`,
          ),
        );
      } else {
        seen.set(name, keyLine);
      }
      previous = { name, line: keyLine };
      stack.push({ node: pair.value, depth: depth + 1, path: [...path, name] });
    }
  }
  return problems;
}

/**
 * What YAML's escapes in double quotes decode to, for the escapes that are a letter (or `0`,
 * `_`) and so begin TeX commands: `"$\frac{a}{b}$"` is a form feed and `rac{a}{b}`, `"\alpha"` a
 * bell and `lpha`, `"\theta"` a tab, `"\Lambda"` a line separator, `"a\_b"` a no-break space,
 * all without a word from YAML. `\x`, `\u` and `\U` take hex digits, and YAML refuses
 * `\xi` or `\upsilon` itself; `\"` before a letter is a quote (`"a \"word\""`).
 */
const LETTER_ESCAPES: Readonly<Record<string, string>> = {
  '0': 'a null character',
  a: 'a bell',
  b: 'a backspace',
  e: 'an escape character',
  f: 'a form feed',
  n: 'a line break',
  r: 'a carriage return',
  t: 'a tab',
  v: 'a vertical tab',
  N: 'a next-line character',
  L: 'a line separator',
  P: 'a paragraph separator',
  _: 'a no-break space',
};

/**
 * TeX written in double quotes (`title: "On $\alpha$-Stable Laws"`), read as YAML escapes: the
 * first escape of a letter that begins a TeX command, said as such and where it is; otherwise the
 * contributor hears of a bell or a form feed they never typed. A command is the escape and the
 * letters after it inside `$…$`, a math command (`\alpha`, `\nabla` outside math too), or letters
 * and a `{` (`\textbf{…}`, `\v{r}`). An escape before a word is what it says (`"A\nB"`,
 * `"Ada\tLovelace"`: a line break, a tab, refused as such later).
 */
function texAsEscape(quoted: string): { message: string; linesBefore: number } | undefined {
  // Escapes read in order, so `\\frac` (a backslash, then `frac`) is no escape of `f`.
  for (const match of quoted.matchAll(/\\(.)([A-Za-z]*)(\{)?/gs)) {
    const [, escape, rest, brace] = match as unknown as [string, string, string, string | undefined];
    const decoded = LETTER_ESCAPES[escape];
    if (decoded === undefined || (rest === '' && brace === undefined)) continue;
    const command = `\\${escape}${rest}`;
    const inMath = (quoted.slice(0, match.index).match(/(?<!\\)\$/g)?.length ?? 0) % 2 === 1;
    if (!inMath && !ALLOWED_COMMANDS.has(command) && brace === undefined) continue;
    const shown = shortened(command, 40);
    return {
      linesBefore: quoted.slice(0, match.index).split('\n').length - 1,
      message: `YAML: in double quotes "\\${escape}" is an escape, ${decoded}, so "${shown}" is not TeX there: put the value in single quotes, or in double quotes write its backslash twice ("\\${shown}").`,
    };
  }
  return undefined;
}

/**
 * A plain value that this digest's YAML 1.2 reads as text but YAML 1.1 as a boolean or a number
 * (PyYAML's resolver, which Ruby's Psych and so editors' and code review's front-matter previews
 * share): `title: no` is the title "no" here and `false` there, `venue: 1_000` the text "1_000"
 * here and 1000 there, `1:20` 80. One file, two values: a reviewer reads one, the site another.
 * Timestamps are left out: `2025-06-06` names one day to either.
 */
const YAML_11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
const YAML_11_NUMBER = new RegExp(
  [
    String.raw`[-+]?0b[0-1_]+`,
    String.raw`[-+]?0[0-7_]+`,
    String.raw`[-+]?(?:0|[1-9][0-9_]*)`,
    String.raw`[-+]?0x[0-9a-fA-F_]+`,
    String.raw`[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`,
    String.raw`[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?`,
    String.raw`\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?`,
    String.raw`[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*`,
    String.raw`[-+]?\.(?:inf|Inf|INF)`,
    String.raw`\.(?:nan|NaN|NAN)`,
  ]
    .map((form) => `^(?:${form})$`)
    .join('|'),
);

/**
 * Whether YAML 1.1 reads `value`, written unquoted, as a boolean or a number, not as the text
 * this digest reads (YAML_11_BOOLEAN, YAML_11_NUMBER): the check refuses it unquoted, and
 * new-paper writes it in quotes.
 */
export function isYaml11NonText(value: string): boolean {
  return YAML_11_BOOLEAN.test(value) || YAML_11_NUMBER.test(value);
}

/** The message for a plain value YAML 1.1 reads as no text (isYaml11NonText), or undefined. */
function yaml11Reading(value: string): string | undefined {
  if (!isYaml11NonText(value)) return undefined;
  const boolean = YAML_11_BOOLEAN.test(value);
  const shown = shortened(value, 40);
  const what = boolean ? `the boolean ${/^(?:yes|on)$/i.test(value) ? 'true' : 'false'}` : 'a number';
  return `YAML: the unquoted "${shown}" is text to this digest but ${what} to tools that read YAML 1.1 (PyYAML, Ruby's, so editors' and code review's previews of the file): write it in quotes, "${shown}".`;
}

/**
 * ` #` right after an unquoted value, on its line: YAML reads a comment there and the value ends
 * before it, so `title: Learning #hashtags` was the title "Learning". Quoted values and comments on
 * lines of their own are unambiguous.
 */
const COMMENT_AFTER = /^[ \t]+#/;

function commentCutsValue(value: string): string {
  const shown = shortened(value, 60);
  return `YAML: " #" starts a comment, so this value ends at "${shown}" and the rest of the line is dropped: put the whole value in quotes if the # belongs to it, or move the comment to a line of its own.`;
}

/**
 * The 1-based file line where a field is named (`['links', 'code']`: its `code:` key) or a list
 * item stands (`['tags', 1]`: its `-`, also when the value is on the line after it), or that of
 * its nearest parent that has one. A field's problems are
 * reported at its key, where a contributor looks for the field and an editor jumps, also when its
 * value starts on a later line (a list under `title:`, a quoted value on the next line): a wrong
 * type at the value's line and an unknown key at the key's once named two lines for one field.
 */
export function nodeLine(
  doc: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const prefix = path.slice(0, depth);
    const last = prefix.at(-1)!;
    if (typeof last === 'number') {
      const list = depth > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      const indicator = listItemIndicator(list, last);
      if (indicator !== undefined) return lineAt(indicator);
      const item = doc.getIn(prefix, true);
      if (isNode(item) && item.range) return lineAt(item.range[0]);
      continue;
    }
    const parent = depth > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
    const pair = (parent as { items?: { key?: unknown }[] } | null)?.items?.find(
      (entry) => isScalar(entry.key) && String(entry.key.value) === last,
    );
    if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
  }
  return undefined;
}

/**
 * Where the `-` of a block list's item stands, from the syntax tree the document keeps
 * (keepSourceTokens): its value may start on a later line (`-` alone, the name indented below),
 * and the item is where a contributor wrote the `-`. Undefined for a flow list (`[a, b]`, whose
 * items are their values) or when the tree's items do not pair with the list's one for one.
 */
function listItemIndicator(list: unknown, index: number): number | undefined {
  if (!isSeq(list)) return undefined;
  const token = list.srcToken;
  if (token?.type !== 'block-seq' || token.items.length !== list.items.length) return undefined;
  return token.items[index]?.start.find((part) => part.type === 'seq-item-ind')?.offset;
}

/**
 * What to write for a value YAML read as a list or a mapping (`title: [A, B]`, `venue: {…}`,
 * `- Ada Lovelace: MIT`) where text was meant, for the field at `path`.
 */
export function quoteWholeValue(path: readonly (string | number)[]): string {
  const last = path.at(-1);
  return `write the whole value in double quotes (\`${typeof last === 'number' ? '- "…"' : `${String(last)}: "…"`}\`)`;
}
