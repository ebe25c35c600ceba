import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { authorSlug } from '../../src/lib/authors.ts';
import { checkThenBuildKinds } from '../helpers/hostile-build.ts';
import { HOSTILE_KINDS } from '../helpers/hostile-kinds.ts';
import { readXml, xmlElements, xmlText } from '../helpers/xml.ts';

/**
 * The hostile kinds (tests/helpers/hostile-kinds.ts: YAML features, NFC/NFD twins, MDX syntax,
 * math that reaches out, CDATA ends, titles with nothing to read) as one content folder: the check
 * over the folder refuses each it must, naming file, line and field; the rest build into a site
 * every consumer reads as safe data (distProblems), where the NFC and NFD spellings of one name
 * have one author page, and a feed reader reads each `]]>` back as the text written.
 */
describe('hostile kinds: YAML, normalisation, MDX, math, CDATA, empty titles', () => {
  it('are refused naming file, line and field, or build into outputs each consumer reads safely', async () => {
    const { outDir } = await checkThenBuildKinds('kinds', HOSTILE_KINDS);

    // One author page for the NFC and NFD spellings of one name.
    const twin = authorSlug('Zo\u00EB Ng\u00F4');
    const authorDirs = readdirSync(join(outDir, 'authors')).filter((name) => name.startsWith(twin.slice(0, 2)));
    expect(authorDirs).toEqual([twin]);

    // A feed reader reads each `]]>` back as the text written (an abstract's, a title's).
    const rss = readXml(readFileSync(join(outDir, 'rss.xml'), 'utf8'));
    // An item's description is HTML inside the XML: read as a feed reader shows it.
    const texts = xmlElements(rss, 'item')
      .flatMap((item) => [...xmlElements(item, 'title'), ...xmlElements(item, 'description')])
      .map((field) => toText(fromHtml(xmlText(field), { fragment: true })))
      .join('\n');
    expect(texts).toContain(']]> alone');
    expect(texts).toContain('Arrays ]]> and');
  }, 900_000);
});
