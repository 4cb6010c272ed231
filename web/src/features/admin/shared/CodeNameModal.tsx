import { Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { CODE_PATTERN, codeFromName } from '../process/processModel';
import { useSaveKeys } from './keys';
import { applyFormErrors } from '../../../app/api/errors';

export interface CodeNameValues {
  code: string;
  name: string;
  active: boolean;
}

interface Props {
  title: string;
  context?: string;
  initial: CodeNameValues | null;
  testId: string;
  pending: boolean;
  error: unknown;
  /** Resolves when saved; rejects with the server error to show it on the fields. */
  onSubmit: (values: CodeNameValues) => Promise<unknown>;
  onClose: () => void;
}

/** A small form for anything with a code, a name and a status (dimensions and their values). */
export function CodeNameModal({ title, context, initial, testId, pending, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState<string[]>([]);
  const [codeTouched, setCodeTouched] = useState(!!initial);
  const form = useForm({
    initialValues: initial ?? { code: '', name: '', active: true },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      code: (v) => (!v.trim() ? t('errors.required') : CODE_PATTERN.test(v.trim()) ? null : t('errors.invalid_code')),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    onSubmit({ code: v.code.trim(), name: v.name.trim(), active: v.active }).then(onClose, (err: unknown) => setExtra(applyFormErrors(form, err, t)));
  });
  const saveKeys = useSaveKeys(() => submit(), pending);
  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} onClose={onClose} title={title} attributes={{ content: { 'data-testid': `${testId}-modal` } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={error} extra={extra} testId={`${testId}-form-error`} />
          {context ? <Text size="sm" c="dimmed">{context}</Text> : null}
          <TextInput
            label={t('admin.fields.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(e) => {
              form.setFieldValue('name', e.currentTarget.value);
              if (!codeTouched) form.setFieldValue('code', codeFromName(e.currentTarget.value));
            }}
            data-testid={`${testId}-name`}
          />
          <TextInput
            label={t('admin.fields.code')}
            description={t('admin.fields.codeHint')}
            required
            {...form.getInputProps('code')}
            onChange={(e) => {
              setCodeTouched(true);
              form.setFieldValue('code', e.currentTarget.value);
            }}
            data-testid={`${testId}-code`}
          />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid={`${testId}-active`} />
          <FormActions creating={!initial} pending={pending} onCancel={onClose} testId={`${testId}-save`} />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
