/**
 * Reading an answer of JSON lines (application/x-ndjson) as it arrives. The network
 * cuts the text anywhere, even inside a line or a multi-byte letter, so the pieces
 * are joined here and only whole lines are handed on.
 */
import { postForStream } from './client';

/** Splits text that arrives in pieces into whole lines; blank lines are skipped, a CR before the LF is dropped. */
export function lineSplitter() {
  let rest = '';
  const clean = (lines: string[]) => lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.trim() !== '');
  return {
    /** The lines this piece completes (the unfinished end waits for the next piece). */
    push(piece: string): string[] {
      const parts = (rest + piece).split('\n');
      rest = parts.pop() ?? '';
      return clean(parts);
    },
    /** The last line, when the text did not end with a newline. */
    end(): string[] {
      const last = clean([rest]);
      rest = '';
      return last;
    },
  };
}

/** Calls `onLine` with each JSON line of a byte stream, in order, as soon as the line is whole. */
export async function readJsonLines(body: ReadableStream<Uint8Array>, onLine: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  // One decoder for the whole stream: `stream: true` keeps a letter split between chunks.
  const decoder = new TextDecoder();
  const lines = lineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    for (const line of [...lines.push(text), ...(done ? lines.end() : [])]) onLine(JSON.parse(line));
    if (done) return;
  }
}

/** How far long work on the server has got: `done` of `total` (0 until the server says how many). */
export interface Progress {
  done: number;
  total: number;
}

/** How an answer of progress lines ended: with its result, with an error line, or cut off (the connection was lost). */
export type ProgressEnd<R> = { kind: 'result'; value: R; progress: Progress } | { kind: 'error'; line: unknown; progress: Progress } | { kind: 'lost'; progress: Progress };

/**
 * POSTs `body` asking for progress as JSON lines (the server's platform/http/json-lines.ts):
 * `{"total":N}`, `{"done":k}` lines, then `{[resultKey]: …}` or `{"error":{…}}`. Each line is
 * reported to `onProgress`; a refusal before any line is thrown as the API's ApiError.
 */
export async function postWithProgress<R>(path: string, body: unknown, resultKey: string, onProgress: (p: Progress) => void): Promise<ProgressEnd<R>> {
  const lines = await postForStream(path, body, 'application/x-ndjson');
  const progress: Progress = { done: 0, total: 0 };
  let result: { value: R } | null = null;
  let error: { line: unknown } | null = null;
  try {
    await readJsonLines(lines, (line) => {
      const l = line as Record<string, unknown>;
      if (typeof l.total === 'number') progress.total = l.total;
      else if (typeof l.done === 'number') progress.done = l.done;
      else if (l[resultKey]) result = { value: l[resultKey] as R };
      else if (l.error) error = { line };
      onProgress({ ...progress });
    });
  } catch {
    return { kind: 'lost', progress };
  }
  if (result) return { kind: 'result', value: (result as { value: R }).value, progress };
  if (error) return { kind: 'error', line: (error as { line: unknown }).line, progress };
  return { kind: 'lost', progress };
}
