// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { feeOptionLabel, feeQuantityText, unitRepeatsName } from './feeWording';

const callOut = { name: 'Výjezd', unit: 'visit' };
const feeNamedOtherwise = { name: 'Výjezdní poplatek', unit: 'visit' };
const ownUnit = { name: 'Měření', unit: 'měření' };

describe('a fee named after its unit does not say it twice', () => {
  afterAll(() => i18n.changeLanguage('cs'));

  it('Czech: "Výjezd × 1" and "Výjezd" in the picker; other names keep their unit', async () => {
    await i18n.changeLanguage('cs');
    const t = i18n.t.bind(i18n);
    expect(unitRepeatsName(t, callOut, 'cs-CZ')).toBe(true);
    expect(feeQuantityText(t, callOut, '1', 'cs-CZ')).toBe('Výjezd × 1');
    expect(feeQuantityText(t, callOut, '1.5', 'cs-CZ')).toBe('Výjezd × 1,5');
    expect(feeOptionLabel(t, callOut, 'cs-CZ')).toBe('Výjezd');
    expect(feeQuantityText(t, feeNamedOtherwise, '2', 'cs-CZ')).toBe('Výjezdní poplatek × 2 výjezd');
    expect(feeOptionLabel(t, feeNamedOtherwise, 'cs-CZ')).toBe('Výjezdní poplatek · za výjezd');
    // A unit typed by the user, not a built-in code, compares the same way.
    expect(feeQuantityText(t, ownUnit, '3', 'cs-CZ')).toBe('Měření × 3');
    expect(feeOptionLabel(t, { name: 'Měření', unit: 'bod' }, 'cs-CZ')).toBe('Měření · za bod');
  });

  it('Slovak and English read the same way', async () => {
    await i18n.changeLanguage('sk');
    let t = i18n.t.bind(i18n);
    expect(feeQuantityText(t, { name: 'Výjazd', unit: 'visit' }, '1', 'sk-SK')).toBe('Výjazd × 1');
    expect(feeOptionLabel(t, { name: 'Výjazd', unit: 'visit' }, 'sk-SK')).toBe('Výjazd');
    expect(feeOptionLabel(t, { name: 'Výjazdový poplatok', unit: 'visit' }, 'sk-SK')).toBe('Výjazdový poplatok · za výjazd');
    await i18n.changeLanguage('en');
    t = i18n.t.bind(i18n);
    expect(feeQuantityText(t, { name: 'Visit', unit: 'visit' }, '1', 'en-GB')).toBe('Visit × 1');
    expect(feeOptionLabel(t, { name: 'Visit', unit: 'visit' }, 'en-GB')).toBe('Visit');
    // The Czech demo name in the English screens: the unit says something the name does not.
    expect(feeQuantityText(t, callOut, '1', 'en-GB')).toBe('Výjezd × 1 visit');
    expect(feeOptionLabel(t, callOut, 'en-GB')).toBe('Výjezd · per visit');
    expect(feeOptionLabel(t, { name: 'Call-out fee', unit: 'visit' }, 'en-GB')).toBe('Call-out fee · per visit');
  });
});
