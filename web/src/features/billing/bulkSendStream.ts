/**
 * "Send all by e-mail" with progress: the same POST /invoices/send, asking for JSON lines
 * (Accept: application/x-ndjson), so the UI can say "k of N" while the server builds and
 * queues each PDF; the last line is the report the plain answer would give.
 *
 * Through postForStream, not api.post, which reads the whole answer at once. A refusal (no
 * permission, bad input) still comes back before any line as the API's JSON error, an ApiError.
 */
import { postWithProgress, type Progress } from '../../app/api/jsonLines';
import type { BulkSendReport } from './api';

export type BulkSendProgress = Progress;

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
  const end = await postWithProgress<BulkSendReport>('/invoices/send', target, 'report', options.onProgress);
  if (end.kind === 'result') return end.value;
  throw new BulkSendInterrupted(end.kind === 'error' ? 'server' : 'connection', end.progress.done, end.progress.total);
}
