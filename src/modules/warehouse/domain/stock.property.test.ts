import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageUnitCost, count, EMPTY, issue, receive, returnShare, type Balance } from './stock.ts';

type Op = { kind: 'receive'; q: number; price: number } | { kind: 'issue'; q: number } | { kind: 'count'; q: number; price: number };

const quantity = fc.integer({ min: 1, max: 50_000 }); // thousandths: up to 50 units, 3 decimals
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), q: quantity, price: fc.integer({ min: 0, max: 5_000_00 }) }),
  fc.record({ kind: fc.constant('issue' as const), q: quantity }),
  fc.record({ kind: fc.constant('count' as const), q: fc.integer({ min: 0, max: 50_000 }), price: fc.integer({ min: 0, max: 5_000_00 }) }),
);

/** Runs the ops as a warehouse would: an issue beyond the stock is refused and moves nothing. */
function run(ops: Op[]) {
  let b: Balance = EMPTY;
  const movements: { q: number; v: number }[] = [];
  let refused = 0;
  for (const o of ops) {
    if (o.kind === 'receive') {
      const r = receive(b, o.q, o.price);
      movements.push({ q: o.q, v: r.valueMinor });
      b = r.balance;
    } else if (o.kind === 'issue') {
      if (o.q > b.quantityMilli) {
        refused++;
        continue;
      }
      const r = issue(b, o.q);
      movements.push({ q: -o.q, v: -r.valueMinor });
      b = r.balance;
    } else {
      const r = count(b, o.q, o.price);
      if (r === null || r.deltaMilli === 0) continue;
      movements.push({ q: r.deltaMilli, v: r.deltaValueMinor });
      b = r.balance;
    }
    expect(b.quantityMilli).toBeGreaterThanOrEqual(0);
    expect(b.valueMinor).toBeGreaterThanOrEqual(0);
  }
  return { b, movements, refused };
}

describe('weighted-average stock (property)', () => {
  it('the balance is the sum of its movements; quantity and value never go negative', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { b, movements } = run(ops);
        expect(b.quantityMilli).toBe(movements.reduce((s, m) => s + m.q, 0));
        expect(b.valueMinor).toBe(movements.reduce((s, m) => s + m.v, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('issuing everything leaves the value at exactly 0', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { b } = run(ops);
        if (b.quantityMilli === 0) {
          expect(b.valueMinor).toBe(0);
          return;
        }
        const out = issue(b, b.quantityMilli);
        expect(out.balance).toEqual({ quantityMilli: 0, valueMinor: 0 });
        expect(out.valueMinor).toBe(b.valueMinor);
      }),
      { numRuns: 400 },
    );
  });

  it('an issue never takes more than is in stock', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), quantity, (ops, q) => {
        const { b } = run(ops);
        if (q > b.quantityMilli) expect(() => issue(b, q)).toThrow(RangeError);
        else expect(issue(b, q).balance.quantityMilli).toBe(b.quantityMilli - q);
      }),
    );
  });

  it('partial returns add up to exactly the original, each share 0 or more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_00 }), fc.array(quantity, { minLength: 1, maxLength: 10 }), (amount, parts) => {
        const total = parts.reduce((s, q) => s + q, 0);
        let before = { quantityMilli: 0, amountMinor: 0 };
        for (const q of parts) {
          const share = returnShare({ quantityMilli: total, amountMinor: amount }, before, q);
          expect(share).toBeGreaterThanOrEqual(0);
          before = { quantityMilli: before.quantityMilli + q, amountMinor: before.amountMinor + share };
        }
        expect(before.amountMinor).toBe(amount);
      }),
    );
  });
});

describe('weighted-average stock (examples)', () => {
  it('10 at 1 500.00 and 10 at 1 700.00 average 1 600.00; issuing 2 costs 3 200.00', () => {
    const b = receive(receive(EMPTY, 10_000, 1_500_00).balance, 10_000, 1_700_00).balance;
    expect(averageUnitCost(b)).toBe(1_600_00);
    const out = issue(b, 2_000);
    expect(out.valueMinor).toBe(3_200_00);
    expect(out.balance).toEqual({ quantityMilli: 18_000, valueMinor: 28_800_00 });
  });

  it('a count values a surplus at the average, or at the given cost when the stock was empty', () => {
    const b = receive(EMPTY, 3_000, 100_00).balance;
    expect(count(b, 4_000, null)).toMatchObject({ deltaMilli: 1_000, deltaValueMinor: 100_00 });
    expect(count(EMPTY, 2_000, null)).toBeNull();
    expect(count(EMPTY, 2_000, 50_00)).toMatchObject({ deltaMilli: 2_000, deltaValueMinor: 100_00 });
    expect(count(b, 1_000, null)).toMatchObject({ deltaMilli: -2_000, deltaValueMinor: -200_00 });
  });
});
