import { ActionIcon, Grid, Select, TextInput, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { useUsersList } from '../users/api';
import type { AuditFilters as Filters } from './api';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, codeOptions } from './auditCodes';
import { isIdText } from './auditParams';

function ActorSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const users = useUsersList(debounced, 'all');
  const data = (users.data?.pages[0]?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: `#${value}` });
  return (
    <Select
      label={t('audit.filters.actor')}
      placeholder={t('common.any')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid="audit-filter-actor"
    />
  );
}

/**
 * Text filters apply after a short pause in typing; the rest at once. A value the filter
 * cannot take (`valid` says no) stays in the field with its message and is not applied, so
 * the address only ever holds what the user may filter by.
 */
function useDebouncedField(value: string, apply: (v: string) => void, valid: (v: string) => boolean = () => true): [string, (v: string) => void] {
  const [local, setLocal] = useState(value);
  const [debounced] = useDebouncedValue(local, 350);
  useEffect(() => setLocal(value), [value]);
  useEffect(() => {
    const typed = debounced.trim();
    if (typed !== value && (typed === '' || valid(typed))) apply(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return [local, setLocal];
}

/** The message under an id field holding what is no id; null when it is one or empty. */
function idError(text: string, message: string): string | null {
  const typed = text.trim();
  return typed === '' || isIdText(typed) ? null : message;
}

export function AuditFiltersBar({ filters, onChange, onClear }: { filters: Filters; onChange: (patch: Partial<Filters>) => void; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [entityId, setEntityId] = useDebouncedField(filters.entityId, (v) => onChange({ entityId: v }), isIdText);
  const [actorId, setActorId] = useDebouncedField(filters.actorUserId, (v) => onChange({ actorUserId: v }), isIdText);
  const entities = codeOptions(AUDIT_ENTITIES, (c) => t(`audit.entities.${c}`, { defaultValue: c }), filters.entity, i18n.language);
  const actions = codeOptions(AUDIT_ACTIONS, (c) => t(`audit.actions.${c}`, { defaultValue: c }), filters.action, i18n.language);
  const hasAny = Object.values(filters).some(Boolean);

  return (
    <Grid gap="sm" mb="md" align="flex-end">
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label={t('audit.filters.entity')}
          placeholder={t('common.any')}
          data={entities}
          value={filters.entity || null}
          onChange={(v) => onChange({ entity: v ?? '' })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="audit-filter-entity"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 1.5 }}>
        <TextInput
          label={t('audit.filters.entityId')}
          inputMode="numeric"
          value={entityId}
          onChange={(e) => setEntityId(e.currentTarget.value)}
          error={idError(entityId, t('audit.filters.entityIdInvalid'))}
          data-testid="audit-filter-entity-id"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2 }}>
        <Select
          label={t('audit.filters.action')}
          placeholder={t('common.any')}
          data={actions}
          value={filters.action || null}
          onChange={(v) => onChange({ action: v ?? '' })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="audit-filter-action"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 2.5 }}>
        {can('users.read') ? (
          <ActorSelect value={filters.actorUserId} onChange={(v) => onChange({ actorUserId: v })} />
        ) : (
          <TextInput
            label={t('audit.filters.actorId')}
            inputMode="numeric"
            value={actorId}
            onChange={(e) => setActorId(e.currentTarget.value)}
            error={idError(actorId, t('audit.filters.actorIdInvalid'))}
            data-testid="audit-filter-actor"
          />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 10, md: 3.5 }}>
        <DatePickerInput
          type="range"
          label={t('audit.filters.dateRange')}
          placeholder={t('audit.filters.anyTime')}
          value={[filters.from || null, filters.to || null]}
          onChange={([from, to]) => onChange({ from: from ?? '', to: to ?? '' })}
          allowSingleDateInRange
          clearable
          valueFormat="L"
          data-testid="audit-filter-dates"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 2, md: 0.5 }}>
        <Tooltip label={t('common.clearFilters')}>
          <ActionIcon variant="default" size="lg" onClick={onClear} disabled={!hasAny} aria-label={t('common.clearFilters')} data-testid="audit-filter-clear" mb={1}>
            <IconFilterOff size={18} />
          </ActionIcon>
        </Tooltip>
      </Grid.Col>
    </Grid>
  );
}
