import { defineConfig } from 'vitest/config';

// Server tests (src/, test/) and the web app's pure unit tests (web/src/**/*.test.ts,
// no DOM needed); the browser journeys drive the real app in test/. Run through `npm test` (scripts/test.sh), which
// starts the throwaway PostgreSQL and sets KONTOR_TEST_PG_URL.
//
// Files run in parallel: every database test creates its own database per file.
// 2 workers suit the 2-core machines; override with KONTOR_TEST_WORKERS.
const workers = Number(process.env.KONTOR_TEST_WORKERS) || 2;

const INCLUDE = ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'];
// Files that need a process and module registry of their own are named *.isolated.test.ts:
// - one that replaces a module with vi.mock (a module another file has already loaded in the
//   same worker would be the real one);
// - one that changes the process's time zone (process.env.TZ): modules keep date formatters
//   made in the zone of their first use;
// - one that measures the process itself (its event loop, its collections): what earlier
//   files left running would be counted.
const ISOLATED = ['**/*.isolated.test.ts'];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: workers,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    passWithNoTests: false,
    projects: [
      // Most files share their worker's loaded modules: each file builds its own database,
      // server and clock. The state a module does keep (the web's language) each file that
      // depends on it sets first. Loading the server's
      // modules once per worker instead of once per file saves minutes of a run.
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: [...ISOLATED, '**/node_modules/**', '**/dist/**'], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
