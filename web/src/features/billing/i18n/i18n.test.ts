// @vitest-environment node
// The billing texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describe, expect, it } from 'vitest';
import baseEn from '../../../i18n/en.json';
import pricingEn from '../../pricing/i18n/en.json';
import recordsEn from '../../records/i18n/en.json';
import ticketsEn from '../../tickets/i18n/en.json';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
const files = { cs: cs as Tree, sk: sk as Tree, en: en as Tree };
const reference = new Map(entries(files.en));

describe('billing translations', () => {
  it.each(['cs', 'sk'] as const)('%s has exactly the keys of en, with the same {{placeholders}}', (lang) => {
    const own = new Map(entries(files[lang]));
    expect([...own.keys()].filter((k) => !reference.has(k))).toEqual([]);
    expect([...reference.keys()].filter((k) => !own.has(k))).toEqual([]);
    expect([...reference].filter(([k, v]) => placeholders(v) !== placeholders(own.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });

  it('has no empty texts and overrides no text of the common files or another feature', () => {
    const taken = new Set([baseEn, ticketsEn, recordsEn, pricingEn].flatMap((tree) => entries(tree as Tree).map(([k]) => k)));
    for (const [lang, tree] of Object.entries(files)) {
      expect(entries(tree).filter(([, v]) => v.trim() === '').map(([k]) => k), lang).toEqual([]);
      expect(entries(tree).filter(([k]) => taken.has(k)).map(([k]) => k), lang).toEqual([]);
    }
  });

  it('names every invoice status, line kind, outcome, grouping and special profitability key, and the error codes of its APIs', () => {
    for (const s of ['draft', 'issued', 'sent', 'overdue', 'paid', 'credited']) expect(reference.has(`billing.status.${s}`), s).toBe(true);
    for (const k of ['work', 'travel', 'unit_fee', 'item', 'contract_fee', 'overage', 'manual']) expect(reference.has(`billing.lineKinds.${k}`), k).toBe(true);
    for (const o of ['covered', 'partly_covered', 'billed']) expect(reference.has(`billing.workReport.outcomes.${o}`), o).toBe(true);
    for (const g of ['contract', 'client', 'technician', 'work_type']) {
      expect(reference.has(`billing.profit.groups.${g}`), g).toBe(true);
      expect(reference.has(`billing.profit.special.none_${g}`), g).toBe(true);
    }
    for (const k of ['travel', 'unit_fee', 'material', 'contract_fee', 'other']) expect(reference.has(`billing.profit.special.${k}`), k).toBe(true);
    for (const c of ['field_scope', 'invalid_period', 'period_kind_mismatch', 'range_too_long', 'draft_blocked', 'already_issued', 'nothing_left_to_credit', 'exceeds_amount_due', 'run_in_progress']) {
      expect(reference.has(`errors.${c}`), c).toBe(true);
    }
  });
});
