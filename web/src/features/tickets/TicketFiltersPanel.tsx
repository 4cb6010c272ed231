import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, STATE_CATEGORIES, type Priority, type StateCategory } from './api';
import { useDimensions, useQueues, useTicketTypes } from './configApi';
import type { TicketFilters } from './filters';
import { typeLabel } from './labels';
import { ClientPicker, UserPicker } from './Pickers';

interface Props {
  filters: TicketFilters;
  onChange: (patch: Partial<TicketFilters>) => void;
  onClear: () => void;
}

/** Filters of the ticket list; every change lands in the URL at once. */
export function TicketFiltersPanel({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const queues = useQueues();
  const types = useTicketTypes();
  const dimensions = useDimensions();
  const [tag, setTag] = useState(filters.tag ?? '');
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);
  const commitTag = () => onChange({ tag: tag.trim().toLowerCase() || null });

  const dimensionData = useMemo(
    () =>
      (dimensions.data ?? []).map((d) => ({
        group: d.name,
        items: d.values.map((v) => ({ value: `${d.code}:${v.code}`, label: `${d.name}: ${v.name}` })),
      })),
    [dimensions.data],
  );
  const any = t('tickets.filters.any');

  return (
    <Paper withBorder p="md" mb="md" data-testid="tickets-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={t('tickets.fields.queue')}
          placeholder={any}
          clearable
          data={(queues.data ?? []).map((q) => ({ value: String(q.id), label: q.name }))}
          value={filters.queueId ? String(filters.queueId) : null}
          onChange={(v) => onChange({ queueId: v ? Number(v) : null })}
          data-testid="tickets-filter-queue"
        />
        <MultiSelect
          label={t('tickets.fields.stateCategory')}
          placeholder={filters.stateCategory.length ? undefined : any}
          clearable
          data={STATE_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.stateCategories.${c}`) }))}
          value={filters.stateCategory}
          onChange={(v) => onChange({ stateCategory: v as StateCategory[] })}
          data-testid="tickets-filter-state"
        />
        <MultiSelect
          label={t('tickets.fields.priority')}
          placeholder={filters.priority.length ? undefined : any}
          clearable
          data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
          value={filters.priority}
          onChange={(v) => onChange({ priority: v as Priority[] })}
          data-testid="tickets-filter-priority"
        />
        <Select
          label={t('tickets.fields.type')}
          placeholder={any}
          clearable
          data={(types.data ?? []).map((ty) => ({ value: ty.code, label: typeLabel(t, ty) }))}
          value={filters.typeCode}
          onChange={(v) => onChange({ typeCode: v })}
          data-testid="tickets-filter-type"
        />
        <UserPicker
          label={t('tickets.fields.assignee')}
          placeholder={any}
          value={filters.assigneeId}
          onChange={(v) => onChange({ assigneeId: v })}
          data-testid="tickets-filter-assignee"
        />
        <ClientPicker
          label={t('tickets.fields.client')}
          placeholder={any}
          value={filters.clientId}
          onChange={(v) => onChange({ clientId: v })}
          data-testid="tickets-filter-client"
        />
        <TextInput
          label={t('tickets.fields.tags')}
          placeholder={any}
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          onBlur={commitTag}
          onKeyDown={(e) => e.key === 'Enter' && commitTag()}
          maxLength={40}
          data-testid="tickets-filter-tag"
        />
        {dimensionData.length > 0 ? (
          <Select
            label={t('tickets.fields.dimension')}
            placeholder={any}
            clearable
            searchable
            data={dimensionData}
            value={filters.dimension}
            onChange={(v) => onChange({ dimension: v })}
            data-testid="tickets-filter-dimension"
          />
        ) : (
          <TextInput
            label={t('tickets.fields.dimension')}
            placeholder={t('tickets.filters.dimensionPlaceholder')}
            defaultValue={filters.dimension ?? ''}
            onBlur={(e) => onChange({ dimension: /^[\w-]+:[\w-]+$/.test(e.currentTarget.value.trim()) ? e.currentTarget.value.trim() : null })}
            data-testid="tickets-filter-dimension"
          />
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" size="xs" leftSection={<IconX size={14} />} onClick={onClear} data-testid="tickets-filters-clear">
          {t('tickets.filters.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
