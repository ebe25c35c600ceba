import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { paperLoader } from '../../src/content/loader.ts';
import { ContentError, formatProblem } from '../../src/content/problems.ts';
import { readTopics } from '../../src/content/vocabulary.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { projectRoot } from '../helpers/build.ts';

/**
 * The loader (the build's path) run directly, with a minimal stand-in for Astro's loader context:
 * a Map as the store, and the data read through the collection's schema again, as Astro's
 * `parseData` does (it throws on data the schema refuses, with no file line). What it logs and the
 * problems it throws are what a build would print.
 */
async function runLoader(
  root: string,
  contentDir: string,
  {
    store = new Map<string, Record<string, unknown>>(),
    versions,
  }: {
    store?: Map<string, Record<string, unknown>>;
    versions?: readonly string[];
  } = {},
) {
  const { topics, problems: topicProblems } = readTopics(`${contentDir}/topics.yaml`, root);
  const schema = createPaperSchema(new Set(topics.map((topic) => topic.slug)));
  const loader = paperLoader({
    directory: `${contentDir}/papers`,
    topicSlugs: topics.map((topic) => topic.slug),
    topicProblems,
    versions,
  });
  const logged: string[] = [];
  const context = {
    store: {
      get: (id: string) => store.get(id),
      set: (entry: { id: string }) => (store.set(entry.id, entry), true),
      keys: () => [...store.keys()],
      values: () => [...store.values()],
      delete: (id: string) => store.delete(id),
    },
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, '.loader-cache/')) },
    generateDigest: (value: string) => createHash('sha256').update(value).digest('hex'),
    parseData: async ({ id, data }: { id: string; data: unknown }) => {
      const parsed = await schema.safeParseAsync(data);
      if (!parsed.success) throw new Error(`papers → ${id} data does not match collection schema`);
      return parsed.data;
    },
    logger: { info: (message: string) => logged.push(message), error: (message: string) => logged.push(message) },
    watcher: undefined,
  } as unknown as LoaderContext;
  try {
    await loader.load(context);
    return { problems: [] as string[], logged, store, message: '' };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: error.problems.map(formatProblem), logged, store, message: error.message };
  }
}

describe('npm run check and the build apply the same rules', () => {
  it('report the same problems for every bad fixture, but for the check-only clock rule', async () => {
    const dir = 'tests/fixtures/bad-papers';
    const scratch = await mkdtemp(join(tmpdir(), 'loader-path-'));
    // The loader writes rendered bodies under the root's cache folder: give it a scratch root.
    await cp(join(projectRoot, dir), join(scratch, dir), { recursive: true });
    const check = await checkContent({ root: scratch, papersDir: `${dir}/papers`, topicsFile: `${dir}/topics.yaml` });
    const build = await runLoader(scratch, dir);

    const clockRule = / date: \S+ is in the future: /;
    const checked = check.problems.map(formatProblem);
    expect(checked.filter((line) => clockRule.test(line))).toHaveLength(1);
    expect(new Set(build.problems)).toEqual(new Set(checked.filter((line) => !clockRule.test(line))));
    // Every fixture file is reported by both (the duplicate and collision pairs by one file).
    const files = new Set(build.problems.map((line) => line.slice(0, line.indexOf(':'))));
    expect(files.size).toBeGreaterThan(90);
  });

  it('report a broken topic vocabulary the same way, before any paper', async () => {
    const root = await mkdtemp(join(tmpdir(), 'loader-topics-'));
    await cp(join(projectRoot, 'tests/fixtures/site'), join(root, 'content'), { recursive: true });
    await writeFile(
      join(root, 'content/topics.yaml'),
      '- slug: a\n  label: A\n  description: One.\n- slug: a\n  label: B\n  description: Two.\n',
    );
    const expected = ['content/topics.yaml:4: topics[1].slug: "a" is listed twice (first on line 1): keep one.'];
    expect(
      (await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' })).problems.map(
        formatProblem,
      ),
    ).toEqual(expected);
    expect((await runLoader(root, 'content')).problems).toEqual(expected);
  });
});

describe('a content folder without papers', () => {
  // The check said "✓ 0 papers OK" (exit 0) where the build stopped with an error of its own, and
  // a `papers` that is a file stopped the check with a stack trace.
  it.each([
    ['no papers folder', async () => {}, 'content/papers: file: is missing: papers are files content/papers/<year>/'],
    [
      'an empty papers folder',
      (papers: string) => mkdir(papers),
      'content/papers: file: holds no papers: papers are files content/papers/<year>/',
    ],
    [
      'a papers folder with only an empty year folder and an editor file',
      async (papers: string) => {
        await mkdir(join(papers, '2025'), { recursive: true });
        await writeFile(join(papers, '.DS_Store'), '');
      },
      'content/papers: file: holds no papers: papers are files content/papers/<year>/',
    ],
    [
      'a file named papers',
      (papers: string) => writeFile(papers, 'not a folder'),
      'content/papers: file: is not a folder: papers are files content/papers/<year>/',
    ],
  ])('%s: the check and the build report the same problem', async (_name, make, start) => {
    const root = await mkdtemp(join(tmpdir(), 'loader-empty-'));
    await mkdir(join(root, 'content'));
    await cp(join(projectRoot, 'content/topics.yaml'), join(root, 'content/topics.yaml'));
    await make(join(root, 'content/papers'));
    const check = await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' });
    const checked = check.problems.map(formatProblem);
    expect(checked).toEqual([`${start}<name>.mdx (npm run new-paper writes one).`]);
    expect((await runLoader(root, 'content')).problems).toEqual(checked);
  });
});

describe('a paper outside the papers folder', () => {
  // Neither read it: the check said ✓ and the paper never reached the site.
  it('is a problem for the check and the build alike, naming the folder it belongs in', async () => {
    const root = await mkdtemp(join(tmpdir(), 'loader-outside-'));
    const seed = (name: string) => join(projectRoot, 'content/papers/2025', name);
    await mkdir(join(root, 'content/papers/2025'), { recursive: true });
    await mkdir(join(root, 'content/paper/2025'), { recursive: true });
    await mkdir(join(root, 'content/.drafts'), { recursive: true });
    await cp(join(projectRoot, 'content/topics.yaml'), join(root, 'content/topics.yaml'));
    await cp(seed('2306.13575.mdx'), join(root, 'content/papers/2025/2306.13575.mdx'));
    await cp(seed('1511.07543.mdx'), join(root, 'content/1511.07543.mdx'));
    await cp(seed('2003.07845.mdx'), join(root, 'content/paper/2025/2003.07845.mdx'));
    // Not papers: notes, and what an editor keeps in a hidden folder.
    await writeFile(join(root, 'content/notes.md'), 'Notes.\n');
    await cp(seed('2008.08427.mdx'), join(root, 'content/.drafts/2008.08427.mdx'));

    const check = await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' });
    const checked = check.problems.map(formatProblem);
    const outside = (file: string, target: string) =>
      `${file}:1: file: is outside content/papers/, so neither the check nor the build reads it: a paper lives in the folder of its date's four-digit year (this one's is 2025); move it to ${target}.`;
    expect(checked).toEqual([
      outside('content/1511.07543.mdx', 'content/papers/2025/1511.07543.mdx'),
      outside('content/paper/2025/2003.07845.mdx', 'content/papers/2025/2003.07845.mdx'),
    ]);
    expect((await runLoader(root, 'content')).problems).toEqual(checked);
  });
});

describe('the loader cache key', () => {
  it('changes with the version of a library that renders', async () => {
    const root = await mkdtemp(join(tmpdir(), 'loader-cache-'));
    await cp(join(projectRoot, 'tests/fixtures/site'), join(root, 'content'), { recursive: true });
    // A stand-in for an installed KaTeX: the key reads node_modules/<library>/package.json.
    const katex = join(root, 'node_modules/katex');
    await mkdir(katex, { recursive: true });
    await writeFile(join(katex, 'package.json'), JSON.stringify({ name: 'katex', version: '0.19.1' }));

    const first = await runLoader(root, 'content');
    expect(first.problems).toEqual([]);
    expect(first.logged).toContain('2 papers (2 rendered, 0 cached)');
    const second = await runLoader(root, 'content', { store: first.store });
    expect(second.logged).toContain('2 papers (0 rendered, 2 cached)');

    await writeFile(join(katex, 'package.json'), JSON.stringify({ name: 'katex', version: '0.19.2' }));
    const upgraded = await runLoader(root, 'content', { store: first.store });
    expect(upgraded.logged).toContain('2 papers (2 rendered, 0 cached)');
  });

  it('changes with an injected version list, and the check cache follows it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'check-versions-'));
    await cp(join(projectRoot, 'tests/fixtures/site'), join(root, 'content'), { recursive: true });
    const run = (versions: string[]) =>
      checkContent({
        root,
        papersDir: 'content/papers',
        topicsFile: 'content/topics.yaml',
        cacheFile: join(root, 'cache.json'),
        versions,
      });
    const rendered = async (versions: string[]) =>
      (await run(versions)).papers.filter((paper) => paper.rendered !== undefined).length;
    expect(await rendered(['katex@0.19.1'])).toBe(2);
    expect(await rendered(['katex@0.19.1'])).toBe(0);
    expect(await rendered(['katex@0.20.0'])).toBe(2);

    const store = (await runLoader(root, 'content', { versions: ['yaml@2.9.1'] })).store;
    expect((await runLoader(root, 'content', { store, versions: ['yaml@2.9.1'] })).logged).toContain(
      '2 papers (0 rendered, 2 cached)',
    );
    expect((await runLoader(root, 'content', { store, versions: ['yaml@2.9.2'] })).logged).toContain(
      '2 papers (2 rendered, 0 cached)',
    );
  });
});

/**
 * One paper file, with its frontmatter's `links:` and body as given, run through `npm run check`
 * and the loader (the build), each in a content folder of its own with the bad fixtures' topics.
 */
async function bothVerdicts(name: string, { links = '', body = 'An abstract.' }: { links?: string; body?: string }) {
  const root = await mkdtemp(join(tmpdir(), 'loader-verdict-'));
  await mkdir(join(root, 'content/papers/2025'), { recursive: true });
  await cp(join(projectRoot, 'tests/fixtures/bad-papers/topics.yaml'), join(root, 'content/topics.yaml'));
  const text = `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n${links}---\n\n${body}\n`;
  await writeFile(join(root, `content/papers/2025/${name}.mdx`), text);
  const check = await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' });
  const build = await runLoader(root, 'content');
  return { check: check.problems.map(formatProblem), build: build.problems, stored: [...build.store.keys()] };
}

describe('a paper the check accepts, the build accepts (Astro reads its data through the schema again)', () => {
  // 20 characters of https://example.org/ and 80 é, each %C3%A9 once normalized: 500 characters.
  const link = (letters: number) => `links:\n  code: "https://example.org/${'é'.repeat(letters)}"\n`;

  it('a link whose normalized form is as long as a link may be', async () => {
    expect(await bothVerdicts('at-limit', { links: link(80) })).toEqual({ check: [], build: [], stored: ['at-limit'] });
  });

  it('refuses a link whose normalized form is longer, in both, at its line', async () => {
    const { check, build } = await bothVerdicts('past-limit', { links: link(81) });
    expect(check).toEqual([
      'content/papers/2025/past-limit.mdx:9: links.code: is 506 characters long as published (percent-encoded); must be at most 500 characters: link to a shorter address',
    ]);
    expect(build).toEqual(check);
  });
});

describe('a build with many problems', () => {
  it('lists the problems that fit in 48 KB, as the check lists them, and how many more: Astro exits as it prints', async () => {
    // Into a pipe (CI's log) only the first 64 KB of the error reached the reader, cut mid-line.
    const root = await mkdtemp(join(tmpdir(), 'loader-many-'));
    await mkdir(join(root, 'content/papers/2025'), { recursive: true });
    await cp(join(projectRoot, 'tests/fixtures/bad-papers/topics.yaml'), join(root, 'content/topics.yaml'));
    for (let index = 0; index < 400; index++) {
      const paper = `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\n[a](https://example.org/${'a'.repeat(60)}\\${index})\n`;
      await writeFile(join(root, `content/papers/2025/p${index}.mdx`), paper);
    }
    const check = await checkContent({ root, papersDir: 'content/papers', topicsFile: 'content/topics.yaml' });
    const build = await runLoader(root, 'content');
    expect(build.problems).toEqual(check.problems.map(formatProblem));
    expect(build.problems).toHaveLength(400);
    const [heading, ...lines] = build.message.split('\n');
    const listed = lines.length - 1;
    expect(heading).toBe('Paper content has 400 problems:');
    expect(listed).toBeGreaterThan(100);
    expect(lines.slice(0, listed)).toEqual(build.problems.slice(0, listed));
    expect(lines.at(-1)).toBe(`… and ${400 - listed} more problems: \`npm run check\` lists them all.`);
    expect(Buffer.byteLength(build.message)).toBeLessThan(50 * 1024);
  });
});
