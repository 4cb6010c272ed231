import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, type Page } from '../../app/api/client';
import { useInvalidateWithAudit } from '../../app/api/invalidate';
import type { Timesheet } from './week';

export type RecordKind = 'work' | 'travel' | 'fee' | 'material';
export type RecordState = 'draft' | 'submitted' | 'approved' | 'billed';
export type TimeClass = 'normal' | 'out_of_hours' | 'weekend_holiday';

export const RECORD_STATES: readonly RecordState[] = ['draft', 'submitted', 'approved', 'billed'];
export const TIME_CLASSES: readonly TimeClass[] = ['normal', 'out_of_hours', 'weekend_holiday'];

interface Ref {
  id: number;
  name: string;
}
interface Coded extends Ref {
  code: string;
}
export interface TicketRef {
  id: number;
  number: string;
  subject: string;
}

export interface ServiceRecord {
  /** The contract the record's work falls under (its ticket's), or null. */
  contractId: number | null;
  id: number;
  kind: RecordKind;
  ticket: TicketRef;
  client: Ref;
  technician: Ref;
  date: string;
  startTime: string | null;
  minutes: number;
  workType: Coded | null;
  timeClass: TimeClass | null;
  timeClassOverridden: boolean;
  km: string | null;
  zone: Coded | null;
  vehicle: string | null;
  fee: (Coded & { unit: string }) | null;
  /** Material records: the item issued (when the API names it; else the description does). */
  item?: (Coded & { unit: string }) | null;
  /** Fees and material; negative on a material return. */
  quantity: string | null;
  billable: boolean;
  description: string;
  internalNote: string;
  state: RecordState;
  approvedBy: Ref | null;
  approvedAt: string | null;
  billedInvoiceId: number | null;
  /** Why an approver returned it to draft; null once it is changed or submitted again. */
  returnReason: string | null;
  price: {
    /** no_price: could not be priced; `reason` and `message` say why (never shown as 0). */
    status: 'priced' | 'no_price';
    reason: string | null;
    message: string | null;
    priceListId: number | null;
    validFrom: string | null;
    currency: string | null;
    billableMinutes: number | null;
    vatCategory: string | null;
    /** Only with the prices field scope. */
    explanation?: string[];
    costCurrency?: string | null;
  };
  /** The list price (the amount at the price list's rates, whether or not a contract covers it); only with the prices field scope; null = no price. */
  amountMinor?: number | null;
  /** Only with the costs field scope. */
  costMinor?: number | null;
  /** How the record is expected to be billed (the billing run's own rule). */
  coverage: RecordCoverage;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CoverageKind = 'billable' | 'flat_fee' | 'prepaid' | 'not_billable';

export interface RecordCoverage {
  kind: CoverageKind;
  /** The contract the record falls under (with kind billable: outside its scope). */
  contract: { id: number; number: string } | null;
  /** Work drawing on prepaid minutes: the split as things stand (estimate), or why it is not known here. */
  prepaid: {
    period: string;
    status: 'estimate' | 'unpriced' | 'late' | 'billed';
    coveredMinutes: number | null;
    overageMinutes: number | null;
    leftMinutes: number | null;
    /** false: a draft, shown as if it were submitted. */
    counted: boolean;
  } | null;
  /** What the client pays (prices field scope only); null: known at the period's end, or no price. */
  clientAmountMinor?: number | null;
}

/** What the log form sends (POST /tickets/:id/records); the server checks and prices it. */
export type NewRecord =
  | { kind: 'work'; date: string; startTime?: string | null; endTime?: string; minutes?: number; workTypeId: number; billable?: boolean; description: string; internalNote: string }
  | { kind: 'travel'; date: string; startTime?: string | null; minutes?: number; km?: string; zoneId?: number | null; vehicle?: string | null; billable?: boolean; description: string; internalNote: string }
  | { kind: 'fee'; date: string; feeId: number; quantity: string; billable?: boolean; description: string; internalNote: string };

export interface Timer {
  ticket: TicketRef;
  workType: Coded | null;
  description: string;
  startedAt: string;
  /** The date and start time (the provider's time zone) of the entry that stopping it logs. */
  localStart: { date: string; time: string };
  elapsedMinutes: number;
}

/** What stopping a timer may correct (POST /timers/me/stop): every field of a work entry; left out, the timer's. */
export type TimerStop = Omit<Extract<NewRecord, { kind: 'work' }>, 'kind'>;

/** What a date is for the time class of work on a ticket (GET /tickets/:id/records/work-day). */
export interface WorkDay {
  date: string;
  dayKind: 'business_day' | 'non_business_day' | 'holiday';
}

export interface RecordFilters {
  technicianId?: number | null;
  clientId?: number | null;
  ticketId?: number | null;
  from?: string | null;
  to?: string | null;
  state?: string | null;
  kind?: string | null;
}

export const recordKeys = {
  all: ['records'] as const,
  ticket: (ticketId: number) => ['records', 'ticket', ticketId] as const,
  list: (f: RecordFilters) => ['records', 'list', f] as const,
  week: (start: string, technicianId: number | null) => ['records', 'week', start, technicianId] as const,
  teamWeek: (start: string, teamId: number) => ['records', 'team-week', start, teamId] as const,
  timer: ['timer', 'me'] as const,
};

/** Anything that changes records refreshes every list, grid and the ticket's panel. */
const useInvalidateRecords = () => useInvalidateWithAudit(recordKeys.all);

export function useTicketRecords(ticketId: number) {
  return useQuery({
    queryKey: recordKeys.ticket(ticketId),
    queryFn: ({ signal }) => api.get<{ items: ServiceRecord[] }>(`/tickets/${ticketId}/records`, undefined, signal).then((r) => r.items),
  });
}

export function useCreateRecord(ticketId: number) {
  const onSuccess = useInvalidateRecords();
  return useMutation({ mutationFn: (body: NewRecord) => api.post<ServiceRecord>(`/tickets/${ticketId}/records`, body), onSuccess });
}

/** Corrects a record (PATCH with its version): the server re-prices it; a change made meanwhile is refused (409). */
export function useUpdateRecord() {
  const onSuccess = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Omit<NewRecord, 'kind'> & { version: number } }) => api.patch<ServiceRecord>(`/records/${id}`, body),
    onSuccess,
  });
}

export function useDeleteRecord() {
  const onSuccess = useInvalidateRecords();
  return useMutation({ mutationFn: (id: number) => api.delete(`/records/${id}`), onSuccess });
}

/** Submits records one by one (there is no bulk submit); stops at the first refusal. */
export function useSubmitRecords() {
  const onSettled = useInvalidateRecords();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      for (const id of ids) await api.post<ServiceRecord>(`/records/${id}/submit`);
      return ids.length;
    },
    onSettled,
  });
}

export function useApproveRecords() {
  const onSettled = useInvalidateRecords();
  return useMutation({ mutationFn: (ids: number[]) => api.post<{ approved: number[] }>('/records/approve', { ids }), onSettled });
}

export function useReturnRecord() {
  const onSuccess = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<ServiceRecord>(`/records/${id}/return`, { reason: reason.trim() }),
    onSuccess,
  });
}

const filterQuery = (f: RecordFilters) => ({
  technicianId: f.technicianId ?? undefined, clientId: f.clientId ?? undefined, ticketId: f.ticketId ?? undefined,
  from: f.from ?? undefined, to: f.to ?? undefined, state: f.state ?? undefined, kind: f.kind ?? undefined,
});

export function useRecordsList(f: RecordFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(f),
    queryFn: ({ pageParam, signal }) => api.get<Page<ServiceRecord>>('/records', { ...filterQuery(f), sort: 'date', limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every record matching the filters (paging through), e.g. one's drafts of a week. */
export async function fetchAllRecords(f: RecordFilters): Promise<ServiceRecord[]> {
  const out: ServiceRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ServiceRecord> = await api.get<Page<ServiceRecord>>('/records', { ...filterQuery(f), limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function exportUrl(format: 'csv' | 'xlsx', f: RecordFilters, lang: string): string {
  return buildUrl(`/records/export.${format}`, { ...filterQuery(f), lang });
}

export function useWeek(start: string, technicianId: number | null) {
  return useQuery({
    queryKey: recordKeys.week(start, technicianId),
    queryFn: ({ signal }) => api.get<Timesheet>('/timesheets/week', { start, technicianId: technicianId ?? undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTeamWeek(start: string, teamId: number | null) {
  return useQuery({
    queryKey: recordKeys.teamWeek(start, teamId ?? 0),
    queryFn: ({ signal }) => api.get<Timesheet>('/timesheets/team-week', { start, teamId: teamId ?? undefined }, signal),
    enabled: teamId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTimer(enabled: boolean) {
  return useQuery({
    queryKey: recordKeys.timer,
    queryFn: ({ signal }) => api.get<{ timer: Timer | null }>('/timers/me', undefined, signal).then((r) => r.timer),
    enabled,
  });
}

/**
 * What the date is for the time class of work on the ticket, asked only when it matters
 * (the log form's work without a start time). Outside the records' keys: logging a record
 * does not change it; business days and holidays change rarely, so it is kept a while.
 */
export function useWorkDay(ticketId: number, date: string, enabled: boolean) {
  return useQuery({
    queryKey: ['work-day', ticketId, date] as const,
    queryFn: ({ signal }) => api.get<WorkDay>(`/tickets/${ticketId}/records/work-day`, { date }, signal),
    enabled,
    staleTime: 10 * 60_000,
    // Only a hint: a date the server refuses (too early, in the future) is said by the date field.
    retry: false,
  });
}

function useTimerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.timer });
      invalidate();
    },
  });
}

export const useStartTimer = () =>
  useTimerMutation((body: { ticketId: number; workTypeId?: number; description?: string }) => api.post<Timer>('/timers', body));
export const useStopTimer = () => useTimerMutation((body: TimerStop) => api.post<ServiceRecord>('/timers/me/stop', body));
/** Sets the running timer's work type (kept by the server, so it survives a reload). */
export const useUpdateTimer = () => useTimerMutation((body: { workTypeId: number }) => api.patch<Timer>('/timers/me', body));
export const useDiscardTimer = () => useTimerMutation(() => api.delete('/timers/me'));
