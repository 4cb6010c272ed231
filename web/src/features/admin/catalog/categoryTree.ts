// The category tree as the page shows it: rows in path order with their depth,
// and the parents a category may move under (not itself nor its subtree).
import type { Category } from './api';

export interface TreeRow {
  category: Category;
  depth: number;
  hasChildren: boolean;
}

/** Depth-first rows, children sorted by name; orphans (parent not listed) become roots. */
export function treeRows(categories: readonly Category[]): TreeRow[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<number | null, Category[]>();
  for (const c of categories) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const rows: TreeRow[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push({ category: c, depth, hasChildren: (children.get(c.id) ?? []).length > 0 });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The ids of a category's subtree, itself included. */
export function subtreeIds(categories: readonly Category[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Where a category may move: every category outside its subtree (by path). */
export function moveTargets(categories: readonly Category[], id: number): Category[] {
  const blocked = subtreeIds(categories, id);
  return categories.filter((c) => !blocked.has(c.id)).sort((a, b) => a.path.localeCompare(b.path));
}

/** Active descendants that a deactivation leaves under an inactive parent. */
export function activeDescendants(categories: readonly Category[], id: number): Category[] {
  const sub = subtreeIds(categories, id);
  return categories.filter((c) => c.id !== id && sub.has(c.id) && c.active);
}
