import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDateTime } from '../../app/format';
import { type TicketSummary, useTicketCount } from '../tickets/api';
import { PriorityBadge, SlaBadge, StateBadge } from '../tickets/Badges';
import { ticketCountLabel } from '../tickets/ticketCount';
import { useClientTickets } from './api';
import { clientTicketsLink, clientTicketsQuery } from './related';
import { RelatedSection } from './RelatedSection';

function TicketLink({ ticket }: { ticket: TicketSummary }) {
  return <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{ticket.subject}</Anchor>;
}

/**
 * The tickets on a phone: one card a ticket, its number and subject (the link to it) with the
 * SLA beside them, its state and priority below with when it last changed.
 */
function TicketCards({ rows }: { rows: TicketSummary[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="client-tickets-table">
      {rows.map((ticket) => (
        <RowCard
          key={ticket.id}
          testId={`client-tickets-row-${ticket.id}`}
          head={(
            <>
              <Text size="xs" c="dimmed" className="mono">{ticket.number}</Text>
              <TicketLink ticket={ticket} />
            </>
          )}
          headEnd={<SlaBadge sla={ticket.sla} size="sm" />}
          foot={(
            <Group gap={6} wrap="wrap">
              <StateBadge state={ticket.state} size="sm" />
              <PriorityBadge priority={ticket.priority} size="sm" />
            </Group>
          )}
          footEnd={<Text size="xs" c="dimmed" data-testid={`client-tickets-updated-${ticket.id}`}>{t('tickets.fields.updatedAt')} <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(ticket.updatedAt)}</span></Text>}
        />
      ))}
    </RowCards>
  );
}

/** The client's newest tickets of every state (tickets.read: those in the user's queues), and the way to all of them. */
export function ClientTickets({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const recent = useClientTickets(clientId);
  const total = useTicketCount(clientTicketsQuery(clientId));
  const rows = recent.data?.items ?? [];
  const phone = usePhone();
  return (
    <RelatedSection
      title={t('clients.tickets.title')}
      count={total.data ? ticketCountLabel(total.data) : null}
      link={rows.length > 0 ? { to: clientTicketsLink(clientId), label: t('clients.tickets.all') } : undefined}
      testId="client-tickets"
    >
      <QueryView framed query={recent} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('clients.tickets.empty')} />}>
        {() => phone ? <TicketCards rows={rows} /> : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="client-tickets-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.fields.number')}</Table.Th>
                  <Table.Th>{t('tickets.fields.subject')}</Table.Th>
                  <Table.Th>{t('tickets.fields.state')}</Table.Th>
                  <Table.Th w={70}>{t('tickets.fields.priority')}</Table.Th>
                  <Table.Th>{t('tickets.fields.sla')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((ticket) => (
                  <Table.Tr key={ticket.id} data-testid={`client-tickets-row-${ticket.id}`}>
                    <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>{ticket.number}</Table.Td>
                    <Table.Td maw={360}><TicketLink ticket={ticket} /></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><StateBadge state={ticket.state} size="sm" /></Table.Td>
                    <Table.Td><PriorityBadge priority={ticket.priority} size="sm" /></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><SlaBadge sla={ticket.sla} size="sm" /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {total.data && total.data.count > rows.length && rows.length > 0 ? (
        <Text size="xs" c="dimmed" mt={4} data-testid="client-tickets-newest">{t('clients.tickets.newest', { shown: rows.length })}</Text>
      ) : null}
    </RelatedSection>
  );
}
