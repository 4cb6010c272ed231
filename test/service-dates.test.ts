import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExchangeRate } from '../src/modules/billing/billing.issue.rate.ts';
import { checkRange } from '../src/modules/billing/billing.profitability.service.ts';
import { termsProblems } from '../src/modules/contracts/domain/terms.ts';
import { PaymentQrError, spaydPayload } from '../src/modules/documents/domain/payment-qr.ts';
import { validateCustomValues } from '../src/modules/helpdesk/domain/custom-fields.ts';
import { calendarProblems } from '../src/modules/helpdesk/domain/sla-config.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { parseCnbFile } from '../src/modules/rates/domain/cnb-file.ts';
import { dateProblems } from '../src/modules/records/domain/entry.ts';
import { validateBusinessCalendar } from '../src/modules/tickets/domain/sla/business-calendar.ts';
import { AppError, type ErrorDetail } from '../src/shared/errors.ts';
import { createTestApp, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * The dates, months and periods the services check themselves (values that reach them other
 * than through the API's schemas: the command line, files, settings, the services' own callers)
 * are refused with the API's codes and words: "2026-02-30 is not a calendar date: 2026-02 has
 * 28 days", "2026-13 is not a month (YYYY-MM): there is no month 13".
 */
const NO_FEB_30 = '2026-02-30 is not a calendar date: 2026-02 has 28 days';
const NO_MONTH_13 = 'there is no month 13';

/** The details of the 400 a call is refused with. */
async function refusal(call: () => Promise<unknown> | unknown): Promise<ErrorDetail[]> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    return (error as AppError).details ?? [];
  }
  throw new Error('the call was not refused');
}

describe.each(testEngines())('services refuse days and months that do not exist (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 60_000);
  afterAll(() => t?.close());

  it('an export, a billing run and issuing by period name the period', async () => {
    expect(await refusal(() => t.services.exports.run(systemContext, { format: 'csv', period: '2026-13', includeExported: false }))).toEqual([
      { path: 'period', code: 'invalid_period', message: `2026-13 is not a period (YYYY-MM, YYYY-Qn or YYYY): ${NO_MONTH_13}` },
    ]);
    expect(await refusal(() => t.services.billing.runs.runNow(systemContext, '2026-13'))).toEqual([
      { path: 'period', code: 'invalid_period', message: `2026-13 is not a month (YYYY-MM): ${NO_MONTH_13}` },
    ]);
    expect(await refusal(() => t.services.billing.runs.runNow(systemContext, '2026-Q4'))).toEqual([
      { path: 'period', code: 'invalid_period', message: '2026-Q4 is not a month (YYYY-MM): it is a quarter' },
    ]);
    expect(await refusal(() => t.services.invoicing.issuing.issueMany(systemContext, { period: '2026-02-30' }))).toEqual([
      { path: 'period', code: 'invalid_period', message: '"2026-02-30" is not a period (YYYY-MM, YYYY-Qn or YYYY), e.g. 2026-10, 2026-Q4 or 2026' },
    ]);
  });

  it('the exchange rates of a day that does not exist: downloaded, entered by hand, suggested', async () => {
    const expected = [{ path: 'day', code: 'invalid_date', message: NO_FEB_30 }];
    expect(await refusal(() => t.services.rates.fetchCnb(systemContext, { day: '2026-02-30' }))).toEqual(expected);
    expect(await refusal(() => t.services.rates.suggestion(systemContext, 'EUR', '2026-02-30'))).toEqual(expected);
    expect(await refusal(() => t.services.rates.putManual(systemContext, { currency: 'EUR', day: '2026-02-30', amount: 1, rate: '24.3' }))).toEqual(expected);
    expect(await refusal(() => t.services.rates.importCnb(systemContext, '30.02.2026 #41\nzemě|měna|množství|kód|kurz\nEMU|euro|1|EUR|24,305\n', {}))).toEqual([
      expect.objectContaining({ code: 'bad_date_line', message: expect.stringContaining(NO_FEB_30) }),
    ]);
  });

  it('a CSV file of records: a day that does not exist, as Czech Excel writes it, is named with its line', async () => {
    const details = await refusal(() => t.services.records.bulk.importCsv(systemContext, 'ticket;date;minutes\n1;30.2.2026;60\n', { dryRun: true }));
    expect(details).toContainEqual({ path: 'line 2.date', code: 'invalid_date', message: NO_FEB_30 });
  });

  it('a timesheet week starting on a day that does not exist', async () => {
    expect(await refusal(() => t.services.records.timesheets.week(systemContext, { start: '2026-02-30' }))).toEqual([{ path: 'start', code: 'invalid_date', message: NO_FEB_30 }]);
  });
});

describe('pure checks of dates use the one wording', () => {
  it('a record date, contract terms, SLA calendars and custom date fields', () => {
    expect(dateProblems('2026-02-30', '2026-11-02')).toEqual([{ path: 'date', code: 'invalid_date', message: NO_FEB_30 }]);
    const terms = termsProblems({
      contractId: '1', clientId: '1', currency: 'CZK', validFrom: '2026-13-01', validTo: '2026-02-30', periodKind: 'month', priceListId: null,
      fee: null, scope: { workTypeIds: [], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 0, carryOver: { enabled: false },
      multipliers: {}, overage: { kind: 'entry_rate' },
    });
    expect(terms).toEqual(expect.arrayContaining([
      { path: 'validFrom', code: 'invalid_date', message: `2026-13-01 is not a calendar date: ${NO_MONTH_13}` },
      { path: 'validTo', code: 'invalid_date', message: NO_FEB_30 },
    ]));
    const calendar = { timeZone: 'Europe/Prague', weekly: {}, holidayCountries: [], extraDaysOff: ['2026-02-30'], extraWorkingDays: [{ date: '2026-13-01', hours: [] }] };
    expect(validateBusinessCalendar(calendar as unknown as Parameters<typeof validateBusinessCalendar>[0])).toEqual(expect.arrayContaining([
      { path: 'extraDaysOff.0', code: 'invalid_date', message: NO_FEB_30 },
      { path: 'extraWorkingDays.0.date', code: 'invalid_date', message: `2026-13-01 is not a calendar date: ${NO_MONTH_13}` },
    ]));
    const week = { 1: [{ start: '08:00', end: '16:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(calendarProblems({ timeZone: 'Europe/Prague', weekly: week, holidayCountries: [], extraDaysOff: ['2026-02-30'] })).toEqual(expect.arrayContaining([
      { path: 'extraDaysOff.0', code: 'invalid_date', message: NO_FEB_30 },
    ]));
    const field = { key: 'since', label: 'In service since', kind: 'date', required: false, options: [] };
    const custom = validateCustomValues([field] as unknown as Parameters<typeof validateCustomValues>[0], { since: '2026-02-30' });
    expect(custom.problems).toEqual([{ path: 'custom.since', code: 'invalid_custom_field', message: `In service since: ${NO_FEB_30}` }]);
  });

  it('billing: an exchange rate of a day that does not exist; a profitability range of months that do not exist, or backwards', () => {
    expect(() => checkExchangeRate({ rate: '24.3', date: '2026-02-30' }, 'exchangeRate', '2026-11-02')).toThrow(`exchangeRate.date: ${NO_FEB_30}`);
    expect(() => checkRange('2026-13', '2026-10')).toThrow(expect.objectContaining({ details: [{ path: 'from', code: 'invalid_period', message: `2026-13 is not a period (YYYY-MM, YYYY-Qn or YYYY): ${NO_MONTH_13}` }] }));
    expect(() => checkRange('2026-10', '2026-09')).toThrow(expect.objectContaining({ details: [{ path: 'to', code: 'invalid_range', message: 'to 2026-09 is before from 2026-10: a range ends on or after its start' }] }));
  });

  it('a payment QR code refuses a due date that does not exist', () => {
    const qr = () => spaydPayload({ iban: 'CZ6508000000192000145399', amountMinor: 100, currency: 'CZK', dueDate: '2026-02-30' });
    expect(qr).toThrow(PaymentQrError);
    expect(qr).toThrow(NO_FEB_30);
  });

  it('a ČNB file naming a day that does not exist', () => {
    const parsed = parseCnbFile('30.02.2026 #41\nzemě|měna|množství|kód|kurz\nEMU|euro|1|EUR|24,305\n');
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 1, code: 'bad_date_line', message: `Line 1 names a day that does not exist: ${NO_FEB_30}` }] });
  });
});
