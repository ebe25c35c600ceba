import { XMLParser } from 'fast-xml-parser';
// fast-xml-parser alone accepts truncated XML, so well-formedness is checked first, strictly.
import { firstIllegalReference, firstXmlIllegal, xmlErrors } from '../lib/xml.ts';
import {
  arxivIdInText,
  canonicalOrUndefined,
  sameArxivReference,
  writtenArxivId,
  type PastedArxivId,
} from '../lib/arxiv-id.ts';
import { decodeUtf8 } from './utf8.ts';
import { shortened } from '../lib/shortened.ts';
import { codePointName } from '../lib/code-point.ts';

/**
 * The arXiv side of `npm run new-paper`: turning what a contributor pastes (an id, an abs/pdf
 * URL, with or without a version) into an arXiv id, and asking the arXiv API for the paper's
 * metadata. The network call is a parameter so tests can answer with recorded responses.
 *
 * API reference: https://info.arxiv.org/help/api/user-manual.html. The answer is always an
 * Atom feed: one `<entry>` per paper; a malformed id gives a single entry whose `<id>` is an
 * `arxiv.org/api/errors#…` URL and whose `<summary>` is the message; an unknown id gives no
 * entry (or, from older API versions, an entry with no `<id>`).
 */

export const ARXIV_API = 'https://export.arxiv.org/api/query';

export interface ArxivReference {
  /** The id without version: `2306.13575` or `math.GT/0309136`. */
  id: string;
  /** The version the contributor gave (`2` for `2306.13575v2`), if any. */
  version?: number;
}

export interface ArxivEntry {
  id: string;
  /** Version of the entry arXiv answered with (its latest). */
  version?: number;
  /** Title with whitespace collapsed. */
  title: string;
  /** Authors in the paper's order. */
  authors: string[];
  /** The abstract as arXiv gives it (hard-wrapped; paragraphs start with an indented line). */
  summary: string;
  /** Calendar date (UTC) of the first version: `YYYY-MM-DD`. */
  published: string;
  journalRef?: string;
  doi?: string;
  /** arXiv's note that the latest version withdraws the paper (its comment or abstract), if it says so. */
  withdrawn?: string;
}

/** What a contributor typed could not be read as an arXiv id. */
export class ArxivInputError extends Error {
  override name = 'ArxivInputError';
}

/** arXiv answered, and the answer says there is no such paper (or refuses the id). */
export class ArxivNotFoundError extends Error {
  override name = 'ArxivNotFoundError';
}

/** arXiv answered with something that is not the feed it documents. */
export class ArxivResponseError extends Error {
  override name = 'ArxivResponseError';
}

/** arXiv could not be reached: network error, timeout, or the service is down or throttling. */
export class ArxivUnreachableError extends Error {
  override name = 'ArxivUnreachableError';
  /** arXiv itself said it is busy (HTTP 429 or 503): ask it nothing more in this run. */
  readonly busy: boolean;

  constructor(message: string, { busy = false }: { busy?: boolean } = {}) {
    super(message);
    this.busy = busy;
  }
}

/** What a contributor can do when arXiv's side failed: nothing in the command was wrong. */
export const TRY_AGAIN_LATER =
  "That is arXiv's side (or the network's), not your command: run the same command again later.";

/**
 * Reads an arXiv id from what a contributor pasted, however it was written (arxivIdInText, the one
 * reading of pasted ids, src/lib/arxiv-id.ts): `2306.13575`, `2306.13575v2`, `arXiv:2306.13575`,
 * `arxiv.org/abs/2306.13575`, `https://arxiv.org/pdf/2306.13575v1.pdf`, arXiv's DOI or its doi.org
 * link, a PDF's margin stamp, an old-style id such as `math.GT/0309136`, with a sentence's
 * punctuation, spaces inside or invisible characters around it. The id comes back as written, but
 * in arXiv's case (`hep-th`, `math.GT`): an old-style id keeps its subject class, which BibTeX
 * cites as the primary class; everything that compares or links ids uses its canonical form.
 * `now` is the clock an id's month is judged by, new-paper's (none: the grammar alone; see parseArxivId).
 */
export function parseArxivInput(input: string, now: Date | null = null): ArxivReference {
  const raw = input.replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '').trim();
  if (!raw) throw new ArxivInputError('Give an arXiv id or URL, e.g. 2306.13575 or https://arxiv.org/abs/2306.13575.');
  const whole = arxivIdInText(raw, now);
  if ('id' in whole) return whole;
  const noted = whole.problem === 'no id' ? idBesideNote(raw, now) : undefined;
  if (noted && 'id' in noted) return noted;
  const read = noted ?? whole;
  if (noted && read.problem === 'two ids') {
    throw new ArxivInputError(
      `"${raw}" names two arXiv ids, ${read.ids[0]} and ${read.ids[1]} (in its note): give the one you mean, one a line, with a note after it if you like (${read.ids[0]} // the LoRA one).`,
    );
  }
  if (read.problem === 'not a paper page') {
    throw new ArxivInputError(
      `"${raw}" is an arXiv address but not a paper's page: use the abstract or PDF link, e.g. https://arxiv.org/abs/2306.13575.`,
    );
  }
  if (read.problem === 'two ids') {
    throw new ArxivInputError(
      `"${raw}" names two arXiv ids, ${read.ids[0]} and ${read.ids[1]}, in its text and its address: give the one you mean.`,
    );
  }
  // Something shaped like an id gets the grammar's reason; anything else, examples.
  if (read.problem === 'invalid') throw new ArxivInputError(`"${raw}" is not a valid arXiv id: ${read.reason}.`);
  throw new ArxivInputError(
    `"${raw}" is not an arXiv id or URL. Examples: 2306.13575, 2306.13575v2, https://arxiv.org/abs/2306.13575, math.GT/0309136.`,
  );
}

/**
 * What sets a note off beside an id, as curators write one in a list (`2401.00007 // the LoRA
 * one`, `2401.00007 -- note`, `2401.00007; note`, `LoRA: 2401.00007`, `2401.00007 (the LoRA one)`):
 * `//`, `--`, a dash between spaces, an en or em dash, `;`, `,`, `:`, `|`, `#`, or brackets. Words
 * beside an id with no such mark (`see 2401.00007 and more`) are no plain note: refused whole.
 */
const NOTE_MARK = /\s*(?:\/{2,}|-{2,}|\s-\s|[–—]|[;,:|#]|[([{]|[)\]}](?=\s*\S))\s*/gu;
/** The first marks tried, on a line no longer than this: a note comes right after its id (or before it). */
const NOTE_MARKS_TRIED = 16;
const NOTE_LINE_LENGTH = 2_000;
/** What splits a note into words, each read as an id would be (a link's address, `arXiv: 2401.00008`). */
const NOTE_WORD_BREAK = /[\s,;|()[\]{}<>"'“”‘’«»]+/u;

/**
 * A line's one arXiv id and a note set off beside it (NOTE_MARK), read by arxivIdInText: the id as
 * that side reads (an id, or why it is none: `2306.1357 // note` is refused for its id), or 'two
 * ids' when the note names another paper, another version, or something shaped like an id
 * (`2401.00007, 2401.0008` is no id with a note: its second id is mistyped). Undefined when no side
 * of a mark reads as an id.
 */
function idBesideNote(text: string, now: Date | null): PastedArxivId | undefined {
  if (text.length > NOTE_LINE_LENGTH) return undefined;
  let tried = 0;
  for (const mark of text.matchAll(NOTE_MARK)) {
    if (++tried > NOTE_MARKS_TRIED) break;
    const before = text.slice(0, mark.index);
    const after = text.slice(mark.index + mark[0].length);
    for (const [side, note] of [
      [before, after],
      [after, before],
    ] as const) {
      if (!/\S/.test(side)) continue;
      const read = arxivIdInText(side, now);
      if ('id' in read) return othersInNote(read, note, now) ?? read;
      if (read.problem === 'invalid') return read;
    }
  }
  return undefined;
}

/** 'two ids' when a note names a paper other than the id beside it (or what is shaped like one). */
function othersInNote(id: { id: string; version?: number }, note: string, now: Date | null): PastedArxivId | undefined {
  for (const word of note.split(NOTE_WORD_BREAK)) {
    if (!word) continue;
    const read = arxivIdInText(word, now);
    const other =
      'id' in read
        ? sameArxivReference(id, read)
          ? undefined
          : writtenArxivId(read)
        : read.problem === 'invalid'
          ? read.written
          : undefined;
    if (other !== undefined) return { problem: 'two ids', ids: [writtenArxivId(id), other] };
  }
  return undefined;
}

/**
 * The request new-paper makes. It does not follow redirects (`redirect: 'manual'`): requestFeed
 * follows one to arXiv itself and refuses one anywhere else, so no other host's page is read as arXiv's.
 */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string>; redirect: 'manual' },
) => Promise<Response>;

export interface FetchEntryOptions {
  fetch?: FetchLike;
  /** Milliseconds before giving up on arXiv; the default is 20 s. */
  timeoutMs?: number;
  /** How to wait the time a busy arXiv asks for (tests pass one that only records); see requestFeed. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, for a Retry-After that is a date. */
  now?: () => Date;
  /** Told when new-paper waits for a busy arXiv, before it waits. */
  progress?: (line: string) => void;
  /** Aborted when the contributor stops the run (Ctrl-C): no wait goes on, nothing more is asked. */
  signal?: AbortSignal;
}

/**
 * The longest wait that a busy arXiv's Retry-After is waited for, once, before asking again: a
 * contributor at the terminal waits a minute; a longer wait is said, for the command to be run again.
 */
export const MAX_RETRY_WAIT_SECONDS = 60;

/** The largest answer read for one paper: an entry is a few kilobytes. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** Per paper of a batch: far above any real entry, so only a runaway answer is refused. */
const MAX_ENTRY_BYTES = 256 * 1024;

/** Asks the arXiv API for one paper. Throws one of the Arxiv*Error classes above on failure. */
export async function fetchArxivEntry(id: string, options: FetchEntryOptions = {}): Promise<ArxivEntry> {
  const { response, body } = await requestFeed(`${ARXIV_API}?id_list=${encodeURIComponent(id)}`, id, options);
  if (body.length > MAX_RESPONSE_BYTES)
    throw new ArxivResponseError(`arXiv's answer is ${body.length} bytes; expected one paper's entry.`);
  const entry = parseArxivFeed(body, id);
  if (entry instanceof ArxivNotFoundError) throw entry;
  if (!response.ok)
    throw new ArxivResponseError(
      `arXiv answered HTTP ${response.status} for ${id}: ${answerSays(body) || 'empty answer'}.`,
    );
  if (entry instanceof Error) throw entry;
  return entry;
}

/** What one batch request gives each id: its entry, or why there is none. */
export type BatchResult = ArxivEntry | ArxivNotFoundError | ArxivResponseError;

/**
 * Asks the arXiv API for several papers in one request (`id_list=a,b,c`). The result has one
 * answer per id that the feed settles; an id missing from it was not settled and may be asked
 * again: that happens when arXiv refuses one id of the list, since its error answer then replaces
 * the whole feed. Throws ArxivUnreachableError, or ArxivResponseError when the answer as a whole
 * is unusable.
 */
export async function fetchArxivBatch(
  ids: readonly string[],
  options: FetchEntryOptions = {},
): Promise<Map<string, BatchResult>> {
  const url = `${ARXIV_API}?id_list=${ids.map((id) => encodeURIComponent(id)).join(',')}&max_results=${ids.length}`;
  const list = ids.join(', ');
  const { response, body } = await requestFeed(url, list, options);
  if (body.length > Math.max(MAX_RESPONSE_BYTES, ids.length * MAX_ENTRY_BYTES))
    throw new ArxivResponseError(`arXiv's answer is ${body.length} bytes; expected ${ids.length} papers' entries.`);
  const feed = readArxivFeed(body);
  const results = new Map<string, BatchResult>();
  if (feed.kind === 'refused') {
    // The error names the id it refuses ("incorrect id format for X"); the others are unsettled.
    const named = ids.filter((id) => mentionsId(feed.message, id));
    for (const id of named.length > 0 ? named : ids)
      results.set(id, new ArxivNotFoundError(`arXiv refused the id ${id}: ${feed.message}.`));
    return results;
  }
  if (!response.ok)
    throw new ArxivResponseError(
      `arXiv answered HTTP ${response.status} for ${list}: ${answerSays(body) || 'empty answer'}.`,
    );
  if (feed.kind === 'malformed')
    throw new ArxivResponseError(`arXiv's answer for ${list} is not a usable Atom feed: ${feed.why}.`);
  for (const id of ids) results.set(id, entryFor(feed, id, ids));
  return results;
}

/** Whether an error message names this id, as a whole word (so `9901.0001` is not in `9901.00010`). */
function mentionsId(message: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?:^|[^\\w.])${escaped}(?![\\w]|\\.\\d)`).test(message);
}

/** The most redirects followed for one request: arXiv moving its API takes one or two. */
const MAX_REDIRECTS = 5;

/**
 * arXiv's answer to `url` (asked for `asked`, an id or a list of them, as messages name it): its
 * status and bytes, or ArxivUnreachableError when it could not be reached or answered an error of
 * its side (HTTP 429 or 5xx). A busy arXiv (429, 503) that asks for a pause of at most
 * MAX_RETRY_WAIT_SECONDS is waited for once, and asked again. A redirect (3xx) to arXiv's API over
 * https is followed, at most MAX_REDIRECTS times; one elsewhere, one without an address, or one
 * more is ArxivResponseError, saying where it leads.
 */
async function requestFeed(
  url: string,
  asked: string,
  options: FetchEntryOptions,
): Promise<{ response: Response; body: Uint8Array }> {
  const { sleep = waitFor(options.signal), now = () => new Date(), progress, signal } = options;
  let waited: string | undefined;
  let at = url;
  let redirects = 0;
  for (;;) {
    const { response, body } = await requestOnce(at, options);
    if (response.status >= 300 && response.status < 400) {
      at = redirectTarget(response, at, url, asked, redirects);
      redirects += 1;
      continue;
    }
    if (response.status !== 429 && response.status < 500) return { response, body };
    // HTTP 429 or 503: arXiv asks for a pause (Retry-After, seconds or a date). A short one is
    // waited once, saying so first, and arXiv asked again; a longer one, or a second refusal, is said.
    const busy = response.status === 429 || response.status === 503;
    const seconds = retryAfterSeconds(response.headers.get('retry-after'), now().getTime());
    const wait = seconds === undefined ? undefined : retryAfter(String(seconds), now().getTime());
    const says = answerSays(body) ? `: ${answerSays(body)}` : '';
    if (busy && waited === undefined && wait && seconds! <= MAX_RETRY_WAIT_SECONDS && !signal?.aborted) {
      progress?.(`arXiv is busy (HTTP ${response.status}${says}); waiting ${wait}, as it asks, then asking once more…`);
      await sleep(seconds! * 1000);
      waited = wait;
      if (!signal?.aborted) continue;
    }
    const asks = wait
      ? `; it asks to wait ${wait} before asking again${seconds! > MAX_RETRY_WAIT_SECONDS && !waited ? ` (new-paper waits up to ${MAX_RETRY_WAIT_SECONDS} s)` : ''}`
      : '';
    throw new ArxivUnreachableError(
      `arXiv is not answering right now (HTTP ${response.status}${says}${waited ? `, again after waiting ${waited} as it asked` : ''})${asks}.`,
      { busy },
    );
  }
}

/**
 * Where a redirect from `at` leads, when that is arXiv's API over https (`arxiv.org` or a host under
 * it, default port): the address to ask next. Otherwise ArxivResponseError, saying the status was a
 * redirect, where to, and what to do: anything not arXiv is not asked, for a paper's metadata comes
 * from arXiv alone; a network that sends every request to a sign-in page first redirects so.
 */
function redirectTarget(response: Response, at: string, first: string, asked: string, redirects: number): string {
  const answered = `arXiv's API answered HTTP ${response.status} for ${asked}`;
  const location = response.headers.get('location');
  if (!location?.trim())
    throw new ArxivResponseError(`${answered}, a redirect with no address to go to (no Location).`);
  let target: URL | undefined;
  try {
    target = new URL(location.trim(), at);
  } catch {
    target = undefined;
  }
  const shown = target ? shortened(target.href, 200) : `"${shortened(location, 200)}", no address`;
  const arxiv =
    target?.protocol === 'https:' &&
    target.port === '' &&
    (target.hostname === 'arxiv.org' || target.hostname.endsWith('.arxiv.org'));
  if (!arxiv)
    throw new ArxivResponseError(
      `${answered}, a redirect to ${shown}, which is not arXiv's API over https: nothing was asked there, as a paper's title, authors and abstract come from arXiv alone. A network that sends every request to its own page first (a hotel's or a company's sign-in page) does this: open ${first} in a browser to see where it leads.`,
    );
  if (redirects >= MAX_REDIRECTS)
    throw new ArxivResponseError(
      `${answered}, a redirect to ${shown}, after ${redirects} redirects already: it sends the request round and never answers.`,
    );
  return target!.href;
}

/** A pause of `ms` that ends early when `signal` is aborted (Ctrl-C during a wait for arXiv). */
function waitFor(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
}

/**
 * One request: the answer's status and bytes, or ArxivUnreachableError. The bytes, not
 * `response.text()`: that decodes whatever it gets as UTF-8 and puts U+FFFD in place of a byte
 * that is none, so a title in another encoding, or with one broken byte, was written with "�" in it.
 * readArxivFeed decodes them strictly.
 */
async function requestOnce(
  url: string,
  { fetch: fetchFn = fetch, timeoutMs = 20_000 }: FetchEntryOptions,
): Promise<{ response: Response; body: Uint8Array }> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/atom+xml', 'user-agent': 'paper-digest new-paper' },
      redirect: 'manual',
    });
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
        : describeNetworkError(error);
    throw new ArxivUnreachableError(`arXiv could not be reached (${reason}).`);
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new ArxivUnreachableError(`arXiv's answer was cut off (${describeNetworkError(error)}).`);
  }
  return { response, body };
}

/**
 * How long a Retry-After header asks to wait, in words (`2 minutes`, `5 hours`, `3 days`), or the
 * day it names when that is more than a month away (`until 2099-01-01`: a header set that far says
 * more about the server than about when to ask; "wait 631,983 hours" said nothing usable either);
 * undefined when it says nothing usable. It is seconds or an HTTP date (RFC 9110 §10.2.3).
 */
export function retryAfter(header: string | null, now: number = Date.now()): string | undefined {
  const seconds = retryAfterSeconds(header, now);
  if (seconds === undefined) return undefined;
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  const days = Math.ceil(hours / 24);
  if (days <= 31) return `${days} days`;
  const until = new Date(now + seconds * 1000);
  return Number.isNaN(until.getTime()) ? undefined : `until ${until.toISOString().slice(0, 10)}`;
}

/** The seconds a Retry-After header (seconds, or an HTTP date after `now`) asks to wait, if any. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  const value = header?.trim() ?? '';
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.message ?? cause?.code ?? error.message;
}

/**
 * A web page sent in place of the feed, as a message names it: by its title, what it says
 * (`a web page titled "502 Bad Gateway"`); undefined when the text is no web page.
 */
function webPage(text: string): string | undefined {
  if (!HTML_PAGE.test(text)) return undefined;
  const title = /<title[^>]*>([^<]*)</i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `a web page titled "${shortened(title, 80)}"` : 'a web page';
}

/** What an error answer says, for a message: a web page by its title (not its markup), other text by its first line. */
function answerSays(body: Uint8Array): string {
  const text = loosely(body);
  return webPage(text) ?? firstLine(text);
}

function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').slice(0, 200);
}

/** An answer's bytes as text for a message only (an error page): a byte that is no UTF-8 as U+FFFD. */
function loosely(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/**
 * The text of an answer: UTF-8, which the API answers in, strictly (see requestFeed), without its
 * byte-order mark; or why it cannot be read. An answer that declares another encoding is read only
 * when it is ASCII, the same text in either.
 */
function feedText(bytes: Uint8Array): string | { why: string } {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    // decodeUtf8's sentence is about a file; the answer's bad bytes are named from badBytes (none: UTF-16).
    const bytesNamed =
      decoded.badBytes.length > 0
        ? `the ${decoded.badBytes.length === 1 ? 'byte' : 'bytes'} ${decoded.badBytes.join(' ')}`
        : 'a byte';
    return {
      why: `it is not UTF-8: ${bytesNamed} at line ${decoded.line}, column ${decoded.column} is no UTF-8 character`,
    };
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && /[^\x00-\x7F]/.test(text))
    return { why: `it says it is in ${declared}, not UTF-8, the API's encoding` };
  return text;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Decodes numeric character references (&#233;) as well as the five XML entities.
  htmlEntities: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type XmlNode = Record<string, unknown>;

/** A feed read without knowing which ids were asked: entries by canonical id, or why it is unusable. */
export type ArxivFeed =
  | {
      kind: 'entries';
      /** Each paper entry by the canonical form of its id (versions stripped). */
      entries: Map<string, ArxivEntry | { why: string }>;
      /** The `<id>` of every paper entry, as written, for messages. */
      ids: string[];
    }
  /** An `arxiv.org/api/errors` entry: arXiv refused the request; `message` is its summary. */
  | { kind: 'refused'; message: string }
  | { kind: 'malformed'; why: string };

/**
 * Reads the feed arXiv answers with for `id_list=<id>`. Returns the paper's entry, or the error
 * to throw: ArxivNotFoundError for an unknown or refused id, ArxivResponseError for anything
 * that is not a well-formed arXiv feed about that paper.
 */
export function parseArxivFeed(
  xml: string | Uint8Array,
  id: string,
): ArxivEntry | ArxivNotFoundError | ArxivResponseError {
  const feed = readArxivFeed(xml);
  if (feed.kind === 'malformed')
    return new ArxivResponseError(`arXiv's answer for ${id} is not a usable Atom feed: ${feed.why}.`);
  if (feed.kind === 'refused') return new ArxivNotFoundError(`arXiv refused the id ${id}: ${feed.message}.`);
  return entryFor(feed, id, [id]);
}

/**
 * The entry of one requested id in a feed: matched by canonical id, so versions and subject
 * classes never matter. `asked` is every id of the request: an id the feed has no entry for is
 * unknown to arXiv only when the feed holds no entry that was not asked; otherwise the answer is
 * about other papers (a cache or a proxy mixing answers up), and the message names both sides.
 * Entries not asked are never read as an asked paper's.
 */
function entryFor(feed: Extract<ArxivFeed, { kind: 'entries' }>, id: string, asked: readonly string[]): BatchResult {
  const malformed = (why: string) =>
    new ArxivResponseError(`arXiv's answer for ${id} is not a usable Atom feed: ${why}.`);
  const entry = feed.entries.get(canonicalOrUndefined(id) ?? id);
  if (entry) return 'why' in entry ? malformed(entry.why) : entry;
  const askedIds = new Set(asked.map((one) => canonicalOrUndefined(one) ?? one));
  const unasked = feed.ids.filter((written) => {
    const read = entryId(written);
    return !read || !askedIds.has(canonicalOrUndefined(read.id) ?? read.id);
  });
  if (unasked.length === 0) return new ArxivNotFoundError(`arXiv has no paper ${id}: check the id.`);
  const them =
    unasked.length === 1 ? `an entry for ${unasked[0]}, which was` : `entries for ${unasked.join(', ')}, which were`;
  return malformed(`it holds ${them} not asked, and none for ${id}`);
}

/** An HTML page: a DOCTYPE of html or an <html> element first, after any XML declaration and comments. */
const HTML_PAGE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*(?:<!DOCTYPE\s+html\b|<html[\s>])/i;

/** Reads an arXiv API answer with any number of entries: its text, or its bytes as they came. */
export function readArxivFeed(answer: string | Uint8Array): ArxivFeed {
  const malformed = (why: string): ArxivFeed => ({ kind: 'malformed', why });
  const xml = typeof answer === 'string' ? answer : feedText(answer);
  if (typeof xml !== 'string') return malformed(xml.why);
  if (!xml.trim()) return malformed('the answer is empty');
  // A proxy's or a server's error page, sent with 200 OK (a captive portal, a gateway timing out):
  // its title is what it says, where "declares a DOCTYPE" or "no <feed>" would say nothing.
  const page = webPage(xml);
  if (page) return malformed(`it is ${page}, not arXiv's feed (an error page of a proxy or a server on the way)`);
  if (/<!DOCTYPE/i.test(xml)) return malformed('it declares a DOCTYPE');
  const [error] = xmlErrors(xml);
  // A terminal's escape (ANSI, OSC 8) or another control, as itself or as a reference (`&#x1b;`):
  // named, with where, as a maintainer reports it, not in the parser's words.
  const at = (index: number) => {
    const before = xml.slice(0, index).split('\n');
    return `at line ${before.length}, column ${[...before.at(-1)!].length + 1}`;
  };
  const notAllowed = (codePoint: number) =>
    `${codePointName(codePoint)}, a ${/\p{Cc}/u.test(String.fromCodePoint(codePoint)) ? 'control character' : 'character'} XML does not allow`;
  const illegal = error?.endsWith('disallowed character.') ? firstXmlIllegal(xml) : undefined;
  if (illegal) return malformed(`it holds ${notAllowed(illegal.character.codePointAt(0)!)}, ${at(illegal.index)}`);
  const reference = error?.endsWith('malformed character entity.') ? firstIllegalReference(xml) : undefined;
  if (reference) {
    const to =
      reference.codePoint > 0x10ffff ? 'no character (Unicode ends at U+10FFFF)' : notAllowed(reference.codePoint);
    return malformed(`it holds ${reference.reference}, a reference to ${to}, ${at(reference.index)}`);
  }
  // saxes reports "line:column: message"; say it the other way round.
  if (error) return malformed(error.replace(/^(\d+):(\d+): (.*?)\.?$/s, '$3 (line $1)'));
  let parsed: XmlNode;
  try {
    parsed = parser.parse(xml) as XmlNode;
  } catch (error) {
    // Well-formed, yet not what the parser takes (nesting past its limit, an element named
    // __proto__): without this, new-paper stopped with a stack trace.
    return malformed(`the XML parser refused it (${(error as Error).message})`);
  }
  const feed = parsed.feed as XmlNode | undefined;
  if (!feed || typeof feed !== 'object') return malformed('there is no <feed> element');

  const entries = ((feed.entry as XmlNode[] | undefined) ?? []).filter((entry) => typeof entry === 'object');
  // arXiv's error answer is an entry whose id is an `api/errors` address and whose title is
  // "Error"; either one, on an entry that is no paper's, is read as the error.
  const errorEntry = entries.find(
    (entry) =>
      /^https?:\/\/(?:[a-z0-9-]+\.)*arxiv\.org\/api\/errors/i.test(text(entry.id).trim()) ||
      (collapse(text(entry.title)).toLowerCase() === 'error' && !entryId(text(entry.id))),
  );
  if (errorEntry) return { kind: 'refused', message: collapse(text(errorEntry.summary)) || 'no message' };
  // An entry's <id> twice or with markup in it was read as no id, the answer as "no such paper".
  for (const entry of entries) {
    const id = plainText(entry.id, 'id');
    if (typeof id !== 'string') return malformed(id.why);
  }
  // An unknown id gives no entry (older API versions: an entry without an <id>).
  const papers = entries.filter((entry) => text(entry.id).trim() !== '');
  const byId = new Map<string, { written: string[]; read: (ArxivEntry | { why: string })[] }>();
  for (const paper of papers) {
    const parsedId = entryId(text(paper.id));
    const canonical = parsedId && canonicalOrUndefined(parsedId.id);
    if (!canonical) continue;
    const group = byId.get(canonical) ?? { written: [], read: [] };
    group.written.push(collapse(text(paper.id)));
    group.read.push(readEntry(paper, parsedId));
    byId.set(canonical, group);
  }
  // arXiv sends one entry a paper. Two that read alike are one; two that differ (another version,
  // another title: a cache or a proxy mixing answers) leave no telling which is the paper's, where
  // the first was taken whatever the second said.
  const read = new Map<string, ArxivEntry | { why: string }>();
  for (const [canonical, { written, read: entries }] of byId) {
    const differ = new Set(entries.map((entry) => JSON.stringify(entry))).size > 1;
    read.set(
      canonical,
      differ
        ? {
            why: `it holds ${entries.length} entries for ${canonical} that differ (${written.join(', ')}), so which one is the paper's cannot be told`,
          }
        : entries[0]!,
    );
  }
  return { kind: 'entries', entries: read, ids: papers.map((paper) => collapse(text(paper.id))) };
}

function readEntry(entry: XmlNode, parsedId: ArxivReference): ArxivEntry | { why: string } {
  const rawTitle = plainText(entry.title, 'title');
  if (typeof rawTitle !== 'string') return rawTitle;
  const summary = plainText(entry.summary, 'summary');
  if (typeof summary !== 'string') return summary;
  const rawPublished = plainText(entry.published, 'published');
  if (typeof rawPublished !== 'string') return rawPublished;
  const authors: string[] = [];
  for (const author of (entry.author as XmlNode[] | undefined) ?? []) {
    const name = plainText(author.name, 'name');
    if (typeof name !== 'string') return name;
    authors.push(collapse(name));
  }
  const title = collapse(rawTitle);
  const published = utcDate(rawPublished);
  if (!title) return { why: 'the entry has no <title>' };
  if (authors.length === 0) return { why: 'the entry has no <author> names' };
  // A nameless author would be left out of the list, which must be whole and in order.
  const nameless = authors.findIndex((name) => !name);
  if (nameless !== -1) return { why: `the entry's author ${nameless + 1} of ${authors.length} has no <name>` };
  if (!summary.trim()) return { why: 'the entry has no <summary> (abstract)' };
  if (!published) return { why: `the entry's <published> date "${collapse(rawPublished)}" is not a date` };

  const journalRef = collapse(text(entry.journal_ref));
  const doi = collapse(text(entry.doi));
  const withdrawn = withdrawalNotice(collapse(text(entry.comment)), collapse(summary));
  return {
    id: parsedId.id,
    ...(parsedId.version ? { version: parsedId.version } : {}),
    title,
    authors,
    summary,
    published,
    ...(journalRef ? { journalRef } : {}),
    ...(doi ? { doi } : {}),
    ...(withdrawn ? { withdrawn } : {}),
  };
}

/**
 * How arXiv's withdrawal notices start: "This paper has been withdrawn by the author(s)", "This
 * submission has been withdrawn by arXiv administrators…", "Withdrawn by the authors", "Paper
 * withdrawn", "The authors have withdrawn this paper".
 */
const WITHDRAWAL =
  /^\W*(?:(?:(?:this|the)\s+)?(?:(?:paper|article|submission|manuscript|preprint|version|work)\s+)?(?:(?:has\s+been|is|was)\s+)?withdrawn|(?:the\s+)?authors?\s+(?:have|has)\s+withdrawn)\b/i;

/**
 * The notice of a withdrawal, which is a new version whose comment (and often abstract) says so;
 * the API has no flag. The comment is a note of several sentences ("12 pages. This paper has been
 * withdrawn…"), so any of them may be the notice; an abstract is replaced by one, so it must start
 * with it: an abstract that only speaks of a withdrawal ("we study why a preprint was withdrawn")
 * is a paper's, which used to be refused as withdrawn.
 */
function withdrawalNotice(comment: string, summary: string): string | undefined {
  if (comment.split(/(?<=[.;!?])\s+/).some((sentence) => WITHDRAWAL.test(sentence))) return comment;
  return WITHDRAWAL.test(summary) ? summary : undefined;
}

/**
 * The whole text of an element that an entry is written from (a title, the abstract, a name, a
 * date), or why it has none to take: arXiv writes each once, as plain text. The parser keeps an
 * element inside it (`A <b>bold</b> title`) apart from the text around it, and text() would
 * quietly drop its words; a repeated element, or one whose Atom `type` is HTML, is no plain text
 * either. A comment or a CDATA section is read as the text it holds.
 */
function plainText(node: unknown, element: string): string | { why: string } {
  if (Array.isArray(node)) return { why: `the entry has ${node.length} <${element}> elements where arXiv writes one` };
  if (node && typeof node === 'object') {
    const inner = Object.keys(node).find((key) => key !== '#text' && !key.startsWith('@_'));
    if (inner !== undefined)
      return { why: `the entry's <${element}> holds markup (<${inner}>), where arXiv writes plain text` };
    const type = text((node as XmlNode)['@_type']).trim();
    if (type && type !== 'text')
      return { why: `the entry's <${element}> is of type "${type}", where arXiv writes plain text` };
  }
  return text(node);
}

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return text((node as XmlNode)['#text']);
  return '';
}

function collapse(value: string): string {
  // JavaScript's \s counts U+FEFF (the BOM, zero-width) as a space: it shows nothing, and
  // new-paper leaves it out (visibleText) rather than split a word there.
  return value.replace(/[^\S\uFEFF]+/g, ' ').trim();
}

/**
 * An entry's `<id>`, its paper's page (`http://arxiv.org/abs/2306.13575v2` → `{ id: '2306.13575',
 * version: 2 }`), read as every arXiv address is (arxivIdInText), without the clock: which papers
 * may be asked for is new-paper's to judge, and the answer is matched to what was asked.
 */
function entryId(url: string): ArxivReference | undefined {
  const read = arxivIdInText(url, null);
  return 'id' in read ? read : undefined;
}

/** The UTC calendar date of an Atom timestamp (`2007-02-27T16:02:02-05:00` → `2007-02-27`). */
function utcDate(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
