import { describe, expect, it } from 'vitest';
import { RIS_NAME_LENGTH, risFile, risRecord, risValue, RIS_TYPES } from '../../src/lib/encode/ris.ts';
import { paperSummary, summaryOf, type PaperSummary } from '../../src/lib/reading-list.ts';
import { readingListRis, risFileName, risOfSummary } from '../../src/lib/reading-list-ris.ts';
import { citedFacts, type CitablePaper } from '../../src/lib/citation.ts';
import { entryType } from '../../src/lib/bibtex.ts';
import { HOSTILE_PIECES, hostileStrings, seededRandom, unicodeStrings } from '../helpers/hostile.ts';

/**
 * Every way a reader may end a line: CR LF, CR, LF (Zotero, EndNote), and in readers that split
 * as Unicode or JavaScript's line terminators do, VT, FF, NEL, LS, PS.
 */
const ANY_LINE_END = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;
/** A tag line as Zotero's RIS translator reads one (risFormat in RIS.js). */
const ZOTERO_TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

/** The lines of a record as the strictest reader splits them (the last CR LF ends the record). */
const linesOf = (text: string) => text.replace(/\r\n$/, '').split(ANY_LINE_END);

/** The tag and value of each line, as Zotero reads them; undefined for a line that is no tag line. */
const read = (text: string) =>
  linesOf(text).map((line) => {
    const match = ZOTERO_TAG_LINE.exec(line);
    return match ? { tag: match[1]!, value: match[2] ?? '' } : undefined;
  });

/** Whether a value holds anything to write: a character that is not white space or a control (nor `*` in a name). */
const hasText = (tag: string, value: string) =>
  /[^\s\p{Cc}]/u.test(['AU', 'T2'].includes(tag) ? value.replace(/\*/g, '') : value);

const TAGS = ['TI', 'AU', 'AB', 'PY', 'DA', 'T2', 'N1', 'PB', 'UR', 'DO', 'M1'];

describe('the RIS encoder', () => {
  const hostile = [
    ...hostileStrings(2812, 400),
    ...unicodeStrings(2813, 400, 60),
    // A value that would be a tag line, a record's end or its start if it could break a line.
    'x\r\nER  - \r\nTY  - JOUR',
    'x\nAU  - Mallory, Eve',
    'x\rTI  - Other',
    'x\u2028ER  - ',
    'x\u2029TY  - RPRT',
    'x\u0085AU  - Nel, Next',
    'x\u000BAU  - Vertical, Tab',
    'x\u000CAU  - Form, Feed',
    'ER  - ',
    '\r\n',
    '  \t ',
    '***',
  ];

  it('writes exactly one record, with the tags intended in order, whatever string is in any field', () => {
    const random = seededRandom(2814);
    for (let round = 0; round < 600; round++) {
      const fields = Array.from({ length: 1 + Math.floor(random() * 8) }, (): [string, string] => [
        TAGS[Math.floor(random() * TAGS.length)]!,
        hostile[Math.floor(random() * hostile.length)]!,
      ]);
      const type = RIS_TYPES[round % RIS_TYPES.length]!;
      const record = risRecord(type, fields);
      const lines = read(record);
      expect(lines.every(Boolean), JSON.stringify(fields)).toBe(true);
      const tags = lines.map((line) => line!.tag);
      expect(tags, JSON.stringify(fields)).toEqual([
        'TY',
        ...fields.filter(([tag, value]) => hasText(tag, value)).map(([tag]) => tag),
        'ER',
      ]);
      expect(lines[0]!.value).toBe(type);
      expect(lines.at(-1)!.value).toBe('');
      // One record: one TY and one ER, the record ends with its line end.
      expect(tags.filter((tag) => tag === 'TY' || tag === 'ER')).toEqual(['TY', 'ER']);
      expect(record.endsWith('ER  - \r\n')).toBe(true);
      // Each field's value, read back, is one line of the text: no control character, no
      // separator, no space at either end, and a name no longer than the specification allows.
      for (const line of lines.slice(1, -1)) {
        expect(line!.value).not.toMatch(/[\p{Cc}\u2028\u2029]|^\s|\s$/u);
        if (line!.tag === 'AU') {
          expect([...line!.value].length).toBeLessThanOrEqual(RIS_NAME_LENGTH);
          expect(line!.value).not.toContain('*');
        }
      }
    }
  });

  it('keeps the words of a value, each line end and control a space', () => {
    expect(risValue('AB', 'First\r\nsecond\u2028third\u0085fourth\ffifth\tsixth')).toBe(
      'First second third fourth fifth sixth',
    );
    expect(risValue('TI', '  a  \u00A0 b ')).toBe('a \u00A0 b');
    expect(risValue('AU', 'Smith*, J.')).toBe('Smith , J.');
    expect(risValue('TI', 'Smith*')).toBe('Smith*');
    expect(risValue('TI', '\uD800x')).toBe('\uFFFDx');
  });

  it('refuses a tag that is not a field tag: a programming error, not data', () => {
    expect(() => risRecord('RPRT', [['ER', 'x']])).toThrow();
    expect(() => risRecord('RPRT', [['TY', 'x']])).toThrow();
    expect(() => risRecord('RPRT', [['ti', 'x']])).toThrow();
    expect(() => risRecord('RPRT', [['T\n', 'x']])).toThrow();
  });

  it('writes a file of records one after another after a UTF-8 byte order mark', () => {
    const records = hostile.slice(0, 30).map((value) => risRecord('RPRT', [['TI', value]]));
    const file = risFile(records);
    expect(file.startsWith('\uFEFFTY  - RPRT\r\n')).toBe(true);
    const tags = read(file.slice(1)).map((line) => line?.tag);
    expect(tags.filter((tag) => tag === 'TY')).toHaveLength(30);
    expect(tags.filter((tag) => tag === 'ER')).toHaveLength(30);
    expect(risFile([])).toBe('\uFEFF');
  });
});

const paper = (data: Partial<CitablePaper['data']>, id = '2306.13575'): CitablePaper => ({
  id,
  data: {
    title: 'Scaling MLPs: A Tale of Inductive Bias',
    authors: ['Gregor Bachmann', 'Smith J.R.'],
    date: '2025-06-06',
    arxiv: '2306.13575',
    published: '2023-06-23',
    ...data,
  },
});

const summaryOfPaper = (cited: CitablePaper): PaperSummary =>
  paperSummary({
    id: cited.id,
    title: cited.data.title,
    authors: cited.data.authors,
    date: cited.data.date,
    url: `/papers/${cited.id}/`,
    cite: citedFacts(cited, entryType(cited)),
  });

describe("a saved paper's RIS record", () => {
  it('is a preprint as a report (RPRT), with the authors family name first, its date, arXiv DOI and id, and no abstract', () => {
    const record = risOfSummary(summaryOfPaper(paper({})))!;
    expect(record.split('\r\n')).toEqual([
      'TY  - RPRT',
      'TI  - Scaling MLPs: A Tale of Inductive Bias',
      'AU  - Bachmann, Gregor',
      'AU  - Smith, J. R.',
      'PY  - 2023',
      'DA  - 2023/06/23/',
      'PB  - arXiv',
      'UR  - https://arxiv.org/abs/2306.13575',
      'DO  - 10.48550/arXiv.2306.13575',
      'M1  - arXiv:2306.13575',
      'ER  - ',
      '',
    ]);
  });

  it("is a conference paper or a journal article where the .bib's entry is, the venue its T2; no date it does not know", () => {
    const conference = risOfSummary(summaryOfPaper(paper({ venue: 'NeurIPS 2023' })))!;
    expect(conference).toMatch(/^TY {2}- CONF\r\n/);
    expect(conference).toContain('\r\nT2  - NeurIPS 2023\r\n');
    // The venue's year, which the .bib cites, and no month or day of the preprint's.
    expect(conference).toContain('\r\nPY  - 2023\r\n');
    expect(conference).not.toContain('DA  - ');
    const journal = risOfSummary(summaryOfPaper(paper({ venue: 'Transactions on Machine Learning Research 2024' })))!;
    expect(journal).toMatch(/^TY {2}- JOUR\r\n/);
    // A venue without a year: the preprint's entry, the venue in a note as the .bib's.
    const noYear = risOfSummary(summaryOfPaper(paper({ venue: 'TMLR' })))!;
    expect(noYear).toMatch(/^TY {2}- RPRT\r\n/);
    expect(noYear).toContain('\r\nN1  - Published in TMLR\r\n');
    // An arXiv id alone dates it by its month; a paper without one or a date has none.
    const month = risOfSummary(summaryOfPaper(paper({ published: undefined })))!;
    expect(month).toContain('\r\nPY  - 2023\r\nDA  - 2023/06//\r\n');
    const undated = risOfSummary(
      summaryOfPaper(
        paper({ arxiv: undefined, published: undefined, links: { project: 'https://example.org/p' } }, 'a-paper'),
      ),
    )!;
    expect(undated).not.toMatch(/PY {2}-|DA {2}-|DO {2}-|M1 {2}-|PB {2}-/);
    expect(undated).toContain('\r\nUR  - https://example.org/p\r\n');
  });

  it("names a collaboration's first authors and counts the rest", () => {
    const authors = Array.from({ length: 250 }, (_, index) => `Author${index} Person`);
    const record = risOfSummary(summaryOfPaper(paper({ authors })))!;
    expect(record.match(/^AU {2}- /gm)).toHaveLength(100);
    expect(record).toContain('\r\nN1  - Lists the first 100 of 250 authors.\r\n');
  });

  it('reads the citation facts back from a fetched summary, and leaves out a paper whose summary has none', () => {
    const summary = summaryOfPaper(paper({}));
    const fetched = summaryOf(JSON.parse(JSON.stringify(summary)), summary.id)!;
    expect(risOfSummary(fetched)).toBe(risOfSummary(summary));
    // An older build's summary (no `cite`), or one whose `cite` is not of that shape.
    const old = summaryOf({ ...JSON.parse(JSON.stringify(summary)), cite: undefined }, summary.id)!;
    const broken = summaryOf({ ...JSON.parse(JSON.stringify(summary)), cite: { kind: 'book' } }, summary.id)!;
    expect(old.cite).toBeUndefined();
    expect(risOfSummary(broken)).toBeUndefined();
    const { file, written, lost } = readingListRis([summary, old, undefined, broken, summary]);
    expect([written, lost]).toEqual([2, 3]);
    expect(file.slice(1).match(/^TY {2}- /gm)).toHaveLength(2);
    expect(risFileName(new Date(2026, 11, 7))).toBe('reading-list-2026-12-07.ris');
  });

  it('is one record whose fields hold any string written in the frontmatter', () => {
    const values = hostileStrings(2815, 300, [...HOSTILE_PIECES, '\r\nER  - \r\n', '\u2028TY  - JOUR']);
    for (let index = 0; index < values.length; index += 3) {
      const [title, name, venue] = [values[index]!, values[index + 1]!, values[index + 2] ?? ''];
      const record = risOfSummary(summaryOfPaper(paper({ title, authors: [name, 'Ada Lovelace'], venue })))!;
      const lines = read(record);
      expect(lines.every(Boolean), JSON.stringify([title, name, venue])).toBe(true);
      const tags = lines.map((line) => line!.tag);
      expect(tags.filter((tag) => tag === 'TY' || tag === 'ER')).toEqual(['TY', 'ER']);
      expect(tags[0]).toBe('TY');
      expect(tags.at(-1)).toBe('ER');
      expect(tags.filter((tag) => tag === 'AU').length).toBeGreaterThanOrEqual(1);
    }
  });
});
