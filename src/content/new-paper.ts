import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { Document, Scalar, visit } from 'yaml';
import { isCalendarDate } from '../lib/dates.ts';
import { calendarDateAsWritten } from '../lib/written-dates.ts';
import { didYouMean } from '../lib/suggest.ts';
import { arxivFileName, canonicalArxivId, canonicalOrUndefined } from '../lib/arxiv-id.ts';
import { countOf } from '../lib/count.ts';
import { shortened } from '../lib/shortened.ts';
import {
  ArxivInputError,
  ArxivNotFoundError,
  ArxivResponseError,
  ArxivUnreachableError,
  fetchArxivEntry,
  type FetchEntryOptions,
  parseArxivInput,
  TRY_AGAIN_LATER,
  type ArxivEntry,
  type FetchLike,
} from './arxiv.ts';
import { futureDateProblem, futureDateProblems } from './check.ts';
import { findCollisions, type CollisionCandidate } from './collection.ts';
import { isYaml11NonText, parseSource, type ParsedSource } from './frontmatter.ts';
import { paperIdFromPath } from './paper-id.ts';
import { CONTENT_DIR } from './paths.ts';
import { fileSystemReason } from './read-files.ts';
import type { ContentProblem } from './problems.ts';
import { createPaperSchema, LIMITS, topicInOtherCase, type Topic } from './schema.ts';
import { validatePaper } from './validate.ts';
import { texPlainText, texText, TOO_DEEP } from './tex-text.ts';
import { visibleText } from './characters.ts';
import { codePointName, onlySpacesNamed } from '../lib/code-point.ts';
import { loadTopics } from './vocabulary.ts';
import { titleMathSpans } from '../lib/title-math.ts';

/**
 * `npm run new-paper`: writes a paper entry from the arXiv API (or, offline, from flags). The
 * order matters: the id is read and looked up in the digest first (no network), then the flags
 * are checked, then arXiv is asked, and the text about to be written goes through the same
 * per-file and cross-file checks as `npm run check`. Nothing is written unless all of it passes.
 */

export interface NewPaperOptions {
  /** An arXiv id or URL, with or without version. */
  input: string;
  tags?: string[];
  /** Digest date `YYYY-MM-DD`; today (UTC) when absent. */
  date?: string;
  /** Do not ask arXiv: write the entry from the flags below. */
  offline?: boolean;
  title?: string;
  authors?: string[];
  published?: string;
  venue?: string;
  /** The abstract as plain text with `$…$` math, like arXiv gives it. */
  abstract?: string;
  code?: string;
  project?: string;
  /** Check and return the entry without writing it. */
  dryRun?: boolean;
}

export interface NewPaperContext {
  /** Project root; paths in messages are relative to it. */
  root?: string;
  /** Content folder (holding `papers/` and `topics.yaml`), relative to root or absolute. */
  contentDir?: string;
  /** The network call; tests pass recorded answers. Defaults to the global `fetch`. */
  fetch?: FetchLike;
  timeoutMs?: number;
  /** The clock, for today's date (and a Retry-After that is a date). */
  now?: () => Date;
  /** How to pause (for a busy arXiv's Retry-After); tests pass one that only records. */
  sleep?: (ms: number) => Promise<void>;
  /** Progress lines, printed while the command goes on (a wait for a busy arXiv). */
  progress?: (line: string) => void;
}

/** How new-paper asks arXiv, from its context: the network call, its timeout, clock, pauses and progress. */
export function arxivRequestOptions(context: NewPaperContext & { signal?: AbortSignal }): FetchEntryOptions {
  const { fetch, timeoutMs, now, sleep, progress, signal } = context;
  return {
    ...(fetch ? { fetch } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(now ? { now } : {}),
    ...(sleep ? { sleep } : {}),
    ...(progress ? { progress } : {}),
    ...(signal ? { signal } : {}),
  };
}

export interface NewPaperResult {
  /** Path of the entry relative to the root, e.g. `content/papers/2025/2306.13575.mdx`. */
  file: string;
  path: string;
  text: string;
  /** Where the metadata came from. */
  source: 'arxiv' | 'template';
  written: boolean;
  /** Lines for the contributor: what was done and what to check. */
  notes: string[];
}

/** A refusal: the message says why; `problems` are content-check problems of the would-be entry. */
export class NewPaperError extends Error {
  override name = 'NewPaperError';
  readonly problems: readonly ContentProblem[];
  /** The entry that was refused, when there was one. */
  readonly text?: string;

  /** The command as typed is wrong (a flag no paper could take): no paper was tried. */
  readonly wrongCommand: boolean;

  constructor(
    message: string,
    {
      problems = [],
      text,
      wrongCommand = false,
    }: { problems?: readonly ContentProblem[]; text?: string; wrongCommand?: boolean } = {},
  ) {
    super(message);
    this.problems = problems;
    this.wrongCommand = wrongCommand;
    if (text !== undefined) this.text = text;
  }
}

export async function newPaper(options: NewPaperOptions, context: NewPaperContext = {}): Promise<NewPaperResult> {
  const { papersDir, topicsFile, rel } = contentPaths(context);

  // 1. The id, and whether the digest already has it: no network needed.
  let reference;
  try {
    reference = parseArxivInput(options.input, context.now?.() ?? new Date());
  } catch (error) {
    if (error instanceof ArxivInputError) throw new NewPaperError(error.message);
    throw error;
  }
  const { id } = reference;
  const existing = await scanDigest(papersDir, rel);
  const { twin, sameName } = digestLookup(existing)(id);
  if (twin) throw new NewPaperError(`arXiv ${id} is ${inDigestAt(twin)}. Edit that file instead.`);
  if (sameName) throw new NewPaperError(sameNameMessage(sameName));

  // 2. The flags, before bothering arXiv.
  const topics = readVocabulary(topicsFile);
  const topicSlugs = new Set(topics.map((topic) => topic.slug));
  if (options.tags) options = { ...options, tags: tagsAsTopics(options.tags, topicSlugs) };
  const date = options.date ?? today(context);
  const flagProblems = checkFlags(options, date, context.now?.() ?? new Date(), topicSlugs, rel(topicsFile));
  if (flagProblems.length > 0) throw new NewPaperError(flagProblems.join('\n'), { wrongCommand: true });

  // 3. arXiv, or a template from the flags.
  const notes: string[] = [];
  let entry: ArxivEntry | undefined;
  // What arXiv's side did, said of this id: the error itself is worded for a list too.
  let unreachable: string | undefined;
  if (!options.offline) {
    try {
      entry = await fetchArxivEntry(id, arxivRequestOptions(context));
    } catch (error) {
      if (error instanceof ArxivUnreachableError) {
        unreachable = `For ${id}, ${error.message}`;
        notes.push(`${unreachable} Writing a template from your flags instead.`);
      } else if (error instanceof ArxivNotFoundError) {
        throw new NewPaperError(`${error.message} Nothing was written.`);
      } else if (error instanceof ArxivResponseError) {
        throw new NewPaperError(`${error.message} Nothing was written. ${TRY_AGAIN_LATER}`);
      } else {
        throw error;
      }
    }
  }

  if (entry?.withdrawn) throw new NewPaperError(withdrawnMessage(id, entry));

  let fields: EntryFields;
  if (entry) {
    fields = {
      ...fromTex({
        title: options.title ?? entry.title,
        authors: options.authors ?? entry.authors,
        abstract: options.abstract ?? entry.summary,
      }),
      date,
      arxiv: id,
      published: options.published ?? entry.published,
      venue: options.venue,
      tags: distinctTags(options.tags),
      links: { code: options.code, project: options.project },
      sources: dateSources(options, true),
    };
    notes.push(...(fields.notes ?? []));
    notes.push(
      `Metadata from arXiv ${id}${entry.version ? `v${entry.version}` : ''}: title, ${countOf(entry.authors.length, 'author')}, first-version date ${entry.published}, abstract.`,
    );
    notes.push(...versionNotes(id, reference.version, entry));
    for (const flag of ['title', 'authors', 'published', 'abstract'] as const) {
      if (options[flag] !== undefined) notes.push(`--${flag} was given: it replaces what arXiv says.`);
    }
    notes.push(...journalNotes(entry));
  } else {
    const missing = (['title', 'authors'] as const).filter((flag) => options[flag] === undefined);
    if (missing.length > 0) {
      const flags = `give ${missing.map((flag) => `--${flag}`).join(' and ')} (e.g. --title "Scaling MLPs: A Tale of Inductive Bias" --authors "Gregor Bachmann; Sotiris Anagnostidis")`;
      throw new NewPaperError(
        unreachable
          ? `${unreachable} Nothing was written.\n${TRY_AGAIN_LATER} Or write the entry from flags: ${flags}.`
          : `With --offline, the entry is written from flags: ${flags}. Nothing was written.`,
      );
    }
    if (options.offline)
      notes.push('Offline: the entry is a template written from your flags, not checked against arXiv.');
    notes.push('Check the title, the authors and their order, and the first-version date against the arXiv page.');
    if (!options.abstract) notes.push('The abstract is empty: paste it below the frontmatter (math in $…$).');
    if (!options.published) notes.push("Add `published:` (the first version's date) if you know it.");
    fields = {
      ...fromTex({ title: options.title!, authors: options.authors!, abstract: options.abstract ?? '' }),
      date,
      arxiv: id,
      published: options.published,
      venue: options.venue,
      tags: distinctTags(options.tags),
      links: { code: options.code, project: options.project },
      sources: dateSources(options, false),
    };
  }

  // 4. The text, checked exactly as `npm run check` would check it.
  const { text, path, file, problems } = checkEntry(fields, {
    papersDir,
    rel,
    existing,
    topicSlugs,
    today: context.now?.() ?? new Date(),
  });
  if (problems.length > 0) {
    throw new NewPaperError(failsCheckMessage(id), {
      problems,
      text,
    });
  }

  if (options.dryRun) {
    return { file, path, text, source: entry ? 'arxiv' : 'template', written: false, notes };
  }
  await writeNewEntry(path, file, text);
  return { file, path, text, source: entry ? 'arxiv' : 'template', written: true, notes };
}

/**
 * What the curator should know of a version: arXiv answers with the latest version whatever
 * version was asked, so when they differ the entry is not the version given. For one paper and
 * for each paper of a list alike.
 */
export function versionNotes(id: string, asked: number | undefined, entry: ArxivEntry): string[] {
  if (asked === undefined || entry.version === undefined || asked === entry.version) return [];
  return [
    asked > entry.version
      ? `You gave v${asked}, but arXiv's latest version of ${id} is v${entry.version}: check the id; the entry is written from v${entry.version}.`
      : `You gave v${asked}; the entry is written from v${entry.version}, arXiv's latest (the digest links the paper, not one version): check the title and abstract.`,
  ];
}

/** A journal reference arXiv lists, which may be the venue: the curator decides. */
export function journalNotes(entry: ArxivEntry): string[] {
  return entry.journalRef
    ? [`arXiv lists the journal reference "${entry.journalRef}": if that is the venue, add it as \`venue:\`.`]
    : [];
}

/** What is said of an entry the check would refuse, above its problems: for one paper and each of a list. */
export function failsCheckMessage(id: string): string {
  return `The entry for ${id} would not pass the content check, so nothing was written.`;
}

/** Why a withdrawn paper is not written: its latest version is the withdrawal, not the paper. */
export function withdrawnMessage(id: string, entry: ArxivEntry): string {
  return (
    `arXiv's latest version of ${id}${entry.version ? ` (v${entry.version})` : ''} withdraws the paper: "${entry.withdrawn!.slice(0, 200)}". ` +
    'A withdrawn paper is not added to the digest. Nothing was written.'
  );
}

/** Where content lives for a run, and how paths are shown: relative to the project, unless the content folder is elsewhere. */
export function contentPaths(context: Pick<NewPaperContext, 'root' | 'contentDir'>) {
  const root = resolve(context.root ?? process.cwd());
  const contentDir = resolve(root, context.contentDir ?? CONTENT_DIR);
  const rel = (path: string) => {
    const inProject = relative(root, path);
    return (inProject.startsWith('..') || isAbsolute(inProject) ? path : inProject).split(sep).join('/');
  };
  return { root, papersDir: join(contentDir, 'papers'), topicsFile: join(contentDir, 'topics.yaml'), rel };
}

/** The topic vocabulary, or a NewPaperError that says why it cannot be read. */
export function readVocabulary(topicsFile: string): Topic[] {
  try {
    return loadTopics(topicsFile);
  } catch (error) {
    throw new NewPaperError(`Cannot read the topic vocabulary: ${(error as Error).message}`);
  }
}

/** Today's date (UTC), the digest date when none is given; `now` is there for tests. */
export function today(context: { now?: () => Date }): string {
  return (context.now?.() ?? new Date()).toISOString().slice(0, 10);
}

/**
 * An entry's text and where it goes, with the problems `npm run check` would find in it: its
 * own, collisions with the papers already in the digest (`existing`), and a digest date too far
 * after `today` (the check's clock rule, which the build does not apply).
 */
export function checkEntry(
  fields: EntryFields,
  {
    papersDir,
    rel,
    existing,
    topicSlugs,
    today,
  }: {
    papersDir: string;
    rel: (path: string) => string;
    existing: readonly CollisionCandidate[];
    topicSlugs: ReadonlySet<string>;
    today: Date;
  },
): { text: string; path: string; file: string; problems: ContentProblem[]; paper?: CollisionCandidate } {
  const text = renderEntry(fields);
  const path = join(papersDir, fields.date.slice(0, 4), `${arxivFileName(fields.arxiv)}.mdx`);
  const file = rel(path);
  // A template without --abstract is checked as if it had one: the contributor pastes it in, and
  // until then `npm run check` reports the empty abstract.
  const checked = fields.body ? text : renderEntry({ ...fields, body: 'An abstract.' });
  const result = validatePaper(file, new TextEncoder().encode(checked), createPaperSchema(topicSlugs, { today }));
  // TeX with no form on the page is the cause of what the check then finds in that field (`\cite{…}`
  // in a name is also "no \ { }" there): one message, which says to give the field by hand.
  const unconverted = unconvertedProblems(file, text, fields.unconverted ?? []);
  const byHand = new Set(unconverted.map((problem) => problem.field));
  const problems = [
    ...unconverted,
    ...result.problems
      .filter((problem) => !byHand.has(problem.field))
      .map(withFlagAdvice)
      .map((problem) => withDateSources(problem, fields)),
  ];
  if (result.paper) {
    problems.push(
      // This entry's own clashes: those reported at its file, and those at another file naming it.
      ...findCollisions([...existing, result.paper]).filter(
        (problem) => problem.file === file || problem.otherFiles?.includes(file),
      ),
      ...futureDateProblems([result.paper], today),
    );
  }
  return { text, path, file, problems, ...(result.paper ? { paper: result.paper } : {}) };
}

/**
 * The check's message about a field new-paper fills (the title, the names, the abstract: arXiv's,
 * or a flag's) says what to write instead; new-paper adds the one way to give the field written
 * so: its flag (FLAG_OF). `et al.` as an arXiv author is refused by the check ("list every
 * author by name"): the names are given with --authors.
 */
function withFlagAdvice(problem: ContentProblem): ContentProblem {
  const field = /^(title|authors|body)(?:\[\d+\])?$/.exec(problem.field)?.[1] as keyof typeof FLAG_OF | undefined;
  if (field === undefined) return problem;
  const { what, example } = FIELD_TO_GIVE[field];
  return {
    ...problem,
    message: `${asSentence(problem.message)} To write ${what} otherwise, give ${field === 'authors' ? 'them' : 'it'} with ${FLAG_OF[field]} ${example} (one paper at a time).`,
  };
}

/**
 * The check's message about a date (`published: is after the digest date …; check both dates`)
 * speaks of the entry's two dates, which new-paper took from a flag, the clock or arXiv: it says
 * whose each is, so that the contributor knows which to change (a --date before arXiv's first
 * version is the flag's mistake, not arXiv's), without changing what the check says.
 */
function withDateSources(problem: ContentProblem, fields: EntryFields): ContentProblem {
  if (!fields.sources || (problem.field !== 'date' && problem.field !== 'published')) return problem;
  const { date, published } = fields.sources;
  const whose = [
    `The digest date ${fields.date} is ${date === 'flag' ? 'your --date' : "today's (no --date was given)"}`,
    ...(fields.published && published
      ? [`${fields.published}, the first version's date, is ${published === 'flag' ? 'your --published' : "arXiv's"}`]
      : []),
  ];
  return { ...problem, message: `${asSentence(problem.message)} ${whose.join('; ')}.` };
}

/** A check message as a sentence, so that advice can follow it: the check's end as they will (a quote, a word). */
function asSentence(message: string): string {
  return /[.!?]["'”)]?$/u.test(message) ? message : `${message}.`;
}

/** How the advice of withFlagAdvice names each field and shows its flag's value. */
const FIELD_TO_GIVE = {
  title: { what: 'the title', example: '"…"' },
  authors: { what: 'the authors', example: '"First Author; Second Author"' },
  body: { what: 'the abstract', example: '"…"' },
} as const;

/**
 * Writes a new entry whole or not at all, and never over a file (one that appeared meanwhile is a
 * refusal). writeFile alone creates the file, then fills it: a full disk, a file size limit or a
 * run stopped midway left a cut-off paper under the paper's own name. The text goes to a hidden
 * file beside it first (discovery passes over names starting with "."), which is then linked
 * under the paper's name: link() refuses a name that exists, and the name never shows a part.
 */
export async function writeNewEntry(path: string, file: string, text: string): Promise<void> {
  try {
    await writeWhole(path, file, text);
  } catch (error) {
    if (error instanceof NewPaperError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    // A full disk, a read-only folder, a file where the year's folder goes: the contributor's to
    // fix, said as such (it was a stack trace, and a batch stopped there without its summary).
    throw new NewPaperError(
      `Cannot write ${file} (${writeReason(error, file)}); nothing was written. Run the same command again once it can be.`,
    );
  }
}

/** fileSystemReason, naming for mkdir's EEXIST the file that stands where the paper's folder goes. */
function writeReason(error: unknown, file: string): string {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return code === 'EEXIST' && syscall === 'mkdir'
    ? `${dirname(file)} is a file, not a folder, EEXIST: move or rename that file`
    : fileSystemReason(error);
}

async function writeWhole(path: string, file: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const hidden = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const exists = () => new NewPaperError(`${file} already exists; nothing was written.`);
  try {
    await writeFile(hidden, text);
    try {
      await link(hidden, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw exists();
      // A file system without hard links: rename, which would replace a file, once the name is free.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        throw exists();
      await rename(hidden, path);
    }
  } finally {
    // Not to hide why the write failed: a hidden file left is passed over by discovery.
    await rm(hidden, { force: true }).catch(() => {});
  }
}

/**
 * What is wrong with `--date` (or today's date, when it is not given), said once for the command
 * rather than once per paper. The date is read once: as written, or as the one date it can be read
 * as (calendarDateAsWritten: `2024/12/01`, `1 Dec 2024`); that date gets the check's own rules for a
 * digest date, worded as the check words them (digestDateProblem), and only a date the flag would
 * take is offered as the one to write: advice that led to a second refusal was none.
 */
export function dateFlagProblems(date: string, now: Date): string[] {
  const empty = emptyFlagProblem('date', date, now);
  if (empty) return [empty];
  const meant = isCalendarDate(date) ? date : calendarDateAsWritten(date);
  if (meant === undefined) return [`--date ${date}: ${notIsoDate(`e.g. ${now.toISOString().slice(0, 10)}, today`)}`];
  const refused = digestDateProblem(meant, now);
  if (refused) return [`--date ${date}${meant === date ? '' : ` (${meant})`}: ${refused}.`];
  return meant === date ? [] : [`--date ${date}: ${notIsoDate(`write --date ${meant}`)}`];
}

/** The flags that take a value, but --tags and --authors (lists, with messages of their own: noTopicsGiven). */
export type ValueFlag = 'date' | 'published' | 'code' | 'project' | 'venue' | 'title' | 'abstract' | 'from-file';

/** What each flag takes, as the message for an empty one says it: what to write, and what leaving it out does. */
const FLAG_TAKES: Record<ValueFlag, (today: string) => string> = {
  date: (today) => `give the digest date as YYYY-MM-DD (e.g. --date ${today}, today), or leave --date out for today's`,
  published: () =>
    "give the first version's date as YYYY-MM-DD (e.g. --published 2023-06-23), or leave --published out for arXiv's",
  code: () =>
    "give the https:// address of the paper's official code (e.g. --code https://github.com/owner/repo), or leave --code out",
  project: () =>
    "give the https:// address of the paper's project page (e.g. --project https://example.org/paper), or leave --project out",
  venue: () => 'give where the paper was published (e.g. --venue "NeurIPS 2023"), or leave --venue out',
  title: () =>
    'give the title (e.g. --title "Scaling MLPs: A Tale of Inductive Bias"), or leave --title out for arXiv\'s',
  abstract: () => "give the abstract, math in $…$, or leave --abstract out for arXiv's",
  'from-file': () => 'give the name of a text file with one arXiv id or URL a line (e.g. --from-file today.txt)',
};

/**
 * What to say of a flag given with nothing in it (`--date ""`, `--date=`, `--code "  "`), the one
 * rule for every flag that takes a value: read as given, it was shown as nothing (`--date : must
 * be…`), taken as left out (`--code ""` wrote no link), or read as another thing (`--from-file ""`
 * as the folder the command was typed in). The value is named plainly, with what to write.
 */
export function emptyFlagProblem(flag: ValueFlag, value: string | undefined, now: Date): string | undefined {
  if (value === undefined || value.trim() !== '') return undefined;
  const what = value === '' ? 'is empty ("")' : `holds ${onlySpacesNamed(value)}`;
  return `--${flag} ${what}: ${FLAG_TAKES[flag](now.toISOString().slice(0, 10))}.`;
}

/**
 * Why the check would refuse a calendar date as a paper's `date:`: the schema's rule for the field
 * (FIRST_YEAR or later) or the check's clock rule (at most tomorrow: futureDateProblem), in their words.
 */
function digestDateProblem(date: string, now: Date): string | undefined {
  const schema = DATE_FIELD.safeParse(date);
  return schema.success ? futureDateProblem(date, now) : schema.error.issues[0]?.message;
}
const DATE_FIELD = createPaperSchema(new Set()).shape.date;

/** What to say of a date flag that is no `YYYY-MM-DD` date, with the hint (the date to write, or an example). */
function notIsoDate(hint: string | undefined): string {
  return `must be a real calendar date written YYYY-MM-DD${hint ? ` (${hint})` : ''}.`;
}

function checkFlags(
  options: NewPaperOptions,
  date: string,
  now: Date,
  topicSlugs: ReadonlySet<string>,
  topicsFile: string,
): string[] {
  const problems = dateFlagProblems(date, now);
  for (const flag of ['published', 'code', 'project', 'venue', 'title', 'abstract'] as const) {
    const empty = emptyFlagProblem(flag, options[flag], now);
    if (empty) problems.push(empty);
  }
  if (options.published !== undefined && options.published.trim() !== '' && !isCalendarDate(options.published)) {
    const meant = calendarDateAsWritten(options.published);
    problems.push(`--published ${options.published}: ${notIsoDate(meant && `write --published ${meant}`)}`);
  }
  const tags = distinctTags(options.tags);
  if (tags.length === 0) problems.push(noTopicsGiven(options.tags, topicSlugs, topicsFile));
  problems.push(...unknownTags(tags, topicSlugs, topicsFile));
  if (options.authors !== undefined && options.authors.length === 0) {
    problems.push('--authors: give the authors separated by semicolons, e.g. --authors "Ada Lovelace; Alan Turing".');
  }
  return problems;
}

/**
 * What to say when `--tags` names no topic: left out where one paper needs it, or given with none
 * in it (`--tags ""`, `--tags ,`), which would otherwise read as left out. `otherwise` is what the
 * command does without the flag, said after the topics to give.
 */
export function noTopicsGiven(
  given: readonly string[] | undefined,
  topicSlugs: ReadonlySet<string>,
  topicsFile: string,
  otherwise = '',
): string {
  const what =
    given === undefined
      ? '--tags is required:'
      : '--tags names no topic (it is empty, or only commas and spaces): give';
  return `${what} one or more topics from ${topicsFile}, comma-separated${otherwise}. Topics: ${[...topicSlugs].join(', ')}.`;
}

/**
 * A problem for each `--tags` value that is not a topic, with the nearest topic when there is one,
 * and for more topics than a paper may have (the schema's LIMITS.tags): said once for the command,
 * not once per paper of a batch.
 */
export function unknownTags(given: readonly string[], topicSlugs: ReadonlySet<string>, topicsFile: string): string[] {
  const tags = distinctTags(given);
  const count = tags.length;
  const tooMany =
    count > LIMITS.tags
      ? [`--tags: ${count} topics; a paper has at most ${LIMITS.tags}: keep the most specific ones.`]
      : [];
  return tags
    .filter((tag) => !topicSlugs.has(tag))
    .map(
      (tag) =>
        `--tags: unknown topic "${tag}"${foreignCharacters(tag)}.${didYouMean(tag, topicSlugs) || ` Topics are listed in ${topicsFile}.`}`,
    )
    .concat(tooMany);
}

/**
 * The topics a --tags list names, each once (distinctTags): a topic typed in other letter case
 * (`--tags Optimization`) as the vocabulary writes it (topicInOtherCase), which is what the entry
 * holds; any other tag as typed, for unknownTags to refuse.
 */
export function tagsAsTopics(tags: readonly string[], topicSlugs: ReadonlySet<string>): string[] {
  return distinctTags(tags.map((tag) => topicInOtherCase(tag, topicSlugs) ?? tag));
}

/**
 * The topics of a --tags list, each once, in the order given: a topic typed twice is one (the
 * check reads a paper's tags so), and said once in a refusal and in what a run prints.
 */
export function distinctTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])];
}

/**
 * A tag typed or pasted with a character outside ASCII (a Cyrillic `і`, a full-width `ｏ`, a
 * zero-width space) looks like the topic it is not, and the message would quote two strings that
 * look alike: name those characters. A slug is ASCII (PAPER_ID_PATTERN's grammar).
 */
function foreignCharacters(tag: string): string {
  const foreign = [...new Set(tag.match(/[^\x20-\x7e]/gu) ?? [])];
  if (foreign.length === 0) return '';
  return ` (it holds ${foreign.map((char) => codePointName(char)).join(', ')}; a topic is written in ASCII: a-z, 0-9 and -)`;
}

/**
 * The digest's paper files, each with its frontmatter and body when they parse: the one way
 * new-paper reads what the digest holds (for collisions, scanDigest; for tag proposals,
 * readTaggedPapers). Read as the check reads a file's text: a BOM dropped, line ends made `\n`;
 * leniently (a byte that is no UTF-8 as U+FFFD), since the check, not new-paper, reports a file.
 */
export async function readDigestSources(
  papersDir: string,
  rel: (path: string) => string,
): Promise<{ name: string; file: string; source: ParsedSource | undefined }[]> {
  const names = (await glob('**/*.mdx', { cwd: papersDir })).sort();
  const read = [];
  for (const name of names) {
    const path = join(papersDir, name);
    const file = rel(path);
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    read.push({ name, file, source: parseSource(file, text).source });
  }
  return read;
}

/**
 * What the digest holds of an arXiv id, for one paper and each of a list alike: the paper that has
 * it (compared by canonical id, so `math.GT/0309136` is `math/0309136`), else a paper whose file
 * name the new one's would be (a slug named so, or a name in other capitals).
 */
export function digestLookup(
  existing: readonly CollisionCandidate[],
): (id: string) => { twin?: CollisionCandidate; sameName?: CollisionCandidate } {
  const byArxiv = new Map<string, CollisionCandidate>();
  const byName = new Map<string, CollisionCandidate>();
  for (const paper of existing) {
    const canonical = paper.data.arxiv === undefined ? undefined : canonicalOrUndefined(paper.data.arxiv);
    if (canonical && !byArxiv.has(canonical)) byArxiv.set(canonical, paper);
    if (!byName.has(paper.id.toLowerCase())) byName.set(paper.id.toLowerCase(), paper);
  }
  return (id) => {
    const twin = byArxiv.get(canonicalArxivId(id));
    if (twin) return { twin };
    const sameName = byName.get(arxivFileName(id).toLowerCase());
    return sameName ? { sameName } : {};
  };
}

/** `already in the digest: <file>:<line>`, the line of its `arxiv:`. */
export function inDigestAt(twin: CollisionCandidate): string {
  return `already in the digest: ${twin.file}:${twin.lines.arxiv}`;
}

/** Why an id whose file name another paper has is not written. */
export function sameNameMessage(sameName: CollisionCandidate): string {
  return `${sameName.file} already publishes at /papers/${sameName.id}/; is it this paper? Edit that file instead.`;
}

/** What the digest already has: file, name and arXiv id of every paper whose frontmatter parses. */
export async function scanDigest(papersDir: string, rel: (path: string) => string): Promise<CollisionCandidate[]> {
  const papers: CollisionCandidate[] = [];
  for (const { name, file, source } of await readDigestSources(papersDir, rel)) {
    // A number YAML made of an unquoted id still names the paper: read what was written.
    const arxiv = source ? (source.sourceOf(['arxiv']) ?? source.data.arxiv) : undefined;
    papers.push({
      id: paperIdFromPath(name),
      file,
      data: typeof arxiv === 'string' ? { arxiv } : {},
      lines: { arxiv: source?.lineOf(['arxiv']) ?? 1 },
    });
  }
  return papers;
}

export interface EntryFields {
  title: string;
  authors: string[];
  date: string;
  arxiv: string;
  published?: string | undefined;
  venue?: string | undefined;
  tags: string[];
  links: { code?: string | undefined; project?: string | undefined };
  body: string;
  /** TeX commands that fromTex could not turn into text, by field: each is a problem. */
  unconverted?: Unconverted[];
  /** What fromTex left out that the contributor should know of: invisible characters, affiliations. */
  notes?: string[];
  /** Where the two dates came from, for the check's problems about them (dateSources). */
  sources?: DateSources;
}

/** Whose each date is: `date` the --date flag's or today's; `published` arXiv's or the --published flag's. */
export interface DateSources {
  date: 'flag' | 'today';
  published?: 'arxiv' | 'flag';
}

/**
 * Where a run's dates come from: the digest date from --date, else today; the first version's
 * date from --published, else arXiv's (none offline without the flag). For one paper and each
 * paper of a list alike.
 */
export function dateSources(
  options: { date?: string | undefined; published?: string | undefined },
  fromArxiv: boolean,
): DateSources {
  const published = options.published !== undefined ? 'flag' : fromArxiv ? 'arxiv' : undefined;
  return { date: options.date === undefined ? 'today' : 'flag', ...(published ? { published } : {}) };
}

export interface Unconverted {
  field: 'title' | 'authors' | 'body';
  /** For authors: which one. */
  index?: number;
  /** The command as written, `\cite{foo}`. */
  command: string;
  /** Why it has no form, when it is not a command without one. */
  reason?: string;
}

/** Which flag replaces each field that arXiv gives. */
const FLAG_OF = { title: '--title', authors: '--authors', body: '--abstract' } as const;

/**
 * A title, authors and abstract in arXiv's TeX as the entry's fields: TeX outside math becomes
 * the characters (and, in the abstract, the Markdown) it prints; commands that have no such form
 * are listed in `unconverted`, which checkEntry reports with their line.
 */
export function fromTex({
  title,
  authors,
  abstract,
}: {
  title: string;
  authors: readonly string[];
  abstract: string;
}): Pick<EntryFields, 'title' | 'authors' | 'body' | 'unconverted' | 'notes'> {
  // What arXiv's text (or a pasted flag) shows, first: the check refuses invisible characters,
  // and a zero-width space or soft hyphen in a title is no reason to give up on the paper.
  const removed = new Map<string, Set<string>>();
  const visible = (value: string, field: string) => {
    const { text, removed: codes } = visibleText(value);
    if (codes.length > 0) removed.set(field, new Set([...(removed.get(field) ?? []), ...codes]));
    return text;
  };
  title = visible(title, 'the title');
  const named = authors.map((author) => withoutAffiliation(visible(author, 'the authors')));
  authors = named.map(({ name }) => name);
  abstract = visible(abstract, 'the abstract');
  const notes: string[] = [];
  if (removed.size > 0)
    notes.push(
      `Left out characters that show nothing (${[...removed].map(([field, codes]) => `${[...codes].join(', ')} in ${field}`).join('; ')}): the text reads as on arXiv's page.`,
    );
  const unconverted: Unconverted[] = [];
  const plain = (value: string, field: 'title' | 'authors', index?: number) => {
    const { text, unknown } = texPlainText(value);
    for (const command of unknown) unconverted.push({ field, ...(index === undefined ? {} : { index }), command });
    return text;
  };
  const { title: convertedTitle, pairedDollars } = titleFromTex(title, (text) => plain(text, 'title'));
  if (pairedDollars) {
    unconverted.push({
      field: 'title',
      command: '\\$',
      reason:
        'is a dollar sign that, in the title, would pair with another as math, and a title has no escape for "$": write the title without it',
    });
  }
  const body = convertAbstract(abstract);
  for (const command of body.unknown) unconverted.push({ field: 'body', command });
  const convertedAuthors = authors.map((author, index) => plain(author, 'authors', index));
  // Said as the page shows them (TeX accents as letters); a command in what is left out is no problem.
  const affiliated = named.flatMap(({ dropped }, index) =>
    dropped === undefined ? [] : [{ name: convertedAuthors[index]!, dropped: texPlainText(dropped).text }],
  );
  if (affiliated.length > 0) {
    const shown = affiliated
      .slice(0, 3)
      .map(({ name, dropped }) => `"${shortened(name, 40)}" without "${shortened(dropped, 40)}"`);
    notes.push(
      `Left out the parentheses after ${countOf(affiliated.length, 'name')}, taken for an affiliation (the digest lists names only): ${shown.join(', ')}${affiliated.length > 3 ? `, and ${affiliated.length - 3} more` : ''}. Check the names against the paper.`,
    );
  }
  return {
    title: convertedTitle,
    authors: convertedAuthors,
    body: body.body,
    ...(unconverted.length > 0 ? { unconverted } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * A name as arXiv's list may write it, with an affiliation or its numbers in parentheses after it
 * (`Ada Lovelace (MIT)`, `Ada Lovelace (1 and 2)`, `Ada Lovelace (MIT) (Google)`): the name, and
 * what was left out. A name is what the digest lists, links and cites; a parenthesis inside a
 * name (`Ada (Ann) Lovelace`) or a name that is nothing but one is left as written.
 */
export function withoutAffiliation(written: string): { name: string; dropped?: string } {
  let name = written.trimEnd();
  while (name.endsWith(')')) {
    // The group's opening parenthesis, nested ones counted.
    let depth = 0;
    let open = -1;
    for (let index = name.length - 1; index >= 0; index--) {
      if (name[index] === ')') depth++;
      else if (name[index] === '(' && --depth === 0) {
        open = index;
        break;
      }
    }
    const before = open > 0 ? name.slice(0, open) : '';
    if (!/\s$/.test(before) || !/[\p{L}\p{N}]/u.test(before)) break;
    name = before.trimEnd();
  }
  const dropped = written.slice(name.length).trim();
  return dropped ? { name, dropped } : { name: written };
}

/**
 * A title's math stays TeX (its own rules check it), written `$…$` however arXiv delimits it
 * (`\(…\)` and `\[…\]` too: a title has no display math); only the text around it goes through
 * `plain`. An escaped dollar (`\$5`) is text, and opens no math.
 */
function titleFromTex(title: string, plain: (text: string) => string): { title: string; pairedDollars: boolean } {
  let out = '';
  let text = '';
  const formulas: string[] = [];
  let dollarsInText = false;
  const flushText = () => {
    const converted = text ? plain(text) : '';
    dollarsInText ||= converted.includes('$');
    out += converted;
    text = '';
  };
  const addMath = (formula: string) => {
    flushText();
    formulas.push(formula);
    out += formula;
  };
  let index = 0;
  while (index < title.length) {
    const char = title[index]!;
    const math = char === '\\' ? delimitedMath(title, index) : undefined;
    const close = char === '$' ? title.indexOf('$', index + 1) : -1;
    if (math) {
      addMath(`$${math.formula.replace(/^\$+|\$+$/g, '')}$`);
      index = math.end;
    } else if (close !== -1) {
      addMath(title.slice(index, close + 1));
      index = close + 1;
    } else {
      // A backslash takes the character after it: `\$` is a dollar, not math.
      const length = char === '\\' ? 2 : 1;
      text += title.slice(index, index + length);
      index += length;
    }
  }
  flushText();
  // The dollars of escapes (`\$x\$`) are text in TeX, but in the title they would pair as math.
  const spans = (value: string) => titleMathSpans(value).join('\n');
  return { title: out, pairedDollars: dollarsInText && spans(out) !== spans(formulas.join(' ')) };
}

/** Why TeX that fromTex kept as written has no form on the page, and what to write instead. */
function whyUnconverted(command: string): string {
  if (command === TOO_DEEP) {
    return 'has no form on the page (no text nests its groups so deep): write what it stands for';
  }
  if (/^\\begin\s*\{/.test(command)) {
    return 'is TeX that has no form on the page (an environment, such as a list or a table, outside math): write its text as paragraphs, or leave it out';
  }
  if (/^\\verb(?![a-zA-Z])/.test(command)) {
    return 'is TeX that has no form on the page (verbatim text): write it as `code`';
  }
  if (command.endsWith('{') && !command.includes('}')) {
    return 'is TeX that has no form on the page (its group opens with "{" and is never closed): close it, or write what it stands for';
  }
  return 'is TeX that has no form on the page (a citation, reference, footnote or a command without a Unicode character): write what it stands for, or leave it out';
}

/** A problem for each command fromTex could not convert, at its line in the entry's text. */
function unconvertedProblems(file: string, text: string, unconverted: readonly Unconverted[]): ContentProblem[] {
  const { source } = parseSource(file, text);
  if (!source) return [];
  const bodyLines = source.body.split('\n');
  return unconverted.map(({ field, index, command, reason }) => {
    const name = /^\\[a-zA-Z]+|^\\./.exec(command)?.[0] ?? command;
    let line: number;
    if (field === 'body') {
      // The command is in the body as written, escaped for Markdown: find its name's letters.
      const at = bodyLines.findIndex((bodyLine) => bodyLine.includes(name.slice(1)));
      // Not found as written (TeX nested too deep is named, not quoted): the abstract's first line.
      line =
        source.bodyLine +
        (at !== -1
          ? at
          : Math.max(
              bodyLines.findIndex((bodyLine) => bodyLine.trim()),
              0,
            ));
    } else {
      line = source.lineOf(index === undefined ? [field] : [field, index]);
    }
    return {
      file,
      line,
      field: field === 'authors' ? `authors[${index}]` : field,
      kind: 'tex-unconverted',
      message: `${command} ${reason ?? whyUnconverted(command)}, with ${FLAG_OF[field]} "…".`,
    };
  });
}

/**
 * The entry's text, in the key order and quoting of the existing papers: the title, dates and
 * the id in double quotes (so YAML never reads them as numbers), everything else plain unless
 * YAML needs quotes. The `yaml` package does the quoting and escaping.
 */
export function renderEntry(fields: EntryFields): string {
  const data: Record<string, unknown> = {
    title: fields.title.replace(/\s+/g, ' ').trim(),
    authors: fields.authors.map((author) => author.replace(/\s+/g, ' ').trim()),
    date: fields.date,
    arxiv: fields.arxiv,
  };
  if (fields.published) data.published = fields.published;
  if (fields.venue) data.venue = fields.venue.replace(/\s+/g, ' ').trim();
  data.tags = distinctTags(fields.tags);
  const links = Object.fromEntries(Object.entries(fields.links).filter(([, value]) => value));
  if (Object.keys(links).length > 0) data.links = links;

  const doc = new Document(data);
  for (const key of ['title', 'date', 'arxiv', 'published']) {
    const node = doc.get(key, true);
    if (node instanceof Scalar) node.type = Scalar.QUOTE_DOUBLE;
  }
  // A value YAML 1.1 tools read as a boolean or number (an author `No`, a venue `On`) in quotes,
  // as the check asks of it (isYaml11NonText): unquoted, the entry would be refused.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && isYaml11NonText(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const frontmatter = doc.toString({ lineWidth: 0 });
  return `---\n${frontmatter}---\n${fields.body ? `\n${fields.body}\n` : ''}`;
}

/**
 * An arXiv abstract as a paper body: paragraphs kept (arXiv starts a new paragraph on an indented
 * or blank line; other line breaks are only wrapping), math between `$…$` or `$$…$$` kept as it
 * is but for a paper's markup that an abstract writes otherwise (mathForAbstract), TeX outside math turned into what it prints (src/content/tex-text.ts), and everything else
 * that MDX or Markdown would read as syntax escaped, so the text shows as written. A `$` that does
 * not pair up as math is a literal dollar ("$5 and $10").
 */
export function abstractToMdx(summary: string): string {
  return convertAbstract(summary).body;
}

/** abstractToMdx, with the TeX commands outside math that have no form on the page. */
export function convertAbstract(summary: string): { body: string; unknown: string[] } {
  const unknown: string[] = [];
  const body = splitParagraphs(summary)
    .map((paragraph) => convertParagraph(paragraph, unknown))
    .join('\n\n');
  return { body, unknown };
}

/**
 * The abstract's paragraphs, each on one line: a blank line ends one, and so does a line that starts
 * indented, arXiv's mark of a new paragraph, unless it is inside a formula (`$$` on a line of its
 * own, then indented lines): arXiv's page reads math across such a line (MathJax takes a line
 * break inside math as a space), and split there, the formula's halves showed as text with dollars.
 */
function splitParagraphs(summary: string): string[] {
  const paragraphs: string[] = [];
  for (const block of summary.replace(/\r\n?/g, '\n').split(/\n[^\S\n]*(?:\n|$)/)) {
    // The block's lines as one, and where each indented line starts in it.
    let joined = '';
    const indented: number[] = [];
    for (const line of block.split('\n')) {
      if (!line.trim()) continue;
      if (/^\s/.test(line) && joined) indented.push(joined.length + 1);
      joined += `${joined ? ' ' : ''}${line.trim()}`;
    }
    const formulas = mathPieces(joined).filter((piece) => piece.kind === 'math');
    let from = 0;
    for (const at of indented) {
      if (formulas.some(({ start, end }) => start < at && at < end)) continue;
      paragraphs.push(joined.slice(from, at));
      from = at;
    }
    paragraphs.push(joined.slice(from));
  }
  return paragraphs.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A paragraph read for its math: text, a formula (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) or dollars that open none. */
type MathPiece =
  | { kind: 'text'; text: string }
  | { kind: 'math'; formula: string; start: number; end: number }
  | { kind: 'dollars'; count: number };

/**
 * The one reading of where an abstract's formulas are, for splitting paragraphs and for converting
 * them: LaTeX's `\(…\)` and `\[…\]` as `$…$` and `$$…$$`, a `$` or `$$` that pairs up (mathEnd),
 * and dollars that do not, which are amounts. A backslash takes the character after it (`\$` is a
 * dollar in TeX text, never the start of math).
 */
function mathPieces(paragraph: string): MathPiece[] {
  const pieces: MathPiece[] = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push({ kind: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < paragraph.length) {
    const char = paragraph[index]!;
    if (char === '\\') {
      const math = delimitedMath(paragraph, index);
      if (math) {
        flush();
        pieces.push({ kind: 'math', formula: math.formula, start: index, end: math.end });
        index = math.end;
      } else {
        text += paragraph.slice(index, index + 2);
        index += 2;
      }
      continue;
    }
    if (char === '$') {
      let run = 1;
      while (paragraph[index + run] === '$') run++;
      const close = run <= 2 ? mathEnd(paragraph, index, run) : -1;
      flush();
      if (close !== -1) {
        pieces.push({ kind: 'math', formula: paragraph.slice(index, close + run), start: index, end: close + run });
        index = close + run;
      } else {
        pieces.push({ kind: 'dollars', count: run });
        index += run;
      }
      continue;
    }
    text += char;
    index += 1;
  }
  flush();
  return pieces;
}

/** Characters that MDX (`{ } < >`) or Markdown (emphasis, links, entities, math, escapes) would read as syntax; a backtick (code) is written as a character reference. */
const ESCAPED = new Set(['{', '}', '<', '>', '*', '[', ']', '&', '$', '\\']);

function convertParagraph(paragraph: string, unknown: string[]): string {
  // Each formula is set aside and a placeholder character (one the paragraph does not hold) takes
  // its place, so that the TeX around it is converted whole: `\emph{$x$ y}` is one group, and
  // `Fig.~$1$` a tie before the math. The placeholders are private-use characters, which the check
  // refuses anywhere in a paper, so none stays in the entry unnoticed.
  const formulas: { display: boolean; parts: string[] }[] = [];
  const placeholders: string[] = [];
  let nextCodePoint = 0xe000; // the private-use area, U+E000–U+F8FF
  const setAside = (formula: string) => {
    const display = formula.startsWith('$$');
    const inner = mathForAbstract(formula.slice(display ? 2 : 1, display ? -2 : -1), { inline: !display });
    // `$x$$y$` is two formulas in TeX (a `$` closes inline math whatever follows), but Markdown
    // would read `$x$$y$` as one formula "x$$y": side by side they become one, `${x}{y}$`, each
    // part braced so that it keeps its own spacing and font switches, as a formula of its own does.
    const previous = formulas.at(-1);
    if (!display && previous && !previous.display && text.endsWith(placeholders.at(-1)!)) {
      previous.parts.push(inner);
      return '';
    }
    while (paragraph.includes(String.fromCodePoint(nextCodePoint))) nextCodePoint++;
    const placeholder = String.fromCodePoint(nextCodePoint++);
    formulas.push({ display, parts: [inner] });
    placeholders.push(placeholder);
    return placeholder;
  };
  const written = ({ display, parts }: { display: boolean; parts: string[] }) =>
    display
      ? `$$${parts[0]}$$`
      : parts.length === 1
        ? `$${parts[0]}$`
        : `$${parts.map((part) => `{${part}}`).join('')}$`;
  let text = '';
  for (const piece of mathPieces(paragraph)) {
    if (piece.kind === 'math') text += setAside(piece.formula);
    else if (piece.kind === 'dollars') text += '\\$'.repeat(piece.count);
    else text += piece.text;
  }

  const converted = texText(text, 'markdown');
  /** `value` with each placeholder back as its formula, and the text between through `escape`. */
  const withMath = (value: string, escape: (part: string) => string) =>
    value
      .split(/([\uE000-\uF8FF])/)
      .map((part) => {
        const at = placeholders.indexOf(part);
        return at === -1 ? escape(part) : written(formulas[at]!);
      })
      .join('');
  unknown.push(...converted.unknown.map((written) => withMath(written, (part) => part)));
  let out = '';
  for (const piece of converted.pieces) {
    out += 'markdown' in piece ? withMath(piece.markdown, (part) => part) : withMath(piece.text, escapeText);
  }
  // What would start a heading, list, quote, thematic break or tilde code fence at the start of a
  // paragraph (a paragraph is one line here, so no setext underline can follow it), and MDX's
  // `import `/`export `, which it would read as JavaScript: its first letter as a character
  // reference, since a backslash before a letter is no escape.
  return out
    .replace(/^#/, '\\#')
    .replace(/^([-+])/, '\\$1')
    .replace(/^~(?=~~)/, '\\~')
    .replace(
      /^([ie])(mport|xport)(?= )/,
      (_match, first: string, rest: string) => `${characterReference(first)}${rest}`,
    )
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** `char` as a decimal character reference, which Markdown and MDX print as the character itself. */
function characterReference(char: string): string {
  return `&#${char.codePointAt(0)};`;
}

/**
 * The math that LaTeX's delimiters `\(…\)` (inline) or `\[…\]` (display) open at `open`, written
 * `$…$` or `$$…$$` as an abstract writes it, and where it ends; undefined when `open` starts neither,
 * or nothing closes it. Spaces inside are dropped: `$ x $` is no math to Markdown.
 */
export function delimitedMath(text: string, open: number): { formula: string; end: number } | undefined {
  const kind = text[open + 1];
  if (text[open] !== '\\' || (kind !== '(' && kind !== '[')) return undefined;
  const closing = kind === '(' ? '\\)' : '\\]';
  // The closing delimiter is a backslash that is not itself escaped (`\\` ends a line in math).
  for (let close = text.indexOf(closing, open + 2); close !== -1; close = text.indexOf(closing, close + 1)) {
    let backslashes = 0;
    while (text[close - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) continue;
    const inner = text.slice(open + 2, close).trim();
    // A dollar sign not escaped inside would close the rewritten math early; an empty formula prints nothing; math
    // opened again inside (`\(x or \(y\)`) is an error in TeX, whose first delimiter is unclosed.
    if (!inner || unescapedDollar(inner, 0) !== -1 || /(?<!\\)(?:\\\\)*\\[([]/.test(inner)) return undefined;
    const dollars = kind === '(' ? '$' : '$$';
    return { formula: `${dollars}${inner}${dollars}`, end: close + 2 };
  }
  return undefined;
}

/**
 * A formula's TeX (without its dollars) as the check takes it, printing the same: what a paper's
 * LaTeX writes that an abstract's math writes otherwise (math-rules.ts refuses the first and names
 * the second). `\mbox{…}` and `\hbox{…}` are `\text{…}`; `align` and `gather` are `aligned` and
 * `gathered`; an `equation` is its formula; labels and `\nonumber` print nothing. A `\tag`, which
 * prints a number, stays, for the check to report. In `inline` math a dollar sign (`\$`) is
 * `\text{\textdollar}`: Markdown ends `$…$` at any `$`, escaped or not (`$$…$$` ends only at `$$`).
 */
export function mathForAbstract(tex: string, { inline }: { inline: boolean }): string {
  // `(?<!\\)`: the backslash of `\\label` ends a line, and starts no command.
  const rewritten = tex
    .replace(/(?<!\\)\\(?:mbox|hbox|textup)(?![A-Za-z])\s*\{/g, '\\text{')
    .replace(/(?<!\\)\\label\s*\{[^{}]*\}|(?<!\\)\\(?:nonumber|notag)(?![A-Za-z])/g, '')
    .replace(/(?<!\\)\\(begin|end)\s*\{(align|gather)\*?\}/g, '\\$1{$2ed}')
    .replace(/(?<!\\)\\(?:begin|end)\s*\{equation\*?\}/g, '');
  return inline ? rewritten.replace(/(?<!\\)((?:\\\\)*)\\\$/g, '$1\\text{\\textdollar}') : rewritten;
}

/** Plain characters as Markdown that shows them as they are. */
function escapeText(value: string): string {
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '_') {
      // Inside a word (snake_case) an underscore is never emphasis; elsewhere it may be.
      const inWord = /[\p{L}\p{N}]/u.test(value[index - 1] ?? '') && /[\p{L}\p{N}]/u.test(value[index + 1] ?? '');
      out += inWord ? char : '\\_';
    } else if (char === '`') {
      // Not `\``: before a letter that is TeX's grave accent (`\`a`, à) to the check.
      out += characterReference(char);
    } else {
      out += ESCAPED.has(char) ? `\\${char}` : char;
    }
  }
  return out;
}

/**
 * Where the math opened by the run of `length` dollars at `open` closes (the index of the closing
 * run), or -1 when those dollars are literal. `$$…$$` closes at the next `$$`. A single `$` closes
 * at the next lone `$` that is not followed by a digit, as in Pandoc: "$10" is an amount, never
 * the end of math. As in TeX, an escaped `\$` inside is a dollar sign, and the first `$` of a run
 * closes (`$x$$y$` is two formulas). Math that starts with a digit and ends with a space
 * ("$5 and $") is an amount too; so is a pair with a dollar between (remark-math would close at
 * that one instead).
 */
function mathEnd(text: string, open: number, length: number): number {
  const from = open + length;
  let index = unescapedDollar(text, from);
  while (index !== -1) {
    let run = 1;
    while (text[index + run] === '$') run++;
    const closes = length === 2 ? run === 2 : !/\d/.test(text[index + 1] ?? '');
    if (closes) {
      const content = text.slice(from, index);
      if (!content.trim() || unescapedDollar(content, 0) !== -1) return -1;
      if (length === 1 && /^\d/.test(content) && /\s$/.test(content)) return -1;
      return index;
    }
    index = unescapedDollar(text, index + run);
  }
  return -1;
}

/** The first `$` at or after `from` that no backslash escapes, or -1. */
function unescapedDollar(text: string, from: number): number {
  for (let index = text.indexOf('$', from); index !== -1; index = text.indexOf('$', index + 1)) {
    let backslashes = 0;
    while (index - 1 - backslashes >= from && text[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return index;
  }
  return -1;
}
