/**
 * What every page loads of the search: this, under 1 KB, and the `/` key. The search code itself
 * (search.ts, about 40 KB: the header box's preview, the query reading) loads when a reader may
 * search: when they point at or focus the header box (`/` focuses it). The search page imports
 * search.ts itself.
 */
import { isTyping, modalOpen } from './typing.ts';

let loaded = false;
let loading: Promise<void> | undefined;

/** Loads the search code once; a load that failed (a deploy replaced its file) is tried again on the next action. */
function loadSearch(): Promise<void> {
  loading ??= import('./search.ts').then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Loads the search code, then searches what the reader typed into the box while it loaded. */
async function searchFrom(input: HTMLInputElement): Promise<void> {
  if (loaded) return;
  try {
    await loadSearch();
  } catch {
    return; // Without it the box is a plain form: Enter still opens the search page.
  }
  // Only in the box the reader is in: a box they have left keeps its preview closed.
  if (document.activeElement === input && input.value.trim()) input.dispatchEvent(new Event('input'));
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) {
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  if (!input) continue;
  // A pointer over the box, a touch or a focus: the code is usually there before the first key.
  for (const type of ['pointerenter', 'focusin'] as const) form.addEventListener(type, () => void searchFrom(input));
  // Focused before this script ran (a click while the page loaded): no focusin is coming.
  if (form.contains(document.activeElement)) void searchFrom(input);
}

// `/` focuses the search box (the search page's own, where there is one).
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  // Typed into a field, `/` is a character; behind the open keyboard help, the page is inert.
  if (isTyping(event.target) || modalOpen()) return;
  const input =
    document.querySelector<HTMLInputElement>('[data-search-page] [data-search-input]') ??
    document.querySelector<HTMLInputElement>('[data-search-input]');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
