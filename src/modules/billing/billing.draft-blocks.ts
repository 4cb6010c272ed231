/**
 * Why drafts cannot be issued, read as things stand now (domain/draft-blocks.ts): a draft
 * blocked because its contract's previous prepaid period was not final says whether that
 * period is final by now, and which draft to issue first while it is not. The draft page,
 * the run's page, the invoice list and issuing all read it here, so they say the same.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import { isPeriod, prevPeriod } from '../../shared/period.ts';
import { blockNow, parseDraftBlocks, type DraftBlockNow } from './domain/draft-blocks.ts';

/** A draft as stored: its reasons and what they default to when an older run stored the text alone. */
export interface BlockedDraft {
  readonly invoiceId: number;
  readonly clientId: number;
  readonly contractId: number | null;
  readonly period: string | null;
  readonly blockedJson: string | null;
}

/** Each draft's reasons now, by invoice id; drafts without any are left out. */
export async function draftBlocksNow(db: DbOrTx, drafts: readonly BlockedDraft[]): Promise<Map<number, DraftBlockNow[]>> {
  const out = new Map<number, DraftBlockNow[]>();
  for (const d of drafts) {
    const blocks = parseDraftBlocks(d.blockedJson);
    if (blocks.length === 0) continue;
    const now: DraftBlockNow[] = [];
    for (const stored of blocks) {
      // An older run stored the text alone: the draft's own contract and month are the best guess.
      const block = stored.code === 'previous_prepaid_not_final' && stored.contractId === null ? { ...stored, contractId: d.contractId, period: d.period } : stored;
      now.push(blockNow(block, block.code === 'previous_prepaid_not_final' ? await previousOf(db, d.clientId, block.contractId, block.period) : null));
    }
    out.set(d.invoiceId, now);
  }
  return out;
}

/** The contract's period before `period`: whether its ledger is final, and its unissued draft. */
async function previousOf(db: DbOrTx, clientId: number, contractId: number | null, period: string | null) {
  if (contractId === null || period === null || !isPeriod(period)) return null;
  const previous = prevPeriod(period);
  const row = await db.selectFrom('prepaid_ledger').select(['final', 'invoice_id']).where('contract_id', '=', contractId).where('period', '=', previous).executeTakeFirst();
  if (row?.final) return { period: previous, final: true, draftId: null };
  // The draft its run linked the ledger row to, else (a monthly contract) the client's draft of that month.
  const linked = row?.invoice_id ?? null;
  const draft = await db
    .selectFrom('invoices')
    .select('id')
    .where('state', '=', 'draft')
    .where('visible', '=', 1)
    .where('kind', '=', 'invoice')
    .where((eb) => (linked !== null ? eb('id', '=', linked) : eb.and([eb('client_id', '=', clientId), eb('period', '=', previous)])))
    .orderBy('id')
    .executeTakeFirst();
  return { period: previous, final: false, draftId: draft ? Number(draft.id) : null };
}
