import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogCancel } from './UnsavedChangesModal';

/**
 * A dialog's Cancel button: `onCancel` closes the dialog; in an UnsavedChangesModal with changes
 * it asks "Discard changes?" first, as Escape and × do there.
 */
export function CancelButton({ onCancel, ref }: { onCancel: () => void; ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  return <Button ref={ref} variant="default" onClick={useDialogCancel(onCancel)}>{t('common.cancel')}</Button>;
}

/** The foot of a dialog form that creates or edits one thing: Cancel (see CancelButton), then Create (new) or Save. */
export function FormActions({ creating, pending, onCancel, testId }: { creating: boolean; pending: boolean; onCancel: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <CancelButton onCancel={onCancel} />
      <Button type="submit" loading={pending} data-testid={testId}>{creating ? t('admin.create') : t('common.save')}</Button>
    </Group>
  );
}

/** The pencil in a table row that opens the row's edit dialog; `label` names the row for screen readers. */
export function EditAction({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('common.edit')}>
      <ActionIcon variant="subtle" onClick={onClick} aria-label={`${t('common.edit')}: ${label}`} data-testid={testId}><IconPencil size={16} /></ActionIcon>
    </Tooltip>
  );
}
