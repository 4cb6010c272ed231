// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type TicketFilters } from './filters';
import { activeView, filtersOfView, viewFiltersOf, type SavedView } from './savedViews';

const f = (over: Partial<TicketFilters> = {}): TicketFilters => ({ ...DEFAULT_FILTERS, ...over });
const view = (id: number, filters: SavedView['filters']): SavedView => ({ id, name: `v${id}`, filters, shared: false, mine: true, editable: true, createdAt: '', updatedAt: '' });

describe('saved views', () => {
  it('saves the list query the API runs, and reads it back to the same list', () => {
    const current = f({ view: 'mine', priority: ['P1', 'P2'], queueId: 3, q: 'tiskárna', sort: 'priority' });
    const saved = viewFiltersOf(current);
    expect(saved).toEqual({ view: 'mine', priority: 'P1,P2', queueId: 3, q: 'tiskárna', sort: 'priority' });
    expect(filtersOfView(saved)).toEqual({ filters: current, unsupported: [] });
  });

  it('stores "all open" as view=all with the open categories, and every state as view=all alone', () => {
    expect(viewFiltersOf(f())).toEqual({ view: 'all', stateCategory: 'new,open,waiting', sort: 'sla' });
    expect(filtersOfView(viewFiltersOf(f())).filters).toEqual(f());
    expect(filtersOfView({ view: 'all' }).filters.stateCategory).toEqual(['new', 'open', 'waiting', 'resolved', 'closed']);
    expect(filtersOfView({ view: 'all', stateCategory: 'resolved' }).filters.stateCategory).toEqual(['resolved']);
  });

  it('names saved filters the list has no control for', () => {
    expect(filtersOfView({ stateCode: 'in_progress', sort: 'priority', limit: 100 }).unsupported).toEqual(['stateCode']);
  });

  it('shows views saved with SLA status, team, category and custom field filters (e.g. over the API)', () => {
    const saved = { view: 'all', stateCategory: 'new,open,waiting', slaStatus: 'breached', teamId: 2, categoryId: 4, custom: 'asset:INV-10%', sort: 'sla' };
    const read = filtersOfView(saved);
    expect(read.unsupported).toEqual([]);
    expect(read.filters).toEqual(f({ slaStatus: 'breached', teamId: 2, categoryId: 4, custom: 'asset:INV-10%' }));
    expect(viewFiltersOf(read.filters)).toEqual(saved);
  });

  it('saves several dimension filters as one comma-separated list and restores them, in any order they were saved', () => {
    const current = f({ dimensions: ['cost_centre:brno', 'service:printing'] });
    const saved = viewFiltersOf(current);
    expect(saved).toMatchObject({ dimension: 'cost_centre:brno,service:printing' });
    expect(filtersOfView(saved)).toEqual({ filters: current, unsupported: [] });
    // Saved over the API in another order: the same list, so the menu shows it as the current view.
    const apiView = view(4, { ...saved, dimension: 'service:printing,cost_centre:brno' });
    expect(filtersOfView(apiView.filters).filters.dimensions).toEqual(['cost_centre:brno', 'service:printing']);
    expect(activeView([apiView], current)?.id).toBe(4);
    expect(activeView([apiView], f({ dimensions: ['service:printing'] }))).toBeNull();
  });

  it('knows which saved view the list shows', () => {
    const views = [view(1, { view: 'unassigned', sort: 'sla' }), view(2, { view: 'mine', priority: 'P1', sort: 'sla' }), view(3, { stateCode: 'in_progress' })];
    expect(activeView(views, f({ view: 'mine', priority: ['P1'] }))?.id).toBe(2);
    expect(activeView(views, f({ view: 'mine' }))).toBeNull();
  });
});
