import metadata from '../fixtures/seed/metadata.json' with { type: 'json' };

/**
 * A seed paper's verified facts, as tests/fixtures/seed/metadata.json holds them (a copy of
 * ../shared/seed/metadata.json).
 */
export interface SeedFacts {
  title: string;
  arxiv: string;
  authors: string[];
  published: string | null;
  venue: string | null;
  code: string | null;
}

/** The seed's verified facts, one entry a paper: what tests of the seed's pages and citations expect. */
export const seedFacts = metadata as SeedFacts[];
