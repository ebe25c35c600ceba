import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { decodeUtf8 } from '../../src/content/utf8.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { readTopics } from '../../src/content/vocabulary.ts';
import { seededRandom } from '../helpers/hostile.ts';

const schema = createPaperSchema(new Set(['optimization']));

const bytesOf = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeUtf8', () => {
  it('says at which line and column the first bad bytes are, and which bytes', () => {
    const cases: [Uint8Array, number, number, string][] = [
      // A Latin-1 é in a title: line 2, after `title: "Caf`.
      [bytesOf('---\ntitle: "Caf', [0xe9], '"\n'), 2, 12, 'the byte E9 here is'],
      // A lone surrogate's bytes (ED A0 80): ED takes no second byte past 9F. Lines end in \n,
      // \r\n or \r alone, as the check reads them; columns count as the check's other columns do.
      [bytesOf('a\nb\r\nc\rxé', [0xed, 0xa0, 0x80]), 4, 3, 'the byte ED here is'],
      // An overlong `/`, a stray continuation byte after an emoji, a sequence cut at the end.
      [bytesOf('ab', [0xc0, 0xaf]), 1, 3, 'the byte C0 here is'],
      [bytesOf('😀', [0x80]), 1, 3, 'the byte 80 here is'],
      [bytesOf('ab\n', [0xe2, 0x82]), 2, 1, 'the bytes E2 82 here are'],
      // Past U+10FFFF; a byte-order mark takes no column.
      [bytesOf([0xef, 0xbb, 0xbf], 'x', [0xf4, 0x90, 0x80, 0x80]), 1, 2, 'the byte F4 here is'],
    ];
    for (const [bytes, line, column, found] of cases) {
      expect(decodeUtf8(bytes)).toEqual({
        line,
        column,
        message: expect.stringContaining(`is not valid UTF-8: ${found} no UTF-8 character`),
        // The bytes themselves, for a caller that words them otherwise (a file's name, an answer).
        badBytes: found.replace(/^the bytes? | here (?:is|are)$/g, '').split(' '),
      });
    }
    expect(decodeUtf8(bytesOf('héllo 😀'))).toEqual({ text: 'héllo 😀' });
  });

  it('refuses exactly what a fatal TextDecoder refuses, at the first byte where a valid prefix ends', () => {
    const random = seededRandom(17);
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly ASCII, lead bytes and continuation bytes, so that near-valid sequences are common.
    const pool = [0x61, 0x0a, 0x0d, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    let refused = 0;
    for (let run = 0; run < 3000; run++) {
      const bytes = new Uint8Array(
        Array.from({ length: 1 + Math.floor(random() * 8) }, () => pool[Math.floor(random() * pool.length)]!),
      );
      const result = decodeUtf8(bytes);
      expect('text' in result).toBe(valid(bytes));
      if ('text' in result) continue;
      refused++;
      // The text before the place decodes; one byte more than it does not.
      const text = new TextDecoder().decode(bytes);
      const prefix = text.slice(0, text.indexOf('\uFFFD'));
      const lines = prefix.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
      expect([result.line, result.column]).toEqual([lines.length, lines.at(-1)!.length + 1]);
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it('places a bad byte of the topic vocabulary too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'topics-'));
    await writeFile(
      join(root, 'topics.yaml'),
      bytesOf('- slug: a\n  label: Caf', [0xe9], '\n  description: A topic.\n'),
    );
    expect(readTopics('topics.yaml', root).problems.map(formatProblem)).toEqual([
      'topics.yaml:2:13: file: is not valid UTF-8: the byte E9 here is no UTF-8 character (a file saved as Latin-1 or Windows-1252 has such bytes): save it as UTF-8.',
    ]);
  });

  // A paper or vocabulary saved as UTF-16 ("Unicode" in Windows tools): with a byte-order mark it
  // is no UTF-8; without one it is, with a zero byte beside every ASCII letter, and was told to
  // delete U+0000 on every line. Either way: one problem, at its start, that names the encoding.
  const utf16 = (text: string, bigEndian: boolean, mark: boolean) => {
    const units = [...(mark ? '\uFEFF' : ''), ...text].flatMap((char) => {
      const code = char.codePointAt(0)!;
      const pair = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
      return pair.flatMap((unit) => (bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
    });
    return new Uint8Array(units);
  };
  const paper =
    '---\ntitle: "Gödel 😀"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n';
  it.each([
    [false, false, 'little-endian'],
    [true, false, 'big-endian'],
    [false, true, 'little-endian, with a byte-order mark'],
    [true, true, 'big-endian, with a byte-order mark'],
  ])('names UTF-16 (big-endian %s, mark %s) as such, once, at the start', (bigEndian, mark, form) => {
    for (const text of [paper, '- slug: optimization\n  label: Optimization\n', '# Topics\n- slug: x\n']) {
      expect(decodeUtf8(utf16(text, bigEndian, mark))).toEqual({
        line: 1,
        column: 1,
        message: expect.stringContaining(`is not UTF-8 but UTF-16 (${form})`),
        badBytes: [],
      });
    }
    const problems = validatePaper('content/papers/2025/p.mdx', utf16(paper, bigEndian, mark), schema).problems;
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/papers\/2025\/p\.mdx:1:1: file: is not UTF-8 but UTF-16 .*: save it as UTF-8 \(without BOM\)\.$/,
      ),
    ]);
  });

  it('reads UTF-8 with zero-free text as before, whatever its letters', () => {
    for (const text of [paper, 'a', 'ab', '😀😀', 'Ωmega\n', '日本語のテキスト']) {
      expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ text });
    }
  });
});
