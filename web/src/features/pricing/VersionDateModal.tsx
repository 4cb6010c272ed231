import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { DateField } from '../../app/components/DateFields';
import { useSaveKeys } from '../admin/shared/keys';

/** Asks for the date a new version is valid from (copy of a version, or an empty one). */
export function VersionDateModal({ title, text, pending, error, testId, onSubmit, onClose }: {
  title: string;
  text: string;
  pending: boolean;
  error: unknown;
  testId: string;
  onSubmit: (validFrom: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [validFrom, setValidFrom] = useState('');
  const submit = () => { if (validFrom) onSubmit(validFrom); };
  const saveKeys = useSaveKeys(submit, pending);
  const fieldError = isApiError(error) ? error.details.find((d) => d.path === 'validFrom') : undefined;
  return (
    <Modal opened onClose={onClose} title={title} attributes={{ content: { 'data-testid': `${testId}-modal` } }}>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={fieldError ? null : error} testId={`${testId}-error`} />
          <Text size="sm">{text}</Text>
          <DateField label={t('pricing.fields.validFrom')} required value={validFrom} onChange={setValidFrom}
            error={fieldError ? detailMessage(t, fieldError) : undefined} data-autofocus data-testid={`${testId}-validFrom`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={pending} disabled={!validFrom} data-testid={`${testId}-submit`}>{t('admin.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
