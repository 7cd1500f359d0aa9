import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests (Debian's Chromium through playwright-core): `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
