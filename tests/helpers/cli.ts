import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from './build.ts';

/** How a command-line run ended: its exit code and what it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's scripts (`scripts/check.ts`) with `args`, from the project root, as
 * its npm script does. Never throws: an exit code other than 0 is what a test checks. Its output
 * comes through pipes, as CI reads it, kept up to 16 MB (a test prints thousands of problems).
 */
export function runScript(script: string, args: string[], { env }: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const options = { cwd: projectRoot, env, maxBuffer: 16 * 1024 * 1024 };
  return promisify(execFile)('node', [script, ...args], options).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: CliRun) => error,
  );
}
