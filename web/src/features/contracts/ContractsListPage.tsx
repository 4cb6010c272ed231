import { Anchor, Badge, Button, Group, Kbd, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { formatDate } from '../../app/format';
import { formatMoney } from '../pricing/money';
import { useContracts, type ActiveFilter } from './api';
import { formatMinutes } from './format';

/** /contracts — contracts by number, searchable by number, name and client; filtered by state (and ?clientId=). */
export default function ContractsListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const canManage = can('contracts.manage');
  const [params] = useSearchParams();
  const clientId = params.get('clientId') ? Number(params.get('clientId')) : null;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useContracts(debounced, active, clientId);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const searchRef = useRef<HTMLInputElement>(null);
  // The keys of the other lists: "/" searches, N opens a new contract (the "?" help lists both).
  const shortcuts = useMemo(
    () => ({ '/': () => searchRef.current?.focus(), ...(canManage ? { n: () => navigate('/contracts/new') } : {}) }),
    [canManage, navigate],
  );
  useKeyShortcuts(shortcuts);
  return (
    <div data-testid="page-contracts">
      <PageHeader
        title={t('contracts.title')}
        subtitle={t('contracts.subtitle')}
        actions={canManage ? (
          <Button component={Link} to="/contracts/new" leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs" visibleFrom="sm">N</Kbd>} data-testid="contracts-new">{t('contracts.new')}</Button>
        ) : undefined}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          leftSection={<IconSearch size={16} />}
          placeholder={t('contracts.searchPlaceholder')}
          aria-label={t('contracts.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="contracts-search"
          style={{ flex: '1 1 260px' }}
        />
        <SegmentedControl
          value={active}
          onChange={(v) => setActive(v as ActiveFilter)}
          data={[{ value: 'true', label: t('contracts.filter.active') }, { value: 'false', label: t('contracts.filter.inactive') }, { value: 'all', label: t('contracts.filter.all') }]}
          aria-label={t('contracts.filter.label')}
          data-testid="contracts-active"
        />
        {clientId !== null ? <Button variant="subtle" component={Link} to="/contracts">{t('contracts.filter.allClients')}</Button> : null}
      </Group>
      <Paper withBorder>
        <QueryView query={list} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('contracts.empty')} text={debounced ? t('contracts.emptySearch') : t('contracts.emptyText')} />}>
          {() => (
            <Table.ScrollContainer minWidth={820}>
              <Table highlightOnHover data-testid="contracts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('contracts.fields.number')}</Table.Th>
                    <Table.Th>{t('contracts.fields.client')}</Table.Th>
                    <Table.Th>{t('contracts.fields.periodKind')}</Table.Th>
                    <Table.Th>{t('contracts.fields.validity')}</Table.Th>
                    <Table.Th ta="right">{t('contracts.fields.fee')}</Table.Th>
                    <Table.Th ta="right">{t('contracts.fields.prepaidMinutes')}</Table.Th>
                    <Table.Th>{t('contracts.fields.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id} data-testid={`contracts-row-${c.id}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/contracts/${c.id}`} fw={600}>{c.number}</Anchor>
                        <Text size="xs" c="dimmed">{c.name}</Text>
                      </Table.Td>
                      <Table.Td>{c.clientName}</Table.Td>
                      <Table.Td>{t(`contracts.periodKinds.${c.periodKind}`)}</Table.Td>
                      <Table.Td>{formatDate(c.validFrom)} – {c.validTo ? formatDate(c.validTo) : t('contracts.openEnded')}</Table.Td>
                      <Table.Td ta="right">{c.fee ? formatMoney(c.fee.amountMinor, c.currency) : '—'}</Table.Td>
                      <Table.Td ta="right">{c.prepaidMinutes ? formatMinutes(c.prepaidMinutes) : '—'}</Table.Td>
                      <Table.Td>
                        {/* max-content: a narrow table column must not cut the badge to "AKTI…". */}
                        <Group gap={4}>
                          <Badge variant="light" color={c.active ? 'green' : 'gray'} miw="max-content" data-testid={`contracts-state-${c.id}`}>{c.active ? t('contracts.active') : t('contracts.inactive')}</Badge>
                          {c.ownInvoice ? <Badge variant="outline" miw="max-content">{t('contracts.fields.ownInvoice')}</Badge> : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="contracts-more" />
    </div>
  );
}
