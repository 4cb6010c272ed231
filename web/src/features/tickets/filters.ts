// The ticket list's view, filters, search and sort ⇄ the URL query (so a view can be
// bookmarked and shared) ⇄ the API query of GET /tickets. Pure; unknown or malformed
// URL values are dropped rather than sent to the server.
import type { Query } from '../../app/api/client';
import { recordIdFrom } from '../../app/components/recordId';
import { PRIORITIES, STATE_CATEGORIES, type Priority, type StateCategory } from './api';

/** 'open' is "all open tickets": the server's view=all limited to new, open and waiting. */
export const VIEWS = ['open', 'mine', 'my_teams', 'unassigned', 'breaching_soon'] as const;
export type View = (typeof VIEWS)[number];

export const SORTS = ['sla', 'priority', '-created', 'created', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

/** The SLA statuses a ticket can carry (the server's slaStatus filter). */
export const SLA_STATUSES = ['running', 'warning', 'paused', 'met', 'breached', 'none'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export interface TicketFilters {
  view: View;
  q: string;
  queueId: number | null;
  stateCategory: StateCategory[];
  priority: Priority[];
  typeCode: string | null;
  assigneeId: number | null;
  teamId: number | null;
  clientId: number | null;
  categoryId: number | null;
  slaStatus: SlaStatus | null;
  tag: string | null;
  /** Dimension values as dimensionCode:valueCode, sorted: every dimension named must match, values of one dimension are alternatives. */
  dimensions: string[];
  /** custom field key:value (the whole value, or one option of a multi-choice) */
  custom: string | null;
  sort: Sort;
}

/** A change of the list's filters: the fields to set, or a function of the filters as they are when it applies. */
export type FiltersPatch = Partial<TicketFilters> | ((current: TicketFilters) => Partial<TicketFilters>);

export const DEFAULT_FILTERS: TicketFilters = {
  view: 'open',
  q: '',
  queueId: null,
  stateCategory: [],
  priority: [],
  typeCode: null,
  assigneeId: null,
  teamId: null,
  clientId: null,
  categoryId: null,
  slaStatus: null,
  tag: null,
  dimensions: [],
  custom: null,
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

/** dimensionCode:valueCode of a dimension filter, as the server takes it. */
export const DIMENSION_PATTERN = /^[\w-]{1,50}:[\w-]{1,50}$/;
/** The most dimension values the server takes in one list query. */
export const MAX_DIMENSION_VALUES = 20;

/**
 * Dimension filters from the address: comma-separated (as the API takes them), the
 * parameter possibly repeated; malformed entries dropped, each value once, sorted so
 * that the same filters always make the same address (and match their saved view).
 */
export function dimensionsOf(texts: readonly string[]): string[] {
  const pairs = texts.flatMap((t) => t.split(',')).map((v) => v.trim()).filter((v) => DIMENSION_PATTERN.test(v));
  return [...new Set(pairs)].sort().slice(0, MAX_DIMENSION_VALUES);
}

/** The values chosen for one dimension (value codes). */
export function dimensionValues(dimensions: readonly string[], code: string): string[] {
  return dimensions.filter((d) => d.slice(0, d.indexOf(':')) === code).map((d) => d.slice(d.indexOf(':') + 1));
}

/** The dimension filters with `code`'s values replaced by `values` (none: that dimension no longer filters). */
export function withDimensionValues(dimensions: readonly string[], code: string, values: readonly string[]): string[] {
  return dimensionsOf([...dimensions.filter((d) => d.slice(0, d.indexOf(':')) !== code), ...values.map((v) => `${code}:${v}`)]);
}

/** The dimension codes the filters name, in order. */
export function filteredDimensionCodes(dimensions: readonly string[]): string[] {
  return [...new Set(dimensions.map((d) => d.slice(0, d.indexOf(':'))))];
}

/** A dimension as the filter panel offers it (GET /dimensions). */
interface OfferedDimension {
  code: string;
  name: string;
  active: boolean;
  values: readonly { code: string; name: string; active: boolean }[];
}

/** One control of the panel: a dimension, the values it offers and those chosen. */
export interface DimensionFilterControl {
  code: string;
  /** The dimension's name; its code when it is not offered (known: false). */
  label: string;
  known: boolean;
  options: { value: string; label: string }[];
  value: string[];
}

/**
 * The dimension controls of the filter panel: one per active dimension with its active
 * values. A dimension or value chosen but no longer offered (an old link or saved view, a
 * value made inactive) is shown by its code, so that it can be seen and cleared, never
 * filtering out of sight.
 */
export function dimensionFilterControls(offered: readonly OfferedDimension[], dimensions: readonly string[]): DimensionFilterControl[] {
  const controls = offered.filter((d) => d.active || dimensionValues(dimensions, d.code).length).map((d) => {
    const value = dimensionValues(dimensions, d.code);
    const options = d.values.filter((v) => v.active || value.includes(v.code)).map((v) => ({ value: v.code, label: v.name }));
    for (const v of value) if (!options.some((o) => o.value === v)) options.push({ value: v, label: v });
    return { code: d.code, label: d.name, known: true, options, value };
  });
  for (const code of filteredDimensionCodes(dimensions)) {
    if (controls.some((c) => c.code === code)) continue;
    const value = dimensionValues(dimensions, code);
    controls.push({ code, label: code, known: false, options: value.map((v) => ({ value: v, label: v })), value });
  }
  return controls;
}

/** key:value of a custom field filter, as the server takes it. */
export const CUSTOM_PATTERN = /^[\w-]{1,50}:.{1,200}$/;

/**
 * Whether the list offers the custom field filter: only when there is a field to pick
 * (an empty "Custom field: Any" with a disabled value box says nothing), or when the
 * address already filters by one (a link from before the field was removed), so the
 * filter shows and can be cleared. Hidden while the fields are loading (`undefined`).
 */
export function customFieldFilterShown(fieldCount: number | undefined, custom: string | null): boolean {
  return custom !== null || (fieldCount ?? 0) > 0;
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
    queueId: recordIdFrom(params.get('queueId')),
    stateCategory: listOf(STATE_CATEGORIES, params.get('stateCategory')),
    priority: listOf(PRIORITIES, params.get('priority')),
    typeCode: text(params.get('typeCode'), 50, /^[a-z][a-z0-9_]*$/),
    assigneeId: recordIdFrom(params.get('assigneeId')),
    teamId: recordIdFrom(params.get('teamId')),
    clientId: recordIdFrom(params.get('clientId')),
    categoryId: recordIdFrom(params.get('categoryId')),
    slaStatus: oneOf(SLA_STATUSES, params.get('slaStatus')),
    tag: text(params.get('tag'), 40),
    dimensions: dimensionsOf(params.getAll('dimension')),
    custom: text(params.get('custom'), 251, CUSTOM_PATTERN),
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
  if (f.teamId) p.set('teamId', String(f.teamId));
  if (f.clientId) p.set('clientId', String(f.clientId));
  if (f.categoryId) p.set('categoryId', String(f.categoryId));
  if (f.slaStatus) p.set('slaStatus', f.slaStatus);
  if (f.tag) p.set('tag', f.tag);
  if (f.dimensions.length) p.set('dimension', f.dimensions.join(','));
  if (f.custom) p.set('custom', f.custom);
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
    teamId: f.teamId ?? undefined,
    clientId: f.clientId ?? undefined,
    categoryId: f.categoryId ?? undefined,
    slaStatus: f.slaStatus ?? undefined,
    tag: f.tag ?? undefined,
    dimension: f.dimensions.length ? f.dimensions.join(',') : undefined,
    custom: f.custom ?? undefined,
    sort: f.sort,
  };
}

/** How many filters (beyond view, search and sort) are set: the badge on the filter button. */
export function activeFilterCount(f: TicketFilters): number {
  return [f.queueId, f.typeCode, f.assigneeId, f.teamId, f.clientId, f.categoryId, f.slaStatus, f.tag, f.custom].filter((v) => v !== null).length
    + (f.stateCategory.length ? 1 : 0)
    + (f.priority.length ? 1 : 0)
    // Each dimension is a filter of its own in the panel.
    + filteredDimensionCodes(f.dimensions).length;
}

export function clearFilters(f: TicketFilters): TicketFilters {
  return { ...DEFAULT_FILTERS, view: f.view, q: f.q, sort: f.sort };
}

/**
 * What to widen when nothing matched, so the empty list can offer it: a built-in view
 * other than "all open" gives way to all open tickets (filters kept); "all open" to every
 * state, as a ticket sought by its number or words is often resolved already. Null when
 * the list already looks at every state of every ticket.
 */
export function widerScope(f: TicketFilters): { scope: 'view' | 'states'; patch: Partial<TicketFilters> } | null {
  if (f.view !== 'open') return { scope: 'view', patch: { view: 'open' } };
  if (f.stateCategory.length < STATE_CATEGORIES.length) {
    return { scope: 'states', patch: { stateCategory: [...STATE_CATEGORIES] } };
  }
  return null;
}

/**
 * The queues the list's queue filter offers: those whose tickets the user's lists can
 * show (the server says which: all for managers, own queues for technicians), so that
 * no choice gives a silently empty list; a queue already chosen (an old link) stays, to be cleared.
 */
export function queueFilterOptions(queues: readonly { id: number; name: string; ticketsVisible: boolean }[], chosenId: number | null): { value: string; label: string }[] {
  return queues.filter((q) => q.ticketsVisible || q.id === chosenId).map((q) => ({ value: String(q.id), label: q.name }));
}

/**
 * The built-in view the view switcher highlights: "all open" only while the list shows
 * open states alone. A state filter reaching further (e.g. "search in every state" from
 * the empty list) shows more than that name says, so then none is highlighted (null).
 */
export function shownView(f: TicketFilters): View | null {
  if (f.view === 'open' && f.stateCategory.some((c) => !ACTIVE_CATEGORIES.includes(c))) return null;
  return f.view;
}

/** Picking a view in the switcher; "all open" also drops a state filter reaching beyond the open states, so that it shows what it says. */
export function chooseView(f: TicketFilters, view: View): Partial<TicketFilters> {
  return view === 'open' && shownView(f) === null ? { view, stateCategory: [] } : { view };
}
