import { fnv1a32 } from './authors.ts';
import { byCodeUnits } from './text-order.ts';

/**
 * A file bundle: many small output files carried in one build output, for files that are only a
 * string each (an author's feed and `.bib`, a paper's `.bib` and `.json`). Astro spends about a
 * millisecond on every route it renders, whatever the route does, so 52,000 author files at
 * 10,000 papers cost it nearly a minute as routes of their own; as 256 bundles they cost it 256
 * routes. The publish step (src/integrations/bundles.ts) unpacks the bundles into their files
 * and removes them.
 *
 * A bundle is JSON: `{ "files": [[path, body], …] }`, each path relative to the output folder.
 */

/** The output folder the bundles are written to: `src/pages/build-bundles/` is their route. */
export const BUNDLE_FOLDER = 'build-bundles';

export type BundledFile = readonly [path: string, body: string];

/**
 * How many bundles each kind of file is spread over. A file's bundle is fixed by a hash of its
 * owner's key (an author's slug, a paper's id), so a new paper re-renders only its own bundle and
 * its authors' (about forty papers or a hundred authors each at 10,000 papers), not all of them.
 */
export const BUNDLES_PER_KIND = 256;

/**
 * Items grouped into bundles `<kind>-<xx>`, `xx` from a hash of `keyOf(item)`: in bundle name
 * order, each bundle's items in their given order, one static path per non-empty bundle.
 */
export function groupIntoBundles<Item>(
  items: readonly Item[],
  kind: string,
  keyOf: (item: Item) => string,
): [string, Item[]][] {
  const bundles = new Map<string, Item[]>();
  for (const item of items) {
    const name = `${kind}-${(fnv1a32(keyOf(item)) % BUNDLES_PER_KIND).toString(16).padStart(2, '0')}`;
    const members = bundles.get(name);
    if (members) members.push(item);
    else bundles.set(name, [item]);
  }
  return [...bundles].sort(([a], [b]) => byCodeUnits(a, b));
}

export function encodeFileBundle(files: readonly BundledFile[]): string {
  for (const [path] of files) {
    const problem = pathProblem(path);
    if (problem) throw new Error(`A file bundle cannot hold "${path}": ${problem}`);
  }
  // JSON.stringify, not encodeJson: a bundle is never served, only read back by the publish step.
  return JSON.stringify({ files });
}

/** The files of a bundle, every path checked; `name` names the bundle in errors. */
export function decodeFileBundle(text: string, name: string): BundledFile[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: is not a file bundle (not JSON: ${String(error)})`);
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new Error(`${name}: is not a file bundle (no "files" list)`);
  return files.map((file: unknown, index) => {
    if (!Array.isArray(file) || file.length !== 2 || typeof file[0] !== 'string' || typeof file[1] !== 'string') {
      throw new Error(`${name}: file ${index + 1} is not a [path, body] pair of strings`);
    }
    const [path, body] = file as [string, string];
    const problem = pathProblem(path);
    if (problem) throw new Error(`${name}: file ${index + 1} "${path}": ${problem}`);
    return [path, body] as const;
  });
}

/**
 * Why a path may not be written from a bundle, or undefined: it must stay inside the output
 * folder and name one file there, in `/`-separated segments none of which is empty, `.` or `..`.
 */
export function pathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'it is absolute; a bundled path is relative to the output folder';
  if (/[\\\0]/.test(path)) return 'it holds a backslash or a NUL character';
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'it has an empty, "." or ".." segment';
  }
  if (path === BUNDLE_FOLDER || path.startsWith(`${BUNDLE_FOLDER}/`)) return `it is inside ${BUNDLE_FOLDER}/`;
  return undefined;
}
