// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/client';
import { unitPriceMinor } from '../records/format';
import i18n, { setLanguage } from '../../i18n';
import { factualMessage, fieldRefusal, stockError } from './errors';
import { BUILT_IN_UNITS, quantityLabel, unitLabel } from './units';

const t = (lang: string) => i18n.getFixedT(lang);
// Numbers are formatted in the app's language (Czech here).
beforeAll(() => setLanguage('cs'));

describe('the facts of a refusal, in the user\'s language', () => {
  const shortage = () => new ApiError(409, 'insufficient_stock', 'Only 20 pcs of SSD 1 TB in Hlavní sklad (25 pcs requested)',
    [{ path: 'lines.0.quantity', code: 'insufficient_stock', message: 'Only 20 pcs of SSD 1 TB in Hlavní sklad (25 pcs requested)' }],
    { item: 'SSD 1 TB', unit: 'pcs', warehouse: 'Hlavní sklad', available: '20', requested: '25' });
  const overReturn = () => new ApiError(409, 'return_exceeds_issue', 'Only 2 pcs of SSD 1 TB from VY202600002 can still be returned (3 pcs given)',
    [{ path: 'lines.0.quantity', code: 'return_exceeds_issue', message: 'x' }],
    { item: 'SSD 1 TB', unit: 'pcs', slip: 'VY202600002', returnable: '2', given: '3' });

  it('says a stock shortage from its values, with the unit in the language', () => {
    expect(factualMessage(t('cs'), shortage())).toBe('Ve skladu Hlavní sklad je jen 20 ks (SSD 1 TB), požadováno 25 ks.');
    expect(factualMessage(t('sk'), shortage())).toBe('V sklade Hlavní sklad je len 20 ks (SSD 1 TB), požadované 25 ks.');
    expect(factualMessage(t('en'), shortage())).toBe('Only 20 pcs of SSD 1 TB in Hlavní sklad (25 pcs requested).');
  });
  it('says an over-return from its values', () => {
    expect(factualMessage(t('cs'), overReturn())).toBe('Z výdejky VY202600002 lze vrátit ještě jen 2 ks (SSD 1 TB), zadáno 3 ks.');
  });
  it('never shows the server\'s English words in Czech: headline, facts, nothing repeated', () => {
    const line = stockError(t('cs'), shortage());
    expect(line).toBe('Na skladě není dost materiálu. · Ve skladu Hlavní sklad je jen 20 ks (SSD 1 TB), požadováno 25 ks.');
    expect(stockError(t('cs'), overReturn())).not.toMatch(/returned|given/);
  });
  it('has no facts for other refusals, and leaves their field problems to the translated codes', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'lines.0.serials', code: 'serials_count', message: 'give 2 serial number(s) (1 given)' },
    ]);
    expect(factualMessage(t('cs'), error)).toBeNull();
    expect(stockError(t('cs'), error)).not.toContain('given');
    expect(factualMessage(t('cs'), new ApiError(404, 'not_found', 'Not found'))).toBeNull();
    expect(factualMessage(t('cs'), new Error('x'))).toBeNull();
  });
});

describe('units in the user\'s language', () => {
  it('shows the built-in codes translated and anything else as typed', () => {
    expect(unitLabel(t('cs'), 'pcs')).toBe('ks');
    expect(unitLabel(t('en'), 'pcs')).toBe('pcs');
    expect(unitLabel(t('cs'), 'bal.')).toBe('bal.');
    expect(quantityLabel(t('cs'), '1.5', 'pcs')).toBe('1,5 ks');
    for (const lang of ['cs', 'sk', 'en']) for (const u of BUILT_IN_UNITS) expect(i18n.exists(`warehouse.units.${u}`, { lng: lang }), `${lang} ${u}`).toBe(true);
  });
});

describe('a material record per unit', () => {
  it('divides the amount by the quantity, negative on a return', () => {
    expect(unitPriceMinor(378000, '2')).toBe(189000);
    expect(unitPriceMinor(-189000, '-1')).toBe(189000);
    expect(unitPriceMinor(null, '2')).toBeNull();
    expect(unitPriceMinor(100, '0')).toBeNull();
  });
});

describe('a refused stock minimum, on its field', () => {
  it('says the server\'s problem with the minimum, not only "some fields need fixing"', () => {
    const refusal = (code: string) => new ApiError(400, 'validation_failed', 'The request is not valid', [{ path: 'minimum', code, message: 'x' }]);
    expect(fieldRefusal(t('cs'), refusal('quantity_too_large'), 'minimum')).toBe('Množství je příliš velké (nejvýše 1 000 000).');
    expect(fieldRefusal(t('cs'), refusal('not_whole_units'), 'minimum')).toBe('Tato položka se počítá na celé kusy: zadejte celé číslo.');
    expect(fieldRefusal(t('en'), refusal('not_whole_units'), 'minimum')).toBe('This item is counted in whole pieces: enter a whole number.');
    // Anything else keeps its headline.
    expect(fieldRefusal(t('cs'), new ApiError(403, 'forbidden', 'Forbidden'), 'minimum')).toBe(i18n.getFixedT('cs')('errors.forbidden'));
  });
});
