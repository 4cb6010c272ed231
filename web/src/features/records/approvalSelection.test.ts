// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { approvableSelection } from './approvalSelection';

describe('the records a bulk approval sends', () => {
  it('are the ticked ones the list still shows as submitted', () => {
    const ticked = new Set([1, 2, 3, 4]);
    // 2 was returned by another approver meanwhile (the reloaded list shows it as a draft), 4 is no longer listed.
    const reloaded = [{ id: 1, state: 'submitted' }, { id: 2, state: 'draft' }, { id: 3, state: 'submitted' }, { id: 5, state: 'submitted' }];
    expect(approvableSelection(reloaded, ticked)).toEqual([1, 3]);
    expect(approvableSelection(reloaded, new Set())).toEqual([]);
  });
});
