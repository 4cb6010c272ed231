import { Anchor, Button, Drawer, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api/errors';
import { ErrorState, LoadingState } from '../../../app/components/QueryStates';
import { formatDateTime } from '../../../app/format';
import { formatBytes } from '../../tickets/attachmentSize';
import { type Recipient, useOutboxMessage, useRetryMessage } from './api';
import { MailErrorAlert } from './MailError';
import { StatusBadge } from './StatusBadge';
import { MailHtmlFrame } from './MailHtmlFrame';

export const recipients = (list: Recipient[]): string => list.map((r) => (r.name ? `${r.name} <${r.email}>` : r.email)).join(', ');

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>{children}</Text>
    </div>
  );
}

/** One outgoing message: headers, the text, the HTML in a sandboxed frame; retry when it failed. */
export function MessageDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useOutboxMessage(id);
  const retry = useRetryMessage();
  const m = query.data;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={m?.subject ?? t('admin.mail.message')} attributes={{ content: { 'data-testid': 'mail-message' } }}>
      {query.isPending ? <LoadingState /> : query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : m ? (
        <Stack gap="md">
          <Group justify="space-between">
            <StatusBadge status={m.status} />
            {m.status === 'failed' ? (
              <Button
                leftSection={<IconRefresh size={16} />}
                loading={retry.isPending}
                onClick={() => retry.mutate(m.id, {
                  onSuccess: () => notifications.show({ color: 'green', message: t('admin.mail.retried') }),
                  onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
                })}
                data-testid="mail-retry"
              >
                {t('admin.mail.retry')}
              </Button>
            ) : null}
          </Group>
          {m.lastError ? <MailErrorAlert error={m.lastError} /> : null}
          <Paper withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Row label={t('admin.mail.to')}>{recipients(m.to)}</Row>
              {m.cc.length ? <Row label={t('admin.mail.cc')}>{recipients(m.cc)}</Row> : null}
              <Row label={t('admin.mail.created')}>{formatDateTime(m.createdAt)}</Row>
              <Row label={t('admin.mail.sentAt')}>{formatDateTime(m.sentAt)}</Row>
              <Row label={t('admin.mail.attempts')}>{m.attempts}</Row>
              {m.status === 'pending' ? <Row label={t('admin.mail.nextAttempt')}>{formatDateTime(m.nextAttemptAt)}</Row> : null}
              <Row label="Message-ID" testId="mail-message-id"><span className="mono">{m.messageId}</span></Row>
              <Row label="In-Reply-To"><span className="mono">{m.inReplyTo ?? '—'}</span></Row>
              {m.references.length ? <Row label="References"><span className="mono">{m.references.join(' ')}</span></Row> : null}
              {m.templateKey ? <Row label={t('admin.mail.template')}>{t(`admin.mail.templateKeys.${m.templateKey}`, { defaultValue: m.templateKey })}{m.language ? ` (${m.language})` : ''}</Row> : null}
              {/* "Did the invoice go with its PDF?": the files by name and size (their content stays on the server). */}
              {m.attachments.length ? (
                <Row label={t('admin.mail.attachments')} testId="mail-attachments">
                  {m.attachments.map((a) => `${a.filename} (${formatBytes(a.sizeBytes)})`).join(', ')}
                </Row>
              ) : null}
              {m.smtpResponse ? <Row label={t('admin.mail.smtpResponse')}><span className="mono">{m.smtpResponse}</span></Row> : null}
            </SimpleGrid>
          </Paper>
          <Tabs defaultValue={m.html ? 'html' : 'text'} keepMounted={false}>
            <Tabs.List>
              {m.html ? <Tabs.Tab value="html" data-testid="mail-tab-html">HTML</Tabs.Tab> : null}
              <Tabs.Tab value="text" data-testid="mail-tab-text">{t('admin.mail.plainText')}</Tabs.Tab>
            </Tabs.List>
            {m.html ? (
              <Tabs.Panel value="html" pt="sm">
                <MailHtmlFrame html={m.html} title={t('admin.mail.htmlPreview')} style={{ height: 420 }} testId="mail-html" />
              </Tabs.Panel>
            ) : null}
            <Tabs.Panel value="text" pt="sm">
              <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
                <pre className="admin-pre" data-testid="mail-text">{m.text}</pre>
              </Paper>
            </Tabs.Panel>
          </Tabs>
          {/* The ticket's number is in the subject; its internal id would read like a second number. */}
          {m.ticketId ? (
            <Anchor component={Link} to={`/tickets/${m.ticketId}`} size="sm" data-testid="mail-ticket-link">{t('admin.mail.ticket')}</Anchor>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
