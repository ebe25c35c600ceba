import { siteConfig } from '../site.config.ts';

/**
 * Where content lives, relative to the project root. Tests and the benchmark point the build at
 * another folder with PAPER_DIGEST_CONTENT (see site.config.ts); everyone else uses `content/`.
 */
export const CONTENT_DIR = siteConfig.contentDir;
export const PAPERS_DIR = `${CONTENT_DIR}/papers`;
export const TOPICS_FILE = `${CONTENT_DIR}/topics.yaml`;
