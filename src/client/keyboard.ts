/**
 * Keyboard reading on list pages: `j`/`k` select the next/previous paper card
 * (`[data-paper-card]`), `o` or `Enter` opens the selected one, `s` saves or unsaves it (its
 * Save toggle, src/client/reading-list.ts). On list and paper pages `?` shows or hides the help
 * dialog, which lists the keys that work on that page (on a paper page `s` and `/`, whose
 * handlers are reading-list.ts's and search.ts's). Keys typed into a form field, and keys with
 * Ctrl, Alt or Meta, are left alone, as is `/` (search). While the help is open (modal: the page
 * behind it is inert) only `?`, Escape and its Close button work; every other script's key waits.
 * Progressive enhancement: the page works without it, and the help, which only matters when
 * scripts run, is built here.
 */
import { isTyping, modalOpen } from './typing.ts';

const CARD = '[data-paper-card]';
const CURRENT = 'data-keyboard-current';

/** A line of the help: its keys, what they do, and whether they work right now (else not listed). */
interface HelpRow {
  keys: string[];
  action: string;
  works?: () => boolean;
}

/** `s` works where a Save toggle shows: the reading list's script unhides them once this browser can keep the list. */
const saveWorks = () => Boolean(document.querySelector('button[data-save-toggle]:not([hidden])'));

const LIST_KEYS: HelpRow[] = [
  { keys: ['j'], action: 'Next paper' },
  { keys: ['k'], action: 'Previous paper' },
  { keys: ['o', 'Enter'], action: 'Open the selected paper' },
  { keys: ['s'], action: 'Save or unsave the selected paper', works: saveWorks },
  { keys: ['/'], action: 'Search' },
  { keys: ['?'], action: 'Show or hide these keys' },
];

const PAPER_KEYS: HelpRow[] = [
  { keys: ['s'], action: 'Save or unsave this paper', works: saveWorks },
  { keys: ['/'], action: 'Search' },
  { keys: ['?'], action: 'Show or hide these keys' },
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** The help dialog listing `rows` (appended to the page, closed), and the function that opens or closes it. */
function keyboardHelp(rows: HelpRow[]): { dialog: HTMLDialogElement; toggle: () => void } {
  const dialog = element('dialog', 'keyboard-help');
  dialog.dataset.keyboardHelp = '';
  dialog.setAttribute('aria-labelledby', 'keyboard-help-title');
  const title = element('h2', undefined, 'Keyboard shortcuts');
  title.id = 'keyboard-help-title';
  const list = element('dl', 'keyboard-keys');
  const lines = rows.map((row) => {
    const keys = element('dt');
    row.keys.forEach((key, index) => keys.append(index > 0 ? ' or ' : '', element('kbd', undefined, key)));
    const line = element('div');
    line.append(keys, element('dd', undefined, row.action));
    return line;
  });
  list.append(...lines);
  const close = element('button', 'keyboard-help-close', 'Close');
  close.type = 'button';
  close.dataset.keyboardHelpClose = '';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, list, close);
  document.body.append(dialog);

  let opener: HTMLElement | null = null;
  // Back to where the reader was, whether the dialog closed with the button, `?` or Escape. The
  // close event comes a task later: a key pressed meanwhile (`/` to search) may have moved focus
  // already, and it stays there.
  dialog.addEventListener('close', () => {
    const focus = document.activeElement;
    if (!focus || focus === document.body || dialog.contains(focus)) opener?.focus({ preventScroll: true });
  });
  const toggle = () => {
    if (dialog.open) {
      dialog.close();
      return;
    }
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    rows.forEach((row, index) => (lines[index]!.hidden = row.works ? !row.works() : false));
    dialog.showModal();
  };
  return { dialog, toggle };
}

/**
 * The button that opens the help, as KeyboardHelp.astro writes it on list pages, made here for a
 * paper page and put right after `control` (its Save toggle), beside the page's other controls:
 * a reader meets it there, in reading and in tab order, not at the end of the page after the
 * neighbour links. With no such control, at the end of the page's content.
 */
function makeHint(control: Element | null): HTMLElement {
  const hint = element('span', 'keyboard-hint');
  hint.dataset.keyboardHint = '';
  const button = element('button', 'keyboard-hint-button', 'Keyboard shortcuts ');
  button.type = 'button';
  button.dataset.keyboardHelpOpen = '';
  button.setAttribute('aria-haspopup', 'dialog');
  button.append(element('kbd', undefined, '?'));
  hint.append(button);
  if (control) control.after(hint);
  else (document.querySelector('main') ?? document.body).append(hint);
  return hint;
}

/** The link that opens a card's paper: the one in its title, else the first. */
function paperLink(card: HTMLElement): HTMLAnchorElement | null {
  return card.querySelector<HTMLAnchorElement>('h2 a[href], h3 a[href], h4 a[href]') ?? card.querySelector('a[href]');
}

/** Whether a key event is the reader's to this script: not typed with a modifier, nor already handled. */
const plainKey = (event: KeyboardEvent) =>
  !(event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing);

export function initKeyboard(): void {
  const cards = [...document.querySelectorAll<HTMLElement>(CARD)];
  const paperPage = document.querySelector('button[data-save-toggle][data-save-page]');
  if ((cards.length === 0 && !paperPage) || document.documentElement.dataset.keyboardReady) return;
  document.documentElement.dataset.keyboardReady = 'true';

  const { dialog, toggle: toggleHelp } = keyboardHelp(cards.length > 0 ? LIST_KEYS : PAPER_KEYS);
  const hint = document.querySelector<HTMLElement>('[data-keyboard-hint]') ?? makeHint(paperPage);
  hint.hidden = false;
  document.querySelector('[data-keyboard-help-open]')?.addEventListener('click', toggleHelp);

  if (cards.length === 0) {
    // A paper page: `s` and `/` are other scripts' keys; `?` is this one's.
    document.addEventListener('keydown', (event) => {
      if (event.key !== '?' || !plainKey(event) || (!dialog.open && isTyping(event.target))) return;
      event.preventDefault();
      toggleHelp();
    });
    return;
  }

  let current = -1;
  const select = (index: number) => {
    const next = Math.max(0, Math.min(cards.length - 1, index));
    cards[current]?.removeAttribute(CURRENT);
    current = next;
    const card = cards[current]!;
    card.setAttribute(CURRENT, '');
    if (!card.hasAttribute('tabindex')) card.tabIndex = -1;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  };
  /** The card the reader is on: the one holding focus (they may have tabbed), else the last selected. */
  const position = () => {
    const focused = cards.findIndex((card) => card.contains(document.activeElement));
    return focused >= 0 ? focused : current;
  };

  document.addEventListener('keydown', (event) => {
    if (!plainKey(event)) return;
    if (modalOpen()) {
      if (event.key === '?' && dialog.open) {
        event.preventDefault();
        toggleHelp();
      }
      return;
    }
    if (isTyping(event.target)) return;
    const at = position();
    switch (event.key) {
      case 'j':
        select(at + 1);
        break;
      case 'k':
        select(at < 0 ? 0 : at - 1);
        break;
      case 'o':
        if (at < 0) return;
        paperLink(cards[at]!)?.click();
        break;
      case 'Enter':
        // Only on the card itself: Enter on a link or button inside it does what it always does.
        if (at < 0 || document.activeElement !== cards[at]) return;
        paperLink(cards[at])?.click();
        break;
      case 's': {
        // A hidden toggle means the reading list cannot work here (no storage): nothing to press.
        const toggle = at < 0 ? null : cards[at]!.querySelector<HTMLButtonElement>('button[data-save-toggle]');
        if (!toggle || toggle.hidden) return;
        toggle.click();
        break;
      }
      case '?':
        toggleHelp();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}

initKeyboard();
