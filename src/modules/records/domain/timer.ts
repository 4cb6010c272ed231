/**
 * Timers (pure): how many minutes a running timer has counted (the local date and
 * start time of the work entry it becomes: shared/calendar's localDateTime).
 */

/** Whole minutes, rounded up: a timer that ran at all counts at least one minute. */
export function elapsedMinutes(startedAt: string, now: Date): number {
  const ms = now.getTime() - new Date(startedAt).getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}
