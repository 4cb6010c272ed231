/**
 * Timers (pure): how many minutes a running timer has counted, and the local
 * date and start time of the work entry it becomes.
 */

/** The provider's time zone: Czech and Slovak time are the same. */
export const PROVIDER_TIME_ZONE = 'Europe/Prague';

/** Whole minutes, rounded up: a timer that ran at all counts at least one minute. */
export function elapsedMinutes(startedAt: string, now: Date): number {
  const ms = now.getTime() - new Date(startedAt).getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date 'YYYY-MM-DD' and time 'HH:MM' of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone = PROVIDER_TIME_ZONE): { date: string; time: string } {
  // Every record logged asks for "today": the answer of the last minute is kept (offsets change on whole minutes at most).
  const minute = Math.floor(instant.getTime() / 60_000);
  if (last && last.minute === minute && last.timeZone === timeZone) return last.value;
  const value = Object.freeze(formatLocal(instant, timeZone));
  last = { minute, timeZone, value };
  return value;
}

let last: { minute: number; timeZone: string; value: { date: string; time: string } } | null = null;

function formatLocal(instant: Date, timeZone: string): { date: string; time: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
