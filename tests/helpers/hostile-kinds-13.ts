import { paper, type HostileKind } from './hostile-kinds.ts';

/**
 * Hostile papers of kinds the earlier passes did not write (thirteenth pass): links to hosts under
 * names no public DNS holds (RFC 2606's `.test`, `.example`, `.invalid`; a typo's top-level domain)
 * or under the names private networks use (RFC 6762 Appendix G: `.lan`, `.corp`, `.home`,
 * `.intranet`, `.private`), links whose path holds `.` or `..` parts that browsers resolve away
 * (so the link published is not the one written), and MDX and KaTeX the earlier passes did not
 * try. Each is refused naming its field (and line), saying what is right, or accepted with outputs
 * each consumer reads as data.
 */
export const HOSTILE_KINDS_13: HostileKind[] = [
  // Names no public DNS holds: the link leads nowhere.
  {
    id: 'link-tld-test',
    file: paper({ links: '\n  code: https://code.test/x' }),
    refused: 'links.code',
    line: 9,
    says: /"\.test" is no top-level domain of the web, which RFC 2606 keeps out of the DNS.*link to the site's real address/,
  },
  {
    id: 'link-tld-example',
    file: paper({ links: '\n  project: https://project.example/' }),
    refused: 'links.project',
    line: 9,
    says: /"\.example" is no top-level domain of the web, which RFC 2606/,
  },
  {
    id: 'body-link-tld-invalid',
    file: paper({}, 'An abstract with [code](https://git.invalid/x) here.'),
    refused: 'body',
    line: 10,
    says: /"\.invalid" is no top-level domain of the web/,
  },
  {
    id: 'body-image-tracker-tld-example',
    file: paper({}, 'An abstract ![pixel](https://tracker.example/p.gif) here.'),
    refused: 'body',
    line: 10,
  },
  {
    id: 'link-tld-typo',
    file: paper({ links: '\n  code: https://github.comm/owner/repo' }),
    refused: 'links.code',
    line: 9,
    says: /"\.comm" is no top-level domain of the web, so no reader's browser can follow the link.*npm update tlds/,
  },
  {
    id: 'mailto-tld-test',
    file: paper({}, 'Write to [us](mailto:ada@lab.test) now.'),
    refused: 'body',
    line: 10,
    says: /"\.test" is no top-level domain/,
  },
  // Names private networks use: the link reaches the reader's own network.
  {
    id: 'link-tld-lan',
    file: paper({ links: '\n  code: https://router.lan/admin' }),
    refused: 'links.code',
    line: 9,
    says: /not an IP address or a local name/,
  },
  {
    id: 'link-tld-corp',
    file: paper({ links: '\n  pdf: https://files.corp/paper.pdf' }),
    refused: 'links.pdf',
    line: 9,
    says: /not an IP address or a local name/,
  },
  {
    id: 'body-link-tld-home',
    file: paper({}, 'See [the demo](https://nas.home/demo) here.'),
    refused: 'body',
    line: 10,
    says: /not an IP address or a local name/,
  },
  {
    id: 'link-tld-intranet',
    file: paper({ links: '\n  project: https://wiki.intranet./x' }),
    refused: 'links.project',
    line: 9,
  },
  // Dot parts of a path: published as another address than the one written.
  {
    id: 'link-dot-dot-path',
    file: paper({ links: '\n  code: https://arxiv.org/abs/../../evil' }),
    refused: 'links.code',
    line: 9,
    says: /must not hold "\.\." as a part of its path.*lead readers to https:\/\/arxiv\.org\/evil.*write https:\/\/arxiv\.org\/evil instead/,
  },
  {
    id: 'link-encoded-dot-dot-path',
    file: paper({ links: '\n  pdf: https://github.com/owner/repo/%2e%2E/other' }),
    refused: 'links.pdf',
    line: 9,
    says: /must not hold "%2e%2E" as a part of its path.*https:\/\/github\.com\/owner\/other/,
  },
  {
    id: 'body-link-dot-path',
    file: paper({}, 'See [the code](https://github.com/owner/./repo) here.'),
    refused: 'body',
    line: 10,
    says: /must not hold "\." as a part of its path.*write https:\/\/github\.com\/owner\/repo instead/,
  },
  {
    id: 'body-reference-link-dot-dot',
    file: paper({}, 'See [the code][c] here.\n\n[c]: https://github.com/owner/repo/.%2E/x'),
    refused: 'body',
  },
  // MDX the earlier passes did not try: an expression reaching the process, a frame with
  // a document of its own, SVG holding HTML.
  { id: 'mdx-global-process', file: paper({}, 'Text {globalThis.process.env.HOME} here.'), refused: 'body', line: 10 },
  {
    id: 'mdx-iframe-srcdoc',
    file: paper({}, 'Text <iframe srcdoc="<script>alert(1)</script>"></iframe> here.'),
    refused: 'body',
    line: 10,
  },
  {
    id: 'mdx-svg-foreign-object',
    file: paper({}, '<svg><foreignObject><a href="javascript:alert(1)">x</a></foreignObject></svg>'),
    refused: 'body',
    line: 10,
  },
  // KaTeX the earlier passes did not try: a colour that carries CSS, a huge rule, a box drawn far left.
  {
    id: 'math-color-css',
    file: paper({}, 'Math $\\color{red;background:url(x)}{x}$ here.'),
    refused: 'body',
    line: 10,
  },
  { id: 'math-rule-huge', file: paper({}, 'Math $\\rule{10000em}{1em}$ here.'), refused: 'body', line: 10 },
  { id: 'math-llap-far', file: paper({}, 'Math $\\mathllap{\\kern{-5000em}x}$ here.'), refused: 'body', line: 10 },
  // Names of invisible fillers only (Hangul fillers): the file's scan names the character and its line.
  {
    id: 'author-hangul-filler',
    file: paper({ authors: '\n  - "\u3164"' }),
    refused: 'file',
    line: 4,
    says: /invisible filler character U\+3164: delete it/,
  },
  {
    id: 'author-halfwidth-filler',
    file: paper({ authors: '\n  - "\uFFA0\uFFA0"' }),
    refused: 'file',
    line: 4,
    says: /invisible filler character U\+FFA0: delete it/,
  },
  // Kept: real hosts whose names hold a reserved or private word, a reserved second-level name IANA
  // serves, and dots that are no path part.
  {
    id: 'link-reserved-words-real-hosts',
    file: paper(
      { links: '\n  code: https://corp.com/x\n  project: https://test.com/\n  pdf: https://example.edu/p.pdf' },
      'See [a](https://lan.de/), [b](https://home.org/) and [c](https://invalid.net/x).',
    ),
  },
  { id: 'link-example-org-kept', file: paper({ links: '\n  code: https://example.org/code' }) },
  {
    id: 'link-dots-not-parts',
    file: paper(
      { links: '\n  code: https://github.com/owner/repo/...x/..y?next=../z#../w' },
      'See [it](https://github.com/owner/.well-known/x).',
    ),
  },
];
