import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';

describe('parseSource', () => {
  it('keeps dates and ids as strings and maps fields to lines', () => {
    const { source, problems } = parseSource(
      'p.mdx',
      '---\ntitle: T\ndate: 2025-06-06\ntags:\n  - a\n  - b\n---\n\nBody\n',
    );
    expect(problems).toEqual([]);
    expect(source?.data).toEqual({ title: 'T', date: '2025-06-06', tags: ['a', 'b'] });
    expect(source?.lineOf(['tags', 1])).toBe(6);
    expect(source?.bodyLine).toBe(8);
    expect(source?.body).toBe('\nBody\n');
  });

  it('remembers how a number was written', () => {
    const { source } = parseSource('p.mdx', '---\narxiv: 2401.10000\n---\n');
    expect(source?.data.arxiv).toBe(2401.1);
    expect(source?.sourceOf(['arxiv'])).toBe('2401.10000');
  });

  it.each([
    ['no frontmatter', 'Just text', 1, 'must start with a `---` line'],
    ['unclosed frontmatter', '---\ntitle: T\n', 1, 'never closed'],
    ['malformed YAML', '---\ntitle: [unclosed\n---\n', 2, 'YAML:'],
    ['duplicate key', '---\ntitle: A\ntitle: B\n---\n', 3, 'Map keys must be unique'],
    ['explicit tag', '---\ntitle: !!binary aGk=\n---\n', 2, 'Explicit YAML tags'],
    ['a list, not a mapping', '---\n- a\n---\n', 1, 'must be a YAML mapping'],
  ])('rejects %s', (_name, text, line, message) => {
    const { source, problems } = parseSource('p.mdx', text);
    expect(source).toBeUndefined();
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });
});
