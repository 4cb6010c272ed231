import { ActionIcon, Anchor, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateAndTime } from '../../app/format';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import type { ServiceRecord } from './api';
import { ContractNote, RecordAmount, RecordStateBadge, recordMinutes, recordWhat } from './RecordBadges';

interface Props {
  records: ServiceRecord[];
  selected: Set<number>;
  problems: Map<number, string[]>;
  busyId: number | null;
  onToggle: (id: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onApprove: (r: ServiceRecord) => void;
  onReturn: (r: ServiceRecord) => void;
}

const selectable = (r: ServiceRecord) => r.state === 'submitted';

/** Approve (submitted) and return (submitted or approved): the buttons of one record. */
function RowActions({ record: r, busyId, onApprove, onReturn }: Pick<Props, 'busyId' | 'onApprove' | 'onReturn'> & { record: ServiceRecord }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {r.state === 'submitted' ? (
        <Tooltip label={t('records.approvals.approve')}>
          <ActionIcon variant="light" color="green" size="lg" loading={busyId === r.id} onClick={() => onApprove(r)} aria-label={t('records.approvals.approve')} data-testid={`approvals-approve-${r.id}`}>
            <IconCheck size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
      {r.state === 'submitted' || r.state === 'approved' ? (
        <Tooltip label={t('records.return.title')}>
          <ActionIcon variant="subtle" color="orange" size="lg" onClick={() => onReturn(r)} aria-label={t('records.return.title')} data-testid={`approvals-return-${r.id}`}>
            <IconArrowBackUp size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/**
 * The queue on a phone: one card a record, the time and amount beside what was done, so
 * nothing hides beyond the right edge; the same checkboxes, badges and buttons as the table.
 */
function ApprovalCards({ records, selected, problems, busyId, onToggle, onToggleAll, onApprove, onReturn, all, some, none }: Props & { all: boolean; some: boolean; none: boolean }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="approvals-table">
      <RowCard head={<Checkbox checked={all} indeterminate={some && !all} disabled={none} onChange={(e) => onToggleAll(e.currentTarget.checked)} label={t('records.approvals.selectAll')} data-testid="approvals-select-all" />} />
      {records.map((r) => {
        const issues = problems.get(r.id);
        return (
          <RowCard
            key={r.id}
            testId={`approvals-row-${r.id}`}
            data-state={r.state}
            style={issues ? { background: 'var(--mantine-color-red-light)' } : undefined}
            head={(
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Checkbox mt={2} checked={selected.has(r.id)} disabled={!selectable(r)} onChange={(e) => onToggle(r.id, e.currentTarget.checked)} aria-label={t('records.approvals.select')} data-testid={`approvals-check-${r.id}`} />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>{recordWhat(t, r)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateAndTime(r.date, r.startTime)} · {r.technician.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/tickets/${r.ticket.id}`} size="xs" className="mono">{r.ticket.number}</Anchor> · {r.client.name}
                  </Text>
                </div>
              </Group>
            )}
            headEnd={(
              <Stack gap={2} align="flex-end">
                <RecordAmount record={r} testId={`approvals-amount-${r.id}`} />
                <Text size="xs" c="dimmed" ta="right">{recordMinutes(t, r)}</Text>
              </Stack>
            )}
            body={r.description || issues ? (
              <>
                {r.description ? <Text size="xs" c="dimmed" lineClamp={2} mt={4}>{r.description}</Text> : null}
                {issues ? issues.map((m) => <Text key={m} size="xs" c="red.8" fw={600} data-testid={`approvals-problem-${r.id}`}>{m}</Text>) : null}
              </>
            ) : null}
            foot={(
              <Group gap="xs">
                <RecordStateBadge state={r.state} testId={`approvals-state-${r.id}`} />
                <ContractNote record={r} testId={`approvals-contract-${r.id}`} />
              </Group>
            )}
            footEnd={<RowActions record={r} busyId={busyId} onApprove={onApprove} onReturn={onReturn} />}
          />
        );
      })}
    </RowCards>
  );
}

/** The approval queue: records with checkboxes; each submitted one can be approved or returned. */
export function ApprovalsTable({ records, selected, problems, busyId, onToggle, onToggleAll, onApprove, onReturn }: Props) {
  const { t } = useTranslation();
  const candidates = records.filter(selectable);
  const all = candidates.length > 0 && candidates.every((r) => selected.has(r.id));
  const some = candidates.some((r) => selected.has(r.id));
  const phone = usePhone();
  if (phone) {
    return <ApprovalCards {...{ records, selected, problems, busyId, onToggle, onToggleAll, onApprove, onReturn, all, some }} none={candidates.length === 0} />;
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table data-testid="approvals-table" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox checked={all} indeterminate={some && !all} disabled={candidates.length === 0} onChange={(e) => onToggleAll(e.currentTarget.checked)} aria-label={t('records.approvals.selectAll')} data-testid="approvals-select-all" />
            </Table.Th>
            <Table.Th>{t('records.fields.date')}</Table.Th>
            <Table.Th>{t('records.fields.technician')}</Table.Th>
            <Table.Th>{t('records.fields.ticket')}</Table.Th>
            <Table.Th>{t('records.fields.what')}</Table.Th>
            <Table.Th>{t('records.fields.minutes')}</Table.Th>
            <Table.Th ta="right">{t('records.fields.amount')}</Table.Th>
            <Table.Th>{t('records.fields.state')}</Table.Th>
            <Table.Th w={90} aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => {
            const issues = problems.get(r.id);
            return (
              <Table.Tr key={r.id} data-testid={`approvals-row-${r.id}`} data-state={r.state} bg={issues ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>
                  <Checkbox checked={selected.has(r.id)} disabled={!selectable(r)} onChange={(e) => onToggle(r.id, e.currentTarget.checked)} aria-label={t('records.approvals.select')} data-testid={`approvals-check-${r.id}`} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateAndTime(r.date, r.startTime)}</Table.Td>
                <Table.Td>{r.technician.name}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/${r.ticket.id}`} size="sm" className="mono">{r.ticket.number}</Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>{r.client.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{recordWhat(t, r)}</Text>
                  {r.description ? <Text size="xs" c="dimmed" lineClamp={2}>{r.description}</Text> : null}
                  {issues ? issues.map((m) => <Text key={m} size="xs" c="red.8" fw={600} data-testid={`approvals-problem-${r.id}`}>{m}</Text>) : null}
                </Table.Td>
                <Table.Td miw={120}><Text size="sm">{recordMinutes(t, r)}</Text></Table.Td>
                <Table.Td ta="right">
                  <Group justify="flex-end"><RecordAmount record={r} testId={`approvals-amount-${r.id}`} /></Group>
                  <ContractNote record={r} testId={`approvals-contract-${r.id}`} />
                </Table.Td>
                <Table.Td miw={120}><RecordStateBadge state={r.state} testId={`approvals-state-${r.id}`} /></Table.Td>
                <Table.Td>
                  <RowActions record={r} busyId={busyId} onApprove={onApprove} onReturn={onReturn} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
