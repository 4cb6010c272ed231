import { isoWeekday, publicHolidays, type CountryCode } from '../../shared/calendar/index.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import type { BusinessHours, TimeClass } from './domain/index.ts';

/**
 * The words of a price's explanation (English, like the API's messages): money
 * as "1 000.00", quantities as "1.5", business hours as "Mon–Fri 08:00–17:00".
 */

/** Amounts of two decimal places (CZK, EUR) with a space between thousands. */
export function formatMinor(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export const formatMilli = formatQuantity;

const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon–Fri 08:00–17:00", "Mon, Wed 07:00–15:00". */
export function businessHoursText(hours: BusinessHours): string {
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const contiguous = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText = days.length === 0 ? 'no days' : contiguous ? `${DAY[days[0]!]}–${DAY[days.at(-1)!]}` : days.map((d) => DAY[d]).join(', ');
  return `${dayText} ${hours.start}–${hours.end}`;
}

export const SOURCE_TEXT = { contract: "the contract's", client: "the client's", default: 'the default', chosen: 'the chosen' } as const;

/** Why the entry falls in its time class. */
export function timeClassText(
  timeClass: TimeClass,
  how: 'start_time' | 'no_start_time' | 'override',
  at: { date: string; time: string | null },
  hours: BusinessHours,
  country: CountryCode,
): string {
  if (how === 'override') return `Time class ${timeClass}: set by hand`;
  if (how === 'no_start_time' || at.time === null) return `Time class ${timeClass}: no start time recorded`;
  const when = `${DAY[isoWeekday(at.date)]} ${at.date} ${at.time}`;
  if (timeClass === 'normal') return `Time class normal: ${when} is within business hours ${businessHoursText(hours)}`;
  if (timeClass === 'out_of_hours') return `Time class out_of_hours: ${when} is outside business hours ${businessHoursText(hours)}`;
  const holiday = publicHolidays(country, Number(at.date.slice(0, 4))).find((h) => h.date === at.date);
  return holiday
    ? `Time class weekend_holiday: ${at.date} is a public holiday in ${country} (${holiday.name})`
    : `Time class weekend_holiday: ${DAY[isoWeekday(at.date)]} ${at.date} is not a business day (${businessHoursText(hours)})`;
}

/** Lines prefixed so that field scope can leave them out for roles that do not see costs. */
export const COST_PREFIX = 'Internal cost: ';
