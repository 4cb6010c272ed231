import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePhoneOrSmallTablet } from '../../app/components/usePhone';
import type { TicketSummary } from './api';
import { PriorityBadge, SlaBadge, StateBadge } from './Badges';
import { useActiveStaffIds } from './configApi';
import { assigneeName, typeLabel } from './labels';

interface Props {
  items: TicketSummary[];
  /** Index of the row j/k selected; -1 for none. */
  selected: number;
  /** A ticket opened from the list by a click or tap (its row or its subject's link). */
  onOpen?: (ticket: TicketSummary) => void;
}

function Tags({ tags }: { tags: string[] }) {
  if (!tags.length) return null;
  return (
    <Group gap={4} wrap="wrap">
      {tags.slice(0, 4).map((tag) => (
        <Badge key={tag} size="xs" variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>
          {tag}
        </Badge>
      ))}
      {tags.length > 4 ? <Text size="xs" c="dimmed">+{tags.length - 4}</Text> : null}
    </Group>
  );
}

/** The list as a table on wide screens and as cards on phones and small tablets; the selected row follows j/k. */
export function TicketsTable({ items, selected, onOpen }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Cards up to a small tablet's width: the table needs 980 px (SMALL_TABLET_MAX_WIDTH says why).
  const cards = usePhoneOrSmallTablet();
  const container = useRef<HTMLDivElement>(null);
  const activeStaff = useActiveStaffIds();

  useEffect(() => {
    if (selected < 0) return;
    container.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const open = (ticket: TicketSummary) => {
    onOpen?.(ticket);
    navigate(`/tickets/${ticket.id}`);
  };
  // The subject's link opens the ticket itself (a new tab with Ctrl too); the row's click is not run.
  const linkClicked = (ticket: TicketSummary, e: { stopPropagation(): void }) => {
    e.stopPropagation();
    onOpen?.(ticket);
  };

  if (cards) {
    return (
      <Stack gap="xs" ref={container} data-testid="tickets-table" data-layout="cards">
        {items.map((ticket, index) => (
          <Paper
            key={ticket.id}
            withBorder
            p="sm"
            className="clickable-row ticket-card"
            data-index={index}
            data-selected={index === selected || undefined}
            data-testid={`tickets-row-${ticket.id}`}
            onClick={() => open(ticket)}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
              <Text size="xs" c="dimmed" className="mono">{ticket.number}</Text>
              <SlaBadge sla={ticket.sla} size="sm" testId={`tickets-sla-${ticket.id}`} />
            </Group>
            <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600} c="inherit" onClick={(e) => linkClicked(ticket, e)} style={{ overflowWrap: 'anywhere' }}>
              {ticket.subject}
            </Anchor>
            <Text size="sm" c="dimmed" truncate>
              {ticket.client.name} · {ticket.assignee ? assigneeName(t, ticket.assignee, activeStaff) : t('tickets.unassigned')}
            </Text>
            <Group gap={6} mt={6} wrap="wrap">
              <PriorityBadge priority={ticket.priority} size="sm" />
              <StateBadge state={ticket.state} size="sm" />
              <Tags tags={ticket.tags} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder ref={container}>
      <Table.ScrollContainer minWidth={980}>
        <Table data-testid="tickets-table" data-layout="table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tickets.fields.number')}</Table.Th>
              <Table.Th>{t('tickets.fields.subject')}</Table.Th>
              <Table.Th>{t('tickets.fields.client')}</Table.Th>
              <Table.Th>{t('tickets.fields.state')}</Table.Th>
              <Table.Th w={70}>{t('tickets.fields.priority')}</Table.Th>
              <Table.Th>{t('tickets.fields.assignee')}</Table.Th>
              <Table.Th>{t('tickets.fields.sla')}</Table.Th>
              <Table.Th>{t('tickets.fields.tags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((ticket, index) => (
              <Table.Tr
                key={ticket.id}
                className="clickable-row"
                data-index={index}
                data-selected={index === selected || undefined}
                aria-selected={index === selected}
                onClick={() => open(ticket)}
                data-testid={`tickets-row-${ticket.id}`}
              >
                <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>{ticket.number}</Table.Td>
                <Table.Td maw={360}>
                  <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={500} c="inherit" onClick={(e) => linkClicked(ticket, e)} lineClamp={2}>
                    {ticket.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed">{typeLabel(t, ticket.type)} · {ticket.queue.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>{ticket.client.name}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><StateBadge state={ticket.state} size="sm" /></Table.Td>
                <Table.Td><PriorityBadge priority={ticket.priority} size="sm" /></Table.Td>
                <Table.Td>
                  <Text size="sm" c={ticket.assignee ? undefined : 'dimmed'} data-testid={`tickets-assignee-${ticket.id}`}>{ticket.assignee ? assigneeName(t, ticket.assignee, activeStaff) : t('tickets.unassigned')}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><SlaBadge sla={ticket.sla} size="sm" testId={`tickets-sla-${ticket.id}`} /></Table.Td>
                <Table.Td><Tags tags={ticket.tags} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
