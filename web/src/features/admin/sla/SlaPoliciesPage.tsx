import { Badge, Group, Table, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { formatPercent } from '../../../app/format';
import { useQueues } from '../queues/api';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import { PRIORITIES, type SlaPolicy, useCalendars, useSlaPolicies } from './api';
import { PolicyModal } from './PolicyModal';
import { SlaHeader } from './SlaHeader';
import { formatMinutes } from './slaModel';
import { PRIORITY_COLORS } from './TargetsGrid';

/** /admin/sla/policies — SLA policies with their targets per priority. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const query = useSlaPolicies();
  const calendars = useCalendars();
  const queues = useQueues();
  const [editing, setEditing] = useState<SlaPolicy | null | undefined>(undefined);
  const items = [...(query.data?.items ?? [])].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  const calendarName = (id: number) => calendars.data?.items.find((c) => c.id === id)?.name ?? `#${id}`;
  // An inactive escalation queue is marked: a breach cannot move tickets there.
  const escalationQueue = (id: number) => {
    const queue = queues.data?.items.find((q) => q.id === id);
    if (!queue) return <Text span size="sm">#{id}</Text>;
    return queue.active
      ? <Text span size="sm">{queue.name}</Text>
      : <Text span size="sm" c="red">{t('admin.sla.inactiveQueue', { name: queue.name })}</Text>;
  };
  const none = <Text span size="sm" c="dimmed">—</Text>;

  return (
    <div data-testid="page-sla-policies">
      <SlaHeader
        actions={<NewButton onClick={() => setEditing(null)} disabled={!calendars.data?.items.length} testId="policies-new">{t('admin.sla.new')}</NewButton>}
      />
      <QueryView framed query={query} isEmpty={() => items.length === 0} empty={<EmptyState title={t('admin.sla.empty')} />}>
        {() => (
          <Table.ScrollContainer minWidth={900}>
            <Table data-testid="policies-table" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.fields.name')}</Table.Th>
                  {PRIORITIES.map((p) => (
                    <Table.Th key={p}><Badge color={PRIORITY_COLORS[p]} variant="light">{p}</Badge></Table.Th>
                  ))}
                  <Table.Th>{t('admin.sla.escalateTo')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th w={48} aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} data-testid={`policies-row-${p.id}`} data-name={p.name}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text fw={500} size="sm">{p.name}</Text>
                        {p.isDefault ? (
                          <Badge size="xs" variant="light" leftSection={<IconStarFilled size={10} />}>{t('admin.sla.default')}</Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">{calendarName(p.calendarId)} · {t('admin.sla.warnShort', { percent: formatPercent(p.warnAtPercent) })}</Text>
                    </Table.Td>
                    {PRIORITIES.map((pr) => (
                      <Table.Td key={pr} data-testid={`policies-${p.id}-${pr}`}>
                        <Text size="xs" c="dimmed">{t('admin.sla.firstResponseShort')}</Text>
                        <Text size="sm">{formatMinutes(p.targets[pr].firstResponseMinutes) ?? none}</Text>
                        <Text size="xs" c="dimmed" mt={2}>{t('admin.sla.resolutionShort')}</Text>
                        <Text size="sm" data-testid={`policies-${p.id}-${pr}-resolution`}>{formatMinutes(p.targets[pr].resolutionMinutes) ?? none}</Text>
                      </Table.Td>
                    ))}
                    <Table.Td data-testid={`policies-${p.id}-escalation`}>{p.escalateToQueueId ? escalationQueue(p.escalateToQueueId) : none}</Table.Td>
                    <Table.Td><ActiveBadge active={p.active} /></Table.Td>
                    <Table.Td>
                      <EditAction label={p.name} onClick={() => setEditing(p)} testId={`policies-edit-${p.id}`} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {editing !== undefined ? <PolicyModal policy={editing} calendars={calendars.data?.items ?? []} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
