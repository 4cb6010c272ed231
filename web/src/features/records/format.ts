// Minutes, durations and quantities as technicians type and read them (pure).
import { formatDate, localeTag } from '../../app/format';

/**
 * The app's one minutes formatter (records, contracts, work reports, charts):
 * 100 → "1 h 40 min", 45 → "45 min", 120 → "2 h", 0 → "0 min"; hours grouped
 * in the UI language (60 000 → "1 000 h" in Czech). Each unit is joined to its
 * number by a no-break space, so a narrow cell never leaves "min" alone on a line.
 */
export function formatMinutes(minutes: number, locale: string = localeTag()): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${sign}${m}\u00a0min`;
  const hours = new Intl.NumberFormat(locale).format(h);
  return m === 0 ? `${sign}${hours}\u00a0h` : `${sign}${hours}\u00a0h ${m}\u00a0min`;
}

/** 100 → "1:40", 5 → "0:05" (compact, for grids). */
export function formatHm(minutes: number): string {
  const abs = Math.abs(Math.round(minutes));
  return `${minutes < 0 ? '−' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** Seconds of a running timer → "1:02:05". */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  return `${h}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * What a technician types as a duration → minutes, or null when it is not one:
 * "90" (minutes), "1:30", "1h30", "1 h 30 min", "1,5h" / "1.5 h" (hours), "45m".
 * Long ones too ("99999", "30 h"): the form then says that an entry is at most a day,
 * instead of calling a plain number a wrong format.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,7})(?:m|min)?$/.exec(s))) return Number(m[1]);
  if ((m = /^(\d{1,3}):([0-5]\d)$/.exec(s))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = /^(\d{1,3})h(?:([0-5]?\d)(?:m|min)?)?$/.exec(s))) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  if ((m = /^(\d{1,3})[.,](\d{1,2})h$/.exec(s))) {
    const minutes = Number(`${m[1]}.${m[2]}`) * 60;
    return Number.isInteger(Math.round(minutes * 1000) / 1000) ? Math.round(minutes) : null;
  }
  return null;
}

/**
 * km and quantities as typed → the API's decimal text ("36,5" → "36.5",
 * "1 000,25" → "1000.25"); null when it is not a number of at most 3 decimals.
 */
export function parseDecimalInput(text: string): string | null {
  const s = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,3})?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}

/** What is wrong with a typed number, so that the field can say it (texts: records.form.errors.<problem>). */
export type NumberProblem = 'negative' | 'decimals' | 'notNumber';

/**
 * km and quantities as typed → the API's decimal text, or what is wrong with it:
 * a minus sign ("-5"), more than 3 decimal places ("1,2345"), or not a number at all.
 */
export function readDecimalInput(text: string): { value: string; problem: null } | { value: null; problem: NumberProblem } {
  const value = parseDecimalInput(text);
  if (value !== null) return { value, problem: null };
  const s = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (/^[-−]\d+(\.\d+)?$/.test(s)) return { value: null, problem: 'negative' };
  if (/^\d+\.\d{4,}$/.test(s)) return { value: null, problem: 'decimals' };
  return { value: null, problem: 'notNumber' };
}

/** A duration as typed → minutes, or whether it is negative ("-30") or not a duration at all. */
export function readDuration(text: string): { minutes: number; problem: null } | { minutes: null; problem: 'negative' | 'notDuration' } {
  const minutes = parseDuration(text);
  if (minutes !== null) return { minutes, problem: null };
  const unsigned = text.trim().replace(/^[-−]\s*/, '');
  return unsigned !== text.trim() && parseDuration(unsigned) !== null ? { minutes: null, problem: 'negative' } : { minutes: null, problem: 'notDuration' };
}

/** The API's "36.5" → "36,5" in Czech and Slovak. */
export function formatDecimal(text: string | null, locale: string = localeTag()): string {
  if (text === null) return '—';
  const n = Number(text);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n) : text;
}

/**
 * The API's km and quantities ("36.5", at most 3 decimals) → thousandths (36500),
 * to add them up without float drift (0.1 + 0.2 km is 0.3 km); 0 for no number.
 */
export function decimalToMilli(text: string | null): number {
  const n = Number(text);
  return text === null || !Number.isFinite(n) ? 0 : Math.round(n * 1000);
}

/** Thousandths back to the API's decimal text: 36500 → "36.5". */
export function milliToDecimal(milli: number): string {
  return String(milli / 1000);
}

/** km held as thousandths, as the UI language writes them: 36500 → "36,5 km" (cs, sk), "36.5 km" (en). */
export function formatKm(milli: number, locale: string = localeTag()): string {
  return `${formatDecimal(milliToDecimal(milli), locale)} km`;
}

/** A material record's price per unit (minor units): amount ÷ quantity, rounded; null without both. */
export function unitPriceMinor(amountMinor: number | null | undefined, quantity: string | null): number | null {
  const q = Number(quantity);
  if (amountMinor === null || amountMinor === undefined || quantity === null || !Number.isFinite(q) || q === 0) return null;
  return Math.round(amountMinor / q);
}

/**
 * A week's first and last day, both written the same way in the UI language:
 * "23. 11. – 29. 11. 2026" (cs), "23/11 – 29/11/2026" (en-GB); the first day
 * names its year too when the week spans two.
 */
export function formatDayRange(first: string, last: string, locale: string = localeTag()): string {
  const from = first.slice(0, 4) === last.slice(0, 4) ? formatDayMonth(first, locale) : formatDate(first, locale);
  return `${from} – ${formatDate(last, locale)}`;
}

/** "2026-10-12" → "12. 10." (cs), "12/10" (en-GB); weekday → "po" / "Mon". */
export function formatDayMonth(iso: string, locale: string = localeTag()): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

export function formatWeekday(iso: string, locale: string = localeTag()): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}
