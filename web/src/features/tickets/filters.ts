// The ticket list's view, filters, search and sort ⇄ the URL query (so a view can be
// bookmarked and shared) ⇄ the API query of GET /tickets. Pure; unknown or malformed
// URL values are dropped rather than sent to the server.
import type { Query } from '../../app/api/client';
import { PRIORITIES, STATE_CATEGORIES, type Priority, type StateCategory } from './api';

/** 'open' is "all open tickets": the server's view=all limited to new, open and waiting. */
export const VIEWS = ['open', 'mine', 'my_teams', 'unassigned', 'breaching_soon'] as const;
export type View = (typeof VIEWS)[number];

export const SORTS = ['sla', 'priority', '-created', 'created', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

export interface TicketFilters {
  view: View;
  q: string;
  queueId: number | null;
  stateCategory: StateCategory[];
  priority: Priority[];
  typeCode: string | null;
  assigneeId: number | null;
  clientId: number | null;
  tag: string | null;
  /** dimension code:value code */
  dimension: string | null;
  sort: Sort;
}

export const DEFAULT_FILTERS: TicketFilters = {
  view: 'open',
  q: '',
  queueId: null,
  stateCategory: [],
  priority: [],
  typeCode: null,
  assigneeId: null,
  clientId: null,
  tag: null,
  dimension: null,
  sort: 'sla',
};

const ACTIVE_CATEGORIES: StateCategory[] = ['new', 'open', 'waiting'];

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

function listOf<T extends string>(list: readonly T[], value: string | null): T[] {
  const picked = new Set((value ?? '').split(',').map((v) => v.trim()));
  return list.filter((v) => picked.has(v));
}

function positiveId(value: string | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** The ticket id of a /tickets/:id address; null for anything else (/tickets/abc is "not found", never a call with NaN). */
export function ticketIdFrom(param: string | undefined): number | null {
  return positiveId(param ?? null);
}

function text(value: string | null, max: number, pattern?: RegExp): string | null {
  const v = value?.trim() ?? '';
  if (!v || v.length > max || (pattern && !pattern.test(v))) return null;
  return v;
}

export function parseFilters(params: URLSearchParams): TicketFilters {
  return {
    view: oneOf(VIEWS, params.get('view')) ?? DEFAULT_FILTERS.view,
    q: (params.get('q') ?? '').trim().slice(0, 200),
    queueId: positiveId(params.get('queueId')),
    stateCategory: listOf(STATE_CATEGORIES, params.get('stateCategory')),
    priority: listOf(PRIORITIES, params.get('priority')),
    typeCode: text(params.get('typeCode'), 50, /^[a-z][a-z0-9_]*$/),
    assigneeId: positiveId(params.get('assigneeId')),
    clientId: positiveId(params.get('clientId')),
    tag: text(params.get('tag'), 40),
    dimension: text(params.get('dimension'), 101, /^[\w-]+:[\w-]+$/),
    sort: oneOf(SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
  };
}

/** The URL query for filters: defaults left out, in a fixed order. */
export function filtersToParams(f: TicketFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view !== DEFAULT_FILTERS.view) p.set('view', f.view);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.queueId) p.set('queueId', String(f.queueId));
  if (f.stateCategory.length) p.set('stateCategory', f.stateCategory.join(','));
  if (f.priority.length) p.set('priority', f.priority.join(','));
  if (f.typeCode) p.set('typeCode', f.typeCode);
  if (f.assigneeId) p.set('assigneeId', String(f.assigneeId));
  if (f.clientId) p.set('clientId', String(f.clientId));
  if (f.tag) p.set('tag', f.tag);
  if (f.dimension) p.set('dimension', f.dimension);
  if (f.sort !== DEFAULT_FILTERS.sort) p.set('sort', f.sort);
  return p;
}

/** The query of GET /tickets (without paging). */
export function filtersToQuery(f: TicketFilters): Query {
  const stateCategory = f.stateCategory.length ? f.stateCategory : f.view === 'open' ? ACTIVE_CATEGORIES : [];
  return {
    view: f.view === 'open' ? 'all' : f.view,
    q: f.q.trim() || undefined,
    queueId: f.queueId ?? undefined,
    stateCategory: stateCategory.length ? stateCategory.join(',') : undefined,
    priority: f.priority.length ? f.priority.join(',') : undefined,
    typeCode: f.typeCode ?? undefined,
    assigneeId: f.assigneeId ?? undefined,
    clientId: f.clientId ?? undefined,
    tag: f.tag ?? undefined,
    dimension: f.dimension ?? undefined,
    sort: f.sort,
  };
}

/** How many filters (beyond view, search and sort) are set: the badge on the filter button. */
export function activeFilterCount(f: TicketFilters): number {
  return [f.queueId, f.typeCode, f.assigneeId, f.clientId, f.tag, f.dimension].filter((v) => v !== null).length
    + (f.stateCategory.length ? 1 : 0)
    + (f.priority.length ? 1 : 0);
}

export function clearFilters(f: TicketFilters): TicketFilters {
  return { ...DEFAULT_FILTERS, view: f.view, q: f.q, sort: f.sort };
}
