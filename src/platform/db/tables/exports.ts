import type { Generated } from 'kysely';

/** Accounting export batches: see migrations/0014_exports.ts. */

export interface ExportBatchesTable {
  id: Generated<number>;
  format: string;
  period: string;
  created_by: number | null;
  created_at: string;
  document_count: number;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  include_exported: Generated<number>;
}

export type ExportDocumentKind = 'invoice' | 'slip' | 'client';

export interface ExportBatchDocumentsTable {
  batch_id: number;
  document_kind: ExportDocumentKind;
  document_id: number;
}

export interface ExportsTables {
  export_batches: ExportBatchesTable;
  export_batch_documents: ExportBatchDocumentsTable;
}
