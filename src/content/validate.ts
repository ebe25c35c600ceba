import { LIMITS, PAPER_KEYS, LINK_KEYS, type PaperData, type PaperSchema } from './schema.ts';
import { parseSource } from './frontmatter.ts';
import { renderPaperBody, type RenderedBody } from './pipeline.ts';
import type { ContentProblem } from './problems.ts';
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
  lines: { arxiv: number; title: number };
}

// C0 controls other than tab/newline/CR, DEL, C1 controls, and the bidi controls that can make
// text display differently from what it is ("Trojan Source").
const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/u;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function idFromPath(file: string): string {
  return (file.split('/').at(-1) ?? file).replace(/\.mdx$/, '');
}

export function validatePaper(
  file: string,
  bytes: Uint8Array,
  schema: PaperSchema,
): { paper?: ValidPaper; problems: ContentProblem[] } {
  const problem = (line: number, field: string, message: string): ContentProblem => ({ file, line, field, message });

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

  let hasControlCharacters = false;
  text.split('\n').forEach((line, index) => {
    const match = FORBIDDEN_CHARACTERS.exec(line);
    if (match) {
      hasControlCharacters = true;
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({
        file,
        line: index + 1,
        column: match.index + 1,
        field: 'file',
        message: `contains the invisible control character U+${code}: delete it.`,
      });
    }
  });
  if (hasControlCharacters) return { problems };

  const id = idFromPath(file);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.length > 100) {
    problems.push(
      problem(
        1,
        'file',
        `name "${id}.mdx" must be the arXiv id (e.g. 2306.13575.mdx) or a short slug of letters, digits, dots and hyphens.`,
      ),
    );
  }

  const { source, problems: yamlProblems } = parseSource(file, text);
  if (!source) return { problems: [...problems, ...yamlProblems] };
  problems.push(...yamlProblems);

  if (source.body.length > LIMITS.body) {
    problems.push(
      problem(
        source.bodyLine,
        'body',
        `has ${source.body.length} characters; an abstract must be at most ${LIMITS.body}: paste the abstract only, not the paper.`,
      ),
    );
  }

  const parsed = schema.safeParse(source.data);
  if (!parsed.success) {
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

  if (problems.length > 0 || !parsed.success || !rendered) return { problems };
  return {
    problems,
    paper: {
      id,
      file,
      data: parsed.data,
      body: source.body,
      rendered,
      lines: { arxiv: source.lineOf(['arxiv']), title: source.lineOf(['title']) },
    },
  };
}

function fieldName(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>(
      (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
      '',
    ) || 'frontmatter'
  );
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
