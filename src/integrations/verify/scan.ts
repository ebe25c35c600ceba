import { Parser } from 'htmlparser2';

/** What the post-build checks need from one HTML page, gathered in a single parse. */
export interface PageScan {
  ids: Set<string>;
  /**
   * The links to check, as written: each `href`, `src`, `action`… (not `srcset`) of an element
   * that navigates or loads (LINK_ELEMENTS).
   */
  links: string[];
  /** Every URL-bearing attribute, of any element, whose URL a browser would run (`isUnsafeUrl`). */
  unsafeUrls: { element: string; attribute: string; value: string }[];
  lang?: string;
  title: string;
  canonical?: string;
  /** Elements KaTeX marks as failed (`katex-error`). */
  katexErrors: number;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'srcset', 'data']);

/** Elements whose `href`/`src` is a link to navigate or a resource to load (not metadata). */
const LINK_ELEMENTS = new Set(['a', 'link', 'script', 'img', 'source', 'iframe', 'form', 'area', 'audio', 'video']);

/** `katex-error` as one of the classes of a `class` attribute (HTML splits classes at ASCII whitespace). */
const KATEX_ERROR_CLASS = /(?:^|[\t\n\f\r ])katex-error(?:[\t\n\f\r ]|$)/;

/**
 * Returns each string as an unshared copy, the same copy for equal strings. The parser's strings
 * are slices of the page's text, and V8 keeps a whole string alive for any slice of it: the scans
 * of a 10,000-paper site, kept until the build ends, held about 900 MB of page text this way
 * (55 MB once copied). Pages share most of their links (the header's, every card's), so equal
 * strings are kept once. One pool per build: it holds every distinct string it was given.
 */
export function stringPool(): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    let kept = pool.get(text);
    if (kept === undefined) {
      // A new string with the same code units, lone surrogates included (UTF-8 would not keep them).
      kept = JSON.parse(JSON.stringify(text)) as string;
      pool.set(kept, kept);
    }
    return kept;
  };
}

export function scanHtml(html: string, keep: (text: string) => string = stringPool()): PageScan {
  const scan: PageScan = { ids: new Set(), links: [], unsafeUrls: [], title: '', katexErrors: 0 };
  const keepOptional = (text: string | undefined) => (text === undefined ? undefined : keep(text));
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) scan.ids.add(keep(attributes.id));
        if (name === 'a' && attributes.name) scan.ids.add(keep(attributes.name));
        if (name === 'html') scan.lang = keepOptional(attributes.lang);
        if (name === 'title') inTitle = true;
        if (name === 'link' && attributes.rel?.split(/\s+/).includes('canonical')) {
          scan.canonical = keepOptional(attributes.href);
        }
        // Tested without splitting or copying: a paper page's KaTeX markup is thousands of elements.
        if (attributes.class !== undefined && KATEX_ERROR_CLASS.test(attributes.class)) scan.katexErrors += 1;
        for (const attribute in attributes) {
          if (!URL_ATTRIBUTES.has(attribute)) continue;
          const value = attributes[attribute]!;
          if (LINK_ELEMENTS.has(name) && attribute !== 'srcset') scan.links.push(keep(value));
          if (isUnsafeUrl(value))
            scan.unsafeUrls.push({ element: keep(name), attribute: keep(attribute), value: keep(value) });
        }
      },
      ontext(text) {
        if (inTitle) scan.title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  scan.title = keep(scan.title.trim());
  return scan;
}

/**
 * True for URLs a browser would run or that could smuggle content: `javascript:`, `vbscript:`,
 * `data:` and `file:`, in any case and with the whitespace/control characters browsers ignore.
 */
export function isUnsafeUrl(value: string): boolean {
  const normalized = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data|file):/.test(normalized);
}
