// Weeks and the week grid of a timesheet (pure): Monday-first ISO weeks on
// date strings YYYY-MM-DD (no time zones involved), rows × days with totals.
import { formatMoney } from '../pricing/money';
import { decimalToMilli } from './format';

export interface Money {
  currency: string;
  amountMinor?: number;
  costMinor?: number;
}

export interface TimesheetCell {
  /** Minutes of work, billable or not; travel time is apart. */
  billableMinutes: number;
  nonBillableMinutes: number;
  travelMinutes: number;
  /** Travel km as the API writes decimals ("36.5"; "0" without travel). */
  km: string;
  records: number;
  unpriced: number;
  /** Per currency; only with the prices or costs field scope. */
  money?: Money[];
}

export interface Timesheet {
  start: string;
  end: string;
  days: string[];
  /** A cell per day; null for a day without records. */
  byTechnician: { technician: { id: number; name: string }; days: (TimesheetCell | null)[]; total: TimesheetCell }[];
  byTicket: { ticket: { id: number; number: string; subject: string }; days: (TimesheetCell | null)[]; total: TimesheetCell }[];
  total: TimesheetCell;
}

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isIsoDate(text: string | null | undefined): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && fromUtc(toUtc(text)) === text;
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** The Monday of the week of a date. */
export function weekStart(iso: string): string {
  const weekday = (new Date(toUtc(iso)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

export interface GridCell {
  /** Minutes worked and travelled. */
  minutes: number;
  billable: number;
  nonBillable: number;
  /** Travel time: not billable work (a trip is billed by km, by time only where the price list says so). */
  travel: number;
  /** Travel km in thousandths: days and rows are added up without float drift. */
  kmMilli: number;
  records: number;
  unpriced: number;
  money: Money[];
}

export interface GridRow {
  id: number;
  label: string;
  sub: string | null;
  cells: GridCell[];
  total: GridCell;
}

export interface WeekGrid {
  days: string[];
  rows: GridRow[];
  dayTotals: GridCell[];
  total: GridCell;
}

const emptyCell = (): GridCell => ({ minutes: 0, billable: 0, nonBillable: 0, travel: 0, kmMilli: 0, records: 0, unpriced: 0, money: [] });

function cellOf(c: TimesheetCell | null): GridCell {
  if (c === null) return emptyCell();
  return {
    minutes: c.billableMinutes + c.nonBillableMinutes + c.travelMinutes, billable: c.billableMinutes, nonBillable: c.nonBillableMinutes, travel: c.travelMinutes,
    kmMilli: decimalToMilli(c.km),
    records: c.records, unpriced: c.unpriced, money: (c.money ?? []).filter((m) => m.amountMinor !== undefined || m.costMinor !== undefined),
  };
}

/** Sums cells; money is summed per currency (amounts and costs only where the cells have them). */
export function addCells(cells: readonly GridCell[]): GridCell {
  const out = emptyCell();
  const money = new Map<string, Money>();
  for (const c of cells) {
    out.minutes += c.minutes;
    out.billable += c.billable;
    out.nonBillable += c.nonBillable;
    out.travel += c.travel;
    out.kmMilli += c.kmMilli;
    out.records += c.records;
    out.unpriced += c.unpriced;
    for (const m of c.money) {
      const sum = money.get(m.currency) ?? { currency: m.currency };
      if (m.amountMinor !== undefined) sum.amountMinor = (sum.amountMinor ?? 0) + m.amountMinor;
      if (m.costMinor !== undefined) sum.costMinor = (sum.costMinor ?? 0) + m.costMinor;
      money.set(m.currency, sum);
    }
  }
  out.money = [...money.values()].filter((m) => m.amountMinor || m.costMinor).sort((a, b) => a.currency.localeCompare(b.currency));
  return out;
}

/**
 * A cell's amounts (or costs) per currency as one text: "60,00 €", "1 200,00 Kč + 60,00 €".
 * A currency whose sum is zero is left out beside one that is not (a row of EUR work only
 * would read "0,00 Kč + 60,00 €"); a cell of nothing but zeros still shows one zero. Empty
 * when the cell has no such figure (the field scope hides it).
 */
export function moneySum(money: readonly Money[], figure: 'amountMinor' | 'costMinor', locale?: string): string {
  const sums = money.filter((m) => m[figure] !== undefined);
  const nonZero = sums.filter((m) => m[figure] !== 0);
  return (nonZero.length ? nonZero : sums.slice(0, 1)).map((m) => formatMoney(m[figure] ?? 0, m.currency, locale)).join(' + ');
}

/** What a cell of the grid shows; null parts are left out (all null: an empty day, a bare dot). */
export interface CellFace {
  /** Minutes worked and travelled. */
  minutes: number | null;
  /** km travelled, in thousandths. */
  kmMilli: number | null;
  /** Records without time and without km (fees, material): how many, so the day does not look empty. */
  untimed: number | null;
}

/**
 * A day's (or a total's) time and km; a day of km-only travel says how far, not
 * "2 untimed". Only a day with neither time nor km, but records (fees,
 * material), counts them.
 */
export function cellFace(cell: GridCell): CellFace {
  return {
    minutes: cell.minutes > 0 ? cell.minutes : null,
    kmMilli: cell.kmMilli > 0 ? cell.kmMilli : null,
    untimed: cell.minutes === 0 && cell.kmMilli === 0 && cell.records > 0 ? cell.records : null,
  };
}

/** The grid of a timesheet: one row per ticket (a technician's week) or per technician (a team's week). */
export function weekGrid(sheet: Timesheet, by: 'ticket' | 'technician'): WeekGrid {
  const rows: GridRow[] =
    by === 'ticket'
      ? sheet.byTicket.map((r) => ({ id: r.ticket.id, label: r.ticket.number, sub: r.ticket.subject, cells: r.days.map(cellOf), total: cellOf(r.total) }))
      : sheet.byTechnician.map((r) => ({ id: r.technician.id, label: r.technician.name, sub: null, cells: r.days.map(cellOf), total: cellOf(r.total) }));
  const dayTotals = sheet.days.map((_, i) => addCells(rows.map((r) => r.cells[i] ?? emptyCell())));
  return { days: sheet.days, rows, dayTotals, total: cellOf(sheet.total) };
}

/**
 * How far to scroll a week grid sideways so that a day's column (today's) shows
 * right beside the sticky first column; null when it already shows whole. On a
 * phone only two or three days fit, and today is the one a technician looks for.
 */
export function scrollToShow(column: { left: number; width: number }, view: { scrollLeft: number; width: number; stickyWidth: number }): number | null {
  const from = view.scrollLeft + view.stickyWidth;
  const to = view.scrollLeft + view.width;
  if (column.left >= from && column.left + column.width <= to) return null;
  return Math.max(0, column.left - view.stickyWidth);
}

/** Which sides of a sideways-scrolling grid hide more of it (for the scroll cue). */
export function hiddenSides(scrollLeft: number, scrollWidth: number, clientWidth: number): { left: boolean; right: boolean } {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}
