import { describe, expect, it } from 'vitest';
import {
  arxivEprint,
  citationAuthorName,
  citationDate,
  citationMetaTags,
  citationMonth,
  citationYear,
  citedAuthors,
  citedYears,
  jsonLd,
  referenceAuthorName,
  referenceText,
  scholarlyArticle,
  venueKind,
  type CitablePaper,
} from '../../src/lib/citation.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { hostileNames } from '../helpers/hostile-papers.ts';
import { nameParts } from '../../src/lib/authors.ts';

const paper = (data: Partial<CitablePaper['data']> = {}): CitablePaper => ({
  id: 'x',
  data: { title: 'A Title', authors: ['Ada Lovelace', 'Alan Turing'], date: '2025-06-06', ...data },
});

describe('citation facts', () => {
  it.each([
    ['NeurIPS 2023', 'conference'],
    ['ICLR 2024', 'conference'],
    ['ECCV 2024 Workshops', 'conference'],
    ['NeurIPS 2022 Workshop on Machine Learning Safety', 'conference'],
    ['IEEE Transactions on Neural Networks and Learning Systems', 'journal'],
    ['TMLR', 'journal'],
    ['Journal of Machine Learning Research', 'journal'],
    ['Physical Review Letters', 'journal'],
  ])('reads %s as a %s', (venue, kind) => {
    expect(venueKind(venue)).toBe(kind);
  });

  it('cites the venue year, else the first version, never the digest date', () => {
    expect(citationYear(paper({ venue: 'ICLR 2024', published: '2023-09-01' }))).toBe('2024');
    expect(citationYear(paper({ published: '2023-09-01', arxiv: '2212.00001' }))).toBe('2023');
    expect(citationYear(paper({ arxiv: '2212.00001' }))).toBe('2022');
    expect(citationYear(paper({ arxiv: 'hep-th/9901001' }))).toBe('1999');
    // The digest date (2025-06-06) is when the digest listed the paper, not when it appeared.
    expect(citationYear(paper())).toBeUndefined();
  });

  it('cites a venue without a year by the first version’s year (the BibTeX entry is then the preprint)', () => {
    expect(citationYear(paper({ venue: 'TMLR', published: '2023-09-01', arxiv: '2309.00001' }))).toBe('2023');
    expect(citationYear(paper({ venue: 'Journal of Machine Learning Research', arxiv: '2309.00001' }))).toBe('2023');
    expect(citationYear(paper({ venue: 'TMLR' }))).toBeUndefined();
  });

  it('is cited by its venue year and by its preprint year, for a search that cites it', () => {
    expect(citedYears(paper({ venue: 'ICLR 2023', arxiv: '2211.15661' }))).toEqual(['2023', '2022']);
    expect(citedYears(paper({ venue: 'ICLR 2024', published: '2024-01-05' }))).toEqual(['2024']);
    expect(citedYears(paper({ venue: 'TMLR', arxiv: '2309.00001' }))).toEqual(['2023']);
    expect(citedYears(paper())).toEqual([]);
  });

  it('dates a paper by its venue year, else by its first version as precisely as known, else not at all', () => {
    expect(citationDate(paper({ published: '2023-09-01', arxiv: '2310.00001' }))).toBe('2023/09/01');
    // Only a year and month known (the arXiv id's): the year alone, as Google Scholar reads dates.
    expect(citationDate(paper({ arxiv: '2310.00001' }))).toBe('2023');
    expect(citationDate(paper({ arxiv: 'hep-th/9901001' }))).toBe('1999');
    // Cited as the Topology paper of 2005, as its BibTeX entry is.
    expect(citationDate(paper({ arxiv: 'math.GT/0309136', venue: 'Topology 2005' }))).toBe('2005');
    expect(citationDate(paper({ venue: 'NeurIPS 2021' }))).toBe('2021');
    expect(citationDate(paper({ venue: 'TMLR' }))).toBeUndefined();
    expect(citationDate(paper())).toBeUndefined();
  });

  it('splits old-style arXiv ids into eprint and primary class', () => {
    expect(arxivEprint('2306.13575')).toEqual({ eprint: '2306.13575' });
    expect(arxivEprint('math.GT/0309136')).toEqual({ eprint: 'math/0309136', primaryClass: 'math.GT' });
    expect(arxivEprint('hep-th/9901001')).toEqual({ eprint: 'hep-th/9901001', primaryClass: 'hep-th' });
  });
});

describe('citation meta tags', () => {
  it('gives Google Scholar and Zotero what they read, one author per tag', () => {
    expect(citationMetaTags(paper({ arxiv: '2306.13575', published: '2023-06-23', venue: 'NeurIPS 2023' }))).toEqual([
      { name: 'citation_title', content: 'A Title' },
      // Family name first: what Google Scholar and Zotero read without guessing.
      { name: 'citation_author', content: 'Lovelace, Ada' },
      { name: 'citation_author', content: 'Turing, Alan' },
      // The year the BibTeX entry cites (the venue's); the preprint's date as the date it went online.
      { name: 'citation_publication_date', content: '2023' },
      { name: 'citation_online_date', content: '2023/06/23' },
      { name: 'citation_conference_title', content: 'NeurIPS 2023' },
      { name: 'citation_arxiv_id', content: '2306.13575' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2306.13575' },
    ]);
  });

  it.each([
    // Written "Given Family", Zotero takes the last word for the family name: Maaten, Jr.
    ['Laurens van der Maaten', 'van der Maaten, Laurens'],
    ['Juan de la Cruz', 'de la Cruz, Juan'],
    ['Charles de Gaulle', 'de Gaulle, Charles'],
    ['Martin Luther King Jr.', 'King, Martin Luther, Jr.'],
    ['Ana Maria de Souza Jr.', 'de Souza, Ana Maria, Jr.'],
    ['John Smith III', 'Smith, John, III'],
    ['Ekin Akyürek', 'Akyürek, Ekin'],
    ['Jean-Luc  Picard', 'Picard, Jean-Luc'],
    // Written family name first in its own script: the first word is the family name.
    ['王 小明', '王, 小明'],
    ['김 민준', '김, 민준'],
    // Written family name first already, one word, or a team BibTeX keeps whole: as written.
    ['Hofmann, Thomas', 'Hofmann, Thomas'],
    // A suffix set off by a comma, in each order a name is written in: the suffix last.
    ['Martin Luther King, Jr.', 'King, Martin Luther, Jr.'],
    ['King, Jr., Martin Luther', 'King, Martin Luther, Jr.'],
    ['King, Martin Luther, Jr.', 'King, Martin Luther, Jr.'],
    ['Laurens van der Maaten, III', 'van der Maaten, Laurens, III'],
    ['王小明', '王小明'],
    ['Research and Development Team', 'Research and Development Team'],
    // A name without given names has no comma or semicolon in the tag, where readers split it into
    // family and given names or into two authors: one name, its words in order.
    ['Google Research, Brain Team', 'Google Research Brain Team'],
    ['Meta AI, FAIR', 'Meta AI FAIR'],
    ['DeepMind Team ; London', 'DeepMind Team London'],
    ['A, B, C, D', 'A B C D'],
    // A group's name: no given name to put last (Zotero would file it as Collaboration, ATLAS).
    ['ATLAS Collaboration', 'ATLAS Collaboration'],
    ['Smith Jr.', 'Smith Jr.'],
    // People whose names hold a word that groups also use: people still.
    ['Julian Center', 'Center, Julian'],
    ['Chen Ai', 'Ai, Chen'],
    // An AI lab's name is a group's, kept as written (not `AI, Meta`).
    ['Meta AI', 'Meta AI'],
    // A capitalised particle starts the family name, as in the .bib (not `Gogh, Vincent Van`).
    ['Vincent Van Gogh', 'Van Gogh, Vincent'],
    ['ʻAkau Tupou', 'Tupou, ʻAkau'],
    ["Gerard 't Hooft", "'t Hooft, Gerard"],
    ['Jun Example (Tokyo)', 'Example, Jun, (Tokyo)'],
    ['Example, Jun (Tokyo)', 'Example, Jun, (Tokyo)'],
    ['Yuanzhi (paul) Li', 'Li, Yuanzhi (paul)'],
    // Initials run together with full stops, one initial a word, as the .bib and the reference
    // read them (dottedInitialsApart): `Smith, J. R.`, not `Smith, J.R.` beside `J. R.` elsewhere.
    ['Smith J.R.', 'Smith, J. R.'],
    ['J.R.R. Tolkien', 'Tolkien, J. R. R.'],
    ['Tolkien, J.R.R.', 'Tolkien, J. R. R.'],
    ['ZHANG W.', 'ZHANG, W.'],
    ['Sartre J.-P.', 'Sartre, J.-P.'],
    ['Martin L.K. King, Jr.', 'King, Martin L. K., Jr.'],
  ])('names %s in citation_author as %s', (written, cited) => {
    expect(citationAuthorName(written)).toBe(cited);
    // Among several authors (a lone one: loneCitationAuthorTag, below).
    expect(citationMetaTags(paper({ authors: [written, 'Ann Lee'] }))).toContainEqual({
      name: 'citation_author',
      content: cited,
    });
  });

  /**
   * How Zotero's Embedded Metadata translator reads the citation_author tags of a page into
   * authors (processHighwireCreators and ZU.cleanAuthor, as of 2024): each tag split at
   * semicolons; a page's only tag, if that leaves one, also at commas when the parts before and
   * after the first comma both hold a space; then each author `Last, First` at its first comma.
   */
  function zoteroAuthors(tags: readonly string[]): { lastName: string; firstName?: string }[] {
    return tags.flatMap((tag) => {
      let creators = tag.split(/\s*;\s*/);
      if (creators.length === 1 && tags.length === 1) {
        const byComma = creators[0]!.split(/\s*,\s*/);
        if (byComma.length > 1 && byComma[0]!.includes(' ') && byComma[1]!.includes(' ')) creators = byComma;
      }
      return creators
        .map((creator) => creator.trim())
        .filter((creator) => /[^\s,-.;]/.test(creator))
        .map((creator) => {
          if (!creator.includes(',')) return { lastName: creator };
          const [lastName, firstName] = creator.split(/, ?/);
          return { lastName: lastName!, firstName };
        });
    });
  }
  const spaced = (text: string | undefined) => text?.replaceAll('\u00a0', ' ');

  it('gives a lone author whose family and given names both hold a space as one author to Zotero', () => {
    for (const name of [
      'Ana María de la Cruz',
      'de la Cruz, Ana María',
      'Vincent Willem Van Gogh',
      'DE LA CRUZ Ana María',
      'Jean Paul van der Berg, III',
    ]) {
      const tags = citationMetaTags(paper({ authors: [name] })).filter((tag) => tag.name === 'citation_author');
      const read = zoteroAuthors(tags.map((tag) => tag.content));
      const parts = nameParts(name)!;
      expect(read, name).toHaveLength(1);
      expect(spaced(read[0]!.lastName), name).toBe(parts.family);
      expect(spaced(read[0]!.firstName), name).toBe(parts.given);
      // Among several authors the tag is as citationAuthorName writes it.
      const several = citationMetaTags(paper({ authors: [name, 'Ann Lee'] })).filter(
        (tag) => tag.name === 'citation_author',
      );
      expect(several[0]!.content, name).toBe(citationAuthorName(name));
      expect(zoteroAuthors(several.map((tag) => tag.content)), name).toHaveLength(2);
    }
  });

  it('gives each of 2,000 seeded hostile names alone as one author to Zotero, its words kept', () => {
    for (const name of hostileNames(26, 2000)) {
      const tags = citationMetaTags(paper({ authors: [name] })).filter((tag) => tag.name === 'citation_author');
      const content = tags[0]!.content;
      // Only spaces become no-break spaces: the words are citationAuthorName's.
      expect(spaced(content), name).toBe(citationAuthorName(name));
      if (/;/.test(content) || !/[^\s,\-.;]/.test(content)) continue;
      expect(zoteroAuthors([content]), name).toHaveLength(1);
    }
  });

  it('names a journal as one, uses a given PDF, and leaves out what is unknown', () => {
    const tags = citationMetaTags(paper({ venue: 'TMLR', links: { pdf: 'https://example.org/p.pdf' } }));
    expect(tags).toContainEqual({ name: 'citation_journal_title', content: 'TMLR' });
    expect(tags).toContainEqual({ name: 'citation_pdf_url', content: 'https://example.org/p.pdf' });
    const bare = citationMetaTags(paper()).map((tag) => tag.name);
    expect(bare).toEqual(['citation_title', 'citation_author', 'citation_author']);
    const fromId = citationMetaTags(paper({ arxiv: '2401.00002' }));
    expect(fromId).toContainEqual({ name: 'citation_publication_date', content: '2024' });
    expect(fromId.map((tag) => tag.name)).not.toContain('citation_online_date');
    // A preprint of 2021 at NeurIPS 2022: filed under 2022, as its BibTeX year says.
    const later = citationMetaTags(paper({ arxiv: '2110.03313', venue: 'NeurIPS 2022' }));
    expect(later).toContainEqual({ name: 'citation_publication_date', content: '2022' });
    expect(later).toContainEqual({ name: 'citation_online_date', content: '2021' });
    const published = citationMetaTags(paper({ published: '2021-10-07', venue: 'NeurIPS 2022' }));
    expect(published).toContainEqual({ name: 'citation_online_date', content: '2021/10/07' });
  });
});

describe('JSON-LD', () => {
  it('describes a ScholarlyArticle without inventing fields', () => {
    const article = scholarlyArticle(paper({ arxiv: '2306.13575', published: '2023-06-23', venue: 'ICLR 2024' }), {
      pageUrl: 'https://example.org/papers/x/',
      abstract: 'An abstract.',
    });
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      headline: 'A Title',
      author: [
        { '@type': 'Person', name: 'Ada Lovelace' },
        { '@type': 'Person', name: 'Alan Turing' },
      ],
      // Published at ICLR 2024, as its BibTeX cites it (first version 2023-06-23).
      datePublished: '2024',
      url: 'https://example.org/papers/x/',
      sameAs: 'https://arxiv.org/abs/2306.13575',
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: '2306.13575' },
      abstract: 'An abstract.',
    });
    const bare = scholarlyArticle(paper(), { pageUrl: 'https://example.org/' });
    expect(bare).not.toHaveProperty('sameAs');
    expect(bare).not.toHaveProperty('identifier');
    // An old-style id is named as arXiv cites it, without its class.
    expect(scholarlyArticle(paper({ arxiv: 'math.GT/0309136' }), { pageUrl: 'https://example.org/' })).toMatchObject({
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: 'math/0309136' },
    });
    // No date is known: none is printed (the digest date is not one).
    expect(bare).not.toHaveProperty('datePublished');
    expect(scholarlyArticle(paper({ arxiv: '2402.00001' }), { pageUrl: 'https://example.org/' })).toMatchObject({
      datePublished: '2024-02',
    });
  });

  it('cannot close its script element', () => {
    const text = jsonLd({ title: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ title: '</script><script>alert(1)</script> & \u2028' });
  });

  it('uses only the normalized https form of a given link, and leaves out any other', () => {
    const tags = (pdf: string) =>
      citationMetaTags(paper({ links: { pdf } })).filter((tag) => tag.name === 'citation_pdf_url');
    // A browser reads the backslash as a slash: the host is arxiv.org, in every output.
    expect(tags('https://arxiv.org\\@evil.example/x.pdf')).toEqual([
      { name: 'citation_pdf_url', content: 'https://arxiv.org/@evil.example/x.pdf' },
    ]);
    expect(tags('HTTPS://Example.ORG/a b.pdf')).toEqual([
      { name: 'citation_pdf_url', content: 'https://example.org/a%20b.pdf' },
    ]);
    for (const bad of [
      'javascript:alert(1)',
      'http://example.org/p.pdf',
      'https://user:pw@example.org/',
      'not a url',
    ]) {
      expect(tags(bad), bad).toEqual([]);
    }
  });
});

describe('the month to cite', () => {
  it('is the month of the date the year comes from, as the meta tags and JSON-LD give it', () => {
    const cases: [Partial<CitablePaper['data']>, number | undefined][] = [
      [{ published: '2023-06-23' }, 6],
      [{ arxiv: '2212.00001' }, 12],
      [{ arxiv: 'hep-th/9901001' }, 1],
      [{ venue: 'TMLR', published: '2023-02-01' }, 2],
      // A venue's year has no month; neither has a paper with no date (the digest date is none).
      [{ venue: 'ICLR 2024', published: '2023-09-01' }, undefined],
      [{}, undefined],
    ];
    for (const [data, month] of cases) {
      const cited = paper(data);
      expect(citationMonth(cited), JSON.stringify(data)).toBe(month);
      // The tag's date has a month only with its day (Google Scholar: a full date or a year).
      const date = citationDate(cited)?.split('/');
      if (date?.[1] !== undefined) expect(Number(date[1])).toBe(month);
      expect(date === undefined || date.length === 1 || date.length === 3).toBe(true);
      const published = scholarlyArticle(cited, { pageUrl: 'https://example.org/p/' }).datePublished as
        string | undefined;
      const publishedMonth = published?.split('-')[1];
      expect(publishedMonth === undefined ? undefined : Number(publishedMonth)).toBe(month);
    }
  });
});

describe('the authors as an author–year citation names them', () => {
  it.each([
    // Family names, as the reference reads them (not the first author's whole name).
    [['Madhur Panwar', 'Kartik Ahuja', 'Navin Goyal'], 'Panwar et al.'],
    [['Hoang-Thang Ta', 'Anh Tran'], 'Ta and Tran'],
    [['Vincent Abbott'], 'Abbott'],
    [['Laurens van der Maaten', 'Geoffrey Hinton'], 'van der Maaten and Hinton'],
    [['Martin Luther King Jr.'], 'King'],
    [['Hofmann, Thomas', 'Bachmann, Gregor'], 'Hofmann and Bachmann'],
    [['Jun Example (Tokyo)', 'Ann Lee', 'Bo Li'], 'Example et al.'],
    [['王 小明'], '王'],
    [['Ольга Иванова', 'Zoë Çelik'], 'Иванова and Çelik'],
    // A name without given names is cited whole: a group's, one word.
    [['ATLAS Collaboration', 'Ann Lee', 'Bo Li'], 'ATLAS Collaboration et al.'],
    [['Research and Development Team'], 'Research and Development Team'],
    [['Aristotle', 'Ann Lee'], 'Aristotle and Lee'],
  ])('%j → %s', (authors, cited) => {
    expect(citedAuthors(authors)).toBe(cited);
  });

  it('names each of 2,000 seeded hostile names by the family name its reference and citation_author start with', () => {
    for (const name of hostileNames(21, 2000)) {
      const cited = citedAuthors([name]);
      // The reference is `Family, G.` and citation_author `Family, Given` (one reading of the
      // name, citedByParts), or both the name as written, citation_author without the commas and
      // semicolons its readers split at (its words in order, no separator).
      const reference = referenceAuthorName(name);
      expect(reference === cited || reference.startsWith(`${cited}, `), `${name}: ${cited} / ${reference}`).toBe(true);
      const tag = citationAuthorName(name);
      if (tag.startsWith(`${cited}, `) || !/[^\s,;]/.test(name)) continue;
      expect(tag, name).not.toMatch(/[,;]/);
      expect(tag.split(' '), name).toEqual(cited.split(/[\s,;]+/).filter(Boolean));
    }
  });
});

describe('the plain-text reference', () => {
  it.each([
    ['Ashish Vaswani', 'Vaswani, A.'],
    ['Jean-Paul Sartre', 'Sartre, J.-P.'],
    ['J.-P. Sartre', 'Sartre, J.-P.'],
    ['Yuanzhi (Paul) Li', 'Li, Y.'],
    ['Jiaming "Jimmy" Ma', 'Ma, J.'],
    // Lowercase, the name gone by is no particle of the family name (not `(paul) Li, Y.`).
    ['Yuanzhi (paul) Li', 'Li, Y.'],
    ['Jiaming "jimmy" Ma', 'Ma, J.'],
    ['Jiaming "jimmy boy" Ma', 'Ma, J.'],
    ['Xin “eric” van Wang', 'van Wang, X.'],
    ['Ana [la] Torre', 'Torre, A.'],
    // A note in brackets after the name is read as a suffix is, never as the family name, written
    // with a comma or without (a bracket ending the name is a note either way).
    ['Jun Example (Tokyo)', 'Example, J., (Tokyo)'],
    ['Example, Jun (Tokyo)', 'Example, J., (Tokyo)'],
    ['Li, Yuanzhi (Paul)', 'Li, Y., (Paul)'],
    ['King, Jr., Martin Luther [Atlanta]', 'King, M. L., Jr. [Atlanta]'],
    // So is a name gone by in quotes there, never the family name (not `"Jimmy", J. M.`).
    ['Jiaming Ma "Jimmy"', 'Ma, J., "Jimmy"'],
    ['Xin Wang “eric”', 'Wang, X., “eric”'],
    ['Laurens van der Maaten', 'van der Maaten, L.'],
    ['Juan de la Cruz', 'de la Cruz, J.'],
    ['Martin Luther King Jr.', 'King, M. L., Jr.'],
    ['King, Jr., Martin Luther', 'King, M. L., Jr.'],
    ['John Smith III', 'Smith, J., III'],
    ['J.R.R. Tolkien', 'Tolkien, J. R. R.'],
    ['Yaser S. Abu-Mostafa', 'Abu-Mostafa, Y. S.'],
    ['Ольга Иванова', 'Иванова, О.'],
    ['Zoë Çelik', 'Çelik, Z.'],
    ['Hofmann, Thomas', 'Hofmann, T.'],
    // As written: one word, a group.
    ['Aristotle', 'Aristotle'],
    ['ATLAS Collaboration', 'ATLAS Collaboration'],
    ['Research and Development Team', 'Research and Development Team'],
    // Given names in a script without capitals in full, in citation_author's order.
    ['王 小明', '王, 小明'],
    ['김 민준', '김, 민준'],
    ['محمد علي', 'علي, محمد'],
    ['Ada 小明 Lovelace', 'Lovelace, Ada 小明'],
    // A person whose name holds a word groups also use is abbreviated as any person.
    ['Julian Center', 'Center, J.'],
    ['Chen Ai', 'Ai, C.'],
    // A family name in capitals after its prefix is no acronym: the person's, not a lab's.
    ['Ronald McDONALD', 'McDONALD, R.'],
    ['Jean DeLONG', 'DeLONG, J.'],
    ['Meta AI', 'Meta AI'],
    ['OpenAI', 'OpenAI'],
    // A name wholly in capitals is a person's, its words names (not initials run together), its
    // particles in capitals the family name's; AI first is no lab's.
    ['MAX DE LA CRUZ', 'DE LA CRUZ, M.'],
    ['TOM LEE', 'LEE, T.'],
    ['JOHN SMITH', 'SMITH, J.'],
    ['AI Weiwei', 'Weiwei, A. I.'],
    // A family name in capitals written first is the family name (familyFirstInCapitals).
    ['ZHANG Wei', 'ZHANG, W.'],
    // Initials after a name: written family name first (not `W., Z.`, `J., S.`).
    ['ZHANG W.', 'ZHANG, W.'],
    ['Smith J.', 'Smith, J.'],
    ['Smith J.R.', 'Smith, J. R.'],
    // A word in capitals after the given names starts the family name (not `Ming, W. Z.`).
    ['Wei ZHANG Ming', 'ZHANG Ming, W.'],
    ['Juan GARCÍA López', 'GARCÍA López, J.'],
    ['DE LA CRUZ Ana María', 'DE LA CRUZ, A. M.'],
    ['John AB Smith', 'Smith, J. A. B.'],
    // A capitalised particle is the family name's (not `Gogh, V. V.`), lowercase or not.
    ['Vincent Van Gogh', 'Van Gogh, V.'],
    ['Luca Di Liello', 'Di Liello, L.'],
    ['Joost Van de Weijer', 'Van de Weijer, J.'],
    ['Vincent van Gogh', 'van Gogh, V.'],
    ['Google Research, Brain Team', 'Google Research, Brain Team'],
    // The same reading as citation_author (Tupou, ʻAkau): the ʻokina goes with its initial.
    ['ʻAkau Tupou', 'Tupou, ʻA.'],
    // A particle after an apostrophe is the family name's, never an initial (not `Hooft, G. t.`).
    ["Gerard 't Hooft", "'t Hooft, G."],
    ["Hans van 't Hof", "van 't Hof, H."],
    ['Gerard ’t Hooft', '’t Hooft, G.'],
  ])('names %s as %s', (written, cited) => {
    expect(referenceAuthorName(written)).toBe(cited);
  });

  it('reads a name one way however it is written: a note after it, with commas or without, and a name gone by in any case', () => {
    const random = seededRandom(2026);
    const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
    for (let index = 0; index < 300; index++) {
      const given = pick(['Jun', 'Ana Maria', 'Jean-Pierre', 'J. R.', 'Ølga']);
      const family = pick(['Example', 'van der Maaten', 'de la Cruz', "'t Hooft", 'Abu-Mostafa']);
      const suffix = pick(['', '', 'Jr.', 'III']);
      const note = pick(['(Tokyo)', '[ETH Zürich]', '(Ed.)', '(paul)', '"Jimmy"', '“big al”', '«Sasha»']);
      const withoutCommas = [given, family, suffix, note].filter(Boolean).join(' ');
      const withCommas = [family, suffix, `${given} ${note}`].filter(Boolean).join(', ');
      const cited = [family, suffix ? `${suffix} ${note}` : note];
      expect(referenceAuthorName(withCommas), withCommas).toBe(referenceAuthorName(withoutCommas));
      expect(citationAuthorName(withCommas), withCommas).toBe(citationAuthorName(withoutCommas));
      expect([
        referenceAuthorName(withoutCommas).split(', ')[0],
        referenceAuthorName(withoutCommas).split(', ').at(-1),
      ]).toEqual(cited);
      // The name one goes by, among the given names in any case or quotes, is neither an initial
      // nor a particle: the reference is the one without it.
      const goneBy = pick(['(paul)', '(Paul)', '"jimmy"', '“big al”', '[de]', '‘van’']);
      const nicknamed = [given, goneBy, family, suffix].filter(Boolean).join(' ');
      const plain = [given, family, suffix].filter(Boolean).join(' ');
      expect(referenceAuthorName(nicknamed), nicknamed).toBe(referenceAuthorName(plain));
    }
  });

  it('joins the authors as APA 7 does: the last after &, past 20 the first 19, … and the last', () => {
    const named = (count: number) => Array.from({ length: count }, (_, index) => `Given${index} Family${index}`);
    const cited = (count: number) => referenceText(paper({ authors: named(count), arxiv: '1706.03762' }));
    expect(cited(1)).toBe('Family0, G. (2017). A Title. arXiv:1706.03762.');
    expect(cited(2)).toMatch(/^Family0, G\., & Family1, G\. \(2017\)/);
    const twenty = cited(20);
    expect(twenty).toContain('Family18, G., & Family19, G. (2017)');
    expect(twenty.match(/Family\d+/g)).toHaveLength(20);
    const many = cited(10_000);
    expect(many).toContain('Family17, G., Family18, G., … Family9999, G. (2017)');
    expect(many.match(/Family\d+/g)).toHaveLength(20);
  });

  it("takes the year the .bib's year comes from, no month or day, and no year it does not know", () => {
    expect(referenceText(paper({ arxiv: '2110.03313', venue: 'NeurIPS 2022', published: '2021-10-07' }))).toBe(
      'Lovelace, A., & Turing, A. (2022). A Title. NeurIPS 2022. arXiv:2110.03313.',
    );
    expect(referenceText(paper({ published: '2023-06-23', title: 'Why? A Title' }))).toBe(
      'Lovelace, A., & Turing, A. (2023). Why? A Title.',
    );
    // The digest date (2025-06-06) is no publication date.
    expect(referenceText(paper({ links: { pdf: 'https://example.org/p.pdf' } }))).toBe(
      'Lovelace, A., & Turing, A. (n.d.). A Title. https://example.org/p.pdf',
    );
  });

  it('ends the authors with a full stop, as every element of the reference ends: their own where no initial ends them', () => {
    const cited = (authors: string[]) => referenceText(paper({ authors, arxiv: '1706.03762' }));
    // APA: `World Health Organization. (2018).`; a suffix or a name cited as written ends the list too.
    expect(cited(['ATLAS Collaboration'])).toBe('ATLAS Collaboration. (2017). A Title. arXiv:1706.03762.');
    expect(cited(['Aristotle'])).toBe('Aristotle. (2017). A Title. arXiv:1706.03762.');
    expect(cited(['Ada Lovelace', 'John Smith III'])).toBe(
      'Lovelace, A., & Smith, J., III. (2017). A Title. arXiv:1706.03762.',
    );
    expect(cited(['Ada Lovelace', '王 小明'])).toBe('Lovelace, A., & 王, 小明. (2017). A Title. arXiv:1706.03762.');
    expect(cited(['Ada Lovelace', 'Gemini Team'])).toBe(
      'Lovelace, A., & Gemini Team. (2017). A Title. arXiv:1706.03762.',
    );
    // An initial's full stop ends them already: not doubled.
    expect(cited(['Martin Luther King Jr.'])).toBe('King, M. L., Jr. (2017). A Title. arXiv:1706.03762.');
    expect(cited(['Ada Lovelace'])).toBe('Lovelace, A. (2017). A Title. arXiv:1706.03762.');
  });

  it('cites an old-style arXiv id with its class, and a title with math as readers see it', () => {
    expect(referenceText(paper({ arxiv: 'math.GT/0309136', title: 'Knots in $\\mathbb{R}^3$' }))).toBe(
      'Lovelace, A., & Turing, A. (2003). Knots in ℝ^3. arXiv:math/0309136 [math.GT].',
    );
  });
});

describe("JSON-LD of a group's name", () => {
  it('gives a collaboration or a team as an Organization, a person as a Person', () => {
    const { author } = scholarlyArticle(
      paper({
        authors: [
          'Ada Lovelace',
          'ATLAS Collaboration',
          'Research and Development Team',
          'Julian Center',
          'Meta AI',
          'OpenAI',
          'Vincent Van Gogh',
        ],
      }),
      {
        pageUrl: 'https://example.org/p/',
      },
    );
    expect(author).toEqual([
      { '@type': 'Person', name: 'Ada Lovelace' },
      { '@type': 'Organization', name: 'ATLAS Collaboration' },
      { '@type': 'Organization', name: 'Research and Development Team' },
      // Center is also a family name: alone it makes no group.
      { '@type': 'Person', name: 'Julian Center' },
      // An AI lab's name, however written, is an organisation's.
      { '@type': 'Organization', name: 'Meta AI' },
      { '@type': 'Organization', name: 'OpenAI' },
      { '@type': 'Person', name: 'Vincent Van Gogh' },
    ]);
  });
});

describe('right-to-left names and titles in the plain-text reference', () => {
  // U+2068 and U+2069 written out: the expected text is spelt by hand, not taken from the output.
  const [open, close] = ['\u2068', '\u2069'];

  it('isolates each right-to-left element, so two Hebrew names are not drawn in swapped order', () => {
    const hebrew = paper({ title: 'מודלים של שפה?', authors: ['אדה לבלייס', 'אלן טיורינג'], venue: 'כנס 2024' });
    expect(referenceText(hebrew)).toBe(
      `${open}לבלייס, אדה${close}, & ${open}טיורינג, אלן${close}. (2024). ${open}מודלים של שפה?${close} ${open}כנס 2024${close}.`,
    );
    const mixed = paper({ authors: ['محمد علي', 'Ada Lovelace'] });
    expect(referenceText(mixed)).toBe(`${open}علي, محمد${close}, & Lovelace, A. (n.d.). A Title.`);
  });

  it('adds nothing to a reference of left-to-right letters only', () => {
    for (const authors of [['Ada Lovelace'], ['Ольга Иванова', '王 小明', 'Alan Turing']]) {
      const text = referenceText(paper({ authors, venue: 'NeurIPS 2024' }));
      expect(text, text).not.toMatch(/[\u2066-\u2069]/u);
    }
  });

  it('leaves no right-to-left letter outside an isolate, and nests none (seeded mixes)', () => {
    const random = seededRandom(2406);
    const names = ['אדה לבלייס', 'محمد بن علي', 'Ada Lovelace', 'Иван Петров', 'Yoav (יואב) Levi', 'ديفيد 2nd'];
    for (let run = 0; run < 300; run++) {
      const count = 1 + Math.floor(random() * 24);
      const authors = Array.from({ length: count }, () => names[Math.floor(random() * names.length)]!);
      const title = random() < 0.5 ? 'Learning שפה' : 'למידה עמוקה';
      const text = referenceText(paper({ authors, title }));
      let depth = 0;
      for (const character of text) {
        if (character === open) depth += 1;
        else if (character === close) depth -= 1;
        else if (/[\u0590-\u08FF]/u.test(character)) expect(depth, text).toBe(1);
        expect(depth, text).toBeGreaterThanOrEqual(0);
        expect(depth, text).toBeLessThanOrEqual(1);
      }
      expect(depth, text).toBe(0);
    }
  });
});
