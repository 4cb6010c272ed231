import { describe, expect, it } from 'vitest';
import type { Category } from './api';
import { activeDescendants, moveTargets, subtreeIds, treeRows } from './categoryTree';

const cat = (id: number, parentId: number | null, name: string, path: string, active = true): Category => ({ id, parentId, name, path, active, createdAt: '', updatedAt: '' });
const all = [
  cat(1, null, 'Hardware', 'Hardware'),
  cat(2, 1, 'Tiskárny', 'Hardware / Tiskárny'),
  cat(3, 2, 'Laserové', 'Hardware / Tiskárny / Laserové', false),
  cat(4, null, 'Software', 'Software'),
  cat(5, 1, 'Notebooky', 'Hardware / Notebooky'),
  cat(6, 99, 'Sirotek', 'X / Sirotek'),
];

describe('category tree', () => {
  it('lists depth-first with depth and children', () => {
    expect(treeRows(all).map((r) => `${'-'.repeat(r.depth)}${r.category.name}${r.hasChildren ? '+' : ''}`)).toEqual([
      'Hardware+', '-Notebooky', '-Tiskárny+', '--Laserové', 'Sirotek', 'Software',
    ]);
  });

  it('never offers the subtree as a new parent', () => {
    expect([...subtreeIds(all, 1)].sort()).toEqual([1, 2, 3, 5]);
    expect(moveTargets(all, 2).map((c) => c.id)).toEqual([1, 5, 4, 6]);
  });

  it('finds active descendants a deactivation would hide', () => {
    expect(activeDescendants(all, 1).map((c) => c.name)).toEqual(['Tiskárny', 'Notebooky']);
    expect(activeDescendants(all, 2)).toEqual([]);
  });
});
