/**
 * mulberry32: a small, fast, seeded generator of numbers in [0, 1), so a synthetic corpus or a set
 * of hostile test strings is the same on every run. Used by the benchmark and by tests.
 */
export function seededRandom(seed: number): () => number {
  // Math.imul truncates: a fractional or negative seed would silently be another seed.
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new RangeError(`seed ${seed} is not a uint32`);
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
