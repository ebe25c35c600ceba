// npm run new-paper -- <arxiv id or URL> --tags a,b [--date YYYY-MM-DD] [--code URL] [--offline --title … --authors "A; B"]
// Writes content/papers/<year>/<id>.mdx from the arXiv API. The logic is in src/content/new-paper.ts.
import { parseArgs } from 'node:util';
import { NewPaperError, newPaper } from '../src/content/new-paper.ts';
import { formatProblem } from '../src/content/problems.ts';

const usage = `Usage: npm run new-paper -- <arXiv id or URL> --tags topic-a,topic-b [options]

  <arXiv id or URL>     2306.13575, 2306.13575v2, https://arxiv.org/abs/2306.13575,
                        https://arxiv.org/pdf/2306.13575v1, math.GT/0309136
  --tags a,b            topics from content/topics.yaml (required)
  --date YYYY-MM-DD     the digest date (default: today, UTC)
  --code URL            the official code repository (https)
  --project URL         the project page (https)
  --venue TEXT          where it was published, e.g. "NeurIPS 2023"
  --offline             do not ask arXiv; write the entry from the flags below
  --title TEXT          title (offline, or to replace arXiv's)
  --authors "A; B"      authors in order, separated by semicolons
  --published DATE      date of the first version, YYYY-MM-DD
  --abstract TEXT       the abstract, math in $…$
  --dry-run             check the entry and print it instead of writing it
`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      tags: { type: 'string' },
      date: { type: 'string' },
      code: { type: 'string' },
      project: { type: 'string' },
      venue: { type: 'string' },
      offline: { type: 'boolean' },
      title: { type: 'string' },
      authors: { type: 'string' },
      published: { type: 'string' },
      abstract: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(1);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(
    `${positionals.length === 0 ? 'Give one arXiv id or URL.' : `Give one arXiv id or URL, not ${positionals.length}.`}\n\n${usage}`,
  );
  process.exit(1);
}

const list = (value: string | undefined, separator: RegExp) =>
  value === undefined
    ? undefined
    : value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean);

try {
  const result = await newPaper({
    input: positionals[0]!,
    tags: list(values.tags, /[,\s]+/),
    date: values.date,
    code: values.code,
    project: values.project,
    venue: values.venue,
    offline: values.offline,
    title: values.title,
    authors: list(values.authors, /;/),
    published: values.published,
    abstract: values.abstract,
    dryRun: values['dry-run'],
  });
  for (const note of result.notes) console.error(note);
  if (result.written) {
    console.log(`\n✓ Wrote ${result.file}${result.source === 'template' ? ' (a template from your flags)' : ''}.`);
    console.log(
      'Next: read it over, adjust the tags, run `npm run check`, and open a pull request (see CONTRIBUTING.md).',
    );
  } else {
    console.error(`\n✓ ${result.file} would pass the content check (dry run, nothing written):\n`);
    console.log(result.text);
  }
} catch (error) {
  if (!(error instanceof NewPaperError)) throw error;
  console.error(`✗ ${error.message}`);
  for (const problem of error.problems) console.error(formatProblem(problem));
  if (error.text !== undefined && values['dry-run']) console.log(`\n${error.text}`);
  else if (error.text !== undefined)
    console.error('\nRun again with --dry-run to print the entry; you can save it by hand and fix what is listed.');
  process.exit(1);
}
