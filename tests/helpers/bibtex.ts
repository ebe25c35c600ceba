import { parse, type Entry } from '@retorquere/bibtex-parser';
import { expect } from 'vitest';

/** The entries of a .bib text, read as a reference manager would; any parse error fails the test. */
export function parseBib(source: string, label?: string): Entry[] {
  const library = parse(source, { sentenceCase: false, caseProtection: false });
  expect(library.errors, label ?? source).toEqual([]);
  return library.entries;
}

/** Braces must balance everywhere, escaped or not: BibTeX counts every one. */
export function bracesBalance(source: string): boolean {
  let depth = 0;
  for (const char of source) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
