/**
 * "Related papers": for every paper, the few most similar others by TF-IDF cosine over title
 * (weighted up), abstract and topics. Built to stay cheap for a large digest: vectors are sparse,
 * candidates come from an inverted index (each paper's highest-weight terms, each term's
 * highest-weight papers), and only a short list of candidates is scored exactly. No step compares
 * all pairs, and memory stays linear in papers × (terms per paper + candidates per paper). The
 * result is deterministic: it depends on the papers, not on their input order, and ties are broken
 * by id.
 *
 * Papers come from strangers, so similarity cannot be bought (issue 13):
 * - repetition and length buy nothing: a word counts once in the title, and in the abstract by its
 *   mentions relative to the abstract's least-mentioned word, at most `maxRepeats` (so the same
 *   abstract said twice is the same abstract); weights are sublinear, vectors L2-normalized over
 *   all of a paper's terms (many terms make each one weaker), and a paper keeps at most `maxTerms`;
 * - a term in more than half the papers says nothing about any pair, and has no weight;
 * - a paper appears in the lists of at most `maxInbound` others. Pairs are taken most similar
 *   first over the whole digest, so a paper made similar to everyone (every common word of the
 *   field) gets at most `maxInbound` places, and the lists it is kept out of take their next best.
 */

export interface RelatedDocument {
  id: string;
  title: string;
  /** Plain text of the abstract; `$…$` math is ignored. */
  text: string;
  /** Topic slugs: each is one extra term. */
  topics: readonly string[];
}

export interface RelatedOptions {
  /** How many related papers per paper (5). */
  count?: number;
  /** In how many papers' lists one paper may appear at most (twice `count`). */
  maxInbound?: number;
  /** What a title word weighs, against 1 for a word of the abstract (3). */
  titleWeight?: number;
  /** What a topic weighs (2). */
  topicWeight?: number;
  /** How many mentions of a word in the abstract count at most, relative to its least-mentioned word (4). */
  maxRepeats?: number;
  /** How many terms a paper keeps, its highest-weight ones (200; an abstract has about 100). */
  maxTerms?: number;
  /** How many of a paper's highest-weight terms generate its candidates (24). */
  queryTerms?: number;
  /** How many papers each term contributes as candidates, highest weight first (250). */
  postingLimit?: number;
  /** How many candidates (by partial score) are scored exactly (100). */
  rescore?: number;
  /** How many of a paper's best-scored candidates compete for places in its list (six times `count`). */
  candidates?: number;
}

export interface Related {
  id: string;
  /** Cosine similarity, 0–1. */
  score: number;
}

const STOP_WORDS = new Set(
  (
    'a about above after again against all also although am among an and any are as at be because been before ' +
    'being below between both but by can could did do does doing done down during each either else even ever ' +
    'every few for from further had has have having he her here hers herself him himself his how however i if in ' +
    'into is it its itself just less let like made make makes many may me might more most much must my neither ' +
    'no nor not now of off often on once only or other others otherwise our ours ourselves out over own per ' +
    'rather same she should show shows shown since so some such than that the their theirs them themselves then ' +
    'there therefore these they this those though through thus to too toward towards under until up upon us use ' +
    'used uses using very via was we well were what when where whether which while who whom whose why will with ' +
    'within without would yet you your yours paper propose proposed approach method methods results result new ' +
    'based work study'
  ).split(' '),
);

/** A light stemmer: plurals only (`networks` → `network`, `studies` → `study`), never below 3 letters. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|as)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lowercase ASCII-folded word stems, without math, numbers, one-letter words and stop words. */
export function tokenize(text: string): string[] {
  const plain = text.replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, ' ');
  // Most text is ASCII already and needs no folding.
  const folded = /^[\x00-\x7f]*$/.test(plain) ? plain : plain.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !STOP_WORDS.has(word))
    .map(stem);
}

interface Vector {
  /** Term ids, ascending. */
  terms: Int32Array;
  /** L2-normalized weights, aligned with `terms`. */
  weights: Float64Array;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every distinct term of a field, with one weight. */
const present = (terms: Iterable<string>, weight: number) => new Map([...terms].map((term) => [term, weight]));

/**
 * How often each term of an abstract is mentioned, relative to its least-mentioned term and at most
 * `maxRepeats`: so saying the whole abstract twice changes nothing, and saying a word again and
 * again counts no more than a real abstract's key word.
 */
function mentions(terms: readonly string[], maxRepeats: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const fewest = Math.min(...counts.values());
  for (const [term, count] of counts) counts.set(term, Math.min(count / fewest, maxRepeats));
  return counts;
}

/**
 * Each paper's terms with the sum of their weights in its fields (title, abstract, topics), and
 * each term's document frequency. Term ids are in order of first appearance over papers in id
 * order, so they do not depend on the input order.
 */
function fieldWeights(
  docs: readonly RelatedDocument[],
  { titleWeight, topicWeight, maxRepeats }: { titleWeight: number; topicWeight: number; maxRepeats: number },
): { frequencies: { terms: Int32Array; fields: Float64Array }[]; df: number[] } {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const scratch: number[] = []; // the current paper's weights, by term id
  const frequencies = docs.map((doc) => {
    const ids: number[] = [];
    const addField = (weights: Map<string, number>) => {
      for (const [term, weight] of weights) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          df.push(0);
          scratch.push(0);
        }
        if (scratch[id] === 0) ids.push(id);
        scratch[id]! += weight;
      }
    };
    addField(present(tokenize(doc.title), titleWeight));
    addField(mentions(tokenize(doc.text), maxRepeats));
    // `#` cannot come out of tokenize, so a topic never merges with a word.
    addField(
      present(
        doc.topics.map((topic) => `#${topic}`),
        topicWeight,
      ),
    );
    const terms = Int32Array.from(ids).sort();
    const fields = Float64Array.from(terms, (id) => scratch[id]!);
    for (const id of terms) {
      df[id]!++;
      scratch[id] = 0;
    }
    return { terms, fields };
  });
  return { frequencies, df };
}

/**
 * Sublinear field weight × IDF, L2-normalized over all the paper's terms (so that a paper with many
 * terms has weaker ones), then cut to what can link papers: not a term of one paper, nor a term of
 * more than half the papers (it tells none apart), and at most the paper's `maxTerms` strongest
 * terms (ties by term id), which bounds the cost of a long abstract.
 */
function weightedVectors(
  frequencies: readonly { terms: Int32Array; fields: Float64Array }[],
  df: readonly number[],
  maxTerms: number,
): Vector[] {
  const n = frequencies.length;
  const idf = Float64Array.from(df, (frequency) => Math.log(n / frequency));
  const links = (term: number) => df[term]! > 1 && 2 * df[term]! <= n;
  return frequencies.map(({ terms, fields }) => {
    const raw = fields.map((weight, index) => (1 + Math.log(weight)) * idf[terms[index]!]!);
    const norm = Math.sqrt(raw.reduce((sum, weight) => sum + weight * weight, 0));
    let kept = Array.from(terms.keys()).filter((index) => links(terms[index]!) && raw[index]! > 0);
    if (kept.length > maxTerms) {
      kept = kept
        .sort((a, b) => raw[b]! - raw[a]! || terms[a]! - terms[b]!)
        .slice(0, maxTerms)
        .sort((a, b) => a - b);
    }
    return {
      terms: Int32Array.from(kept, (index) => terms[index]!),
      weights: Float64Array.from(kept, (index) => raw[index]! / norm),
    };
  });
}

interface InvertedIndex {
  /** The papers of term t are at start[t] … end[t] (paper order), each with its weight for t. */
  start: Int32Array;
  end: Int32Array;
  postingDoc: Int32Array;
  postingWeight: Float64Array;
}

/** Inverted index in flat arrays; a long list is cut to its `postingLimit` strongest papers (at equal weight, the first papers). */
function invertedIndex(vectors: readonly Vector[], termCount: number, postingLimit: number): InvertedIndex {
  const start = new Int32Array(termCount + 1);
  for (const vector of vectors) for (const term of vector.terms) start[term + 1]!++;
  for (let term = 0; term < termCount; term++) start[term + 1]! += start[term]!;
  const postingDoc = new Int32Array(start[termCount]!);
  const postingWeight = new Float64Array(start[termCount]!);
  const fill = start.slice(0, termCount);
  vectors.forEach((vector, doc) => {
    vector.terms.forEach((term, index) => {
      const at = fill[term]!++;
      postingDoc[at] = doc;
      postingWeight[at] = vector.weights[index]!;
    });
  });
  const end = start.slice(1);
  for (let term = 0; term < termCount; term++) {
    const from = start[term]!;
    if (end[term]! - from <= postingLimit) continue;
    const weights = postingWeight.slice(from, end[term]!);
    const threshold = weights.sort()[weights.length - postingLimit]!;
    let kept = from;
    let ties = postingLimit - weights.filter((weight) => weight > threshold).length;
    for (let at = from; at < end[term]!; at++) {
      const weight = postingWeight[at]!;
      if (weight > threshold || (weight === threshold && ties-- > 0)) {
        postingDoc[kept] = postingDoc[at]!;
        postingWeight[kept++] = weight;
      }
    }
    end[term] = kept;
  }
  return { start, end, postingDoc, postingWeight };
}

/** Cosine of two normalized vectors, one spread out by term id; summed in term order, so symmetric. */
function dot(query: Float64Array, vector: Vector): number {
  let sum = 0;
  for (let index = 0; index < vector.terms.length; index++)
    sum += query[vector.terms[index]!]! * vector.weights[index]!;
  return sum;
}

/** Candidate pairs in flat arrays: pair p links paper `from[p]` to paper `to[p]` with `score[p]`. */
interface Pairs {
  from: Int32Array;
  to: Int32Array;
  score: Float64Array;
  length: number;
}

/**
 * Scores a paper's candidates: they are collected through the index from the paper's `queryTerms`
 * strongest terms, and the `rescore` best by partial score are scored exactly. Returns the
 * candidates best first (ties by paper order), at most `limit`.
 */
function candidateScorer(
  vectors: readonly Vector[],
  { start, end, postingDoc, postingWeight }: InvertedIndex,
  termCount: number,
  { queryTerms, rescore }: { queryTerms: number; rescore: number },
): (self: number, limit: number) => { candidate: number; score: number }[] {
  const partial = new Float64Array(vectors.length);
  // The current paper's vector, spread out by term id, for exact scores against its candidates.
  const query = new Float64Array(termCount);
  const touched: number[] = [];

  return (self, limit) => {
    const vector = vectors[self]!;
    // This paper's strongest terms (ties by term id) collect candidates with a partial score.
    const order = Array.from(vector.terms.keys()).sort(
      (a, b) => vector.weights[b]! - vector.weights[a]! || vector.terms[a]! - vector.terms[b]!,
    );
    for (const index of order.slice(0, queryTerms)) {
      const weight = vector.weights[index]!;
      const term = vector.terms[index]!;
      for (let at = start[term]!; at < end[term]!; at++) {
        const other = postingDoc[at]!;
        if (other === self) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other]! += weight * postingWeight[at]!;
      }
    }

    // Keep the best `rescore` candidates by partial score (a small sorted list), then score exactly.
    const best: number[] = [];
    const better = (a: number, b: number) => partial[a]! > partial[b]! || (partial[a] === partial[b] && a < b);
    for (const candidate of touched) {
      if (best.length === rescore && !better(candidate, best[best.length - 1]!)) continue;
      let low = 0;
      let high = best.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (better(best[middle]!, candidate)) low = middle + 1;
        else high = middle;
      }
      best.splice(low, 0, candidate);
      if (best.length > rescore) best.pop();
    }
    for (const candidate of touched) partial[candidate] = 0;
    touched.length = 0;

    vector.terms.forEach((term, index) => (query[term] = vector.weights[index]!));
    const scored = best
      .map((candidate) => ({ candidate, score: dot(query, vectors[candidate]!) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.candidate - b.candidate)
      .slice(0, limit);
    for (const term of vector.terms) query[term] = 0;
    return scored;
  };
}

/** The candidates of `papers` from the `skip`-th best of each to the `limit`-th, as pairs. */
function candidatePairs(
  scoreCandidates: ReturnType<typeof candidateScorer>,
  papers: readonly number[],
  { skip, limit, others }: { skip: number; limit: number; others: number },
): Pairs {
  const capacity = papers.length * Math.max(0, Math.min(limit, others) - skip);
  const pairs: Pairs = {
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    score: new Float64Array(capacity),
    length: 0,
  };
  for (const self of papers) {
    for (const { candidate, score } of scoreCandidates(self, limit).slice(skip)) {
      pairs.from[pairs.length] = self;
      pairs.to[pairs.length] = candidate;
      pairs.score[pairs.length++] = score;
    }
  }
  return pairs;
}

/**
 * Adds pairs to the lists, most similar first (at equal score, by the ids of the pair), skipping a
 * pair whose list is full or whose related paper already appears in `maxInbound` lists.
 */
function assignWithCap(
  pairs: Pairs,
  lists: { to: number; score: number }[][],
  inbound: Int32Array,
  { count, maxInbound }: { count: number; maxInbound: number },
): void {
  const { from, to, score } = pairs;
  const order = new Uint32Array(pairs.length).map((_, index) => index);
  order.sort((a, b) => score[b]! - score[a]! || from[a]! - from[b]! || to[a]! - to[b]!);
  for (const pair of order) {
    const list = lists[from[pair]!]!;
    if (list.length >= count || inbound[to[pair]!]! >= maxInbound) continue;
    list.push({ to: to[pair]!, score: score[pair]! });
    inbound[to[pair]!]!++;
  }
}

/**
 * The `count` most similar papers of every paper, by id. Each paper's `candidates` best compete
 * first; a paper whose list is still short then competes with the rest of its exactly scored
 * candidates for the places left. A paper with nothing in common with any other (no shared term),
 * or whose similar papers are all in `maxInbound` lists already, gets fewer, possibly none.
 */
export function relatedPapers(
  documents: readonly RelatedDocument[],
  options: RelatedOptions = {},
): Map<string, Related[]> {
  const {
    count = 5,
    maxInbound = 2 * count,
    titleWeight = 3,
    topicWeight = 2,
    maxRepeats = 4,
    maxTerms = 200,
    queryTerms = 24,
    postingLimit = 250,
    rescore = 100,
    candidates = 6 * count,
  } = options;
  const docs = [...documents].sort(byId);
  const n = docs.length;
  const { frequencies, df } = fieldWeights(docs, { titleWeight, topicWeight, maxRepeats });
  const vectors = weightedVectors(frequencies, df, maxTerms);
  const index = invertedIndex(vectors, df.length, postingLimit);
  const scoreCandidates = candidateScorer(vectors, index, df.length, { queryTerms, rescore });

  const lists: { to: number; score: number }[][] = Array.from({ length: n }, () => []);
  const inbound = new Int32Array(n);
  const all = Array.from(docs.keys());
  const first = candidatePairs(scoreCandidates, all, { skip: 0, limit: candidates, others: n - 1 });
  assignWithCap(first, lists, inbound, { count, maxInbound });
  const short = all.filter((self) => lists[self]!.length < count);
  const rest = candidatePairs(scoreCandidates, short, { skip: candidates, limit: rescore, others: n - 1 });
  assignWithCap(rest, lists, inbound, { count, maxInbound });

  return new Map(
    docs.map((doc, self) => [
      doc.id,
      lists[self]!.sort((a, b) => b.score - a.score || a.to - b.to).map(({ to, score }) => ({
        id: docs[to]!.id,
        score,
      })),
    ]),
  );
}
