// What a ticket's records add up to, for the line under the records panel's title (pure).
// Not only minutes: a ticket with only fees or km-only travel would otherwise read
// "total 0 min", as if nothing had been logged. Work and travel time are apart, as on the
// timesheet: travel is billed by km, so one sum of both read as time to bill.
import type { TFunction } from 'i18next';
import type { ServiceRecord } from './api';
import { decimalToMilli, formatKm, formatMinutes, milliToDecimal } from './format';

export interface TicketTotals {
  /** Minutes of work. */
  workMinutes: number;
  /** Minutes of travel (billed by km, so never added to the work). */
  travelMinutes: number;
  /** km of travel as the API writes decimals ("36.5"); null without any. */
  km: string | null;
  /** How many fee and material records. */
  fees: number;
  materials: number;
}

export function ticketTotals(records: readonly Pick<ServiceRecord, 'kind' | 'minutes' | 'km'>[]): TicketTotals {
  let workMinutes = 0;
  let travelMinutes = 0;
  let kmMilli = 0;
  let fees = 0;
  let materials = 0;
  for (const r of records) {
    if (r.kind === 'work') workMinutes += r.minutes;
    if (r.kind === 'travel') travelMinutes += r.minutes;
    if (r.kind === 'travel') kmMilli += decimalToMilli(r.km);
    if (r.kind === 'fee') fees += 1;
    if (r.kind === 'material') materials += 1;
  }
  return { workMinutes, travelMinutes, km: kmMilli ? milliToDecimal(kmMilli) : null, fees, materials };
}

/**
 * The parts of the totals line: work time, travel time and km, fee and material counts
 * ("práce 22 h 45 min · na cestě 1 h 40 min · 42,5 km"); a part with nothing in it is left
 * out, and a ticket with nothing at all reads "celkem 0 min".
 */
export function totalsParts(t: TFunction, totals: TicketTotals, locale?: string): string[] {
  const parts = [
    totals.workMinutes ? t('records.workTime', { time: formatMinutes(totals.workMinutes) }) : null,
    totals.travelMinutes ? t('records.travelTime', { time: formatMinutes(totals.travelMinutes) }) : null,
    totals.km !== null ? formatKm(decimalToMilli(totals.km), locale) : null,
    totals.fees ? t('records.feeCount', { count: totals.fees }) : null,
    totals.materials ? t('records.materialCount', { count: totals.materials }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts : [t('records.totalTime', { time: formatMinutes(0) })];
}
