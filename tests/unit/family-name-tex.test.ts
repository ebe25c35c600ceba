import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familyName } from '../../src/lib/authors.ts';
import { formatAuthor } from '../../src/lib/bibtex.ts';
import { seededRandom } from '../../src/bench/random.ts';
import { hasTex } from '../helpers/latex.ts';

/**
 * The family name the reference, the citation tags and the citation key use (familyName) is the
 * one BibTeX reads from the `.bib` entry: asked of BibTeX itself, through a style that prints
 * each author's `{vv~}{ll}` (von and last parts), for names made of given names, particles
 * (`van`, `de`, `'t`, `’s`, `d'Alembert`), family names, suffixes and a note in brackets.
 */
const STYLE = String.raw`ENTRY { author } {} {}
INTEGERS { n i }
FUNCTION {family.names}
{ author num.names$ 'n :=
  #1 'i :=
  { i n #1 + < }
  { author i "{vv~}{ll}" format.name$ write$ newline$
    i #1 + 'i :=
  }
  while$
}
FUNCTION {misc} { }
READ
ITERATE {family.names}
`;

/** What BibTeX reads as each author's family name (von and last parts), in order. */
function bibtexFamilyNames(authors: readonly string[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'family-'));
  try {
    const entries = authors.map((author, index) => `@misc{k${index}, author = {${formatAuthor(author)}}}`);
    writeFileSync(join(folder, 'refs.bib'), `${entries.join('\n')}\n`);
    writeFileSync(join(folder, 'family.bst'), STYLE);
    writeFileSync(join(folder, 'main.aux'), '\\citation{*}\n\\bibdata{refs}\n\\bibstyle{family}\n');
    const run = spawnSync('bibtex', ['main'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stdout).toBe(0);
    // Ties (`~`) stand where BibTeX may break no line: spaces in the name.
    return readFileSync(join(folder, 'main.bbl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.replaceAll('~', ' '));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Names of given names, particles, family names and a suffix, drawn by a seeded generator. */
function randomNames(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  const some = (words: readonly string[], least: number, most: number) =>
    Array.from({ length: least + Math.floor(random() * (most - least + 1)) }, () => pick(words));
  return Array.from({ length: count }, () =>
    [
      pick(['Gerard', 'Hans', 'Jean-Pierre', 'Ana Maria', 'J.', 'Mary-Jane', "D'Arcy"]),
      // The name one goes by, in any case, brackets or quotes: no particle.
      pick(['', '', '(paul)', '"jimmy"', '“big al”', '[de]', '(Paul)']),
      ...some(['van', 'de', 'der', "'t", '’s', 'la', 'del', "d'Alembert"], 0, 2),
      ...some(['Hooft', 'Maaten', "O'Neil", 'Gravesande', 'Torre', 'Mar', 'McDonald'], 1, 2),
      pick(['', '', 'Jr.', 'III']),
      // A note in brackets or quotes after the name (an affiliation, a nickname) is no family name.
      pick(['', '', '', '(Tokyo)', '[ETH Zürich]', '"Jimmy"', '“big al”']),
    ]
      .filter(Boolean)
      .join(' '),
  );
}

describe.runIf(hasTex)('the family name, as BibTeX reads it', () => {
  it("agrees with BibTeX on names with particles, 't and ’s among them", () => {
    const sample = [
      "Gerard 't Hooft",
      'Gerard ’t Hooft',
      "Hans van 't Hof",
      'Laurens van der Maaten',
      'Maria del Mar Alguacil',
      "Jean le Rond d'Alembert",
      'Jun Example (Tokyo)',
      'Example, Jun (Tokyo)',
      'Yuanzhi (paul) Li',
      'Jiaming "jimmy boy" Ma',
      'Laurens van der Maaten (Delft)',
      ...randomNames(300, 20),
    ];
    const read = bibtexFamilyNames(sample);
    expect(sample.map((name) => `${name} → ${formatAuthor(familyName(name))}`)).toEqual(
      sample.map((name, index) => `${name} → ${read[index]}`),
    );
  });
});
