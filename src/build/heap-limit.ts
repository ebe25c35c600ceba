/**
 * The build's V8 heap limit, sized to the corpus (`npm run build`, scripts/build.ts).
 *
 * Node's default limit on this 24 GB machine is about 4 GB whatever the corpus. With it, a cold
 * build of 10,000 papers held 441 MB of live objects after page generation but let the heap grow
 * to a peak RSS of 2.2–2.5 GB of garbage not yet collected (over the 2 GB budget), while 100,000
 * papers need more than 4 GB (the benchmark ran them with 12 and 16 GB). A limit that grows with
 * the corpus serves both: 10,000 papers under a 1 GB limit peaked at 1.7 GB RSS in the same time.
 * Measured live sets: 441 MB at 10,000 papers, 657 MB at 30,000; the limit leaves twice that or more.
 */

/** Heap allowed per paper: 100 KB (10 GB at 100,000 papers). */
export const HEAP_MB_PER_PAPER = 0.1;
/** The least limit, for the seed and small digests: Astro itself and the render pipeline fit well within it. */
export const LEAST_HEAP_MB = 1024;

/** The heap limit in MB for a build of this many papers. */
export function heapLimitMB(papers: number): number {
  return Math.max(LEAST_HEAP_MB, Math.ceil(papers * HEAP_MB_PER_PAPER));
}

const HEAP_FLAG = /(?:^|\s)--max[-_]old[-_]space[-_]size(?:=|\s|$)/;

/**
 * NODE_OPTIONS for the build: the given options with the heap limit added, or as they are when
 * they set a limit already (a maintainer's own choice, and the benchmark's `--max-old-space-size`).
 */
export function withHeapLimit(nodeOptions: string | undefined, limitMB: number): string {
  const options = nodeOptions?.trim() ?? '';
  if (HEAP_FLAG.test(options)) return options;
  return [options, `--max-old-space-size=${limitMB}`].filter(Boolean).join(' ');
}
