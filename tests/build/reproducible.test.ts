import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { buildFixture, buildsDir, projectRoot } from '../helpers/build.ts';

const run = promisify(execFile);

/** A second checkout of the project (its tracked and new files), sharing node_modules. */
async function secondCheckout(): Promise<string> {
  await mkdir(buildsDir, { recursive: true });
  const root = await mkdtemp(join(buildsDir, 'checkout-'));
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: projectRoot,
  });
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await cp(join(projectRoot, file), join(root, file)).catch(() => undefined); // deleted, not yet committed
  }
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('reproducible builds', () => {
  it('two checkouts, built at different times, in different time zones and locales, write byte-identical sites', async () => {
    const first = await buildFixture('tests/fixtures/feeds', { env: { TZ: 'Asia/Kolkata', LC_ALL: 'tr_TR.UTF-8' } });
    const other = await secondCheckout();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a different second on the clock
    const second = await buildFixture('tests/fixtures/feeds', {
      root: other,
      env: { TZ: 'America/Anchorage', LC_ALL: 'da_DK.UTF-8' },
    });
    expect(first.ok, first.output).toBe(true);
    expect(second.ok, second.output).toBe(true);

    const files = (await glob('**/*', { cwd: first.outDir, dot: true })).sort();
    expect(files).toEqual((await glob('**/*', { cwd: second.outDir, dot: true })).sort());
    // Feeds and the search index are part of the site and must not differ either.
    expect(files).toContain('rss.xml');
    expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(first.outDir, file)), readFile(join(second.outDir, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });
});
