import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveFieldOnEscape } from '../../app/components/leaveField';
import { pickerProps } from '../../app/components/pickerProps';
import { PRIORITIES, STATE_CATEGORIES, type Priority, type StateCategory } from './api';
import { useAllCustomFields, useCategories, useDimensions, useQueues, useTeams, useTicketTypes, type CustomField } from './configApi';
import { CUSTOM_PATTERN, customFieldFilterShown, dimensionFilterControls, queueFilterOptions, SLA_STATUSES, withDimensionValues, type SlaStatus, type TicketFilters, type FiltersPatch } from './filters';
import { typeLabel } from './labels';
import { ClientPicker, UserPicker } from './Pickers';

interface Props {
  filters: TicketFilters;
  onChange: (patch: FiltersPatch) => void;
  onClear: () => void;
}

/** The field and value of a custom field filter (key:value); the value may hold colons. */
function splitCustom(custom: string | null): { key: string | null; value: string } {
  if (!custom) return { key: null, value: '' };
  const at = custom.indexOf(':');
  return { key: custom.slice(0, at), value: custom.slice(at + 1) };
}

/**
 * A custom field and its value: options to pick for choice fields, text otherwise
 * (a text field matches a part of its text). The filter applies once both are given.
 */
function CustomFieldFilter({ custom, onChange }: { custom: string | null; onChange: (custom: string | null) => void }) {
  const { t } = useTranslation();
  const fields = useAllCustomFields();
  const current = splitCustom(custom);
  const [key, setKey] = useState<string | null>(current.key);
  const [value, setValue] = useState(current.value);
  // The filter as this control last set it: a change from elsewhere (a saved view, the address) is shown instead.
  const sent = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (sent.current === custom) return;
    const next = splitCustom(custom);
    setKey(next.key);
    setValue(next.value);
  }, [custom]);
  const send = (next: string | null) => {
    sent.current = next;
    onChange(next);
  };
  // Several types may each have a field of one key: offered once.
  const byKey = useMemo(() => new Map((fields.data ?? []).map((f): [string, CustomField] => [f.key, f])), [fields.data]);
  const field = key ? byKey.get(key) : undefined;
  const filterOf = (k: string | null, v: string) => {
    const candidate = k && v.trim() ? `${k}:${v.trim()}` : null;
    return candidate && CUSTOM_PATTERN.test(candidate) ? candidate : null;
  };
  const commit = (k: string | null, v: string) => send(filterOf(k, v));
  const choices = field && (field.kind === 'choice' || field.kind === 'multi_choice') ? field.options : null;
  // A typed value applies a moment after the typing stops, as the list's search does (Enter or leaving the box: at once).
  const [typed] = useDebouncedValue(value, 300);
  useEffect(() => {
    if (!choices && typed === value && filterOf(key, typed) !== custom) commit(key, typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end" data-testid="tickets-filter-custom">
      <Select
        label={t('tickets.filters.customField')}
        placeholder={t('tickets.filters.any')}
        clearable
        searchable
        data={[...byKey.values()].map((f) => ({ value: f.key, label: f.label }))}
        value={key}
        onChange={(k) => { setKey(k); setValue(''); if (custom) send(null); }}
        nothingFoundMessage={t('tickets.filters.noCustomFields')}
        style={{ flex: '1 1 0', minWidth: 0 }}
        data-testid="tickets-filter-custom-field"
      />
      {choices ? (
        <Select
          label={t('tickets.filters.customValue')}
          placeholder={t('tickets.filters.any')}
          clearable
          data={choices}
          value={value || null}
          onChange={(v) => { setValue(v ?? ''); commit(key, v ?? ''); }}
          style={{ flex: '1 1 0', minWidth: 0 }}
          data-testid="tickets-filter-custom-value"
        />
      ) : (
        <TextInput
          label={t('tickets.filters.customValue')}
          placeholder={key ? t(field?.kind === 'text' ? 'tickets.filters.customValueTextHint' : 'tickets.filters.customValueHint') : undefined}
          disabled={!key}
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.currentTarget.value)}
          onBlur={() => commit(key, value)}
          onKeyDown={(e) => e.key === 'Enter' && commit(key, value)}
          style={{ flex: '1 1 0', minWidth: 0 }}
          data-testid="tickets-filter-custom-value"
        />
      )}
    </Group>
  );
}

/** Filters of the ticket list; every change lands in the URL at once. */
export function TicketFiltersPanel({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const queues = useQueues();
  const types = useTicketTypes();
  const teams = useTeams();
  const categories = useCategories();
  const dimensions = useDimensions();
  const customFields = useAllCustomFields();
  const [tag, setTag] = useState(filters.tag ?? '');
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);
  const commitTag = () => onChange({ tag: tag.trim().toLowerCase() || null });

  const dimensionControls = useMemo(() => dimensionFilterControls(dimensions.data ?? [], filters.dimensions), [dimensions.data, filters.dimensions]);
  const any = t('tickets.filters.any');
  // Clearing starts the custom field control afresh (a field picked without a value is no filter yet).
  const [cleared, setCleared] = useState(0);

  return (
    // Escape in any filter (its list closed) leaves it, as it leaves the search box: the filter stays, j/k/Enter work on the list.
    <Paper withBorder p="md" mb="md" onKeyDown={leaveFieldOnEscape} data-testid="tickets-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={t('tickets.fields.queue')}
          placeholder={any}
          clearable
          data={queueFilterOptions(queues.data ?? [], filters.queueId)}
          value={filters.queueId ? String(filters.queueId) : null}
          onChange={(v) => onChange({ queueId: v ? Number(v) : null })}
          {...pickerProps()}
          data-testid="tickets-filter-queue"
        />
        <MultiSelect
          label={t('tickets.fields.stateCategory')}
          placeholder={filters.stateCategory.length ? undefined : any}
          clearable
          data={STATE_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.stateCategories.${c}`) }))}
          value={filters.stateCategory}
          onChange={(v) => onChange({ stateCategory: v as StateCategory[] })}
          {...pickerProps()}
          data-testid="tickets-filter-state"
        />
        <MultiSelect
          label={t('tickets.fields.priority')}
          placeholder={filters.priority.length ? undefined : any}
          clearable
          data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
          value={filters.priority}
          onChange={(v) => onChange({ priority: v as Priority[] })}
          {...pickerProps()}
          data-testid="tickets-filter-priority"
        />
        <Select
          label={t('tickets.fields.type')}
          placeholder={any}
          clearable
          data={(types.data ?? []).map((ty) => ({ value: ty.code, label: typeLabel(t, ty) }))}
          value={filters.typeCode}
          onChange={(v) => onChange({ typeCode: v })}
          {...pickerProps()}
          data-testid="tickets-filter-type"
        />
        <UserPicker
          label={t('tickets.fields.assignee')}
          placeholder={any}
          value={filters.assigneeId}
          onChange={(v) => onChange({ assigneeId: v })}
          data-testid="tickets-filter-assignee"
        />
        <Select
          label={t('tickets.fields.team')}
          placeholder={any}
          clearable
          data={(teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
          value={filters.teamId ? String(filters.teamId) : null}
          onChange={(v) => onChange({ teamId: v ? Number(v) : null })}
          {...pickerProps()}
          data-testid="tickets-filter-team"
        />
        <ClientPicker
          label={t('tickets.fields.client')}
          placeholder={any}
          value={filters.clientId}
          onChange={(v) => onChange({ clientId: v })}
          data-testid="tickets-filter-client"
        />
        <Select
          label={t('tickets.fields.category')}
          placeholder={any}
          clearable
          data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.path }))}
          value={filters.categoryId ? String(filters.categoryId) : null}
          onChange={(v) => onChange({ categoryId: v ? Number(v) : null })}
          {...pickerProps()}
          data-testid="tickets-filter-category"
        />
        <Select
          label={t('tickets.fields.sla')}
          placeholder={any}
          clearable
          data={SLA_STATUSES.map((st) => ({ value: st, label: t(`tickets.sla.status.${st}`) }))}
          value={filters.slaStatus}
          onChange={(v) => onChange({ slaStatus: v as SlaStatus | null })}
          {...pickerProps()}
          data-testid="tickets-filter-sla"
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
        {/* One control per dimension: all set must match; several values of one are alternatives. */}
        {dimensionControls.map((c) => (
          <MultiSelect
            key={c.code}
            label={c.known ? c.label : t('tickets.filters.unknownDimension', { code: c.code })}
            placeholder={c.value.length ? undefined : any}
            clearable
            // A search box beside the chosen values takes a second line: only where there is much to search.
            searchable={c.options.length > 10}
            data={c.options}
            value={c.value}
            onChange={(values) => onChange((current) => ({ dimensions: withDimensionValues(current.dimensions, c.code, values) }))}
            data-testid={`tickets-filter-dimension-${c.code}`}
          />
        ))}
        {customFieldFilterShown(customFields.data?.length, filters.custom) ? (
          <CustomFieldFilter key={cleared} custom={filters.custom} onChange={(custom) => onChange({ custom })} />
        ) : null}
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" size="xs" leftSection={<IconX size={14} />} onClick={() => { setCleared((n) => n + 1); onClear(); }} data-testid="tickets-filters-clear">
          {t('tickets.filters.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
