import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconClockPause, IconClockExclamation, IconClockCheck, IconClock, IconAlarm } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSla, type Priority, type Sla, type Ticket } from './api';
import { categoryColor, PRIORITY_COLORS, stateLabel } from './labels';
import { SLA_COLORS, slaBadgeText, slaView, type SlaStatus } from './sla';
import { headlineStatus, headlineText, slaHeadline } from './workingTime';
import { formatDateTime } from '../../app/format';

// One clock for every SLA badge on the page, ticking every 30 s.
/** A deadline in full: the weekday, then the date and time as the app writes them ("pondělí 30. 11. 2026 9:00"). */
function dueMoment(at: string): string {
  return `${dayjs(at).format('dddd')} ${formatDateTime(at)}`;
}

const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

// Badges never shrink into an ellipsis (a table cell would otherwise squeeze them).
const NO_SHRINK = { root: { minWidth: 'max-content' }, label: { textTransform: 'none' as const } };
const NO_SHRINK_TABULAR = { ...NO_SHRINK, label: { ...NO_SHRINK.label, fontVariantNumeric: 'tabular-nums' } };

const SLA_ICONS: Record<SlaStatus, typeof IconClock> = {
  running: IconClock,
  warning: IconAlarm,
  breached: IconClockExclamation,
  paused: IconClockPause,
  met: IconClockCheck,
  none: IconClock,
};

/** The duration units of the reader's language; the same object while the language stays (safe in memo deps). */
export function useDurationUnits() {
  const { t } = useTranslation();
  return useMemo(() => ({ d: t('tickets.units.d'), h: t('tickets.units.h'), m: t('tickets.units.m') }), [t]);
}

/**
 * The list's SLA badge: the due moment ("do 14:00", "do zítra 9:00"), or since when it is
 * overdue, in the status colour. A moment, not a time left: the list cannot count working
 * time (the ticket page does), and a calendar duration beside it would mean something else.
 */
export function SlaBadge({ sla, testId, size = 'md' }: { sla: Pick<Sla, 'status' | 'dueAt'>; testId?: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const current = useNow();
  const view = slaView(sla, current);
  const text = slaBadgeText(t, sla, view, current);
  const status = t(`tickets.sla.status.${view.status}`);
  const Icon = SLA_ICONS[view.status];
  const badge = (
    <Badge
      color={view.color}
      variant={view.status === 'breached' || view.status === 'warning' ? 'filled' : 'light'}
      size={size}
      leftSection={<Icon size={13} stroke={1.8} />}
      data-testid={testId}
      data-status={view.status}
      styles={NO_SHRINK_TABULAR}
      aria-label={`${t('tickets.sla.label')}: ${status}${text !== status ? `, ${text}` : ''}`}
    >
      {text}
    </Badge>
  );
  if (!sla.dueAt) return badge;
  // The full due time, weekday written out (as the ticket header writes it).
  return (
    <Tooltip label={`${status} · ${t('tickets.sla.due')} ${dueMoment(sla.dueAt)}`} withArrow>
      {badge}
    </Tooltip>
  );
}

/**
 * The ticket header's SLA: the working time left to the target that runs out first
 * (or over it, or paused) and its due time, e.g. "2 h 15 min working time left" and "due Monday 30/11/2026 10:00".
 * `ticketAt`: when the ticket was fetched, so a newer SLA poll wins over it.
 */
export function SlaHeadlineBadge({ ticket, ticketAt, testId }: { ticket: Ticket; ticketAt: number; testId: string }) {
  const { t } = useTranslation();
  const sla = useLiveSla(ticket, ticketAt);
  const current = useNow();
  const units = useDurationUnits();
  const headline = slaHeadline(sla.sla, sla.slaTargets, current);
  const status = headlineStatus(headline);
  const text = headlineText(headline, units);
  const Icon = headline.kind === 'paused' ? IconClockPause : SLA_ICONS[status];
  const words = text.time ? t(text.key, { time: text.time }) : t(text.key);
  const dueAt = headline.kind === 'left' || headline.kind === 'over' ? headline.dueAt : null;
  return (
    // The due time goes under the badge when a phone has no room for both on one line: no
    // separator character, which would open that second line.
    <Group gap={8} wrap="wrap">
      <Badge
        color={SLA_COLORS[status]}
        variant={status === 'breached' || status === 'warning' ? 'filled' : 'light'}
        size="lg"
        leftSection={<Icon size={13} stroke={1.8} />}
        data-testid={testId}
        data-status={status}
        styles={NO_SHRINK_TABULAR}
        aria-label={`${t('tickets.sla.label')}: ${words}`}
      >
        {words}
      </Badge>
      {/* The weekday in full: Czech and Slovak "po" (Monday) reads as "after", "termín po 30.11." as "due after 30 Nov". */}
      {dueAt ? (
        <Text size="sm" c="dimmed" data-testid={`${testId}-due`} style={{ whiteSpace: 'nowrap' }}>
          {t('tickets.sla.working.due', { at: dueMoment(dueAt) })}
        </Text>
      ) : null}
    </Group>
  );
}

export function StateBadge({ state, testId, size = 'md' }: { state: { code: string; name: string; category: string }; testId?: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={categoryColor(state.category)} variant="light" size={size} data-testid={testId} data-state={state.code} styles={NO_SHRINK}>
      {stateLabel(t, state)}
    </Badge>
  );
}

export function PriorityBadge({ priority, testId, size = 'md', overridden }: { priority: Priority; testId?: string; size?: 'xs' | 'sm' | 'md' | 'lg'; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={`${t(`tickets.priorities.${priority}`)}${overridden ? ` · ${t('tickets.priority.overridden')}` : ''}`} withArrow>
      <Badge color={PRIORITY_COLORS[priority]} variant={priority === 'P1' ? 'filled' : 'light'} size={size} data-testid={testId} data-priority={priority} styles={{ root: { minWidth: 'max-content' } }}>
        {priority}
        {overridden ? '*' : ''}
      </Badge>
    </Tooltip>
  );
}
