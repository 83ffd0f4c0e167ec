import { defineConfig } from 'vitest/config';

// Two projects: fast pure unit tests, and browser tests that drive Debian's
// Chromium against the production build (run one file at a time: 2 cores).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // In-memory stores start from one initialised data folder instead of each running initdb.
          globalSetup: ['tests/support/pglite-template.ts'],
          // Two files at a time: Vitest's default on 2 cores is one (cores - 1), and most
          // unit files wait on databases, child processes and sockets rather than the CPU.
          maxWorkers: 2,
          // Some unit tests open databases or start PostgreSQL (often in beforeAll): give a busy CI machine room.
          testTimeout: 20_000,
          hookTimeout: 90_000, // opening PGlite in beforeAll took over 30 s at load 20 (two files, 3 December)
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for what the page does a moment later (a worker's answer, a notification): 1 s,
          // Vitest's default, is not enough on a busy 2-core machine. A passing poll returns as soon as it holds.
          expect: { poll: { timeout: 15_000 } },
          // Tests marked concurrent (the per-language screen checks) run two at a time.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
