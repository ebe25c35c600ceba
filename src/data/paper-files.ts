import { entryType } from '../lib/bibtex.ts';
import { citedFacts } from '../lib/citation.ts';
import { encodeJson } from '../lib/encode/json.ts';
import { groupIntoBundles, type BundledFile } from '../lib/file-bundle.ts';
import { paperSummary, type PaperSummary } from '../lib/reading-list.ts';
import { titleText } from '../lib/title-text.ts';
import { paperPaths } from '../lib/urls.ts';
import { getBibtex, getPapers } from './papers.ts';
import { urls } from './urls.ts';

/**
 * A paper's two files beside its page, `/papers/<id>.bib` (its BibTeX entry) and
 * `/papers/<id>.json` (what the reading list, /saved/, shows of it): made here and nowhere else.
 * Like the author files (author-files.ts), the build writes them through file bundles
 * (src/lib/file-bundle.ts, route src/pages/build-bundles/): as routes of their own they were two
 * thirds of Astro's routes. `astro dev` serves them from routes of their own
 * (src/pages/papers/[id].bib.ts and [id].json.ts).
 */

/** Everything a paper's files are made from, so it can key them (src/data/page-keys.ts). */
export type PaperFilesInput = {
  id: string;
  /** Its BibTeX entry: keys are assigned over the whole digest. */
  bibEntry: string;
  summary: PaperSummary;
};

let inputs: Promise<PaperFilesInput[]> | undefined;

/** Every paper's files' inputs, in the order of getPapers, computed once. */
export function getPaperFilesInputs(): Promise<PaperFilesInput[]> {
  inputs ??= Promise.all([getPapers(), getBibtex()]).then(([papers, bibtex]) =>
    papers.map((paper) => ({
      id: paper.id,
      bibEntry: bibtex.get(paper.id)!.entry,
      summary: paperSummary({
        id: paper.id,
        title: titleText(paper.data.title),
        authors: paper.data.authors,
        date: paper.data.date,
        url: urls.paper(paper.id),
        cite: citedFacts(paper, entryType(paper)),
      }),
    })),
  );
  return inputs;
}

/** `/papers/<id>.json`: JSON that is safe to serve (encodeJson). */
export function paperSummaryJson({ summary }: PaperFilesInput): string {
  return encodeJson(summary);
}

export function paperFiles(input: PaperFilesInput): BundledFile[] {
  const [, bib, json] = paperPaths(input.id).files;
  return [
    [bib, input.bibEntry],
    [json, paperSummaryJson(input)],
  ];
}

/**
 * The static paths of the routes that serve a paper's files one by one in `astro dev`. None in a
 * build, which writes the files from bundles.
 */
export async function getPaperFileDevPaths(): Promise<{ params: { id: string }; props: PaperFilesInput }[]> {
  if (!import.meta.env.DEV) return [];
  return (await getPaperFilesInputs()).map((input) => ({ params: { id: input.id }, props: input }));
}

/** One static path per non-empty bundle, with the inputs of its papers' files; none in `astro dev`. */
export async function getPaperBundlePaths(): Promise<
  { params: { bundle: string }; props: { papers: PaperFilesInput[] } }[]
> {
  if (import.meta.env.DEV) return [];
  const bundles = groupIntoBundles(await getPaperFilesInputs(), 'papers', (input) => input.id);
  return bundles.map(([bundle, papers]) => ({ params: { bundle }, props: { papers } }));
}
