// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';

describe('audit diff', () => {
  it('compares nested snapshots by dotted path', () => {
    const rows = diffSnapshots(
      { name: 'A', address: { city: 'Brno', street: 'X' }, notes: null, version: 1 },
      { name: 'A', address: { city: 'Praha', street: 'X' }, phone: '+420', version: 2 },
    );
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r.kind]));
    expect(byPath).toEqual({
      name: 'same',
      'address.city': 'changed',
      'address.street': 'same',
      notes: 'removed',
      version: 'changed',
      phone: 'added',
    });
  });

  it('treats a null address as a value', () => {
    const rows = diffSnapshots({ billingAddress: null }, { billingAddress: { city: 'Brno' } });
    expect(rows.map((r) => [r.path, r.kind])).toEqual([
      ['billingAddress', 'removed'],
      ['billingAddress.city', 'added'],
    ]);
  });
});
