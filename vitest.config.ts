/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Vitest through Astro's Vite config, so modules resolve exactly as they do in the build.
export default getViteConfig({
  test: {
    include: ['tests/{unit,content,build}/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Build tests run `astro build` in a child process; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
