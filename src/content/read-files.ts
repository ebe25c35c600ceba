import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Reads many files concurrently, a slice at a time: thousands opened at once can exceed the
 * open-file limit, one at a time leaves the disk idle. A file is opened with O_NOFOLLOW, so a
 * paper swapped for a symbolic link after discovery (discover.ts) fails to open instead of
 * reading the link's target.
 */
export async function readFiles(dir: string, names: readonly string[], slice = 256): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  for (let start = 0; start < names.length; start += slice) {
    contents.push(
      ...(await Promise.all(names.slice(start, start + slice).map((name) => readNoFollow(join(dir, name))))),
    );
  }
  return contents;
}

async function readNoFollow(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
