import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findCollisions } from './collection.ts';
import { discoverPapers } from './discover.ts';
import { PAPERS_DIR, TOPICS_FILE } from './paths.ts';
import { readFiles } from './read-files.ts';
import { byPlace, type ContentProblem } from './problems.ts';
import { validatePapers, type ValidationJob } from './validate-many.ts';
import { CheckCache, digestOf, rulesDigest, STAT_SETTLE_MS, type CheckedPaper } from './check-cache.ts';
import type { ValidPaper } from './validate.ts';
import { readTopics } from './vocabulary.ts';
import { latestDigestDate, parseCalendarDate } from '../lib/dates.ts';
import { byCodeUnits } from '../lib/text-order.ts';

/**
 * The content check behind `npm run check`: the build's rules, through the same functions the
 * loader calls (discoverPapers, readTopics, validatePapers, findCollisions), without building
 * the site. Two rules are the check's own, because they depend on the clock and the build must
 * not: a digest date more than a day after today (`futureDateProblems`), and an arXiv id of a
 * month after that day's (parseArxivId, given `today` through validatePapers).
 */
export async function checkContent({
  root = process.cwd(),
  papersDir = PAPERS_DIR,
  topicsFile = TOPICS_FILE,
  cacheFile,
  keepRendered = true,
  today = new Date(),
  versions,
  statSettleMs = STAT_SETTLE_MS,
  discover = discoverPapers,
}: {
  root?: string;
  papersDir?: string;
  topicsFile?: string;
  /** Remember papers that passed, by digest (the CLI's default; see check-cache.ts). */
  cacheFile?: string;
  /** Keep each paper's rendered HTML in the result (the CLI only needs the problems). */
  keepRendered?: boolean;
  /** The clock, for the future-date rule. */
  today?: Date;
  /** Render library versions for the cache key (tests); read from node_modules by default. */
  versions?: readonly string[];
  /** How long a file must have been unchanged for its stat to be trusted (tests shorten it). */
  statSettleMs?: number;
  /** The listing of the papers (tests give one that names a file gone since it was listed). */
  discover?: typeof discoverPapers;
} = {}): Promise<{
  problems: ContentProblem[];
  /** Papers that passed on their own: rendered, unless they came from the cache. */
  papers: (CheckedPaper & Partial<Pick<ValidPaper, 'rendered'>>)[];
  files: number;
  /** Paper files whose bytes were read: those the cache could not vouch for by their stat. */
  read: number;
}> {
  const { topics, problems: topicProblems } = readTopics(topicsFile, root);
  // Without a vocabulary every paper's topics would be reported: fix the vocabulary first.
  if (topicProblems.length > 0) return { problems: topicProblems, papers: [], files: 0, read: 0 };
  const cache = cacheFile
    ? await CheckCache.open(
        cacheFile,
        await rulesDigest({
          root,
          versions,
          inputs: [
            JSON.stringify(topics),
            await readFile(resolve(root, 'package-lock.json')).catch(() => new Uint8Array()),
          ],
        }),
      )
    : undefined;
  // Files that changed after this moment minus STAT_SETTLE_MS are read, whatever their stat.
  const seenMs = Date.now();
  const found = await discover(root, papersDir);
  const problems: ContentProblem[] = [...found.problems];
  const papers: (CheckedPaper & Partial<Pick<ValidPaper, 'rendered'>>)[] = [];
  const jobs: (ValidationJob & { digest: string; stamp?: string })[] = [];
  // A file whose stamp is the one it passed with is not read at all; the others are.
  const unread = found.papers.filter(({ file, stamp }) => {
    const cached = cache?.getByStamp(file, stamp);
    if (cached) papers.push(cached);
    return !cached;
  });
  const contents = await readFiles(
    resolve(root, papersDir),
    unread.map((paper) => paper.name),
  );
  // A file deleted or renamed since it was listed (undefined) is skipped: no problem of the content.
  let gone = 0;
  unread.forEach(({ file, stamp, changedMs }, index) => {
    const bytes = contents[index];
    if (!bytes) {
      gone++;
      return;
    }
    const digest = cache ? digestOf(bytes) : '';
    const settledStamp = changedMs < seenMs - statSettleMs ? stamp : undefined;
    const cached = cache?.get(file, digest, settledStamp);
    if (cached) papers.push(cached);
    else jobs.push({ file, bytes, digest, stamp: settledStamp });
  });
  const results = await validatePapers(
    jobs,
    topics.map((topic) => topic.slug),
    { keepRendered, today },
  );
  results.forEach((result, index) => {
    problems.push(...result.problems);
    if (!result.paper) return;
    papers.push(result.paper);
    if (result.problems.length === 0) {
      const { rendered: _rendered, body: _body, ...checked } = result.paper;
      cache?.set(jobs[index]!.file, jobs[index]!.digest, checked, jobs[index]!.stamp);
    }
  });
  await cache?.save();
  // Cached papers come first; the callers get them in file order whatever came from where.
  papers.sort((a, b) => byCodeUnits(a.file, b.file));
  problems.push(...findCollisions(papers), ...futureDateProblems(papers, today));
  problems.sort(byPlace);
  return { problems, papers, files: found.entries - gone, read: unread.length - gone };
}

/**
 * Digest dates more than one day after `today` (UTC): a date far ahead would stay the latest
 * digest, first in every feed, until then. One day of slack lets a digest be dated for
 * tomorrow's mail-out from any time zone. Check-only: the build does not read the clock.
 */
export function futureDateProblems(
  papers: readonly Pick<CheckedPaper, 'file' | 'data' | 'lines'>[],
  today: Date,
): ContentProblem[] {
  return papers.flatMap((paper) => {
    const future = futureDateProblem(paper.data.date, today);
    return future
      ? [
          {
            file: paper.file,
            line: paper.lines.date,
            field: 'date',
            kind: 'date-in-future',
            message: `${paper.data.date} ${future}.`,
          },
        ]
      : [];
  });
}

/**
 * The clock rule for one digest date, as a phrase (`is in the future: …`), or undefined when the
 * date keeps it (or is no calendar date, which the schema reports): the one wording, for a paper's
 * `date:` and for new-paper's `--date`.
 */
export function futureDateProblem(date: string, today: Date): string | undefined {
  const latest = latestDigestDate(today);
  if (!parseCalendarDate(date) || date <= latest) return undefined;
  return `is in the future: a digest date may be ${latest} (tomorrow) at the latest; use the day the digest featured the paper`;
}
