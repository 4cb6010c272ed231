/**
 * Adjusting a draft before it is issued: a manual line, a line's text, a line
 * removed (manual lines only), a record taken out of the draft (it goes back
 * to unbilled, with the note, and runs of the period leave it out). Each change
 * checks the draft's version, recomputes the totals from the lines and is
 * audited, in one transaction. An issued invoice never changes: 409.
 */
import type { Clock } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../shared/errors.ts';
import { multiplyQuantity, tryParseQuantity } from '../../shared/quantity.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { hoursMilli } from './billing.drafts.text.ts';
import { draftTotals, totalColumns } from './billing.drafts.totals.ts';
import { overageLinesWithout, type OverageLineLeft } from './billing.overage.ts';
import { loadStoredOverage } from './billing.overage.stored.ts';
import { draftBlock, draftBlocksJson, parseDraftBlocks } from './domain/draft-blocks.ts';

export interface DraftsDeps {
  db: Db;
  clock: Clock;
}

/**
 * Bounds of a manual line: far beyond any real invoice, and they keep every sum of
 * lines, VAT and totals well inside exact integers (JavaScript numbers and 64-bit columns).
 */
const MAX_LINE_QUANTITY_MILLI = 1_000_000_000;
const MAX_LINE_NET_MINOR = 1_000_000_000_000;

export interface ManualLineInput {
  version: number;
  description: string;
  quantity: string | number;
  unit: string;
  unitPriceMinor: number;
  vatRateBp: number;
}

const RECORD_LINE_KINDS = new Set(['work', 'travel', 'unit_fee', 'item']);

export function createDrafts(deps: DraftsDeps) {
  const { db, clock } = deps;

  /** The visible draft at this version, in the transaction; 404 / 409 otherwise. */
  async function lockDraft(trx: Tx, id: number, version: number) {
    const row = await trx.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.visible !== 1) throw notFound('Invoice');
    if (row.state !== 'draft') {
      throw conflict('invoice_not_draft', `Invoice ${row.number ?? id} is ${row.state}: only drafts can be adjusted; an issued invoice never changes (issue a credit note to correct it)`);
    }
    if (row.version !== version) throw staleVersion('The draft');
    return row;
  }

  /** Totals from the lines, the version bumped, in the transaction. */
  async function recompute(trx: Tx, draft: { id: number; version: number; reverse_charge: number; round_total: number }, extra: { blocked_json?: string | null } = {}) {
    const lines = await trx.selectFrom('invoice_lines').select(['net_minor', 'vat_rate_bp']).where('invoice_id', '=', draft.id).execute();
    const recap = draftTotals(lines.map((l) => ({ netMinor: l.net_minor, vatRateBp: l.vat_rate_bp })), draft.reverse_charge === 1, draft.round_total === 1);
    const r = await trx
      .updateTable('invoices')
      .set({ ...totalColumns(recap), ...extra, version: draft.version + 1, updated_at: clock.now().toISOString() })
      .where('id', '=', draft.id)
      .where('version', '=', draft.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion('The draft');
    return { version: draft.version + 1, netMinor: recap.netMinor, vatMinor: recap.vatMinor, totalMinor: recap.totalMinor };
  }

  function must(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'billing.run')) throw forbidden();
  }

  async function change<T>(ctx: RequestContext, id: number, version: number, action: string, work: (trx: Tx, draft: Awaited<ReturnType<typeof lockDraft>>) => Promise<{ before?: unknown; after: unknown; blocked?: string | null }>) {
    must(ctx);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const draft = await lockDraft(trx, id, version);
      const done = await work(trx, draft);
      const totals = await recompute(trx, { ...draft, id: Number(draft.id) }, done.blocked !== undefined ? { blocked_json: done.blocked } : {});
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'invoice', entityId: id, action, before: done.before ?? null, after: { ...(done.after as object), totals } });
      return { invoiceId: id, ...totals } as T & { invoiceId: number; version: number; netMinor: number; vatMinor: number; totalMinor: number };
    });
  }

  async function addManualLine(ctx: RequestContext, id: number, input: ManualLineInput) {
    const quantityMilli = tryParseQuantity(String(input.quantity));
    if (quantityMilli === null) throw invalid([{ path: 'quantity', code: 'invalid_quantity', message: 'quantity must be a number with at most 3 decimals, e.g. 1.5' }]);
    // One sign rule for every line: a discount is a negative unit price, so credit notes can take it back like any other line.
    if (quantityMilli <= 0) throw invalid([{ path: 'quantity', code: 'quantity_not_positive', message: 'quantity must be more than 0; enter a discount as a negative unit price' }]);
    if (quantityMilli > MAX_LINE_QUANTITY_MILLI) throw invalid([{ path: 'quantity', code: 'line_too_large', message: `quantity may be at most ${MAX_LINE_QUANTITY_MILLI / 1000}` }]);
    const lineNetMinor = multiplyQuantity(quantityMilli, input.unitPriceMinor);
    if (Math.abs(lineNetMinor) > MAX_LINE_NET_MINOR) {
      throw invalid([{ path: 'unitPriceMinor', code: 'line_too_large', message: `the line's amount (quantity × unit price) may be at most ${MAX_LINE_NET_MINOR / 100} in either direction` }]);
    }
    return change<{ lineId: number }>(ctx, id, input.version, 'draft.add_line', async (trx, draft) => {
      const last = await trx.selectFrom('invoice_lines').select((eb) => eb.fn.max('position').as('p')).where('invoice_id', '=', id).executeTakeFirst();
      const position = Number(last?.p ?? 0) + 1;
      const netMinor = lineNetMinor;
      const row = {
        invoice_id: id, position, kind: 'manual' as const, description: input.description, quantity_milli: quantityMilli, unit: input.unit,
        unit_price_minor: input.unitPriceMinor, net_minor: netMinor, vat_rate_bp: draft.reverse_charge === 1 ? 0 : input.vatRateBp,
        group_key: JSON.stringify(['manual', position]), fee_period: null,
      };
      const inserted = await trx.insertInto('invoice_lines').values(row).returning('id').executeTakeFirstOrThrow();
      return { after: { lineId: Number(inserted.id), ...row } };
    });
  }

  async function lineOf(trx: Tx, invoiceId: number, lineId: number) {
    const line = await trx.selectFrom('invoice_lines').selectAll().where('id', '=', lineId).where('invoice_id', '=', invoiceId).executeTakeFirst();
    if (!line) throw notFound('Line');
    return line;
  }

  async function changeLineText(ctx: RequestContext, id: number, lineId: number, input: { version: number; description: string }) {
    return change(ctx, id, input.version, 'draft.change_line', async (trx) => {
      const line = await lineOf(trx, id, lineId);
      await trx.updateTable('invoice_lines').set({ description: input.description }).where('id', '=', lineId).execute();
      return { before: { lineId, description: line.description }, after: { lineId, description: input.description } };
    });
  }

  async function deleteLine(ctx: RequestContext, id: number, lineId: number, version: number) {
    return change(ctx, id, version, 'draft.delete_line', async (trx) => {
      const line = await lineOf(trx, id, lineId);
      if (line.kind !== 'manual') {
        throw conflict('not_manual_line', `Line ${line.position} was made by the billing run; only manual lines can be deleted (take a record out with exclude-record, or change the text)`);
      }
      await trx.deleteFrom('invoice_lines').where('id', '=', lineId).execute();
      return { before: line, after: { lineId, deleted: true } };
    });
  }

  /**
   * Takes a record out of the draft: off its line (the line's amount and
   * quantity shrink; an emptied line goes) or off every overage line it bears
   * by its part of each, back to unbilled with the note. A
   * record that used prepaid minutes changes the period's consumption, so the
   * draft is blocked until the period is re-run (the re-run leaves it out).
   */
  async function excludeRecord(ctx: RequestContext, id: number, input: { version: number; recordId: number; note: string }) {
    return change(ctx, id, input.version, 'draft.exclude_record', async (trx, draft) => {
      const taken = await trx.selectFrom('invoice_records').selectAll().where('invoice_id', '=', id).where('record_id', '=', input.recordId).executeTakeFirst();
      if (!taken) throw notFound('Record on this draft');
      const record = await trx.selectFrom('records').select(['km_milli', 'quantity_milli', 'kind']).where('id', '=', input.recordId).executeTakeFirstOrThrow();
      const lineKind = taken.line_id === null ? null : (await lineOf(trx, id, Number(taken.line_id))).kind;
      // Read before the record leaves: its parts are told by replaying the lines over the records as they were run.
      const overageLeft = lineKind === 'overage' ? await overageLinesLeft(trx, id, input.recordId) : null;
      await trx.deleteFrom('invoice_records').where('invoice_id', '=', id).where('record_id', '=', input.recordId).execute();
      if (overageLeft !== null) await leaveOverageLines(trx, overageLeft);
      else if (taken.line_id !== null) await shrinkLine(trx, Number(taken.line_id), taken.amount_minor, record);
      await trx.deleteFrom('billing_exclusions').where('record_id', '=', input.recordId).execute();
      await trx
        .insertInto('billing_exclusions')
        .values({ record_id: input.recordId, period: draft.period ?? '', invoice_id: id, note: input.note, excluded_by: ctx.actor.userId || null, excluded_at: clock.now().toISOString() })
        .execute();
      const usedPrepaid = record.kind === 'work' && (taken.covered_minutes > 0 || lineKind === 'overage') && (await draftHasPrepaid(trx, id));
      // Why a re-run is needed: the record that left used prepaid minutes.
      const reasons = parseDraftBlocks(draft.blocked_json);
      const blocked = usedPrepaid && !reasons.some((b) => b.code === 'prepaid_rerun') ? draftBlocksJson([...reasons, draftBlock('prepaid_rerun', { period: draft.period })]) : undefined;
      return { before: taken, after: { recordId: input.recordId, note: input.note, prepaidRerunNeeded: usedPrepaid, ...(overageLeft !== null ? { overageLinesLeft: overageLeft } : {}) }, ...(blocked !== undefined ? { blocked } : {}) };
    });
  }

  async function draftHasPrepaid(trx: Tx, invoiceId: number): Promise<boolean> {
    const row = await trx.selectFrom('prepaid_ledger').select('id').where('invoice_id', '=', invoiceId).where('final', '=', 0).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The overage lines of the record, each less exactly its part, split as the
   * run split them (a record across two tiered bands bears two lines). 409 when
   * the lines no longer tell its parts: reducing them by a guess would make a
   * wrong draft look right, and a re-run of the period makes them true again.
   */
  async function overageLinesLeft(trx: Tx, invoiceId: number, recordId: number): Promise<OverageLineLeft[]> {
    const stored = await loadStoredOverage(trx, invoiceId);
    const left = overageLinesWithout(stored.lines, stored.records, String(recordId));
    if (left === null) {
      throw conflict('overage_split_unknown', `The draft's overage lines no longer tell how much of them record ${recordId} bears: run the billing period again, then take the record out of the new draft`);
    }
    return left;
  }

  /** A line left without minutes goes (no other record bears any of it); the others keep what the other records bear. */
  async function leaveOverageLines(trx: Tx, left: readonly OverageLineLeft[]) {
    for (const line of left) {
      if (line.minutes === 0) await trx.deleteFrom('invoice_lines').where('id', '=', Number(line.lineId)).execute();
      else await trx.updateTable('invoice_lines').set({ net_minor: line.netMinor, quantity_milli: hoursMilli(line.minutes) }).where('id', '=', Number(line.lineId)).execute();
    }
  }

  /** The record's share leaves its line (not overage: one line each); the quantity follows (hours from the minutes left, or km / pieces). */
  async function shrinkLine(trx: Tx, lineId: number, amountMinor: number, record: { km_milli: number | null; quantity_milli: number | null; kind: string }) {
    const line = await trx.selectFrom('invoice_lines').selectAll().where('id', '=', lineId).executeTakeFirstOrThrow();
    if (!RECORD_LINE_KINDS.has(line.kind)) return;
    const left = await trx.selectFrom('invoice_records').select(['billed_minutes']).where('line_id', '=', lineId).execute();
    if (left.length === 0) {
      await trx.deleteFrom('invoice_lines').where('id', '=', lineId).execute();
      return;
    }
    let quantityMilli = line.quantity_milli;
    if (line.kind === 'work') quantityMilli = hoursMilli(left.reduce((sum, r) => sum + r.billed_minutes, 0));
    else if (line.kind === 'travel') quantityMilli -= record.km_milli ?? 0;
    else quantityMilli -= record.quantity_milli ?? 0;
    await trx.updateTable('invoice_lines').set({ net_minor: line.net_minor - amountMinor, quantity_milli: quantityMilli }).where('id', '=', lineId).execute();
  }

  return { addManualLine, changeLineText, deleteLine, excludeRecord };
}

export type Drafts = ReturnType<typeof createDrafts>;
