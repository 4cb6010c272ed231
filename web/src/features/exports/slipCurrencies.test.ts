// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import type { SlipCurrenciesMixed } from './api';
import { blockingSlips, slipCurrenciesLine } from './slipCurrencies';

const t = (lang: string) => i18n.getFixedT(lang);
// Lists are joined in the app's language (Czech here).
beforeAll(() => setLanguage('cs'));

// As the preview sends them (exports.service.ts): one entry per slip.
const slip = (id: number, documentNumber: string, exported = false): SlipCurrenciesMixed => ({
  kind: 'slip', id, documentNumber, currencies: ['EUR', 'CZK'], exported, message: `Issue slip ${documentNumber} values its material in EUR and CZK`,
});

describe('issue slips POHODA cannot write (material valued in two currencies), before exporting', () => {
  it('stop the export of the new slips; those exported before stop only "export again"; none, nothing stops it', () => {
    const preview = { slipCurrenciesMixed: [slip(4, 'VY202600004'), slip(2, 'VY202600002', true)] };
    expect(blockingSlips(preview, false).map((s) => s.id)).toEqual([4]);
    expect(blockingSlips(preview, true).map((s) => s.id)).toEqual([4, 2]);
    expect(blockingSlips({ slipCurrenciesMixed: [slip(2, 'VY202600002', true)] }, false)).toEqual([]);
    expect(blockingSlips({ slipCurrenciesMixed: [] }, false)).toEqual([]);
    expect(blockingSlips({ slipCurrenciesMixed: [] }, true)).toEqual([]);
  });

  it("names each slip and its currencies in the user's language", () => {
    expect(slipCurrenciesLine(t('cs'), slip(4, 'VY202600004'))).toBe('VY202600004: materiál oceněný v EUR a\u00a0CZK'); // Czech keeps "a" with the next word
    expect(t('sk')('exports.preview.slipCurrenciesLine', { number: 'VY1', currencies: 'EUR a CZK' })).toBe('VY1: materiál ocenený v EUR a CZK');
    expect(t('en')('exports.preview.runBlockedBySlipCurrencies', { count: 1 })).toContain('issue slips valued in two currencies: 1');
    expect(t('cs')('exports.preview.runBlockedBySlipCurrencies', { count: 2 })).toMatch(/^Export by byl odmítnut: výdejek oceněných ve dvou měnách: 2/);
  });
});
