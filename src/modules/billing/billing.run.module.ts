import { createDrafts } from './billing.drafts.ts';
import { createBillingRuns, type BillingRunDeps } from './billing.run.ts';
import { createWorkReports } from './billing.work-report.ts';

/** Billing runs, draft adjustments and work reports over the same dependencies (the app and the CLI use this). */
export function createBillingRunsModule(deps: BillingRunDeps) {
  return { runs: createBillingRuns(deps), drafts: createDrafts(deps), workReports: createWorkReports(deps) };
}

export type BillingRunsModule = ReturnType<typeof createBillingRunsModule>;
