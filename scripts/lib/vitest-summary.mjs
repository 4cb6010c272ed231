// Reads vitest's JSON report and prints the plain closing line CI reads:
//   N passed, N failed[, N skipped]
// Usage: node scripts/lib/vitest-summary.mjs <report.json> <vitest exit code> [extra failed]
// Counts tests (assertion results), not files. A test file that failed without a
// failing test (it could not load, or a hook failed) counts as one failed test; so
// does a non-zero vitest exit with no failure in the report (unhandled errors).
// "extra failed" adds failed checks outside vitest (type check, boundaries).
// Exit code: 0 when nothing failed and at least one test passed, else 1.
import { existsSync, readFileSync } from 'node:fs';

const [file, vitestExitArg = '0', extraArg = '0'] = process.argv.slice(2);
const vitestExit = Number(vitestExitArg);
const extraFailed = Number(extraArg) || 0;

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

if (!file || !existsSync(file)) {
  notes.push('vitest wrote no JSON report (it crashed or found no test files)');
  failed += 1;
} else {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    notes.push(`unreadable vitest JSON report: ${err.message}`);
    failed += 1;
  }
  for (const suite of report?.testResults ?? []) {
    let suiteFailed = 0;
    for (const t of suite.assertionResults ?? []) {
      if (t.status === 'passed') passed += 1;
      else if (t.status === 'failed') {
        failed += 1;
        suiteFailed += 1;
      } else skipped += 1; // pending, skipped, todo, disabled
    }
    if (suite.status === 'failed' && suiteFailed === 0) {
      failed += 1;
      const msg = String(suite.message ?? '').split('\n')[0];
      notes.push(`file failed outside its tests: ${suite.name}${msg ? `: ${msg}` : ''}`);
    }
  }
  if (report && (report.testResults ?? []).length === 0) {
    notes.push('no test file matched');
  } else if (report && vitestExit !== 0 && failed === 0) {
    failed += 1;
    notes.push(`vitest exited with code ${vitestExit} (unhandled errors?)`);
  }
}

if (passed + failed === 0) {
  failed += 1;
  notes.push('no test ran: that is a failure');
}
failed += extraFailed;

for (const n of notes) console.log(`test summary: ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
