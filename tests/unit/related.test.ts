import { describe, expect, it } from 'vitest';
import { relatedPapers, tokenize, type Related, type RelatedDocument } from '../../src/lib/related.ts';
import { relatedDocuments } from '../helpers/seed-documents.ts';
import { seededRandom as random } from '../../src/bench/random.ts';

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
    // Three unrelated papers, so that the twins' words are in no more than half the papers.
    const others = ['d', 'e', 'f'].map((id) => ({ id, title: `other ${id}${id}`, text: '', topics: [] }));
    const related = relatedPapers([...twins, ...others]);
    expect(related.get('b')!.map((paper) => paper.id)).toEqual(['a', 'c']);
    expect(related.get('a')!.map((paper) => paper.id)).toEqual(['b', 'c']);
  });

  it('links no papers through a term of more than half the papers', () => {
    const paper = (id: string, text: string) => ({ id, title: id, text, topics: [] });
    const related = relatedPapers([
      paper('a', 'network splines'),
      paper('b', 'network splines'),
      paper('c', 'network'),
      paper('d', 'network'),
      paper('e', 'other'),
      paper('f', 'words'),
    ]);
    expect(related.get('a')!.map((other) => other.id)).toEqual(['b']);
    expect(related.get('c')).toEqual([]);
    expect(related.get('d')).toEqual([]);
  });

  it('keeps only a paper’s `maxTerms` strongest terms', () => {
    const paper = (id: string, text: string) => ({ id, title: id, text, topics: [] });
    // `rare` is in two papers, `common` in three: for x, rare weighs more.
    const docs = [
      paper('x', 'rare common'),
      paper('y', 'rare'),
      paper('z', 'common'),
      paper('w', 'common'),
      paper('v', 'filler'),
      paper('u', 'words'),
    ];
    expect(
      relatedPapers(docs)
        .get('x')!
        .map((other) => other.id),
    ).toEqual(['y', 'w', 'z']);
    expect(
      relatedPapers(docs, { maxTerms: 1 })
        .get('x')!
        .map((other) => other.id),
    ).toEqual(['y']);
  });

  it('gives a paper the same scores when it says its title and abstract again', async () => {
    const seed = await relatedDocuments();
    const scores = relatedPapers(seed);
    for (const [index, paper] of seed.entries()) {
      const repeated = {
        ...paper,
        title: `${paper.title} ${paper.title}`,
        text: `${paper.text} ${paper.text} ${paper.text}`,
      };
      expect(relatedPapers(seed.with(index, repeated)), paper.id).toEqual(scores);
    }
  });

  it('puts a paper stuffed with every common term of the seed in at most 2 × count lists', async () => {
    const seed = await relatedDocuments();
    const papersWith = new Map<string, number>();
    for (const paper of seed) {
      for (const term of new Set(tokenize(`${paper.title} ${paper.text}`)))
        papersWith.set(term, (papersWith.get(term) ?? 0) + 1);
    }
    const common = [...papersWith].filter(([, papers]) => papers >= 2).map(([term]) => term);
    const topicCounts = Map.groupBy(
      seed.flatMap((paper) => paper.topics),
      (topic) => topic,
    );
    const stuffed: RelatedDocument = {
      id: 'stuffed',
      title: common.slice(0, 40).join(' '),
      text: Array.from({ length: 20 }, () => common.join(' ')).join('\n'),
      // As many topics as a paper may have: the seed's most frequent.
      topics: [...topicCounts.keys()]
        .sort((a, b) => topicCounts.get(b)!.length - topicCounts.get(a)!.length)
        .slice(0, 8),
    };
    expect(common.length).toBeGreaterThan(500);

    for (const count of [5, 3]) {
      const related = relatedPapers([...seed, stuffed], { count });
      const listsWithStuffed = [...related.values()].filter((list) => list.some((other) => other.id === 'stuffed'));
      expect(listsWithStuffed.length).toBeGreaterThan(0);
      expect(listsWithStuffed.length).toBeLessThanOrEqual(2 * count);
      // The other papers keep full lists.
      for (const paper of seed) expect(related.get(paper.id), paper.id).toHaveLength(count);
    }
  });

  it('caps how many lists a paper is in, the most similar pairs winning the places', () => {
    const { docs } = syntheticCorpus(300, 10, 11);
    const options = { ...EXACT, candidates: Infinity, count: 5, maxInbound: 5 };
    const related = relatedPapers(docs, options);
    const similarities = relatedPapers(docs, { ...options, count: Infinity, maxInbound: Infinity });

    const inbound = new Map<string, Related[]>(docs.map((paper) => [paper.id, []]));
    for (const [id, list] of related) for (const { id: other, score } of list) inbound.get(other)!.push({ id, score });
    const lowest = (list: Related[]) => Math.min(...list.map((paper) => paper.score));
    expect(Math.max(...[...inbound.values()].map((list) => list.length))).toBe(5);

    // A pair left out is never more similar than the pairs that fill the places it would take.
    let leftOut = 0;
    for (const [id, list] of related) {
      const taken = new Set(list.map((paper) => paper.id));
      for (const { id: other, score } of similarities.get(id)!) {
        if (taken.has(other)) continue;
        leftOut++;
        const listFull = list.length === 5 && lowest(list) >= score;
        const otherFull = inbound.get(other)!.length === 5 && lowest(inbound.get(other)!) >= score;
        expect(listFull || otherFull, `${id} → ${other}`).toBe(true);
      }
    }
    expect(leftOut).toBeGreaterThan(0);
  });

  it('relates the seed’s papers on one subject to each other', async () => {
    const seed = await relatedDocuments();
    const related = relatedPapers(seed);
    const withTopic = (topic: string) => seed.filter((paper) => paper.topics.includes(topic)).map((paper) => paper.id);
    // Groups of papers that, read side by side, are about one subject, and how many others of its
    // group each paper should find: two in the larger groups, one in the pairs, and one among the
    // linear-sequence-model papers (linear attention that mimics softmax and state tracking in
    // linear RNNs share the subject, not much vocabulary).
    const groups: [subject: string, ids: string[], atLeast: number][] = [
      ['in-context learning', withTopic('in-context-learning'), 2],
      ['Kolmogorov–Arnold networks', withTopic('kolmogorov-arnold-networks'), 2],
      ['all-MLP vision models', withTopic('vision-mlps'), 2],
      ['linear attention and linear RNNs', ['2312.06635', '2402.04347', '2411.12537'], 1],
      ['verifying networks, bounding Lipschitz constants', withTopic('network-verification'), 1],
      ['Hebbian learning', ['2308.04106', '2402.11984'], 1],
      ['binary neural networks', ['2312.08937', '2404.01278'], 1],
      ['click-through rate prediction', ['1706.06978', '2304.00902'], 1],
    ];
    for (const [subject, ids, atLeast] of groups) {
      const members = new Set(ids);
      expect(members.size, subject).toBeGreaterThan(atLeast);
      for (const id of members) {
        const found = related.get(id)!.filter((other) => members.has(other.id)).length;
        expect(found, `${id} (${subject})`).toBeGreaterThanOrEqual(atLeast);
      }
    }
  });

  it('on 2,000 synthetic papers: deterministic, finds the planted groups, and prunes almost nothing that matters', () => {
    const { docs, cluster } = syntheticCorpus(2000, 20, 5);
    const related = relatedPapers(docs);
    expect(related.size).toBe(2000);

    // The same answer whatever the input order.
    const shuffled = [...docs].sort((a, b) => (a.title < b.title ? -1 : 1));
    expect(relatedPapers(shuffled)).toEqual(related);

    // No paper is in more than 2 × 5 lists.
    const inbound = new Map<string, number>();
    for (const list of related.values())
      for (const other of list) inbound.set(other.id, (inbound.get(other.id) ?? 0) + 1);
    expect(Math.max(...inbound.values())).toBeLessThanOrEqual(10);

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
