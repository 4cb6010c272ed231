// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bookkeepingLast, diffSnapshots, isBookkeeping } from './diff';

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
    expect(rows.find((r) => r.path === 'address.city')?.parts).toEqual(['address', 'city']);
  });

  it('treats a null address as a value', () => {
    const rows = diffSnapshots({ billingAddress: null }, { billingAddress: { city: 'Brno' } });
    expect(rows.map((r) => [r.path, r.kind])).toEqual([
      ['billingAddress', 'removed'],
      ['billingAddress.city', 'added'],
    ]);
  });

  it('compares lists of lines line by line, and keeps lists of values and recorded references whole', () => {
    const rows = diffSnapshots(
      { lines: [{ itemId: 7, quantity: '2' }], members: [2, 3], assignee: null },
      { lines: [{ itemId: 7, quantity: '3' }, { itemId: 9, quantity: '1' }], members: [2, 4], assignee: { id: 17, name: 'Jana' } },
    );
    expect(rows.map((r) => [r.path, r.parts, r.kind])).toEqual([
      ['lines.0.itemId', ['lines', 0, 'itemId'], 'same'],
      ['lines.0.quantity', ['lines', 0, 'quantity'], 'changed'],
      ['members', ['members'], 'changed'],
      ['assignee', ['assignee'], 'changed'],
      ['lines.1.itemId', ['lines', 1, 'itemId'], 'added'],
      ['lines.1.quantity', ['lines', 1, 'quantity'], 'added'],
    ]);
    expect(rows.find((r) => r.path === 'assignee')?.after).toEqual({ id: 17, name: 'Jana' });
    // A whole snapshot with an id and a name is the record itself, not a reference.
    expect(diffSnapshots(null, { id: 3, name: 'Fronta' }).map((r) => r.path)).toEqual(['id', 'name']);
  });
  it("puts the record's bookkeeping (last change, version) after what the change was about", () => {
    const rows = diffSnapshots({ version: 1, updatedAt: 'a', name: 'A', lines: [{ version: 1 }] }, { version: 2, updatedAt: 'b', name: 'B', lines: [{ version: 2 }] });
    expect(rows.filter(isBookkeeping).map((r) => r.path)).toEqual(['version', 'updatedAt']);
    // Only the record's own: a line's version is part of what changed.
    expect(bookkeepingLast(rows).map((r) => r.path)).toEqual(['name', 'lines.0.version', 'version', 'updatedAt']);
  });
});
