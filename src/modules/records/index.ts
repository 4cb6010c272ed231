/**
 * Service records: work entries, travel and unit fees logged on tickets, priced
 * on write through the pricing module; approval (draft → submitted → approved,
 * billed by billing runs and then locked); timers; week timesheets; CSV/XLSX
 * export; bulk logging and CSV import.
 */
import { createRecordsBulk } from './records.bulk.ts';
import type { RecordsDeps } from './records.context.ts';
import { createRecordsExport } from './records.export.ts';
import { createRecordsService } from './records.service.ts';
import { createTimers } from './records.timers.ts';
import { createTimesheets } from './records.timesheets.ts';
import { createRecordsWorkflow } from './records.workflow.ts';

export { recordsRoutes, type RecordsRouteDeps } from './records.routes.ts';
export { IMPORT_COLUMNS, type RecordsBulk } from './records.bulk.ts';
export type { RecordsDeps } from './records.context.ts';
export type { RecordsService } from './records.service.ts';
export type { RecordsWorkflow } from './records.workflow.ts';
export type { Timers } from './records.timers.ts';
export type { Timesheets } from './records.timesheets.ts';
export type { RecordsExport } from './records.export.ts';
/** CSV writing and money as spreadsheet text, for other modules' exports. */
export { formatCsv } from './domain/csv.ts';
export { formatMinor } from './records.export.ts';
export type { ServiceRecord, NewRecord, BulkReport, Timer } from './records.schemas.ts';
/** Prices a ticket's unbilled records again (the contracts module, when the ticket's contract changes). */
export { repriceTicketRecords } from './records.reprice.ts';
export { createMaterialRecords, createReturnRecord, materialTicket, materialPricing, type CreatedMaterialRecord, type MaterialIssue, type MaterialReturn, type MaterialTicket } from './records.material.ts';

/** Every part of the records module over the same dependencies (the app and the CLI use this). */
export function createRecords(deps: RecordsDeps) {
  const records = createRecordsService(deps);
  return {
    records,
    workflow: createRecordsWorkflow(deps),
    bulk: createRecordsBulk({ ...deps, records }),
    timers: createTimers({ ...deps, records }),
    timesheets: createTimesheets(deps),
    exports: createRecordsExport({ records }),
  };
}

export type Records = ReturnType<typeof createRecords>;
