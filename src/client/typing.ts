/** True when a key goes into something the reader is typing in: single-letter keys leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/**
 * True while a modal dialog (the keyboard help) is open: the page behind it is inert, so the
 * page's own keys (`/`, `s`, `j`, …) must do nothing until it closes; only the dialog's keys work.
 */
export function modalOpen(): boolean {
  return [...document.querySelectorAll('dialog[open]')].some((dialog) => {
    try {
      return dialog.matches(':modal');
    } catch {
      // A browser that does not know :modal (before 2022): the site opens its dialog only modally.
      return true;
    }
  });
}
