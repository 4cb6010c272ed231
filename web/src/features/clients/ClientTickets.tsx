import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { useTicketCount } from '../tickets/api';
import { PriorityBadge, SlaBadge, StateBadge } from '../tickets/Badges';
import { ticketCountLabel } from '../tickets/ticketCount';
import { useClientTickets } from './api';
import { clientTicketsLink, clientTicketsQuery } from './related';
import { RelatedSection } from './RelatedSection';

/** The client's newest tickets of every state (tickets.read: those in the user's queues), and the way to all of them. */
export function ClientTickets({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const recent = useClientTickets(clientId);
  const total = useTicketCount(clientTicketsQuery(clientId));
  const rows = recent.data?.items ?? [];
  return (
    <RelatedSection
      title={t('clients.tickets.title')}
      count={total.data ? ticketCountLabel(total.data) : null}
      link={rows.length > 0 ? { to: clientTicketsLink(clientId), label: t('clients.tickets.all') } : undefined}
      testId="client-tickets"
    >
      <QueryView framed query={recent} isEmpty={() => rows.length === 0} empty={<EmptyState title={t('clients.tickets.empty')} />}>
        {() => (
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
                    <Table.Td maw={360}>
                      <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={500} lineClamp={2}>{ticket.subject}</Anchor>
                    </Table.Td>
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
