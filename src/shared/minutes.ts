/**
 * Time is whole minutes (BILLING.md §1). Helpers for durations and for local
 * times of day written 'HH:MM'.
 */

/** A time of day written 'HH:MM' (24-hour clock, local time, no zone). */
export type TimeOfDay = string;

export const MINUTES_PER_DAY = 24 * 60;

/** Throws unless `value` is a whole, non-negative, safe number of minutes. */
export function assertMinutes(value: number, what = 'minutes'): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole non-negative number, got ${String(value)}`);
  }
  return value;
}

/** ceil(a / b) for non-negative a and positive b, in integers. */
export function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

/** floor(a / b) for non-negative a and positive b, in integers. */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Rounds minutes up to a multiple of the increment (increment 1 = unchanged). */
export function roundUpToIncrement(minutes: number, increment: number): number {
  return ceilDiv(minutes, increment) * increment;
}

const DIGIT_0 = 48;

function digitAt(text: string, index: number): number {
  const d = text.charCodeAt(index) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Minute of the day of 'HH:MM' (0..1439), or -1 when malformed. Written with
 * char codes because it sits on the pricing hot path. With `allowEndOfDay`,
 * '24:00' is accepted as 1440 (the end of business hours may be midnight).
 */
export function tryMinuteOfDay(text: string, allowEndOfDay = false): number {
  if (text.length !== 5 || text.charCodeAt(2) !== 58 /* ':' */) return -1;
  const h1 = digitAt(text, 0);
  const h2 = digitAt(text, 1);
  const m1 = digitAt(text, 3);
  const m2 = digitAt(text, 4);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return -1;
  const hours = h1 * 10 + h2;
  const minutes = m1 * 10 + m2;
  if (minutes > 59) return -1;
  if (hours < 24) return hours * 60 + minutes;
  if (allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  return -1;
}

export function minuteOfDay(text: TimeOfDay, allowEndOfDay = false): number {
  const value = tryMinuteOfDay(text, allowEndOfDay);
  if (value < 0) throw new RangeError(`'${text}' is not a time of day HH:MM`);
  return value;
}

export function formatTimeOfDay(minute: number): TimeOfDay {
  if (!Number.isSafeInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
    throw new RangeError(`minute of day out of range: ${minute}`);
  }
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
