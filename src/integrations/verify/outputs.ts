import { foldersOf } from '../../content/collection.ts';

/**
 * The files the content implies, checked against what the build wrote. Astro only warns when two
 * routes render one path (it keeps one page and skips the other, and exits 0), a file bundle can
 * carry a file nothing else accounts for, and a disk that ignores case holds `A` and `a` as one
 * file. So the build lists every output it means to write, each with what it is written for
 * (src/data/outputs.ts, made from the data and URL functions the pages use), and fails when two of
 * them are one file (or one is a folder of another), or when one is missing from `dist/`.
 */

/** One file the build means to write, relative to the output folder, and what it is written for. */
export interface ExpectedOutput {
  file: string;
  /** What implies the file, for a message: `content/papers/2025/x.mdx`, `author "Ada" (first in …)`. */
  owner: string;
}

/**
 * Where the route src/pages/build-bundles/[list].txt.ts writes the list, one JSON array a line:
 * an owner, then the files written for it, in order (an author owns three or more). The publish
 * step reads it before it removes `build-bundles/`.
 */
export const EXPECTED_OUTPUTS_FILE = 'build-bundles/expected-outputs.txt';

export function encodeExpectedOutputs(outputs: readonly ExpectedOutput[]): string {
  const lines: string[] = [];
  let group: string[] | undefined;
  for (const { file, owner } of outputs) {
    if (group?.[0] === owner) group.push(file);
    else {
      if (group) lines.push(JSON.stringify(group));
      group = [owner, file];
    }
  }
  if (group) lines.push(JSON.stringify(group));
  return lines.map((line) => `${line}\n`).join('');
}

export function decodeExpectedOutputs(text: string): ExpectedOutput[] {
  const outputs: ExpectedOutput[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [owner, ...files] = JSON.parse(line) as string[];
    for (const file of files) outputs.push({ file, owner: owner! });
  }
  return outputs;
}

/**
 * Two outputs that are one file: the same path, or paths a case-insensitive disk (macOS, Windows)
 * takes for one, or a file that another output needs as a folder (`papers/x.bib` and
 * `papers/x.bib/index.html`). Each message names the file and both owners; one line per clash.
 */
export function outputCollisions(outputs: readonly ExpectedOutput[]): string[] {
  const problems: string[] = [];
  // A case-folded path → the output that claimed it first; the same for every folder of a path.
  const files = new Map<string, ExpectedOutput>();
  const folders = new Map<string, ExpectedOutput>();
  const clash = (file: string, first: ExpectedOutput, second: ExpectedOutput, how: string) =>
    problems.push(`${file}: ${how} for ${first.owner} and for ${second.owner}: rename one of them`);
  for (const output of outputs) {
    const key = caseless(output.file);
    const same = files.get(key);
    if (same) {
      const how =
        same.file === output.file
          ? 'written twice'
          : `written as ${same.file} and as ${output.file}, one file on a disk that ignores case,`;
      clash(output.file, same, output, how);
      continue;
    }
    const inside = folders.get(key);
    if (inside) {
      clash(output.file, inside, output, `a folder of ${inside.file} and a file of its own,`);
      continue;
    }
    const parents = foldersOf(key);
    const parent = parents.find((folder) => files.has(folder));
    if (parent !== undefined) {
      const owner = files.get(parent)!;
      clash(output.file, owner, output, `inside ${owner.file}, which is a file,`);
      continue;
    }
    files.set(key, output);
    for (const folder of parents) if (!folders.has(folder)) folders.set(folder, output);
  }
  return problems;
}

/** Outputs the build did not write (`written`: every file in the output folder, relative to it). */
export function missingOutputs(outputs: readonly ExpectedOutput[], written: ReadonlySet<string>): string[] {
  return outputs
    .filter(({ file }) => !written.has(file))
    .map(({ file, owner }) => `${file}: is missing from the output, though ${owner} needs it`);
}

/**
 * Files the build's routes and bundles produced that the list does not name: the list must name
 * every output, or what it leaves out goes unchecked (a new route must add its files to
 * src/data/outputs.ts). `produced`: relative to the output folder, the bundles themselves left out.
 */
export function unlistedOutputs(outputs: readonly ExpectedOutput[], produced: Iterable<string>): string[] {
  const listed = new Set(outputs.map(({ file }) => file));
  return [...produced]
    .filter((file) => !listed.has(file))
    .sort()
    .map((file) => `${file}: was written, but the list of expected outputs (src/data/outputs.ts) does not name it`);
}

/** Every problem with the expected outputs: clashes first, then files missing. */
export function outputProblems(outputs: readonly ExpectedOutput[], written: ReadonlySet<string>): string[] {
  return [...outputCollisions(outputs), ...missingOutputs(outputs, written)];
}

/** A path as a disk that ignores case compares it (the same folding as author keys: upper, then lower). */
function caseless(path: string): string {
  // Most paths are ASCII, where that is lower-casing alone.
  return /^[\0-\x7f]*$/.test(path) ? path.toLowerCase() : path.toUpperCase().toLowerCase();
}
