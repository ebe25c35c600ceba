import { describe, expect, it } from 'vitest';
import { relatedPapers, tokenize, type RelatedDocument } from '../../src/lib/related.ts';

/** A seeded generator, so the synthetic corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `size` synthetic papers in `clusters` planted groups: each paper's words are drawn mostly from a
 * shared vocabulary with a Zipf-like skew (the common words of a field), a fifth from its group's
 * own ten words; its topics are its group's topic and one at random.
 */
function syntheticCorpus(
  size: number,
  clusters: number,
  seed = 7,
): { docs: RelatedDocument[]; cluster: Map<string, number> } {
  const next = random(seed);
  const vocabulary = Array.from({ length: 5000 }, (_, index) => `word${index.toString(36)}q`);
  const common = () =>
    vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(next() * Math.log(vocabulary.length))))]!;
  const cluster = new Map<string, number>();
  const docs = Array.from({ length: size }, (_, index) => {
    const group = Math.floor(next() * clusters);
    const words = (count: number) =>
      Array.from({ length: count }, () =>
        next() < 0.2 ? `group${group}term${Math.floor(next() * 10)}` : common(),
      ).join(' ');
    const id = `p${String(index).padStart(5, '0')}`;
    cluster.set(id, group);
    return { id, title: words(8), text: words(150), topics: [`topic${group % 20}`, `topic${Math.floor(next() * 20)}`] };
  });
  return { docs, cluster };
}

/** No pruning at all: every term generates candidates, every candidate is scored exactly. */
const EXACT = { queryTerms: Infinity, postingLimit: Infinity, rescore: Infinity };

describe('tokenize', () => {
  it('lowercases, folds accents, drops stop words, numbers, math and one-letter words, and stems plurals', () => {
    expect(tokenize('The Kolmogorov–Arnold Networks of Gödel: $O(n^2)$ in 2024, a b GPT-4 studies')).toEqual([
      'kolmogorov',
      'arnold',
      'network',
      'godel',
      'gpt',
      'study',
    ]);
  });
});

describe('related papers', () => {
  const kan = (id: string, title: string, text: string): RelatedDocument => ({
    id,
    title,
    text,
    topics: ['kolmogorov-arnold-networks'],
  });
  const small: RelatedDocument[] = [
    kan('kan-1', 'Kolmogorov-Arnold Networks', 'Learnable activation functions on edges instead of nodes, splines.'),
    kan(
      'kan-2',
      'Kolmogorov-Arnold Transformer',
      'Replacing MLP layers in transformers with KAN layers and rational functions.',
    ),
    kan('kan-3', 'AF-KAN: Activation Function-Based KANs', 'Kolmogorov-Arnold networks with activation functions.'),
    {
      id: 'llm',
      title: 'In-Context Learning of Language Models',
      text: 'Transformers learn from prompts.',
      topics: ['icl'],
    },
    { id: 'cv', title: 'Vision MLPs', text: 'MLP architectures for image classification.', topics: ['vision-mlps'] },
    { id: 'alone', title: 'Unrelated', text: 'Entirely disjoint vocabulary here.', topics: ['misc'] },
  ];

  it('ranks the papers that share the most distinctive words first, never the paper itself', () => {
    const related = relatedPapers(small);
    for (const id of ['kan-1', 'kan-2', 'kan-3']) {
      const others = related.get(id)!.map((paper) => paper.id);
      expect(others.slice(0, 2).sort()).toEqual(['kan-1', 'kan-2', 'kan-3'].filter((other) => other !== id));
      expect(others).not.toContain(id);
    }
    expect(related.get('alone')).toEqual([]);
  });

  it('gives scores between 0 and 1, best first, and at most `count` papers', () => {
    const related = relatedPapers(small, { count: 2 });
    for (const list of related.values()) {
      expect(list.length).toBeLessThanOrEqual(2);
      for (const { score } of list) {
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThanOrEqual(1 + 1e-9);
      }
      expect(list.map((paper) => paper.score)).toEqual([...list.map((paper) => paper.score)].sort((a, b) => b - a));
    }
  });

  it('breaks ties by id', () => {
    const twins = ['b', 'c', 'a'].map((id) => ({ id, title: 'same words here', text: '', topics: [] }));
    const related = relatedPapers([...twins, { id: 'd', title: 'other', text: '', topics: [] }]);
    expect(related.get('b')!.map((paper) => paper.id)).toEqual(['a', 'c']);
    expect(related.get('a')!.map((paper) => paper.id)).toEqual(['b', 'c']);
  });

  it('on 2,000 synthetic papers: deterministic, finds the planted groups, and prunes almost nothing that matters', () => {
    const { docs, cluster } = syntheticCorpus(2000, 20, 0.05);
    const related = relatedPapers(docs);
    expect(related.size).toBe(2000);

    // The same answer whatever the input order.
    const shuffled = [...docs].sort((a, b) => (a.title < b.title ? -1 : 1));
    expect(relatedPapers(shuffled)).toEqual(related);

    // Related papers come from the paper's own planted group.
    let sameGroup = 0;
    let total = 0;
    for (const [id, list] of related) {
      expect(list).toHaveLength(5);
      for (const other of list) {
        total++;
        if (cluster.get(other.id) === cluster.get(id)) sameGroup++;
      }
    }
    expect(sameGroup / total).toBeGreaterThan(0.95);

    // Candidate pruning loses (almost) nothing against exact all-candidates scoring, and every
    // score it reports is the exact cosine.
    const exact = relatedPapers(docs, EXACT);
    let kept = 0;
    let sameFirst = 0;
    for (const [id, list] of related) {
      const reference = exact.get(id)!;
      const exactScores = new Map(reference.map((paper) => [paper.id, paper.score]));
      kept += list.filter((paper) => exactScores.has(paper.id)).length;
      if (list[0]?.id === reference[0]?.id) sameFirst++;
      for (const paper of list) {
        if (exactScores.has(paper.id)) expect(paper.score).toBeCloseTo(exactScores.get(paper.id)!, 12);
      }
    }
    expect(kept / total).toBeGreaterThan(0.95);
    expect(sameFirst / related.size).toBeGreaterThan(0.97);
  });
});
