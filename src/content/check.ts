import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { findCollisions } from './collection.ts';
import { PAPERS_DIR, TOPICS_FILE } from './paths.ts';
import type { ContentProblem } from './problems.ts';
import { validatePapers, type ValidationJob } from './validate-many.ts';
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
}: { root?: string; papersDir?: string; topicsFile?: string } = {}): Promise<{
  problems: ContentProblem[];
  papers: ValidPaper[];
  files: number;
}> {
  const topics = loadTopics(resolve(root, topicsFile));
  const cwd = resolve(root, papersDir);
  const names = (await glob('**/*', { cwd })).sort();
  const problems: ContentProblem[] = [];
  const jobs: ValidationJob[] = [];
  for (const name of names) {
    const file = relative(root, join(cwd, name)).split('\\').join('/');
    if (!name.endsWith('.mdx')) {
      problems.push({
        file,
        line: 1,
        field: 'file',
        message: 'is not a paper: papers are .mdx files; move or rename it.',
      });
      continue;
    }
    jobs.push({ file, bytes: await readFile(join(cwd, name)) });
  }
  const papers: ValidPaper[] = [];
  for (const result of await validatePapers(
    jobs,
    topics.map((topic) => topic.slug),
  )) {
    problems.push(...result.problems);
    if (result.paper) papers.push(result.paper);
  }
  problems.push(...findCollisions(papers));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, papers, files: names.length };
}
