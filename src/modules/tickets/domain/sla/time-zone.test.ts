import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidTimeZone, localDateTime, localEpochDay, localMsToUtc, offsetAt, zonedInstant, MS_PER_HOUR } from './time-zone.ts';

const PRAGUE = 'Europe/Prague';
const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Offset straight from Intl, no memo: the reference the memoised one must match. */
function referenceOffset(timeZone: string, ms: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format(ms);
  const match = /GMT([+-])(\d\d):(\d\d)(?::(\d\d))?/.exec(text);
  if (match === null) return 0; // plain 'GMT'
  const sign = match[1] === '-' ? -1 : 1;
  return sign * ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
}

describe('offsetAt', () => {
  it('knows CET and CEST and the exact switch instants of 2026', () => {
    expect(offsetAt(PRAGUE, utc('2026-01-15T12:00:00Z'))).toBe(MS_PER_HOUR);
    expect(offsetAt(PRAGUE, utc('2026-07-15T12:00:00Z'))).toBe(2 * MS_PER_HOUR);
    // Last Sunday of March: 02:00 CET → 03:00 CEST at 01:00Z.
    expect(offsetAt(PRAGUE, utc('2026-03-29T00:59:59.999Z'))).toBe(MS_PER_HOUR);
    expect(offsetAt(PRAGUE, utc('2026-03-29T01:00:00Z'))).toBe(2 * MS_PER_HOUR);
    // Last Sunday of October: 03:00 CEST → 02:00 CET at 01:00Z.
    expect(offsetAt(PRAGUE, utc('2026-10-25T00:59:59.999Z'))).toBe(2 * MS_PER_HOUR);
    expect(offsetAt(PRAGUE, utc('2026-10-25T01:00:00Z'))).toBe(MS_PER_HOUR);
  });

  it('finds transitions that are not on a whole UTC hour (Lord Howe: half-hour DST, starts at 15:30Z)', () => {
    const zone = 'Australia/Lord_Howe';
    const H = MS_PER_HOUR;
    // 4 Oct 2026 02:00 local (+10:30) → 02:30 (+11), i.e. at 2026-10-03T15:30Z, inside an hour bucket.
    expect(offsetAt(zone, utc('2026-10-03T15:29:59.999Z'))).toBe(10.5 * H);
    expect(offsetAt(zone, utc('2026-10-03T15:30:00Z'))).toBe(11 * H);
    expect(offsetAt(zone, utc('2026-10-03T15:00:00Z'))).toBe(10.5 * H);
    expect(offsetAt(zone, utc('2026-10-03T15:59:59Z'))).toBe(11 * H);
    // 5 Apr 2026 02:00 local (+11) → 01:30 (+10:30) at 2026-04-04T15:00Z.
    expect(offsetAt(zone, utc('2026-04-04T14:59:59Z'))).toBe(11 * H);
    expect(offsetAt(zone, utc('2026-04-04T15:00:00Z'))).toBe(10.5 * H);
  });

  it('matches Intl for random instants in several zones (memo never lies)', () => {
    const zones = [PRAGUE, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: utc('1990-01-01T00:00:00Z'), max: utc('2040-01-01T00:00:00Z') }), (zone, ms) => {
        expect(offsetAt(zone, ms)).toBe(referenceOffset(zone, ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone(PRAGUE)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => offsetAt('Mars/Olympus', 0)).toThrow(RangeError);
  });
});

describe('local wall time → UTC', () => {
  it('converts ordinary times both sides of the year', () => {
    expect(iso(zonedInstant(PRAGUE, '2026-10-27', '15:00'))).toBe('2026-10-27T14:00:00.000Z');
    expect(iso(zonedInstant(PRAGUE, '2026-07-01', '08:00'))).toBe('2026-07-01T06:00:00.000Z');
    expect(iso(zonedInstant(PRAGUE, '2026-07-01', '24:00'))).toBe('2026-07-01T22:00:00.000Z');
  });

  it('maps a time in the spring gap to the end of the gap (02:30 → 03:00 CEST)', () => {
    expect(iso(zonedInstant(PRAGUE, '2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedInstant(PRAGUE, '2026-03-29', '02:30'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedInstant('America/New_York', '2026-03-08', '02:15'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedInstant(PRAGUE, '2026-03-29', '03:00'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier of the two autumn readings', () => {
    expect(iso(zonedInstant(PRAGUE, '2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedInstant(PRAGUE, '2026-10-25', '03:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('round-trips every existing wall time (random instants → local → instant)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(PRAGUE, 'America/New_York', 'Asia/Kathmandu'),
        fc.integer({ min: utc('2000-01-01T00:00:00Z') / 60_000, max: utc('2035-01-01T00:00:00Z') / 60_000 }),
        (zone, minute) => {
          const ms = minute * 60_000;
          const local = ms + offsetAt(zone, ms);
          const back = localMsToUtc(zone, local);
          // Ambiguous autumn readings map to the earlier instant: equal, or one DST shift earlier.
          expect(back === ms || (back < ms && offsetAt(zone, back) !== offsetAt(zone, ms))).toBe(true);
          expect(back + offsetAt(zone, back)).toBe(local);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives local date and time for display', () => {
    expect(localDateTime(PRAGUE, utc('2026-10-30T12:00:00Z'))).toEqual({ date: '2026-10-30', time: '13:00', offsetMinutes: 60 });
    expect(localDateTime(PRAGUE, utc('2026-03-29T01:00:00Z'))).toEqual({ date: '2026-03-29', time: '03:00', offsetMinutes: 120 });
    expect(localEpochDay(PRAGUE, utc('2026-06-30T22:30:00Z'))).toBe(localEpochDay(PRAGUE, utc('2026-07-01T12:00:00Z')));
  });
});
