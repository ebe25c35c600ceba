/**
 * The reading list: paper ids kept in this browser's localStorage, newest saved first, and the
 * Save toggles (`<button data-save-toggle="<id>" data-save-title aria-pressed hidden>`) on cards and
 * paper pages.
 *
 * - Storage is untrusted: another script, an old version or the reader may have written anything
 *   there. It is read through parseStoredList (paper ids only, once each; at most
 *   READING_LIST_LIMIT shown, any beyond kept, not dropped), and read again before every change,
 *   so tabs never overwrite each other's saves; the `storage` event keeps other open tabs'
 *   toggles in step, and `pageshow` a page restored by Back from the back-forward cache.
 * - Where localStorage is unavailable (private modes, storage disabled: it throws) the toggles stay
 *   hidden, as they do without JavaScript: no button that cannot keep what it promises.
 * - The list is kept per site base path, so two digests on one origin (GitHub Pages project sites)
 *   keep separate lists. The base path comes from the footer link's `data-reading-list-base`.
 * - `s` on a paper page saves or unsaves that paper (on list pages keyboard.ts handles `s`).
 * No inline script or handler: the page's CSP forbids both.
 */
import { isPaperId } from '../content/paper-id.ts';
import { quotedTitle } from '../lib/distinct-names.ts';
import { idsToAdd, parseStoredList, READING_LIST_LIMIT, type StoredList } from '../lib/reading-list.ts';
import { isTyping, modalOpen } from './typing.ts';

export interface ReadingList {
  /** The saved ids, newest saved first: those /saved/ shows, and any stored beyond the limit. */
  stored(): StoredList;
  /** Whether `id` is saved, shown or beyond the limit. */
  has(id: string): boolean;
  /** Saves `ids` (in that order, before the ones already saved). */
  add(ids: readonly string[]): AddResult;
  /** Unsaves `id`; false when the browser refused to store the change. */
  remove(id: string): boolean;
  /** Calls `listener` when another tab changes the list, or a page comes back from the back-forward cache. */
  onChange(listener: () => void): void;
}

/** What `add` did: the ids stored, those left out by the list's limit, and whether storing failed. */
export interface AddResult {
  added: string[];
  overLimit: string[];
  /** The browser refused to store the list (storage full, or revoked): nothing was added. */
  refused: boolean;
}

const KEY_PREFIX = 'paper-digest:reading-list:';

/** The site's base path, as the layout publishes it. */
export function siteBase(): string | undefined {
  return document.querySelector<HTMLElement>('[data-reading-list-base]')?.dataset.readingListBase;
}

/** The reader's list, or undefined when this browser will not keep one. */
export function openReadingList(base = siteBase()): ReadingList | undefined {
  if (base === undefined) return undefined;
  const key = KEY_PREFIX + base;
  let storage: Storage;
  try {
    storage = window.localStorage;
    // Some browsers hand out a storage that throws on every write (quota 0): try one.
    storage.setItem(`${key}:probe`, '');
    storage.removeItem(`${key}:probe`);
  } catch {
    return undefined;
  }
  const read = (): StoredList => {
    try {
      return parseStoredList(storage.getItem(key));
    } catch {
      return { ids: [], beyondLimit: [] };
    }
  };
  /** Every stored id: a change writes back those beyond the limit too, never dropping them unseen. */
  const readAll = (): string[] => {
    const { ids, beyondLimit } = read();
    return [...ids, ...beyondLimit];
  };
  /** False when the browser refused (storage full, or revoked since the probe). */
  const write = (ids: readonly string[]): boolean => {
    try {
      storage.setItem(key, JSON.stringify(ids));
      return true;
    } catch {
      return false;
    }
  };
  return {
    stored: read,
    has: (id) => readAll().includes(id),
    add: (ids) => {
      const saved = readAll();
      const { fitting, overLimit } = idsToAdd(saved, ids);
      if (fitting.length === 0) return { added: [], overLimit, refused: false };
      const stored = write([...fitting, ...saved]);
      return { added: stored ? fitting : [], overLimit, refused: !stored };
    },
    remove: (id) => {
      const saved = readAll();
      return !saved.includes(id) || write(saved.filter((other) => other !== id));
    },
    onChange: (listener) => {
      window.addEventListener('storage', (event) => {
        if (event.key === key || event.key === null) listener();
      });
      // A page the reader comes Back to from the back-forward cache was frozen, not closed: it
      // missed the storage events of its time away (a Save on the paper's page), so look again.
      window.addEventListener('pageshow', (event) => {
        if (event.persisted) listener();
      });
    },
  };
}

/**
 * A polite live region that tells screen readers what a Save or Remove did (with `s`, focus is on
 * the card, not on the button). Screen readers watch a live region only once it is in the page, so
 * it is added when the toggles start, empty, not with its first message.
 */
let statusRegion: HTMLElement | undefined;
export function prepareAnnouncements(): HTMLElement {
  if (!statusRegion) {
    statusRegion = document.createElement('p');
    statusRegion.className = 'visually-hidden';
    statusRegion.setAttribute('role', 'status');
    statusRegion.dataset.readingListStatus = '';
    document.body.append(statusRegion);
  }
  return statusRegion;
}
export function announce(message: string): void {
  prepareAnnouncements().textContent = message;
}

/** What saving one paper did, said to the reader; `name` is its quoted title (quotedTitle). */
export function addedMessage(name: string, result: AddResult): string {
  if (result.added.length > 0) return `Saved ${name} to your reading list.`;
  if (result.refused)
    return `${name} was not saved: this browser refused to store the reading list (its storage may be full).`;
  if (result.overLimit.length > 0) {
    return `${name} was not saved: your reading list is full (${READING_LIST_LIMIT.toLocaleString('en')} papers). Remove some on the Saved page first.`;
  }
  return `${name} is in your reading list.`;
}

export function initSaveToggles(): void {
  const toggles = [...document.querySelectorAll<HTMLButtonElement>('button[data-save-toggle]')].filter(
    (toggle) => !toggle.dataset.saveReady && isPaperId(toggle.dataset.saveToggle ?? ''),
  );
  if (toggles.length === 0) return;
  const list = openReadingList();
  if (!list) return;
  prepareAnnouncements();

  const show = () => {
    const { ids, beyondLimit } = list.stored();
    const saved = new Set([...ids, ...beyondLimit]);
    for (const toggle of toggles) toggle.setAttribute('aria-pressed', String(saved.has(toggle.dataset.saveToggle!)));
  };
  for (const toggle of toggles) {
    toggle.dataset.saveReady = 'true';
    const id = toggle.dataset.saveToggle!;
    // Its name says what it does and to which paper (fifty "Save" buttons would say neither), and
    // where two papers of the page share a title, what tells them apart (data-save-detail).
    const name = quotedTitle(toggle.dataset.saveTitle ?? id, toggle.dataset.saveDetail);
    toggle.setAttribute('aria-label', `Save ${name} to your reading list`);
    toggle.addEventListener('click', () => {
      // Each message names its paper: two papers saved in a row are two announcements, not one
      // sentence repeated, which screen readers may not read again.
      if (!list.has(id)) announce(addedMessage(name, list.add([id])));
      else if (list.remove(id)) announce(`Removed ${name} from your reading list.`);
      else announce(`${name} is still saved: this browser refused to store the change.`);
      show();
    });
    toggle.hidden = false;
  }
  show();
  list.onChange(show);

  // A paper page: `s` is this paper's toggle. (List pages: keyboard.ts, for the selected card.)
  const pageToggle = toggles.find((toggle) => toggle.hasAttribute('data-save-page'));
  if (pageToggle && !document.querySelector('[data-paper-card]')) {
    document.addEventListener('keydown', (event) => {
      if (event.key !== 's' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.isComposing || isTyping(event.target) || modalOpen()) return;
      event.preventDefault();
      pageToggle.click();
    });
  }
}

initSaveToggles();
