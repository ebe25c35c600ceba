/** Site-wide settings. Site URL and base path come from the environment (see astro.config.mjs). */
export const siteConfig = {
  title: 'Paper Digest',
  description:
    'A curated, open digest of research papers: abstracts with typeset math, browsable by day and topic, searchable and subscribable.',
  lang: 'en',
  /** Most papers any list page shows before it paginates (tests set PAPER_DIGEST_PAGE_SIZE). */
  pageSize: positiveIntegerFromEnv('PAPER_DIGEST_PAGE_SIZE', 50),
  /** Number of newest papers in each RSS/JSON feed (tests set PAPER_DIGEST_FEED_SIZE). */
  feedSize: positiveIntegerFromEnv('PAPER_DIGEST_FEED_SIZE', 50),
  /** Digest dates are calendar dates; they are always grouped and formatted in UTC. */
  timeZone: 'UTC',
} as const;

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`${name} must be a positive whole number, not "${value}"`);
  }
  return size;
}
