import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { findCollisions } from './collection.ts';
import { PAPERS_DIR, TOPICS_FILE } from './paths.ts';
import { readFiles } from './read-files.ts';
import type { ContentProblem } from './problems.ts';
import { validatePapers, type ValidationJob } from './validate-many.ts';
import { CheckCache, digestOf, rulesDigest, type CheckedPaper } from './check-cache.ts';
import type { ValidPaper } from './validate.ts';
import { loadTopics } from './vocabulary.ts';

/**
 * The content check behind `npm run check`: every paper through the same schema and pipeline
 * as the build, plus the cross-file checks, without building the site.
 */
export async function checkContent({
  root = process.cwd(),
  papersDir = PAPERS_DIR,
  topicsFile = TOPICS_FILE,
  cacheFile,
  keepRendered = true,
}: {
  root?: string;
  papersDir?: string;
  topicsFile?: string;
  /** Remember papers that passed, by digest (the CLI's default; see check-cache.ts). */
  cacheFile?: string;
  /** Keep each paper's rendered HTML in the result (the CLI only needs the problems). */
  keepRendered?: boolean;
} = {}): Promise<{
  problems: ContentProblem[];
  /** Papers that passed on their own: rendered, unless they came from the cache. */
  papers: (CheckedPaper & Partial<Pick<ValidPaper, 'rendered'>>)[];
  files: number;
}> {
  const topics = loadTopics(resolve(root, topicsFile));
  const cache = cacheFile
    ? await CheckCache.open(
        cacheFile,
        await rulesDigest([
          JSON.stringify(topics),
          await readFile(resolve(root, 'package-lock.json')).catch(() => new Uint8Array()),
        ]),
      )
    : undefined;
  const cwd = resolve(root, papersDir);
  const names = (await glob('**/*', { cwd })).sort();
  const problems: ContentProblem[] = [];
  const papers: (CheckedPaper & Partial<Pick<ValidPaper, 'rendered'>>)[] = [];
  const jobs: (ValidationJob & { digest: string })[] = [];
  for (const name of names.filter((name) => !name.endsWith('.mdx'))) {
    problems.push({
      file: relative(root, join(cwd, name)).split('\\').join('/'),
      line: 1,
      field: 'file',
      message: 'is not a paper: papers are .mdx files; move or rename it.',
    });
  }
  const mdx = names.filter((name) => name.endsWith('.mdx'));
  const contents = await readFiles(cwd, mdx);
  mdx.forEach((name, index) => {
    const file = relative(root, join(cwd, name)).split('\\').join('/');
    const bytes = contents[index]!;
    const digest = cache ? digestOf(bytes) : '';
    const cached = cache?.get(file, digest);
    if (cached) papers.push(cached);
    else jobs.push({ file, bytes, digest });
  });
  const results = await validatePapers(
    jobs,
    topics.map((topic) => topic.slug),
    { keepRendered },
  );
  results.forEach((result, index) => {
    problems.push(...result.problems);
    if (!result.paper) return;
    papers.push(result.paper);
    if (result.problems.length === 0) {
      const { rendered: _rendered, body: _body, ...checked } = result.paper;
      cache?.set(jobs[index]!.file, jobs[index]!.digest, checked);
    }
  });
  await cache?.save();
  problems.push(...findCollisions(papers));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, papers, files: names.length };
}
