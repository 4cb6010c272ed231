// What the date and month fields show and read back (pure). The forms keep dates as
// 'YYYY-MM-DD' and months as 'YYYY-MM' strings; the fields show them in the user's
// language and read what a user types. Reading works on the digits of the text and a
// day is shown from its noon, never through a Date at midnight, so no time zone can
// move a day.
import dayjs from 'dayjs';
import 'dayjs/locale/cs';
import 'dayjs/locale/sk';
import 'dayjs/locale/en-gb';
import { formatDate } from '../format';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC: no time zone involved).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * 'YYYY-MM-DD' → the date exactly as the rest of Kontor shows it (formatDate): "27. 11. 2026"
 * in Czech and Slovak, "27/11/2026" in English; '' when not a real date. The locale is the
 * dates locale of the UI language ('cs', 'sk', 'en-gb'), which Intl reads as well.
 */
export function formatDateField(iso: string | null | undefined, locale: string): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return '';
  return formatDate(`${m[1]}-${m[2]}-${m[3]}T12:00:00`, locale);
}

/**
 * A typed date → 'YYYY-MM-DD', or null while it is not a whole, real date yet.
 * Day first, as in all of Kontor's languages: "27. 11. 2026" (as the field shows it),
 * "27.11.2026", "27/11/2026", "27-11-2026"; also the ISO form "2026-11-27". Any space
 * around the separators is read, no-break ones too. The year needs all four digits, so that a
 * year half typed ("27.11.20") never becomes a date.
 */
export function parseDateField(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$/.exec(s);
  const dayFirst = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (y === undefined || mo === undefined || d === undefined) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  return isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/**
 * What is wrong with the text left in a date field, or null: nothing typed, or a real day
 * within the field's range ('YYYY-MM-DD' bounds, either may be absent).
 */
export function dateTextProblem(text: string, min?: string, max?: string): 'unreadable' | 'out_of_range' | null {
  if (text.trim() === '') return null;
  const day = parseDateField(text);
  if (day === null) return 'unreadable';
  return (min && day < min) || (max && day > max) ? 'out_of_range' : null;
}

/** 'YYYY-MM' → the month in words of the language ("november 2026", "listopad 2026", "November 2026"); '' when not a month. */
export function formatMonthField(isoMonth: string | null | undefined, locale: string): string {
  const m = isoMonth ? ISO_MONTH.exec(isoMonth) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return '';
  return dayjs(`${m[1]}-${m[2]}-15T12:00:00`).locale(locale).format('MMMM YYYY');
}

/** The month names of a language, January first, lower case. */
function monthNames(locale: string): string[] {
  return Array.from({ length: 12 }, (_, i) => dayjs(`2000-${pad(i + 1)}-15T12:00:00`).locale(locale).format('MMMM').toLowerCase());
}

/**
 * A typed month → 'YYYY-MM', or null while it is not a whole month yet: "11/2026",
 * "11.2026", "11. 2026", "2026-11", or the month's name as the field shows it
 * ("listopad 2026"). Four-digit years only, as with dates.
 */
export function parseMonthField(text: string, locale: string): string | null {
  const s = text.trim().toLowerCase();
  const iso = /^(\d{4})\s*[-./]\s*(\d{1,2})$/.exec(s);
  const monthFirst = /^(\d{1,2})\s*[-./]\s*(\d{4})$/.exec(s);
  const named = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(s);
  let year: number;
  let month: number;
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (monthFirst) [year, month] = [Number(monthFirst[2]), Number(monthFirst[1])];
  else if (named) [year, month] = [Number(named[2]), monthNames(locale).indexOf(named[1]!) + 1];
  else return null;
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

/** A month field's value 'YYYY-MM' ⇄ the first day the month pickers work with. */
export const monthToDay = (isoMonth: string): string | null => (ISO_MONTH.test(isoMonth) ? `${isoMonth}-01` : null);
export const dayToMonth = (isoDay: string): string => isoDay.slice(0, 7);
