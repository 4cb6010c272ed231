import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { draftBlocksNow, type BlockedDraft } from '../src/modules/billing/billing.draft-blocks.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

/**
 * Blocked drafts read now for a list of drafts (the invoice list, a run's drafts), on both
 * engines: the previous periods of all the drafts are read in two statements however many
 * drafts there are, and each draft gets the answer it gets read alone — a final previous
 * period, the draft its ledger row is linked to (not another of the month, nor an invisible
 * one), the client's first visible draft of the month when no row is linked, an older
 * draft's text alone read with its own contract and month, a quarter, and reasons that ask
 * nothing of the database.
 */
describe.each(testEngines())('billing: blocked drafts of a list read in a fixed number of statements, on %s', (engine) => {
  let w: InvoicingWorld;
  const drafts: BlockedDraft[] = [];
  const ids: Record<string, number> = {};
  const contracts: Record<string, number> = {};

  beforeAll(async () => {
    w = await invoicingWorld(engine);
    const { db } = w.t.database;
    const at = w.t.clock.now().toISOString();
    const client = async (name: string) => (await w.t.services.customers.create(systemContext, { name, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id as number;
    const contract = async (clientId: number, number: string) => {
      const res = await w.req(w.manager.auth, 'POST', '/api/v1/contracts', {
        clientId, number, name: `Hodiny ${number}`, currency: 'CZK', validFrom: '2026-01-01', prepaidMinutes: 300,
        fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears' }, scope: { workTypeIds: [w.wt.remote] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const ledger = (contractId: number, period: string, final: boolean, invoiceId: number | null) => db.insertInto('prepaid_ledger').values({
      contract_id: contractId, period, opening_carried: 0, allocated: 300, consumed: 0, carried_out: 0, lapsed: 0, lots_json: '[]', final: final ? 1 : 0, invoice_id: invoiceId, run_id: null, updated_at: at,
    }).execute();
    const previousBlock = (contractId: number, number: string, period: string) => ({ code: 'previous_prepaid_not_final', message: 'previous prepaid period not final', contractId, contractNumber: number, period });
    /** A draft of the client and period, shown or not, with its contract and stored reasons. */
    const draft = async (clientId: number, period: string, o: { contractId?: number; blocked?: unknown[]; visible?: boolean } = {}) => {
      const id = await w.draft({ clientId, period });
      await db.updateTable('invoices').set({ contract_id: o.contractId ?? null, blocked_json: o.blocked ? JSON.stringify(o.blocked) : null, visible: o.visible === false ? 0 : 1 }).where('id', '=', id).execute();
      return id;
    };
    const blockedDraft = async (name: string, clientId: number, contractId: number | null, period: string, blocked: unknown[] | null) => {
      const id = await draft(clientId, period, { ...(contractId === null ? {} : { contractId }), ...(blocked ? { blocked } : {}) });
      ids[name] = id;
      drafts.push({ invoiceId: id, clientId, contractId, period, blockedJson: blocked ? JSON.stringify(blocked) : null });
    };

    const [c1, c2, c3, c4, c5, c6] = [await client('Blok 1 s.r.o.'), await client('Blok 2 s.r.o.'), await client('Blok 3 s.r.o.'), await client('Blok 4 s.r.o.'), await client('Blok 5 s.r.o.'), await client('Blok 6 s.r.o.')];
    for (const [name, clientId] of [['K1', c1], ['K2', c2], ['K3', c3], ['K4', c4], ['K5', c5], ['K6', c6]] as const) contracts[name] = await contract(clientId, name);
    const k = contracts as Record<'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6', number>;

    // K1: September is final by now.
    await ledger(k.K1, '2026-09', true, null);
    // K2: September's row is linked to the second of the client's two September drafts.
    const otherSeptember2 = await draft(c2, '2026-09');
    ids.september2 = await draft(c2, '2026-09');
    expect(otherSeptember2).toBeLessThan(ids.september2);
    await ledger(k.K2, '2026-09', false, ids.september2);
    // K3: no row yet; the client's first visible September draft (an invisible one comes before it).
    await draft(c3, '2026-09', { visible: false });
    ids.september3 = await draft(c3, '2026-09');
    await draft(c3, '2026-09');
    // K4: the row is linked to a draft no longer shown: no draft to name, though the client has a visible one.
    const hidden4 = await draft(c4, '2026-09', { visible: false });
    await draft(c4, '2026-09');
    await ledger(k.K4, '2026-09', false, hidden4);
    // K5: an older run stored the text alone; the draft's own contract and month are used.
    ids.september5 = await draft(c5, '2026-09');
    // K6: a quarter whose previous one is not final and whose client has no draft of it.
    await ledger(k.K6, '2026-Q3', false, null);

    await blockedDraft('final', c1, k.K1, '2026-10', [previousBlock(k.K1, 'K1', '2026-10')]);
    await blockedDraft('linked', c2, k.K2, '2026-10', [previousBlock(k.K2, 'K2', '2026-10')]);
    await blockedDraft('linkedAgain', c2, k.K2, '2026-10', [previousBlock(k.K2, 'K2', '2026-10'), { code: 'missing_rate', message: 'missing rate', contractId: null, contractNumber: null, period: null }]);
    await blockedDraft('firstOfMonth', c3, k.K3, '2026-10', [previousBlock(k.K3, 'K3', '2026-10')]);
    await blockedDraft('linkedHidden', c4, k.K4, '2026-10', [previousBlock(k.K4, 'K4', '2026-10')]);
    await blockedDraft('textAlone', c5, k.K5, '2026-10', ['previous prepaid period not final']);
    await blockedDraft('quarter', c6, k.K6, '2026-Q4', [previousBlock(k.K6, 'K6', '2026-Q4')]);
    await blockedDraft('noPeriod', c1, null, '2026-10', [previousBlock(k.K1, 'K1', 'later')]);
    await blockedDraft('missingRate', c1, k.K1, '2026-10', ['missing rate']);
    await blockedDraft('notBlocked', c1, k.K1, '2026-10', null);
  }, 120_000);
  afterAll(() => w.t.close());

  /** draftBlocksNow over a database that counts the statements run. */
  const counted = async (list: readonly BlockedDraft[]) => {
    let statements = 0;
    const db = w.t.database.db.withPlugin({ transformQuery: (args) => args.node, transformResult: async (args) => (statements++, args.result) });
    const blocks = await draftBlocksNow(db, list);
    return { blocks, statements };
  };
  const byName = (name: string) => drafts.find((d) => d.invoiceId === ids[name])!;

  it('reads the previous periods of all the drafts in two statements, as of one', async () => {
    expect((await counted([byName('linked')])).statements).toBe(2);
    expect((await counted(drafts)).statements).toBe(2);
    // A final previous period needs no draft; reasons without a contract period need no statement at all.
    expect((await counted([byName('final')])).statements).toBe(1);
    expect((await counted([byName('missingRate'), byName('noPeriod'), byName('notBlocked')])).statements).toBe(0);
  });

  it('gives each draft of the list the answer it gets read alone', async () => {
    const { blocks } = await counted(drafts);
    const alone = new Map<number, unknown>();
    for (const d of drafts) {
      const one = (await counted([d])).blocks;
      if (one.has(d.invoiceId)) alone.set(d.invoiceId, one.get(d.invoiceId));
    }
    expect(blocks).toEqual(alone);
    expect(blocks.has(ids.notBlocked!)).toBe(false);
  });

  it('says for each draft whether the previous period holds it and which draft to issue first', async () => {
    const { blocks } = await counted(drafts);
    const previous = (name: string) => blocks.get(ids[name]!)!.map((b) => ({ code: b.code, contractId: b.contractId, period: b.period, holds: b.holds, previousPeriod: b.previousPeriod, earlierDraftId: b.earlierDraftId }));
    const k = contracts;
    const block = (contractId: number | undefined, over: object) => ({ code: 'previous_prepaid_not_final', contractId, period: '2026-10', previousPeriod: '2026-09', ...over });
    expect(previous('final')).toEqual([block(k.K1, { holds: false, earlierDraftId: null })]);
    expect(previous('linked')).toEqual([block(k.K2, { holds: true, earlierDraftId: ids.september2 })]);
    expect(previous('linkedAgain')).toEqual([
      block(k.K2, { holds: true, earlierDraftId: ids.september2 }),
      { code: 'missing_rate', contractId: null, period: null, holds: true, previousPeriod: null, earlierDraftId: null },
    ]);
    expect(previous('firstOfMonth')).toEqual([block(k.K3, { holds: true, earlierDraftId: ids.september3 })]);
    expect(previous('linkedHidden')).toEqual([block(k.K4, { holds: true, earlierDraftId: null })]);
    expect(previous('textAlone')).toEqual([block(k.K5, { holds: true, earlierDraftId: ids.september5 })]);
    expect(previous('quarter')).toEqual([block(k.K6, { period: '2026-Q4', previousPeriod: '2026-Q3', holds: true, earlierDraftId: null })]);
    expect(previous('noPeriod')).toEqual([block(k.K1, { period: 'later', previousPeriod: null, holds: true, earlierDraftId: null })]);
    expect(previous('missingRate')).toEqual([{ code: 'missing_rate', contractId: null, period: null, holds: true, previousPeriod: null, earlierDraftId: null }]);
  });
});
