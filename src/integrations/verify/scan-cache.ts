import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PageScan } from './scan.ts';

/**
 * Remembers the scan of each page by a digest of its bytes, so a rebuild that left most pages
 * untouched does not parse them again. Every page is still read and every link still checked
 * against the whole site: only the parse is skipped, and only for identical bytes. The cache is
 * dropped when the scanner's code changes.
 */
type StoredScan = Omit<PageScan, 'ids'> & { ids: string[] };

interface CacheFile {
  scanner: string;
  scans: Record<string, StoredScan>;
}

const SCANNER_SOURCE = new URL('./scan.ts', import.meta.url);

export class ScanCache {
  private readonly path: string;
  private readonly scanner: string;
  private readonly previous: Map<string, StoredScan>;
  private readonly fresh = new Map<string, StoredScan>();

  private constructor(path: string, scanner: string, previous: Map<string, StoredScan>) {
    this.path = path;
    this.scanner = scanner;
    this.previous = previous;
  }

  static async open(path: string): Promise<ScanCache> {
    const scanner = createHash('sha256')
      .update(await readFile(SCANNER_SOURCE))
      .digest('hex');
    const stored = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as CacheFile)
      .catch(() => undefined);
    const previous =
      stored?.scanner === scanner ? new Map(Object.entries(stored.scans)) : new Map<string, StoredScan>();
    return new ScanCache(path, scanner, previous);
  }

  static digest(bytes: Uint8Array): string {
    return createHash('sha1').update(bytes).digest('base64url');
  }

  get(digest: string): PageScan | undefined {
    const stored = this.previous.get(digest) ?? this.fresh.get(digest);
    if (!stored) return undefined;
    this.fresh.set(digest, stored);
    return { ...stored, ids: new Set(stored.ids) };
  }

  set(digest: string, scan: PageScan): void {
    this.fresh.set(digest, { ...scan, ids: [...scan.ids] });
  }

  /** Writes the scans of this build's pages only, so the file never outgrows the site. */
  async save(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file: CacheFile = { scanner: this.scanner, scans: Object.fromEntries(this.fresh) };
    await writeFile(this.path, JSON.stringify(file));
  }
}
