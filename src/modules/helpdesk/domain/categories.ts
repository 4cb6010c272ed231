/**
 * Categories form a tree; each keeps its full path ("Hardware / Printers") for
 * display and sorting, so a rename or a move rewrites the paths of the subtree.
 */
export const PATH_SEPARATOR = ' / ';

export interface CategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
}

export function categoryPath(parentPath: string | null, name: string): string {
  return parentPath === null ? name : `${parentPath}${PATH_SEPARATOR}${name}`;
}

/** Whether hanging `id` under `newParentId` would put it under itself. */
export function wouldCycle(nodes: readonly CategoryNode[], id: number, newParentId: number | null): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  let at = newParentId;
  for (let steps = 0; at !== null && steps <= nodes.length; steps++) {
    if (at === id) return true;
    at = parentOf.get(at) ?? null;
  }
  return false;
}

/**
 * The nodes whose path changes after `id` gets `name` under `parentId`, with
 * their new paths (the node itself first, then its descendants).
 */
export function rewrittenPaths(nodes: readonly CategoryNode[], id: number, parentId: number | null, name: string): { id: number; path: string }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<number, CategoryNode[]>();
  for (const n of nodes) {
    if (n.parentId !== null && n.id !== id) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  }
  const parentPath = parentId === null ? null : (byId.get(parentId)?.path ?? null);
  const out: { id: number; path: string }[] = [];
  const visit = (nodeId: number, path: string): void => {
    if (byId.get(nodeId)?.path !== path) out.push({ id: nodeId, path });
    for (const child of children.get(nodeId) ?? []) visit(child.id, categoryPath(path, child.name));
  };
  visit(id, categoryPath(parentPath, name));
  return out;
}
