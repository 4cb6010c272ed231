import type { Generated } from 'kysely';

/**
 * Tables and columns of invoicing: see migrations/0012_invoicing.ts. The
 * columns 0012 adds to invoices and invoice_lines join the row types of
 * tables/billing.ts by interface merging, so each migration keeps its own file.
 */

export interface InvoicePaymentsTable {
  id: Generated<number>;
  invoice_id: number;
  date: string;
  amount_minor: number;
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
  /** On a reversal: the entry it takes back; at most one reversal per entry, entries never change (0031). */
  reverses_payment_id: Generated<number | null>;
}

declare module './billing.ts' {
  interface InvoicesTable {
    /** Gross amount credited so far by credit notes (positive). */
    credited_minor: Generated<number>;
    sent_at: string | null;
  }
  interface InvoiceLinesTable {
    /** On a credit note: the invoice line it corrects. */
    corrects_line_id: number | null;
  }
}

export interface InvoicingTables {
  invoice_payments: InvoicePaymentsTable;
}
