/**
 * The one form of an outside URL that any output (BibTeX, feeds, citation meta, JSON-LD) may hold:
 * parsed once by the WHATWG URL parser, which browsers use, and written back as its normalized
 * `href`. `https://arxiv.org\@evil.example/` is then the same address everywhere (the parser reads
 * the backslash as a slash, as a browser does). Only https, with no user name or password, passes;
 * anything else gives `undefined`, and the output leaves the link out. The schema normalizes links
 * the same way before this: this is the outputs' own guard.
 */
export function outputUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
