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
import { apiErrorOfLine, postForStream } from '../../app/api/client';
import { readJsonLines } from '../../app/api/jsonLines';
import type { ExportBatch, ExportFormat } from './api';

export interface ExportProgress {
  done: number;
  /** 0 until the server said how many documents go in. */
  total: number;
}

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
  const lines = await postForStream('/exports', body, 'application/x-ndjson');
  const progress: ExportProgress = { done: 0, total: 0 };
  let batch: ExportBatch | null = null;
  let stopped: unknown = null;
  try {
    await readJsonLines(lines, (line) => {
      const l = line as { total?: number; done?: number; batch?: ExportBatch; error?: unknown };
      if (typeof l.total === 'number') progress.total = l.total;
      else if (typeof l.done === 'number') progress.done = l.done;
      else if (l.batch) batch = l.batch;
      else if (l.error) stopped = apiErrorOfLine(line);
      options.onProgress({ ...progress });
    });
  } catch {
    throw new ExportInterrupted(progress.done, progress.total);
  }
  if (batch) return batch;
  if (stopped) throw stopped;
  throw new ExportInterrupted(progress.done, progress.total);
}
