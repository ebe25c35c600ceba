/**
 * Where content lives, relative to the project root. Tests and the benchmark point the build at
 * another folder with PAPER_DIGEST_CONTENT; everyone else uses `content/`.
 */
export const CONTENT_DIR = process.env.PAPER_DIGEST_CONTENT ?? 'content';
export const PAPERS_DIR = `${CONTENT_DIR}/papers`;
export const TOPICS_FILE = `${CONTENT_DIR}/topics.yaml`;
