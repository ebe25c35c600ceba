import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { glob } from 'tinyglobby';

/** Figures for one timed command: wall time and the peak RSS of its largest process. */
export interface RunFigures {
  seconds: number;
  peakRssMB: number;
  exitCode: number;
  output: string;
}

/**
 * Runs a command under GNU time, which reports the largest resident set of the process tree's
 * biggest member (the Node process with its worker threads, or Pagefind's binary), and samples the
 * tree as well: GNU time only hears of a process its parent reaped, and Pagefind's Node API stops
 * its binary without waiting for it, so a build that exits right after the search index is written
 * (a warm rebuild) leaves Pagefind's peak out of GNU time's figure. The larger of the two counts.
 */
export function timedRun(
  command: string,
  args: string[],
  { cwd, env }: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args], { cwd, env });
    const sampler = child.pid === undefined ? undefined : sampleTreeRss(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      sampler?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const kb = Number(/PEAK_RSS_KB=(\d+)/.exec(output)?.[1] ?? NaN);
      const sampledMB = sampler?.stop() ?? 0;
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakRssMB: Math.max(kb / 1024, sampledMB),
        exitCode: code ?? -1,
        output,
      });
    });
  });
}

/**
 * Samples, every `intervalMs`, the resident set of each process in the tree under `rootPid` (from
 * Linux's /proc) and keeps the largest; `stop()` ends the sampling and returns it, in MB. A process
 * that vanishes between two reads is skipped; a process whose parent exited leaves the tree.
 */
export function sampleTreeRss(rootPid: number, intervalMs = 200): { stop: () => number } {
  let largestKB = 0;
  const sample = () => {
    const children = new Map<number, number[]>();
    const rssKB = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let status: string;
      try {
        status = readFileSync(`/proc/${entry}/status`, 'utf8');
      } catch {
        continue; // exited since the listing
      }
      const pid = Number(entry);
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
      const siblings = children.get(parent);
      if (siblings) siblings.push(pid);
      else children.set(parent, [pid]);
      rssKB.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
    }
    const tree = [rootPid];
    for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!) ?? []));
    for (const pid of tree) largestKB = Math.max(largestKB, rssKB.get(pid) ?? 0);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return largestKB / 1024;
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface OutputFigures {
  files: number;
  totalMB: number;
  paperPage: { medianKB: number; medianGzipKB: number; largestKB: number; largestGzipKB: number; largest: string };
  listPage: { largestKB: number; largest: string; mostPapers: number };
}

/** Sizes of what the build wrote: all files, paper pages (raw and gzip), and list pages. */
export async function measureOutput(outDir: string): Promise<OutputFigures> {
  const files = await glob('**/*', { cwd: outDir });
  let total = 0;
  const paperRaw: number[] = [];
  const paperGzip: number[] = [];
  let largestPaper = { raw: 0, gzip: 0, file: '' };
  let largestList = { raw: 0, file: '' };
  let mostPapers = 0;
  for (const file of files) {
    const size = (await stat(join(outDir, file))).size;
    total += size;
    if (!file.endsWith('.html')) continue;
    const html = await readFile(join(outDir, file));
    if (/^papers\/[^/]+\/index\.html$/.test(file)) {
      const gzip = gzipSync(html).length;
      paperRaw.push(size);
      paperGzip.push(gzip);
      if (size > largestPaper.raw) largestPaper = { raw: size, gzip, file };
    } else {
      const cards = html.toString().match(/data-paper-card/g)?.length ?? 0;
      mostPapers = Math.max(mostPapers, cards);
      if (cards > 0 && size > largestList.raw) largestList = { raw: size, file };
    }
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    files: files.length,
    totalMB: Math.round((total / 1024 / 1024) * 10) / 10,
    paperPage: {
      medianKB: kb(median(paperRaw)),
      medianGzipKB: kb(median(paperGzip)),
      largestKB: kb(largestPaper.raw),
      largestGzipKB: kb(largestPaper.gzip),
      largest: largestPaper.file,
    },
    listPage: { largestKB: kb(largestList.raw), largest: largestList.file, mostPapers },
  };
}
