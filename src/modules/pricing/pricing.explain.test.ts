import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCostLine, line, money } from './pricing.explain.ts';
import { formatMilliIn, formatMoney, renderExplanation } from './pricing.explain-render.ts';
import { formatAmount, formatQuantityText } from '../documents/domain/format.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { keepUnitsWithNumbers } from '../../shared/number-text.ts';
import { EXPLANATION_TEXTS } from './pricing.explain-texts.ts';

const spaces = (l: string) => l.replace(/[\u00a0\u202f]/g, ' ');

describe('price explanation words', () => {
  it('formats money exactly from minor units and quantities per language', () => {
    expect(spaces(formatMoney(123_456_789_012_34, 'cs'))).toBe('123 456 789 012,34');
    expect(formatMoney(-5, 'en')).toBe('-0.05');
    expect(spaces(formatMoney(1_000_00, 'sk'))).toBe('1 000,00');
    // Four-digit amounts are grouped as on the invoice (Intl's Czech and Slovak would write "1234,00").
    expect(formatMoney(1_234_00, 'cs')).toBe('1\u00a0234,00');
    expect(formatMilliIn(1_234_500, 'sk')).toBe('1\u00a0234,5');
    expect(formatMilliIn(1_500, 'cs')).toBe('1,5');
    expect(formatMilliIn(36_000, 'en')).toBe('36');
    expect(formatMilliIn(-250, 'en')).toBe('-0.25');
  });

  it('prints a stored unit code as the reader writes it, and a unit typed by hand as typed', () => {
    const toner = line('material.fromItem', { item: 'Toner HP 26A', quantity: { milli: 1_000 }, unit: 'pcs', price: money(2_450_00), amount: money(2_450_00) });
    const callOut = line('fee.amount', { fee: 'Výjezd', quantity: { milli: 2_000 }, unit: 'výjezd', price: money(500_00), amount: money(1_000_00) });
    expect(renderExplanation([toner, callOut], 'cs').map(spaces)).toEqual([
      'Toner HP 26A: 1 ks × 2 450,00 (prodejní cena položky) = 2 450,00',
      'Výjezd: 2 výjezd × 500,00 = 1 000,00',
    ]);
    expect(spaces(renderExplanation([toner], 'en')[0]!)).toBe('Toner HP 26A: 1 pcs × 2,450.00 (item’s sale price) = 2,450.00');
  });

  it('words nested lines, names and codes in each language, and leaves stored sentences as they are', () => {
    const lines = [
      'Old English sentence',
      line('notNeeded', { line: { line: line('fee.noPrice', { fee: 'Výjezd' }) } }),
      line('work.surcharge', { line: { line: line('timeClass.override', { timeClass: { timeClass: 'weekend_holiday' } }) }, pct: 100 }),
      line('notBillable.wouldBe', { zero: money(0), amount: money(2_625_00) }),
      line('work.noRounding', { minutes: 1_440 }),
    ];
    expect(renderExplanation(lines, 'en').map(spaces)).toEqual([
      'Old English sentence',
      'The price list has no price for Výjezd (not needed: the record is not billable)',
      'Time class Weekend & holiday: set by hand; surcharge 100%',
      'Not billable: 0.00 (the price would be 2,625.00)',
      '1,440 min, no rounding (increment 1 min)',
    ]);
    expect(renderExplanation(lines, 'cs').map(spaces).slice(1)).toEqual([
      'Ceník nemá cenu pro Výjezd (není potřeba: záznam se nefakturuje)',
      'Časová třída Víkend a svátek: nastavena ručně; příplatek 100 %',
      'Nefakturuje se: 0,00 (cena by byla 2 625,00)',
      '1 440 min, bez zaokrouhlení (krok 1 min)',
    ]);
    expect(renderExplanation(lines, 'sk').map(spaces)[2]).toBe('Časová trieda Víkend a sviatok: nastavená ručne; príplatok 100 %');
    // A unit never starts a line of its own in a narrow popover: it is joined to its number.
    expect(renderExplanation(lines, 'cs')[2]).toContain('příplatek 100\u00a0%');
    const cost = renderExplanation([line('cost.work', { minutes: 180, rate: money(450_00), cost: { money: 1_350_00, currency: 'CZK' } })], 'cs')[0];
    expect(cost).toBe('Interní náklad: 180\u00a0min × 450,00/h = 1\u00a0350,00\u00a0CZK');
  });

  it('knows cost lines in both forms, and every language has the same lines with the same values', () => {
    expect(isCostLine(line('cost.fee'))).toBe(true);
    expect(isCostLine('Internal cost: unknown, no technician')).toBe(true);
    expect(isCostLine(line('work.rate', { workType: 'x', rate: money(1) }))).toBe(false);
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of ['cs', 'sk'] as const) {
      expect(Object.keys(EXPLANATION_TEXTS[language]).sort()).toEqual(Object.keys(EXPLANATION_TEXTS.en).sort());
      for (const [key, text] of Object.entries(EXPLANATION_TEXTS.en)) {
        expect(placeholders(EXPLANATION_TEXTS[language][key as keyof typeof EXPLANATION_TEXTS.en]), `${language} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  // Dates are Intl's; amounts and quantities are written exactly as the invoice writes them.
  it('property: money and quantities read as on the invoice, dates exactly as Intl words them, first time or again', () => {
    const locale = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' } as const;
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), day, (language, minor, date) => {
        const money = renderExplanation([line('notBillable.wouldBe', { zero: { money: 0 }, amount: { money: minor } })], language)[0];
        const texts = EXPLANATION_TEXTS[language];
        expect(money).toBe(texts['notBillable.wouldBe'].replace('{zero}', formatAmount(0, language)).replace('{amount}', formatAmount(minor, language)));
        const km = renderExplanation([line('travel.km', { km: { milli: minor }, perKm: { money: 1 }, amount: { money: 1 } })], language)[0];
        expect(km).toBe(keepUnitsWithNumbers(texts['travel.km'].replace('{km}', formatQuantityText(minor, language)).replace(/\{perKm\}|\{amount\}/g, formatAmount(1, language))));
        const expected = new Intl.DateTimeFormat(locale[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
        const words = () => renderExplanation([line('list.used', { list: 'L', source: { source: 'client' }, validFrom: { date }, currency: 'CZK' })], language)[0];
        expect(words()).toContain(expected);
        expect(words()).toBe(words());
      }),
      { numRuns: 300 },
    );
  });
});

