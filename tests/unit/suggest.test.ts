import { describe, expect, it } from 'vitest';
import { closeMatches, didYouMean } from '../../src/lib/suggest.ts';

const topics = ['optimization', 'vision-mlps', 'in-context-learning', 'interpretability'];

describe('closeMatches', () => {
  it('finds typos and prefixes', () => {
    expect(closeMatches('optimizaton', topics)).toEqual(['optimization']);
    expect(closeMatches('vision', topics)).toEqual(['vision-mlps']);
  });
  it('finds a topic by a word of its slug, as a contributor writes it, when no slug is near', () => {
    // No edit distance over the whole slug finds these: the word is the part the contributor knows.
    const all = ['mlp-architectures', 'vision-mlps', 'multimodal-llms', 'graph-neural-networks', 'time-series'];
    // Shortest first.
    expect(closeMatches('mlps', all)).toEqual(['vision-mlps', 'mlp-architectures']);
    expect(closeMatches('Mlps', all)).toEqual(['vision-mlps', 'mlp-architectures']);
    expect(closeMatches('llm', all)).toEqual(['multimodal-llms']);
    expect(closeMatches('graph_networks', all)).toEqual(['graph-neural-networks']);
    expect(didYouMean('Networks', all)).toBe(' Did you mean "graph-neural-networks"?');
    // A slug near as a whole (a typo, a prefix) is suggested alone, not with every slug sharing a word.
    expect(closeMatches('mlp-architecture', all)).toEqual(['mlp-architectures']);
    expect(closeMatches('time-series-forecasting', all)).toEqual(['time-series']);
    // Three letters start the long slug, but that is no nearness: `MLP` is a word of two topics.
    expect(closeMatches('MLP', all)).toEqual(['vision-mlps', 'mlp-architectures']);
    // Short words match nothing, and a one-word name (a field) only by prefix or typo.
    expect(closeMatches('of', ['expressivity-and-approximation', 'theory-of-mind'])).toEqual([]);
    expect(closeMatches('publication_date', ['title', 'date', 'published'])).toEqual([]);
  });
  it('reads no topic into a linking word or a short start of a word', () => {
    const all = ['deep-learning-theory', 'android-security', 'formal-verification', 'expressivity-and-approximation'];
    // `the` begins "theory", `and` "android", `for` "formal": three letters begin too many words.
    for (const input of ['the-pile', 'pile-of-the', 'and-more', 'for', 'the', 'and', 'and-or']) {
      expect(closeMatches(input, all), input).toEqual([]);
    }
    // A word of four letters or more still finds the words it begins, and a whole word its topic.
    expect(closeMatches('theor', all)).toEqual(['deep-learning-theory']);
    expect(closeMatches('approximations', all)).toEqual(['expressivity-and-approximation']);
    expect(closeMatches('security_bugs', all)).toEqual(['android-security']);
  });
  it('suggests nothing for unrelated input', () => {
    expect(closeMatches('quantum-chemistry', topics)).toEqual([]);
    expect(didYouMean('quantum-chemistry', topics)).toBe('');
  });
  it('phrases a suggestion', () => {
    expect(didYouMean('titel', ['title', 'tags'])).toBe(' Did you mean "title"?');
  });
});
