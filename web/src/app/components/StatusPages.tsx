import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBarrierBlock, IconLock, IconMapOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './documentTitle';

function StatusPage({ icon, title, text, testId }: { icon: ReactNode; title: string; text: string; testId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Center py={64} data-testid={testId}>
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          {icon}
        </ThemeIcon>
        <Title order={2}>{title}</Title>
        <Text c="dimmed">{text}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('common.backToDashboard')}
        </Button>
      </Stack>
    </Center>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage testId="page-forbidden" icon={<IconLock size={30} />} title={t('status.forbiddenTitle')} text={t('status.forbiddenText')} />;
}

/**
 * A client contact who follows a link to a staff page (e.g. the ticket link in a
 * notification e-mail): the client portal is not built yet, which is what they are told.
 */
export function ClientPortalPendingPage() {
  const { t } = useTranslation();
  return <StatusPage testId="page-client-portal-pending" icon={<IconBarrierBlock size={30} />} title={t('status.clientPortalTitle')} text={t('dashboard.clientPortalNote')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage testId="page-not-found" icon={<IconMapOff size={30} />} title={t('status.notFoundTitle')} text={t('status.notFoundText')} />;
}

/** For the areas that are planned but not in this version yet. */
export function NotAvailablePage({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <StatusPage
      testId="page-not-available"
      icon={<IconBarrierBlock size={30} />}
      title={t(`nav.${area}`)}
      text={t('status.notAvailableText')}
    />
  );
}

/**
 * Shown when a page fails to render, most often because Kontor was updated while
 * the tab stayed open and the page's old code files are gone: a reload fixes it.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('status.errorTitle'));
  return (
    <Center py={64} data-testid="page-error">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="orange">
          <IconBarrierBlock size={30} />
        </ThemeIcon>
        <Title order={2}>{t('status.errorTitle')}</Title>
        <Text c="dimmed">{t('status.errorText')}</Text>
        <Button onClick={() => window.location.reload()} mt="sm">
          {t('status.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
