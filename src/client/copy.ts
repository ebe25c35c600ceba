/**
 * Copy buttons: `<button data-copy-target="ID" hidden>` copies the text of the element with that
 * id. The button stays hidden where this script does not run, and says so in a nearby
 * `[role=status]` element. No inline script or handler: the page's CSP can forbid both.
 */
async function copyText(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (insecure context, or permission refused): select the text instead.
    const selection = window.getSelection();
    if (!selection) return false;
    const range = document.createRange();
    range.selectNodeContents(source);
    selection.removeAllRanges();
    selection.addRange(range);
    return false;
  }
}

/** Whether the page's selection is now in `source`, and not empty (copyText selects it on a refusal). */
function selected(source: HTMLElement): boolean {
  const selection = window.getSelection();
  return Boolean(selection && !selection.isCollapsed && selection.anchorNode && source.contains(selection.anchorNode));
}

export function initCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const source = document.getElementById(button.dataset.copyTarget ?? '');
    if (!source || button.dataset.copyReady) continue;
    button.dataset.copyReady = 'true';
    button.hidden = false;
    const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
    let reset: ReturnType<typeof setTimeout> | undefined;
    // The listener itself is synchronous: a promise handed to addEventListener is never awaited.
    const copyAndTell = async () => {
      const copied = await copyText(source.textContent ?? '', source);
      if (!status) return;
      clearTimeout(reset);
      if (copied) {
        status.textContent = 'Copied to the clipboard.';
        reset = setTimeout(() => (status.textContent = ''), 4000);
        return;
      }
      // What failed, and what the reader can do: a refusal stays until the next press.
      status.textContent =
        'Could not copy: this browser did not allow it. ' +
        (selected(source) ? 'The text is selected: press Ctrl+C (⌘C) to copy it.' : 'Select the text to copy it.');
    };
    button.addEventListener('click', () => void copyAndTell());
  }
}

initCopyButtons();
