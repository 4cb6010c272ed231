import { Button, Group, Stack } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import { hasChanges } from '../../app/components/unsavedChanges';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useFieldShortcuts } from '../../app/components/useShortcuts';
import { type Level, type Priority, type Ticket, type TicketPatch, useUpdateTicket } from './api';
import { EditConflictNotice, useEditConflict } from './EditConflict';
import { TICKET_DIALOG_SHORTCUTS } from './keys';
import { PriorityFields } from './PriorityFields';
import { rebaseEdits } from './ticketFormModel';
import { isStale, useTicketErrorHandler } from './useTicketErrors';
import { notify } from './notify';

interface PriorityValues {
  impact: Level;
  urgency: Level;
  /** '' = from impact × urgency */
  priority: Priority | '';
}

const priorityValues = (ticket: Ticket): PriorityValues => ({
  impact: ticket.impact,
  urgency: ticket.urgency,
  priority: ticket.priorityOverridden ? ticket.priority : '',
});

/**
 * Impact, urgency and (with tickets.prioritize) an explicit priority. Someone else's save in
 * between keeps the dialog open with the user's choice (EditConflict).
 */
export function PriorityModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canOverride = me.permissions.includes('tickets.prioritize');
  const update = useUpdateTicket(ticket.id);
  const conflict = useEditConflict(ticket.id);
  const handleError = useTicketErrorHandler(ticket.id, conflict.stale);
  // What the choice started from: the changes are what differs from it, and its version is sent.
  const base = useRef({ version: ticket.version, values: priorityValues(ticket) });
  const [value, setValue] = useState<PriorityValues>(base.current.values);
  const saveButton = useRef<HTMLButtonElement>(null);

  const save = () => {
    const before = base.current.values;
    const body: TicketPatch = { version: base.current.version };
    if (value.impact !== before.impact) body.impact = value.impact;
    if (value.urgency !== before.urgency) body.urgency = value.urgency;
    // Only those who may override send a priority: a value sets it, null returns to the matrix.
    if (canOverride && value.priority !== before.priority) body.priority = value.priority || null;
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
        if (!isStale(error)) onClose();
      },
    });
  };

  // The ticket as it is now, with what this user changed put back over it.
  const reload = () =>
    void conflict.reload((current) => {
      const now = priorityValues(current);
      const { values: next, overlap } = rebaseEdits(base.current.values, value, now);
      base.current = { version: current.version, values: now };
      setValue(next);
      update.reset();
      return overlap.map((field) => (field === 'priority' ? t('tickets.priority.override') : t(`tickets.fields.${field}`)));
    });

  const saveKeys = useFieldShortcuts(TICKET_DIALOG_SHORTCUTS, { save });

  // The dialog opens on the impact's current value, ready for the arrow keys (Ctrl+Enter saves), not on
  // Save, where an Enter would save the priority unchanged. The segmented control takes no attributes per
  // option, so its checked option is marked here, before the dialog puts the focus on what is marked.
  const markImpactForFocus = useCallback((node: HTMLDivElement | null) => {
    node?.querySelector('[data-testid="priority-impact"] input:checked')?.setAttribute('data-autofocus', 'true');
  }, []);

  return (
    <UnsavedChangesModal opened dirty={hasChanges(base.current.values, value)} onClose={onClose} title={`${t('tickets.priority.title')} · ${ticket.number}`} size="lg" attributes={{ content: { 'data-testid': 'priority-modal' } }}>
      <Stack gap="md" onKeyDown={saveKeys} ref={markImpactForFocus}>
        <EditConflictNotice conflict={conflict.conflict} loading={conflict.loading} onReload={reload} afterReload={() => saveButton.current?.focus()} testId="priority-conflict" />
        <PriorityFields
          impact={value.impact}
          urgency={value.urgency}
          priority={value.priority}
          onChange={(patch) => setValue((v) => ({ ...v, ...patch }))}
          canOverride={canOverride}
          prefix="priority"
        />
        <Group justify="flex-end">
          <CancelButton onCancel={onClose} />
          <Button ref={saveButton} onClick={save} loading={update.isPending} data-testid="priority-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </UnsavedChangesModal>
  );
}
