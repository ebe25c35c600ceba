import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { validatePapers } from '../../src/content/validate-many.ts';
import { loadTopics } from '../../src/content/vocabulary.ts';
import { scriptedTerms } from '../../src/lib/search-data.ts';
import { projectRoot } from '../helpers/build.ts';

/**
 * The worker-thread path of validatePapers runs only from 300 papers up in the build, so no other
 * test reaches it: here it is forced with a few files, and must give what the calling thread gives.
 */
async function jobsOf(folder: string) {
  const names = (await glob('**/*.mdx', { cwd: join(projectRoot, folder) })).sort();
  return Promise.all(
    names.map(async (name) => ({ file: `${folder}/${name}`, bytes: await readFile(join(projectRoot, folder, name)) })),
  );
}

describe('validatePapers on worker threads', () => {
  it('gives the same papers and problems as the calling thread, in the same order', async () => {
    const jobs = [...(await jobsOf('content/papers')), ...(await jobsOf('tests/fixtures/bad-papers/papers'))];
    const topics = [
      ...loadTopics(join(projectRoot, 'content/topics.yaml')),
      ...loadTopics(join(projectRoot, 'tests/fixtures/bad-papers/topics.yaml')),
    ].map((topic) => topic.slug);
    const onThread = await validatePapers(jobs, topics, { threads: 1 });
    const onWorkers = await validatePapers(jobs, topics, { threads: 2, parallelThreshold: 0, batchSize: 16 });
    expect(jobs.length).toBeGreaterThan(100);
    expect(onWorkers.filter((result) => result.paper).length).toBeGreaterThan(50);
    expect(onWorkers.some((result) => result.problems.length > 0)).toBe(true);
    expect(onWorkers).toEqual(onThread);
  });

  it("makes each paper's scripted formula terms for the search once, with its page form, for the loader to cache", async () => {
    const jobs = await jobsOf('content/papers');
    const topics = loadTopics(join(projectRoot, 'content/topics.yaml')).map((topic) => topic.slug);
    const papers = (await validatePapers(jobs, topics, { threads: 1 })).flatMap((result) => result.paper ?? []);
    expect(papers).toHaveLength(jobs.length);
    for (const paper of papers)
      expect(paper.rendered.scripted, paper.id).toEqual(scriptedTerms(paper.data.title, paper.rendered.text));
    // The seed writes $\mathbb{R}^d$ (2310.15003, 2311.13774): the terms are there, not only empty lists.
    expect(papers.flatMap((paper) => paper.rendered.scripted ?? [])).toContainEqual(['r', 'rd']);
  });
});
