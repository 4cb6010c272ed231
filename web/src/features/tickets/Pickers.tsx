// Searchable pickers that ask the server (clients, users), and the category tree.
// Tapping the chosen option again keeps it (allowDeselect off): on a phone that tap is easily
// made by mistake and would silently empty the field; the clear button (×) empties it.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import { useCategories, useClientName, useClientSearch, useStaff } from './configApi';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  /** The chosen id; none (null or left out) for an empty picker. */
  value?: number | null;
  onChange: (value: number | null) => void;
  'data-testid'?: string;
};

const serverFiltered: SelectProps['filter'] = ({ options }) => options;

export function ClientPicker({ value = null, onChange, onKeyDown, ...props }: PickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useClientSearch(debounced);
  const current = useClientName(value);
  // Enter with no option highlighted takes the first match for what was typed, also when
  // it is pressed before the server has answered ("stroj⏎" picks Strojírny as soon as it is found).
  const pendingEnter = useRef<string | null>(null);
  const answered = (term: string) => debounced === term && !results.isFetching && results.data !== undefined;
  const pickFirst = () => {
    pendingEnter.current = null;
    const first = results.data?.[0];
    if (first) onChange(first.id);
  };
  useEffect(() => {
    if (pendingEnter.current !== null && answered(pendingEnter.current)) pickFirst();
  });
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Enter' || event.currentTarget.getAttribute('aria-activedescendant')) return;
    const term = search.trim();
    if (!term) return;
    event.preventDefault();
    pendingEnter.current = term;
    if (answered(term)) pickFirst();
  };
  const data = useMemo(() => {
    const options = (results.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
    if (current.data && !options.some((o) => o.value === String(current.data.id))) {
      options.unshift({ value: String(current.data.id), label: current.data.name });
    }
    return options;
  }, [results.data, current.data]);
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      data={data}
      filter={serverFiltered}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
      onKeyDown={onEnter}
      {...props}
    />
  );
}

/**
 * Assignee: the signed-in user first ("me"), then everyone who works tickets.
 * `current` keeps today's assignee selectable even if no longer on the staff list.
 */
export function UserPicker({ value = null, onChange, current, ...props }: PickerProps & { current?: { id: number; name: string } | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const staff = useStaff();
  const data = useMemo(() => {
    const options = [{ value: String(me.id), label: `${me.name} (${t('tickets.filters.me')})` }];
    const add = (id: number, name: string) => {
      if (!options.some((o) => o.value === String(id))) options.push({ value: String(id), label: name });
    };
    if (current) add(current.id, current.name);
    for (const u of staff.data ?? []) add(u.id, u.name);
    return options;
  }, [me.id, me.name, current, staff.data, t]);
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}

/** Categories by their tree path ("Hardware / Printers"), searchable. */
export function CategoryPicker({ value = null, onChange, current, ...props }: PickerProps & { current?: { id: number; path: string } | null }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const data = useMemo(() => {
    const options = (categories.data ?? []).map((c) => ({ value: String(c.id), label: c.path }));
    if (current && !options.some((o) => o.value === String(current.id))) options.push({ value: String(current.id), label: current.path });
    return options;
  }, [categories.data, current]);
  if (!categories.isPending && data.length === 0) return null;
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}
