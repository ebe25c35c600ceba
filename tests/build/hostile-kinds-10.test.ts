import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS_10 } from '../helpers/hostile-kinds-10.ts';

/**
 * The tenth pass's hostile kinds (tests/helpers/hostile-kinds-10.ts: text YAML reads as a list or
 * a mapping, odd keys and scalars, combining marks alone, an alias bomb, a second frontmatter block,
 * odd links, long words and emoji flags) as one content folder: `npm run check` refuses each it
 * must, naming its field, in lines a terminal shows as text; the rest build into a site every
 * consumer reads as safe data, where a link's quote is percent-encoded in the page's attribute.
 */
describe('hostile kinds, tenth pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { kept, outDir } = await checkThenBuildKinds('kinds10', HOSTILE_KINDS_10);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    const page = readFileSync(join(outDir, 'papers', 'link-quote-attribute', 'index.html'), 'utf8');
    expect(page).toContain('href="https://github.com/a/b%22onmouseover=alert(1)"');
    expect(page).not.toMatch(/"\s*onmouseover=/);
  }, 900_000);
});
