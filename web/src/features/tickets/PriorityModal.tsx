import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type Level, type Priority, type Ticket, type TicketPatch, useUpdateTicket } from './api';
import { TICKET_DIALOG_SHORTCUTS } from './keys';
import { PriorityFields } from './PriorityFields';
import { useTicketErrorHandler } from './useTicketErrors';
import { notify } from './notify';

/** Impact, urgency and (with tickets.prioritize) an explicit priority. */
export function PriorityModal({ ticket, onClose, onStale }: { ticket: Ticket; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canOverride = me.permissions.includes('tickets.prioritize');
  const update = useUpdateTicket(ticket.id);
  const handleError = useTicketErrorHandler(ticket.id, onStale);
  const [value, setValue] = useState<{ impact: Level; urgency: Level; priority: Priority | '' }>({
    impact: ticket.impact,
    urgency: ticket.urgency,
    priority: ticket.priorityOverridden ? ticket.priority : '',
  });

  const save = () => {
    const body: TicketPatch = { version: ticket.version };
    if (value.impact !== ticket.impact) body.impact = value.impact;
    if (value.urgency !== ticket.urgency) body.urgency = value.urgency;
    // Only those who may override send a priority: a value sets it, null returns to the matrix.
    const before = ticket.priorityOverridden ? ticket.priority : '';
    if (canOverride && value.priority !== before) body.priority = value.priority || null;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        notify('green', t('tickets.priority.saved'));
        onClose();
      },
      onError: (error) => {
        handleError(error);
        onClose();
      },
    });
  };

  const saveKeys = useFieldShortcuts(TICKET_DIALOG_SHORTCUTS, { save });

  return (
    <Modal opened onClose={onClose} title={`${t('tickets.priority.title')} · ${ticket.number}`} size="lg" attributes={{ content: { 'data-testid': 'priority-modal' } }}>
      <Stack gap="md" onKeyDown={saveKeys}>
        <PriorityFields
          impact={value.impact}
          urgency={value.urgency}
          priority={value.priority}
          onChange={(patch) => setValue((v) => ({ ...v, ...patch }))}
          canOverride={canOverride}
          prefix="priority"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={save} loading={update.isPending} data-testid="priority-save" data-autofocus>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
