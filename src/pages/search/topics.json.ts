import type { APIRoute } from 'astro';
import { getPapersByTopic, getTopics } from '@/data/papers.ts';
import { encodeJson } from '@/lib/encode/json.ts';
import type { TopicName } from '@/lib/search-query.ts';

/**
 * The topics that have papers, by slug and label, for the header box's search, which reads a
 * query that names a topic as the search page does (topicInQuery); the search page has them in its
 * topic filter.
 */
export const GET: APIRoute = async () => {
  const byTopic = await getPapersByTopic();
  const topics: TopicName[] = getTopics()
    .filter((topic) => (byTopic.get(topic.slug)?.length ?? 0) > 0)
    .map(({ slug, label }) => ({ slug, label }));
  return new Response(encodeJson(topics), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
