import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTHORS_BEFORE_CUT, LISTED_AUTHORS } from '../../src/lib/author-list.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { buildFixture, type BuildResult } from '../helpers/build.ts';
import { parseBib } from '../helpers/bibtex.ts';
import { readXml, xmlElements, xmlText } from '../helpers/xml.ts';

/**
 * A paper of many authors makes output linear in its authors, not quadratic: each author has a
 * page, a feed and a `.bib`, and each of those lists the paper with the first few names (the
 * author's own kept) instead of all of them. Two builds: a digest of one single-author paper, and
 * the same with a paper of AUTHORS authors; the second may be at most a constant times the first
 * plus, per author, the single author's files and a little more (a name on the paper's page, in
 * the sitemap and the search data, the shortened list on the author's own files).
 */
const AUTHORS = 500;
/** Bytes each author may add beyond what the single author's page, feed and `.bib` weigh. */
const PER_AUTHOR_EXTRA = 2_500;

const SOLO = `---
title: "A paper of one author"
authors:
  - Solo Person
date: "2025-03-03"
tags:
  - optimization
---

An abstract about optimization.
`;

const first = ['Alice', 'Bruno', 'Chen', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const names = Array.from(
  { length: AUTHORS },
  (_, index) =>
    `${first[index % first.length]} Collaborator${String.fromCharCode(97 + Math.floor(index / 260))}${String.fromCharCode(97 + (Math.floor(index / 10) % 26))}`,
);
const MANY = `---
title: "A paper of a large collaboration"
authors:
${names.map((name) => `  - ${name}`).join('\n')}
date: "2025-03-04"
tags:
  - optimization
---

An abstract about a large collaboration.
`;

async function contentFolder(papers: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'many-authors-'));
  await mkdir(join(root, 'papers', '2025'), { recursive: true });
  await writeFile(
    join(root, 'topics.yaml'),
    '- slug: optimization\n  label: Optimization\n  description: How networks are trained.\n',
  );
  for (const [name, text] of Object.entries(papers)) await writeFile(join(root, 'papers', '2025', `${name}.mdx`), text);
  return root;
}

/** Bytes of every file under a folder (directories themselves not counted). */
async function bytesUnder(folder: string): Promise<number> {
  const files = await glob('**/*', { cwd: folder, onlyFiles: true, dot: true });
  let total = 0;
  for (const file of files) total += (await readFile(join(folder, file))).length;
  return total;
}

let solo: BuildResult;
let many: BuildResult;
beforeAll(async () => {
  [solo, many] = await Promise.all([
    contentFolder({ solo: SOLO }).then((dir) => buildFixture(dir)),
    contentFolder({ solo: SOLO, many: MANY }).then((dir) => buildFixture(dir)),
  ]);
  expect(solo.ok, solo.output).toBe(true);
  expect(many.ok, many.output).toBe(true);
});

const read = (build: BuildResult, path: string) => readFile(join(build.outDir, path), 'utf8');

describe(`a paper of ${AUTHORS} authors`, () => {
  it('adds output linear in its authors', async () => {
    const soloAuthor = await bytesUnder(join(solo.outDir, 'authors', 'solo-person'));
    const bound = 2 * (await bytesUnder(solo.outDir)) + AUTHORS * (soloAuthor + PER_AUTHOR_EXTRA);
    const total = await bytesUnder(many.outDir);
    expect(total, `${total} bytes; at most ${bound}`).toBeLessThanOrEqual(bound);
  });

  it('names the first authors on cards, the own author kept, and counts the rest', async () => {
    const others = AUTHORS - AUTHORS_BEFORE_CUT;
    for (const page of ['index.html', '2025/03/04/index.html', 'topics/optimization/index.html']) {
      const html = await read(many, page);
      expect(html, page).toContain(`>and ${others} others<span class="visually-hidden">: all authors of “`);
      expect(html, page).not.toContain(`>${names[LISTED_AUTHORS]}</a>`);
    }
    const last = names.at(-1)!;
    const own = await read(many, `authors/${authorSlug(last)}/index.html`);
    expect(own).toContain(`, …, <a class="author" href="/authors/${authorSlug(last)}/">${last}</a>`);
    expect(own).toContain(`>and ${others - 1} others<span class="visually-hidden">: all authors of “`);
    expect(own).not.toContain(`>${names.at(-2)}</a>`);
  });

  it('shortens the list in an author’s feed and .bib, and keeps it whole on the paper’s page and .bib', async () => {
    const last = names.at(-1)!;
    const feed = readXml(await read(many, `authors/${authorSlug(last)}/rss.xml`));
    const [item] = xmlElements(feed, 'item');
    const creators = xmlElements(item!, 'dc:creator').map(xmlText);
    // People only: the count of the rest (`and 491 others`) is no creator.
    expect(creators).toEqual([...names.slice(0, AUTHORS_BEFORE_CUT), last]);
    const [authorEntry] = parseBib(await read(many, `authors/${authorSlug(last)}/papers.bib`));
    expect(authorEntry!.fields.author!.length).toBeLessThan(AUTHORS);
    const [paperEntry] = parseBib(await read(many, 'papers/many.bib'));
    expect(paperEntry!.fields.author).toHaveLength(AUTHORS);
    const page = await read(many, 'papers/many/index.html');
    for (const name of names) expect(page).toContain(`>${name}</a>`);
    expect(page).not.toContain('data-authors-more');
  });
});
