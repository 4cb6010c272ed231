import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { type Category, useSaveCategory } from './api';
import { moveTargets } from './categoryTree';
import { useSaveKeys } from '../shared/keys';
import { applyFormErrors } from '../../../app/api/errors';

export type CategoryAction =
  | { mode: 'create'; parent: Category | null }
  | { mode: 'rename'; category: Category }
  | { mode: 'move'; category: Category };

const TOP = 'top';

/** New (top-level or child) category, rename, or move under another parent. */
export function CategoryModal({ action, categories, onClose }: { action: CategoryAction; categories: Category[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCategory();
  const [extra, setExtra] = useState<string[]>([]);
  const current = action.mode === 'create' ? null : action.category;
  const form = useForm({
    initialValues: {
      name: current?.name ?? '',
      parentId: action.mode === 'move' ? String(action.category.parentId ?? TOP) : TOP,
    },
    validate: { name: (v) => (action.mode === 'move' || v.trim() ? null : t('errors.required')) },
  });

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const parentId = v.parentId === TOP ? null : Number(v.parentId);
    const body =
      action.mode === 'create' ? { name: v.name.trim(), parentId: action.parent?.id ?? null }
        : action.mode === 'rename' ? { name: v.name.trim() }
          : { parentId };
    save.mutate(
      { id: current?.id ?? null, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('admin.saved', { name: saved.path }) });
          onClose();
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t)),
      },
    );
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    save.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), save.isPending);

  const title = action.mode === 'create' ? (action.parent ? t('admin.categories.newChildTitle') : t('admin.categories.newTitle'))
    : action.mode === 'rename' ? t('admin.categories.renameTitle') : t('admin.categories.moveTitle');
  const targets = action.mode === 'move' ? moveTargets(categories, action.category.id) : [];
  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} onClose={onClose} title={title} attributes={{ content: { 'data-testid': 'category-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="category-form-error" />
          {action.mode === 'create' && action.parent ? <Text size="sm" c="dimmed">{t('admin.categories.under', { path: action.parent.path })}</Text> : null}
          {action.mode === 'move' ? (
            <>
              <Text size="sm" c="dimmed">{action.category.path}</Text>
              <Select
                label={t('admin.categories.newParent')}
                data={[{ value: TOP, label: t('admin.categories.topLevel') }, ...targets.map((c) => ({ value: String(c.id), label: c.path }))]}
                searchable
                allowDeselect={false}
                data-autofocus
                {...form.getInputProps('parentId')}
                data-testid="category-parentId"
              />
            </>
          ) : (
            <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')} data-testid="category-name" />
          )}
          <FormActions creating={action.mode === 'create'} pending={save.isPending} onCancel={onClose} testId="category-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
