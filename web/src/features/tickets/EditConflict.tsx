import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { type Ticket, ticketKeys } from './api';
import { notify } from './notify';

type Conflict = { kind: 'stale' } | { kind: 'rebased'; overlap: string[] } | null;

/**
 * A ticket dialog whose save was refused because someone else saved the ticket first
 * (409 stale_version) stays open with what the user typed. `reload` reads the ticket as
 * it is now and hands it to the dialog, which puts the user's changes over it (rebaseEdits)
 * and answers with the names of the fields someone else changed too; the user saves again.
 */
export function useEditConflict(ticketId: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict>(null);
  const [loading, setLoading] = useState(false);

  const reload = async (rebase: (current: Ticket) => string[]) => {
    setLoading(true);
    try {
      // The page's own query: the page behind the dialog shows the same version the dialog edits.
      await queryClient.refetchQueries({ queryKey: ticketKeys.detail(ticketId), exact: true }, { throwOnError: true });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
      const current = queryClient.getQueryData<Ticket>(ticketKeys.detail(ticketId));
      if (current) setConflict({ kind: 'rebased', overlap: rebase(current) });
    } catch (error) {
      notify('red', errorMessage(t, error));
    } finally {
      setLoading(false);
    }
  };

  return { conflict, loading, stale: () => setConflict({ kind: 'stale' }), reload };
}

interface Props {
  conflict: Conflict;
  loading: boolean;
  onReload: () => void;
  /** Where the keyboard goes once the current version is in: the dialog's save button. */
  afterReload: () => void;
  testId: string;
  /**
   * What the dialog adds once the current version is in: `lead` says what else changed
   * (e.g. the state someone else moved the ticket to), `actions` the ways on; `saveable`
   * false when what the user typed cannot be saved as it stands (the notice then warns
   * and asks for a choice instead of "check and save").
   */
  after?: { lead?: ReactNode; actions?: ReactNode; saveable: boolean };
}

/** In the dialog: the save was refused and nothing is lost, with the way on; then what was kept. */
export function EditConflictNotice({ conflict, loading, onReload, afterReload, testId, after }: Props) {
  const { t } = useTranslation();
  const reloadButton = useRef<HTMLButtonElement>(null);
  const kind = conflict?.kind ?? null;
  // The button that was pressed (save) is busy and the message is new: the keyboard goes to the way on.
  useEffect(() => {
    if (kind === 'stale') reloadButton.current?.focus();
    if (kind === 'rebased') afterReload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conflict]);

  if (!conflict) return null;
  if (conflict.kind === 'stale') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('tickets.conflict.title')} role="alert" data-testid={testId} data-state="stale">
        <Text size="sm" mb="xs">{t('tickets.conflict.text')}</Text>
        <Button ref={reloadButton} size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} loading={loading} onClick={onReload} data-testid={`${testId}-reload`}>
          {t('tickets.conflict.reload')}
        </Button>
      </Alert>
    );
  }
  const saveable = after?.saveable ?? true;
  return (
    <Alert
      color={saveable ? 'blue' : 'orange'}
      icon={saveable ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
      role={saveable ? 'status' : 'alert'}
      data-testid={testId}
      data-state="rebased"
      data-saveable={saveable}
    >
      {after?.lead}
      <Text size="sm">{t(saveable ? 'tickets.conflict.rebased' : 'tickets.conflict.rebasedKept')}</Text>
      {conflict.overlap.length ? (
        <Text size="sm" fw={500} mt={4} data-testid={`${testId}-overlap`}>{t('tickets.conflict.overlap', { fields: conflict.overlap.join(', ') })}</Text>
      ) : null}
      {after?.actions}
    </Alert>
  );
}
