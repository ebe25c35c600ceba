import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPaperSchema } from './schema.ts';
import type { ValidPaper } from './validate.ts';
import type { ContentProblem } from './problems.ts';
import { descriptionOfHtml } from '../lib/plain-text.ts';
import { pageHtml } from './page-html.ts';
import { scriptedTerms } from '../lib/search-data.ts';

/**
 * Validates and renders many papers, on every core: rendering (MDX parse, KaTeX, HTML) is CPU
 * work, so thousands of papers are split into batches over worker threads. Small sets stay on
 * the calling thread, where starting workers would cost more than it saves.
 */
export interface ValidationJob {
  /** Path shown in problems, relative to the project root. */
  file: string;
  bytes: Uint8Array;
}

export interface ValidationResult {
  paper?: ValidPaper;
  problems: ContentProblem[];
}

const BATCH_SIZE = 64;
/** Below this many files, one thread is faster than starting workers. */
const PARALLEL_THRESHOLD = 300;
const workerFile = fileURLToPath(new URL('./validate-worker.ts', import.meta.url));

export async function validatePapers(
  jobs: readonly ValidationJob[],
  topicSlugs: readonly string[],
  {
    threads = availableParallelism(),
    keepRendered = true,
    parallelThreshold = PARALLEL_THRESHOLD,
    batchSize = BATCH_SIZE,
    today,
  }: {
    threads?: number;
    /** The check's clock, for its rules that read one (createPaperSchema); the build gives none. */
    today?: Date;
    /** Fewest files sent to workers (tests lower it to reach the worker path with a few files). */
    parallelThreshold?: number;
    batchSize?: number;
    /** False when only the verdict matters (`npm run check`): the HTML is not sent back or kept. */
    keepRendered?: boolean;
  } = {},
): Promise<ValidationResult[]> {
  if (jobs.length === 0) return [];
  const workerCount = Math.min(threads, Math.ceil(jobs.length / batchSize));
  // The worker is loaded from source; if this module was bundled elsewhere, stay on this thread.
  if (jobs.length < parallelThreshold || workerCount < 2 || !existsSync(workerFile)) {
    // Loaded on use: the render pipeline takes a third of a second to load, and a cached
    // `npm run check` renders nothing.
    const { validatePaper } = await import('./validate.ts');
    const schema = createPaperSchema(new Set(topicSlugs), today ? { today } : {});
    return jobs.map((job) => asWanted(validatePaper(job.file, job.bytes, schema), keepRendered));
  }

  const results = new Array<ValidationResult>(jobs.length);
  const batches = Math.ceil(jobs.length / batchSize);
  let nextBatch = 0;
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(workerFile, { workerData: { topicSlugs, keepRendered, today: today?.getTime() } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (nextBatch >= batches) return resolve();
              const batch = nextBatch++;
              worker.postMessage({ batch, jobs: jobs.slice(batch * batchSize, (batch + 1) * batchSize) });
            };
            worker.on('message', ({ batch, results: batchResults }: { batch: number; results: ValidationResult[] }) => {
              batchResults.forEach((result, index) => (results[batch * batchSize + index] = result));
              sendNext();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`Paper validation worker stopped with exit code ${code}`));
            });
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * A result as its caller wants it. The build (keepRendered) also gets the abstract as paper pages
 * show it, made here, on the worker, once per paper: lighter KaTeX markup, and the TeX copy for
 * search (page-html.ts); its description for feeds (descriptionOfHtml); and its formula terms with a script for the search (scriptedTerms), so no build scans its math again. `npm run check` wants only the verdict: the HTML and text are emptied.
 */
export function asWanted(result: ValidationResult, keepRendered: boolean): ValidationResult {
  if (!result.paper) return result;
  if (keepRendered) {
    const { rendered } = result.paper;
    const made = {
      pageHtml: pageHtml(rendered.html),
      description: descriptionOfHtml(rendered.html),
      scripted: scriptedTerms(result.paper.data.title, rendered.text),
    };
    return { ...result, paper: { ...result.paper, rendered: { ...rendered, ...made } } };
  }
  const { hasMath } = result.paper.rendered;
  const rendered = { hasMath, html: '', text: '', excerptHtml: '', excerptHasMath: false };
  return { ...result, paper: { ...result.paper, rendered } };
}
