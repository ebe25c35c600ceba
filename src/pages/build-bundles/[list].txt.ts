import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getExpectedOutputs } from '@/data/outputs.ts';
import { assertNoProblems } from '@/integrations/verify/index.ts';
import { EXPECTED_OUTPUTS_FILE, encodeExpectedOutputs, outputCollisions } from '@/integrations/verify/outputs.ts';

/**
 * `build-bundles/expected-outputs.txt`: every file this build means to write, with what it is
 * written for (src/data/outputs.ts). The publish step reads it, checks that each file is in dist/
 * (src/integrations/verify/outputs.ts) and removes it with the bundles. Two outputs that are one
 * file stop the build here, while Astro is still gathering paths: Astro itself would only warn
 * of two routes on one path, and would name routes, not papers. Build only.
 */
export const getStaticPaths = (async () => {
  if (import.meta.env.DEV) return [];
  const outputs = await getExpectedOutputs();
  assertNoProblems(outputCollisions(outputs), 'Two outputs of the build would be one file, and one of them lost');
  const list = EXPECTED_OUTPUTS_FILE.slice('build-bundles/'.length, -'.txt'.length);
  return [{ params: { list }, props: { outputs } }];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(encodeExpectedOutputs(props.outputs), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
