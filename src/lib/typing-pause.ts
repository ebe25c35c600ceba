/**
 * The search box's debounce (src/client/search.ts), apart from the page so that a test can run it.
 * One search runs several Pagefind searches, some after others (a question's readings, a citation
 * key as typed, an OR's sides); a newer keystroke supersedes it, so that only the query the reader
 * stopped at is searched and shown, and a superseded search asks for nothing more.
 */

/** One keystroke's search, which each of its steps asks whether to go on. */
export interface Keystroke {
  /**
   * The first call waits the debounce; every call is then true while no newer keystroke has come
   * since this one. A step of the search asks before it searches, and stops on false.
   */
  paused(): Promise<boolean>;
}

/** A debounce: `typingPaused(ms)` is a new keystroke's search, which supersedes every older one. */
export type TypingPaused = (ms: number) => Keystroke;

/**
 * Keystrokes of one search box. Each is told apart by its own number, which its search carries
 * through all its steps: an older search's later step is never taken for a newer one's, whether
 * the newer keystroke still waits or its search already runs.
 */
export function typingPauses(): TypingPaused {
  let keystrokes = 0;
  return (ms) => {
    const mine = ++keystrokes;
    let waited: Promise<void> | undefined;
    return {
      async paused() {
        waited ??= new Promise((resolve) => setTimeout(resolve, ms));
        await waited;
        return mine === keystrokes;
      },
    };
  };
}
