import { defineConfig } from 'vitest/config';

// Browser tests (npm run test:browser): build a site, serve it on 127.0.0.1, drive Debian's
// Chromium through playwright-core. Kept apart from `npm test`, which needs no browser.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Each file builds a site first (astro build in a child process) on a 2-core machine.
    hookTimeout: 240_000,
    testTimeout: 60_000,
  },
});
