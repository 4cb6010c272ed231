import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Ticket, useTicketsByIds } from './api';
import { StateBadge } from './Badges';

/** Parent, sub-tickets and linked tickets, each with its number, subject and state. */
export function RelatedTickets({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const groups = [
    { key: 'parent', ids: ticket.parentId ? [ticket.parentId] : [] },
    { key: 'children', ids: ticket.childIds },
    { key: 'related', ids: ticket.linkedIds },
  ].filter((g) => g.ids.length);
  const ids = [...new Set(groups.flatMap((g) => g.ids))].slice(0, 30);
  const results = useTicketsByIds(ids);
  if (!groups.length) return null;
  const byId = new Map(ids.map((id, i) => [id, results[i]?.data]));

  return (
    <Paper withBorder p="md" data-testid="ticket-links">
      <Title order={2} size="h5" mb="sm">{t('tickets.links.title')}</Title>
      <Stack gap="sm">
        {groups.map((g) => (
          <div key={g.key}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t(`tickets.links.${g.key}`)}</Text>
            <Stack gap={4}>
              {g.ids.map((id) => {
                const other = byId.get(id);
                return (
                  <Group key={id} gap="xs" wrap="nowrap" data-testid={`ticket-link-${id}`}>
                    <Anchor component={Link} to={`/tickets/${id}`} size="sm" className="mono" style={{ flexShrink: 0 }}>
                      {other?.number ?? `#${id}`}
                    </Anchor>
                    <Text size="sm" truncate style={{ flex: 1 }}>{other?.subject ?? ''}</Text>
                    {other ? <StateBadge state={other.state} size="xs" /> : null}
                  </Group>
                );
              })}
            </Stack>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
