/**
 * Accounting exports at period scale: an ISDOC ZIP and a POHODA dataPack of
 * 10,000 generated invoices, written the way the server writes a batch
 * (documents produced one at a time, streamed to a file while hashed), each in
 * its own fresh process so the peak RSS belongs to that export alone.
 * Run: npm run bench:exports [count]
 * Targets (docs): each under 10 s with RSS under 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { exporterFor } from '../src/modules/exports/domain/adapters.ts';
import { isExportFormat, type ExportItem } from '../src/modules/exports/domain/exporter.ts';
import { batchStream } from '../src/modules/exports/exports.stream.ts';
import { czSupplier, generatedInvoice } from '../test/fixtures/exports/documents.ts';

const [, script, first, second] = process.argv;

async function runOne(format: string, count: number): Promise<void> {
  if (!isExportFormat(format)) throw new Error(`unknown format ${format}`);
  const exporter = exporterFor(format);
  const dir = mkdtempSync(join(tmpdir(), 'kontor-bench-exports-'));
  const file = join(dir, exporter.batch.fileName('2026-10'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  async function* items(): AsyncGenerator<ExportItem> {
    for (let i = 0; i < count; i++) yield { kind: 'invoice', doc: generatedInvoice(i) };
  }
  const hash = createHash('sha256');
  const started = performance.now();
  await pipeline(batchStream(exporter, { period: '2026-10', packId: 'KONTOR-BENCH', supplier: czSupplier }, items(), new Date('2026-11-02T00:00:00Z')), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  }, createWriteStream(file));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const size = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ format, count, seconds: Number(seconds.toFixed(2)), peakRssMb: Math.round(peak / 1048576), fileMb: Number((size / 1048576).toFixed(1)), sha256: hash.digest('hex').slice(0, 12) }));
}

if (first === '--one') {
  await runOne(second!, Number(process.argv[4] ?? 10_000));
} else {
  const count = Number(first ?? 10_000);
  console.log(`accounting exports of ${count} invoices (targets: < 10 s, RSS < 300 MB each)`);
  let ok = true;
  for (const format of ['isdoc', 'pohoda'] as const) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script!, '--one', format, String(count)], { encoding: 'utf8' }).trim();
    const r = JSON.parse(out) as { seconds: number; peakRssMb: number; fileMb: number };
    const pass = r.seconds < 10 && r.peakRssMb < 300;
    ok &&= pass;
    console.log(`${format.padEnd(7)} ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${String(r.peakRssMb).padStart(4)} MB  file ${r.fileMb} MB  ${pass ? 'ok' : 'OVER TARGET'}`);
  }
  if (!ok) process.exitCode = 1;
}
