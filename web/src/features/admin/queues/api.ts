import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, isApiError, type Page } from '../../../app/api/client';
import { useInvalidateWithAudit } from '../../../app/api/invalidate';
import type { Role, User } from '../../users/api';

export interface Queue {
  id: number;
  code: string;
  name: string;
  leadUserId: number | null;
  members: number[];
  active: boolean;
}

export interface Team {
  id: number;
  name: string;
  members: number[];
  active: boolean;
}

export type QueueInput = Omit<Queue, 'id'>;
export type TeamInput = Omit<Team, 'id'>;

export function useQueues() {
  return useQuery({
    queryKey: ['queues'],
    queryFn: ({ signal }) => api.get<{ items: Queue[] }>('/queues', { active: 'all' }, signal),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api.get<{ items: Team[] }>('/teams', { active: 'all' }, signal),
  });
}


export function useSaveQueue() {
  const onSuccess = useInvalidateWithAudit(['queues']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<QueueInput> }) => (id === null ? api.post<Queue>('/queues', body) : api.patch<Queue>(`/queues/${id}`, body)),
    onSuccess,
  });
}

export function useSaveTeam() {
  const onSuccess = useInvalidateWithAudit(['teams']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<TeamInput> }) => (id === null ? api.post<Team>('/teams', body) : api.patch<Team>(`/teams/${id}`, body)),
    onSuccess,
  });
}

/**
 * Everyone who can be a member or a lead: active users with a role that works
 * tickets (the server's rule), plus a name for every user id (inactive ones too)
 * and which of them are inactive (a member who left stays a member until removed).
 * Reads /users and /roles, so it needs users.read.
 */
export function useStaff() {
  return useQuery({
    queryKey: ['users', 'staff-options'],
    queryFn: async ({ signal }) => {
      const [users, roles] = await Promise.all([
        api.get<Page<User>>('/users', { active: 'all', limit: 200 }, signal),
        api.get<{ items: Role[] }>('/roles', undefined, signal),
      ]);
      const ticketRoles = new Set(roles.items.filter((r) => r.permissions.includes('tickets.read')).map((r) => r.code));
      const names = new Map(users.items.map((u) => [u.id, u.name]));
      const inactive = new Set(users.items.filter((u) => !u.active).map((u) => u.id));
      const options = users.items
        .filter((u) => u.active && u.roles.some((r) => ticketRoles.has(r)))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((u) => ({ value: String(u.id), label: u.name }));
      return { names, inactive, options };
    },
    staleTime: 60_000,
  });
}

/**
 * The names of the SLA policies that escalate to a queue, from the 409 that refuses
 * to deactivate it (queue_is_escalation_target); null for any other error.
 */
export function escalatingPolicyNames(error: unknown): string[] | null {
  if (!isApiError(error) || error.code !== 'queue_is_escalation_target') return null;
  const policies = Array.isArray(error.extra.policies) ? (error.extra.policies as unknown[]) : [];
  return policies.flatMap((p) => (typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string' ? [(p as { name: string }).name] : []));
}

/** A member's or lead's name from useStaff's answer, marked "(inactive)" when they can no longer sign in. */
export function personLabel(t: TFunction, staff: { names: Map<number, string>; inactive: Set<number> } | undefined, id: number): string {
  const name = staff?.names.get(id) ?? `#${id}`;
  return staff?.inactive.has(id) ? t('common.inactivePerson', { name }) : name;
}
