import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { TOPICS_FILE } from './paths.ts';
import { topicListSchema, type Topic } from './schema.ts';

/**
 * Reads the topic vocabulary. It is read synchronously at config time because the paper schema
 * needs the list of valid topic slugs.
 */
export function loadTopics(path: string | URL = TOPICS_FILE): Topic[] {
  const raw: unknown = parse(readFileSync(path, 'utf8'), { schema: 'core', uniqueKeys: true, maxAliasCount: 0 });
  const result = topicListSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${String(path)}: invalid topic vocabulary:\n${details}`);
  }
  const seen = new Set<string>();
  for (const topic of result.data) {
    if (seen.has(topic.slug)) throw new Error(`${String(path)}: topic "${topic.slug}" is listed twice.`);
    seen.add(topic.slug);
  }
  return result.data;
}
