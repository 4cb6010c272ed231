/**
 * A week's timesheet (pure): records summed by technician × day and by ticket ×
 * day, billable and non-billable minutes of work apart, travel time and km apart,
 * money per currency (records of clients in other currencies are never added together).
 *
 * Travel time is its own figure, not "billable" time: a price list bills travel by km and
 * only sometimes by time (its travel time rate), so counting a trip's minutes as billable
 * work made the week's billable time larger than what any invoice bills.
 */
import { addDays, type IsoDate } from '../../../shared/calendar/index.ts';

export interface TimesheetRecord {
  technician: { id: number; name: string };
  ticket: { id: number; number: string; subject: string };
  date: IsoDate;
  minutes: number;
  /** A travel record: its minutes are travel time, never work. */
  travel: boolean;
  /** Travel km in thousandths (how records store them); null for records without km (work, fees, material). */
  kmMilli: number | null;
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
  /** Minutes of work (travel time is apart) as the records' billable flag says. */
  billableMinutes: number;
  nonBillableMinutes: number;
  /** Minutes of travel records, billable or not (billed by km, and by time only where the price list says so). */
  travelMinutes: number;
  /**
   * Travel km in thousandths, summed as integers: a day of km-only travel says how
   * far, where its minutes are 0.
   */
  kmMilli: number;
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

export const emptyCell = (): TimesheetCell => ({ billableMinutes: 0, nonBillableMinutes: 0, travelMinutes: 0, kmMilli: 0, records: 0, unpriced: 0, money: [] });

/**
 * The cell of a day without records, shared by every such day of every row (frozen:
 * a day gets its own cell with its first record). A busy team's week has thousands
 * of ticket rows, most of their seven days empty.
 */
export const EMPTY_DAY: TimesheetCell = Object.freeze({ billableMinutes: 0, nonBillableMinutes: 0, travelMinutes: 0, kmMilli: 0, records: 0, unpriced: 0, money: Object.freeze([]) as unknown as MoneyTotal[] });

function bucket(cell: TimesheetCell, currency: string): MoneyTotal {
  let money = cell.money.find((m) => m.currency === currency);
  if (!money) {
    money = { currency, amountMinor: 0, costMinor: 0 };
    cell.money.push(money);
    // Currency codes are ASCII: a plain comparison (a collation per new cell cost most of a busy team's week).
    cell.money.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }
  return money;
}

/**
 * Records of one technician, ticket, day, billability and currencies, summed
 * (what the database adds up for a team's week); a single record is a group of one.
 */
export interface TimesheetGroup {
  technician: TimesheetRecord['technician'];
  ticket: TimesheetRecord['ticket'];
  date: IsoDate;
  billable: boolean;
  currency: string | null;
  costCurrency: string | null;
  records: number;
  /** Minutes of all the records, travel included; travelMinutes of the travel records among them. */
  minutes: number;
  travelMinutes: number;
  /** The sum of the records' km in thousandths (0 without any). */
  kmMilli: number;
  /** Records without an amount, and the sum and count of those with one. */
  unpriced: number;
  priced: number;
  amountMinor: number;
  /** The sum and count of records with a cost. */
  costed: number;
  costMinor: number;
}

export function groupOf(r: TimesheetRecord): TimesheetGroup {
  return {
    technician: r.technician, ticket: r.ticket, date: r.date, billable: r.billable, currency: r.currency, costCurrency: r.costCurrency,
    records: 1, minutes: r.minutes, travelMinutes: r.travel ? r.minutes : 0, kmMilli: r.kmMilli ?? 0, unpriced: r.amountMinor === null ? 1 : 0, priced: r.amountMinor === null ? 0 : 1, amountMinor: r.amountMinor ?? 0,
    costed: r.costMinor === null ? 0 : 1, costMinor: r.costMinor ?? 0,
  };
}

function add(cell: TimesheetCell, g: TimesheetGroup): void {
  const work = g.minutes - g.travelMinutes;
  if (g.billable) cell.billableMinutes += work;
  else cell.nonBillableMinutes += work;
  cell.travelMinutes += g.travelMinutes;
  cell.kmMilli += g.kmMilli;
  cell.records += g.records;
  cell.unpriced += g.unpriced;
  if (g.priced > 0 && g.currency !== null) bucket(cell, g.currency).amountMinor += g.amountMinor;
  if (g.costed > 0 && g.costCurrency !== null) bucket(cell, g.costCurrency).costMinor += g.costMinor;
}

function rows<K extends { id: number }>(
  records: readonly TimesheetGroup[],
  days: readonly IsoDate[],
  keyOf: (r: TimesheetGroup) => K,
  order: (a: K, b: K) => number,
  seed: readonly K[] = [],
): TimesheetRow<K>[] {
  const byId = new Map<number, TimesheetRow<K>>();
  const rowOf = (key: K) => {
    let row = byId.get(key.id);
    if (!row) {
      row = { key, days: days.map(() => EMPTY_DAY), total: emptyCell() };
      byId.set(key.id, row);
    }
    return row;
  };
  for (const key of seed) rowOf(key);
  for (const r of records) {
    const day = days.indexOf(r.date);
    if (day < 0) continue;
    const row = rowOf(keyOf(r));
    if (row.days[day] === EMPTY_DAY) row.days[day] = emptyCell();
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
  return buildTimesheetOfGroups(start, records.map(groupOf), technicians);
}

/** buildTimesheet over records already summed in groups (the same sheet as over the single records). */
/** People's names as localeCompare orders them, with the collation made once instead of per comparison. */
const byName = new Intl.Collator();

export function buildTimesheetOfGroups(start: IsoDate, records: readonly TimesheetGroup[], technicians: readonly TimesheetRecord['technician'][] = []): Timesheet {
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const inWeek = records.filter((r) => r.date >= days[0]! && r.date <= days[6]!);
  const total = emptyCell();
  for (const r of inWeek) add(total, r);
  return {
    start,
    end: days[6]!,
    days,
    byTechnician: rows(inWeek, days, (r) => r.technician, (a, b) => byName.compare(a.name, b.name) || a.id - b.id, technicians),
    // Ticket numbers are plain ASCII: compared as strings (a team's week has thousands of tickets; a collation would cost tens of ms).
    byTicket: rows(inWeek, days, (r) => r.ticket, (a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : a.id - b.id)),
    total,
  };
}
