import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';

/**
 * A synthetic corpus for the benchmark, made from the seed abstracts: each paper takes a seed
 * abstract, shuffles some of its sentences, and adds inline and display math; papers get one to
 * three topics and are spread over many digest days. Deterministic for a given count.
 */
export interface CorpusOptions {
  papers: number;
  /** Folder that receives `papers/` and `topics.yaml`. */
  outDir: string;
  /** Where the seed papers and topics are read from. */
  sourceDir?: string;
  papersPerDay?: number;
}

/** A small seeded PRNG (mulberry32), so a corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INLINE_MATH = [
  '$\\mathcal{O}(n \\log n)$',
  '$x_i^2$',
  '$\\sigma(Wx + b)$',
  '$\\alpha \\in (0, 1)$',
  '$\\|\\theta\\|_2$',
];
const DISPLAY_MATH = [
  '$$\n\\mathcal{L}(\\theta) = \\frac{1}{n} \\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i)\n$$',
  '$$\nf(x) = \\sum_{q=0}^{2n} \\Phi_q\\left( \\sum_{p=1}^{n} \\phi_{q,p}(x_p) \\right)\n$$',
];

interface Seed {
  title: string;
  body: string;
}

async function readSeeds(sourceDir: string): Promise<{ seeds: Seed[]; topics: string[] }> {
  const files = (await glob('papers/**/*.mdx', { cwd: sourceDir })).sort();
  const seeds: Seed[] = [];
  for (const file of files) {
    const text = await readFile(join(sourceDir, file), 'utf8');
    const [, frontmatter = '', ...rest] = text.split(/^---$/m);
    const data = parse(frontmatter) as { title: string };
    seeds.push({ title: data.title, body: rest.join('---').trim() });
  }
  const topics = (parse(await readFile(join(sourceDir, 'topics.yaml'), 'utf8')) as { slug: string }[]).map(
    (t) => t.slug,
  );
  return { seeds, topics };
}

function dateOfDay(dayIndex: number): string {
  // Day 0 is 2025-06-06; earlier papers go back one day at a time.
  const date = new Date(Date.UTC(2025, 5, 6 - dayIndex));
  return date.toISOString().slice(0, 10);
}

/** The text of synthetic paper number `index` (0-based). */
export function syntheticPaper(
  index: number,
  seeds: Seed[],
  topics: string[],
  papersPerDay: number,
): { id: string; year: string; text: string } {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const seed = seeds[index % seeds.length]!;
  const sentences = seed.body.split(/(?<=\.)\s+(?=[A-Z])/);
  // Rotate the sentences so that abstracts built from the same seed differ.
  const shift = Math.floor(next() * sentences.length);
  const body = [...sentences.slice(shift), ...sentences.slice(0, shift)].join(' ');
  const tagCount = 1 + Math.floor(next() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(topics)))];
  const date = dateOfDay(Math.floor(index / papersPerDay));
  const id = `synthetic-${String(index).padStart(6, '0')}`;
  const text = [
    '---',
    `title: ${JSON.stringify(`${seed.title} (variant ${index})`)}`,
    'authors:',
    `  - ${JSON.stringify(`Author ${index % 977}`)}`,
    `  - ${JSON.stringify(`Coauthor ${index % 613}`)}`,
    `date: "${date}"`,
    'tags:',
    ...tags.map((tag) => `  - ${tag}`),
    '---',
    '',
    `${body} We bound the error by ${pick(INLINE_MATH)}.`,
    '',
    pick(DISPLAY_MATH),
    '',
  ].join('\n');
  return { id, year: date.slice(0, 4), text };
}

export async function writeCorpus({
  papers,
  outDir,
  sourceDir = 'content',
  papersPerDay = 20,
}: CorpusOptions): Promise<void> {
  const { seeds, topics } = await readSeeds(sourceDir);
  await mkdir(join(outDir, 'papers'), { recursive: true });
  await copyFile(join(sourceDir, 'topics.yaml'), join(outDir, 'topics.yaml'));
  const years = new Set<string>();
  const batch: Promise<void>[] = [];
  for (let index = 0; index < papers; index++) {
    const { id, year, text } = syntheticPaper(index, seeds, topics, papersPerDay);
    if (!years.has(year)) {
      years.add(year);
      await mkdir(join(outDir, 'papers', year), { recursive: true });
    }
    batch.push(writeFile(join(outDir, 'papers', year, `${id}.mdx`), text));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

/** Adds one more paper (for the warm rebuild), numbered after the existing ones. */
export async function addOnePaper(outDir: string, existing: number, sourceDir = 'content'): Promise<void> {
  const { seeds, topics } = await readSeeds(sourceDir);
  const { id, year, text } = syntheticPaper(existing, seeds, topics, 20);
  await mkdir(join(outDir, 'papers', year), { recursive: true });
  await writeFile(join(outDir, 'papers', year, `${id}.mdx`), text);
}
