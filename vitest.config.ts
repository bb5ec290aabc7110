import { defineConfig } from 'vitest/config';

/**
 * Unit tests' limit, above Vitest's 5 s: with two files at a time on CI's two cores and other
 * work on the machine, tests of 0.3–1.5 s on a quiet run (Redis killed and restarted, a download's
 * name, a seeded convergence) were seen past 5 s. A test that hangs still fails, 10 s later.
 */
const UNIT_TEST_TIMEOUT_MS = 15_000;

/**
 * The unit files share their workers' modules (Vitest's `isolate: false`): isolated, each of the
 * web's ~130 files imported React, Konva, Yjs and the catalogues again, 640 s of imports for 68 s
 * of tests at load 16 (28 November); shared, the same 795 tests ran in 29 s. The server's 81
 * files: 90 s isolated, 54–57 s shared at load 3 (28 November). Their tests keep no module state
 * between files (the projects pass both ways); the relay timings some server files tune for
 * themselves (DOC_BATCH, AWARENESS_TICK, DEHYDRATE, CLUSTER_PRESENCE) are set back before each
 * file (src/testing/shipped-timings.ts). The server's files were kept isolated for a while: in
 * CI's full runs with shared modules, R67's Redis restart (cluster/redis-bus.test.ts) twice
 * never saw B asked to resync. The race found was in the test: it expected B's subscriber back
 * before A's publisher, which each connection's own backoff decides (isolated and alone, B's came
 * back last once in 28 restarts, when Redis took 190 ms to restart at load 5); it now accepts
 * either order, as R67 does. Why both shared CI runs lost that race is not known (presumably
 * slower restarts under their load). No state a file leaves in a worker was found to reach the
 * Redis bus (fake timers, process listeners, environment variables: each file restores them).
 */
const SHARED_MODULES = { isolate: false } as const;

// One project per part: unit tests sit beside the code; tests/ crosses processes.
export default defineConfig({
  test: {
    // Two files at a time in every project. Vitest's default for `run` is one worker less than
    // the cores: one on CI's 2-core machine, so unit, integration and integration-postgres ran
    // one file after another with a core ~40 % idle (~5.5 min).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'board',
          ...SHARED_MODULES,
          root: './packages/board',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: UNIT_TEST_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'render',
          ...SHARED_MODULES,
          root: './packages/render',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: UNIT_TEST_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'server',
          ...SHARED_MODULES,
          root: './apps/server',
          setupFiles: ['./src/testing/shipped-timings.ts'],
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: UNIT_TEST_TIMEOUT_MS,
          // Some files start a throwaway PostgreSQL or Redis in beforeAll: ~2 s quiet, past
          // Vitest's 10 s at load 13 (postgres/link-signal.test.ts, 28 November).
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'web',
          ...SHARED_MODULES,
          root: './apps/web',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: UNIT_TEST_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'integration',
          root: './tests',
          include: ['integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The cross-process tests whose outcome depends on the store, again with every server
          // on PostgreSQL (R59): one throwaway PostgreSQL for the run, a database per server.
          // The rule: a file runs here if it checks what one store call cannot show — boards,
          // versions and forums kept across a restart or an older/newer database, or one
          // request writing several stores that must all land or all go (export and import,
          // copies, restores) — or if it reads storeUnderTest(). The stores' own rules (tokens,
          // territories, removed boards, votes, images and quotas, versions) run on both stores
          // in apps/server/src/postgres/contract/; the relay, the HTTP edge (limits, headers,
          // deadlines, upload spooling) and the command line do not reach the store: once,
          // above. The PostgreSQL and cluster files start their own servers: once, above.
          name: 'integration-postgres',
          root: './tests',
          include: [
            'integration/access.test.ts',
            'integration/archive*.test.ts',
            'integration/board-copy.test.ts',
            'integration/forum-delete.test.ts',
            'integration/forum-restore.test.ts',
            'integration/history.test.ts',
            'integration/http-api.test.ts',
            'integration/import.test.ts',
            'integration/import-failure-images.test.ts',
            'integration/new-board-storage.test.ts',
            'integration/plenary-list-forged.test.ts',
            'integration/newer-database.test.ts',
            'integration/restart.test.ts',
            'integration/restore.test.ts',
          ],
          globalSetup: ['./support/postgres-global.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // Fuzzing, chaos (faulty network, killed relay) and an idle soak against the built
          // server; FUZZ_FRAMES, CHAOS_ROUNDS and SOAK_SECONDS make them longer.
          name: 'chaos',
          root: './tests',
          include: ['chaos/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 30_000,
          // Beside the other files, two at a time like them: alone after them (one file at a
          // time), their ~50 s left a core idle, as most of it is waiting (an idle soak, a
          // full disk's retries, a relay killed and restarted). Their timings allow a loaded
          // machine.
        },
      },
      {
        test: {
          name: 'e2e',
          // Shared modules per worker, as the unit projects: isolated, each of the 80 files
          // imported playwright-core and the test support again (172 s of CI's e2e imports,
          // 28 November); shared, 12 s, and the e2e stage took 1,036 s where it took 1,137.
          // Each file still starts its own server and browser and closes them.
          isolate: false,
          // …and one Chromium per worker (tests/support/browser.ts): each file closes its
          // contexts, not the process.
          // …Chromium's headless shell (tests/support/browser.ts), not the full browser.
          env: { CARTON_ONE_BROWSER_PER_WORKER: '1', CARTON_HEADLESS_SHELL: '1' },
          // …whose profile folders the run's end removes (Playwright removes a closed one's).
          globalSetup: ['./support/browser-global.ts'],
          root: './tests',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time: most of an e2e test is waiting on a socket or a frame, so two
          // browsers on two cores take ~5 min where one at a time took ~7 (CI's budget is 15).
          maxWorkers: 2,
        },
      },
    ],
  },
});
