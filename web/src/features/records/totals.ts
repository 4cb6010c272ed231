// What a ticket's records add up to, for the line under the records panel's title (pure).
// Not only minutes: a ticket with only fees or km-only travel would otherwise read
// "total 0 min", as if nothing had been logged.
import type { TFunction } from 'i18next';
import type { ServiceRecord } from './api';
import { decimalToMilli, formatKm, formatMinutes, milliToDecimal } from './format';

export interface TicketTotals {
  /** Minutes of work and travel. */
  minutes: number;
  /** km of travel as the API writes decimals ("36.5"); null without any. */
  km: string | null;
  /** How many fee and material records. */
  fees: number;
  materials: number;
}

export function ticketTotals(records: readonly Pick<ServiceRecord, 'kind' | 'minutes' | 'km'>[]): TicketTotals {
  let minutes = 0;
  let kmMilli = 0;
  let fees = 0;
  let materials = 0;
  for (const r of records) {
    if (r.kind === 'work' || r.kind === 'travel') minutes += r.minutes;
    if (r.kind === 'travel') kmMilli += decimalToMilli(r.km);
    if (r.kind === 'fee') fees += 1;
    if (r.kind === 'material') materials += 1;
  }
  return { minutes, km: kmMilli ? milliToDecimal(kmMilli) : null, fees, materials };
}

/** The parts of the totals line: the time (left out when there is none but something else), km, fee and material counts. */
export function totalsParts(t: TFunction, totals: TicketTotals, locale?: string): string[] {
  const others = [
    totals.km !== null ? formatKm(decimalToMilli(totals.km), locale) : null,
    totals.fees ? t('records.feeCount', { count: totals.fees }) : null,
    totals.materials ? t('records.materialCount', { count: totals.materials }) : null,
  ].filter((p): p is string => p !== null);
  const time = totals.minutes || others.length === 0 ? [t('records.totalTime', { time: formatMinutes(totals.minutes) })] : [];
  return [...time, ...others];
}
