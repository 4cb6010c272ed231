import { Badge, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconBuildingStore, IconChecklist, IconFileExport, IconKey, IconListDetails, IconLock, IconPackage, IconReceipt, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { useDocumentTitle } from '../../app/components/documentTitle';
import { TicketCounts } from '../tickets/TicketCounts';
import { ticketCountLabel } from '../tickets/ticketCount';
import { belowMinimumText } from '../warehouse/BelowMinimum';
import { useBelowMinimumCount } from '../warehouse/api';
import { useApprovalQueueCount } from './api';
import { homeOf, type ShortcutKey } from './home';

const ICONS: Record<ShortcutKey, Icon> = {
  clients: IconBuildingStore,
  approvals: IconChecklist,
  stock: IconPackage,
  invoices: IconReceipt,
  exports: IconFileExport,
  organisation: IconBuilding,
  users: IconUsers,
  audit: IconListDetails,
  tokens: IconKey,
  password: IconLock,
};

/**
 * What a card says under its title; the approvals card, how many records wait now; the
 * warehouse card, how many stock levels are below their minimum (each its general text
 * while the count is read or could not be).
 */
function CardText({ shortcut }: { shortcut: ShortcutKey }) {
  const { t } = useTranslation();
  const waiting = useApprovalQueueCount(shortcut === 'approvals');
  const below = useBelowMinimumCount(shortcut === 'stock');
  if (shortcut === 'stock' && below.data) {
    const short = below.data.count > 0;
    return (
      <Text size="sm" fw={short ? 600 : undefined} c={short ? 'orange.8' : 'dimmed'} data-testid="dashboard-stock-count" data-count={below.data.count}>
        {short ? belowMinimumText(t, below.data) : t('warehouse.levels.noneBelow')}
      </Text>
    );
  }
  if (shortcut === 'approvals' && waiting.data) {
    return (
      <Text size="sm" fw={600} data-testid="dashboard-approvals-count" data-count={waiting.data.count}>
        {t('dashboard.approvals.waiting', { number: ticketCountLabel(waiting.data) })}
      </Text>
    );
  }
  return <Text size="sm" c="dimmed">{t(`dashboard.${shortcut}.text`)}</Text>;
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const home = homeOf(me.roles, can, me.clientId);
  // The heading greets the user; the browser title names the page as the menu does.
  useDocumentTitle(t('nav.dashboard'));
  return (
    <div data-testid="page-dashboard">
      <Title order={1} size="h2">
        {t('dashboard.greeting', { name: me.name })}
      </Title>
      <Group gap={6} mt={6} mb="xl">
        {me.roles.map((role) => (
          <Badge key={role} variant="light">
            {t(`roles.${role}`, { defaultValue: role })}
          </Badge>
        ))}
      </Group>
      {home.intro ? <Text mb="md" data-testid="dashboard-intro">{t(home.intro)}</Text> : null}
      {home.audience === 'staff' && can('tickets.read') ? <TicketCounts /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {home.shortcuts.map((s) => {
          const ShortcutIcon = ICONS[s.key];
          return (
            <Card key={s.key} component={Link} to={s.to} className="link-card" withBorder padding="lg" radius="md" data-testid={`dashboard-${s.key}`}>
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon size={40} radius="md" variant="light">
                  <ShortcutIcon size={22} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(`dashboard.${s.key}.title`)}</Text>
                  <CardText shortcut={s.key} />
                </div>
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="xl" data-testid="dashboard-note">
        {t(home.note)}
      </Text>
    </div>
  );
}
