import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether pdflatex and bibtex are installed (CI installs them; see .ci/run). */
export const hasTex = ['pdflatex', 'bibtex'].every((tool) => spawnSync(tool, ['-version']).status === 0);

/** Citing documents: numbered with URLs (hyperref), alpha labels, abbreviated first names, author-year without the url package. */
export const CITING_DOCUMENTS = {
  plainurl: '\\usepackage{url}\n\\usepackage{hyperref}',
  alpha: '\\usepackage{url}',
  abbrv: '\\usepackage{url}',
  plainnat: '\\usepackage{natbib}',
} as const;

/**
 * Compiles a `.bib` as a citing document does (pdflatex, bibtex, pdflatex twice, no shell escape)
 * in a fresh folder, which is removed after. Returns each run's status, the log, and the files
 * left, so a test can see that nothing but LaTeX's own files was written.
 */
export function compileBib(bib: string, style: keyof typeof CITING_DOCUMENTS) {
  const folder = mkdtempSync(join(tmpdir(), 'bib-'));
  try {
    const document = [
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
    writeFileSync(join(folder, 'main.tex'), document);
    writeFileSync(join(folder, 'refs.bib'), bib);
    const run = (tool: string, args: string[]) => {
      const result = spawnSync(tool, args, {
        cwd: folder,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { tool, status: result.status, output: `${result.stdout}${result.stderr}`.slice(-3000) };
    };
    const latex = () => run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'main.tex']);
    const runs = [latex(), run('bibtex', ['main']), latex(), latex()];
    return { runs, log: readFileSync(join(folder, 'main.log'), 'utf8'), files: readdirSync(folder).sort() };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
