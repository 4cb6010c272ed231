// What the client's page shows of the client's tickets and invoices, and where its links lead
// (pure). The lists themselves are the tickets' and invoices' own, filtered by the client.
import type { Query } from '../../app/api/client';
import type { InvoiceSummary } from '../billing/api';
import { DEFAULT_FILTERS, filtersToParams, filtersToQuery, type TicketFilters } from '../tickets/filters';
import { STATE_CATEGORIES } from '../tickets/api';

/** Rows of the client's tickets and invoices shown on its page; the rest are a link away. */
export const RECENT_ROWS = 10;

/** Every ticket of the client whatever its state, newest first: what its page counts, shows and links to. */
function clientTicketFilters(clientId: number): TicketFilters {
  return { ...DEFAULT_FILTERS, clientId, stateCategory: [...STATE_CATEGORIES], sort: '-created' };
}

/** The query of GET /tickets (and, without its order, of GET /tickets/count) for the client's tickets. */
export function clientTicketsQuery(clientId: number): Query {
  return filtersToQuery(clientTicketFilters(clientId));
}

/** The ticket list showing the same tickets as the client's page counts. */
export function clientTicketsLink(clientId: number): string {
  return `/tickets?${filtersToParams(clientTicketFilters(clientId)).toString()}`;
}

/** The invoice list filtered by the client (documents of every state and kind). */
export function clientInvoicesLink(clientId: number): string {
  return `/invoices?${new URLSearchParams({ clientId: String(clientId) }).toString()}`;
}

export type InvoicePayment = 'paid' | 'partly_paid' | 'unpaid';

/**
 * Whether the client has paid an invoice. Null where paying does not apply: a draft (not
 * issued yet), a credit note (it is not paid by the client), an invoice credited in full
 * (nothing left to pay). Without the amounts (a role that may not see prices) the stored
 * state decides.
 */
export function invoicePayment(invoice: Pick<InvoiceSummary, 'kind' | 'state' | 'paidMinor' | 'amountDueMinor'>): InvoicePayment | null {
  if (invoice.kind !== 'invoice' || invoice.state === 'draft' || invoice.state === 'credited') return null;
  if (invoice.amountDueMinor === undefined) return invoice.state === 'paid' ? 'paid' : 'unpaid';
  if (invoice.amountDueMinor === 0) return 'paid';
  return (invoice.paidMinor ?? 0) > 0 ? 'partly_paid' : 'unpaid';
}
