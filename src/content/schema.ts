import { domainToASCII, domainToUnicode } from 'node:url';
import { z } from 'astro/zod';
import { decodeHTML } from 'entities';
import { isCalendarDate } from '../lib/dates.ts';
import { didYouMean } from '../lib/suggest.ts';
import { arxivIdInText, parseArxivId } from '../lib/arxiv-id.ts';
import { MATH_SPAN, titleMathProblems } from '../lib/title-math.ts';
import { strayDollar, strayDollarAdvice, texInProse, texInProseAdvice } from '../lib/tex-in-prose.ts';
import { titleText } from '../lib/title-text.ts';
import { authorKey } from '../lib/authors.ts';
import { shortened } from './problems.ts';
import { venueYear } from '../lib/citation.ts';
import { formatAuthor } from '../lib/bibtex.ts';
import { ownSiteLinkProblem } from '../lib/urls.ts';
import { dotSegmentProblem, webHostProblem } from '../lib/link-hosts.ts';
import { windowsDeviceProblem } from '../lib/file-names.ts';
import { siteConfig } from '../site.config.ts';
import { scriptsOf } from './scripts.ts';
import { latinLookAlike, withLookAlikeDots } from '../lib/look-alike.ts';
import { codePointName, onlySpacesNamed } from '../lib/code-point.ts';
import { TOP_LEVEL_DOMAINS } from '../lib/top-level-domains.ts';

/**
 * The one definition of a paper's frontmatter. Strict: an unknown key is an error. Strings are
 * trimmed and topics deduplicated here, so nothing downstream normalizes again.
 */

export const LIMITS = {
  title: 300,
  author: 200,
  /** Physics collaborations list thousands (the most, 5,154 in 2015); lists shorten them (src/lib/author-list.ts). */
  authors: 10_000,
  venue: 200,
  tags: 8,
  url: 500,
  /** Characters of MDX body (an arXiv abstract is at most 1,920). */
  body: 10_000,
} as const;

/** A size-limit message that says how big the value is and what to do. */
const tooLong =
  (max: number, unit: string, fix: string) =>
  (issue: { input?: unknown }): string => {
    const size = typeof issue.input === 'string' || Array.isArray(issue.input) ? issue.input.length : undefined;
    return `${size === undefined ? '' : `has ${size} ${unit}; `}must be at most ${max} ${unit}: ${fix}.`;
  };

/**
 * What makes plain text mean something else to a reader that shows it as HTML. Many feed readers
 * show an RSS title that way (RSS never said whether it may hold HTML, and a feed has no CSP);
 * reference managers read tags in titles as rich text. HTML starts a tag at `<` followed by a
 * letter, `/`, `!` or `?`, and reads a character reference (`&lt;`, `&#60;`, and even `&copy`
 * or the `&amp` of `&amplifier` without a semicolon) as another character. Refused, so that a title
 * reads the same to every consumer, text or HTML. Which references HTML decodes is the `entities`
 * package's answer (the HTML standard's table), not a list of our own.
 */
const TAG_START = /<[A-Za-z/!?]/g;
const REFERENCE_LIKE = /&(?:#[xX]?[0-9A-Fa-f]*|[A-Za-z][A-Za-z0-9]*);?/g;

/** What in `value` a reader showing it as HTML would take for markup: one message per kind. */
export function markupInTextProblems(value: string): { kind: string; message: string }[] {
  const quoted = (found: Iterable<string>) =>
    [...new Set(found)].map((match) => `"${shortened(match, 20)}"`).join(', ');
  const tags = quoted(value.match(TAG_START) ?? []);
  const references = quoted((value.match(REFERENCE_LIKE) ?? []).filter((match) => decodeHTML(match) !== match));
  return [
    ...(tags
      ? [
          {
            kind: 'markup-tag',
            message: `contains ${tags}, which readers that show it as HTML (feed readers, reference managers) take for the start of a tag: put a space after "<" ("a < b")`,
          },
        ]
      : []),
    ...(references
      ? [
          {
            kind: 'markup-reference',
            message: `contains ${references}, which readers that show it as HTML turn into another character: write the character itself, or put a space after "&"`,
          },
        ]
      : []),
  ];
}

/** Names of ASCII only: none of the letter rules below can refuse them. */
const ASCII = /^[\x00-\x7F]*$/;

/**
 * A compatibility character in a name: a letter that Unicode (NFKC) says is another letter drawn
 * differently, such as mathematical bold `𝐉`, fullwidth `Ｊ`, the ligature `ﬁ`, superscript `ᵃ` or
 * circled `Ⓙ`. The author page folds it to the plain letter, so the name joins the real person's
 * page and, as its newest spelling, would replace the name shown there. Names only: a title may
 * write ℝ or ².
 */
export function compatibilityProblem(name: string): string | undefined {
  if (ASCII.test(name)) return undefined;
  for (const char of name) {
    const plain = char.normalize('NFKC');
    if (plain !== char) {
      return `has "${char}" (${codePointName(char)}), a compatibility form of "${plain}" (bold, italic, fullwidth, a ligature, superscript, subscript, circled…): write "${plain}"`;
    }
  }
  return undefined;
}

/**
 * A combining mark in a name on what is no letter: `Ada Lovelace.\u0301`, `Ada -\u0301Lovelace`,
 * `O'\u0301Neil`, `1\u0301`. A name's marks are its letters' accents, and the name fold (authorKey)
 * takes marks off letters only: such a mark stayed in the author's key and slug, an author apart
 * from Ada Lovelace who reads the same (`/authors/ada-lovelace-\u0301/`). The character rule
 * already refuses a mark with nothing under it (characters.ts); this is for names only, as a title
 * may put a mark on a sign (`=\u0338`).
 */
export function markOffLetterProblem(name: string): string | undefined {
  // After white space or at the start, the character rule's (a mark with nothing under it).
  const found = /(?<=[^\p{L}\p{M}\p{White_Space}])\p{M}/v.exec(name);
  if (!found) return undefined;
  const mark = found[0];
  const base = [...name.slice(0, found.index)].at(-1) ?? '';
  return `has a combining mark "\u25CC${mark}" (${codePointName(mark)}) on "${base}", which is no letter: a name's marks are its letters' accents; put it on its letter ("é") or delete it`;
}

/**
 * The blocks whose Latin letters real names use: Basic Latin, Latin-1 Supplement, Latin
 * Extended-A and -B (U+0000–024F) and Latin Extended Additional (U+1E00–1EFF, the precomposed
 * Vietnamese letters among them). Combining marks are not Latin (their script is Inherited).
 * JavaScript has no Block property: these are the blocks' ranges.
 */
const NAME_LATIN = /[\u0000-\u024F\u1E00-\u1EFF]/v;

/**
 * For messages only: the ordinary letter that a phonetic letter or small capital looks like, where
 * no decomposition says so (`ɡ` U+0261 is not a `g` to Unicode).
 */
const LOOKS_LIKE: Record<string, string> = {
  ɑ: 'a',
  ɡ: 'g',
  ɢ: 'G',
  ɩ: 'i',
  ɪ: 'I',
  ɴ: 'N',
  ʀ: 'R',
  ʏ: 'Y',
  ʙ: 'B',
  ʜ: 'H',
  ʟ: 'L',
  ᴀ: 'A',
  ᴄ: 'C',
  ᴅ: 'D',
  ᴇ: 'E',
  ᴊ: 'J',
  ᴋ: 'K',
  ᴍ: 'M',
  ᴏ: 'O',
  ᴘ: 'P',
  ᴛ: 'T',
  ᴜ: 'U',
  ᴠ: 'V',
  ᴡ: 'W',
  ᴢ: 'Z',
  ꜰ: 'F',
  ꜱ: 'S',
  ꞯ: 'Q',
};

/**
 * A Latin letter from outside the blocks names use: IPA and phonetic letters (`ɡ` U+0261, which
 * looks like `g`), small capitals (`ᴀ`), modifier letters, the Latin Extended-C to -G additions;
 * but not a small letter whose capital is in those blocks (`ɛ`, `Ɛ`: Ewe, Twi, Fula names).
 * Each would give the name an author page of its own beside the real person's.
 */
export function latinLetterProblem(name: string): string | undefined {
  if (ASCII.test(name)) return undefined;
  for (const char of name) {
    if (!/\p{Script=Latin}/v.test(char) || NAME_LATIN.test(char)) continue;
    // The small letters of African alphabets (ɛ ɔ ɖ ɣ ʋ ɲ ɓ ɗ, in the IPA block) have their capitals
    // in Latin Extended-B: a name may use them, unless the letter passes for an ordinary one.
    if (!(char in LOOKS_LIKE) && char.toUpperCase() !== char && NAME_LATIN.test(char.toUpperCase())) continue;
    const base = char.normalize('NFKD').replace(/\p{M}/gv, '');
    const plain = LOOKS_LIKE[char] ?? (base !== char && NAME_LATIN.test(base) ? base : undefined);
    const fix = plain
      ? `write "${plain}"`
      : 'write the letter of the ordinary Latin alphabet it stands for (Basic Latin, Latin-1, Latin Extended-A, -B or Additional)';
    return `has the letter "${char}" (${codePointName(char)}), a phonetic or decorative Latin letter (IPA, small capital, modifier) that names do not use: ${fix}`;
  }
  return undefined;
}

/** How mixedScriptProblem reads a text: an author's name by default. */
export interface ScriptRules {
  /** What a look-alike would be taken for: another author, or another topic for a topic's label. */
  lookAlike?: string;
  /**
   * A topic label's Greek letters used as symbols: one that passes for no basic Latin letter
   * (latinLookAlike: `μ`, `β`, `λ`) goes with any script (`μP`, as the micro sign `µP` is, which
   * NFKC makes `μP`), and a Greek letter standing alone is a symbol (`α-divergence`). Not in
   * names, where `Gauβ` or `Aλex` would be another author.
   */
  greekSymbols?: boolean;
  /**
   * A host name: Latin goes with Han, kana and Hangul in one part (`ドメイン名例abc.jp`), as UTS #39's
   * highly restrictive profile, which browsers follow for addresses, allows.
   */
  latinWithCjk?: boolean;
}

const CJK_SCRIPTS: ReadonlySet<string> = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);

/**
 * A name word (or a topic label's) whose letters come from two scripts: "LeCսn" with an Armenian `ս`, "Ꮐoodfellow"
 * with a Cherokee `Ꮐ`, "Lі" with a Cyrillic `і` show as "LeCun", "Goodfellow", "Li" but are other
 * names, each with an author page beside the real one. A letter's scripts are its
 * Script_Extensions (scripts.ts); characters of Script Common or Inherited (combining accents,
 * apostrophes, hyphens) go with any script, and Han goes with kana, Hangul and Bopomofo, as
 * Japanese, Korean and Chinese write them.
 *
 * Also a word written wholly in letters of another script that each pass for a Latin letter,
 * beside Latin words: "Асе Smith" with a Cyrillic `А`, `с`, `е` reads as "Ace Smith", though
 * every word is of one script. A word of such a script with one letter that looks like none
 * (`Ольга`, whose `л` is plainly Cyrillic) is read as what it is.
 */
export function mixedScriptProblem(name: string, rules: ScriptRules = {}): string | undefined {
  const { lookAlike = 'the name would be another author' } = rules;
  const found = mixedScriptFinding(name, rules);
  if (!found) return undefined;
  if (found.kind === 'mixed') {
    return `has the word "${shortened(found.word, 40)}", which mixes ${found.scripts[0]} and ${found.scripts[1]} letters: write each word in one script (letters of two scripts can look alike, and ${lookAlike})`;
  }
  return `has the word "${shortened(found.word, 40)}", in ${found.script} letters (${found.letters}) that each look like a Latin letter, beside Latin words: it reads as "${shortened(found.reads, 40)}", and ${lookAlike}. Write that word in the Latin letters it stands for (spell a letter used as a symbol out: alpha, nu), or every word in ${found.script}`;
}

/**
 * What mixedScriptProblem finds in a text, for each caller to word (a name's word, a host's part):
 * a word of two scripts, or a word of look-alike letters of another script beside Latin words
 * (`letters` names them with their code points, `reads` is the word as a reader takes it).
 */
export type ScriptFinding =
  | { kind: 'mixed'; word: string; scripts: [string, string] }
  | { kind: 'look-alike'; word: string; script: string; letters: string; reads: string };

export function mixedScriptFinding(name: string, rules: ScriptRules = {}): ScriptFinding | undefined {
  const { greekSymbols = false, latinWithCjk = false } = rules;
  if (ASCII.test(name)) return undefined;
  const words = name.split(/[^\p{L}\p{M}]+/u);
  for (const word of words) {
    let shared: Set<string> | undefined;
    let firstScript: string | undefined;
    for (const char of word) {
      const { script, scripts } = scriptsOf(char);
      if (!scripts) continue;
      if (greekSymbols && script === 'Greek' && latinLookAlike(char) === undefined) continue;
      if (latinWithCjk && CJK_SCRIPTS.has(script ?? '')) continue;
      if (!shared) {
        shared = new Set(scripts);
        firstScript = script;
        continue;
      }
      shared = new Set([...shared].filter((each) => scripts.has(each)));
      if (shared.size === 0) return { kind: 'mixed', word, scripts: [firstScript ?? 'another', script ?? 'another'] };
    }
  }
  if (!/\p{sc=Latin}/u.test(name)) return undefined;
  for (const word of words) {
    const letters = [...word].filter((char) => /\p{L}/u.test(char));
    if (letters.length === 0 || letters.some((char) => /\p{sc=Latin}/u.test(char))) continue;
    // A Greek letter standing alone is a symbol: `α-divergence`, `ν-SVM`, `σ-algebras`.
    if (greekSymbols && letters.length === 1 && /\p{sc=Greek}/u.test(letters[0]!)) continue;
    // An accented letter passes for what its base letter does (Cyrillic `ё` for `ë`).
    const looks = letters.map((char) => latinLookAlike([...char.normalize('NFD')][0]!));
    if (looks.some((look) => look === undefined)) continue;
    const script = scriptsOf(letters[0]!).script ?? 'another script';
    const which = [...new Set(letters)]
      .slice(0, 8)
      .map((char) => `"${char}" ${codePointName(char)}`)
      .join(', ');
    return { kind: 'look-alike', word, script, letters: which, reads: looks.join('') };
  }
  return undefined;
}

/**
 * What makes a host pass for another (lookAlikeHost): the invisible joiner it holds (a joiner is
 * spelling in a word, characters.ts keeps it, but in a host it is a second address that reads as
 * the one without it, `क्\u200Dष.com` and `क्ष.com`, and no reader sees which), or a part of two
 * scripts or of look-alike letters (mixedScriptFinding).
 */
export interface LookAlikeHost {
  /** The host in Unicode, as a reader is shown it. */
  host: string;
  /** The host as published (punycode). */
  published: string;
  /** What a reader takes it for: without the joiner, or each look-alike letter as the Latin one. */
  readsAs: string;
  why: { kind: 'joiner'; joiner: string } | ({ kind: 'scripts' } & { finding: ScriptFinding });
}

/**
 * A host name that passes for another: an internationalized name (written in Unicode or as
 * punycode, `xn--`) whose parts, read as Unicode, mix scripts (`аrxiv.org` with a Cyrillic `а`,
 * published as `xn--rxiv-43d.org`) or stand in look-alike letters beside Latin parts (`асе.com`
 * in Cyrillic), by the rule names follow (mixedScriptFinding), or hold a joiner. A feed reader or
 * a browser that shows the address in Unicode shows `arxiv.org`. The one rule for links
 * (lookAlikeHostProblem) and bare hosts in text (lookAlikeBareHosts), each of which words it.
 */
export function lookAlikeHost(url: URL): LookAlikeHost | undefined {
  if (!url.hostname.split('.').some((label) => label.startsWith('xn--'))) return undefined;
  const host = domainToUnicode(url.hostname);
  const joiner = /[\u200C\u200D]/u.exec(host);
  if (joiner) {
    const readsAs = host.replace(/[\u200C\u200D]/gu, '');
    return { host, published: url.hostname, readsAs, why: { kind: 'joiner', joiner: joiner[0] } };
  }
  const finding = mixedScriptFinding(host.replaceAll('.', ' '), { latinWithCjk: true });
  if (!finding) return undefined;
  const readsAs = [...host].map((char) => latinLookAlike([...char.normalize('NFD')][0]!) ?? char).join('');
  return { host, published: url.hostname, readsAs, why: { kind: 'scripts', finding } };
}

/**
 * A look-alike host's finding as a phrase after "it": the host, as published, and what makes it
 * pass for another. Without advice, which each caller gives for its place.
 */
export function lookAlikeHostFinding(found: LookAlikeHost, written?: string): string {
  const within = written !== undefined && written !== found.host ? ` in "${shortened(written, 60)}"` : '';
  const named = `names the host "${shortened(found.host, 80)}"${within} (${shortened(found.published, 80)} as published)`;
  const { why } = found;
  if (why.kind === 'joiner') {
    const name = why.joiner === '\u200C' ? 'ZERO WIDTH NON-JOINER' : 'ZERO WIDTH JOINER';
    return `${named}, which holds the invisible ${codePointName(why.joiner)} ${name}: it reads as "${shortened(found.readsAs, 80)}", another site's address`;
  }
  const { finding } = why;
  const part =
    finding.kind === 'mixed'
      ? `has the part "${shortened(finding.word, 40)}", which mixes ${finding.scripts[0]} and ${finding.scripts[1]} letters`
      : `has the part "${shortened(finding.word, 40)}", in ${finding.script} letters (${finding.letters}) that each look like a Latin letter, beside Latin parts`;
  const reads = found.readsAs !== found.host ? ` ("${shortened(found.readsAs, 80)}" to a reader)` : '';
  return `${named}, which ${part}: letters of two scripts look alike${reads}, and the link would pass for one to another site`;
}

/**
 * What to write instead of a look-alike host in text: the address it reads as, when that is one in
 * plain letters (`apple.com` for `аpple.com`); else the site's real address. Or no host at all.
 */
export function lookAlikeHostMend(found: LookAlikeHost): string {
  const plain = /^[\x21-\x7e]+$/.test(found.readsAs)
    ? ` ("${shortened(found.readsAs, 80)}", if that is the site meant)`
    : '';
  return `write the site's real address${plain}, or the name without its domain`;
}

/** lookAlikeHost worded for a link (pipeline.ts, checkLink; the frontmatter's links): a phrase after "it". */
export function lookAlikeHostProblem(url: URL): string | undefined {
  const found = lookAlikeHost(url);
  if (!found) return undefined;
  const written = found.why.kind === 'joiner' ? ', written without it' : '';
  return `${lookAlikeHostFinding(found)}; link to the site's real address${written}`;
}

/** An address written in text: with a web scheme or `www.`, anywhere. */
const ADDRESS_IN_TEXT = /(?:(?:https?|ftp|wss?):\/\/|www\.)[^\s<>"'`]+/iu;
/**
 * One part of a host (a DNS label): letters and digits, a hyphen only inside (`xn--p1ai`), never
 * first or last. `-P` in `J.-P.Li` is no such part, so that word is no host (hostsNamedIn reads a
 * host after such a hyphen: `x.-evil.com` names evil.com).
 */
// A letter's marks (a virama: `क्ष`, `தமிழ்`) and a joiner between letters are part of it, as IDNA
// takes them: without them an Indic host was no host to this rule (`क्ष.com/x` passed in a title).
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\u200C\u200D-]*[\p{L}\p{M}\p{N}])?`;
/**
 * Text that is only a dotted word of DNS labels, alone or with a path (`arxiv.org`,
 * `github.com/owner/repo`): the whole host in group 1, its last part in group 2, the path in
 * group 3. It is a host when that last part is a top-level domain (TOP_LEVEL_DOMAINS), see
 * hostNamedBy.
 */
const HOST_TEXT = new RegExp(String.raw`^((?:${LABEL}\.)+(${LABEL}))([/:?#]\S*)?$`, 'u');
/**
 * A part of a dotted word written as a part of a person's name: a capital and lower-case letters
 * (`Yu`, `Li`, `Xiao`, `Wang`), or an initial, a capital alone (`Y`). See hostNamedBy. Not a part
 * with a hyphen inside: `Mary-Jane.Com` is then a host, for `Evil-Corp.Com` would pass with it.
 */
const NAME_PART = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
/**
 * One e-mail address, its domain in group 1: a local part and a domain, with no space, bracket,
 * quote, comma, semicolon, colon or second `@` (which make a list of addresses, a route or a
 * display name) and nothing after the domain (`/`, `?`, `#`). The one shape for a `mailto:`
 * link's address (pipeline.ts, mailDomain) and an address written in text (hostNamedBy).
 */
export const MAIL_ADDRESS = /^[^\s@,;:<>()[\]\\"]+@([^\s@,;:<>()[\]\\"/?#]+)$/u;
/**
 * A mail domain as text shows one: dotted, its last part with a letter. `lodash@4.17.21` is a
 * package's version, and a mail domain that is an IP address is written in brackets (RFC 5321).
 */
const MAIL_DOMAIN_TEXT = /\.[^.]*\p{L}[^.]*$/u;
/** Full stops that IDNA (UTS #46) reads as a host's dot, as browsers do: `arxiv。org` is arxiv.org. */
const IDNA_DOTS = /[\u3002\uFF0E\uFF61]/gu;
/** Text with every dot a browser (IDNA_DOTS) or a reader (withLookAlikeDots: `arxiv․org`) reads in a host as `.`. */
const readDots = (text: string): string => withLookAlikeDots(text.replace(IDNA_DOTS, '.'));

/**
 * The host a text names (a link's text in an abstract, pipeline.ts; a word of an author's name),
 * without `www.` and a final dot; undefined for text that names none.
 * A final dot, a sentence's or the root's (`arxiv.org.`), and IDNA's other dots do not hide it;
 * nor does an `@`: `https://arxiv.org@evil.example/` leads to evil.example, but names arxiv.org to
 * a reader, who reads the host first, when the part before the `@` names a host by this same
 * rule (`https://jane.doe@gitlab.com/` names gitlab.com: `jane.doe` is a user's name).
 *
 * A bare host (no scheme, `www.` or path) is a dotted word whose last part is a top-level domain
 * in the root zone, under any domain: `evil.com`, `EVIL.COM`, `evil.io`, `EVIL.AI`, `bad.co.uk`,
 * and so `ASP.NET` and `cs.AI` too, which linkifiers (mail clients, chat, reference managers'
 * "open URL") make links of as they do `EVIL.COM`. Not `Vue.js` or `train.yaml` (no such
 * domain), and not a word whose every part is written as a name's (NAME_PART: `Yu.Li`,
 * `Xiao.Wang`, `Dr.Kim`, `J.R.R.`): common family names are domains too (li, ng, kim, wang), and
 * a name written without spaces reads as one. Any other spelling is a host's (`Evil.com`,
 * `Evil.COM`, `ASP.NET`); the rule's cost is that `Evil.Com`, written as a name, passes as one.
 * `anyCase`: where the text can be nothing but a host (the part before an `@` in an address, a
 * link's whole text, pipeline.ts), a name's spelling is a host's too (`[X.COM](…)`, `[Arxiv.Org](…)`).
 */
export function hostNamedBy(text: string, { anyCase = false } = {}): string | undefined {
  const trimmed = readDots(text).trim().replace(/\.+$/, '');
  const [, domain, last, path] = HOST_TEXT.exec(trimmed) ?? [];
  // An e-mail address names its domain, whatever the domain (`ada@evil.example`); an `@` in a
  // host's path (`github.com/ada@x.org`) is part of a web address.
  const mailDomain = path === undefined ? MAIL_ADDRESS.exec(trimmed.replace(/^mailto:/i, ''))?.[1] : undefined;
  if (mailDomain !== undefined && MAIL_DOMAIN_TEXT.test(mailDomain)) return hostNamedBy(`https://${mailDomain}/`);
  // domainToASCII reads the last part as DNS does: in lower case, `рф` as `xn--p1ai`; and as a
  // reader does, each letter that passes for a Latin one as that letter (`cοm` with a Greek ο).
  const underDomain =
    last !== undefined &&
    [last, [...last].map((char) => latinLookAlike(char) ?? char).join('')].some((part) =>
      TOP_LEVEL_DOMAINS.has(domainToASCII(part)),
    );
  const writtenAsName = domain !== undefined && domain.split('.').every((part) => NAME_PART.test(part));
  const bareHost = domain !== undefined && underDomain && (anyCase || path !== undefined || !writtenAsName);
  const written = ADDRESS_IN_TEXT.exec(trimmed)?.[0] ?? (bareHost ? trimmed : undefined);
  if (!written) return undefined;
  // `www.s3://1аpple.com/x` names to a reader the host after its `//` (wwwSchemeHosts).
  const twoWays = wwwSchemeHosts(written);
  try {
    const url = new URL(
      twoWays ? `https://${twoWays.shown}` : /^[a-z]+:\/\//i.test(written) ? written : `https://${written}`,
    );
    const user = url.username && hostNamedBy(decodeURIComponent(url.username), { anyCase: true });
    const host = user || url.hostname;
    return host.replace(/^www\./, '').replace(/\.+$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every host a text names anywhere in it (hostNamedBy), as a linkifier finds one in a sentence:
 * read in pieces split at what a host or its path cannot hold, so `(evil.com)`, `evil.com!`,
 * `«evil.com»`, `evil.com's` and `see arxiv.org now` each name theirs; and at hyphens that begin
 * or end a part, which no host holds (LABEL), so `J.-P.Li` is read as `J.` and `P.Li` (a name),
 * `x.-evil.com` as `x.` and `evil.com`; but a web address whole (`https://evil-.com`). A word of
 * a name (notANameProblem) and a link's text
 * (pipeline.ts) are read so.
 */
/** The `//` that starts an address with no scheme (`//evil.example/x`), at a word's start. */
const PROTOCOL_RELATIVE = /^\/\/(?=[^/\s])/u;

export function hostsNamedIn(text: string): string[] {
  return (
    readDots(text)
      // A joiner stays in its word, as LABEL takes it: `क्\u200Dष.com` is another host than `क्ष.com`.
      .split(/[^\p{L}\p{N}\p{M}\u200C\u200D.\-/:#@]+/u)
      // A web address (a scheme or `www.`) is read whole, as a linkifier links it: `https://evil-.com`
      // names evil-.com, not the `evil` before its hyphen.
      .flatMap((word) =>
        ADDRESS_IN_TEXT.test(word) ? [word] : word.split(/(?<![\p{L}\p{N}\p{M}-])-+|-+(?![\p{L}\p{N}\p{M}-])/u),
      )
      // `//host` is an address with no scheme, which linkifiers (linkify-it's `//`) and browsers
      // lead to that host: its host is read as a bare one (`//аpple.com` names аpple.com).
      .flatMap((piece) => hostNamedBy(piece.replace(PROTOCOL_RELATIVE, '').replace(/:+$/, '')) ?? [])
  );
}

/**
 * A web address (a scheme or `www.`), an e-mail address, or a host with a path (`evil.com/login`)
 * written in a title or a venue, anywhere in it (`Contact:ada@evil.com`): feed readers, mail
 * clients and reference managers make it a link, one no reviewer read as a link, and it names no
 * paper or meeting (nor a topic, in its description, where `elsewhere` is ''). Links go in `links` or
 * the abstract, where the link rules read them (`elsewhere`, the advice that says so). A bare
 * dotted word passes (`Booking.com Reviews`, `ASP.NET`, `Pass@k`, `lodash@4.17.21`): in a title it
 * is a name, and a rule for bare hosts there would refuse real titles.
 */
export function addressInProseProblem(
  text: string,
  where: string,
  elsewhere = '; put links in links.code or links.project, or in the abstract',
): string | undefined {
  const read = readDots(text);
  const unc = uncPathProblem(read, where);
  if (unc) return unc;
  const web = ADDRESS_IN_TEXT.exec(read)?.[0];
  const mail = [...read.matchAll(MAIL_IN_TEXT)]
    .map(([, domain = '']) => domain.replace(/[.]+$/, ''))
    .find((domain) => MAIL_DOMAIN_TEXT.test(domain));
  const words = read.split(/[\s"'`<>()[\]{}«»“”‘’,;]+/u);
  const withPath = words.find(
    (word) => /^[^/@]+\.[^/@]+\/./u.test(word) && hostNamedBy(word.replace(/[.:!?]+$/, '')) !== undefined,
  );
  // `//host` is written as an address, not a name (`//Booking.com`): a host in any spelling.
  const schemeless = words
    .map((word) => word.replace(/[.:!?]+$/, ''))
    .find((word) => PROTOCOL_RELATIVE.test(word) && hostNamedBy(word.slice(2), { anyCase: true }) !== undefined)
    ?.slice(2);
  const written = web ?? withPath ?? schemeless;
  // A sentence's or a bracket's end after an address is no part of it: `(https://evil.example).`
  const host = written !== undefined ? (hostNamedBy(written.replace(/[.,;:!?)\]}>"'’”»]+$/u, '')) ?? written) : mail;
  if (host === undefined) {
    // A bare host passes here (a name, `Booking.com`), but not one that passes for another. An
    // address of another scheme (`s3://`, `irc://`) is no web address to this rule, but a reader
    // still shows its host and may link it: its host is read as a bare one (lookAlikeBareHosts
    // leaves any scheme's address to the abstract's address rule, which titles do not have). Its
    // `://` alone is set aside: what stands before it may be a host too (`аpple.com://x`).
    const [lookAlike] = lookAlikeBareHosts(read.replaceAll('://', ' '));
    if (!lookAlike) return undefined;
    const { found, written, hint } = lookAlike;
    return `holds a host that readers make a link; it ${lookAlikeHostFinding(found, written)}${hint}. ${capitalised(lookAlikeHostMend(found))}: ${where}`;
  }
  return `holds an address (${shortened(host, 60)}), which feed readers, mail clients and reference managers make a link: ${where}${elsewhere}`;
}

/**
 * `www.` where a linkifier starts an address with it: not after an ASCII letter, digit, `_`, `.`
 * or `-` (so after Han or `é` it does). The one rule for the abstract's addresses (BARE_ADDRESS,
 * validate.ts) and the bare hosts (addressStart), so that each is judged by one of them once.
 */
export const WWW_AT_WORD_START = /(?<![a-z\d_.\-])www\./iu;

/**
 * An address that starts at `www.` (WWW_AT_WORD_START) and at a scheme (SCHEME_AT_RUN_START) at
 * once, its `www.` word followed by `://` (`www.s3://1аpple.com/x`), reads two ways. GFM's
 * autolink literal links it as `http://www.s3://…`, which a browser takes to the host `www.s3`
 * (the rest is its path); a reader, and a linkifier that takes any scheme (Autolinker.js), reads
 * `www.s3:` as its scheme and the host after `//`, `1аpple.com`. The text shows one place and the
 * link leads to another: no reading may stand. The two hosts, as written, or undefined.
 */
export function wwwSchemeHosts(address: string): { www: string; shown: string } | undefined {
  const [, word, after] = /^(www\.[a-z\d+.\-]*):\/\/([^/?#\s]*)/iu.exec(address) ?? [];
  if (word === undefined || after === undefined) return undefined;
  return { www: word, shown: after };
}

/**
 * A scheme's `…://` where a linkifier starts an address with it: from the first ASCII letter of the
 * run of a scheme's characters before `://` (`git+https://`, the `https://` of `中文https://` or
 * `2023-https://`). The lookbehind refuses a letter with another letter earlier in its run; lazy,
 * it looks back only to the letter before, so each run is read once (a start tried from every
 * letter read a long word again from each: 4 s for one word of 50,000 letters). The one rule for
 * the abstract's addresses (BARE_ADDRESS, validate.ts) and the bare hosts (addressStart).
 */
export const SCHEME_AT_RUN_START = /(?<![a-z][a-z\d+.\-]*?)[a-z][a-z\d+.\-]*:\/\//iu;

/**
 * The `//` of an address written without a scheme (`//evil.example/x`, `//127.0.0.1/x`,
 * `//localhost:8000`) where a linkifier starts one (linkify-it's `//` schema, which a browser
 * leads to that host): at the text's start or after white space, punctuation or a control
 * character, not after `:` or `/` (a scheme's or a path's), before a host with a dot or
 * `localhost`, as linkify-it requires. `x//y`, `a // b`, `///x` and `//comments` start none. The
 * one rule for the abstract's addresses (BARE_ADDRESS, validate.ts) and the bare hosts (addressStart).
 */
export const SCHEMELESS_AT_WORD_START =
  /(?<![^\s\p{P}\p{Cc}<>|]|[:/_])\/\/(?=localhost(?![\p{L}\p{N}\-])|[^/\s.]+\.[^/\s.])/iu;

/**
 * The `\\` of a Windows network (UNC) path, `\\evil.example\share\x.png`, as a reader sees it:
 * Outlook and other mail clients, some chat and reference managers make it a link, and opening it
 * sends the reader's Windows sign-in (NTLM) to that host. It starts where `www.` does
 * (WWW_AT_WORD_START): not after an ASCII letter, digit, `_`, `.` or `-`, so after white space,
 * punctuation, Han or `é` (`(\\host\x)`, `file:\\host\x`, `代码见\\host\x`); nor after a third `\`
 * or a drive's `C:` (`C:\\Users\x`, a local path). The long form `\\?\UNC\host\…` too. What follows
 * is a host with a dot or `localhost` (`\\203.0.113.7`), or any host name before a share
 * (`\\fileserver\public`, `\\evil.example/share`, as some clients take `/`) or WebDAV's `@`
 * (`\\host@SSL\x`). A lone `\\`, `\\ b` and `\\n` start none; math, whose TeX no reader sees as
 * text, is not read (the abstract's `prose`, pipeline.ts). The one rule for the abstract
 * (validate.ts), titles and venues (addressInProseProblem) and the bare hosts (addressStart).
 */
const UNC_HOST_PART = String.raw`[\p{L}\p{N}][\p{L}\p{N}_\-]*`;
export const UNC_AT_WORD_START = new RegExp(
  String.raw`(?<![a-z\d_.\-\\]|(?<![\p{L}\p{N}])[a-z]:)\\\\(?:[?.]\\UNC\\)?(?=${UNC_HOST_PART}(?:\.${UNC_HOST_PART})+(?![\p{L}\p{N}_\-])|localhost(?![\p{L}\p{N}_\-.])|${UNC_HOST_PART}(?:\.${UNC_HOST_PART})*(?:@|[\\/][^\s\\/]))`,
  'iu',
);

/** Each UNC path (UNC_AT_WORD_START) a text holds, up to white space, less a sentence's end. */
export function uncPathsIn(text: string): { path: string; index: number }[] {
  const paths: { path: string; index: number }[] = [];
  for (const { index } of text.matchAll(new RegExp(UNC_AT_WORD_START.source, 'giu'))) {
    const [path = ''] = /^\S+/u.exec(text.slice(index)) ?? [];
    paths.push({ path: path.replace(/[.,;:!?'")\]}>*_~”’»]+$/u, ''), index });
  }
  return paths;
}

/** What a UNC path's refusal says to do instead (uncPathsIn). */
export const UNC_PATH_ADVICE =
  "opening it sends the reader's Windows sign-in (NTLM) to that host. Say in words where it is, or link the https:// page of the share";

/**
 * The refusal of a one-line field (a title, a venue, a name) that holds a UNC path (uncPathsIn),
 * with `where`, what the field holds instead; undefined for none. It is the message that matters
 * most there: a TeX or syntax rule that would read the path's `\` stays quiet.
 */
export function uncPathProblem(text: string, where: string): string | undefined {
  const [unc] = uncPathsIn(text);
  if (!unc) return undefined;
  return `holds the Windows network path ${shortened(unc.path, 60)}, which mail clients, chat and reference managers make a link: ${UNC_PATH_ADVICE}; ${where}`;
}

/**
 * Where a web address starts in a word (SCHEME_AT_RUN_START, WWW_AT_WORD_START,
 * SCHEMELESS_AT_WORD_START, UNC_AT_WORD_START), judged whole by the address rules (validate.ts)
 * rather than as a bare host; -1 if none.
 */
function addressStart(word: string): number {
  const starts = [SCHEME_AT_RUN_START, WWW_AT_WORD_START, SCHEMELESS_AT_WORD_START, UNC_AT_WORD_START]
    .map((start) => word.search(start))
    .filter((at) => at >= 0);
  return starts.length > 0 ? Math.min(...starts) : -1;
}
/** A dot or an `@` before a letter or digit: what a word naming a host holds. */
const HOST_SIGN = /[.@][\p{L}\p{N}]/gu;

/**
 * A look-alike host found in text: the word that names it, the text before that word, the finding,
 * and `message`, the finding worded as a phrase after "it" with `hint` (a mend for a sentence's
 * end written without a space) at its end.
 */
export interface LookAlikeInText {
  written: string;
  before: string;
  message: string;
  hint: string;
  found: LookAlikeHost;
}

/**
 * Each host a text names bare, without a scheme or `www.` (`аpple.com`, `xn--80ak6aa92e.com/login`,
 * `ada@аpple.com`, read as hostsNamedIn reads them), that a link to it would be refused for as a
 * look-alike (lookAlikeHostProblem): mail clients, chat and reference managers make a link of a
 * bare host as of an address, and show it in Unicode. `written` is the text's word that names it,
 * `message` a phrase after "it". Ordinary dotted words name no host (`e.g.`, `Fig.2`, `v1.5`,
 * `arXiv:2401.00001`), and an ASCII host (`model.py`, `paypa1.com`) is no look-alike to this rule,
 * as it is none in a link. Titles, venues (addressInProseProblem) and abstracts (validate.ts);
 * `before` is the text before the word, where the abstract's rule counts its paragraph.
 */
export function lookAlikeBareHosts(text: string): LookAlikeInText[] {
  const found: LookAlikeInText[] = [];
  const seen = new Set<string>();
  // Dots read once for the whole text (a character read as one becomes `.`; line breaks stay).
  // Only a word with a dot or an `@` before a letter or digit can name a host, and most words have
  // none (a sentence's full stop ends its word); a web address in it is left to the address rule.
  const read = readDots(text);
  let end = 0;
  for (const { index: sign } of read.matchAll(HOST_SIGN)) {
    if (sign < end) continue; // in the word just read
    let start = sign;
    while (start > 0 && !/\s/u.test(read[start - 1]!)) start--;
    end = sign;
    while (end < read.length && !/\s/u.test(read[end]!)) end++;
    const piece = read.slice(start, end);
    const address = addressStart(piece);
    const word = address >= 0 ? piece.slice(0, address) : piece;
    const before = read.slice(0, start);
    // A `://` that starts no address (no scheme before it: `.://x`, `é://x`) is no part of a host:
    // what stands on either side of it is read as bare hosts, as a linkifier reads them.
    for (const host of hostsNamedIn(word.replaceAll('://', ' '))) {
      if (seen.has(host)) continue;
      seen.add(host);
      let url: URL;
      try {
        url = new URL(`https://${host}/`);
      } catch {
        continue;
      }
      const lookAlike = lookAlikeHost(url);
      if (lookAlike) {
        const hint = /\.\p{Lu}\p{Ll}/u.test(word) ? ' (if its dot ends a sentence, put a space after it)' : '';
        found.push({
          written: word,
          before,
          found: lookAlike,
          // A Greek or Cyrillic symbol at a sentence's end with no space after its full stop
          // (`variance σ.In this work`) names a host to a linkifier too: say the likely mend.
          message: `${lookAlikeHostFinding(lookAlike)}${hint}`,
          hint,
        });
      }
    }
  }
  return found;
}

/** Text with its first letter a capital, to begin a sentence. */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An e-mail address anywhere in text, its domain in group 1 (checked with MAIL_DOMAIN_TEXT). */
const MAIL_IN_TEXT = /[^\s@,;:<>()[\]\\"'`]+@([^\s@,;:<>()[\]\\"'`/?#]+)/gu;

/**
 * What stands for more authors in a list of them: "et al." as lists abbreviate it (with or without
 * its dots and spaces, `et. al.`, `et.al.`; `&` for its `et`, `& al.`; in full, `et alii`), "etc.",
 * "et cetera", "and others", "others", and an ellipsis (`...`, `…`, also right after a name).
 */
const STAND_IN = String.raw`(?:(?:et(?:\s*\.\s*|\s+)|&\s*)al(?:ii|iae|ia)?\.?|etc\.?|et\s+cetera|(?:and\s+)?others|\.{3}|…)`;
/** A whole name that is a stand-in, however capitalised ("Et Al", "Others", "Etc."). */
const STAND_IN_ALONE = new RegExp(`^${STAND_IN}$`, 'i');
/**
 * A stand-in after a name, in lower case as lists write it: "Ada Lovelace et al." names one author
 * and stands for the rest, while "Isaac Others", "A. K. Others" and "Sebastian Et Al" end in a
 * family name. An ellipsis needs no space before it ("Ada Lovelace...").
 */
const STAND_IN_AFTER_NAME = new RegExp(`(?:[\\s,]${STAND_IN}|\\.{3}|…)$`);

/** A name that stands for more authors (STAND_IN), as a whole or after a name. */
function standInProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (STAND_IN_ALONE.test(trimmed) || STAND_IN_AFTER_NAME.test(trimmed)) {
    return "stands for more authors: list every author by name, in the paper's order";
  }
  return undefined;
}

/** TeX or HTML syntax, which no name holds (the name-syntax rule). */
const NAME_SYNTAX = /[\\{}$^~<>|#%]/;
const NAME_SYNTAX_ALL = new RegExp(NAME_SYNTAX.source, 'g');

/**
 * A name with no letter of any script (`.`, `-`, `—`, `·`, `'`, `12345`): no person's or
 * collaboration's, though pages, feeds and .bib files would print it as an author's, a page of its own.
 */
function noLetterProblem(name: string): string | undefined {
  // An empty name, or one of TeX or HTML syntax only (`%`), is told so by its own rule.
  if (/\p{L}/u.test(name) || name.replace(NAME_SYNTAX_ALL, '').trim() === '') return undefined;
  return `has no letter of any script ("${shortened(name, 40)}"), so it names no one: write the author's name as the paper gives it, or delete the "- " line`;
}

/**
 * What is no person's name: a stand-in for more authors ("et al.", "and others", "others"), which
 * BibTeX and every list would print as a person, or an address. (A name with no letter is refused
 * before it: noLetterProblem.)
 */
export function notANameProblem(name: string): string | undefined {
  const standIn = standInProblem(name);
  if (standIn) return standIn;
  const unc = uncPathProblem(readDots(name), "write the author's name only");
  if (unc) return unc;
  // An address is no part of a name, and pages, feeds, citation tags and .bib files would show it
  // as the author's (feed readers make it a link): a web address or host, an e-mail or a handle.
  // Any `@` is refused: as an e-mail address or a handle, unless a web address in the name names
  // a host (`https://jane.doe@evil.com`), the more precise finding.
  const [host] = hostsNamedIn(name);
  if (name.includes('@') && (host === undefined || !ADDRESS_IN_TEXT.test(name))) {
    return `holds an e-mail address or a handle ("@"), which is no part of a name: write the author's name only`;
  }
  if (host !== undefined) {
    // A bare dotted word may be a word of the name (`Yu.LI`, `ASP.NET Team`): a space for its dot
    // reads the same and keeps the author's page (its slug is yu-li, asp-net-team either way).
    const dotted = ADDRESS_IN_TEXT.test(name)
      ? ''
      : ` (if the dotted word is part of the name, write a space for the dot: "Yu Li", "ASP NET Team")`;
    return `holds an address (${shortened(host, 60)}), which is no part of a name (mail clients, chat and reference managers make it a link to that host): write the author's name only${dotted}`;
  }
  return undefined;
}

/**
 * Longest a name may be as LaTeX in `.bib` files (formatAuthor: `{\\"u}` for ü, `{[U+738B]}` for
 * a letter LaTeX cannot set). Author-year styles (natbib's plainnat, apalike) keep a citation
 * label, the family names of up to two authors and the year, in one of BibTeX's entry strings,
 * which TeX Live cuts at 500 characters: a longer label lost its year or a closing brace, and
 * every document citing the paper (or its day's or topic's `.bib`) stopped with a LaTeX error.
 * Two names of 220, the year and the letter natbib adds to tell two such labels of one year apart
 * (`{\natexlab{a}}`) fit, with room to spare.
 */
export const MAX_NAME_LATEX = 220;

/** A name too long as LaTeX for a citation label (MAX_NAME_LATEX). */
export function nameLatexProblem(name: string): string | undefined {
  const latex = formatAuthor(name);
  if (latex.length <= MAX_NAME_LATEX) return undefined;
  return `is ${latex.length} characters long as LaTeX in .bib files (each letter outside ASCII takes several, such as {\\"u} for ü or {[U+738B]} for 王); must be at most ${MAX_NAME_LATEX}, which BibTeX keeps for a citation label: write the name as the paper gives it, in Latin letters if it gives them`;
}

/** A name's rules, each with the kind of problem it finds, in the order a name is checked. */
const NAME_RULES: readonly (readonly [string, (name: string) => string | undefined])[] = [
  // First: what stands for more authors is no name to mend ("Ada …" is not to be written "Ada ...").
  ['name-not-a-name', standInProblem],
  ['name-no-letter', noLetterProblem],
  ['name-compatibility-form', compatibilityProblem],
  ['name-mark-off-letter', markOffLetterProblem],
  ['name-latin-letter', latinLetterProblem],
  ['name-mixed-script', (name) => mixedScriptProblem(name)],
  ['name-not-a-name', notANameProblem],
  ['name-too-long-as-latex', nameLatexProblem],
];

/**
 * Reports a problem the schema finds, with the kind of problem it is (ContentProblem.kind: which
 * rule found it), which validate.ts reads from the issue's params.
 */
function report(ctx: z.RefinementCtx, kind: string, message: string, path?: (string | number)[]): void {
  ctx.addIssue({ code: 'custom', message, params: { kind }, ...(path ? { path } : {}) });
}

/**
 * The kind of problem a schema issue is: the one its rule gave (report), else zod's own check's
 * (`too_big`, `invalid_type`), each one rule of its field.
 */
export function issueKind(issue: { code: string; params?: unknown }): string {
  const kind = (issue.params as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? kind : `schema-${issue.code}`;
}

/**
 * One line of plain text: white space collapsed, Unicode in its composed form (NFC: a name
 * pasted as `u` + U+0308 is the same `ü` as one typed, and LaTeX reads only the composed form),
 * nothing an HTML reader would take for markup.
 */
const text = (max: number, empty: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const collapsed = value.replace(/\s+/g, ' ').trim().normalize('NFC');
      if (collapsed === '') {
        report(ctx, 'text-empty', `must not be empty${onlySpaces(value)} ${empty}`);
        return z.NEVER;
      }
      return collapsed;
    })
    .pipe(
      z
        .string()
        .max(max, { error: tooLong(max, 'characters', 'shorten it') })
        .superRefine((value, ctx) => {
          for (const { kind, message } of markupInTextProblems(value)) report(ctx, kind, message);
        }),
    );

/**
 * What a value that is empty once its white space is trimmed held, for its message, up to the
 * advice: nothing (`:`), or `: it holds only spaces (U+205F MEDIUM MATHEMATICAL SPACE);`, each kind
 * of space named once, as an editor shows none of them and a contributor looks for the character.
 */
function onlySpaces(value: string): string {
  if (value === '') return ':';
  return `: it holds ${onlySpacesNamed(value)};`;
}

/**
 * The message for a date not written `YYYY-MM-DD`, with the date to write when the value is one
 * in another spelling: a month or day of one digit (`2024-1-1`), or a date with a time of day
 * (`2024-01-01T23:30:00-05:00`, YAML's timestamp), whose day is the one in UTC, the digest's time
 * zone (23:30 at -05:00 is the next day there).
 */
function dateFormatProblem(value: string): string {
  const problem = 'must be a date written YYYY-MM-DD, in quotes, e.g. "2025-06-06"';
  const short = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (short) {
    const day = `${short[1]}-${short[2]!.padStart(2, '0')}-${short[3]!.padStart(2, '0')}`;
    if (calendarProblem(day) === undefined) return `${problem}. Its month or day has one digit: write "${day}".`;
  }
  const timed = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    value,
  );
  if (timed && calendarProblem(timed[1]!) === undefined) {
    const [, written, time, zone] = timed;
    const offset =
      zone === undefined || /^z$/i.test(zone)
        ? 'Z'
        : zone.length === 3
          ? `${zone}:00`
          : zone.replace(/^([+-]\d{2}):?/, '$1:');
    const instant = new Date(`${written}T${time}${offset}`);
    const day = Number.isNaN(instant.getTime()) ? written! : instant.toISOString().slice(0, 10);
    const at =
      zone === undefined
        ? ''
        : day === written
          ? ' (its day in UTC too)'
          : ` (${time} at ${zone} on ${written} is ${day} in UTC, the digest's time zone)`;
    return `${problem}. It holds a time of day as well: write the day alone, "${day}"${at}.`;
  }
  return problem;
}

/** arXiv's first year: no paper in the digest, and no digest, is older. */
export const FIRST_YEAR = 1991;

/**
 * A `YYYY-MM-DD` field: a real calendar date, in FIRST_YEAR or later; `beforeArxiv` says what to
 * write instead of an earlier one, for the field's own meaning.
 */
const calendarDate = (beforeArxiv: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: (issue) => dateFormatProblem(String(issue.input)),
      // One message is enough: a date in another format is not checked against the calendar.
      abort: true,
    })
    .refine((value) => calendarProblem(value) === undefined, {
      error: (issue) => calendarProblem(String(issue.input)),
      params: { kind: 'date-not-in-calendar' },
      // One message is enough: a day no calendar has is not checked against arXiv's first year.
      abort: true,
    })
    .refine((value) => Number(value.slice(0, 4)) >= FIRST_YEAR, {
      message: `must be in ${FIRST_YEAR} or later (the year arXiv began): ${beforeArxiv}`,
      params: { kind: 'date-before-arxiv' },
    });

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * What is wrong with a `YYYY-MM-DD` date that no calendar has, naming the month or the day and
 * what they may be (`February 2025 has 28 days`); undefined for a real date. The days of a month
 * are counted in the year's place in the Gregorian calendar's 400-year cycle, as `Date.UTC` reads
 * a year below 100 as 1900 and more: `0000-01-01` was "not a real calendar date (check the month
 * and day)", though its month and day are real and its year is what the year rule refuses.
 */
function calendarProblem(value: string): string | undefined {
  if (isCalendarDate(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12)
    return `is not a real calendar date: there is no month ${value.slice(5, 7)}; write the month as 01 to 12 (YYYY-MM-DD)`;
  const days = new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return `is not a real calendar date: ${MONTHS[month - 1]} ${value.slice(0, 4)} has days 01 to ${days}; check the day (YYYY-MM-DD)`;
  return undefined;
}

/**
 * A link from the frontmatter, parsed once with the WHATWG URL parser (what browsers use); its
 * normalized `href` is the schema's output, so pages, feeds and BibTeX all see the same address.
 * Refused before parsing: a backslash (browsers read it as `/`, other tools as a character, so
 * `https://a.org\@b.org/` names a different host to each) and whitespace, which the parser would
 * silently drop.
 */
const httpsUrl = z
  .string()
  .max(LIMITS.url, { error: tooLong(LIMITS.url, 'characters', 'link to a shorter address'), abort: true })
  .transform((value, ctx) => {
    const refuse = (message: string) => {
      report(ctx, 'link-refused', message);
      return z.NEVER;
    };
    if (value.includes('\\')) return refuse('must not contain a backslash (\\): write the address with `/`');
    // As in abstracts' links (pipeline.ts, checkLink): tools that decode the address would fail.
    if (/%(?![0-9A-Fa-f]{2})/.test(value))
      return refuse('a "%" must start an escape of two hex digits: write %25 for a literal %');
    if (/\s/.test(value)) return refuse('must not contain spaces or line breaks: percent-encode them (%20)');
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:') {
      return refuse('must be a full https:// URL, e.g. "https://github.com/owner/repo"');
    }
    // Named where the address leads (the host after the `@`), which is what the text hides.
    if (url.username || url.password) {
      return refuse(
        `must not contain a user name or password (\`user@\`): this address leads to ${url.host}; write it with nothing between "//" and the host (https://${url.host}${url.pathname === '/' ? '/' : '/…'})`,
      );
    }
    // As in abstracts' links (pipeline.ts, checkLink), and as the build's link check reads them.
    const ownSite = ownSiteLinkProblem(url, new URL(siteConfig.siteUrl).origin);
    if (ownSite) return refuse(ownSite);
    const hostProblem = webHostProblem(url) ?? lookAlikeHostProblem(url);
    if (hostProblem) return refuse(hostProblem);
    const dots = dotSegmentProblem(value, url);
    if (dots) return refuse(dots);
    // The normalized form is what is published, and the build reads it through this schema again
    // (Astro's parseData): it is held to the limit too. Percent-encoding makes an address longer
    // (é is %C3%A9), so one the limit let in as written could be refused by the build.
    if (url.href.length > LIMITS.url) {
      return refuse(
        `is ${url.href.length} characters long as published (percent-encoded); must be at most ${LIMITS.url} characters: link to a shorter address`,
      );
    }
    return url.href;
  });

/**
 * The topic a tag names in other letter case (`Optimization`, `LLM-Agents` for `llm-agents`), or
 * undefined: ASCII letters only are read in lower case, so that a tag with a look-alike letter (a
 * Kelvin sign, whose lower case is `k`; a Cyrillic `О`; a Turkish `İ`) names no topic. The one
 * reading of a tag's case, for the check's message and new-paper's `--tags`.
 */
export function topicInOtherCase(tag: string, topicSlugs: ReadonlySet<string>): string | undefined {
  const lower = tag.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return lower !== tag && topicSlugs.has(lower) ? lower : undefined;
}

export const PAPER_KEYS = ['title', 'authors', 'date', 'arxiv', 'published', 'venue', 'tags', 'links'] as const;
export const LINK_KEYS = ['code', 'project', 'pdf'] as const;

/**
 * The paper schema for a vocabulary's topics. `today`, the check's clock (npm run check and
 * new-paper give it; the build, which reads no clock, does not): an arXiv id of a month still to
 * come (`9912.12345`, December 2099) is refused at its field by it (parseArxivId). Without it,
 * such an id is refused at the date, which it is after (date-before-id).
 */
export function createPaperSchema(topicSlugs: ReadonlySet<string>, { today }: { today?: Date } = {}) {
  return z
    .strictObject({
      // A title's math goes into every .bib, where LaTeX runs it: only inert commands may pass.
      title: text(LIMITS.title, "write the paper's title, as arXiv gives it").superRefine((title, ctx) => {
        const mathProblems = titleMathProblems(title);
        for (const message of mathProblems) report(ctx, 'title-math', message);
        if (mathProblems.length > 0) return;
        const prose = title.replace(MATH_SPAN, ' ');
        // After a `$` that opens no math, TeX is the formula it meant to open: one problem, the `$`.
        const dollar = strayDollar(prose, { markup: 'plain' });
        if (dollar !== undefined) report(ctx, 'stray-dollar', strayDollarAdvice(false));
        // A Windows network path's `\\` is no TeX escape: the address rule below says what it is.
        const tex = uncPathsIn(prose).length > 0 ? undefined : texInProse(prose.slice(0, dollar), { markup: 'plain' });
        if (tex) report(ctx, 'tex-in-prose', texInProseAdvice(tex.tex, 'a title has no emphasis'));
        // Pages and feeds show the title with its math typeset as text (titleText): that text,
        // too, must have words, and read the same to a reader that shows it as HTML.
        const shown = titleText(title);
        const address = addressInProseProblem(shown, "write the paper's title only");
        if (address) report(ctx, 'address-in-prose', address);
        if (!/[\p{L}\p{N}]/u.test(shown)) {
          const typeset = shown === title ? '' : ` once its math is typeset ("${shortened(shown, 40)}")`;
          report(ctx, 'no-words', `has no letter or digit${typeset}: write the title's words`);
        }
        if (shown === title) return;
        for (const { kind, message } of markupInTextProblems(shown)) {
          report(
            ctx,
            kind,
            `with its math typeset, as pages and feeds show it ("${shortened(shown, 60)}"), ${message}`,
          );
        }
      }),
      authors: z
        .array(
          // Names are text, never markup: these characters are TeX or HTML syntax, not letters.
          // (`%` too: `Cy % Dee` was cited as "Dee, C." in the reference and "Dee, Cy %" in its tags.)
          // A Windows network path's `\\` is told what it is instead (notANameProblem).
          text(LIMITS.author, 'write the author\'s name, as in "- Ada Lovelace", or delete the "- " line')
            .refine((name) => !NAME_SYNTAX.test(name) || uncPathsIn(readDots(name)).length > 0, {
              message: 'must be a plain name: no \\ { } $ ^ ~ < > | # % (write accents as letters, e.g. "Akyürek")',
              params: { kind: 'name-syntax' },
            })
            .superRefine((name, ctx) => {
              // The first rule a name breaks, by its kind: one problem a name.
              for (const [kind, rule] of NAME_RULES) {
                const message = rule(name);
                if (message) return report(ctx, kind, message);
              }
            }),
        )
        .superRefine((names, ctx) => {
          // One person twice in one paper (case, accents and punctuation aside) is a slip.
          const seen = new Map<string, number>();
          names.forEach((name, index) => {
            const key = authorKey(name);
            const first = seen.get(key);
            if (first === undefined) seen.set(key, index);
            else
              report(ctx, 'author-repeated', `repeats authors[${first}] ("${names[first]}"): list each author once`, [
                index,
              ]);
          });
        })
        .min(1, 'list at least one author, in the order the paper gives them')
        .max(LIMITS.authors, {
          error: tooLong(LIMITS.authors, 'authors', 'for a large collaboration, list its name as an author'),
        }),
      date: calendarDate('check its year; a digest date is the day the digest featured the paper'),
      arxiv: z
        .string()
        .superRefine((id, ctx) => {
          const parsed = parseArxivId(id, today ?? null);
          if (!('reason' in parsed)) return;
          // An id as people paste it (`arXiv:2306.13575`, `2306.13575v2`, an arXiv link) names the one to write.
          const pasted = arxivIdInText(id, today ?? null);
          const message =
            'id' in pasted
              ? `must be the id alone, without prefix, address or version: "${pasted.id}".`
              : `is not a valid arXiv id: ${parsed.reason}.`;
          report(ctx, 'arxiv-id', message);
        })
        .optional(),
      published: calendarDate(
        "check its year against the first version's date (v1 on the paper's arXiv page), or delete the published line for a paper older than arXiv",
      ).optional(),
      // A venue has no math: any TeX in it would be shown as written (`\emph{ICLR}`).
      venue: text(LIMITS.venue, 'write where the paper appeared, as in NeurIPS 2023, or delete the venue line')
        .superRefine((venue, ctx) => {
          const tex = uncPathsIn(venue).length > 0 ? undefined : texInProse(venue, { markup: 'plain' });
          if (tex) report(ctx, 'tex-in-prose', texInProseAdvice(tex.tex, 'a venue is plain text', false));
          const address = addressInProseProblem(venue, "write the venue's name only, as in NeurIPS 2023");
          if (address) report(ctx, 'address-in-prose', address);
        })
        .optional(),
      tags: z
        .array(z.string().trim())
        .min(1, 'list at least one topic from content/topics.yaml')
        .max(LIMITS.tags, { error: tooLong(LIMITS.tags, 'topics', 'keep the most specific ones') })
        .superRefine((tags, ctx) => {
          tags.forEach((tag, index) => {
            const topic = topicInOtherCase(tag, topicSlugs);
            if (topic !== undefined) {
              report(
                ctx,
                'topic-case',
                `"${shortened(tag)}" is the topic "${topic}" in other letter case: write it "${topic}", as content/topics.yaml writes its topics, in lower case.`,
                [index],
              );
            } else if (!topicSlugs.has(tag)) {
              report(
                ctx,
                'topic-unknown',
                `unknown topic "${shortened(tag)}".${didYouMean(tag, topicSlugs) || ' Topics are listed in content/topics.yaml.'}`,
                [index],
              );
            }
          });
        })
        .transform((tags) => [...new Set(tags)]),
      links: z
        .strictObject({
          code: httpsUrl.optional(),
          project: httpsUrl.optional(),
          pdf: httpsUrl.optional(),
        })
        .optional(),
    })
    .superRefine((paper, ctx) => checkFieldsAgree(paper, ctx, today));
}

/**
 * Fields that contradict each other. `published` is the date of the paper's first version, so it
 * cannot be after the digest `date` that featured the paper, nor after the year and month of its
 * arXiv id. arXiv gives an id in the month it first announces the paper, which may be after the
 * first version was submitted (a paper sent on 29 December can be 2401.…; arXiv's help, "A note
 * about arXiv-id assignments"), so a month or two before is no contradiction; more is a typo
 * (MONTHS_FROM_FIRST_VERSION_TO_ID). The digest date cannot be before the id's month either. A
 * venue's year is not more than a year after the digest date, and a paper on arXiv has arXiv's
 * PDF, not `links.pdf`.
 */
function checkFieldsAgree(
  paper: {
    date: string;
    published?: string | undefined;
    arxiv?: string | undefined;
    venue?: string | undefined;
    links?: { pdf?: string | undefined } | undefined;
  },
  ctx: z.RefinementCtx,
  /** The check's clock: an id it refuses at its field is no id to compare the dates with. */
  today: Date | undefined,
): void {
  const { date, published, arxiv } = paper;
  // Zod may run this after a field failed: compare only dates that are themselves valid.
  if (typeof date !== 'string' || !isCalendarDate(date)) return;
  if (published !== undefined && (typeof published !== 'string' || !isCalendarDate(published))) return;
  if (published !== undefined && published > date) {
    report(
      ctx,
      'published-after-date',
      `is after the digest date ${date}: a paper is featured after its first version; check both dates`,
      ['published'],
    );
  }
  // A venue names the year of a meeting or volume the paper is in: not years after its digest date.
  const year = venueYear(paper.venue);
  if (year !== undefined && Number(year) > Number(date.slice(0, 4)) + 1) {
    report(
      ctx,
      'venue-year',
      `names the year ${year}, more than a year after the digest date ${date}: check the venue's year`,
      ['venue'],
    );
  }
  const parsed = typeof arxiv === 'string' ? parseArxivId(arxiv, today ?? null) : undefined;
  if (!parsed || !('id' in parsed)) return;
  // An arXiv paper's PDF is arXiv's: reference managers take `citation_pdf_url` for its full text.
  if (paper.links?.pdf !== undefined) {
    report(
      ctx,
      'pdf-of-arxiv-paper',
      `is for a paper that is not on arXiv; this one's PDF is arXiv's (https://arxiv.org/pdf/${parsed.id.canonical}), linked already: delete links.pdf`,
      ['links', 'pdf'],
    );
  }
  const { yearMonth } = parsed.id;
  const monthsBefore = published === undefined ? 0 : monthNumber(yearMonth) - monthNumber(published.slice(0, 7));
  if (monthsBefore < 0) {
    report(
      ctx,
      'published-after-id',
      `is after ${yearMonth}, the month arXiv ${arxiv} was first announced, which is never before its first version: use the date of version 1 on arXiv`,
      ['published'],
    );
  } else if (monthsBefore > MONTHS_FROM_FIRST_VERSION_TO_ID) {
    report(
      ctx,
      'published-long-before-id',
      `is ${monthsBefore} months before ${yearMonth}, the month arXiv ${arxiv} was first announced, which is days or weeks after its first version: check the year and month against version 1 on arXiv (if arXiv really gives this date, leave published out)`,
      ['published'],
    );
  }
  if (date.slice(0, 7) < yearMonth) {
    report(
      ctx,
      'date-before-id',
      `is before ${yearMonth}, when arXiv ${arxiv} first appeared: the digest date is when the digest featured it`,
      ['date'],
    );
  }
}

/**
 * How many months a first version may come before its arXiv id's month: a paper sent at a month's
 * end, or held by moderation for some weeks, is numbered in the next month or the one after. More
 * is a mistyped date far likelier than a paper held that long (`2013-06-12` for 2306.…).
 */
const MONTHS_FROM_FIRST_VERSION_TO_ID = 2;

/** `2023-06` as a count of months, so that two can be subtracted. */
function monthNumber(yearMonth: string): number {
  return Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
}

export type PaperSchema = ReturnType<typeof createPaperSchema>;
export type PaperData = z.output<PaperSchema>;

/** The longest topic slug, as a paper id (paper-id.ts): a folder name, well within a file system's 255 bytes. */
export const MAX_TOPIC_SLUG_LENGTH = 100;

/** The topic vocabulary file: a list of topics, each with a URL slug, a label and a description. */
export const topicSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      message: 'must be lowercase letters, digits and single hyphens',
      abort: true,
    })
    .superRefine((slug, ctx) => {
      // The slug is a folder of the site (`topics/<slug>/`): a name a file system can hold (at most
      // 255 bytes, where a longer one stopped the build with ENAMETOOLONG), and Windows too.
      if (slug.length > MAX_TOPIC_SLUG_LENGTH) {
        report(
          ctx,
          'slug-too-long',
          `has ${slug.length} characters; a topic slug names a folder of the site and is at most ${MAX_TOPIC_SLUG_LENGTH}: shorten it`,
        );
      }
      const device = windowsDeviceProblem(slug);
      if (device) report(ctx, 'slug-device-name', `${device}; use a longer slug (e.g. ${slug}-learning)`);
    }),
  // A label names its topic on pages and in the search filter: "Оptimization" with a Cyrillic `О`
  // would be a second topic that reads as the first, as a name would be a second author.
  label: text(80, 'write the name pages show for the topic, as in Optimization').superRefine((label, ctx) => {
    const message = mixedScriptProblem(label, {
      lookAlike: "the label would read as another topic's",
      greekSymbols: true,
    });
    if (message) report(ctx, 'label-mixed-script', message);
  }),
  // Shown on the topic's pages and in their link previews, where readers link an address or a
  // host as in a title: the title's rule, without its advice on a paper's links.
  description: text(200, 'write a sentence that says what papers the topic holds').superRefine((description, ctx) => {
    const message = addressInProseProblem(description, 'write a sentence that says what papers the topic holds', '');
    if (message) report(ctx, 'address-in-prose', message);
  }),
});
export const topicListSchema = z.array(topicSchema).min(1);
export type Topic = z.output<typeof topicSchema>;
