import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { type ServiceRecord, useReturnRecord } from './api';

/** Sends a submitted (or approved) record back to its technician as a draft, with a reason. */
export function ReturnModal({ record, onClose, onDone }: { record: ServiceRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const back = useReturnRecord();
  // The technician corrects the record by the reason: it is required (the API refuses a return without one too).
  const confirm = () => {
    if (!reason.trim()) return setMissing(true);
    back.mutate({ id: record.id, reason }, { onSuccess: onDone });
  };
  return (
    <Modal opened onClose={onClose} title={t('records.return.title')} attributes={{ content: { 'data-testid': 'return-modal' } }}>
      <Stack gap="sm">
        <FormErrorAlert error={back.error} testId="return-error" />
        <Text size="sm">{t('records.return.text', { technician: record.technician.name, ticket: record.ticket.number })}</Text>
        <Textarea
          label={t('records.return.reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setMissing(false); }}
          error={missing ? t('records.return.reasonRequired') : undefined}
          data-autofocus
          data-testid="return-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" loading={back.isPending} onClick={confirm} data-testid="return-confirm">
            {t('records.return.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
