import type { Plugin } from 'vite';

/**
 * KaTeX's stylesheet lists each font as woff2, woff and ttf. Every browser we support reads
 * woff2, so keep only that source: the build then emits just the woff2 files.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'paper-digest:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css/.test(id)) return undefined;
      return { code: code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, ''), map: null };
    },
  };
}
