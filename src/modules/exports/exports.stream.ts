/**
 * Writes a batch as a byte stream while documents are still being read, so a
 * period of any size never sits in memory whole: a single file (POHODA) is a
 * sequence of chunks; a ZIP (ISDOC, UBL, CSV) gets one entry per whole file at
 * once, and files built up in parts (the CSV tables) grow in a temporary file
 * and join the ZIP at the end. Reading pauses while the consumer is behind.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AccountingExporter, BatchChunk, BatchContext, ExportItem } from './domain/exporter.ts';
import { ZipWriter } from './exports.zip.ts';

export function batchStream(exporter: AccountingExporter, context: BatchContext, items: AsyncIterable<ExportItem>, mtime: Date): Readable {
  const writer = exporter.openBatch(context);
  if (exporter.batch.container === 'file') {
    return Readable.from(
      (async function* () {
        for (const c of writer.start()) yield Buffer.from(c.bytes);
        for await (const item of items) for (const c of writer.add(item)) yield Buffer.from(c.bytes);
        for (const c of writer.finish()) yield Buffer.from(c.bytes);
      })(),
    );
  }
  return Readable.from(zipChunks(writer, items, mtime));
}

async function* zipChunks(writer: ReturnType<AccountingExporter['openBatch']>, items: AsyncIterable<ExportItem>, mtime: Date): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  const zip = new ZipWriter((bytes) => pending.push(bytes), mtime);
  const dir = await mkdtemp(join(tmpdir(), 'kontor-export-'));
  const parts = new Map<string, { path: string; out: WriteStream }>();
  const put = async (chunks: BatchChunk[]) => {
    for (const c of chunks) {
      if (c.whole) {
        zip.add(c.file, c.bytes);
        continue;
      }
      let part = parts.get(c.file);
      if (!part) {
        const path = join(dir, String(parts.size));
        part = { path, out: createWriteStream(path) };
        parts.set(c.file, part);
      }
      if (!part.out.write(c.bytes)) await once(part.out, 'drain');
    }
  };
  const flush = () => {
    const out = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    return out;
  };
  try {
    await put(writer.start());
    for await (const item of items) {
      await put(writer.add(item));
      if (pending.length) yield flush();
    }
    await put(writer.finish());
    for (const [file, part] of parts) {
      part.out.end();
      await once(part.out, 'finish');
      // A CSV table of a period is a few megabytes: read whole to be deflated as one entry.
      zip.add(file, await readFile(part.path));
    }
    zip.end();
    yield flush();
  } finally {
    for (const part of parts.values()) part.out.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
