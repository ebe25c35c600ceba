import { canonicalArxivId } from '../lib/arxiv-id.ts';
import { countOf, paperCount } from '../lib/count.ts';
import {
  ArxivInputError,
  ArxivResponseError,
  ArxivUnreachableError,
  fetchArxivBatch,
  parseArxivInput,
  type ArxivEntry,
  type BatchResult,
} from './arxiv.ts';
import type { CollisionCandidate } from './collection.ts';
import {
  checkEntry,
  contentPaths,
  dateFlagProblems,
  dateSources,
  digestLookup,
  distinctTags,
  tagsAsTopics,
  failsCheckMessage,
  inDigestAt,
  sameNameMessage,
  journalNotes,
  versionNotes,
  fromTex,
  NewPaperError,
  noTopicsGiven,
  readDigestSources,
  readVocabulary,
  scanDigest,
  today,
  unknownTags,
  withdrawnMessage,
  writeNewEntry,
  type NewPaperContext,
  arxivRequestOptions,
} from './new-paper.ts';
import type { ContentProblem } from './problems.ts';
import { decodeUtf8 } from './utf8.ts';
import { acceptedTags, createTagProposer, type TagProposal, type TaggedPaper } from './suggest-tags.ts';

/**
 * `npm run new-paper -- <id> <id> …`: a day's papers at once. Everything that needs no network is
 * settled first (ids read, duplicates in the list and papers already in the digest skipped, flags
 * checked); then arXiv is asked once per batch of ids, politely spaced; then every paper is
 * checked and written on its own, so one failure never stops the others.
 */

export interface NewPapersOptions {
  /** arXiv ids or URLs, in the curator's order. */
  inputs: readonly string[];
  /** Digest date `YYYY-MM-DD` for every paper; today (UTC) when absent. */
  date?: string;
  /** Tags for every paper. Without them, tags are proposed from the digest. */
  tags?: readonly string[];
  /** Write the proposed tags (without it, a paper with no `tags` is reported, not written). */
  acceptSuggested?: boolean;
  /** Check every entry without writing any. */
  dryRun?: boolean;
}

export interface NewPapersContext extends NewPaperContext {
  /** Ids per arXiv request (50). */
  batchSize?: number;
  /** Pause between two requests, per arXiv's terms of use: 3 s. */
  delayMs?: number;
  /**
   * Aborted when the curator stops the run (Ctrl-C): no request is sent and no paper written after
   * it, each such paper is reported as stopped; papers written before it stay, each whole.
   */
  signal?: AbortSignal;
}

interface Known {
  /** What the curator typed. */
  input: string;
  /** The id read from it, when it could be read. */
  id?: string;
}

export type PaperOutcome = Known &
  (
    | {
        /** `written`, or `checked` in a dry run. */
        status: 'written' | 'checked';
        file: string;
        tags: string[];
        /** Present when the tags were proposed, not given. */
        proposals?: TagProposal[];
        /** What the curator should know about the entry (characters left out), as one paper's run says it. */
        notes?: string[];
      }
    /** Listed twice, or already in the digest: not an error, nothing to do. */
    | { status: 'skipped'; reason: string }
    /** Fetched and checked, but no tags to write: the curator decides. */
    | { status: 'needs-tags'; file: string; proposals: TagProposal[]; notes?: string[] }
    | {
        status: 'failed';
        message: string;
        problems: readonly ContentProblem[];
        /** arXiv did not answer usably: nothing to fix, the same command may be run again later. */
        tryAgainLater?: true;
        /** The run was stopped (Ctrl-C) before this paper was written: run the same command again. */
        stopped?: true;
      }
  );

export interface NewPapersReport {
  /** One per input, in input order. */
  outcomes: PaperOutcome[];
  /** How many times arXiv was asked. */
  requests: number;
  /** True when every paper was written (or checked, in a dry run) or skipped. */
  ok: boolean;
}

/**
 * Runs `work` with a signal the first Ctrl-C (SIGINT) aborts, after `onInterrupt` says so; a second
 * Ctrl-C gets Node's default and quits at once. The listener goes when the work ends, however it
 * ends: a Ctrl-C after it (while the summary prints, or in a program that goes on to other work)
 * would otherwise be swallowed, telling a batch that is over to stop.
 */
export async function untilInterrupted<T>(
  work: (signal: AbortSignal) => Promise<T>,
  onInterrupt: () => void,
): Promise<T> {
  const stop = new AbortController();
  const listener = () => {
    onInterrupt();
    stop.abort();
  };
  process.once('SIGINT', listener);
  try {
    return await work(stop.signal);
  } finally {
    process.off('SIGINT', listener);
  }
}

const STOPPED = 'not written: the run was stopped (Ctrl-C) first.';
export const DEFAULT_BATCH = 50;
export const DEFAULT_DELAY_MS = 3000;

export async function newPapers(options: NewPapersOptions, context: NewPapersContext = {}): Promise<NewPapersReport> {
  const { papersDir, topicsFile, rel } = contentPaths(context);
  const { batchSize = DEFAULT_BATCH, delayMs = DEFAULT_DELAY_MS, progress = () => {} } = context;
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // 1. Flags that hold for every paper: a problem here means no paper could be written.
  const topics = readVocabulary(topicsFile);
  const topicSlugs = new Set(topics.map((topic) => topic.slug));
  if (options.tags) options = { ...options, tags: tagsAsTopics(options.tags, topicSlugs) };
  const date = options.date ?? today(context);
  const flagProblems = [
    ...dateFlagProblems(date, context.now?.() ?? new Date()),
    ...unknownTags(options.tags ?? [], topicSlugs, rel(topicsFile)),
  ];
  if (options.tags?.length === 0)
    flagProblems.push(
      noTopicsGiven(
        options.tags,
        topicSlugs,
        rel(topicsFile),
        ', or leave --tags out for topics proposed from the digest',
      ),
    );
  if (options.tags?.length && options.acceptSuggested)
    flagProblems.push('--tags and --accept-suggested: give one; --tags sets the tags of every paper.');
  if (options.inputs.length === 0) flagProblems.push('Give one or more arXiv ids or URLs.');
  if (flagProblems.length > 0) throw new NewPaperError(flagProblems.join('\n'));

  // 2. Ids, duplicates and the digest: no network.
  const existing = await scanDigest(papersDir, rel);
  const inDigest = digestLookup(existing);
  const outcomes: (PaperOutcome | undefined)[] = [];
  const pending: { index: number; input: string; id: string; canonical: string; version?: number }[] = [];
  const firstInput = new Map<string, string>();
  options.inputs.forEach((input, index) => {
    let id, version;
    try {
      ({ id, version } = parseArxivInput(input, context.now?.() ?? new Date()));
    } catch (error) {
      if (!(error instanceof ArxivInputError)) throw error;
      outcomes[index] = { input, status: 'failed', message: error.message, problems: [] };
      return;
    }
    const canonical = canonicalArxivId(id);
    const earlier = firstInput.get(canonical);
    const { twin, sameName } = inDigest(id);
    if (earlier !== undefined) {
      outcomes[index] = { input, id, status: 'skipped', reason: `listed twice (first as ${earlier})` };
    } else if (twin) {
      outcomes[index] = {
        input,
        id,
        status: 'skipped',
        reason: inDigestAt(twin),
      };
    } else if (sameName) {
      outcomes[index] = {
        input,
        id,
        status: 'failed',
        message: sameNameMessage(sameName),
        problems: [],
      };
    } else {
      pending.push({ index, input, id, canonical, ...(version === undefined ? {} : { version }) });
    }
    firstInput.set(canonical, firstInput.get(canonical) ?? input);
  });

  // 3. arXiv, one request per batch.
  const answers = new Map<string, BatchResult | Error>();
  let requests = 0;
  const ask = async (ids: string[]) => {
    if (requests > 0) await sleep(delayMs);
    requests++;
    progress(`Asking arXiv for ${paperCount(ids.length)}…`);
    return fetchArxivBatch(ids, arxivRequestOptions(context));
  };
  const canonicalIds = pending.map((paper) => paper.canonical);
  // Once arXiv says it is busy (HTTP 429 or 503, often with a Retry-After of minutes), the later
  // batches are not sent: asking again 3 s later is not the wait it asked for. Their papers fail
  // with the same reason. Any other failure (a network error, a broken answer) fails its batch alone.
  let down: ArxivUnreachableError | undefined;
  for (let start = 0; start < canonicalIds.length; start += batchSize) {
    let unsettled = canonicalIds.slice(start, start + batchSize);
    // arXiv refusing one id refuses the request: ask again without it, until every id is settled.
    while (unsettled.length > 0) {
      if (context.signal?.aborted) break;
      if (down) {
        for (const id of unsettled) answers.set(id, down);
        break;
      }
      try {
        const results = await ask(unsettled);
        for (const [id, result] of results) answers.set(id, result);
      } catch (error) {
        if (!(error instanceof ArxivUnreachableError || error instanceof ArxivResponseError)) throw error;
        if (error instanceof ArxivUnreachableError && error.busy) down = error;
        for (const id of unsettled) answers.set(id, error);
      }
      const before = unsettled.length;
      unsettled = unsettled.filter((id) => !answers.has(id));
      if (unsettled.length === before) break; // cannot happen; never loop on a feed that settles nothing
    }
  }

  // 4. Each paper on its own: tags, check, write.
  let proposer: ((entry: ArxivEntry) => TagProposal[]) | undefined;
  const propose = async (entry: ArxivEntry) => {
    if (!proposer) {
      const digest = await readTaggedPapers(papersDir, rel);
      const propose = createTagProposer(digest, topics);
      proposer = (paper) => propose({ title: paper.title, text: paper.summary });
    }
    return proposer(entry);
  };
  const added: CollisionCandidate[] = [];
  for (const { index, input, id, canonical, version } of pending) {
    if (context.signal?.aborted) {
      outcomes[index] = { input, id, status: 'failed', message: STOPPED, problems: [], stopped: true };
      continue;
    }
    const answer = answers.get(canonical) ?? new ArxivResponseError(`arXiv's answer did not settle ${id}.`);
    if (answer instanceof Error) {
      outcomes[index] = {
        input,
        id,
        status: 'failed',
        message: `${answer.message} Nothing was written.`,
        problems: [],
        // Not the paper's fault nor the command's: the same command later may well succeed.
        ...(answer instanceof ArxivUnreachableError || answer instanceof ArxivResponseError
          ? { tryAgainLater: true }
          : {}),
      };
      continue;
    }
    if (answer.withdrawn) {
      outcomes[index] = { input, id, status: 'failed', message: withdrawnMessage(id, answer), problems: [] };
      continue;
    }
    const proposals = options.tags?.length ? undefined : await propose(answer);
    const tags = options.tags?.length ? distinctTags(options.tags) : acceptedTags(proposals ?? []);
    const converted = fromTex({ title: answer.title, authors: answer.authors, abstract: answer.summary });
    const checked = checkEntry(
      {
        ...converted,
        date,
        arxiv: id,
        published: answer.published,
        // Untagged, the entry is not written; the rest of it is checked with a stand-in topic so
        // that the curator learns now, not on the next run, whether it would pass.
        tags: tags.length > 0 ? tags : [proposals?.[0]?.tag ?? topics[0]!.slug],
        links: {},
        sources: dateSources(options, true),
      },
      // The papers written so far count too: unreachable while ids are deduplicated above (same
      // canonical id, same file name), but it keeps the batch as strict as \`npm run check\`.
      { papersDir, rel, existing: [...existing, ...added], topicSlugs, today: context.now?.() ?? new Date() },
    );
    const { file } = checked;
    if (checked.problems.length > 0) {
      outcomes[index] = {
        input,
        id,
        status: 'failed',
        message: failsCheckMessage(id),
        problems: checked.problems,
      };
      continue;
    }
    // As one paper's run says them: characters left out, a version other than the one given, a journal.
    const notes = [...(converted.notes ?? []), ...versionNotes(id, version, answer), ...journalNotes(answer)];
    if (proposals && (!options.acceptSuggested || tags.length === 0)) {
      // Said now: the command printed for it names the id without the version that was given.
      outcomes[index] = { input, id, status: 'needs-tags', file, proposals, ...(notes.length > 0 ? { notes } : {}) };
      continue;
    }
    if (!options.dryRun) {
      try {
        await writeNewEntry(checked.path, file, checked.text);
      } catch (error) {
        if (!(error instanceof NewPaperError)) throw error;
        outcomes[index] = { input, id, status: 'failed', message: error.message, problems: [] };
        continue;
      }
    }
    if (checked.paper) added.push(checked.paper);
    outcomes[index] = {
      input,
      id,
      status: options.dryRun ? 'checked' : 'written',
      file,
      tags,
      ...(proposals ? { proposals } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  const all = outcomes.filter((outcome): outcome is PaperOutcome => outcome !== undefined);
  return {
    outcomes: all,
    requests,
    ok: all.every((outcome) => outcome.status !== 'failed' && outcome.status !== 'needs-tags'),
  };
}

/**
 * The lines that end a list's run, under its papers: how many of each outcome, then what to do
 * about each kind left (run again later for arXiv's side, fix and run again, tags to choose).
 * Under --accept-suggested, a paper that still needs tags had no proposal close enough to write:
 * running again with --accept-suggested, the advice without it, would propose the same; its
 * topics are chosen by hand, with --tags.
 */
export function batchSummary(
  report: NewPapersReport,
  inputCount: number,
  options: Pick<NewPapersOptions, 'acceptSuggested'>,
): string[] {
  const counts = new Map<string, number>();
  for (const outcome of report.outcomes) counts.set(outcome.status, (counts.get(outcome.status) ?? 0) + 1);
  const parts = (
    [
      ['written', 'written'],
      ['checked', 'checked (dry run, not written)'],
      ['needs-tags', 'need tags (not written)'],
      ['skipped', 'skipped'],
      ['failed', 'failed'],
    ] as const
  )
    .filter(([status]) => counts.has(status))
    .map(([status, label]) => countOf(counts.get(status)!, label, label));
  const lines = [
    `\n${report.ok ? '✓' : '✗'} ${countOf(inputCount, 'id')}: ${parts.join(', ')}; ${countOf(report.requests, 'arXiv request')}.`,
  ];
  const allFailed = report.outcomes.filter((outcome) => outcome.status === 'failed');
  const stopped = allFailed.filter((outcome) => outcome.stopped).length;
  const failed = allFailed.filter((outcome) => !outcome.stopped);
  const arxivSide = failed.filter((outcome) => outcome.tryAgainLater).length;
  if (stopped > 0)
    lines.push(
      `Stopped (Ctrl-C) before ${countOf(stopped, 'paper')} could be written: run the same command again to finish; papers already written are skipped.`,
    );
  if (arxivSide > 0)
    lines.push(
      `arXiv gave no usable answer for ${countOf(arxivSide, 'paper')}: that is arXiv's side, not your list; run the same command again later.`,
    );
  if (failed.length > arxivSide)
    lines.push('Fix what is listed, then run the same command again: papers already written are skipped.');
  if (counts.has('needs-tags'))
    lines.push(
      options.acceptSuggested
        ? 'Papers that need tags: no proposal was close enough to write; choose their topics and run each with --tags (commands above).'
        : 'Papers that need tags: run again with --accept-suggested, or with --tags for each (commands above).',
    );
  if (counts.has('written'))
    lines.push('Next: read the new files over, run `npm run check`, and open a pull request (see CONTRIBUTING.md).');
  return lines;
}

/**
 * Ids from a file: one a line; blank lines, lines of separators or a list marker only, and `#`
 * comments (a line's rest after `#`) ignored. A
 * curator's list is often a Markdown list or a pasted row: a list marker (`- `, `* `, `1. `) is
 * not part of the id, and a line of several ids apart by spaces, tabs, commas or semicolons, each
 * an id on its own (`2306.13575, 2401.00001`), is each of them. Any other line is one input as
 * written (`arXiv:2306.13575v2 [cs.LG]` is one id; so is `2401.00007 // the LoRA one`, an id and a
 * note that parseArxivInput reads; a line that is none is reported whole).
 */
export function idsFromText(text: string): string[] {
  return (
    text
      .split(/\r\n?|\n/)
      .map((line) =>
        line
          .replace(/(?:^|\s)#.*$/, '')
          .trim()
          .replace(/^(?:[-*+•]|\d{1,3}[.)])(?:\s+|$)/u, ''),
      )
      // A line of separators only (a spreadsheet's empty row: `,`) names nothing, as a blank one.
      .filter((line) => /[^\s,;]/.test(line))
      .flatMap((line) => {
        const parts = line.split(/[\s,;]+/).filter(Boolean);
        return parts.length > 1 && parts.every(isArxivInput) ? parts : [line];
      })
  );
}

/**
 * The ids of a --from-file's bytes (idsFromText), read as UTF-8 strictly, as the check reads a
 * paper (decodeUtf8; a UTF-8 BOM is no part of the first id); or what is wrong with the file's
 * encoding. Read loosely, a list saved as UTF-16 (Windows PowerShell's `>` writes it so) was
 * reported as one 'not an arXiv id' per line, with a NUL between every two characters, and one
 * Latin-1 byte turned an id into another string. A file with no id (empty, or blank lines and
 * comments only) is a problem too: it said 'Give one or more arXiv ids or URLs.', naming no file.
 */
export function idsFromFile(bytes: Uint8Array): { ids: string[] } | { problem: string } {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) {
    const ids = idsFromText(decoded.text.replace(/^\uFEFF/, ''));
    // A file that names no paper is the wrong file (or one not saved yet), not a day with none.
    if (ids.length === 0)
      return {
        problem: 'holds no arXiv id or URL (it is empty, or only blank lines and # comments): write one a line.',
      };
    return { ids };
  }
  return {
    problem: `line ${decoded.line}, column ${decoded.column}: ${decoded.message}. Save the list as UTF-8 (plain text) and run the command again.`,
  };
}

/** Whether a part of a line is an id, by the grammar: one of a month still to come is refused on its own. */
function isArxivInput(text: string): boolean {
  try {
    parseArxivInput(text, null);
    return true;
  } catch (error) {
    if (error instanceof ArxivInputError) return false;
    throw error;
  }
}

/** The digest's papers with their tags and abstracts, for proposals. Unreadable files are left out. */
export async function readTaggedPapers(papersDir: string, rel: (path: string) => string): Promise<TaggedPaper[]> {
  const papers: TaggedPaper[] = [];
  for (const { name, source } of await readDigestSources(papersDir, rel)) {
    const tags = source?.data.tags;
    if (!source || !Array.isArray(tags)) continue;
    papers.push({
      id: name,
      title: typeof source.data.title === 'string' ? source.data.title : '',
      text: source.body,
      tags: tags.filter((tag): tag is string => typeof tag === 'string'),
    });
  }
  return papers;
}
