import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem, type ContentProblem } from '../../src/content/problems.ts';
import { terminalText } from '../../src/lib/encode/terminal.ts';
import { buildFixture, buildsDir, projectRoot } from './build.ts';
import type { HostileKind } from './hostile-kinds.ts';
import { distProblems } from './output-consumers.ts';

/** What a pass's test reads further: the check's problems of one file, and the built site. */
export interface KindsChecked {
  /** The check's problems of the paper written as `<id>.mdx`. */
  of: (id: string) => ContentProblem[];
  /** The kinds the check passes, built alone. */
  kept: HostileKind[];
  /** The site they built into. */
  outDir: string;
}

/**
 * A pass of hostile kinds as one content folder, as `npm run check` and the build meet a
 * stranger's papers: the check over the folder refuses each kind it must, naming its field (at its
 * line, when the kind gives one), and passes the rest with no problem; every line it prints is text
 * to a terminal (no escape, C1 control or line separator). Then the kinds it passes, alone, build
 * into a site every consumer reads as safe data (distProblems). `more` are files of the pass's own
 * (bytes, or papers that clash only in a folder), written beside the kinds and checked by the
 * caller through `of`. The one home of what every pass's build test does first.
 */
export async function checkThenBuildKinds(
  name: string,
  kinds: readonly HostileKind[],
  more: readonly { id: string; file: string | Uint8Array }[] = [],
): Promise<KindsChecked> {
  // The builds folder is made by the first build; in a fresh checkout this may run before any.
  await mkdir(buildsDir, { recursive: true });
  const content = relative(projectRoot, await mkdtemp(join(buildsDir, `${name}-`)));
  const topics = readFileSync(join(projectRoot, 'content/topics.yaml'));
  const papers = join(projectRoot, content, 'papers', '2025');
  await mkdir(papers, { recursive: true });
  await writeFile(join(projectRoot, content, 'topics.yaml'), topics);
  for (const { id, file } of [...kinds, ...more]) await writeFile(join(papers, `${id}.mdx`), file);

  const { problems } = await checkContent({
    root: projectRoot,
    papersDir: `${content}/papers`,
    topicsFile: `${content}/topics.yaml`,
  });
  const of = (id: string) => problems.filter((problem) => problem.file === `${content}/papers/2025/${id}.mdx`);
  for (const kind of kinds) {
    const found = of(kind.id);
    if (kind.refused === undefined) {
      expect(found.map(formatProblem), kind.id).toEqual([]);
      continue;
    }
    const named = found.filter((problem) => problem.field === kind.refused);
    expect(named, `${kind.id}: ${found.map(formatProblem).join('\n')}`).not.toEqual([]);
    if (kind.line !== undefined) {
      expect(
        named.map((problem) => problem.line),
        kind.id,
      ).toContain(kind.line);
    }
  }
  for (const problem of problems) {
    expect(formatProblem(problem)).toBe(terminalText(formatProblem(problem)));
    expect(formatProblem(problem)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u);
  }

  const accepted = join(projectRoot, content, 'accepted');
  await mkdir(join(accepted, 'papers', '2025'), { recursive: true });
  await writeFile(join(accepted, 'topics.yaml'), topics);
  const kept = kinds.filter((kind) => kind.refused === undefined);
  for (const kind of kept) await writeFile(join(accepted, 'papers', '2025', `${kind.id}.mdx`), kind.file);
  const built = await buildFixture(relative(projectRoot, accepted));
  expect(built.ok, built.output.slice(-3000)).toBe(true);
  expect(distProblems(built.outDir)).toEqual([]);
  return { of, kept, outDir: built.outDir };
}
