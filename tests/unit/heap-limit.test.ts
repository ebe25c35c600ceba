import { describe, expect, it } from 'vitest';
import { HEAP_MB_PER_PAPER, LEAST_HEAP_MB, heapLimitMB, withHeapLimit } from '../../src/build/heap-limit.ts';

// Node's own limit on this machine (v8.getHeapStatistics().heap_size_limit, Node 22, 24 GB): a
// corpus's limit must pass it where the corpus needs more, and stay under it where that is garbage.
const NODE_DEFAULT_MB = 4144;

describe('heapLimitMB', () => {
  it('gives small digests the least limit, and grows with the corpus past it', () => {
    expect(heapLimitMB(0)).toBe(LEAST_HEAP_MB);
    expect(heapLimitMB(55)).toBe(LEAST_HEAP_MB);
    expect(heapLimitMB(20_000)).toBe(2000);
    expect(heapLimitMB(100_000)).toBe(10_000);
    for (const papers of [1, 9_999, 10_241, 33_333, 250_001]) {
      expect(heapLimitMB(papers)).toBeGreaterThanOrEqual(heapLimitMB(papers - 1));
      expect(heapLimitMB(papers)).toBeGreaterThanOrEqual(papers * HEAP_MB_PER_PAPER);
      expect(Number.isInteger(heapLimitMB(papers))).toBe(true);
    }
  });

  it('leaves twice the live sets measured (441 MB at 10,000 papers, 657 MB at 30,000)', () => {
    expect(heapLimitMB(10_000)).toBeGreaterThanOrEqual(2 * 441);
    expect(heapLimitMB(30_000)).toBeGreaterThanOrEqual(2 * 657);
  });

  it("is under Node's default at 10,000 papers (where the default held 2.5 GB) and over it at 100,000 (where it is too small)", () => {
    expect(heapLimitMB(10_000)).toBeLessThan(NODE_DEFAULT_MB / 2);
    expect(heapLimitMB(100_000)).toBeGreaterThan(NODE_DEFAULT_MB * 2);
  });
});

describe('withHeapLimit', () => {
  it('adds the limit to what NODE_OPTIONS holds', () => {
    expect(withHeapLimit(undefined, 1024)).toBe('--max-old-space-size=1024');
    expect(withHeapLimit('', 1024)).toBe('--max-old-space-size=1024');
    expect(withHeapLimit('  ', 2000)).toBe('--max-old-space-size=2000');
    expect(withHeapLimit('--enable-source-maps', 1024)).toBe('--enable-source-maps --max-old-space-size=1024');
    // A flag that only starts like the heap flag is another flag.
    expect(withHeapLimit('--max-old-space-size-percentage=50', 1024)).toBe(
      '--max-old-space-size-percentage=50 --max-old-space-size=1024',
    );
  });

  it('keeps a limit set already, in any spelling Node reads', () => {
    for (const options of [
      '--max-old-space-size=16384',
      '--max_old_space_size=16384',
      '--enable-source-maps --max-old-space-size=512',
      '--max-old-space-size 512',
      '--max-old-space-size',
    ]) {
      expect(withHeapLimit(options, 1024)).toBe(options);
    }
  });
});
