/**
 * Timers (pure): how many minutes a running timer has counted (the local date and
 * start time of the work entry it becomes: shared/calendar's localDateTime).
 */

const MINUTE_MS = 60_000;

/**
 * The minutes from the timer's start to now, both read to the minute as a clock shows them
 * (10:00:10 → 10:30:50 is 10:00 to 10:30, 30 minutes): the entry's start is the start's minute,
 * so its start and minutes end at now's minute, never after it. The record keeps what was
 * worked; billing rounds it up later (the price list's increment). A timer that ran at all
 * counts at least one minute.
 */
export function elapsedMinutes(startedAt: string, now: Date): number {
  const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);
  return Math.max(1, minuteOf(now.getTime()) - minuteOf(new Date(startedAt).getTime()));
}
