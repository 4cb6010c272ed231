import { Badge, Button, Checkbox, Group, Kbd, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconBookmarkPlus, IconChevronDown, IconShare, IconShareOff, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { isApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/errors';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { usePageShortcuts } from '../../app/components/useShortcuts';
import type { TicketFilters } from './filters';
import { TICKET_LIST_SHORTCUTS } from './keys';
import { notify } from './notify';
import { activeView, filtersOfView, viewFiltersOf, type SavedView } from './savedViews';
import { useCreateView, useDeleteView, useSavedViews, useShareView } from './viewsApi';

/** Saves the list's current filters under a name (shared with everyone, for those who may share). */
function SaveViewModal({ filters, onClose }: { filters: TicketFilters; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const create = useCreateView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [empty, setEmpty] = useState(false);
  // The name is taken (409): said at the name, where it is fixed.
  const taken = isApiError(create.error) && create.error.code === 'duplicate';
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setEmpty(true);
    create.mutate(
      { name: name.trim(), filters: viewFiltersOf(filters), shared },
      { onSuccess: (view) => { notify('green', t('tickets.savedViews.saved', { name: view.name })); onClose(); } },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('tickets.savedViews.saveTitle')} attributes={{ content: { 'data-testid': 'saved-view-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={taken ? null : create.error} testId="saved-view-error" />
          <TextInput
            label={t('tickets.savedViews.name')}
            description={t('tickets.savedViews.nameHint')}
            value={name}
            onChange={(e) => { setName(e.currentTarget.value); setEmpty(false); if (taken) create.reset(); }}
            error={empty ? t('errors.required') : taken ? t('tickets.savedViews.nameTaken') : null}
            maxLength={100}
            withAsterisk
            data-autofocus
            data-testid="saved-view-name"
          />
          {can('tickets.share_views') ? (
            <Checkbox label={t('tickets.savedViews.shareWithAll')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} data-testid="saved-view-shared" />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending} data-testid="saved-view-submit">{t('tickets.savedViews.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Saved views beside the built-in ones: pick one (its filters go to the address, so it
 * can be bookmarked too), save the current filters as a view, share or unshare it, delete
 * it. `v` opens the menu; arrows and Enter work in it.
 */
export function SavedViewsMenu({ filters, onApply }: { filters: TicketFilters; onApply: (filters: TicketFilters) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const views = useSavedViews();
  const share = useShareView();
  const remove = useDeleteView();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const items = views.data?.items ?? [];
  const active = activeView(items, filters);
  const mayShare = can('tickets.share_views');

  usePageShortcuts(TICKET_LIST_SHORTCUTS, { views: () => setOpen(true) });

  const pick = (view: SavedView) => {
    const { filters: next, unsupported } = filtersOfView(view.filters);
    onApply(next);
    if (unsupported.length) notify('orange', t('tickets.savedViews.unsupported', { name: view.name, filters: unsupported.join(', ') }));
  };
  const failed = (error: unknown) => notify('red', errorMessage(t, error));
  const toggleShare = (view: SavedView) =>
    share.mutate({ id: view.id, shared: !view.shared }, {
      onSuccess: (v) => notify('green', t(v.shared ? 'tickets.savedViews.sharedDone' : 'tickets.savedViews.unsharedDone', { name: v.name })),
      onError: failed,
    });

  return (
    <>
      <Menu opened={open} onChange={setOpen} position="bottom-start" withinPortal shadow="md" width={300}>
        <Menu.Target>
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconBookmark size={16} />}
            rightSection={<Group gap={4} wrap="nowrap"><Kbd size="xs" visibleFrom="sm">V</Kbd><IconChevronDown size={14} /></Group>}
            maw={320}
            data-testid="saved-views-menu"
          >
            {active ? <Text inherit truncate="end" title={active.name}>{active.name}</Text> : t('tickets.savedViews.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="saved-views-options">
          <Menu.Label>{t('tickets.viewsLabel')}</Menu.Label>
          {items.length === 0 ? <Menu.Item disabled>{views.isPending ? t('common.loading') : t('tickets.savedViews.none')}</Menu.Item> : null}
          {items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => pick(view)}
              rightSection={view.shared ? <Badge size="xs" variant="light" color="gray">{t('tickets.savedViews.sharedBadge')}</Badge> : null}
              fw={active?.id === view.id ? 600 : undefined}
              aria-current={active?.id === view.id ? 'true' : undefined}
              data-testid={`saved-view-${view.id}`}
            >
              {/* A name of 100 letters without a space wraps inside the menu instead of running off the screen. */}
              <span style={{ overflowWrap: 'anywhere' }}>{view.name}</span>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={14} />} onClick={() => setSaving(true)} data-testid="saved-view-save">
            {t('tickets.savedViews.saveCurrent')}
          </Menu.Item>
          {active?.editable && (mayShare || active.shared) ? (
            <Menu.Item leftSection={active.shared ? <IconShareOff size={14} /> : <IconShare size={14} />} onClick={() => toggleShare(active)} data-testid="saved-view-share">
              <span style={{ overflowWrap: 'anywhere' }}>{t(active.shared ? 'tickets.savedViews.unshare' : 'tickets.savedViews.share', { name: active.name })}</span>
            </Menu.Item>
          ) : null}
          {active?.editable ? (
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(active)} data-testid="saved-view-delete">
              <span style={{ overflowWrap: 'anywhere' }}>{t('tickets.savedViews.delete', { name: active.name })}</span>
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {saving ? <SaveViewModal filters={filters} onClose={() => setSaving(false)} /> : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('tickets.savedViews.deleteTitle')}
        message={t('tickets.savedViews.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('tickets.savedViews.deleteButton')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const view = deleting;
          if (!view) return;
          remove.mutate(view.id, {
            onSuccess: () => { notify('green', t('tickets.savedViews.deleted', { name: view.name })); setDeleting(null); },
            onError: (error) => { failed(error); setDeleting(null); },
          });
        }}
      />
    </>
  );
}
