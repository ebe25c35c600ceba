import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingPauses } from '../../src/lib/typing-pause.ts';

// Fake timers: the waits are stepped by the test, never timed.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A later step of a search: typingPaused(0), its timers run should it wait on one. */
async function laterStep(typingPaused: (ms: number) => Promise<boolean>): Promise<boolean> {
  const answer = typingPaused(0);
  await vi.advanceTimersByTimeAsync(0);
  return answer;
}

describe('typingPauses', () => {
  it('searches only the last of keystrokes typed within the wait', async () => {
    const typingPaused = typingPauses();
    const first = typingPaused(200);
    await vi.advanceTimersByTimeAsync(100);
    const second = typingPaused(200);
    await vi.advanceTimersByTimeAsync(200);
    expect([await first, await second]).toEqual([false, true]);
  });

  it('lets a later step of the search under way go on while no newer keystroke came', async () => {
    const typingPaused = typingPauses();
    const wait = typingPaused(200);
    await vi.advanceTimersByTimeAsync(200);
    expect(await wait).toBe(true);
    expect([await laterStep(typingPaused), await laterStep(typingPaused), await laterStep(typingPaused)]).toEqual([
      true,
      true,
      true,
    ]);
  });

  // A question that finds nothing is searched again in up to six readings, one after the other,
  // each a step of its search (typingPaused(0)); the reader types on meanwhile.
  it.each([1, 3, 6])(
    'stops a search whose %i later steps come while a newer keystroke waits, and searches that keystroke',
    async (steps) => {
      const typingPaused = typingPauses();
      const older = typingPaused(200);
      await vi.advanceTimersByTimeAsync(200);
      expect(await older).toBe(true);
      const newer = typingPaused(200);
      for (let step = 0; step < steps; step++) {
        expect(await laterStep(typingPaused)).toBe(false);
        await vi.advanceTimersByTimeAsync(20);
      }
      await vi.advanceTimersByTimeAsync(200);
      expect(await newer).toBe(true);
      // Then the newer search's own later steps go on.
      expect(await laterStep(typingPaused)).toBe(true);
    },
  );

  it('cannot tell the older search’s later step from the newer’s once the newer runs', async () => {
    const typingPaused = typingPauses();
    const older = typingPaused(200);
    await vi.advanceTimersByTimeAsync(200);
    await older;
    const newer = typingPaused(200);
    await vi.advanceTimersByTimeAsync(200);
    expect(await newer).toBe(true);
    // The older search's next step is the newer one's too, as neither tells which it is: both go
    // on, and the page shows only the newer's answer (its generation check in search.ts).
    expect(await laterStep(typingPaused)).toBe(true);
  });
});
