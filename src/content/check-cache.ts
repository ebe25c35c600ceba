import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ValidPaper } from './validate.ts';

/**
 * Remembers which paper files passed `npm run check`, by a digest of their bytes, so a check
 * run on every save only re-reads what changed. A file with problems is never cached: its
 * messages are always computed afresh. The cache is thrown away whenever the rules may have
 * changed: the code of the content modules, the dependency lockfile or the topic vocabulary.
 */
export type CheckedPaper = Omit<ValidPaper, 'rendered' | 'body'>;

interface CacheFile {
  rules: string;
  papers: Record<string, { digest: string; paper: CheckedPaper }>;
}

/** Files whose code decides whether a paper is valid. */
const RULE_SOURCES = [
  'schema.ts',
  'frontmatter.ts',
  'pipeline.ts',
  'katex-raw.ts',
  'math-rules.ts',
  'validate.ts',
  'problems.ts',
].map((name) => new URL(`./${name}`, import.meta.url));

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function rulesDigest(extraInputs: (string | Uint8Array)[]): Promise<string> {
  const hash = createHash('sha256');
  for (const source of RULE_SOURCES) hash.update(await readFile(source));
  for (const input of extraInputs) hash.update(input);
  return hash.digest('hex');
}

export class CheckCache {
  private fresh: CacheFile['papers'] = {};
  private readonly path: string;
  private readonly rules: string;
  private readonly previous: CacheFile['papers'];

  private constructor(path: string, rules: string, previous: CacheFile['papers']) {
    this.path = path;
    this.rules = rules;
    this.previous = previous;
  }

  static async open(path: string, rules: string): Promise<CheckCache> {
    const stored = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as CacheFile)
      .catch(() => undefined);
    return new CheckCache(path, rules, stored?.rules === rules ? stored.papers : {});
  }

  get(file: string, digest: string): CheckedPaper | undefined {
    const entry = this.previous[file];
    if (entry?.digest !== digest) return undefined;
    this.fresh[file] = entry;
    return entry.paper;
  }

  set(file: string, digest: string, paper: CheckedPaper): void {
    this.fresh[file] = { digest, paper };
  }

  /** Writes only the files seen in this run, so deleted papers drop out. */
  async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, JSON.stringify({ rules: this.rules, papers: this.fresh } satisfies CacheFile));
  }
}
