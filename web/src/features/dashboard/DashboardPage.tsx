import { Badge, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconBuildingStore, IconChecklist, IconFileExport, IconKey, IconListDetails, IconLock, IconReceipt, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { TicketCounts } from '../tickets/TicketCounts';
import { homeOf, type ShortcutKey } from './home';

const ICONS: Record<ShortcutKey, Icon> = {
  clients: IconBuildingStore,
  approvals: IconChecklist,
  invoices: IconReceipt,
  exports: IconFileExport,
  organisation: IconBuilding,
  users: IconUsers,
  audit: IconListDetails,
  tokens: IconKey,
  password: IconLock,
};

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const home = homeOf(me.roles, can);
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
            <Card key={s.key} component={Link} to={s.to} withBorder padding="lg" radius="md" data-testid={`dashboard-${s.key}`}>
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon size={40} radius="md" variant="light">
                  <ShortcutIcon size={22} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(`dashboard.${s.key}.title`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`dashboard.${s.key}.text`)}
                  </Text>
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
