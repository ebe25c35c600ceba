import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';

/** `npm run bench` with `args`: its exit code and what it printed (each case here stops before any build). */
async function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = promisify(execFile);
  return run('node', ['scripts/bench.ts', ...args], { cwd: projectRoot }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run bench, given what it does not take', () => {
  it('prints its usage for --help, naming every option, and exits 0', async () => {
    const { code, stdout } = await bench('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run bench/);
    for (const option of ['--papers', '--runs', '--json', '--keep', '--skip-warm', '--max-old-space-size']) {
      expect(stdout).toContain(option);
    }
  });

  it('names an unknown option and prints the usage, exiting 2 (not a stack trace)', async () => {
    const { code, stderr } = await bench('--paper', '10');
    expect(code).toBe(2);
    expect(stderr).toContain("'--paper'");
    expect(stderr).toContain('Usage: npm run bench');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([['ten'], ['0'], ['1e4'], ['-5'], ['2.5']])('refuses --papers %s, saying what it takes', async (value) => {
    const { code, stderr } = await bench(`--papers=${value}`);
    expect(code).toBe(2);
    expect(stderr).toContain(`--papers takes a positive whole number, not "${value}"`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an option given without its value', async () => {
    const { code, stderr } = await bench('--runs');
    expect(code).toBe(2);
    expect(stderr).toContain("'--runs <value>'");
  });

  it('refuses a stray argument, as the corpus size is an option', async () => {
    const { code, stderr } = await bench('10000');
    expect(code).toBe(2);
    expect(stderr).toContain("'10000'");
  });
});
