import { defineConfig } from 'vitest/config';

/**
 * Three lanes, so the suite fits a 2-core CI machine:
 * - pure rules and parsers share one module graph (no isolation) two files at a time: their time
 *   was almost all imports;
 * - suites with real services run isolated, two files at a time: they mostly wait on PostgreSQL,
 *   child processes and sockets;
 * - suites that keep both cores busy on their own (face workers, Chromium, real remote-access
 *   servers on fixed ports and displays, 300 SIGKILLs) run one at a time, after the others, so no
 *   other file's load stretches their timing.
 */
const pure = [
  'test/app/**',
  'test/bench/**',
  'test/browser-shell/**',
  'test/checks/**',
  'test/contract/**',
  'test/docs/**',
  'test/helpdesk/**',
  'test/house/**',
  'test/identity/**',
  'test/ipc/**',
  'test/probes/**',
  'test/renderer/**',
  'test/support/**',
].map((folder) => `${folder}/*.test.ts`);

const alone = [
  'test/build/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/face/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/outbox/crash-safety.test.ts',
  'test/server/dashboard/**/*.test.ts',
  'test/server/face/**/*.test.ts',
  'test/server/farm/**/*.test.ts',
  'test/server/face-verdict-life-cycle.test.ts',
  'test/server/hostile-liveness.test.ts',
];

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
