import { Group, Loader, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadMore, QueryView } from '../../../app/components/QueryStates';
import { formatDateTime } from '../../../app/format';
import { OUTBOX_STATUSES, type OutboxStatus, useOutbox } from './api';
import { MailErrorCell } from './MailError';
import { MailHeader } from './MailHeader';
import { MessageDrawer, recipients } from './MessageDrawer';
import { StatusBadge } from './StatusBadge';

const ALL = 'all';

/** /admin/mail/outbox — outgoing mail, newest first; a row opens the message. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(ALL);
  const [open, setOpen] = useState<number | null>(null);
  const query = useOutbox(status === ALL ? null : (status as OutboxStatus));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div data-testid="page-mail-outbox">
      <MailHeader />
      <Group mb="md" gap="sm" wrap="nowrap" style={{ overflowX: 'auto' }}>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        aria-label={t('common.statusFilter')}
        data={[{ value: ALL, label: t('common.all') }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`admin.mail.statuses.${s}`) }))]}
        data-testid="outbox-status-filter"
      />
      {query.isFetching && !query.isPending && !query.isFetchingNextPage ? <Loader size="xs" /> : null}
      </Group>
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('admin.mail.empty')} text={status === ALL ? t('admin.mail.emptyText') : t('common.tryOtherSearch')} />}>
        {() => (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{t('admin.mail.time')}</Table.Th>
                  <Table.Th>{t('admin.mail.to')}</Table.Th>
                  <Table.Th>{t('admin.mail.subject')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th w={80} ta="right">{t('admin.mail.attempts')}</Table.Th>
                  <Table.Th>{t('admin.mail.lastError')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr
                    key={m.id}
                    className="clickable-row"
                    tabIndex={0}
                    onClick={() => setOpen(m.id)}
                    onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setOpen(m.id); } }}
                    data-testid={`outbox-row-${m.id}`}
                    data-status={m.status}
                  >
                    <Table.Td><Text size="sm">{formatDateTime(m.sentAt ?? m.createdAt)}</Text></Table.Td>
                    <Table.Td>
                      {/* Names fit the column; the full addresses show on hover and in the message. */}
                      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'break-word' }} title={recipients(m.to)}>{m.to.map((r) => r.name || r.email).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm" fw={500} lineClamp={1}>{m.subject}</Text></Table.Td>
                    <Table.Td><StatusBadge status={m.status} /></Table.Td>
                    <Table.Td ta="right">{m.attempts}</Table.Td>
                    <Table.Td><MailErrorCell error={m.lastError} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <LoadMore hasMore={!!query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} testId="outbox-load-more" />
      <MessageDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
