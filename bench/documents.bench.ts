// Document speed target (the PDF-and-QR issue): 1,000 invoice PDFs with payment
// QR codes in under 20 s on this machine, rendered one after another in one
// process (fonts parsed once, reused by every document).
//
//   npm run bench:documents      BENCH_DOCUMENTS (1000)
//
// The invoices vary (number, variable symbol, lines, amounts, every third one a
// PAY by square EUR invoice to a Slovak client), so neither the QR codes nor the
// font subsets are the same document repeated. The machine may be shared: the
// load average and the process CPU time are printed beside the wall time (CPU
// time is the steadier figure). Exit code 1 when the target is missed.
import { loadavg } from 'node:os';
import type { InvoiceDocument } from '../src/modules/billing/index.ts';
import { vatRecap } from '../src/modules/billing/domain/vat.ts';
import { paymentQr, renderInvoicePdf } from '../src/modules/documents/index.ts';
import { czInvoice, skReverseChargeInvoice } from '../test/fixtures/documents/invoices.ts';

const COUNT = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const TARGET_MS = 20_000 * (COUNT / 1000);
const WORDS = ['Servis', 'tiskárny', 'výměna', 'disku', 'konfigurace', 'síťového', 'přepínače', 'zálohování', 'serveru', 'ďábelské', 'účetní', 'stanice', 'kůň', 'Ťapka'];

function invoice(i: number): InvoiceDocument {
  const base = i % 3 === 2 ? skReverseChargeInvoice : czInvoice;
  const lines = Array.from({ length: 3 + (i % 9) }, (_, n) => {
    const quantityMilli = 250 * ((i + n) % 12 + 1);
    const unitPriceMinor = 45_000 + ((i * 7 + n * 131) % 90_000);
    return {
      position: n + 1,
      kind: 'work' as const,
      description: `${WORDS[(i + n) % WORDS.length]} ${WORDS[(i * 3 + n) % WORDS.length]} – záznam ${i}-${n}`,
      quantityMilli,
      unit: 'h',
      unitPriceMinor,
      netMinor: Math.round((quantityMilli * unitPriceMinor) / 1000),
      vatRateBp: n % 4 === 3 ? 1200 : 2100,
      itemCode: null,
    };
  });
  const recap = vatRecap(lines, { reverseCharge: base.reverseCharge, roundTotal: base.currency === 'CZK' });
  const number = `FV2026-${String(i + 1).padStart(5, '0')}`;
  return {
    ...base,
    id: String(i + 1),
    number,
    variableSymbol: String(20260000 + i + 1),
    lines,
    vatRecap: recap.groups,
    netMinor: recap.netMinor,
    vatMinor: recap.vatMinor,
    roundingMinor: recap.roundingMinor,
    totalMinor: recap.totalMinor,
  };
}

const documents = Array.from({ length: COUNT }, (_, i) => invoice(i));
const withQr = documents.filter((d) => paymentQr(d) !== null).length;
const load = loadavg()[0]!.toFixed(2);

const firstStart = performance.now();
await renderInvoicePdf(documents[0]!);
const firstMs = performance.now() - firstStart;

const cpuStart = process.cpuUsage();
const start = performance.now();
let bytes = 0;
for (const doc of documents) bytes += (await renderInvoicePdf(doc)).length;
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;

console.log(`documents: ${COUNT} invoice PDFs (${withQr} with a payment QR code), load average ${load} on entry, ${loadavg()[0]!.toFixed(2)} at the end`);
console.log(`  first document (parses the fonts)   ${firstMs.toFixed(0)} ms`);
console.log(`  all ${COUNT}: wall time              ${(wallMs / 1000).toFixed(2)} s   (target < ${(TARGET_MS / 1000).toFixed(0)} s)`);
console.log(`  per document: wall ${(wallMs / COUNT).toFixed(1)} ms, CPU ${(cpuMs / COUNT).toFixed(1)} ms, size ${(bytes / COUNT / 1024).toFixed(0)} KB`);
const ok = wallMs < TARGET_MS;
console.log(ok ? 'PASS' : 'FAIL: slower than the target');
process.exitCode = ok ? 0 : 1;
