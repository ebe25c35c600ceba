/**
 * Combining marks one character may carry. Real writing stacks few (Vietnamese two, pointed
 * Hebrew three or four); a pile of them ("Zalgo" text) is drawn up and down across the lines
 * around it, on the page, in feed readers, in the author list and in a terminal's messages, and
 * LaTeX cannot set it. A module of its own: the content check refuses more (characters.ts), and
 * a quoted value is cut before more (shortened.ts, which the browser also runs).
 */
export const MAX_COMBINING_MARKS = 4;
