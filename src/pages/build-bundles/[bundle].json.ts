import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorFiles, getAuthorBundlePaths } from '@/data/author-files.ts';
import { withCacheKeys } from '@/data/page-keys.ts';
import { getPaperBundlePaths, paperFiles } from '@/data/paper-files.ts';
import { encodeFileBundle } from '@/lib/file-bundle.ts';

/**
 * `build-bundles/authors-<xx>.json`: the feeds and `.bib` files of the authors whose slug hashes
 * to bundle `xx`; `build-bundles/papers-<xx>.json`: the `.bib` and `.json` files of the papers
 * whose id hashes to it. The publish step unpacks them into their files (see
 * src/lib/file-bundle.ts) and removes them, so none is published. Build only; `astro dev` serves
 * those files from their own routes.
 */
export const getStaticPaths = (async () =>
  withCacheKeys([...(await getAuthorBundlePaths()), ...(await getPaperBundlePaths())])) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(
    encodeFileBundle('authors' in props ? props.authors.flatMap(authorFiles) : props.papers.flatMap(paperFiles)),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
