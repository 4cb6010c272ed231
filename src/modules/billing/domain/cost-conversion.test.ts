import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExchangeRate } from '../../../shared/exchange-rate.ts';
import { aggregate, type Piece } from '../billing.profitability.aggregate.ts';
import { convertCost, rateBook, type KnownRate } from './cost-conversion.ts';

const rate = (currency: string, homeCurrency: string, date: string, text: string): KnownRate => ({ currency, homeCurrency, date, rate: parseExchangeRate(text)! });

describe('costs in another currency', () => {
  const book = rateBook([rate('EUR', 'CZK', '2026-10-05', '24.335'), rate('CZK', 'EUR', '2026-10-07', '0.041')]);

  it('converts 52.35 EUR with the rate of its day, once, half away from zero', () => {
    expect(convertCost({ costMinor: 52_35, currency: 'EUR', date: '2026-10-05' }, 'CZK', book)).toEqual({ ok: true, costMinor: 1_273_94 });
    // 0.02 EUR × 24.335 = 0.4867 → 0.49; a return's negative cost rounds away from zero too.
    expect(convertCost({ costMinor: 2, currency: 'EUR', date: '2026-10-05' }, 'CZK', book)).toEqual({ ok: true, costMinor: 49 });
    expect(convertCost({ costMinor: -52_35, currency: 'EUR', date: '2026-10-05' }, 'CZK', book)).toEqual({ ok: true, costMinor: -1_273_94 });
  });

  it('converts the other way by dividing by the same rate', () => {
    // 1 273.94 CZK / 24.335 = 52.3501… → 52.35 EUR.
    expect(convertCost({ costMinor: 1_273_94, currency: 'CZK', date: '2026-10-05' }, 'EUR', book)).toEqual({ ok: true, costMinor: 52_35 });
    // A rate stated for CZK in EUR: 100.00 CZK × 0.041 = 4.10 EUR.
    expect(convertCost({ costMinor: 100_00, currency: 'CZK', date: '2026-10-07' }, 'EUR', book)).toEqual({ ok: true, costMinor: 4_10 });
  });

  it('leaves a cost in the invoice currency as it is and names a missing rate with both currencies and the day', () => {
    expect(convertCost({ costMinor: 52_35, currency: 'CZK', date: '2026-10-06' }, 'CZK', book)).toEqual({ ok: true, costMinor: 52_35 });
    expect(convertCost({ costMinor: 52_35, currency: 'EUR', date: '2026-10-06' }, 'CZK', book)).toEqual({ ok: false, missing: { currency: 'EUR', toCurrency: 'CZK', date: '2026-10-06', costMinor: 52_35 } });
  });

  it('takes the last rate given for a pair and day', () => {
    const twice = rateBook([rate('EUR', 'CZK', '2026-10-05', '24'), rate('EUR', 'CZK', '2026-10-05', '25')]);
    expect(twice(1_00, 'EUR', 'CZK', '2026-10-05')).toBe(25_00);
  });
});

/** round(n / d) half away from zero, written out independently of money.ts. */
function reference(n: bigint, d: bigint): number {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return Number(neg ? -q : q);
}

describe('costs in another currency (property-based)', () => {
  const DAYS = ['2026-10-05', '2026-10-06', '2026-10-07'];
  const record = fc.record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    costMinor: fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
    currency: fc.constantFrom('CZK', 'EUR'),
    date: fc.constantFrom(...DAYS),
    material: fc.boolean(),
  });
  const rateText = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999_999 })).map(([u, f]) => `${u}.${String(f).padStart(6, '0')}`);

  it('the converted total is the sum of each cost converted on its own, and every record counts exactly once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom(...DAYS), rateText), { maxLength: 3 }),
        (records, known) => {
          const rates = known.map(([date, text]) => rate('EUR', 'CZK', date, text));
          const book = rateBook(rates);
          const pieces: Piece[] = records.map((r) => {
            const c = convertCost(r, 'CZK', book);
            const cost = c.ok ? c.costMinor : 0;
            return {
              period: '2026-10', currency: 'CZK', clientId: 1, contractId: 1, technicianId: null, workTypeKey: r.material ? 'material' : '1',
              revenueMinor: 0, labourCostMinor: r.material ? 0 : cost, travelCostMinor: 0, materialCostMinor: r.material ? cost : 0, missingRates: c.ok ? [] : [c.missing],
            };
          });
          const [total] = aggregate(pieces, [], 'contract').totals;
          const last = new Map(rates.map((r) => [r.date, r.rate]));
          let expectedCost = 0;
          const expectedMissing = new Map<string, number>();
          // Each record either counts its own converted cost or is named as missing, never both.
          for (const r of records) {
            const exchange = last.get(r.date);
            if (r.currency === 'CZK') expectedCost += r.costMinor;
            else if (exchange !== undefined) expectedCost += reference(BigInt(r.costMinor) * exchange.scaled, exchange.denominator);
            else expectedMissing.set(r.date, (expectedMissing.get(r.date) ?? 0) + r.costMinor);
          }
          expect(total?.costMinor ?? 0).toBe(expectedCost);
          const missing = Object.fromEntries([...expectedMissing].filter(([, v]) => v !== 0).sort());
          expect(Object.fromEntries((total?.missingRates ?? []).map((m) => [m.date, m.costMinor]))).toEqual(missing);
        },
      ),
      { numRuns: 300 },
    );
  });
});
