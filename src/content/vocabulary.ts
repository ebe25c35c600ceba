import { closeSync, constants, lstatSync, openSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describeForbiddenCharacter, findForbiddenCharacter, forbiddenInData } from './characters.ts';
import { nodeLine, parseYaml } from './frontmatter.ts';
import { TOPICS_FILE } from './paths.ts';
import { ContentError, fieldName, type ContentProblem } from './problems.ts';
import { issueKind, topicListSchema, type Topic } from './schema.ts';
import { comparable } from '../lib/search-query.ts';
import { lookAlikeKey, lookAlikeLetters, slugLookAlikeKey } from '../lib/look-alike.ts';
import { scriptsOf } from './scripts.ts';
import { decodeUtf8 } from './utf8.ts';

/** The vocabulary file's size limit: the real one is about 3 KB for 20 topics. */
export const MAX_TOPICS_BYTES = 64 * 1024;

/**
 * Reads and checks the topic vocabulary with the same rules as a paper's frontmatter: no link,
 * bounded size and YAML, no forbidden character however it is written, the schema, each slug
 * once. Problems come back as `file:line: field: message`, never as an exception. It is read
 * synchronously because the paper schema needs the list of slugs at config time.
 */
export function readTopics(
  path: string = TOPICS_FILE,
  root: string = process.cwd(),
): { topics: Topic[]; problems: ContentProblem[] } {
  const absolute = resolve(root, path);
  const file = relative(root, absolute).split(sep).join('/');
  // A problem that stops the reading: of the file as a whole, each its own kind.
  // A file that is missing, a link or no regular file has no lines: its problem is at none.
  const fail = (line: number | undefined, field: string, message: string, kind: string) => ({
    topics: [],
    problems: [{ file, ...(line === undefined ? {} : { line }), field, message, kind }],
  });

  const stats = lstatOrUndefined(absolute);
  if (!stats)
    return fail(
      undefined,
      'file',
      'is missing: the topic vocabulary lists every topic slug papers may use.',
      'file-place',
    );
  if (stats.isSymbolicLink())
    return fail(undefined, 'file', 'is a symbolic link: it must be a file in the repository itself.', 'file-place');
  if (!stats.isFile()) return fail(undefined, 'file', 'is not a regular file.', 'file-place');
  if (stats.size > MAX_TOPICS_BYTES) {
    return fail(
      1,
      'file',
      `has ${stats.size} bytes; the topic vocabulary must be at most ${MAX_TOPICS_BYTES}.`,
      'file-too-large',
    );
  }
  const decoded = decodeUtf8(readNoFollow(absolute));
  if (!('text' in decoded))
    return {
      topics: [],
      problems: [
        {
          file,
          field: 'file',
          line: decoded.line,
          column: decoded.column,
          message: `${decoded.message}: save it as UTF-8.`,
          kind: 'encoding',
        },
      ],
    };
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const found = findForbiddenCharacter(line, { multiline: true });
    if (found) return fail(index + 1, 'file', describeForbiddenCharacter(found), 'character');
  }

  const parsed = parseYaml(file, text, 1, MAX_TOPICS_BYTES, 'topics', (path) =>
    path.length === 1 && typeof path[0] === 'number' ? TOPIC_KEYS : undefined,
  );
  if (!parsed.doc) return { topics: [], problems: parsed.problems };
  const { doc, lineAt } = parsed;
  const lineOf = (path: (string | number)[]) => nodeLine(doc, path, lineAt) ?? 1;
  const field = (path: (string | number)[]) =>
    `topics${path.length > 0 ? fieldName(path).replace(/^(?!\[)/, '.') : ''}`;
  const data: unknown = doc.toJS({ maxAliasCount: 0 });

  const characterProblems = forbiddenInData(data).map(({ path, linePath, message }) => ({
    file,
    line: lineOf(linePath),
    field: field(path),
    message,
    kind: 'character',
  }));
  if (characterProblems.length > 0) return { topics: [], problems: characterProblems };

  const result = topicListSchema.safeParse(data);
  if (!result.success) {
    return {
      topics: [],
      problems: result.error.issues.flatMap((issue) => {
        const path = issue.path as (string | number)[];
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({
            file,
            line: lineOf([...path, key]),
            field: field([...path, key]),
            kind: 'field-unknown',
            message: `unknown field. Topics have ${TOPIC_KEYS.map((name) => `\`${name}\``).join(', ')}.`,
          }));
        }
        return [
          {
            file,
            line: lineOf(path),
            field: field(path),
            message: describeTopicIssue(issue, path),
            kind: issueKind(issue),
          },
        ];
      }),
    };
  }
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  // Labels name topics to readers and to the search page's topic filter: two topics with one label
  // (case and accents aside) would be one topic there, and one feed title twice.
  const seenLabels = new Map<string, number>();
  // …and two labels that look alike (`lookAlikeKey`: "Асе" in Cyrillic letters and "Ace") would
  // read as one topic there while being two.
  const seenLooks = new Map<string, { label: string; line: number }>();
  const seenSlugLooks = new Map<string, { slug: string; line: number }>();
  result.data.forEach((topic, index) => {
    const line = lineOf([index, 'slug']);
    const first = seen.get(topic.slug);
    const slugLook = slugLookAlikeKey(topic.slug);
    const slugTwin = seenSlugLooks.get(slugLook);
    if (first === undefined) {
      seen.set(topic.slug, line);
      // Slugs are lowercase ASCII, whose look-alikes are few: `rn` and `m`, `1` and `l`, `0` and `o` (slugLookAlikeKey).
      if (slugTwin === undefined) seenSlugLooks.set(slugLook, { slug: topic.slug, line });
      else {
        const letters = lookAlikeLetters(topic.slug, slugTwin.slug, (char) => scriptsOf(char).script ?? 'Common');
        problems.push({
          file,
          line,
          field: field([index, 'slug']),
          kind: 'slug-look-alike',
          message: `"${topic.slug}" looks like "${slugTwin.slug}", another topic's slug (line ${slugTwin.line})${letters.length > 0 ? `: ${letters.slice(0, 6).join(', ')}` : ''}. Give each topic a slug of its own that reads as no other.`,
        });
      }
    } else
      problems.push({
        file,
        line,
        field: field([index, 'slug']),
        kind: 'slug-repeated',
        message: `"${topic.slug}" is listed twice (first on line ${first}): keep one.`,
      });
    const labelLine = lineOf([index, 'label']);
    const labelKey = comparable(topic.label);
    const firstLabel = seenLabels.get(labelKey);
    const look = comparable(lookAlikeKey(topic.label));
    const twin = seenLooks.get(look);
    if (firstLabel === undefined) {
      seenLabels.set(labelKey, labelLine);
      if (twin === undefined) seenLooks.set(look, { label: topic.label, line: labelLine });
      else {
        const letters = lookAlikeLetters(topic.label, twin.label, (char) => scriptsOf(char).script ?? 'Common');
        problems.push({
          file,
          line: labelLine,
          field: field([index, 'label']),
          kind: 'label-look-alike',
          message: `"${topic.label}" looks like "${twin.label}", another topic's label (line ${twin.line})${letters.length > 0 ? `: ${letters.slice(0, 6).join(', ')}` : ''}. Give each topic a label of its own, each word in the letters of one script.`,
        });
      }
    } else
      problems.push({
        file,
        line: labelLine,
        field: field([index, 'label']),
        kind: 'label-repeated',
        message: `"${topic.label}" is the label of another topic too (line ${firstLabel}): give each topic its own label.`,
      });
  });
  return problems.length > 0 ? { topics: [], problems } : { topics: result.data, problems };
}

/** The vocabulary, or a ContentError listing its problems (for callers that cannot go on without it). */
export function loadTopics(path: string = TOPICS_FILE, root?: string): Topic[] {
  const { topics, problems } = readTopics(path, root);
  if (problems.length > 0) throw new ContentError(problems);
  return topics;
}

const TOPIC_KEYS = ['slug', 'label', 'description'] as const;

function describeTopicIssue(
  issue: { code: string; message: string; input?: unknown },
  path: (string | number)[],
): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (path.length === 0) return 'must be a list of topics, each `- slug: …` with `label:` and `description:`.';
  if (issue.input === undefined) return `is required: add \`${String(path.at(-1))}:\`.`;
  return typeof path.at(-1) === 'number'
    ? 'must be a mapping with `slug:`, `label:` and `description:`.'
    : 'must be text.';
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function readNoFollow(path: string): Buffer {
  const descriptor = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
