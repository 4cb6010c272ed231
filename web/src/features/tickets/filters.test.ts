// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount, chooseView, clearFilters, customFieldFilterShown, DEFAULT_FILTERS, dimensionFilterControls, filtersToParams, filtersToQuery, parseFilters, queueFilterOptions, shownView,
  widerScope, withDimensionValues, type TicketFilters,
} from './filters';

const parse = (qs: string) => parseFilters(new URLSearchParams(qs));

describe('ticket list filters ⇄ URL', () => {
  it('an empty URL is the default: all open tickets, SLA due first', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('reads every filter from the URL and writes it back the same', () => {
    const qs = 'view=mine&q=tisk%C3%A1rna&queueId=3&stateCategory=open%2Cwaiting&priority=P1%2CP2&typeCode=incident&assigneeId=7&teamId=2&clientId=12'
      + '&categoryId=4&slaStatus=warning&tag=vpn&dimension=service%3Aemail&custom=asset%3AINV-10%25&sort=priority';
    const f = parse(qs);
    expect(f).toEqual({
      view: 'mine', q: 'tiskárna', queueId: 3, stateCategory: ['open', 'waiting'], priority: ['P1', 'P2'], typeCode: 'incident',
      assigneeId: 7, teamId: 2, clientId: 12, categoryId: 4, slaStatus: 'warning', tag: 'vpn', dimensions: ['service:email'], custom: 'asset:INV-10%', sort: 'priority',
    });
    expect(filtersToParams(f).toString()).toBe(qs);
  });

  it('drops unknown or malformed values instead of sending them', () => {
    const f = parse('view=everything&queueId=abc&stateCategory=open,bogus&priority=P9,P3&assigneeId=-1&clientId=0&dimension=nocolon&typeCode=Bad Code&sort=random'
      + '&teamId=x&categoryId=1.5&slaStatus=late&custom=nocolon');
    expect(f).toEqual({ ...DEFAULT_FILTERS, stateCategory: ['open'], priority: ['P3'] });
  });

  it('keeps lists in their canonical order', () => {
    expect(parse('stateCategory=waiting,new&priority=P4,P1')).toMatchObject({ stateCategory: ['new', 'waiting'], priority: ['P1', 'P4'] });
  });

  it('round-trips any filters through the URL', () => {
    const f: TicketFilters = { ...DEFAULT_FILTERS, view: 'breaching_soon', q: 'VPN', tag: 'sit', sort: '-created', clientId: 5 };
    expect(parseFilters(filtersToParams(f))).toEqual(f);
  });
});

describe('several dimensions at once', () => {
  it('reads a comma-separated or repeated dimension parameter, drops malformed entries and writes one canonical list', () => {
    const f = parse('dimension=service:printing,cost_centre:brno,bogus,a:b:c&dimension=service:email&dimension=service:printing');
    expect(f.dimensions).toEqual(['cost_centre:brno', 'service:email', 'service:printing']);
    expect(filtersToParams(f).get('dimension')).toBe('cost_centre:brno,service:email,service:printing');
    expect(parseFilters(filtersToParams(f))).toEqual(f);
    // The old single value reads as before.
    expect(parse('dimension=service:email').dimensions).toEqual(['service:email']);
  });

  it('sends them as one comma-separated dimension parameter; each dimension counts as one filter', () => {
    const f = parse('dimension=service:printing,service:email,cost_centre:brno');
    expect(filtersToQuery(f).dimension).toBe('cost_centre:brno,service:email,service:printing');
    expect(filtersToQuery(DEFAULT_FILTERS).dimension).toBeUndefined();
    expect(activeFilterCount(f)).toBe(2);
    expect(clearFilters(f).dimensions).toEqual([]);
  });

  it('sets the values of one dimension, keeping the others; no value leaves that dimension out', () => {
    const start = ['cost_centre:brno', 'service:printing'];
    expect(withDimensionValues(start, 'service', ['email', 'printing'])).toEqual(['cost_centre:brno', 'service:email', 'service:printing']);
    expect(withDimensionValues(start, 'service', [])).toEqual(['cost_centre:brno']);
    expect(withDimensionValues([], 'cost_centre', ['praha'])).toEqual(['cost_centre:praha']);
  });

  it('offers each active dimension with its active values; a chosen one no longer offered stays visible, to be cleared', () => {
    const offered = [
      { code: 'service', name: 'Služba', active: true, values: [{ code: 'printing', name: 'Tisk', active: true }, { code: 'fax', name: 'Fax', active: false }] },
      { code: 'cost_centre', name: 'Středisko', active: true, values: [{ code: 'brno', name: 'Brno', active: true }] },
      { code: 'old', name: 'Stará', active: false, values: [{ code: 'x', name: 'X', active: true }] },
    ];
    expect(dimensionFilterControls(offered, [])).toEqual([
      { code: 'service', label: 'Služba', known: true, options: [{ value: 'printing', label: 'Tisk' }], value: [] },
      { code: 'cost_centre', label: 'Středisko', known: true, options: [{ value: 'brno', label: 'Brno' }], value: [] },
    ]);
    const controls = dimensionFilterControls(offered, ['gone:a', 'service:fax', 'service:lost']);
    expect(controls.map((c) => [c.code, c.known, c.value])).toEqual([['service', true, ['fax', 'lost']], ['cost_centre', true, []], ['gone', false, ['a']]]);
    expect(controls[0]!.options).toEqual([{ value: 'printing', label: 'Tisk' }, { value: 'fax', label: 'Fax' }, { value: 'lost', label: 'lost' }]);
  });
});

describe('filters → API query', () => {
  it('"all open" asks for view=all limited to new, open and waiting', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toMatchObject({ view: 'all', stateCategory: 'new,open,waiting', sort: 'sla' });
  });

  it('a state filter replaces the open-only default (e.g. to see resolved tickets)', () => {
    expect(filtersToQuery(parse('stateCategory=resolved,closed'))).toMatchObject({ view: 'all', stateCategory: 'resolved,closed' });
  });

  it('server views pass through; the server limits them to active tickets itself', () => {
    const q = filtersToQuery(parse('view=unassigned&priority=P1&dimension=service:email&slaStatus=breached&teamId=2&categoryId=4&custom=asset:INV-1'));
    expect(q).toMatchObject({ view: 'unassigned', priority: 'P1', dimension: 'service:email', slaStatus: 'breached', teamId: 2, categoryId: 4, custom: 'asset:INV-1' });
    expect(q.stateCategory).toBeUndefined();
  });

  it('counts and clears filters but keeps view, search and sort', () => {
    const f = parse('view=mine&q=x&sort=updated&queueId=1&priority=P1,P2&tag=a&slaStatus=breached&teamId=3&custom=asset:X');
    expect(activeFilterCount(f)).toBe(6);
    expect(clearFilters(f)).toEqual({ ...DEFAULT_FILTERS, view: 'mine', q: 'x', sort: 'updated' });
  });
});

describe('widerScope (what an empty list offers)', () => {
  it('leaves a built-in view for all open tickets, keeping search and filters', () => {
    expect(widerScope(parse('view=mine&q=tisk&priority=P1'))).toEqual({ scope: 'view', patch: { view: 'open' } });
  });

  it('widens "all open", or some states, to every state; nothing wider than every state', () => {
    expect(widerScope(parse('q=T2026-000004'))).toEqual({ scope: 'states', patch: { stateCategory: ['new', 'open', 'waiting', 'resolved', 'closed'] } });
    expect(widerScope(parse('stateCategory=resolved'))?.scope).toBe('states');
    expect(widerScope(parse('stateCategory=new,open,waiting,resolved,closed'))).toBeNull();
  });
});

describe('shownView and chooseView (the view switcher shows what the list shows)', () => {
  it('highlights "all open" only while the list shows open states alone', () => {
    expect(shownView(parse(''))).toBe('open');
    expect(shownView(parse('stateCategory=new,waiting'))).toBe('open');
    const widened = { ...parse('q=T2026-000004'), ...widerScope(parse('q=T2026-000004'))!.patch };
    expect(shownView(widened)).toBeNull();
    expect(shownView(parse('stateCategory=resolved'))).toBeNull();
    expect(shownView(parse('view=mine&stateCategory=closed'))).toBe('mine');
  });

  it('picking "all open" after a wider state filter shows open tickets again; other views keep the filter', () => {
    const widened = parse('q=tisk&stateCategory=new,open,waiting,resolved,closed');
    expect(chooseView(widened, 'open')).toEqual({ view: 'open', stateCategory: [] });
    expect(chooseView(widened, 'mine')).toEqual({ view: 'mine' });
    expect(chooseView(parse('view=mine&stateCategory=waiting'), 'open')).toEqual({ view: 'open' });
  });
});

describe('queueFilterOptions (only queues whose tickets the list can show)', () => {
  const queues = [
    { id: 1, name: 'Service desk', ticketsVisible: true },
    { id: 2, name: 'Field service', ticketsVisible: false },
    { id: 3, name: 'Network', ticketsVisible: true },
  ];
  it('offers the visible queues, and keeps a hidden one only while it is chosen (so it can be cleared)', () => {
    expect(queueFilterOptions(queues, null)).toEqual([{ value: '1', label: 'Service desk' }, { value: '3', label: 'Network' }]);
    expect(queueFilterOptions(queues, 2).map((o) => o.value)).toEqual(['1', '2', '3']);
  });
});


describe('the custom field filter', () => {
  it('is offered only when there are custom fields, or the address already filters by one', () => {
    expect(customFieldFilterShown(0, null)).toBe(false);
    expect(customFieldFilterShown(undefined, null)).toBe(false);
    expect(customFieldFilterShown(2, null)).toBe(true);
    expect(customFieldFilterShown(0, 'site:Brno')).toBe(true);
    expect(customFieldFilterShown(undefined, 'site:Brno')).toBe(true);
  });
});
