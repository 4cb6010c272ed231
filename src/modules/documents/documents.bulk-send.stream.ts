/**
 * The bulk send's progress as a stream of JSON lines (application/x-ndjson), for a
 * client that shows "k of N" while up to 500 PDFs are built and queued:
 *   {"total":N}
 *   {"done":k,"id":…,"number":…,"sent":true,"to":…}   (or "sent":false with "code" and "message"), one per document in order
 *   {"report":{"sent":[…],"notSent":[…]}}              the same report the plain JSON answer gives
 * If something unexpected stops the sending, the last line is {"error":{"code","message"}} instead.
 *
 * The sending is not tied to the connection: a client that goes away mid-way only
 * stops hearing about it. Each document is its own transaction, so stopping in the
 * middle would leave nothing wrong either, but finishing spares the user a half-done batch.
 */
import type { Readable } from 'node:stream';
import { jsonLinesWriter, stoppedLine } from '../../platform/http/json-lines.ts';
import type { BulkSendReport, PreparedBulkSend } from './documents.bulk-send.ts';

export interface BulkSendStream {
  /** The lines to answer with. */
  lines: Readable;
  /** Settles when every document has been tried, whether or not anyone still reads `lines`. */
  finished: Promise<BulkSendReport>;
}

/** Starts the prepared sending at once and streams its progress; `onFailure` hears an unexpected error (for the log). */
export function streamBulkSend(prepared: PreparedBulkSend, onFailure: (error: unknown) => void): BulkSendStream {
  const out = jsonLinesWriter();
  out.write({ total: prepared.total });
  const finished = prepared.run((outcome, done) => out.write({ done, ...outcome }));
  finished.then(
    (report) => out.end({ report }),
    (error: unknown) => {
      onFailure(error);
      out.end(stoppedLine(error, 'The sending stopped on an unexpected error; the lines above say what was done'));
    },
  );
  return { lines: out.stream, finished };
}
