import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, distribute, GROUP_BY, utilisationBp, type Piece } from '../src/modules/billing/billing.profitability.aggregate.ts';

const minor = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 });
const cost = fc.integer({ min: 0, max: 100_000_00 });
const piece: fc.Arbitrary<Piece> = fc.record({
  period: fc.constantFrom('2026-09', '2026-10', '2026-11'),
  currency: fc.constantFrom('CZK', 'EUR'),
  clientId: fc.integer({ min: 1, max: 5 }),
  contractId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  technicianId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  workTypeKey: fc.constantFrom('1', '2', '3', 'travel', 'unit_fee', 'material', 'contract_fee', 'other'),
  revenueMinor: minor,
  labourCostMinor: cost,
  travelCostMinor: cost,
  materialCostMinor: cost,
});

type Money = 'revenueMinor' | 'costMinor' | 'marginMinor' | 'labourCostMinor' | 'travelCostMinor' | 'materialCostMinor';
const MONEY: Money[] = ['revenueMinor', 'costMinor', 'marginMinor', 'labourCostMinor', 'travelCostMinor', 'materialCostMinor'];

function sumBy<T extends { currency: string }>(items: T[], field: (t: T) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.currency] = (out[i.currency] ?? 0) + field(i);
  return out;
}

describe('profitability aggregation (property-based)', () => {
  it('adds up to the same grand total in every grouping, per currency, by rows and by periods', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const totals = aggregate(pieces, [], 'contract').totals;
        for (const field of MONEY) {
          const grand = Object.fromEntries(totals.map((t) => [t.currency, t[field]]));
          for (const groupBy of GROUP_BY) {
            const result = aggregate(pieces, [], groupBy);
            expect(sumBy(result.rows, (r) => r[field])).toEqual(grand);
            expect(sumBy(result.series, (s) => s[field])).toEqual(grand);
            expect(result.totals).toEqual(totals);
          }
        }
        // And the grand total is the plain sum of the pieces.
        expect(Object.fromEntries(totals.map((t) => [t.currency, t.revenueMinor]))).toEqual(sumBy(pieces, (p) => p.revenueMinor));
        expect(Object.fromEntries(totals.map((t) => [t.currency, t.costMinor]))).toEqual(sumBy(pieces, (p) => p.labourCostMinor + p.travelCostMinor + p.materialCostMinor));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps margin = revenue − cost and the margin % of the domain on every row', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.constantFrom(...GROUP_BY), (pieces, groupBy) => {
        for (const r of aggregate(pieces, [], groupBy).rows) {
          expect(r.marginMinor).toBe(r.revenueMinor - r.costMinor);
          expect(r.costMinor).toBe(r.labourCostMinor + r.travelCostMinor + r.materialCostMinor);
          if (r.revenueMinor === 0) expect(r.marginPct).toBeNull();
          else expect(Math.abs(r.marginPct! - (r.marginMinor * 10_000) / r.revenueMinor)).toBeLessThanOrEqual(0.5);
        }
      }),
    );
  });

  it('distributes a credited amount exactly, in proportion, and gives a full credit back piece by piece', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_00 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: -20_000_00, max: 20_000_00 }), (weights, amount) => {
        const parts = distribute(amount, weights);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        const total = weights.reduce((s, w) => s + w, 0);
        if (total > 0) parts.forEach((p, i) => expect(Math.abs(p - (amount * weights[i]!) / total)).toBeLessThan(1));
        expect(distribute(total, weights)).toEqual(weights);
        expect(distribute(0 - total, weights)).toEqual(weights.map((w) => 0 - w));
      }),
    );
  });

  it('counts the opening balance of a contract once over a range', () => {
    const l = (period: string, openingCarried: number, consumed: number) => ({ period, contractId: 1, clientId: 1, openingCarried, allocated: 600, consumed });
    expect(utilisationBp([l('2026-10', 180, 780)])).toBe(10_000);
    expect(utilisationBp([l('2026-11', 0, 360), l('2026-10', 180, 780)])).toBe(8261);
    expect(utilisationBp([])).toBeNull();
  });
});
