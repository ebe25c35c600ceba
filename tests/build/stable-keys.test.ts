import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBib } from '../helpers/bibtex.ts';
import { buildFixture, buildsDir, type BuildResult } from '../helpers/build.ts';

/**
 * What a reader keeps of a paper must outlast the papers added after it: its BibTeX key (readers'
 * `.bib` files cite it), its page's address and its feed item's id (RSS `guid`, JSON Feed `id`).
 * tests/fixtures/cite is built, then built again with two papers added on later days, each with
 * the natural key of a published paper (the same first author, year and first title word:
 * `celik2024gpt`, held alone, and `celik2024attention`, held by the first of two), and with a
 * published paper's abstract edited.
 */
let before: BuildResult;
let after: BuildResult;

const paper = (id: string, title: string, date: string, abstract: string) => `---
title: "${title}"
authors:
  - Zoë Çelik
date: "${date}"
arxiv: "${id}"
published: "2024-06-01"
tags:
  - attention
---

${abstract}
`;

beforeAll(async () => {
  await mkdir(buildsDir, { recursive: true });
  const content = await mkdtemp(join(buildsDir, 'content-'));
  await cp('tests/fixtures/cite', content, { recursive: true });
  // Sequential: two builds at once would only compete for the same two cores.
  before = await buildFixture(content, { base: '/sub/' });
  const papers = join(content, 'papers', '2025');
  await writeFile(join(papers, '2406.00004.mdx'), paper('2406.00004', 'GPT Agents, Later', '2025-02-05', 'Later.'));
  await writeFile(join(papers, '2406.00005.mdx'), paper('2406.00005', 'Attention, Again', '2025-02-06', 'Again.'));
  const edited = join(papers, '2402.00002.mdx');
  await writeFile(edited, (await readFile(edited, 'utf8')).replace(/\n\n[^]*$/, '\n\nAn abstract written anew.\n'));
  after = await buildFixture(content, { base: '/sub/' });
});

async function keysOf(build: BuildResult): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const file of await glob('papers/*.bib', { cwd: build.outDir })) {
    const entries = parseBib(await readFile(join(build.outDir, file), 'utf8'), file);
    keys.set(file.slice('papers/'.length, -'.bib'.length), entries[0]!.key);
  }
  return keys;
}

async function feedIds(build: BuildResult): Promise<string[]> {
  const json = JSON.parse(await readFile(join(build.outDir, 'feed.json'), 'utf8')) as { items: { id: string }[] };
  const rss = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
  const guids = [...rss.matchAll(/<guid isPermaLink="true">([^<]*)<\/guid>/g)].map((match) => match[1]!);
  expect(guids).toEqual(json.items.map((item) => item.id));
  return guids;
}

describe('what readers keep of a paper, when papers are added after it', () => {
  it('builds both', () => {
    expect(before.ok, before.output).toBe(true);
    expect(after.ok, after.output).toBe(true);
  });

  it('keeps every published BibTeX key, and the added papers take keys of their own', async () => {
    const [old, now] = await Promise.all([keysOf(before), keysOf(after)]);
    expect(old.get('2401.00001')).toBe('celik2024gpt');
    for (const [id, key] of old) expect(now.get(id), id).toBe(key);
    expect(now.get('2406.00004')).toBe('celik2024gpt-2406.00004');
    expect(now.get('2406.00005')).toBe('celik2024attention-2406.00005');
    expect(new Set(now.values()).size).toBe(now.size);
  });

  it("keeps every published paper's address and feed item id", async () => {
    const old = await keysOf(before);
    for (const id of old.keys()) expect(existsSync(join(after.outDir, 'papers', id, 'index.html')), id).toBe(true);
    const [oldIds, newIds] = await Promise.all([feedIds(before), feedIds(after)]);
    for (const id of oldIds) expect(newIds).toContain(id);
    expect(newIds.length).toBe(oldIds.length + 2);
  });
});
