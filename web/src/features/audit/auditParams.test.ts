// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditFiltersFrom, isIdText } from './auditParams';

describe('auditFiltersFrom', () => {
  it('keeps valid filters and leaves out, by name, values that cannot be them', () => {
    const { filters, ignored } = auditFiltersFrom(new URLSearchParams('entity=record&action=approve&from=2026-13-45&to=2026-02-30&entityId=abc&actorUserId=7'));
    expect(filters).toEqual({ entity: 'record', action: 'approve', entityId: '', actorUserId: '7', from: '', to: '' });
    expect(ignored).toEqual(['entityId', 'from', 'to']);
  });

  it('takes only positive whole numbers as ids', () => {
    expect(['7', '123456789012345', '0', '-5', 'abc', '1.5', '1234567890123456'].map(isIdText)).toEqual([true, true, false, false, false, false, false]);
    expect(auditFiltersFrom(new URLSearchParams('entityId=-5&actorUserId=0')).ignored).toEqual(['entityId', 'actorUserId']);
  });

  it('takes real dates and nothing given as no filter', () => {
    expect(auditFiltersFrom(new URLSearchParams('from=2026-02-28&to=2024-02-29'))).toEqual({
      filters: { entity: '', entityId: '', actorUserId: '', action: '', from: '2026-02-28', to: '2024-02-29' },
      ignored: [],
    });
  });
});
