/**
 * Where the reader types: form fields, editable text, and what other scripts' widgets announce as
 * a text box (`role=textbox`, a searchbox, a combobox, which takes letters to find an option).
 */
const TYPED_INTO =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="searchbox"], [role="combobox"]';

/** True when a key goes into something the reader is typing in: single-letter keys leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  let element = target instanceof Element ? target : null;
  // A key typed in a component's field (an open shadow root: an extension's, an embedded widget's)
  // reaches the page's listeners with the component as its target: look at the field inside.
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.closest(TYPED_INTO) !== null;
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
