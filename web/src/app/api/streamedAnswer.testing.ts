import { vi } from 'vitest';

/**
 * For tests of answers read as they arrive: stubs the global fetch with one answer whose
 * body comes in these pieces (a line may be cut between two), and returns the stub to
 * look at the request made. Undo with vi.unstubAllGlobals().
 */
export function stubStreamedAnswer(status: number, pieces: string[], contentType = 'application/x-ndjson') {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  const fetchMock = vi.fn(async () => new Response(body, { status, headers: { 'content-type': contentType } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
