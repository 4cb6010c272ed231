import { describe, expect, it } from 'vitest';
import { lineSplitter, readJsonLines } from './jsonLines';

describe('splitting text that arrives in pieces into lines', () => {
  it('hands on only whole lines, joining a line cut between pieces', () => {
    const s = lineSplitter();
    expect(s.push('{"total":3}\n{"do')).toEqual(['{"total":3}']);
    expect(s.push('ne":1}')).toEqual([]);
    expect(s.push('\n{"done":2}\n{"done":3}\n')).toEqual(['{"done":1}', '{"done":2}', '{"done":3}']);
    expect(s.end()).toEqual([]);
  });

  it('skips blank lines, drops a CR before the LF, and gives the last line without a newline at the end', () => {
    const s = lineSplitter();
    expect(s.push('a\r\n\n  \nb')).toEqual(['a']);
    expect(s.end()).toEqual(['b']);
    expect(s.end()).toEqual([]);
  });
});

/** A byte stream delivering exactly these chunks. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe('reading JSON lines from a byte stream', () => {
  it('parses each line in order, even with a letter cut between chunks', async () => {
    const bytes = new TextEncoder().encode('{"total":2}\n{"done":1,"to":"účetní@firma.cz"}\n{"report":{"sent":[]}}');
    // Cut inside the two bytes of "ú".
    const cut = bytes.indexOf(0xc3);
    const values: unknown[] = [];
    await readJsonLines(streamOf([bytes.slice(0, 5), bytes.slice(5, cut + 1), bytes.slice(cut + 1)]), (v) => values.push(v));
    expect(values).toEqual([{ total: 2 }, { done: 1, to: 'účetní@firma.cz' }, { report: { sent: [] } }]);
  });

  it('fails on a line that is not JSON', async () => {
    await expect(readJsonLines(streamOf([new TextEncoder().encode('{"total":1}\n<html>\n')]), () => undefined)).rejects.toThrow(SyntaxError);
  });
});
