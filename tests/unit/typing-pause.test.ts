import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Keystroke, typingPauses } from '../../src/lib/typing-pause.ts';

// Fake timers: the waits are stepped by the test, never timed.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A later step of a keystroke's search: its `paused()`, its timers run should it wait on one. */
async function laterStep(keystroke: Keystroke): Promise<boolean> {
  const answer = keystroke.paused();
  await vi.advanceTimersByTimeAsync(0);
  return answer;
}

describe('typingPauses', () => {
  it('searches only the last of keystrokes typed within the wait', async () => {
    const typingPaused = typingPauses();
    const first = typingPaused(200).paused();
    await vi.advanceTimersByTimeAsync(100);
    const second = typingPaused(200).paused();
    await vi.advanceTimersByTimeAsync(200);
    expect([await first, await second]).toEqual([false, true]);
  });

  it('lets the later steps of the search under way go on, with no wait of their own, while no newer keystroke came', async () => {
    const typingPaused = typingPauses();
    const keystroke = typingPaused(200);
    const wait = keystroke.paused();
    await vi.advanceTimersByTimeAsync(200);
    expect(await wait).toBe(true);
    expect([await laterStep(keystroke), await laterStep(keystroke), await laterStep(keystroke)]).toEqual([
      true,
      true,
      true,
    ]);
  });

  // A question that finds nothing is searched again in up to six readings, one after the other,
  // each a step of its search; the reader types on meanwhile.
  it.each([1, 3, 6])(
    'stops a search whose %i later steps come while a newer keystroke waits, and searches that keystroke',
    async (steps) => {
      const typingPaused = typingPauses();
      const older = typingPaused(200);
      const olderWait = older.paused();
      await vi.advanceTimersByTimeAsync(200);
      expect(await olderWait).toBe(true);
      const newer = typingPaused(200);
      const newerWait = newer.paused();
      for (let step = 0; step < steps; step++) {
        expect(await laterStep(older)).toBe(false);
        await vi.advanceTimersByTimeAsync(20);
      }
      await vi.advanceTimersByTimeAsync(200);
      expect(await newerWait).toBe(true);
      // Then the newer search's own later steps go on.
      expect(await laterStep(newer)).toBe(true);
    },
  );

  // Superseded after the newer keystroke's wait ended (the older was still on a long step): its
  // later steps (a question's readings, a key as typed, an OR's sides) must ask for nothing more.
  it.each([1, 3, 6])('stops an older search whose %i later steps come once the newer one runs', async (steps) => {
    const typingPaused = typingPauses();
    const older = typingPaused(200);
    const olderWait = older.paused();
    await vi.advanceTimersByTimeAsync(200);
    expect(await olderWait).toBe(true);
    const newer = typingPaused(200);
    const newerWait = newer.paused();
    await vi.advanceTimersByTimeAsync(200);
    expect(await newerWait).toBe(true);
    for (let step = 0; step < steps; step++) {
      expect(await laterStep(older)).toBe(false);
      expect(await laterStep(newer)).toBe(true);
    }
  });
});
