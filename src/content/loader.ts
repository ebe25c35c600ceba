import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'tinyglobby';
import { findCollisions } from './collection.ts';
import { PAPERS_DIR } from './paths.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import type { PaperSchema } from './schema.ts';
import { validatePaper, type ValidPaper } from './validate.ts';

/** What the loader keeps beside the HTML, so a cached entry can take part in cross-file checks. */
export interface PaperMetadata {
  hasMath: boolean;
  text: string;
  lines: ValidPaper['lines'];
  [key: string]: unknown;
}

/**
 * Loads paper files and renders their bodies through the safe-MDX pipeline here, in the loader,
 * so thousands of papers never become thousands of Vite/MDX modules. Each entry is cached by a
 * digest of its file and of the topic vocabulary: an unchanged paper is not parsed again.
 * Any problem in any paper fails the load with every problem listed, and nothing is stored.
 */
export function paperLoader({
  directory = PAPERS_DIR,
  schema,
  vocabularyDigest,
}: {
  directory?: string;
  schema: PaperSchema;
  /** Changes when content/topics.yaml changes, so cached entries are checked again. */
  vocabularyDigest: string;
}): Loader {
  return {
    name: 'paper-loader',
    load: async ({ store, config, generateDigest, parseData, logger, watcher }) => {
      const root = fileURLToPath(config.root);
      const load = async () => {
        const cwd = join(root, directory);
        const files = (await glob('**/*.mdx', { cwd })).sort();
        const problems: ContentProblem[] = [];
        const papers: ValidPaper[] = [];
        const fresh: { paper: ValidPaper; digest: string }[] = [];

        await Promise.all(
          files.map(async (name) => {
            const file = relative(root, join(cwd, name)).split('\\').join('/');
            const bytes = await readFile(join(cwd, name));
            const digest = generateDigest(`${vocabularyDigest}\n${bytes.toString('latin1')}`);
            const cached = store.get(idOf(name));
            if (cached?.digest === digest && cached.filePath === file && cached.rendered) {
              const metadata = cached.rendered.metadata as PaperMetadata;
              papers.push({
                id: cached.id,
                file,
                data: cached.data as ValidPaper['data'],
                body: cached.body ?? '',
                rendered: { html: cached.rendered.html, hasMath: metadata.hasMath, text: metadata.text },
                lines: metadata.lines,
              });
              return;
            }
            const result = validatePaper(file, bytes, schema);
            problems.push(...result.problems);
            if (result.paper) {
              papers.push(result.paper);
              fresh.push({ paper: result.paper, digest });
            }
          }),
        );
        problems.push(...findCollisions(papers));
        if (problems.length > 0) {
          problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
          throw new ContentError(problems);
        }

        for (const { paper, digest } of fresh) {
          const data = await parseData({ id: paper.id, data: paper.data, filePath: paper.file });
          const metadata: PaperMetadata = { hasMath: paper.rendered.hasMath, text: paper.rendered.text, lines: paper.lines };
          store.set({
            id: paper.id,
            data,
            body: paper.body,
            filePath: paper.file,
            digest,
            rendered: { html: paper.rendered.html, metadata },
          });
        }
        const current = new Set(papers.map((paper) => paper.id));
        for (const id of store.keys()) if (!current.has(id)) store.delete(id);
        logger.info(`${papers.length} papers (${fresh.length} rendered, ${papers.length - fresh.length} cached)`);
      };

      await load();
      // In `astro dev`, reload when a paper changes; unchanged papers come from the cache.
      watcher?.on('all', (_event, path) => {
        if (path.endsWith('.mdx') && path.startsWith(join(root, directory))) {
          load().catch((error: unknown) => logger.error(String(error instanceof Error ? error.message : error)));
        }
      });
    },
  };
}

function idOf(name: string): string {
  return (name.split('/').at(-1) ?? name).replace(/\.mdx$/, '');
}
