/**
 * "Send all by e-mail" with progress: the same POST /invoices/send, asking for JSON lines
 * (Accept: application/x-ndjson), so the UI can say "k of N" while the server builds and
 * queues each PDF; the last line is the report the plain answer would give.
 *
 * Through postForStream, not api.post, which reads the whole answer at once. A refusal (no
 * permission, bad input) still comes back before any line as the API's JSON error, an ApiError.
 */
import { postForStream } from '../../app/api/client';
import type { BulkSendReport } from './api';
import { readJsonLines } from '../../app/api/jsonLines';

export interface BulkSendProgress {
  done: number;
  total: number;
}

/**
 * The answer ended before its report: the connection was lost (the server finishes the
 * sending anyway) or the server stopped on an unexpected error. `done` of `total` were tried.
 */
export class BulkSendInterrupted extends Error {
  constructor(readonly reason: 'connection' | 'server', readonly done: number, readonly total: number) {
    super(`The bulk e-mail answer ended after ${done} of ${total} (${reason})`);
    this.name = 'BulkSendInterrupted';
  }
}

export async function sendManyWithProgress(
  target: { ids: number[] } | { period: string },
  options: { onProgress: (p: BulkSendProgress) => void },
): Promise<BulkSendReport> {
  const lines = await postForStream('/invoices/send', target, 'application/x-ndjson');
  const progress: BulkSendProgress = { done: 0, total: 0 };
  let report: BulkSendReport | null = null;
  let failed = false;
  try {
    await readJsonLines(lines, (line) => {
      const l = line as { total?: number; done?: number; report?: BulkSendReport; error?: unknown };
      if (typeof l.total === 'number') progress.total = l.total;
      else if (typeof l.done === 'number') progress.done = l.done;
      else if (l.report) report = l.report;
      else if (l.error) failed = true;
      options.onProgress({ ...progress });
    });
  } catch {
    throw new BulkSendInterrupted('connection', progress.done, progress.total);
  }
  if (report) return report;
  throw new BulkSendInterrupted(failed ? 'server' : 'connection', progress.done, progress.total);
}
