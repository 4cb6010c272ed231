// Locale-aware formatting of dates and numbers (follows the UI language).
import dayjs from 'dayjs';
import i18n from 'i18next';

const LOCALE_TAGS: Record<string, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

export function localeTag(): string {
  return LOCALE_TAGS[i18n.language] ?? 'en-GB';
}

/*
 * The app's one way of writing days and times, for every screen: "28. 11. 2026" and
 * "28. 11. 2026 7:34" in Czech and Slovak (a space after each dot, the hour not padded),
 * "28/11/2026" and "28/11/2026 07:34" in British English (its 24-hour clock pads the hour).
 */
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
const HOUR_BY_LANGUAGE: Record<string, 'numeric' | '2-digit'> = { cs: 'numeric', sk: 'numeric' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, part: 'day' | 'time' | 'seconds'): Intl.DateTimeFormat {
  const key = `${locale}|${part}`;
  let found = formatters.get(key);
  if (!found) {
    const hour = HOUR_BY_LANGUAGE[locale.slice(0, 2)] ?? '2-digit';
    const options: Intl.DateTimeFormatOptions = part === 'day'
      ? DAY
      : { hour, minute: '2-digit', hourCycle: 'h23', ...(part === 'seconds' ? { second: '2-digit' } : {}) };
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

// A plain day ('2026-11-28') is that day here, a timestamp the local time (dayjs reads both so).
function written(value: string, locale: string, time: 'time' | 'seconds' | null): string {
  const at = dayjs(value);
  if (!at.isValid()) return value;
  const day = formatter(locale, 'day').format(at.toDate());
  // Day and time apart, joined by a space: Intl alone would put a comma between them in English.
  return time ? `${day} ${formatter(locale, time).format(at.toDate())}` : day;
}

/** '2026-11-28' (or a timestamp) → "28. 11. 2026" (cs, sk), "28/11/2026" (en); null → "—". */
export function formatDate(value: string | null | undefined, locale: string = localeTag()): string {
  return value ? written(value, locale, null) : '—';
}

/** A timestamp → "28. 11. 2026 7:34" (cs, sk), "28/11/2026 07:34" (en), in local time; null → "—". */
export function formatDateTime(value: string | null | undefined, locale: string = localeTag()): string {
  return value ? written(value, locale, 'time') : '—';
}

export function formatDateTimeSeconds(value: string | null | undefined, locale: string = localeTag()): string {
  return value ? written(value, locale, 'seconds') : '—';
}

/** A day and a clock time kept apart ('2026-11-28', '09:00') → "28. 11. 2026 9:00"; only the day without a time. */
export function formatDateAndTime(date: string, time: string | null | undefined, locale: string = localeTag()): string {
  return time ? formatDateTime(`${date}T${time}`, locale) : formatDate(date, locale);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeTag(), options).format(value);
}

/**
 * A percentage (80 means 80 %) the way the language writes it: "80 %" in Czech and
 * Slovak (with a no-break space), "80%" in English.
 */
export function formatPercent(percent: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

const QUARTER_WORDS: Record<string, (quarter: number, year: number) => string> = {
  cs: (q, y) => `${q}.\u00a0čtvrtletí ${y}`,
  sk: (q, y) => `${q}.\u00a0štvrťrok ${y}`,
};

/**
 * A billing period in words, in the UI language: '2026-10' → "říjen 2026" / "október 2026" /
 * "October 2026", '2026-Q4' → "4. čtvrtletí 2026" / "4. štvrťrok 2026" / "Q4 2026", '2026' as it
 * is; null → "—". The printed documents write periods the same way.
 */
export function formatPeriod(period: string | null | undefined, locale: string = localeTag()): string {
  if (!period) return '—';
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return (QUARTER_WORDS[locale.slice(0, 2)] ?? ((q: number, y: number) => `Q${q}\u00a0${y}`))(Number(quarter[2]), Number(quarter[1]));
  return period;
}

/** What follows a number typed as a percentage in a number field: " %" (no-break space) or "%", as formatPercent writes it. */
export function percentSuffix(locale: string = localeTag()): string {
  return formatPercent(1, locale).replace(/^[\d.,]+/, '');
}

/** Today in the browser's time zone, 'YYYY-MM-DD' (the day the user sees on their clock). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
