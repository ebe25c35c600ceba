/**
 * "Related papers": for every paper, the few most similar others by TF-IDF cosine over title
 * (weighted up), abstract and topics. Built to stay cheap for a large digest: vectors are sparse,
 * candidates come from an inverted index (each paper's highest-weight terms, each term's
 * highest-weight papers), and only a short list of candidates is scored exactly. No step compares
 * all pairs. The result is deterministic: it depends on the papers, not on their input order, and
 * ties are broken by id.
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
  /** How many times a title word counts (3). */
  titleWeight?: number;
  /** How many times a topic counts (2). */
  topicWeight?: number;
  /** How many of a paper's highest-weight terms generate its candidates (24). */
  queryTerms?: number;
  /** How many papers each term contributes as candidates, highest weight first (250). */
  postingLimit?: number;
  /** How many candidates (by partial score) are scored exactly (100). */
  rescore?: number;
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

/** Cosine of two normalized vectors, one spread out by term id; summed in term order, so symmetric. */
function dot(query: Float64Array, vector: Vector): number {
  let sum = 0;
  for (let index = 0; index < vector.terms.length; index++)
    sum += query[vector.terms[index]!]! * vector.weights[index]!;
  return sum;
}

/**
 * The `count` most similar papers of every paper, by id. A paper with nothing in common with any
 * other (no shared term) gets fewer, possibly none.
 */
export function relatedPapers(
  documents: readonly RelatedDocument[],
  options: RelatedOptions = {},
): Map<string, Related[]> {
  const { count = 5, titleWeight = 3, topicWeight = 2, queryTerms = 24, postingLimit = 250, rescore = 100 } = options;
  const docs = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = docs.length;

  // Term frequencies, weighted by field; term ids in order of first appearance (deterministic).
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const scratch: number[] = []; // the current paper's frequencies, by term id
  const frequencies = docs.map((doc) => {
    const ids: number[] = [];
    const add = (term: string, weight: number) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        df.push(0);
        scratch.push(0);
      }
      if (scratch[id] === 0) ids.push(id);
      scratch[id]! += weight;
    };
    for (const term of tokenize(doc.title)) add(term, titleWeight);
    for (const term of tokenize(doc.text)) add(term, 1);
    // `#` cannot come out of tokenize, so a topic never merges with a word.
    for (const topic of doc.topics) add(`#${topic}`, topicWeight);
    const terms = Int32Array.from(ids).sort();
    const counts = Float64Array.from(terms, (id) => scratch[id]!);
    for (const id of terms) {
      df[id]!++;
      scratch[id] = 0;
    }
    return { terms, counts };
  });

  // Sublinear TF × IDF, L2-normalized over all terms. A term of one paper cannot link two papers
  // and a term of every paper has no weight: neither is kept in the vector.
  const idf = Float64Array.from(df, (frequency) => Math.log(n / frequency));
  const vectors: Vector[] = frequencies.map(({ terms, counts }) => {
    const raw = counts.map((count, index) => (1 + Math.log(count)) * idf[terms[index]!]!);
    const norm = Math.sqrt(raw.reduce((sum, weight) => sum + weight * weight, 0));
    const keep = (index: number) => df[terms[index]!]! > 1 && raw[index]! > 0;
    const kept = Array.from(terms.keys()).filter(keep);
    return {
      terms: Int32Array.from(kept, (index) => terms[index]!),
      weights: Float64Array.from(kept, (index) => raw[index]! / norm),
    };
  });

  // Inverted index in flat arrays: the papers of term t are at start[t] … start[t + 1] (paper order).
  const start = new Int32Array(termIds.size + 1);
  for (const vector of vectors) for (const term of vector.terms) start[term + 1]!++;
  for (let term = 0; term < termIds.size; term++) start[term + 1]! += start[term]!;
  const postingDoc = new Int32Array(start[termIds.size]!);
  const postingWeight = new Float64Array(start[termIds.size]!);
  const fill = start.slice(0, termIds.size);
  vectors.forEach((vector, doc) => {
    vector.terms.forEach((term, index) => {
      const at = fill[term]!++;
      postingDoc[at] = doc;
      postingWeight[at] = vector.weights[index]!;
    });
  });
  // A long list is cut to its `postingLimit` strongest papers (at equal weight, the first papers).
  const end = start.slice(1);
  for (let term = 0; term < termIds.size; term++) {
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

  const partial = new Float64Array(n);
  // The current paper's vector, spread out by term id, for exact scores against its candidates.
  const query = new Float64Array(termIds.size);
  const touched: number[] = [];
  const result = new Map<string, Related[]>();

  docs.forEach((doc, self) => {
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
      .map((candidate) => ({ id: docs[candidate]!.id, score: dot(query, vectors[candidate]!) }))
      .filter((related) => related.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const term of vector.terms) query[term] = 0;
    result.set(doc.id, scored.slice(0, count));
  });
  return result;
}
