/**
 * Arithmetic in business time. Instants are epoch milliseconds (numbers, not
 * Dates: cheaper, and unambiguous in JSON and SQL). Internally everything is
 * whole milliseconds; the public functions speak minutes, which may therefore be
 * fractional when an instant is not on a whole minute — callers round for
 * display (floor elapsed time, ceil overruns), never for arithmetic.
 *
 * Speed: the per-day opening intervals are memoised by the compiled calendar, and
 * whole ISO weeks are skipped by their memoised totals, so a due date costs a few
 * map lookups however long the target is (the ticket-creation path needs it).
 */
import { compileCalendar, type BusinessCalendar, type CompiledCalendar } from './business-calendar.ts';
import { localEpochDay, MS_PER_MINUTE } from './time-zone.ts';

/** A point in time: milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

// A calendar is open at least once a week (validated), so this only stops a
// runaway target (or a bug) instead of looping for ever: ~400 years of weeks.
const MAX_STEPS = 400 * 53;

const isMonday = (epochDay: number): boolean => ((epochDay + 3) % 7 + 7) % 7 === 0;

function assertInstant(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be an instant in epoch ms, got ${String(value)}`);
}

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a non-negative number, got ${String(minutes)}`);
  }
  return Math.round(minutes * MS_PER_MINUTE);
}

/** The instant at which `ms` of business time have elapsed after `start`. */
export function addBusinessMs(calendar: CompiledCalendar, start: Instant, ms: number): Instant {
  if (ms <= 0) return start;
  if (calendar.alwaysOpen) return start + ms;
  let remaining = ms;
  let day = localEpochDay(calendar.timeZone, start);
  // The start day counts only from `start` on.
  const first = calendar.dayHours(day).intervals;
  for (let i = 0; i < first.length; i += 2) {
    const close = first[i + 1]!;
    if (close <= start) continue;
    const from = Math.max(first[i]!, start);
    if (remaining <= close - from) return from + remaining;
    remaining -= close - from;
  }
  // Whole days (and whole weeks) after it. `<=` above and `>` below make a due
  // time that falls on a closing time stay there instead of moving to the next opening.
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    day++;
    if (isMonday(day)) {
      let week = calendar.weekTotal(day);
      while (remaining > week && steps++ < MAX_STEPS) {
        remaining -= week;
        day += 7;
        week = calendar.weekTotal(day);
      }
    }
    const hours = calendar.dayHours(day);
    if (remaining > hours.total) {
      remaining -= hours.total;
      continue;
    }
    const open = hours.intervals;
    for (let i = 0; i < open.length; i += 2) {
      const length = open[i + 1]! - open[i]!;
      if (remaining <= length) return open[i]! + remaining;
      remaining -= length;
    }
  }
  throw new RangeError('business time target out of reach of the calendar');
}

/** Business ms of one day's intervals that fall inside [from, to). */
function clippedDay(calendar: CompiledCalendar, day: number, from: Instant, to: Instant): number {
  const open = calendar.dayHours(day).intervals;
  let sum = 0;
  for (let i = 0; i < open.length; i += 2) {
    const length = Math.min(open[i + 1]!, to) - Math.max(open[i]!, from);
    if (length > 0) sum += length;
  }
  return sum;
}

/** Business ms in [from, to); 0 when to ≤ from. */
export function businessMsBetween(calendar: CompiledCalendar, from: Instant, to: Instant): number {
  if (to <= from) return 0;
  if (calendar.alwaysOpen) return to - from;
  let day = localEpochDay(calendar.timeZone, from);
  const lastDay = localEpochDay(calendar.timeZone, to);
  let total = clippedDay(calendar, day, from, to);
  if (lastDay === day) return total;
  for (day++; day < lastDay; ) {
    if (isMonday(day) && day + 7 <= lastDay) {
      total += calendar.weekTotal(day);
      day += 7;
    } else {
      total += calendar.dayHours(day).total;
      day++;
    }
  }
  return total + clippedDay(calendar, lastDay, from, to);
}

/**
 * The instant when `minutes` of business time have elapsed from `start`. A start
 * outside business hours counts from the next opening; a result that falls on a
 * closing time stays on it (17:00, not the next morning's 08:00). 0 minutes → start.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Instant, minutes: number): Instant {
  assertInstant(start, 'start');
  return addBusinessMs(compileCalendar(calendar), start, toMs(minutes));
}

/**
 * Business minutes between two instants (exact to the millisecond, so possibly
 * fractional). Antisymmetric: negative when `to` is before `from`.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Instant, to: Instant): number {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  const compiled = compileCalendar(calendar);
  return to >= from
    ? businessMsBetween(compiled, from, to) / MS_PER_MINUTE
    : -businessMsBetween(compiled, to, from) / MS_PER_MINUTE;
}

/** Whether the calendar is open at the instant (opening time included, closing time not). */
export function isBusinessTime(calendar: BusinessCalendar, instant: Instant): boolean {
  assertInstant(instant, 'instant');
  const compiled = compileCalendar(calendar);
  if (compiled.alwaysOpen) return true;
  const open = compiled.dayHours(localEpochDay(compiled.timeZone, instant)).intervals;
  for (let i = 0; i < open.length; i += 2) {
    if (open[i]! <= instant && instant < open[i + 1]!) return true;
  }
  return false;
}

/** The instant itself when open, else the next opening time. */
export function nextBusinessOpening(calendar: BusinessCalendar, instant: Instant): Instant {
  assertInstant(instant, 'instant');
  const compiled = compileCalendar(calendar);
  if (compiled.alwaysOpen) return instant;
  let day = localEpochDay(compiled.timeZone, instant);
  for (let steps = 0; steps < MAX_STEPS; steps++, day++) {
    const open = compiled.dayHours(day).intervals;
    for (let i = 0; i < open.length; i += 2) {
      if (instant < open[i + 1]!) return Math.max(open[i]!, instant);
    }
  }
  throw new RangeError('the calendar never opens');
}
