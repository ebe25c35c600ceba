import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './build.ts';
import { runScript } from './cli.ts';

const seedDir = join(projectRoot, 'content/papers/2025');
const roots: string[] = [];

/**
 * A project root for `new-paper` tests: `content/topics.yaml` (the real vocabulary), optionally the
 * seed papers as the digest, and any other papers copied to `content/papers/<to>`. Removed by
 * removeTempProjects.
 */
export async function tempProject({
  seed = false,
  papers = [],
}: { seed?: boolean; papers?: { from: string; to: string }[] } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'paper-digest-new-paper-'));
  roots.push(root);
  await mkdir(join(root, 'content/papers'), { recursive: true });
  await copyFile(join(projectRoot, 'content/topics.yaml'), join(root, 'content/topics.yaml'));
  const copies = seed
    ? (await readdir(seedDir)).map((name) => ({ from: join(seedDir, name), to: `2025/${name}` }))
    : [];
  for (const { from, to } of [...copies, ...papers]) {
    await mkdir(join(root, 'content/papers', to, '..'), { recursive: true });
    await copyFile(from, join(root, 'content/papers', to));
  }
  return root;
}

export async function removeTempProjects(): Promise<void> {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** `npm run new-paper` as a contributor runs it, on the content of `root`; never throws. */
export function runNewPaperCli(root: string, ...args: string[]) {
  return runScript('scripts/new-paper.ts', args, {
    env: { ...process.env, PAPER_DIGEST_CONTENT: join(root, 'content') },
  });
}
