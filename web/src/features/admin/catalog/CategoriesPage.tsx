import { ActionIcon, Box, Group, Menu, Paper, Text } from '@mantine/core';
import { IconArrowsMove, IconChevronRight, IconDots, IconPencil, IconPlayerPause, IconPlayerPlay, IconSubtask } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/components/ConfirmModal';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import { notifyError, notifySaved } from '../shared/notify';
import { type Category, useCategories, useSaveCategory } from './api';
import { CatalogHeader } from './CatalogHeader';
import { type CategoryAction, CategoryModal } from './CategoryModal';
import { activeDescendants, treeRows } from './categoryTree';

/** /admin/catalog/categories — the category tree: add child, rename, move, (de)activate. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const query = useCategories();
  const save = useSaveCategory();
  const [action, setAction] = useState<CategoryAction | null>(null);
  const [deactivating, setDeactivating] = useState<Category | null>(null);
  const categories = query.data?.items ?? [];

  const setActive = (c: Category, active: boolean) =>
    save.mutate(
      { id: c.id, body: { active } },
      {
        onSuccess: () => {
          setDeactivating(null);
          notifySaved(active ? t('admin.activated', { name: c.path }) : t('admin.deactivated', { name: c.path }));
        },
        onError: (error) => {
          setDeactivating(null);
          notifyError(t, error);
        },
      },
    );

  const children = deactivating ? activeDescendants(categories, deactivating.id) : [];
  return (
    <div data-testid="page-categories">
      <CatalogHeader
        actions={
          <NewButton onClick={() => setAction({ mode: 'create', parent: null })} testId="categories-new">
            {t('admin.categories.new')}
          </NewButton>
        }
      />
      <QueryView query={query} isEmpty={() => categories.length === 0} empty={<Paper withBorder><EmptyState title={t('admin.categories.empty')} text={t('admin.categories.emptyText')} /></Paper>}>
        {() => (
          <Paper withBorder data-testid="categories-tree" role="tree" aria-label={t('admin.categories.title')}>
            {treeRows(categories).map(({ category: c, depth, hasChildren }) => (
              <Group
                key={c.id}
                role="treeitem"
                aria-level={depth + 1}
                justify="space-between"
                wrap="nowrap"
                px="md"
                py={8}
                className="admin-hover"
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                data-testid={`categories-row-${c.id}`}
              >
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0, paddingLeft: depth * 24 }}>
                  <Box w={16} c="dimmed" style={{ flexShrink: 0 }}>{hasChildren ? <IconChevronRight size={14} style={{ transform: 'rotate(90deg)' }} /> : null}</Box>
                  <Text fw={depth === 0 ? 600 : 400} c={c.active ? undefined : 'dimmed'} td={c.active ? undefined : 'line-through'} truncate>
                    {c.name}
                  </Text>
                  {c.active ? null : <ActiveBadge active={false} />}
                </Group>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={`${t('common.actions')}: ${c.path}`} data-testid={`categories-actions-${c.id}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item leftSection={<IconSubtask size={16} />} onClick={() => setAction({ mode: 'create', parent: c })} data-testid="category-action-add-child">{t('admin.categories.addChild')}</Menu.Item>
                    <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setAction({ mode: 'rename', category: c })} data-testid="category-action-rename">{t('admin.categories.rename')}</Menu.Item>
                    <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => setAction({ mode: 'move', category: c })} data-testid="category-action-move">{t('admin.categories.move')}</Menu.Item>
                    <Menu.Item
                      leftSection={c.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                      color={c.active ? 'orange' : undefined}
                      onClick={() => (c.active ? setDeactivating(c) : setActive(c, true))}
                      data-testid="category-action-toggle-active"
                    >
                      {c.active ? t('admin.deactivate') : t('admin.activate')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            ))}
          </Paper>
        )}
      </QueryView>
      {action ? <CategoryModal action={action} categories={categories} onClose={() => setAction(null)} /> : null}
      <ConfirmModal
        opened={!!deactivating}
        title={t('admin.categories.deactivateTitle')}
        message={`${t('admin.categories.deactivateText', { name: deactivating?.path ?? '' })}${children.length ? ` ${t('admin.categories.deactivateChildren', { count: children.length })}` : ''}`}
        confirmLabel={t('admin.deactivate')}
        color="orange"
        loading={save.isPending}
        onConfirm={() => deactivating && setActive(deactivating, false)}
        onClose={() => setDeactivating(null)}
      />
    </div>
  );
}
