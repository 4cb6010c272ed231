/**
 * Running an export with progress: the same POST /exports, asking for JSON lines
 * (Accept: application/x-ndjson), so the page can say "k of N documents" while a big
 * period is written; the last line is the batch the plain answer would give.
 *
 * Through postForStream, not api.post, which reads the whole answer at once. A refusal
 * (nothing to export, missing settings, no permission) still comes back before any line
 * as the API's JSON error, an ApiError; so does a problem found only while writing
 * (a VAT rate POHODA cannot name, a ZIP too large), from the error line.
 */
import { apiErrorOfLine } from '../../app/api/client';
import { postWithProgress, type Progress } from '../../app/api/jsonLines';
import type { ExportBatch, ExportFormat } from './api';

export type ExportProgress = Progress;

/**
 * The answer ended without the batch: the connection was lost after `done` of `total`
 * documents (the server goes on and records the batch; it shows under past exports).
 */
export class ExportInterrupted extends Error {
  constructor(readonly done: number, readonly total: number) {
    super(`The export answer ended after ${done} of ${total} documents`);
    this.name = 'ExportInterrupted';
  }
}

export async function runExportWithProgress(
  body: { format: ExportFormat; period: string; includeExported: boolean },
  options: { onProgress: (p: ExportProgress) => void },
): Promise<ExportBatch> {
  const end = await postWithProgress<ExportBatch>('/exports', body, 'batch', options.onProgress);
  if (end.kind === 'result') return end.value;
  if (end.kind === 'error') throw apiErrorOfLine(end.line);
  throw new ExportInterrupted(end.progress.done, end.progress.total);
}
