// Searchable pickers that ask the server (clients, tickets, users), and the category tree.
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
import { useTicketSearch } from './api';
import { useAssignees, useCategories, useClientName, useClientSearch, useStaff } from './configApi';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  /** The chosen id; none (null or left out) for an empty picker. */
  value?: number | null;
  onChange: (value: number | null) => void;
  'data-testid'?: string;
};

const serverFiltered: SelectProps['filter'] = ({ options }) => options;

/** An option found by the server's search: its id and what the list shows. */
interface FoundOption {
  id: number;
  label: string;
}

/**
 * A picker whose options the server finds for the typed text (`useFound`, asked a moment after
 * the typing stops). Enter with no option highlighted takes the first match for what was typed,
 * also when it is pressed before the server has answered ("stroj⏎" picks Strojírny as soon as it
 * is found). On the chosen option's own text (nothing new typed) Enter is the form's, as in every picker.
 */
function ServerSearchPicker({ value = null, onChange, onKeyDown, useFound, chosen, exclude = [], ...props }: PickerProps & {
  useFound: (term: string) => { data: FoundOption[] | undefined; isFetching: boolean };
  /** The chosen option, to show it while the search holds other ones. */
  chosen: FoundOption | null;
  /** Ids never offered. */
  exclude?: readonly number[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = useFound(debounced);
  const pendingEnter = useRef<string | null>(null);
  const answered = (term: string) => debounced === term && !results.isFetching && results.data !== undefined;
  const pickFirst = () => {
    pendingEnter.current = null;
    const first = results.data?.find((o) => !exclude.includes(o.id));
    if (first) onChange(first.id);
  };
  useEffect(() => {
    if (pendingEnter.current !== null && answered(pendingEnter.current)) pickFirst();
  });
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Enter' || hasHighlightedOption(event.currentTarget)) return;
    const term = search.trim();
    if (!term || term === chosen?.label) return;
    event.preventDefault();
    pendingEnter.current = term;
    if (answered(term)) pickFirst();
  };
  const data = useMemo(() => {
    const options = (results.data ?? []).filter((o) => !exclude.includes(o.id)).map((o) => ({ value: String(o.id), label: o.label }));
    if (chosen && !options.some((o) => o.value === String(chosen.id))) options.unshift({ value: String(chosen.id), label: chosen.label });
    return options;
  }, [results.data, chosen, exclude]);
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

function useFoundClients(term: string) {
  const results = useClientSearch(term);
  return { data: results.data?.map((c) => ({ id: c.id, label: c.name })), isFetching: results.isFetching };
}

export function ClientPicker({ value = null, ...props }: PickerProps) {
  const current = useClientName(value);
  const chosen = useMemo(() => (current.data ? { id: current.data.id, label: current.data.name } : null), [current.data]);
  return <ServerSearchPicker value={value} useFound={useFoundClients} chosen={chosen} {...props} />;
}

function useFoundTickets(term: string) {
  const results = useTicketSearch(term);
  return { data: results.data?.map((tk) => ({ id: tk.id, label: ticketLabel(tk) })), isFetching: results.isFetching };
}

const ticketLabel = (ticket: { number: string; subject: string }) => `${ticket.number} ${ticket.subject}`;

/**
 * Another ticket, found by its number or words of its subject (the tickets list's search),
 * among all the tickets the user may see, closed ones too. `exclude` leaves out tickets that
 * cannot be chosen (the ticket itself).
 */
export function TicketPicker({ value = null, exclude = [], current, ...props }: PickerProps & {
  exclude?: readonly number[];
  /** The chosen ticket as already known (the ticket's parent), shown before any search. */
  current?: { id: number; number: string; subject: string } | null;
}) {
  const chosen = useMemo(() => (current && current.id === value ? { id: current.id, label: ticketLabel(current) } : null), [current, value]);
  return <ServerSearchPicker value={value} useFound={useFoundTickets} exclude={exclude} chosen={chosen} {...props} />;
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
