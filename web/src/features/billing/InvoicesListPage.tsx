import { Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { FiltersToggle, SearchInput } from '../../app/components/ListFilters';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { formatDate } from '../../app/format';
import { usePhone } from '../../app/components/usePhone';
import { ClientPicker } from '../tickets/Pickers';
import { INVOICE_LIST_STATES, useInvoices, type InvoiceFilters, type InvoiceListState, type InvoiceSummary } from './api';
import { StatusBadge } from './StatusBadge';
import { AmountDue, InvoiceNumber, invoiceTotalText } from './InvoiceCells';
import { amountDueColumnLabel, amountDueLabel, settledAgainstInvoice } from './documentWords';
import { formatPeriod, isMonth } from './format';
import { SendAllButton } from './SendAllButton';
import { MonthField } from '../../app/components/DateFields';

const num = (v: string | null) => (v && Number(v) > 0 ? Number(v) : null);

/**
 * Under a card's total, what the document stands at: an invoice's amount due once it differs
 * from the total (partly paid or credited); a credit note settled against its invoice says so
 * (what goes back, if anything, is that invoice's); another credit note its refund word, its
 * figure being the total above (its negative total), repeated only should the two ever differ.
 */
function CardAmountDue({ invoice: inv }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const due = inv.amountDueMinor;
  const shown = inv.kind === 'credit_note' ? !!due : due !== undefined && due > 0 && due !== inv.totalMinor;
  if (!shown) return null;
  const settled = settledAgainstInvoice(inv);
  return (
    <Group gap={4} wrap="nowrap" data-testid={`invoice-due-${inv.id}`}>
      {settled ? null : <Text size="xs" c="dimmed">{amountDueLabel(t, inv.kind)}</Text>}
      {settled || due !== inv.totalMinor ? <AmountDue invoice={inv} size="xs" /> : null}
    </Group>
  );
}

/**
 * The list on a phone: one card an invoice, the total beside the number and client, the state
 * and due date below, so nothing hides beyond the right edge.
 */
function InvoiceCards({ items }: { items: InvoiceSummary[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="invoices-table">
      {items.map((inv) => (
        <RowCard
          key={inv.id}
          testId={`invoice-row-${inv.id}`}
          head={(
            <>
              <Text size="sm" fw={600}><InvoiceNumber invoice={inv} /></Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{inv.client.name}{inv.period ? ` · ${formatPeriod(inv.period)}` : ''}</Text>
            </>
          )}
          headEnd={(
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid={`invoice-total-${inv.id}`}>{invoiceTotalText(inv)}</Text>
              <CardAmountDue invoice={inv} />
            </Stack>
          )}
          foot={<StatusBadge status={inv.status} kind={inv.kind} blocked={inv.blocked.length > 0} blocks={inv.blocks} refundDueMinor={inv.refundDueMinor} currency={inv.currency} />}
          footEnd={inv.dueDate ? <Text size="xs" c={inv.status === 'overdue' ? 'red' : 'dimmed'}>{t('billing.fields.dueDate')} {formatDate(inv.dueDate)}</Text> : null}
        />
      ))}
    </RowCards>
  );
}

/** /invoices — invoices and credit notes with filters kept in the URL (status incl. overdue and overpaid, period, client, kind) and a search. */
export default function InvoicesListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParamsFresh();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const filters: InvoiceFilters = useMemo(() => ({
    status: (INVOICE_LIST_STATES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as InvoiceListState) : null,
    kind: params.get('kind') === 'invoice' || params.get('kind') === 'credit_note' ? (params.get('kind') as 'invoice' | 'credit_note') : null,
    period: isMonth(params.get('period')) ? params.get('period') : null,
    clientId: num(params.get('clientId')),
    q: params.get('q') || null,
  }), [params]);
  const list = useInvoices(filters);
  const searchRef = useRef<HTMLInputElement>(null);
  const shortcuts = useMemo(() => ({ '/': () => searchRef.current?.focus() }), []);
  useKeyShortcuts(shortcuts);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = usePhone();
  // On a phone the four filters would push the list a screen down: they wait behind a toggle
  // that counts the ones set (the search stays at hand).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const showFilters = !phone || filtersOpen;
  const activeFilters = [filters.status, filters.kind, filters.period, filters.clientId].filter((v) => v !== null).length;

  const setFilter = (key: string, value: string | number | null) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value === null || value === '') next.delete(key);
      else next.set(key, String(value));
      return next;
    }, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setFilter('q', debounced || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <div data-testid="page-invoices">
      <PageHeader title={t('billing.invoices.title')} subtitle={t('billing.invoices.subtitle')} />
      <Group mb="md" align="flex-end" wrap="wrap" gap="sm">
        <SearchInput
          ref={searchRef}
          label={t('common.search')}
          placeholder={t('billing.invoices.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          busy={list.isFetching && !list.isFetchingNextPage}
          w={phone ? undefined : { base: '100%', xs: 260 }}
          style={phone ? { flex: '1 1 0', minWidth: 0 } : undefined}
          testId="invoices-search"
        />
        {phone ? <FiltersToggle open={filtersOpen} onToggle={() => setFiltersOpen((o) => !o)} count={activeFilters} testId="invoices-filters-toggle" /> : null}
        {showFilters ? (
          <>
            <Select
              label={t('common.status')}
              data={INVOICE_LIST_STATES.map((s) => ({ value: s, label: t(`billing.status.${s}`) }))}
              value={filters.status ?? null}
              onChange={(v) => setFilter('status', v)}
              clearable
              w={{ base: '100%', xs: 170 }}
              data-testid="invoices-filter-status"
            />
            <Select
              label={t('billing.fields.kind')}
              data={(['invoice', 'credit_note'] as const).map((k) => ({ value: k, label: t(`billing.kinds.${k}`) }))}
              value={filters.kind ?? null}
              onChange={(v) => setFilter('kind', v)}
              clearable
              w={{ base: '100%', xs: 170 }}
              data-testid="invoices-filter-kind"
            />
            <MonthField
              label={t('billing.fields.period')}
              value={filters.period}
              onChange={(v) => setFilter('period', v || null)}
              clearable
              w={{ base: '100%', xs: 170 }}
              data-testid="invoices-filter-period"
            />
            <ClientPicker
              label={t('billing.fields.client')}
              value={filters.clientId ?? null}
              onChange={(v) => setFilter('clientId', v)}
              w={{ base: '100%', xs: 240 }}
              data-testid="invoices-filter-client"
            />
          </>
        ) : null}
        {filters.period ? <SendAllButton target={{ period: filters.period }} testId="send-unsent-button" /> : null}
      </Group>
      <Paper withBorder>
        <QueryView query={list} isEmpty={() => items.length === 0} empty={<EmptyState title={t('billing.invoices.empty')} text={t('common.tryOtherSearch')} />}>
          {() => phone ? <InvoiceCards items={items} /> : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="invoices-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('billing.fields.number')}</Table.Th>
                    <Table.Th>{t('billing.fields.client')}</Table.Th>
                    <Table.Th>{t('billing.fields.period')}</Table.Th>
                    <Table.Th>{t('billing.fields.issueDate')}</Table.Th>
                    <Table.Th>{t('billing.fields.dueDate')}</Table.Th>
                    <Table.Th ta="right">{t('billing.fields.total')}</Table.Th>
                    <Table.Th ta="right" data-testid="invoices-due-header">{amountDueColumnLabel(t, items.map((inv) => inv.kind))}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((inv) => (
                    <Table.Tr key={inv.id} data-testid={`invoice-row-${inv.id}`}>
                      <Table.Td><InvoiceNumber invoice={inv} /></Table.Td>
                      <Table.Td>{inv.client.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPeriod(inv.period)}</Table.Td>
                      <Table.Td>{formatDate(inv.issueDate)}</Table.Td>
                      <Table.Td>{formatDate(inv.dueDate)}</Table.Td>
                      <Table.Td ta="right">{invoiceTotalText(inv)}</Table.Td>
                      <Table.Td ta="right" data-testid={`invoice-due-${inv.id}`}><AmountDue invoice={inv} /></Table.Td>
                      <Table.Td><StatusBadge status={inv.status} kind={inv.kind} blocked={inv.blocked.length > 0} blocks={inv.blocks} refundDueMinor={inv.refundDueMinor} currency={inv.currency} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="invoices-load-more" />
    </div>
  );
}
