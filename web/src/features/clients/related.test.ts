// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseFilters } from '../tickets/filters';
import { clientInvoicesLink, clientTicketsLink, clientTicketsQuery, invoicePayment } from './related';

describe("the client page's links", () => {
  it('asks for every ticket of the client, newest first', () => {
    expect(clientTicketsQuery(7)).toMatchObject({ view: 'all', clientId: 7, stateCategory: 'new,open,waiting,resolved,closed', sort: '-created' });
  });

  it('links to the ticket list showing the very tickets it counts', () => {
    const link = clientTicketsLink(7);
    expect(link.startsWith('/tickets?')).toBe(true);
    const filters = parseFilters(new URLSearchParams(link.slice('/tickets?'.length)));
    expect(filters).toMatchObject({ clientId: 7, stateCategory: ['new', 'open', 'waiting', 'resolved', 'closed'], sort: '-created' });
  });

  it('links to the invoice list filtered by the client', () => {
    expect(clientInvoicesLink(12)).toBe('/invoices?clientId=12');
  });
});

describe('whether an invoice is paid', () => {
  const issued = { kind: 'invoice' as const, state: 'issued' as const, paidMinor: 0, amountDueMinor: 12_100_00 };

  it('unpaid, partly paid or paid by what is still due', () => {
    expect(invoicePayment(issued)).toBe('unpaid');
    expect(invoicePayment({ ...issued, state: 'sent', paidMinor: 100_00, amountDueMinor: 12_000_00 })).toBe('partly_paid');
    expect(invoicePayment({ ...issued, state: 'paid', paidMinor: 12_100_00, amountDueMinor: 0 })).toBe('paid');
  });

  it('paid when credit notes and payments together leave nothing due', () => {
    expect(invoicePayment({ ...issued, paidMinor: 6_000_00, amountDueMinor: 0 })).toBe('paid');
  });

  it('does not apply to drafts, credit notes and invoices credited in full', () => {
    expect(invoicePayment({ ...issued, state: 'draft' })).toBeNull();
    expect(invoicePayment({ ...issued, kind: 'credit_note', amountDueMinor: 0 })).toBeNull();
    expect(invoicePayment({ ...issued, state: 'credited', amountDueMinor: 0 })).toBeNull();
  });

  it('follows the stored state when the amounts are not shown', () => {
    expect(invoicePayment({ kind: 'invoice', state: 'paid' })).toBe('paid');
    expect(invoicePayment({ kind: 'invoice', state: 'sent' })).toBe('unpaid');
  });
});
