import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { type ServiceRecord, useReturnRecord } from './api';

/** Sends a submitted (or approved) record back to its technician as a draft, with a reason. */
export function ReturnModal({ record, onClose, onDone }: { record: ServiceRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const back = useReturnRecord();
  return (
    <Modal opened onClose={onClose} title={t('records.return.title')} attributes={{ content: { 'data-testid': 'return-modal' } }}>
      <Stack gap="sm">
        <FormErrorAlert error={back.error} testId="return-error" />
        <Text size="sm">{t('records.return.text', { technician: record.technician.name, ticket: record.ticket.number })}</Text>
        <Textarea label={t('records.return.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid="return-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" loading={back.isPending} onClick={() => back.mutate({ id: record.id, reason }, { onSuccess: onDone })} data-testid="return-confirm">
            {t('records.return.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
