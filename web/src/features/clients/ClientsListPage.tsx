import { Anchor, Badge, Button, Group, Kbd, Loader, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../app/components/QueryStates';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { type ActiveFilter, useClientsList } from './api';

function parseActive(value: string | null): ActiveFilter {
  return value === 'false' || value === 'all' ? value : 'true';
}

export default function ClientsListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const active = parseActive(params.get('active'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const canWrite = can('clients.write');

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const setActive = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'true') next.delete('active');
        else next.set('active', value);
        return next;
      },
      { replace: true },
    );

  const shortcuts = useMemo(
    () => ({
      '/': () => searchRef.current?.focus(),
      ...(canWrite ? { n: () => navigate('/clients/new') } : {}),
    }),
    [canWrite, navigate],
  );
  useKeyShortcuts(shortcuts);

  const query = useClientsList(debounced, active);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="page-clients">
      <PageHeader
        title={t('clients.title')}
        actions={
          canWrite ? (
            <Button component={Link} to="/clients/new" leftSection={<IconPlus size={16} />} data-testid="clients-new" rightSection={<Kbd size="xs" visibleFrom="sm">N</Kbd>}>
              {t('clients.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setSearch('')}
          placeholder={t('clients.searchPlaceholder')}
          aria-label={t('common.search')}
          leftSection={<IconSearch size={16} />}
          rightSection={query.isFetching && !query.isFetchingNextPage ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          data-testid="clients-search"
          type="search"
        />
        <SegmentedControl
          value={active}
          onChange={setActive}
          aria-label={t('common.statusFilter')}
          data={[
            { value: 'true', label: t('common.activeOnly') },
            { value: 'false', label: t('common.inactiveOnly') },
            { value: 'all', label: t('common.all') },
          ]}
          data-testid="clients-active-filter"
        />
      </Group>

      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder>
          <EmptyState
            title={debounced ? t('clients.emptySearch') : t('clients.empty')}
            text={debounced ? t('common.tryOtherSearch') : undefined}
            action={
              canWrite && !debounced ? (
                <Button component={Link} to="/clients/new" variant="light" mt="xs">
                  {t('clients.new')}
                </Button>
              ) : null
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="clients-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.fields.name')}</Table.Th>
                  <Table.Th>{t('clients.fields.companyId')}</Table.Th>
                  <Table.Th>{t('clients.fields.vatId')}</Table.Th>
                  <Table.Th>{t('clients.fields.city')}</Table.Th>
                  <Table.Th>{t('clients.fields.email')}</Table.Th>
                  <Table.Th>{t('clients.fields.currency')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} className="clickable-row" onClick={() => navigate(`/clients/${c.id}`)} data-testid={`clients-row-${c.id}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/clients/${c.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="mono">{c.companyId ?? '—'}</Table.Td>
                    <Table.Td className="mono">{c.vatId ?? '—'}</Table.Td>
                    <Table.Td>{c.registeredAddress?.city || '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={240}>{c.email ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>{c.currency}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.active ? 'green' : 'gray'}>
                        {c.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore
        hasMore={!!query.hasNextPage}
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        testId="clients-load-more"
      />
    </div>
  );
}
