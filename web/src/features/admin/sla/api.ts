import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../app/api/client';
import { useInvalidateWithAudit } from '../../../app/api/invalidate';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const HOLIDAY_COUNTRIES = ['CZ', 'SK'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

export interface TimeWindow {
  start: string;
  end: string;
}

export interface Calendar {
  id: number;
  name: string;
  timeZone: string;
  /** ISO weekdays, Monday = "1"; an empty list is a closed day. */
  weekly: Record<Weekday, TimeWindow[]>;
  holidayCountries: HolidayCountry[];
  extraDaysOff: string[];
}
export type CalendarInput = Omit<Calendar, 'id'>;

export interface PriorityTargets {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export interface SlaPolicy {
  id: number;
  name: string;
  calendarId: number;
  targets: Record<Priority, PriorityTargets>;
  warnAtPercent: number;
  isDefault: boolean;
  escalateToQueueId: number | null;
  active: boolean;
}
export type SlaPolicyInput = Omit<SlaPolicy, 'id'>;

/** matrix[impact][urgency] → priority. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

export interface ClientSlaPolicy {
  clientId: number;
  slaPolicyId: number | null;
  effectiveSlaPolicyId: number | null;
}


export function useCalendars() {
  return useQuery({ queryKey: ['calendars'], queryFn: ({ signal }) => api.get<{ items: Calendar[] }>('/calendars', undefined, signal) });
}

export function useSaveCalendar() {
  const onSuccess = useInvalidateWithAudit(['calendars']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CalendarInput }) => (id === null ? api.post<Calendar>('/calendars', body) : api.patch<Calendar>(`/calendars/${id}`, body)),
    onSuccess,
  });
}

export function useDeleteCalendar() {
  const onSuccess = useInvalidateWithAudit(['calendars']);
  return useMutation({ mutationFn: (id: number) => api.delete(`/calendars/${id}`), onSuccess });
}

export function useSlaPolicies() {
  return useQuery({ queryKey: ['sla-policies'], queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>('/sla-policies', undefined, signal) });
}

export function useSaveSlaPolicy() {
  const onSuccess = useInvalidateWithAudit(['sla-policies']);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Partial<SlaPolicyInput> }) => (id === null ? api.post<SlaPolicy>('/sla-policies', body) : api.patch<SlaPolicy>(`/sla-policies/${id}`, body)),
    onSuccess,
  });
}

export function usePriorityMatrix() {
  return useQuery({ queryKey: ['priority-matrix'], queryFn: ({ signal }) => api.get<PriorityMatrix>('/priority-matrix', undefined, signal) });
}

export function useSavePriorityMatrix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PriorityMatrix) => apiRequest<PriorityMatrix>('/priority-matrix', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['priority-matrix'], saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useTicketNumberPrefix() {
  return useQuery({ queryKey: ['ticket-number-prefix'], queryFn: ({ signal }) => api.get<{ prefix: string }>('/ticket-number-prefix', undefined, signal) });
}

export function useSaveTicketNumberPrefix() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefix: string) => apiRequest<{ prefix: string }>('/ticket-number-prefix', { method: 'PUT', body: { prefix } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['ticket-number-prefix'], saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useClientSlaPolicy(clientId: number) {
  return useQuery({
    queryKey: ['clients', 'sla-policy', clientId],
    queryFn: ({ signal }) => api.get<ClientSlaPolicy>(`/clients/${clientId}/sla-policy`, undefined, signal),
  });
}

export function useSaveClientSlaPolicy(clientId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slaPolicyId: number | null) => apiRequest<ClientSlaPolicy>(`/clients/${clientId}/sla-policy`, { method: 'PUT', body: { slaPolicyId } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['clients', 'sla-policy', clientId], saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
