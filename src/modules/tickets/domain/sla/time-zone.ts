/**
 * Local wall time ⇄ UTC instants (epoch ms) for an IANA time zone, with nothing
 * but `Intl.DateTimeFormat` (no date library in src/). Asking Intl costs ~10 µs,
 * so offsets are memoised per zone and per UTC hour: an hour bucket holds either
 * one offset or the one transition that happens inside it (found once by binary
 * search to the second). This assumes a zone changes its offset at most once per
 * hour, which holds for every zone in the tz database.
 *
 * "Local ms" below means the wall-clock reading written as if it were UTC:
 * epochDay × 86 400 000 + milliseconds since local midnight.
 */
import { fromEpochDay, toEpochDay, type IsoDate } from '../../../../shared/calendar/index.ts';
import { formatTimeOfDay, minuteOfDay, type TimeOfDay } from '../../../../shared/minutes.ts';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** An offset change inside one hour bucket: `before` applies to instants < `at`. */
interface Transition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

interface ZoneOffsets {
  readonly formatter: Intl.DateTimeFormat | null; // null: fixed UTC, no lookups
  readonly buckets: Map<number, number | Transition>;
}

// Enough hour buckets for ~20 years of instants per zone; cleared, not evicted
// one by one, because refilling is cheap and a real workload touches few years.
const MAX_BUCKETS = 180_000;
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);
const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    const formatter = UTC_NAMES.has(timeZone)
      ? null
      : new Intl.DateTimeFormat('en-US', {
          timeZone, // throws RangeError for an unknown zone
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
    zone = { formatter, buckets: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Whether the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    zoneOffsets(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The offset asked directly from Intl, at whole-second resolution. */
function intlOffset(formatter: Intl.DateTimeFormat, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(utcMs)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

function hourBucket(formatter: Intl.DateTimeFormat, key: number): number | Transition {
  let lo = key * MS_PER_HOUR;
  let hi = lo + MS_PER_HOUR - 1000; // the last whole second of the hour
  const before = intlOffset(formatter, lo);
  const after = intlOffset(formatter, hi);
  if (before === after) return before;
  // Invariant: offset(lo) = before, offset(hi) = after; narrow to adjacent seconds.
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (intlOffset(formatter, mid) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

/** Offset of the zone at a UTC instant, in ms (local − UTC; Prague: +3 600 000 in winter). */
export function offsetAt(timeZone: string, utcMs: number): number {
  const zone = zoneOffsets(timeZone);
  if (zone.formatter === null) return 0;
  const key = Math.floor(utcMs / MS_PER_HOUR);
  let bucket = zone.buckets.get(key);
  if (bucket === undefined) {
    if (!Number.isFinite(utcMs)) throw new RangeError(`not a finite instant: ${utcMs}`);
    if (zone.buckets.size >= MAX_BUCKETS) zone.buckets.clear();
    bucket = hourBucket(zone.formatter, key);
    zone.buckets.set(key, bucket);
  }
  if (typeof bucket === 'number') return bucket;
  return utcMs < bucket.at ? bucket.before : bucket.after;
}

/** The first instant with offset `after`, between `lo` (offset before) and `hi` (offset after). */
function firstInstantAfterChange(timeZone: string, lo: number, hi: number): number {
  const before = offsetAt(timeZone, lo);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The UTC instant of a local wall-clock reading. Readings that happen twice (the
 * autumn hour) resolve to the earlier instant. Readings that never happen (the
 * spring gap) resolve to the instant the gap ends: 02:30 on 29 Mar 2026 in
 * Prague → 03:00 CEST. For opening hours that is exact: the wall clock is past
 * 02:30 from that instant on, so a window '01:00'–'02:30' that day is open for
 * the real hour 01:00–02:00 CET, as a person reading the clock would say.
 */
export function localMsToUtc(timeZone: string, localMs: number): number {
  const before = offsetAt(timeZone, localMs - MS_PER_DAY);
  const after = offsetAt(timeZone, localMs + MS_PER_DAY);
  const early = localMs - before;
  const earlyValid = offsetAt(timeZone, early) === before;
  if (before === after && earlyValid) return early;
  const late = localMs - after;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  if (before === after) return localMs - offsetAt(timeZone, early); // two changes within two days: settle on one
  return firstInstantAfterChange(timeZone, late, early); // the gap (late < early when the clock jumps forward)
}

/** Days since 1970-01-01 of the local date at a UTC instant. */
export function localEpochDay(timeZone: string, utcMs: number): number {
  return Math.floor((utcMs + offsetAt(timeZone, utcMs)) / MS_PER_DAY);
}

/** The instant of a local date and time 'HH:MM' ('24:00' = next midnight) in a zone. */
export function zonedInstant(timeZone: string, date: IsoDate, time: TimeOfDay): number {
  return localMsToUtc(timeZone, toEpochDay(date) * MS_PER_DAY + minuteOfDay(time, true) * MS_PER_MINUTE);
}

export interface LocalDateTime {
  readonly date: IsoDate;
  /** 'HH:MM', seconds dropped. */
  readonly time: TimeOfDay;
  /** Offset from UTC in minutes, e.g. 60 for CET, 120 for CEST. */
  readonly offsetMinutes: number;
}

/** The local date and time of an instant, e.g. for display and tests. */
export function localDateTime(timeZone: string, utcMs: number): LocalDateTime {
  const offset = offsetAt(timeZone, utcMs);
  const local = utcMs + offset;
  const day = Math.floor(local / MS_PER_DAY);
  const minute = Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE);
  return { date: fromEpochDay(day), time: formatTimeOfDay(minute), offsetMinutes: offset / MS_PER_MINUTE };
}
