import { defineCollection } from 'astro:content';
import { createHash } from 'node:crypto';
import { paperLoader } from './content/loader.ts';
import { createPaperSchema } from './content/schema.ts';
import { loadTopics } from './content/vocabulary.ts';

const topics = loadTopics();
const paperSchema = createPaperSchema(new Set(topics.map((topic) => topic.slug)));

export const collections = {
  papers: defineCollection({
    loader: paperLoader({
      schema: paperSchema,
      vocabularyDigest: createHash('sha256').update(JSON.stringify(topics)).digest('hex'),
    }),
    schema: paperSchema,
  }),
};
