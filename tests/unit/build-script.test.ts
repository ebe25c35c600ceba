import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';

const run = promisify(execFile);

// `npm run build` (scripts/build.ts) starts Astro under a heap limit. A module preloaded through
// NODE_OPTIONS sees each Node process the script starts: in Astro's, it writes the heap limit V8
// was given and exits with a code of its own, before Astro builds anything.
describe('scripts/build.ts', () => {
  let folder: string;
  let report: string;
  let probe: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'build-script-'));
    report = join(folder, 'report.json');
    probe = join(folder, 'probe.cjs');
    await writeFile(
      probe,
      `if (process.argv[1] && process.argv[1].endsWith('astro.mjs')) {
  const limit = require('node:v8').getHeapStatistics().heap_size_limit / 1048576;
  require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ limit, args: process.argv.slice(2) }));
  process.exit(7);
}\n`,
    );
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function build(nodeOptions: string, args: string[] = []) {
    await rm(report, { force: true });
    const exit = await run(process.execPath, [join(projectRoot, 'scripts/build.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: `--require ${probe} ${nodeOptions}`.trim() },
    }).then(
      () => 0,
      (error: { code?: number }) => error.code,
    );
    return { exit, ...(JSON.parse(await readFile(report, 'utf8')) as { limit: number; args: string[] }) };
  }

  it('runs astro build under the heap limit sized to the content (1 GB for the seed), with the options given', async () => {
    const { exit, limit, args } = await build('', ['--verbose']);
    expect(exit).toBe(7); // Astro's exit code is the script's
    expect(args).toEqual(['build', '--verbose']);
    // V8's limit is the old space's plus the young generation's few tens of MB.
    expect(limit).toBeGreaterThanOrEqual(1024);
    expect(limit).toBeLessThan(1024 + 128);
  });

  it('keeps a limit NODE_OPTIONS sets already', async () => {
    const { limit } = await build('--max-old-space-size=1600');
    expect(limit).toBeGreaterThanOrEqual(1600);
    expect(limit).toBeLessThan(1600 + 128);
  });
});
