// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/client';
import i18n, { setLanguage } from '../../i18n';
import { exportRefusal } from './errors';
import { ExportInterrupted } from './exportStream';

const t = (lang: string) => i18n.getFixedT(lang);
// Numbers are formatted in the app's language (Czech here).
beforeAll(() => setLanguage('cs'));

// The refusals as the server sends them (exports.service.ts): English message, facts as values.
const nothingNew = () => new ApiError(409, 'nothing_to_export', 'Nothing new to export for 2026-11 in ISDOC 6.0.2: all 3 documents were exported before (choose "export again" to include them)', [], { period: '2026-11', alreadyExported: 3 });
const nothing = () => new ApiError(409, 'nothing_to_export', 'Nothing to export for 2026-01: no issued invoices or credit notes in that period', [], { period: '2026-01', alreadyExported: 0 });
const unmapped = () => new ApiError(400, 'vat_rate_not_mapped', "VAT rate 15\u00a0% of FV202600007 has no POHODA rate for CZ; POHODA XML knows only the rates of the supplier's country",
  [{ path: 'period', code: 'vat_rate_not_mapped', message: 'VAT rate 15\u00a0% of FV202600007 has no POHODA rate for CZ' }], { documentNumber: 'FV202600007', vatRateBp: 1550, country: 'CZ' });
const unmappedAll = () => new ApiError(400, 'vat_rate_not_mapped', "3 VAT rates have no POHODA rate: …; POHODA XML knows only the rates of the supplier's country",
  [{ path: 'period', code: 'vat_rate_not_mapped', message: 'VAT rate 15\u00a0% of FV202600007 has no POHODA rate for CZ' }],
  { documentNumber: 'FV202600007', vatRateBp: 1550, country: 'CZ', rates: [
    { documentNumber: 'FV202600007', vatRateBp: 1550, country: 'CZ' }, { documentNumber: 'FV202600007', vatRateBp: 1000, country: 'CZ' }, { documentNumber: 'FV202600008', vatRateBp: 1500, country: 'CZ' },
  ] });
const missing = () => new ApiError(409, 'missing_company_settings', 'ISDOC 6.0.2 export needs company settings that are not filled in: bank account or IBAN (Settings → Company)',
  [{ path: 'supplier.bankAccount', code: 'missing_setting', message: "ISDOC 6.0.2 needs the company's bank account or IBAN" }]);

describe('a refused export, in the user\'s language', () => {
  it('issue slips valued in two currencies: says why POHODA cannot take them and names each slip', () => {
    const mixed = new ApiError(400, 'slip_currencies_mixed', 'Issue slip VY2026-0045 values its material in EUR and CZK …',
      [{ path: 'period', code: 'slip_currencies_mixed', message: 'Issue slip VY2026-0045 values its material in EUR and CZK …' }], { documentNumbers: ['VY2026-0045', 7] });
    expect(exportRefusal(t('cs'), mixed)).toEqual({ headline: expect.stringContaining('tyto výdejky oceňují materiál ve dvou'), lines: ['VY2026-0045'] });
    expect(exportRefusal(t('sk'), mixed).headline).toContain('výdajky oceňujú materiál v dvoch');
    expect(exportRefusal(t('en'), mixed).headline).toContain('these issue slips value their material in two');
  });

  it('issue slips valued in two currencies, with their currencies: one line each as the preview words it', () => {
    const mixed = new ApiError(400, 'slip_currencies_mixed', 'Issue slip VY2026-0045 values its material in EUR and CZK …', [],
      { documentNumbers: ['VY2026-0045'], slips: [{ documentNumber: 'VY2026-0045', currencies: ['EUR', 'CZK'] }, { documentNumber: 'VY2026-0046', currencies: 'EUR' }] });
    const refusal = exportRefusal(t('cs'), mixed);
    // The malformed second entry is left out rather than printed as nonsense.
    expect(refusal.lines).toHaveLength(1);
    expect(refusal.lines[0]).toContain('VY2026-0045');
    expect(refusal.lines[0]).toContain('EUR');
    expect(refusal.lines[0]).toContain('CZK');
  });

  it('nothing new to export: says how many were exported before and how to include them again', () => {
    expect(exportRefusal(t('cs'), nothingNew())).toEqual({ headline: expect.stringContaining('(3) už byly do tohoto formátu exportovány'), lines: [] });
    expect(exportRefusal(t('sk'), nothingNew()).headline).toContain('Exportovať znova');
    expect(exportRefusal(t('en'), nothingNew()).headline).toContain('(3) have already been exported');
  });

  it('nothing at all in the period', () => {
    expect(exportRefusal(t('cs'), nothing()).headline).toBe('V tomto období není co exportovat: nejsou v něm žádné vystavené doklady.');
  });

  it('a VAT rate POHODA has no name for: the document and the rate, the rate with the language\'s decimal comma', () => {
    const cs = exportRefusal(t('cs'), unmapped());
    expect(cs.headline).toContain('Sazbu DPH 15,5\u00a0% na dokladu FV202600007 POHODA nezná');
    expect(cs.headline).toContain('(CZ)');
    expect(cs.lines).toEqual([]);
  });

  it('VAT rates POHODA has no name for: every document and rate the export named, one line each', () => {
    expect(exportRefusal(t('cs'), unmappedAll())).toEqual({
      headline: 'Tyto sazby DPH POHODA nezná: zná jen sazby země dodavatele (CZ). Nic nebylo exportováno; toto období můžete exportovat do ISDOC nebo CSV.',
      lines: ['FV202600007: sazba DPH 15,5\u00a0%', 'FV202600007: sazba DPH 10\u00a0%', 'FV202600008: sazba DPH 15\u00a0%'],
    });
    // Numbers follow the app's language (Czech here), the words the given one.
    expect(exportRefusal(t('en'), unmappedAll()).lines).toEqual(['FV202600007: VAT rate 15,5\u00a0%', 'FV202600007: VAT rate 10\u00a0%', 'FV202600008: VAT rate 15\u00a0%']);
    // One rate in the list reads as before; entries not of the shape are left out.
    const one = new ApiError(400, 'vat_rate_not_mapped', 'x', [], { documentNumber: 'FV1', vatRateBp: 1500, country: 'CZ', rates: [{ documentNumber: 'FV1', vatRateBp: 1500, country: 'CZ' }, { oops: 1 }] });
    expect(exportRefusal(t('cs'), one)).toEqual({ headline: expect.stringContaining('Sazbu DPH 15\u00a0% na dokladu FV1 POHODA nezná'), lines: [] });
  });

  it('missing company settings: each one named where to fill it in, not the server\'s English', () => {
    expect(exportRefusal(t('cs'), missing())).toEqual({
      headline: 'Tento formát potřebuje nastavení firmy, která nejsou vyplněná:',
      lines: ['Bankovní účet nebo IBAN firmy (Nastavení → Firma)'],
    });
  });

  it('never shows the server\'s English words in Czech for these refusals', () => {
    for (const error of [nothingNew(), nothing(), unmapped(), unmappedAll(), missing(), new ApiError(400, 'batch_too_large', 'a ZIP holds at most 65535 files; export a shorter period')]) {
      const { headline, lines } = exportRefusal(t('cs'), error);
      expect([headline, ...lines].join(' ')).not.toMatch(/export again|exported before|needs|has no POHODA|ZIP holds|Nothing/);
    }
  });

  it('an export stopped on the way: how far it got, or that nothing was recorded', () => {
    expect(exportRefusal(t('cs'), new ExportInterrupted(1200, 10_000)).headline).toMatch(/^Spojení se přerušilo po 1\s200 z 10\s000 dokladů/);
    expect(exportRefusal(t('en'), new ExportInterrupted(3, 9)).headline).toContain('after 3 of 9 documents');
    expect(exportRefusal(t('en'), new ExportInterrupted(0, 0)).headline).toBe(i18n.getFixedT('en')('errors.network_error'));
    const stopped = new ApiError(200, 'internal_error', 'The export stopped on an unexpected error; no batch was recorded');
    expect(exportRefusal(t('sk'), stopped).headline).toMatch(/^Export sa zastavil na neočakávanej chybe; žiadna dávka/);
  });

  it('without the facts (an older server) falls back to the app\'s error texts', () => {
    const bare = new ApiError(400, 'vat_rate_not_mapped', 'VAT rate 15\u00a0% of FV1 has no POHODA rate for CZ');
    expect(exportRefusal(t('cs'), bare).headline).toBe('VAT rate 15\u00a0% of FV1 has no POHODA rate for CZ');
    expect(exportRefusal(t('cs'), new Error('network')).headline).toBe(i18n.getFixedT('cs')('errors.unknown'));
  });
});
