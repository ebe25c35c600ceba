import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/lib/text.ts';

describe('truncate', () => {
  it('keeps short text', () => {
    expect(truncate('  a  short\ntext ', 50)).toBe('a short text');
  });
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(truncate('one two three four five six', 15)).toBe('one two three…');
  });
  it('never exceeds the limit', () => {
    const result = truncate('x'.repeat(500), 100);
    expect(result.length).toBeLessThanOrEqual(100);
    expect(result.endsWith('…')).toBe(true);
  });
});
