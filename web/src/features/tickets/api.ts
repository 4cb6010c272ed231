import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Query } from '../../app/api/client';

export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type Level = 'high' | 'medium' | 'low';
export type StateCategory = 'new' | 'open' | 'waiting' | 'resolved' | 'closed';
export type CustomValue = string | number | string[] | null;

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const LEVELS: readonly Level[] = ['high', 'medium', 'low'];
export const STATE_CATEGORIES: readonly StateCategory[] = ['new', 'open', 'waiting', 'resolved', 'closed'];

export interface Ref {
  id: number;
  name: string;
}

export interface Sla {
  status: string;
  policyId: number | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  dueAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  breachedMinutes: number | null;
}

export interface TicketSummary {
  id: number;
  number: string;
  subject: string;
  type: { id: number; code: string; name: string };
  state: { id: number; code: string; name: string; category: StateCategory };
  priority: Priority;
  queue: Ref;
  assignee: Ref | null;
  client: Ref;
  tags: string[];
  sla: Sla;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AllowedTransition {
  toState: string;
  name: string;
  requiredFields: string[];
}

export interface Ticket extends TicketSummary {
  description: string;
  descriptionHtml: string;
  impact: Level;
  urgency: Level;
  priorityOverridden: boolean;
  team: Ref | null;
  requester: { id: number; name: string; email: string | null } | null;
  category: { id: number; path: string } | null;
  custom: Record<string, CustomValue>;
  dimensions: { dimension: string; value: string; valueName: string }[];
  parentId: number | null;
  childIds: number[];
  linkedIds: number[];
  watchers: { users: Ref[]; contacts: Ref[] };
  allowedTransitions: AllowedTransition[];
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolutionNote: string | null;
}

export interface TimelineItem {
  kind: 'comment' | 'event';
  id: number;
  at: string;
  actor: string | null;
  visibility: 'public' | 'internal' | null;
  body: string | null;
  bodyHtml: string | null;
  event: string | null;
  field: string | null;
  before: unknown;
  after: unknown;
}

export interface Attachment {
  id: number;
  ticketId: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** Body of POST /tickets (see the server's newTicketBody). */
export interface NewTicket {
  subject: string;
  description: string;
  typeCode: string;
  clientId: number;
  requesterContactId?: number | null;
  queueId?: number;
  teamId?: number | null;
  assigneeId?: number | null;
  impact: Level;
  urgency: Level;
  priority?: Priority;
  categoryId?: number | null;
  tags: string[];
  custom: Record<string, CustomValue>;
  dimensions: Record<string, string>;
}

export type TicketPatch = Partial<Omit<NewTicket, 'typeCode' | 'clientId' | 'priority' | 'dimensions'>> & {
  version: number;
  priority?: Priority | null;
  dimensions?: Record<string, string | null>;
};

export interface TransitionInput {
  version: number;
  toState: string;
  resolutionNote?: string;
  comment?: string;
  custom?: Record<string, CustomValue>;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: Query) => ['tickets', 'list', query] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  timeline: (id: number) => ['tickets', 'timeline', id] as const,
  attachments: (id: number) => ['tickets', 'attachments', id] as const,
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

/** How many tickets a list query holds, counted up to `max` (the API has no count). */
export function useTicketCount(query: Query, max = 200) {
  return useQuery({
    queryKey: ['tickets', 'count', query, max],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<TicketSummary>>('/tickets', { ...query, limit: max }, signal);
      return { count: page.items.length, more: page.nextCursor !== null };
    },
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

export function useTimeline(id: number) {
  return useQuery({
    queryKey: ticketKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(`/tickets/${id}/timeline`, undefined, signal),
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
