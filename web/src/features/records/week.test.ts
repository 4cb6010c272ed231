// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../pricing/money';
import { addCells, addDays, cellFace, hiddenSides, isIsoDate, moneySum, scrollToShow, weekGrid, weekStart, type Timesheet, type TimesheetCell } from './week';
import { todayIso } from '../../app/format';

const cell = (billable: number, nonBillable = 0, money?: TimesheetCell['money']): TimesheetCell => ({
  billableMinutes: billable, nonBillableMinutes: nonBillable, travelMinutes: 0, km: '0', records: billable || nonBillable ? 1 : 0, unpriced: 0, ...(money ? { money } : {}),
});
const zero = cell(0);

describe('weeks', () => {
  it('finds the Monday of a week', () => {
    expect(weekStart('2026-10-12')).toBe('2026-10-12'); // Monday
    expect(weekStart('2026-10-18')).toBe('2026-10-12'); // Sunday
    expect(weekStart('2026-10-28')).toBe('2026-10-26'); // Wednesday
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year
  });

  it('adds days across months and the DST change', () => {
    expect(addDays('2026-10-26', 7)).toBe('2026-11-02');
    expect(addDays('2026-03-23', 7)).toBe('2026-03-30');
    expect(addDays('2026-01-05', -7)).toBe('2025-12-29');
  });

  it('checks dates and gives today in local time', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('x')).toBe(false);
    expect(todayIso(new Date(2026, 9, 12, 23, 59))).toBe('2026-10-12');
  });
});

describe('week grid', () => {
  const days = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'];
  const sheet: Timesheet = {
    start: days[0]!, end: days[6]!, days,
    byTechnician: [
      { technician: { id: 4, name: 'Tomáš' }, days: [cell(100, 0, [{ currency: 'CZK', amountMinor: 262500 }]), cell(0, 30), zero, zero, zero, zero, zero], total: cell(100, 30, [{ currency: 'CZK', amountMinor: 262500 }]) },
      { technician: { id: 2, name: 'Martin' }, days: [cell(60, 0, [{ currency: 'CZK', amountMinor: 100000 }]), zero, zero, zero, zero, zero, zero], total: cell(60, 0, [{ currency: 'CZK', amountMinor: 100000 }]) },
    ],
    // Days without records come as null.
    byTicket: [{ ticket: { id: 1, number: 'T-1', subject: 'Printer' }, days: [cell(160), cell(0, 30), null, null, null, null, null], total: cell(160, 30) }],
    total: cell(160, 30, [{ currency: 'CZK', amountMinor: 362500 }]),
  };

  it('has a row per ticket with minutes per day', () => {
    const grid = weekGrid(sheet, 'ticket');
    expect(grid.rows.map((r) => [r.id, r.label, r.sub])).toEqual([[1, 'T-1', 'Printer']]);
    expect(grid.rows[0]!.cells.map((c) => c.minutes)).toEqual([160, 30, 0, 0, 0, 0, 0]);
    expect(grid.rows[0]!.total).toMatchObject({ minutes: 190, billable: 160, nonBillable: 30 });
    expect(grid.total).toMatchObject({ minutes: 190, billable: 160, nonBillable: 30 });
  });

  it('sums the days of a team, money per currency', () => {
    const grid = weekGrid(sheet, 'technician');
    expect(grid.rows.map((r) => r.label)).toEqual(['Tomáš', 'Martin']);
    expect(grid.dayTotals.map((c) => c.minutes)).toEqual([160, 30, 0, 0, 0, 0, 0]);
    expect(grid.dayTotals[0]!.money).toEqual([{ currency: 'CZK', amountMinor: 362500 }]);
    expect(grid.dayTotals[1]!.money).toEqual([]);
  });

  it('counts travel time in the day\'s minutes but never as billable work', () => {
    const day = { ...cell(105), travelMinutes: 40, km: '42.5', records: 2 };
    const grid = weekGrid({ ...sheet, byTicket: [{ ...sheet.byTicket[0]!, days: [day, null, null, null, null, null, null], total: day }], total: day }, 'ticket');
    expect(grid.rows[0]!.cells[0]).toMatchObject({ minutes: 145, billable: 105, nonBillable: 0, travel: 40, kmMilli: 42_500 });
    expect(addCells([grid.rows[0]!.cells[0]!, grid.rows[0]!.cells[0]!])).toMatchObject({ minutes: 290, billable: 210, travel: 80 });
  });

  it('adds cells without money for roles that see none', () => {
    const sum = addCells([
      { minutes: 10, billable: 10, nonBillable: 0, travel: 0, kmMilli: 0, records: 1, unpriced: 1, money: [] },
      { minutes: 5, billable: 0, nonBillable: 5, travel: 0, kmMilli: 0, records: 1, unpriced: 0, money: [{ currency: 'EUR', costMinor: 300 }] },
    ]);
    expect(sum).toEqual({ minutes: 15, billable: 10, nonBillable: 5, travel: 0, kmMilli: 0, records: 2, unpriced: 1, money: [{ currency: 'EUR', costMinor: 300 }] });
  });
});

describe('money in the week grid', () => {
  const cs = (minor: number, currency: string) => formatMoney(minor, currency, 'cs-CZ');

  it('leaves out a currency that sums to zero beside one that does not', () => {
    // EUR work only: its cost in CZK, the CZK amount zero.
    const money = [{ currency: 'CZK', amountMinor: 0, costMinor: 45000 }, { currency: 'EUR', amountMinor: 6000 }];
    expect(moneySum(money, 'amountMinor', 'cs-CZ')).toBe(cs(6000, 'EUR'));
    expect(moneySum(money, 'costMinor', 'cs-CZ')).toBe(cs(45000, 'CZK'));
    expect(moneySum([{ currency: 'CZK', amountMinor: 120000 }, { currency: 'EUR', amountMinor: 6000 }], 'amountMinor', 'cs-CZ')).toBe(`${cs(120000, 'CZK')} + ${cs(6000, 'EUR')}`);
  });

  it('shows one zero for nothing at all, and nothing for a figure the cell does not have', () => {
    expect(moneySum([{ currency: 'CZK', amountMinor: 0 }, { currency: 'EUR', amountMinor: 0 }], 'amountMinor', 'cs-CZ')).toBe(cs(0, 'CZK'));
    expect(moneySum([{ currency: 'CZK', costMinor: 300 }], 'amountMinor', 'cs-CZ')).toBe('');
    expect(moneySum([], 'amountMinor', 'cs-CZ')).toBe('');
  });
});

describe('the week grid on a narrow screen', () => {
  it("scrolls today's column into view beside the sticky first column", () => {
    // A phone: 390 px wide, the ticket column 160 px, days of 90 px from 160.
    const friday = { left: 160 + 4 * 90, width: 90 };
    expect(scrollToShow(friday, { scrollLeft: 0, width: 390, stickyWidth: 160 })).toBe(360);
    expect(scrollToShow({ left: 160, width: 90 }, { scrollLeft: 0, width: 390, stickyWidth: 160 })).toBeNull();
    // Already in view after scrolling: left alone; hidden under the sticky column: brought back.
    expect(scrollToShow(friday, { scrollLeft: 360, width: 390, stickyWidth: 160 })).toBeNull();
    expect(scrollToShow({ left: 250, width: 90 }, { scrollLeft: 360, width: 390, stickyWidth: 160 })).toBe(90);
  });

  it('tells which sides hide more of the grid', () => {
    expect(hiddenSides(0, 900, 390)).toEqual({ left: false, right: true });
    expect(hiddenSides(200, 900, 390)).toEqual({ left: true, right: true });
    expect(hiddenSides(510, 900, 390)).toEqual({ left: true, right: false });
    expect(hiddenSides(0, 390, 390)).toEqual({ left: false, right: false });
  });
});

describe('a day with records but no time', () => {
  const days = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'];
  const day = (over: Partial<TimesheetCell>): TimesheetCell => ({ billableMinutes: 0, nonBillableMinutes: 0, travelMinutes: 0, km: '0', records: 1, unpriced: 0, ...over });

  it('shows km-only travel as its km, material or fees alone as a count, and an empty day as nothing', () => {
    const sheet: Timesheet = {
      start: days[0]!, end: days[6]!, days,
      byTechnician: [],
      byTicket: [{
        ticket: { id: 1, number: 'T-1', subject: 'Trip' },
        // Mon: km-only travel twice; Tue: nothing; Wed: work and travel; Thu: material only; Fri: travel to a zone (0 km) only.
        days: [day({ km: '36.5', records: 2 }), null, day({ billableMinutes: 70, km: '12', records: 2 }), day({}), day({ km: '0' }), null, null],
        total: day({ billableMinutes: 70, km: '48.5', records: 6 }),
      }],
      total: day({ billableMinutes: 70, km: '48.5', records: 6 }),
    };
    const grid = weekGrid(sheet, 'ticket');
    expect(grid.rows[0]!.cells.map(cellFace)).toEqual([
      { minutes: null, kmMilli: 36_500, untimed: null },
      { minutes: null, kmMilli: null, untimed: null },
      { minutes: 70, kmMilli: 12_000, untimed: null },
      { minutes: null, kmMilli: null, untimed: 1 },
      { minutes: null, kmMilli: null, untimed: 1 },
      { minutes: null, kmMilli: null, untimed: null },
      { minutes: null, kmMilli: null, untimed: null },
    ]);
    expect(cellFace(grid.total)).toEqual({ minutes: 70, kmMilli: 48_500, untimed: null });
  });

  it("adds the days' km of a team in thousandths: 0.1 + 0.2 km is 0.3 km", () => {
    const row = (id: number, km: string) => ({ technician: { id, name: `T${id}` }, days: [day({ km }), null, null, null, null, null, null], total: day({ km }) });
    const sheet: Timesheet = { start: days[0]!, end: days[6]!, days, byTechnician: [row(1, '0.1'), row(2, '0.2')], byTicket: [], total: day({ km: '0.3', records: 2 }) };
    const grid = weekGrid(sheet, 'technician');
    expect(grid.dayTotals[0]!.kmMilli).toBe(300);
    expect(cellFace(grid.dayTotals[0]!)).toEqual({ minutes: null, kmMilli: 300, untimed: null });
    expect(grid.dayTotals[1]!.kmMilli).toBe(0);
  });
});
