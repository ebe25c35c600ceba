import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { terminalText } from '../../src/lib/encode/terminal.ts';
import { parseBib } from '../helpers/bibtex.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { HOSTILE_BYTES_7, HOSTILE_KINDS_7 } from '../helpers/hostile-kinds-7.ts';
import { distProblems } from '../helpers/output-consumers.ts';

/**
 * The seventh pass's hostile kinds (tests/helpers/hostile-kinds-7.ts: line ends, BOMs, encodings,
 * hidden code points, injections for TeX, BibTeX, RIS and JSON-LD, terminal escapes, YAML
 * scalars, look-alike ids) as one content folder: `npm run check`'s run refuses each it must,
 * naming file, line and field, in lines a terminal shows as text; the rest build into a site every
 * consumer reads as safe data, where a reference manager reads the BibTeX breaker's title back
 * as written and a paper with CR or mixed line ends reads as one with LF.
 */
describe('hostile kinds, seventh pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'kinds7-')));
    const papers = join(projectRoot, content, 'papers', '2025');
    await mkdir(papers, { recursive: true });
    await writeFile(join(projectRoot, content, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const kind of HOSTILE_KINDS_7) await writeFile(join(papers, `${kind.id}.mdx`), kind.file);
    for (const kind of HOSTILE_BYTES_7) await writeFile(join(papers, `${kind.id}.mdx`), kind.bytes);

    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${content}/papers`,
      topicsFile: `${content}/topics.yaml`,
    });
    const of = (id: string) => problems.filter((problem) => problem.file === `${content}/papers/2025/${id}.mdx`);
    for (const kind of HOSTILE_KINDS_7) {
      const found = of(kind.id);
      if (kind.refused === undefined) expect(found.map(formatProblem), kind.id).toEqual([]);
      else
        expect(
          found.map((problem) => problem.field),
          kind.id,
        ).toContain(kind.refused);
    }
    for (const kind of HOSTILE_BYTES_7) {
      expect(
        of(kind.id).map((problem) => [problem.field, problem.line]),
        kind.id,
      ).toEqual([['file', kind.line]]);
    }
    // What the check prints is text to a terminal: no escape, C1 control or line separator survives.
    for (const problem of problems) {
      expect(formatProblem(problem)).toBe(terminalText(formatProblem(problem)));
      expect(formatProblem(problem)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
    }

    // The accepted ones alone, as a site.
    const accepted = join(projectRoot, content, 'accepted');
    await mkdir(join(accepted, 'papers', '2025'), { recursive: true });
    await writeFile(join(accepted, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    const kept = HOSTILE_KINDS_7.filter((each) => each.refused === undefined);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const kind of kept) await writeFile(join(accepted, 'papers', '2025', `${kind.id}.mdx`), kind.file);
    const built = await buildFixture(relative(projectRoot, accepted));
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    expect(distProblems(built.outDir)).toEqual([]);

    const bibOf = (id: string) => {
      const [entry] = parseBib(readFileSync(join(built.outDir, 'papers', `${id}.bib`), 'utf8'), id);
      return entry!;
    };
    // A reference manager reads the title back as written: the braces closed no field early.
    const breaker = bibOf('bibtex-breaker-title');
    expect(breaker.fields.title).toBe('Networks}, note={pwned');
    expect(breaker.fields.note).toBeUndefined();
    // CR alone and CRLF beside LF are line ends: the papers read as the one with LF does.
    for (const id of ['line-ends-cr', 'line-ends-mixed']) {
      expect(bibOf(id).fields.title, id).toBe('A hostile paper');
      expect(bibOf(id).fields.author, id).toEqual([expect.objectContaining({ lastName: 'Lovelace' })]);
    }
    // A title folded by YAML is one line in the .bib (an RIS or APA export starts no record in it).
    expect(bibOf('ris-folded-title').fields.title).toBe('Networks TY - JOUR');
  }, 900_000);
});
