import { Alert, Anchor, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerStop, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api/client';
import { usePhone } from '../admin/shared/usePhone';
import { useWorkTypes } from '../pricing/catalogueApi';
import { useDiscardTimer, useStartTimer, useStopTimer, useTimer, useUpdateTimer } from './api';
import { recordError } from './errors';
import { formatElapsed, formatMinutes } from './format';
import { rememberedWorkType, rememberWorkType } from './recordFormModel';

/** Seconds since an instant, ticking every second. */
function useElapsed(startedAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  return startedAt ? (now - new Date(startedAt).getTime()) / 1000 : 0;
}

/**
 * The technician's timer on this ticket. The server keeps it (one per user), so
 * it survives a reload; stopping it makes a draft work entry.
 */
export function TimerControl({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const timer = useTimer(true);
  const start = useStartTimer();
  const stop = useStopTimer();
  const discard = useDiscardTimer();
  const [problem, setProblem] = useState<string | null>(null);
  const running = timer.data ?? null;
  const here = running?.ticket.id === ticketId;
  const elapsed = useElapsed(here ? running.startedAt : null);
  const size = phone ? 'md' : 'sm';
  const workTypes = useWorkTypes('true');
  const update = useUpdateTimer();
  // Stopping makes a work entry, which needs a work type: the timer's (picked while it runs
  // and kept by the server, so it survives a reload), else the last one used in this browser.
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
  const onStop = () => {
    setProblem(null);
    stop.mutate(running?.workType ? {} : { workTypeId: workTypeId() }, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('records.timer.stopped', { minutes: formatMinutes(r.minutes) }), position: 'bottom-right' });
      },
      onError,
    });
  };
  const onDiscard = () => {
    setProblem(null);
    discard.mutate(undefined, { onError });
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
              disabled={update.isPending}
              error={!running.workType}
              w={phone ? '100%' : 180}
              data-testid="timer-workType"
              data-value={running.workType?.id ?? ''}
            />
            <Text fw={700} size="lg" className="records-elapsed" data-testid="timer-elapsed" aria-live="off">{formatElapsed(elapsed)}</Text>
            <Button size={size} color="red" leftSection={<IconPlayerStop size={16} />} loading={stop.isPending} onClick={onStop} data-testid="timer-stop">
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
    </div>
  );
}
