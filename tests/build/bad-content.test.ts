import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem, formatProblems } from '../../src/content/problems.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { hostilePaperFiles, mutatedPaperFiles, valueClassPapers } from '../helpers/hostile-papers.ts';
import { distProblems } from '../helpers/output-consumers.ts';

/**
 * The build and `npm run check` apply the same rules: building the folder of bad papers must
 * fail with every problem the check reports (the check's messages are pinned in
 * tests/content/bad-papers.test.ts), and publish nothing.
 */
describe('building a folder of bad papers', () => {
  it('fails with every problem the check reports, and writes no pages', async () => {
    const dir = 'tests/fixtures/bad-papers';
    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${dir}/papers`,
      topicsFile: `${dir}/topics.yaml`,
    });
    // The digest date in the future is the check's own rule: the build does not read the clock.
    const expected = problems.map(formatProblem).filter((line) => !/ date: \S+ is in the future: /.test(line));
    expect(expected.length).toBeGreaterThan(90);

    const build = await buildFixture(dir);
    expect(build.ok).toBe(false);
    for (const line of expected) expect(build.output).toContain(line);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });

  it('reports a broken topic vocabulary as file:line: field: message, without a stack trace', async () => {
    const content = await mkdtemp(join(buildsDir, 'topics-'));
    await cp(join(projectRoot, 'tests/fixtures/site'), content, { recursive: true });
    await writeFile(join(content, 'topics.yaml'), '- slug: a\n  label: "A\n  description: One.\n');
    const build = await buildFixture(content);
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(
      /topics\.yaml:2: topics: YAML: Missing closing "quote: the quote opened here is never closed/,
    );
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});

/**
 * The differential test of the check and the build over hostile files: the value classes of
 * valueClassPapers (each in each field), files of the fuzzer's grammar and mutants of the seed's
 * papers, in one folder. The build refuses the folder with exactly the problems the check reports
 * (same file, line, column and field), and publishes nothing; the files the check accepts build,
 * and every file of that site reads as its consumer expects (distProblems: XML, JSON, the reading
 * list's summaries, .bib through a parser and pdflatex + bibtex, pages through an HTML parser).
 */
describe('a folder of hostile paper files', () => {
  it('is refused by the build with the problems the check reports, and its accepted files build into outputs every consumer reads', async () => {
    // Inside the project, named relative to it, as the check and the build both name files.
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'hostile-')));
    const papers = join(projectRoot, content, 'papers', '2025');
    await mkdir(papers, { recursive: true });
    await cp(join(projectRoot, 'content/topics.yaml'), join(projectRoot, content, 'topics.yaml'));
    const seedFolder = join(projectRoot, 'content/papers/2025');
    const seedTexts = readdirSync(seedFolder).map((name) => readFileSync(join(seedFolder, name), 'utf8'));
    const files = [
      ...valueClassPapers(),
      ...hostilePaperFiles(20261217, 25),
      ...mutatedPaperFiles(20261218, 25, seedTexts, 25),
    ];
    for (const file of files) await writeFile(join(papers, `${file.id}.mdx`), file.bytes);
    // The lines of a build's output that report a problem of a file of the folder (colours and
    // indentation aside).
    const problemLines = (output: string) =>
      output
        .split('\n')
        .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trimStart())
        .filter((line) => line.startsWith(`${content}/`));
    const check = async () =>
      (
        await checkContent({
          root: projectRoot,
          papersDir: `${content}/papers`,
          topicsFile: `${content}/topics.yaml`,
        })
      ).problems;

    const problems = await check();
    const refused = new Set(problems.map((problem) => problem.file));
    // Both kinds, or one half of the test would test nothing.
    expect(refused.size).toBeGreaterThan(100);
    expect(files.length - refused.size).toBeGreaterThan(40);
    // The check reads SITE_URL (links to the site itself are refused): the build takes the same.
    const site = siteConfig.siteUrl;
    const failed = await buildFixture(content, { site });
    expect(failed.ok).toBe(false);
    // The check's lines and no other: a `file:line: field:` line the check does not print would be
    // a rule of the build alone. A build lists as many as fit in MAX_LISTED_BYTES, then how many
    // more there are: all of them, unless it says so.
    // (The digest date in the future is the check's own rule: the build does not read the clock.)
    const expected = new Set(formatProblems(problems).filter((line) => !/ date: \S+ is in the future: /.test(line)));
    const listed = new Set(problemLines(failed.output));
    expect([...listed].filter((line) => !expected.has(line))).toEqual([]);
    if (!/ more problems?: `npm run check` lists them all/.test(failed.output)) expect(listed.size).toBe(expected.size);
    expect(listed.size).toBeGreaterThan(100);
    expect(existsSync(join(failed.outDir, 'index.html'))).toBe(false);

    // Without the refused files the folder passes the check (a file left may have clashed only
    // with one removed, or the other way round: check again until it passes).
    for (;;) {
      for (const file of refused) await rm(join(projectRoot, file), { force: true });
      const left = await check();
      if (left.length === 0) break;
      for (const problem of left) refused.add(problem.file);
    }
    expect(files.length - refused.size).toBeGreaterThan(40);
    const built = await buildFixture(content, { site });
    expect(problemLines(built.output)).toEqual([]);
    expect(built.ok).toBe(true);
    expect(distProblems(built.outDir)).toEqual([]);
  }, 900_000);
});
