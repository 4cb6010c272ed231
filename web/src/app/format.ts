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
