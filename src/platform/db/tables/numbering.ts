import type { Generated } from 'kysely';

/** Numbering series and their counters per year: see migrations/0008_numbering.ts. */

export interface NumberingSeriesTable {
  document_type: string;
  pattern: string;
  version: Generated<number>;
  updated_at: string;
}

export interface NumberingCountersTable {
  document_type: string;
  year: number;
  last_sequence: number;
}

export interface NumberingTables {
  numbering_series: NumberingSeriesTable;
  numbering_counters: NumberingCountersTable;
}
