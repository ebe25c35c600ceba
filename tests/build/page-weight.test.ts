/**
 * The page-weight budget on the benchmark's kind of content: synthetic papers made from the seed
 * abstracts with inline and display math added (src/bench/corpus.ts). Sixty papers cover every
 * seed abstract, the longest included, each with a display formula; the 10,000-paper benchmark
 * has no heavier kind of page.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.ts';
import { buildFixture, buildsDir, type BuildResult } from '../helpers/build.ts';
import {
  checkPaperPage,
  expectWithinBudget,
  paperPages,
  sourceFormulas,
  type PaperPage,
} from '../helpers/paper-pages.ts';

let build: BuildResult;
let pages: PaperPage[];
let corpusFormulas: Map<string, number>;
let seedFormulas: Map<string, number>;

beforeAll(async () => {
  await mkdir(buildsDir, { recursive: true });
  const corpus = await mkdtemp(join(buildsDir, 'corpus-'));
  await writeCorpus({ papers: 60, outDir: corpus });
  build = await buildFixture(corpus);
  [corpusFormulas, seedFormulas] = await Promise.all([sourceFormulas(corpus), sourceFormulas('content')]);
  pages = build.ok ? await paperPages(build.outDir) : [];
});

describe('synthetic paper pages', () => {
  it('build', () => {
    expect(build.ok, build.output).toBe(true);
    expect(pages).toHaveLength(60);
  });

  it('include the heaviest kind: the seed abstract with the most math, and a display formula', () => {
    const expected = [...corpusFormulas.values()];
    const mostMath = Math.max(...expected);
    expect(mostMath).toBeGreaterThan(Math.max(...seedFormulas.values()));
    const heaviest = pages.find((page) => corpusFormulas.get(page.id) === mostMath)!;
    expect(heaviest.html).toMatch(/ class="?katex-display"?[ >]/);
  });

  it('are within the budget: 30 KB raw, 8 KB gzipped', () => {
    expectWithinBudget(pages);
  });

  it('keep every formula of their source, each with its MathML', () => {
    for (const page of pages) {
      const { formulas, mathml } = checkPaperPage(page);
      expect(formulas, page.id).toBe(corpusFormulas.get(page.id));
      expect(mathml, page.id).toBe(formulas);
    }
  });
});
