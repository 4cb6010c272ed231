import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { TicketCount } from '../tickets/ticketCount';

/** The approval queue's filter: what /approvals lists by default. */
const WAITING_FOR_APPROVAL = { state: 'submitted' } as const;

/**
 * How many records wait for approval (GET /records/count, capped like the ticket counts).
 * Under the records' query key, so approving or returning a record refreshes it.
 */
export function useApprovalQueueCount(enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'count', WAITING_FOR_APPROVAL],
    queryFn: ({ signal }) => api.get<TicketCount>('/records/count', WAITING_FOR_APPROVAL, signal),
    refetchInterval: 60_000,
    enabled,
  });
}
