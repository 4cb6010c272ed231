// @vitest-environment node
import fc from 'fast-check';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateLocale, LANGUAGES, setLanguage } from '../../i18n';
import { formatDate } from '../format';
import { dateTextProblem, formatDateField, formatMonthField, parseDateField, parseMonthField } from './dateFieldText';

// Prague is ahead of UTC: a date read as UTC midnight and shown in local time (or the
// other way round) would land on the wrong day here.
const zone = process.env.TZ;
beforeAll(() => { process.env.TZ = 'Europe/Prague'; });
afterAll(() => { process.env.TZ = zone; });

/** Any real day of a four-digit year, as the forms keep it: 'YYYY-MM-DD'. */
const isoDayArb = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((at) => at.toISOString().slice(0, 10));

describe('date field text', () => {
  afterAll(() => setLanguage('cs'));

  it('names what is wrong with the text left in a date field: no day, or a day out of its range', () => {
    expect(dateTextProblem('')).toBeNull();
    expect(dateTextProblem('  ')).toBeNull();
    expect(dateTextProblem('28. 2. 2026')).toBeNull();
    for (const text of ['31. 2. 2026', '30. 11. 2026x', '32. 13. 2026', '28. 2. 26']) expect(dateTextProblem(text), text).toBe('unreadable');
    expect(dateTextProblem('1. 12. 2026', undefined, '2026-11-30')).toBe('out_of_range');
    expect(dateTextProblem('30. 11. 2026', '2026-12-01')).toBe('out_of_range');
    expect(dateTextProblem('30. 11. 2026', '2026-11-30', '2026-11-30')).toBeNull();
  });

  it('shows a day as the rest of Kontor does, the same day in Prague', () => {
    expect(formatDateField('2026-11-27', 'cs')).toBe('27. 11. 2026');
    expect(formatDateField('2026-11-27', 'sk')).toBe('27. 11. 2026');
    expect(formatDateField('2026-11-27', 'en-gb')).toBe('27/11/2026');
    // The nights the clocks change and the turn of the year.
    expect(formatDateField('2026-03-29', 'cs')).toBe('29. 3. 2026');
    expect(formatDateField('2026-10-25', 'sk')).toBe('25. 10. 2026');
    expect(formatDateField('2027-01-01', 'en-gb')).toBe('01/01/2027');
    expect(formatDateField('', 'cs')).toBe('');
    expect(formatDateField(null, 'cs')).toBe('');
    expect(formatDateField('2026-02-30', 'cs')).toBe('');
    expect(formatDateField('2026-11-27T10:00:00', 'cs')).toBe('');
  });

  it('in every language, the field writes a day exactly as formatDate does on the screens', async () => {
    for (const language of LANGUAGES) {
      await setLanguage(language);
      fc.assert(fc.property(isoDayArb, (iso) => {
        expect(formatDateField(iso, dateLocale(language))).toBe(formatDate(iso));
      }));
    }
  });

  it('in every language, the empty field\'s hint has the shape of the day it will show', async () => {
    const shape = (text: string) => text.replace(/\d+|\p{L}+/gu, '#');
    for (const language of LANGUAGES) {
      await setLanguage(language);
      expect(shape(i18n.t('common.datePlaceholder')), language).toBe(shape(formatDateField('2026-01-02', dateLocale(language))));
    }
  });

  it('in every language, reads back the day it shows', () => {
    for (const language of LANGUAGES) {
      fc.assert(fc.property(isoDayArb, (iso) => {
        expect(parseDateField(formatDateField(iso, dateLocale(language)))).toBe(iso);
      }));
    }
  });

  it('reads a typed day back as the same ISO date', () => {
    for (const text of ['27.11.2026', '27. 11. 2026', '27.\u00a011.\u00a02026', '27/11/2026', '27-11-2026', '2026-11-27', '2026/11/27', ' 27.11.2026 ']) {
      expect(parseDateField(text)).toBe('2026-11-27');
    }
    expect(parseDateField('1.3.2026')).toBe('2026-03-01');
    expect(parseDateField('29. 3. 2026')).toBe('2026-03-29');
  });

  it('reads nothing from half-typed or impossible days', () => {
    for (const text of ['', '27.11.', '27.11.20', '27.11.202', '31.11.2026', '29.2.2026', '0.1.2026', '1.13.2026', 'zítra']) {
      expect(parseDateField(text)).toBeNull();
    }
  });
});

describe('month field text', () => {
  it('shows a month in words of the language', () => {
    expect(formatMonthField('2026-10', 'sk')).toBe('október 2026');
    expect(formatMonthField('2026-10', 'cs')).toBe('říjen 2026');
    expect(formatMonthField('2026-10', 'en-gb')).toBe('October 2026');
    expect(formatMonthField('2026-13', 'cs')).toBe('');
    expect(formatMonthField('', 'cs')).toBe('');
  });

  it('reads a typed month, in numbers or as the field shows it', () => {
    for (const text of ['10/2026', '10.2026', '10. 2026', '2026-10', 'říjen 2026', 'Říjen 2026']) {
      expect(parseMonthField(text, 'cs')).toBe('2026-10');
    }
    expect(parseMonthField('október 2026', 'sk')).toBe('2026-10');
    expect(parseMonthField('1/2027', 'en-gb')).toBe('2027-01');
    for (const iso of ['2026-01', '2026-03', '2026-10', '2026-12']) {
      for (const locale of ['cs', 'sk', 'en-gb']) expect(parseMonthField(formatMonthField(iso, locale), locale)).toBe(iso);
    }
  });

  it('reads nothing from half-typed or impossible months', () => {
    for (const text of ['', '10/', '10/202', '13/2026', '0/2026', 'říj 2026', 'October 2026']) {
      expect(parseMonthField(text, 'cs')).toBeNull();
    }
  });
});
