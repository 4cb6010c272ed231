import { Alert, Anchor, Button, Group, Select, Text } from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api/client';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { usePhone } from '../../app/components/usePhone';
import { pickerProps } from '../../app/components/pickerProps';
import { useWorkTypes } from '../pricing/catalogueApi';
import { type Timer, useDiscardTimer, useStartTimer, useTimer, useUpdateTimer } from './api';
import { recordError } from './errors';
import { formatElapsed } from './format';
import { RecordForm } from './RecordForm';
import { rememberedWorkType, rememberWorkType } from './recordFormModel';
import { useElapsed } from './useElapsed';

/**
 * The technician's timer on this ticket. The server keeps it (one per user), so
 * it survives a reload. Stopping opens the log form filled with what it measured,
 * to correct or discard; logging that form stops it and makes a draft work entry.
 */
export function TimerControl({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const timer = useTimer(true);
  const start = useStartTimer();
  const discard = useDiscardTimer();
  const [problem, setProblem] = useState<string | null>(null);
  /** The timer as it was when Stop was pressed: the minutes in the dialog stay as measured then. */
  const [stopping, setStopping] = useState<Timer | null>(null);
  // Whether the stop dialog's form was changed (a description typed…): closing it then asks first.
  const [stopDirty, setStopDirty] = useState(false);
  const [reading, setReading] = useState(false);
  const running = timer.data ?? null;
  const here = running?.ticket.id === ticketId;
  const elapsed = useElapsed(here ? running.startedAt : null);
  const size = phone ? 'md' : 'sm';
  const workTypes = useWorkTypes('true');
  const update = useUpdateTimer();
  // A new timer starts with the work type last used in this browser; it can be changed while it runs.
  const workTypeId = () => {
    const chosen = Number(rememberedWorkType());
    return Number.isInteger(chosen) && chosen > 0 ? chosen : undefined;
  };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.details.some((d) => d.path === 'workTypeId')) {
      setProblem(t('records.timer.pickWorkType'));
      return;
    }
    if (isApiError(error) && error.code === 'timer_running' && typeof error.extra.ticketNumber === 'string') {
      setProblem(t('records.timer.runningElsewhere', { number: error.extra.ticketNumber }));
    } else setProblem(recordError(t, error));
  };

  const onStart = () => {
    setProblem(null);
    start.mutate({ ticketId, workTypeId: workTypeId() }, { onError });
  };
  const onPickWorkType = (value: string | null) => {
    if (!value) return;
    setProblem(null);
    rememberWorkType(value);
    update.mutate({ workTypeId: Number(value) }, { onError });
  };
  // The server's reading of the timer (its elapsed minutes and local start), not this browser's clock.
  const onStop = async () => {
    setProblem(null);
    setReading(true);
    try {
      const fresh = await timer.refetch();
      if (fresh.error) setProblem(recordError(t, fresh.error));
      else if (fresh.data) setStopping(fresh.data);
    } finally {
      setReading(false);
    }
  };
  const closeStopDialog = () => {
    setStopDirty(false);
    setStopping(null);
  };
  // The dialog's own way out: the timer is thrown away on purpose, so nothing is asked.
  const onDiscard = () => {
    setProblem(null);
    discard.mutate(undefined, { onError, onSuccess: closeStopDialog });
  };

  return (
    <div data-testid="timer" data-running={running ? (here ? 'here' : 'elsewhere') : 'no'}>
      <Group gap="xs" wrap="wrap" justify={phone ? 'flex-start' : 'flex-end'}>
        {here ? (
          <>
            <Select
              size={size}
              placeholder={t('records.fields.workType')}
              aria-label={t('records.fields.workType')}
              data={(workTypes.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
              value={running.workType ? String(running.workType.id) : null}
              onChange={onPickWorkType}
              allowDeselect={false}
              {...pickerProps()}
              nothingFoundMessage={t('common.nothingFound')}
              disabled={update.isPending}
              w={phone ? '100%' : 180}
              data-testid="timer-workType"
              data-value={running.workType?.id ?? ''}
            />
            <Text fw={700} size="lg" className="records-elapsed" data-testid="timer-elapsed" aria-live="off">{formatElapsed(elapsed)}</Text>
            <Button size={size} color="red" leftSection={<IconPlayerStop size={16} />} loading={reading} onClick={() => void onStop()} data-testid="timer-stop">
              {t('records.timer.stop')}
            </Button>
            <Button size={size} variant="subtle" color="gray" leftSection={<IconX size={16} />} loading={discard.isPending} onClick={onDiscard} data-testid="timer-discard">
              {t('records.timer.discard')}
            </Button>
          </>
        ) : (
          <Button size={size} variant="light" leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} disabled={timer.isPending} onClick={onStart} data-testid="timer-start">
            {t('records.timer.start')}
          </Button>
        )}
      </Group>
      {running && !here ? (
        <Text size="xs" c="dimmed" ta="right" mt={4} data-testid="timer-elsewhere">
          {t('records.timer.elsewhere')}{' '}
          <Anchor component={Link} to={`/tickets/${running.ticket.id}`} size="xs">{running.ticket.number}</Anchor>
        </Text>
      ) : null}
      {problem ? (
        <Alert color="orange" mt="xs" p="xs" role="alert" withCloseButton onClose={() => setProblem(null)} data-testid="timer-error">
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
      <UnsavedChangesModal
        opened={stopping !== null}
        dirty={stopDirty}
        onClose={closeStopDialog}
        fullScreen={phone}
        size="lg"
        title={t('records.timer.stopTitle')}
        attributes={{ content: { 'data-testid': 'timer-stop-modal' } }}
      >
        <Text size="sm" c="dimmed" mb="sm">{t('records.timer.stopHint')}</Text>
        {discard.error ? <Alert color="orange" mb="sm" p="xs" role="alert"><Text size="sm">{recordError(t, discard.error)}</Text></Alert> : null}
        {stopping ? (
          <RecordForm
            key={stopping.startedAt}
            ticketId={ticketId}
            timer={stopping}
            onSaved={closeStopDialog}
            onDirtyChange={setStopDirty}
            secondaryAction={(
              <Button size={size} variant="subtle" color="red" leftSection={<IconX size={16} />} loading={discard.isPending} onClick={onDiscard} data-testid="timer-stop-discard">
                {t('records.timer.discardTimer')}
              </Button>
            )}
          />
        ) : null}
      </UnsavedChangesModal>
    </div>
  );
}
