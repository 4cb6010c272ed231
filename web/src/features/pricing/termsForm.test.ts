// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Terms } from './api';
import { EMPTY_TERMS, formPath, fromTermsForm, toTermsForm } from './termsForm';

const standard: Terms = {
  ...EMPTY_TERMS,
  workRates: [{ workTypeId: 2, technicianLevel: null, hourlyRateMinor: 100000 }, { workTypeId: 2, technicianLevel: 7, hourlyRateMinor: 120050 }],
  surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
  minimumMinutes: [{ workTypeId: 2, minutes: 60 }],
  pricePerKmMinor: 1200,
  unitFeePrices: [{ feeId: 1, priceMinor: 30000 }],
  itemPrices: [{ itemId: 9, priceMinor: 189000 }],
};

describe('the version editor model', () => {
  it('shows amounts in major units and gives back the same terms', () => {
    const form = toTermsForm('2026-01-01', standard);
    expect(form.workRates[1]).toEqual({ workTypeId: '2', technicianLevel: '7', hourlyRateMinor: 1200.5 });
    expect(form.pricePerKmMinor).toBe(12);
    expect(form.travelRatePerHourMinor).toBe('');
    expect(form.businessHours.weekdays).toEqual(['1', '2', '3', '4', '5']);
    expect(form.itemPrices).toEqual([{ itemId: 9, priceMinor: 1890 }]);
    expect(fromTermsForm(form)).toEqual({ terms: standard, problems: null });
  });

  it('names the fields that are missing or not amounts', () => {
    const form = toTermsForm('2026-01-01', standard);
    form.workRates[0]!.hourlyRateMinor = '';
    form.unitFeePrices[0]!.feeId = null;
    form.zoneFees.push({ zoneId: '3', feeMinor: 10.005 });
    form.incrementMinutes = '';
    form.itemPrices.push({ itemId: null, priceMinor: 12.5 }, { itemId: 4, priceMinor: '' });
    expect(fromTermsForm(form).problems).toEqual({
      'workRates.0.hourlyRateMinor': 'required',
      'unitFeePrices.0.feeId': 'required',
      'zoneFees.0.feeMinor': 'amount',
      incrementMinutes: 'required',
      'itemPrices.1.itemId': 'required',
      'itemPrices.2.priceMinor': 'required',
    });
  });

  it('maps server paths to form fields', () => {
    expect(formPath('terms.workRates.0.hourlyRateMinor')).toBe('workRates.0.hourlyRateMinor');
    expect(formPath('terms.businessHours.weekdays.2')).toBe('businessHours.weekdays');
    expect(formPath('validFrom')).toBe('validFrom');
  });
});
