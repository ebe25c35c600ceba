/**
 * What every page loads of the search: this, under 1 KB, and the `/` key. The search code itself
 * (search.ts, about 40 KB: the header box's preview, the query reading) loads when a reader may
 * search: when they point at or focus the header box (`/` focuses it), or come back to a box that
 * already holds words. The search page imports search.ts itself.
 */
import { isTyping, modalOpen } from './typing.ts';

let loading: Promise<unknown> | undefined;
const loadSearch = () => (loading ??= import('./search.ts'));

/** Loads the search code, then searches the words typed while it loaded, as if typed after. */
async function searchFrom(input: HTMLInputElement): Promise<void> {
  await loadSearch();
  if (input.value.trim()) input.dispatchEvent(new Event('input'));
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) {
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  if (!input) continue;
  // A pointer over the box, a touch or a focus: the code is usually there before the first key.
  for (const type of ['pointerenter', 'focusin'] as const) {
    form.addEventListener(type, () => void searchFrom(input), { once: true });
  }
  // Back to a page whose box the browser refilled: search what it holds, as before leaving.
  if (input.value.trim()) void searchFrom(input);
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
