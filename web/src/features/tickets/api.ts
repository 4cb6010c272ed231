import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../app/api/client';

export * from './types';
import { countQueryOf, type TicketCount } from './ticketCount';
import { hasRunningClock } from './workingTime';
import type { RelationKind } from './relations';
import type { Attachment, NewTicket, Ticket, TicketPatch, TicketSummary, TimelineItem, TransitionInput } from './types';

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: Query) => ['tickets', 'list', query] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  timeline: (id: number) => ['tickets', 'timeline', id] as const,
  attachments: (id: number) => ['tickets', 'attachments', id] as const,
  sla: (id: number) => ['tickets', 'sla', id] as const,
};

export function useTicketsList(query: Query) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(query),
    queryFn: ({ pageParam, signal }) => api.get<Page<TicketSummary>>('/tickets', { ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    // The desk is watched all day: pick up other people's changes.
    refetchInterval: 60_000,
  });
}

/**
 * How many tickets a list query holds, counted by the server (GET /tickets/count, which
 * stops at its cap and says so): refreshed every minute, like the list.
 */
export function useTicketCount(query: Query) {
  const filters = countQueryOf(query);
  return useQuery({
    queryKey: ['tickets', 'count', filters],
    queryFn: ({ signal }) => api.get<TicketCount>('/tickets/count', filters, signal),
    refetchInterval: 60_000,
  });
}

export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => api.get<Ticket>(`/tickets/${id}`, undefined, signal),
    enabled: Number.isFinite(id),
  });
}

const SLA_POLL_MS = 60_000;

/**
 * The ticket's SLA as it stands now. Working time left is counted by the server (it
 * knows the calendar), so while a clock runs it is asked again every minute. In a
 * query of its own: refreshing the ticket itself in the background would swap the
 * version an open form sends, hiding a conflict with someone else's change. The
 * newer of the two answers wins (after a change the ticket is newer than the poll).
 */
export function useLiveSla(ticket: Ticket, ticketAt: number): Pick<Ticket, 'sla' | 'slaTargets'> {
  const poll = useQuery({
    queryKey: ticketKeys.sla(ticket.id),
    queryFn: async ({ signal }) => {
      const fresh = await api.get<Ticket>(`/tickets/${ticket.id}`, undefined, signal);
      return { sla: fresh.sla, slaTargets: fresh.slaTargets };
    },
    initialData: { sla: ticket.sla, slaTargets: ticket.slaTargets },
    initialDataUpdatedAt: ticketAt,
    staleTime: SLA_POLL_MS,
    refetchInterval: (query) => {
      const shown = query.state.data && query.state.dataUpdatedAt > ticketAt ? query.state.data : ticket;
      return hasRunningClock(shown.slaTargets) ? SLA_POLL_MS : false;
    },
  });
  return poll.dataUpdatedAt > ticketAt ? poll.data : ticket;
}

/** Related tickets (parent, children, links) by id, for their number and subject. */
export function useTicketsByIds(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ticketKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Ticket>(`/tickets/${id}`, undefined, signal),
      staleTime: 60_000,
    })),
  });
}

/**
 * Tickets found by number or words of the subject (the list's full-text search), closed ones
 * too, for picking one: a parent, a ticket to link.
 */
export function useTicketSearch(q: string) {
  return useQuery<TicketSummary[]>({
    queryKey: ['tickets', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<TicketSummary>>('/tickets', { q, view: 'all', limit: 20 }, signal).then((r) => r.items),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** A ticket's timeline, asked for only once `ticketLoaded` (a missing ticket's timeline would be a second 404). */
export function useTimeline(id: number, ticketLoaded: boolean) {
  return useQuery({
    queryKey: ticketKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(`/tickets/${id}/timeline`, undefined, signal),
    enabled: ticketLoaded,
  });
}

export function useAttachments(id: number) {
  return useQuery({
    queryKey: ticketKeys.attachments(id),
    queryFn: ({ signal }) => api.get<{ items: Attachment[] }>(`/tickets/${id}/attachments`, undefined, signal),
  });
}

/**
 * After a change: the ticket (from the answer, or refetched), its timeline, and
 * the lists. The returned promise lets a mutation stay pending until the new
 * version is in, so the next change does not send a stale one.
 */
function useRefreshTicket(id: number) {
  const queryClient = useQueryClient();
  return async (ticket?: Ticket) => {
    if (ticket) queryClient.setQueryData(ticketKeys.detail(id), ticket);
    void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['tickets', 'count'] });
    await Promise.all([
      ticket ? null : queryClient.invalidateQueries({ queryKey: ticketKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(id) }),
    ]);
  };
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTicket) => api.post<Ticket>('/tickets', body),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'count'] });
    },
  });
}

export function useUpdateTicket(id: number) {
  const refresh = useRefreshTicket(id);
  return useMutation({
    mutationFn: (body: TicketPatch) => api.patch<Ticket>(`/tickets/${id}`, body),
    onSuccess: (ticket) => refresh(ticket),
  });
}

/** A tie between the ticket and another one, made or undone (see relations.ts). */
export interface RelationChange {
  kind: RelationKind;
  otherId: number;
  remove: boolean;
}

/**
 * Links and parents: a link is its own request (no version), a parent is a change of the
 * ticket (with its version), a sub-ticket a change of the other ticket (with that one's
 * version, read just before). Both tickets are refreshed after: each page shows the tie.
 */
export function useChangeRelation(ticket: Pick<Ticket, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  const refresh = useRefreshTicket(ticket.id);
  return useMutation({
    mutationFn: async ({ kind, otherId, remove }: RelationChange) => {
      if (kind === 'related') {
        const path = `/tickets/${ticket.id}/links/${otherId}`;
        await (remove ? api.delete(path) : api.post(path));
        return undefined;
      }
      if (kind === 'parent') return api.patch<Ticket>(`/tickets/${ticket.id}`, { version: ticket.version, parentId: remove ? null : otherId });
      const child = await api.get<Ticket>(`/tickets/${otherId}`);
      await api.patch<Ticket>(`/tickets/${otherId}`, { version: child.version, parentId: remove ? null : ticket.id });
      return undefined;
    },
    onSuccess: async (updated, { otherId }) => {
      await Promise.all([
        refresh(updated),
        queryClient.invalidateQueries({ queryKey: ticketKeys.detail(otherId) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(otherId) }),
      ]);
    },
  });
}

export function useTransition(id: number) {
  const refresh = useRefreshTicket(id);
  return useMutation({
    mutationFn: (body: TransitionInput) => api.post<Ticket>(`/tickets/${id}/transition`, body),
    onSuccess: (ticket) => refresh(ticket),
  });
}

export function useAddComment(id: number) {
  const refresh = useRefreshTicket(id);
  return useMutation({
    mutationFn: (body: { body: string; visibility: 'public' | 'internal' }) => api.post<{ id: number }>(`/tickets/${id}/comments`, body),
    // A comment raises the ticket's version (and may stop the first-response clock): reload it.
    onSuccess: () => refresh(),
  });
}

export function useUploadAttachment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<Attachment>(`/tickets/${id}/attachments`, form);
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.attachments(id) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(id) }),
      ]);
    },
  });
}

export const attachmentUrl = (id: number) => `/api/v1/attachments/${id}`;
