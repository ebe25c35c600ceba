import { describe, expect, it } from 'vitest';
import { createPaperSchema } from '../../src/content/schema.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { validatePaper, type ValidPaper } from '../../src/content/validate.ts';
import { validatePapers } from '../../src/content/validate-many.ts';
import { readTopics } from '../../src/content/vocabulary.ts';
import { assignCitationKeys, bibtexEntry, bibtexFile } from '../../src/lib/bibtex.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileNames, hostilePaperFiles, mutatedPaperFiles, valueClassPapers } from '../helpers/hostile-papers.ts';
import { CITING_DOCUMENTS, compileBib, hasTex } from '../helpers/latex.ts';
import { messageProblems, outputProblems } from '../helpers/output-consumers.ts';

/**
 * Differential fuzzing of hostile paper files (tests/helpers/hostile-papers.ts: near-valid files
 * built from YAML, Markdown/MDX, TeX, BibTeX, URL and Unicode pieces that earlier fixes showed to
 * be dangerous). Each file goes through the check's rules (validatePaper, which `npm run check` and
 * the build's loader both call); each accepted one through every per-paper output, read by a real
 * consumer (tests/helpers/output-consumers.ts); each refused one's messages must be fit for a
 * terminal and name the file, a line of it and a field. Seeded and bounded: the same files every
 * run. `node scripts/fuzz-papers.ts --seed N --runs M --out DIR` runs longer, and writes the
 * accepted files for a full build.
 */

// Files composed by the grammar, and mutants of the seed's papers (a piece inserted inside a value).
const seedFolder = 'content/papers/2025';
const seedTexts = readdirSync(seedFolder).map((name) => readFileSync(join(seedFolder, name), 'utf8'));
// And each class of hostile value in each field it can reach (valueClassPapers).
const FILES = [
  ...hostilePaperFiles(20261205, 450),
  ...mutatedPaperFiles(20261206, 200, seedTexts, 450),
  ...valueClassPapers(),
];
const { topics } = readTopics('content/topics.yaml', process.cwd());
const topicSlugs = topics.map((topic) => topic.slug);
const schema = createPaperSchema(new Set(topicSlugs));
const path = (id: string) => `content/papers/2025/${id}.mdx`;
const results = FILES.map((file) => ({ file, ...validatePaper(path(file.id), file.bytes, schema) }));
const accepted = results.flatMap(({ paper }) => (paper ? [paper] : []));

describe('hostile paper files', () => {
  it('reach the outputs: the grammar makes files the check accepts, and files it refuses', () => {
    // Without accepted files the output checks below would test nothing.
    expect(accepted.length).toBeGreaterThanOrEqual(30);
    expect(FILES.length - accepted.length).toBeGreaterThanOrEqual(100);
  });

  it('hold every class of hostile value that an earlier round found', () => {
    const some = (test: (file: (typeof FILES)[number]) => boolean) => FILES.some(test);
    const names = (file: (typeof FILES)[number]) => [...file.text.matchAll(/^ {2}- "?(.*?)"?$/gmu)].map((m) => m[1]!);
    // File names: Windows device names, the longest slug and one past it, a stack of marks, right-to-left letters.
    expect(some((file) => /^(?:aux|con|nul|prn|com|lpt)/i.test(file.id))).toBe(true);
    expect(some((file) => file.id.length === 100) && some((file) => file.id.length === 101)).toBe(true);
    expect(some((file) => /\p{M}{5}/u.test(file.id))).toBe(true);
    expect(some((file) => /[\u0590-\u08FF]/u.test(file.id))).toBe(true);
    // Link text with no letter or digit: none, a space, math that draws nothing.
    expect(some((file) => file.text.includes('[](')) && some((file) => file.text.includes('[$\\quad$]('))).toBe(true);
    // Author names: a device name alone, right-to-left letters, case twins in one file and names
    // that only a case fold merges (Иван, Иᲀан), stacks of marks.
    expect(some((file) => names(file).some((name) => /^(?:Aux|Nul|Con|PRN|Com1|LPT9)$/.test(name)))).toBe(true);
    expect(some((file) => names(file).some((name) => /[\u0590-\u08FF]/u.test(name)))).toBe(true);
    expect(
      some((file) => {
        const list = names(file);
        return list.some((name, index) => list.indexOf(name.toUpperCase()) > index && name !== name.toUpperCase());
      }),
    ).toBe(true);
    expect(some((file) => file.text.includes('Иᲀан')) && some((file) => file.text.includes('Иван'))).toBe(true);
    expect(some((file) => names(file).some((name) => /\p{M}{5}/u.test(name)))).toBe(true);
    // A host past DNS's limits; a code fence's language too long to be a name.
    expect(some((file) => /https:\/\/a{64}\.org/.test(file.text))).toBe(true);
    expect(some((file) => /^```x{33,}$/m.test(file.text))).toBe(true);
    // Look-alikes: a Cyrillic word that reads as Latin in a name, a host and a link's text naming another site.
    expect(some((file) => names(file).some((name) => name.startsWith('\u0410\u0441\u0435 ')))).toBe(true);
    expect(some((file) => file.text.includes('https://\u0430rxiv.org/'))).toBe(true);
    expect(some((file) => /\[https:\/\/arxiv\.org\]\(https:\/\/(?!arxiv\.org)/.test(file.text))).toBe(true);
    // This round's: a letter saved as Latin-1, an address in a name, a footnote, an MDX comment.
    expect(
      some((file) => !file.id.startsWith('value-') && file.bytes.length !== new TextEncoder().encode(file.text).length),
    ).toBe(true);
    expect(some((file) => names(file).some((name) => /www\.evil\.com|@evil\.org/.test(name)))).toBe(true);
    expect(some((file) => file.text.includes('[^1]: a footnote')) && some((file) => file.text.includes('{/*'))).toBe(
      true,
    );
    // And the next: a footnote on a paragraph's second line, text that only looks like one, Others.
    expect(some((file) => file.text.includes('\n[^1]: a footnote after a line'))).toBe(true);
    expect(some((file) => file.text.includes('\n[^a-z]: a class of characters'))).toBe(true);
    expect(some((file) => names(file).some((name) => / Others$/.test(name)))).toBe(true);
    // A host in a name in capitals; a host in a link's sentence; a mailto: with header fields; a hyphen ending a host's part.
    expect(some((file) => names(file).some((name) => / EVIL\.COM$/.test(name)))).toBe(true);
    expect(some((file) => file.text.includes('[see arxiv.org now]('))).toBe(true);
    expect(some((file) => file.text.includes('mailto:a@example.org?bcc='))).toBe(true);
    expect(some((file) => /https:\/\/(?:-example|example-)\.org\//.test(file.text))).toBe(true);
  });

  it('are refused with messages that name the file, a line of it and a field, safe for a terminal', () => {
    const found = results.flatMap(({ file, paper, problems }) =>
      paper ? [] : messageProblems(path(file.id), file.text, problems),
    );
    expect(found).toEqual([]);
  });

  it('once accepted, give outputs that every consumer reads as the same safe data', () => {
    const found = accepted.flatMap((paper) => outputProblems(paper).problems);
    expect(found).toEqual([]);
  });

  it("read title math's spaces and control symbols in a .bib entry as BibTeX does, not as unknown commands", () => {
    // `\,` `\;` `\:` `\!` `\ ` `\|` are title math (TITLE_MATH_SYMBOLS): the consumer took them for commands.
    const text = `---\ntitle: "Spaces $a\\\\,b \\\\; c \\\\: d \\\\! e \\\\| f \\\\ g$ in a title"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - ${topicSlugs[0]}\n---\n\nAn abstract.\n`;
    const { paper, problems } = validatePaper(path('spaces'), new TextEncoder().encode(text), schema);
    expect(problems).toEqual([]);
    expect(outputProblems(paper!).problems).toEqual([]);
  });

  it('once accepted, hold data the schema takes again unchanged (the build parses it a second time)', () => {
    for (const paper of accepted) {
      const again = schema.safeParse(paper.data);
      expect(again.success && again.data, paper.file).toEqual(paper.data);
    }
  });

  it('get the same verdict from the build (worker threads) as from the check', async () => {
    const jobs = FILES.slice(0, 150).map((file) => ({ file: path(file.id), bytes: file.bytes }));
    const built = await validatePapers(jobs, topicSlugs, { threads: 2, parallelThreshold: 0, batchSize: 40 });
    const verdict = ({
      paper,
      problems,
    }: {
      paper?: ValidPaper;
      problems: readonly Parameters<typeof formatProblem>[0][];
    }) => ({
      accepted: Boolean(paper),
      problems: problems.map(formatProblem),
    });
    expect(built.map(verdict)).toEqual(results.slice(0, 150).map(verdict));
  });

  it.runIf(hasTex).each(Object.keys(CITING_DOCUMENTS) as (keyof typeof CITING_DOCUMENTS)[])(
    'once accepted, give .bib entries that a %s document compiles with pdflatex + bibtex, writing nothing',
    (style) => {
      const keys = assignCitationKeys(accepted);
      const bib = bibtexFile(accepted.map((paper) => bibtexEntry(paper, keys.get(paper.id)!)));
      const { runs, log, files } = compileBib(bib, style);
      for (const run of runs) expect(run.status, `${run.tool}\n${run.output}`).toBe(0);
      expect(log).not.toMatch(/^! /m);
      expect(log).not.toMatch(/multiply defined/);
      expect(files).toEqual(
        [
          'main.aux',
          'main.bbl',
          'main.blg',
          'main.log',
          'main.tex',
          'refs.bib',
          'main.pdf',
          ...(style === 'plainurl' ? ['main.out'] : []),
        ].sort(),
      );
    },
    120_000,
  );

  it.runIf(hasTex).each(Object.keys(CITING_DOCUMENTS) as (keyof typeof CITING_DOCUMENTS)[])(
    'give every name the schema accepts a .bib form that a %s document compiles (labels, initials)',
    (style) => {
      // Names are where styles cut text (alpha's labels, abbrv's initials, natbib's Names(Year)).
      const papers = hostileNames(7, 800).flatMap((name, index) => {
        const data = {
          title: 'A Title',
          authors: index % 2 ? [name, 'Ada Lovelace'] : [name],
          date: '2025-06-06',
          // Spread over years: alpha.bst has only 26 letters for entries of one label.
          published: `${1991 + (index % 35)}-02-03`,
          tags: [topicSlugs[0]!],
        };
        const parsed = schema.safeParse(data);
        return parsed.success ? [{ id: `n${index}`, data: parsed.data }] : [];
      });
      expect(papers.length).toBeGreaterThanOrEqual(250);
      const keys = assignCitationKeys(papers);
      const { runs, log } = compileBib(
        bibtexFile(papers.map((paper) => bibtexEntry(paper, keys.get(paper.id)!))),
        style,
      );
      for (const run of runs) expect(run.status, `${run.tool}\n${run.output}`).toBe(0);
      expect(log).not.toMatch(/^! /m);
    },
    120_000,
  );
});
