import { describe, expect, it } from 'vitest';
import { createPaperSchema, FIRST_YEAR } from '../../src/content/schema.ts';

const schema = createPaperSchema(new Set(['optimization']));
const base = { title: 'T', authors: ['A'], date: '2025-06-06', tags: ['optimization'] };
const parse = (extra: Record<string, unknown>) => schema.safeParse({ ...base, ...extra });
const code = (url: string) => {
  const result = parse({ links: { code: url } });
  return result.success ? result.data.links?.code : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('links', () => {
  it.each([
    // The schema's output is the WHATWG parser's href: the one form pages, feeds and BibTeX see.
    ['HTTPS://GitHub.com:443/a/./b/../c', 'https://github.com/a/c'],
    ['https://github.com', 'https://github.com/'],
    ['https://github.com/a"><script>alert(1)</script>', 'https://github.com/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E'],
    ['https://github.com/#"onmouseover=x', 'https://github.com/#%22onmouseover=x'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ])('%s becomes %s', (url, href) => {
    expect(code(url)).toBe(href);
  });

  it.each([
    ['https://arxiv.org\\@evil.example/', 'must not contain a backslash'],
    ['https:\\\\evil.example/', 'must not contain a backslash'],
    ['https://user@github.com/', 'must not contain a user name or password'],
    ['https://:secret@github.com/', 'must not contain a user name or password'],
    ['https://github.com%2F@evil.example/', 'must not contain a user name or password'],
    ['http://github.com/', 'must be a full https:// URL'],
    ['javascript:alert(1)', 'must be a full https:// URL'],
    ['//github.com/a', 'must be a full https:// URL'],
    ['github.com/a', 'must be a full https:// URL'],
    ['https://localhost/', 'must name a web host with a domain'],
    ['https://127.0.0.1/', 'must name a web host with a domain'],
    ['https://0x7f.1/', 'must name a web host with a domain'],
    ['https://[::1]/', 'must name a web host with a domain'],
    ['https://github.com./', 'must name a web host with a domain'],
    [' https://github.com/', 'must not contain spaces'],
    ['https://github.com/a b', 'must not contain spaces'],
    ['https://github.com/\u00A0', 'must not contain spaces'],
  ])('%s is refused', (url, message) => {
    expect(code(url)).toContain(message);
  });
});

describe('dates', () => {
  it(`start in ${FIRST_YEAR}, for the digest date and the first version`, () => {
    expect(parse({ date: `${FIRST_YEAR}-01-01` }).success).toBe(true);
    expect(parse({ date: `${FIRST_YEAR - 1}-12-31` }).success).toBe(false);
    expect(parse({ date: '0100-01-01' }).success).toBe(false);
    expect(parse({ published: `${FIRST_YEAR - 1}-12-31` }).success).toBe(false);
  });

  it('agree with each other and with the arXiv id', () => {
    expect(parse({ arxiv: '2306.13575', published: '2023-06-23' }).success).toBe(true);
    expect(parse({ arxiv: 'math.GT/0309136', published: '2003-09-08', date: '2003-09-09' }).success).toBe(true);
    expect(parse({ arxiv: 'math.GT/0309136', published: '2003-10-01' }).success).toBe(false);
    expect(parse({ published: '2025-06-07' }).success).toBe(false);
    expect(parse({ published: '2025-06-06' }).success).toBe(true);
    expect(parse({ arxiv: '2507.00001' }).success).toBe(false);
  });

  it('are idempotent: parsing the output again gives the same output (the loader parses twice)', () => {
    const first = parse({ links: { code: 'HTTPS://GitHub.com:443/a' }, arxiv: '2306.13575', published: '2023-06-23' });
    expect(first.success).toBe(true);
    const again = schema.safeParse(first.data);
    expect(again.success && again.data).toEqual(first.data);
  });
});
