import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';

/** `npm run bench` with `args`: its exit code and what it printed (each case here stops before any build). */
const bench = (...args: string[]) => runScript('scripts/bench.ts', args);

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
