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
      if (status) {
        status.textContent = copied ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.';
        clearTimeout(reset);
        reset = setTimeout(() => (status.textContent = ''), 4000);
      }
    };
    button.addEventListener('click', () => void copyAndTell());
  }
}

initCopyButtons();
