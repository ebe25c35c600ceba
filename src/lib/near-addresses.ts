import { AUTHOR_LIST_PAGES } from './urls.ts';

/**
 * Addresses near one the site has no page at, for the 404 page to try (src/pages/404.astro) and
 * offer the first that exists. A reader reaches a missing page by an address that is nearly right:
 *
 * - letters in upper case (`/topics/Machine-Learning/`): every slug and paper id is lower case
 *   (src/content/paper-id.ts), but a static host's paths are case-sensitive;
 * - an arXiv id with its version (`/papers/2306.13575v2/`): the digest has one page per paper;
 * - a file name (`/papers/2306.13575.html`, `…/index.html`) or no final slash;
 * - a page number the list does not have: `/topics/x/1/` (the first page is `/topics/x/`, its
 *   one address) or one past the last page, also of the A–Z list of authors (`/authors/-/9/` and
 *   its folder `/authors/-/`, AUTHOR_LIST_PAGES, are `/authors/`; no other list's `-/`); the
 *   list's first page says how many it has;
 * - a day or month without papers (`/2024/11/05/`): its month's page, else its year's.
 *
 * - slashes doubled (`/topics//robots/`), one slash to a reader.
 *
 * Only the part after the site's base path is changed: a base path may have capitals of its own
 * (a GitHub Pages project `/Paper-Digest/`). Nearest first; none that is the address itself, and
 * only addresses on this site: a stranger writes the link, and `//evil.example/X/` spelt in lower
 * case is still another site's address (a browser reads `//` as the start of a host).
 */
export function nearAddresses(pathname: string, base: string): string[] {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!pathname.startsWith(`${root}/`)) return [];
  const rest = pathname.slice(root.length);
  let text = rest;
  try {
    text = decodeURI(rest); // `%D0%98` is `И`, whose lower case is `и`
  } catch {
    // A malformed escape: the letters around its escapes, which stay as they are written.
  }
  // What changes nothing but the spelling of the same page.
  let same = text
    .replace(/%[0-9A-Fa-f]{0,2}|[^%]+/g, (part) => (part.startsWith('%') ? part : part.toLowerCase()))
    .replace(/\/{2,}/g, '/')
    .replace(/(?<=\/)(\d{4}\.\d{4,5})v\d+(?=\/|\.html?$|$)/g, '$1')
    .replace(/\/index\.html?$/, '/')
    .replace(/\.html?$/, '');
  if (!same.endsWith('/')) same += '/';
  if (text !== rest) same = encodeURI(same);
  // The list a page number belongs to: its first page (a number after at least one segment). The
  // A–Z list of authors alone numbers its pages in a folder of their own (`/authors/-/7/`), whose
  // first page is `/authors/`; that folder alone (a page's address cut back by hand) is the list
  // too. Elsewhere `-/` is no part of a page number (`/topics/-/2/` is not `/topics/`).
  const list =
    same.startsWith(`/${AUTHOR_LIST_PAGES}`) && /^(?:\d+\/)?$/.test(same.slice(AUTHOR_LIST_PAGES.length + 1))
      ? `/${AUTHOR_LIST_PAGES.replace(/-\/$/, '')}`
      : same.replace(/(?<=^\/.+\/)\d+\/$/, '');
  // A date the digest has no page for (`/2024/11/05/`, a day of a month without papers): its
  // month, then its year, the nearest pages of the archive that may list that time.
  const date = /^\/(\d{4})\/(\d{2})\/(?:\d{2}\/)?/.exec(same);
  const calendar = date ? [`/${date[1]}/${date[2]}/`, `/${date[1]}/`] : [];
  return [...new Set([same, list, ...calendar])]
    .filter((candidate) => candidate !== rest)
    .map((candidate) => root + candidate)
    .filter(onThisSite);
}

/** Whether a path, read as a link on this site's pages, stays on this site. */
function onThisSite(path: string): boolean {
  const here = 'https://site.invalid';
  return path.startsWith('/') && new URL(path, here).origin === here;
}
