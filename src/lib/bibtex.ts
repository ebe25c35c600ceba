import {
  dottedInitialsApart,
  familyName,
  isGroupName,
  isSuffixedWithoutGivenName,
  nameInBibtexOrder,
} from './authors.ts';
import {
  arxivEprint,
  citationMonth,
  citationYear,
  paperUrl,
  venueKind,
  venueYear,
  type CitablePaper,
} from './citation.ts';
import { BIBTEX_KEY, joinedEntries, type EntryType } from './encode/bibtex-file.ts';
import { CLUSTER, nonAsciiLatex } from './encode/latex.ts';
import { outputUrl } from './encode/url.ts';
import { MATH_SPAN, mathProblems } from './title-math.ts';

/**
 * BibTeX entries for papers: arXiv-style `@misc` (`eprint`, `archivePrefix`, `primaryClass` only
 * where the id gives it), `@inproceedings`/`@article` when the venue is known (keeping the
 * eprint). A `.bib` field is TeX when the citing document is compiled, so every string is
 * escaped until LaTeX prints it as it was typed and runs nothing (`escapeText`); `$…$` math in
 * titles is kept as math only when it passes the title-math allowlist (src/lib/title-math.ts),
 * else it is printed as text; words whose capitals a style must not lower (`GPT-4`, `MLPs`,
 * `Kolmogorov-Arnold`) are braced.
 * Keys come from `assignCitationKeys`, computed once over the whole digest.
 */

/** Title words that never make a key: `On the Power of …` is keyed by `power`. */
const STOP_WORDS = new Set(
  (
    'a an the on of in for to with without and or but is are be do does did how what why when where which who ' +
    'can could should would will we our us you your it its this that these those via towards toward from by at ' +
    'as into onto about beyond through over under not no yes all any some one'
  ).split(' '),
);

/** Letters with no Unicode decomposition to ASCII, spelled as BibTeX users usually do. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** `Zoë Çelik` → `Zoe Celik`: accents removed, a few letters spelled out, other non-ASCII kept. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => FOLD[letter] ?? letter);
}

const keyPart = (text: string): string =>
  asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Longest family name or title word a key keeps. */
const KEY_PART_LENGTH = 40;

/** Splits a title into text and `$…$` math (a `$` followed by a non-space, closed by a `$` after one). */
export function splitMath(title: string): { text: string; math: boolean }[] {
  const parts: { text: string; math: boolean }[] = [];
  let last = 0;
  for (const match of title.matchAll(MATH_SPAN)) {
    if (match.index > last) parts.push({ text: title.slice(last, match.index), math: false });
    parts.push({ text: match[1] ?? '', math: true });
    last = match.index + match[0].length;
  }
  if (last < title.length) parts.push({ text: title.slice(last), math: false });
  return parts;
}

/** The first word of the title that is not a stop word, lowercased ASCII; math is skipped. */
export function titleKeyWord(title: string): string {
  const words = splitMath(title)
    .filter((part) => !part.math)
    .flatMap((part) =>
      asciiFold(part.text)
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    )
    .filter(Boolean);
  return words.find((word) => !STOP_WORDS.has(word)) ?? words[0] ?? '';
}

/**
 * A citation key's name part for an author: the family name in plain lower-case letters, its words
 * run together (`Sáez de Ocáriz Borde` → `deocarizborde`); the whole name when the family name has
 * no such letters, `anon` when neither has. The one rule for it: naturalKey begins with it, and
 * search (search-data.ts) indexes it so that a key pasted from a .bib file finds its paper.
 */
export function citationKeyNamePart(author: string): string {
  // Cut to a length no real name reaches, so no key is unboundedly long.
  return (keyPart(familyName(author)) || keyPart(author) || 'anon').slice(0, KEY_PART_LENGTH);
}

/** `<first author's family name><year><first significant title word>`, e.g. `bachmann2023scaling`. */
export function naturalKey(paper: CitablePaper): string {
  const name = citationKeyNamePart(paper.data.authors[0] ?? '');
  const year = citationYear(paper) ?? '';
  return `${name}${year}${titleKeyWord(paper.data.title).slice(0, KEY_PART_LENGTH)}`;
}

/**
 * A key for every paper, unique across the digest and tied to its paper for good. A natural key
 * that one paper alone has is its key (`bachmann2023scaling`). Of papers that share one, the paper
 * the digest listed first (the one earliest digest date, alone on that day) keeps it, and every
 * other adds its own id (`celik2024attention-2403.00003`), which natural keys never contain (`-`);
 * papers that share the earliest day all add their id. So a paper added later (a later digest
 * date, as `new-paper` gives one: today) never re-keys a paper already published, whose key
 * readers' `.bib` files cite, and never takes its key. What it cannot tell: a paper added with an
 * earlier digest date than one already published with the same natural key takes that key, one
 * added on the same day makes the published key end (LaTeX reports an undefined citation), and
 * removing the paper that holds a shared key passes it to the next one listed.
 */
export function assignCitationKeys(papers: readonly CitablePaper[]): Map<string, string> {
  const byNaturalKey = new Map<string, CitablePaper[]>();
  for (const paper of papers) {
    const key = naturalKey(paper);
    byNaturalKey.set(key, [...(byNaturalKey.get(key) ?? []), paper]);
  }
  const keys = new Map<string, string>();
  for (const [key, sharing] of byNaturalKey) {
    const first = sharing.reduce(
      (earliest, paper) => (paper.data.date < earliest ? paper.data.date : earliest),
      sharing[0]!.data.date,
    );
    const onFirstDay = sharing.filter((paper) => paper.data.date === first);
    const holder = onFirstDay.length === 1 ? onFirstDay[0] : undefined;
    for (const paper of sharing) keys.set(paper.id, paper === holder ? key : `${key}-${paper.id}`);
  }
  return keys;
}

/**
 * Each is a brace group that starts with a backslash: a BibTeX "special character", which BibTeX
 * counts as one character and never cuts. Bare, `\_\_\_` lost its third backslash's `_` when
 * alpha.bst took a name's first three characters for a label (`\bibitem[\_\24]`, an undefined
 * `\24`), and an author-year label cut mid-escape could end in a lone backslash.
 */
const SPECIALS: Record<string, string> = {
  '\\': '{\\textbackslash}',
  '{': '{\\textbraceleft}',
  '}': '{\\textbraceright}',
  '&': '{\\&}',
  '%': '{\\%}',
  $: '{\\$}',
  '#': '{\\#}',
  _: '{\\_}',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
  // In LaTeX's default OT1 encoding `<`, `>` and `|` print as ¡, ¿ and —.
  '<': '{\\textless}',
  '>': '{\\textgreater}',
  '|': '{\\textbar}',
  // A backquote makes ligatures (` `` ` is “, `` ?` `` is ¿): alone in a group, it makes none.
  '`': '{`}',
};

/**
 * A straight double quote as the curved quote it stands for: opening (`“`) at the start of the text
 * or after white space, a dash, or an opening bracket or quote of any script (Unicode's classes
 * Pd, Ps and Pi: `(`, `「`, `„`, `«`, `‘`), else closing (`”`); `before` is the character
 * before the text, where it continues other text. escapeText then writes each as LaTeX's quotes
 * (`{``}`, `{''}`), as it writes a typed curved quote. A `"` itself is no character to LaTeX under
 * German babel (ngerman, the `german` option of many theses' classes): it starts a shorthand, so
 * `"a` prints ä, `"s` ß, `"'` and `"<` other quotes, and `""` and `"|` print nothing, in text and in
 * math alike. Backquotes and apostrophes print the same under every babel language and in a plain
 * document, where a bare `"` printed a closing quote wherever it stood.
 */
export function curvedQuotes(text: string, before = ''): string {
  return text.replace(/"/g, (_, offset: number) =>
    QUOTE_OPENS_AFTER.test(offset === 0 ? before : text[offset - 1]!) ? '\u201C' : '\u201D',
  );
}
const QUOTE_OPENS_AFTER = /^(?:|\s|[\p{Pd}\p{Ps}\p{Pi}])$/u;

/**
 * Characters no field may hold: controls (TeX reads some as end of line, others as invalid),
 * invisible format characters (bidi controls, zero-width spaces, tags: LaTeX has no glyph for
 * them) and lone surrogates (not UTF-8). Validation refuses them first.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * Escapes text for a braced BibTeX field read by LaTeX, for every string: each character that
 * means something to TeX becomes a command that prints it, so LaTeX prints the text as it was
 * typed and runs nothing. Literal braces become `\textbrace…{}` rather than `\{`, because BibTeX
 * counts every brace, escaped or not, when it matches them. Runs of white space become one space
 * (a blank line would end a paragraph, a line end inside a field means nothing), and ligatures
 * TeX would make from typed characters (`--`, `''`, `,,`) are broken with `{}`. Everything outside
 * ASCII is written as ASCII LaTeX that a plain pdflatex document sets (`{\"O}`, `{$\alpha$}`;
 * see src/lib/encode/latex.ts), so the field is ASCII. A straight double quote, which German babel
 * makes a command, is written as the curved quote it stands for (curvedQuotes).
 */
export function escapeText(text: string): string {
  const spaced = text.replace(UNPRINTABLE, (char) => (/\s/.test(char) ? ' ' : '')).replace(/\s+/g, ' ');
  return curvedQuotes(spaced).replace(CLUSTER, (cluster, offset: number, whole: string) => {
    const latex = cluster.length === 1 && cluster < '\x80' ? undefined : nonAsciiLatex(cluster);
    if (latex !== undefined) return latex;
    const char = cluster.normalize('NFD')[0]!;
    return SPECIALS[char] ?? (/[-',]/.test(char) && whole[offset + cluster.length] === char ? `${char}{}` : char);
  });
}

/**
 * A word a style must not lower-case: one with a capital after its first letter (`GPT-4`, `MLPs`,
 * `Kolmogorov-Arnold`), or a lone capital joined to a digit or a sign (`T5`, `L1`, `C#`, `C++`,
 * `Q-learning`, `X-ray`, `A*`), a name or a symbol, never an article or a pronoun (`A`, `I`,
 * which stand alone or before punctuation that ends a word).
 */
function needsProtection(word: string): boolean {
  if (!word.trim()) return false;
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (/\p{Lu}/u.test(letters.slice(1))) return true;
  return LONE_CAPITAL_JOINED.test(word.replace(WORD_END_PUNCTUATION, ''));
}

/**
 * A word's first letter a capital, followed at once by a digit or a sign that joins it to the rest
 * (`C#`, `T5`, `X-ray`, `A/B`). Not superscripts or brackets: `ℝ²` and `𝒪(n)` are written as math,
 * which a style leaves alone.
 */
const LONE_CAPITAL_JOINED = /^[^\p{L}\p{N}]*\p{Lu}[\p{Nd}#+*/-]/u;

/** Punctuation that ends a word in a sentence (`A,`, `I.`, `(A)`), which joins no capital to anything. */
const WORD_END_PUNCTUATION = /[\s.,:;!?)\]}"'’”»]+$/u;

/**
 * Whether a title is written in sentence case ("Scale mixtures of neural network Gaussian
 * processes"): most of its longer words after the first start lowercase. Then a capital that starts
 * a later word is a name's, which a style must keep; in title case ("Scaling MLPs: A Tale of
 * Inductive Bias") capitals say nothing, and only inner capitals do.
 */
export function isSentenceCase(title: string): boolean {
  const words = splitMath(title)
    .filter((part) => !part.math)
    .flatMap((part) => part.text.split(/[^\p{L}]+/u).filter(Boolean))
    .slice(1)
    .filter((word) => word.length >= 4);
  const capitalized = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= 2 && capitalized * 2 < words.length;
}

/** What `\text{…}` in title math may hold that LaTeX's default OT1 fonts print as another character. */
const TEXT_IN_MATH: Record<string, string> = {
  // OT1 prints `<`, `>` and `|` as ¡, ¿ and —, and `?`` `!`` as ¿ ¡.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '`': '{`}',
  // What a plain document prints for `"` (a closing quote), which German babel would read as a
  // shorthand (curvedQuotes): braced, so that no `'` beside it makes another ligature.
  '"': "{''}",
};

/**
 * Title math (accepted by the title-math rules, so ASCII) as LaTeX prints what KaTeX shows: inside
 * `\text{…}`, which LaTeX sets in the text font, `<`, `>`, `|` and a backquote become commands; a
 * `"`, in `\text{…}` or not, becomes the closing quote a plain document prints for it (German
 * babel reads `"` as a shorthand in math too: `"a` is an accent), outside `\text{…}` in `\mbox{…}`,
 * which a document without amsmath has too.
 */
export function mathText(tex: string): string {
  let out = '';
  let textDepth = 0; // brace depth inside a \text argument, 0 when outside
  for (let index = 0; index < tex.length; index++) {
    const char = tex[index]!;
    const command = /^\\(?:[A-Za-z]+|.)/s.exec(tex.slice(index))?.[0];
    if (command) {
      out += command;
      index += command.length - 1;
      if (textDepth === 0 && command === '\\text') {
        const open = /^\s*\{/.exec(tex.slice(index + 1));
        if (open) {
          out += open[0];
          index += open[0].length;
          textDepth = 1;
        }
      }
      continue;
    }
    if (textDepth > 0) {
      if (char === '{') textDepth++;
      else if (char === '}') textDepth--;
      out += textDepth > 0 ? (TEXT_IN_MATH[char] ?? char) : char;
    } else out += char === '"' ? `\\mbox{${TEXT_IN_MATH[char]}}` : char; // \mbox: LaTeX's own, \text needs amsmath
  }
  return out;
}

/**
 * A title for BibTeX: text escaped, `$…$` math kept (braced, so styles leave it alone) when it can
 * be, and braced against a style's sentence casing: words with inner capitals, and in a title
 * written in sentence case every later word that starts with a capital (`{Gaussian}`).
 */
export function formatTitle(title: string): string {
  const sentenceCase = isSentenceCase(title);
  let wordsBefore = 0;
  let before = ''; // the title's character before this part, which tells how a quote mark opening it reads
  return splitMath(title)
    .map(({ text, math }) => {
      // Math that the title-math rules refuse is printed as the text it is, never run.
      if (math) {
        wordsBefore += 1;
        before = '$';
        return mathProblems(text).length === 0 ? `{$${mathText(text.replace(/\s+/g, ' '))}$}` : escapeText(`$${text}$`);
      }
      // Its quote marks read in the whole title, before it is cut into words.
      const quoted = curvedQuotes(text, before);
      before = text.at(-1) ?? before;
      return quoted
        .split(/(\s+)/)
        .map((word) => {
          const later = /\p{L}/u.test(word) && wordsBefore++ > 0;
          const name = sentenceCase && later && /^[^\p{L}\p{N}]*\p{Lu}/u.test(word);
          if (!needsProtection(word) && !name) return escapeText(word);
          // Brace from the first letter or digit to the last: `{MLPs}:`, `({GPT-4})`. The group
          // never starts with a backslash, which would make it a BibTeX "special character"; a letter
          // keeps its combining marks.
          const [, lead = '', core = '', trail = ''] =
            /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/su.exec(word) ?? [];
          return `${escapeText(lead)}{${escapeText(core)}}${escapeText(trail)}`;
        })
        .join('');
    })
    .join('');
}

/**
 * One author as BibTeX reads a name. A name BibTeX would not read as one name is braced, so it
 * stays one: a group's name (isGroupName: `ATLAS Collaboration`, `Google Research, Brain Team`,
 * and any name with the word "and", which BibTeX reads as between two names), which unbraced
 * BibTeX reads as a person's and abbreviates (`A. Collaboration`), as the citation tags and the
 * reference keep it whole; one whose commas are not `Last, First` or `Last, Jr., First`
 * (more than two, or an empty part); and one word with its suffix (isSuffixedWithoutGivenName:
 * `Louis XIV`, `Smith Jr.`), which BibTeX would file under the suffix.
 *
 * The braces open with `\relax` (which does nothing), making the name one BibTeX "special
 * character": alpha.bst labels a name by its first three characters (`text.prefix$`), and inside a
 * plain group it counts the characters of the commands too, so `{J{\"u}rgen and Sons}` was cut to
 * `{J{\"}}` and `{A {\&} B and C}` to `{A {\}}`, which stop LaTeX. A special character is never cut.
 */
export function formatAuthor(author: string): string {
  // A group's name is kept as written (`U.S. Army`); a person's initials, one a word (`J. R.`).
  const ordered = isGroupName(author) ? nameInBibtexOrder(author) : dottedInitialsApart(nameInBibtexOrder(author));
  const escaped = delimitersBraced(specialRuns(escapeText(ordered).trim()));
  const parts = escaped.split(',');
  // BibTeX reads "and" as a separator and a last name "others" as "et al.": braced, each is a name.
  const oneName =
    !isGroupName(author) &&
    !isSuffixedWithoutGivenName(author) &&
    !/^others$/i.test(escaped) &&
    parts.length <= 3 &&
    parts.every((part) => part.trim());
  return oneName ? escaped : `{\\relax ${escaped}}`;
}

/**
 * A name's letters written as math (`{$\Sigma$}`, `{$^\circ$}`) or as code points (`{[U+0166]}`),
 * each run of them one BibTeX special character (`{\relax${\Sigma}{\omega}$}`, `{\relax[U+0166]}`).
 * As plain groups, alpha.bst cut them when it took a name's first three characters for a label,
 * counting the characters inside (`{$\S}`: every document citing a paper by a Greek author alone
 * stopped), and abbrv.bst abbreviated `{$\Sigma$}…` to `S.`; a special character is one letter to
 * both. One group a run keeps the name no longer than before (MAX_NAME_LATEX).
 */
function specialRuns(latex: string): string {
  const groups: { start: number; end: number; kind: 'math' | 'code'; body: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < latex.length; index++) {
    if (latex[index] === '{' && depth++ === 0) start = index;
    else if (latex[index] === '}' && --depth === 0) {
      const group = latex.slice(start, index + 1);
      const math = /^\{\$(.*)\$\}$/s.exec(group);
      const code = /^\{(\[U\+[0-9A-F]+\])\}$/.exec(group);
      if (math) groups.push({ start, end: index + 1, kind: 'math', body: math[1]! });
      else if (code) groups.push({ start, end: index + 1, kind: 'code', body: code[1]! });
    }
  }
  let out = '';
  let at = 0;
  for (let index = 0; index < groups.length;) {
    let last = index;
    while (groups[last + 1]?.start === groups[last]!.end && groups[last + 1]!.kind === groups[index]!.kind) last++;
    const run = groups.slice(index, last + 1);
    const bodies = run.map((group) => group.body);
    // Each formula a subformula of its own: `{\pi}{o}`, not the command `\pio`, and `{^\circ}{^\circ}`,
    // not a double superscript.
    const merged = groups[index]!.kind === 'math' ? `$${bodies.map((body) => `{${body}}`).join('')}$` : bodies.join('');
    out += `${latex.slice(at, groups[index]!.start)}{\\relax${merged}}`;
    at = groups[last]!.end;
    index = last + 1;
  }
  return out + latex.slice(at);
}

/**
 * Names go into the labels of `\bibitem[…]`, which LaTeX reads up to the first `]` outside braces,
 * and natbib splits a label `Names(Year)Names` at the first `(` and `)` outside braces: a name such
 * as `Ada (Ed.)` or `Bob [x]` ended the label early ("Bibliography not compatible with author-year
 * citations", which stops pdflatex). Each of `[ ] ( )` outside braces is braced alone: it prints
 * as itself, and no macro that scans for it sees it.
 */
function delimitersBraced(latex: string): string {
  let depth = 0;
  let out = '';
  for (const char of latex) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    out += depth === 0 && /[[\]()]/.test(char) ? `{${char}}` : char;
  }
  return out;
}

/** Authors joined by `and` (see formatAuthor). */
export function formatAuthors(authors: readonly string[]): string {
  return authors.map(formatAuthor).join(' and ');
}

/**
 * Most characters of names an `author` field holds before `and others`. BibTeX and LaTeX read a
 * field, and natbib's list of every family name, into buffers of fixed size (TeX Live:
 * 200,000 characters a line): past that BibTeX cuts the list mid-name without an error, and
 * pdflatex stops reading the `.aux` ("Unable to read an entire line"). A collaboration's 10,000
 * names reached that; 20,000 characters keeps every name of most papers, and hundreds of any.
 */
export const MAX_AUTHOR_FIELD = 20_000;

/**
 * The `author` field: the names in order, as many as fit in MAX_AUTHOR_FIELD characters and
 * `maxAuthors`, then `others` (BibTeX's "et al.") if any are left. The first name is always given.
 */
export function authorField(authors: readonly string[], maxAuthors = Infinity): string {
  const names: string[] = [];
  let length = 0;
  for (const author of authors.slice(0, maxAuthors)) {
    const name = formatAuthor(author);
    length += (names.length > 0 ? ' and '.length : 0) + name.length;
    if (names.length > 0 && length > MAX_AUTHOR_FIELD) break;
    names.push(name);
  }
  return names.length < authors.length ? `${names.join(' and ')} and others` : names.join(' and ');
}

/**
 * A URL as a field value: the normalized https URL (else none), with every character outside
 * RFC 3986's unreserved and reserved sets percent-encoded (`^` included, and `$`, which hyperref's
 * `\url` cannot take even as `\$`), then `%`, `#`, `&` and `_` written as `\%`, `\#`, `\&`, `\_`. Styles print the field with `\url{…}`, but no
 * one form suits every reader: raw, `%` comments out the rest of the entry wherever the field is
 * read as an argument (plainnat's `\texttt` stand-in for `\url` when the url package is not
 * loaded, hyperref's backref), and `# & _` stop pdflatex there; escaped, every document
 * compiles, hyperref's `\url` (and so its link) reads the escapes as the characters, and url.sty
 * alone prints the backslashes. A bibliography that compiles comes first. `~` stays raw (a space
 * in `\texttt`). Checked with pdflatex + bibtex: plainurl with url and with hyperref, plainnat
 * with and without url.
 */
export function formatUrl(url: string): string | undefined {
  return outputUrl(url)
    ?.replace(/[^A-Za-z0-9\-._~:/?#[\]@!&'()*+,;=%]/g, (char) =>
      [...new TextEncoder().encode(char)]
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(''),
    )
    .replace(/[%#&_]/g, '\\$&');
}

/** BibTeX's month macros, January to December, defined by every standard style (and biblatex). */
export const MONTH_MACROS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

export type { EntryType };

/**
 * `@article` or `@inproceedings` for a venue whose name gives its year; else `@misc`, the
 * preprint, dated by its first version. A venue without a year (`TMLR`) then goes in a `note`:
 * the journal is never given the preprint's year. A paper with neither a first version (an arXiv
 * id or `published`) nor a venue year has no `year` field at all: the digest date is not a
 * publication date, and BibTeX only warns about an entry without a year.
 */
export function entryType(paper: CitablePaper): EntryType {
  const { venue } = paper.data;
  if (!venue || !venueYear(venue)) return 'misc';
  return venueKind(venue) === 'journal' ? 'article' : 'inproceedings';
}

/**
 * The BibTeX entry of a paper under `key`. With `maxAuthors`, a paper with more authors than that
 * names the first `maxAuthors` and then `others`, which BibTeX prints as "et al." (a `.bib` that
 * lists the paper among others: an author's; the paper's own `.bib` names everyone whose names
 * fit in MAX_AUTHOR_FIELD characters).
 */
export function bibtexEntry(paper: CitablePaper, key: string, { maxAuthors }: { maxAuthors?: number } = {}): string {
  if (!BIBTEX_KEY.test(key)) throw new Error(`Not a safe BibTeX key: ${key}`);
  const { data } = paper;
  const type = entryType(paper);
  // A field's value is braced, unless it is a macro name (`'macro'`).
  const fields: [name: string, value: string, macro?: 'macro'][] = [
    ['title', formatTitle(data.title)],
    ['author', authorField(data.authors, maxAuthors)],
  ];
  if (data.venue) {
    if (type === 'misc') fields.push(['note', `Published in ${escapeText(data.venue)}`]);
    else fields.push([type === 'article' ? 'journal' : 'booktitle', escapeText(data.venue)]);
  }
  const year = citationYear(paper);
  if (year) fields.push(['year', year]);
  const month = citationMonth(paper);
  // BibTeX's month macro, unbraced (`month = jun`): every style defines them, and prints or sorts
  // the month as it writes months; a braced `{jun}` would be printed as it stands.
  if (month !== undefined) fields.push(['month', MONTH_MACROS[month - 1]!, 'macro']);
  if (data.arxiv) {
    const { eprint, primaryClass } = arxivEprint(data.arxiv);
    fields.push(['eprint', eprint], ['archivePrefix', 'arXiv']);
    if (primaryClass) fields.push(['primaryClass', primaryClass]);
  }
  const paperLink = paperUrl(paper);
  const url = paperLink === undefined ? undefined : formatUrl(paperLink);
  if (url) fields.push(['url', url]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields
    .map(([name, value, macro]) => `  ${name.padEnd(width)} = ${macro ? value : `{${value}}`}`)
    .join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/** A comment's text in ASCII, as the fields write it outside ASCII (`{\L}ukasz`): the file is ASCII. */
function asciiComment(text: string): string {
  return text
    .replace(UNPRINTABLE, '')
    .replace(CLUSTER, (cluster) =>
      cluster.length === 1 && cluster < '\x80' ? cluster : (nonAsciiLatex(cluster) ?? cluster.normalize('NFD')[0]!),
    );
}

/**
 * A `.bib` file: comment lines (outside any entry, where BibTeX ignores text; `@` would start an
 * entry, so it is dropped), then the entries, one blank line apart.
 */
export function bibtexFile(entries: readonly string[], comments: readonly string[] = []): string {
  const header = comments
    .map((line) => `% ${asciiComment(line.replace(/@/g, '').replace(/\s+/g, ' ').trim())}\n`)
    .join('');
  return [header, joinedEntries(entries)].filter(Boolean).join('\n');
}

/** The media type of `.bib` files (static hosts pick their own from the extension). */
export const BIBTEX_CONTENT_TYPE = 'application/x-bibtex; charset=utf-8';
