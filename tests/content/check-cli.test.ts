import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { parseArgs, promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { runScript } from '../helpers/cli.ts';
import { commandLineProblem, withoutOptionEnd } from '../../src/content/command-line.ts';
import { DEFAULT_BATCH, DEFAULT_DELAY_MS } from '../../src/content/new-papers.ts';

/** `npm run check` with `args`: its exit code and what it printed. */
const check = (...args: string[]) => runScript('scripts/check.ts', args);

describe('npm run check, given what it does not take', () => {
  it.each(['--help', '-h'])('prints its usage for %s, and exits 0', async (flag) => {
    const { code, stdout } = await check(flag);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run check/);
    expect(stdout).toContain('--no-cache');
  });

  it('names an unknown option and prints the usage, exiting 2 (not a stack trace)', async () => {
    const { code, stderr } = await check('--nocache');
    expect(code).toBe(2);
    expect(stderr).toContain(`Unknown option '--nocache'. Did you mean "--no-cache"?`);
    expect(stderr).toContain('Usage: npm run check');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a second folder rather than checking only the first', async () => {
    const { code, stderr } = await check('content', 'tests/fixtures/cite');
    expect(code).toBe(2);
    expect(stderr).toContain('One content folder at a time: got 2.');
  });

  it('says that a folder does not exist, rather than that its topics file is missing', async () => {
    const { code, stderr } = await check('no-such-folder');
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-folder: no such folder.');
    expect(stderr).not.toContain('topics.yaml:1');
  });

  it('says that a file is not a folder', async () => {
    const { code, stderr } = await check('README.md');
    expect(code).toBe(2);
    expect(stderr).toContain('README.md: is a file, not a folder. Give the folder that holds papers/ and topics.yaml');
    expect(stderr).not.toContain('for the one that holds this file');
  });

  it.each([
    ['content/papers/2025/2306.13575.mdx', 'content'],
    ['content/topics.yaml', 'content'],
    ['tests/fixtures/cite/papers/2025/2401.00001.mdx', 'tests/fixtures/cite'],
  ])('given the file %s, names the content folder that holds it to check', async (file, folder) => {
    const { code, stderr } = await check(file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: is a file, not a folder.`);
    expect(stderr).toContain(`for the one that holds this file: npm run check -- ${folder}\n`);
  });

  it('refuses a folder that holds neither papers/ nor topics.yaml, rather than asking for a topics file', async () => {
    const { code, stderr } = await check('tests/fixtures');
    expect(code).toBe(2);
    expect(stderr).toContain('tests/fixtures: holds neither papers/ nor topics.yaml, so it is no content folder.');
    expect(stderr).not.toContain('topics.yaml:1');
  });

  it('finds a problem in a content folder with no papers, as the build does, and exits 1', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'check-no-papers-'));
    await copyFile(join(projectRoot, 'content/topics.yaml'), join(folder, 'topics.yaml'));
    await mkdir(join(folder, 'papers'));
    const { code, stdout, stderr } = await check(folder);
    expect(code).toBe(1);
    expect(stdout).not.toContain('✓');
    expect(stderr).toMatch(/papers: file: holds no papers: papers are files .*papers\/<year>\/<name>\.mdx/);
    expect(stderr).toMatch(/✗ 1 problem in 1 file \(\d+ ms\)\.\n$/);
    // Whoever reads only the top of the output learns how much is wrong, and where.
    expect(stderr.split('\n')[0]).toBe('✗ 1 problem in 1 file:');
  });

  it('says first how many problems in how many files, then a problem many files have, once, then every line', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'check-same-'));
    await copyFile(join(projectRoot, 'content/topics.yaml'), join(folder, 'topics.yaml'));
    await mkdir(join(folder, 'papers/2025'), { recursive: true });
    for (let index = 0; index < 6; index++) {
      const paper = `---\ntitle: "Paper ${index}"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - old-topic\n---\n\nAn abstract.\n`;
      await writeFile(join(folder, `papers/2025/p${index}.mdx`), paper);
    }
    await writeFile(join(folder, 'papers/2025/q.mdx'), '');
    const { code, stderr } = await check('--no-cache', folder);
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines[0]).toBe('✗ 7 problems in 7 files; the same problem in many files:');
    expect(lines[1]).toMatch(
      /^ {2}6 files have the same problem in tags\[0\]: unknown topic "old-topic"[^]*p0\.mdx:7, [^]*p1\.mdx:7, [^]*p2\.mdx:7, …\)$/,
    );
    expect(lines.filter((line) => line.includes('.mdx:7: tags[0]: unknown topic'))).toHaveLength(6);
    expect(stderr).toMatch(/✗ 7 problems in 7 files \(\d+ ms\)\.\n$/);
  });

  it('says a paper file with nothing in it is empty (0 bytes, white space only, a BOM only), and what it must start with', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'check-empty-'));
    await copyFile(join(projectRoot, 'content/topics.yaml'), join(folder, 'topics.yaml'));
    await mkdir(join(folder, 'papers/2025'), { recursive: true });
    const files = {
      'zero.mdx': '',
      'blank.mdx': ' \n\t\r\n\n',
      'bom.mdx': '\uFEFF',
      'bom-blank.mdx': '\uFEFF\n\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, 'papers/2025', name), text);
    const { code, stderr } = await check('--no-cache', folder);
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.includes('.mdx:'));
    // One problem a file, that it is empty, at line 1 of its field `file`: not also "starts with a
    // BOM", nor "must start with a `---` line" as if something else were written there.
    expect(lines).toHaveLength(4);
    const said = (name: string) => lines.find((line) => line.includes(`/${name}:`))!;
    expect(said('zero.mdx')).toMatch(/zero\.mdx:1: file: is empty \(0 bytes\): /);
    expect(said('blank.mdx')).toMatch(
      /blank\.mdx:1: file: is empty: it holds only spaces \(U\+0020 SPACE, U\+000A LINE FEED, U\+0009 CHARACTER TABULATION, U\+000D CARRIAGE RETURN\): /,
    );
    expect(said('bom.mdx')).toMatch(/bom\.mdx:1: file: is empty: it holds only a byte-order mark \(BOM\): /);
    expect(said('bom-blank.mdx')).toMatch(
      /bom-blank\.mdx:1: file: is empty: it holds only a byte-order mark \(BOM\) and spaces \(U\+000A LINE FEED\): /,
    );
    for (const line of lines) {
      expect(line).toContain(
        'a paper file starts with a `---` line, then its YAML frontmatter (title, authors, date, tags), then `---` and the abstract',
      );
      expect(line).toContain('npm run new-paper');
    }
  });

  it('documents its exit codes in --help', async () => {
    const { stdout } = await check('--help');
    expect(stdout).toContain('Exit code: 0 every paper passed, 1 problems were found');
    expect(stdout).toContain('2 the command was wrong');
  });

  it('shows a folder name as typed with its control characters visible', async () => {
    const { code, stderr } = await check('folder\u001b[31mred');
    expect(code).toBe(2);
    expect(stderr).toContain('folder\\u{1B}[31mred: no such folder.');
    expect(stderr).not.toContain('\u001b');
  });
});

describe('npm run check with PAPER_DIGEST_CONTENT', () => {
  // As the build and new-paper read it: relative to the project, or absolute (tests and the
  // benchmark give an absolute folder). Joined to the project's root, an absolute one was "no such folder".
  it.each([
    ['relative', 'content'],
    ['absolute', join(projectRoot, 'content')],
  ])('checks the folder it names (%s)', async (_kind, folder) => {
    const { code, stdout, stderr } = await runScript('scripts/check.ts', ['--no-cache'], {
      env: { ...process.env, PAPER_DIGEST_CONTENT: folder },
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^✓ \d+ papers? OK/);
    expect(code).toBe(0);
  });
});

describe('npm run check on GitHub Actions', () => {
  it('annotates each problem at its file and line (stdout, where the runner reads them), and only there', async () => {
    const onActions = await runScript('scripts/check.ts', ['--no-cache', 'tests/fixtures/bad-papers'], {
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
    });
    expect(onActions.code).toBe(1);
    const lines = onActions.stderr
      .split('\n')
      .filter((line) => /^tests\/fixtures\/bad-papers\/.*:\d+(:\d+)?: /.test(line));
    const annotations = onActions.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(lines.length).toBeGreaterThan(10);
    expect(annotations).toHaveLength(lines.length);
    // The first problem, both ways: `file:line: field: message` and `::error file=…,line=…,title=field::message`.
    const [, file, line, column, field] = /^([^:]+):(\d+)(?::(\d+))?: ([^:]+): /.exec(lines[0]!)!;
    expect(annotations[0]).toContain(
      `::error file=${file},line=${line},${column ? `col=${column},` : ''}title=${field}::`,
    );

    const elsewhere = await runScript('scripts/check.ts', ['--no-cache', 'tests/fixtures/bad-papers'], {
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(elsewhere.stdout).not.toContain('::error');
  });
});

describe('npm run check, typed in another folder', () => {
  /** The script as npm runs it: from the project's root, INIT_CWD the folder it was typed in; or as `node` from `cwd`. */
  const run = (cwd: string, args: string[], viaNpm: boolean) =>
    promisify(execFile)('node', [join(projectRoot, 'scripts/check.ts'), ...args], {
      cwd: viaNpm ? projectRoot : cwd,
      env: { ...process.env, npm_lifecycle_event: viaNpm ? 'check' : 'other', INIT_CWD: viaNpm ? cwd : projectRoot },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("reads a folder named from where it was typed, and by default the project's content", async () => {
    const outside = await mkdtemp(join(tmpdir(), 'check-typed-in-'));
    const folder = join(outside, 'digest');
    await mkdir(join(folder, 'papers/2025'), { recursive: true });
    await copyFile(join(projectRoot, 'content/topics.yaml'), join(folder, 'topics.yaml'));
    await copyFile(join(projectRoot, 'content/papers/2025/2306.13575.mdx'), join(folder, 'papers/2025/2306.13575.mdx'));
    // `.` and `digest` name the same folder from inside it and from beside it, by npm or by node.
    for (const [cwd, arg, viaNpm] of [
      [folder, '.', true],
      [outside, 'digest', true],
      [folder, '.', false],
      [outside, './digest/', false],
    ] as const) {
      const { code, stdout, stderr } = await run(cwd, [arg, '--no-cache'], viaNpm);
      expect([code, stderr], `${arg} in ${cwd}`).toEqual([0, '']);
      expect(stdout).toMatch(/^✓ 1 paper OK/);
    }
    // With no folder, the project's own content, wherever it is typed.
    const seed = await run(outside, ['--no-cache'], false);
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/^✓ \d+ papers OK/);
  });
});

describe('an option the command does not know', () => {
  const options = {
    tags: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'from-file': { type: 'string' },
    'no-cache': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  /** What the command says of `args`, as parseArgs (strict) refuses them. */
  const said = (args: string[], positional?: string) => {
    try {
      parseArgs({ args, options, allowPositionals: true });
    } catch (error) {
      return commandLineProblem(error, { command: 'npm run x', args, options, positional });
    }
    throw new Error(`parseArgs took ${args.join(' ')}`);
  };

  it.each([
    [['2306.13575', '--tag', 'llm'], `Unknown option '--tag'. Did you mean "--tags"?`],
    [['--dryrun', '2306.13575'], `Unknown option '--dryrun'. Did you mean "--dry-run"?`],
    [['--from_file=ids.txt'], `Unknown option '--from_file'. Did you mean "--from-file"?`],
    [['--nocache'], `Unknown option '--nocache'. Did you mean "--no-cache"?`],
    [['--TAGS', 'llm'], `Unknown option '--TAGS'. Did you mean "--tags"?`],
    [['2306.13575', '-tags', 'llm'], "Unknown option '-tags': write --tags, with two dashes."],
    [['-no-cache'], "Unknown option '-no-cache': write --no-cache, with two dashes."],
  ])('names the option as typed and the one near it: %j', (args, message) => {
    expect(said(args)).toBe(message);
  });

  it('lists the options when none is near, and how to give a name that starts with "-" where one may', () => {
    const all = 'The options are --tags, --dry-run, --from-file, --no-cache, --help.';
    expect(said(['--zzzzzz'])).toBe(`Unknown option '--zzzzzz'. ${all}`);
    expect(said(['-x'], 'a folder')).toBe(
      `Unknown option '-x'. ${all} For a folder whose name starts with "-", write it after "--": npm run x -- -- -x.`,
    );
  });

  it("keeps parseArgs' own words for what is not an unknown option, and reads nothing after --", () => {
    expect(said(['--tags'])).toBe("Option '--tags <value>' argument missing");
    expect(said(['--tags=a', '--nocahce', '--', '--tag'])).toBe(
      `Unknown option '--nocahce'. Did you mean "--no-cache"?`,
    );
  });
});

describe('a "--" before the ids of a command none of whose arguments starts with "-"', () => {
  const options = { tags: { type: 'string' }, title: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
  it.each([
    [
      ['--', '2306.13575', '--tags', 'a'],
      ['2306.13575', '--tags', 'a'],
    ],
    [
      ['2306.13575', '--', '--', '--dry-run'],
      ['2306.13575', '--dry-run'],
    ],
    [
      ['2306.13575', '--tags=a'],
      ['2306.13575', '--tags=a'],
    ],
  ])('ends no options: %j is read as %j', (args, read) => {
    expect(withoutOptionEnd(args, options)).toEqual(read);
    expect(parseArgs({ args: withoutOptionEnd(args, options), options, allowPositionals: true }).positionals).toEqual([
      '2306.13575',
    ]);
  });

  it('keeps a "--" that is the value of an option', () => {
    expect(withoutOptionEnd(['--title', '--', '2306.13575'], options)).toEqual(['--title', '--', '2306.13575']);
  });
});

describe("each command's --help and the README", () => {
  // new-paper's --help listed --venue, --project and --offline, which the README's new-paper
  // sections never named, and its exit code 0, which they never said; its "once per 50 ids, 3 s
  // apart" was written by hand beside the batch's own numbers.
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  /** The README from one heading to the next of its level or above. */
  const section = (heading: string) => {
    const start = readme.indexOf(`\n${heading}\n`);
    const level = /^#+/.exec(heading)![0].length;
    const end = readme.slice(start + heading.length + 2).search(new RegExp(`\\n#{1,${level}} `));
    return readme.slice(start, end < 0 ? undefined : start + heading.length + 2 + end);
  };
  const options = (help: string) => [...new Set(help.match(/(?<![\w-])--[a-z][a-z-]+/g))];
  const exitCodes = (help: string) =>
    [...help.slice(help.indexOf('Exit code:')).matchAll(/(?:: |,\s+)(\d+) /g)].map((m) => m[1]!);

  it.each([
    ['new-paper', 'scripts/new-paper.ts', section('## Adding a paper')],
    ['check', 'scripts/check.ts', /\n3\. Run `npm run check`[^]*?\n4\. /.exec(readme)?.[0] ?? ''],
  ])("%s: every option and exit code --help gives is in the README's paragraphs on it", async (_name, script, text) => {
    const { code, stdout } = await runScript(script, ['--help']);
    expect(code).toBe(0);
    // Named as an option (after a backtick or a space in code), not only quoted as a suggestion.
    const named = (option: string) => new RegExp(`[\`\\s]${option}(?![\\w-])`).test(text);
    expect(options(stdout).filter((option) => !named(option))).toEqual([]);
    const codes = exitCodes(stdout);
    expect(codes.length).toBeGreaterThanOrEqual(3);
    expect(codes.filter((exit) => !new RegExp(`exit(?:s| code is| code)?[^.;]*?\\b${exit}\\b`).test(text))).toEqual([]);
  });

  it("new-paper: --help and the README give the batch's own size and pause", async () => {
    const { stdout } = await runScript('scripts/new-paper.ts', ['--help']);
    const said = /once per (\d+) ids, (\d+) s apart/.exec(stdout);
    expect(said?.slice(1)).toEqual([String(DEFAULT_BATCH), String(DEFAULT_DELAY_MS / 1000)]);
    expect(section("### Adding a day's papers at once")).toContain(
      `once per ${DEFAULT_BATCH} ids (\`id_list\`), ${DEFAULT_DELAY_MS / 1000} s apart`,
    );
  });
});
