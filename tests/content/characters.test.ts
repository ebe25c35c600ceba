import { describe, expect, it } from 'vitest';
import { describeForbiddenCharacter, findForbiddenCharacter, visibleText } from '../../src/content/characters.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { createPaperSchema } from '../../src/content/schema.ts';
import { validatePaper } from '../../src/content/validate.ts';
import { seededRandom } from '../../src/bench/random.ts';

const schema = createPaperSchema(new Set(['optimization']));
const paper = (title: string) =>
  new TextEncoder().encode(
    `---\ntitle: "${title}"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`,
  );
const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** Every code point the rule must refuse, by the classes issue 13 names (not by our regex). */
function mustRefuse(): number[] {
  const points: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue; // lone surrogates: sampled below
    const char = String.fromCodePoint(codePoint);
    const control = /\p{Cc}/u.test(char) && codePoint !== 0x09 && codePoint !== 0x0a;
    const format = /\p{Cf}/u.test(char); // bidi controls, zero-width characters, BOM, tags…
    const separator = codePoint === 0x2028 || codePoint === 0x2029;
    const tag = codePoint >= 0xe0000 && codePoint <= 0xe007f;
    const nonCharacter = (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
    if (control || format || separator || tag || nonCharacter) points.push(codePoint);
  }
  return [...points, 0xd800, 0xdbff, 0xdc00, 0xdfff];
}

describe('the character rule', () => {
  it('refuses every control, format, separator, tag and noncharacter code point written as a YAML escape', () => {
    const points = mustRefuse();
    expect(points.length).toBeGreaterThan(300);
    const accepted = points.filter((codePoint) => {
      const escape = `\\U${codePoint.toString(16).padStart(8, '0')}`;
      const { paper: valid, problems } = validatePaper('p.mdx', paper(`A ${escape} title`), schema);
      const named = problems.map(formatProblem).some((line) => line.includes(`U+${hex(codePoint)}`));
      return valid !== undefined || !named;
    });
    expect(accepted.map(hex)).toEqual([]);
  });

  it('refuses exactly the invisible, blank, unassigned and other forbidden code points, and nothing else', () => {
    // By the classes the rule names, computed here one property at a time, not by its regex.
    const refused = (char: string) =>
      (/\p{Cc}/v.test(char) && char !== '\t' && char !== '\n') ||
      /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/v.test(char) ||
      ['\u2800', '\u{1D159}', '\u{16FE4}'].includes(char);
    const wrong: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      // After a letter: a combining mark alone has nothing under it, which is refused apart (below).
      if (refused(char) !== (findForbiddenCharacter(`a${char}`, { multiline: true }) !== undefined))
        wrong.push(hex(codePoint));
    }
    expect(wrong).toEqual([]);
  });

  it('names invisible, blank and unassigned characters, raw or as YAML escapes', () => {
    const cases: [string, string][] = [
      ['\u2800', 'blank character U+2800'],
      ['\u{1D159}', 'blank character U+1D159'],
      ['\u17B4', 'invisible character U+17B4'],
      ['\u180B', 'invisible character U+180B'],
      ['\u180F', 'invisible character U+180F'],
      ['\uFE0F', 'invisible character U+FE0F'],
      ['\u{E0100}', 'invisible character U+E0100'],
      ['\u034F', 'invisible character U+034F'],
      ['\u3164', 'invisible filler character U+3164'],
      ['\uFFF0', 'unassigned code point U+FFF0'],
      ['\u{E0080}', 'unassigned code point U+E0080'],
      ['\u{50000}', 'unassigned code point U+50000'],
      ['\u{5FFFE}', 'noncharacter U+5FFFE'],
    ];
    for (const [char, named] of cases) {
      const codePoint = char.codePointAt(0)!;
      const raw = validatePaper('content/papers/p.mdx', paper(`A${char}${char}`), schema).problems.map(formatProblem);
      expect(raw).toEqual([`content/papers/p.mdx:2:10: file: contains the ${named}: delete it.`]);
      const escaped = validatePaper(
        'content/papers/p.mdx',
        paper(`A \\U${codePoint.toString(16).padStart(8, '0')}`),
        schema,
      );
      expect(escaped.problems.map(formatProblem)).toEqual([
        `content/papers/p.mdx:2: title: contains the ${named}, written as a YAML escape: delete it.`,
      ]);
    }
    // An author or a title that is only blank characters, and a variation selector after an emoji.
    expect(findForbiddenCharacter('\u2800')?.code).toBe('U+2800');
    expect(findForbiddenCharacter('\u2800\u2800\u2800')?.code).toBe('U+2800');
    expect(findForbiddenCharacter('A smile \u263A\uFE0F', { multiline: true })?.code).toBe('U+FE0F');
  });

  it('accepts the text of real titles and names', () => {
    for (const text of [
      'Scaling MLPs: A Tale of Inductive Bias',
      'Schrödinger, Čech, Łukasiewicz, Ñúñez, 王小明, Иван, محمد, 😀',
      'On $\\mathbb{R}^n$ and ℝⁿ: “quotes” — dashes… and non-breaking spaces',
    ]) {
      expect(findForbiddenCharacter(text)).toBeUndefined();
    }
  });

  it('refuses a letter with more than four combining marks, written or as YAML escapes, and names the count', () => {
    // Decomposed Vietnamese (two marks), pointed Hebrew with a cantillation mark (three), four acute accents.
    for (const text of ['Vie\u0323\u0302t Nam', '\u05E9\u05C1\u05B8\u0591', `a${'\u0301'.repeat(4)}`]) {
      expect(findForbiddenCharacter(text), JSON.stringify(text)).toBeUndefined();
    }
    const found = findForbiddenCharacter(`Zalgo a${'\u0301'.repeat(100)} b`);
    expect(found).toMatchObject({ index: 11, code: 'U+0301', marks: 100 });
    const escaped = validatePaper('content/papers/z.mdx', paper(`Zalgo a${'\\u0301'.repeat(6)}`), schema);
    expect(escaped.problems.map(formatProblem)).toEqual([
      'content/papers/z.mdx:2: title: has 6 combining marks (U+0301…) on one letter, written as a YAML escape: a letter may carry at most 4; delete the rest.',
    ]);
    const written = validatePaper('content/papers/z.mdx', paper(`Zalgo a${'\u0301'.repeat(6)}`), schema);
    expect(written.problems.map(formatProblem)).toEqual([
      'content/papers/z.mdx:2:20: file: has 6 combining marks (U+0301…) on one letter: a letter may carry at most 4; delete the rest.',
    ]);
  });

  it('allows tab and newline only in multi-line text', () => {
    expect(findForbiddenCharacter('a\tb\nc', { multiline: true })).toBeUndefined();
    expect(findForbiddenCharacter('a\tb')?.code).toBe('U+0009');
    expect(findForbiddenCharacter('a\nb')?.code).toBe('U+000A');
    expect(findForbiddenCharacter('a\rb', { multiline: true })?.code).toBe('U+000D');
  });
});

describe('a combining mark with no letter under it', () => {
  // Unlike marks: nonspacing (acute, diaeresis, cedilla, Arabic fatha, kana dakuten), spacing
  // (Devanagari vowel sign i) and enclosing (combining enclosing circle).
  const MARKS = ['\u0301', '\u0308', '\u0327', '\u064E', '\u3099', '\u093F', '\u20DD'];
  // What may stand before a bare mark: nothing, a space, a no-break space, an ideographic space.
  const BEFORE = ['', 'Ada ', 'Ada\u00A0', '王\u3000'];

  it('is refused at the start or after white space, wherever in the value, and named', () => {
    for (const mark of MARKS) {
      for (const before of BEFORE) {
        const text = `${before}${mark}Lovelace`;
        const found = findForbiddenCharacter(text);
        expect(found, JSON.stringify(text)).toMatchObject({ index: before.length, bare: true });
        expect(found?.code).toBe(`U+${hex(mark.codePointAt(0)!)}`);
      }
    }
    // After a line break in an abstract, which allows several lines.
    expect(findForbiddenCharacter('One line\n\u0301two', { multiline: true })).toMatchObject({ index: 9, bare: true });
  });

  it('is allowed on a letter, a digit or a sign, as text writes marks', () => {
    for (const text of [
      'Akyu\u0308rek',
      'Vie\u0323\u0302t',
      'हिन्दी',
      'x\u20D7 and =\u0338',
      '1\u20DD',
      '"\u0301"',
      'か\u3099',
    ]) {
      expect(findForbiddenCharacter(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('is refused in a seeded sample of names wherever white space puts it, and only there', () => {
    const random = seededRandom(2213);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = ['Ada', 'Lovelace', 'Nguyễn', 'Çelik', '王', 'محمد', 'Иван', '2001', '-'];
    const spaces = [' ', '\u00A0', '\u2003', '\u3000'];
    for (let round = 0; round < 500; round++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(words));
      const mark = pick(MARKS);
      const bareAt = Math.floor(random() * (parts.length + 1)); // parts.length: on a letter instead
      let text = '';
      let expected: number | undefined;
      parts.forEach((word, index) => {
        if (index > 0) text += pick(spaces);
        if (index === bareAt) expected = text.length;
        text += index === bareAt ? `${mark}${word}` : word;
      });
      if (bareAt === parts.length) text += mark;
      const found = findForbiddenCharacter(text);
      expect(found?.bare ? found.index : undefined, JSON.stringify(text)).toBe(expected);
    }
  });

  it('gets a message naming the field and line, written or as a YAML escape', () => {
    const escaped = validatePaper('content/papers/m.mdx', paper('\\u0301Ada Lovelace'), schema);
    expect(escaped.paper).toBeUndefined();
    expect(escaped.problems.map(formatProblem)).toEqual([
      'content/papers/m.mdx:2: title: has a combining mark "\u25CC\u0301" (U+0301) with no letter under it (at the start, or after a space), written as a YAML escape: put it right after the letter it belongs on, or delete it; to show the mark alone in a title or an abstract, write it after a dotted circle, "\u25CC\u0301" (U+25CC).',
    ]);
    // An author who would look like Ada Lovelace: the name fold takes marks off letters only.
    const file = `---\ntitle: "A paper"\nauthors:\n  - Ada Lovelace \u0308\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nAn abstract.\n`;
    const written = validatePaper('content/papers/m.mdx', new TextEncoder().encode(file), schema);
    expect(written.paper).toBeUndefined();
    expect(written.problems.map(formatProblem)).toEqual([
      'content/papers/m.mdx:4:18: file: has a combining mark "\u25CC\u0308" (U+0308) with no letter under it (at the start, or after a space): put it right after the letter it belongs on, or delete it; to show the mark alone in a title or an abstract, write it after a dotted circle, "\u25CC\u0308" (U+25CC).',
    ]);
  });

  it('says how to show a mark alone, and that way passes in a title and an abstract', () => {
    // A mark on a space or a no-break space is how older text showed one alone.
    for (const mark of ['\u0301', '\u0308', '\u0903', '\u20DD']) {
      const spaced = `---\ntitle: "The accent \u00A0${mark} in Czech"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe study  ${mark} alone.\n`;
      const found = validatePaper('content/papers/m.mdx', new TextEncoder().encode(spaced), schema).problems;
      expect(found.map((problem) => problem.line)).toEqual([2, 10]);
      for (const problem of found) expect(problem.message).toContain(`write it after a dotted circle, "\u25CC${mark}"`);
      const advised = spaced.replace(`\u00A0${mark}`, `\u25CC${mark}`).replace(` ${mark}`, ` \u25CC${mark}`);
      expect(validatePaper('content/papers/m.mdx', new TextEncoder().encode(advised), schema).problems).toEqual([]);
    }
  });
});

describe('zero-width joiners (U+200C, U+200D)', () => {
  // Spelling, each from a different script or use, by the rules of RFC 5892 (CONTEXTJ) and UAX #31
  // (2.3): Persian and Urdu words (a non-joiner between joining letters), a Devanagari half form
  // and a non-joined conjunct after a virama, Malayalam's chillu (a joiner after a virama at a
  // word's end), Sinhala's "Sri", Myanmar after an asat, Khmer after a coeng, Tibetan after a
  // halanta (each a virama, canonical combining class 9), a Bengali ya-phala and Sinhala's touching
  // letters (the joiner before the virama), emoji ZWJ sequences (skin tone, a family of four, a
  // flag, one that needs U+FE0F, which files leave out).
  const faithful = [
    'می\u200Cخواهم',
    'نمی\u200Cشود',
    'ہم\u200Cآہنگ',
    'क्\u200Dष',
    'क्\u200Cष',
    'ന്\u200D',
    'ශ්\u200Dරී',
    'မြန်\u200Cမာ',
    'ខ្\u200Cមែរ',
    'ཀ྄\u200Cཁ',
    'র\u200D্য',
    'ක\u200D්ව',
    '👩\u200D💻',
    '👨🏽\u200D🔬',
    '👨\u200D👩\u200D👧\u200D👦',
    '🏳\u200D🌈',
    '👁\u200D🗨',
  ];
  // Hiding: inside a word of a script that never needs one, at an end, beside a space, between
  // two scripts, doubled, a non-joiner between emoji, between digits; and where a script of those
  // above has no use for one: after a vowel sign (no conjunct to break), between two consonants
  // with no virama, a joiner between Arabic letters that join anyway; U+200D between emoji that
  // form no ZWJ sequence (two symbols, two faces, a digit and an emoji).
  const hiding = [
    'optim\u200Dization',
    'Ив\u200Cан',
    'Ada\u200D',
    '\u200Dक',
    'می \u200Cخ',
    'ي\u200Dx',
    'क\u200Dx',
    'क्\u200D\u200Dष',
    '😀\u200C😀',
    '1\u200D2',
    '日\u200D本',
    'ശ്രീ\u200Cരാമ',
    'क\u200Dष',
    'م\u200Dحمد',
    '©\u200D®',
    '😀\u200D😀',
    '1\u200D😀',
    '👩\u200D👩\u200D😀',
  ];

  it('are kept where a script spells with them or an emoji is joined, raw and as YAML escapes', () => {
    for (const text of faithful) {
      expect(findForbiddenCharacter(text), text).toBeUndefined();
      const escaped = text.replace(/[\u200C\u200D]/g, (char) => `\\u${char.codePointAt(0)!.toString(16)}`);
      for (const title of [text, escaped]) {
        const body = `---\ntitle: "A study of ${title}"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe write ${text} here.\n`;
        const { problems } = validatePaper('content/papers/j.mdx', new TextEncoder().encode(body), schema);
        expect(problems.map(formatProblem), title).toEqual([]);
      }
      // new-paper keeps them too: arXiv's text is written as it shows.
      expect(visibleText(text)).toEqual({ text, removed: [] });
    }
  });

  it('are kept as character references in an abstract where they spell, as the refusal says', () => {
    const references = (text: string, form: number) =>
      text.replace(
        /[\u200C\u200D]/g,
        (char) =>
          [
            `&#x${char.codePointAt(0)!.toString(16)};`,
            `&#${char.codePointAt(0)!};`,
            char === '\u200C' ? '&zwnj;' : '&zwj;',
          ][form]!,
      );
    for (const text of faithful) {
      for (const form of [0, 1, 2]) {
        const body = `---\ntitle: "A study"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe write ${references(text, form)} here.\n`;
        const { problems } = validatePaper('content/papers/j.mdx', new TextEncoder().encode(body), schema);
        expect(problems.map(formatProblem), references(text, form)).toEqual([]);
      }
    }
    // The advice for a refused one names both ways of writing it, neither refused where it spells.
    const message = describeForbiddenCharacter(findForbiddenCharacter('optim\u200Dization')!, '&zwj;');
    expect(message).toContain('as itself or as a character reference');
    expect(message).not.toMatch(/not as a character reference/);
  });

  it('are refused elsewhere, named at their line and field, with where one is kept', () => {
    for (const text of hiding) {
      const found = findForbiddenCharacter(text);
      expect(found?.code, text).toMatch(/^U\+200[CD]$/);
      const body = `---\ntitle: "A study"\nauthors:\n  - Ada Lovelace\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe write ${text} here.\n`;
      const lines = validatePaper('content/papers/j.mdx', new TextEncoder().encode(body), schema).problems.map(
        formatProblem,
      );
      expect(lines, text).toEqual([
        expect.stringMatching(
          /^content\/papers\/j\.mdx:10:\d+: file: contains the invisible formatting character U\+200[CD]: delete it\. A zero-width non-joiner .* right after a virama .* emoji ZWJ sequences/,
        ),
      ]);
      // Of two joiners after a virama the first is spelling and stays; every other one goes.
      const shown = text === 'क्\u200D\u200Dष' ? 'क्\u200Dष' : text.replace(/[\u200C\u200D]/g, '');
      expect(visibleText(text).text).toBe(shown);
    }
  });

  it('get advice that says what is wrong where a spelling is near: two joiners round a virama, a non-joiner ending a word', () => {
    const refusal = (text: string) => {
      const found = findForbiddenCharacter(text);
      return found && describeForbiddenCharacter(found);
    };
    // The Unicode Standard's Sinhala (13.2) and Bengali (12.3) spellings: one joiner, before the
    // virama (touching letters, ya-phala) or after it (yansaya, rakaransaya, repaya).
    for (const text of ['ම්\u200Dය', 'ක්\u200Dර', 'ර්\u200Dක', 'ක\u200D්ව', 'ම\u200D්ය', 'র\u200D্য']) {
      expect(findForbiddenCharacter(text), text).toBeUndefined();
    }
    // Both at once is no spelling: the second is refused, and the advice says keep one.
    for (const text of ['ම\u200D්\u200Dය', 'ක\u200D්\u200Dර', 'র\u200D্\u200Dয', 'र\u200D्\u200Dय']) {
      expect(findForbiddenCharacter(text)?.index, text).toBe(text.lastIndexOf('\u200D'));
      expect(refusal(text), text).toMatch(/second joiner around one virama: .* keep the one the spelling needs/);
    }
    // A non-joiner after a Persian, Arabic or Urdu word's last letter, before a space, a sign or
    // the end: it shows nothing, and the advice says so.
    for (const text of ['فارسی\u200C است', 'کتاب\u200C.', 'علمِ\u200C،', 'می\u200C', 'ہم\u200C)']) {
      expect(refusal(text), text).toMatch(/non-joiner after the last letter of a word .* changes nothing shown/);
    }
    // Elsewhere the general advice stands (a joiner in a Latin word, a non-joiner after a space).
    for (const text of ['optim\u200Dization', 'می \u200Cخ', 'Ив\u200Cан']) {
      expect(refusal(text), text).toContain('is kept only where Unicode gives it an effect that shows');
    }
  });

  it('are refused in a seeded sample of text in scripts that never need one, wherever they stand', () => {
    const random = seededRandom(2311);
    const words = ['Attention', 'Gödel', 'Иван', 'α-β', '日本語', 'Nguyễn', '😀', 'ℝ', '2024', 'O(n)', 'محمد'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 3 }, () => words[Math.floor(random() * words.length)]!).join(
        random() < 0.5 ? ' ' : '',
      );
      const at = Math.floor(random() * (text.length + 1));
      // A non-joiner between two letters of محمد would be spelling.
      const joiner = random() < 0.5 ? '\u200C' : '\u200D';
      const joined = text.slice(0, at) + joiner + text.slice(at);
      // A non-joiner between two Arabic letters; no joiner between two 😀, which form no ZWJ sequence.
      const arabicBoth =
        joiner === '\u200C' && /\p{scx=Arabic}/u.test(text[at - 1] ?? '') && /\p{scx=Arabic}/u.test(text[at] ?? '');
      expect(findForbiddenCharacter(joined) === undefined, JSON.stringify(joined)).toBe(arabicBoth);
    }
  });
});

describe('names that differ only by a joiner', () => {
  it('are one author: one page, and listed twice in one paper a repeat', () => {
    for (const [joined, plain] of [
      ['علی\u200Cاکبر Hashemi', 'علیاکبر Hashemi'],
      ['क्\u200Dषितिज Rao', 'क्षितिज Rao'],
      ['ශ්\u200Dරී Perera', 'ශ්රී Perera'],
    ] as const) {
      expect(authorSlug(joined), joined).toBe(authorSlug(plain));
      const body = `---\ntitle: "A study"\nauthors:\n  - ${plain}\n  - ${joined}\ndate: "2025-06-06"\ntags:\n  - optimization\n---\n\nWe study it.\n`;
      const lines = validatePaper('content/papers/j.mdx', new TextEncoder().encode(body), schema).problems.map(
        formatProblem,
      );
      expect(lines, joined).toEqual([
        expect.stringMatching(/^content\/papers\/j\.mdx:5: authors\[1\]: repeats authors\[0\]/),
      ]);
    }
  });
});
