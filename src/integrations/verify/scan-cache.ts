import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { PageScan } from './scan.ts';

/**
 * Remembers the scan of each page by a digest of its bytes, so a rebuild that left most pages
 * untouched does not parse them again. Every page is still read and every link still checked
 * against the whole site: only the parse is skipped, and only for identical bytes. The cache is
 * dropped when the scanner's code changes. The file is JSON lines, read and written as a stream:
 * at a hundred thousand papers the scans add up to more than one JavaScript string can hold.
 */
type StoredScan = Omit<PageScan, 'ids'> & { ids: string[] };

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
    const previous = new Map<string, StoredScan>();
    try {
      let header = true;
      for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
        if (header) {
          header = false;
          if (line !== JSON.stringify({ scanner })) break; // another scanner's cache: start afresh
          continue;
        }
        const [digest, scan] = JSON.parse(line) as [string, StoredScan];
        previous.set(digest, scan);
      }
    } catch {
      previous.clear(); // no cache yet, or an unreadable one: scan every page
    }
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
    const file = createWriteStream(this.path, 'utf8');
    const write = async (line: string) => {
      if (!file.write(`${line}\n`)) await once(file, 'drain');
    };
    await write(JSON.stringify({ scanner: this.scanner }));
    for (const entry of this.fresh) await write(JSON.stringify(entry));
    file.end();
    await once(file, 'finish');
  }
}
