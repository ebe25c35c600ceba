import { shortened, type ContentProblem } from './problems.ts';
import type { ValidPaper } from './validate.ts';
import { canonicalOrUndefined } from '../lib/arxiv-id.ts';
import { paperPaths } from '../lib/urls.ts';
import { authorKey, slugOfKey } from '../lib/authors.ts';
import { latinLookAlike, lookAlikeKey, lookAlikeLetters, slugLookAlikeKey } from '../lib/look-alike.ts';
import { scriptsOf } from './scripts.ts';
import { byCodeUnits } from '../lib/text-order.ts';

/**
 * What the cross-file checks look at: a valid paper, or a quick scan of one (`new-paper`, which
 * may leave out the authors).
 */
export type CollisionCandidate = Pick<ValidPaper, 'id' | 'file'> & {
  data: { arxiv?: string | undefined; authors?: readonly string[] };
  lines: { arxiv: number; authors?: readonly number[] };
};

/**
 * Checks across papers that no single file can see: two files for the same arXiv paper, and two
 * files whose outputs would land on the same path (same file name in different folders), or
 * where one paper's output file is a folder of another's (`x.bib.mdx` would put its page in the
 * folder `papers/x.bib/` while `x.mdx` writes the file `papers/x.bib`). Paths are compared
 * without case: on a case-insensitive disk `A` and `a` are one file. The id grammar
 * (paper-id.ts) already refuses such names; this check holds whatever the grammar allows. And two
 * ids that read alike (lookAlikeIdClash: `1ora`, `lora`) would be two addresses a reader takes for one.
 */
export function findCollisions(papers: readonly CollisionCandidate[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const outputs = new Map<string, CollisionCandidate>();
  const folders = new Map<string, CollisionCandidate>();
  const byArxiv = new Map<string, CollisionCandidate>();
  const byLook = new Map<string, CollisionCandidate>();
  for (const paper of [...papers].sort((a, b) => byCodeUnits(a.file, b.file))) {
    const paths = paperPaths(paper.id);
    const clash = outputClash(paths, outputs, folders) ?? lookAlikeIdClash(paper, byLook);
    if (clash) {
      problems.push({ file: paper.file, line: 1, field: 'file', ...clash });
    } else {
      for (const output of paths.files.map((path) => path.toLowerCase())) {
        outputs.set(output, paper);
        for (const folder of foldersOf(output)) folders.set(folder, paper);
      }
      byLook.set(slugLookAlikeKey(paper.id), paper);
    }
    const arxiv = paper.data.arxiv;
    // The same paper may be written two ways (`math.GT/0309136`, `math/0309136`): compare canonical ids.
    const canonical = arxiv === undefined ? undefined : canonicalOrUndefined(arxiv);
    if (!arxiv || !canonical) continue;
    const twin = byArxiv.get(canonical);
    if (twin) {
      problems.push({
        file: paper.file,
        line: paper.lines.arxiv,
        field: 'arxiv',
        kind: 'arxiv-twice',
        otherFiles: [twin.file],
        message: `arXiv ${arxiv} is already in the digest as ${twin.file}:${twin.lines.arxiv}${twin.data.arxiv === arxiv ? '' : ` (written ${twin.data.arxiv ?? ''}, the same paper)`}: keep one of them.`,
      });
    } else {
      byArxiv.set(canonical, paper);
    }
  }
  // Each written name is folded once for both rules: most names recur across papers, and at
  // 100,000 papers there are half a million bylines but few clashes.
  const names = foldedNames(papers);
  problems.push(...authorSlugClashes(papers, names), ...authorLookAlikes(papers, names));
  return problems;
}

/** One written author name: which paper, and which place in its list. */
interface Byline {
  paper: CollisionCandidate;
  index: number;
  name: string;
}

/** What a written name is folded to: its identity, its author page, and how it looks. */
interface NameKeys {
  /** `authorKey`: one person's names, whatever their case and accents. */
  key: string;
  /** The author page's slug. */
  slug: string;
  /** `lookAlikeKey`: what the name looks like to a reader. */
  look: string;
}

/** Each distinct written name with its keys, folded once. */
function foldedNames(papers: readonly CollisionCandidate[]): Map<string, NameKeys> {
  const names = new Map<string, NameKeys>();
  for (const paper of papers) {
    for (const name of paper.data.authors ?? []) {
      if (names.has(name)) continue;
      const key = authorKey(name);
      names.set(name, { key, slug: slugOfKey(key), look: lookAlikeKey(name) });
    }
  }
  return names;
}

/**
 * The bylines of names that share one `group` value but differ in their `member` value (names
 * with one page but two identities; names that look alike but have two pages), by group and
 * then member, in file order. First the distinct names alone are grouped, so that the bylines of
 * the (usually no) clashing groups are the only ones gathered.
 */
function clashingBylines(
  papers: readonly CollisionCandidate[],
  names: ReadonlyMap<string, NameKeys>,
  group: keyof NameKeys,
  member: keyof NameKeys,
): Map<string, Map<string, Byline[]>> {
  const memberOfGroup = new Map<string, string>();
  const clashing = new Set<string>();
  for (const keys of names.values()) {
    const other = memberOfGroup.get(keys[group]);
    if (other === undefined) memberOfGroup.set(keys[group], keys[member]);
    else if (other !== keys[member]) clashing.add(keys[group]);
  }
  const groups = new Map<string, Map<string, Byline[]>>();
  if (clashing.size === 0) return groups;
  for (const paper of [...papers].sort((a, b) => byCodeUnits(a.file, b.file))) {
    (paper.data.authors ?? []).forEach((name, index) => {
      const keys = names.get(name)!;
      if (!clashing.has(keys[group])) return;
      const members = groups.get(keys[group]) ?? new Map<string, Byline[]>();
      groups.set(keys[group], members);
      const bylines = members.get(keys[member]) ?? [];
      members.set(keys[member], bylines);
      bylines.push({ paper, index, name });
    });
  }
  return groups;
}

/**
 * Two different names (different `authorKey`) that would share one author page (one
 * `authorSlug`), e.g. "J. Smith" and "J Smith". The page belongs to the name written most often
 * (ties: the first file); each other spelling is reported where it is written, with the page's
 * spelling and where it is, so either can be rewritten to match the other.
 */
export function authorSlugClashes(
  papers: readonly CollisionCandidate[],
  names = foldedNames(papers),
): ContentProblem[] {
  const bySlug = clashingBylines(papers, names, 'slug', 'key');
  const problems: ContentProblem[] = [];
  for (const [slug, keys] of bySlug) {
    // Map order is first-seen order, and the sort is stable: ties go to the first file.
    const [owner, ...others] = [...keys.values()].sort((a, b) => b.length - a.length);
    const first = owner![0]!;
    const where = `${first.paper.file}:${lineOf(first)}`;
    for (const byline of others.flat()) {
      problems.push({
        file: byline.paper.file,
        line: lineOf(byline),
        field: `authors[${byline.index}]`,
        kind: 'author-page-shared',
        otherFiles: [first.paper.file],
        message: `"${byline.name}" and "${first.name}" (${where}) are different names with one author page, /authors/${slug}/: write the name the same way in both files (case and accents may differ, punctuation and spaces between words may not).`,
      });
    }
  }
  return problems;
}

/**
 * Two names with different author pages (different `authorSlug`) that look alike
 * (`lookAlikeKey`): "Асе Smith" with a Cyrillic А, с and е beside "Ace Smith", or "lan Smith"
 * with a small L beside "Ian Smith". A reader cannot tell their pages, links and search entries
 * apart. The name with the fewest letters of another script that pass for Latin ones, then the
 * one written most often (ties: the first file), is taken for the real one, and each other is reported where it is written, with the letters that
 * differ and their code points.
 */
export function authorLookAlikes(papers: readonly CollisionCandidate[], names = foldedNames(papers)): ContentProblem[] {
  const byLook = clashingBylines(papers, names, 'look', 'slug');
  const script = (char: string) => scriptsOf(char).script ?? 'Common';
  // Letters of another script that pass for Latin ones: the spelling with fewer is taken for the real one.
  const borrowed = (bylines: Byline[]) => [...bylines[0]!.name].filter((char) => latinLookAlike(char)).length;
  const problems: ContentProblem[] = [];
  for (const slugs of byLook.values()) {
    const [owner, ...others] = [...slugs.values()].sort((a, b) => borrowed(a) - borrowed(b) || b.length - a.length);
    const first = owner![0]!;
    for (const byline of others.flat()) {
      const letters = lookAlikeLetters(byline.name, first.name, script);
      const which = letters.length > 0 ? `${letters.slice(0, 6).join(', ')}` : 'their letters look alike';
      problems.push({
        file: byline.paper.file,
        line: lineOf(byline),
        field: `authors[${byline.index}]`,
        kind: 'author-look-alike',
        otherFiles: [first.paper.file],
        message: `"${shortened(byline.name, 60)}" looks like "${shortened(first.name, 60)}" (${first.paper.file}:${lineOf(first)}) but is another name, with an author page of its own (/authors/${names.get(byline.name)!.slug}/ beside /authors/${names.get(first.name)!.slug}/): ${which}. If they are one person, write the name as ${first.paper.file} does; if not, write it exactly as the paper gives it, each word in the letters of one script.`,
      });
    }
  }
  return problems;
}

function lineOf({ paper, index }: Byline): number {
  return paper.lines.authors?.[index] ?? 1;
}

/**
 * Why a paper's id reads as another's (`1ora` and `lora`, `transforrners` and `transformers`,
 * `lo-methods` and `l0-methods`), or undefined: its address, `.bib` and reading-list file would
 * pass for the other paper's. Ids are lowercase ASCII, compared by the plain skeleton as topic
 * slugs are (slugLookAlikeKey: `rn` for `m`, `1` for `l`, `0` for `o`). Two arXiv ids never read
 * alike by it: their digits keep apart (`0` and `1` map to no digit) and so do arXiv's archives.
 */
function lookAlikeIdClash(
  paper: CollisionCandidate,
  byLook: ReadonlyMap<string, CollisionCandidate>,
): Clash | undefined {
  const twin = byLook.get(slugLookAlikeKey(paper.id));
  if (twin === undefined || twin.id === paper.id) return undefined;
  const letters = lookAlikeLetters(paper.id, twin.id, (char) => scriptsOf(char).script ?? 'Common');
  const which = letters.length > 0 ? ` (${letters.slice(0, 6).join(', ')})` : '';
  const message = `its address /${paperPaths(paper.id).page} reads as /${paperPaths(twin.id).page}, the address of ${twin.file}${which}: a reader could not tell the two papers' links apart. Rename one of them: name it for its paper's arXiv id (2306.13575.mdx) or a slug that reads as no other.`;
  return { kind: 'address-look-alike', message, otherFiles: [twin.file] };
}

/** A problem two papers' files make together, with the other file it names (ContentProblem.otherFiles). */
type Clash = Required<Pick<ContentProblem, 'kind' | 'message' | 'otherFiles'>>;

/** Why a paper's outputs cannot be written beside those already claimed, or undefined. */
function outputClash(
  { page, files }: ReturnType<typeof paperPaths>,
  outputs: ReadonlyMap<string, CollisionCandidate>,
  folders: ReadonlyMap<string, CollisionCandidate>,
): Clash | undefined {
  const clash = (message: string, other: CollisionCandidate): Clash => ({
    kind: 'output-clash',
    message,
    otherFiles: [other.file],
  });
  for (const output of files) {
    const key = output.toLowerCase();
    const same = outputs.get(key);
    if (same) {
      return clash(
        paperPaths(same.id).page.toLowerCase() === page.toLowerCase()
          ? `publishes at the same URL (/${page}) as ${same.file}: rename one of them.`
          : `writes ${output}, which ${same.file} writes too: rename one of them.`,
        same,
      );
    }
    const inside = folders.get(key);
    if (inside)
      return clash(
        `writes the file ${output}, which is a folder of ${inside.file}'s outputs: rename one of them.`,
        inside,
      );
    for (const folder of foldersOf(key)) {
      const owner = outputs.get(folder);
      if (owner) return clash(`writes ${output} inside ${folder}, a file of ${owner.file}: rename one of them.`, owner);
    }
  }
  return undefined;
}

/** The folders an output path is written in: `papers/x/index.html` → `papers`, `papers/x`. */
export function foldersOf(path: string): string[] {
  const folders: string[] = [];
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    folders.push(path.slice(0, slash));
  }
  return folders;
}
