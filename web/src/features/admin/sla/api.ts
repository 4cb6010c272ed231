import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
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
  /** Send it back with a change: a save over a newer calendar is refused (409 stale_version). */
  version: number;
}
export type CalendarInput = Omit<Calendar, 'id' | 'version'>;

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
  /** Send it back with a change: a save over a newer policy is refused (409 stale_version). */
  version: number;
}
export type SlaPolicyInput = Omit<SlaPolicy, 'id' | 'version'>;

/** What a save changes: a new record (no id), or a stored one at the version the form loaded. */
type SaveOf<T> = { id: null; body: T } | { id: number; version: number; body: T };

/** matrix[impact][urgency] → priority. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

export interface ClientSlaPolicy {
  clientId: number;
  slaPolicyId: number | null;
  effectiveSlaPolicyId: number | null;
}


const calendarsQuery = {
  queryKey: ['calendars'],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ items: Calendar[] }>('/calendars', undefined, signal),
};

export function useCalendars() {
  return useQuery(calendarsQuery);
}

/** The calendar as stored now (after a stale save); undefined when it was deleted meanwhile. */
/** One public holiday (a day off by law) of a country; `code` names it in the user's language. */
export interface PublicHoliday {
  date: string;
  code: string;
  /** English name: shown when the web app has no name for the code. */
  name: string;
}

export interface CountryYear {
  country: HolidayCountry;
  year: number;
}

/**
 * The public holidays of each country and year asked for, in the order asked,
 * each undefined while loading. The server's table is the one SLA clocks use,
 * and it never changes while the page is open.
 */
export function usePublicHolidays(wanted: readonly CountryYear[]): Array<PublicHoliday[] | undefined> {
  return useQueries({
    queries: wanted.map(({ country, year }) => ({
      queryKey: ['public-holidays', country, year],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ items: PublicHoliday[] }>('/public-holidays', { country, year }, signal),
      staleTime: Infinity,
    })),
    combine: (results) => results.map((r) => r.data?.items),
  });
}

export function useReloadCalendar() {
  const queryClient = useQueryClient();
  return async (id: number) => (await queryClient.fetchQuery({ ...calendarsQuery, staleTime: 0 })).items.find((c) => c.id === id);
}

export function useSaveCalendar() {
  const onSuccess = useInvalidateWithAudit(['calendars']);
  return useMutation({
    mutationFn: (save: SaveOf<CalendarInput>) =>
      save.id === null ? api.post<Calendar>('/calendars', save.body) : api.patch<Calendar>(`/calendars/${save.id}`, { ...save.body, version: save.version }),
    onSuccess,
  });
}

export function useDeleteCalendar() {
  const onSuccess = useInvalidateWithAudit(['calendars']);
  return useMutation({ mutationFn: (id: number) => api.delete(`/calendars/${id}`), onSuccess });
}

const slaPoliciesQuery = {
  queryKey: ['sla-policies'],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ items: SlaPolicy[] }>('/sla-policies', undefined, signal),
};

export function useSlaPolicies() {
  return useQuery(slaPoliciesQuery);
}

/** The policy as stored now (after a stale save). */
export function useReloadSlaPolicy() {
  const queryClient = useQueryClient();
  return async (id: number) => (await queryClient.fetchQuery({ ...slaPoliciesQuery, staleTime: 0 })).items.find((p) => p.id === id);
}

export function useSaveSlaPolicy() {
  const onSuccess = useInvalidateWithAudit(['sla-policies']);
  return useMutation({
    mutationFn: (save: SaveOf<Partial<SlaPolicyInput>>) =>
      save.id === null ? api.post<SlaPolicy>('/sla-policies', save.body) : api.patch<SlaPolicy>(`/sla-policies/${save.id}`, { ...save.body, version: save.version }),
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
