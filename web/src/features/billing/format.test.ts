import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ledgerSentenceValues } from './format';
import { addMonths, formatAxisAmount, previewScale, issuableDrafts, positiveAmountProblem, runDocumentCounts, quantityProblem, signedMajorToMinor, unitPriceProblem, refusalLabel, formatBpPercent, formatPeriod, formatTenthsPercent, isMonth, lastMonth, normalizeExchangeRate, parseVatRate, vatRateInput } from './format';
import { clientsWithWaiting, draftsWithoutAddress, lastDayOfMonth, periodNotOver } from './format';

describe('billing formats', () => {
  it('abbreviates chart axis amounts in the UI language, not the browser’s', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(formatAxisAmount(2000, 'en-GB')).toBe('2k');
    expect(formatAxisAmount(8000, 'en-GB')).toBe('8k');
    expect(plain(formatAxisAmount(2000, 'cs-CZ'))).toBe('2 tis.');
    expect(plain(formatAxisAmount(4000, 'sk-SK'))).toBe('4 tis.');
  });

  it('"Issue all" counts only drafts still drafts and unblocked; refusals name the client and number', () => {
    const drafts = [
      { invoiceId: 1, blocked: [], state: 'issued' as const },
      { invoiceId: 2, blocked: [], state: 'draft' as const },
      { invoiceId: 3, blocked: ['no rate'], state: 'draft' as const },
      { invoiceId: 4, blocked: [], state: 'replaced' as const },
      { invoiceId: 5, blocked: [] },
    ];
    expect(issuableDrafts(drafts)).toEqual([2, 5]);
    // The run's heading: an issued invoice is counted as issued, not as a draft.
    expect(runDocumentCounts(drafts)).toEqual({ drafts: 3, issued: 1, replaced: 1 });
    expect(runDocumentCounts([{ state: 'paid' }, { state: 'sent' }, { state: 'overdue' }])).toEqual({ drafts: 0, issued: 3, replaced: 0 });
    expect(refusalLabel({ id: 3, clientName: 'Příklad A', number: 'FV202600002' })).toBe('Příklad A · FV202600002');
    expect(refusalLabel({ id: 3, clientName: 'Příklad A', number: null })).toBe('Příklad A');
    expect(refusalLabel({ id: 9, clientName: '', number: null })).toBe('#9');
  });

  it('"Issue all" leaves out drafts whose client has no address and names them; names the clients with records still waiting, once each', () => {
    const drafts = [
      { invoiceId: 1, clientId: 10, clientName: 'Příklad B', currency: 'CZK', blocked: [], state: 'draft' as const, buyerMissing: ['street' as const, 'city' as const], waiting: { count: 0, amountMinor: 0 } },
      { invoiceId: 2, clientId: 11, clientName: 'Příklad A', currency: 'CZK', blocked: [], state: 'draft' as const, buyerMissing: [], waiting: { count: 1, amountMinor: -1_890_00 } },
      // A contract's own invoice: the client's waiting records are named once.
      { invoiceId: 3, clientId: 11, clientName: 'Příklad A', currency: 'CZK', blocked: [], state: 'draft' as const, buyerMissing: [], waiting: { count: 1, amountMinor: -1_890_00 } },
      { invoiceId: 4, clientId: 12, clientName: 'Příklad C', currency: 'CZK', blocked: [], state: 'issued' as const, waiting: { count: 2, amountMinor: 800_00 } },
      // A run stored before these were told: no address problem, nothing waiting known.
      { invoiceId: 5, clientId: 13, clientName: 'Starší', currency: 'EUR', blocked: [] },
    ];
    expect(issuableDrafts(drafts)).toEqual([2, 3, 5]);
    expect(draftsWithoutAddress(drafts).map((d) => d.invoiceId)).toEqual([1]);
    expect(clientsWithWaiting(drafts)).toEqual([{ clientId: 11, clientName: 'Příklad A', currency: 'CZK', count: 1, amountMinor: -1_890_00 }]);
  });

  it('knows when a month is not over yet: its last day is today or later', () => {
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(periodNotOver('2026-11', '2026-11-28')).toBe(true);
    expect(periodNotOver('2026-11', '2026-11-30')).toBe(true);
    expect(periodNotOver('2026-11', '2026-12-01')).toBe(false);
    expect(periodNotOver('2026-10', '2026-11-28')).toBe(false);
    expect(periodNotOver('2026-12', '2026-11-28')).toBe(true);
    expect(periodNotOver('2026-13', '2026-11-28')).toBe(false);
  });

  it('says what is really wrong with a quantity or an amount (sign, not decimals)', () => {
    expect(quantityProblem('-2')).toBe('quantityNotPositive');
    expect(quantityProblem('0')).toBe('quantityNotPositive');
    expect(quantityProblem('1,5')).toBeNull();
    expect(quantityProblem('1.2345')).toBe('quantityInvalid');
    expect(quantityProblem('abc')).toBe('quantityInvalid');
    expect(positiveAmountProblem(-5)).toBe('amountNotPositive');
    expect(positiveAmountProblem(0)).toBe('amountNotPositive');
    expect(positiveAmountProblem('')).toBe('required');
    expect(positiveAmountProblem(7792.4)).toBeNull();
    expect(positiveAmountProblem(1.005)).toBe('priceInvalid');
  });

  it("asks for a manual line's empty unit price instead of calling it wrong, and takes a discount", () => {
    expect(unitPriceProblem('')).toBe('required');
    expect(unitPriceProblem(1.005)).toBe('priceInvalid');
    expect(unitPriceProblem(0)).toBeNull();
    expect(unitPriceProblem(-150.5)).toBeNull();
    expect(signedMajorToMinor(-150.5)).toBe(-150_50);
    expect(signedMajorToMinor('1 200,50')).toBe(1_200_50);
  });

  it('shrinks the document preview to the column, never enlarges it', () => {
    expect(previewScale(700, 1006)).toBeCloseTo(0.6958, 3);
    expect(previewScale(1200, 1006)).toBe(1);
    expect(previewScale(0, 1006)).toBe(1);
  });

  it('defaults the run to last month, across a year end too', () => {
    expect(lastMonth(new Date(2026, 10, 2))).toBe('2026-10');
    expect(lastMonth(new Date(2027, 0, 15))).toBe('2026-12');
    expect(addMonths('2026-10', -5)).toBe('2026-05');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
  });

  it('shows margins with one decimal from the tenths the server rounded once, per language', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatTenthsPercent(565, 'cs-CZ'))).toBe('56,5 %');
    expect(formatTenthsPercent(565, 'en-GB')).toBe('56.5%');
    expect(formatTenthsPercent(null, 'en-GB')).toBe('—');
    expect(formatBpPercent(8261, 'en-GB')).toBe('82.6%');
    expect(formatPeriod('2026-10', 'en-GB')).toBe('October 2026');
    expect(formatPeriod('2026-10', 'cs-CZ')).toBe('říjen 2026');
  });

  it('reads a VAT rate as typed', () => {
    expect(parseVatRate('21')).toBe(2100);
    expect(parseVatRate('12,5 %')).toBe(1250);
    expect(parseVatRate('0')).toBe(0);
    expect(parseVatRate('')).toBeNull();
    expect(parseVatRate('abc')).toBeNull();
  });

  it('writes a default VAT rate as the field holds it, in the user\'s locale, and reads it back the same', () => {
    expect(vatRateInput(2100, 'cs-CZ')).toBe('21');
    expect(vatRateInput(1250, 'cs-CZ')).toBe('12,5');
    expect(vatRateInput(1250, 'en-GB')).toBe('12.5');
    expect(vatRateInput(0, 'sk-SK')).toBe('0');
    for (const bp of [0, 500, 1000, 1200, 1250, 1900, 2100, 2300, 2725]) for (const locale of ['cs-CZ', 'sk-SK', 'en-GB']) expect(parseVatRate(vatRateInput(bp, locale)), `${bp} ${locale}`).toBe(bp);
  });

  it('takes an exchange rate with a decimal comma or dot, and refuses anything else', () => {
    expect(normalizeExchangeRate('24,335')).toBe('24.335');
    expect(normalizeExchangeRate(' 24.335 ')).toBe('24.335');
    expect(normalizeExchangeRate('1')).toBe('1');
    for (const bad of ['0', '0,000', '-24', '2e3', '24,1234567', '24,3,3', '', 'abc']) expect(normalizeExchangeRate(bad), bad).toBeNull();
  });

  it('writes the work report\'s prepaid ledger in hours, as the totals above it (BILLING.md example C, October)', async () => {
    const october = { period: '2026-10', openingCarried: 180, allocated: 600, consumed: 780, carriedOut: 0, lapsed: 0 };
    // Units are joined to their numbers by no-break spaces; compared here as plain ones.
    const plainValues = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.replace(/\u00a0/g, ' ')]));
    expect(plainValues(ledgerSentenceValues(october, 'cs-CZ'))).toEqual({ period: 'říjen 2026', opening: '3 h', allocated: '10 h', consumed: '13 h', carried: '0 min', lapsed: '0 min' });
    expect(plainValues(ledgerSentenceValues({ ...october, period: '2026-09', openingCarried: 0, consumed: 420, carriedOut: 180, lapsed: 30 }, 'en-GB')))
      .toEqual({ period: 'September 2026', opening: '0 min', allocated: '10 h', consumed: '7 h', carried: '3 h', lapsed: '30 min' });
    await i18n.changeLanguage('cs');
    expect(i18n.t('billing.workReport.ledger', plainValues(ledgerSentenceValues(october, 'cs-CZ'))))
      .toBe('Předplacené hodiny – říjen 2026: převod 3 h + přiděleno 10 h = čerpáno 13 h + převedeno 0 min + propadlo 0 min');
    await i18n.changeLanguage('sk');
    expect(i18n.t('billing.workReport.ledger', plainValues(ledgerSentenceValues(october, 'sk-SK'))))
      .toBe('Predplatené hodiny – október 2026: prenos 3 h + pridelené 10 h = čerpané 13 h + prenesené 0 min + prepadnuté 0 min');
    await i18n.changeLanguage('en');
    expect(i18n.t('billing.workReport.ledger', plainValues(ledgerSentenceValues(october, 'en-GB'))))
      .toBe('Prepaid hours – October 2026: carried in 3 h + allocated 10 h = used 13 h + carried out 0 min + lapsed 0 min');
    await i18n.changeLanguage('cs');
  });
});
