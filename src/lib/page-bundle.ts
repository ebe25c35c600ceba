import { Parser } from 'htmlparser2';
import { BUNDLE_FOLDER, pathProblem, type BundledFile } from './file-bundle.ts';

/**
 * A page bundle: many pages of one layout rendered by one route, so Astro spends its cost per
 * route (about a millisecond) once, and renders the layout once, for a few hundred pages. Used for
 * the author pages (src/data/author-pages.ts), most of a digest's pages.
 *
 * The route renders the layout once, with marker elements (named below) where each page's own
 * parts go: PAGE_HEAD_SLOT in the head, where BaseLayout would render PageHead, and PAGES in the
 * main, holding for each page a PAGE_HEAD and a PAGE_MAIN element whose `data-file` is where that
 * page is written. The publish step (src/integrations/bundles.ts) cuts every page out with
 * decodePageBundle: the layout's text around the two slots, each page's parts in them, byte for
 * byte, so a page is what its own route would have rendered, up to the order of its head's tags.
 *
 * The markers are found by parsing, not by searching the text: a page's text can hold any string,
 * but Astro escapes `<` in text, and a parser does not mistake an attribute's value for a tag.
 */

/** Where the page bundles are written, inside the file bundles' folder: `<this>/<name>/index.html`. */
export const PAGE_BUNDLE_FOLDER = `${BUNDLE_FOLDER}/pages`;

/** The marker elements, custom element names no page of the site uses. */
export const PAGE_BUNDLE_MARKERS = {
  headSlot: 'paper-digest-head-slot',
  pages: 'paper-digest-pages',
  pageHead: 'paper-digest-page-head',
  pageMain: 'paper-digest-page-main',
} as const;

interface Marker {
  name: string;
  file: string | undefined;
  /** The whole element: from `<` of its start tag to after `>` of its end tag. */
  outer: [number, number];
  /** What it holds. */
  inner: [number, number];
}

/** The pages a bundle carries, as [file, html] in their order; `name` names the bundle in errors. */
export function decodePageBundle(html: string, name: string): BundledFile[] {
  const markers = findMarkers(html, name);
  const one = (element: string): Marker => {
    const found = markers.filter((marker) => marker.name === element);
    if (found.length !== 1) throw new Error(`${name}: holds ${found.length} <${element}> elements, not one`);
    return found[0]!;
  };
  const slot = one(PAGE_BUNDLE_MARKERS.headSlot);
  const pages = one(PAGE_BUNDLE_MARKERS.pages);
  if (slot.outer[1] > pages.outer[0]) {
    throw new Error(`${name}: <${PAGE_BUNDLE_MARKERS.headSlot}> must come before <${PAGE_BUNDLE_MARKERS.pages}>`);
  }

  const parts = new Map<string, { head?: string; main?: string }>();
  for (const marker of markers) {
    const part =
      marker.name === PAGE_BUNDLE_MARKERS.pageHead
        ? 'head'
        : marker.name === PAGE_BUNDLE_MARKERS.pageMain
          ? 'main'
          : undefined;
    if (!part) continue;
    const where = `${name}: <${marker.name} data-file="${marker.file ?? ''}">`;
    if (marker.outer[0] < pages.inner[0] || marker.outer[1] > pages.inner[1]) {
      throw new Error(`${where} lies outside <${PAGE_BUNDLE_MARKERS.pages}>`);
    }
    if (marker.file === undefined) throw new Error(`${where} has no data-file`);
    const problem = pathProblem(marker.file);
    if (problem) throw new Error(`${where}: ${problem}`);
    const page = parts.get(marker.file) ?? {};
    if (page[part] !== undefined) throw new Error(`${where} is the second ${part} of that page`);
    page[part] = html.slice(...marker.inner);
    parts.set(marker.file, page);
  }

  const beforeHead = html.slice(0, slot.outer[0]);
  const betweenHeadAndMain = html.slice(slot.outer[1], pages.outer[0]);
  const afterMain = html.slice(pages.outer[1]);
  return [...parts].map(([file, { head, main }]) => {
    if (head === undefined || main === undefined) {
      throw new Error(`${name}: the page ${file} has no ${head === undefined ? 'head' : 'main'} part`);
    }
    return [file, beforeHead + head + betweenHeadAndMain + main + afterMain] as const;
  });
}

/**
 * Every marker element of the bundle, in the order they close. Only a page's parts may sit inside
 * another marker, the pages element; each marker must be closed by its own end tag.
 */
function findMarkers(html: string, name: string): Marker[] {
  const markerNames = new Set<string>(Object.values(PAGE_BUNDLE_MARKERS));
  const isPart = (tag: string) => tag === PAGE_BUNDLE_MARKERS.pageHead || tag === PAGE_BUNDLE_MARKERS.pageMain;
  const markers: Marker[] = [];
  const open: { name: string; file: string | undefined; start: number; innerStart: number }[] = [];
  const parser: Parser = new Parser({
    onopentag(tag, attributes) {
      if (!markerNames.has(tag)) return;
      const parent = open.at(-1);
      if (parent && !(parent.name === PAGE_BUNDLE_MARKERS.pages && isPart(tag))) {
        throw new Error(`${name}: <${tag}> inside <${parent.name}>`);
      }
      open.push({
        name: tag,
        file: attributes['data-file'],
        start: parser.startIndex,
        innerStart: parser.endIndex + 1,
      });
    },
    onclosetag(tag, isImplied) {
      const marker = open.at(-1);
      if (!marker || tag !== marker.name) return;
      if (isImplied) throw new Error(`${name}: <${tag}> is not closed`);
      open.pop();
      markers.push({
        name: marker.name,
        file: marker.file,
        outer: [marker.start, parser.endIndex + 1],
        inner: [marker.innerStart, parser.startIndex],
      });
    },
  });
  parser.end(html);
  if (open.length > 0) throw new Error(`${name}: <${open.at(-1)!.name}> is not closed`);
  return markers;
}
