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

interface Vector {
  /** Term ids. */
  terms: Int32Array;
  /** L2-normalized weights, aligned with `terms`. */
  weights: Float64Array;
}

export type TagProposer = (paper: { title: string; text: string }) => TagProposal[];

/** A proposer for one digest: the TF-IDF space and the topic vectors are built once per batch. */
export function createTagProposer(
  papers: readonly TaggedPaper[],
  topics: readonly TopicText[],
  { neighbours = 10, neighbourWeight = 0.3, titleWeight = 2 }: ProposerOptions = {},
): TagProposer {
  const known = new Set(topics.map((topic) => topic.slug));
  const counts = (title: string, text: string): Map<string, number> => {
    const terms = new Map<string, number>();
    for (const term of tokenize(title)) terms.set(term, (terms.get(term) ?? 0) + titleWeight);
    for (const term of tokenize(text)) terms.set(term, (terms.get(term) ?? 0) + 1);
    return terms;
  };
  const paperCounts = papers.map((paper) => counts(paper.title, paper.text));
  const topicCounts = topics.map((topic) =>
    counts(`${topic.label} ${topic.slug.replace(/-/g, ' ')}`, topic.description),
  );
  // Terms get ids, so a query is a dense array and a similarity is one pass over a short vector.
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const intern = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
      df.push(0);
    }
    return id;
  };
  for (const terms of paperCounts) for (const term of terms.keys()) df[intern(term)]!++;
  for (const terms of topicCounts) for (const term of terms.keys()) intern(term);
  // Smoothed IDF: a word no paper has yet (common in a new topic's description) still counts.
  const unseenIdf = Math.log(1 + papers.length) + 1;
  const idf = Float64Array.from(df, (frequency) => Math.log((1 + papers.length) / (1 + frequency)) + 1);
  /** TF-IDF, L2-normalized; a term outside the vocabulary counts in the norm only (no paper or topic has it). */
  const weigh = (terms: Map<string, number>): Vector => {
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, count] of terms) {
      const id = termIds.get(term);
      const weight = (1 + Math.log(count)) * (id === undefined ? unseenIdf : idf[id]!);
      norm += weight * weight;
      if (id === undefined) continue;
      ids.push(id);
      weights.push(weight);
    }
    norm = Math.sqrt(norm) || 1;
    return { terms: Int32Array.from(ids), weights: Float64Array.from(weights, (weight) => weight / norm) };
  };
  const paperVectors = paperCounts.map(weigh);
  const topicVectors = topics.map((topic, index) => ({ slug: topic.slug, vector: weigh(topicCounts[index]!) }));
  const query = new Float64Array(termIds.size);

  return ({ title, text }) => {
    const vector = weigh(counts(title, text));
    vector.terms.forEach((term, index) => (query[term] = vector.weights[index]!));
    const cosine = (other: Vector) => {
      let sum = 0;
      for (let index = 0; index < other.terms.length; index++)
        sum += query[other.terms[index]!]! * other.weights[index]!;
      return sum;
    };

    // Neighbours' vote: each of the k nearest papers gives its similarity to each of its tags.
    // The k best in a short sorted list (ties: the earlier paper), not a sort of the whole digest.
    const nearest: { index: number; similarity: number }[] = [];
    paperVectors.forEach((paper, index) => {
      const similarity = cosine(paper);
      if (similarity <= 0) return;
      if (nearest.length === neighbours && similarity <= nearest[nearest.length - 1]!.similarity) return;
      let at = nearest.length;
      while (at > 0 && nearest[at - 1]!.similarity < similarity) at--;
      nearest.splice(at, 0, { index, similarity });
      if (nearest.length > neighbours) nearest.pop();
    });
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
    for (const term of vector.terms) query[term] = 0;
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
