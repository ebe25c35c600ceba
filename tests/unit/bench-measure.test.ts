import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sampleTreeRss } from '../../src/bench/measure.ts';

describe('the benchmark’s peak memory', () => {
  it('counts a grandchild its parent stopped but never waited for (as a build does with Pagefind)', async () => {
    // The parent starts a child that fills 200 MB, kills it half a second after it says so and
    // exits at once, so nothing reaps the child: only sampling the tree sees its memory. (Killed
    // after a fixed time instead, a child still starting on a busy machine held nothing yet.)
    const grandchild = `const held = Buffer.alloc(200e6, 1); process.stdout.write('ready'); setInterval(() => held[0]++, 50);`;
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.once('data', () => setTimeout(() => { child.kill(); process.exit(0); }, 500));`;
    const run = spawn(process.execPath, ['-e', parent], { stdio: 'ignore' });
    const sampler = sampleTreeRss(run.pid!, 100);
    await once(run, 'exit');
    const largestMB = sampler.stop();
    expect(largestMB).toBeGreaterThan(180);
    expect(largestMB).toBeLessThan(1000);
  });
});
