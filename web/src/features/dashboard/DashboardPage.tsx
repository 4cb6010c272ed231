import { Badge, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingStore, IconKey, IconListDetails, IconLock, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { TicketCounts } from '../tickets/TicketCounts';

interface Shortcut {
  key: string;
  to: string;
  icon: Icon;
  permission?: string;
}

const shortcuts: Shortcut[] = [
  { key: 'clients', to: '/clients', icon: IconBuildingStore, permission: 'clients.read' },
  { key: 'users', to: '/admin/users', icon: IconUsers, permission: 'users.read' },
  { key: 'audit', to: '/admin/audit', icon: IconListDetails, permission: 'audit.read' },
  { key: 'tokens', to: '/account/tokens', icon: IconKey, permission: 'tokens.own' },
  { key: 'password', to: '/account/password', icon: IconLock },
];

export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
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
      {can('tickets.read') ? <TicketCounts /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {shortcuts
          .filter((s) => !s.permission || can(s.permission))
          .map((s) => (
            <Card key={s.key} component={Link} to={s.to} withBorder padding="lg" radius="md" data-testid={`dashboard-${s.key}`}>
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon size={40} radius="md" variant="light">
                  <s.icon size={22} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(`dashboard.${s.key}.title`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`dashboard.${s.key}.text`)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="xl">
        {t('dashboard.versionNote')}
      </Text>
    </div>
  );
}
