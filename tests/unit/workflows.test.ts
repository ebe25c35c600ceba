import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/build.ts';

/**
 * The GitHub workflows cannot run here, so their shape is checked: triggers, permissions,
 * pinned actions, timeouts, concurrency, and the steps the project relies on.
 */

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const read = (name: string) => readFileSync(join(projectRoot, '.github/workflows', name), 'utf8');
const load = (name: string) => parse(read(name)) as Workflow;
const files = ['pr-check.yml', 'deploy.yml'];
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepUsing = (job: Job, action: string) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));
const runIndex = (job: Job, command: string) =>
  job.steps.findIndex((step) => step.run?.split('\n').some((line) => line.trim() === command));

describe.each(files)('%s', (name) => {
  const text = read(name);
  const workflow = load(name);

  it('pins every action to a full commit SHA, with the version in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(?:-\s*)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/);
  });

  it('sets a timeout on every job, and concurrency', () => {
    for (const job of Object.values(workflow.jobs)) {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
    }
    expect(workflow.concurrency?.group).toBeTruthy();
    expect(typeof workflow.concurrency?.['cancel-in-progress']).toBe('boolean');
  });

  it('reads no secrets, never uses pull_request_target, and defaults to a read-only token', () => {
    const code = JSON.stringify(workflow); // without the comments, which may name what is avoided
    expect(code).not.toMatch(/secrets\.|GITHUB_TOKEN|github\.token/);
    expect(code).not.toMatch(/pull_request_target/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('takes Node from the project pin and installs from the lockfile', () => {
    for (const job of Object.values(workflow.jobs)) {
      const setup = stepUsing(job, 'actions/setup-node');
      if (!job.steps.some((step) => step.run)) continue; // a job that only deploys runs no Node
      expect(setup?.with).toMatchObject({ 'node-version-file': '.node-version' });
      expect(setup?.with).not.toHaveProperty('node-version');
      expect(runIndex(job, 'npm ci')).toBeGreaterThan(job.steps.indexOf(setup!));
      // The only other install is npm itself, pinned to an exact npm 11 release (the README's npm):
      // dependencies come from the lockfile. Which 11.x is a choice the test does not repeat.
      const installs = job.steps.filter((step) => /\bnpm (?:install|i|add)\b/.test(step.run ?? ''));
      expect(installs).toHaveLength(1);
      expect(installs[0]?.run).toMatch(/^npm install --global npm@11\.\d+\.\d+$/);
    }
  });

  it('checks out without keeping the token in the clone', () => {
    for (const step of steps(workflow).filter((candidate) => candidate.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false);
    }
  });
});

describe('the pins', () => {
  it('use one SHA per action across the workflows', () => {
    const pins = new Map<string, Set<string>>();
    for (const name of files) {
      for (const step of steps(load(name))) {
        const [action, sha] = step.uses?.split('@') ?? [];
        if (action && sha) pins.set(action, (pins.get(action) ?? new Set()).add(sha));
      }
    }
    for (const [action, shas] of pins) expect([action, shas.size]).toEqual([action, 1]);
  });

  it('.node-version names the Node major that package.json brings for npm scripts', () => {
    const pinned = readFileSync(join(projectRoot, '.node-version'), 'utf8').trim();
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pinned).toMatch(/^\d+$/);
    expect(pkg.devDependencies.node?.split('.')[0]).toBe(pinned);
  });
});

describe('Deploy', () => {
  const workflow = load('deploy.yml');
  const build = workflow.jobs.build!;

  it('restores the previous build (dist/ and the Astro cache) after npm ci and before building', () => {
    const cache = stepUsing(build, 'actions/cache');
    expect(cache).toBeDefined();
    expect(String(cache!.with?.path).split('\n').filter(Boolean).sort()).toEqual(['dist', 'node_modules/.astro']);
    const restoreAt = build.steps.indexOf(cache!);
    expect(restoreAt).toBeGreaterThan(runIndex(build, 'npm ci'));
    expect(restoreAt).toBeLessThan(runIndex(build, 'npm run build'));
  });
});

describe('PR check', () => {
  const workflow = load('pr-check.yml');
  const [job, ...others] = Object.values(workflow.jobs);

  it('runs on pull requests only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(others).toEqual([]);
    expect(job!.permissions).toBeUndefined();
  });

  it('runs the content check, the tests and the build, in that order, after npm ci', () => {
    const order = ['npm ci', 'npm run check', 'npm test', 'npm run build'].map((command) => runIndex(job!, command));
    for (const index of order) expect(index).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('checks and builds with the Pages origin and base path, as the deploy does', () => {
    const pages = stepUsing(job!, 'actions/configure-pages');
    expect(pages?.id).toBe('pages');
    for (const command of ['npm run check', 'npm run build']) {
      const step = job!.steps[runIndex(job!, command)]!;
      expect(step.env, command).toEqual({
        SITE_URL: '${{ steps.pages.outputs.origin }}',
        PAGES_BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      });
      expect(step.run, command).toContain('export BASE_PATH="${PAGES_BASE_PATH%/}/"');
      expect(job!.steps.indexOf(step), command).toBeGreaterThan(job!.steps.indexOf(pages!));
    }
    // The tests build their own sites, each with its own URL: they get neither.
    expect(job!.steps[runIndex(job!, 'npm test')]!.env).toBeUndefined();
  });

  it('labels a change outside content/ in the job summary, diffing against the base', () => {
    const checkout = stepUsing(job!, 'actions/checkout');
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    const label = job!.steps.find((step) => step.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(label).toBeDefined();
    expect(label!.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(label!.run).toContain('git diff --name-only "$BASE_SHA...$HEAD_SHA"');
    expect(label!.run).toContain("grep -v '^content/'");
    expect(label!.run).toContain("Code change: needs a maintainer's review — MDX and config are code");
    // Event data reaches the script through env, never pasted into it.
    expect(label!.run).not.toContain('${{');
    expect(job!.steps.indexOf(label!)).toBeGreaterThan(job!.steps.indexOf(checkout!));
  });
});

describe('Deploy', () => {
  const workflow = load('deploy.yml');
  const build = workflow.jobs.build!;
  const deploy = workflow.jobs.deploy!;

  it('runs on pushes to main and by hand', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('gives write access to Pages only to the deploy job', () => {
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
  });

  it('builds with the Pages origin and base path from configure-pages', () => {
    const pages = stepUsing(build, 'actions/configure-pages');
    expect(pages?.id).toBe('pages');
    const buildStep = build.steps.find((step) => step.run?.includes('npm run build'));
    expect(buildStep?.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      PAGES_BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(buildStep?.run).toContain('export BASE_PATH="${PAGES_BASE_PATH%/}/"');
    expect(build.steps.indexOf(buildStep!)).toBeGreaterThan(build.steps.indexOf(pages!));
  });

  it('uploads dist/ and deploys it with the official Pages actions', () => {
    expect(stepUsing(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
    expect(deploy.steps).toHaveLength(1);
    expect(stepUsing(deploy, 'actions/deploy-pages')?.id).toBe('deployment');
  });
});
