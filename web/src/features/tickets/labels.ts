// Names of the codes the server sends. The default process's states and types are
// stored with English names; while a name is still that default it is shown in the
// reader's language, and once an administrator renames it (or for a code an
// administrator added) the name as given is shown, everywhere.
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { Priority, StateCategory } from './api';

function named(t: TFunction, key: string, item: { code: string; name?: string }): string {
  if (!i18n.exists(key)) return item.name ?? item.code;
  const renamed = item.name !== undefined && item.name !== i18n.getFixedT('en')(key);
  return renamed ? item.name! : t(key);
}

export const stateLabel = (t: TFunction, state: { code: string; name?: string }) => named(t, `tickets.states.${state.code}`, state);

export const typeLabel = (t: TFunction, type: { code: string; name?: string }) => named(t, `tickets.types.${type.code}`, type);

export const CATEGORY_COLORS: Record<StateCategory, string> = {
  new: 'blue',
  open: 'indigo',
  waiting: 'yellow',
  resolved: 'green',
  closed: 'gray',
};

export const PRIORITY_COLORS: Record<Priority, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'blue',
  P4: 'gray',
};

export function categoryColor(category: string): string {
  return CATEGORY_COLORS[category as StateCategory] ?? 'gray';
}

/**
 * An assignee's name as the ticket list and the ticket page show it: marked "(inactive)" when
 * they are not among the active staff (GET /staff lists active users only), so a ticket left
 * with someone who can no longer sign in stands out. `activeStaff` null (the list not read yet,
 * or not readable): the name as it is, nobody marked by mistake.
 */
export function assigneeName(t: TFunction, assignee: { id: number; name: string }, activeStaff: ReadonlySet<number> | null): string {
  return activeStaff && !activeStaff.has(assignee.id) ? t('common.inactivePerson', { name: assignee.name }) : assignee.name;
}
