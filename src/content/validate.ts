import type { z } from 'astro/zod';
import {
  LIMITS,
  PAPER_KEYS,
  LINK_KEYS,
  SCHEME_AT_RUN_START,
  SCHEMELESS_AT_WORD_START,
  UNC_PATH_ADVICE,
  WWW_AT_WORD_START,
  hostsNamedIn,
  issueKind,
  uncPathsIn,
  wwwSchemeHosts,
  lookAlikeBareHosts,
  lookAlikeHostMend,
  type PaperData,
  type PaperSchema,
} from './schema.ts';
import { parseSource, quoteWholeValue, type ParsedSource } from './frontmatter.ts';
import { describeForbiddenCharacter, findForbiddenCharacter, forbiddenInData } from './characters.ts';
import { paperIdFromPath, paperIdProblem, YEAR_FOLDER } from './paper-id.ts';
import { abstractLine, checkLink, renderPaperBody, type RenderedBody, type TextLines } from './pipeline.ts';
import { siteConfig } from '../site.config.ts';
import { fieldName, shortened, type ContentProblem } from './problems.ts';
import { descriptionOfHtml } from '../lib/plain-text.ts';
import { closeMatches, didYouMean } from '../lib/suggest.ts';
import { arxivFileName, arxivIdOfFileName, canonicalArxivId } from '../lib/arxiv-id.ts';
import { fileSizeProblem } from './file-size.ts';
import { decodeUtf8 } from './utf8.ts';
import { codePointName, onlySpacesNamed, spacesNamed } from '../lib/code-point.ts';
import { isWordAnd } from '../lib/authors.ts';
import { isAddressOrLocalName } from '../lib/link-hosts.ts';

/**
 * Everything that can be checked about one paper file on its own: encoding, characters,
 * frontmatter against the schema, and the body through the safe-MDX pipeline. Used by the loader
 * (the build) and by `npm run check`; cross-file checks live in `collection.ts`.
 */
export interface ValidPaper {
  /** Entry id and URL segment: the file name without `.mdx`. */
  id: string;
  file: string;
  data: PaperData;
  body: string;
  rendered: RenderedBody;
  /** Line of each frontmatter field (and of each author), for cross-file problems. */
  lines: { arxiv: number; title: number; date: number; authors: number[] };
}

/** Forbidden characters reported per file. */
const MAX_CHARACTER_PROBLEMS = 10;

export function validatePaper(
  file: string,
  bytes: Uint8Array,
  schema: PaperSchema,
): { paper?: ValidPaper; problems: ContentProblem[] } {
  const problem = (line: number, field: string, message: string, kind: string): ContentProblem => ({
    file,
    line,
    field,
    message,
    kind,
  });

  // 1. The file as text: size, encoding, and no forbidden character as written.
  const decoded = decodePaperFile(file, bytes);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const problems = [...decoded.problems];

  const id = paperIdFromPath(file);
  const badId = paperIdProblem(id);
  if (badId) problems.push(problem(1, 'file', badId, 'file-name'));

  // 2. The frontmatter: bounded YAML, then characters after decoding, then the schema.
  const { source, problems: yamlProblems } = parseSource(file, decoded.text);
  if (!source) return { problems: [...problems, ...yamlProblems] };
  problems.push(...yamlProblems);

  // Characters YAML escapes decode to (`"\u202E"`, `"\e"`) are checked on the decoded data; the
  // schema, whose messages quote values, only sees data that passed.
  // The first few are enough to act on; thousands of escapes would only flood the output.
  const characterProblems = forbiddenInData(source.data)
    .slice(0, MAX_CHARACTER_PROBLEMS)
    .map(({ path, linePath, message }) => problem(source.lineOf(linePath), fieldName(path), message, 'character'));
  problems.push(...characterProblems);

  const tooLong = source.body.length > LIMITS.body;
  if (tooLong) {
    problems.push(
      problem(
        abstractLine(source.body, source.bodyLine),
        'body',
        `has ${source.body.length} characters; an abstract must be at most ${LIMITS.body}: paste the abstract only, not the paper.`,
        'body-too-long',
      ),
    );
  }

  const parsed = characterProblems.length > 0 ? undefined : schema.safeParse(source.data);
  if (parsed && !parsed.success) problems.push(...schemaProblems(parsed.error.issues, source, problem, schema));
  const namedFor = parsed?.success ? fileNameProblem(id, parsed.data.arxiv) : undefined;
  if (namedFor)
    problems.push(problem(parsed?.data?.arxiv ? source.lineOf(['arxiv']) : 1, 'arxiv', namedFor, 'file-named-for-id'));
  const wrongYear = parsed?.success ? folderYearProblem(file, parsed.data.date) : undefined;
  if (wrongYear) problems.push(problem(source.lineOf(['date']), 'date', wrongYear, 'year-folder'));

  // 3. The body, through the safe-MDX pipeline. An oversized body is reported above and not
  // rendered: its size alone could stall the build.
  const {
    rendered,
    problems: bodyProblems,
    textLines,
    prose,
  } = tooLong
    ? { rendered: undefined, problems: [] }
    : renderPaperBody(source.body, { file, bodyLine: source.bodyLine });
  problems.push(...bodyProblems);
  if (rendered) problems.push(...abstractTextProblems(rendered, abstractLine(source.body, source.bodyLine), problem));
  if (rendered) problems.push(...bareAddressProblems(rendered.text, textLines, source.body, source.bodyLine, problem));
  if (rendered && prose !== undefined)
    problems.push(...uncPathProblems(prose, textLines, source.body, source.bodyLine, problem));
  if (rendered) problems.push(...bareHostProblems(rendered.text, textLines, source.body, source.bodyLine, problem));

  if (problems.length > 0 || !parsed?.success || !rendered) return { problems };
  return {
    problems,
    paper: {
      id,
      file,
      data: parsed.data,
      body: source.body,
      rendered,
      lines: {
        arxiv: source.lineOf(['arxiv']),
        title: source.lineOf(['title']),
        date: source.lineOf(['date']),
        authors: parsed.data.authors.map((_, index) => source.lineOf(['authors', index])),
      },
    },
  };
}

/**
 * A paper file's bytes as text with Unix line ends: refused when too large, not UTF-8, or holding
 * a forbidden character as written (each one reported at its line and column). A BOM is reported,
 * then dropped, so that the rest of the file is still checked in the same run.
 */
function decodePaperFile(file: string, bytes: Uint8Array): { text?: string; problems: ContentProblem[] } {
  const tooLarge = fileSizeProblem(file, bytes.length);
  if (tooLarge) return { problems: [tooLarge] };
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded))
    return {
      problems: [
        {
          file,
          field: 'file',
          line: decoded.line,
          column: decoded.column,
          message: `${decoded.message}: save it as UTF-8 (without BOM).`,
          kind: 'encoding',
        },
      ],
    };
  let text = decoded.text;
  const empty = emptyFileProblem(text, bytes.length);
  if (empty) return { problems: [{ file, line: 1, field: 'file', message: empty, kind: 'file-empty' }] };
  const problems: ContentProblem[] = [];
  if (text.startsWith('\uFEFF')) {
    problems.push({
      file,
      line: 1,
      field: 'file',
      message: 'starts with a byte-order mark (BOM): save it as UTF-8 without BOM.',
      kind: 'byte-order-mark',
    });
    text = text.slice(1);
  }
  text = text.replace(/\r\n?/g, '\n');

  const forbidden = text.split('\n').flatMap((line, index) => {
    const found = findForbiddenCharacter(line, { multiline: true });
    return found
      ? [
          {
            file,
            line: index + 1,
            column: found.index + 1,
            field: 'file',
            message: describeForbiddenCharacter(found),
            kind: 'character',
          },
        ]
      : [];
  });
  if (forbidden.length > 0) return { problems: [...problems, ...forbidden] };
  return { text, problems };
}

/**
 * What to say of a paper file with nothing in it (0 bytes, white space only, a BOM only, as an
 * editor's new file or a failed paste leaves it), said as such with what a paper starts with: the
 * frontmatter's "must start with a `---` line" read as if something else were written there, and
 * a BOM alone was also told to be saved without it. Undefined when the file holds anything else.
 */
function emptyFileProblem(text: string, bytes: number): string | undefined {
  if (bytes === 0) return `is empty (0 bytes): ${PAPER_FILE_STARTS}.`;
  const bom = text.startsWith('\uFEFF');
  const rest = bom ? text.slice(1) : text;
  if (rest.trim() !== '') return undefined;
  const held = !bom
    ? onlySpacesNamed(rest)
    : `only a byte-order mark (BOM)${rest === '' ? '' : ` and ${spacesNamed(rest)}`}`;
  return `is empty: it holds ${held}: ${PAPER_FILE_STARTS}.`;
}

/** What a paper file starts with, for a file that holds nothing. */
const PAPER_FILE_STARTS =
  'a paper file starts with a `---` line, then its YAML frontmatter (title, authors, date, tags), then `---` and the abstract; `npm run new-paper -- <arXiv id> --tags <topic>` writes one (README, "Adding a paper")';

/**
 * A file named for an arXiv id is that paper's address (`/papers/2306.13575/`, its `.bib`, the
 * search's id lookup): it must hold that paper, so no file can take another paper's address.
 */
function fileNameProblem(id: string, arxiv: string | undefined): string | undefined {
  const namedFor = arxivIdOfFileName(id);
  if (namedFor === undefined) return undefined;
  if (arxiv === undefined) return `is missing: the file is named for arXiv ${namedFor}, so write arxiv: "${namedFor}"`;
  if (canonicalArxivId(arxiv) === namedFor) return undefined;
  return `is ${arxiv}, but the file is named for arXiv ${namedFor}: name the file ${arxivFileName(arxiv)}.mdx, or correct the id`;
}

/**
 * A paper in a year folder (`content/papers/2025/`, the only folders discovery accepts) has its
 * digest date in that year, so that the folder says where to find it.
 */
function folderYearProblem(file: string, date: string): string | undefined {
  const folder = file.split('/').at(-2);
  const year = date.slice(0, 4);
  if (folder === undefined || !YEAR_FOLDER.test(folder) || folder === year) return undefined;
  return `is in ${year}, but the file is in the year folder ${folder}: move it to content/papers/${year}/, or correct the date`;
}

/** The schema's issues as problems at their lines; an unknown key suggests the closest known one. */
function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  source: ParsedSource,
  problem: (line: number, field: string, message: string, kind: string) => ContentProblem,
  schema: PaperSchema,
): ContentProblem[] {
  // A value of the wrong type is that one problem: zod still runs a field's other checks on it
  // (`tags: optimization` was also "has 12 topics", the string's length).
  const wrongType = new Set(
    issues.filter((issue) => issue.code === 'invalid_type').map((issue) => JSON.stringify(issue.path)),
  );
  // A misspelled field (`author:`) is one problem, its "Did you mean", not also "is required" for
  // the field it meant.
  const meant = new Set(
    issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.flatMap((key) =>
            closeMatches(key, issue.path.length === 0 ? PAPER_KEYS : LINK_KEYS).map((field) =>
              JSON.stringify([...issue.path, field]),
            ),
          )
        : [],
    ),
  );
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_type' && wrongType.has(JSON.stringify(issue.path))) return [];
    if (
      issue.code === 'invalid_type' &&
      meant.has(JSON.stringify(issue.path)) &&
      valueAt(source.data, issue.path) === undefined
    )
      return [];
    if (issue.code === 'unrecognized_keys') {
      const parent = issue.path;
      const known = parent.length === 0 ? PAPER_KEYS : LINK_KEYS;
      return issue.keys.map((key) =>
        problem(
          source.lineOf([...parent, key] as (string | number)[]),
          fieldName([...parent, key] as (string | number)[]),
          `unknown field.${didYouMean(key, known) || ` Known fields: ${known.join(', ')}.`}${keyCharacters(key)}`,
          'field-unknown',
        ),
      );
    }
    const path = issue.path as (string | number)[];
    return [
      problem(source.lineOf(path), fieldName(path), describeIssue(issue, path, source, schema), issueKind(issue)),
    ];
  });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

/**
 * What in an unknown key is not what it looks like: a field's name is ASCII letters, and `tіtle`
 * with a Cyrillic і, `ｔitle` in fullwidth or `title` with a no-break space before its colon read
 * as `title` in the message (`Did you mean "title"?`) unless their odd characters are named; so
 * does `ve\u0301nue` with its accent apart, which would print on the message's quote mark.
 */
function keyCharacters(key: string): string {
  const odd = [...new Set(key.match(/[^\x21-\x7E]/gu) ?? [])].slice(0, 3);
  if (odd.length === 0) return '';
  const named = odd.map((char) => {
    const code = codePointName(char);
    if (/\s/u.test(char)) return `a space (${code})`;
    // A combining mark alone in quotes sits on the quote: shown on a dotted circle, as charts do.
    return /\p{M}/u.test(char) ? `a combining mark "\u25CC${char}" (${code})` : `"${char}" (${code})`;
  });
  return ` The key holds ${named.join(', ')}: write a field's name in plain ASCII letters, with no space in it.`;
}

/**
 * The abstract as a reader sees it must have text: a letter or digit in its description (feeds,
 * link previews), where math is typeset and TeX commands are dropped, so an abstract of `\\` or
 * `$\quad$` is as empty as no abstract. (That character references decode to no forbidden
 * character, in the text or anywhere else, is the pipeline's rule: pipeline.ts.)
 */
function abstractTextProblems(
  { text, html }: RenderedBody,
  /** Where the abstract's text starts (abstractLine): the problems are of the whole abstract. */
  line: number,
  problem: (line: number, field: string, message: string, kind: string) => ContentProblem,
): ContentProblem[] {
  if (text.trim() === '') {
    // Only code blocks: the page shows them, but the abstract's text (search, related papers)
    // holds none of them, so "is empty" would contradict what the contributor sees.
    if (html.includes('<pre')) {
      return [
        problem(
          line,
          'body',
          'has only code blocks (``` fences), which search and related papers do not read as its text: write the abstract as paragraphs; a code block may follow them.',
          'body-no-text',
        ),
      ];
    }
    return [
      problem(
        line,
        'body',
        "is empty: paste the paper's abstract below the frontmatter's closing `---`.",
        'body-no-text',
      ),
    ];
  }
  // Words outside math and TeX commands are words of the description too; only an abstract
  // without them is worth making its description for.
  if (WORD_CHARACTER.test(text.replace(/\$[^$]*\$/g, ' ').replace(/\\[A-Za-z]+/g, ' '))) return [];
  const shown = descriptionOfHtml(html);
  if (WORD_CHARACTER.test(shown)) return [];
  const seen = shown === '' ? 'nothing' : `only "${shortened(shown, 40)}"`;
  return [
    problem(
      line,
      'body',
      `has no letter or digit: feeds and link previews, which show math typeset and no TeX commands, would show ${seen}. Paste the paper's abstract below the frontmatter's closing \`---\`.`,
      'body-no-words',
    ),
  ];
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * An address written as text (`https://…`, `ftp://…`, `www.…`), as feed readers, mail clients and
 * reference managers find them to make links: up to white space or a character no address holds
 * as written (nor `{ } $ \\`, which end it in math's source, `$\\text{https://…}$`), less the
 * punctuation that ends a sentence or a bracket around it.
 */
// A scheme is found wherever it starts, after any letter, digit or sign (SCHEME_AT_RUN_START: a
// reader's linkifier finds `https://` after Han or kana, `2023-` or `_`, and takes a whole scheme,
// `git+https://`); `www.` only where a word starts (WWW_AT_WORD_START), and so `//` with no scheme
// (SCHEMELESS_AT_WORD_START: `//localhost:8000/`, which linkify-it links). The bare-host rule
// (lookAlikeBareHosts) leaves to this one what these two find, so each is judged once.
const BARE_ADDRESS = new RegExp(
  String.raw`(?:${SCHEME_AT_RUN_START.source}|${WWW_AT_WORD_START.source}|${SCHEMELESS_AT_WORD_START.source})[^\s<>"'${'`'}{}$\\]+`,
  'giu',
);
const TRAILING = /[.,;:!?'")\]}*_~]+$/u;

/**
 * An address in the abstract's text is a link to every reader that makes one of it (feed readers
 * show the abstract with no CSP), so it passes the rule of a link in the abstract (checkLink, the
 * one rule) as to where it leads: a web host, with no user name before an `@`
 * (`https://github.com@evil.example/` leads to evil.example), and no look-alike host
 * (`https://аpple.com` in Cyrillic, or as punycode). `http://`, `ftp://` and `ws://` are judged as
 * `https://` (older abstracts write them, and they deceive no one); other schemes are refused.
 * Each address once, at the first body line that holds it. (Also in `code`: readers link there too.)
 */
function bareAddressProblems(
  text: string,
  textLines: TextLines | undefined,
  body: string,
  bodyLine: number,
  problem: (line: number, field: string, message: string, kind: string) => ContentProblem,
): ContentProblem[] {
  const origin = new URL(siteConfig.siteUrl).origin;
  const seen = new Set<string>();
  const problems: ContentProblem[] = [];
  const bodyLines = body.split('\n');
  for (const { 0: written, index } of text.matchAll(BARE_ADDRESS)) {
    // A web scheme at the end of a longer run is where a linkifier starts (`git+https://`,
    // `über-https://`, of which the match holds `ber-https://`): judged from there.
    const address = written.replace(TRAILING, '').replace(/^[a-z\d+.\-]*[^a-z](?=(?:https?|ftp|wss?):\/\/)/i, '');
    if (seen.has(address)) continue;
    seen.add(address);
    const lineIndex = addressLineIndex(address, text.slice(0, index), textLines, bodyLines);
    const twoWays = wwwSchemeHosts(address);
    if (twoWays) {
      problems.push(
        problem(
          bodyLine + lineIndex,
          'body',
          `the address "${shortened(address, 80)}" in the text, which feed readers and mail clients make a link, is not allowed: it reads two ways. Markdown's linkifier (GFM) links it to the host ${shortened(twoWays.www, 60)}, the rest a path; a reader, and a linkifier that takes any scheme, reads "${shortened(twoWays.www, 60)}:" as its scheme and "${shortened(twoWays.shown, 60)}" as its host. Write the address of the one site meant, whole, as https://…, or say in words where it is.`,
          'address-reads-two-ways',
        ),
      );
      continue;
    }
    // What it leads to is judged: its host and any user name. A reader links `www.…` and `//…`
    // too, and an older abstract's `http://` or `ftp://` address is no deception: each is checked
    // as https.
    const asHttps = address.replace(/^(?:(?:https?|ftp|wss?):\/\/|\/\/|(?=www\.))/i, 'https://');
    const checked = checkLink(asHttps, origin);
    if ('href' in checked) continue;
    const unlinked = asText(address, asHttps, origin);
    // An address broken over two lines (pasted from a PDF) is read up to its line's end, and a
    // reader's linkifier links only that much: say so, as "no web host" alone would puzzle.
    const line = bodyLines[lineIndex] ?? '';
    const endsLine = line.trimEnd().replace(TRAILING, '').endsWith(address);
    const goesOn = endsLine && /^\s*[^\s]/.test(bodyLines[lineIndex + 1] ?? '');
    problems.push(
      problem(
        bodyLine + lineIndex,
        'body',
        `the address "${shortened(address, 80)}" in the text, which feed readers and mail clients make a link, is not allowed: ${unlinked?.why ?? checked.problem}${goesOn ? ' (It ends where its line does: if it goes on in the next line, write it whole on one line, as an address holds no line break.)' : ''}${unlinked ? unlinked.advice : ''}`,
        'address-in-text',
      ),
    );
  }
  return problems;
}

/**
 * A Windows network (UNC) path in the abstract's text outside math (`prose`, pipeline.ts), as
 * uncPathsIn finds it (`\\\\evil.example\share` in the source is `\\evil.example\share` to a
 * reader; so is one in \`code\`, which readers link too): refused, each once, at the first body
 * line that holds it.
 */
function uncPathProblems(
  prose: string,
  textLines: TextLines | undefined,
  body: string,
  bodyLine: number,
  problem: (line: number, field: string, message: string, kind: string) => ContentProblem,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const bodyLines = body.split('\n');
  for (const found of uncPathsIn(prose)) {
    if (seen.has(found.path)) continue;
    seen.add(found.path);
    problems.push(
      problem(
        bodyLine + addressLineIndex(found.path, prose.slice(0, found.index), textLines, bodyLines),
        'body',
        `the Windows network path "${shortened(found.path, 80)}" in the text, which mail clients (Outlook), chat and reference managers make a link, is not allowed: ${UNC_PATH_ADVICE}.`,
        'address-in-text',
      ),
    );
  }
  return problems;
}

/** The schemes whose addresses are judged as https:// (bareAddressProblems): they name a web host. */
const WEB_SCHEME = /^(?:https?|ftp|wss?):$/i;

/**
 * How to keep, as text no reader links, an address refused because it leads to no web host at all:
 * another scheme's place (`s3://bucket/key`, `hdfs://…`, `gs://…`, `file:///…`) or a web scheme's
 * IP address or name without a dot (`http://203.0.113.7/x`, `http://localhost:8080/`), which
 * arXiv's abstracts write. Without its scheme (`the s3 location bucket/key`, `203.0.113.7/x`) no
 * linkifier finds it. Undefined for any other refusal (a look-alike host, a user name before an
 * `@`, the digest's own address): written without its scheme such an address would still name
 * the host that deceives, so the link's own advice stands. The way given is one the check takes:
 * it holds no address BARE_ADDRESS finds, and each host it names would pass as a link.
 */
function asText(address: string, asHttps: string, origin: string): { why?: string; advice: string } | undefined {
  // An address written without a scheme (`//localhost:8000/`) is a web address to its readers.
  const scheme = address.startsWith('//') ? '' : /^[a-z][a-z\d+.\-]*:(?=\/\/)/i.exec(address)?.[0];
  if (scheme === undefined) return undefined;
  const rest = address.slice(scheme.length + 2);
  let why: string | undefined;
  let unlinked: string;
  if (scheme !== '' && !WEB_SCHEME.test(scheme)) {
    why = `an address of ${scheme}// leads to no web page, and an address in the text may only be one a link may be: https:// (or http://) to another site.`;
    unlinked = `the ${scheme.slice(0, -1)} location ${rest}`;
  } else {
    let host: string;
    try {
      host = new URL(asHttps).hostname;
    } catch {
      return undefined;
    }
    // webHostProblem's first refusal, whose words stand: an IP address or a name without a dot.
    if (!isAddressOrLocalName(host)) return undefined;
    unlinked = rest;
  }
  const kept =
    [...unlinked.matchAll(BARE_ADDRESS)].length === 0 &&
    hostsNamedIn(unlinked).every((host) => 'href' in checkLink(`https://${host}/`, origin));
  const inWords = 'say in words where it is, or leave it out';
  return {
    ...(why === undefined ? {} : { why }),
    advice: kept
      ? ` To name the place without a link, write it without "${scheme}//", as "${shortened(unlinked, 80)}", which no reader makes a link (in \`code\` the scheme is still found), or ${inWords}.`
      : ` Written without its scheme it would still name a host no link may lead to: ${inWords}.`,
  };
}

/**
 * A host written bare in the abstract's text (no scheme or `www.`, which bareAddressProblems
 * judges), that passes for another (lookAlikeBareHosts, schema.ts): readers link it as they do
 * an address. Each once, at the first body line that holds it.
 */
function bareHostProblems(
  text: string,
  textLines: TextLines | undefined,
  body: string,
  bodyLine: number,
  problem: (line: number, field: string, message: string, kind: string) => ContentProblem,
): ContentProblem[] {
  const bodyLines = body.split('\n');
  return lookAlikeBareHosts(text).map(({ written, before, message, found }) =>
    problem(
      bodyLine + addressLineIndex(written, before, textLines, bodyLines),
      'body',
      `the host written as "${shortened(written, 80)}" in the text, which mail clients, chat and reference managers make a link, is not allowed: it ${message}; ${lookAlikeHostMend(found)}`,
      'look-alike-host',
    ),
  );
}

/**
 * The body line (0-based) an address found in the text is written on: in the paragraph the text
 * has it in (the text's paragraphs are the body's blocks, at textLines), the first line of that
 * block that holds it as written, or holds the most of its start (an escape, a character
 * reference or markup inside it makes the text differ from what is written); else the block's
 * first line.
 */
function addressLineIndex(
  address: string,
  textBefore: string,
  textLines: TextLines | undefined,
  bodyLines: readonly string[],
): number {
  const block = textLines?.[textBefore.split('\n\n').length - 1];
  const [first, last] = block ? [block.start - 1, block.end - 1] : [0, bodyLines.length - 1];
  for (let length = address.length; length > 0; length--) {
    const start = address.slice(0, length);
    for (let line = first; line <= last; line++) if (bodyLines[line]?.includes(start)) return line;
  }
  return first;
}

/**
 * The names in `authors: Ann Lee and Bo Li; Cy Dee, Ed Fo`, for the message's example: split at
 * `;`, `,` and the word "and", as the .bib and the citations read it (isWordAnd, authors.ts), so
 * `Ñandú Pérez`, `Mária Andó` and `ánd` hold no "and".
 */
function namesInOneLine(value: string): string[] {
  return value.split(/[;,]/).flatMap((part) => {
    const names: string[][] = [[]];
    for (const word of part.split(/\s+/).filter(Boolean)) {
      if (isWordAnd(word)) names.push([]);
      else names.at(-1)!.push(word);
    }
    return names.map((name) => name.join(' ')).filter(Boolean);
  });
}

function describeIssue(
  issue: { code: string; message: string; expected?: unknown },
  path: (string | number)[],
  source: { data: Record<string, unknown>; sourceOf(path: (string | number)[]): string | undefined },
  schema: PaperSchema,
): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const value = valueAt(source.data, path);
  if (value === undefined) {
    return `is required: add the \`${String(path[0])}:\` field${issue.expected === 'array' ? ' (a list, one item per line)' : ''}.`;
  }
  if (value === null) return 'is empty: give it a value or remove the line.';
  if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const written = source.sourceOf(path) ?? String(value);
    // Quoted, is it right? The field's own rules say (`date: 20250606` quoted is still no date).
    const quoted = structuredClone(source.data);
    let parent = quoted as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path.at(-1)!] = written;
    const still = schema
      .safeParse(quoted)
      .error?.issues.find((other) => JSON.stringify(other.path) === JSON.stringify(path));
    // The field's message may be a predicate ("must be a date…") or a finding ("unknown topic…").
    if (still)
      return `was read by YAML as the ${typeof value} ${String(value)}, and as text it is refused too: ${still.message.replace(/\.?$/, '.')}`;
    return `was read by YAML as the ${typeof value} ${String(value)}; quote it: "${written}".`;
  }
  const got = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
  if (issue.expected === 'array' && typeof value === 'string') {
    // `tags: a, b` or `authors: Ann Lee, Bo Li`: show the list the contributor meant.
    const items = path[0] === 'authors' ? namesInOneLine(value) : value.split(/[,\s]+/).filter(Boolean);
    const example = items.length > 0 ? items.slice(0, 2) : ['…'];
    return `must be a list, not a string: write each item on a line of its own under \`${String(path[0])}:\`, starting with "- " (${example.map((item) => `"- ${shortened(item, 40)}"`).join(', ')}).`;
  }
  // `links: [https://…]`: a mapping of named addresses, shown with the names it takes.
  if (issue.expected === 'object' && path[0] === 'links') {
    return `must be a mapping, not ${got}: write each address on a line of its own under \`links:\`, indented and named ${LINK_KEYS.join(', ')} (\`  code: https://github.com/owner/repo\`).`;
  }
  // `tags: {a: 1}` or `tags: 5`: the list the field takes, with nothing to show of what was meant.
  if (issue.expected === 'array') {
    return `must be a list, not ${got}: write each item on a line of its own under \`${String(path[0])}:\`, starting with "- ".`;
  }
  // `venue: {a: 1}`, `title: [A, B]`, `- Ada Lovelace: MIT`: text YAML read as a list or a mapping.
  if (issue.expected === 'string' && typeof value === 'object') {
    return `must be text, not ${got}: YAML reads a value that starts with "[" or "{" as a list or a mapping, and one with ": " in it as a mapping; ${quoteWholeValue(path)}.`;
  }
  const expected = issue.expected === 'object' ? 'a mapping' : `a ${String(issue.expected)}`;
  return `must be ${expected}, not ${got}.`;
}
