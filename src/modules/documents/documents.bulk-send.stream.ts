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
import { PassThrough, type Readable } from 'node:stream';
import type { BulkSendReport, PreparedBulkSend } from './documents.bulk-send.ts';

export const NDJSON = 'application/x-ndjson';

/** Whether an Accept header asks for the JSON-lines progress (any listed media type equal to it; parameters ignored). */
export function wantsNdjson(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === NDJSON);
}

export interface BulkSendStream {
  /** The lines to answer with. */
  lines: Readable;
  /** Settles when every document has been tried, whether or not anyone still reads `lines`. */
  finished: Promise<BulkSendReport>;
}

/** Starts the prepared sending at once and streams its progress; `onFailure` hears an unexpected error (for the log). */
export function streamBulkSend(prepared: PreparedBulkSend, onFailure: (error: unknown) => void): BulkSendStream {
  const lines = new PassThrough();
  // Once the client is gone the stream is destroyed; the sending goes on without it.
  const emit = (value: unknown) => {
    if (!lines.destroyed && !lines.writableEnded) lines.write(`${JSON.stringify(value)}\n`);
  };
  emit({ total: prepared.total });
  const finished = prepared.run((outcome, done) => emit({ done, ...outcome }));
  finished.then(
    (report) => {
      emit({ report });
      lines.end();
    },
    (error: unknown) => {
      onFailure(error);
      // Never the error's own text: a 5xx does not leak internals, and neither does this line.
      emit({ error: { code: 'internal_error', message: 'The sending stopped on an unexpected error; the lines above say what was done' } });
      lines.end();
    },
  );
  return { lines, finished };
}
