import { describe, expect, it } from 'vitest';
import { entityKind, fieldKind, rowId, snapshotReferences, stockMinimumIds } from './references.ts';

describe('what audit entries refer to', () => {
  it('finds ids at any depth, in lists and in lists of lines, under the field that holds them', () => {
    const refs = snapshotReferences(
      'stock_document',
      { warehouseId: 1, lines: [{ itemId: 7, quantity: '2' }, { itemId: 8, quantity: '1' }], ticketId: null },
      { warehouseId: 2, lines: [{ itemId: 7, quantity: '3' }], records: [{ recordId: 40 }] },
    );
    expect(refs).toEqual([
      { field: 'warehouseId', kind: 'warehouse', id: 1 },
      { field: 'itemId', kind: 'item', id: 7 },
      { field: 'itemId', kind: 'item', id: 8 },
      { field: 'warehouseId', kind: 'warehouse', id: 2 },
      { field: 'itemId', kind: 'item', id: 7 },
      { field: 'recordId', kind: 'record', id: 40 },
    ]);
    expect(snapshotReferences('queue', { members: [3, 4], leadUserId: 2 }, null)).toEqual([
      { field: 'members', kind: 'user', id: 3 },
      { field: 'members', kind: 'user', id: 4 },
      { field: 'leadUserId', kind: 'user', id: 2 },
    ]);
  });

  it('reads snake_case fields as their camelCase, and a parent as the entity\'s own kind', () => {
    expect(fieldKind('invoice', 'record_id')).toBe('record');
    expect(fieldKind('category', 'parentId')).toBe('category');
    expect(fieldKind('ticket', 'parentId')).toBe('ticket');
    expect(fieldKind('ticket', 'id')).toBeNull();
    expect(fieldKind('client', 'companyId')).toBeNull();
  });

  it('takes only whole positive numbers as ids, not codes, names or a recorded {id, name}', () => {
    expect(snapshotReferences('ticket', { assignee: { id: 5, name: 'Jana' }, queueId: 'x', clientId: 0, contractId: 2.5, teamId: '12', slaPolicyId: null })).toEqual([
      { field: 'teamId', kind: 'team', id: 12 },
    ]);
    expect([rowId('17'), rowId('017'), rowId('1:2'), rowId(-3), rowId(2 ** 60)]).toEqual([17, null, null, null, null]);
  });

  it('knows the kind of each entity\'s own id: a timer and technician settings are their user\'s', () => {
    expect(['invoice', 'timer', 'technician_settings', 'setting', 'mail_template', 'session'].map(entityKind)).toEqual(['invoice', 'user', 'user', null, null, null]);
    expect(stockMinimumIds('3:15')).toEqual({ warehouseId: 3, itemId: 15 });
    expect(stockMinimumIds('3')).toBeNull();
    expect(stockMinimumIds(null)).toBeNull();
  });
});
