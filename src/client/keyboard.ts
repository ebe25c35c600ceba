/**
 * Keyboard reading on list pages: `j`/`k` select the next/previous paper card
 * (`[data-paper-card]`), `o` or `Enter` opens the selected one, `s` saves or unsaves it (its
 * Save toggle, src/client/reading-list.ts), `?` shows or hides the help
 * dialog (`dialog[data-keyboard-help]`). Keys typed into a form field, and keys with Ctrl, Alt or
 * Meta, are left alone, as is `/` (search). Progressive enhancement: the page works without it.
 */
import { isTyping } from './typing.ts';

const CARD = '[data-paper-card]';
const CURRENT = 'data-keyboard-current';

/** The link that opens a card's paper: the one in its title, else the first. */
function paperLink(card: HTMLElement): HTMLAnchorElement | null {
  return card.querySelector<HTMLAnchorElement>('h2 a[href], h3 a[href], h4 a[href]') ?? card.querySelector('a[href]');
}

export function initKeyboard(): void {
  const cards = [...document.querySelectorAll<HTMLElement>(CARD)];
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-keyboard-help]');
  if (cards.length === 0 || document.documentElement.dataset.keyboardReady) return;
  document.documentElement.dataset.keyboardReady = 'true';

  const hint = document.querySelector<HTMLElement>('[data-keyboard-hint]');
  if (hint && dialog) hint.hidden = false;
  let opener: HTMLElement | null = null;
  const toggleHelp = () => {
    if (!dialog) return;
    if (dialog.open) {
      dialog.close();
    } else {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // `s` is listed only where it works: where the Save toggles show (the reading list's script
      // unhides them once this browser can keep the list).
      const saveKey = dialog.querySelector<HTMLElement>('[data-keyboard-save-key]');
      if (saveKey) saveKey.hidden = !document.querySelector('button[data-save-toggle]:not([hidden])');
      dialog.showModal();
    }
  };
  document.querySelector('[data-keyboard-help-open]')?.addEventListener('click', toggleHelp);
  dialog?.querySelector('[data-keyboard-help-close]')?.addEventListener('click', () => dialog.close());
  // Back to where the reader was, whether the dialog closed with the button, `?` or Escape.
  dialog?.addEventListener('close', () => opener?.focus({ preventScroll: true }));

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
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (dialog?.open) {
      if (event.key === '?') {
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
