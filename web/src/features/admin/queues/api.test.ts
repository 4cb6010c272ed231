import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api/client';
import { escalatingPolicyNames } from './api';

describe('escalatingPolicyNames', () => {
  it('names the SLA policies that keep a queue from being deactivated', () => {
    const refused = new ApiError(409, 'queue_is_escalation_target', 'The queue is the escalation queue of SLA policy "Standardní"', [], {
      policies: [{ id: 1, name: 'Standardní' }, { id: 4, name: 'Standardní SK' }],
    });
    expect(escalatingPolicyNames(refused)).toEqual(['Standardní', 'Standardní SK']);
  });

  it('is null for any other error', () => {
    expect(escalatingPolicyNames(new ApiError(409, 'duplicate', 'A queue named "X" already exists'))).toBeNull();
    expect(escalatingPolicyNames(new Error('network'))).toBeNull();
  });
});
