// Helpdesk configuration the workspace reads (types with their processes, queues,
// teams, categories, dimensions, custom fields, priority matrix), and the pickers'
// searches (clients, contacts, users). Configuration changes rarely: cached for minutes.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type Page } from '../../app/api/client';
import type { TicketState, TicketType } from '../admin/process/api';
import type { Category, CustomField, Dimension } from '../admin/catalog/api';
import type { Queue, Team } from '../admin/queues/api';
import type { Level, Priority } from './api';

const CONFIG_STALE = 5 * 60_000;

// The shapes are those the administration pages read from the same endpoints.
export type { TicketState as ProcessState, TicketType } from '../admin/process/api';
export type { Queue, Team } from '../admin/queues/api';
export type { Category, CustomField, CustomFieldKind, Dimension } from '../admin/catalog/api';

export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

function useConfig<T>(key: string, path: string) {
  return useQuery({
    queryKey: ['helpdesk', key],
    queryFn: ({ signal }) => api.get<{ items: T[] }>(path, { active: 'true' }, signal).then((r) => r.items),
    staleTime: CONFIG_STALE,
  });
}

export const useTicketTypes = () => useConfig<TicketType>('types', '/ticket-types');
/** A queue as GET /queues lists it: also whether the signed-in user's ticket lists can show its tickets (the server decides). */
export type ListedQueue = Queue & { ticketsVisible: boolean };
export const useQueues = () => useConfig<ListedQueue>('queues', '/queues');
export const useTeams = () => useConfig<Team>('teams', '/teams');
export const useCategories = () => useConfig<Category>('categories', '/categories');
export const useDimensions = () => useConfig<Dimension>('dimensions', '/dimensions');
/** Every active custom field, of every type (the list filters by any of them). */
export const useAllCustomFields = () => useConfig<CustomField>('custom-fields-all', '/custom-fields');

/** The custom fields of one ticket type (its own and the global ones), in form order. */
export function useCustomFields(typeId: number | null | undefined) {
  return useQuery({
    queryKey: ['helpdesk', 'custom-fields', typeId ?? null],
    queryFn: ({ signal }) => api.get<{ items: CustomField[] }>('/custom-fields', { typeId, active: 'true' }, signal).then((r) => r.items),
    enabled: !!typeId,
    staleTime: CONFIG_STALE,
  });
}

export function usePriorityMatrix() {
  return useQuery({
    queryKey: ['helpdesk', 'priority-matrix'],
    queryFn: ({ signal }) => api.get<PriorityMatrix>('/priority-matrix', undefined, signal),
    staleTime: CONFIG_STALE,
  });
}

/** Every state of every type by code (the list shows states of several types). */
export function statesByCode(types: TicketType[] | undefined): Map<string, TicketState> {
  const map = new Map<string, TicketState>();
  for (const type of types ?? []) for (const s of type.states) if (!map.has(s.code)) map.set(s.code, s);
  return map;
}

export interface ClientOption {
  id: number;
  name: string;
  companyId: string | null;
  active: boolean;
}

export function useClientSearch(q: string) {
  return useQuery<ClientOption[]>({
    queryKey: ['clients', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<ClientOption>>('/clients', { q, active: 'true', limit: 20 }, signal).then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useClientName(id: number | null) {
  return useQuery({
    queryKey: ['clients', 'detail', id],
    queryFn: ({ signal }) => api.get<ClientOption>(`/clients/${id}`, undefined, signal),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export interface ContactOption {
  id: number;
  name: string;
  email: string | null;
  active: boolean;
}

export function useClientContacts(clientId: number | null) {
  return useQuery({
    queryKey: ['clients', 'contacts', clientId],
    queryFn: ({ signal }) => api.get<{ items: ContactOption[] }>(`/clients/${clientId}/contacts`, undefined, signal).then((r) => r.items),
    enabled: clientId !== null,
  });
}

export interface StaffMember {
  id: number;
  name: string;
  email: string;
  roles: string[];
}

/** Someone a ticket of a queue may be assigned to: a member of the queue, or (queueMember false) someone who sees every queue. */
export interface AssigneeOption {
  id: number;
  name: string;
  queueMember: boolean;
}

/** The query of whom a ticket of the queue may be assigned to, by the server's own rule (GET /tickets/assignees). */
function assigneesQuery(queueId: number | null) {
  return {
    queryKey: ['helpdesk', 'assignees', queueId],
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ items: AssigneeOption[] }>('/tickets/assignees', { queueId: queueId ?? undefined }, signal).then((r) => r.items),
    enabled: queueId !== null,
    staleTime: 60_000,
  };
}

/** Whom a ticket of the queue may be assigned to: the assignee pickers. */
export function useAssignees(queueId: number | null) {
  return useQuery(assigneesQuery(queueId));
}

/** Whom a ticket of each of the queues may be assigned to (one answer per queue, in their order), e.g. to hand over tickets of several queues. */
export function useAssigneesOfQueues(queueIds: readonly number[]) {
  return useQueries({
    queries: queueIds.map((id) => assigneesQuery(id)),
    combine: (results) => ({
      lists: results.every((r) => r.data) ? results.map((r) => r.data!) : undefined,
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

/** Everyone who works tickets (GET /staff, tickets.read): the people filters. */
export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: ({ signal }) => api.get<{ items: StaffMember[] }>('/staff', undefined, signal).then((r) => r.items),
    staleTime: CONFIG_STALE,
  });
}

/**
 * The ids of the active staff, for marking an assignee who is no longer among them (labels.ts
 * assigneeName). The list is read once for the people pickers and filters too; a ticket list
 * item cannot carry the assignee's active flag, its kept rendering is not renewed when it changes.
 */
export function useActiveStaffIds(): ReadonlySet<number> | null {
  const staff = useStaff();
  return useMemo(() => (staff.data ? new Set(staff.data.map((u) => u.id)) : null), [staff.data]);
}
