// @vitest-environment node
// The tickets texts live beside the feature and are merged into the common ones
// (src/i18n/index.ts): the same rules as src/i18n/i18n.test.ts apply to them.
import { describe, expect, it } from 'vitest';
import baseEn from '../../../i18n/en.json';
import { describeFeatureTexts, entries, type Tree } from '../../../i18n/feature-texts.testing';
import cs from './cs.json';
import en from './en.json';
import sk from './sk.json';

const reference = describeFeatureTexts('tickets', { cs, sk, en });

describe('tickets translations', () => {
  it('names every state and type of the default process, every SLA status and priority', () => {
    const states = ['new', 'open', 'in_progress', 'waiting_for_client', 'waiting_for_third_party', 'resolved', 'closed'];
    const types = ['incident', 'service_request', 'problem', 'change'];
    const sla = ['running', 'warning', 'breached', 'paused', 'met', 'none'];
    for (const s of states) expect(reference.has(`tickets.states.${s}`), s).toBe(true);
    for (const ty of types) expect(reference.has(`tickets.types.${ty}`), ty).toBe(true);
    for (const s of sla) expect(reference.has(`tickets.sla.status.${s}`), s).toBe(true);
    for (const p of ['P1', 'P2', 'P3', 'P4']) expect(reference.has(`tickets.priorities.${p}`), p).toBe(true);
  });

  it('translates the error codes of the tickets API (here or in the common texts)', () => {
    const common = new Set(entries(baseEn as Tree).map(([k]) => k));
    const codes = ['transition_not_allowed', 'attachment_too_large', 'unknown_reference', 'queue_not_allowed', 'invalid_choice', 'invalid_custom_field', 'not_allowed', 'unknown_dimension_value'];
    for (const code of codes) expect(reference.has(`errors.${code}`) || common.has(`errors.${code}`), code).toBe(true);
  });
});
