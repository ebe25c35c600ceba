import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { glob } from 'tinyglobby';

/**
 * What an HTML validator finds wrong in the pages of a built site: html-validate's rules for the
 * HTML standard (content models, attributes, ids, nesting), for whole documents (doctype, lang,
 * title) and for accessibility (WCAG techniques: labels, names, headings, submit buttons).
 * Browsers repair invalid HTML each in its own way; screen readers, crawlers and reader modes
 * read what the repair made. Two rules are left out, each for a reason of this site's:
 */
const config: ConfigData = {
  extends: ['html-validate:standard', 'html-validate:document', 'html-validate:a11y'],
  rules: {
    // Subresource integrity guards files from another origin; every script and stylesheet here
    // comes from the page's own, under a CSP that allows no other.
    'require-sri': 'off',
    // A scrolling `<pre>` (the BibTeX entry) or formula box is a named region: no native element
    // is both a `<pre>` or a formula's box and a region.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
};

/** Every problem in the site's HTML pages, as `page:line:column rule message`. */
export async function htmlProblems(outDir: string): Promise<string[]> {
  const validator = new HtmlValidate(config);
  const problems: string[] = [];
  for (const path of (await glob('**/*.html', { cwd: outDir, absolute: true })).sort()) {
    const report = await validator.validateString(await readFile(path, 'utf8'), path);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push(
          `${relative(outDir, path)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
        );
      }
    }
  }
  return problems;
}
