import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Whether pdflatex and bibtex are installed (CI installs them; see .ci/run). */
export const hasTex = ['pdflatex', 'bibtex'].every((tool) => spawnSync(tool, ['-version']).status === 0);

/** Citing documents: numbered with URLs (hyperref), alpha labels, abbreviated first names, author-year without the url package. */
export const CITING_DOCUMENTS = {
  plainurl: '\\usepackage{url}\n\\usepackage{hyperref}',
  alpha: '\\usepackage{url}',
  abbrv: '\\usepackage{url}',
  plainnat: '\\usepackage{natbib}',
} as const;

/** A citing document of `style`: it cites every entry of `refs.bib` (`\\nocite{*}`). */
function citingDocument(style: keyof typeof CITING_DOCUMENTS): string {
  return [
    '\\documentclass{article}',
    '\\usepackage{amsmath,amssymb}',
    CITING_DOCUMENTS[style],
    '\\begin{document}',
    '\\nocite{*}',
    `\\bibliographystyle{${style}}`,
    '\\bibliography{refs}',
    '\\end{document}',
    '',
  ].join('\n');
}

/**
 * Compiles `document` (main.tex) with `bib` (refs.bib) as a citing reader does (pdflatex, bibtex,
 * pdflatex twice, no shell escape) in a fresh folder, which is removed after. Returns each run's
 * status and the end of its output, the files left (so a test can see that nothing but LaTeX's own
 * files was written), the log, and BibTeX's .bbl and .blg ('' when not written).
 */
export function compileDocument(document: string, bib: string) {
  const folder = mkdtempSync(join(tmpdir(), 'bib-'));
  try {
    writeFileSync(join(folder, 'main.tex'), document);
    writeFileSync(join(folder, 'refs.bib'), bib);
    const run = (tool: string, args: string[]) => {
      const result = spawnSync(tool, args, {
        cwd: folder,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      return { tool, status: result.status, output: `${result.stdout}${result.stderr}`.slice(-3000) };
    };
    const latex = () => run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'main.tex']);
    const runs = [latex(), run('bibtex', ['main']), latex(), latex()];
    const read = (file: string) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : '');
    return {
      runs,
      files: readdirSync(folder).sort(),
      log: read('main.log'),
      bbl: read('main.bbl'),
      blg: read('main.blg'),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The warnings of a compilation: BibTeX's (its .blg's `Warning--` lines) and LaTeX's and its
 * packages' (the log's `Warning:` lines, with the lines they continue on).
 */
export function compileWarnings({ blg, log }: ReturnType<typeof compileDocument>): string[] {
  const bibtexWarnings = blg.split('\n').filter((line) => line.startsWith('Warning--'));
  const latexWarnings = [...log.matchAll(/^.*Warning: .*(?:\n\(\w+\) .*)*/gm)].map(([warning]) => warning);
  return [...bibtexWarnings, ...latexWarnings];
}

/** compileDocument with a citing document of `style`. */
export function compileBib(bib: string, style: keyof typeof CITING_DOCUMENTS) {
  return compileDocument(citingDocument(style), bib);
}

/**
 * That a compilation succeeded: pdflatex exited 0 each time, bibtex at most 1 (it exits 1 when it
 * only warns, a venue without a year say; 2 and up are errors), and the log has no TeX error.
 */
export function expectCompiled({ runs, blg, log }: ReturnType<typeof compileDocument>): void {
  for (const run of runs) {
    expect(run.status, `${run.tool}\n${run.output}\n${blg}`).toBeLessThanOrEqual(run.tool === 'bibtex' ? 1 : 0);
  }
  expect(log).not.toMatch(/^! /m);
}
