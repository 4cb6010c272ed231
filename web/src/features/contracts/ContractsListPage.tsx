import { Anchor, Badge, Button, Group, Kbd, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDate } from '../../app/format';
import { formatMoney } from '../pricing/money';
import { useContracts, type ActiveFilter, type Contract } from './api';
import { formatMinutes } from './format';

function ContractLink({ contract }: { contract: Contract }) {
  return <Anchor component={Link} to={`/contracts/${contract.id}`} fw={600}>{contract.number}</Anchor>;
}

/** Active or not, and whether it is invoiced on its own. max-content: a narrow column must not cut a badge to "AKTI…". */
function ContractBadges({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color={contract.active ? 'green' : 'gray'} miw="max-content" data-testid={`contracts-state-${contract.id}`}>{contract.active ? t('contracts.active') : t('contracts.inactive')}</Badge>
      {contract.ownInvoice ? <Badge variant="outline" miw="max-content">{t('contracts.fields.ownInvoice')}</Badge> : null}
    </>
  );
}

const validityText = (t: TFunction, c: Contract) => `${formatDate(c.validFrom)} – ${c.validTo ? formatDate(c.validTo) : t('contracts.openEnded')}`;
const feeText = (c: Contract) => (c.fee ? formatMoney(c.fee.amountMinor, c.currency) : '—');
const prepaidText = (c: Contract) => (c.prepaidMinutes ? formatMinutes(c.prepaidMinutes) : '—');

/**
 * The list on a phone: one card a contract, its number (the link) and name with its state beside
 * them, the client under them, then the billing period and validity with the fee and prepaid time,
 * so nothing hides beyond the right edge.
 */
function ContractCards({ rows }: { rows: Contract[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="contracts-table">
      {rows.map((c) => (
        <RowCard
          key={c.id}
          testId={`contracts-row-${c.id}`}
          head={(
            <>
              <Text size="sm"><ContractLink contract={c} /></Text>
              <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{c.name}</Text>
            </>
          )}
          headEnd={<Stack gap={4} align="flex-end"><ContractBadges contract={c} /></Stack>}
          body={<Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={`contracts-client-${c.id}`}>{c.clientName}</Text>}
          foot={<Text size="xs" c="dimmed">{t(`contracts.periodKinds.${c.periodKind}`)} · {validityText(t, c)}</Text>}
          footEnd={c.fee || c.prepaidMinutes ? (
            <Stack gap={0} align="flex-end">
              {c.fee ? <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{feeText(c)}</Text> : null}
              {c.prepaidMinutes ? <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{prepaidText(c)}</Text> : null}
            </Stack>
          ) : null}
        />
      ))}
    </RowCards>
  );
}

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
  const phone = usePhone();
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
          {() => phone ? <ContractCards rows={rows} /> : (
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
                        <ContractLink contract={c} />
                        <Text size="xs" c="dimmed">{c.name}</Text>
                      </Table.Td>
                      <Table.Td data-testid={`contracts-client-${c.id}`}>{c.clientName}</Table.Td>
                      <Table.Td>{t(`contracts.periodKinds.${c.periodKind}`)}</Table.Td>
                      <Table.Td>{validityText(t, c)}</Table.Td>
                      <Table.Td ta="right">{feeText(c)}</Table.Td>
                      <Table.Td ta="right">{prepaidText(c)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}><ContractBadges contract={c} /></Group>
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
