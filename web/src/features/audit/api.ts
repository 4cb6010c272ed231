import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  actorTokenId: number | null;
  ip: string | null;
  entity: string;
  entityId: number | string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The acting user's name now: the name of a user the entry recorded only by id (a failed sign-in). */
  actorUserName: string | null;
  /** How people name the entity now: a ticket's or document's number, a contract's number and name, a client's or user's name… */
  entityLabel: string | null;
  /** The entity id names a row deleted since. */
  entityDeleted: boolean;
  /** The ids in before/after that name other rows, by field name: what they refer to and each one's name now (null: deleted since). */
  references: Record<string, AuditReference>;
}

export interface AuditReference {
  entity: string;
  names: Record<string, string | null>;
  /** Ticket states and types: their codes, to word default names in the reader's language. */
  codes?: Record<string, string>;
}

export interface AuditFilters {
  entity: string;
  entityId: string;
  actorUserId: string;
  action: string;
  /** YYYY-MM-DD, local days, inclusive */
  from: string;
  to: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Local calendar days → ISO instants: from the start of `from` to the end of `to`. */
function rangeToIso(from: string, to: string): { from?: string; to?: string } {
  const start = from ? new Date(`${from}T00:00:00`) : null;
  const end = to ? new Date(`${to}T23:59:59.999`) : null;
  return { from: start?.toISOString(), to: end?.toISOString() };
}

export function useAuditList(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(
        '/audit',
        {
          entity: filters.entity,
          entityId: filters.entityId,
          actorUserId: filters.actorUserId,
          action: filters.action,
          ...rangeToIso(filters.from, filters.to),
          limit: 50,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<VerifyResult>('/audit/verify') });
}
