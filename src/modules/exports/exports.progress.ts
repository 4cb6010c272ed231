/**
 * An export's progress as JSON lines (application/x-ndjson), for a page that shows
 * "k of N documents" while a big period is written (10 000 invoices take seconds to a minute):
 *   {"total":N}        documents going in (known up front: the period's candidates are counted before writing)
 *   {"done":k}         documents written so far, paced (domain/progress-pace.ts), the last one always
 *   {"batch":{…}}      the batch, the same object the plain JSON answer gives
 * If the export stops on an error, the last line is {"error":{…}} instead: a user's problem found
 * only while writing (batch_too_large) as its 4xx error object, anything else as internal_error.
 * No batch is recorded then. (vat_rate_not_mapped is checked before the first line; the documents
 * are issued and keep their rates, so the writer cannot meet a rate the check did not see.)
 *
 * The export is not tied to the connection: a client that goes away only stops hearing
 * about it, and the batch is recorded as usual (the page lists it under past exports).
 */
import type { Readable } from 'node:stream';
import { jsonLinesWriter, stoppedLine } from '../../platform/http/json-lines.ts';
import { progressPace } from './domain/progress-pace.ts';
import { batchSchema, type ExportBatch } from './exports.schemas.ts';
import type { PreparedExport } from './exports.service.ts';

export interface ExportStream {
  /** The lines to answer with. */
  lines: Readable;
  /** Settles when the batch is recorded (or the export failed), whether or not anyone still reads `lines`. */
  finished: Promise<ExportBatch>;
}

/**
 * Starts the prepared export at once and streams its progress; `onFailure` hears an error
 * that stopped it (for the log). `nowMs` is a monotonic clock: pacing is about wall time the
 * user waits, not the business clock (which tests and demos may freeze).
 */
export function streamExport(prepared: PreparedExport, onFailure: (error: unknown) => void, nowMs: () => number = () => performance.now()): ExportStream {
  const out = jsonLinesWriter();
  out.write({ total: prepared.total });
  const pace = progressPace(prepared.total, nowMs());
  const finished = prepared.run((done) => {
    if (pace.due(done, nowMs())) out.write({ done });
  });
  finished.then(
    // Through its schema, as the plain answer is: no column leaks.
    (batch) => out.end({ batch: batchSchema.parse(batch) }),
    (error: unknown) => {
      onFailure(error);
      out.end(stoppedLine(error, 'The export stopped on an unexpected error; no batch was recorded'));
    },
  );
  return { lines: out.stream, finished };
}
