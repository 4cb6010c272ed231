// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { formatDate, formatDateTime, formatPercent, percentSuffix } from './format';

describe('dates in the UI language', () => {
  afterAll(() => setLanguage('cs'));

  it('writes the day before the month in every language, English too', async () => {
    await setLanguage('cs');
    expect(formatDate('2026-11-27')).toBe('27.11.2026');
    await setLanguage('sk');
    expect(formatDate('2026-11-27')).toBe('27.11.2026');
    await setLanguage('en');
    expect(formatDate('2026-11-27')).toBe('27/11/2026');
    expect(formatDateTime('2026-11-27T14:05:00')).toBe('27/11/2026 14:05');
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
