import type { PaperData } from '../content/schema.ts';
import { arxivId, arxivLinks } from './arxiv-id.ts';

/**
 * Citation facts derived from a paper's frontmatter, shared by the BibTeX entries, the
 * `citation_*` meta tags (Google Scholar, Zotero) and the JSON-LD. Nothing is invented: a field
 * that the frontmatter does not give is left out.
 */
export interface CitablePaper {
  id: string;
  data: Pick<PaperData, 'title' | 'authors' | 'date' | 'arxiv' | 'published' | 'venue' | 'links'>;
}

export type VenueKind = 'journal' | 'conference';

/**
 * Whether a venue is a journal or a conference (or workshop), decided conservatively from its
 * text: journals say so ("Journal", "Transactions", "Letters") or are one of a few well-known
 * abbreviations; everything else that is known is read as proceedings.
 */
export function venueKind(venue: string): VenueKind {
  return /\b(journal|transactions|letters)\b/i.test(venue) || /\b(TMLR|JMLR|TPAMI|PAMI)\b/.test(venue)
    ? 'journal'
    : 'conference';
}

/**
 * The year to cite: the one in the venue (`NeurIPS 2023`) when there is one, else the year of the
 * paper's first version, else the year of the digest.
 */
export function citationYear(paper: CitablePaper): string {
  const fromVenue = paper.data.venue?.match(/\b(19|20)\d{2}\b/)?.[0];
  return fromVenue ?? (paper.data.published ?? paper.data.date).slice(0, 4);
}

/** `YYYY/MM/DD`, as Google Scholar wants it: the first version's date if known, else the digest date. */
export function citationDate(paper: CitablePaper): string {
  return (paper.data.published ?? paper.data.date).replaceAll('-', '/');
}

/**
 * An arXiv id as arXiv cites it: the canonical id as the eprint and, for an old-style id, its
 * primary class (`math.GT/0309136` is the eprint `math/0309136` in class `math.GT`; `hep-th/9901001`
 * names its class, the archive, itself).
 */
export function arxivEprint(id: string): { eprint: string; primaryClass?: string } {
  const { canonical, primaryClass } = arxivId(id);
  return primaryClass ? { eprint: canonical, primaryClass } : { eprint: canonical };
}

/** The paper's PDF: the one given in `links.pdf`, else arXiv's. */
export function pdfUrl(paper: CitablePaper): string | undefined {
  return paper.data.links?.pdf ?? (paper.data.arxiv ? arxivLinks(paper.data.arxiv).pdf : undefined);
}

/** Where the paper itself lives: its arXiv page, else its PDF, else its project page. */
export function paperUrl(paper: CitablePaper): string | undefined {
  if (paper.data.arxiv) return arxivLinks(paper.data.arxiv).abs;
  return paper.data.links?.pdf ?? paper.data.links?.project;
}

export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Highwire Press `citation_*` tags, read by Google Scholar and Zotero: one `citation_author`
 * per author, in order.
 */
export function citationMetaTags(paper: CitablePaper): MetaTag[] {
  const { data } = paper;
  const tags: MetaTag[] = [{ name: 'citation_title', content: data.title }];
  for (const author of data.authors) tags.push({ name: 'citation_author', content: author });
  tags.push({ name: 'citation_publication_date', content: citationDate(paper) });
  if (data.venue) {
    const kind = venueKind(data.venue);
    tags.push({
      name: kind === 'journal' ? 'citation_journal_title' : 'citation_conference_title',
      content: data.venue,
    });
  }
  if (data.arxiv) tags.push({ name: 'citation_arxiv_id', content: arxivEprint(data.arxiv).eprint });
  const pdf = pdfUrl(paper);
  if (pdf) tags.push({ name: 'citation_pdf_url', content: pdf });
  return tags;
}

/** A schema.org `ScholarlyArticle` for the paper's page (`pageUrl`, absolute). */
export function scholarlyArticle(
  paper: CitablePaper,
  { pageUrl, abstract }: { pageUrl: string; abstract?: string },
): Record<string, unknown> {
  const { data } = paper;
  const sameAs = data.arxiv ? arxivLinks(data.arxiv).abs : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: data.title,
    name: data.title,
    author: data.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: data.published ?? data.date,
    url: pageUrl,
    ...(sameAs && { sameAs }),
    ...(abstract && { abstract }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * `\u` escapes, so no text in the data can close the element or look like markup.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
