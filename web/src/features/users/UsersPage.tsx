import { ActionIcon, Badge, Button, Group, Kbd, Loader, Menu, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPencil, IconPlayerPause, IconPlayerPlay, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../app/components/QueryStates';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { formatDateTime } from '../../app/format';
import { type ActiveFilter, type User, useUpdateUser, useUsersList } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserModal } from './UserModal';

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
  const searchRef = useRef<HTMLInputElement>(null);
  const query = useUsersList(debounced, active);
  const update = useUpdateUser();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const shortcuts = useMemo(
    () => ({ '/': () => searchRef.current?.focus(), ...(canManage ? { n: () => setEditing(null) } : {}) }),
    [canManage],
  );
  useKeyShortcuts(shortcuts);

  const toggleActive = (user: User) =>
    update.mutate(
      { id: user.id, patch: { active: !user.active } },
      {
        onSuccess: (u) => notifications.show({ color: 'green', message: u.active ? t('users.activated', { name: u.name }) : t('users.deactivated', { name: u.name }) }),
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
        <TextInput
          ref={searchRef}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          leftSection={<IconSearch size={16} />}
          rightSection={query.isFetching && !query.isFetchingNextPage ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          data-testid="users-search"
        />
        <SegmentedControl
          value={active}
          onChange={(v) => setActive(v as ActiveFilter)}
          aria-label={t('common.statusFilter')}
          data={[
            { value: 'true', label: t('common.activeOnly') },
            { value: 'false', label: t('common.inactiveOnly') },
            { value: 'all', label: t('common.all') },
          ]}
          data-testid="users-active-filter"
        />
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('users.empty')} text={debounced ? t('common.tryOtherSearch') : undefined} />
        </Paper>
      ) : (
        <Paper withBorder>
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
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
                        {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverSignedIn')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={u.active ? 'green' : 'gray'}>
                        {u.active ? t('common.active') : t('common.inactive')}
                      </Badge>
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
                            <Menu.Item
                              leftSection={u.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                              color={u.active ? 'orange' : undefined}
                              disabled={u.id === me.id}
                              onClick={() => toggleActive(u)}
                              data-testid="users-action-toggle-active"
                            >
                              {u.active ? t('users.deactivate') : t('users.activate')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore hasMore={!!query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} testId="users-load-more" />
      {editing !== undefined ? <UserModal user={editing} isSelf={editing?.id === me.id} onClose={() => setEditing(undefined)} /> : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </div>
  );
}
