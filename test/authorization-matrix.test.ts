import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';

/**
 * Every API route × every role, from this hand-written table: the intended
 * policy, stated apart from the code. A route missing here fails the test, so
 * a new route cannot ship without a decision on who may call it.
 */
const ALL: readonly Role[] = ROLES;
const STAFF_READ: Role[] = ['admin', 'manager', 'operator', 'technician', 'accountant', 'client_contact'];
/** Who works tickets: reads the helpdesk configuration. */
const TICKET_STAFF: Role[] = ['admin', 'manager', 'operator', 'technician'];
const ADMIN: Role[] = ['admin'];
/** Who sees prices (not technicians, not client contacts) and who changes them. */
const PRICING_READ: Role[] = ['admin', 'manager', 'operator', 'accountant'];
const PRICING_MANAGE: Role[] = ['admin', 'manager'];
/** Field scope `costs`: internal cost rates. */
const COSTS: Role[] = ['admin', 'manager', 'accountant'];
/** The catalogue's names and codes: whoever records work or reads prices. */
const CATALOGUE_READ: Role[] = ['admin', 'manager', 'operator', 'technician', 'accountant'];
/** Who logs service records (and runs a timer); who approves them. Reading records follows the ticket scope. */
const RECORDS_WRITE: Role[] = ['admin', 'manager', 'operator', 'technician'];
const RECORDS_APPROVE: Role[] = ['admin', 'manager'];
/** Who reads contracts (their ledger and consumption) and who changes them (and a ticket's contract). */
const CONTRACTS_READ: Role[] = ['admin', 'manager', 'operator', 'accountant'];
const CONTRACTS_MANAGE: Role[] = ['admin', 'manager'];
/** Warehouse: who reads stock, who manages the catalogue and warehouses, who issues material. */
const WAREHOUSE_READ: Role[] = ['admin', 'manager', 'operator', 'technician', 'accountant'];
const WAREHOUSE_MANAGE: Role[] = ['admin', 'manager'];
const STOCK_ISSUE: Role[] = ['admin', 'manager', 'operator', 'technician'];
/**
 * Who reads what the provider keeps about a client for itself (clients.read_internal: its
 * internal notes): every staff role, never a client contact, on any route that answers a client.
 */
const CLIENTS_INTERNAL: Role[] = ['admin', 'manager', 'operator', 'technician', 'accountant'];
/** The client fields only CLIENTS_INTERNAL receive. */
const INTERNAL_CLIENT_FIELDS = ['notes'];
const EXPECTED: Record<string, 'public' | readonly Role[]> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/contracts': CONTRACTS_READ,
  'POST /api/v1/contracts': CONTRACTS_MANAGE,
  'GET /api/v1/contracts/:id': CONTRACTS_READ,
  'PATCH /api/v1/contracts/:id': CONTRACTS_MANAGE,
  'GET /api/v1/contracts/:id/ledger': CONTRACTS_READ,
  'GET /api/v1/contracts/:id/consumption': CONTRACTS_READ,
  'PATCH /api/v1/tickets/:id/contract': ['admin', 'manager', 'operator'],
  'POST /api/v1/auth/logout': ALL,
  'GET /api/v1/auth/session': 'public',
  'GET /api/v1/auth/me': ALL,
  'PATCH /api/v1/auth/me': ALL,
  'POST /api/v1/auth/change-password': ALL,
  'GET /api/v1/roles': ALL,
  'GET /api/v1/staff': TICKET_STAFF,
  'GET /api/v1/users': ['admin', 'manager'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users/:id': ['admin', 'manager'],
  'PATCH /api/v1/users/:id': ['admin'],
  'POST /api/v1/users/:id/reset-password': ['admin'],
  // Before deactivating: the open tickets a user would leave behind (who may deactivate users).
  'GET /api/v1/users/:id/open-tickets': ['admin'],
  'GET /api/v1/tokens': ALL,
  'POST /api/v1/tokens': ALL,
  'DELETE /api/v1/tokens/:id': ALL,
  'GET /api/v1/clients': STAFF_READ,
  'POST /api/v1/clients': ['admin', 'manager', 'operator'],
  'GET /api/v1/clients/:id': STAFF_READ,
  'PATCH /api/v1/clients/:id': ['admin', 'manager', 'operator'],
  'GET /api/v1/clients/:id/contacts': STAFF_READ,
  'POST /api/v1/clients/:id/contacts': ['admin', 'manager', 'operator'],
  'PATCH /api/v1/contacts/:id': ['admin', 'manager', 'operator'],
  'GET /api/v1/tickets': TICKET_STAFF,
  'GET /api/v1/tickets/count': TICKET_STAFF,
  'GET /api/v1/tickets/assignees': TICKET_STAFF,
  'POST /api/v1/tickets': TICKET_STAFF,
  'GET /api/v1/tickets/:id': TICKET_STAFF,
  'PATCH /api/v1/tickets/:id': TICKET_STAFF,
  'POST /api/v1/tickets/:id/transition': TICKET_STAFF,
  'POST /api/v1/tickets/:id/comments': TICKET_STAFF,
  'GET /api/v1/tickets/:id/timeline': TICKET_STAFF,
  'POST /api/v1/tickets/:id/links/:otherId': TICKET_STAFF,
  'DELETE /api/v1/tickets/:id/links/:otherId': TICKET_STAFF,
  'GET /api/v1/tickets/:id/attachments': TICKET_STAFF,
  'POST /api/v1/tickets/:id/attachments': TICKET_STAFF,
  'GET /api/v1/attachments/:id': TICKET_STAFF,
  'GET /api/v1/ticket-views': TICKET_STAFF,
  'POST /api/v1/ticket-views': TICKET_STAFF,
  'PATCH /api/v1/ticket-views/:id': TICKET_STAFF,
  'DELETE /api/v1/ticket-views/:id': TICKET_STAFF,
  'GET /api/v1/ticket-types': TICKET_STAFF,
  'POST /api/v1/ticket-types': ADMIN,
  'GET /api/v1/ticket-types/:id': TICKET_STAFF,
  'PATCH /api/v1/ticket-types/:id': ADMIN,
  'PUT /api/v1/ticket-types/:id/process': ADMIN,
  'GET /api/v1/ticket-types/:id/ticket-counts': ADMIN,
  'GET /api/v1/queues': TICKET_STAFF,
  'POST /api/v1/queues': ADMIN,
  'PATCH /api/v1/queues/:id': ADMIN,
  'GET /api/v1/teams': TICKET_STAFF,
  'POST /api/v1/teams': ADMIN,
  'PATCH /api/v1/teams/:id': ADMIN,
  'GET /api/v1/categories': TICKET_STAFF,
  'POST /api/v1/categories': ADMIN,
  'PATCH /api/v1/categories/:id': ADMIN,
  'GET /api/v1/dimensions': TICKET_STAFF,
  'POST /api/v1/dimensions': ADMIN,
  'PATCH /api/v1/dimensions/:id': ADMIN,
  'POST /api/v1/dimensions/:id/values': ADMIN,
  'PATCH /api/v1/dimension-values/:id': ADMIN,
  'GET /api/v1/custom-fields': TICKET_STAFF,
  'POST /api/v1/custom-fields': ADMIN,
  'PATCH /api/v1/custom-fields/:id': ADMIN,
  'GET /api/v1/calendars': TICKET_STAFF,
  'GET /api/v1/public-holidays': TICKET_STAFF,
  'POST /api/v1/calendars': ADMIN,
  'PATCH /api/v1/calendars/:id': ADMIN,
  'DELETE /api/v1/calendars/:id': ADMIN,
  'GET /api/v1/sla-policies': TICKET_STAFF,
  'POST /api/v1/sla-policies': ADMIN,
  'PATCH /api/v1/sla-policies/:id': ADMIN,
  'GET /api/v1/priority-matrix': TICKET_STAFF,
  'PUT /api/v1/priority-matrix': ADMIN,
  'GET /api/v1/ticket-number-prefix': TICKET_STAFF,
  'PUT /api/v1/ticket-number-prefix': ADMIN,
  'GET /api/v1/clients/:id/sla-policy': TICKET_STAFF,
  'PUT /api/v1/clients/:id/sla-policy': ADMIN,
  'GET /api/v1/audit': ['admin'],
  'GET /api/v1/audit/verify': ['admin'],
  'GET /api/v1/mail/status': ['admin'],
  'GET /api/v1/mail/outbox': ['admin'],
  'GET /api/v1/mail/outbox/:id': ['admin'],
  'POST /api/v1/mail/outbox/:id/retry': ['admin'],
  'GET /api/v1/mail/templates': ['admin'],
  'PUT /api/v1/mail/templates/:key/:language': ['admin'],
  'DELETE /api/v1/mail/templates/:key/:language': ['admin'],
  'POST /api/v1/mail/templates/:key/:language/preview': ['admin'],
  'GET /api/v1/vat-rates': PRICING_READ,
  'POST /api/v1/vat-rates': PRICING_MANAGE,
  'GET /api/v1/work-types': CATALOGUE_READ,
  'POST /api/v1/work-types': PRICING_MANAGE,
  'PATCH /api/v1/work-types/:id': PRICING_MANAGE,
  'GET /api/v1/technician-levels': CATALOGUE_READ,
  'POST /api/v1/technician-levels': PRICING_MANAGE,
  'PATCH /api/v1/technician-levels/:id': PRICING_MANAGE,
  'GET /api/v1/travel-zones': CATALOGUE_READ,
  'POST /api/v1/travel-zones': PRICING_MANAGE,
  'PATCH /api/v1/travel-zones/:id': PRICING_MANAGE,
  'GET /api/v1/unit-fees': CATALOGUE_READ,
  'POST /api/v1/unit-fees': PRICING_MANAGE,
  'PATCH /api/v1/unit-fees/:id': PRICING_MANAGE,
  'GET /api/v1/technician-settings': PRICING_READ,
  'PUT /api/v1/users/:id/technician-settings': PRICING_MANAGE,
  'GET /api/v1/cost-rates': COSTS,
  'POST /api/v1/cost-rates': PRICING_MANAGE,
  'DELETE /api/v1/cost-rates/:id': PRICING_MANAGE,
  'GET /api/v1/pricing-settings': PRICING_READ,
  'PUT /api/v1/pricing-settings': PRICING_MANAGE,
  'GET /api/v1/price-lists': PRICING_READ,
  'POST /api/v1/price-lists': PRICING_MANAGE,
  'GET /api/v1/price-lists/:id': PRICING_READ,
  'PATCH /api/v1/price-lists/:id': PRICING_MANAGE,
  'POST /api/v1/price-lists/:id/versions': PRICING_MANAGE,
  'PATCH /api/v1/price-list-versions/:id': PRICING_MANAGE,
  'DELETE /api/v1/price-list-versions/:id': PRICING_MANAGE,
  'POST /api/v1/price-list-versions/:id/copy': PRICING_MANAGE,
  'GET /api/v1/clients/:id/price-list': PRICING_READ,
  'PUT /api/v1/clients/:id/price-list': PRICING_MANAGE,
  'POST /api/v1/price-preview': PRICING_READ,
  'GET /api/v1/tickets/:id/records': TICKET_STAFF,
  'POST /api/v1/tickets/:id/records': RECORDS_WRITE,
  'GET /api/v1/tickets/:id/records/work-day': RECORDS_WRITE,
  'POST /api/v1/work-entries': RECORDS_WRITE,
  'GET /api/v1/records': TICKET_STAFF,
  'GET /api/v1/records/count': TICKET_STAFF,
  'GET /api/v1/records/export.csv': TICKET_STAFF,
  'GET /api/v1/records/export.xlsx': TICKET_STAFF,
  'GET /api/v1/records/:id': TICKET_STAFF,
  'PATCH /api/v1/records/:id': RECORDS_WRITE,
  'DELETE /api/v1/records/:id': RECORDS_WRITE,
  'POST /api/v1/records/:id/submit': RECORDS_WRITE,
  'POST /api/v1/records/:id/approve': RECORDS_APPROVE,
  'POST /api/v1/records/:id/return': RECORDS_APPROVE,
  'POST /api/v1/records/approve': RECORDS_APPROVE,
  'POST /api/v1/records/bulk': RECORDS_WRITE,
  'POST /api/v1/timers': RECORDS_WRITE,
  'GET /api/v1/timers/me': RECORDS_WRITE,
  'PATCH /api/v1/timers/me': RECORDS_WRITE,
  'POST /api/v1/timers/me/stop': RECORDS_WRITE,
  'DELETE /api/v1/timers/me': RECORDS_WRITE,
  'GET /api/v1/timesheets/week': RECORDS_WRITE,
  'GET /api/v1/timesheets/team-week': RECORDS_APPROVE,
  // Warehouse: reading (items, warehouses, documents, levels, ledger) with warehouse.read; the catalogue, warehouses and
  // minimum levels with warehouse.manage; documents with stock.issue (receipts, transfers, counts also need stock.receive,
  // checked per kind). The printed slip shows costs: only roles with the costs field scope.
  'GET /api/v1/items': WAREHOUSE_READ,
  'POST /api/v1/items': WAREHOUSE_MANAGE,
  'GET /api/v1/items/:id': WAREHOUSE_READ,
  'PATCH /api/v1/items/:id': WAREHOUSE_MANAGE,
  'GET /api/v1/items/:id/ledger': WAREHOUSE_READ,
  'GET /api/v1/warehouses': WAREHOUSE_READ,
  'POST /api/v1/warehouses': WAREHOUSE_MANAGE,
  'PATCH /api/v1/warehouses/:id': WAREHOUSE_MANAGE,
  'PUT /api/v1/users/me/default-warehouse': WAREHOUSE_READ,
  'GET /api/v1/stock-documents': WAREHOUSE_READ,
  'GET /api/v1/tickets/:id/stock-documents': WAREHOUSE_READ,
  'POST /api/v1/stock-documents': STOCK_ISSUE,
  'GET /api/v1/stock-documents/:id': WAREHOUSE_READ,
  'PATCH /api/v1/stock-documents/:id': STOCK_ISSUE,
  'DELETE /api/v1/stock-documents/:id': STOCK_ISSUE,
  'POST /api/v1/stock-documents/:id/confirm': STOCK_ISSUE,
  'GET /api/v1/stock-documents/:id/pdf': WAREHOUSE_READ,
  'GET /api/v1/stock-levels': WAREHOUSE_READ,
  'GET /api/v1/stock-levels/count': WAREHOUSE_READ,
  'GET /api/v1/stock-valuation': WAREHOUSE_READ,
  'PUT /api/v1/stock-levels/:warehouseId/:itemId/minimum': WAREHOUSE_MANAGE,
  // Numbering series: numbering.manage (admin).
  'GET /api/v1/numbering-series': ADMIN,
  'PUT /api/v1/numbering-series/:documentType': ADMIN,
  // Invoices: read by invoices.read (admin, manager, accountant); issuing needs billing.issue (admin, manager);
  // payments (recording, refunding, reversing), mark-sent and credit notes invoices.payments / invoices.credit (admin, manager, accountant).
  'GET /api/v1/invoices': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id/document': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id/preview.html': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/:id/issue': ['admin', 'manager'],
  'POST /api/v1/invoices/issue': ['admin', 'manager'],
  'POST /api/v1/invoices/:id/payments': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/:id/refunds': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/:id/payments/:paymentId/reversal': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/:id/mark-sent': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/:id/credit-notes': ['admin', 'manager', 'accountant'],
  // Billing runs and draft adjustments: billing.run (admin, manager); work reports: invoices.read with the prices field scope.
  'POST /api/v1/billing-runs': ['admin', 'manager'],
  'GET /api/v1/billing-runs': ['admin', 'manager'],
  'GET /api/v1/billing-runs/:id': ['admin', 'manager'],
  'GET /api/v1/billing-runs/earlier-drafts': ['admin', 'manager'],
  'POST /api/v1/invoices/:id/lines': ['admin', 'manager'],
  'PATCH /api/v1/invoices/:id/lines/:lineId': ['admin', 'manager'],
  'DELETE /api/v1/invoices/:id/lines/:lineId': ['admin', 'manager'],
  'POST /api/v1/invoices/:id/exclude-record': ['admin', 'manager'],
  'GET /api/v1/invoices/:id/work-report': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id/work-report.csv': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id/work-report.pdf': ['admin', 'manager', 'accountant'],
  // Company settings: read by whoever reads invoices (invoices.read); changed only with settings.manage (admin).
  'GET /api/v1/settings/company': ['admin', 'manager', 'accountant'],
  'PUT /api/v1/settings/company': ADMIN,
  'GET /api/v1/settings/company/logo': ['admin', 'manager', 'accountant'],
  'PUT /api/v1/settings/company/logo': ADMIN,
  'DELETE /api/v1/settings/company/logo': ADMIN,
  // E-mailing an invoice marks it sent: invoices.payments; its PDF: invoices.read (both admin, manager, accountant).
  'POST /api/v1/invoices/:id/send': ['admin', 'manager', 'accountant'],
  'POST /api/v1/invoices/send': ['admin', 'manager', 'accountant'],
  'GET /api/v1/invoices/:id/pdf': ['admin', 'manager', 'accountant'],
  // Profitability: profitability.read and the margins field scope (admin, manager).
  // Accounting exports: exports.run (admin, accountant).
  'GET /api/v1/exports': ['admin', 'accountant'],
  'GET /api/v1/exports/preview': ['admin', 'accountant'],
  'POST /api/v1/exports': ['admin', 'accountant'],
  'GET /api/v1/exports/:id': ['admin', 'accountant'],
  'GET /api/v1/exports/:id/download': ['admin', 'accountant'],
  'GET /api/v1/exports/invoices/:id': ['admin', 'accountant'],
  'GET /api/v1/profitability': ['admin', 'manager'],
  'GET /api/v1/profitability.csv': ['admin', 'manager'],
  'GET /api/v1/profitability.xlsx': ['admin', 'manager'],
  'GET /api/v1/contracts/:id/profitability': ['admin', 'manager'],
  // The exchange-rate list: rates.read and rates.manage (admin, manager, accountant: who issues invoices or keeps the books).
  'GET /api/v1/exchange-rates': ['admin', 'manager', 'accountant'],
  'PUT /api/v1/exchange-rates/:currency/:day': ['admin', 'manager', 'accountant'],
  'POST /api/v1/exchange-rates/cnb-import': ['admin', 'manager', 'accountant'],
  'POST /api/v1/exchange-rates/cnb-fetch': ['admin', 'manager', 'accountant'],
  'GET /api/v1/exchange-rates/suggestion': ['admin', 'manager', 'accountant'],
};

/** Routes whose allowed call may meet a service outside Kontor that is down (the tests' ČNB address is closed): 502, not a failure of Kontor. */
const UPSTREAM = new Set(['POST /api/v1/exchange-rates/cnb-fetch']);

describe('authorization matrix (every route × every role)', () => {
  let t: TestApp;
  const tokens = new Map<Role, Auth>();
  let ownClientId = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const own = await t.services.customers.create(
      { actor: { userId: 0, name: 'system', roles: ['admin'], clientId: null, tokenId: null }, ip: null },
      { name: 'Matrix Client', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, notes: 'Internal: pays late.' },
    );
    ownClientId = own.id;
    for (const role of ROLES) {
      const u = await t.userWith([role], { clientId: role === 'client_contact' ? own.id : null });
      tokens.set(role, await t.tokenFor(u.id));
    }
  });
  afterAll(() => t.close());

  it('every route has an expected answer and every expected route exists', () => {
    const actual = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(actual).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers 401 without credentials except on public routes', async () => {
    for (const route of t.app.routeTable) {
      const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(/:\w+/g, '1'), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      const key = `${route.method} ${route.url}`;
      if (EXPECTED[key] === 'public') expect([key, res.statusCode]).not.toEqual([key, 401]);
      else expect([key, res.statusCode]).toEqual([key, 401]);
    }
  });

  it.each(ROLES)('gives %s exactly the routes of its role', async (role) => {
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const expected = EXPECTED[key];
      if (expected === 'public' || key === 'POST /api/v1/auth/logout') continue;
      // An id of a record that does not exist: allowed roles get 404/400, forbidden ones 403.
      const res = await t.request(tokens.get(role) ?? null, {
        method: route.method as 'GET',
        url: route.url.replace(/:\w+/g, '987654'),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      const allowed = expected?.includes(role) ?? false;
      if (allowed) expect([key, res.statusCode]).not.toEqual([key, 403]);
      else expect([key, res.statusCode]).toEqual([key, 403]);
      expect([key, res.statusCode < 500 || (UPSTREAM.has(key) && res.statusCode === 502)]).toEqual([key, true]);
      expect([key, res.statusCode]).not.toEqual([key, 401]);
    }
  });

  it.each(ROLES)("gives %s a client's internal fields exactly when its role reads them", async (role) => {
    const allowed = CLIENTS_INTERNAL.includes(role);
    // Every answer carrying a client the role may read: the client itself and the list (page objects).
    const one = await t.request(tokens.get(role) ?? null, { method: 'GET', url: `/api/v1/clients/${ownClientId}` });
    const list = await t.request(tokens.get(role) ?? null, { method: 'GET', url: '/api/v1/clients?active=all' });
    expect([one.statusCode, list.statusCode]).toEqual([200, 200]);
    const listed = (list.json().items as Record<string, unknown>[]).find((c) => c.id === ownClientId);
    for (const field of INTERNAL_CLIENT_FIELDS) {
      expect([role, field, field in one.json(), field in (listed ?? {})]).toEqual([role, field, allowed, allowed]);
    }
  });
});
