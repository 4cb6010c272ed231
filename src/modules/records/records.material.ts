/**
 * Material records: what a confirmed stock issue slip puts on its ticket, one
 * record per slip line (kind 'material', item, quantity, price, cost), and what a
 * return takes back. Only the warehouse creates them, inside the transaction that
 * confirms the slip; they are then approved and billed like any record and cannot
 * be edited here (records.policy.ts): a mistake is corrected by a return.
 */
import type { Insertable } from 'kysely';
import { preparedInsert, type DbOrTx, type RecordsTable, type Tx } from '../../platform/db/index.ts';
import { contractPriceListFor } from '../contracts/index.ts';
import type { RequestContext } from '../identity/index.ts';
import { explanationLine, materialPricer, type MaterialLineInput, type MaterialPricer } from '../pricing/index.ts';
import { visibleTicket, type VisibleTicket } from './records.context.ts';
import { priceColumns, type StoredPricing } from './records.pricing.ts';
import { autoApproves, insertRecord } from './records.repo.ts';

export type MaterialTicket = VisibleTicket;

const insertRecordRows = preparedInsert('records', ['id']);

/** The ticket material is issued to, if the actor's ticket scope shows it (else 404), with its subject, client, contract and dimensions. */
export function materialTicket(db: DbOrTx, ctx: RequestContext, ticketId: number): Promise<MaterialTicket> {
  return visibleTicket(db, ctx, ticketId);
}

/**
 * How the material of a slip for this ticket and date is priced, read before the
 * slip's transaction (createMaterialRecords prices with it inside, costs known).
 * The list of the ticket's contract comes first when the date falls under it (BILLING.md §2).
 */
export async function materialPricing(db: DbOrTx, ticket: MaterialTicket, date: string): Promise<MaterialPricer> {
  const contractPriceListId = await contractPriceListFor(db, ticket.contractId, date);
  // The client's list comes with the ticket (visibleTicket): pricing does not read it again.
  return materialPricer(db, { clientId: ticket.clientId, contractPriceListId, clientPriceListId: ticket.clientPriceListId, date });
}

export interface MaterialIssue {
  ticket: MaterialTicket;
  /** Who issued the material: the record's technician. */
  technicianId: number;
  date: string;
  /** The slip's number, written into each record's description. */
  slipNumber: string;
  lines: readonly MaterialLineInput[];
  /** From materialPricing, before the transaction. */
  pricer: MaterialPricer;
}

export interface CreatedMaterialRecord {
  recordId: number;
  /** Sale price per unit and amount; null when the line could not be priced. */
  unitPriceMinor: number | null;
  amountMinor: number | null;
  /** The price's currency and VAT category, as the record stores them; null when the line could not be priced. */
  currency: string | null;
  vatCategory: string | null;
  /** The currency of the record's cost (priced or not: the cost is the warehouse's, known either way). */
  costCurrency: string | null;
}

function baseRow(issue: { ticket: Pick<VisibleTicket, 'id' | 'clientId' | 'dimensions'>; technicianId: number; date: string }, at: string, state: 'submitted' | 'approved', contractId: number | null) {
  return {
    kind: 'material' as const, ticket_id: issue.ticket.id, client_id: issue.ticket.clientId, contract_id: contractId,
    technician_id: issue.technicianId, date: issue.date, billable: 1, state,
    approved_at: state === 'approved' ? at : null, dimensions_json: JSON.stringify(issue.ticket.dimensions),
    created_by: issue.technicianId || null, created_at: at, updated_at: at,
  };
}

/**
 * One priced material record per line, in the caller's transaction. The
 * caller's audit entry of the slip lists them (record ids, amounts, costs): they
 * have none of their own, being part of that one change. They start submitted (confirming the slip is the technician's word
 * that the material was used), approved at once for technicians set to
 * auto-approve, exactly as their work records are.
 */
export async function createMaterialRecords(trx: Tx, now: Date, issue: MaterialIssue): Promise<CreatedMaterialRecord[]> {
  const at = now.toISOString();
  // Like work records, material inherits the ticket's contract: no contract covers
  // material (BILLING.md §3), but it counts in the contract's profitability, and the
  // contract's price list prices it when the contract names one (BILLING.md §2).
  const contractId = issue.ticket.contractId;
  const priced = issue.pricer(issue.lines);
  const state = (await autoApproves(trx, issue.technicianId)) ? 'approved' : 'submitted';
  // Object.assign onto a fresh row, not `{ ...base, ...price, … }` (docs/ARCHITECTURE.md, “Hot paths”).
  const rows = issue.lines.map((line, i) => Object.assign(
    baseRow(issue, at, state, contractId), priceColumns(priced[i]!, { timeClassOverride: null }),
    { item_id: line.itemId, quantity_milli: line.quantityMilli, description: `${line.itemName} (${issue.slipNumber})` },
  ) as Insertable<RecordsTable>);
  // One statement for the slip's records; ids come back in the order of the rows on both engines.
  const ids = (await insertRecordRows(trx, rows)).map((r) => r.id).sort((a, b) => a - b);
  return priced.map((result, i) => (result.ok
    ? { recordId: ids[i]!, unitPriceMinor: result.unitPriceMinor ?? null, amountMinor: result.amountMinor, currency: result.currency, vatCategory: result.vatCategory, costCurrency: result.costCurrency }
    : { recordId: ids[i]!, unitPriceMinor: null, amountMinor: null, currency: null, vatCategory: null, costCurrency: result.costCurrency }));
}

export interface MaterialReturn {
  /** The material record of the slip line the goods come back from. */
  originalRecordId: number;
  quantityMilli: number;
  /** The original record's amount and cost share for this quantity (see the warehouse's returnShare). */
  amountMinor: number | null;
  costMinor: number;
  technicianId: number;
  date: string;
  slipNumber: string;
}

/**
 * A return is a NEW material record with a negative quantity, amount and cost,
 * on the original's ticket and at the original's price (not re-priced):
 * - the original may already be approved or billed, and billed records are
 *   locked; a negative record leaves every earlier record and invoice as it was;
 * - unbilled, both land on the same invoice and net out line by line (same item,
 *   price and VAT: one group); already billed, the next invoice carries the credit;
 * - the cost comes back at exactly the original cost, as the stock does, and in
 *   the original's cost currency (which need not be its sale currency): the
 *   timesheet and every reader of records.cost_currency net the two to zero.
 * Like any record it is submitted (or approved at once) and approved before
 * billing. The caller's audit entry of the return lists it.
 */
export async function createReturnRecord(trx: Tx, now: Date, ret: MaterialReturn): Promise<number> {
  const at = now.toISOString();
  const original = await trx.selectFrom('records').selectAll().where('id', '=', ret.originalRecordId).executeTakeFirstOrThrow();
  const ticket = { id: original.ticket_id, clientId: original.client_id, dimensions: JSON.parse(original.dimensions_json) as Record<string, string> };
  const state = (await autoApproves(trx, ret.technicianId)) ? 'approved' : 'submitted';
  const stored = JSON.parse(original.pricing_json ?? '{"explanation":[]}') as StoredPricing;
  const explanation = [explanationLine('material.return', { slip: ret.slipNumber, quantity: { milli: ret.quantityMilli }, id: String(original.id) })];
  const row = {
    ...baseRow({ ticket, technicianId: ret.technicianId, date: ret.date }, at, state, original.contract_id),
    item_id: original.item_id, quantity_milli: -ret.quantityMilli,
    description: `${original.description.replace(/ \([^)]*\)$/, '')} (${ret.slipNumber})`,
    price_list_id: original.price_list_id, price_valid_from: original.price_valid_from, currency: original.currency,
    amount_minor: ret.amountMinor === null ? null : -ret.amountMinor, cost_minor: -ret.costMinor, cost_currency: original.cost_currency,
    vat_category: original.vat_category, price_error: original.price_error,
    pricing_json: JSON.stringify({ ...stored, explanation: [...explanation, ...stored.explanation] }),
  } as Insertable<RecordsTable>;
  return (await insertRecord(trx, row)).id;
}
