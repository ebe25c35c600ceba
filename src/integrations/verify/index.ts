import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../../lib/urls.ts';
import { xmlErrors } from '../../lib/xml.ts';
import { formatLinkProblem, LinkChecker, listFiles, scanSite } from './links.ts';
import { isUnsafeUrl } from './scan.ts';

/**
 * The checks a finished build must pass before it may be published. `astro build` exits 0 on
 * some broken output (a KaTeX error left as red text, a link to nowhere), so the build runs these
 * on `dist/` at the end and fails when any of them finds something.
 */
export { xmlErrors };

export interface VerifyOptions {
  site: string;
  base: string;
}

export async function verifySite(outDir: string, { site, base }: VerifyOptions): Promise<string[]> {
  const files = await listFiles(outDir);
  const links = new LinkChecker(files, { site, base: normalizeBase(base) });
  const problems: string[] = [];
  let paperPages = 0;
  await scanSite(outDir, files, (file, scan) => {
    if (/^papers\/[^/]+\/index\.html$/.test(file)) paperPages += 1;
    if (!scan.title) problems.push(`${file}: has no <title>`);
    if (!scan.lang) problems.push(`${file}: has no lang attribute on <html>`);
    // The 404 page is served at every missing URL, so it has no canonical URL of its own.
    if (!scan.canonical && file !== '404.html') problems.push(`${file}: has no canonical URL`);
    if (scan.katexErrors > 0) problems.push(`${file}: has ${scan.katexErrors} KaTeX error(s) in its markup`);
    for (const url of scan.urls) {
      if (isUnsafeUrl(url.value)) {
        problems.push(
          `${file}: <${url.element} ${url.attribute}="${url.value.slice(0, 60)}"> uses an unsafe URL scheme`,
        );
      }
    }
    links.addPage(file, scan);
  });
  problems.push(...links.finish().map((problem) => formatLinkProblem(problem)));

  for (const file of [...files].filter((name) => /\.(xml|opml)$/.test(name)).sort()) {
    for (const error of xmlErrors(await readFile(join(outDir, file), 'utf8'))) {
      problems.push(`${file}: is not well-formed XML: ${error}`);
    }
  }
  for (const file of [...files].filter((name) => name.endsWith('.json') && !name.startsWith('pagefind/')).sort()) {
    try {
      JSON.parse(await readFile(join(outDir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: is not valid JSON: ${String(error)}`);
    }
  }

  // Only paper pages may be in the search index: exactly one entry per paper page.
  if (files.has('pagefind/pagefind-entry.json')) {
    const entry = JSON.parse(await readFile(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (indexed !== paperPages) {
      problems.push(`pagefind/: the search index holds ${indexed} pages, but there are ${paperPages} paper pages`);
    }
  } else {
    problems.push('pagefind/: the search index was not written');
  }
  return problems;
}

/** Runs verifySite() after every build (after the search index is written) and fails on problems. */
export function verifyBuild(options: VerifyOptions): AstroIntegration {
  return {
    name: 'paper-digest:verify',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const problems = await verifySite(fileURLToPath(dir), options);
        if (problems.length > 0) {
          const shown = problems.slice(0, 50).map((problem) => `  - ${problem}`);
          if (problems.length > 50) shown.push(`  … and ${problems.length - 50} more`);
          throw new Error(`The build output failed verification (${problems.length} problems):\n${shown.join('\n')}`);
        }
        logger.info(`dist/ verified in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
