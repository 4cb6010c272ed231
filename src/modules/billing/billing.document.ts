/**
 * The InvoiceDocument of a stored invoice or credit note: what the PDF, the
 * e-mail, the HTML preview and the accounting exports all print. Issued
 * documents use the snapshots taken at issue (supplier, customer, totals), so
 * they print the same forever; a draft uses today's supplier and client and is
 * marked as a draft.
 */
import { systemClock } from '../../platform/clock.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { addDays } from '../../shared/calendar/index.ts';
import { notFound } from '../../shared/errors.ts';
import { loadSupplier } from '../company/index.ts';
import { customerOf } from './billing.document.parties.ts';
import { todayOf } from './billing.invoices.context.ts';
import * as repo from './billing.invoices.repo.ts';
import { buildInvoiceDocument, draftTaxableSupplyDate } from './domain/invoice-document-build.ts';
import type { InvoiceDocument, Party, Supplier } from './domain/invoice-document.ts';
import type { VatGroup } from './domain/vat.ts';

/**
 * The complete document of invoice or credit note `id` (drafts marked
 * `draft: true`); throws not found. `today` dates a draft (default: the
 * provider's today).
 */
export async function invoiceDocument(db: DbOrTx, id: number, options: { today?: string } = {}): Promise<InvoiceDocument> {
  const row = await repo.findInvoice(db, id);
  if (!row || row.visible !== 1) throw notFound('Invoice');
  const lines = await repo.linesOf(db, id);
  const draft = row.state === 'draft';
  const today = options.today ?? todayOf(systemClock);
  const supplier = draft || row.supplier_json === null ? await loadSupplier(db, row.language) : (JSON.parse(row.supplier_json) as Supplier);
  const client = draft || row.customer_json === null ? await repo.clientOf(db, row.client_id) : null;
  const customer = client ? customerOf(client) : (JSON.parse(row.customer_json!) as Party);
  let corrects = null;
  if (row.corrects_invoice_id !== null) {
    const original = await repo.findInvoice(db, row.corrects_invoice_id);
    if (original) corrects = { number: original.number ?? '', issueDate: original.issue_date ?? '', taxableSupplyDate: original.taxable_supply_date ?? '', reason: row.credit_reason ?? '' };
  }
  return buildInvoiceDocument({
    stored: {
      id: row.id, kind: row.kind, state: row.state, number: row.number, variableSymbol: row.variable_symbol, issueDate: row.issue_date,
      taxableSupplyDate: row.taxable_supply_date, dueDate: row.due_date, currency: row.currency, language: row.language, period: row.period,
      contractNumber: row.contract_number ?? null, reverseCharge: row.reverse_charge === 1, roundTotal: row.round_total === 1,
      netMinor: row.net_minor, vatMinor: row.vat_minor, roundingMinor: row.rounding_minor, totalMinor: row.total_minor,
      vatRecap: JSON.parse(row.vat_recap_json) as VatGroup[], note: row.note, exchangeRate: row.exchange_rate, exchangeRateDate: row.exchange_rate_date,
    },
    lines: lines.map((l) => ({ kind: l.kind, description: l.description, quantityMilli: l.quantity_milli, unit: l.unit, unitPriceMinor: l.unit_price_minor, netMinor: l.net_minor, vatRateBp: l.vat_rate_bp })),
    supplier,
    customer,
    corrects,
    ...(draft && client
      ? { draftDates: { issueDate: today, taxableSupplyDate: draftTaxableSupplyDate({ taxableSupplyDate: row.taxable_supply_date, period: row.period }, today), dueDate: addDays(today, client.payment_terms_days) } }
      : {}),
  });
}
