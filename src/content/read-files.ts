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
 * What each refusal of the file system means, in words, and what the contributor can do about it.
 * Read and write alike: a --from-file that cannot be read, an entry that cannot be written.
 */
const FILE_SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'there is no such file: check its name, and the folder it is named from',
  EISDIR: 'it is a folder: name a file in it',
  ENOTDIR: 'a part of its path is a file, not a folder: check the path',
  EACCES: 'permission denied: let your user read and write it (ls -l shows who may)',
  EPERM: 'permission denied: let your user read and write it (ls -l shows who may)',
  EROFS: 'the file system is read-only: work in a copy on a disk you can write to',
  ENOSPC: 'the disk is full: free some space',
  EDQUOT: 'your disk quota is used up: free some space',
  EFBIG: 'the file is too large for the file system or your limit (ulimit -f): raise the limit',
  EIO: 'the disk could not be read or written: check the disk',
  ELOOP: 'its path has a loop of symbolic links: name the file itself',
  ENAMETOOLONG: 'its name or path is too long: move it to a shorter path',
  EMFILE: 'too many files are open: close some programs',
  ENFILE: 'too many files are open: close some programs',
  EBUSY: 'another program holds it: close that program',
};

/**
 * Why the file system refused to read or write a file: the code's meaning in words, with the code
 * for whoever looks it up, and what to do (`the disk is full, ENOSPC: free some space`); the one
 * wording of such an error for a contributor, where it is no problem of the content. A code
 * without words here keeps Node's message, which names it.
 */
export function fileSystemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = code === undefined ? undefined : FILE_SYSTEM_REASONS[code];
  if (words === undefined) return message;
  const colon = words.indexOf(': ');
  return `${words.slice(0, colon)}, ${code}${words.slice(colon)}`;
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
