import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../app/api/client';

export const STATE_CATEGORIES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];
/** Ticket inputs a transition may require besides custom field keys. */
export const BUILTIN_REQUIRED_FIELDS = ['resolutionNote', 'comment'] as const;

export interface TicketState {
  id: number;
  code: string;
  name: string;
  category: StateCategory;
  pausesSla: boolean;
  isInitial: boolean;
  sortOrder: number;
}

export interface TicketTransition {
  id: number;
  from: string;
  to: string;
  fromStateId: number;
  toStateId: number;
  name: string;
  requiredFields: string[];
}

export interface TicketType {
  id: number;
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
  states: TicketState[];
  transitions: TicketTransition[];
  createdAt: string;
  updatedAt: string;
}

export interface ProcessBody {
  states: Array<Pick<TicketState, 'code' | 'name' | 'category' | 'pausesSla' | 'isInitial'>>;
  transitions: Array<Pick<TicketTransition, 'from' | 'to' | 'name' | 'requiredFields'>>;
  /** The type's updatedAt as loaded: a save over a newer process is refused (409 stale_version). */
  expectedUpdatedAt?: string;
}

export interface TicketTypeInput {
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

export const typeKeys = {
  all: ['ticket-types'] as const,
  list: ['ticket-types', 'list'] as const,
  detail: (id: number) => ['ticket-types', 'detail', id] as const,
  ticketCounts: (id: number) => ['ticket-types', 'ticket-counts', id] as const,
};

/** How many tickets are in a state of the type now (every queue). */
export interface StateTicketCount {
  stateId: number;
  code: string;
  tickets: number;
}

export function useTicketTypes() {
  return useQuery({
    queryKey: typeKeys.list,
    queryFn: ({ signal }) => api.get<{ items: TicketType[] }>('/ticket-types', { active: 'all' }, signal),
  });
}

export function useTicketType(id: number) {
  return useQuery({
    queryKey: typeKeys.detail(id),
    queryFn: ({ signal }) => api.get<TicketType>(`/ticket-types/${id}`, undefined, signal),
    enabled: Number.isFinite(id),
  });
}

/** Tickets in each state of the type: a state that holds any cannot be removed from the process. */
export function useStateTicketCounts(id: number) {
  return useQuery({
    queryKey: typeKeys.ticketCounts(id),
    queryFn: ({ signal }) => api.get<{ items: StateTicketCount[] }>(`/ticket-types/${id}/ticket-counts`, undefined, signal),
    enabled: Number.isFinite(id),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (type: TicketType) => {
    queryClient.setQueryData(typeKeys.detail(type.id), type);
    void queryClient.invalidateQueries({ queryKey: typeKeys.ticketCounts(type.id) });
    void queryClient.invalidateQueries({ queryKey: typeKeys.list });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useSaveTicketType(id: number | null) {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<TicketTypeInput>) => (id === null ? api.post<TicketType>('/ticket-types', body) : api.patch<TicketType>(`/ticket-types/${id}`, body)),
    onSuccess,
  });
}

export function useSaveProcess(id: number) {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: ProcessBody) => apiRequest<TicketType>(`/ticket-types/${id}/process`, { method: 'PUT', body }),
    onSuccess,
  });
}
