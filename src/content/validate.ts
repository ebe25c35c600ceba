import { LIMITS, PAPER_KEYS, LINK_KEYS, type PaperData, type PaperSchema } from './schema.ts';
import { parseSource } from './frontmatter.ts';
import { describeForbiddenCharacter, findForbiddenCharacter, forbiddenInData } from './characters.ts';
import { paperIdFromPath, paperIdProblem } from './paper-id.ts';
import { renderPaperBody, type RenderedBody } from './pipeline.ts';
import { fieldName, type ContentProblem } from './problems.ts';
import { didYouMean } from '../lib/suggest.ts';

/**
 * Everything that can be checked about one paper file on its own: encoding, characters,
 * frontmatter against the schema, and the body through the safe-MDX pipeline. Used by the loader
 * (the build) and by `npm run check`; cross-file checks live in `collection.ts`.
 */
export interface ValidPaper {
  /** Entry id and URL segment: the file name without `.mdx`. */
  id: string;
  file: string;
  data: PaperData;
  body: string;
  rendered: RenderedBody;
  /** Line of each frontmatter field, for cross-file problems. */
  lines: { arxiv: number; title: number; date: number };
}

/**
 * Largest paper file read at all, in bytes: room for the frontmatter limit (YAML_LIMITS) and
 * the body limit (LIMITS.body) in any UTF-8; a larger file is refused before it is decoded.
 */
export const MAX_FILE_BYTES = 256 * 1024;

/** Forbidden characters reported per file. */
const MAX_CHARACTER_PROBLEMS = 10;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The problem with a paper file of `size` bytes, if it is too large to read. */
export function fileSizeProblem(file: string, size: number): ContentProblem | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  return {
    file,
    line: 1,
    field: 'file',
    message: `has ${size} bytes; a paper file must be at most ${MAX_FILE_BYTES}: it holds the metadata and the abstract only.`,
  };
}

export function validatePaper(
  file: string,
  bytes: Uint8Array,
  schema: PaperSchema,
): { paper?: ValidPaper; problems: ContentProblem[] } {
  const problem = (line: number, field: string, message: string): ContentProblem => ({ file, line, field, message });

  const tooLarge = fileSizeProblem(file, bytes.length);
  if (tooLarge) return { problems: [tooLarge] };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problems: [problem(1, 'file', 'is not valid UTF-8: save it as UTF-8 (without BOM).')] };
  }
  const problems: ContentProblem[] = [];
  // A BOM is reported, then dropped so that the rest of the file is still checked in this run.
  if (text.startsWith('\uFEFF')) {
    problems.push(problem(1, 'file', 'starts with a byte-order mark (BOM): save it as UTF-8 without BOM.'));
    text = text.slice(1);
  }
  text = text.replace(/\r\n?/g, '\n');

  let hasForbiddenCharacters = false;
  text.split('\n').forEach((line, index) => {
    const found = findForbiddenCharacter(line, { multiline: true });
    if (found) {
      hasForbiddenCharacters = true;
      problems.push({
        file,
        line: index + 1,
        column: found.index + 1,
        field: 'file',
        message: describeForbiddenCharacter(found),
      });
    }
  });
  if (hasForbiddenCharacters) return { problems };

  const id = paperIdFromPath(file);
  const badId = paperIdProblem(id);
  if (badId) problems.push(problem(1, 'file', badId));

  const { source, problems: yamlProblems } = parseSource(file, text);
  if (!source) return { problems: [...problems, ...yamlProblems] };
  problems.push(...yamlProblems);

  // Characters YAML escapes decode to (`"\u202E"`, `"\e"`) are checked on the decoded data; the
  // schema, whose messages quote values, only sees data that passed.
  // The first few are enough to act on; thousands of escapes would only flood the output.
  const characterProblems = forbiddenInData(source.data)
    .slice(0, MAX_CHARACTER_PROBLEMS)
    .map(({ path, linePath, message }) => problem(source.lineOf(linePath), fieldName(path), message));
  problems.push(...characterProblems);

  if (source.body.length > LIMITS.body) {
    problems.push(
      problem(
        source.bodyLine,
        'body',
        `has ${source.body.length} characters; an abstract must be at most ${LIMITS.body}: paste the abstract only, not the paper.`,
      ),
    );
  }

  const parsed = characterProblems.length > 0 ? undefined : schema.safeParse(source.data);
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const parent = issue.path;
        const known = parent.length === 0 ? PAPER_KEYS : LINK_KEYS;
        for (const key of issue.keys) {
          problems.push(
            problem(
              source.lineOf([...parent, key] as (string | number)[]),
              [...parent, key].join('.'),
              `unknown field.${didYouMean(key, known) || ` Known fields: ${known.join(', ')}.`}`,
            ),
          );
        }
        continue;
      }
      const path = issue.path as (string | number)[];
      problems.push(problem(source.lineOf(path), fieldName(path), describeIssue(issue, path, source)));
    }
  }

  // An oversized body is reported above and not rendered: its size alone could stall the build.
  const { rendered, problems: bodyProblems } =
    source.body.length > LIMITS.body
      ? { rendered: undefined, problems: [] }
      : renderPaperBody(source.body, { file, bodyLine: source.bodyLine });
  problems.push(...bodyProblems);
  if (rendered) problems.push(...abstractTextProblems(rendered.text, source.bodyLine, problem));

  if (problems.length > 0 || !parsed?.success || !rendered) return { problems };
  return {
    problems,
    paper: {
      id,
      file,
      data: parsed.data,
      body: source.body,
      rendered,
      lines: { arxiv: source.lineOf(['arxiv']), title: source.lineOf(['title']), date: source.lineOf(['date']) },
    },
  };
}

/**
 * The abstract as a reader sees it: it must have text, and Markdown character references
 * (`&#x202E;`) must not decode to a character the raw-file scan would have refused.
 */
function abstractTextProblems(
  text: string,
  bodyLine: number,
  problem: (line: number, field: string, message: string) => ContentProblem,
): ContentProblem[] {
  if (text.trim() === '') {
    return [problem(bodyLine, 'body', "is empty: paste the paper's abstract below the frontmatter's closing `---`.")];
  }
  const bad = findForbiddenCharacter(text, { multiline: true });
  return bad ? [problem(bodyLine, 'body', describeForbiddenCharacter(bad, 'a character reference'))] : [];
}

function describeIssue(
  issue: { code: string; message: string; expected?: unknown },
  path: (string | number)[],
  source: { data: Record<string, unknown>; sourceOf(path: (string | number)[]): string | undefined },
): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const value = path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    source.data,
  );
  if (value === undefined) {
    return `is required: add a \`${String(path[0])}:\` field${issue.expected === 'array' ? ' (a list, one item per line)' : ''}.`;
  }
  if (value === null) return 'is empty: give it a value or remove the line.';
  if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const written = source.sourceOf(path) ?? String(value);
    return `was read by YAML as the ${typeof value} ${String(value)}; quote it: "${written}".`;
  }
  const got = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
  return `must be ${issue.expected === 'array' ? 'a list' : `a ${String(issue.expected)}`}, not ${got}.`;
}
