import { defineConfig } from 'vitest/config';

/**
 * Lanes, so the suite fits a 2-core CI machine. One file at a time, the machine sat half idle
 * (1,264 CPU-seconds in 1,473 s of wall time); in these lanes the same suite takes about 850 s.
 * - pure: rules and parsers share one module graph (no isolation); their time was almost all imports;
 * - services: real HR services, PostgreSQL, child processes, face workers (a test server's face
 *   pool is one worker on two cores), isolated, two files at a time;
 * - alone, after everything else: suites that hold fixed ports and displays (real remote-access
 *   servers), measure input timing in Chromium, or package the app within a time limit.
 * Vitest runs projects of one `sequence.groupOrder` together only when they share `maxWorkers`.
 */
const pure = [
  'test/app',
  'test/bench',
  'test/browser-shell',
  'test/checks',
  'test/contract',
  'test/docs',
  'test/helpdesk',
  'test/house',
  'test/identity',
  'test/ipc',
  'test/probes',
  'test/renderer',
  'test/support',
].map((folder) => `${folder}/**/*.test.ts`);

const alone = ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/integration/**/*.test.ts'];

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'pure', include: pure, isolate: false, maxWorkers: 2 } },
      {
        test: {
          ...shared,
          name: 'services',
          include: ['test/**/*.test.ts'],
          exclude: [...pure, ...alone],
          maxWorkers: 2,
        },
      },
      {
        test: { ...shared, name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
