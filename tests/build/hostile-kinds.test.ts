import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { authorSlug } from '../../src/lib/authors.ts';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';
import { HOSTILE_KINDS } from '../helpers/hostile-kinds.ts';
import { distProblems } from '../helpers/output-consumers.ts';
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
    const content = relative(projectRoot, await mkdtemp(join(buildsDir, 'kinds-')));
    const papers = join(projectRoot, content, 'papers', '2025');
    await mkdir(papers, { recursive: true });
    await writeFile(join(projectRoot, content, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const kind of HOSTILE_KINDS) await writeFile(join(papers, `${kind.id}.mdx`), kind.file);

    const { problems } = await checkContent({
      root: projectRoot,
      papersDir: `${content}/papers`,
      topicsFile: `${content}/topics.yaml`,
    });
    for (const kind of HOSTILE_KINDS) {
      const found = problems.filter((problem) => problem.file === `${content}/papers/2025/${kind.id}.mdx`);
      if (kind.refused === undefined) expect(found, kind.id).toEqual([]);
      else
        expect(
          found.map((problem) => problem.field),
          kind.id,
        ).toContain(kind.refused);
    }

    // The accepted ones alone, as a site.
    const accepted = join(projectRoot, content, 'accepted');
    await mkdir(join(accepted, 'papers', '2025'), { recursive: true });
    await writeFile(join(accepted, 'topics.yaml'), readFileSync(join(projectRoot, 'content/topics.yaml')));
    for (const kind of HOSTILE_KINDS.filter((each) => each.refused === undefined)) {
      await writeFile(join(accepted, 'papers', '2025', `${kind.id}.mdx`), kind.file);
    }
    const built = await buildFixture(relative(projectRoot, accepted));
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    expect(distProblems(built.outDir)).toEqual([]);

    // One author page for the NFC and NFD spellings of one name.
    const twin = authorSlug('Zo\u00EB Ng\u00F4');
    const authorDirs = readdirSync(join(built.outDir, 'authors')).filter((name) => name.startsWith(twin.slice(0, 2)));
    expect(authorDirs).toEqual([twin]);

    // A feed reader reads each `]]>` back as the text written (an abstract's, a title's).
    const rss = readXml(readFileSync(join(built.outDir, 'rss.xml'), 'utf8'));
    // An item's description is HTML inside the XML: read as a feed reader shows it.
    const texts = xmlElements(rss, 'item')
      .flatMap((item) => [...xmlElements(item, 'title'), ...xmlElements(item, 'description')])
      .map((field) => toText(fromHtml(xmlText(field), { fragment: true })))
      .join('\n');
    expect(texts).toContain(']]> alone');
    expect(texts).toContain('Arrays ]]> and');
  }, 900_000);
});
