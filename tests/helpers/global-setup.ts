import { rm } from 'node:fs/promises';
import { buildsDir } from './build.ts';

/** Removes the previous run's fixture builds so they do not pile up. */
export default async function setup(): Promise<void> {
  await rm(buildsDir, { recursive: true, force: true });
}
