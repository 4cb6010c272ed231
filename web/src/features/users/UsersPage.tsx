import { ActionIcon, Anchor, Badge, Button, Group, Kbd, Menu, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { ActiveFilterControl, SearchInput } from '../../app/components/ListFilters';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { byTestId, rowsToTry, useKeepFocusInList } from '../../app/components/listFocus';
import { formatDateTime } from '../../app/format';
import { type ActiveFilter, type User, useUpdateUser, useUsersList } from './api';
import { DeactivateUserModal } from './DeactivateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserModal } from './UserModal';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { useClient } from '../clients/api';

/** The client a client contact belongs to, linked (its name read with the client, cached per client). */
function ContactsClient({ clientId }: { clientId: number }) {
  const client = useClient(clientId);
  return (
    <Anchor component={Link} to={`/clients/${clientId}`} size="xs" data-testid="users-client">
      {client.data?.name ?? `#${clientId}`}
    </Anchor>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const canManage = can('users.manage');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [active, setActive] = useState<ActiveFilter>('true');
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const query = useUsersList(debounced, active);
  const update = useUpdateUser();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const keepFocus = useKeepFocusInList(query.data);
  // A user deactivated while the list shows only active ones (from the ⋯ menu or in the edit dialog), or
  // activated while it shows inactive ones, leaves it, and with them the ⋯ button the focus would go back
  // to: it goes to the ⋯ button of the row now in their place (of their own row while it stays), else to
  // the search.
  const focusRowAfter = (user: User) => {
    const ids = rowsToTry(items.map((u) => u.id), user.id);
    keepFocus(() => ids.map((id) => byTestId(`users-actions-${id}`)).find((el) => el) ?? searchRef.current);
  };

  const shortcuts = useMemo(
    () => ({ '/': () => searchRef.current?.focus(), ...(canManage ? { n: () => setEditing(null) } : {}) }),
    [canManage],
  );
  useKeyShortcuts(shortcuts);

  // Deactivating asks first (DeactivateUserModal: what becomes of the user's open tickets); activating does not.
  const activate = (user: User) =>
    update.mutate(
      { id: user.id, patch: { active: true } },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'green', message: t('users.activated', { name: u.name }) });
          focusRowAfter(u);
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <div data-testid="page-users">
      <PageHeader
        title={t('users.title')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="users-new" rightSection={<Kbd size="xs" visibleFrom="sm">N</Kbd>}>
              {t('users.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SearchInput
          ref={searchRef}
          value={search}
          onChange={setSearch}
          placeholder={t('users.searchPlaceholder')}
          busy={query.isFetching && !query.isFetchingNextPage}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          testId="users-search"
        />
        <ActiveFilterControl value={active} onChange={setActive} testId="users-active-filter" />
      </Group>
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('users.empty')} text={debounced ? t('common.tryOtherSearch') : undefined} />}>
        {() => (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.fields.name')}</Table.Th>
                  <Table.Th>{t('users.fields.email')}</Table.Th>
                  <Table.Th>{t('users.fields.roles')}</Table.Th>
                  <Table.Th>{t('users.fields.lastLoginAt')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {canManage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Table.Tr key={u.id} data-testid={`users-row-${u.id}`}>
                    <Table.Td fw={500}>{u.name}</Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={r} size="sm" variant="light">
                            {t(`roles.${r}`, { defaultValue: r })}
                          </Badge>
                        ))}
                      </Group>
                      {u.clientId !== null ? <ContactsClient clientId={u.clientId} /> : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
                        {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverSignedIn')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={u.active} />
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={`${t('common.actions')}: ${u.name}`} data-testid={`users-actions-${u.id}`}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(u)} data-testid="users-action-edit">
                              {t('common.edit')}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(u)} data-testid="users-action-reset-password">
                              {t('users.resetPassword')}
                            </Menu.Item>
                            {/* Deactivating yourself would end your own session at once; another administrator can do it. */}
                            {u.id === me.id ? null : (
                              <Menu.Item
                                leftSection={u.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                                color={u.active ? 'orange' : undefined}
                                onClick={() => (u.active ? setDeactivating(u) : activate(u))}
                                data-testid="users-action-toggle-active"
                              >
                                {u.active ? t('users.deactivate') : t('users.activate')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <LoadMore hasMore={!!query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} testId="users-load-more" />
      {editing !== undefined ? <UserModal user={editing} isSelf={editing?.id === me.id} onClose={() => setEditing(undefined)} onSaved={focusRowAfter} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
      {deactivating ? <DeactivateUserModal user={deactivating} onClose={() => setDeactivating(null)} onDeactivated={focusRowAfter} /> : null}
    </div>
  );
}
