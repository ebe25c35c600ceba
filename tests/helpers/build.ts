import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = new URL('../..', import.meta.url).pathname;
/** Scratch space for test builds; vitest's global setup empties it before each run. */
export const buildsDir = join(projectRoot, '.tmp', 'builds');

export interface BuildResult {
  ok: boolean;
  /** The build's folder: dist/ and cache/ (pass it as `work` to build again incrementally). */
  work: string;
  outDir: string;
  output: string;
}

/**
 * Builds the site from a fixture content folder into a fresh temporary directory, in a child
 * process, exactly as `npm run build` would (same config, same Node).
 */
export async function buildFixture(
  contentDir: string,
  {
    base = '/',
    site = 'https://digest.example.org',
    env = {},
    root = projectRoot,
    work,
  }: {
    base?: string;
    site?: string;
    env?: Record<string, string>;
    /** Project checkout to build with (another copy of the project, for reproducibility). */
    root?: string;
    /** Build into this earlier build's folder (its dist/ and cache/), as a rebuild does. */
    work?: string;
  } = {},
): Promise<BuildResult> {
  // Inside the project on purpose: Astro writes a build's server chunks next to its outDir only
  // when the outDir is inside the working directory, and otherwise to a shared `.astro/`, where
  // two builds running at once overwrite each other's files.
  const builds = join(root, '.tmp', 'builds');
  await mkdir(builds, { recursive: true });
  work ??= await mkdtemp(join(builds, 'build-'));
  const outDir = join(work, 'dist');
  try {
    // As `npm run build` runs it: Astro under the heap limit scripts/build.ts sizes to the corpus.
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      env: {
        ...inheritedEnv(),
        PAPER_DIGEST_CONTENT: contentDir,
        PAPER_DIGEST_OUT_DIR: outDir,
        PAPER_DIGEST_CACHE_DIR: join(work, 'cache'),
        SITE_URL: site,
        BASE_PATH: base,
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, work, outDir, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, work, outDir, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/**
 * The test runner's environment without what Vitest adds (`SITE`, `BASE_URL`, `MODE`, `NODE_ENV`…),
 * which the child build would otherwise read as its own `import.meta.env`.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  const leaked = /^(VITEST.*|SITE|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|ASSETS_PREFIX)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !leaked.test(key)));
}

/**
 * The paper files of a fixture content folder, as paths relative to its `papers/` folder
 * (`2025/p1.mdx`: papers live in the folder of their date's year), sorted.
 */
export function fixturePaperFiles(contentDir: string): string[] {
  return readdirSync(join(contentDir, 'papers'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/** The id of a paper file (`2025/p1.mdx` → `p1`). */
export function fixturePaperId(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.mdx$/, '');
}
