import { describe, expect, it } from 'vitest';
import { reportingPeriod } from './billing.profitability.repo.ts';

describe('the period an invoice counts in', () => {
  const none = { period: null, taxable_supply_date: null, issue_date: null };

  it('is the billed period, else the date of taxable supply or issue', () => {
    expect(reportingPeriod({ ...none, period: '2026-10', created_at: '2026-11-02T08:00:00.000Z' }, 'month')).toBe('2026-10');
    expect(reportingPeriod({ ...none, taxable_supply_date: '2026-09-30', issue_date: '2026-10-01', created_at: '2026-10-01T08:00:00.000Z' }, 'quarter')).toBe('2026-Q3');
  });

  it('without them, the provider\'s date it was made on: 23:30 UTC on 30 November is 1 December in Prague', () => {
    expect(reportingPeriod({ ...none, created_at: '2026-11-30T23:30:00.000Z' }, 'month')).toBe('2026-12');
    expect(reportingPeriod({ ...none, created_at: '2026-12-31T23:30:00.000Z' }, 'year')).toBe('2027');
    expect(reportingPeriod({ ...none, created_at: '2026-11-30T22:30:00.000Z' }, 'month')).toBe('2026-11');
  });
});
