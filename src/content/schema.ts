import { z } from 'astro/zod';
import { isCalendarDate } from '../lib/dates.ts';
import { didYouMean } from '../lib/suggest.ts';
import { parseArxivId } from '../lib/arxiv-id.ts';

/**
 * The one definition of a paper's frontmatter. Strict: an unknown key is an error. Strings are
 * trimmed and topics deduplicated here, so nothing downstream normalizes again.
 */

export const LIMITS = {
  title: 300,
  author: 200,
  authors: 500,
  venue: 200,
  tags: 8,
  url: 500,
  /** Characters of MDX body (an arXiv abstract is at most 1,920). */
  body: 10_000,
} as const;

/** A size-limit message that says how big the value is and what to do. */
const tooLong =
  (max: number, unit: string, fix: string) =>
  (issue: { input?: unknown }): string => {
    const size = typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : undefined;
    return `${size === undefined ? '' : `has ${size} ${unit}; `}must be at most ${max} ${unit}: ${fix}.`;
  };

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, { error: tooLong(max, 'characters', 'shorten it') }),
    );

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'must be a date written YYYY-MM-DD, in quotes, e.g. "2025-06-06"',
    // One message is enough: a date in another format is not checked against the calendar.
    abort: true,
  })
  .refine(isCalendarDate, 'is not a real calendar date (check the month and day)');

const httpsUrl = z
  .string()
  .max(LIMITS.url, { error: tooLong(LIMITS.url, 'characters', 'link to a shorter address') })
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be a full https:// URL, e.g. "https://github.com/owner/repo"');

export const PAPER_KEYS = ['title', 'authors', 'date', 'arxiv', 'published', 'venue', 'tags', 'links'] as const;
export const LINK_KEYS = ['code', 'project', 'pdf'] as const;

export function createPaperSchema(topicSlugs: ReadonlySet<string>) {
  return z.strictObject({
    title: text(LIMITS.title),
    authors: z
      .array(text(LIMITS.author))
      .min(1, 'list at least one author, in the order the paper gives them')
      .max(LIMITS.authors, {
        error: tooLong(LIMITS.authors, 'authors', 'for a large collaboration, list its name as an author'),
      }),
    date: calendarDate,
    arxiv: z
      .string()
      .superRefine((id, ctx) => {
        const parsed = parseArxivId(id);
        if ('reason' in parsed) ctx.addIssue({ code: 'custom', message: `is not a valid arXiv id: ${parsed.reason}.` });
      })
      .optional(),
    published: calendarDate.optional(),
    venue: text(LIMITS.venue).optional(),
    tags: z
      .array(z.string().trim())
      .min(1, 'list at least one topic from content/topics.yaml')
      .max(LIMITS.tags, { error: tooLong(LIMITS.tags, 'topics', 'keep the most specific ones') })
      .superRefine((tags, ctx) => {
        tags.forEach((tag, index) => {
          if (!topicSlugs.has(tag)) {
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `unknown topic "${tag}".${didYouMean(tag, topicSlugs) || ' Topics are listed in content/topics.yaml.'}`,
            });
          }
        });
      })
      .transform((tags) => [...new Set(tags)]),
    links: z
      .strictObject({
        code: httpsUrl.optional(),
        project: httpsUrl.optional(),
        pdf: httpsUrl.optional(),
      })
      .optional(),
  });
}

export type PaperSchema = ReturnType<typeof createPaperSchema>;
export type PaperData = z.output<PaperSchema>;

/** The topic vocabulary file: a list of topics, each with a URL slug, a label and a description. */
export const topicSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens'),
  label: text(80),
  description: text(200),
});
export const topicListSchema = z.array(topicSchema).min(1);
export type Topic = z.output<typeof topicSchema>;
