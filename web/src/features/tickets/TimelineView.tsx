import { Avatar, Badge, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlarm, IconArrowsExchange, IconClockExclamation, IconLink, IconLock, IconPaperclip, IconPencil, IconPlus, IconStairsUp } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPercent } from '../../app/format';
import type { TimelineItem } from './api';
import { useCustomFields, useDimensions } from './configApi';
import { stateLabel } from './labels';
import { formatDuration, SLA_COLORS } from './sla';
import { describeEvent, type EventFormat } from './timeline';
import { useDurationUnits } from './Badges';

const EVENT_ICONS: Record<string, typeof IconPlus> = {
  created: IconPlus,
  state: IconArrowsExchange,
  field: IconPencil,
  linked: IconLink,
  unlinked: IconLink,
  attachment: IconPaperclip,
  sla_warning: IconAlarm,
  sla_breach: IconClockExclamation,
  escalated: IconStairsUp,
  escalation_skipped: IconStairsUp,
};

/** SLA events stand out in the SLA badge's colours (sla.ts); a state change in indigo. */
const EVENT_COLORS: Record<string, string> = { state: 'indigo', sla_warning: SLA_COLORS.warning, sla_breach: SLA_COLORS.breached, escalated: SLA_COLORS.breached, escalation_skipped: SLA_COLORS.breached };

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('');
}

function When({ at, ...props }: { at: string; hiddenFrom?: 'sm'; visibleFrom?: 'sm' }) {
  return (
    <Tooltip label={formatDateTime(at)} withArrow>
      <Text size="xs" c="dimmed" component="time" dateTime={at} style={{ whiteSpace: 'nowrap' }} {...props}>
        {dayjs(at).fromNow()}
      </Text>
    </Tooltip>
  );
}

function actorName(t: TFunction, actor: string | null): string {
  return !actor || actor === 'system' ? t('tickets.timeline.system') : actor;
}

function Comment({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const internal = item.visibility === 'internal';
  const name = actorName(t, item.actor);
  return (
    <Paper
      withBorder
      p="sm"
      className={internal ? 'ticket-comment ticket-comment-internal' : 'ticket-comment'}
      data-testid={`timeline-comment-${item.id}`}
      data-visibility={item.visibility}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar size={32} radius="xl" color={internal ? 'yellow' : 'blue'}>{initials(name)}</Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>{name}</Text>
            <When at={item.at} />
          </Stack>
        </Group>
        <Badge size="sm" variant={internal ? 'filled' : 'light'} color={internal ? 'yellow' : 'blue'} leftSection={internal ? <IconLock size={11} /> : null} styles={{ root: { flexShrink: 0 }, label: { textTransform: 'none' } }}>
          {internal ? t('tickets.timeline.internalNote') : t('tickets.timeline.publicReply')}
        </Badge>
      </Group>
      <div className="ticket-markdown" dangerouslySetInnerHTML={{ __html: item.bodyHtml ?? '' }} />
    </Paper>
  );
}

function Event({ item, format }: { item: TimelineItem; format: EventFormat }) {
  const { t } = useTranslation();
  const Icon = EVENT_ICONS[item.event ?? ''] ?? IconPencil;
  const lines = describeEvent(item, actorName(t, item.actor), format);
  if (!lines.length) return null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px={4} data-testid={`timeline-event-${item.id}`} data-event={item.event} data-after={typeof item.after === 'string' ? item.after : undefined}>
      <ThemeIcon size={22} radius="xl" variant="light" color={EVENT_COLORS[item.event ?? ''] ?? 'gray'} mt={1}>
        <Icon size={13} />
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        {lines.map((line, i) => (
          <Text key={i} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t(`tickets.timeline.${line.key}`, line.params)}
          </Text>
        ))}
        <When at={item.at} hiddenFrom="sm" />
      </Stack>
      <When at={item.at} visibleFrom="sm" />
    </Group>
  );
}

/** Replies, internal notes and changes, oldest first. */
export function TimelineView({ items, typeId }: { items: TimelineItem[]; typeId: number }) {
  const { t } = useTranslation();
  const fields = useCustomFields(typeId);
  const dimensions = useDimensions();
  const units = useDurationUnits();
  const format = useMemo<EventFormat>(
    () => ({
      field: (name) => t(`tickets.timeline.fields.${name}`, { defaultValue: name }),
      state: (code) => stateLabel(t, { code }),
      level: (field, level) => t(`tickets.levels.${field}.${level}`, { defaultValue: level }),
      customLabel: (key) => fields.data?.find((f) => f.key === key)?.label ?? key,
      dimension: (code) => dimensions.data?.find((d) => d.code === code)?.name ?? code,
      dateTime: (iso) => formatDateTime(iso),
      minutes: (minutes) => formatDuration(minutes * 60_000, units),
      slaClock: (clock) => t(`tickets.timeline.slaClocks.${clock}`, { defaultValue: clock }),
      percent: (percent) => formatPercent(percent),
    }),
    [t, fields.data, dimensions.data, units],
  );
  if (!items.length) return <Text c="dimmed" size="sm">{t('tickets.timeline.empty')}</Text>;
  return (
    <Stack gap="sm" data-testid="timeline">
      {items.map((item) =>
        item.kind === 'comment' ? <Comment key={`c${item.id}`} item={item} /> : <Event key={`e${item.id}`} item={item} format={format} />,
      )}
    </Stack>
  );
}
