// @vitest-environment node
// The records texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describe, expect, it } from 'vitest';
import baseEn from '../../../i18n/en.json';
import ticketsEn from '../../tickets/i18n/en.json';
import { detailMessage } from '../../../app/api/errors';
import i18n from '../../../i18n';
import { describeDateRefusals } from '../../../i18n/date-refusals.testing';
import { describeFeatureTexts, entries, type Tree } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

const reference = describeFeatureTexts('records', { cs, sk, en });

describe('records texts cover the API', () => {
  const common = new Set(entries(baseEn as Tree).map(([k]) => k));
  const known = (key: string) => reference.has(key) || common.has(key) || new Set(entries(ticketsEn as Tree).map(([k]) => k)).has(key);

  it('names every state, kind, time class and "no price" reason', () => {
    for (const s of ['draft', 'submitted', 'approved', 'billed']) expect(reference.has(`records.states.${s}`), s).toBe(true);
    for (const k of ['work', 'travel', 'fee', 'material']) expect(reference.has(`records.kinds.${k}`), k).toBe(true);
    for (const c of ['normal', 'out_of_hours', 'weekend_holiday']) expect(reference.has(`records.timeClasses.${c}`), c).toBe(true);
    const reasons = ['missing_input', 'no_fee_price', 'no_item_price', 'no_km_price', 'no_price_list', 'no_rate', 'no_version_on_date', 'unknown_reference'];
    for (const r of reasons) expect(reference.has(`records.noPriceReasons.${r}`), r).toBe(true);
  });

  it('translates the error codes of the records API', () => {
    const codes = [
      'record_locked', 'record_approved', 'not_own_record', 'invalid_state', 'timer_running', 'no_timer', 'timer_changed', 'approval_refused',
      'not_submitted', 'already_approved', 'not_applicable', 'start_required', 'invalid_range', 'minutes_mismatch', 'minutes_not_positive',
      'invalid_minutes', 'date_in_future', 'date_too_early', 'invalid_decimal', 'too_large', 'material_record', 'not_allowed', 'unknown_reference', 'end_before_start',
    ];
    for (const code of codes) expect(known(`errors.${code}`), code).toBe(true);
  });

  it('an end time equal to the start is said as such on its field; any other invalid_range is an end before the start', () => {
    for (const lang of ['cs', 'sk', 'en'] as const) {
      const t = i18n.getFixedT(lang);
      const sameTime = detailMessage(t, { path: 'endTime', code: 'invalid_range', message: 'The end time equals the start time' });
      expect(sameTime, lang).toBe(t('fieldErrors.endTime.invalid_range'));
      expect(detailMessage(t, { path: 'querystring.to', code: 'invalid_range', message: 'to 2026-09-01 is before from 2026-10-01' }), lang).not.toBe(sameTime);
    }
  });
});

describeDateRefusals('records', { invalid_date: ['date', 'querystring.from', 'querystring.to', 'querystring.start'], invalid_range: ['querystring.to'] });
