// Searchable pickers that ask the server (clients, users), and the category tree.
// Tapping the chosen option again keeps it (allowDeselect off): on a phone that tap is easily
// made by mistake and would silently empty the field; the clear button (×) empties it.
// Focus, typing and the keys work as in every picker (pickerProps): in error the list does not
// open over the message on focus, Enter takes the highlighted option.
import { type ComboboxItem, type ComboboxItemGroup, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/AuthProvider';
import { hasHighlightedOption, pickerProps } from '../../app/components/pickerProps';
import { useAssignees, useCategories, useClientName, useClientSearch, useStaff } from './configApi';

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
  // On the chosen client's name (nothing new typed) Enter is the form's, as in every picker.
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
    if (event.key !== 'Enter' || hasHighlightedOption(event.currentTarget)) return;
    const term = search.trim();
    if (!term || term === current.data?.name) return;
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
      clearable
      allowDeselect={false}
      data={data}
      {...pickerProps({ error: props.error, onKeyDown: onEnter, searchedByServer: true })}
      filter={serverFiltered}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...props}
    />
  );
}

/**
 * A person who works tickets (a filter, whose timesheets): the signed-in user first ("me"),
 * then the staff. `current` keeps a chosen person selectable even if no longer on the staff list.
 * A ticket's assignee is picked with AssigneePicker.
 */
export function UserPicker({ value = null, onChange, onKeyDown, current, ...props }: PickerProps & { current?: { id: number; name: string } | null }) {
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
      clearable
      allowDeselect={false}
      data={data}
      {...pickerProps({ error: props.error, onKeyDown })}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}

/**
 * The assignee of a ticket in a queue: only whom the server lets have it (GET /tickets/assignees),
 * the queue's members first, then those who see every queue, the signed-in user first of their
 * group. `current` keeps today's assignee selectable even if no longer among them (an unchanged
 * assignee is not checked again); anyone else chosen who may not have tickets of a newly chosen
 * queue is let go.
 */
export function AssigneePicker({ queueId, value = null, onChange, onKeyDown, current, placeholder, ...props }: PickerProps & {
  queueId: number | string | null;
  current?: { id: number; name: string } | null;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queue = queueId === null || queueId === '' ? null : Number(queueId);
  const assignees = useAssignees(queue);
  const data = useMemo(() => {
    const item = (a: { id: number; name: string }): ComboboxItem => ({ value: String(a.id), label: a.id === me.id ? `${a.name} (${t('tickets.filters.me')})` : a.name });
    const meFirst = (list: { id: number; name: string }[]) => [...list].sort((a, b) => Number(b.id === me.id) - Number(a.id === me.id)).map(item);
    const all = assignees.data ?? [];
    const groups: (ComboboxItem | ComboboxItemGroup<ComboboxItem>)[] = [];
    if (current && !all.some((a) => a.id === current.id)) groups.push(item(current));
    const members = all.filter((a) => a.queueMember);
    const others = all.filter((a) => !a.queueMember);
    if (members.length) groups.push({ group: t('tickets.assignees.members'), items: meFirst(members) });
    if (others.length) groups.push({ group: t('tickets.assignees.everyQueue'), items: meFirst(others) });
    return groups;
  }, [assignees.data, current, me.id, t]);
  useEffect(() => {
    if (value === null || value === current?.id || !assignees.data) return;
    if (!assignees.data.some((a) => a.id === value)) onChange(null);
  }, [assignees.data, value, current?.id, onChange]);
  return (
    <Select
      clearable
      allowDeselect={false}
      data={data}
      {...pickerProps({ error: props.error, onKeyDown })}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      placeholder={queue === null ? t('tickets.assignees.queueFirst') : placeholder}
      nothingFoundMessage={assignees.isPending && queue !== null ? t('common.loading') : t('common.nothingFound')}
      {...props}
    />
  );
}

/** Categories by their tree path ("Hardware / Printers"), searchable. */
export function CategoryPicker({ value = null, onChange, onKeyDown, current, ...props }: PickerProps & { current?: { id: number; path: string } | null }) {
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
      clearable
      allowDeselect={false}
      data={data}
      {...pickerProps({ error: props.error, onKeyDown })}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}
