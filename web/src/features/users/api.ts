import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import { useInvalidateWithAudit } from '../../app/api/invalidate';
import type { FieldScope } from '../../app/auth/session';
import type { Language } from '../../i18n';
import type { OpenTicketsAnswer } from './deactivation';

export interface User {
  id: number;
  email: string;
  name: string;
  language: Language;
  roles: string[];
  /** The client a client contact belongs to; null for staff. */
  clientId: number | null;
  active: boolean;
  /** Sent back with a change: the server refuses it (stale_version) if someone changed the user meanwhile. */
  version: number;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface Role {
  code: string;
  permissions: string[];
  fieldScope: FieldScope;
}

export type ActiveFilter = 'true' | 'false' | 'all';

export interface NewUser {
  email: string;
  name: string;
  language: Language;
  roles: string[];
  password: string;
  clientId?: number | null;
}

export type UserPatch = Partial<Pick<User, 'name' | 'language' | 'roles' | 'active' | 'clientId' | 'version'>> & {
  /** With active: false: hand the user's open tickets back to their queues (unassigned), all to one colleague, or leave them assigned. */
  openTickets?: OpenTicketsAnswer;
};

/** The open tickets assigned to a user (GET /users/{id}/open-tickets): how many, the first few by number, and the queues of all of them. */
export interface OpenTickets {
  count: number;
  items: { id: number; number: string }[];
  queues: { id: number; name: string }[];
}

export function useUsersList(q: string, active: ActiveFilter) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', { q, active }],
    queryFn: ({ pageParam, signal }) => api.get<Page<User>>('/users', { q, active, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<{ items: Role[] }>('/roles', undefined, signal),
    staleTime: 5 * 60_000,
  });
}


export function useCreateUser() {
  const invalidate = useInvalidateWithAudit(['users']);
  return useMutation({ mutationFn: (body: NewUser) => api.post<User>('/users', body), onSuccess: invalidate });
}

/** What deactivating the user would leave behind, read afresh each time the dialog opens. */
export function useUserOpenTickets(id: number | null) {
  return useQuery({
    queryKey: ['users', 'open-tickets', id],
    queryFn: ({ signal }) => api.get<OpenTickets>(`/users/${id}/open-tickets`, undefined, signal),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useUpdateUser() {
  // Ticket pages name users and mark inactive assignees (the staff list); a deactivation may unassign or reassign tickets.
  const invalidate = useInvalidateWithAudit(['users'], ['staff'], ['tickets'], ['helpdesk', 'assignees']);
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatch }) => api.patch<User>(`/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateWithAudit(['users']);
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => api.post<void>(`/users/${id}/reset-password`, { password }),
    onSuccess: invalidate,
  });
}
