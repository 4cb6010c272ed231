import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar/index.ts';
import { MAX_DAYS_BACK, rateOnDay } from './rate-on-day.ts';
import type { ListedRate } from './listed-rate.ts';

const START = '2026-01-01';
const dayArb = fc.integer({ min: 0, max: 60 }).map((n) => addDays(START, n));
const rateArb = fc.record({
  currency: fc.constantFrom('EUR', 'USD'),
  day: dayArb,
  amount: fc.constantFrom(1, 100),
  millionths: fc.integer({ min: 1, max: 99_000_000 }),
  source: fc.constantFrom('cnb' as const, 'manual' as const),
});
/** One rate per currency and day, as the table's unique key keeps it. */
const listArb = fc.uniqueArray(rateArb, { selector: (r) => `${r.currency}@${r.day}` });

describe('the rate for a currency on a day', () => {
  it('is the rate of the latest listed day on or before it, at most 7 days back; otherwise unknown, naming the last day', () => {
    fc.assert(
      fc.property(listArb, fc.constantFrom('EUR', 'USD'), dayArb, (rates: ListedRate[], currency, day) => {
        const own = rates.filter((r) => r.currency === currency && r.day <= day);
        const latest = own.reduce<ListedRate | null>((a, r) => (a === null || r.day > a.day ? r : a), null);
        const found = rateOnDay(rates, currency, day);
        if (found.known) {
          expect(found.rate).toEqual(latest);
          expect(found.rate.day >= addDays(day, -MAX_DAYS_BACK)).toBe(true);
        } else {
          // Nothing within the window, whatever lies outside it.
          expect(own.some((r) => r.day >= addDays(day, -MAX_DAYS_BACK))).toBe(false);
          expect(found.lastDay).toBe(latest?.day ?? null);
          expect(found.reason).toBe(latest === null ? 'none' : 'too_old');
        }
      }),
    );
  });

  it("takes the day's own rate when the day has one, and never a later day's", () => {
    fc.assert(
      fc.property(listArb, (rates: ListedRate[]) => {
        for (const r of rates) expect(rateOnDay(rates, r.currency, r.day)).toEqual({ known: true, rate: r });
        for (const r of rates) {
          const before = rateOnDay(rates, r.currency, addDays(r.day, -1));
          if (before.known) expect(before.rate.day < r.day).toBe(true);
        }
      }),
    );
  });

  it('answers a weekend with Friday, and the eighth day after the last rate with unknown', () => {
    const friday: ListedRate = { currency: 'EUR', day: '2026-11-27', amount: 1, millionths: 24_305_000, source: 'cnb' };
    expect(rateOnDay([friday], 'EUR', '2026-11-29')).toEqual({ known: true, rate: friday });
    expect(rateOnDay([friday], 'EUR', '2026-12-04')).toEqual({ known: true, rate: friday });
    expect(rateOnDay([friday], 'EUR', '2026-12-05')).toEqual({ known: false, reason: 'too_old', lastDay: '2026-11-27' });
    expect(rateOnDay([friday], 'EUR', '2026-11-26')).toEqual({ known: false, reason: 'none', lastDay: null });
    expect(rateOnDay([friday], 'USD', '2026-11-27')).toEqual({ known: false, reason: 'none', lastDay: null });
  });
});
