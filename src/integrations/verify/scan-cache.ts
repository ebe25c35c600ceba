import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { PageScan } from './scan.ts';

/**
 * Remembers the scan of each page, so a rebuild that left most pages untouched neither reads nor
 * parses them again. A page is known by its file's signature (inode, size, modification and
 * change times: writing a file always moves its change time, which nothing can set back), and
 * failing that by a digest of its bytes. Every link is still checked against the whole site:
 * only the reading and parsing of an unchanged page is skipped. The cache is dropped when the
 * scanner's code changes. The file is JSON lines, read and written as a stream: at a hundred
 * thousand papers the scans add up to more than one JavaScript string can hold.
 */
type StoredScan = Omit<PageScan, 'ids'> & { ids: string[] };
/** One line of the cache: a page, its file's signature, the digest of its bytes and its scan. */
type Entry = [file: string, signature: string, digest: string, scan: StoredScan];

const SCANNER_SOURCE = new URL('./scan.ts', import.meta.url);

export class ScanCache {
  private readonly path: string;
  private readonly scanner: string;
  private readonly byFile: Map<string, Entry>;
  private readonly byDigest = new Map<string, StoredScan>();
  private readonly fresh = new Map<string, Entry>();

  private constructor(path: string, scanner: string, byFile: Map<string, Entry>) {
    this.path = path;
    this.scanner = scanner;
    this.byFile = byFile;
    for (const [, , digest, scan] of byFile.values()) this.byDigest.set(digest, scan);
  }

  static async open(path: string): Promise<ScanCache> {
    const scanner = await codeDigest([SCANNER_SOURCE]);
    const previous = new Map<string, Entry>();
    try {
      let header = true;
      for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
        if (header) {
          header = false;
          if (line !== JSON.stringify({ scanner })) break; // another scanner's cache: start afresh
          continue;
        }
        const entry = JSON.parse(line) as Entry;
        previous.set(entry[0], entry);
      }
    } catch {
      previous.clear(); // no cache yet, or an unreadable one: scan every page
    }
    return new ScanCache(path, scanner, previous);
  }

  static digest(bytes: Uint8Array): string {
    return createHash('sha1').update(bytes).digest('base64url');
  }

  /** What identifies a file's current bytes without reading them. */
  static async signature(path: string): Promise<string> {
    const { ino, size, mtimeNs, ctimeNs } = await stat(path, { bigint: true });
    return `${ino}:${size}:${mtimeNs}:${ctimeNs}`;
  }

  /** The scan of `file` if its signature is the one it had when it was scanned. */
  getByFile(file: string, signature: string): PageScan | undefined {
    const entry = this.byFile.get(file);
    if (entry?.[1] !== signature) return undefined;
    this.fresh.set(file, entry);
    return withIdSet(entry[3]);
  }

  /** The scan of any page with these bytes, remembered for `file` as it is now. */
  getByDigest(file: string, signature: string, digest: string): PageScan | undefined {
    const stored = this.byDigest.get(digest);
    if (!stored) return undefined;
    this.fresh.set(file, [file, signature, digest, stored]);
    return withIdSet(stored);
  }

  set(file: string, signature: string, digest: string, scan: PageScan): void {
    const stored = { ...scan, ids: [...scan.ids] };
    this.byDigest.set(digest, stored);
    this.fresh.set(file, [file, signature, digest, stored]);
  }

  /**
   * Writes the scans of this build's pages only, so the file never outgrows the site; nothing when
   * every page was scanned as before and none is gone (it is tens of megabytes).
   */
  async save(): Promise<void> {
    const unchanged =
      this.fresh.size === this.byFile.size && [...this.fresh].every(([file, entry]) => this.byFile.get(file) === entry);
    if (unchanged) return;
    await mkdir(dirname(this.path), { recursive: true });
    const file = createWriteStream(this.path, 'utf8');
    const write = async (line: string) => {
      if (!file.write(`${line}\n`)) await once(file, 'drain');
    };
    await write(JSON.stringify({ scanner: this.scanner }));
    for (const entry of this.fresh.values()) await write(JSON.stringify(entry));
    file.end();
    await once(file, 'finish');
  }
}

/** A digest of the code that makes a cached result, so a cache made by other code is dropped. */
export async function codeDigest(sources: readonly URL[]): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(await readFile(source));
  return hash.digest('hex');
}

function withIdSet(stored: StoredScan): PageScan {
  return { ...stored, ids: new Set(stored.ids) };
}
