import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reads many files concurrently, a slice at a time: thousands opened at once can exceed the
 * open-file limit, one at a time leaves the disk idle.
 */
export async function readFiles(dir: string, names: readonly string[], slice = 256): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  for (let start = 0; start < names.length; start += slice) {
    contents.push(...(await Promise.all(names.slice(start, start + slice).map((name) => readFile(join(dir, name))))));
  }
  return contents;
}
