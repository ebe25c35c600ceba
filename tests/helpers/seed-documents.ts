import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { loadTopics } from '../../src/content/vocabulary.ts';
import type { RelatedDocument } from '../../src/lib/related.ts';
import { projectRoot } from './build.ts';

/**
 * The papers of a content folder (the seed's by default) as the build hands them to
 * `relatedPapers`: title, plain-text abstract (math as `$TeX$`) and topics.
 */
export async function relatedDocuments(contentDir = join(projectRoot, 'content')): Promise<RelatedDocument[]> {
  const schema = createPaperSchema(new Set(loadTopics(join(contentDir, 'topics.yaml')).map((topic) => topic.slug)));
  const folder = join(contentDir, 'papers');
  const files = await glob('**/*.mdx', { cwd: folder });
  return Promise.all(
    files.sort().map(async (file) => {
      const { paper, problems } = validatePaper(file, await readFile(join(folder, file)), schema);
      if (!paper) throw new Error(`${file}: ${problems.map((problem) => problem.message).join('; ')}`);
      return { id: paper.id, title: paper.data.title, text: paper.rendered.text, topics: paper.data.tags };
    }),
  );
}
