import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { useLiveSla, type CustomValue, type SlaTargetOutcome, type Ticket } from './api';
import { useDurationUnits, useNow } from './Badges';
import { useActiveStaffIds, useCustomFields, useDimensions } from './configApi';
import { assigneeName, typeLabel } from './labels';
import { formatDuration, targetDisplay } from './sla';
import { workingLeftText } from './workingTime';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" className="ticket-fact">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </div>
    </Group>
  );
}

const dash = <Text size="sm" c="dimmed">—</Text>;

// One part of an e-mail address: on one line, ending in "…" when the column is narrower.
const EMAIL_PART = { display: 'inline-block', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'top' } as const;

/**
 * An e-mail address in the narrow column: it breaks only before its "@" (a hyphen in
 * "strojirny-brno.cz" is no place to break); a part still too long is cut with "…",
 * and the whole address is in the tooltip.
 */
function EmailLink({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  const parts = at > 0 ? [email.slice(0, at), email.slice(at)] : [email];
  return (
    <Anchor href={`mailto:${email}`} size="xs" title={email} style={{ display: 'inline-block', maxWidth: '100%' }} data-testid="ticket-requester-email">
      {parts.map((part) => <span key={part} style={EMAIL_PART}>{part}</span>)}
    </Anchor>
  );
}

/**
 * One SLA target: while it runs, its due time with the time left or overdue; once it
 * stopped, its outcome (met, or missed and by how much). `viaResolution`: the ticket was
 * resolved before any reply, so the resolution was the first response.
 */
function SlaTarget({ target, viaResolution, testId }: { target: SlaTargetOutcome; viaResolution?: boolean; testId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const units = useDurationUnits();
  const shown = targetDisplay(target, now);
  const via = viaResolution ? <Text span size="xs" c="dimmed"> · {t('tickets.sla.outcome.viaResolution')}</Text> : null;
  switch (shown.kind) {
    case 'met':
      return <Text size="sm" c="green.8" data-testid={testId} data-outcome="met">✓ {t('tickets.sla.outcome.met', { at: formatDateTime(shown.at) })}{via}</Text>;
    case 'missed':
      return (
        <Text size="sm" c="red" fw={600} data-testid={testId} data-outcome="missed">
          ✗ {t('tickets.sla.outcome.missed', { at: formatDateTime(shown.at), time: formatDuration(shown.lateMs, units) })}{via}
        </Text>
      );
    case 'paused':
      return <Text size="sm" c="dimmed" data-testid={testId}>{t('tickets.sla.status.paused')}</Text>;
    case 'none':
      return <Text size="sm" c="dimmed" data-testid={testId}>—</Text>;
    case 'countdown': {
      // In working time when the server counted it; wall-clock time only from an answer without the count.
      const working = shown.workingMinutesLeft;
      const overdue = working !== null ? working < 0 || target.status === 'breached' : shown.remainingMs < 0;
      const text = working !== null ? workingLeftText(working, units, overdue) : null;
      const time = formatDuration(shown.remainingMs, units);
      return (
        <Text size="sm" data-testid={testId} data-outcome="running">
          {formatDateTime(shown.dueAt)}{' '}
          <Text span size="sm" c={overdue ? 'red' : shown.warning ? 'orange.8' : 'dimmed'} fw={overdue || shown.warning ? 600 : undefined} data-warning={shown.warning || undefined}>
            ({text ? t(text.key, { time: text.time }) : overdue ? t('tickets.sla.overdue', { time }) : t('tickets.sla.left', { time })})
          </Text>
        </Text>
      );
    }
  }
}

function customText(value: CustomValue | undefined, kind: string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (kind === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** The ticket's properties, SLA first (the side panel; first on phones). */
export function TicketFacts({ ticket, ticketAt }: { ticket: Ticket; ticketAt: number }) {
  const { t } = useTranslation();
  const live = useLiveSla(ticket, ticketAt);
  const slaTargets = live.slaTargets;
  const { can } = useAuth();
  const fields = useCustomFields(ticket.type.id);
  const dimensions = useDimensions();
  const activeStaff = useActiveStaffIds();
  const paused = live.sla.status === 'paused';
  const watchers = [...ticket.watchers.users, ...ticket.watchers.contacts].map((w) => w.name);
  const customKeys = [...new Set([...(fields.data ?? []).map((f) => f.key), ...Object.keys(ticket.custom)])];

  return (
    <Paper withBorder p="md" data-testid="ticket-facts">
      <Title order={2} size="h5" mb="sm">{t('tickets.detail.details')}</Title>
      <Stack gap={8}>
        <Row label={t('tickets.sla.firstResponse')}>
          <SlaTarget
            target={slaTargets.firstResponse}
            viaResolution={ticket.firstResponseAt === null && slaTargets.firstResponse.stoppedAt !== null}
            testId="ticket-sla-first-response"
          />
        </Row>
        <Row label={t('tickets.sla.resolution')}>
          <SlaTarget target={slaTargets.resolution} testId="ticket-sla-resolution" />
        </Row>
        {paused ? <Text size="xs" c="dimmed">{t('tickets.sla.pausedHint')}</Text> : null}
        <Divider />
        <Row label={t('tickets.fields.client')} testId="ticket-client">
          {can('clients.read') ? (
            <Anchor component={Link} to={`/clients/${ticket.client.id}`} size="sm">{ticket.client.name}</Anchor>
          ) : (
            <Text size="sm">{ticket.client.name}</Text>
          )}
        </Row>
        <Row label={t('tickets.fields.requester')} testId="ticket-requester">
          {ticket.requester ? (
            <>
              <Text size="sm">{ticket.requester.name}</Text>
              {ticket.requester.email ? <EmailLink email={ticket.requester.email} /> : null}
            </>
          ) : (
            <Text size="sm" c="dimmed">{t('tickets.noRequester')}</Text>
          )}
        </Row>
        <Divider />
        <Row label={t('tickets.fields.queue')}><Text size="sm">{ticket.queue.name}</Text></Row>
        <Row label={t('tickets.fields.team')}>{ticket.team ? <Text size="sm">{ticket.team.name}</Text> : dash}</Row>
        <Row label={t('tickets.fields.assignee')} testId="ticket-assignee">
          <Text size="sm" c={ticket.assignee ? undefined : 'dimmed'}>{ticket.assignee ? assigneeName(t, ticket.assignee, activeStaff) : t('tickets.unassigned')}</Text>
        </Row>
        {/* Shown empty too: the edit dialog is where watchers are added, and this says there are none yet. */}
        <Row label={t('tickets.fields.watchers')} testId="ticket-watchers">{watchers.length ? <Text size="sm">{watchers.join(', ')}</Text> : dash}</Row>
        <Divider />
        <Row label={t('tickets.fields.type')}><Text size="sm">{typeLabel(t, ticket.type)}</Text></Row>
        <Row label={t('tickets.fields.category')}>{ticket.category ? <Text size="sm">{ticket.category.path}</Text> : dash}</Row>
        <Row label={`${t('tickets.fields.impact')} / ${t('tickets.fields.urgency')}`}>
          <Text size="sm">{t(`tickets.levels.impact.${ticket.impact}`)} / {t(`tickets.levels.urgency.${ticket.urgency}`)}</Text>
        </Row>
        <Row label={t('tickets.fields.tags')} testId="ticket-tags">
          {ticket.tags.length ? (
            <Group gap={4}>
              {ticket.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>{tag}</Badge>
              ))}
            </Group>
          ) : dash}
        </Row>
        {ticket.dimensions.map((d) => (
          <Row key={d.dimension} label={dimensions.data?.find((x) => x.code === d.dimension)?.name ?? d.dimension}><Text size="sm">{d.valueName}</Text></Row>
        ))}
        {customKeys.length ? <Divider /> : null}
        {customKeys.map((key) => {
          const field = fields.data?.find((f) => f.key === key);
          return (
            <Row key={key} label={field?.label ?? key} testId={`ticket-custom-${key}`}>
              <Text size="sm">{customText(ticket.custom[key], field?.kind)}</Text>
            </Row>
          );
        })}
        <Divider />
        <Row label={t('tickets.fields.createdAt')}><Text size="sm">{formatDateTime(ticket.createdAt)}</Text></Row>
        <Row label={t('tickets.fields.updatedAt')}><Text size="sm">{formatDateTime(ticket.updatedAt)}</Text></Row>
      </Stack>
    </Paper>
  );
}
