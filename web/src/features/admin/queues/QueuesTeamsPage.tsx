import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/components/PageHeader';
import { EditAction } from '../../../app/components/FormActions';
import { EmptyState, QueryView } from '../../../app/components/QueryStates';
import { ActiveBadge } from '../shared/ActiveBadge';
import { NewButton } from '../shared/NewButton';
import '../shared/admin.css';
import { personLabel, type Queue, type Team, useQueues, useStaff, useTeams } from './api';
import { GroupModal } from './GroupModal';

function People({ ids, nameOf }: { ids: number[]; nameOf: (id: number) => string }) {
  const { t } = useTranslation();
  if (ids.length === 0) return <Text size="sm" c="dimmed">{t('admin.queues.noMembers')}</Text>;
  const shown = ids.slice(0, 4);
  return (
    <Group gap={4}>
      {shown.map((id) => (
        <Badge key={id} variant="light" color="gray" tt="none">{nameOf(id)}</Badge>
      ))}
      {ids.length > shown.length ? <Badge variant="outline" color="gray">+{ids.length - shown.length}</Badge> : null}
    </Group>
  );
}

function Section({ title, text, action, children }: { title: string; text: string; action: React.ReactNode; children: React.ReactNode }) {
  return (
    <Paper withBorder>
      <Group justify="space-between" p="md" pb="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4">{title}</Title>
          <Text size="sm" c="dimmed">{text}</Text>
        </div>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** /admin/queues — queues (where tickets wait, with a lead) and teams (who works them). */
export default function QueuesTeamsPage() {
  const { t } = useTranslation();
  const queues = useQueues();
  const teams = useTeams();
  const staff = useStaff();
  // Members who can no longer sign in stay members until removed; their names say so.
  const nameOf = (id: number) => personLabel(t, staff.data, id);
  const [queue, setQueue] = useState<Queue | null | undefined>(undefined);
  const [team, setTeam] = useState<Team | null | undefined>(undefined);

  return (
    <div data-testid="page-queues">
      <PageHeader title={t('admin.queues.title')} subtitle={t('admin.queues.subtitle')} />
      <Stack gap="lg">
        {/* N opens a new queue, the first list of the page. */}
        <Section title={t('admin.queues.queues')} text={t('admin.queues.queuesHint')} action={<NewButton variant="light" onClick={() => setQueue(null)} testId="queues-new">{t('admin.queues.new')}</NewButton>}>
          <QueryView query={queues} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t('admin.queues.empty')} />}>
            {(data) => (
              <Table.ScrollContainer minWidth={720}>
                <Table data-testid="queues-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.fields.name')}</Table.Th>
                      <Table.Th>{t('admin.fields.code')}</Table.Th>
                      <Table.Th>{t('admin.queues.lead')}</Table.Th>
                      <Table.Th>{t('admin.queues.members')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th w={48} aria-label={t('common.actions')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((q) => (
                      <Table.Tr key={q.id} data-testid={`queues-row-${q.id}`}>
                        <Table.Td fw={500}>{q.name}</Table.Td>
                        <Table.Td><Text className="mono">{q.code}</Text></Table.Td>
                        <Table.Td>{q.leadUserId ? nameOf(q.leadUserId) : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                        <Table.Td><People ids={q.members} nameOf={nameOf} /></Table.Td>
                        <Table.Td><ActiveBadge active={q.active} /></Table.Td>
                        <Table.Td><EditAction label={q.name} onClick={() => setQueue(q)} testId={`queues-edit-${q.id}`} /></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Section>
        <Section
          title={t('admin.teams.title')}
          text={t('admin.teams.hint')}
          action={<Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setTeam(null)} data-testid="teams-new">{t('admin.teams.new')}</Button>}
        >
          <QueryView query={teams} isEmpty={(data) => data.items.length === 0} empty={<EmptyState title={t('admin.teams.empty')} text={t('admin.teams.emptyText')} />}>
            {(data) => (
              <Table.ScrollContainer minWidth={560}>
                <Table data-testid="teams-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.fields.name')}</Table.Th>
                      <Table.Th>{t('admin.queues.members')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th w={48} aria-label={t('common.actions')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((tm) => (
                      <Table.Tr key={tm.id} data-testid={`teams-row-${tm.id}`}>
                        <Table.Td fw={500}>{tm.name}</Table.Td>
                        <Table.Td><People ids={tm.members} nameOf={nameOf} /></Table.Td>
                        <Table.Td><ActiveBadge active={tm.active} /></Table.Td>
                        <Table.Td><EditAction label={tm.name} onClick={() => setTeam(tm)} testId={`teams-edit-${tm.id}`} /></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Section>
      </Stack>
      {queue !== undefined ? <GroupModal kind="queue" item={queue} onClose={() => setQueue(undefined)} /> : null}
      {team !== undefined ? <GroupModal kind="team" item={team} onClose={() => setTeam(undefined)} /> : null}
    </div>
  );
}
