/**
 * Why drafts cannot be issued, read as things stand now (domain/draft-blocks.ts): a draft
 * blocked because its contract's previous prepaid period was not final says whether that
 * period is final by now, and which draft to issue first while it is not. The draft page,
 * the run's page, the invoice list and issuing all read it here, so they say the same.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import { isPeriod, prevPeriod } from '../../shared/period.ts';
import { chunks } from './billing.invoices.repo.ts';
import { blockNow, parseDraftBlocks, type DraftBlock, type DraftBlockNow } from './domain/draft-blocks.ts';

/** A draft as stored: its reasons and what they default to when an older run stored the text alone. */
export interface BlockedDraft {
  readonly invoiceId: number;
  readonly clientId: number;
  readonly contractId: number | null;
  readonly period: string | null;
  readonly blockedJson: string | null;
}

/** How the contract's period before a blocked one stands now. */
interface PreviousPeriod {
  readonly period: string;
  readonly final: boolean;
  /** While not final: the unissued draft to issue first, when there is one. */
  readonly draftId: number | null;
}

/** A contract's period before a blocked one, and the client whose draft of it may be the one to issue first. */
interface PreviousWanted {
  readonly clientId: number;
  readonly contractId: number;
  readonly period: string;
}

const wantedKey = (w: PreviousWanted) => `${w.clientId}|${w.contractId}|${w.period}`;
const ledgerKey = (contractId: number, period: string) => `${contractId}|${period}`;
const clientPeriodKey = (clientId: number, period: string) => `${clientId}|${period}`;

/**
 * Each draft's reasons now, by invoice id; drafts without any are left out. The previous
 * periods of all the drafts are read together (a list of drafts costs two statements, not
 * two per draft).
 */
export async function draftBlocksNow(db: DbOrTx, drafts: readonly BlockedDraft[]): Promise<Map<number, DraftBlockNow[]>> {
  const blocked = drafts.flatMap((d) => {
    const blocks = parseDraftBlocks(d.blockedJson).map((stored) =>
      // An older run stored the text alone: the draft's own contract and month are the best guess.
      stored.code === 'previous_prepaid_not_final' && stored.contractId === null ? { ...stored, contractId: d.contractId, period: d.period } : stored);
    return blocks.length === 0 ? [] : [{ draft: d, blocks: blocks.map((block) => ({ block, wanted: previousWanted(d.clientId, block) })) }];
  });
  const previous = await previousPeriods(db, blocked.flatMap((b) => b.blocks.flatMap(({ wanted }) => (wanted ? [wanted] : []))));
  const out = new Map<number, DraftBlockNow[]>();
  for (const { draft, blocks } of blocked) {
    out.set(draft.invoiceId, blocks.map(({ block, wanted }) => blockNow(block, wanted ? previous.get(wantedKey(wanted))! : null)));
  }
  return out;
}

/** The previous period a reason asks about; null when it asks about none (another reason, or no contract or period known). */
function previousWanted(clientId: number, block: DraftBlock): PreviousWanted | null {
  if (block.code !== 'previous_prepaid_not_final' || block.contractId === null || block.period === null || !isPeriod(block.period)) return null;
  return { clientId, contractId: block.contractId, period: prevPeriod(block.period) };
}

/**
 * For each wanted period: whether the contract's ledger of it is final, and else the draft to
 * issue first — the one its run linked the ledger row to, or (no row yet, or one not linked:
 * a monthly contract) the client's first unissued draft of that period.
 */
async function previousPeriods(db: DbOrTx, wanted: readonly PreviousWanted[]): Promise<Map<string, PreviousPeriod>> {
  const out = new Map<string, PreviousPeriod>();
  if (wanted.length === 0) return out;
  const distinct = [...new Map(wanted.map((w) => [wantedKey(w), w])).values()];
  const ledger = new Map<string, { final: boolean; invoiceId: number | null }>();
  for (const part of chunks(distinct)) {
    // Contracts × periods of the chunk: a superset of the pairs wanted, matched back by key.
    const rows = await db
      .selectFrom('prepaid_ledger')
      .select(['contract_id', 'period', 'final', 'invoice_id'])
      .where('contract_id', 'in', [...new Set(part.map((w) => w.contractId))])
      .where('period', 'in', [...new Set(part.map((w) => w.period))])
      .execute();
    for (const r of rows) ledger.set(ledgerKey(Number(r.contract_id), r.period), { final: Boolean(r.final), invoiceId: r.invoice_id === null ? null : Number(r.invoice_id) });
  }
  const open = distinct.flatMap((w) => {
    const row = ledger.get(ledgerKey(w.contractId, w.period));
    if (row?.final) {
      out.set(wantedKey(w), { period: w.period, final: true, draftId: null });
      return [];
    }
    return [{ wanted: w, linked: row?.invoiceId ?? null }];
  });
  const drafts = new Set<number>();
  const firstDraftOf = new Map<string, number>();
  for (const part of chunks(open)) {
    const linked = part.flatMap((o) => (o.linked === null ? [] : [o.linked]));
    const unlinked = part.filter((o) => o.linked === null).map((o) => o.wanted);
    const rows = await db
      .selectFrom('invoices')
      .select(['id', 'client_id', 'period'])
      .where('state', '=', 'draft')
      .where('visible', '=', 1)
      .where('kind', '=', 'invoice')
      .where((eb) => {
        const either = [];
        if (linked.length > 0) either.push(eb('id', 'in', linked));
        if (unlinked.length > 0) either.push(eb.and([eb('client_id', 'in', [...new Set(unlinked.map((w) => w.clientId))]), eb('period', 'in', [...new Set(unlinked.map((w) => w.period))])]));
        return eb.or(either);
      })
      .execute();
    for (const r of rows) {
      const id = Number(r.id);
      drafts.add(id);
      if (r.period === null) continue;
      const key = clientPeriodKey(Number(r.client_id), r.period);
      const first = firstDraftOf.get(key);
      if (first === undefined || id < first) firstDraftOf.set(key, id);
    }
  }
  for (const { wanted: w, linked } of open) {
    const draftId = linked !== null ? (drafts.has(linked) ? linked : null) : (firstDraftOf.get(clientPeriodKey(w.clientId, w.period)) ?? null);
    out.set(wantedKey(w), { period: w.period, final: false, draftId });
  }
  return out;
}
