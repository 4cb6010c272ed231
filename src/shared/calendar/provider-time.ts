/**
 * The provider's wall clock. Records, documents and contract periods are dated by
 * the provider's calendar day: an invoice issued at 00:30 in Prague is dated that day.
 */
import type { IsoDate } from './dates.ts';

/** The provider's time zone: Czech and Slovak time are the same. */
export const PROVIDER_TIME_ZONE = 'Europe/Prague';

const formatters = new Map<string, Intl.DateTimeFormat>();
let last: { minute: number; timeZone: string; value: Readonly<{ date: IsoDate; time: string }> } | null = null;

/** The wall-clock date 'YYYY-MM-DD' and time 'HH:MM' of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone = PROVIDER_TIME_ZONE): Readonly<{ date: IsoDate; time: string }> {
  // Every record, ticket and document asks for "today": the answer of the last minute is
  // kept (a zone's offset changes on whole minutes at most), formatting costs microseconds.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (last && last.minute === minute && last.timeZone === timeZone) return last.value;
  const value = Object.freeze(formatLocal(instant, timeZone));
  last = { minute, timeZone, value };
  return value;
}

/** The provider's calendar date of an instant. */
export function providerDate(instant: Date): IsoDate {
  return localDateTime(instant).date;
}

function formatLocal(instant: Date, timeZone: string): { date: IsoDate; time: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
