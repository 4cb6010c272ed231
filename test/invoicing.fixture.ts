import { expect } from 'vitest';
import type { Insertable } from 'kysely';
import type { InvoiceLinesTable } from '../src/platform/db/index.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';
import type { Auth } from './app.ts';
import type { Engine } from '../src/platform/db/index.ts';

/**
 * The records world of BILLING.md example A plus what invoicing needs: approved
 * records, an accountant, supplier settings, and drafts written straight into
 * the billing tables (as a completed billing run leaves them).
 */
export interface InvoicingWorld extends RecordsWorld {
  accountant: { id: number; auth: Auth };
  /** Logs and approves `n` remote-support records of 60 min (800.00 each) in October. */
  approvedRecords(n: number, day?: number): Promise<number[]>;
  draft(options?: DraftOptions): Promise<number>;
  req(auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): ReturnType<RecordsWorld['t']['request']>;
}

export interface DraftOptions {
  period?: string;
  clientId?: number;
  records?: number[];
  lines?: Partial<Insertable<InvoiceLinesTable>>[];
  blocked?: string[] | null;
  reverseCharge?: boolean;
  roundTotal?: boolean;
  language?: string;
}

export async function invoicingWorld(engine: Engine): Promise<InvoicingWorld> {
  const w = await recordsWorld(engine);
  const { t } = w;
  const accountant = await t.userWith(['accountant']);
  const db = t.database.db;
  await db.updateTable('company_settings').set({
    name: 'Servis & <Spol> s.r.o.', company_id: '27074358', vat_id: 'CZ27074358', vat_payer: 1, street: 'Dlouhá 1', city: 'Praha', postal_code: '110 00', country: 'CZ',
    bank_account: '19-2000145399/0800', iban: 'CZ6508000000192000145399', bic: 'GIBACZPX', registration: 'C 12345 vedená u Městského soudu v Praze',
  }).where('id', '=', 1).execute();
  await db.updateTable('clients').set({ company_id: '25596641', vat_id: 'CZ25596641', billing_address: JSON.stringify({ street: 'Nádražní 5', city: 'Brno', postalCode: '602 00', country: 'CZ' }) }).where('id', '=', w.clientId).execute();
  const req: InvoicingWorld['req'] = (auth, method, url, payload) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  let minute = 0;
  async function approvedRecords(n: number, day = 5): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = 8 * 60 + (minute++ % 480);
      const startTime = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
      const res = await w.log(w.manager.auth, { kind: 'work', date: `2026-10-${String(day).padStart(2, '0')}`, startTime, minutes: 60, workTypeId: w.wt.remote, description: 'Správa serveru' });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // Approval has its own tests; here the records only need to be approved.
    await db.updateTable('records').set({ state: 'approved', approved_by: w.manager.id, approved_at: t.clock.now().toISOString() }).where('id', 'in', ids).execute();
    return ids;
  }

  async function draft(o: DraftOptions = {}): Promise<number> {
    const at = t.clock.now().toISOString();
    const records = o.records ?? [];
    const lines: Partial<Insertable<InvoiceLinesTable>>[] = o.lines ?? [
      { kind: 'work', description: 'Vzdálená podpora', quantity_milli: records.length * 1000, unit: 'h', unit_price_minor: 800_00, net_minor: records.length * 800_00, vat_rate_bp: 2100 },
    ];
    return db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('invoices').values({
        kind: 'invoice', state: 'draft', period: o.period ?? '2026-10', client_id: o.clientId ?? w.clientId, currency: 'CZK', language: o.language ?? 'cs',
        payment_terms_days: 14, reverse_charge: o.reverseCharge ? 1 : 0, round_total: o.roundTotal ? 1 : 0, visible: 1,
        blocked_json: o.blocked ? JSON.stringify(o.blocked) : null, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      const invoiceId = Number(id);
      let lineId: number | null = null;
      for (const [i, l] of lines.entries()) {
        const row = await trx.insertInto('invoice_lines').values({
          invoice_id: invoiceId, position: i + 1, kind: 'manual', description: 'x', quantity_milli: 1000, unit: 'ks', unit_price_minor: 0, net_minor: 0, vat_rate_bp: 2100, group_key: '', fee_period: null, corrects_line_id: null, ...l,
        }).returning('id').executeTakeFirstOrThrow();
        lineId ??= Number(row.id);
      }
      for (const recordId of records) {
        await trx.insertInto('invoice_records').values({ invoice_id: invoiceId, record_id: recordId, line_id: lineId, outcome: 'billed', billed_minutes: 60, amount_minor: 800_00 }).execute();
      }
      const net = lines.reduce((s, l) => s + (l.net_minor ?? 0), 0);
      await trx.updateTable('invoices').set({ net_minor: net }).where('id', '=', invoiceId).execute();
      return invoiceId;
    });
  }

  return { ...w, accountant: { id: accountant.id, auth: await t.tokenFor(accountant.id) }, approvedRecords, draft, req };
}
