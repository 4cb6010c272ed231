import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateTime, providerDate } from './provider-time.ts';

describe('provider time', () => {
  it('gives the local date and time in Prague, summer and winter', () => {
    expect(localDateTime(new Date('2026-07-01T22:30:00.000Z'))).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(localDateTime(new Date('2026-12-31T23:05:00.000Z'))).toEqual({ date: '2027-01-01', time: '00:05' });
    expect(providerDate(new Date('2026-10-31T23:30:00.000Z'))).toBe('2026-11-01');
  });

  it('crosses the change to winter time: the same UTC minute gap gives the repeated local hour', () => {
    // 25 Oct 2026, 03:00 summer time becomes 02:00 winter time.
    expect(localDateTime(new Date('2026-10-25T00:59:00.000Z')).time).toBe('02:59');
    expect(localDateTime(new Date('2026-10-25T01:00:00.000Z')).time).toBe('02:00');
  });

  it('answers as a fresh formatting would, whatever the order of instants and zones (the kept minute never leaks)', () => {
    const zones = ['Europe/Prague', 'Europe/Bratislava', 'America/New_York', 'Asia/Kathmandu'];
    const fresh = (ms: number, zone: string) => {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 20 }), (calls) => {
        for (const [ms, zone] of calls) {
          // Neighbouring instants in the same minute and just across it too.
          for (const t of [ms, ms + 1, ms - (ms % 60_000) + 59_999, ms - (ms % 60_000) + 60_000]) expect(localDateTime(new Date(t), zone)).toEqual(fresh(t, zone));
        }
      }),
    );
  });
});
