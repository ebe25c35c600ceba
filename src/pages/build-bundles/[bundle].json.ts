import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorFiles, getAuthorBundlePaths } from '@/data/author-files.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { encodeFileBundle } from '@/lib/file-bundle.ts';

/**
 * `build-bundles/authors-<xx>.json`: the feeds and `.bib` files of the authors whose slug hashes
 * to bundle `xx`, for the publish step to unpack into `authors/<slug>/` (see src/lib/file-bundle.ts).
 * Never published: the publish step removes it. Build only; `astro dev` serves the author files
 * from their own routes.
 */
export const getStaticPaths = (async () => withCacheKeys(await getAuthorBundlePaths())) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props: { authors } }) =>
  new Response(encodeFileBundle(authors.flatMap(authorFiles)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
