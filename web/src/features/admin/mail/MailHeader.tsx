import { Alert, Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/components/PageHeader';
import { AdminTabs } from '../shared/AdminTabs';
import '../shared/admin.css';
import { useMailStatus } from './api';

/** Header, status (no mail server, pending and failed counts) and tabs of /admin/mail/*. */
export function MailHeader() {
  const { t } = useTranslation();
  const status = useMailStatus();
  const s = status.data;
  return (
    <>
      <PageHeader
        title={t('admin.mail.title')}
        subtitle={t('admin.mail.subtitle')}
        actions={
          s ? (
            <Group gap={6} data-testid="mail-counts">
              <Badge variant="light" color={s.pending ? 'blue' : 'gray'} size="lg" tt="none" data-testid="mail-pending">{t('admin.mail.pendingCount', { count: s.pending })}</Badge>
              <Badge variant="light" color={s.failed ? 'red' : 'gray'} size="lg" tt="none" data-testid="mail-failed">{t('admin.mail.failedCount', { count: s.failed })}</Badge>
            </Group>
          ) : null
        }
      />
      {s && !s.smtpConfigured ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="md" title={t('admin.mail.noSmtpTitle')} data-testid="mail-no-smtp">
          <Text size="sm">{t('admin.mail.noSmtpText')}</Text>
        </Alert>
      ) : null}
      <AdminTabs
        testId="mail-tabs"
        tabs={[
          { value: 'outbox', label: t('admin.mail.outbox'), to: '/admin/mail/outbox', icon: <IconInbox size={16} /> },
          { value: 'templates', label: t('admin.mail.templates'), to: '/admin/mail/templates', icon: <IconTemplate size={16} /> },
        ]}
      />
    </>
  );
}
