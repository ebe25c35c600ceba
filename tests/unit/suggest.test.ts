import { describe, expect, it } from 'vitest';
import { closeMatches, didYouMean } from '../../src/lib/suggest.ts';

const topics = ['optimization', 'vision-mlps', 'in-context-learning', 'interpretability'];

describe('closeMatches', () => {
  it('finds typos and prefixes', () => {
    expect(closeMatches('optimizaton', topics)).toEqual(['optimization']);
    expect(closeMatches('vision', topics)).toEqual(['vision-mlps']);
  });
  it('suggests nothing for unrelated input', () => {
    expect(closeMatches('quantum-chemistry', topics)).toEqual([]);
    expect(didYouMean('quantum-chemistry', topics)).toBe('');
  });
  it('phrases a suggestion', () => {
    expect(didYouMean('titel', ['title', 'tags'])).toBe(' Did you mean "title"?');
  });
});
