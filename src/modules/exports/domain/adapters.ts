/**
 * The adapters: one AccountingExporter per accounting program or standard. Each
 * is pure (documents in, bytes out); writing the ZIP or file and streaming it is
 * the service's job, the same for all of them.
 */
import type { InvoiceDocument, Supplier } from '../../billing/index.ts';
import { csvHeader, INVOICE_COLUMNS, invoiceCsvRow, LINE_COLUMNS, lineCsvRows, VAT_COLUMNS, vatCsvRows } from './csv.ts';
import { toXmlWindows1250 } from './encoding.ts';
import type { AccountingExporter, BatchChunk, BatchContext, BatchWriter, ExportFormat, ExportItem, RequiredSetting } from './exporter.ts';
import { isdocXml } from './isdoc.ts';
import { fileSafe } from './numbers.ts';
import { POHODA_TAIL, pohodaHead, pohodaItemXml, slipCurrencyOf, unmappedPohodaRates } from './pohoda.ts';
import { ublXml } from './ubl.ts';

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function missing(supplier: Supplier, required: readonly RequiredSetting[]): RequiredSetting[] {
  const has: Record<RequiredSetting, boolean> = {
    // A non-payer has no VAT id and formats state that instead.
    'supplier.vatId': !supplier.vatPayer || Boolean(supplier.vatId),
    'supplier.bankAccount': Boolean(supplier.bankAccount && (supplier.bankAccount.iban || supplier.bankAccount.accountNumber)),
    'supplier.companyId': Boolean(supplier.companyId),
    'supplier.address': Boolean(supplier.address.street && supplier.address.city && supplier.address.postalCode && supplier.address.country),
  };
  return required.filter((r) => !has[r]);
}

/** A batch that is a ZIP of one file per invoice. */
function filePerDocument(fileName: (doc: InvoiceDocument) => string, bytes: (doc: InvoiceDocument) => Uint8Array): () => BatchWriter {
  return () => ({
    start: () => [],
    add: (item: ExportItem): BatchChunk[] => (item.kind === 'invoice' ? [{ file: fileName(item.doc), bytes: bytes(item.doc), whole: true }] : []),
    finish: () => [],
  });
}

const isdoc: AccountingExporter = {
  format: 'isdoc',
  label: 'ISDOC 6.0.2',
  mediaType: 'application/x-isdoc',
  encoding: 'utf-8',
  fileName: (doc) => `${fileSafe(doc.number)}.isdoc`,
  exportDocument: (doc) => utf8(isdocXml(doc)),
  batch: { container: 'zip', mediaType: 'application/zip', fileName: (period) => `isdoc-${period}.zip` },
  carriesSlips: false,
  carriesClients: false,
  missingSettings: (s) => missing(s, ['supplier.bankAccount', 'supplier.vatId', 'supplier.address']),
  openBatch: () => filePerDocument(isdoc.fileName, isdoc.exportDocument)(),
};

const ubl: AccountingExporter = {
  format: 'ubl',
  label: 'UBL 2.1 / Peppol BIS Billing 3.0',
  mediaType: 'application/xml',
  encoding: 'utf-8',
  fileName: (doc) => `${fileSafe(doc.number)}.xml`,
  exportDocument: (doc) => utf8(ublXml(doc)),
  batch: { container: 'zip', mediaType: 'application/zip', fileName: (period) => `ubl-${period}.zip` },
  carriesSlips: false,
  carriesClients: false,
  missingSettings: (s) => missing(s, ['supplier.bankAccount', 'supplier.vatId', 'supplier.companyId', 'supplier.address']),
  openBatch: () => filePerDocument(ubl.fileName, ubl.exportDocument)(),
};

function pohodaBatch(context: BatchContext): BatchWriter {
  const file = pohoda.batch.fileName(context.period);
  const chunk = (xml: string): BatchChunk[] => [{ file, bytes: toXmlWindows1250(xml), whole: false }];
  return {
    start: () => chunk(pohodaHead(context.supplier, context.packId, `Kontor ${context.period}`)),
    add: (item) => chunk(pohodaItemXml(item)),
    finish: () => chunk(POHODA_TAIL),
  };
}

const pohoda: AccountingExporter = {
  format: 'pohoda',
  label: 'POHODA XML',
  mediaType: 'application/xml',
  encoding: 'windows-1250',
  fileName: (doc) => `${fileSafe(doc.number)}.xml`,
  exportDocument: (doc) => {
    const head = pohodaHead(doc.supplier, `KONTOR-${fileSafe(doc.number)}`, doc.number);
    return toXmlWindows1250(head + pohodaItemXml({ kind: 'invoice', doc }) + POHODA_TAIL);
  },
  batch: { container: 'file', mediaType: 'application/xml', fileName: (period) => `pohoda-${period}.xml` },
  carriesSlips: true,
  carriesClients: true,
  missingSettings: (s) => missing(s, ['supplier.companyId', 'supplier.vatId', 'supplier.bankAccount']),
  unmappedVatRates: unmappedPohodaRates,
  unwritableSlip: (slip) => {
    const valued = slipCurrencyOf(slip);
    return 'mixed' in valued ? valued.mixed : null;
  },
  openBatch: pohodaBatch,
};

const INVOICES_CSV = 'invoices.csv';
const LINES_CSV = 'lines.csv';
const VAT_CSV = 'vat.csv';

const csv: AccountingExporter = {
  format: 'csv',
  label: 'CSV',
  mediaType: 'text/csv',
  encoding: 'utf-8',
  fileName: (doc) => `${fileSafe(doc.number)}.csv`,
  exportDocument: (doc) => utf8(csvHeader(INVOICE_COLUMNS) + invoiceCsvRow(doc)),
  batch: { container: 'zip', mediaType: 'application/zip', fileName: (period) => `csv-${period}.zip` },
  carriesSlips: false,
  carriesClients: false,
  missingSettings: () => [],
  openBatch: () => ({
    start: () => [
      { file: INVOICES_CSV, bytes: utf8(csvHeader(INVOICE_COLUMNS)), whole: false },
      { file: LINES_CSV, bytes: utf8(csvHeader(LINE_COLUMNS)), whole: false },
      { file: VAT_CSV, bytes: utf8(csvHeader(VAT_COLUMNS)), whole: false },
    ],
    add: (item) =>
      item.kind === 'invoice'
        ? [
            { file: INVOICES_CSV, bytes: utf8(invoiceCsvRow(item.doc)), whole: false },
            { file: LINES_CSV, bytes: utf8(lineCsvRows(item.doc)), whole: false },
            { file: VAT_CSV, bytes: utf8(vatCsvRows(item.doc)), whole: false },
          ]
        : [],
    finish: () => [],
  }),
};

export const EXPORTERS: Readonly<Record<ExportFormat, AccountingExporter>> = { isdoc, pohoda, ubl, csv };

export function exporterFor(format: ExportFormat): AccountingExporter {
  return EXPORTERS[format];
}
