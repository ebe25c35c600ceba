import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { siteConfig } from '../site.config.ts';
import type { ValidPaper } from './validate.ts';
import { byCodeUnits } from '../lib/text-order.ts';

/**
 * Remembers which paper files passed `npm run check`, by a digest of their bytes and, for a file
 * that had settled, its stamp (size, times, inode: discover.ts), so a check run on every save
 * reads only the files whose stamp changed, and checks only those whose bytes did. (Git's index
 * and ESLint's cache trust a file's stat the same way.) A file with problems is never cached: its
 * messages are always computed afresh. The cache is thrown away whenever the rules may have
 * changed: the code of the content modules, the render libraries' versions, the dependency
 * lockfile or the topic vocabulary.
 */
export type CheckedPaper = Omit<ValidPaper, 'rendered' | 'body'>;

interface CacheFile {
  rules: string;
  /** By file: the digest of the bytes that passed, and the file's stamp then, if it had settled. */
  papers: Record<string, { digest: string; stamp?: string; paper: CheckedPaper }>;
}

/**
 * The modules whose code decides whether a paper is valid and what it renders to: these entry
 * points and every local module they import, found by reading their imports, so a new rule
 * module is covered without being listed here.
 */
const RULE_ENTRY_POINTS = ['validate.ts', 'validate-many.ts', 'collection.ts', 'discover.ts', 'vocabulary.ts'].map(
  (name) => new URL(`./${name}`, import.meta.url),
);

/**
 * The libraries that parse, judge and render papers: a new version may render the same file
 * differently (a KaTeX upgrade changes HTML that must match the shipped stylesheet) or judge it
 * differently (entities' table of references, unicode2latex's LaTeX for a name, unhomoglyph's table of look-alike letters), so their resolved
 * versions are part of the cache key. A test checks every package a rule module imports is here.
 */
export const RENDER_LIBRARIES = [
  '@astrojs/markdown-remark',
  'acorn',
  'acorn-jsx',
  'astro',
  'decode-named-character-reference',
  'entities',
  'hast-util-from-html',
  'hast-util-to-html',
  'hast-util-to-text',
  'htmlparser2',
  'katex',
  'mdast-util-math',
  'mdast-util-mdx',
  'mdast-util-to-hast',
  'micromark',
  'micromark-extension-math',
  'micromark-extension-mdxjs',
  'micromark-util-decode-numeric-character-reference',
  'rehype-katex',
  'remark-math',
  'remark-mdx',
  'remark-parse',
  'remark-rehype',
  'tlds',
  'unicode2latex',
  'unhomoglyph',
  'unified',
  'unist-util-visit',
  'vfile',
  'yaml',
  'zod',
] as const;

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every content-rule module: the entry points and their local imports, transitively. */
export async function ruleSources(entryPoints: readonly URL[] = RULE_ENTRY_POINTS): Promise<Map<string, Buffer>> {
  const sources = new Map<string, Buffer>();
  const pending = [...entryPoints];
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (sources.has(url.href)) continue;
    const code = await readFile(url);
    sources.set(url.href, code);
    // Static imports, and dynamic ones (`import('./validate.ts')`).
    for (const match of code.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      pending.push(new URL(match[1]!, url));
    }
  }
  return new Map([...sources].sort(([a], [b]) => byCodeUnits(a, b)));
}

/** `name@version` of each render library, as installed under `root`'s node_modules. */
export async function renderLibraryVersions(root: string): Promise<string[]> {
  return Promise.all(
    RENDER_LIBRARIES.map(async (name) => {
      const version = await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')
        .then((text) => String((JSON.parse(text) as { version?: unknown }).version))
        .catch(() => 'absent');
      return `${name}@${version}`;
    }),
  );
}

/**
 * The cache key of the content rules: the code of every rule module, the versions of the
 * render libraries (read from `root`'s node_modules unless given), Node's Unicode version and any
 * other inputs (the topic vocabulary). The loader and `npm run check` key their caches on it.
 */
export async function rulesDigest({
  root,
  inputs = [],
  versions,
}: {
  root: string;
  inputs?: (string | Uint8Array)[];
  versions?: readonly string[];
}): Promise<string> {
  const hash = createHash('sha256');
  for (const [url, code] of await ruleSources()) hash.update(`${url}\n`).update(code);
  for (const version of versions ?? (await renderLibraryVersions(root))) hash.update(`${version}\n`);
  // Which links an abstract may have depends on the site's own origin (pipeline.ts refuses links to it).
  hash.update(`${new URL(siteConfig.siteUrl).origin}\n`);
  // Which code points are unassigned, and so refused (characters.ts), depends on Node's Unicode version.
  hash.update(`unicode ${process.versions.unicode}\n`);
  for (const input of inputs) hash.update(input);
  return hash.digest('hex');
}

/**
 * How long after a file last changed its stat is trusted to stand for its bytes. A file changed
 * again within the same tick of the file system's clock (coarse on some) could keep its times:
 * as Git does, a file seen changing this recently is read, and its stat not remembered.
 */
export const STAT_SETTLE_MS = 2000;

export class CheckCache {
  private fresh: CacheFile['papers'] = {};
  private changed: boolean;
  private readonly path: string;
  private readonly rules: string;
  private readonly previous: CacheFile['papers'];

  private constructor(path: string, rules: string, previous: CacheFile['papers'], changed: boolean) {
    this.path = path;
    this.rules = rules;
    this.previous = previous;
    this.changed = changed;
  }

  static async open(path: string, rules: string): Promise<CheckCache> {
    const stored = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as CacheFile)
      .catch(() => undefined);
    const valid = stored?.rules === rules;
    return new CheckCache(path, rules, valid ? stored.papers : {}, !valid);
  }

  /** The paper that passed with these bytes, if this file's were the same when it passed. */
  get(file: string, digest: string, stamp?: string): CheckedPaper | undefined {
    const entry = this.previous[file];
    if (entry?.digest !== digest) return undefined;
    this.keep(file, { ...entry, stamp });
    return entry.paper;
  }

  /**
   * The paper that passed when this file had this stamp (discover.ts: size, times, inode), if it
   * still has it: its bytes are not even read. Undefined for a stamp not remembered.
   */
  getByStamp(file: string, stamp: string): CheckedPaper | undefined {
    const entry = this.previous[file];
    if (entry?.stamp === undefined || entry.stamp !== stamp) return undefined;
    this.keep(file, entry);
    return entry.paper;
  }

  /** Remembers a paper that passed; `stamp` only for a file that had settled (STAT_SETTLE_MS). */
  set(file: string, digest: string, paper: CheckedPaper, stamp?: string): void {
    this.keep(file, { digest, paper, stamp });
  }

  private keep(file: string, entry: CacheFile['papers'][string]): void {
    if (entry.stamp === undefined) delete entry.stamp;
    const before = this.previous[file];
    if (before?.digest !== entry.digest || before.stamp !== entry.stamp || before.paper !== entry.paper) {
      this.changed = true;
    }
    this.fresh[file] = entry;
  }

  /**
   * Writes the files seen in this run, so deleted papers drop out; nothing when that is what the
   * file holds already (at 10,000 papers it is megabytes of JSON).
   */
  async save(): Promise<void> {
    const dropped = Object.keys(this.previous).some((file) => !(file in this.fresh));
    if (!this.changed && !dropped) return;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, JSON.stringify({ rules: this.rules, papers: this.fresh } satisfies CacheFile));
    this.changed = false;
  }
}
