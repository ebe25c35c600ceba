import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { findCollisions, type CollisionCandidate } from '../../src/content/collection.ts';
import { discoverPapers } from '../../src/content/discover.ts';
import { MAX_PAPER_ID_LENGTH, paperIdFromPath, paperIdProblem } from '../../src/content/paper-id.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { readFiles } from '../../src/content/read-files.ts';
import { MAX_FILE_BYTES } from '../../src/content/file-size.ts';
import { paperPaths } from '../../src/lib/urls.ts';
import { arxivFileName, parseArxivId } from '../../src/lib/arxiv-id.ts';
import { seededRandom } from '../helpers/hostile.ts';
import { projectRoot } from '../helpers/build.ts';

/** The site fixture's papers, relative to content/papers. */
const readdirOf = async (root: string) =>
  (await readdir(join(root, 'content/papers'), { recursive: true })).filter((name) => name.endsWith('.mdx'));

/** A scratch project with the fixture site's content, to add links and odd files to. */
async function scratchSite() {
  const root = await mkdtemp(join(tmpdir(), 'files-'));
  await cp(join(projectRoot, 'tests/fixtures/site'), join(root, 'content'), { recursive: true });
  const check = async () =>
    (await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' })).problems.map(
      formatProblem,
    );
  return { root, check };
}

const link = 'is a symbolic link: papers must be files in the repository itself, not links; replace it with the file.';

describe('content discovery', () => {
  it('never follows a symbolic link, to a folder or a file, and names each one', async () => {
    const { root, check } = await scratchSite();
    await writeFile(join(root, 'outside.mdx'), '---\ntitle: outside\n---\n');
    await symlink('/', join(root, 'content/papers/machine'));
    await mkdir(join(root, 'content/papers/2024'));
    await symlink('../../../outside.mdx', join(root, 'content/papers/2024/stolen.mdx'));
    await symlink('/nonexistent', join(root, 'content/papers/dangling.mdx'));
    expect(await check()).toEqual([
      `content/papers/2024/stolen.mdx: file: ${link}`,
      `content/papers/dangling.mdx: file: ${link}`,
      `content/papers/machine: file: ${link}`,
    ]);
  });

  it('refuses a linked papers folder and a linked vocabulary', async () => {
    const { root, check } = await scratchSite();
    await rename(join(root, 'content/papers'), join(root, 'real-papers'));
    await symlink('../real-papers', join(root, 'content/papers'));
    expect(await check()).toEqual([`content/papers: file: ${link}`]);

    const other = await scratchSite();
    await rename(join(other.root, 'content/topics.yaml'), join(other.root, 'topics.yaml'));
    await symlink('../topics.yaml', join(other.root, 'content/topics.yaml'));
    expect(await other.check()).toEqual([
      'content/topics.yaml: file: is a symbolic link: it must be a file in the repository itself.',
    ]);
  });

  it('refuses a paper named like a Windows device, saying so and what to name it (the file is made here: this repository must stay checkable-out on Windows)', async () => {
    const { root, check } = await scratchSite();
    const plain = await readFile(join(root, 'content/papers/2025/plain-paper.mdx'), 'utf8');
    await writeFile(join(root, 'content/papers/2025/aux.mdx'), plain);
    expect(await check()).toEqual([
      `content/papers/2025/aux.mdx:1: file: name "aux.mdx" is a device's name on Windows (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any case, with any extension): a Windows checkout cannot hold such a file, nor a build there write it; name the file for the paper's arXiv id (2306.13575.mdx) or a longer slug (e.g. aux-learning.mdx).`,
    ]);
  });

  it('reads a name holding a backslash (a Linux file name may) as one name, not a path, and refuses it', async () => {
    // On Linux `\\` is a letter of a name: read as a separator, the check opened `a/b.mdx` and crashed.
    const { root, check } = await scratchSite();
    const plain = await readFile(join(root, 'content/papers/2025/plain-paper.mdx'), 'utf8');
    for (const name of ['a\\b.mdx', '2025\\x.mdx', 'paper\\.mdx'])
      await writeFile(join(root, 'content/papers/2025', name), plain);
    const problems = await check();
    for (const name of ['a\\b.mdx', '2025\\x.mdx', 'paper\\.mdx']) {
      expect(
        problems.filter((line) => line.startsWith(`content/papers/2025/${name}:1: file: name "${name}" must be`)),
      ).toHaveLength(1);
    }
    expect(problems).toHaveLength(3);
  });

  it('refuses a FIFO (which would block the read) and an oversized file without reading it', async () => {
    const { root, check } = await scratchSite();
    execFileSync('mkfifo', [join(root, 'content/papers/pipe.mdx')]);
    await writeFile(join(root, 'content/papers/2025/huge.mdx'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    expect(await check()).toEqual([
      `content/papers/2025/huge.mdx:1: file: has ${MAX_FILE_BYTES + 1} bytes; a paper file must be at most ${MAX_FILE_BYTES}: it holds the metadata and the abstract only.`,
      'content/papers/pipe.mdx: file: is not a regular file: papers are .mdx files; remove it.',
    ]);
  });

  it('says to rename a paper whose ending is in capitals or Markdown, and to what', async () => {
    const { root, check } = await scratchSite();
    await mkdir(join(root, 'content/papers/2025'), { recursive: true });
    const paper = await readFile(join(root, 'content/papers', (await readdirOf(root))[0]!), 'utf8');
    for (const name of ['2401.00001.MDX', 'my-paper.Mdx', 'notes.md', 'x.markdown', 'notes.txt']) {
      await writeFile(join(root, 'content/papers/2025', name), paper);
    }
    const found = await check();
    for (const [name, stem] of [
      ['2401.00001.MDX', '2401.00001'],
      ['my-paper.Mdx', 'my-paper'],
      ['notes.md', 'notes'],
      ['x.markdown', 'x'],
    ]) {
      expect(found).toContain(
        `content/papers/2025/${name}:1: file: is not a paper: papers are files ending in .mdx, in lower case: rename it ${stem}.mdx.`,
      );
    }
    expect(found).toContain(
      'content/papers/2025/notes.txt:1: file: is not a paper: papers are .mdx files; move or rename it.',
    );
  });

  it('says to rename a Markdown file only when it starts as a paper does, with frontmatter', async () => {
    const { root, check } = await scratchSite();
    await mkdir(join(root, 'content/papers/2025'), { recursive: true });
    // Notes kept beside the papers: named .mdx, each would be refused again, as no paper.
    const files = {
      'papers/2025/notes.md': '# Reading notes\n\n- read 2306.13575 again\n',
      'papers/README.md': 'Papers live in year folders.\n',
      'papers/2025/todo.markdown': '',
      'papers/2025/rule.md': '---\n', // frontmatter's opening line and nothing after it: still a paper's start
      'papers/2025/dashes.md': '----\nA horizontal rule, not frontmatter.\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, 'content', name), text);
    const found = await check();
    for (const name of [
      'papers/2025/notes.md',
      'papers/README.md',
      'papers/2025/todo.markdown',
      'papers/2025/dashes.md',
    ])
      expect(found).toContain(`content/${name}:1: file: is not a paper: papers are .mdx files; move or rename it.`);
    expect(found).toContain(
      'content/papers/2025/rule.md:1: file: is not a paper: papers are files ending in .mdx, in lower case: rename it rule.mdx.',
    );
  });

  it('lists papers relative to their folder, with forward slashes', async () => {
    const { root } = await scratchSite();
    const found = await discoverPapers(root, 'content/papers');
    expect(found.problems).toEqual([]);
    expect(found.papers.map((paper) => paper.file)).toEqual(
      found.papers.map((paper) => `content/papers/${paper.name}`),
    );
  });

  it('shows each file as path.relative would, whether the folder is the root, below it or outside it', async () => {
    const { root } = await scratchSite();
    const papers = join(root, 'content/papers');
    await mkdir(join(papers, '2024'), { recursive: true });
    const [first] = (await discoverPapers(root, 'content/papers')).papers;
    await cp(join(papers, first!.name), join(papers, '2024/nested-copy.mdx'));
    for (const [from, folder] of [
      [papers, '.'],
      [root, 'content/papers'],
      [join(root, 'content'), 'papers'],
      [join(root, 'elsewhere'), '../content/papers'],
    ] as const) {
      const found = await discoverPapers(from, folder);
      expect(found.papers.some((paper) => paper.name === '2024/nested-copy.mdx')).toBe(true);
      for (const paper of found.papers) {
        expect(paper.file).toBe(relative(from, join(papers, paper.name)));
        expect(paper.name).toBe(relative(papers, join(papers, paper.name)));
      }
    }
  });
});

describe('paper folders', () => {
  const notYear =
    'is not a year folder: papers live in content/papers/<year>/<name>.mdx, the four-digit year of their date (e.g. content/papers/2025/); move its papers there and remove it.';
  const nested =
    'is a folder inside a year folder: papers are files directly in content/papers/<year>/; move its papers there and remove it.';

  it('refuses a paper deeper than a year folder, or in a folder that is not a year, and reads neither', async () => {
    const { root, check } = await scratchSite();
    const papers = join(root, 'content/papers');
    const paper = join(papers, '2025/plain-paper.mdx');
    for (const folder of ['a/b/c', '2025/deeper', '\u001b[31mred', '202', '20255', 'year-2025']) {
      await mkdir(join(papers, folder), { recursive: true });
      await cp(paper, join(papers, folder, 'deep.mdx'));
    }
    // The terminal sees the escape character as text (formatProblem), never as a colour.
    expect(await check()).toEqual([
      `content/papers/\\u{1B}[31mred: file: ${notYear}`,
      `content/papers/202: file: ${notYear}`,
      `content/papers/2025/deeper: file: ${nested}`,
      `content/papers/20255: file: ${notYear}`,
      `content/papers/a: file: ${notYear}`,
      `content/papers/year-2025: file: ${notYear}`,
    ]);
    const found = await discoverPapers(root, 'content/papers');
    expect(found.papers.map((each) => each.name).sort()).toEqual(['2025/2306.13575.mdx', '2025/plain-paper.mdx']);
  });

  it('refuses a paper directly in the papers folder, names the folder of its year, and does not read it', async () => {
    const { root, check } = await scratchSite();
    const papers = join(root, 'content/papers');
    await rename(join(papers, '2025/plain-paper.mdx'), join(papers, 'plain-paper.mdx'));
    await writeFile(join(papers, 'no-date.mdx'), '---\ntitle: No date\n---\n\nText.\n');
    expect(await check()).toEqual([
      "content/papers/no-date.mdx:1: file: is not in a year folder: a paper lives in the folder of its date's four-digit year; move it to content/papers/<year>/no-date.mdx.",
      "content/papers/plain-paper.mdx:1: file: is not in a year folder: a paper lives in the folder of its date's four-digit year (this one's is 2025); move it to content/papers/2025/plain-paper.mdx.",
    ]);
    const found = await discoverPapers(root, 'content/papers');
    expect(found.papers.map((each) => each.name)).toEqual(['2025/2306.13575.mdx']);
  });

  it('refuses a file or folder whose name is not UTF-8, naming its bad byte, where reading it stopped the check', async () => {
    const { root, check } = await scratchSite();
    const papers = join(root, 'content/papers');
    const plain = await readFile(join(papers, '2025/plain-paper.mdx'));
    // Latin-1 names: "caf\xE9.mdx" and a folder "\xFF" (Node takes a name's bytes as a Buffer).
    await writeFile(
      Buffer.concat([Buffer.from(`${papers}/2025/caf`), Buffer.from([0xe9]), Buffer.from('.mdx')]),
      plain,
    );
    await mkdir(Buffer.concat([Buffer.from(`${papers}/`), Buffer.from([0xff])]));
    const rename =
      '): rename it; a paper is named for its arXiv id (2306.13575.mdx) or a slug of lowercase letters, digits and single hyphens.';
    expect(await check()).toEqual([
      `content/papers/2025/caf\uFFFD.mdx:1: file: has a name that is not valid UTF-8 (the byte E9 is no UTF-8 character${rename}`,
      `content/papers/\uFFFD: file: has a name that is not valid UTF-8 (the byte FF is no UTF-8 character${rename}`,
    ]);
  });

  it("refuses a paper whose date is not in its year folder's year", async () => {
    const { root, check } = await scratchSite();
    const papers = join(root, 'content/papers');
    await mkdir(join(papers, '2024'));
    await rename(join(papers, '2025/plain-paper.mdx'), join(papers, '2024/plain-paper.mdx'));
    expect(await check()).toEqual([
      'content/papers/2024/plain-paper.mdx:5: date: is in 2025, but the file is in the year folder 2024: move it to content/papers/2025/, or correct the date',
    ]);
  });
});

describe('paper ids', () => {
  it.each([
    ['2306.13575', true],
    ['0704.0001', true],
    ['math-0309136', true],
    ['attention-sinks', true],
    ['a1', true],
    ['x.bib', false],
    ['x.html', false],
    ['2306.13575.bib', false],
    ['v1.2a', false],
    ['Upper', false],
    ['under_score', false],
    ['double--hyphen', false],
    ['-leading', false],
    ['trailing-', false],
    ['dot.', false],
    ['.dot', false],
    ['1..2', false],
    ['', false],
    ['a'.repeat(MAX_PAPER_ID_LENGTH), true],
    ['a'.repeat(MAX_PAPER_ID_LENGTH + 1), false],
    // Names Windows keeps for devices, with any extension: no Windows checkout could hold the file.
    ['aux', false],
    ['con', false],
    ['nul', false],
    ['prn', false],
    ['com1', false],
    ['lpt9', false],
    ['com1.5', false],
    ['auxiliary', true],
    ['con-attention', true],
    ['com10', true],
    // A dot is an arXiv id's: dotted digits that are no arXiv id would read as one at the address.
    ['2401.000010', false],
    ['1.5', false],
    ['2306.1357', false],
    ['0704.00001', false],
    ['1501.00001', true],
  ])('%s is valid: %s', (id, valid) => {
    expect(paperIdProblem(id) === undefined).toBe(valid);
  });

  it.each(['2401.000010', '1.5', '2306.1357', '12.34.56'])(
    'named with dotted digits that are no arXiv id (%s) say so, and give a name that passes',
    (id) => {
      const message = paperIdProblem(id)!;
      expect(message).toContain(`name "${id}.mdx" has a dot, as only an arXiv id's name has`);
      const right = /\(([^()]+)\.mdx\)\.$/.exec(message)?.[1];
      expect(right, message).toBeDefined();
      expect(paperIdProblem(right!)).toBeUndefined();
    },
  );

  // The build reads no clock: a name holding a pasted id is told its right name whatever the date.
  it('name a pasted id of a month after the clock by its right name all the same', () => {
    vi.useFakeTimers({ now: new Date('2020-01-15T12:00:00Z'), toFake: ['Date'] });
    try {
      expect(paperIdProblem('2306.13575v2')).toContain('name the file 2306.13575.mdx');
    } finally {
      vi.useRealTimers();
    }
  });

  it('quote a bad file name cut, as other quoted values: the location names the file already', () => {
    // 1,300 characters, a hundred of them combining marks: the file system allows its bytes.
    const id = `${'a\u0301'.repeat(100)}${'x'.repeat(1100)}`;
    const message = paperIdProblem(id)!;
    // Sixty characters as a reader counts them: each á is a letter and its accent.
    expect(message).toContain(`name "${'a\u0301'.repeat(60)}…" must be the arXiv id`);
    expect(message.length).toBeLessThan(300);
    const device = paperIdProblem(`com1.${'1'.repeat(1300)}`)!;
    expect(device).toContain(`name "com1.${'1'.repeat(55)}…" is a device's name on Windows`);
    expect(device.length).toBeLessThan(400);
  });

  it.each([
    ['2306.13575v2', '2306.13575.mdx'],
    ['arXiv:2306.13575', '2306.13575.mdx'],
    ['2306.13575v2.pdf', '2306.13575.mdx'],
    ['math.GT_0309136', undefined],
    ['arXiv 2306.13575', '2306.13575.mdx'],
    ['2306.13575V2', '2306.13575.mdx'],
    ['10.48550_arXiv.2306.13575', undefined],
    ['2306.13575 (1)', undefined],
  ])('named with an arXiv id as it is written elsewhere (%s) say the name it should have', (id, right) => {
    // Every name the one reading of pasted ids (arxivIdInText) reads as an id gets that id's name.
    const message = paperIdProblem(id)!;
    if (right) expect(message).toContain(`name the file ${right}`);
    else expect(message).toContain('must be the arXiv id (e.g. 2306.13575.mdx');
    // The name it gives is a valid one.
    if (right) expect(paperIdProblem(right.replace(/\.mdx$/, ''))).toBeUndefined();
  });

  it('come from the file name', () => {
    expect(paperIdFromPath('content/papers/2025/2306.13575.mdx')).toBe('2306.13575');
  });
});

describe('output collisions', () => {
  const paper = (file: string): CollisionCandidate => ({
    id: paperIdFromPath(file),
    file,
    data: {},
    lines: { arxiv: 1 },
  });
  const messages = (files: string[]) => findCollisions(files.map(paper)).map(formatProblem);

  it('are found whatever the id grammar allows: a page folder named like another paper’s .bib', () => {
    expect(paperPaths('x').files).toEqual(['papers/x/index.html', 'papers/x.bib', 'papers/x.json']);
    expect(messages(['a/x.mdx', 'b/x.bib.mdx'])).toEqual([
      'b/x.bib.mdx:1: file: writes papers/x.bib/index.html inside papers/x.bib, a file of a/x.mdx: rename one of them.',
    ]);
    expect(messages(['a/x.bib.mdx', 'b/x.mdx'])).toEqual([
      "b/x.mdx:1: file: writes the file papers/x.bib, which is a folder of a/x.bib.mdx's outputs: rename one of them.",
    ]);
  });

  it('ignore case, as case-insensitive disks do', () => {
    expect(messages(['a/Paper.mdx', 'b/paper.mdx'])).toEqual([
      'b/paper.mdx:1: file: publishes at the same URL (/papers/paper/) as a/Paper.mdx: rename one of them.',
    ]);
  });

  it('refuse ids that read alike, naming both files and the letters', () => {
    // Three unlike look-alikes: a digit for a letter, two letters for one, a digit for a letter in a word of its own.
    const rows: [string, string, string][] = [
      ['content/papers/2025/lora.mdx', 'content/papers/2024/1ora.mdx', '"1" (U+0031, Common) looks like "l"'],
      [
        'content/papers/2025/transformers.mdx',
        'content/papers/2025/transforrners.mdx',
        '"m" (U+006D, Latin) looks like "rn"',
      ],
      [
        'content/papers/2023/lo-methods.mdx',
        'content/papers/2025/l0-methods.mdx',
        '"0" (U+0030, Common) looks like "O"',
      ],
    ];
    for (const [first, second, letters] of rows) {
      // Reported on the file that sorts last, whichever was written first.
      const [kept, refused] = [first, second].sort();
      for (const files of [
        [first, second],
        [second, first],
      ]) {
        const found = messages(files);
        expect(found, files.join()).toHaveLength(1);
        expect(found[0]).toMatch(
          new RegExp(`^${refused}:1: file: its address /papers/\\S+/ reads as /papers/\\S+/, the address of ${kept} `),
        );
        expect(found[0]).toContain(letters);
        expect(found[0]).toContain('Rename one of them');
      }
    }
    // Ids that differ in a letter that looks like no other are two addresses.
    expect(messages(['a/lora.mdx', 'b/lore.mdx', 'c/gpt-2.mdx', 'd/gpt-3.mdx', 'e/rn.mdx', 'f/rnn.mdx'])).toEqual([]);
  });

  it('never take two arXiv ids for look-alikes, new style or old (seeded)', () => {
    const random = seededRandom(2325);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
    // arXiv's archives of old-style ids (https://arxiv.org/archive), those with a subject class too.
    const archives = [
      'acc-phys',
      'adap-org',
      'alg-geom',
      'ao-sci',
      'astro-ph',
      'atom-ph',
      'bayes-an',
      'chao-dyn',
      'chem-ph',
      'cmp-lg',
      'comp-gas',
      'cond-mat',
      'cs',
      'dg-ga',
      'funct-an',
      'gr-qc',
      'hep-ex',
      'hep-lat',
      'hep-ph',
      'hep-th',
      'math',
      'math-ph',
      'mtrl-th',
      'nlin',
      'nucl-ex',
      'nucl-th',
      'patt-sol',
      'physics',
      'plasm-ph',
      'q-alg',
      'q-bio',
      'quant-ph',
      'solv-int',
      'supr-con',
      'math.GT',
      'cs.LG',
    ];
    // Only ids arXiv gives: old-style from August 1991 to March 2007, new-style from April 2007, each
    // month's papers numbered from 1 (a number of zeros only is no paper's).
    const number = (count: number) => {
      let written = digits(count);
      while (/^0+$/.test(written)) written = digits(count);
      return written;
    };
    const ids = new Set<string>();
    while (ids.size < 3000) {
      if (random() < 0.5) {
        const year = 7 + Math.floor(random() * 19);
        const month = year === 7 ? 4 + Math.floor(random() * 9) : 1 + Math.floor(random() * 12);
        ids.add(`${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}.${number(year >= 15 ? 5 : 4)}`);
      } else {
        const year = pick([91, 92, 95, 98, 99, 0, 3, 5, 7]);
        const month =
          year === 7
            ? 1 + Math.floor(random() * 3)
            : year === 91
              ? 8 + Math.floor(random() * 5)
              : 1 + Math.floor(random() * 12);
        ids.add(`${pick(archives)}/${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${number(3)}`);
      }
    }
    expect([...ids].filter((id) => 'reason' in parseArxivId(id, null))).toEqual([]);
    // One file a paper (two spellings of one old-style id, with and without the class, are one file).
    const files = new Map([...ids].map((id) => [arxivFileName(id), id]));
    const papers = [...files].map(([id, arxiv]): CollisionCandidate => ({
      id,
      file: `content/papers/2025/${id}.mdx`,
      data: { arxiv },
      lines: { arxiv: 5 },
    }));
    const problems = findCollisions(papers).map(formatProblem);
    expect(problems.filter((line) => / reads as /.test(line))).toEqual([]);
    // And the rule sees them: a slug one letter from an arXiv id's file name is refused beside it.
    const [first] = files.keys();
    const lookAlike = first!.replace(/0/, 'o').replace(/1/, 'l');
    expect(lookAlike).not.toBe(first);
    expect(
      findCollisions([...papers, paper(`content/papers/2025/${lookAlike}.mdx`)])
        .map(formatProblem)
        .join('\n'),
    ).toContain(`reads as /papers/${first}/`);
  });
});

describe('a file gone while the check runs', () => {
  // Deleted or renamed between listing and reading (an editor's save, a git checkout): no problem
  // of the content, so it is skipped, and the check's answer is the rest's.
  it('skips a paper deleted between listing and lstat', async () => {
    const { root } = await scratchSite();
    const papers = join(root, 'content/papers');
    const found = await discoverPapers(root, 'content/papers', {
      stat: (path) => {
        if (path.endsWith('plain-paper.mdx')) unlinkSync(path);
        return lstatSync(path, { bigint: true });
      },
    });
    expect(found.problems).toEqual([]);
    expect(found.papers.map((paper) => paper.name)).toEqual(['2025/2306.13575.mdx']);
    expect(found.entries).toBe(1);
    expect(existsSync(join(papers, '2025/plain-paper.mdx'))).toBe(false);
  });

  it('skips a year folder removed before it is read', async () => {
    const { root } = await scratchSite();
    const papers = join(root, 'content/papers');
    await mkdir(join(papers, '2024'));
    await cp(join(papers, '2025/plain-paper.mdx'), join(papers, '2024/plain-copy.mdx'));
    const found = await discoverPapers(root, 'content/papers', {
      list: async (folder) => {
        if (folder.endsWith('2024')) await rm(folder, { recursive: true });
        return readdir(folder, { withFileTypes: true, encoding: 'buffer' });
      },
    });
    expect(found.problems).toEqual([]);
    expect(found.papers.map((paper) => paper.name).sort()).toEqual(['2025/2306.13575.mdx', '2025/plain-paper.mdx']);
  });

  it('reads a file gone since it was listed as undefined, in its place, and the others whole', async () => {
    const { root } = await scratchSite();
    const papers = join(root, 'content/papers');
    const contents = await readFiles(papers, ['2025/plain-paper.mdx', '2025/gone.mdx', '2025/2306.13575.mdx'], 2);
    expect(contents[1]).toBeUndefined();
    expect(contents[0]).toEqual(await readFile(join(papers, '2025/plain-paper.mdx')));
    expect(contents[2]).toEqual(await readFile(join(papers, '2025/2306.13575.mdx')));
  });

  it('checks the rest when a listed paper is gone before it is read, and passes', async () => {
    const { root } = await scratchSite();
    const listed = async (from: string, folder: string) => {
      const found = await discoverPapers(from, folder);
      const ghost = { ...found.papers[0]!, name: '2025/gone.mdx', file: 'content/papers/2025/gone.mdx' };
      return { ...found, papers: [...found.papers, ghost], entries: found.entries + 1 };
    };
    const result = await checkContent({
      root,
      papersDir: 'content/papers',
      topicsFile: 'content/topics.yaml',
      discover: listed,
    });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.papers.map((paper) => paper.file)).toEqual([
      'content/papers/2025/2306.13575.mdx',
      'content/papers/2025/plain-paper.mdx',
    ]);
    expect(result.files).toBe(2);
  });

  it('does not skip an error other than a file gone', async () => {
    const { root } = await scratchSite();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    await expect(
      discoverPapers(root, 'content/papers', {
        stat: () => {
          throw denied;
        },
      }),
    ).rejects.toBe(denied);
  });
});
