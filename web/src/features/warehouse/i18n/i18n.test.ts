// @vitest-environment node
// The warehouse texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../api';
import { KIND_PATHS } from '../model';
import { describeDateRefusals } from '../../../i18n/date-refusals.testing';
import { describeFeatureTexts, entries, type Tree } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

const reference = describeFeatureTexts('warehouse', { cs, sk, en });

describe('warehouse translations', () => {
  it('Czech and Slovak are not left in English', () => {
    for (const lang of ['cs', 'sk'] as const) {
      const own = new Map(entries({ cs, sk }[lang] as Tree));
      const same = [...reference].filter(([k, v]) => own.get(k) === v && /[a-z]{4,}/.test(v) && !/^(EAN|PDF|DPH|Minimum)$/.test(v)).map(([k]) => k);
      expect(same, lang).toEqual([]);
    }
  });
});

describe('warehouse texts cover the API', () => {
  it('names every document kind (one and many), state, warehouse kind and numbering series', () => {
    for (const k of DOCUMENT_KINDS) {
      expect(reference.has(`warehouse.kindsOne.${k}`), k).toBe(true);
      expect(reference.has(`warehouse.tabs.${KIND_PATHS[k]}`), k).toBe(true);
      for (const group of ['new', 'subtitle', 'empty', 'emptyText', 'confirmTitle']) expect(reference.has(`warehouse.documents.${group}.${k}`), `${group}.${k}`).toBe(true);
    }
    for (const s of ['draft', 'confirmed']) expect(reference.has(`warehouse.states.${s}`), s).toBe(true);
    for (const k of ['store', 'van']) expect(reference.has(`warehouse.kinds.${k}`), k).toBe(true);
    for (const d of ['invoice', 'credit_note', 'issue_slip', 'return_slip', 'receipt', 'transfer', 'stock_count']) expect(reference.has(`numbering.types.${d}`), d).toBe(true);
  });

  it('explains every numbering pattern problem, in the preview and from the server', () => {
    for (const p of ['empty', 'too_long', 'invalid_character', 'unknown_token', 'missing_sequence', 'multiple_sequences', 'missing_year', 'too_narrow']) {
      expect(reference.has(`numbering.problems.${p}`), p).toBe(true);
      expect(reference.has(`errors.pattern_${p}`), p).toBe(true);
    }
  });
});

describeDateRefusals('warehouse', { invalid_date: ['date'] });
