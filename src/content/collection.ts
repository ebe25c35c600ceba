import type { ContentProblem } from './problems.ts';
import type { ValidPaper } from './validate.ts';
import { canonicalOrUndefined } from '../lib/arxiv-id.ts';

/** What the cross-file checks look at: a valid paper, or a quick scan of one (`new-paper`). */
export type CollisionCandidate = Pick<ValidPaper, 'id' | 'file'> & {
  data: { arxiv?: string | undefined };
  lines: { arxiv: number };
};

/**
 * Checks across papers that no single file can see: two files for the same arXiv paper, and two
 * files that would publish at the same URL (same file name in different folders).
 */
export function findCollisions(papers: readonly CollisionCandidate[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byId = new Map<string, CollisionCandidate>();
  const byArxiv = new Map<string, CollisionCandidate>();
  for (const paper of [...papers].sort((a, b) => a.file.localeCompare(b.file))) {
    const sameUrl = byId.get(paper.id.toLowerCase());
    if (sameUrl) {
      problems.push({
        file: paper.file,
        line: 1,
        field: 'file',
        message: `publishes at the same URL (/papers/${paper.id}/) as ${sameUrl.file}: rename one of them.`,
      });
    } else {
      byId.set(paper.id.toLowerCase(), paper);
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
        message: `arXiv ${arxiv} is already in the digest as ${twin.file}:${twin.lines.arxiv}${twin.data.arxiv === arxiv ? '' : ` (written ${twin.data.arxiv ?? ''}, the same paper)`}: keep one of them.`,
      });
    } else {
      byArxiv.set(canonical, paper);
    }
  }
  return problems;
}
