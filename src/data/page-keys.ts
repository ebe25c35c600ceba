import { createHash } from 'node:crypto';
import { siteConfig } from '../site.config.ts';
import { getTopics, type Paper } from './papers.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is not rendered again. Astro already hashes the
 * page's code and the config (site, base); the key must cover every piece of *data* the page
 * shows. So each key holds the site settings (some come from the environment), the topic
 * vocabulary (names appear on every page) and the route's params and props, with each paper
 * reduced to its id and digest: the digest changes whenever the paper's file does.
 *
 * The rule that makes this sound: a keyed page reads its data from its props only (plus the site
 * settings and topics), never from the query layer while it renders.
 *
 * Forgetting an input here means a stale page, so tests/build/incremental.test.ts compares an
 * incremental rebuild with a clean build of the same content, byte for byte.
 */
export function withCacheKeys<Path extends { params: object; props: object }>(
  paths: Path[],
): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: pageKey(path.params, path.props) }));
}

export function pageKey(...inputs: unknown[]): string {
  return createHash('sha256')
    .update(siteSettingsDigest())
    .update(JSON.stringify(inputs, paperAsDigest))
    .digest('base64url');
}

let settingsDigest: string | undefined;
/** Digested once per build: the settings are the same for every page, and the topics are long. */
function siteSettingsDigest(): string {
  // Where content, output and cache live changes no page; everything else in the settings may.
  const { contentDir: _contentDir, outDir: _outDir, cacheDir: _cacheDir, ...shown } = siteConfig;
  settingsDigest ??= createHash('sha256')
    .update(JSON.stringify([shown, getTopics()]))
    .digest('base64url');
  return settingsDigest;
}

/**
 * A paper's id and digest stand for all of it (and avoid reading its rendered HTML), with the page
 * of its day that lists it, which other papers decide.
 */
function paperAsDigest(_key: string, value: unknown): unknown {
  return isPaper(value) ? `${value.id}@${value.digest}@${value.dayPage}` : value;
}

function isPaper(value: unknown): value is Paper {
  return typeof value === 'object' && value !== null && 'digest' in value && 'excerptHtml' in value;
}
