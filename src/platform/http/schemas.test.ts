import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDateSchema, monthSchema, periodSchema, rangeInOrder } from './schemas.ts';

/** The one issue a refused value gets: its message and the code the error handler reports. */
function refusal(schema: z.ZodType, value: unknown): { message: string; code: string | undefined } | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  expect(parsed.error.issues).toHaveLength(1);
  const issue = parsed.error.issues[0]!;
  return { message: issue.message, code: (issue as { params?: { code?: string } }).params?.code };
}

/** Whether y-m-d is a real day, asked of the platform's own calendar rather than Kontor's. */
function existsByDateUtc(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1583 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dayMs = 86_400_000;
const firstDay = Date.UTC(1583, 0, 1) / dayMs;
const lastDay = Date.UTC(9999, 11, 31) / dayMs;
/** Every day Kontor takes, 1583-01-01 to 9999-12-31, as 'YYYY-MM-DD'. */
const realDay = fc.integer({ min: firstDay, max: lastDay }).map((n) => new Date(n * dayMs).toISOString().slice(0, 10));

describe('the shared date schema', () => {
  it('takes every real day (property)', () => {
    fc.assert(
      fc.property(realDay, (day) => {
        expect(refusal(isoDateSchema, day)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every day that does not exist, naming it and saying why (property)', () => {
    const written = fc
      .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 0, max: 99 }), day: fc.integer({ min: 0, max: 99 }) })
      .filter(({ year, month, day }) => !existsByDateUtc(year, month, day));
    fc.assert(
      fc.property(written, ({ year, month, day }) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        const why = refusal(isoDateSchema, text);
        expect(why?.code).toBe('invalid_date');
        expect(why?.message.startsWith(`${text} is not a calendar date: `), why?.message).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any other text as not a date, quoting it (property)', () => {
    const other = fc.string({ maxLength: 30 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s));
    fc.assert(
      fc.property(other, (text) => {
        const why = refusal(isoDateSchema, text);
        expect(why?.code).toBe('invalid_date');
        expect(why?.message).toContain('is not a date: write it YYYY-MM-DD');
      }),
    );
  });

  it('says what is wrong with a day', () => {
    expect(refusal(isoDateSchema, '2026-02-30')?.message).toBe('2026-02-30 is not a calendar date: 2026-02 has 28 days');
    expect(refusal(isoDateSchema, '2024-02-30')?.message).toBe('2024-02-30 is not a calendar date: 2024-02 has 29 days');
    expect(refusal(isoDateSchema, '2026-13-01')?.message).toBe('2026-13-01 is not a calendar date: there is no month 13');
    expect(refusal(isoDateSchema, '2026-10-00')?.message).toBe('2026-10-00 is not a calendar date: there is no day 00');
    expect(refusal(isoDateSchema, '1500-01-01')?.message).toBe('1500-01-01 is not a calendar date: the year must be 1583 or later');
    expect(refusal(isoDateSchema, '5.10.2026')?.message).toBe('"5.10.2026" is not a date: write it YYYY-MM-DD, e.g. 2026-10-05');
    // A long value is cut short in the message, so it cannot fill the answer.
    expect(refusal(isoDateSchema, 'x'.repeat(10_000))!.message.length).toBeLessThan(100);
  });

  it('is documented as a date', () => {
    expect(z.toJSONSchema(isoDateSchema)).toMatchObject({ type: 'string', format: 'date', description: 'A calendar date, YYYY-MM-DD' });
    // A route's own description keeps the format.
    expect(z.toJSONSchema(isoDateSchema.optional().describe('The first day'))).toMatchObject({ format: 'date', description: 'The first day' });
  });
});

describe('the shared month and period schemas', () => {
  const year = fc.integer({ min: 1583, max: 9999 });

  it('take every real month, quarter and year; a month is no quarter or year (property)', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), (y, m, q) => {
        const month = `${y}-${pad(m, 2)}`;
        expect(refusal(monthSchema, month)).toBeNull();
        expect(refusal(periodSchema, month)).toBeNull();
        expect(refusal(periodSchema, `${y}-Q${q}`)).toBeNull();
        expect(refusal(periodSchema, String(y))).toBeNull();
        expect(refusal(monthSchema, `${y}-Q${q}`)).toEqual({ message: `${y}-Q${q} is not a month (YYYY-MM): it is a quarter`, code: 'invalid_period' });
        expect(refusal(monthSchema, String(y))).toEqual({ message: `${y} is not a month (YYYY-MM): it is a year`, code: 'invalid_period' });
      }),
    );
  });

  it('refuse a month number that does not exist (property)', () => {
    const noMonth = fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 }));
    fc.assert(
      fc.property(year, noMonth, (y, m) => {
        const text = `${y}-${pad(m, 2)}`;
        expect(refusal(monthSchema, text)).toEqual({ message: `${text} is not a month (YYYY-MM): there is no month ${pad(m, 2)}`, code: 'invalid_period' });
        expect(refusal(periodSchema, text)?.code).toBe('invalid_period');
      }),
    );
  });

  it('refuse any other text (property)', () => {
    const other = fc.string({ maxLength: 20 }).filter((s) => !/^\d{4}(-\d{2}|-Q\d)?$/.test(s));
    fc.assert(
      fc.property(other, (text) => {
        expect(refusal(monthSchema, text)?.message).toMatch(/ is not a month \(YYYY-MM\), e\.g\. 2026-10$/);
        expect(refusal(periodSchema, text)?.message).toMatch(/ is not a period \(YYYY-MM, YYYY-Qn or YYYY\), e\.g\. /);
      }),
    );
  });

  it('say what is wrong', () => {
    expect(refusal(monthSchema, '2026-00')?.message).toBe('2026-00 is not a month (YYYY-MM): there is no month 00');
    expect(refusal(periodSchema, '2026-Q5')?.message).toBe('2026-Q5 is not a period (YYYY-MM, YYYY-Qn or YYYY): there is no quarter 5');
    expect(refusal(periodSchema, '1200')?.message).toBe('1200 is not a period (YYYY-MM, YYYY-Qn or YYYY): the year must be 1583 or later');
    expect(refusal(monthSchema, 'říjen')?.message).toBe('"říjen" is not a month (YYYY-MM), e.g. 2026-10');
  });

  it('are documented with their form', () => {
    expect(z.toJSONSchema(monthSchema)).toMatchObject({ type: 'string', description: 'A month, YYYY-MM', examples: ['2026-10'] });
    const pattern = new RegExp((z.toJSONSchema(monthSchema) as { pattern: string }).pattern);
    expect(['2026-10', '2026-00', '2026-13'].map((m) => pattern.test(m))).toEqual([true, false, false]);
    expect(z.toJSONSchema(periodSchema)).toMatchObject({ type: 'string', description: expect.stringContaining('YYYY-MM, a quarter YYYY-Qn or a year YYYY') });
  });
});

describe('a range in order', () => {
  const range = rangeInOrder(z.strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }));

  it('takes from ≤ to and refuses to < from, naming to (property)', () => {
    fc.assert(
      fc.property(realDay, realDay, (from, to) => {
        const why = refusal(range, { from, to });
        if (Date.parse(from) <= Date.parse(to)) expect(why).toBeNull();
        else expect(why).toEqual({ message: `to ${to} is before from ${from}: a range ends on or after its start`, code: 'invalid_range' });
      }),
    );
  });

  it('leaves an open end alone, and a bad end to its own refusal', () => {
    expect(refusal(range, { from: '2026-10-05' })).toBeNull();
    expect(refusal(range, { to: '2026-10-05' })).toBeNull();
    expect(refusal(range, { from: '2026-10-32', to: '2026-10-01' })?.code).toBe('invalid_date');
  });
});
