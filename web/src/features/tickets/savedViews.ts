// Saved views ⇄ the ticket list's filters. A saved view holds the query of GET /tickets
// (what the API and other clients run), so the list's own "all open" view is stored as
// view=all with the open categories, and read back the same way. Filters the list has no
// control for (e.g. stateCode saved over the API) are named, never dropped silently.
import { STATE_CATEGORIES, type StateCategory } from './types';
import { filtersToParams, filtersToQuery, parseFilters, type TicketFilters } from './filters';

export type ViewFilters = Record<string, string | number>;

export interface SavedView {
  id: number;
  name: string;
  filters: ViewFilters;
  shared: boolean;
  mine: boolean;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Keys of a saved view that the list shows (and `limit`, which changes paging only). */
const LIST_KEYS = new Set([
  'view', 'q', 'queueId', 'stateCategory', 'priority', 'typeCode', 'assigneeId', 'teamId', 'clientId', 'categoryId', 'slaStatus', 'tag', 'dimension', 'custom', 'sort', 'limit',
]);
const OPEN_CATEGORIES: StateCategory[] = ['new', 'open', 'waiting'];

/** The filters to save for what the list shows now. */
export function viewFiltersOf(f: TicketFilters): ViewFilters {
  return Object.fromEntries(Object.entries(filtersToQuery(f)).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
}

/** The list's filters for a saved view, and the saved filters the list cannot show. */
export function filtersOfView(saved: ViewFilters): { filters: TicketFilters; unsupported: string[] } {
  const params = new URLSearchParams(Object.entries(saved).map(([k, v]): [string, string] => [k, String(v)]));
  const filters = parseFilters(params);
  const apiView = String(saved.view ?? 'all');
  if (apiView === 'all') {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    // "All open" is the list's default; view=all without categories means every state.
    if (same(filters.stateCategory, OPEN_CATEGORIES)) filters.stateCategory = [];
    else if (saved.stateCategory === undefined) filters.stateCategory = [...STATE_CATEGORIES];
  }
  return { filters, unsupported: Object.keys(saved).filter((k) => !LIST_KEYS.has(k)) };
}

/** Whether two sets of list filters show the same list. */
export function sameFilters(a: TicketFilters, b: TicketFilters): boolean {
  return filtersToParams(a).toString() === filtersToParams(b).toString();
}

/** The saved view the list shows right now, if any. */
export function activeView(views: readonly SavedView[], current: TicketFilters): SavedView | null {
  return views.find((v) => { const r = filtersOfView(v.filters); return r.unsupported.length === 0 && sameFilters(r.filters, current); }) ?? null;
}
