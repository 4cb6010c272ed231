// @vitest-environment node
// The contracts texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeDateRefusals } from '../../../i18n/date-refusals.testing';
import { describeFeatureTexts } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

describeFeatureTexts('contracts', { cs, sk, en });


// Counted texts use i18next plurals: every language needs the forms its plural rules
// ask for, and the rendered text must carry the number (the reviewer saw a raw
// "{{n}}" because the text and the call named the count differently).
const PLURAL_TEXTS = ['contracts.usage.counted', 'contracts.carryOverOn'] as const;

describe('contracts plural texts', () => {
  const texts = { cs, sk, en };
  const i18n = i18next.createInstance();
  void i18n.init({ lng: 'en', resources: Object.fromEntries(Object.entries(texts).map(([lng, t]) => [lng, { translation: t }])), interpolation: { escapeValue: false } });

  it.each(Object.keys(texts))('%s has every plural form its language needs and renders the number', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const key of PLURAL_TEXTS) {
      for (const category of categories) expect(i18n.exists(`${key}_${category}`, { lng }), `${key}_${category}`).toBe(true);
      for (const count of [1, 2, 5, 21]) {
        const text = i18n.t(key, { lng, count, states: 'x', cap: '5 h' });
        expect(text).not.toMatch(/\{\{|\}\}|\(s\)|\(ch\)|\(í\)/);
        expect(text).toContain(String(count));
      }
    }
  });

  it('picks the grammatical form by count', () => {
    expect(i18n.t('contracts.carryOverOn', { lng: 'cs', count: 2, cap: '5 h' })).toContain('2 následující období');
    expect(i18n.t('contracts.carryOverOn', { lng: 'cs', count: 5, cap: '5 h' })).toContain('5 následujících období');
    expect(i18n.t('contracts.usage.counted', { lng: 'sk', count: 3, states: 'x' })).toContain('3 pokryté záznamy');
    expect(i18n.t('contracts.usage.counted', { lng: 'en', count: 1, states: 'x' })).toContain('1 covered work record in');
  });
});

// The contract page shows the prepaid figures in hours (“3 h 30 min”): its headings name hours too.
describe('contracts prepaid headings', () => {
  it.each([
    ['cs', 'Předplacené hodiny v aktuálním období', 'Kniha předplacených hodin'],
    ['sk', 'Predplatené hodiny v aktuálnom období', 'Kniha predplatených hodín'],
    ['en', 'Prepaid hours in the current period', 'Prepaid hours ledger'],
  ] as const)('%s speaks of hours, not minutes', (lng, usage, ledger) => {
    const texts = { cs, sk, en }[lng].contracts;
    expect(texts.usage.title).toBe(usage);
    expect(texts.ledger.title).toBe(ledger);
  });
});

describeDateRefusals('contracts', { invalid_date: ['validFrom', 'validTo', 'querystring.validOn'], invalid_period: ['querystring.period'] });
