import { verifyPages, verifySearchIndex, type VerifyOptions } from '../../src/integrations/verify/index.ts';
import {
  LinkChecker,
  listFiles,
  scanSite,
  uncheckedReason,
  type LinkProblem,
} from '../../src/integrations/verify/links.ts';

/**
 * The build's checks of a finished site, composed as src/integrations/publish.ts runs them (there,
 * the page checks run while the search index is written), for tests that check a folder at once.
 */
export async function verifySite(outDir: string, options: VerifyOptions): Promise<string[]> {
  const pages = await verifyPages(outDir, options);
  return [...pages.problems, ...(await verifySearchIndex(outDir, pages.paperPages))];
}

/** The internal-link check alone, with its problems as records rather than lines. */
export async function checkInternalLinks(
  outDir: string,
  options: { site: string; base: string },
): Promise<LinkProblem[]> {
  const files = await listFiles(outDir);
  const checker = new LinkChecker(files, options);
  const unchecked: LinkProblem[] = [];
  await scanSite(
    outDir,
    files,
    (file, scan) => checker.addPage(file, scan),
    (file, error) => unchecked.push({ page: file, link: '', reason: uncheckedReason(error) }),
  );
  return [...unchecked, ...checker.finish()];
}
