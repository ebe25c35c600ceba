import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { parse } from 'yaml';
import { seededRandom } from './random.ts';

/**
 * A synthetic corpus for the benchmark, made from the seed abstracts: each paper takes a seed
 * abstract, shuffles some of its sentences, and adds inline and display math; papers get one to
 * three topics and are spread over many digest days, and three to eight authors drawn as in a
 * real digest (see {@link syntheticAuthors}). Deterministic for a given count.
 */
export interface CorpusOptions {
  papers: number;
  /** Folder that receives `papers/` and `topics.yaml`. */
  outDir: string;
  /** Where the seed papers and topics are read from. */
  sourceDir?: string;
  papersPerDay?: number;
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

/**
 * Authors. A real digest has far more authors than papers: most appear once, a few on dozens of
 * papers (Lotka's law). Each author slot of a paper is, with probability ONE_OFF_SHARE, someone
 * who appears on this paper only, and otherwise a draw from a population of regular authors with
 * Zipf–Mandelbrot weights 1/(rank + q)^s. The population and q grow with the corpus, so the shape
 * is the same at every size: at 10,000 papers about 26,000 distinct authors, 5.5 per paper,
 * about two thirds with one paper, the most prolific on a few dozen. Tuned by simulation.
 */
const AUTHOR_SEED = 0x5eed_a17;
const ONE_OFF_SHARE = 0.2;
const REGULAR_AUTHORS_PER_PAPER = 2;
const HEAD_FLATTENING = 0.015;
const ZIPF_EXPONENT = 0.7;
const MIN_AUTHORS = 3;
const MAX_AUTHORS = 8;

interface AuthorPopulation {
  size: number;
  /** Running sums of the weights by rank, for a draw by binary search. */
  cumulative: Float64Array;
}

const populations = new Map<number, AuthorPopulation>();

function authorPopulation(corpusSize: number): AuthorPopulation {
  let population = populations.get(corpusSize);
  if (!population) {
    const size = Math.max(1, Math.round(corpusSize * REGULAR_AUTHORS_PER_PAPER));
    const q = corpusSize * HEAD_FLATTENING;
    const cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) cumulative[rank] = total += (rank + 1 + q) ** -ZIPF_EXPONENT;
    population = { size, cumulative };
    populations.set(corpusSize, population);
  }
  return population;
}

function drawRank({ size, cumulative }: AuthorPopulation, uniform: number): number {
  const target = uniform * cumulative[size - 1]!;
  let low = 0;
  let high = size - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The authors of synthetic paper number `index` in a corpus of `corpusSize` papers: a function of
 * the two alone (and AUTHOR_SEED), so every run, and the paper added for the warm rebuild, agree.
 */
export function syntheticAuthors(index: number, corpusSize: number): string[] {
  const next = seededRandom((AUTHOR_SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const population = authorPopulation(corpusSize);
  const count = MIN_AUTHORS + Math.floor(next() * (MAX_AUTHORS - MIN_AUTHORS + 1));
  const authors = new Set<number>();
  let oneOffs = 0;
  while (authors.size < count) {
    // One-off authors are numbered after the population, eight slots per paper.
    if (next() < ONE_OFF_SHARE) authors.add(population.size + index * MAX_AUTHORS + oneOffs++);
    else authors.add(drawRank(population, next()));
  }
  return [...authors].map(authorName);
}

/**
 * Given names: no two alike and none the start of another once accents and case are dropped, so
 * a name's given part is never mistaken for the start of another's.
 */
export const GIVEN_NAMES = (
  'Ada Agnès Aiko Amara Ángel Bao Björn Carmen Chloé Dagný Dmitri Elif Émile Farah Gökhan Hana Hugo ' +
  'Ibrahim Ingrid Íñigo Jiří José Jun Kavya Kofi Lars Leilani Maëlle Malik Mateus Mei Nadia Niamh ' +
  'Noor Olumide Oskar Paulo Priya Quentin Rafael Renée Sakura Samir Sören Tamar Thảo Tomás Uma ' +
  'Valentina Wei Xiomara Yara Yusuf Zoë Zhen'
).split(' ');

/** Family names are runs of consonant–vowel syllables: read back one way only, whatever the accents. */
const CONSONANTS = 'bdfghklmnprstvz';
const VOWELS = 'aeiou';
/** Accented forms of each vowel (all decompose to the plain vowel plus a mark). */
const ACCENTED: Readonly<Record<string, string>> = { a: 'áàäã', e: 'éèë', i: 'íï', o: 'óöô', u: 'úüù' };
const SYLLABLES = CONSONANTS.length * VOWELS.length;

/** A distinct name for each author number (a bijection: two numbers never give one name). */
export function authorName(author: number): string {
  const given = author % GIVEN_NAMES.length;
  let family = Math.floor(author / GIVEN_NAMES.length);
  // Shift the given name by the family number so neighbours do not share it.
  const givenName = GIVEN_NAMES[(given + family * 7) % GIVEN_NAMES.length]!;
  // Bijective numbering of syllable strings: 2 syllables first, then 3, then 4…
  let length = 2;
  while (family >= SYLLABLES ** length) family -= SYLLABLES ** length++;
  const syllables: string[] = [];
  let previous = 0;
  for (let position = 0; position < length; position++) {
    const digit = family % SYLLABLES;
    family = Math.floor(family / SYLLABLES);
    // Mixing each digit with the previous one (invertibly) spreads the names of low numbers.
    const mixed = (digit * 37 + previous * 11 + position * 5) % SYLLABLES;
    previous = mixed;
    syllables.push(CONSONANTS[mixed % CONSONANTS.length]! + VOWELS[Math.floor(mixed / CONSONANTS.length)]!);
  }
  let familyName = syllables.join('');
  // About one name in six carries an accent on one vowel.
  if (author % 6 === 1) {
    const at = 1 + 2 * (Math.floor(author / 6) % length);
    const accents = ACCENTED[familyName[at]!]!;
    familyName = familyName.slice(0, at) + accents[Math.floor(author / 6) % accents.length] + familyName.slice(at + 1);
  }
  return `${givenName} ${familyName[0]!.toUpperCase()}${familyName.slice(1)}`;
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
  corpusSize: number,
): { id: string; year: string; text: string } {
  const next = seededRandom(index + 1);
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
    ...syntheticAuthors(index, corpusSize).map((author) => `  - ${JSON.stringify(author)}`),
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
    const { id, year, text } = syntheticPaper(index, seeds, topics, papersPerDay, papers);
    if (!years.has(year)) {
      years.add(year);
      await mkdir(join(outDir, 'papers', year), { recursive: true });
    }
    batch.push(writeFile(join(outDir, 'papers', year, `${id}.mdx`), text));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

/**
 * Adds one more paper (for the warm rebuild), numbered after the existing ones, its authors drawn
 * from the same population as theirs.
 */
export async function addOnePaper(outDir: string, existing: number, sourceDir = 'content'): Promise<void> {
  const { seeds, topics } = await readSeeds(sourceDir);
  const { id, year, text } = syntheticPaper(existing, seeds, topics, 20, existing);
  await mkdir(join(outDir, 'papers', year), { recursive: true });
  await writeFile(join(outDir, 'papers', year, `${id}.mdx`), text);
}
