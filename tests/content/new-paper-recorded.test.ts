import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArxivInput, readArxivFeed, type FetchLike } from '../../src/content/arxiv.ts';
import { checkContent } from '../../src/content/check.ts';
import { newPaper, NewPaperError } from '../../src/content/new-paper.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { canonicalArxivId } from '../../src/lib/arxiv-id.ts';
import { projectRoot } from '../helpers/build.ts';
import { removeTempProjects, tempProject } from '../helpers/new-paper.ts';

afterAll(removeTempProjects);

// Every recorded arXiv answer, whatever its shape: each paper in it is either written, and the
// file then passes `npm run check` as it is, or refused with a message that names the paper's id.
const fixtures = join(projectRoot, 'tests/fixtures/arxiv');
const answers = (await readdir(fixtures)).filter((name) => name.endsWith('.xml')).sort();
// The recorded answers are synthetic papers of January 2099 (ids 9901.*).
const now = () => new Date('2099-01-10T12:00:00Z');

/** The ids an answer is about: its entries' ids, else the ids its file is named for. */
function idsOf(name: string, body: Uint8Array): string[] {
  const feed = readArxivFeed(body);
  const fromEntries =
    feed.kind === 'entries' ? feed.ids.flatMap((id) => (/\/abs\//.test(id) ? [parseArxivInput(id).id] : [])) : [];
  return fromEntries.length > 0 ? fromEntries : [...name.matchAll(/\d{4}\.\d{5}/g)].map((match) => match[0]);
}

describe('new-paper on every recorded arXiv answer: a file `npm run check` passes, or a refusal naming the id', () => {
  it('has answers to read', () => {
    expect(answers.length).toBeGreaterThan(10);
  });

  it.each(answers)('%s', async (name) => {
    const body = new Uint8Array(await readFile(join(fixtures, name)));
    const ids = idsOf(name, body);
    expect(ids.length, 'an answer about no id').toBeGreaterThan(0);
    const root = await tempProject();
    const fetch: FetchLike = async () =>
      new Response(body, { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
    let written = 0;
    for (const id of ids) {
      const outcome = await newPaper(
        { input: id, tags: ['optimization'], date: '2099-01-10' },
        { root, fetch, now },
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (outcome === undefined) {
        written++;
        continue;
      }
      expect(outcome, (outcome as Error).message).toBeInstanceOf(NewPaperError);
      // Named as given or in its canonical form (math.GT/0309136 is math/0309136 to arXiv).
      const message = (outcome as Error).message;
      expect(
        [id, canonicalArxivId(id)].some((form) => message.includes(form)),
        message,
      ).toBe(true);
    }
    // A digest of no papers is refused as such: nothing to check when every paper was refused.
    if (written === 0) return;
    const { problems, papers } = await checkContent({
      root,
      today: now(),
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
    });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(papers.length).toBe(written);
  });
});

describe('a recorded answer with what a terminal acts on, in characters XML allows', () => {
  it('is written, each control read as the space it stands for (and said by code point), every name kept, and the file passes the check', async () => {
    const body = new Uint8Array(await readFile(join(fixtures, '9901.00040-terminal.xml')));
    const root = await tempProject();
    const fetch: FetchLike = async () => new Response(body, { status: 200 });
    const written = await newPaper(
      { input: '9901.00040', tags: ['optimization'], date: '2099-01-10' },
      { root, fetch, now },
    );
    expect(written.notes.join('\n')).toContain('U+009B');
    const { problems, papers } = await checkContent({
      root,
      today: now(),
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
    });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(papers[0]?.data.title).toBe('A Synthetic 0;Synthetic Title Wrapped with 31mControls');
    expect(papers[0]?.data.authors).toHaveLength(230);
    expect(papers[0]?.data.authors.slice(0, 5)).toEqual([
      'ADA EXAMPLE',
      'Bo Example III',
      'Cy 31m Example',
      'Dee elpmaxE',
      'Plato',
    ]);
  });
});
