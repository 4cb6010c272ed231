// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { formatDate, formatDateTime } from './format';

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
