import { TOP_LEVEL_DOMAINS } from './top-level-domains.ts';

/*
 * The content rules for a link's host and path, which the frontmatter's links (schema.ts) and the
 * abstract's (pipeline.ts) share. Apart from urls.ts, whose link builders the pages' scripts bundle:
 * the list of top-level domains (node:url, the `tlds` package) must never reach a browser.
 */

/** DNS's limits on a host name (RFC 1035, 2.3.4, in its ASCII form): no resolver looks up a longer one. */
const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/**
 * The special-use domains whose names resolve on the reader's side, never on the web: `localhost`
 * (RFC 6761, which browsers lead to the reader's own machine, `app.localhost` too), `local` (mDNS,
 * RFC 6762: a device on their network, `printer.local`), `home.arpa` (RFC 8375, a home network),
 * `internal` (reserved by ICANN for private networks), and the names RFC 6762's Appendix G finds
 * in use on private networks, which ICANN never delegated for that reason (its name-collision
 * decisions): `intranet`, `private`, `corp`, `home`, `lan` (`router.lan`, `git.corp`). A dot
 * makes none of them a web host. Only whole labels: `corp.com`, `lan.de`, `home.org` are web hosts.
 */
const LOCAL_DOMAINS = ['localhost', 'local', 'home.arpa', 'internal', 'intranet', 'private', 'corp', 'home', 'lan'];

/**
 * Whether a host, as the URL parser writes it, is an IP address (IPv4 in dotted decimal, IPv6 in
 * brackets) or a local name: one without a dot (`localhost`) or under a domain that names local
 * machines (LOCAL_DOMAINS: `admin.localhost`, `printer.local`): no web host with a domain. The
 * first refusal of webHostProblem, which the check's advice for such addresses in text reads too.
 */
export function isAddressOrLocalName(host: string): boolean {
  const name = host.replace(/\.$/, '');
  return (
    host.startsWith('[') ||
    /^[\d.]+$/.test(host) ||
    !host.includes('.') ||
    LOCAL_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))
  );
}

/**
 * Why a parsed link's host is no name on the web, if it is not: it must be labels of letters,
 * digits and hyphens with at least one dot (IDNs are in their `xn--` form by now), within DNS's
 * limits. Not an IP address (IPv4 in any form the parser reads is dotted decimal by now; IPv6 is
 * bracketed) nor a name without a dot (`localhost`, a machine on the reader's own network): from a
 * page or feed they trust, such a link reaches the reader's own machine or network. The WHATWG
 * parser checks no length, so a host no resolver takes would be published as a dead link. One rule
 * and one message for links in abstracts and in the frontmatter: a phrase after "it" or a field.
 */
export function webHostProblem(url: URL): string | undefined {
  const host = url.hostname;
  if (isAddressOrLocalName(host) || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host)) {
    return 'must name a web host with a domain, e.g. "https://github.com/…", not an IP address or a local name';
  }
  const labels = host.split('.');
  // A name under no domain of the root zone leads nowhere from a reader's browser: `.test`,
  // `.example` and `.invalid` are kept out of the DNS for tests and documentation (RFC 2606, RFC
  // 6761), `.onion` is Tor's, anything else a typo or a made-up name. (`example.com`, `.org` and
  // `.net` are in the DNS: IANA serves a page there, so a link to them can be followed.)
  const topLevel = labels[labels.length - 1]!;
  if (!TOP_LEVEL_DOMAINS.has(topLevel)) {
    const reserved = ['test', 'example', 'invalid'].includes(topLevel)
      ? ', which RFC 2606 keeps out of the DNS for tests and examples'
      : '';
    return `must name a host the DNS can find: ".${topLevel}" is no top-level domain of the web${reserved}, so no reader's browser can follow the link: link to the site's real address (if ".${topLevel}" is a new top-level domain, \`npm update tlds\` teaches it to the check)`;
  }
  // Host names' rule (RFC 952, RFC 1123 2.1): a part starts and ends with a letter or digit. It
  // is a naming policy, not DNS's: a resolver looks up `-example.com` and browsers take it, but
  // registries give out no such domain, so such a link is a typo or a made-up address. (A
  // service's own subdomain may break the policy, blogspot.com's once did: those are refused too.)
  const hyphenLabel = labels.findIndex((label) => label.startsWith('-') || label.endsWith('-'));
  if (hyphenLabel >= 0) {
    return `must name a host as host names are written (RFC 1123): its part ${hyphenLabel + 1} (of ${labels.length}, between dots), "${labels[hyphenLabel]!.slice(0, MAX_LABEL_LENGTH + 1)}", starts or ends with a hyphen, which a host name's part may not, and registries give out no such name: link to the site's real address`;
  }
  const longLabel = labels.findIndex((label) => label.length > MAX_LABEL_LENGTH);
  if (host.length > MAX_HOST_LENGTH || longLabel >= 0) {
    const found =
      longLabel >= 0
        ? `its part ${longLabel + 1} (of ${labels.length}, between dots) has ${labels[longLabel]!.length} characters`
        : `it has ${host.length} characters`;
    return (
      `must name a host DNS can look up: ${found}, and a host name has at most ${MAX_HOST_LENGTH} characters, ` +
      `each part between dots at most ${MAX_LABEL_LENGTH}: link to the site's real address`
    );
  }
  return undefined;
}

/**
 * Why a link is published as another address than the one written, if it is: a `.` or `..` part of
 * its path (between slashes, also written `%2e`), which the URL parser, as every browser's, resolves
 * away: `https://arxiv.org/abs/../../x` is published, and followed, as `https://arxiv.org/x`. A
 * reviewer reads the address in the file and a reader follows the published one: they must be the
 * same. Dots in the query or fragment stay as written. `written` is the link as in the file, `url`
 * its parse; a phrase after "it" or a field, as webHostProblem's. One rule for the frontmatter's
 * links and the abstract's.
 */
export function dotSegmentProblem(written: string, url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(written.trim())?.[1] ?? '';
  const segment = path.split('/').find((part) => DOT_SEGMENT.test(part));
  if (segment === undefined) return undefined;
  const followed = `${url.origin}${withDotSegmentsResolved(url.pathname)}${url.search}${url.hash}`;
  return `must not hold "${segment}" as a part of its path between slashes: browsers resolve it away and lead readers to ${followed}, not to the address written here; write ${followed} instead`;
}

/** A `.` or `..` part of a path, as the URL Standard reads one (`%2e` is a dot). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * A path with its `.` and `..` parts resolved as the URL Standard's path state does (browsers
 * follow that): Node's parser leaves some in (`/b/.a/..` stays so), so its href is no guide to
 * where a browser goes.
 */
function withDotSegmentsResolved(pathname: string): string {
  const parts = pathname.split('/').slice(1);
  const resolved: string[] = [];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (!DOT_SEGMENT.test(part)) resolved.push(part);
    else {
      if (/^(?:\.|%2e){2}$/i.test(part)) resolved.pop();
      if (last) resolved.push('');
    }
  });
  return `/${resolved.join('/')}`;
}
