// Locale-aware formatting of dates and numbers (follows the UI language).
import dayjs from 'dayjs';
import i18n from 'i18next';

const LOCALE_TAGS: Record<string, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

export function localeTag(): string {
  return LOCALE_TAGS[i18n.language] ?? 'en-GB';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('L') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LT') : '—';
}

export function formatDateTimeSeconds(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LTS') : '—';
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
