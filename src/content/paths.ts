import { siteConfig } from '../site.config.ts';

/**
 * Where content lives, relative to the project root. Tests and the benchmark point the build at
 * another folder with PAPER_DIGEST_CONTENT (see site.config.ts); everyone else uses `content/`.
 */
export const CONTENT_DIR = siteConfig.contentDir;
export const PAPERS_DIR = `${CONTENT_DIR}/papers`;
export const TOPICS_FILE = `${CONTENT_DIR}/topics.yaml`;

/**
 * The folder a command was typed in, where a path the contributor gives on its line starts: npm
 * runs a script from the project's root, whatever folder it was typed in, and says which folder
 * that was in INIT_CWD (only when it runs this `script`: a value left from an outer npm is some
 * other command's). Run with `node`, the working folder. The script passes its environment and
 * working folder: src/site.config.ts is the one module of the site that reads the environment.
 */
export function typedIn(
  script: string,
  env: Readonly<Record<string, string | undefined>>,
  workingFolder: string,
): string {
  return (env.npm_lifecycle_event === script && env.INIT_CWD) || workingFolder;
}
