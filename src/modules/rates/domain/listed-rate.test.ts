import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor } from '../../../shared/exchange-rate.ts';
import { listConverter } from './conversion.ts';
import { importPlan } from './import-plan.ts';
import { invoiceRateText, millionthsOf, rateText, unitRate, type ListedRate } from './listed-rate.ts';
import { rateOnDay } from './rate-on-day.ts';

const eur: ListedRate = { currency: 'EUR', day: '2026-11-27', amount: 1, millionths: 24_305_000, source: 'cnb' };
const huf: ListedRate = { currency: 'HUF', day: '2026-11-27', amount: 100, millionths: 6_543_000, source: 'cnb' };

describe('a listed rate', () => {
  it('keeps the decimal exactly, and its text back', () => {
    expect(millionthsOf('24.305')).toBe(24_305_000);
    expect(millionthsOf('0.000001')).toBe(1);
    expect(millionthsOf('24,305')).toBeNull();
    expect(rateText(24_305_000)).toBe('24.305');
    expect(rateText(1)).toBe('0.000001');
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999_999_999 }), (m) => { expect(millionthsOf(rateText(m))).toBe(m); }));
  });

  it('is the rate of one unit divided by its amount, exactly', () => {
    expect(unitRate(huf).text).toBe('0.06543');
    expect(invoiceRateText(huf)).toBe('0.06543');
    expect(invoiceRateText(eur)).toBe('24.305');
    expect(convertMinor(10_000_00, unitRate(huf))).toBe(654_30);
    // A hand-entered rate for 1000 units with 6 decimals is rounded to the sixth decimal for an invoice.
    expect(invoiceRateText({ amount: 1000, millionths: 1_234_567 })).toBe('0.001235');
  });
});

describe('converting with the list', () => {
  const convert = listConverter((c, d) => rateOnDay([eur, huf], c, d));
  it('converts into crowns, out of crowns and between two listed currencies through the crown, rounding once', () => {
    expect(convert(100_00, 'EUR', 'CZK', '2026-11-28')).toBe(2430_50);
    expect(convert(2430_50, 'CZK', 'EUR', '2026-11-28')).toBe(100_00);
    // 10 000 HUF = 654.30 CZK = 26.92 EUR (654.3 / 24.305 = 26.9204…), in one rounding.
    expect(convert(10_000_00, 'HUF', 'EUR', '2026-11-27')).toBe(26_92);
    expect(convert(1_00, 'USD', 'CZK', '2026-11-27')).toBeNull();
    expect(convert(1_00, 'EUR', 'CZK', '2026-12-10')).toBeNull();
  });
});

describe('importing a ČNB day', () => {
  const manual: ListedRate = { ...eur, millionths: 24_000_000, source: 'manual' };
  it('adds what is missing, leaves the same rate alone, replaces a ČNB rate but keeps a hand-entered one unless asked', () => {
    const incoming = [{ currency: 'EUR', amount: 1, millionths: 24_305_000 }, { currency: 'HUF', amount: 100, millionths: 6_600_000 }, { currency: 'USD', amount: 1, millionths: 21_000_000 }];
    const plan = importPlan([manual, huf], incoming, false);
    expect(plan.added.map((r) => r.currency)).toEqual(['USD']);
    expect(plan.replaced.map((r) => r.after.currency)).toEqual(['HUF']);
    expect(plan.keptManual.map((r) => r.kept.currency)).toEqual(['EUR']);
    expect(importPlan([manual, huf], incoming, true).replaced.map((r) => r.after.currency)).toEqual(['EUR', 'HUF']);
    expect(importPlan([eur, huf], [{ currency: 'EUR', amount: 1, millionths: 24_305_000 }], false)).toEqual({ added: [], replaced: [], unchanged: [{ currency: 'EUR', amount: 1, millionths: 24_305_000 }], keptManual: [] });
  });
});
