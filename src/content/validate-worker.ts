import { parentPort, workerData } from 'node:worker_threads';
import { createPaperSchema } from './schema.ts';
import { validatePaper } from './validate.ts';
import { asWanted, type ValidationJob } from './validate-many.ts';

// One thread of validatePapers(): the same schema and pipeline, on a share of the files.
const { topicSlugs, keepRendered, today } = workerData as {
  topicSlugs: string[];
  keepRendered: boolean;
  /** The check's clock, in ms; undefined for the build. */
  today?: number;
};
const schema = createPaperSchema(new Set(topicSlugs), today === undefined ? {} : { today: new Date(today) });

parentPort!.on('message', ({ batch, jobs }: { batch: number; jobs: ValidationJob[] }) => {
  const results = jobs.map((job) => asWanted(validatePaper(job.file, job.bytes, schema), keepRendered));
  parentPort!.postMessage({ batch, results });
});
