import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { codeDigest } from './scan-cache.ts';

/**
 * Remembers which feeds, sitemaps and JSON files passed their check, by the file's signature
 * (ScanCache.signature: inode, size, modification and change times), so a rebuild does not read
 * and parse again the 26,000 author feeds it left untouched at 10,000 papers. Only passes are
 * remembered: a file that failed is checked again. The cache is dropped when the checker's code
 * (src/lib/xml.ts, and this folder's index.ts, which says what is checked) changes.
 */
const CHECKER_SOURCES = [new URL('../../lib/xml.ts', import.meta.url), new URL('./index.ts', import.meta.url)];

interface Stored {
  checker: string;
  /** File (relative to dist/) → its signature when it passed. */
  passed: Record<string, string>;
}

export class DocumentCache {
  private readonly path: string;
  private readonly checker: string;
  private readonly previous: Record<string, string>;
  private readonly fresh: Record<string, string> = {};

  private constructor(path: string, checker: string, previous: Record<string, string>) {
    this.path = path;
    this.checker = checker;
    this.previous = previous;
  }

  static async open(path: string): Promise<DocumentCache> {
    const checker = await codeDigest(CHECKER_SOURCES);
    let previous: Record<string, string> = {};
    try {
      const stored = JSON.parse(await readFile(path, 'utf8')) as Stored;
      if (stored.checker === checker && typeof stored.passed === 'object') previous = stored.passed;
    } catch {
      // no cache yet, or an unreadable one: check every file
    }
    return new DocumentCache(path, checker, previous);
  }

  /** Whether `file` passed when it had this signature (and remembers it for the next build). */
  passed(file: string, signature: string): boolean {
    if (this.previous[file] !== signature) return false;
    this.fresh[file] = signature;
    return true;
  }

  record(file: string, signature: string): void {
    this.fresh[file] = signature;
  }

  /** Writes this build's passes only, so the file never outgrows the site. */
  async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const stored: Stored = { checker: this.checker, passed: this.fresh };
    await writeFile(`${this.path}.tmp`, JSON.stringify(stored));
    await rename(`${this.path}.tmp`, this.path);
  }
}
