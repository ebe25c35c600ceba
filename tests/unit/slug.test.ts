import { describe, expect, it } from 'vitest';
import { isSlug, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it.each([
    ['GPT-4', 'gpt-4'],
    ['3D', '3d'],
    ['E2E', 'e2e'],
    ['In-Context Learning', 'in-context-learning'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['Kolmogorov–Arnold Networks', 'kolmogorov-arnold-networks'],
    ['  Vision Transformers (ViT)  ', 'vision-transformers-vit'],
    ['Ελληνικά', 'ellinika'],
    ['注意力机制', '注意力机制'],
  ])('%s → %s', (label, expected) => {
    expect(slugify(label)).toBe(expected);
  });

  it('recognises slug form', () => {
    expect(isSlug('in-context-learning')).toBe(true);
    expect(isSlug('In-Context')).toBe(false);
    expect(isSlug('a--b')).toBe(false);
    expect(isSlug('-a')).toBe(false);
  });
});
