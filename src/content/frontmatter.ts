import { isAlias, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ContentProblem } from './problems.ts';

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
 * Splits and parses frontmatter. YAML is read with the YAML 1.2 core schema (so `2025-06-06`
 * stays a string), duplicate keys are errors, and anchors, aliases and explicit tags are refused:
 * paper metadata is plain data.
 */
export function parseSource(file: string, text: string): { source?: ParsedSource; problems: ContentProblem[] } {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: 'frontmatter',
          message: 'A paper must start with a `---` line, then its YAML frontmatter, then `---`.',
        },
      ],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: 'frontmatter',
          message: 'The frontmatter is never closed: add a `---` line after the last field.',
        },
      ],
    };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const firstYamlLine = 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstYamlLine - 1;

  const problems: ContentProblem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const message = error.message.split('\n')[0] ?? error.message;
    problems.push({
      file,
      line: lineAt(error.pos[0]),
      field: 'frontmatter',
      message: `YAML: ${message.replace(/ at line \d+, column \d+.*$/, '')}`,
    });
  }
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    const line = node.range ? lineAt(node.range[0]) : firstYamlLine;
    if (isAlias(node) || node.anchor) {
      problems.push({
        file,
        line,
        field: 'frontmatter',
        message: 'YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out.',
      });
    } else if (node.tag) {
      problems.push({
        file,
        line,
        field: 'frontmatter',
        message: `Explicit YAML tags (${node.tag}) are not allowed; write plain values.`,
      });
    }
  });
  if (problems.length > 0) return { problems };

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: 'frontmatter',
          message: 'The frontmatter must be a YAML mapping of fields (`title: …`).',
        },
      ],
    };
  }

  return {
    problems,
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

function nodeLine(
  doc: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const prefix = path.slice(0, depth);
    const node = doc.getIn(prefix, true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
    // A key whose value is empty has no value node: use the key's own position.
    const parent = depth > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
    const pair = (parent as { items?: { key?: unknown }[] } | null)?.items?.find(
      (item) => isScalar(item.key) && item.key.value === prefix.at(-1),
    );
    if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
  }
  return undefined;
}
