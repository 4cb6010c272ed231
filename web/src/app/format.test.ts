// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { formatDate, formatDateAndTime, formatDateTime, formatDateTimeSeconds, formatPercent, formatPeriod, percentSuffix } from './format';

describe('dates in the UI language', () => {
  afterAll(() => setLanguage('cs'));

  it('Czech and Slovak with a space after each dot and the hour not padded', async () => {
    for (const language of ['cs', 'sk'] as const) {
      await setLanguage(language);
      expect(formatDate('2026-11-27')).toBe('27. 11. 2026');
      expect(formatDate('2026-01-02')).toBe('2. 1. 2026');
      expect(formatDateTime('2026-11-28T07:34:00')).toBe('28. 11. 2026 7:34');
      expect(formatDateTime('2026-11-30T12:00:00')).toBe('30. 11. 2026 12:00');
      expect(formatDateTimeSeconds('2026-11-28T07:34:05')).toBe('28. 11. 2026 7:34:05');
      expect(formatDateAndTime('2026-11-28', '09:00')).toBe('28. 11. 2026 9:00');
      expect(formatDateAndTime('2026-11-28', null)).toBe('28. 11. 2026');
    }
  });

  it('English with the day before the month and a padded 24-hour clock, no comma', async () => {
    await setLanguage('en');
    expect(formatDate('2026-11-27')).toBe('27/11/2026');
    expect(formatDate('2026-01-02')).toBe('02/01/2026');
    expect(formatDateTime('2026-11-27T14:05:00')).toBe('27/11/2026 14:05');
    expect(formatDateTime('2026-11-28T07:34:00')).toBe('28/11/2026 07:34');
    expect(formatDateAndTime('2026-11-28', '09:00')).toBe('28/11/2026 09:00');
  });

  it('a timestamp in local time, the same day and time as the one written with its offset', () => {
    const at = new Date(2026, 10, 28, 7, 34).toISOString();
    expect(formatDateTime(at, 'cs-CZ')).toBe('28. 11. 2026 7:34');
    expect(formatDate(at, 'sk-SK')).toBe('28. 11. 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});

describe('percentages in the UI language', () => {
  afterAll(() => setLanguage('cs'));

  it('Czech and Slovak with a no-break space before the sign, English without one', async () => {
    await setLanguage('cs');
    expect(formatPercent(80)).toBe('80\u00a0%');
    expect(formatPercent(15.5)).toBe('15,5\u00a0%');
    expect(percentSuffix()).toBe('\u00a0%');
    await setLanguage('sk');
    expect(formatPercent(150)).toBe('150\u00a0%');
    await setLanguage('en');
    expect(formatPercent(80)).toBe('80%');
    expect(formatPercent(60.6)).toBe('60.6%');
    expect(percentSuffix()).toBe('%');
  });
});

describe('periods in words', () => {
  it('months and quarters as each language names them; other text as it is', () => {
    expect(formatPeriod('2026-10', 'cs-CZ')).toBe('říjen 2026');
    expect(formatPeriod('2026-10', 'sk-SK')).toBe('október 2026');
    expect(formatPeriod('2026-01', 'en-GB')).toBe('January 2026');
    expect(formatPeriod('2026-Q4', 'cs-CZ')).toBe('4.\u00a0čtvrtletí 2026');
    expect(formatPeriod('2026-Q1', 'sk-SK')).toBe('1.\u00a0štvrťrok 2026');
    expect(formatPeriod('2026-Q3', 'en-GB')).toBe('Q3\u00a02026');
    expect(formatPeriod('2026', 'cs-CZ')).toBe('2026');
    expect(formatPeriod(null)).toBe('—');
    expect(formatPeriod('2026-13', 'cs-CZ')).toBe('2026-13');
  });
});
