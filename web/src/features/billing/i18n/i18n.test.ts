// @vitest-environment node
// The billing texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describe, expect, it } from 'vitest';
import { describeFeatureTexts } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

const reference = describeFeatureTexts('billing', { cs, sk, en });

describe('billing translations', () => {
  it('names every invoice status, line kind, outcome, grouping and special profitability key, and the error codes of its APIs', () => {
    for (const s of ['draft', 'issued', 'sent', 'overdue', 'paid', 'credited']) expect(reference.has(`billing.status.${s}`), s).toBe(true);
    for (const k of ['work', 'travel', 'unit_fee', 'item', 'contract_fee', 'overage', 'manual']) expect(reference.has(`billing.lineKinds.${k}`), k).toBe(true);
    for (const o of ['covered', 'partly_covered', 'billed']) expect(reference.has(`billing.workReport.outcomes.${o}`), o).toBe(true);
    for (const g of ['contract', 'client', 'technician', 'work_type']) {
      expect(reference.has(`billing.profit.groups.${g}`), g).toBe(true);
      expect(reference.has(`billing.profit.special.none_${g}`), g).toBe(true);
    }
    for (const k of ['travel', 'unit_fee', 'material', 'contract_fee', 'other']) expect(reference.has(`billing.profit.special.${k}`), k).toBe(true);
    for (const c of ['field_scope', 'invalid_period', 'period_kind_mismatch', 'range_too_long', 'draft_blocked', 'already_issued', 'nothing_left_to_credit', 'exceeds_amount_due', 'run_in_progress', 'overage_split_unknown', 'buyer_address_missing']) {
      expect(reference.has(`errors.${c}`), c).toBe(true);
    }
  });
});
