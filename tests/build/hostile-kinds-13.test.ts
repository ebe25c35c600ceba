import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS_13 } from '../helpers/hostile-kinds-13.ts';

/**
 * The thirteenth pass's hostile kinds (tests/helpers/hostile-kinds-13.ts: links to hosts under no
 * top-level domain of the DNS or under private networks' names, links whose path holds `.` or `..`
 * parts, MDX and KaTeX not tried before, names of invisible fillers) as one content folder: `npm run
 * check` refuses each it must, naming its field, in lines a terminal shows as text; the three kept
 * (real hosts named with a reserved word, example.org, dots that are no path part) build into
 * outputs each consumer reads as data, their links published as written.
 */
describe('hostile kinds, thirteenth pass: built', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { kept, outDir } = await checkThenBuildKinds('kinds13', HOSTILE_KINDS_13);
    expect(kept.map((kind) => kind.id)).toEqual([
      'link-reserved-words-real-hosts',
      'link-example-org-kept',
      'link-dots-not-parts',
    ]);
    const page = (id: string) => readFileSync(join(outDir, 'papers', id, 'index.html'), 'utf8');
    const hosts = page('link-reserved-words-real-hosts');
    for (const href of ['https://corp.com/x', 'https://test.com/', 'https://example.edu/p.pdf', 'https://lan.de/'])
      expect(hosts).toContain(`href="${href}"`);
    expect(page('link-dots-not-parts')).toContain('href="https://github.com/owner/repo/...x/..y?next=../z#../w"');
  }, 900_000);
});
