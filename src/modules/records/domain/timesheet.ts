/**
 * A week's timesheet (pure): records summed by technician × day and by ticket ×
 * day, billable and non-billable minutes apart, money per currency (records of
 * clients in other currencies are never added together).
 */
import { addDays, type IsoDate } from '../../../shared/calendar/index.ts';

export interface TimesheetRecord {
  technician: { id: number; name: string };
  ticket: { id: number; number: string; subject: string };
  date: IsoDate;
  minutes: number;
  billable: boolean;
  currency: string | null;
  /** null: not priced (a price error), never counted as 0. */
  amountMinor: number | null;
  costMinor: number | null;
  costCurrency: string | null;
}

export interface MoneyTotal {
  currency: string;
  amountMinor: number;
  costMinor: number;
}

export interface TimesheetCell {
  billableMinutes: number;
  nonBillableMinutes: number;
  records: number;
  /** Records without a price (shown as "no price", left out of the amounts). */
  unpriced: number;
  money: MoneyTotal[];
}

export interface TimesheetRow<K> {
  key: K;
  days: TimesheetCell[];
  total: TimesheetCell;
}

export interface Timesheet {
  start: IsoDate;
  end: IsoDate;
  days: IsoDate[];
  byTechnician: TimesheetRow<TimesheetRecord['technician']>[];
  byTicket: TimesheetRow<TimesheetRecord['ticket']>[];
  total: TimesheetCell;
}

export const emptyCell = (): TimesheetCell => ({ billableMinutes: 0, nonBillableMinutes: 0, records: 0, unpriced: 0, money: [] });

function bucket(cell: TimesheetCell, currency: string): MoneyTotal {
  let money = cell.money.find((m) => m.currency === currency);
  if (!money) {
    money = { currency, amountMinor: 0, costMinor: 0 };
    cell.money.push(money);
    cell.money.sort((a, b) => a.currency.localeCompare(b.currency));
  }
  return money;
}

function add(cell: TimesheetCell, r: TimesheetRecord): void {
  if (r.billable) cell.billableMinutes += r.minutes;
  else cell.nonBillableMinutes += r.minutes;
  cell.records += 1;
  if (r.amountMinor === null) cell.unpriced += 1;
  else if (r.currency !== null) bucket(cell, r.currency).amountMinor += r.amountMinor;
  if (r.costMinor !== null && r.costCurrency !== null) bucket(cell, r.costCurrency).costMinor += r.costMinor;
}

function rows<K extends { id: number }>(
  records: readonly TimesheetRecord[],
  days: readonly IsoDate[],
  keyOf: (r: TimesheetRecord) => K,
  order: (a: K, b: K) => number,
  seed: readonly K[] = [],
): TimesheetRow<K>[] {
  const byId = new Map<number, TimesheetRow<K>>();
  const rowOf = (key: K) => {
    let row = byId.get(key.id);
    if (!row) {
      row = { key, days: days.map(emptyCell), total: emptyCell() };
      byId.set(key.id, row);
    }
    return row;
  };
  for (const key of seed) rowOf(key);
  for (const r of records) {
    const day = days.indexOf(r.date);
    if (day < 0) continue;
    const row = rowOf(keyOf(r));
    add(row.days[day]!, r);
    add(row.total, r);
  }
  return [...byId.values()].sort((a, b) => order(a.key, b.key));
}

/**
 * The seven days from `start` with every record of them. `technicians` seeds rows
 * (a team's members appear even in a week without records).
 */
export function buildTimesheet(start: IsoDate, records: readonly TimesheetRecord[], technicians: readonly TimesheetRecord['technician'][] = []): Timesheet {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const inWeek = records.filter((r) => r.date >= days[0]! && r.date <= days[6]!);
  const total = emptyCell();
  for (const r of inWeek) add(total, r);
  return {
    start,
    end: days[6]!,
    days,
    byTechnician: rows(inWeek, days, (r) => r.technician, (a, b) => a.name.localeCompare(b.name) || a.id - b.id, technicians),
    byTicket: rows(inWeek, days, (r) => r.ticket, (a, b) => a.number.localeCompare(b.number)),
    total,
  };
}
