import { describe, expect, it } from 'vitest';
import { arxivEprint } from '../../src/lib/citation.ts';
import {
  arxivFileName,
  arxivIdInText,
  arxivLinks,
  canonicalOrUndefined,
  parseArxivId,
} from '../../src/lib/arxiv-id.ts';

describe('arXiv ids', () => {
  it.each([
    ['2306.13575', '2306.13575', '2023-06'],
    ['0704.0001', '0704.0001', '2007-04'],
    ['1412.6980', '1412.6980', '2014-12'],
    ['math.GT/0309136', 'math/0309136', '2003-09'],
    ['math/0309136', 'math/0309136', '2003-09'],
    ['hep-th/9901001', 'hep-th/9901001', '1999-01'],
    ['cond-mat.str-el/0703001'.replace('.str-el', ''), 'cond-mat/0703001', '2007-03'],
  ])('reads %s as %s, assigned %s', (written, canonical, yearMonth) => {
    const parsed = parseArxivId(written);
    expect(parsed).toMatchObject({ id: { canonical, yearMonth } });
  });

  it.each([
    ['2306.1357', /five digits/],
    ['1501.0001', /five digits/],
    ['1412.69801', /four digits/],
    ['0612.0001', /April 2007/],
    ['2313.00001', /not a year and month/],
    ['math/0713001', /not a year and month/],
    ['math/0704001', /end in March 2007/],
    ['2306.13575v2', /without version/],
    ['Math/0309136', /without version/],
    ['math.gt/0309136', /without version/],
    ['2306.13575.bib', /without version/],
    [' 2306.13575', /without version/],
  ])('refuses %s', (written, reason) => {
    const parsed = parseArxivId(written);
    expect('reason' in parsed && parsed.reason).toMatch(reason);
  });

  // `9912.12345` followed the grammar (five digits from 1501, a month 01–12) and was taken for a
  // paper of December 2099. An id is one arXiv could have given: of a month up to the one it is now.
  const now = new Date('2026-12-07T06:00:00Z');
  it.each([
    ['9912.12345', /9912 reads as December 2099, a month still to come .*old-style id, such as hep-th\/9912001/],
    [
      '9101.00001',
      /January 2091, a month still to come .*arXiv had no paper in January 1991: its ids start in August 1991/,
    ],
    ['9107.00001', /July 2091, a month still to come .*arXiv had no paper in July 1991: its ids start in August 1991/],
    ['9108.00001', /August 2091, a month still to come .*old-style id, such as hep-th\/9108001/],
    ['2701.00001', /2701 reads as January 2027, a month still to come \(ids go up to December 2026 now\)/],
    ['5001.1234', /January 2050, a month still to come/],
  ])('refuses %s, an id arXiv could not have given, saying why', (written, reason) => {
    const parsed = parseArxivId(written, now);
    expect('reason' in parsed && parsed.reason).toMatch(reason);
    // The reading of pasted ids (new-paper, the search) says the same of it.
    expect(arxivIdInText(`arXiv:${written}v2`, now)).toEqual({
      problem: 'invalid',
      written,
      reason: 'reason' in parsed ? parsed.reason : '',
    });
  });

  // A number of zeros only is no paper's (arXiv numbers a month's papers from 1), and no old-style id
  // is of a month before August 1991 (9108), arXiv's first: each is refused with the id to look up.
  it.each([
    ['2401.00000', /no paper is numbered 00000: .*the first is 2401\.00001\); copy the id from the paper's arXiv page/],
    ['0704.0000', /no paper is numbered 0000: .*the first is 0704\.0001\)/],
    ['hep-th/9901000', /no paper is numbered 000: .*the first is hep-th\/9901001\)/],
    ['math.GT/0309000', /no paper is numbered 000: .*the first is math\.GT\/0309001\)/],
    ['hep-th/9106999', /9106 reads as June 1991, before arXiv's first papers: its ids start in August 1991 \(9108/],
    ['hep-th/9107999', /9107 reads as July 1991, before arXiv's first papers: .*hep-th\/9108001\)/],
    ['hep-th/9101001', /January 1991, before arXiv's first papers/],
  ])('refuses %s, an id arXiv never gave, whatever the clock', (written, reason) => {
    for (const clock of [now, null]) {
      const parsed = parseArxivId(written, clock);
      expect('reason' in parsed && parsed.reason).toMatch(reason);
    }
    expect(canonicalOrUndefined(written)).toBeUndefined();
    expect(arxivIdInText(`arXiv:${written}v1`, now)).toMatchObject({ problem: 'invalid', written });
  });

  it.each([
    ['hep-th/9108001', now],
    ['2401.00001', now],
    ['2401.10000', now],
    ['hep-th/9901100', now],
    ['2612.00001', now],
    ['0704.0001', now],
    ['math/0703999', now],
    // The last day of a month in UTC may be the next month's first somewhere: a day's slack.
    ['2701.00001', new Date('2026-12-31T12:00:00Z')],
  ])('keeps %s', (written, today) => {
    expect(parseArxivId(written, today)).toHaveProperty('id');
  });

  it('judges the month by the clock unless told another, or none (an id read again to link it)', () => {
    expect(parseArxivId('9912.12345')).toHaveProperty('reason');
    expect(arxivIdInText('9912.12345')).toHaveProperty('problem', 'invalid');
    expect(parseArxivId('9912.12345', new Date('2099-12-10T00:00:00Z'))).toHaveProperty('id');
    expect(parseArxivId('9912.12345', null)).toHaveProperty('id');
    expect(canonicalOrUndefined('9912.12345')).toBe('9912.12345');
  });

  it('links and cites every spelling of a paper by its canonical id', () => {
    for (const written of ['math.GT/0309136', 'math/0309136']) {
      expect(arxivLinks(written)).toEqual({
        abs: 'https://arxiv.org/abs/math/0309136',
        pdf: 'https://arxiv.org/pdf/math/0309136',
      });
      expect(arxivEprint(written).eprint).toBe('math/0309136');
      expect(arxivFileName(written)).toBe('math-0309136');
      expect(canonicalOrUndefined(written)).toBe('math/0309136');
    }
    expect(arxivEprint('math.GT/0309136').primaryClass).toBe('math.GT');
    expect(arxivLinks('2306.13575').abs).toBe('https://arxiv.org/abs/2306.13575');
    expect(canonicalOrUndefined('2306.1357')).toBeUndefined();
  });
});
