import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { ownOrganisationPath, useOwnOrganisation } from '../../features/clients/ownOrganisation';
import { BelowMinimumNavBadge } from '../../features/warehouse/BelowMinimum';
import { useAuth } from '../auth/AuthProvider';
import { adminNav, mainNav, type NavItem } from './navItems';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** What waits behind a menu item, counted by its feature (rendered only for those who see the item). */
const COUNTS: Partial<Record<string, ComponentType>> = { warehouse: BelowMinimumNavBadge };

function Item({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const Icon = item.icon;
  const Count = COUNTS[item.key];
  return (
    <NavLink
      component={RouterNavLink}
      to={item.to}
      end={item.to === '/'}
      label={t(`nav.${item.key}`)}
      leftSection={<Icon size={18} stroke={1.6} />}
      rightSection={
        item.soon ? (
          <Badge size="xs" variant="light" color="gray">
            {t('nav.soon')}
          </Badge>
        ) : Count ? <Count /> : null
      }
      active={isActive(pathname, item.to)}
      onClick={onNavigate}
      data-testid={`nav-${item.key}`}
      c={item.soon ? 'dimmed' : undefined}
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
    />
  );
}

export function Navbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const own = useOwnOrganisation();
  const visible = (item: NavItem) => !item.permission || can(item.permission);
  // A client contact has one client, not a list of them: "Your organisation", straight to its page.
  const named = (item: NavItem): NavItem => (own.clientOnly && item.key === 'clients' ? { ...item, key: 'organisation', to: ownOrganisationPath(own) } : item);
  const admin = adminNav.filter(visible);
  return (
    <ScrollArea type="auto" component="nav" aria-label={t('nav.main')}>
      <Stack gap={2} p="sm">
        {mainNav.filter(visible).map(named).map((item) => (
          <Item key={item.key} item={item} onNavigate={onNavigate} />
        ))}
        {admin.length > 0 ? (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
              {t('nav.admin')}
            </Text>
            {admin.map((item) => (
              <Item key={item.key} item={item} onNavigate={onNavigate} />
            ))}
          </>
        ) : null}
      </Stack>
    </ScrollArea>
  );
}
