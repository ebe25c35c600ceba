/**
 * The search box's debounce (src/client/search.ts), apart from the page so that a test can run it.
 * One search runs several Pagefind searches, some after others (a question's readings, a citation
 * key as typed); a newer keystroke supersedes it, so that only the query the reader stopped at is
 * searched and shown.
 */
export type TypingPaused = (ms: number) => Promise<boolean>;

/**
 * A debounce, `typingPaused(ms)`: waits `ms` after a keystroke's search begins; true when no newer
 * keystroke came meanwhile. `typingPaused(0)` is a later step of the search under way: it waits
 * for nothing and claims no keystroke of its own, only saying whether a newer keystroke has come
 * since that search's wait ended. (Were it a keystroke of its own, it would supersede a newer one
 * still waiting, whose search would then stop and never be shown.)
 */
export function typingPauses(): TypingPaused {
  let keystrokes = 0;
  // The keystroke whose search is running: the last whose wait ended with no newer one.
  let searching = 0;
  return async (ms) => {
    if (ms === 0) return keystrokes === searching;
    const mine = ++keystrokes;
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (mine !== keystrokes) return false;
    searching = mine;
    return true;
  };
}
