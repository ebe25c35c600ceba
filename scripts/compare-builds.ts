/**
 * `node scripts/compare-builds.ts <revision>`: builds the seed at a git revision (in a temporary
 * worktree) and from the working tree, then lists every file of dist/ that differs, is missing or
 * is new. A refactor must list nothing. Exits 1 when the two sites differ.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';

const revision = process.argv[2];
if (!revision) {
  console.error('usage: node scripts/compare-builds.ts <git revision>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'paper-digest-compare-'));

function build(checkout: string, name: string): string {
  // Inside the checkout: Astro's prerender chunks resolve packages from beside the outDir.
  const outDir = join(checkout, '.tmp', `compare-${name}`);
  // The checkout's own `npm run build` (since 2211d2d, Astro under a heap limit sized to the corpus).
  execFileSync('npm', ['run', 'build'], {
    cwd: checkout,
    stdio: 'inherit',
    env: { ...process.env, PAPER_DIGEST_OUT_DIR: outDir, PAPER_DIGEST_CACHE_DIR: join(work, `${name}-cache`) },
  });
  return outDir;
}

async function digests(dir: string): Promise<Map<string, string>> {
  const files = await glob('**/*', { cwd: dir, dot: true });
  return new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

const worktree = join(work, 'before');
try {
  execFileSync('git', ['worktree', 'add', '--detach', worktree, revision], { cwd: root, stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  const [before, after] = await Promise.all([digests(build(worktree, 'before')), digests(build(root, 'after'))]);
  const changed = [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .filter((file) => before.get(file) !== after.get(file))
    .map((file) => `${before.has(file) ? (after.has(file) ? 'differs' : 'missing') : 'new    '}  ${file}`);
  console.log(
    changed.length === 0 ? `dist/ is byte-identical to ${revision}'s (${after.size} files).` : changed.join('\n'),
  );
  process.exitCode = changed.length === 0 ? 0 : 1;
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  rmSync(work, { recursive: true, force: true });
  rmSync(join(root, '.tmp', 'compare-after'), { recursive: true, force: true });
}
