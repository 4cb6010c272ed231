/**
 * A record's share of its contract's overage lines (BILLING.md §3, overage
 * pricing), told the same way by the billing run and by the work report.
 * The run prices each share with `overageMinutesPrice` when it stores a
 * record's amount; the work report replays the stored lines with
 * `overageOfRecords` to show a manager how a row's amount came about (minutes ×
 * the contract's overage rate, or the record's own rate for `entry_rate`).
 * Pure: the work report loads the rows.
 */
import { hourlyAmount, sumMinor, type MinorUnits } from '../../shared/money.ts';
import { workAmount } from '../pricing/index.ts';
import { compareChronologically } from './billing.run.contracts.ts';
import { hoursMilli } from './billing.drafts.text.ts';
import { shareOverageLines } from './domain/index.ts';

export type OverageMethod = 'entry_rate' | 'flat_rate' | 'tiered';

/** What the minutes of a share cost on its line: entry_rate at the record's rate and surcharge, flat and tiered at the contract's rate (no surcharge). */
export function overageMinutesPrice(line: { readonly method: OverageMethod; readonly rateMinor: MinorUnits; readonly surchargePct?: number }, minutes: number): MinorUnits {
  return line.method === 'entry_rate' ? workAmount(minutes, line.rateMinor, line.surchargePct ?? 0) : hourlyAmount(minutes, line.rateMinor);
}

/** One part of a record's overage: its minutes on one overage line. */
export interface OveragePartExplained {
  /** The stored overage line the part is on. */
  readonly lineId: string;
  readonly method: OverageMethod;
  /** The tiered band, 1-based as the invoice line names it; null for entry_rate and flat_rate. */
  readonly band: number | null;
  readonly minutes: number;
  /** Per hour: the contract's overage rate (flat_rate, tiered) or the record's own rate from its price list (entry_rate). */
  readonly rateMinor: MinorUnits;
  /** The record's time-class surcharge (entry_rate only; 0 otherwise: one rate means one rate). */
  readonly surchargePct: number;
  /** What the record bears of the line; the parts add up to the row's amount. */
  readonly amountMinor: MinorUnits;
  /** The line's rounding remainder that fell on this record (amountMinor less minutes × rate); mostly 0. */
  readonly roundingMinor: MinorUnits;
}

export interface OverageExplained {
  /** Empty when the draft's lines no longer tell the split (changed after the run other than by taking records out): the row's amount is still the contract's overage. */
  readonly parts: readonly OveragePartExplained[];
}

/** An overage line as stored on the draft or invoice. */
export interface StoredOverageLine {
  readonly id: string;
  /**
   * The run's key: ["overage", contractId, method, index, vatRateBp]; the index is the band for tiered (bands fill in order, so none
   * before is empty), and a line split by VAT keeps its index and names its own rate (the rate before reverse charge). Lines stored
   * before overage lines were split by VAT have no rate in the key: all of a contract's lines then replay as one group.
   */
  readonly groupKey: string;
  readonly quantityMilli: number;
  readonly unitPriceMinor: MinorUnits;
  readonly netMinor: MinorUnits;
}

/** A record on an overage line as stored (its first line when it spans two bands), with its own rate from its pricing. */
export interface StoredOverageRecord {
  readonly recordId: string;
  readonly lineId: string;
  readonly billedMinutes: number;
  readonly amountMinor: MinorUnits;
  readonly date: string;
  readonly startTime: string | null;
  readonly createdAt: string;
  readonly rateMinor: MinorUnits | null;
  readonly surchargePct: number | null;
}

interface KeyedLine extends StoredOverageLine {
  readonly contractId: string;
  readonly method: OverageMethod;
  readonly index: number;
  readonly vatRateBp: number | undefined;
}

function keyed(line: StoredOverageLine): KeyedLine | null {
  try {
    const key: unknown = JSON.parse(line.groupKey);
    if (!Array.isArray(key) || key[0] !== 'overage' || !['entry_rate', 'flat_rate', 'tiered'].includes(key[2]) || !Number.isSafeInteger(key[3])) return null;
    if (key.length > 4 && !Number.isSafeInteger(key[4])) return null;
    return { ...line, contractId: String(key[1]), method: key[2] as OverageMethod, index: key[3] as number, vatRateBp: key.length > 4 ? (key[4] as number) : undefined };
  } catch {
    return null;
  }
}

/** The whole minutes behind a line's quantity in hours (hoursMilli is one-to-one on whole minutes); null when the quantity is not such. */
function minutesOf(quantityMilli: number): number | null {
  const minutes = Math.round((quantityMilli * 60) / 1000);
  return hoursMilli(minutes) === quantityMilli ? minutes : null;
}

/**
 * Each overage record's parts, by record id, replayed from the stored lines in
 * the run's chronological order. A contract whose lines and records no longer
 * add up (changed after the run) gets empty parts for its records, never a
 * breakdown that disagrees with the rows.
 */
export function overageOfRecords(lines: readonly StoredOverageLine[], records: readonly StoredOverageRecord[]): Map<string, OverageExplained> {
  const linesById = new Map(lines.map((l) => [l.id, keyed(l)]));
  const byContract = new Map<string, StoredOverageRecord[]>();
  const result = new Map<string, OverageExplained>();
  for (const r of records) {
    const line = linesById.get(r.lineId);
    if (!line) {
      result.set(r.recordId, { parts: [] });
      continue;
    }
    byContract.set(line.contractId, [...(byContract.get(line.contractId) ?? []), r]);
  }
  for (const [contractId, contractRecords] of byContract) {
    const explained = explainContract(
      [...linesById.values()].filter((l): l is KeyedLine => l !== null && l.contractId === contractId).sort((a, b) => a.index - b.index),
      [...contractRecords].sort((a, b) =>
        compareChronologically(
          { date: a.date, startTime: a.startTime, createdAt: a.createdAt, id: a.recordId.padStart(16, '0') },
          { date: b.date, startTime: b.startTime, createdAt: b.createdAt, id: b.recordId.padStart(16, '0') },
        ),
      ),
    );
    for (const r of contractRecords) result.set(r.recordId, { parts: explained?.get(r.recordId) ?? [] });
  }
  return result;
}

function explainContract(lines: readonly KeyedLine[], records: readonly StoredOverageRecord[]): Map<string, OveragePartExplained[]> | null {
  const priced = lines.map((line) => {
    const minutes = minutesOf(line.quantityMilli);
    // entry_rate: one record per line, priced at its own rate and surcharge (the line's unit price is that, rounded).
    const own = line.method === 'entry_rate' ? records.find((r) => r.lineId === line.id) : undefined;
    const rateMinor = line.method === 'entry_rate' ? (own?.rateMinor ?? null) : line.unitPriceMinor;
    const surchargePct = line.method === 'entry_rate' ? (own?.surchargePct ?? 0) : 0;
    return minutes === null || rateMinor === null ? null : { ...line, minutes, amountMinor: line.netMinor, rateMinor, surchargePct };
  });
  if (priced.some((l) => l === null)) return null;
  const pricedLines = priced as NonNullable<(typeof priced)[number]>[];
  // A record's overage is taxed at one rate: that of the line it is stored on, so it replays over the lines of that rate.
  const vatOf = new Map(lines.map((l) => [l.id, l.vatRateBp]));
  const entries = records.map((r) => ({ entryId: r.recordId, overageMinutes: r.billedMinutes, vatRateBp: vatOf.get(r.lineId) }));
  const shares = shareOverageLines(pricedLines, entries, overageMinutesPrice);
  if (shares === null) return null;
  const out = new Map<string, OveragePartExplained[]>();
  for (const r of records) {
    const own = shares.get(r.recordId) ?? [];
    const adds = own.length > 0 && pricedLines[own[0]!.lineIndex]!.id === r.lineId && sumMinor(own.map((s) => s.amountMinor)) === r.amountMinor;
    if (!adds) return null;
    out.set(r.recordId, own.map((s) => {
      const line = pricedLines[s.lineIndex]!;
      return {
        lineId: line.id, method: line.method, band: line.method === 'tiered' ? line.index + 1 : null, minutes: s.minutes, rateMinor: line.rateMinor,
        surchargePct: line.surchargePct, amountMinor: s.amountMinor, roundingMinor: s.roundingMinor,
      };
    }));
  }
  return out;
}

/** What is left of an overage line once a record's part leaves it. */
export interface OverageLineLeft {
  readonly lineId: string;
  /** Whole minutes left on the line; 0 when the record was all it billed (the line goes). */
  readonly minutes: number;
  readonly netMinor: MinorUnits;
}

/**
 * The overage lines a record bears, each less exactly the record's part of it
 * (minutes and amount), as the run split them: a record across two tiered bands
 * leaves both. The parts left still replay to the same split for the records
 * left, so a second record can be taken out the same way. null when the lines
 * no longer tell the record's parts (changed after the run): no reduction is
 * then the truth, and only a re-run of the period is.
 */
export function overageLinesWithout(lines: readonly StoredOverageLine[], records: readonly StoredOverageRecord[], recordId: string): OverageLineLeft[] | null {
  const parts = overageOfRecords(lines, records).get(recordId)?.parts ?? [];
  if (parts.length === 0) return null;
  return parts.map((part) => {
    const line = lines.find((l) => l.id === part.lineId)!;
    return { lineId: line.id, minutes: minutesOf(line.quantityMilli)! - part.minutes, netMinor: line.netMinor - part.amountMinor };
  });
}
