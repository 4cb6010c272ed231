import { describe, expect, it } from 'vitest';
import { parseCnbFile } from './cnb-file.ts';

const GOOD = ['27.11.2026 #230', 'země|měna|množství|kód|kurz', 'Austrálie|dolar|1|AUD|15,234', 'EMU|euro|1|EUR|24,305', 'Maďarsko|forint|100|HUF|6,543', 'Japonsko|jen|100|JPY|15,123', ''].join('\n');

describe('the ČNB daily rate file', () => {
  it('reads the day and every currency with its amount, the rate exact in millionths', () => {
    expect(parseCnbFile(GOOD)).toEqual({
      ok: true,
      day: '2026-11-27',
      rates: [
        { currency: 'AUD', amount: 1, millionths: 15_234_000 },
        { currency: 'EUR', amount: 1, millionths: 24_305_000 },
        { currency: 'HUF', amount: 100, millionths: 6_543_000 },
        { currency: 'JPY', amount: 100, millionths: 15_123_000 },
      ],
    });
  });

  it('takes Windows line ends and a byte-order mark', () => {
    const parsed = parseCnbFile(`\uFEFF${GOOD.replaceAll('\n', '\r\n')}`);
    expect(parsed.ok && parsed.rates.length).toBe(4);
  });

  it('names a wrong first line, a wrong header, a malformed line and a rate that is not a number, each with its line', () => {
    const text = ['27/11/2026', 'country|currency|amount|code|rate', 'EMU|euro|1|EUR|24,305', 'Maďarsko|forint|100|HUF', 'USA|dolar|1|USD|dvacet', 'Japonsko|jen|3|JPY|15,123', 'Polsko|zlotý|1|pln|5,1', 'EMU|euro|1|EUR|24,305'].join('\n');
    const parsed = parseCnbFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'bad_date_line'],
      [2, 'bad_header'],
      [4, 'bad_line'],
      [5, 'bad_rate'],
      [6, 'bad_amount'],
      [7, 'bad_currency'],
      [8, 'duplicate_currency'],
    ]);
    expect(parsed.problems[3]!.message).toContain('"dvacet"');
  });

  it('refuses a day that does not exist, a negative or zero rate, more than 6 decimals, an empty file and a file without rates', () => {
    const codes = (text: string) => { const p = parseCnbFile(text); return p.ok ? [] : p.problems.map((x) => `${x.line}:${x.code}`); };
    expect(codes(GOOD.replace('27.11.2026', '31.11.2026'))).toEqual(['1:bad_date_line']);
    expect(codes(GOOD.replace('24,305', '-24,305'))).toEqual(['4:bad_rate']);
    expect(codes(GOOD.replace('24,305', '0,000'))).toEqual(['4:bad_rate']);
    expect(codes(GOOD.replace('24,305', '24,3050001'))).toEqual(['4:bad_rate']);
    expect(codes('')).toEqual(['1:empty_file']);
    expect(codes('27.11.2026 #230\nzemě|měna|množství|kód|kurz\n')).toEqual(['3:no_rates']);
  });
});
