import type { ContentProblem } from './problems.ts';

/**
 * Largest paper file read at all, in bytes: room for the frontmatter limit (YAML_LIMITS) and
 * the body limit (LIMITS.body) in any UTF-8; a larger file is refused before it is decoded.
 */
export const MAX_FILE_BYTES = 1536 * 1024;

/** The problem with a paper file of `size` bytes, if it is too large to read. */
export function fileSizeProblem(file: string, size: number): ContentProblem | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  return {
    file,
    line: 1,
    field: 'file',
    kind: 'file-too-large',
    message: `has ${size} bytes; a paper file must be at most ${MAX_FILE_BYTES}: it holds the metadata and the abstract only.`,
  };
}
