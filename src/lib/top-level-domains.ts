import { domainToASCII } from 'node:url';
import rootZone from 'tlds' with { type: 'json' };

/**
 * Every top-level domain of the DNS root zone, from the `tlds` package (IANA's list,
 * https://data.iana.org/TLD/tlds-alpha-by-domain.txt, kept current by its releases), in lower
 * case, the internationalized ones as punycode (`рф` is `xn--p1ai`), as domainToASCII writes them.
 * A word of a name or of a link's text is read as a host when its last dot-part is one of these
 * (schema.ts, hostNamedBy): one rule for `.com`, `.io`, `.ai` and a country's code, while `.js`,
 * `.pdf` or `.yaml` are no domains. A domain the package lacks lets a host under it pass as a
 * word: `npm update tlds` now and then (a few are added or retired a year).
 */
export const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(rootZone.map((domain) => domainToASCII(domain)));
