/**
 * Accounting exports: issued invoices and credit notes (and for POHODA issue
 * slips and address-book entries) to ISDOC, POHODA XML, UBL 2.1 / Peppol BIS
 * and CSV, as recorded batches per period. One adapter per program
 * (domain/adapters.ts); a new program is one more adapter.
 */
export { createExportsService, type ExportsDeps, type ExportsService } from './exports.service.ts';
export { exportsRoutes } from './exports.routes.ts';
export { EXPORTERS, exporterFor } from './domain/adapters.ts';
export { EXPORT_FORMATS, isExportFormat, type AccountingExporter, type ExportFormat } from './domain/exporter.ts';
export type { ExportBatch, ExportPreview } from './exports.schemas.ts';
export { isdocXml } from './domain/isdoc.ts';
