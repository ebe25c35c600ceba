import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Whether an error says the path names nothing any more: a file deleted or renamed (or its folder)
 * between listing and reading, as an editor's save, a `git checkout` or a contributor's `mv` does
 * while `npm run check` or the dev server runs. Such a file is no problem of the content: it is
 * skipped, in the listing (discover.ts) and in the reading (readFiles), not reported.
 */
export function isGone(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * Why the file system refused to read or write a file, in words, with its code for whoever looks
 * it up (`the disk is full, ENOSPC`): the one wording of such an error for a contributor, where it
 * is no problem of the content (a --from-file that cannot be read, an entry that cannot be written).
 */
export function fileSystemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'there is no such file',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of its path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is too large for the file system',
    EIO: 'the disk could not be read or written',
  };
  if (code === 'ENOENT' || code === 'EISDIR') return words[code]!;
  return code === undefined ? message : `${words[code] ?? message}, ${code}`;
}

/**
 * Reads many files concurrently, a slice at a time: thousands opened at once can exceed the
 * open-file limit, one at a time leaves the disk idle. A file is opened with O_NOFOLLOW, so a
 * paper swapped for a symbolic link after discovery (discover.ts) fails to open instead of
 * reading the link's target. A file gone since it was listed (isGone) reads as undefined, in its
 * place: the caller skips it.
 */
export async function readFiles(dir: string, names: readonly string[], slice = 256): Promise<(Buffer | undefined)[]> {
  const contents: (Buffer | undefined)[] = [];
  for (let start = 0; start < names.length; start += slice) {
    contents.push(
      ...(await Promise.all(
        names.slice(start, start + slice).map((name) =>
          readNoFollow(join(dir, name)).catch((error: unknown) => {
            if (isGone(error)) return undefined;
            throw error;
          }),
        ),
      )),
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
