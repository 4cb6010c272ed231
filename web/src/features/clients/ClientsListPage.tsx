import { Anchor, Button, Group, Kbd, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { useAuth } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { ActiveFilterControl, SearchInput } from '../../app/components/ListFilters';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { type ActiveFilter, useClientsList } from './api';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { ownOrganisationPath, useOwnOrganisation } from './ownOrganisation';

function parseActive(value: string | null): ActiveFilter {
  return value === 'false' || value === 'all' ? value : 'true';
}

/** Staff get the list; a client contact, who has one client, goes on to its page (links and bookmarks to /clients too). */
export default function ClientsListPage() {
  const own = useOwnOrganisation();
  if (own.id !== null) return <Navigate to={ownOrganisationPath(own)} replace />;
  return <ClientsList />;
}

function ClientsList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParamsFresh();
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
        <SearchInput
          ref={searchRef}
          value={search}
          onChange={setSearch}
          clearOnEscape
          placeholder={t('clients.searchPlaceholder')}
          busy={query.isFetching && !query.isFetchingNextPage}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          testId="clients-search"
        />
        <ActiveFilterControl value={active} onChange={setActive} testId="clients-active-filter" />
      </Group>

      <QueryView
        framed
        query={query}
        isEmpty={() => items.length === 0}
        empty={
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
        }
      >
        {() => (
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
                      <ActiveBadge active={c.active} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <LoadMore
        hasMore={!!query.hasNextPage}
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        testId="clients-load-more"
      />
    </div>
  );
}
