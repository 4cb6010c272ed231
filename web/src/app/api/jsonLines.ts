/**
 * Reading an answer of JSON lines (application/x-ndjson) as it arrives. The network
 * cuts the text anywhere, even inside a line or a multi-byte letter, so the pieces
 * are joined here and only whole lines are handed on.
 */

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
