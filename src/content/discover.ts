import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ContentProblem } from './problems.ts';
import { fileSizeProblem } from './file-size.ts';
import { YEAR_FOLDER } from './paper-id.ts';
import { isGone } from './read-files.ts';
import { decodeUtf8, type NotUtf8 } from './utf8.ts';

/**
 * Finds the paper files under a folder, for the loader and `npm run check` alike, without ever
 * following a symbolic link: a link (to a file or a folder, anywhere under the folder, or the
 * folder itself) is a problem, as is any entry that is not a folder or a regular file (a FIFO
 * would block the read), a file that is not `.mdx`, a file too large to be a paper, a paper
 * directly in the papers folder rather than in its year's folder, and a folder that is not a year
 * folder (`2025`) directly in the papers folder (its contents are not read).
 * Entries whose names start with `.` (editor and OS files) are skipped unless they are links.
 *
 * tinyglobby with `followSymbolicLinks: false` leaves links out of its results without a word,
 * so it cannot report them: this walk reads each folder's entries with their types instead
 * (`readdir` with `withFileTypes`, which, like `lstat`, describes a link, not its target), and
 * `lstat`s every paper before it is read.
 */
export interface FoundPaper {
  /** Path relative to the papers folder, with forward slashes. */
  name: string;
  /** Path shown in problems, relative to the project root. */
  file: string;
  /**
   * The file's size, modification and change times (ns) and inode, as seen before it is read:
   * while they stay the same, so do its bytes (see check-cache.ts, which trusts this only for a
   * file last changed well before it was seen).
   */
  stamp: string;
  /** When the file last changed (the later of its modification and change times), in ms. */
  changedMs: number;
}

const NESTED_FOLDER =
  'is a folder inside a year folder: papers are files directly in content/papers/<year>/; move its papers there and remove it.';

function yearFolderProblem(name: string): string | undefined {
  if (YEAR_FOLDER.test(name)) return undefined;
  return `is not a year folder: papers live in content/papers/<year>/<name>.mdx, the four-digit year of their date (e.g. content/papers/2025/); move its papers there and remove it.`;
}

/**
 * The problem of a file or folder whose name is no UTF-8: the bytes decodeUtf8 found bad (its
 * badBytes, not its sentence, which is about a file's text), or for a name it read as UTF-16
 * (starting FF FE), its first two.
 */
function notUtf8Name(decoded: NotUtf8, name: Uint8Array): string {
  const bad =
    decoded.badBytes.length > 0
      ? decoded.badBytes
      : [...name.subarray(0, 2)].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'));
  const bytes = `the ${bad.length === 1 ? 'byte' : 'bytes'} ${bad.join(' ')} ${bad.length === 1 ? 'is' : 'are'} no UTF-8 character`;
  return `has a name that is not valid UTF-8 (${bytes}): rename it; a paper is named for its arXiv id (2306.13575.mdx) or a slug of lowercase letters, digits and single hyphens.`;
}

/**
 * `.mdx` files in the content folder outside its papers folder (`content/2306.13575.mdx`,
 * `content/paper/2025/x.mdx`), which neither the check nor the build reads: a paper put there
 * passed the check and never reached the site. Only a papers folder named `papers` has such a
 * content folder around it; links and hidden entries (an editor's) are passed over, and four
 * levels are enough for a slip.
 */
async function papersOutside(top: string): Promise<string[]> {
  if (basename(top) !== 'papers') return [];
  const found: string[] = [];
  const walk = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith('.') || path === top) continue;
      if (entry.isDirectory() && depth < 3) await walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.mdx')) found.push(path);
    }
  };
  await walk(dirname(top), 0);
  return found.sort();
}

/** How much of a misplaced paper is read to find its date, for the folder to name. */
const DATE_SEARCH_BYTES = 4096;

/** The first DATE_SEARCH_BYTES of a file as text, or undefined when it cannot be read. */
function fileStart(path: string): string | undefined {
  try {
    const start = Buffer.alloc(DATE_SEARCH_BYTES);
    // Not following a link, and not waiting on a FIFO put in the file's place since it was listed.
    const handle = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      return start.subarray(0, readSync(handle, start, 0, DATE_SEARCH_BYTES, 0)).toString('utf8');
    } finally {
      closeSync(handle);
    }
  } catch {
    return undefined;
  }
}

/**
 * The problem of a paper directly in the papers folder, naming the folder it belongs in: its
 * date's year when the file's first lines give one (`date: "2025-06-06"`), else `<year>`. The
 * file is not read as a paper: year folders are the rule (validate.ts checks the year).
 */
function notInYearFolder(path: string, name: string, papersFolder: string, where = 'is not in a year folder'): string {
  // Unreadable: the message names no year.
  const year = /^date:[ \t]*["']?(\d{4})-\d\d-\d\d\b/m.exec(fileStart(path) ?? '')?.[1];
  const target = `${papersFolder}/${year ?? '<year>'}/${name}`;
  return `${where}: a paper lives in the folder of its date's four-digit year${
    year ? ` (this one's is ${year})` : ''
  }; move it to ${target}.`;
}

/**
 * A file or folder deleted or renamed while the walk runs (isGone) is skipped, not reported: it is
 * no problem of the content. `list` (a folder's entries) and `stat` (the lstat of a listed paper)
 * are seams for tests to delete a folder before it is read, or a file between listing and stat.
 */
export async function discoverPapers(
  root: string,
  papersDir: string,
  {
    list = (folder: string) => readdir(folder, { withFileTypes: true, encoding: 'buffer' }),
    stat = (path: string) => lstatSync(path, { bigint: true }),
  } = {},
): Promise<{ papers: FoundPaper[]; problems: ContentProblem[]; entries: number }> {
  const top = resolve(root, papersDir);
  const shown = (path: string) => relative(root, path).split(sep).join('/') || '.';
  // Every problem here is of where a file is or what it is: one kind, `file-place`. A folder, a
  // link or an entry that is no regular file has no lines: its problem is shown at no line (the
  // papers folder said `content/papers:1:`); a regular file's, at its first.
  const problem = (path: string, message: string, { isFile = false } = {}): ContentProblem => ({
    file: shown(path),
    ...(isFile ? { line: 1 } : {}),
    field: 'file',
    message,
    kind: 'file-place',
  });
  const link =
    'is a symbolic link: papers must be files in the repository itself, not links; replace it with the file.';
  const problems: ContentProblem[] = [];
  const outside = await papersOutside(top);
  for (const path of outside) {
    const where = `is outside ${shown(top)}/, so neither the check nor the build reads it`;
    problems.push(problem(path, notInYearFolder(path, basename(path), shown(top), where), { isFile: true }));
  }
  const topStats = await lstat(top).catch(() => undefined);
  if (topStats?.isSymbolicLink()) return { papers: [], problems: [...problems, problem(top, link)], entries: 1 };
  // An empty digest is a folder given by mistake, not a site to publish: the check said "✓ 0
  // papers OK" where the build stopped, so it is a problem for both.
  const firstPaper = `papers are files ${shown(top)}/<year>/<name>.mdx (npm run new-paper writes one)`;
  // A paper put beside the folder is the one problem: it says where to move it.
  if (!topStats && outside.length > 0) return { papers: [], problems, entries: outside.length };
  if (!topStats) return { papers: [], problems: [problem(top, `is missing: ${firstPaper}.`)], entries: 0 };
  if (!topStats.isDirectory())
    return { papers: [], problems: [...problems, problem(top, `is not a folder: ${firstPaper}.`)], entries: 1 };

  const candidates: string[] = [];
  let entries = outside.length;
  // The papers folder holds year folders, and they hold papers: a folder anywhere else is refused,
  // and what it holds is not read.
  const folders = [{ path: top, depth: 0 }];
  while (folders.length > 0) {
    const { path: folder, depth } = folders.pop()!;
    const listed = await list(folder).catch((error: unknown) => {
      if (isGone(error)) return [];
      throw error;
    });
    for (const entry of listed) {
      // Names as bytes: a name that is no UTF-8 would be read with U+FFFD in place of its bad
      // bytes, a path no file has, and the stat below would stop the check and the build.
      const decoded = decodeUtf8(entry.name);
      if (!('text' in decoded)) {
        entries++;
        problems.push(
          problem(join(folder, entry.name.toString('utf8')), notUtf8Name(decoded, entry.name), {
            isFile: entry.isFile(),
          }),
        );
        continue;
      }
      const name = decoded.text;
      const path = join(folder, name);
      if (entry.isSymbolicLink()) {
        entries++;
        problems.push(problem(path, link));
      } else if (name.startsWith('.')) {
        continue;
      } else if (entry.isDirectory()) {
        const misplaced = depth === 0 ? yearFolderProblem(name) : NESTED_FOLDER;
        if (misplaced) {
          entries++;
          problems.push(problem(path, misplaced));
        } else folders.push({ path, depth: depth + 1 });
      } else if (!entry.isFile()) {
        entries++;
        problems.push(problem(path, 'is not a regular file: papers are .mdx files; remove it.'));
      } else if (!name.endsWith('.mdx')) {
        entries++;
        problems.push(problem(path, notAPaper(path, name), { isFile: true }));
      } else if (depth === 0) {
        // A paper directly in the papers folder: it belongs in its year's folder, and is not read.
        entries++;
        problems.push(problem(path, notInYearFolder(path, name, shown(top)), { isFile: true }));
      } else {
        entries++;
        candidates.push(path);
      }
    }
  }

  if (entries === 0) problems.push(problem(top, `holds no papers: ${firstPaper}.`));
  const papers: FoundPaper[] = [];
  // Paths as shown and as named, by prefix: `relative()` on every one of 100,000 files costs a
  // third of a second.
  const shownTop = shown(top);
  const start = top.endsWith(sep) ? top.length : top.length + 1;
  const below = (path: string) => path.slice(start).split(sep).join('/');
  // The walk saw files; check each again right before reading, and take its size. Synchronously:
  // a stat is one quick system call, and through the promise API (the thread pool) 100,000 of
  // them take four times as long.
  for (const path of candidates.sort()) {
    let stats: ReturnType<typeof stat>;
    try {
      stats = stat(path);
    } catch (error) {
      if (!isGone(error)) throw error;
      entries--;
      continue;
    }
    const name = below(path);
    const file = shownTop === '.' ? name : `${shownTop}/${name}`;
    const tooLarge = fileSizeProblem(file, Number(stats.size));
    if (!stats.isFile()) problems.push(problem(path, link));
    else if (tooLarge) problems.push(tooLarge);
    else {
      const changedNs = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
      papers.push({
        name,
        file,
        stamp: `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`,
        changedMs: Number(changedNs / 1_000_000n),
      });
    }
  }
  return { papers, problems, entries };
}

/**
 * Why a file in a papers folder is not read, and what to do: a paper saved with its ending in
 * capitals (`2401.00001.MDX`, as editors and file systems that ignore case leave them), or as
 * Markdown with a paper's frontmatter (`x.md` starting `---`), is to be renamed to the name given;
 * anything else (a README.md, notes.md: no paper, which a new name would not make one) moved
 * away or renamed.
 */
function notAPaper(path: string, name: string): string {
  const [, stem, ending = ''] = /^(.+)\.(mdx|md|markdown)$/i.exec(name) ?? [];
  const isPaper =
    stem !== undefined &&
    !stem.startsWith('.') &&
    (ending.toLowerCase() === 'mdx' || /^\uFEFF?---[ \t]*\r?\n/.test(fileStart(path) ?? ''));
  if (!isPaper) return 'is not a paper: papers are .mdx files; move or rename it.';
  return `is not a paper: papers are files ending in .mdx, in lower case: rename it ${stem}.mdx.`;
}
