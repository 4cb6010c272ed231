import { Button, Group, Select } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientPicker, UserPicker } from '../tickets/Pickers';
import { RECORD_STATES, type RecordFilters } from './api';
import { DateField } from '../../app/components/DateFields';

export const ALL_STATES = 'all';

/**
 * Filters of the approval queue, kept in the address (state defaults to submitted).
 * `clientFilterRef`: the client field, where the page's "/" goes (APPROVAL_SHORTCUTS; the queue has no text search).
 */
export function ApprovalFilters({ filters, onChange, clientFilterRef }: { filters: RecordFilters; onChange: (patch: Partial<RecordFilters>) => void; clientFilterRef?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const kinds = ['work', 'travel', 'fee', 'material'] as const;
  const any = filters.technicianId || filters.clientId || filters.from || filters.to || filters.kind || filters.state !== 'submitted';
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md" data-testid="approvals-filters">
      <Select
        label={t('records.fields.state')}
        data={[...RECORD_STATES.map((s) => ({ value: s, label: t(`records.states.${s}`) })), { value: ALL_STATES, label: t('common.all') }]}
        value={filters.state ?? ALL_STATES}
        onChange={(v) => onChange({ state: v === ALL_STATES ? null : v })}
        allowDeselect={false}
        w={{ base: '100%', xs: 160 }}
        data-testid="approvals-filter-state"
      />
      <UserPicker
        label={t('records.fields.technician')}
        value={filters.technicianId ?? null}
        onChange={(v) => onChange({ technicianId: v })}
        w={{ base: '100%', xs: 220 }}
        data-testid="approvals-filter-technician"
      />
      <ClientPicker
        ref={clientFilterRef}
        label={t('records.fields.client')}
        value={filters.clientId ?? null}
        onChange={(v) => onChange({ clientId: v })}
        w={{ base: '100%', xs: 240 }}
        data-testid="approvals-filter-client"
      />
      <Select
        label={t('records.fields.kind')}
        data={kinds.map((k) => ({ value: k, label: t(`records.kinds.${k}`) }))}
        value={filters.kind ?? null}
        onChange={(v) => onChange({ kind: v })}
        clearable
        w={{ base: '100%', xs: 150 }}
        data-testid="approvals-filter-kind"
      />
      <DateField label={t('records.filters.from')} value={filters.from} onChange={(v) => onChange({ from: v || null })} clearable w={{ base: '47%', xs: 150 }} data-testid="approvals-filter-from" />
      <DateField label={t('records.filters.to')} value={filters.to} onChange={(v) => onChange({ to: v || null })} clearable w={{ base: '47%', xs: 150 }} data-testid="approvals-filter-to" />
      {any ? (
        <Button variant="subtle" leftSection={<IconX size={14} />} onClick={() => onChange({ technicianId: null, clientId: null, from: null, to: null, kind: null, state: 'submitted' })} data-testid="approvals-filter-clear">
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
