// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import type { UnmappedVatRate } from './api';
import { blockingVatRates, countriesOf, documentCount, vatRateLine } from './vatRates';

const t = (lang: string) => i18n.getFixedT(lang);
// Numbers are formatted in the app's language (Czech here).
beforeAll(() => setLanguage('cs'));

// As the preview sends them (exports.service.ts): one entry per document and rate.
const rate = (id: number, documentNumber: string, vatRateBp: number, exported = false): UnmappedVatRate => ({ kind: 'invoice', id, documentNumber, vatRateBp, country: 'CZ', exported });
const preview = {
  vatRatesNotMapped: [rate(7, 'FV202600007', 1500), rate(7, 'FV202600007', 1000), rate(8, 'FV202600008', 1550), rate(3, 'FV202600003', 1500, true)],
};

describe('VAT rates POHODA has no name for, before exporting', () => {
  it('stop the export of the new documents; those exported before stop only "export again"', () => {
    expect(blockingVatRates(preview, false).map((r) => [r.id, r.vatRateBp])).toEqual([[7, 1500], [7, 1000], [8, 1550]]);
    expect(blockingVatRates(preview, true)).toHaveLength(4);
    // Only an exported document has such a rate: the export of the new ones goes ahead.
    const onlyExported = { vatRatesNotMapped: [rate(3, 'FV202600003', 1500, true)] };
    expect(blockingVatRates(onlyExported, false)).toEqual([]);
    expect(blockingVatRates(onlyExported, true)).toHaveLength(1);
    expect(blockingVatRates({ vatRatesNotMapped: [] }, true)).toEqual([]);
  });

  it('counts documents, not rates, and names the countries once', () => {
    expect(documentCount(blockingVatRates(preview, false))).toBe(2);
    expect(documentCount(preview.vatRatesNotMapped)).toBe(3);
    // A slip and an invoice may share an id: they are two documents.
    expect(documentCount([rate(5, 'FV1', 1500), { ...rate(5, 'VY1', 1500), kind: 'slip' }])).toBe(2);
    expect(countriesOf(preview.vatRatesNotMapped)).toBe('CZ');
    expect(countriesOf([])).toBe('');
  });

  it('words each document and rate in the user\'s language, the rate with its decimal comma', () => {
    expect(vatRateLine(t('cs'), rate(8, 'FV202600008', 1550))).toBe('FV202600008: sazba DPH 15,5\u00a0%');
    expect(vatRateLine(t('sk'), rate(7, 'FV202600007', 1500))).toBe('FV202600007: sadzba DPH 15\u00a0%');
    expect(t('en')('exports.preview.runBlockedByVatRates', { count: 2 })).toContain('POHODA has no name for: 2');
    expect(t('cs')('exports.preview.runBlockedByVatRates', { count: 2 })).toMatch(/^Export by byl odmítnut/);
  });
});
