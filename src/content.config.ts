import { defineCollection } from 'astro:content';
import { paperLoader } from './content/loader.ts';
import { createPaperSchema } from './content/schema.ts';
import { loadTopics } from './content/vocabulary.ts';

const topicSlugs = loadTopics().map((topic) => topic.slug);

export const collections = {
  papers: defineCollection({
    loader: paperLoader({ topicSlugs }),
    schema: createPaperSchema(new Set(topicSlugs)),
  }),
};
