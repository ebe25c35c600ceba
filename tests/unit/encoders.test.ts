import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/encode/html.ts';
import { htmlOfTree } from '../../src/lib/encode/html-tree.ts';
import { Parser } from 'htmlparser2';
import { encodeJson } from '../../src/lib/encode/json.ts';
import {
  FIRST_STRONG_ISOLATE,
  POP_DIRECTIONAL_ISOLATE,
  terminalLines,
  terminalText,
} from '../../src/lib/encode/terminal.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { MAX_COMBINING_MARKS } from '../../src/content/characters.ts';
import { pageHtml } from '../../src/content/page-html.ts';
import { renderPaperBody } from '../../src/content/pipeline.ts';
import { outputUrl } from '../../src/lib/encode/url.ts';
import { escapeXml, serializeXml, stripXmlIllegal } from '../../src/lib/xml.ts';
import { escapeText, formatTitle, formatUrl } from '../../src/lib/bibtex.ts';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { bracesBalance } from '../helpers/bibtex.ts';
import { hostileStrings, unicodeStrings } from '../helpers/hostile.ts';
import { readXml, xmlText } from '../helpers/xml.ts';

/**
 * Property tests of the encoders over random hostile strings and random strings of all of Unicode
 * (tests/helpers/hostile.ts).
 */
const strings = [
  ...hostileStrings(41, 500),
  ...unicodeStrings(44, 500),
  '',
  ']]>',
  '\r\n\r',
  '\t\n ',
  '&#0;',
  '\uD83D',
  '\uDE00',
];

describe('XML text and attributes', () => {
  it('read back as the string, less what XML 1.0 cannot hold, for every string', () => {
    for (const value of strings) {
      const xml = serializeXml({ name: 'a', attributes: { b: value }, children: [value] });
      const element = readXml(xml);
      expect(element.attributes.b, JSON.stringify(value)).toBe(stripXmlIllegal(value));
      expect(xmlText(element), JSON.stringify(value)).toBe(stripXmlIllegal(value));
    }
  });

  it('remove exactly the characters XML 1.0 forbids', () => {
    const illegal = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F'];
    for (const character of [...illegal, '\uFFFE', '\uFFFF', '\uD800', '\uDFFF']) {
      expect(stripXmlIllegal(`a${character}b`)).toBe('ab');
    }
    const legal = 'tab\tnewline\nreturn\r é ∑ \u007F \uE000 \uFFFD 😀 \u{10FFFF}';
    expect(stripXmlIllegal(legal)).toBe(legal);
  });

  it('escape markup with the predefined entities, and white space an attribute would lose', () => {
    expect(escapeXml(`a & <b> "c" 'd'\u0007`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
    expect(escapeXml('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeXml('a\tb\nc\rd', { attribute: false })).toBe('a\tb\nc&#13;d');
    expect(() => serializeXml({ name: 'a b' })).toThrow(/XML name/);
  });
});

describe('HTML text', () => {
  it('is text to an HTML parser, in an element and in an attribute, for every string', () => {
    for (const value of strings) {
      const tree = fromHtml(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`, { fragment: true });
      const p = tree.children[0] as Element;
      expect(
        p.children.every((child) => child.type === 'text'),
        JSON.stringify(value),
      ).toBe(true);
      // An HTML parser turns CR LF into LF, and drops NUL in text (U+FFFD in an attribute).
      const normalized = value.replace(/\r\n?/g, '\n');
      expect(toText(p, { whitespace: 'pre' }), JSON.stringify(value)).toBe(normalized.replace(/\0/g, ''));
      expect(p.properties.title, JSON.stringify(value)).toBe(normalized.replace(/\0/g, '\uFFFD'));
    }
  });
});

describe('HTML of a tree (pages and feeds)', () => {
  /** Each attribute's value as written in the markup (references not decoded). */
  const writtenValues = (html: string): string[] => {
    const values: string[] = [];
    const parser = new Parser({ onattribute: (_, value) => void values.push(value) }, { decodeEntities: false });
    parser.end(html);
    return values;
  };

  it('reads back as the tree, and writes no < or > inside an attribute value, for every string', () => {
    for (const value of [...strings, '<img src=x onerror=alert(1)>', 'a > b', '\uFDD0<\uFDD1>']) {
      const tree = fromHtml('<p><a href="https://example.org/">l</a> <math></math></p>', { fragment: true });
      const [link, math] = [...(tree.children[0] as Element).children].filter((node) => node.type === 'element');
      link!.properties.title = value;
      link!.properties.className = [value, 'x'];
      math!.properties.alttext = value;
      (tree.children[0] as Element).children.push({ type: 'text', value });
      const html = htmlOfTree(tree);
      expect(writtenValues(html).join(''), JSON.stringify(value)).not.toMatch(/[<>]/);
      // The tree is as it was given, and an HTML parser reads its values back (CR LF as LF, NUL in
      // an attribute as U+FFFD, NUL in text dropped, and the noncharacters the serializer holds its
      // marks in as U+FFFD).
      expect(link!.properties.title).toBe(value);
      const attribute = value.replace(/\r\n?/g, '\n').replace(/[\0\uFDD0\uFDD1]/g, '\uFFFD');
      const read = fromHtml(html, { fragment: true });
      const elements: Element[] = [];
      visit(read, 'element', (node) => void elements.push(node));
      const [readLink, readMath] = elements.filter((node) => node.tagName === 'a' || node.tagName === 'math');
      expect(readLink!.properties.title, JSON.stringify(value)).toBe(attribute);
      expect(readMath!.properties.alttext, JSON.stringify(value)).toBe(attribute);
      expect(toText(read.children[0]!, { whitespace: 'pre' }), JSON.stringify(value)).toBe(
        `l ${value
          .replace(/\r\n?/g, '\n')
          .replace(/\0/g, '')
          .replace(/[\uFDD0\uFDD1]/g, '\uFFFD')}`,
      );
    }
  });
});

describe('a paper page’s abstract', () => {
  it('writes a link title and TeX with < and > as references in every attribute, on the page as in the pipeline', () => {
    const body = 'See [code](https://example.org/ "<img src=x onerror=alert(1)> a > b") and $a < b > \\text{<i>}$.';
    const { rendered, problems } = renderPaperBody(body, { file: 't.mdx', bodyLine: 1 });
    expect(problems).toEqual([]);
    for (const html of [rendered!.html, pageHtml(rendered!.html)]) {
      const values: string[] = [];
      new Parser({ onattribute: (_, value) => void values.push(value) }, { decodeEntities: false }).end(html);
      expect(values).toContain('&lt;img src=x onerror=alert(1)&gt; a &gt; b');
      expect(values.join('')).not.toMatch(/[<>]/);
    }
  });
});

describe('terminal lines, as GitHub Actions reads a log', () => {
  // new-paper prints arXiv's text (titles, journal refs, comments) through terminalLines, which keeps
  // line breaks: a line of it starting with `::error::` or `::stop-commands::` (after spaces: the
  // runner trims them) was a workflow command when new-paper ran in CI, as was `##[error]` anywhere
  // in a line (the runner's older form).
  const command = /^\s*::|##\[/u;
  const pieces = [
    '::',
    ':',
    '##[',
    '#',
    '[',
    'error',
    'stop-commands',
    'x',
    ' ',
    '\u00a0',
    '\u3000',
    '\t',
    '\n',
    '\r',
    '%0A',
  ];
  const lines = [
    ...hostileStrings(28, 800, pieces, 4),
    ...unicodeStrings(2802, 400).map((text, index) => (index % 2 === 0 ? `::${text}` : `${text}\n ::error::x`)),
    '::error::x',
    '::stop-commands::token',
    '  ::error file=a.mdx::x',
    'A title\n::error::pwned\n\u00a0::warning::y',
    'as ##[error]x and ##[set-output name=a;]b',
    'plain ::text:: here',
  ];

  it('prints no line a runner reads as a workflow command, and changes nothing else, for every string', () => {
    for (const text of lines) {
      const printed = terminalLines(text).split('\n');
      const each = text.split('\n').map(terminalText);
      expect(printed, JSON.stringify(text)).toHaveLength(each.length);
      printed.forEach((line, index) => {
        expect(line, JSON.stringify(text)).not.toMatch(command);
        // Only a command's colon or hash is shown as its code point: showing them as characters again
        // gives back the line terminalText prints, and a line that held no command is that line.
        if (!command.test(each[index]!)) expect(line).toBe(each[index]);
        else expect(line.replaceAll('\\u{3A}', ':').replaceAll('\\u{23}', '#')).toBe(each[index]);
      });
    }
    expect(terminalLines('Title\n::error::x\n  ::stop-commands::t')).toBe(
      'Title\n\\u{3A}:error::x\n  \\u{3A}:stop-commands::t',
    );
    expect(terminalLines('see ##[error]x')).toBe('see #\\u{23}[error]x');
    expect(terminalLines('plain ::text:: here')).toBe('plain ::text:: here');
  });
});

describe('terminal text', () => {
  /** What a terminal acts on rather than shows: controls, format characters, separators, lone surrogates. */
  const active = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
  /** The line less the isolates terminalText adds around right-to-left text. */
  const withoutIsolates = (text: string) =>
    text.replaceAll(FIRST_STRONG_ISOLATE, '').replaceAll(POP_DIRECTIONAL_ISOLATE, '');

  it('holds nothing a terminal acts on but its own isolates, and shows every such character as its code point, for every string', () => {
    for (const value of [
      ...strings,
      '\u001b[31mred\u001b]0;title\u0007',
      '\u009b2J',
      '\u202egpj.mdx',
      'a\nb\rc',
      '\u2028',
    ]) {
      const shown = withoutIsolates(terminalText(value));
      expect(shown, JSON.stringify(value)).not.toMatch(active);
      // Every other character is kept, in order: removing the escapes gives back the rest of the string.
      // (Marks past the MAX_COMBINING_MARKS-th of a run are shown as code points too; an active
      // character shown as one ends a run.)
      const kept = [...value]
        .map((char) => (active.test(char) ? '\u0001' : char))
        .join('')
        .replace(new RegExp(`(?<=\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}`, 'gu'), '')
        .replaceAll('\u0001', '');
      expect(shown.replace(/\\u\{[0-9A-F]+\}/g, ''), JSON.stringify(value)).toBe(kept);
    }
    expect(terminalText('a\u001b[31mb\u202ec\nd\ud800')).toBe('a\\u{1B}[31mb\\u{202E}c\\u{A}d\\u{D800}');
  });

  /** Right-to-left letters and Arabic digits, by script: the bidi classes R, AL and AN (UAX #9). */
  const rightToLeft =
    /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Phoenician}\p{Script=Imperial_Aramaic}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Yezidi}\p{Script=Mende_Kikakui}]/u;
  const rtlValues = [
    'שלום',
    'דוד כהן',
    'محمد بن موسى',
    'أحمد 3',
    '٣٤',
    'ܫܠܡܐ',
    'ދިވެހި',
    '𞤀𞤣𞤤𞤢𞤥',
    'אֱלֹהִים',
    '3 א',
    'א, ב',
    'a"ב"c',
    '"א',
  ];
  const rtlStrings = [
    ...rtlValues,
    ...hostileStrings(43, 300).map((value, index) => `${value}${rtlValues[index % rtlValues.length]!}${value}`),
  ];

  /** The text outside isolates, or undefined where they are unbalanced (a PDI with no FSI, an FSI left open). */
  function outsideIsolates(text: string): string | undefined {
    let depth = 0;
    let outside = '';
    for (const char of text) {
      if (char === FIRST_STRONG_ISOLATE) depth += 1;
      else if (char === POP_DIRECTIONAL_ISOLATE) depth -= 1;
      else if (depth === 0) outside += char;
      if (depth < 0) return undefined;
    }
    return depth === 0 ? outside : undefined;
  }

  it('isolates every right-to-left stretch, so the rest of the line keeps its order, for every string', () => {
    // A Hebrew file name, field and quoted value: a terminal applying the bidi algorithm drew the
    // line right to left from its first letter, and pulled ':3:' and the next field into the name's run.
    for (const value of [...strings, ...rtlStrings]) {
      const line = formatProblem({
        file: `content/papers/2025/${value}.mdx`,
        line: 3,
        field: value,
        message: `"${value}" and "${value}" (line 3) are ${value}: write "${value}"`,
      });
      const outside = outsideIsolates(line);
      expect(outside, JSON.stringify(value)).toBeDefined();
      // Outside the isolates no character is right-to-left, so every one is laid out left to right
      // in its order, each isolate as one neutral character in its place.
      expect(outside, JSON.stringify(value)).not.toMatch(rightToLeft);
      // The location comes first, outside any isolate: the file as written (its own stretches
      // isolated), then the line number.
      const file = terminalText(`content/papers/2025/${value}.mdx`);
      expect(line.startsWith(`${file}:3: `), JSON.stringify(value)).toBe(true);
      expect(outsideIsolates(file)!.startsWith('content/papers/2025/')).toBe(true);
      // A stranger's isolate characters are shown as code points, never taken as ours.
      expect(withoutIsolates(line)).not.toMatch(active);
    }
  });

  it('keeps right-to-left text whole inside its isolate, and each quoted value in its own', () => {
    expect(terminalText('דוד כהן')).toBe(`${FIRST_STRONG_ISOLATE}דוד כהן${POP_DIRECTIONAL_ISOLATE}`);
    // ", " between two quoted names no longer joins them into one run that draws them swapped.
    expect(terminalText('"דוד", "כהן"')).toBe(
      `"${FIRST_STRONG_ISOLATE}דוד${POP_DIRECTIONAL_ISOLATE}", "${FIRST_STRONG_ISOLATE}כהן${POP_DIRECTIONAL_ISOLATE}"`,
    );
    // A stranger's own isolates cannot close ours.
    expect(terminalText('א\u2069: b')).toBe(`${FIRST_STRONG_ISOLATE}א${POP_DIRECTIONAL_ISOLATE}\\u{2069}: b`);
    expect(terminalText('title: abc 123')).toBe('title: abc 123');
  });

  it('shows the marks past the fourth on one character as code points, so no stack draws over other lines', () => {
    // A file name the check reports (`a` with 100 acute accents.mdx) was printed as a Zalgo stack, twice.
    const zalgo = `a${'\u0301'.repeat(100)}.mdx`;
    const shown = terminalText(zalgo);
    expect(shown).toBe(`a${'\u0301'.repeat(4)}${'\\u{301}'.repeat(96)}.mdx`);
    for (const value of [...strings, zalgo, `${'\u0308'.repeat(9)}x\u200d${'\u0301'.repeat(6)}`]) {
      expect(terminalText(value), JSON.stringify(value)).not.toMatch(/\p{M}{5}/u);
    }
    // Four marks, as a letter may carry and scripts such as Devanagari write, stay marks.
    expect(terminalText('ệ́̃̈ हिंदी')).toBe('ệ́̃̈ हिंदी');
  });

  it('leaves names, TeX and every printable character of any script as they are', () => {
    const printable = 'Ekin Akyürek, 王小明, Σίσυφος: \\frac{a}{b} ≤ 😀 "quoted" <tag> 100%';
    expect(terminalText(printable)).toBe(printable);
  });

  it('is how a content problem shows its file, field and message, so one problem is one line', () => {
    const line = formatProblem({
      file: 'content/papers/2025/a\u001b[2J\u202e.mdx',
      line: 1,
      field: 'file',
      message: 'name "a\u001b[2J\nOK\u202e.mdx" must be the arXiv id',
    });
    expect(line).toBe(
      'content/papers/2025/a\\u{1B}[2J\\u{202E}.mdx:1: file: name "a\\u{1B}[2J\\u{A}OK\\u{202E}.mdx" must be the arXiv id',
    );
    expect(line).not.toMatch(active);
  });
});

describe('JSON for script elements and files', () => {
  it('parses back to the same data, strings as strings, and cannot end a script element', () => {
    for (const value of strings) {
      const data = { value, list: [value, '1e3', '007'], nested: { value } };
      const json = encodeJson(data, 2);
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual(data);
      // Embedded in a page, the script element holds exactly the JSON.
      const html = `<script type="application/ld+json">${json}</script><p>after</p>`;
      const scripts: Element[] = [];
      visit(fromHtml(html, { fragment: true }), 'element', (node) => void scripts.push(node));
      expect(scripts.map((node) => node.tagName)).toEqual(['script', 'p']);
      expect(toText(scripts[0]!, { whitespace: 'pre' })).toBe(json);
    }
  });

  it('refuses a value without a JSON form', () => {
    expect(() => encodeJson(undefined)).toThrow(TypeError);
  });
});

describe('outside URLs', () => {
  it.each([
    ['https://arxiv.org\\@evil.example/', 'https://arxiv.org/@evil.example/'],
    ['HTTPS://EXAMPLE.org:443/a/../b?x=1#f', 'https://example.org/b?x=1#f'],
    ['  https://example.org/a b ', 'https://example.org/a%20b'],
    ['https://xn--nxasmq6b.example/', 'https://xn--nxasmq6b.example/'],
  ])('normalizes %s to its WHATWG href', (input, href) => {
    expect(outputUrl(input)).toBe(href);
  });

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://u:p@example.org/',
    '//example.org/',
    'nope',
    '',
  ])('refuses %s', (input) => {
    expect(outputUrl(input)).toBeUndefined();
  });

  it('is an https address of printable ASCII that parses to itself, and its .bib form escapes what TeX reads, for every string', () => {
    for (const value of strings) {
      for (const input of [value, `https://example.org/${value}`, `https://example.org/?q=${value}#${value}`]) {
        const href = outputUrl(input);
        if (href === undefined) continue;
        expect(href, JSON.stringify(input)).toMatch(/^https:\/\/[\x21-\x7E]+$/);
        expect(outputUrl(href), JSON.stringify(input)).toBe(href);
        // In a .bib: printable ASCII, `%#&_` escaped, and nothing else TeX or BibTeX reads (but
        // `~`, kept as URLs write it: formatUrl's comment).
        const field = formatUrl(input)!;
        expect(field, JSON.stringify(input)).toMatch(/^[\x21-\x7E]+$/);
        expect(field.replace(/\\[%#&_]/g, ''), JSON.stringify(input)).not.toMatch(/[%#&_{}\\"$^]/);
      }
    }
  });
});

describe('BibTeX text', () => {
  /** `"` other than in a command (`\\"` is the umlaut command): under German babel it starts a shorthand. */
  const bareQuote = /(?<!\\)"/;

  it('is printable ASCII with balanced braces and no bare ", and a field a BibTeX parser reads, for every string', () => {
    for (const value of [...strings, '"a" ""|"s" "\'', 'x"-y', '("GPT-4")', '"$x$"']) {
      for (const field of [escapeText(value), formatTitle(value)]) {
        expect(field, JSON.stringify(value)).toMatch(/^[\x20-\x7E]*$/);
        expect(bracesBalance(field), JSON.stringify(value)).toBe(true);
        expect(field, JSON.stringify(value)).not.toMatch(bareQuote);
        // Read raw (its LaTeX not interpreted: the parser knows few math macros), the field is
        // exactly what was written: nothing in it ends the field or the entry, or starts another.
        // (Between two letters, since the parser drops braces around a whole field; BibTeX reads
        // a run of spaces as one.)
        const read = parseBibtex(`@misc{k,\n  title = {a${field}z}\n}\n`, { raw: true });
        expect(read.errors, JSON.stringify(value)).toEqual([]);
        expect(read.entries.map((entry) => entry.fields.title)).toEqual([`a${field}z`.replace(/ +/g, ' ')]);
      }
    }
  });

  it('writes a straight double quote as the curved quote it stands for, opening or closing', () => {
    // LaTeX's quotes, which no babel language makes a shorthand: `` and ''.
    const [open, close] = ['{``}', "{''}"];
    expect(escapeText('"a" is ""')).toBe(`${open}a${close} is ${open}${close}`);
    expect(escapeText('5\'10" ("x")')).toBe(`5'10${close} (${open}x${close})`);
    // After any opening bracket or quote, of whatever script, and after a dash, a quote opens.
    for (const [before, after] of [
      ['(', ')'],
      ['[', ']'],
      ['«', '»'],
      ['„', '“'],
      ['‘', '’'],
      ['「', '」'],
      ['（', '）'],
      ['—', '—'],
      ['-', '-'],
    ]) {
      const written = escapeText(`a ${before}"b"${after} c`);
      expect(written, before).toContain(`${open}b${close}`);
      expect(written, before).not.toContain(`${close}b`);
    }
    // A title is cut into words and math: each quote still reads in the whole title.
    expect(formatTitle('"Why Should I Trust You?"')).toBe(`${open}Why Should I Trust You?${close}`);
    expect(formatTitle('The "GPT-4" model')).toBe(`The ${open}{GPT-4}${close} model`);
    expect(formatTitle('"$x$" and "$y$"')).toBe(`${open}{$x$}${close} and ${open}{$y$}${close}`);
    // In title math, the closing quote a plain document prints for it, in text and out.
    expect(formatTitle('$a"b \\text{c"d}$')).toBe(`{$a\\mbox{${close}}b \\text{c${close}d}$}`);
  });
});
