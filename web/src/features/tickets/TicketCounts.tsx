import { Card, Group, Loader, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconAlarm, IconInbox, IconUser, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTicketCount } from './api';
import { DEFAULT_FILTERS, filtersToParams, filtersToQuery, type View } from './filters';
import { ticketCountLabel } from './ticketCount';

const CARDS: { key: string; view: View; icon: Icon; color: string }[] = [
  { key: 'mine', view: 'mine', icon: IconUser, color: 'blue' },
  { key: 'breachingSoon', view: 'breaching_soon', icon: IconAlarm, color: 'orange' },
  { key: 'unassigned', view: 'unassigned', icon: IconInbox, color: 'gray' },
];

function CountCard({ card }: { card: (typeof CARDS)[number] }) {
  const { t } = useTranslation();
  const filters = { ...DEFAULT_FILTERS, view: card.view };
  const count = useTicketCount(filtersToQuery(filters));
  const value = count.data ? ticketCountLabel(count.data) : null;
  return (
    <Card component={Link} to={`/tickets?${filtersToParams(filters).toString()}`} className="link-card" withBorder padding="lg" radius="md" data-testid={`dashboard-tickets-${card.view}`}>
      <Group wrap="nowrap" justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed" fw={500}>{t(`tickets.dashboard.${card.key}`)}</Text>
          {value !== null ? (
            <Text fz={32} fw={700} lh={1.2} data-testid={`dashboard-tickets-${card.view}-count`}>{value}</Text>
          ) : count.isError ? (
            // Not a spinner that never stops: the count could not be had (the card still opens the list).
            <Text size="sm" c="red" mt={8} data-testid={`dashboard-tickets-${card.view}-error`}>{t('tickets.dashboard.countFailed')}</Text>
          ) : (
            <Loader size="sm" mt={8} />
          )}
        </div>
        <ThemeIcon size={40} radius="md" variant="light" color={card.color}>
          <card.icon size={22} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}

/** The dashboard's ticket counters: each card's view counted by the server ("10 000+" above its cap), opening that list. */
export function TicketCounts() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" mb="xl">
      {CARDS.map((card) => (
        <CountCard key={card.key} card={card} />
      ))}
    </SimpleGrid>
  );
}
