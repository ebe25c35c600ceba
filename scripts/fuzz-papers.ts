/**
 * Long differential fuzz run over hostile paper files (tests/helpers/hostile-papers.ts): each file
 * goes through the check's rules (validatePaper, as `npm run check` and the build's loader call it);
 * each accepted one through every per-paper output and its consumer (tests/helpers/output-consumers.ts);
 * each refused one's messages are checked for the terminal. With --out, accepted files are written
 * to <out>/papers/2025/ with the seed's topics, for a full build (PAPER_DIGEST_CONTENT=<out>); with
 * --dist, that build's files are read by their consumers and its pages by an HTML validator.
 *
 *   node scripts/fuzz-papers.ts --seed 1 --runs 5000 [--out .tmp/fuzz/content]
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content/check.ts';
import { assignCitationKeys, bibtexEntry, bibtexFile } from '../src/lib/bibtex.ts';
import type { CitablePaper } from '../src/lib/citation.ts';
import { createPaperSchema } from '../src/content/schema.ts';
import { validatePaper } from '../src/content/validate.ts';
import { readTopics } from '../src/content/vocabulary.ts';
import { hostilePaperFiles, mutatedPaperFiles } from '../tests/helpers/hostile-papers.ts';
import { htmlProblems } from '../tests/helpers/html-valid.ts';
import { distProblems, messageProblems, outputProblems } from '../tests/helpers/output-consumers.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '2000' },
    out: { type: 'string' },
    dist: { type: 'string' },
    // Mutate the seed's paper files instead of composing files from the grammar.
    mutate: { type: 'boolean', default: false },
  },
});
if (values.dist) {
  // A built site of fuzzed papers (PAPER_DIGEST_CONTENT=<out>): every file read by its consumer,
  // and every page by an HTML validator.
  const problems = [...distProblems(values.dist), ...(await htmlProblems(values.dist))];
  console.log(`${values.dist}: ${problems.length} problems`);
  for (const problem of problems.slice(0, 60)) console.log(`- ${problem}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
const seed = Number(values.seed);
const runs = Number(values.runs);
const { topics } = readTopics('content/topics.yaml', process.cwd());
const schema = createPaperSchema(new Set(topics.map((topic) => topic.slug)));

let accepted = 0;
const failures: string[] = [];
const citable: CitablePaper[] = [];
if (values.out) await mkdir(join(values.out, 'papers', '2025'), { recursive: true });
const seedFolder = 'content/papers/2025';
const bases = values.mutate ? readdirSync(seedFolder).map((name) => readFileSync(join(seedFolder, name), 'utf8')) : [];
const files = values.mutate ? mutatedPaperFiles(seed, runs, bases) : hostilePaperFiles(seed, runs);
for (const file of files) {
  const path = `content/papers/2025/${file.id}.mdx`;
  let result;
  try {
    result = validatePaper(path, file.bytes, schema);
  } catch (error) {
    failures.push(`${file.id}: validatePaper threw ${String(error)}\n${JSON.stringify(file.text).slice(0, 2000)}`);
    continue;
  }
  if (result.paper) {
    accepted++;
    try {
      const { problems } = outputProblems(result.paper);
      // The build's store parses the data again with the same schema (parseData): it must take it unchanged.
      const again = schema.safeParse(result.paper.data);
      if (!again.success)
        problems.push(`${file.id}: schema refuses its own output: ${JSON.stringify(again.error.issues).slice(0, 300)}`);
      else if (JSON.stringify(again.data) !== JSON.stringify(result.paper.data))
        problems.push(`${file.id}: schema changes its own output: ${JSON.stringify(again.data).slice(0, 300)}`);
      citable.push(result.paper);
      for (const problem of problems) failures.push(`${problem}\n  file: ${JSON.stringify(file.text).slice(0, 1500)}`);
    } catch (error) {
      failures.push(
        `${file.id}: an output threw ${error instanceof Error ? error.stack : String(error)}\n  file: ${JSON.stringify(file.text).slice(0, 1500)}`,
      );
    }
    if (values.out) await writeFile(join(values.out, 'papers', '2025', `${file.id}.mdx`), file.bytes);
  } else {
    failures.push(
      ...messageProblems(path, file.text, result.problems).map(
        (problem) => `${problem}\n  file: ${JSON.stringify(file.text).slice(0, 800)}`,
      ),
    );
  }
}
if (values.out) {
  await copyFile('content/topics.yaml', join(values.out, 'topics.yaml'));
  // One .bib of every accepted paper, under the keys the build gives them, for pdflatex + bibtex.
  const keys = assignCitationKeys(citable);
  await writeFile(
    join(values.out, 'entries.bib'),
    bibtexFile(citable.map((paper) => bibtexEntry(paper, keys.get(paper.id)!))),
  );
  // Files that pass alone may still clash (an author spelled two ways, one arXiv id twice): the
  // check names both; drop the named ones until the folder passes, so that it can be built.
  for (;;) {
    const { problems } = await checkContent({
      papersDir: join(values.out, 'papers'),
      topicsFile: join(values.out, 'topics.yaml'),
    });
    const files = new Set(problems.map((problem) => problem.file));
    if (files.size === 0) break;
    for (const file of files) await rm(file);
    console.log(`dropped ${files.size} files that clash with others`);
  }
}
console.log(`seed ${seed}: ${runs} files, ${accepted} accepted, ${failures.length} failures`);
for (const failure of failures.slice(0, 40)) console.log(`- ${failure}`);
process.exitCode = failures.length > 0 ? 1 : 0;
