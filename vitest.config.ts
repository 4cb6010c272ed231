import { defineConfig } from 'vitest/config';

// Server tests (src/, test/) and the web app's pure unit tests (web/src/**/*.test.ts,
// no DOM needed); the browser journeys drive the real app in test/. Run through `npm test` (scripts/test.sh), which
// starts the throwaway PostgreSQL and sets KONTOR_TEST_PG_URL.
//
// Files run in parallel: every database test creates its own database per file.
// 2 workers suit the 2-core machines; override with KONTOR_TEST_WORKERS.
const workers = Number(process.env.KONTOR_TEST_WORKERS) || 2;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: workers,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    passWithNoTests: false,
  },
});
