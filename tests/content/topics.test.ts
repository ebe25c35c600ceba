import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { MAX_TOPIC_SLUG_LENGTH } from '../../src/content/schema.ts';
import { loadTopics, MAX_TOPICS_BYTES, readTopics } from '../../src/content/vocabulary.ts';
import { projectRoot } from '../helpers/build.ts';

const dir = 'tests/fixtures/bad-topics';

/** One topic of a `topics.yaml`, as a contributor writes it (three lines). */
const topic = (slug: string, label: string) => `- slug: ${slug}\n  label: ${label}\n  description: A topic.\n`;

/** One broken vocabulary per case, with the exact line a contributor must see. */
const expected: [string, string[]][] = [
  [
    'malformed',
    [
      '2: topics: YAML: Missing closing "quote: the quote opened here is never closed, so the value would run on over the lines below: end the value with " on this line ("A paper")',
    ],
  ],
  ['duplicate-slug', ['7: topics[2].slug: "optimization" is listed twice (first on line 1): keep one.']],
  // Search filters topics by label: two topics with one label would be one there.
  [
    'duplicate-label',
    [
      '8: topics[2].label: "Vision MLPs" is the label of another topic too (line 2): give each topic its own label.',
      '11: topics[3].label: "vision-MLPS" is the label of another topic too (line 2): give each topic its own label.',
    ],
  ],
  ['bad-slug', ['1: topics[0].slug: must be lowercase letters, digits and single hyphens']],
  // A topic's slug is a folder of the site (topics/<slug>/), and Windows keeps these names for devices.
  [
    'device-slug',
    [
      '4: topics[1].slug: must be lowercase letters, digits and single hyphens',
      '7: topics[2].slug: "com1" is a device\'s name on Windows (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, in any case, with any extension): a Windows checkout cannot hold such a file, nor a build there write it; use a longer slug (e.g. com1-learning)',
    ],
  ],
  [
    'unknown-key',
    [
      '1: topics[0].description: is required: add `description:`.',
      '3: topics[0].descripton: unknown field. Topics have `slug`, `label`, `description`.',
    ],
  ],
  [
    'escape-bidi',
    ['2: topics[0].label: contains the invisible control character U+202E, written as a YAML escape: delete it.'],
  ],
  ['raw-zero-width', ['2: file: contains the invisible formatting character U+200B: delete it.']],
  ['not-a-list', ['1: topics: must be a list of topics, each `- slug: …` with `label:` and `description:`.']],
  ['empty', ['1: topics: must be a list of topics, each `- slug: …` with `label:` and `description:`.']],
  ['alias', ['4: topics: YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out.']],
];

describe('the topic vocabulary', () => {
  it.each(expected)('%s.yaml is reported as file:line: field: message', (name, lines) => {
    const file = `${dir}/${name}.yaml`;
    const { topics, problems } = readTopics(file, projectRoot);
    expect(topics).toEqual([]);
    expect(problems.map(formatProblem)).toEqual(lines.map((line) => `${file}:${line}`));
  });

  it('refuses a slug too long for a folder name, which stopped the build with ENAMETOOLONG', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    const slug = (length: number) => `${'optimization-'.repeat(30)}`.slice(0, length).replace(/-$/, 'x');
    const topic = (length: number) => `- slug: ${slug(length)}\n  label: L${length}\n  description: A topic.\n`;
    await writeFile(join(root, 'topics.yaml'), topic(MAX_TOPIC_SLUG_LENGTH) + topic(300));
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      `topics.yaml:4: topics[1].slug: has 300 characters; a topic slug names a folder of the site and is at most ${MAX_TOPIC_SLUG_LENGTH}: shorten it`,
    ]);
  });

  it('refuses an empty label or description, saying what to write there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    await writeFile(
      join(root, 'topics.yaml'),
      '- slug: optimization\n  label: " "\n  description: A topic.\n- slug: robotics\n  label: Robotics\n  description: ""\n',
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:2: topics[0].label: must not be empty: it holds only spaces (U+0020 SPACE); write the name pages show for the topic, as in Optimization',
      'topics.yaml:6: topics[1].description: must not be empty: write a sentence that says what papers the topic holds',
    ]);
  });

  it('refuses an address, or a host that passes for another, in a description; takes a dotted name', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    const described = (slug: string, description: string) =>
      `- slug: ${slug}\n  label: ${slug}\n  description: ${description}\n`;
    await writeFile(
      join(root, 'topics.yaml'),
      described('a', 'Papers, see https://evil.example/login now.') +
        described('b', 'Write to ada@example.org for more.') +
        described('c', 'Benchmarks of аpple.com (a Cyrillic а).') +
        described('d', 'Models at s3://gοοgle.com/x (Greek omicrons).') +
        described('e', 'Work on ImageNet.org, ASP.NET, Node.js, e.g. U.S. data, x.y.z and fig.3.'),
    );
    const found = readTopics('topics.yaml', root).problems.map(formatProblem);
    expect(found.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      'topics.yaml:3: topics[0].description',
      'topics.yaml:6: topics[1].description',
      'topics.yaml:9: topics[2].description',
      'topics.yaml:12: topics[3].description',
    ]);
    expect(found[0]).toContain('holds an address (evil.example)');
    expect(found[2]).toContain('(xn--pple-43d.com as published)');
    expect(found[3]).toContain('(xn--ggle-0nda.com as published)');
    // The paper's advice on links.code has no place in a topic.
    for (const line of found) expect(line).not.toContain('links.code');
  });

  it('refuses a label with a word of two scripts, which reads as another topic; takes words of several', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    await writeFile(
      join(root, 'topics.yaml'),
      topic('optimization', 'Optimization') +
        // A Cyrillic О (U+041E) first, then a Greek ο (U+03BF) inside a Latin word.
        topic('optimisation', '\u041Eptimization') +
        topic('robots', 'Rοbot Learning') +
        // Words in different scripts, and Han with kana in one word, are how labels are written.
        topic('nlp-ja', 'Language Models 日本語モデル') +
        topic('greek', 'αβ-CROWN Verification'),
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:5: topics[1].label: has the word "\u041Eptimization", which mixes Cyrillic and Latin letters: write each word in one script (letters of two scripts can look alike, and the label would read as another topic\'s)',
      'topics.yaml:8: topics[2].label: has the word "Rοbot", which mixes Latin and Greek letters: write each word in one script (letters of two scripts can look alike, and the label would read as another topic\'s)',
    ]);
  });

  it('refuses two labels that look alike, and a word of look-alike letters beside Latin words', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    await writeFile(
      join(root, 'topics.yaml'),
      topic('ace', 'Ace') +
        // Cyrillic А (U+0410), с (U+0441), е (U+0435): one script, and it reads "Ace".
        topic('ace-cyrillic', '\u0410\u0441\u0435') +
        // μ (U+03BC) and the micro sign µ (U+00B5), which NFKC makes μ: each a symbol, one look.
        topic('mup', '\u03BCP Scaling') +
        topic('mup-micro', '\u00B5P Scaling') +
        // Cyrillic А, с, е beside a Latin word; a Greek letter alone is a symbol (below).
        topic('ace-models', '\u0410\u0441\u0435 Models') +
        topic('beta-vae', '\u03B2-VAE Models'),
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:14: topics[4].label: has the word "\u0410\u0441\u0435", in Cyrillic letters ("\u0410" U+0410, "\u0441" U+0441, "\u0435" U+0435) that each look like a Latin letter, beside Latin words: it reads as "Ace", and the label would read as another topic\'s. Write that word in the Latin letters it stands for (spell a letter used as a symbol out: alpha, nu), or every word in Cyrillic',
    ]);
    // Once every label passes alone, the twins are refused, each at its line, with the letters.
    await writeFile(
      join(root, 'topics.yaml'),
      topic('ace', 'Ace') +
        topic('ace-cyrillic', '\u0410\u0441\u0435') +
        topic('mup', '\u03BCP Scaling') +
        topic('mup-micro', '\u00B5P Scaling') +
        topic('beta-vae', '\u03B2-VAE Models') +
        // Labels that differ by a letter of one stroke, read by the labels' comparison that drops
        // hyphens: an I is no nothing, nor a capital L a capital I.
        topic('i-jepa', 'I-JEPA') +
        topic('jepa', 'JEPA') +
        topic('il', 'IL Methods') +
        topic('ll', 'LL Methods') +
        // Greek letters used as symbols, alone or beside Latin letters that do not look like them.
        topic('alpha-divergence', '\u03B1-divergence') +
        topic('nu-svm', '\u03BD-SVM') +
        topic('sigma-algebras', '\u03C3-Algebras') +
        topic('alpha-beta-crown', '\u03B1,\u03B2-CROWN'),
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:5: topics[1].label: "\u0410\u0441\u0435" looks like "Ace", another topic\'s label (line 2): "\u0410" (U+0410, Cyrillic) looks like "A", "\u0441" (U+0441, Cyrillic) looks like "c", "\u0435" (U+0435, Cyrillic) looks like "e". Give each topic a label of its own, each word in the letters of one script.',
      'topics.yaml:11: topics[3].label: "\u00B5P Scaling" looks like "\u03BCP Scaling", another topic\'s label (line 8): "\u00B5" (U+00B5, Common) looks like "\u03BC". Give each topic a label of its own, each word in the letters of one script.',
    ]);
  });

  it('refuses two slugs that look alike, which name two topics in addresses that read the same', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    await writeFile(
      join(root, 'topics.yaml'),
      topic('language-models', 'Language Models') +
        topic('language-rnodels', 'Other Models') +
        topic('l1-methods', 'Sparse Methods') +
        topic('ll-methods', 'Log-Linear Methods') +
        topic('vision', 'Vision') +
        topic('l0-methods', 'L0 Methods') +
        topic('lo-methods', 'Local Methods'),
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:4: topics[1].slug: "language-rnodels" looks like "language-models", another topic\'s slug (line 1): "m" (U+006D, Latin) looks like "rn". Give each topic a slug of its own that reads as no other.',
      'topics.yaml:10: topics[3].slug: "ll-methods" looks like "l1-methods", another topic\'s slug (line 7): "1" (U+0031, Common) looks like "l". Give each topic a slug of its own that reads as no other.',
      'topics.yaml:19: topics[6].slug: "lo-methods" looks like "l0-methods", another topic\'s slug (line 16): "0" (U+0030, Common) looks like "O". Give each topic a slug of its own that reads as no other.',
    ]);
  });

  it('is size-limited before it is parsed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    const text = Array.from({ length: 1000 }, (_, i) => `- slug: t${i}\n  label: T${i}\n  description: A topic.`).join(
      '\n',
    );
    await writeFile(join(root, 'topics.yaml'), text.repeat(2));
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      `topics.yaml:1: file: has ${text.length * 2} bytes; the topic vocabulary must be at most ${MAX_TOPICS_BYTES}.`,
    ]);
  });

  it('is missing: a problem, not an exception; loadTopics throws one listing every problem', () => {
    expect(readTopics('no-such-topics.yaml', projectRoot).problems.map(formatProblem)).toEqual([
      'no-such-topics.yaml: file: is missing: the topic vocabulary lists every topic slug papers may use.',
    ]);
    expect(() => loadTopics(`${dir}/duplicate-slug.yaml`, projectRoot)).toThrow(
      `${dir}/duplicate-slug.yaml:7: topics[2].slug: "optimization" is listed twice`,
    );
  });

  it('reads the bundled vocabulary without problems', () => {
    const { topics, problems } = readTopics('content/topics.yaml', projectRoot);
    expect(problems).toEqual([]);
    expect(topics.length).toBeGreaterThan(10);
  });
});
