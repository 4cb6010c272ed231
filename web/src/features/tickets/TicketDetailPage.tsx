import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { useDocumentTitle } from '../../app/components/documentTitle';
import { ErrorState, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { usePageShortcuts } from '../../app/components/useShortcuts';
import { useStackedColumns } from '../../app/components/usePhone';
import { useTicket, useTimeline } from './api';
import { TICKET_DETAIL_SHORTCUTS } from './keys';
import { AttachmentsPanel } from './AttachmentsPanel';
import { PriorityBadge, SlaHeadlineBadge, StateBadge } from './Badges';
import { typeLabel } from './labels';
import { RecordsPanel } from '../records/RecordsPanel';
import { TicketMaterial } from '../warehouse/TicketMaterial';
import { TicketContractSelector } from '../contracts/TicketContractSelector';
import { RelatedTickets } from './RelatedTickets';
import { ReplyBox } from './ReplyBox';
import { TicketActions } from './TicketActions';
import { TicketFacts } from './TicketFacts';
import { TimelineView } from './TimelineView';
import './tickets.css';

export default function TicketDetailPage() {
  // A ticket that does not exist and one the user may not see get the same answer (404): the text names both.
  const notFound = useNotFoundText('tickets.notFound', '/tickets');
  return <RecordPage notFound={notFound}>{(id) => <TicketDetail id={id} notFound={notFound} />}</RecordPage>;
}

function TicketDetail({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const query = useTicket(id);
  const timeline = useTimeline(id, query.data !== undefined);
  const [stale, setStale] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const canWrite = can('tickets.write');
  // One column (a phone or a portrait tablet): the details go after the conversation.
  const stacked = useStackedColumns();

  usePageShortcuts(TICKET_DETAIL_SHORTCUTS, canWrite ? { reply: () => replyRef.current?.focus() } : {});
  // The heading shows the subject with the number above it; the browser title names both.
  useDocumentTitle(query.data ? `${query.data.number} ${query.data.subject}` : null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} notFound={notFound} />;
  const ticket = query.data;

  const reload = async () => {
    await Promise.all([query.refetch(), timeline.refetch()]);
    setStale(false);
  };

  const facts = <TicketFacts ticket={ticket} ticketAt={query.dataUpdatedAt} />;

  return (
    <div data-testid="page-ticket-detail" data-ticket-id={ticket.id} data-version={ticket.version}>
      <Button component={Link} to="/tickets" variant="subtle" size="compact-sm" className="tap-target" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {t('tickets.backToList')}
      </Button>
      <Group justify="space-between" align="flex-start" gap="md" mb="xs" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Text size="sm" c="dimmed">
            <span className="mono" data-testid="ticket-number">{ticket.number}</span> · {typeLabel(t, ticket.type)} · {ticket.client.name}
          </Text>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="ticket-subject">
            {ticket.subject}
          </Title>
        </Stack>
        <TicketActions ticket={ticket} onStale={() => setStale(true)} />
      </Group>
      {/* Under the title and the buttons, the whole width: the SLA and its due time fit on one line beside the state. */}
      <Group gap="xs" wrap="wrap" mb="md">
        <StateBadge state={ticket.state} testId="ticket-state" size="lg" />
        <PriorityBadge priority={ticket.priority} overridden={ticket.priorityOverridden} testId="ticket-priority" size="lg" />
        <SlaHeadlineBadge ticket={ticket} ticketAt={query.dataUpdatedAt} testId="ticket-sla" />
      </Group>

      {stale ? (
        <Alert color="orange" title={t('tickets.stale.title')} mb="md" role="alert" data-testid="ticket-stale">
          <Text size="sm" mb="xs">{t('tickets.stale.text')}</Text>
          <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => void reload()} data-testid="ticket-reload">
            {t('tickets.stale.reload')}
          </Button>
        </Alert>
      ) : null}

      {/* In one column (a phone, a tablet held upright) the details follow the conversation and the
          reply box: what a technician came to read and answer comes first, and a tablet's screen
          would otherwise open on the details alone. In the page's order too, so a screen reader and
          the keyboard meet them there. Side by side (wider), the details stand beside the conversation. */}
      <div className={stacked ? 'ticket-layout ticket-layout-stacked' : 'ticket-layout'}>
        {stacked ? null : <div className="ticket-side">{facts}</div>}
        <Stack gap="md" className="ticket-main">
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="xs">{t('tickets.detail.description')}</Title>
            {ticket.description.trim() ? (
              <div className="ticket-markdown" data-testid="ticket-description" dangerouslySetInnerHTML={{ __html: ticket.descriptionHtml }} />
            ) : (
              <Text size="sm" c="dimmed">{t('tickets.detail.noDescription')}</Text>
            )}
          </Paper>
          {ticket.resolutionNote ? (
            <Alert color="green" icon={<IconCircleCheck size={18} />} title={t('tickets.detail.resolution')} data-testid="ticket-resolution">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{ticket.resolutionNote}</Text>
            </Alert>
          ) : null}
          <section aria-labelledby="ticket-timeline-title">
            <Title order={2} size="h5" mb="sm" id="ticket-timeline-title">{t('tickets.timeline.title')}</Title>
            {timeline.isPending ? (
              <LoadingState />
            ) : timeline.isError ? (
              <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
            ) : (
              <TimelineView items={timeline.data.items} typeId={ticket.type.id} />
            )}
          </section>
          {/* Keyed by ticket: going to another ticket starts its own box, never carrying this one's text. */}
          {canWrite ? <ReplyBox key={ticket.id} ticket={ticket} ref={replyRef} /> : null}
          {stacked ? facts : null}
          {/* The work log and material after the conversation: the reply box stays near the top in one column. */}
          <RecordsPanel ticketId={ticket.id} />
          <TicketMaterial ticketId={ticket.id} />
        </Stack>
        <Stack gap="md" className="ticket-extra">
          <TicketContractSelector ticket={ticket} />
          <AttachmentsPanel ticketId={ticket.id} canWrite={canWrite} />
          <RelatedTickets ticket={ticket} onStale={() => setStale(true)} />
        </Stack>
      </div>
    </div>
  );
}
