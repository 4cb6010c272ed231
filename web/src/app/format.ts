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

/** What follows a number typed as a percentage in a number field: " %" (no-break space) or "%", as formatPercent writes it. */
export function percentSuffix(locale: string = localeTag()): string {
  return formatPercent(1, locale).replace(/^[\d.,]+/, '');
}
