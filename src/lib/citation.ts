import type { PaperData } from '../content/schema.ts';
import { arxivDoi, arxivId, arxivLinks } from './arxiv-id.ts';
import { dottedInitialsApart, givenInitials, inCapitals, isGroupName, nameParts, type NameParts } from './authors.ts';
import { encodeJson } from './encode/json.ts';
import { outputUrl } from './encode/url.ts';
import { isolatedIfRightToLeft } from './direction.ts';
import type { EntryType } from './encode/bibtex-file.ts';
import type { CitedFacts } from './reading-list.ts';
import { titleText } from './title-text.ts';

/**
 * Citation facts derived from a paper's frontmatter, shared by the BibTeX entries, the
 * `citation_*` meta tags (Google Scholar, Zotero) and the JSON-LD. Nothing is invented: every date
 * or year comes from `published`, a year in `venue` or the arXiv id's year and month, and a field
 * the frontmatter does not give is left out. The digest date is never a publication date.
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

/** The year a venue's name gives (`NeurIPS 2023`), if it gives one. */
export function venueYear(venue: string | undefined): string | undefined {
  return venue?.match(/\b(19|20)\d{2}\b/)?.[0];
}

/**
 * When the paper's first version appeared, as precisely as the frontmatter says: the `published`
 * date (`YYYY-MM-DD`), else the year and month of its arXiv id (`YYYY-MM`), else nothing.
 */
export function firstVersionDate(paper: CitablePaper): string | undefined {
  return paper.data.published ?? (paper.data.arxiv ? arxivId(paper.data.arxiv).yearMonth : undefined);
}

/**
 * The year to cite: the venue's (`NeurIPS 2023`) when the venue's name gives one, else the year
 * of the first version. Never the digest date: that is when the digest listed it. A venue without
 * a year is not given the preprint's: the BibTeX entry is then the preprint's (see `entryType`).
 */
export function citationYear(paper: CitablePaper): string | undefined {
  return publicationDate(paper)?.slice(0, 4);
}

/**
 * The month to cite (1–12), from the same date as {@link citationYear}: the first version's month
 * when the year is the first version's. A venue's year comes with no month (a conference's month
 * is not the preprint's, nor known), so then there is none, as there is none without a date.
 */
export function citationMonth(paper: CitablePaper): number | undefined {
  const date = publicationDate(paper);
  return date !== undefined && date.length >= 7 ? Number(date.slice(5, 7)) : undefined;
}

/**
 * The years other papers may cite this one by: its venue's, as its BibTeX entry says, and its
 * first version's, as a preprint is cited (`Akyürek et al., 2022` for the arXiv version of an ICLR
 * 2023 paper). For search (`Akyürek et al., 2023`); none when neither is known.
 */
export function citedYears(paper: CitablePaper): string[] {
  const years = [venueYear(paper.data.venue), firstVersionDate(paper)?.slice(0, 4)];
  return [...new Set(years.filter((year) => year !== undefined))];
}

/**
 * The paper's date for Google Scholar (`citation_publication_date`, `YYYY/MM/DD`, `YYYY/MM` or
 * `YYYY`) and schema.org (`datePublished`, the same with `-`): the date other papers cite, as the
 * BibTeX entry does (see {@link citationYear}): the venue's year when its name gives one, else the
 * first version's date as precisely as it is known, else nothing. A reference manager then files
 * a NeurIPS 2022 paper under 2022, as its BibTeX says, not under its preprint's 2021.
 */
export function publicationDate(paper: CitablePaper): string | undefined {
  return venueYear(paper.data.venue) ?? firstVersionDate(paper);
}

/**
 * A date as Google Scholar's inclusion guidelines ask for one in `citation_*` tags: a full date
 * as `YYYY/MM/DD`, else the year alone. A year and month (a preprint dated by its arXiv id's
 * `YYYY-MM`) is written as its year: `2023/10` is neither form. The month stays in the .bib and
 * the JSON-LD, which have a place for it.
 */
export function scholarDate(date: string): string {
  return date.length === 10 ? date.replaceAll('-', '/') : date.slice(0, 4);
}

/** {@link publicationDate} as Google Scholar reads dates (scholarDate). */
export function citationDate(paper: CitablePaper): string | undefined {
  const date = publicationDate(paper);
  return date === undefined ? undefined : scholarDate(date);
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
  const given = paper.data.links?.pdf;
  if (given) return outputUrl(given);
  return paper.data.arxiv ? arxivLinks(paper.data.arxiv).pdf : undefined;
}

/** Where the paper itself lives: its arXiv page, else its PDF, else its project page. */
export function paperUrl(paper: CitablePaper): string | undefined {
  if (paper.data.arxiv) return arxivLinks(paper.data.arxiv).abs;
  const given = paper.data.links?.pdf ?? paper.data.links?.project;
  return given === undefined ? undefined : outputUrl(given);
}

/**
 * What readers of a `citation_author` tag split at: a comma parts `Family, Given` (Zotero's
 * Embedded Metadata: `Google Research, Brain Team` became family Google Research, given Brain Team,
 * and as a paper's only author two authors), a semicolon parts authors. A name without given
 * names (a group's) has neither family nor given name, so in the tag its commas and semicolons are
 * spaces: one name, its words in order (`Google Research Brain Team`). The .bib braces such a name
 * whole, the reference writes it as written, the JSON-LD names it an Organization, as written.
 */
const TAG_SEPARATORS = /\s*[,;]\s*/g;

/**
 * An author as `citation_author` names them: family name first, `Family, Given` (`Bachmann,
 * Gregor`), as Google Scholar and Zotero read it without guessing. Written `Given Family`, a
 * reader takes the last word for the family name: Zotero files "Laurens van der Maaten" as
 * Maaten, "Martin Luther King Jr." as Jr. The family name is the one the BibTeX entry gives
 * (`familyName`: particles such as `van der` and `de la` belong to it), and a suffix goes last
 * (`King, Martin Luther, Jr.`), also where the name writes it after a comma (`Martin Luther King,
 * Jr.`, `King, Jr., Martin Luther`: commaParts), all read by nameParts. A name it gives no parts
 * (one word, a group's such as `ATLAS Collaboration` or a team with "and", a name whose commas fit
 * no form) stays as written, but for its commas and semicolons (TAG_SEPARATORS).
 */
export function citationAuthorName(author: string): string {
  return citedByParts(
    author,
    ({ family, given, suffix }) => [family, given, suffix].filter(Boolean).join(', '),
    // A name of separators alone stays as written: a tag is never empty.
    (name) => name.replace(TAG_SEPARATORS, ' ').trim() || name,
  );
}

/**
 * The one reading every citation form of a name starts from (citation_author, the reference, the
 * in-text citation): the name as written with its spaces collapsed, read by nameParts; a name it
 * gives no given names (one word, a group's: `ATLAS Collaboration`) is cited as written (as
 * `asWritten` writes it), else `write` writes its parts.
 */
function citedByParts(
  author: string,
  write: (parts: NameParts) => string,
  asWritten: (name: string) => string = (name) => name,
): string {
  const name = author.trim().replace(/\s+/g, ' ');
  const parts = nameParts(name);
  // Initials run together with full stops one a word (`J.R.` → `J. R.`), as the .bib writes them
  // (dottedInitialsApart, which formatAuthor also reads) and the reference abbreviates them.
  return parts?.given ? write({ ...parts, given: dottedInitialsApart(parts.given) }) : asWritten(name);
}

/**
 * An author as a reference list names one (APA's style): family name, given names as initials,
 * suffix (`Vaswani, A.`, `van der Maaten, L.`, `Sartre, J.-P.`, `King, M. L., Jr.`), read by
 * nameParts and givenInitials, as citationAuthorName reads it. Given names in a script without
 * capitals, which no reference abbreviates, are written in full in the same order (`王, 小明`,
 * `علي, محمد`: the citation tags' form). A name without given names (one word, a group's: `ATLAS
 * Collaboration`) is cited as written.
 */
export function referenceAuthorName(author: string): string {
  return citedByParts(author, ({ family, given, suffix }) =>
    [family, givenInitials(given, { nameInCapitals: inCapitals(author) }) ?? given, suffix].filter(Boolean).join(', '),
  );
}

/**
 * An author as an author–year citation names them in the text (`Panwar et al., 2024`): the family
 * name as the reference has it (`van der Maaten`, `King` of `Martin Luther King Jr.`, `王` of `王
 * 小明`), read by nameParts; a name without given names (one word, a group's: `ATLAS
 * Collaboration`) whole, as the reference writes it.
 */
export function citedAuthorName(author: string): string {
  return citedByParts(author, ({ family }) => family);
}

/** The authors as an author–year citation names them: `Abbott`, `Ta and Tran`, `Panwar et al.` */
export function citedAuthors(authors: readonly string[]): string {
  if (authors.length > 2) return `${citedAuthorName(authors[0]!)} et al.`;
  return authors.map(citedAuthorName).join(' and ');
}

/** How many authors a reference names before `…` and the last one (APA 7: up to 20, all). */
export const REFERENCE_AUTHORS = 20;

/**
 * The authors of a reference, as APA 7 lists them: one alone; up to REFERENCE_AUTHORS joined by
 * commas, the last after `&`; more, the first 19, `…` and the last.
 */
export function referenceAuthors(authors: readonly string[]): string {
  // Each name in its own direction (isolatedIfRightToLeft): plain text has no <bdi>.
  const named = (author: string) => isolatedIfRightToLeft(referenceAuthorName(author));
  if (authors.length <= 1) return authors.map(named).join('');
  const last = named(authors.at(-1)!);
  if (authors.length > REFERENCE_AUTHORS) {
    return `${authors
      .slice(0, REFERENCE_AUTHORS - 1)
      .map(named)
      .join(', ')}, … ${last}`;
  }
  return `${authors.slice(0, -1).map(named).join(', ')}, & ${last}`;
}

/**
 * Text that ends a sentence: a full stop added unless it ends with one, `?` or `!` (inside an
 * isolate too: `م. علي.` isolated ends with its initial's full stop).
 */
const sentence = (text: string) => (/[.?!]\u2069?$/.test(text) ? text : `${text}.`);

/**
 * A plain-text reference to paste into a document, in APA's style: `Vaswani, A., Shazeer, N., …
 * (2017). Attention is all you need. arXiv:1706.03762.`, each element ending with a full stop
 * (`ATLAS Collaboration. (2023).`, as APA writes a group's name). The year is the BibTeX entry's
 * (citationYear), else `n.d.` (APA's "no date"): never a month or day, nor the digest date. Then
 * the title as readers see it (math as Unicode: titleText), the venue, and where the paper is: its
 * arXiv id (with the class of an old-style one, as arXiv cites it), else its PDF or project page.
 */
export function referenceText(paper: CitablePaper): string {
  const { data } = paper;
  const parts = [
    // The authors are the reference's first element, and end with a full stop as each element
    // does: an initial's (`Vaswani, A.`) or their own (`ATLAS Collaboration.`, `Smith, J., III.`).
    `${sentence(referenceAuthors(data.authors))} (${citationYear(paper) ?? 'n.d.'}).`,
    sentence(isolatedIfRightToLeft(titleText(data.title))),
  ];
  if (data.venue) parts.push(sentence(isolatedIfRightToLeft(data.venue)));
  if (data.arxiv) {
    const { eprint, primaryClass } = arxivEprint(data.arxiv);
    parts.push(`arXiv:${eprint}${primaryClass ? ` [${primaryClass}]` : ''}.`);
  } else {
    const url = paperUrl(paper);
    if (url) parts.push(url);
  }
  return parts.join(' ');
}

export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Where Zotero's Embedded Metadata splits a page's only `citation_author` tag (not one of several):
 * at its commas (spaces around them aside), into that many authors, when the parts before and after the first
 * comma both hold a space (` `), a test meant for a tag that lists `Ann Lee, Bo Li`. So a lone
 * `de la Cruz, Ana María` became the two authors `de la Cruz` and `Ana María`.
 */
const LONE_TAG_PARTS = /\s*,\s*/;

/**
 * The `citation_author` tag of a paper's only author, as Zotero reads it as one (LONE_TAG_PARTS):
 * where both its family and its given names hold a space, the given names' spaces are no-break
 * spaces (U+00A0), which Zotero's test does not count and its name reader and Google Scholar read as
 * spaces (`de la Cruz, Ana María`, `Van Gogh, Vincent Willem`). The family name keeps its spaces, so
 * a reader still finds its particles. Any other tag is returned as it is.
 */
export function loneCitationAuthorTag(tag: string): string {
  const comma = LONE_TAG_PARTS.exec(tag);
  if (comma === null) return tag;
  const from = comma.index + comma[0].length;
  const after = tag.slice(from);
  const given = after.slice(0, LONE_TAG_PARTS.exec(after)?.index ?? after.length);
  if (!tag.slice(0, comma.index).includes(' ') || !given.includes(' ')) return tag;
  return `${tag.slice(0, from)}${given.replaceAll(' ', '\u00a0')}${after.slice(given.length)}`;
}

/**
 * Highwire Press `citation_*` tags, read by Google Scholar and Zotero: one `citation_author`
 * per author, in order, family name first ({@link citationAuthorName}); a paper's only author as
 * Zotero reads one (loneCitationAuthorTag).
 */
export function citationMetaTags(paper: CitablePaper): MetaTag[] {
  const { data } = paper;
  const tags: MetaTag[] = [{ name: 'citation_title', content: data.title }];
  for (const author of data.authors) {
    const tag = citationAuthorName(author);
    tags.push({ name: 'citation_author', content: data.authors.length === 1 ? loneCitationAuthorTag(tag) : tag });
  }
  const date = citationDate(paper);
  if (date) tags.push({ name: 'citation_publication_date', content: date });
  // Google Scholar's date of entry into a repository: the first version, when that is not the date above.
  const online = firstVersionDate(paper);
  if (online && online !== publicationDate(paper)) {
    tags.push({ name: 'citation_online_date', content: scholarDate(online) });
  }
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
  const datePublished = publicationDate(paper);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    // The title once: schema.org's `name` would repeat `headline`, bytes on every paper page.
    headline: titleText(data.title),
    // A group's name (isGroupName: `ATLAS Collaboration`) is an organisation's, not a person's.
    author: data.authors.map((name) => ({ '@type': isGroupName(name) ? 'Organization' : 'Person', name })),
    ...(datePublished && { datePublished }),
    url: pageUrl,
    ...(sameAs && { sameAs }),
    // The arXiv id as an identifier, as schema.org readers (Google Scholar, Zotero, Dimensions)
    // take one: `sameAs` is only a page, not which scheme names the paper.
    ...(data.arxiv && {
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: arxivEprint(data.arxiv).eprint },
    }),
    ...(abstract && { abstract }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element (see {@link encodeJson}): no text in the
 * data can close the element or look like markup.
 */
export function jsonLd(data: unknown): string {
  return encodeJson(data);
}

/**
 * How many authors a paper's citation facts name (`/papers/<id>.json`, for the reading list's RIS
 * download): every author of nearly every paper, and a collaboration's first ones, so that its
 * file stays a few KB (/saved/ fetches one for each saved paper); the rest are counted.
 */
export const CITED_FACTS_AUTHORS = 100;

/**
 * What a reference manager needs of a paper beyond what /saved/ shows (CitedFacts), made once at
 * build time from the frontmatter by the rules every citation form reads: `kind` is the BibTeX
 * entry's type (entryType), the authors as citation_author names them (citationAuthorName: family
 * name first, one initial a word), the date the .bib cites (publicationDate: a venue's year, else the
 * first version's date as precisely as known), where the paper is (paperUrl) and arXiv's DOI and
 * id. Not the abstract: /saved/ fetches this file for each saved paper to show the list, and an
 * abstract (up to 10,000 characters) would make it several times heavier for a field the paper's
 * page already gives.
 * Nothing is invented: a fact the frontmatter does not give is left out.
 */
export function citedFacts(paper: CitablePaper, kind: EntryType): CitedFacts {
  const { data } = paper;
  const date = publicationDate(paper);
  const url = paperUrl(paper);
  return {
    kind,
    authors: data.authors.slice(0, CITED_FACTS_AUTHORS).map(citationAuthorName),
    moreAuthors: Math.max(0, data.authors.length - CITED_FACTS_AUTHORS),
    ...(date !== undefined && { date }),
    ...(data.venue !== undefined && { venue: data.venue }),
    ...(data.arxiv !== undefined && { arxiv: arxivEprint(data.arxiv).eprint, doi: arxivDoi(data.arxiv) }),
    ...(url !== undefined && { url }),
  };
}
