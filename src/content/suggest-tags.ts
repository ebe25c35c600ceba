import { tokenize } from '../lib/related.ts';

/**
 * Tag proposals for a new paper, from what the digest already knows: the tags of the papers whose
 * title and abstract are nearest to it (TF-IDF cosine), and how close it is to each topic's label
 * and description in `topics.yaml`. Neighbours carry the curators' habits; descriptions cover
 * topics with few or no papers yet, which neighbours alone could never propose.
 */

export interface TaggedPaper {
  id: string;
  title: string;
  /** Abstract (MDX or plain text; `$…$` math is ignored). */
  text: string;
  tags: readonly string[];
}

export interface TopicText {
  slug: string;
  label: string;
  description: string;
}

export interface TagProposal {
  tag: string;
  /** 0–1: the weighted sum of the neighbour vote and the description similarity. */
  score: number;
}

export interface ProposerOptions {
  /** How many nearest papers vote (10). */
  neighbours?: number;
  /** Weight of the neighbours' vote; the descriptions get the rest (0.3). */
  neighbourWeight?: number;
  /** How many times a title word counts (2). */
  titleWeight?: number;
}

export interface AcceptOptions {
  /** At most this many tags (3). */
  max?: number;
  /** A tag after the first is kept only if it scores at least this share of the first (0.6). */
  relative?: number;
  /** No tag is kept below this score (0.15): better to ask the curator than to guess. */
  floor?: number;
}

type Vector = Map<string, number>;

export type TagProposer = (paper: { title: string; text: string }) => TagProposal[];

/** A proposer for one digest: the TF-IDF space and the topic vectors are built once per batch. */
export function createTagProposer(
  papers: readonly TaggedPaper[],
  topics: readonly TopicText[],
  { neighbours = 10, neighbourWeight = 0.3, titleWeight = 2 }: ProposerOptions = {},
): TagProposer {
  const known = new Set(topics.map((topic) => topic.slug));
  const counts = (title: string, text: string): Vector => {
    const terms: Vector = new Map();
    for (const term of tokenize(title)) terms.set(term, (terms.get(term) ?? 0) + titleWeight);
    for (const term of tokenize(text)) terms.set(term, (terms.get(term) ?? 0) + 1);
    return terms;
  };
  const paperCounts = papers.map((paper) => counts(paper.title, paper.text));
  const df = new Map<string, number>();
  for (const terms of paperCounts) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Smoothed IDF: a word no paper has yet (common in a new topic's description) still counts.
  const idf = (term: string) => Math.log((1 + papers.length) / (1 + (df.get(term) ?? 0))) + 1;
  const weigh = (terms: Vector): Vector => {
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, count] of terms) {
      const weight = (1 + Math.log(count)) * idf(term);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  };
  const paperVectors = paperCounts.map(weigh);
  const topicVectors = topics.map((topic) => ({
    slug: topic.slug,
    vector: weigh(counts(`${topic.label} ${topic.slug.replace(/-/g, ' ')}`, topic.description)),
  }));

  return ({ title, text }) => {
    const query = weigh(counts(title, text));
    const cosine = (other: Vector) => {
      let sum = 0;
      const [small, large] = query.size < other.size ? [query, other] : [other, query];
      for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
      return sum;
    };

    // Neighbours' vote: each of the k nearest papers gives its similarity to each of its tags.
    const nearest = paperVectors
      .map((vector, index) => ({ index, similarity: cosine(vector) }))
      .filter((candidate) => candidate.similarity > 0)
      .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
      .slice(0, neighbours);
    const total = nearest.reduce((sum, { similarity }) => sum + similarity, 0);
    const votes = new Map<string, number>();
    for (const { index, similarity } of nearest) {
      for (const tag of papers[index]!.tags) {
        if (known.has(tag)) votes.set(tag, (votes.get(tag) ?? 0) + similarity / total);
      }
    }

    // Description similarity, relative to the closest topic so both parts range over 0–1.
    const described = topicVectors.map(({ slug, vector }) => ({ slug, similarity: cosine(vector) }));
    const closest = Math.max(0, ...described.map(({ similarity }) => similarity));
    const proposals = described.map(({ slug, similarity }) => ({
      tag: slug,
      score:
        neighbourWeight * (votes.get(slug) ?? 0) + (1 - neighbourWeight) * (closest > 0 ? similarity / closest : 0),
    }));
    return proposals
      .filter((proposal) => proposal.score > 0)
      .sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  };
}

/** The tags `--accept-suggested` writes: the best proposal, and the next ones that are nearly as good. */
export function acceptedTags(
  proposals: readonly TagProposal[],
  { max = 3, relative = 0.6, floor = 0.15 }: AcceptOptions = {},
): string[] {
  const best = proposals[0]?.score ?? 0;
  return proposals
    .filter((proposal, index) => proposal.score >= floor && (index === 0 || proposal.score >= relative * best))
    .slice(0, max)
    .map((proposal) => proposal.tag);
}
