import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { findCollisions, type CollisionCandidate } from './collection.ts';
import { discoverPapers } from './discover.ts';
import { paperIdFromPath } from './paper-id.ts';
import { PAPERS_DIR } from './paths.ts';
import { readFiles } from './read-files.ts';
import { rulesDigest } from './check-cache.ts';
import { PIPELINE_VERSION } from './pipeline.ts';
import { byPlace, ContentError, type ContentProblem } from './problems.ts';
import { validatePapers, type ValidationJob } from './validate-many.ts';
import type { ValidPaper } from './validate.ts';
import type { ScriptedTerm } from '../lib/search-data.ts';

/** What the store keeps of a rendered paper: enough for list pages, feeds and cross-file checks. */
export interface PaperMetadata {
  /**
   * The rendered body lives in this file, not in the content store: Astro bundles the whole
   * store into the build, and at thousands of papers the HTML would be most of it.
   */
  htmlFile: string;
  /** The abstract as paper pages show it (page-html.ts), beside htmlFile. */
  pageHtmlFile: string;
  /** Digest of the paper's file, the vocabulary and the content rules: changes whenever the paper would. */
  digest: string;
  hasMath: boolean;
  text: string;
  /** The abstract as a description (descriptionOfHtml), made once per paper on a worker. */
  description: string;
  /** The title's and abstract's formula terms with a script (scriptedTerms), made once per paper on a worker. */
  scripted: ScriptedTerm[];
  excerptHtml: string;
  excerptHasMath: boolean;
  lines: ValidPaper['lines'];
  [key: string]: unknown;
}

/**
 * Loads paper files and renders their bodies through the safe-MDX pipeline here, in the loader,
 * so thousands of papers never become thousands of Vite/MDX modules. Each entry is cached by a
 * digest of its file, the topic vocabulary, the content rules' code and PIPELINE_VERSION: an
 * unchanged paper is not parsed again. (Bump PIPELINE_VERSION when the pipeline's output changes
 * for a reason outside those files, such as a plugin option.)
 * Any problem in any paper fails the load with its problems listed (as many as fit: see
 * ContentError), and nothing is stored.
 */
export function paperLoader({
  directory = PAPERS_DIR,
  topicSlugs,
  topicProblems = [],
  versions,
}: {
  directory?: string;
  /** The topic vocabulary; when it changes, cached entries are checked again. */
  topicSlugs: readonly string[];
  /** Problems found reading the vocabulary (vocabulary.ts): they fail the load before any paper. */
  topicProblems?: readonly ContentProblem[];
  /** Render library versions for the cache key (tests); read from node_modules by default. */
  versions?: readonly string[];
}): Loader {
  return {
    name: 'paper-loader',
    load: async (context) => {
      const { store, config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const htmlDir = join(fileURLToPath(config.cacheDir), 'paper-html');
      // The cache key covers the file, the topic vocabulary, the content rules (their code) and
      // the versions of the libraries that render.
      const vocabularyDigest = context.generateDigest(
        `${PIPELINE_VERSION}\n${await rulesDigest({ root, versions, inputs: [topicSlugs.join('\n')] })}`,
      );
      const load = async () => {
        if (topicProblems.length > 0) throw new ContentError(topicProblems);
        const cwd = resolve(root, directory);
        // The same discovery as `npm run check`: links, stray and oversized files, and a folder
        // with no papers at all, are problems.
        const found = await discoverPapers(root, directory);
        const problems: ContentProblem[] = [...found.problems];
        const papers: CollisionCandidate[] = [];
        const fresh: { paper: ValidPaper; digest: string }[] = [];

        const jobs: (ValidationJob & { digest: string })[] = [];
        const contents = await readFiles(
          cwd,
          found.papers.map((paper) => paper.name),
        );
        for (const [index, { file }] of found.papers.entries()) {
          const bytes = contents[index];
          // Deleted or renamed since it was listed: no paper now (the watcher loads again).
          if (!bytes) continue;
          const digest = context.generateDigest(`${vocabularyDigest}\n${bytes.toString('latin1')}`);
          const cached = store.get(paperIdFromPath(file));
          const metadata = cached?.rendered?.metadata as PaperMetadata | undefined;
          if (
            cached?.digest === digest &&
            cached.filePath === file &&
            metadata &&
            existsSync(metadata.htmlFile) &&
            existsSync(metadata.pageHtmlFile)
          ) {
            // A cached paper takes part in the cross-file checks by what they read: id, file, arXiv id, lines.
            papers.push({ id: cached.id, file, data: cached.data, lines: metadata.lines });
          } else {
            jobs.push({ file, bytes, digest });
          }
        }
        const results = await validatePapers(jobs, topicSlugs);
        results.forEach((result, index) => {
          problems.push(...result.problems);
          if (result.paper) {
            papers.push(result.paper);
            fresh.push({ paper: result.paper, digest: jobs[index]!.digest });
          }
        });
        problems.push(...findCollisions(papers));
        if (problems.length > 0) {
          problems.sort(byPlace);
          throw new ContentError(problems);
        }

        await mkdir(htmlDir, { recursive: true });
        for (const { paper, digest } of fresh) {
          const data = await context.parseData({ id: paper.id, data: paper.data, filePath: paper.file });
          const { html, pageHtml, description, scripted, ...rendered } = paper.rendered;
          if (pageHtml === undefined || description === undefined || scripted === undefined) {
            throw new Error(`${paper.file}: rendered without its page form, description or scripted terms`);
          }
          const htmlFile = join(htmlDir, `${digest}.html`);
          const pageHtmlFile = join(htmlDir, `${digest}.page.html`);
          await writeFile(htmlFile, html);
          await writeFile(pageHtmlFile, pageHtml);
          const metadata: PaperMetadata = {
            ...rendered,
            description,
            scripted,
            htmlFile,
            pageHtmlFile,
            digest,
            lines: paper.lines,
          };
          store.set({ id: paper.id, data, filePath: paper.file, digest, rendered: { html: '', metadata } });
        }
        const current = new Set(papers.map((paper) => paper.id));
        for (const id of store.keys()) if (!current.has(id)) store.delete(id);
        // Drop rendered bodies that no paper refers to any more.
        const kept = new Set(
          [...store.values()].flatMap((entry) => {
            const { htmlFile, pageHtmlFile } = entry.rendered?.metadata as PaperMetadata;
            return [htmlFile, pageHtmlFile];
          }),
        );
        for (const name of await readdir(htmlDir)) {
          if (!kept.has(join(htmlDir, name))) await rm(join(htmlDir, name), { force: true });
        }
        logger.info(`${papers.length} papers (${fresh.length} rendered, ${papers.length - fresh.length} cached)`);
      };

      await load();
      // In `astro dev`, reload when a paper changes; unchanged papers come from the cache.
      watcher?.on('all', (_event, path) => {
        if (path.endsWith('.mdx') && path.startsWith(resolve(root, directory))) {
          load().catch((error: unknown) => logger.error(String(error instanceof Error ? error.message : error)));
        }
      });
    },
  };
}
