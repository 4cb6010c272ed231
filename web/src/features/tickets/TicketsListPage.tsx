import { Button, Group, Kbd, Paper, SegmentedControl, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { useAuth } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { FiltersToggle, SearchInput } from '../../app/components/ListFilters';
import { ShortcutKeysHint } from '../../app/components/ShortcutHelp';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { usePageShortcuts } from '../../app/components/useShortcuts';
import { usePhoneOrSmallTablet } from '../../app/components/usePhone';
import { type TicketSummary, useTicketsList } from './api';
import { activeFilterCount, chooseView, clearFilters, filtersToParams, filtersToQuery, parseFilters, shownView, SORTS, VIEWS, widerScope, type Sort, type View, type FiltersPatch } from './filters';
import { TICKET_LIST_SHORTCUTS } from './keys';
import { cursorIndex, rememberedListCursor, rememberListCursor } from './listCursor';
import { SavedViewsMenu } from './SavedViewsMenu';
import { TicketFiltersPanel } from './TicketFiltersPanel';
import { TicketsTable } from './TicketsTable';
import './tickets.css';

const SORT_KEYS: Record<Sort, string> = { sla: 'sla', priority: 'priority', '-created': 'newest', created: 'oldest', updated: 'updated' };

export default function TicketsListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParamsFresh();
  const filters = useMemo(() => parseFilters(params), [params]);
  const canWrite = can('tickets.write');
  const filterCount = activeFilterCount(filters);
  const [showFilters, setShowFilters] = useState(filterCount > 0);
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState(-1);
  // The five views side by side need about 560 px: a select up to a small tablet's width, as the list's cards.
  const viewsAsSelect = usePhoneOrSmallTablet();

  // A patch that depends on the filters (a dimension's values beside the others) is worked out from the address as it is
  // when applied: two quick changes in a row would otherwise build the second from a render that has not seen the first.
  const update = useCallback(
    (patch: FiltersPatch) =>
      setParams((prev) => {
        const current = parseFilters(prev);
        return filtersToParams({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
      }, { replace: true }),
    [setParams],
  );

  useEffect(() => {
    if (debounced !== filters.q) update({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  // The address changed the search (back, a link, the menu's "Tickets"): the box shows it, never a stale text.
  useEffect(() => {
    if (filters.q !== debounced) setSearch(filters.q);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters.q]);

  const apiQuery = useMemo(() => filtersToQuery(filters), [filters]);
  const query = useTicketsList(apiQuery);
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  // Another list starts without a cursor, unless a ticket was opened from it (back from that
  // ticket): then the cursor goes on that ticket once the list shows its rows (listCursor.ts).
  const listKey = filtersToParams(filters).toString();
  const [cursorOn, setCursorOn] = useState<number | null>(null);
  useEffect(() => {
    setSelected(-1);
    setCursorOn(rememberedListCursor(listKey));
  }, [listKey]);
  const openTicket = (ticket: TicketSummary) => {
    rememberListCursor(listKey, ticket.id);
    navigate(`/tickets/${ticket.id}`);
  };
  // Enter or ↓ in the search box: the cursor goes to the first result of that search, once
  // the list shows it (the address takes the search a moment later; until the answer comes
  // the rows are the previous search's). Asked for, it wins over a ticket once opened from them.
  const [cursorToFirstOf, setCursorToFirstOf] = useState<string | null>(null);
  useEffect(() => {
    if (cursorToFirstOf === null || cursorToFirstOf !== filters.q || query.isPending || query.isPlaceholderData) return;
    setSelected(items.length > 0 ? 0 : -1);
    setCursorToFirstOf(null);
    setCursorOn(null);
  }, [cursorToFirstOf, filters.q, query.isPending, query.isPlaceholderData, items]);
  useEffect(() => {
    if (cursorOn === null || cursorToFirstOf !== null || query.isPending || query.isPlaceholderData) return;
    setSelected(cursorIndex(items, cursorOn));
    setCursorOn(null);
  }, [cursorOn, cursorToFirstOf, query.isPending, query.isPlaceholderData, items]);
  const toResults = () => {
    const q = search.trim();
    // Searched now, without waiting for the pause in typing.
    if (q !== filters.q) update({ q });
    setCursorToFirstOf(q);
  };

  const selectedTicket = selected >= 0 ? items[selected] : undefined;
  usePageShortcuts(TICKET_LIST_SHORTCUTS, {
    search: () => searchRef.current?.focus(),
    ...(items.length > 0
      ? {
          next: () => setSelected((s) => Math.min(s + 1, items.length - 1)),
          previous: () => setSelected((s) => Math.max(s - 1, 0)),
          open: () => selectedTicket && openTicket(selectedTicket),
        }
      : {}),
    ...(canWrite ? { create: () => navigate('/tickets/new') } : {}),
  });

  const filtered = filterCount > 0 || !!filters.q;
  const wider = filtered ? widerScope(filters) : null;
  const clearAll = () => setParams(filtersToParams(clearFilters(filters)), { replace: true });
  const viewOptions = VIEWS.map((v) => ({ value: v, label: t(`tickets.views.${v}`) }));

  return (
    <div data-testid="page-tickets">
      <PageHeader
        title={t('tickets.title')}
        actions={
          canWrite ? (
            <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs" visibleFrom="sm">C</Kbd>} data-testid="tickets-new">
              {t('tickets.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="sm" gap="sm" wrap="wrap" align="center">
        {viewsAsSelect ? (
          <Select
            value={shownView(filters)}
            onChange={(v) => v && update(chooseView(filters, v as View))}
            data={viewOptions}
            placeholder={t('tickets.viewChosenStates')}
            allowDeselect={false}
            aria-label={t('tickets.builtInViews')}
            data-testid="tickets-views"
          />
        ) : (
          <SegmentedControl
            value={shownView(filters) ?? ''}
            onChange={(v) => update(chooseView(filters, v as View))}
            data={viewOptions}
            aria-label={t('tickets.builtInViews')}
            data-testid="tickets-views"
          />
        )}
        <SavedViewsMenu
          filters={filters}
          onApply={(next) => {
            setSearch(next.q);
            setShowFilters(activeFilterCount(next) > 0);
            setParams(filtersToParams(next), { replace: true });
          }}
        />
      </Group>
      <Group mb="md" gap="sm" wrap="wrap">
        <SearchInput
          ref={searchRef}
          value={search}
          onChange={setSearch}
          onToResults={toResults}
          placeholder={t('tickets.searchPlaceholder')}
          busy={query.isFetching && !query.isFetchingNextPage}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
          testId="tickets-search"
        />
        <Select
          value={filters.sort}
          onChange={(v) => v && update({ sort: v as Sort })}
          data={SORTS.map((s) => ({ value: s, label: t(`tickets.sort.${SORT_KEYS[s]}`) }))}
          allowDeselect={false}
          aria-label={t('tickets.sort.label')}
          w={200}
          data-testid="tickets-sort"
        />
        <FiltersToggle open={showFilters} onToggle={() => setShowFilters((s) => !s)} count={filterCount} testId="tickets-filters-toggle" />
      </Group>
      {showFilters ? <TicketFiltersPanel filters={filters} onChange={update} onClear={clearAll} /> : null}

      <QueryView
        query={query}
        isEmpty={() => items.length === 0}
        empty={
          <Paper withBorder>
            <EmptyState
              title={filters.q ? t('tickets.emptySearch', { q: filters.q }) : filtered ? t('tickets.emptyFiltered') : t(`tickets.empty.${filters.view}`)}
              text={
                !filtered ? undefined
                  : wider?.scope === 'view' ? t('tickets.emptyScope.view', { view: t(`tickets.views.${filters.view}`) })
                  : wider?.scope === 'states' ? t(filters.stateCategory.length ? 'tickets.emptyScope.someStates' : 'tickets.emptyScope.open')
                  : t('common.tryOtherSearch')
              }
              action={
                canWrite && !filtered ? (
                  <Button component={Link} to="/tickets/new" variant="light" mt="xs">
                    {t('tickets.new')}
                  </Button>
                ) : filtered ? (
                  <Group gap="xs" mt="xs" justify="center">
                    {wider ? (
                      <Button variant="light" onClick={() => update(wider.patch)} data-testid="tickets-empty-widen">
                        {t(`tickets.widen.${wider.scope}`)}
                      </Button>
                    ) : null}
                    {filterCount > 0 ? (
                      <Button variant="default" leftSection={<IconX size={14} />} onClick={clearAll} data-testid="tickets-empty-clear">
                        {t('tickets.filters.clear')}
                      </Button>
                    ) : null}
                  </Group>
                ) : null
              }
            />
          </Paper>
        }
      >
        {() => <TicketsTable items={items} selected={selected} onOpen={(ticket) => rememberListCursor(listKey, ticket.id)} />}
      </QueryView>
      <LoadMore hasMore={!!query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} testId="tickets-load-more" />
      {items.length > 0 ? (
        <ShortcutKeysHint group={TICKET_LIST_SHORTCUTS} testId="tickets-keys-hint" mt="md" />
      ) : null}
    </div>
  );
}
