import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS_12 } from '../helpers/hostile-kinds-12.ts';

/**
 * The twelfth pass's hostile kinds (tests/helpers/hostile-kinds-12.ts: fields of exotic spaces
 * only, a topic YAML reads as a number, links to hosts under domains of local machines, dates with
 * a one-digit month or a time of day) as one content folder: `npm run check` refuses each it must,
 * naming its field, in lines a terminal shows as text; the two kept (a web host named with a local
 * domain's word, a title YAML folds from two lines) build into outputs each consumer reads as data.
 */
describe('hostile kinds, twelfth pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { kept, outDir } = await checkThenBuildKinds('kinds12', HOSTILE_KINDS_12);
    expect(kept.map((kind) => kind.id)).toEqual(['link-local-word-host', 'title-folded-plain']);
    const page = readFileSync(join(outDir, 'papers', 'title-folded-plain', 'index.html'), 'utf8');
    expect(page).toContain('<h1');
    expect(page).toContain('A title folded onto two lines');
    const linked = readFileSync(join(outDir, 'papers', 'link-local-word-host', 'index.html'), 'utf8');
    expect(linked).toContain('href="https://localhost.org/a"');
  }, 900_000);
});
