/**
 * A draft's or invoice's overage lines and the records on them, as stored by
 * the run, in the shape the overage replay (billing.overage.ts) reads: the
 * work report explains rows with them, taking a record out of a draft reduces
 * the lines by its parts. One read, so both replay the same inputs.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import type { StoredOverageLine, StoredOverageRecord } from './billing.overage.ts';
import type { RecordPricing } from './billing.run.types.ts';

export interface StoredOverage {
  readonly lines: StoredOverageLine[];
  /** Records whose (first) line is one of the lines. */
  readonly records: StoredOverageRecord[];
}

export async function loadStoredOverage(db: DbOrTx, invoiceId: number): Promise<StoredOverage> {
  const lines = await db
    .selectFrom('invoice_lines')
    .select(['id', 'group_key', 'quantity_milli', 'unit_price_minor', 'net_minor'])
    .where('invoice_id', '=', invoiceId)
    .where('kind', '=', 'overage')
    .execute();
  if (lines.length === 0) return { lines: [], records: [] };
  const rows = await db
    .selectFrom('invoice_records as ir')
    .innerJoin('records as r', 'r.id', 'ir.record_id')
    .select(['ir.record_id', 'ir.line_id', 'ir.billed_minutes', 'ir.amount_minor', 'r.date', 'r.start_time', 'r.created_at', 'r.pricing_json'])
    .where('ir.invoice_id', '=', invoiceId)
    .where('ir.line_id', 'in', lines.map((l) => l.id))
    .execute();
  return {
    lines: lines.map((l) => ({ id: String(l.id), groupKey: l.group_key, quantityMilli: l.quantity_milli, unitPriceMinor: l.unit_price_minor, netMinor: l.net_minor })),
    records: rows.map((r) => {
      // Written by the records module when it priced the record: the record's own rate, which entry_rate overage bills at.
      const pricing = r.pricing_json ? (JSON.parse(r.pricing_json) as RecordPricing) : null;
      return {
        recordId: String(r.record_id), lineId: String(r.line_id), billedMinutes: r.billed_minutes, amountMinor: r.amount_minor, date: r.date, startTime: r.start_time,
        createdAt: r.created_at, rateMinor: pricing?.rateMinor ?? null, surchargePct: pricing?.surchargePct ?? null,
      };
    }),
  };
}
