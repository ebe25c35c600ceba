/**
 * Display formulas on paper, which does not scroll. global.css's print rules break a display
 * formula wider than the page between its parts (KaTeX's `.katex-base` boxes: after a relation or
 * a binary operator), but a part wider than the page (a long fraction, a matrix, a whole
 * `\left( … \right)` group) has nowhere to break, and ran off the paper's edge. So each display
 * formula carries the width of its widest part, in ems of the formula (`--widest-part`), and the
 * print rules set its type just small enough for that part to fit the page's width. In ems, the
 * width is the same whatever the screen's column or type size when it was measured.
 */
export function measureDisplayMath(root: ParentNode = document): void {
  for (const formula of root.querySelectorAll<HTMLElement>('.katex-display > .katex > .katex-html')) {
    const em = parseFloat(getComputedStyle(formula).fontSize);
    if (!(em > 0)) continue;
    let widest = 0;
    for (const part of formula.children) {
      if (part.classList.contains('katex-base')) widest = Math.max(widest, part.getBoundingClientRect().width);
    }
    formula.closest<HTMLElement>('.katex-display')?.style.setProperty('--widest-part', (widest / em).toFixed(3));
  }
}

// Measured with the math fonts loaded (a fallback font's widths are not KaTeX's), and again just
// before printing, in case a font arrived late.
void document.fonts.ready.then(() => measureDisplayMath());
window.addEventListener('beforeprint', () => measureDisplayMath());
