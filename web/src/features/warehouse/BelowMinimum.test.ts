// @vitest-environment node
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { belowMinimumText } from './BelowMinimum';

describe('what is below its minimum, in words', () => {
  it('counts items in each language, the capped count as "at least"', async () => {
    await i18n.changeLanguage('cs');
    const cs = i18n.t.bind(i18n);
    expect(belowMinimumText(cs, { count: 1, capped: false })).toBe('Pod minimem: 1 položka');
    expect(belowMinimumText(cs, { count: 3, capped: false })).toBe('Pod minimem: 3 položky');
    expect(belowMinimumText(cs, { count: 5, capped: false })).toBe('Pod minimem: 5 položek');
    expect(belowMinimumText(cs, { count: 10_000, capped: true }).replace(/\s/g, ' ')).toBe('Pod minimem: 10 000+ položek');
    await i18n.changeLanguage('sk');
    expect(belowMinimumText(i18n.t.bind(i18n), { count: 5, capped: false })).toBe('Pod minimom: 5 položiek');
    await i18n.changeLanguage('en');
    expect(belowMinimumText(i18n.t.bind(i18n), { count: 1, capped: false })).toBe('Below minimum: 1 item');
    expect(belowMinimumText(i18n.t.bind(i18n), { count: 2, capped: false })).toBe('Below minimum: 2 items');
  });
});
