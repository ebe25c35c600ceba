/**
 * Site-wide settings: the one module that reads the environment. Everything configurable is here,
 * with its variable, and the README's "Settings" table lists the same variables.
 */
export const siteConfig = {
  title: 'Paper Digest',
  description:
    'A curated, open digest of research papers: abstracts with typeset math, browsable by day and topic, searchable and subscribable.',
  lang: 'en',
  /** The deployed site's origin (and optional path), e.g. `https://owner.github.io` (SITE_URL). */
  siteUrl: stringFromEnv('SITE_URL', 'http://localhost:4321'),
  /** The path the site is served under, e.g. `/paper-digest/` (BASE_PATH). */
  basePath: stringFromEnv('BASE_PATH', '/'),
  /** Where content lives, relative to the project root (PAPER_DIGEST_CONTENT; tests and the benchmark). */
  contentDir: stringFromEnv('PAPER_DIGEST_CONTENT', 'content'),
  /** Where the build writes the site (PAPER_DIGEST_OUT_DIR). */
  outDir: stringFromEnv('PAPER_DIGEST_OUT_DIR', './dist'),
  /** Astro's cache, kept between builds for incremental builds (PAPER_DIGEST_CACHE_DIR). */
  cacheDir: stringFromEnv('PAPER_DIGEST_CACHE_DIR', './node_modules/.astro'),
  /** Most papers any list page shows before it paginates (PAPER_DIGEST_PAGE_SIZE). */
  pageSize: positiveIntegerFromEnv('PAPER_DIGEST_PAGE_SIZE', 50),
  /** Names on each page of the A–Z list of authors (PAPER_DIGEST_AUTHOR_INDEX_PAGE_SIZE). */
  authorIndexPageSize: positiveIntegerFromEnv('PAPER_DIGEST_AUTHOR_INDEX_PAGE_SIZE', 500),
  /** Fewest items in each RSS/JSON feed (PAPER_DIGEST_FEED_SIZE). */
  feedSize: positiveIntegerFromEnv('PAPER_DIGEST_FEED_SIZE', 50),
  /**
   * The project's repository, linked from About with its CONTRIBUTING.md (PAPER_DIGEST_REPOSITORY).
   * On GitHub Actions, the repository being built, from GITHUB_SERVER_URL and GITHUB_REPOSITORY.
   * Elsewhere unknown (undefined), and then no page links a repository rather than guess one.
   */
  repositoryUrl: httpsUrlFromEnv(
    'PAPER_DIGEST_REPOSITORY',
    process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
      ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
      : undefined,
  ),
} as const;

/** A file of the repository's default branch, e.g. `CONTRIBUTING.md`, on its host's web view. */
export function repositoryFileUrl(repositoryUrl: string, file: string): string {
  return `${repositoryUrl}/blob/HEAD/${file}`;
}

function httpsUrlFromEnv(name: string, fallback: string | undefined): string | undefined {
  const value = process.env[name] || fallback;
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(
      `${name} must be the repository's https:// address, e.g. "https://github.com/owner/repo", not "${value}"`,
    );
  }
  // One form, whatever was written: no trailing slash, so paths can be appended.
  return url.href.replace(/\/+$/, '');
}

function stringFromEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`${name} must be a positive whole number, not "${value}"`);
  }
  return size;
}
