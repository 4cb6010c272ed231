// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keepStep } from './useFormDraft';

describe('keeping a form draft as the user types', () => {
  it('keeps what is worth keeping and forgets an emptied form', () => {
    expect(keepStep(null, true)).toEqual({ store: 'values', notice: null });
    expect(keepStep(null, false)).toEqual({ store: 'forget', notice: null });
  });

  it('says "restored" while the restored form holds something, and stops once it is emptied', () => {
    expect(keepStep('restored', true)).toEqual({ store: 'values', notice: 'restored' });
    expect(keepStep('restored', false)).toEqual({ store: 'forget', notice: null });
  });

  it('leaves a stale draft and its notice until the user changes the record as it is now', () => {
    expect(keepStep('stale', false)).toEqual({ store: 'leave', notice: 'stale' });
    expect(keepStep('stale', true)).toEqual({ store: 'values', notice: null });
  });
});
