import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { formatDateAndTime } from '../../app/format';
import { usePhone } from '../../app/components/usePhone';
import type { ServiceRecord } from './api';
import { ContractNote, RecordAmount, RecordStateBadge, recordMinutes, recordWhat, ReturnedNote } from './RecordBadges';
import { MaterialFacts } from '../warehouse/MaterialFacts';
import { PriceWhy } from '../pricing/PriceWhy';

interface Props {
  records: ServiceRecord[];
  busyId: number | null;
  onSubmit: (r: ServiceRecord) => void;
  onDelete: (r: ServiceRecord) => void;
  onEdit: (r: ServiceRecord) => void;
}

/** The ticket's records, oldest first; the technician's own drafts can be submitted, corrected or deleted here. */
export function RecordsList({ records, busyId, onSubmit, onDelete, onEdit }: Props) {
  const { t } = useTranslation();
  // On a phone the row's buttons are thumb-sized.
  const phone = usePhone();
  const { can } = useAuth();
  const me = useMe();
  const mayChange = (r: ServiceRecord) => can('records.write') && r.state === 'draft' && r.kind !== 'material' && (r.technician.id === me.id || can('records.approve'));
  return (
    <div data-testid="records-list">
      {records.map((r) => (
        <div key={r.id} className="records-row" data-testid={`record-row-${r.id}`} data-kind={r.kind} data-state={r.state} data-date={r.date}>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>{formatDateAndTime(r.date, r.startTime)}</Text>
              <Text size="sm">{recordWhat(t, r)}</Text>
            </Group>
            <Text size="sm" c="dimmed" data-testid={`record-minutes-${r.id}`}>
              {[r.technician.name, recordMinutes(t, r)].filter(Boolean).join(' · ')}
            </Text>
            {r.state === 'draft' && r.returnReason ? <ReturnedNote reason={r.returnReason} testId={`record-returned-${r.id}`} /> : null}
            {r.kind === 'material' ? <MaterialFacts record={r} /> : null}
            {r.description ? <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{r.description}</Text> : null}
            {r.internalNote ? (
              <Text size="xs" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>{t('records.fields.internalNote')}: {r.internalNote}</Text>
            ) : null}
          </Stack>
          <div className="records-row-side">
            <Group gap={4} wrap="nowrap">
              <RecordAmount record={r} testId={`record-amount-${r.id}`} />
              {/* How the amount came about: the server sends the explanation only to those who see prices. */}
              <PriceWhy groups={[{ lines: r.price.explanation ?? [] }]} label={t('records.why')} testId={`record-why-${r.id}`} />
            </Group>
            <ContractNote record={r} testId={`record-contract-${r.id}`} />
            <Group gap={6} wrap="nowrap">
              <RecordStateBadge state={r.state} testId={`record-state-${r.id}`} />
              {mayChange(r) ? (
                <>
                  <Button size={phone ? 'sm' : 'compact-sm'} variant="light" leftSection={<IconSend size={14} />} loading={busyId === r.id} onClick={() => onSubmit(r)} data-testid={`record-submit-${r.id}`}>
                    {t('records.submit')}
                  </Button>
                  <Tooltip label={t('records.edit')}>
                    <ActionIcon variant="subtle" size="lg" onClick={() => onEdit(r)} aria-label={t('records.edit')} data-testid={`record-edit-${r.id}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('records.delete')}>
                    <ActionIcon variant="subtle" color="red" size="lg" onClick={() => onDelete(r)} aria-label={t('records.delete')} data-testid={`record-delete-${r.id}`}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </>
              ) : null}
            </Group>
          </div>
        </div>
      ))}
    </div>
  );
}
