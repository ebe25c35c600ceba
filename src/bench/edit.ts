/**
 * The edit of the "typo fixed" warm rebuild: one word of a paper's abstract changes, nothing else.
 * The first word of at least MIN_LETTERS letters in the body, outside math, has its last two
 * letters swapped (`network` → `netwokr`): the same work for the build as fixing a real typo.
 */
export interface WordEdit {
  text: string;
  before: string;
  after: string;
}

const MIN_LETTERS = 6;

export function editOneWord(mdx: string): WordEdit {
  const frontmatterEnd = /^---$/gm;
  frontmatterEnd.exec(mdx);
  if (!frontmatterEnd.exec(mdx)) throw new Error('no frontmatter: not a paper');
  const bodyStart = frontmatterEnd.lastIndex;
  const body = mdx.slice(bodyStart);
  // Math spans are matched first so that the words inside them are skipped.
  const tokens = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$|\b[A-Za-z]+\b/g;
  for (const match of body.matchAll(tokens)) {
    const word = match[0];
    if (word.startsWith('$') || word.length < MIN_LETTERS || word.at(-1) === word.at(-2)) continue;
    const after = word.slice(0, -2) + word.at(-1)! + word.at(-2)!;
    const at = bodyStart + match.index;
    return { text: mdx.slice(0, at) + after + mdx.slice(at + word.length), before: word, after };
  }
  throw new Error(`no word of ${MIN_LETTERS} letters or more in the abstract to edit`);
}
