import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPublicHoliday } from '../../../../shared/calendar/index.ts';
import { calendar24x7, officeHoursCalendar, type BusinessCalendar, type Weekday } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from './business-time.ts';

const PRAGUE = 'Europe/Prague';
const MIN = 60_000;
const day = (start: string, end: string) => [{ start, end }];

const calendars: Record<string, BusinessCalendar> = {
  office: officeHoursCalendar(),
  slovakLunchAndSaturday: {
    timeZone: 'Europe/Bratislava',
    weekly: {
      1: [{ start: '07:30', end: '12:00' }, { start: '12:30', end: '16:00' }],
      2: day('07:30', '16:00'),
      3: day('07:30', '16:00'),
      4: day('07:30', '16:00'),
      5: day('07:30', '14:00'),
      6: day('09:00', '11:00'),
    },
    holidayCountries: ['CZ', 'SK'],
    extraDaysOff: ['2026-03-27', '2026-10-26'],
    extraWorkingDays: [{ date: '2026-10-28', hours: day('10:00', '12:00') }, { date: '2026-03-29', hours: day('01:00', '05:00') }],
  },
  nightShift: {
    timeZone: PRAGUE,
    weekly: Object.fromEntries(([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((d) => [d, [{ start: '00:00', end: '06:00' }, { start: '22:00', end: '24:00' }]])),
    holidayCountries: [],
    extraDaysOff: [],
  },
  newYork: officeHoursCalendar({ start: '09:00', end: '18:00', timeZone: 'America/New_York', holidayCountries: [] }),
  always: calendar24x7(),
};

const calendar = fc.constantFrom(...Object.keys(calendars)).map((name) => calendars[name]!);
// Instants in 2025–2028, half of them within days of a DST switch or a holiday.
const hotSpots = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-10-28T12:00:00Z', '2026-12-24T12:00:00Z', '2026-03-08T07:00:00Z'].map(Date.parse);
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
  fc.tuple(fc.constantFrom(...hotSpots), fc.integer({ min: -4 * 86_400_000, max: 4 * 86_400_000 })).map(([a, b]) => a + b),
);
const minutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 60_000 }));

describe('business time properties', () => {
  it('businessMinutesBetween(s, addBusinessMinutes(s, m)) === m', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (c, s, m) => {
        expect(businessMinutesBetween(c, s, addBusinessMinutes(c, s, m))).toBe(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('addBusinessMinutes is monotonic in m (and never before the start)', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (c, s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const early = addBusinessMinutes(c, s, lo);
        expect(early).toBeGreaterThanOrEqual(s);
        expect(addBusinessMinutes(c, s, hi)).toBeGreaterThanOrEqual(early);
        if (hi > lo) expect(addBusinessMinutes(c, s, hi)).toBeGreaterThan(early);
      }),
      { numRuns: 1000 },
    );
  });

  it('for m > 0 the due instant is inside business hours or exactly at a closing time', () => {
    fc.assert(
      fc.property(calendar, instant, minutes.filter((m) => m > 0), (c, s, m) => {
        const due = addBusinessMinutes(c, s, m);
        // Open in the millisecond before it: either it is open, or it is the end of an open stretch.
        expect(isBusinessTime(c, due - 1)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding in two steps equals adding at once; between is additive over a split point', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, fc.integer({ min: 0, max: 30 * 86_400_000 }), (c, s, a, b, span) => {
        expect(addBusinessMinutes(c, addBusinessMinutes(c, s, a), b)).toBe(addBusinessMinutes(c, s, a + b));
        const mid = s + Math.floor(span / 3);
        const ms = (from: number, to: number): number => Math.round(businessMinutesBetween(c, from, to) * MIN);
        expect(ms(s, mid) + ms(mid, s + span)).toBe(ms(s, s + span));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Open or not, judged minute by minute from the wall clock as Intl shows it: an oracle independent of the converter. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function oracleOpen(c: BusinessCalendar, ms: number): boolean {
  let formatter = formatters.get(c.timeZone);
  if (formatter === undefined) {
    const options = { timeZone: c.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' } as const;
    formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(c.timeZone, formatter);
  }
  const parts = Object.fromEntries(
    formatter
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  const weekday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1) as Weekday;
  const override = c.extraWorkingDays?.find((o) => o.date === date);
  let windows = override?.hours ?? c.weekly[weekday] ?? [];
  if (override === undefined && (c.extraDaysOff.includes(date) || c.holidayCountries.some((country) => isPublicHoliday(country, date)))) windows = [];
  const toMinute = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return windows.some((w) => toMinute(w.start) <= minute && minute < toMinute(w.end));
}

describe('business time against a wall-clock oracle', () => {
  it('businessMinutesBetween counts exactly the minutes the wall clock shows as open', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 3 * 1440 }), (c, s, span) => {
        const from = Math.floor(s / MIN) * MIN;
        let open = 0;
        for (let t = from; t < from + span * MIN; t += MIN) if (oracleOpen(c, t)) open++;
        expect(businessMinutesBetween(c, from, from + span * MIN)).toBe(open);
      }),
      { numRuns: 80 },
    );
  });
});
