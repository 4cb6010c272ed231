import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { isClientContactOnly } from '../../features/dashboard/home';
import { RunningTimer } from '../../features/records/RunningTimer';
import { useAuth } from '../auth/AuthProvider';
import { LoadingState } from '../components/QueryStates';
import { ShortcutHelpHint, ShortcutHelpProvider } from '../components/ShortcutHelp';
import { Logo } from './Logo';
import { Navbar } from './Navbar';
import { usePageScroll } from './usePageScroll';
import { UserMenu } from './UserMenu';

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // A client contact's pages bind no key but "?" itself: a hint to a help listing only itself would mislead.
  const { user } = useAuth();
  const keysHint = !user || !isClientContactOnly(user.roles);
  usePageScroll();
  return (
    <ShortcutHelpProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <a href="#main" className="skip-link">
          {t('common.skipToContent')}
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                className="tap-target"
                aria-label={opened ? t('nav.close') : t('nav.open')}
                data-testid="nav-burger"
              />
              <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="Kontor">
                <Group gap={8} wrap="nowrap">
                  <Logo />
                  <Text fw={700} size="lg">
                    Kontor
                  </Text>
                </Group>
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <RunningTimer />
              {keysHint ? <ShortcutHelpHint /> : null}
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar>
          <Navbar onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <div className="page">
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </div>
        </AppShell.Main>
      </AppShell>
    </ShortcutHelpProvider>
  );
}
