import { Box, Button, Tooltip } from '@mantine/core';
import { IconPlayerRecordFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { useTimer } from './api';
import { formatElapsed } from './format';
import { useElapsed } from './useElapsed';

/**
 * The user's running timer in the app's header, on every page: which ticket and how long
 * so far; a click opens the ticket, where it is stopped. Nothing when no timer runs.
 */
export function RunningTimer() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const timer = useTimer(can('records.write'));
  const running = timer.data ?? null;
  const elapsed = useElapsed(running?.startedAt ?? null);
  if (!running) return null;
  const label = t('records.timer.runningOn', { number: running.ticket.number, subject: running.ticket.subject });
  return (
    <Tooltip label={label} multiline maw={320}>
      <Button
        component={Link}
        to={`/tickets/${running.ticket.id}`}
        variant="light"
        color="red"
        size="compact-sm"
        leftSection={<IconPlayerRecordFilled size={12} />}
        aria-label={`${label} (${formatElapsed(elapsed)})`}
        data-testid="header-timer"
        data-ticket={running.ticket.id}
      >
        {/* On a phone the header has room for the time only; the label and tooltip name the ticket. */}
        <Box component="span" className="mono" mr={8} visibleFrom="sm" data-testid="header-timer-ticket">{running.ticket.number}</Box>
        <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="header-timer-elapsed">{formatElapsed(elapsed)}</span>
      </Button>
    </Tooltip>
  );
}
