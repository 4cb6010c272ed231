// Names of the codes the server sends: the default process's states and types are
// translated; a code an administrator added shows the name it was given.
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import type { Priority, StateCategory } from './api';

function known(t: TFunction, key: string, fallback: string): string {
  return i18n.exists(key) ? t(key) : fallback;
}

export const stateLabel = (t: TFunction, state: { code: string; name?: string }) =>
  known(t, `tickets.states.${state.code}`, state.name ?? state.code);

export const typeLabel = (t: TFunction, type: { code: string; name?: string }) =>
  known(t, `tickets.types.${type.code}`, type.name ?? type.code);

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
