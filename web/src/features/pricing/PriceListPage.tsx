import { Alert, Badge, Button, Group, Kbd, Menu, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconCopy, IconPencil, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { formatDate, todayIso } from '../../app/format';
import { EmptyState, ErrorState, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { useListedDialogShortcuts } from '../../app/components/useShortcuts';
import { ADMIN_FORM_SHORTCUTS } from '../admin/shared/keys';
import { notifyError, notifySaved } from '../admin/shared/notify';

import { type PriceListVersion, useCopyVersion, useCreateVersion, useDeleteVersion, usePriceList } from './api';
import { PriceListModal } from './PriceListModal';
import { PricingHeader } from './PricingHeader';
import { EMPTY_TERMS } from './termsForm';
import { VersionDateModal } from './VersionDateModal';
import { VersionEditor } from './VersionEditor';
import { versionToOpen, versionValidOn } from './versions';

/** /admin/pricing/lists/:id — a price list: its versions, the terms editor, copy a version to a new date. */
export default function PriceListPage() {
  const notFound = useNotFoundText('pricing.lists.notFound', '/admin/pricing/lists');
  return <RecordPage notFound={notFound}>{(id) => <PriceList id={id} notFound={notFound} />}</RecordPage>;
}

function PriceList({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const query = usePriceList(id);
  const copy = useCopyVersion();
  const create = useCreateVersion(id);
  const remove = useDeleteVersion();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'edit' | 'copy' | 'new' | 'delete' | null>(null);
  const [stale, setStale] = useState(false);
  // N adds a version, as N opens the "new" dialog of the lists; Ctrl+Enter saves that dialog and the terms.
  useKeyShortcuts(manage && query.data ? { n: () => setDialog('new') } : {});
  useListedDialogShortcuts(ADMIN_FORM_SHORTCUTS, manage ? ['save'] : []);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} notFound={notFound} />;
  const list = query.data;
  const versions = [...list.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const today = todayIso();
  // Only a version that has started is marked "valid today"; a list whose versions are all to come has none.
  const current = versionValidOn(versions, today);
  const chosen = versions.find((v) => v.id === Number(params.get('version'))) ?? versionToOpen(versions, today);
  const choose = (v: PriceListVersion) => setParams({ version: String(v.id) }, { replace: true });
  const close = () => { setDialog(null); copy.reset(); create.reset(); };

  return (
    <div data-testid="page-price-list" data-list-id={list.id} data-version={list.version}>
      <Button component={Link} to="/admin/pricing/lists" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {t('pricing.lists.back')}
      </Button>
      <PricingHeader
        title={<Group gap="sm" component="span"><span data-testid="price-list-title">{list.name}</span><Badge variant="outline">{list.currency}</Badge>{list.isDefault ? <Badge variant="light">{t('pricing.lists.default')}</Badge> : null}{list.active ? null : <Badge color="gray">{t('common.inactive')}</Badge>}</Group>}
        actions={manage ? (
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')} data-testid="price-list-edit">{t('common.edit')}</Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button rightSection={<IconChevronDown size={14} />} data-testid="version-actions">{t('pricing.versions.actions')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconCopy size={16} />} disabled={!chosen} onClick={() => setDialog('copy')} data-testid="version-copy">{t('pricing.versions.copy')}</Menu.Item>
                <Menu.Item leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs" visibleFrom="sm">N</Kbd>} onClick={() => setDialog('new')} data-testid="version-new">{t('pricing.versions.new')}</Menu.Item>
                <Menu.Item leftSection={<IconTrash size={16} />} color="red" disabled={!chosen} onClick={() => setDialog('delete')} data-testid="version-delete">{t('pricing.versions.delete')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        ) : undefined}
      />
      {stale ? (
        <Alert color="orange" mb="md" role="alert" data-testid="price-list-stale">
          <Text size="sm" mb="xs">{t('pricing.versions.stale')}</Text>
          <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => { setStale(false); void query.refetch(); }} data-testid="price-list-reload">{t('common.reload')}</Button>
        </Alert>
      ) : null}
      {versions.length === 0 || !chosen ? (
        <EmptyState title={t('pricing.versions.empty')} text={t('pricing.versions.emptyText')} action={manage ? <Button onClick={() => setDialog('new')} data-testid="version-new-empty">{t('pricing.versions.new')}</Button> : undefined} />
      ) : (
        <Stack gap="md">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>{t('pricing.versions.label')}</Text>
            <SegmentedControl
              value={String(chosen.id)}
              onChange={(v) => { const found = versions.find((x) => String(x.id) === v); if (found) choose(found); }}
              data={versions.map((v) => ({ value: String(v.id), label: <span data-testid={`version-tab-${v.id}`} data-valid-from={v.validFrom}>{t('pricing.lists.from', { date: formatDate(v.validFrom) })}{v.id === current?.id ? ` · ${t('pricing.versions.current')}` : ''}</span> }))}
            />
          </Group>
          <VersionEditor key={`${chosen.id}-${chosen.updatedAt}-${list.version}`} version={chosen} currency={list.currency} listVersion={list.version} readOnly={!manage} onStale={() => setStale(true)} />
        </Stack>
      )}
      {dialog === 'edit' ? <PriceListModal item={list} hasVersions={versions.length > 0} onClose={close} /> : null}
      {dialog === 'copy' && chosen ? (
        <VersionDateModal title={t('pricing.versions.copy')} text={t('pricing.versions.copyText', { date: formatDate(chosen.validFrom) })} pending={copy.isPending} error={copy.error} testId="version-copy"
          onSubmit={(validFrom) => copy.mutate({ id: chosen.id, validFrom }, { onSuccess: (v) => { notifySaved(t('pricing.versions.copied')); close(); choose(v); } })} onClose={close} />
      ) : null}
      {dialog === 'new' ? (
        <VersionDateModal title={t('pricing.versions.new')} text={t('pricing.versions.newText')} pending={create.isPending} error={create.error} testId="version-create"
          onSubmit={(validFrom) => create.mutate({ validFrom, terms: EMPTY_TERMS }, { onSuccess: (v) => { notifySaved(t('pricing.saved')); close(); choose(v); } })} onClose={close} />
      ) : null}
      <ConfirmModal
        opened={dialog === 'delete' && !!chosen}
        title={t('pricing.versions.delete')}
        message={t('pricing.versions.deleteText', { date: chosen ? formatDate(chosen.validFrom) : '' })}
        confirmLabel={t('pricing.versions.delete')}
        loading={remove.isPending}
        onConfirm={() => chosen && remove.mutate(chosen.id, {
          onSuccess: () => { notifySaved(t('pricing.versions.deleted')); setParams({}, { replace: true }); },
          onError: (e) => notifyError(t, e),
          onSettled: close,
        })}
        onClose={close}
      />
    </div>
  );
}
