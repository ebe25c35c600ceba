import { defineCollection } from 'astro:content';
import { paperLoader } from './content/loader.ts';
import { createPaperSchema } from './content/schema.ts';
import { readTopics } from './content/vocabulary.ts';

// A broken vocabulary is reported by the loader as `file:line: field: message`, like a bad paper.
const { topics, problems: topicProblems } = readTopics();
const topicSlugs = topics.map((topic) => topic.slug);

export const collections = {
  papers: defineCollection({
    loader: paperLoader({ topicSlugs, topicProblems }),
    schema: createPaperSchema(new Set(topicSlugs)),
  }),
};
