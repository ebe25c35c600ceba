import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArxivFeed, type FetchLike } from '../../src/content/arxiv.ts';
import { checkContent } from '../../src/content/check.ts';
import { newPaper, NewPaperError } from '../../src/content/new-paper.ts';
import {
  batchSummary,
  idsFromFile,
  idsFromText,
  newPapers,
  type NewPapersContext,
  type NewPapersOptions,
  type PaperOutcome,
  untilInterrupted,
} from '../../src/content/new-papers.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { fileSystemReason } from '../../src/content/read-files.ts';
import { projectRoot } from '../helpers/build.ts';
import { removeTempProjects, runNewPaperCli, tempProject } from '../helpers/new-paper.ts';
import { runScript } from '../helpers/cli.ts';

afterAll(removeTempProjects);

const recorded = (name: string) => readFile(join(projectRoot, 'tests/fixtures/arxiv', name), 'utf8');
const seedDir = join(projectRoot, 'content/papers/2025');
const API = 'https://export.arxiv.org/api/query';

/** A stand-in for `fetch`: `answer` gives the response for the ids asked; every call is remembered. */
function fakeFetch(answer: (ids: string[], url: string) => Promise<string | Response> | string | Response) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const ids = decodeURIComponent(new URL(url).searchParams.get('id_list') ?? '').split(',');
    const body = await answer(ids, url);
    return body instanceof Response
      ? body
      : new Response(body, { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
  };
  return { fetch, calls };
}

/** A context that never sleeps but records the pauses it was asked for. */
function context(root: string, fetch: FetchLike, extra: Partial<NewPapersContext> = {}) {
  const pauses: number[] = [];
  return {
    pauses,
    context: {
      root,
      fetch,
      // The synthetic answers' papers (9901.*) are of January 2099: a later digest date is refused.
      now: () => new Date('2099-01-10T12:00:00Z'),
      sleep: async (ms: number) => {
        pauses.push(ms);
      },
      ...extra,
    } satisfies NewPapersContext,
  };
}

async function paperFiles(root: string, year: string): Promise<string[]> {
  return (await readdir(join(root, 'content/papers', year)).catch(() => [])).sort();
}

const summary = (outcomes: PaperOutcome[]) =>
  outcomes.map((outcome) => [outcome.input, outcome.status, 'message' in outcome ? outcome.message : undefined]);

const day: Omit<NewPapersOptions, 'inputs'> = { tags: ['optimization'], date: '2099-01-10' };
const fourIds = ['9901.00010', 'https://arxiv.org/abs/9901.00011v2', 'arXiv:9901.00012', '9901.00013'];

describe('npm run new-paper with many ids, on recorded arXiv answers', () => {
  it('asks arXiv once for the whole list and writes one checked file per paper found', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const { context: ctx, pauses } = context(root, fetch);
    const report = await newPapers({ ...day, inputs: fourIds }, ctx);

    expect(calls).toEqual([`${API}?id_list=9901.00010,9901.00011,9901.00012,9901.00013&max_results=4`]);
    expect(pauses).toEqual([]);
    expect(summary(report.outcomes)).toEqual([
      ['9901.00010', 'written', undefined],
      ['https://arxiv.org/abs/9901.00011v2', 'written', undefined],
      ['arXiv:9901.00012', 'written', undefined],
      ['9901.00013', 'failed', 'arXiv has no paper 9901.00013: check the id. Nothing was written.'],
    ]);
    expect(report).toMatchObject({ ok: false, requests: 1 });
    expect(await paperFiles(root, '2099')).toEqual(['9901.00010.mdx', '9901.00011.mdx', '9901.00012.mdx']);

    // Each file holds its own entry, whatever the feed's order.
    const data = async (id: string) =>
      parse((await readFile(join(root, `content/papers/2099/${id}.mdx`), 'utf8')).split('---\n')[1]!) as Record<
        string,
        unknown
      >;
    expect(await data('9901.00010')).toMatchObject({
      title: 'A Synthetic Study of Spline Edges in Kolmogorov-Arnold Networks',
      authors: ['Ada Example', 'Bao Sample'],
      arxiv: '9901.00010',
      tags: ['optimization'],
    });
    // 2099-01-07T23:30:00-05:00 is January 8th in UTC.
    expect(await data('9901.00011')).toMatchObject({
      authors: ['Chidi Example', 'Dagny Sample', 'Emeka Placeholder'],
      published: '2099-01-08',
    });
    expect(await data('9901.00012')).toMatchObject({
      title: 'Synthetic Pruning and Quantization for Smaller, Faster Models',
    });

    const { problems } = await checkContent({
      root,
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
      today: new Date('2099-02-01T00:00:00Z'),
    });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('writes what the one-paper command writes for the same paper and tags', async () => {
    const tags = ['vision-mlps', 'mlp-architectures'];
    const batchRoot = await tempProject();
    const feed = await recorded('batch-2306.13575-9901.00010.xml');
    const batch = await newPapers(
      { inputs: ['2306.13575', '9901.00010'], tags, date: '2099-01-10' },
      context(batchRoot, fakeFetch(() => feed).fetch).context,
    );
    expect(batch.ok).toBe(true);
    const singleRoot = await tempProject();
    const single = await newPaper(
      { input: '2306.13575', tags, date: '2099-01-10' },
      {
        root: singleRoot,
        fetch: fakeFetch(async () => recorded('2306.13575.xml')).fetch,
        now: () => new Date('2099-01-10T12:00:00Z'),
      },
    );
    expect(await readFile(join(batchRoot, 'content/papers/2099/2306.13575.mdx'), 'utf8')).toBe(single.text);
  });

  it('says for each paper of a list, as for one paper, that arXiv answered another version, and its journal reference', async () => {
    const root = await tempProject();
    // arXiv answers each id with its latest version (9901.00011v3) whatever version was asked.
    const feed = (await recorded('batch-9901.00010-00013.xml')).replace(
      '<title>Synthetic Pruning and Quantization for Smaller, Faster Models</title>',
      '$&\n    <arxiv:journal_ref>Synthetic Journal of Pruning 1 (2099) 1-9</arxiv:journal_ref>',
    );
    const { fetch } = fakeFetch(() => feed);
    const inputs = ['9901.00010v1', '9901.00011v1', '9901.00012v2', '9901.00013v9'];
    const report = await newPapers({ ...day, inputs, dryRun: true }, context(root, fetch).context);
    const notes = (input: string) => {
      const outcome = report.outcomes.find((each) => each.input === input);
      return outcome && 'notes' in outcome ? (outcome.notes ?? []) : [];
    };
    const oneRun = async (input: string) =>
      (
        await newPaper(
          { input, tags: ['optimization'], date: '2099-01-10', dryRun: true },
          context(root, fetch).context,
        )
      ).notes;
    expect(notes('9901.00010v1')).toEqual([]);
    expect(notes('9901.00011v1')).toEqual([
      "You gave v1; the entry is written from v3, arXiv's latest (the digest links the paper, not one version): check the title and abstract.",
    ]);
    expect(notes('9901.00012v2')).toEqual([
      'arXiv lists the journal reference "Synthetic Journal of Pruning 1 (2099) 1-9": if that is the venue, add it as `venue:`.',
    ]);
    // The same words as one paper's run.
    for (const input of ['9901.00011v1', '9901.00012v2']) {
      for (const note of notes(input)) expect(await oneRun(input)).toContain(note);
    }
    // A paper left for its tags is told too: the command printed for it names no version.
    const untagged = await newPapers(
      { date: '2099-01-10', inputs: ['9901.00011v1'], dryRun: true },
      context(root, fetch).context,
    );
    expect(untagged.outcomes).toMatchObject([{ status: 'needs-tags', notes: notes('9901.00011v1') }]);
  });

  it('skips ids already in the digest and ids listed twice before any network call', async () => {
    const root = await tempProject({ papers: [{ from: join(seedDir, '2306.13575.mdx'), to: '2025/2306.13575.mdx' }] });
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const report = await newPapers(
      { ...day, inputs: ['https://arxiv.org/pdf/2306.13575v2', '9901.00010', 'arXiv:9901.00010v1', 'not-an-id'] },
      context(root, fetch).context,
    );
    expect(calls).toEqual([`${API}?id_list=9901.00010&max_results=1`]);
    expect(report.outcomes).toMatchObject([
      { status: 'skipped', id: '2306.13575', reason: 'already in the digest: content/papers/2025/2306.13575.mdx:8' },
      { status: 'written', id: '9901.00010', file: 'content/papers/2099/9901.00010.mdx' },
      { status: 'skipped', id: '9901.00010', reason: 'listed twice (first as 9901.00010)' },
      { status: 'failed', input: 'not-an-id', message: expect.stringMatching(/is not an arXiv id or URL/) },
    ]);
    // Skips are not failures: only the unreadable id makes the run fail.
    expect(report.ok).toBe(false);

    const again = fakeFetch(() => feed);
    const rerun = await newPapers({ ...day, inputs: ['2306.13575', '9901.00010'] }, context(root, again.fetch).context);
    expect(again.calls).toEqual([]);
    expect(rerun).toMatchObject({ ok: true, requests: 0 });
  });

  it('skips a paper the digest has under a slug name (its arxiv field), asked in any form, once each', async () => {
    const root = await tempProject();
    const seed = await readFile(join(seedDir, '2306.13575.mdx'), 'utf8');
    await mkdir(join(root, 'content/papers/2025'), { recursive: true });
    await writeFile(join(root, 'content/papers/2025/scaling-mlps.mdx'), seed);
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const inputs = [
      '2306.13575v2',
      'arXiv:2306.13575',
      'https://arxiv.org/pdf/2306.13575v1',
      '9901.00010',
      '9901.00010v2',
    ];
    const report = await newPapers({ ...day, inputs }, context(root, fetch).context);
    expect(calls).toEqual([`${API}?id_list=9901.00010&max_results=1`]);
    expect(report.outcomes).toMatchObject([
      { status: 'skipped', reason: 'already in the digest: content/papers/2025/scaling-mlps.mdx:8' },
      { status: 'skipped', reason: 'listed twice (first as 2306.13575v2)' },
      { status: 'skipped', reason: 'listed twice (first as 2306.13575v2)' },
      { status: 'written', file: 'content/papers/2099/9901.00010.mdx' },
      { status: 'skipped', reason: 'listed twice (first as 9901.00010)' },
    ]);
    // The one-paper command finds it there too, and names the file.
    const one = await newPaper(
      { input: '2306.13575', tags: ['optimization'], date: '2099-01-10' },
      { root, fetch },
    ).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(one!.message).toBe(
      'arXiv 2306.13575 is already in the digest: content/papers/2025/scaling-mlps.mdx:8. Edit that file instead.',
    );
  });

  it('writes a paper whose answer holds invisible characters, as the one-paper command does, and says so', async () => {
    const root = await tempProject();
    // 9901.00010's title, as arXiv might send it: a zero-width space and a soft hyphen in it.
    const feed = (await recorded('batch-9901.00010-00013.xml')).replace(
      'A Synthetic Study of',
      'A Synthetic\u200b Study \u00adof',
    );
    const { fetch } = fakeFetch(() => feed);
    const report = await newPapers({ ...day, inputs: ['9901.00010'] }, context(root, fetch).context);
    expect(report.outcomes).toMatchObject([
      {
        status: 'written',
        notes: [expect.stringMatching(/^Left out characters that show nothing \(U\+200B, U\+00AD in the title\)/)],
      },
    ]);
    const { problems } = await checkContent({
      root,
      today: new Date('2099-01-10T12:00:00Z'),
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
    });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('matches entries by canonical id: an old-style id asked with its subject class', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-old-style-synthetic.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const report = await newPapers({ ...day, inputs: ['synthetic.EX/0612999v1'] }, context(root, fetch).context);
    expect(calls).toEqual([`${API}?id_list=synthetic%2F0612999&max_results=1`]);
    expect(report.outcomes).toMatchObject([
      { status: 'written', id: 'synthetic.EX/0612999', file: 'content/papers/2099/synthetic-0612999.mdx' },
    ]);
    expect(await readFile(join(root, 'content/papers/2099/synthetic-0612999.mdx'), 'utf8')).toContain(
      'title: "An Old-Style Synthetic Entry"',
    );
    // The one-paper command reads the same answer the same way.
    expect(parseArxivFeed(feed, 'synthetic.EX/0612999')).toMatchObject({ id: 'synthetic/0612999', version: 2 });
  });

  it("converts each paper's TeX and refuses a withdrawn paper, as the one-paper command does", async () => {
    const root = await tempProject();
    const answers: Record<string, string> = {
      '9901.00020': await recorded('9901.00020-tex-text.xml'),
      '9901.00021': await recorded('9901.00021-withdrawn.xml'),
    };
    // Each id asked alone (batches of one), so each recorded single-paper answer is the whole feed.
    const { fetch } = fakeFetch((ids) => answers[ids[0]!]!);
    const report = await newPapers(
      { ...day, inputs: ['9901.00020', '9901.00021'] },
      context(root, fetch, { batchSize: 1 }).context,
    );
    expect(summary(report.outcomes)).toEqual([
      ['9901.00020', 'written', undefined],
      [
        '9901.00021',
        'failed',
        expect.stringMatching(/^arXiv's latest version of 9901\.00021 \(v2\) withdraws the paper/),
      ],
    ]);
    const written = await readFile(join(root, 'content/papers/2099/9901.00020.mdx'), 'utf8');
    expect(written).toContain('title: "Schrödinger Bridges for Synthetic Data: a $\\\\ell_1$ Study"');
    expect(written).toContain('We study *synthetic* bridges à la Schrödinger');
  });

  it('refuses an id whose file name is taken by another paper, without asking arXiv about it', async () => {
    const root = await tempProject({
      papers: [
        { from: join(projectRoot, 'tests/fixtures/site/papers/2025/plain-paper.mdx'), to: '2024/9901.00010.mdx' },
      ],
    });
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const report = await newPapers({ ...day, inputs: ['9901.00010', '9901.00012'] }, context(root, fetch).context);
    expect(calls).toEqual([`${API}?id_list=9901.00012&max_results=1`]);
    expect(summary(report.outcomes)).toEqual([
      [
        '9901.00010',
        'failed',
        'content/papers/2024/9901.00010.mdx already publishes at /papers/9901.00010/; is it this paper? Edit that file instead.',
      ],
      ['9901.00012', 'written', undefined],
    ]);
  });

  it('asks in batches, pausing 3 s between two requests', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch, calls } = fakeFetch(() => feed);
    const { context: ctx, pauses } = context(root, fetch, { batchSize: 2 });
    const report = await newPapers({ ...day, inputs: [...fourIds, '9901.00015'] }, ctx);
    expect(calls).toEqual([
      `${API}?id_list=9901.00010,9901.00011&max_results=2`,
      `${API}?id_list=9901.00012,9901.00013&max_results=2`,
      `${API}?id_list=9901.00015&max_results=1`,
    ]);
    expect(pauses).toEqual([3000, 3000]);
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual([
      'written',
      'written',
      'written',
      'failed',
      'failed',
    ]);
  });

  it('stopped (Ctrl-C) while arXiv answers, asks nothing more, writes nothing, and reports each paper once', async () => {
    const root = await tempProject({ papers: [{ from: join(seedDir, '2306.13575.mdx'), to: '2025/2306.13575.mdx' }] });
    const feed = await recorded('batch-9901.00010-00013.xml');
    const stop = new AbortController();
    const { fetch, calls } = fakeFetch(() => {
      if (calls.length === 2) stop.abort();
      return feed;
    });
    const { context: ctx } = context(root, fetch, { batchSize: 2, signal: stop.signal });
    const report = await newPapers({ ...day, inputs: ['2306.13575', ...fourIds, '9901.00015'] }, ctx);
    expect(calls).toHaveLength(2);
    expect(report.ok).toBe(false);
    expect(report.outcomes.map((outcome) => [outcome.status, 'stopped' in outcome && outcome.stopped])).toEqual([
      ['skipped', false],
      ...Array.from({ length: 5 }, () => ['failed', true]),
    ]);
    expect(await paperFiles(root, '2099')).toEqual([]);

    // Run again: the list goes on as if never stopped (9901.00013 fails the check in this feed, as above).
    const again = await newPapers({ ...day, inputs: ['2306.13575', ...fourIds] }, context(root, fetch).context);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual([
      'skipped',
      'written',
      'written',
      'written',
      'failed',
    ]);
  });

  it('when arXiv refuses one id of a list, reports it and asks again for the others', async () => {
    const root = await tempProject();
    const refused = await recorded('batch-9901.00014-refused.xml');
    const alone = await recorded('batch-9901.00010.xml');
    const { fetch, calls } = fakeFetch((ids) => (ids.includes('9901.00014') ? refused : alone));
    const { context: ctx, pauses } = context(root, fetch);
    const report = await newPapers({ ...day, inputs: ['9901.00010', '9901.00014'] }, ctx);
    expect(calls).toEqual([
      `${API}?id_list=9901.00010,9901.00014&max_results=2`,
      `${API}?id_list=9901.00010&max_results=1`,
    ]);
    expect(pauses).toEqual([3000]);
    expect(summary(report.outcomes)).toEqual([
      ['9901.00010', 'written', undefined],
      [
        '9901.00014',
        'failed',
        'arXiv refused the id 9901.00014: incorrect id format for 9901.00014. Nothing was written.',
      ],
    ]);
  });

  it('an answer with an entry not asked for names it and the id it lacks, and writes no file for either', async () => {
    const root = await tempProject();
    // The recorded list answers 9901.00010-12; asked for 00010 and 00019, it holds 00011 and 00012 unasked.
    const feed = await recorded('batch-9901.00010-00013.xml');
    const { fetch } = fakeFetch(() => feed);
    const report = await newPapers({ ...day, inputs: ['9901.00010', '9901.00019'] }, context(root, fetch).context);
    expect(summary(report.outcomes)).toEqual([
      ['9901.00010', 'written', undefined],
      [
        '9901.00019',
        'failed',
        "arXiv's answer for 9901.00019 is not a usable Atom feed: it holds entries for https://arxiv.org/abs/9901.00012v2, " +
          'https://arxiv.org/abs/9901.00011v3, which were not asked, and none for 9901.00019. Nothing was written.',
      ],
    ]);
    expect(report.outcomes[1]).toMatchObject({ tryAgainLater: true });
    expect(await paperFiles(root, '2099')).toEqual(['9901.00010.mdx']);

    // One entry unasked, under an address that is no arXiv paper's, is named as well.
    const odd = (await recorded('batch-2306.13575-9901.00010.xml')).replace(
      'https://arxiv.org/abs/2306.13575v1',
      'https://example.org/not-a-paper',
    );
    const second = await tempProject();
    const report2 = await newPapers(
      { ...day, inputs: ['9901.00010', '9901.00018'] },
      context(second, fakeFetch(() => odd).fetch).context,
    );
    expect(summary(report2.outcomes)[1]).toEqual([
      '9901.00018',
      'failed',
      "arXiv's answer for 9901.00018 is not a usable Atom feed: it holds an entry for https://example.org/not-a-paper, " +
        'which was not asked, and none for 9901.00018. Nothing was written.',
    ]);
  });

  it("a --date before a paper's first version fails that paper, saying the date is --date's and the other arXiv's", async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml'); // first versions 2099-01-08
    const report = await newPapers(
      { ...day, inputs: ['9901.00010'], date: '2099-01-07' },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes).toMatchObject([{ status: 'failed' }]);
    const failed = report.outcomes[0] as Extract<PaperOutcome, { status: 'failed' }>;
    expect(failed.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/papers\/2099\/9901\.00010\.mdx:\d+: published: is after the digest date 2099-01-07: .* The digest date 2099-01-07 is your --date; 2099-01-08, the first version's date, is arXiv's\.$/,
      ),
    ]);
    expect(await paperFiles(root, '2099')).toEqual([]);
  });

  it('a batch arXiv cannot answer fails alone; the other batches go on', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml');
    const truncated = await recorded('9901.00005-malformed.xml');
    let call = 0;
    const { fetch } = fakeFetch(() => {
      call++;
      if (call === 1) return new Response('Bad Gateway', { status: 502 });
      if (call === 2) return truncated;
      return feed;
    });
    const report = await newPapers(
      { ...day, inputs: ['9901.00010', '9901.00011', '9901.00012'] },
      context(root, fetch, { batchSize: 1 }).context,
    );
    expect(summary(report.outcomes)).toEqual([
      ['9901.00010', 'failed', 'arXiv is not answering right now (HTTP 502: Bad Gateway). Nothing was written.'],
      [
        '9901.00011',
        'failed',
        expect.stringMatching(/^arXiv's answer for 9901\.00011 is not a usable Atom feed: .*line \d+/),
      ],
      ['9901.00012', 'written', undefined],
    ]);
  });

  it.each([
    [
      'HTTP 503 with Retry-After in seconds',
      503,
      { 'retry-after': '120' },
      '; it asks to wait 2 minutes before asking again (new-paper waits up to 60 s)',
    ],
    [
      // The context's clock is 2099-01-10T12:00:00Z.
      'HTTP 429 with Retry-After as a date',
      429,
      { 'retry-after': 'Sat, 10 Jan 2099 12:05:00 GMT' },
      '; it asks to wait 5 minutes before asking again (new-paper waits up to 60 s)',
    ],
    ['HTTP 503 without Retry-After', 503, {}, ''],
  ])(
    'when arXiv says it is busy (%s), asks it nothing more, and every paper says to run again later',
    async (_name, status, headers, wait) => {
      const root = await tempProject();
      const { fetch, calls } = fakeFetch(() => new Response('Rate exceeded.', { status, headers }));
      const report = await newPapers(
        { ...day, inputs: ['9901.00010', '9901.00011', '9901.00012'] },
        context(root, fetch, { batchSize: 1 }).context,
      );
      expect(calls).toHaveLength(1);
      expect(report).toMatchObject({ ok: false, requests: 1 });
      for (const outcome of report.outcomes) {
        expect(outcome).toMatchObject({ status: 'failed', tryAgainLater: true });
        const message = (outcome as { message: string }).message;
        expect(message).toContain(`arXiv is not answering right now (HTTP ${status}: Rate exceeded.)`);
        expect(message).toContain(`Rate exceeded.)${wait}. Nothing was written.`);
      }
      expect(await paperFiles(root, '2099')).toEqual([]);
    },
  );

  it.each([
    ['seconds', '45'],
    ['an HTTP date', 'Sat, 10 Jan 2099 12:00:45 GMT'],
  ])(
    'when arXiv asks for a short pause (Retry-After in %s), says so, waits it once and asks again',
    async (_name, header) => {
      const root = await tempProject();
      const feed = await recorded('batch-9901.00010.xml');
      const { fetch, calls } = fakeFetch(() =>
        calls.length === 1
          ? new Response('Rate exceeded.', { status: 429, headers: { 'retry-after': header } })
          : new Response(feed, { status: 200 }),
      );
      const lines: string[] = [];
      const { context: run, pauses } = context(root, fetch, { progress: (line) => lines.push(line) });
      const report = await newPapers({ ...day, inputs: ['9901.00010'] }, run);
      expect(calls).toHaveLength(2);
      expect(pauses).toEqual([45_000]);
      expect(lines).toContain(
        'arXiv is busy (HTTP 429: Rate exceeded.); waiting 45 s, as it asks, then asking once more…',
      );
      expect(report.outcomes).toMatchObject([{ status: 'written' }]);
      expect(await paperFiles(root, '2099')).toEqual(['9901.00010.mdx']);
    },
  );

  it('a paper that fails the content check, or whose file appears meanwhile, does not stop the others', async () => {
    const root = await tempProject();
    const feed = (await recorded('batch-9901.00010-00013.xml')).replace(
      'in-context learning emerges',
      'in-context learning $\\frac{1}{$ emerges',
    );
    const { fetch } = fakeFetch(async () => {
      // Another curator's file lands while arXiv answers.
      await mkdir(join(root, 'content/papers/2099'), { recursive: true });
      await writeFile(join(root, 'content/papers/2099/9901.00012.mdx'), 'theirs');
      return feed;
    });
    const report = await newPapers({ ...day, inputs: fourIds.slice(0, 3) }, context(root, fetch).context);
    expect(report.outcomes).toMatchObject([
      { status: 'written' },
      {
        status: 'failed',
        message: 'The entry for 9901.00011 would not pass the content check, so nothing was written.',
      },
      { status: 'failed', message: 'content/papers/2099/9901.00012.mdx already exists; nothing was written.' },
    ]);
    const failed = report.outcomes[1] as Extract<PaperOutcome, { status: 'failed' }>;
    expect(failed.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/papers\/2099\/9901\.00011\.mdx:\d+:\d+: body: LaTeX: /),
    ]);
    expect(await readFile(join(root, 'content/papers/2099/9901.00012.mdx'), 'utf8')).toBe('theirs');
    expect(await paperFiles(root, '2099')).toEqual(['9901.00010.mdx', '9901.00012.mdx']);
  });

  // A write the file system refuses (a full disk, a read-only folder) threw out of the batch: a
  // stack trace, the papers after it never written, no summary.
  it('a paper whose file cannot be written (the disk is full) fails on its own; the others are written', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml');
    const folder = join(root, 'content/papers/2099');
    await mkdir(folder, { recursive: true });
    // The hidden file the second entry is first written to leads to /dev/full: ENOSPC, as a full disk.
    await symlink('/dev/full', join(folder, `.9901.00011.mdx.${process.pid}.tmp`));
    const report = await newPapers(
      { ...day, inputs: fourIds.slice(0, 3) },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes).toMatchObject([
      { status: 'written' },
      {
        status: 'failed',
        message:
          'Cannot write content/papers/2099/9901.00011.mdx (the disk is full, ENOSPC: free some space); nothing was written. Run the same command again once it can be.',
      },
      { status: 'written' },
    ]);
    expect(report.ok).toBe(false);
    expect(await paperFiles(root, '2099')).toEqual(['9901.00010.mdx', '9901.00012.mdx']);
  });

  it('checks the flags before any network call', async () => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(() => 'unused');
    const run = (options: NewPapersOptions) =>
      newPapers(options, context(root, fetch).context).then(
        () => undefined,
        (error: unknown) => error,
      );
    const bad = await run({ inputs: fourIds, tags: ['optimisation'], date: '2099-02-30' });
    expect(bad).toBeInstanceOf(NewPaperError);
    expect((bad as Error).message).toContain('--date 2099-02-30: must be a real calendar date');
    expect((bad as Error).message).toContain('--tags: unknown topic "optimisation". Did you mean "optimization"?');
    const both = await run({ inputs: fourIds, tags: ['optimization'], acceptSuggested: true });
    expect((both as Error).message).toMatch(/^--tags and --accept-suggested: give one/);
    expect(((await run({ inputs: [] })) as Error).message).toBe('Give one or more arXiv ids or URLs.');
    // `--tags ""` is no --tags left out: refused before arXiv is asked, not read as "propose topics".
    const emptyTags = await run({ inputs: fourIds, tags: [], date: '2099-01-10' });
    expect(emptyTags).toBeInstanceOf(NewPaperError);
    expect((emptyTags as Error).message).toMatch(
      /^--tags names no topic \(it is empty, or only commas and spaces\): give one or more topics from content\/topics\.yaml, comma-separated, or leave --tags out for topics proposed from the digest\. Topics: .*optimization/,
    );
    // `--date ""` said '--date : must be a real calendar date…', the value shown as nothing.
    const emptyDate = await run({ inputs: fourIds, tags: ['optimization'], date: '' });
    expect(emptyDate).toBeInstanceOf(NewPaperError);
    expect((emptyDate as Error).message).toMatch(
      /^--date is empty \(""\): give the digest date as YYYY-MM-DD \(e\.g\. --date \d{4}-\d\d-\d\d, today\), or leave --date out for today's\.$/,
    );
    expect(calls).toEqual([]);
  });

  it('reads a topic given twice in --tags as one: written, printed and refused once', async () => {
    const feed = await recorded('batch-9901.00010-00013.xml');
    const root = await tempProject();
    const report = await newPapers(
      { inputs: ['9901.00010'], tags: ['optimization', 'model-compression', 'optimization'], date: '2099-01-10' },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes).toMatchObject([{ status: 'written', tags: ['optimization', 'model-compression'] }]);
    const refused = (tags: string[]) =>
      newPapers(
        { inputs: ['9901.00010'], tags, date: '2099-01-10' },
        context(root, fakeFetch(() => feed).fetch).context,
      ).then(
        () => undefined,
        (error: unknown) => (error as Error).message,
      );
    expect(await refused(['optimisation', 'optimisation'])).toBe(
      '--tags: unknown topic "optimisation". Did you mean "optimization"?',
    );
    const one = await newPaper(
      { input: '9901.00011', tags: ['optimisation', 'optimisation'], date: '2099-01-10' },
      { root, fetch: fakeFetch(() => feed).fetch, now: () => new Date('2099-01-10T12:00:00Z') },
    ).then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    expect(one).toBe(await refused(['optimisation', 'optimisation']));
  });

  it('writes a topic typed in other letter case as the topic, once', async () => {
    // `--tags Optimization` was refused for the whole list: 'unknown topic "Optimization"'.
    const feed = await recorded('batch-9901.00010-00013.xml');
    const root = await tempProject();
    const report = await newPapers(
      { inputs: ['9901.00010'], tags: ['Optimization', 'Model-Compression', 'optimization'], date: '2099-01-10' },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes).toMatchObject([{ status: 'written', tags: ['optimization', 'model-compression'] }]);
  });

  it('refuses more --tags than a paper may have once for the whole list, before any network call', async () => {
    const root = await tempProject();
    const slugs = (parse(await readFile(join(root, 'content/topics.yaml'), 'utf8')) as { slug: string }[]).map(
      (topic) => topic.slug,
    );
    const { fetch, calls } = fakeFetch(() => 'unused');
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => (error as Error).message,
      );
    const many = await refusal(
      newPapers({ inputs: fourIds, tags: slugs.slice(0, 9), date: '2099-01-10' }, context(root, fetch).context),
    );
    expect(many).toBe('--tags: 9 topics; a paper has at most 8: keep the most specific ones.');
    const one = await refusal(
      newPaper(
        { input: '9901.00010', tags: slugs.slice(0, 9), date: '2099-01-10' },
        { root, fetch, now: () => new Date('2099-01-10T12:00:00Z') },
      ),
    );
    expect(one).toBe(many);
    // Eight, or nine that are eight once the repeated one is counted once, are taken.
    const eight = await refusal(
      newPaper(
        {
          input: '9901.00010',
          tags: [...slugs.slice(0, 8), slugs[0]!],
          date: '2099-01-10',
          offline: true,
          title: 'A title',
          authors: ['Ada Lovelace'],
        },
        { root, fetch, now: () => new Date('2099-01-10T12:00:00Z') },
      ),
    );
    expect(eight).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it.each([
    ['optimizat\u0456on', 'U+0456'],
    ['\uff4fptimization', 'U+FF4F'],
    ['optimization\u200b', 'U+200B'],
    ['opt\u0456m\u0456zat\u0456on', 'U+0456'],
  ])('names the characters of a look-alike tag (%s), and suggests the topic', async (tag, code) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(() => 'unused');
    const error = await newPapers(
      { inputs: fourIds, tags: [tag], date: '2099-01-10' },
      context(root, fetch).context,
    ).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error!.message).toBe(
      `--tags: unknown topic "${tag}" (it holds ${code}; a topic is written in ASCII: a-z, 0-9 and -). Did you mean "optimization"?`,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    [
      '2099-01-12',
      /^--date 2099-01-12: is in the future: a digest date may be 2099-01-11 \(tomorrow\) at the latest; use the day the digest featured the paper\.$/,
    ],
    ['2100-01-01', /^--date 2100-01-01: is in the future/],
    [
      '10/01/2099',
      /^--date 10\/01\/2099: must be a real calendar date written YYYY-MM-DD \(e\.g\. 2099-01-10, today\)\.$/,
    ],
    ['2099-1-10', /^--date 2099-1-10: must be a real calendar date written YYYY-MM-DD \(write --date 2099-01-10\)\.$/],
    // Written another way that reads one way only: said as the flag takes it.
    ['2098/12/01', /^--date 2098\/12\/01: must be .* \(write --date 2098-12-01\)\.$/],
    ['1 Dec 2098', /^--date 1 Dec 2098: must be .* \(write --date 2098-12-01\)\.$/],
    ['December 1, 2098', /^--date December 1, 2098: must be .* \(write --date 2098-12-01\)\.$/],
    ['2098.2.3', /^--date 2098\.2\.3: must be .* \(write --date 2098-02-03\)\.$/],
    // No such month or day, or day and month either way: no reading offered.
    ['2098-13-01', /^--date 2098-13-01: must be .* \(e\.g\. 2099-01-10, today\)\.$/],
    ['30 Feb 2098', /^--date 30 Feb 2098: must be .* \(e\.g\. 2099-01-10, today\)\.$/],
    ['01/12/2098', /^--date 01\/12\/2098: must be .* \(e\.g\. 2099-01-10, today\)\.$/],
    [
      '1990-12-31',
      /^--date 1990-12-31: must be in 1991 or later \(the year arXiv began\): check its year; a digest date is the day the digest featured the paper\.$/,
    ],
  ])('refuses --date %s once for the whole list, before any network call, as for one paper', async (date, message) => {
    const root = await tempProject();
    const { fetch, calls } = fakeFetch(() => 'unused');
    const many = await newPapers({ inputs: fourIds, tags: ['optimization'], date }, context(root, fetch).context).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(many).toBeInstanceOf(NewPaperError);
    expect((many as Error).message).toMatch(message);
    const one = await newPaper(
      { input: '9901.00010', tags: ['optimization'], date },
      { root, fetch, now: () => new Date('2099-01-10T12:00:00Z') },
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((one as Error).message).toMatch(message);
    expect(calls).toEqual([]);
    expect(await paperFiles(root, date.slice(0, 4))).toEqual([]);
  });

  it('with --dry-run, checks every paper and writes none', async () => {
    const root = await tempProject();
    const feed = await recorded('batch-9901.00010-00013.xml');
    const report = await newPapers(
      { ...day, inputs: fourIds.slice(0, 3), dryRun: true },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['checked', 'checked', 'checked']);
    expect(report.ok).toBe(true);
    expect(await paperFiles(root, '2099')).toEqual([]);
  });
});

describe('tags proposed from the digest', () => {
  const inputs = fourIds.slice(0, 3);
  const expectedFirst = ['kolmogorov-arnold-networks', 'in-context-learning', 'model-compression'];

  it('without --tags, proposes tags with scores and writes nothing', async () => {
    const root = await tempProject({ seed: true });
    const feed = await recorded('batch-9901.00010-00013.xml');
    const report = await newPapers({ inputs, date: '2099-01-10' }, context(root, fakeFetch(() => feed).fetch).context);
    expect(report.ok).toBe(false);
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['needs-tags', 'needs-tags', 'needs-tags']);
    const proposals = report.outcomes.map((outcome) => (outcome.status === 'needs-tags' ? outcome.proposals : []));
    expect(proposals.map((list) => list[0]?.tag)).toEqual(expectedFirst);
    for (const list of proposals) expect(list[0]!.score).toBeGreaterThan(list[1]!.score);
    expect(await paperFiles(root, '2099')).toEqual([]);
  });

  it('with --accept-suggested, writes the proposed tags', async () => {
    const root = await tempProject({ seed: true });
    const feed = await recorded('batch-9901.00010-00013.xml');
    const report = await newPapers(
      { inputs, date: '2099-01-10', acceptSuggested: true },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.ok).toBe(true);
    const written = report.outcomes.map((outcome) => (outcome.status === 'written' ? outcome.tags : []));
    expect(written.map((tags) => tags[0])).toEqual(expectedFirst);
    const text = await readFile(join(root, 'content/papers/2099/9901.00010.mdx'), 'utf8');
    expect(text).toContain(`tags:\n  - ${written[0]!.join('\n  - ')}\n`);
  });

  it('with --accept-suggested, a paper nothing in the digest is close to still needs tags', async () => {
    const root = await tempProject();
    const feed = (await recorded('batch-9901.00010.xml'))
      .replace(/<title>[^<]*<\/title>\n    <updated>/, '<title>Zyxxy Qwertz</title>\n    <updated>')
      .replace(/<summary>[^<]*<\/summary>/, '<summary>Uiop asdfgh jkl zxcvbnm.</summary>');
    const report = await newPapers(
      { inputs: ['9901.00010'], date: '2099-01-10', acceptSuggested: true },
      context(root, fakeFetch(() => feed).fetch).context,
    );
    expect(report.outcomes).toMatchObject([{ status: 'needs-tags', proposals: [] }]);
    expect(await paperFiles(root, '2099')).toEqual([]);
    // The advice is not to run again with --accept-suggested, which would propose the same.
    const advice = (acceptSuggested: boolean) =>
      batchSummary(report, 1, { acceptSuggested }).filter((line) => line.startsWith('Papers that need tags'));
    expect(advice(true)).toEqual([
      'Papers that need tags: no proposal was close enough to write; choose their topics and run each with --tags (commands above).',
    ]);
    expect(advice(false)).toEqual([
      'Papers that need tags: run again with --accept-suggested, or with --tags for each (commands above).',
    ]);
  });
});

describe('ids from a file', () => {
  it('reads a list file as UTF-8, a BOM dropped, and refuses one in another encoding at its first bad byte', () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const utf16 = (text: string, littleEndian: boolean, mark: boolean) => {
      const bytes = new Uint8Array((text.length + (mark ? 1 : 0)) * 2);
      const view = new DataView(bytes.buffer);
      [...(mark ? '\uFEFF' : ''), ...text].forEach((char, at) =>
        view.setUint16(at * 2, char.charCodeAt(0), littleEndian),
      );
      return bytes;
    };
    const list = '2306.13575\r\n# Monday\r\n9901.00010v2\r\n';
    expect(idsFromFile(utf8(`\uFEFF${list}`))).toEqual({ ids: ['2306.13575', '9901.00010v2'] });
    expect(idsFromFile(utf8('\uFEFF# only a comment\n9901.00010'))).toEqual({ ids: ['9901.00010'] });
    // No id at all: the file is named as holding none (it said 'Give one or more arXiv ids or URLs.').
    for (const empty of ['', '\uFEFF', '\n\r\n  \n', '# Monday\n\n#9901.00011\n'])
      expect(idsFromFile(utf8(empty))).toEqual({
        problem: 'holds no arXiv id or URL (it is empty, or only blank lines and # comments): write one a line.',
      });
    // As Windows PowerShell's `>` saves it, and the other UTF-16 forms: no id read, one problem.
    for (const [littleEndian, mark] of [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      expect(idsFromFile(utf16(list, littleEndian, mark))).toEqual({
        problem: expect.stringMatching(/^line 1, column 1: is not UTF-8 but UTF-16 .* Save the list as UTF-8/),
      });
    }
    // One Latin-1 byte (é as E9) in the second line: its place, not an id turned into another string.
    const latin1 = new Uint8Array([...utf8('2306.13575\n9901.0001'), 0xe9, ...utf8('\n')]);
    expect(idsFromFile(latin1)).toEqual({
      problem: expect.stringMatching(/^line 2, column 10: is not valid UTF-8: the byte E9 here is no UTF-8 character/),
    });
  });

  it('reads one id a line, ignoring blank lines and # comments', () => {
    expect(
      idsFromText(
        '# Monday\r\n2306.13575\n\n  9901.00010v2   # the spline one\n#9901.00011\nhttps://export.arxiv.org/abs/9901.00012?context=cs#abstract\n',
      ),
    ).toEqual(['2306.13575', '9901.00010v2', 'https://export.arxiv.org/abs/9901.00012?context=cs#abstract']);
  });
});

describe("ids from a curator's file", () => {
  it.each([
    [
      'a BOM, CRLF and tabs',
      '\uFEFF# Monday\r\n\t2306.13575\t# first\r\n9901.00010\t\r\n',
      ['2306.13575', '9901.00010'],
    ],
    [
      'a Markdown list',
      '- 2306.13575\n* arXiv:9901.00010\n+ https://arxiv.org/abs/9901.00011v2\n',
      ['2306.13575', 'arXiv:9901.00010', 'https://arxiv.org/abs/9901.00011v2'],
    ],
    ['a numbered list', '1. 2306.13575\n2) 9901.00010\n10. 9901.00011\n', ['2306.13575', '9901.00010', '9901.00011']],
    [
      'several ids a line',
      '2306.13575, 9901.00010;9901.00011\t9901.00012 https://arxiv.org/pdf/9901.00013v1\n',
      ['2306.13575', '9901.00010', '9901.00011', '9901.00012', 'https://arxiv.org/pdf/9901.00013v1'],
    ],
    [
      'an id as a PDF stamps it',
      'arXiv:2306.13575v2 [cs.LG] 5 Oct 2023\n2306.13575 v2\n',
      ['arXiv:2306.13575v2 [cs.LG] 5 Oct 2023', '2306.13575 v2'],
    ],
    // A Markdown link to a paper's page, alone or as a list item, is one input (read by arxivIdInText).
    [
      'Markdown links',
      '- [Scaling MLPs: A Tale of Inductive Bias](https://arxiv.org/abs/2306.13575v2)\n[9901.00010](https://arxiv.org/abs/9901.00010)\n',
      [
        '[Scaling MLPs: A Tale of Inductive Bias](https://arxiv.org/abs/2306.13575v2)',
        '[9901.00010](https://arxiv.org/abs/9901.00010)',
      ],
    ],
    ['a line that is no id, kept whole to be reported', 'see 2306.13575 and more\n', ['see 2306.13575 and more']],
    // An id and a note beside it, one input, read by parseArxivInput (new-paper.test's rows).
    [
      'an id with a note',
      '2401.00007 // note\n- 2401.00008 (the LoRA one)\n2401.00009 ; note\n',
      ['2401.00007 // note', '2401.00008 (the LoRA one)', '2401.00009 ; note'],
    ],
    // A row of a spreadsheet's export with no id, an empty list item: each was reported as an id (',', '-').
    [
      'lines of separators or a list marker only, as blank lines',
      '2306.13575,\n,\n ; , \n-\n* \n1.\n9901.00010\n',
      ['2306.13575,', '9901.00010'],
    ],
  ])('reads %s', (_, text, ids) => {
    expect(idsFromText(text)).toEqual(ids);
  });
});

describe('the CLI with many ids', () => {
  const cli = runNewPaperCli;

  it('reads --from-file, reports each id and a summary, and exits 1 when one failed (no network: nothing left to ask)', async () => {
    const root = await tempProject({ papers: [{ from: join(seedDir, '2306.13575.mdx'), to: '2025/2306.13575.mdx' }] });
    const list = join(root, 'ids.txt');
    await writeFile(list, '# today\n2306.13575\nhttps://arxiv.org/abs/2306.13575v2\n\n2306.1357\n');
    const { code, stdout } = await cli(root, '--from-file', list, '--tags', 'optimization');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `- 2306.13575 skipped: already in the digest: ${join(root, 'content/papers/2025/2306.13575.mdx')}:8`,
    );
    expect(stdout).toContain('- https://arxiv.org/abs/2306.13575v2 skipped: listed twice (first as 2306.13575)');
    expect(stdout).toContain('✗ 2306.1357: "2306.1357" is not a valid arXiv id');
    expect(stdout).toContain(
      '✗ 3 ids: 2 skipped, 1 failed; 0 arXiv requests.\nFix what is listed, then run the same command again: papers already written are skipped.',
    );
  });

  it('reads an id with a note beside it in --from-file, and reports a line whose note names another id', async () => {
    const root = await tempProject({ papers: [{ from: join(seedDir, '2306.13575.mdx'), to: '2025/2306.13575.mdx' }] });
    const list = join(root, 'ids.txt');
    await writeFile(list, '- 2306.13575 // the MLP one\n2306.13575v2 (again)\n2306.13575 -- not 2306.13576\n');
    const { code, stdout } = await cli(root, '--from-file', list, '--tags', 'optimization');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `- 2306.13575 // the MLP one skipped: already in the digest: ${join(root, 'content/papers/2025/2306.13575.mdx')}:8`,
    );
    expect(stdout).toContain('- 2306.13575v2 (again) skipped: listed twice (first as 2306.13575 // the MLP one)');
    expect(stdout).toContain(
      '✗ 2306.13575 -- not 2306.13576: "2306.13575 -- not 2306.13576" names two arXiv ids, 2306.13575 and 2306.13576 (in its note)',
    );
    expect(stdout).toContain('✗ 3 ids: 2 skipped, 1 failed; 0 arXiv requests.');
  });

  it('refuses --tags with no topic in it (" , ") with exit code 2, asking nothing and writing nothing', async () => {
    const root = await tempProject();
    const { code, stdout, stderr } = await cli(root, '2401.00001', '2401.00002', '--tags', ' , ');
    expect(code).toBe(2);
    expect(stderr).toContain(
      '✗ --tags names no topic (it is empty, or only commas and spaces): give one or more topics',
    );
    expect(stdout).toBe('');
    const written = await readdir(join(root, 'content/papers'), { recursive: true }).catch(() => []);
    expect(written.filter((name) => name.endsWith('.mdx'))).toEqual([]);
  });

  it('prints every line into a pipe, however many (as CI and `| less` read it)', async () => {
    // 3,000 ids that are not arXiv ids: a line each, about 150 KB, more than a pipe holds (64 KB).
    // Exiting with process.exit() right after printing cut stdout off at what the pipe had taken.
    const root = await tempProject();
    const ids = Array.from({ length: 3000 }, (_, index) => `not-an-id-${index}`);
    const list = join(root, 'ids.txt');
    await writeFile(list, ids.join('\n'));
    const { code, stdout } = await cli(root, '--from-file', list, '--tags', 'optimization');
    expect(code).toBe(1);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    for (const id of [ids[0]!, ids[2999]!]) expect(stdout).toContain(`✗ ${id}: "${id}" is not an arXiv id or URL.`);
    expect(stdout).toContain('✗ 3,000 ids: 3,000 failed; 0 arXiv requests.');
  });

  it('shows the escape sequences and bidi characters of an id list as \\u{…}, never raw', async () => {
    const root = await tempProject();
    const list = join(root, 'ids.txt');
    await writeFile(list, '2306.1357\u001b[2J\u001b]0;owned\u0007\nabc\u202Edef\n');
    const { code, stdout, stderr } = await cli(root, '--from-file', list, '--tags', 'optimization');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ 2306.1357\\u{1B}[2J\\u{1B}]0;owned\\u{7}: "2306.1357\\u{1B}[2J');
    expect(stdout).toContain('abc\\u{202E}def');
    expect(`${stdout}${stderr}`).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
  });

  it('exits 0 when every id is skipped, and refuses one-paper flags with many ids', async () => {
    const root = await tempProject({ papers: [{ from: join(seedDir, '2306.13575.mdx'), to: '2025/2306.13575.mdx' }] });
    const skipped = await cli(root, '2306.13575', 'arXiv:2306.13575', '--accept-suggested');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('✓ 2 ids: 2 skipped; 0 arXiv requests.');
    const flags = await cli(root, '9901.00010', '9901.00011', '--title', 'One Title', '--tags', 'optimization');
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('--title: only for one paper at a time, with --tags.');
  });

  it('exits 2, as for a wrong command, when --date or --tags holds for no paper; nothing is fetched', async () => {
    const root = await tempProject();
    for (const flags of [
      ['--date', '2999-01-01', '--tags', 'optimization'],
      ['--date', '06/06/2025', '--tags', 'optimization'],
      ['--tags', 'optimisation'],
    ]) {
      const { code, stderr } = await cli(root, '9901.00010', '9901.00011', ...flags);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^✗ --(?:date|tags)[ :][^]*\nNothing was fetched or written\./m);
    }
  });

  it('reads a --from-file named from the folder the command was typed in (npm runs it from the root)', async () => {
    const root = await tempProject();
    await mkdir(join(root, 'lists'));
    await writeFile(join(root, 'lists/ids.txt'), 'not-an-id\n');
    const { code, stdout, stderr } = await runScript(
      'scripts/new-paper.ts',
      ['--from-file', 'ids.txt', '--tags', 'optimization'],
      {
        env: {
          ...process.env,
          PAPER_DIGEST_CONTENT: join(root, 'content'),
          npm_lifecycle_event: 'new-paper',
          INIT_CWD: join(root, 'lists'),
        },
      },
    );
    expect(stderr).not.toContain('cannot read it');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ not-an-id: "not-an-id" is not an arXiv id or URL.');
  });

  it('refuses a --from-file saved as UTF-16 (as PowerShell writes one), and exits 2 as for a wrong command', async () => {
    const root = await tempProject();
    const file = join(root, 'ids.txt');
    // UTF-16 little-endian with its byte-order mark: 9901.00010, then a line end.
    await writeFile(file, Buffer.from('\uFEFF9901.00010\r\n', 'utf16le'));
    const { code, stderr } = await cli(root, '--from-file', file, '--tags', 'optimization');
    expect(code).toBe(2);
    expect(stderr).toContain(
      `✗ --from-file ${file}: line 1, column 1: is not UTF-8 but UTF-16 (little-endian, with a byte-order mark)`,
    );
    expect(stderr).toContain(
      'Save the list as UTF-8 (plain text) and run the command again. Nothing was fetched or written.',
    );
    expect(stderr).not.toContain('is not an arXiv id');
  });

  it('reads an argument that holds a pasted list of ids as each of them, as a line of a --from-file', async () => {
    const root = await tempProject({ seed: true });
    // Both are in the digest, so nothing is asked: each is skipped, by its own id.
    for (const list of [
      '1511.07543, 1706.06978',
      '1511.07543 https://arxiv.org/abs/1706.06978v2',
      '1511.07543;1706.06978',
    ]) {
      const { code, stdout } = await cli(root, list, '--tags', 'optimization');
      expect(code, list).toBe(0);
      expect(stdout).toMatch(/^- 1511\.07543 skipped: already in the digest/m);
      expect(stdout).toMatch(/^- \S*1706\.06978\S* skipped: already in the digest/m);
      expect(stdout).toContain('✓ 2 ids: 2 skipped; 0 arXiv requests.');
    }
    // An argument with one id and other words stays one input, reported whole.
    const { code, stderr } = await cli(root, '1511.07543 and more', '--tags', 'optimization');
    expect(code).toBe(1);
    expect(stderr).toContain('"1511.07543 and more" is not an arXiv id or URL');
  });

  // `--from-file ""` read the folder the command was typed in: 'cannot read it (it is a folder)'.
  it('refuses an empty --from-file ("", --from-file=) by name, and exits 2 as for a wrong command', async () => {
    const root = await tempProject();
    for (const args of [['--from-file', ''], ['--from-file='], ['--from-file', '  ', '--date=']]) {
      const { code, stdout, stderr } = await cli(root, ...args, '--tags', 'optimization');
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(
        /^✗ --from-file (?:is empty \(""\)|holds only spaces \(U\+0020 SPACE\)): give the name of a text file with one arXiv id or URL a line \(e\.g\. --from-file today\.txt\)\. Nothing was fetched or written\.$/m,
      );
      expect(stderr).not.toContain('folder');
      expect(stdout).toBe('');
    }
    // With ids and `--date=`: the date named as empty, as for one paper.
    const { code, stderr } = await cli(root, '9901.00010', '9901.00011', '--date=', '--tags', 'optimization');
    expect(code).toBe(2);
    expect(stderr).toContain('✗ --date is empty (""): give the digest date as YYYY-MM-DD');
  });

  it('says that a --from-file does not exist, and exits 2 as for a wrong command', async () => {
    const root = await tempProject();
    const { code, stderr } = await cli(root, '--from-file', join(root, 'no-such-list.txt'));
    expect(code).toBe(2);
    expect(stderr).toContain(
      `✗ --from-file ${join(root, 'no-such-list.txt')}: cannot read it (there is no such file, ENOENT: check its name, and the folder it is named from). Give a text file with one arXiv id or URL a line.`,
    );
  });

  // ENOENT and EISDIR were said without their code, and none of the reasons said what to do.
  it('says each refusal of the file system alike: its meaning, its code, and what to do', () => {
    const refusal = (code: string) => Object.assign(new Error(`${code}: some message`), { code });
    for (const code of ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EIO'])
      expect(fileSystemReason(refusal(code))).toMatch(new RegExp(`^[a-z][^:]*, ${code}: [a-z].*[^.]$`));
    expect(fileSystemReason(refusal('EISDIR'))).toBe('it is a folder, EISDIR: name a file in it');
    // A code without words keeps Node's message, which names it; an error without a code, its message.
    expect(fileSystemReason(refusal('EWHATEVER'))).toBe('EWHATEVER: some message');
    expect(fileSystemReason(new Error('odd'))).toBe('odd');
  });
});

describe('Ctrl-C during a batch (untilInterrupted)', () => {
  it('aborts the work at the first Ctrl-C, and leaves no listener once the work ends, however it ends', async () => {
    const before = process.listenerCount('SIGINT');
    const said: string[] = [];
    // Work that ends by itself, work that throws, and work stopped by a Ctrl-C.
    expect(
      await untilInterrupted(
        async () => 'done',
        () => said.push('stop'),
      ),
    ).toBe('done');
    expect(process.listenerCount('SIGINT')).toBe(before);
    await expect(
      untilInterrupted(
        async () => {
          throw new Error('arXiv is down');
        },
        () => said.push('stop'),
      ),
    ).rejects.toThrow('arXiv is down');
    expect(process.listenerCount('SIGINT')).toBe(before);
    const aborted = await untilInterrupted(
      async (signal) => {
        expect(process.listenerCount('SIGINT')).toBe(before + 1);
        process.emit('SIGINT');
        return signal.aborted;
      },
      () => said.push('stop'),
    );
    expect(aborted).toBe(true);
    expect(process.listenerCount('SIGINT')).toBe(before);
    // A Ctrl-C after the work is not the work's: nothing says "stop" for it.
    expect(said).toEqual(['stop']);
  });
});
