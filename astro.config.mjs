// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { katexWoff2Only } from './src/integrations/katex-woff2.ts';
import { publishSite } from './src/integrations/publish.ts';
import { siteConfig } from './src/site.config.ts';

// Site URL and base path come from the environment (src/site.config.ts), so the same code deploys
// at the root of a domain or under /<repo>/ on GitHub Pages (the deploy workflow sets both).
const { siteUrl: site, basePath: base } = siteConfig;

export default defineConfig({
  site,
  base,
  // Tests and the benchmark build fixture content side by side without sharing output or cache.
  outDir: siteConfig.outDir,
  cacheDir: siteConfig.cacheDir,
  trailingSlash: 'always',
  // Stylesheets as files, not inline <style>: cacheable, and allowed by a strict CSP.
  // Four pages at a time: rendering one page overlaps writing the others (see the benchmark).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // publishSite prunes, indexes and verifies the finished dist/. No MDX integration: the site's
  // own pages are Markdown (about), and paper bodies are parsed as MDX but never compiled (src/content/).
  integrations: [publishSite({ site, base })],
  // Two routes that render one path fail the build rather than lose a page to a warning. The list
  // of expected outputs (src/pages/build-bundles/[list].txt.ts) stops such a build first, naming
  // the papers; this holds for whatever that list does not cover.
  prerenderConflictBehavior: 'error',
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  vite: {
    plugins: [katexWoff2Only()],
    // Vite's dependency cache beside this build's own cache, not in the shared node_modules/.vite:
    // builds of other checkouts or settings there make each build re-optimize (about 2 s).
    cacheDir: join(siteConfig.cacheDir, 'vite'),
    // Never inline scripts or assets: the Content-Security-Policy allows only files from the site.
    // dist/ is kept between builds so unchanged pages are not written again; publishSite
    // removes whatever this build did not produce (see src/integrations/output.ts).
    build: { assetsInlineLimit: 0, emptyOutDir: false },
  },
  devToolbar: { enabled: false },
  // Pages whose cache key and code are unchanged are not rendered again (see src/data/page-keys.ts).
  experimental: { incrementalBuild: true },
});
