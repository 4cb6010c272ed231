/**
 * Draft invoice lines (BILLING.md §4). Priced records are grouped: work by
 * (work type, rate, surcharge, time class), travel as one group, unit fees per
 * fee and price, items per item, price and discount — and always per VAT rate,
 * since one line has one rate. Every line keeps the ids of the records behind
 * it. A line's net is the sum of its records' nets (each already rounded where
 * BILLING.md says), so the work report and the invoice always add up.
 */
import { sumMinor, type MinorUnits } from '../../../shared/money.ts';
import type { QuantityMilli } from '../../../shared/quantity.ts';
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { Period } from '../../../shared/period.ts';
import type { TimeClass } from '../../../shared/time-class.ts';
import type { VatRateBp } from './vat.ts';

interface PricedBase {
  readonly recordId: string;
  readonly amountMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
}

export type PricedRecord =
  | (PricedBase & {
      readonly kind: 'work';
      readonly workTypeId: string;
      readonly timeClass: TimeClass;
      readonly rateMinor: MinorUnits;
      readonly surchargePct: number;
      readonly billableMinutes: number;
    })
  | (PricedBase & { readonly kind: 'travel'; readonly kmMilli: QuantityMilli })
  | (PricedBase & { readonly kind: 'unit_fee'; readonly feeId: string; readonly unitPriceMinor: MinorUnits; readonly quantityMilli: QuantityMilli })
  | (PricedBase & {
      readonly kind: 'item';
      readonly itemId: string;
      readonly unitPriceMinor: MinorUnits;
      readonly discountBp: number;
      readonly quantityMilli: QuantityMilli;
    });

interface LineBase {
  /** Stable grouping key; equal keys = one line. */
  readonly key: string;
  readonly netMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
  readonly recordIds: readonly string[];
}

export type DraftLine =
  | (LineBase & {
      readonly kind: 'work';
      readonly workTypeId: string;
      readonly timeClass: TimeClass;
      readonly rateMinor: MinorUnits;
      readonly surchargePct: number;
      readonly minutes: number;
    })
  | (LineBase & { readonly kind: 'travel'; readonly kmMilli: QuantityMilli })
  | (LineBase & { readonly kind: 'unit_fee'; readonly feeId: string; readonly unitPriceMinor: MinorUnits; readonly quantityMilli: QuantityMilli })
  | (LineBase & {
      readonly kind: 'item';
      readonly itemId: string;
      readonly unitPriceMinor: MinorUnits;
      readonly discountBp: number;
      readonly quantityMilli: QuantityMilli;
    })
  | (LineBase & {
      readonly kind: 'contract_fee';
      readonly contractId: string;
      readonly period: Period;
      readonly from: IsoDate;
      readonly to: IsoDate;
      readonly prorated: boolean;
    })
  | (LineBase & {
      readonly kind: 'overage';
      readonly contractId: string;
      readonly method: 'entry_rate' | 'flat_rate' | 'tiered';
      readonly minutes: number;
      readonly rateMinor: MinorUnits;
    });

const KIND_ORDER: Readonly<Record<PricedRecord['kind'], number>> = { work: 0, travel: 1, unit_fee: 2, item: 3 };

function groupKey(record: PricedRecord): string {
  const vat = record.vatRateBp;
  switch (record.kind) {
    case 'work':
      return JSON.stringify(['work', record.workTypeId, record.rateMinor, record.surchargePct, record.timeClass, vat]);
    case 'travel':
      return JSON.stringify(['travel', vat]);
    case 'unit_fee':
      return JSON.stringify(['unit_fee', record.feeId, record.unitPriceMinor, vat]);
    case 'item':
      return JSON.stringify(['item', record.itemId, record.unitPriceMinor, record.discountBp, vat]);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function startLine(key: string, record: PricedRecord): Mutable<DraftLine> {
  const base = { key, netMinor: 0, vatRateBp: record.vatRateBp, recordIds: [] as string[] };
  switch (record.kind) {
    case 'work':
      return { ...base, kind: 'work', workTypeId: record.workTypeId, timeClass: record.timeClass, rateMinor: record.rateMinor, surchargePct: record.surchargePct, minutes: 0 };
    case 'travel':
      return { ...base, kind: 'travel', kmMilli: 0 };
    case 'unit_fee':
      return { ...base, kind: 'unit_fee', feeId: record.feeId, unitPriceMinor: record.unitPriceMinor, quantityMilli: 0 };
    case 'item':
      return { ...base, kind: 'item', itemId: record.itemId, unitPriceMinor: record.unitPriceMinor, discountBp: record.discountBp, quantityMilli: 0 };
  }
}

/**
 * Groups priced records into draft lines: work first, then travel, fees and
 * items, each in order of first appearance. A record id may appear only once.
 */
export function groupRecordsIntoLines(records: readonly PricedRecord[]): DraftLine[] {
  const lines = new Map<string, { line: Mutable<DraftLine>; kind: number; ids: string[] }>();
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.recordId)) throw new RangeError(`record ${record.recordId} would be billed twice`);
    seen.add(record.recordId);
    const key = groupKey(record);
    let group = lines.get(key);
    if (group === undefined) {
      const line = startLine(key, record);
      group = { line, kind: KIND_ORDER[record.kind], ids: line.recordIds as string[] };
      lines.set(key, group);
    }
    const line = group.line;
    line.netMinor = sumMinor([line.netMinor, record.amountMinor]);
    group.ids.push(record.recordId);
    if (line.kind === 'work' && record.kind === 'work') line.minutes += record.billableMinutes;
    else if (line.kind === 'travel' && record.kind === 'travel') line.kmMilli += record.kmMilli;
    else if ((line.kind === 'unit_fee' || line.kind === 'item') && (record.kind === 'unit_fee' || record.kind === 'item')) {
      line.quantityMilli += record.quantityMilli;
    }
  }
  return [...lines.values()].sort((a, b) => a.kind - b.kind).map((group) => group.line);
}

/** A contract fee period as its own line (no records behind it). */
export function contractFeeLine(
  contractId: string,
  fee: { readonly period: Period; readonly from: IsoDate; readonly to: IsoDate; readonly prorated: boolean; readonly amountMinor: MinorUnits; readonly vatRateBp: VatRateBp },
): DraftLine {
  return {
    kind: 'contract_fee',
    key: JSON.stringify(['contract_fee', contractId, fee.period]),
    contractId,
    period: fee.period,
    from: fee.from,
    to: fee.to,
    prorated: fee.prorated,
    netMinor: fee.amountMinor,
    vatRateBp: fee.vatRateBp,
    recordIds: [],
  };
}

/**
 * An overage line of a prepaid contract; the entries behind it are its records.
 * `index` is the line's place in the contract's priced overage (the band for
 * tiered); a line split by VAT keeps it, and the rate in the key tells the parts apart.
 */
export function overageLine(
  contractId: string,
  overage: { readonly method: 'entry_rate' | 'flat_rate' | 'tiered'; readonly entryIds: readonly string[]; readonly minutes: number; readonly rateMinor: MinorUnits; readonly amountMinor: MinorUnits },
  vatRateBp: VatRateBp,
  index: number,
): DraftLine {
  return {
    kind: 'overage',
    key: JSON.stringify(['overage', contractId, overage.method, index, vatRateBp]),
    contractId,
    method: overage.method,
    minutes: overage.minutes,
    rateMinor: overage.rateMinor,
    netMinor: overage.amountMinor,
    vatRateBp,
    recordIds: [...overage.entryIds],
  };
}
