/** Site-wide settings. Site URL and base path come from the environment (see astro.config.mjs). */
export const siteConfig = {
  title: 'Paper Digest',
  description:
    'A curated, open digest of research papers: abstracts with typeset math, browsable by day and topic, searchable and subscribable.',
  lang: 'en',
  /** Most papers any list page shows before it paginates. */
  pageSize: 50,
  /** Number of newest papers in each RSS/JSON feed. */
  feedSize: 50,
  /** Digest dates are calendar dates; they are always grouped and formatted in UTC. */
  timeZone: 'UTC',
} as const;
