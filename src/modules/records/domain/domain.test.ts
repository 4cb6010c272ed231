import { describe, expect, it } from 'vitest';
import { csvObjects, formatCsv, parseCsv } from './csv.ts';
import { dateProblems, entryMinutes, parseDecimal } from './entry.ts';
import { elapsedMinutes } from './timer.ts';
import { buildTimesheet, buildTimesheetOfGroups, groupOf, type TimesheetRecord } from './timesheet.ts';

const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe('entry checks', () => {
  it('takes minutes as given or from start and end, never more than a day', () => {
    expect(entryMinutes({ minutes: 50 }, { required: true })).toEqual({ minutes: 50, problems: [] });
    expect(entryMinutes({ startTime: '18:30', endTime: '20:10' }, { required: true }).minutes).toBe(100);
    // An end before the start is a typing mistake, not 23 hours: work past midnight is a start and minutes.
    expect(codes(entryMinutes({ startTime: '14:00', endTime: '13:00' }, { required: true }).problems)).toEqual(['end_before_start']);
    expect(entryMinutes({ startTime: '14:00', endTime: '13:00' }, { required: true }).problems[0]!.path).toBe('endTime');
    expect(codes(entryMinutes({ startTime: '23:30', endTime: '00:15' }, { required: false }).problems)).toEqual(['end_before_start']);
    expect(entryMinutes({ startTime: '23:30', minutes: 45 }, { required: true })).toEqual({ minutes: 45, problems: [] });
    expect(codes(entryMinutes({ startTime: '10:00', endTime: '10:00' }, { required: true }).problems)).toEqual(['invalid_range']);
    expect(codes(entryMinutes({ minutes: 0 }, { required: true }).problems)).toEqual(['minutes_not_positive']);
    expect(entryMinutes({ minutes: 0 }, { required: false }).problems).toEqual([]);
    expect(codes(entryMinutes({ minutes: 1441 }, { required: true }).problems)).toEqual(['too_long']);
    expect(entryMinutes({ minutes: 1440 }, { required: true }).problems).toEqual([]);
    expect(codes(entryMinutes({ minutes: 30, startTime: '09:00', endTime: '10:00' }, { required: true }).problems)).toEqual(['minutes_mismatch']);
    expect(codes(entryMinutes({ endTime: '10:00' }, { required: true }).problems)).toEqual(['start_required']);
    expect(codes(entryMinutes({ startTime: '25:00', minutes: 5 }, { required: true }).problems)).toEqual(['invalid_time']);
    expect(codes(entryMinutes({}, { required: true }).problems)).toEqual(['required']);
  });

  it('accepts dates from 2000 to tomorrow', () => {
    expect(dateProblems('2026-11-03', '2026-11-02')).toEqual([]);
    expect(codes(dateProblems('2026-11-04', '2026-11-02'))).toEqual(['date_in_future']);
    expect(codes(dateProblems('1999-12-31', '2026-11-02'))).toEqual(['date_too_early']);
    expect(codes(dateProblems('2026-13-01', '2026-11-02'))).toEqual(['invalid_date']);
  });

  it('reads decimals of at most 3 places from text or numbers, exactly', () => {
    expect(parseDecimal('36.5', 'km', { positive: false }).milli).toBe(36_500);
    expect(parseDecimal(12.125, 'km', { positive: false }).milli).toBe(12_125);
    expect(parseDecimal(0, 'km', { positive: false }).milli).toBe(0);
    expect(codes(parseDecimal(0.1 + 0.2, 'km', { positive: false }).problems)).toEqual(['invalid_decimal']);
    expect(codes(parseDecimal('1,5', 'km', { positive: false }).problems)).toEqual(['invalid_decimal']);
    expect(codes(parseDecimal('0', 'quantity', { positive: true }).problems)).toEqual(['not_positive']);
    expect(codes(parseDecimal(Number.NaN, 'km', { positive: false }).problems)).toEqual(['invalid_decimal']);
  });
});

describe('csv', () => {
  it('parses quotes, doubled quotes, line breaks in quotes, CRLF, a BOM and either delimiter', () => {
    const text = '\uFEFFa;b;c\r\n1;"x; ""y""";"two\nlines"\r\n\r\n2;;\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x; "y"', 'two\nlines'] },
      { line: 5, fields: ['2', '', ''] },
    ]);
    expect(csvObjects('Ticket,Date\nT1,2026-10-01').rows).toEqual([{ line: 2, values: { ticket: 'T1', date: '2026-10-01' } }]);
    expect(() => parseCsv('a,b\n"open,1')).toThrow(/not closed/);
  });

  it('writes a BOM, CRLF, quotes what needs it and defuses formulas', () => {
    const out = formatCsv(['A', 'B'], [['x;y', '=1+1'], [-5, null]], ';');
    expect(out).toBe('\uFEFFA;B\r\n"x;y";\'=1+1\r\n-5;\r\n');
    expect(parseCsv(formatCsv(['q'], [['say "hi"']], ','))[1]!.fields).toEqual(['say "hi"']);
  });
});

describe('timer', () => {
  it('counts the minutes as a clock shows start and now, at least one', () => {
    expect(elapsedMinutes('2026-10-30T08:00:00.000Z', new Date('2026-10-30T08:00:00.000Z'))).toBe(1);
    expect(elapsedMinutes('2026-10-30T08:00:00.000Z', new Date('2026-10-30T09:01:10.000Z'))).toBe(61);
    expect(elapsedMinutes('2026-10-30T08:00:00.000Z', new Date('2026-10-30T09:00:00.000Z'))).toBe(60);
    // 10:00:10 → 10:30:50 is the entry 10:00 + 30 minutes, ending at now's minute (rounded up it ended at 10:31, after now).
    expect(elapsedMinutes('2026-10-30T09:00:10.000Z', new Date('2026-10-30T09:30:50.000Z'))).toBe(30);
    // 10:00:50 → 10:30:10: 29 min 20 s worked, 10:00 to 10:30 on the clock.
    expect(elapsedMinutes('2026-10-30T09:00:50.000Z', new Date('2026-10-30T09:30:10.000Z'))).toBe(30);
    expect(elapsedMinutes('2026-10-30T09:00:50.000Z', new Date('2026-10-30T09:01:10.000Z'))).toBe(1);
  });
});

describe('timesheet', () => {
  const rec = (over: Partial<TimesheetRecord>): TimesheetRecord => ({
    technician: { id: 1, name: 'Eva' }, ticket: { id: 10, number: 'T1', subject: 's' }, date: '2026-10-19', minutes: 60, travel: false, kmMilli: null, billable: true,
    currency: 'CZK', amountMinor: 800_00, costMinor: 450_00, costCurrency: 'CZK', ...over,
  });

  it('sums by technician × day and by ticket, money per currency, unpriced never as 0', () => {
    const sheet = buildTimesheet('2026-10-19', [
      rec({}),
      rec({ date: '2026-10-20', billable: false, amountMinor: 0 }),
      rec({ date: '2026-10-20', amountMinor: null, currency: null, ticket: { id: 11, number: 'T2', subject: 's' } }),
      rec({ date: '2026-10-25', currency: 'EUR', amountMinor: 50_00, technician: { id: 2, name: 'Adam' } }),
      rec({ date: '2026-10-26' }),
    ], [{ id: 3, name: 'Zdeněk' }]);
    expect(sheet.days).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25']);
    expect(sheet.total).toMatchObject({ billableMinutes: 180, nonBillableMinutes: 60, records: 4, unpriced: 1 });
    expect(sheet.total.money).toEqual([{ currency: 'CZK', amountMinor: 800_00, costMinor: 1_800_00 }, { currency: 'EUR', amountMinor: 50_00, costMinor: 0 }]);
    expect(sheet.byTechnician.map((r) => r.key.name)).toEqual(['Adam', 'Eva', 'Zdeněk']);
    expect(sheet.byTechnician[1]!.days[1]).toMatchObject({ billableMinutes: 60, nonBillableMinutes: 60, records: 2, unpriced: 1 });
    expect(sheet.byTicket.map((r) => [r.key.number, r.total.records])).toEqual([['T1', 3], ['T2', 1]]);
  });

  it('sums travel km per day, row and week in thousandths (0.1 + 0.2 km is exactly 0.3)', () => {
    const sheet = buildTimesheet('2026-10-19', [
      rec({ kmMilli: 100, minutes: 30 }),
      rec({ kmMilli: 200, minutes: 0, ticket: { id: 11, number: 'T2', subject: 's' } }),
      rec({ date: '2026-10-20', kmMilli: 36_500, minutes: 0 }),
      rec({ date: '2026-10-21' }), // work: no km
    ]);
    expect(sheet.byTechnician[0]!.days.map((d) => d.kmMilli)).toEqual([300, 36_500, 0, 0, 0, 0, 0]);
    expect(sheet.byTicket.map((r) => [r.key.number, r.total.kmMilli])).toEqual([['T1', 36_600], ['T2', 200]]);
    expect(sheet.total.kmMilli).toBe(36_800);
  });

  it('keeps travel time apart from billable work: a trip is billed by km, not as hours of work', () => {
    const trip = { travel: true, kmMilli: 42_500, minutes: 40, amountMinor: 510_00 };
    const records = [rec({ minutes: 105 }), rec(trip), rec({ ...trip, billable: false, amountMinor: 0 }), rec({ billable: false, minutes: 15 })];
    const sheet = buildTimesheet('2026-10-19', records);
    expect(sheet.total).toMatchObject({ billableMinutes: 105, nonBillableMinutes: 15, travelMinutes: 80, kmMilli: 85_000, records: 4 });
    expect(sheet.byTicket[0]!.days[0]).toMatchObject({ billableMinutes: 105, nonBillableMinutes: 15, travelMinutes: 80 });
    // The same sheet from groups the database sums (a team's week): travel minutes kept apart there too.
    const grouped = buildTimesheetOfGroups('2026-10-19', [{ ...groupOf(records[0]!), records: 2, minutes: 145, travelMinutes: 40, kmMilli: 42_500 }]);
    expect(grouped.total).toMatchObject({ billableMinutes: 105, nonBillableMinutes: 0, travelMinutes: 40 });
  });
});
