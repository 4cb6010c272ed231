import { expect } from 'vitest';
import { buildBillingExamples, type BillingExamples, type BillingExamplesBackend } from '../src/cli/demo-billing.ts';
import type { Engine } from '../src/platform/db/index.ts';
import type { Auth } from './app.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * BILLING.md §5 examples A, B and C built through the API (the same builder
 * the demo uses through the services): the records world's price list
 * "Standard 2026", the SSD 1 TB at 1 890.00 in a store, the supplier a Czech
 * VAT payer with totals not rounded (the examples' totals are exact), and
 * example C's September run and issued.
 */
export interface BillingWorld extends RecordsWorld {
  ex: BillingExamples;
  call(auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): ReturnType<RecordsWorld['t']['request']>;
  ok(auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<any>;
  /** Starts a run through the API and waits for it to end; returns its final view. */
  runPeriod(period: string, auth?: Auth): Promise<any>;
}

export async function billingWorld(engine: Engine): Promise<BillingWorld> {
  const w = await recordsWorld(engine);
  const { t } = w;
  const call: BillingWorld['call'] = (auth, method, url, payload) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const ok: BillingWorld['ok'] = async (auth, method, url, payload) => {
    const res = await call(auth, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.body ? res.json() : null;
  };
  await t.database.db.updateTable('company_settings').set({
    name: 'Servis Kontor s.r.o.', company_id: '27074358', vat_id: 'CZ27074358', vat_payer: 1, street: 'Dlouhá 1', city: 'Praha', postal_code: '110 00',
    country: 'CZ', round_totals_czk: 0,
  }).where('id', '=', 1).execute();
  const ssd = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'SSD-1TB', name: 'SSD 1 TB', unit: 'pcs', vatCategory: 'standard', salePriceMinor: 1_890_00 })).id as number;
  const store = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', userIds: [w.manager.id] })).id as number;
  const m = w.manager.auth;

  const runPeriod: BillingWorld['runPeriod'] = async (period, auth = m) => {
    const started = await ok(auth, 'POST', '/api/v1/billing-runs', { period });
    await t.services.billing.runs.settled(started.id);
    return ok(auth, 'GET', `/api/v1/billing-runs/${started.id}`);
  };

  const api: BillingExamplesBackend = {
    client: async (client) => (await ok(m, 'POST', '/api/v1/clients', { ...client, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id,
    contract: async (body) => (await ok(m, 'POST', '/api/v1/contracts', body)).id,
    ticket: async (clientId, subject, contractId) => {
      const ticket = await ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId, subject, queueId: w.queueId });
      await ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId });
      return ticket.id;
    },
    record: async (ticketId, body) => (await ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticketId}/records`, body)).id,
    material: async (ticketId, date, quantity) => {
      await ok(m, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date, warehouseId: store, lines: [{ itemId: ssd, quantity, unitPriceMinor: 1_500_00 }], confirm: true });
      await ok(m, 'POST', '/api/v1/stock-documents', { kind: 'issue', date, warehouseId: store, ticketId, lines: [{ itemId: ssd, quantity }], confirm: true });
      const records = (await ok(m, 'GET', `/api/v1/tickets/${ticketId}/records`)).items as { id: number; kind: string }[];
      return records.filter((r) => r.kind === 'material').map((r) => r.id);
    },
    approve: async (ids) => {
      for (const id of ids) {
        const res = await call(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
        if (res.statusCode >= 300) await call(m, 'POST', `/api/v1/records/${id}/submit`); // material records start submitted
      }
      await ok(m, 'POST', '/api/v1/records/approve', { ids });
    },
    run: async (period) => {
      const run = await runPeriod(period);
      expect(run.state, JSON.stringify(run)).toBe('completed');
      return run.result.drafts;
    },
    issue: async (invoiceId) => {
      await ok(m, 'POST', `/api/v1/invoices/${invoiceId}/issue`);
    },
  };
  const ex = await buildBillingExamples(api, { remote: w.wt.remote, onSite: w.wt.onSite, development: w.wt.development, callOut: w.fee.callOut });
  return { ...w, ex, call, ok, runPeriod };
}
