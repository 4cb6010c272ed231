/**
 * Credit notes (corrective tax documents) against issued invoices, in one
 * transaction each: the next number of the 'credit_note' series, lines that
 * name the invoice lines they correct (negative amounts), the VAT recap per
 * rate, the invoice's credited amount and state, optionally the records
 * released for billing again (full credit notes only), and the audit entries.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import { AppError, conflict, invalid, notFound, staleVersion } from '../../shared/errors.ts';
import { loadSupplier } from '../company/index.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { allocateNumber } from '../numbering/index.ts';
import { customerOf } from './billing.document.parties.ts';
import { requirePermission, todayOf, type InvoicingDeps } from './billing.invoices.context.ts';
import * as repo from './billing.invoices.repo.ts';
import { planCreditNote, type CreditRequest } from './domain/credit-note.ts';
import { documentLanguage, totalsOfLines } from './domain/invoice-document-build.ts';
import { settledState } from './domain/invoice-state.ts';

export interface CreditNoteInput {
  reason: string;
  /** Credit everything left on the invoice. */
  full?: true | undefined;
  /** Or: credit these net amounts (positive) on these lines. */
  lines?: { lineId: number; amountMinor: number }[] | undefined;
  /** Full credit notes only: the records become approved and unbilled again. */
  releaseRecords?: boolean | undefined;
}

export interface IssuedCreditNote {
  id: number;
  number: string;
  totalMinor: number;
  releasedRecords: number;
}

export function createCrediting(deps: InvoicingDeps) {
  const { db, clock } = deps;

  async function creditNote(ctx: RequestContext, invoiceId: number, input: CreditNoteInput): Promise<IssuedCreditNote> {
    requirePermission(ctx, 'invoices.credit');
    const reason = input.reason.trim();
    if (reason === '') throw invalid([{ path: 'reason', code: 'required', message: 'A credit note needs the reason for the correction' }]);
    const full = input.full === true;
    if (full === (input.lines !== undefined)) {
      throw invalid([{ path: full ? 'lines' : 'full', code: 'full_or_lines', message: 'Send either full: true or the lines to credit, not both and not neither' }]);
    }
    if (input.releaseRecords === true && !full) {
      throw invalid([{ path: 'releaseRecords', code: 'release_needs_full', message: 'Only a full credit note can release the records for billing again' }]);
    }
    const now = clock.now();
    const at = now.toISOString();
    const today = todayOf(clock);
    return db.transaction().execute(async (trx) => {
      const invoice = await repo.findInvoice(trx, invoiceId);
      if (!invoice || invoice.visible !== 1) throw notFound('Invoice');
      if (invoice.kind !== 'invoice') throw conflict('not_an_invoice', `Document ${invoice.number ?? invoiceId} is a credit note; only invoices can be credited`);
      if (invoice.state === 'draft') throw conflict('not_issued', 'The invoice is a draft; change the draft instead of crediting it');
      if (invoice.state === 'credited') throw conflict('nothing_left_to_credit', `Invoice ${invoice.number} is already fully credited`);
      // Claim the invoice first: a second credit note at the same moment waits (PostgreSQL) or fails as stale, never over-credits.
      if (!(await repo.updateSettlement(trx, invoiceId, invoice.version, { updated_at: at }))) throw staleVersion('The invoice');

      const lines = await repo.linesOf(trx, invoiceId);
      const credited = await repo.creditedPerLine(trx, invoiceId);
      const request: CreditRequest = full ? { full: true } : { lines: input.lines ?? [] };
      const plan = planCreditNote(
        // A line's position as the invoice prints it: its place in the printed order (stored positions may have gaps).
        lines.map((l, i) => ({
          id: l.id, position: i + 1, kind: l.kind, description: l.description, quantityMilli: l.quantity_milli, unit: l.unit, unitPriceMinor: l.unit_price_minor,
          netMinor: l.net_minor, vatRateBp: l.vat_rate_bp, creditedMinor: credited.get(l.id) ?? 0,
        })),
        request,
        // The note is printed in its invoice's language: so are the texts it writes.
        documentLanguage(invoice.language),
      );
      if (!plan.ok) {
        const nothing = plan.problems.some((p) => p.code === 'nothing_left_to_credit');
        if (nothing) throw conflict('nothing_left_to_credit', plan.problems[0]!.message, [...plan.problems]);
        throw new AppError('validation', 'credit_refused', 'The credit note cannot be issued: ' + plan.problems.map((p) => p.message).join('; '), { details: [...plan.problems] });
      }
      const release = input.releaseRecords === true && plan.creditsEverything;
      const totals = totalsOfLines(plan.lines, { reverseCharge: invoice.reverse_charge === 1, roundTotal: invoice.round_total === 1 });
      const client = await repo.clientOf(trx, invoice.client_id);

      // Written as a draft first (its lines may only be added to a draft), then issued in the same transaction.
      const noteId = await repo.insertDocument(trx, {
        kind: 'credit_note', state: 'draft', run_id: null, period: invoice.period, client_id: invoice.client_id, contract_id: invoice.contract_id,
        currency: invoice.currency, language: invoice.language, payment_terms_days: 0, reverse_charge: invoice.reverse_charge, round_total: invoice.round_total,
        corrects_invoice_id: invoiceId, credit_reason: reason, releases_records: release ? 1 : 0, visible: 1, created_at: at, updated_at: at,
      });
      await repo.insertLines(trx, plan.lines.map((l, i) => ({
        invoice_id: noteId, position: i + 1, kind: l.kind as never, description: l.description, quantity_milli: l.quantityMilli, unit: l.unit,
        unit_price_minor: l.unitPriceMinor, net_minor: l.netMinor, vat_rate_bp: l.vatRateBp, group_key: '', fee_period: null, corrects_line_id: l.correctsLineId,
      })));
      const number = await allocateNumber(trx, 'credit_note', today);
      await repo.assertVariableSymbolFree(trx, number.variableSymbol, 'credit_note', number.number);
      await repo.markIssued(trx, noteId, {
        number: number.number, number_year: number.year, number_sequence: number.sequence, variable_symbol: number.variableSymbol,
        // The correction is made (and taxed) on the day it is issued; it refunds at once.
        issue_date: today, taxable_supply_date: today, due_date: today,
        net_minor: totals.netMinor, vat_minor: totals.vatMinor, rounding_minor: totals.roundingMinor, total_minor: totals.totalMinor,
        vat_recap_json: JSON.stringify(totals.groups), supplier_json: JSON.stringify(await loadSupplier(trx, invoice.language)), customer_json: JSON.stringify(customerOf(client)),
        issued_at: at, issued_by: ctx.actor.userId || null, updated_at: at,
        // A correction states its VAT in the home currency at the rate of the invoice it corrects (§29, §71).
        exchange_rate: invoice.exchange_rate, exchange_rate_date: invoice.exchange_rate_date,
      });

      const creditedMinor = invoice.credited_minor - totals.totalMinor;
      const state = settledState(
        { kind: 'invoice', state: invoice.state, totalMinor: invoice.total_minor, paidMinor: invoice.paid_minor, creditedMinor, dueDate: invoice.due_date, blocked: [] },
        plan.creditsEverything,
      );
      if (!(await repo.updateSettlement(trx, invoiceId, invoice.version + 1, { credited_minor: creditedMinor, state, updated_at: at }))) throw staleVersion('The invoice');
      const releasedRecords = release ? await repo.releaseRecords(trx, invoiceId, at) : 0;
      const releasedFees = release ? await repo.releaseFeePeriods(trx, invoiceId) : 0;

      const who = auditWhoOf(ctx);
      await recordAudit(trx, now, who, {
        entity: 'invoice', entityId: noteId, action: 'issue_credit_note',
        after: { number: number.number, corrects: invoice.number, reason, full, lines: plan.lines.map((l) => ({ lineId: l.correctsLineId, netMinor: l.netMinor })), netMinor: totals.netMinor, vatMinor: totals.vatMinor, totalMinor: totals.totalMinor, exchangeRate: invoice.exchange_rate, exchangeRateDate: invoice.exchange_rate_date },
      });
      await recordAudit(trx, now, who, {
        entity: 'invoice', entityId: invoiceId, action: 'credit',
        before: { state: invoice.state, creditedMinor: invoice.credited_minor },
        after: { state, creditedMinor, creditNote: number.number, releasedRecords, releasedFeePeriods: releasedFees },
      });
      return { id: noteId, number: number.number, totalMinor: totals.totalMinor, releasedRecords };
    });
  }

  return { creditNote };
}

export type Crediting = ReturnType<typeof createCrediting>;
