/**
 * Reading invoices and credit notes: the list (filters, keyset paging), the
 * detail with lines, VAT recap, payments, credit notes and what the caller may
 * do next, and the document (JSON and HTML preview). Money figures follow the
 * caller's `prices` field scope.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { notFound } from '../../shared/errors.ts';
import { isPeriod, lastDayOf } from '../../shared/period.ts';
import { fieldScopeOf, hasPermission, type Permission, type RequestContext } from '../identity/index.ts';
import { loadSupplier } from '../company/index.ts';
import { termsChangedAfter } from '../contracts/index.ts';
import { vatRateOn } from '../pricing/index.ts';
import { invoiceDocument } from './billing.document.ts';
import { buyerMissingOf, vatCountryOf } from './billing.document.parties.ts';
import { issueWarningsOf } from './billing.issue-warnings.ts';
import { draftBlocksNow } from './billing.draft-blocks.ts';
import { waitingByClient } from './billing.repo.ts';
import { exchangeRateNeed } from './billing.issue.rate.ts';
import { blockedReasons } from './billing.issue.ts';
import { requirePermission, todayOf, type InvoicingDeps } from './billing.invoices.context.ts';
import { paymentViews } from './billing.payments.ts';
import * as repo from './billing.invoices.repo.ts';
import type { InvoiceDetail, InvoiceListQuery, InvoiceSummary } from './billing.invoices.schemas.ts';
import { leftToCredit } from './domain/credit-note.ts';
import { documentLanguage, draftTaxableSupplyDate, totalsOfLines } from './domain/invoice-document-build.ts';
import { printedUnit } from '../../shared/units.ts';
import { invoiceHtml } from './domain/invoice-html.ts';
import type { InvoiceDocument } from './domain/invoice-document.ts';
import { amountToSettle, possibleActions, refundDue, statusOf, type InvoiceAction, type InvoiceMoneyState } from './domain/invoice-state.ts';
import type { VatGroup } from './domain/vat.ts';

const ACTION_PERMISSION: Record<InvoiceAction, Permission> = {
  issue: 'billing.issue',
  markSent: 'invoices.payments',
  recordPayment: 'invoices.payments',
  recordRefund: 'invoices.payments',
  creditNote: 'invoices.credit',
};

type Row = Awaited<ReturnType<typeof repo.listInvoices>>[number];

function moneyState(r: Row): InvoiceMoneyState {
  return { kind: r.kind, state: r.state, totalMinor: r.total_minor, paidMinor: r.paid_minor, creditedMinor: r.credited_minor, dueDate: r.due_date, blocked: blockedReasons(r.blocked_json) };
}

/** Drops every money field (keys ending in Minor, and the VAT recap) for callers without the prices scope. */
function withoutMoney<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.endsWith('Minor') && k !== 'vatRecap')) as T;
}

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/** The logo file as a data: URI for the preview; none when it is missing or unreadable (the preview still shows). */
async function logoDataUri(path: string | null): Promise<string | null> {
  const type = path ? LOGO_TYPES[extname(path).toLowerCase()] : undefined;
  if (!path || !type) return null;
  try {
    return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
  } catch {
    return null;
  }
}

export function createInvoicesService(deps: InvoicingDeps) {
  const { db, clock } = deps;

  function summaryOf(r: Row, today: string): InvoiceSummary {
    const money = moneyState(r);
    return {
      id: r.id, kind: r.kind, state: r.state, status: statusOf(money, today), number: r.number, variableSymbol: r.variable_symbol, period: r.period,
      client: { id: r.client_id, name: r.client_name }, contractId: r.contract_id, currency: r.currency, language: r.language,
      issueDate: r.issue_date, taxableSupplyDate: r.taxable_supply_date, dueDate: r.due_date, correctsInvoiceId: r.corrects_invoice_id,
      netMinor: r.net_minor, vatMinor: r.vat_minor, totalMinor: r.total_minor, paidMinor: r.paid_minor, creditedMinor: r.credited_minor,
      amountDueMinor: amountToSettle(money), refundDueMinor: refundDue(money), blocked: [...money.blocked], blocks: [], version: r.version,
    };
  }

  /** The summaries with their drafts' reasons as they stand now (billing.draft-blocks.ts). */
  async function withBlocks<T extends InvoiceSummary>(rows: readonly Row[], summaries: T[]): Promise<T[]> {
    const blocked = rows.filter((r) => r.state === 'draft' && r.blocked_json !== null);
    if (blocked.length === 0) return summaries;
    const now = await draftBlocksNow(db, blocked.map((r) => ({ invoiceId: r.id, clientId: r.client_id, contractId: r.contract_id, period: r.period, blockedJson: r.blocked_json })));
    return summaries.map((s) => ({ ...s, blocks: now.get(s.id) ?? [] }));
  }

  async function list(ctx: RequestContext, q: InvoiceListQuery): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
    requirePermission(ctx, 'invoices.read');
    const after = q.cursor ? Number(decodeCursor(q.cursor, ['number'])[0]) : null;
    const today = todayOf(clock);
    const rows = await repo.listInvoices(db, q, today, q.limit + 1, after);
    const prices = fieldScopeOf(ctx.actor.roles).prices;
    const page = pageOf(rows, q.limit, (r) => [r.id], (r) => (prices ? summaryOf(r, today) : withoutMoney(summaryOf(r, today))));
    return { ...page, items: await withBlocks(rows, page.items) };
  }

  async function get(ctx: RequestContext, id: number): Promise<InvoiceDetail> {
    requirePermission(ctx, 'invoices.read');
    const row = await repo.findInvoice(db, id);
    if (!row || row.visible !== 1) throw notFound('Invoice');
    const today = todayOf(clock);
    const [lines, credited, payments, creditNotes, recordsCount] = await Promise.all([
      repo.linesOf(db, id), repo.creditedPerLine(db, id), repo.paymentsOf(db, id), repo.creditNotesOf(db, id), repo.recordsCount(db, id),
    ]);
    const isInvoice = row.kind === 'invoice' && row.state !== 'draft';
    const supplier = await loadSupplier(db);
    // A draft's VAT as issuing will compute it from its lines (the stored figure may predate an adjustment).
    const vatMinor = row.state === 'draft' ? totalsOfLines(lines.map((l) => ({ netMinor: l.net_minor, vatRateBp: l.vat_rate_bp })), { reverseCharge: row.reverse_charge === 1, roundTotal: false }).vatMinor : row.vat_minor;
    const need = exchangeRateNeed({ currency: row.currency, reverseCharge: row.reverse_charge === 1, vatMinor }, supplier);
    // A credit note shows the refund its invoice owes: that is where the client's money went.
    const corrected = row.kind === 'credit_note' && row.corrects_invoice_id !== null ? await repo.findInvoice(db, row.corrects_invoice_id) : undefined;
    // A draft computed before its client's contract terms changed bills the old terms: said, not rewritten.
    const staleTerms = row.state === 'draft' ? await termsChangedAfter(db, { clientId: row.client_id, contractId: row.contract_id, computedAt: row.created_at }) : [];
    // What issuing would meet now: a client without a complete address is refused; records still waiting are left to a later invoice.
    const draftClient = row.state === 'draft' ? await repo.clientOf(db, row.client_id) : null;
    const buyerMissing = draftClient ? buyerMissingOf(draftClient) : [];
    // A manual line is offered the standard rate of the day its VAT is due on (as the run taxes records: the supplier's country).
    const standardVatRateBp = row.state === 'draft'
      ? await vatRateOn(db, vatCountryOf(supplier), 'standard', draftTaxableSupplyDate({ taxableSupplyDate: row.taxable_supply_date, period: row.period }, today))
      : null;
    // What issuing would not be refused for but should be looked at first (the run's drafts say the same).
    const issueWarnings = draftClient && row.kind === 'invoice'
      ? (await issueWarningsOf(db, [{
        invoiceId: id, clientId: row.client_id, clientCurrency: draftClient.currency, currency: row.currency, period: row.period,
        taxableSupplyDate: row.taxable_supply_date, reverseCharge: row.reverse_charge === 1,
      }], { today, supplierCountry: vatCountryOf(supplier) })).get(id) ?? []
      : [];
    const waiting = row.state === 'draft' && row.kind === 'invoice'
      ? (await waitingByClient(db, row.period && isPeriod(row.period) ? lastDayOf(row.period) : today, [row.client_id])).get(row.client_id)
      : undefined;
    const [summary] = await withBlocks([row], [summaryOf(row, today)]);
    const detail: InvoiceDetail = {
      ...summary!,
      ...(corrected ? { refundDueMinor: refundDue(moneyState(corrected)) } : {}),
      paymentTermsDays: row.payment_terms_days,
      reverseCharge: row.reverse_charge === 1,
      roundTotal: row.round_total === 1,
      roundingMinor: row.rounding_minor,
      vatRecap: JSON.parse(row.vat_recap_json) as VatGroup[],
      lines: lines.map((l) => ({
        id: l.id, position: l.position, kind: l.kind, description: l.description, quantityMilli: l.quantity_milli, unit: l.unit, unitText: printedUnit(l.unit, documentLanguage(row.language)),
        unitPriceMinor: l.unit_price_minor, netMinor: l.net_minor, vatRateBp: l.vat_rate_bp, feePeriod: l.fee_period, correctsLineId: l.corrects_line_id,
        ...(isInvoice ? { creditedMinor: credited.get(l.id) ?? 0, leftToCreditMinor: leftToCredit({ netMinor: l.net_minor, creditedMinor: credited.get(l.id) ?? 0 }) } : {}),
      })),
      payments: paymentViews(payments),
      creditNotes: creditNotes.map((c) => ({ id: c.id, number: c.number, issueDate: c.issue_date, totalMinor: c.total_minor, reason: c.credit_reason, releasesRecords: c.releases_records === 1 })),
      corrects: row.corrects_invoice_id === null ? null : { id: row.corrects_invoice_id, number: row.corrects_number ?? null },
      creditReason: row.credit_reason,
      releasesRecords: row.releases_records === 1,
      recordsCount,
      runId: row.run_id,
      note: row.note,
      issuedAt: row.issued_at,
      sentAt: row.sent_at,
      exchangeRate: row.exchange_rate,
      exchangeRateDate: row.exchange_rate_date,
      needsExchangeRate: row.state === 'draft' && need.needsExchangeRate,
      homeCurrency: need.homeCurrency,
      allowedActions: possibleActions(moneyState(row)).filter((a) => hasPermission(ctx.actor, ACTION_PERMISSION[a])),
      staleTerms,
      buyerMissing,
      standardVatRateBp,
      waitingRecords: row.state === 'draft' && row.kind === 'invoice' ? { count: waiting?.count ?? 0, amountMinor: waiting?.amounts.get(row.currency) ?? 0 } : null,
      issueWarnings,
    };
    if (fieldScopeOf(ctx.actor.roles).prices) return detail;
    return {
      ...withoutMoney(detail), lines: detail.lines.map(withoutMoney), payments: detail.payments.map(withoutMoney), creditNotes: detail.creditNotes.map(withoutMoney),
      waitingRecords: detail.waitingRecords && withoutMoney(detail.waitingRecords),
    };
  }

  /** The complete document; a document is all money, so it needs the prices scope too. */
  async function document(ctx: RequestContext, id: number): Promise<InvoiceDocument> {
    requirePermission(ctx, 'invoices.read');
    if (!fieldScopeOf(ctx.actor.roles).prices) throw notFound('Invoice');
    return invoiceDocument(db, id, { today: todayOf(clock) });
  }

  async function previewHtml(ctx: RequestContext, id: number): Promise<string> {
    const doc = await document(ctx, id);
    return invoiceHtml(doc, { logoDataUri: await logoDataUri(doc.supplier.logoPath) });
  }

  return { list, get, document, previewHtml };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
