// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { UnitFee } from './catalogueApi';
import { unitFeeColumns } from './unitFeeColumns';

const callOut: UnitFee = { id: 1, code: 'call-out', name: 'Výjezd', active: true, unit: 'visit', vatCategory: 'standard' };
const ownUnit: UnitFee = { ...callOut, id: 2, name: 'Měření', unit: 'měření' };

describe('the unit-fee list', () => {
  afterAll(() => i18n.changeLanguage('cs'));

  it('shows a built-in unit in words in the reader’s language, a unit of one’s own as typed', async () => {
    const cells = (fee: UnitFee) => unitFeeColumns(i18n.t.bind(i18n)).map((c) => c.cell(fee));
    await i18n.changeLanguage('cs');
    expect(cells(callOut)[0]).toBe('výjezd');
    expect(cells(ownUnit)[0]).toBe('měření');
    await i18n.changeLanguage('sk');
    expect(cells(callOut)[0]).toBe('výjazd');
    await i18n.changeLanguage('en');
    expect(cells(callOut)[0]).toBe('visit');
    expect(unitFeeColumns(i18n.t.bind(i18n)).map((c) => c.header)).toEqual([i18n.t('pricing.fields.unit'), i18n.t('pricing.fields.vatCategory')]);
  });
});
