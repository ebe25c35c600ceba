import katex from 'katex';

/** A use of `\\name` that KaTeX accepts: bare, with one or two arguments, or as a delimiter. */
export function usageOf(name: string): string | undefined {
  const candidates = [
    `\\${name}`,
    `\\${name}{x}`,
    `\\${name}{x}{y}`,
    `\\${name}(`,
    `\\${name}(x\\right)`,
    `\\left(x\\${name})`,
  ];
  return candidates.find((tex) => {
    try {
      katex.renderToString(tex, { throwOnError: true, strict: 'error' });
      return true;
    } catch {
      return false;
    }
  });
}
