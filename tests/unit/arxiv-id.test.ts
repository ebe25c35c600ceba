import { describe, expect, it } from 'vitest';
import { arxivEprint } from '../../src/lib/citation.ts';
import { arxivFileName, arxivLinks, canonicalOrUndefined, parseArxivId } from '../../src/lib/arxiv-id.ts';

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
