// Module boundaries of Kontor (see /docs and DESIGN.md "Rules of the house").
// Run: npm run check:boundaries   (part of npm test)
//
// Test files (*.test.ts) may reach into another module's internals and use I/O for
// fixtures; production code may not.
const TEST_FILE = '\\.test\\.tsx?$';

/** Node built-ins that do I/O (or touch the process/OS): forbidden in domain/. */
const IO_BUILTINS =
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|cluster|dgram|dns|dns/promises|tls|' +
  'worker_threads|os|readline|readline/promises|repl|inspector|vm|v8|process|timers|timers/promises|perf_hooks|stream|stream/promises)$';

/** Packages that do I/O: forbidden in domain/. */
const IO_PACKAGES =
  '(^|/)node_modules/(kysely|better-sqlite3|pg|pg-[^/]+|fastify|@fastify/[^/]+|fastify-[^/]+|nodemailer|ldapts|imapflow|smtp-server|mailparser|pino|prom-client)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles are forbidden anywhere (type-only imports are ignored: they vanish at run time).',
      severity: 'error',
      from: { path: '^(src|migrations)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-public-door',
      comment:
        'A module may import another module only through its index.ts ' +
        '(src/modules/<b>/index.ts), never its internals.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST_FILE },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'domain-no-platform',
      comment: 'domain/ is pure: it may not import src/platform/.',
      severity: 'error',
      from: { path: '(^|/)domain/', pathNot: TEST_FILE },
      to: { path: '^src/platform/' },
    },
    {
      name: 'domain-no-io-builtins',
      comment: 'domain/ is pure: no Node built-ins that do I/O (fs, net, http, child_process, ...).',
      severity: 'error',
      from: { path: '(^|/)domain/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'], path: IO_BUILTINS },
    },
    {
      name: 'domain-no-io-packages',
      comment: 'domain/ is pure: no database, HTTP, mail or logging packages (kysely, better-sqlite3, pg, fastify, ...).',
      severity: 'error',
      from: { path: '(^|/)domain/', pathNot: TEST_FILE },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'shared-is-leaf',
      comment: 'src/shared/ is the pure shared core: it may not import src/platform/ or src/modules/.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(platform|modules)/' },
    },
    {
      name: 'migrations-frozen',
      comment: 'Migrations are frozen in time: they may not import application code from src/.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved (typo, missing package, or missing .ts file).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|web/dist)/' },
    // Count `import type` too (a domain file may not even name platform types),
    // and mark them so the cycle rule can ignore them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
