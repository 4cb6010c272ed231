// The dashboard cards' ticket counts (GET /tickets/count): what they ask and what they show.
import i18n from 'i18next';
import type { Query } from '../../app/api/client';
import { formatNumber } from '../../app/format';

/** The server's answer: how many tickets the list's filters keep, at most its cap; `capped` when more do. */
export interface TicketCount {
  count: number;
  capped: boolean;
}

/** A list query as the count takes it: the filters, without the list's order and paging (which the count refuses). */
export function countQueryOf(query: Query): Query {
  const { sort: _sort, limit: _limit, cursor: _cursor, ...filters } = query;
  return filters;
}

/** The number on a card in the UI language's digits ("1 234" in Czech), "10 000+" when the count stopped at its cap. */
export function ticketCountLabel({ count, capped }: TicketCount): string {
  const shown = formatNumber(count);
  return capped ? i18n.t('tickets.dashboard.atLeast', { count: shown }) : shown;
}
