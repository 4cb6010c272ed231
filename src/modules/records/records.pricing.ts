import type { Updateable } from 'kysely';
import type { DbOrTx, RecordsTable } from '../../platform/db/index.ts';
import { contractPriceListFor } from '../contracts/index.ts';
import { priceRecord, type PricedRecord, type PriceRecordInput, type PricingReads, type StoredExplanationLine } from '../pricing/index.ts';
import type { VisibleTicket } from './records.context.ts';
import type { RecordValues } from './records.repo.ts';

/**
 * What records keep of a price besides the snapshot columns (pricing_json): why, as
 * data put into the reader's words when read (records priced before: English sentences).
 */
export interface StoredPricing {
  message?: string;
  explanation: StoredExplanationLine[];
  costCurrency: string | null;
  source?: string;
  priceListName?: string | null;
  rateMinor?: number;
  surchargePct?: number;
  unitPriceMinor?: number;
}

/** The lines of an explanation that speak of internal costs: hidden from roles without the `costs` field scope. */
export { isCostLine } from '../pricing/index.ts';

function pricingInputOf(v: RecordValues, contractPriceListId: number | null, clientPriceListId: number | null | undefined): PriceRecordInput {
  return {
    kind: v.kind,
    clientId: v.clientId,
    contractPriceListId,
    clientPriceListId,
    date: v.date,
    startTime: v.startTime,
    minutes: v.minutes,
    workTypeId: v.workTypeId,
    technicianId: v.technicianId,
    timeClassOverride: v.timeClassOverride,
    kmMilli: v.kmMilli,
    zoneId: v.zoneId,
    feeId: v.feeId,
    quantityMilli: v.quantityMilli,
    billable: v.billable,
  };
}

/** The price snapshot columns of a record from its pricing result. */
export function priceColumns(result: PricedRecord, v: Pick<RecordValues, 'timeClassOverride'>): Updateable<RecordsTable> {
  if (result.ok) {
    // Optional keys assigned, not spread in (docs/ARCHITECTURE.md, “Hot paths”).
    const stored: StoredPricing = { explanation: result.explanation, costCurrency: result.costCurrency, source: result.source, priceListName: result.priceListName };
    if (result.rateMinor !== undefined) stored.rateMinor = result.rateMinor;
    if (result.surchargePct !== undefined) stored.surchargePct = result.surchargePct;
    if (result.unitPriceMinor !== undefined) stored.unitPriceMinor = result.unitPriceMinor;
    return {
      time_class: v.timeClassOverride ?? result.timeClass ?? null,
      price_list_id: result.priceListId,
      price_valid_from: result.validFrom,
      currency: result.currency,
      billable_minutes: result.billableMinutes ?? null,
      amount_minor: result.amountMinor,
      cost_minor: result.costMinor,
      cost_currency: result.costCurrency,
      vat_category: result.vatCategory,
      price_error: null,
      pricing_json: JSON.stringify(stored),
    };
  }
  const stored: StoredPricing = { message: result.message, explanation: result.explanation, costCurrency: result.costCurrency, priceListName: result.priceListName };
  return {
    time_class: v.timeClassOverride ?? null,
    price_list_id: result.priceListId,
    price_valid_from: result.validFrom,
    currency: null,
    billable_minutes: null,
    // Never 0: an unpriced record has no amount at all, and says why.
    amount_minor: null,
    cost_minor: result.costMinor,
    cost_currency: result.costCurrency,
    vat_category: null,
    price_error: result.reason,
    pricing_json: JSON.stringify(stored),
  };
}

/** Whose lists a record is priced under: its ticket's contract, and the client's own list when already read. */
export interface PricedUnder {
  contractId: number | null;
  clientPriceListId?: number | null;
}

/** A record of this ticket is priced under the ticket's contract and client, as read with the ticket. */
export const pricedUnderTicket = (ticket: Pick<VisibleTicket, 'contractId' | 'clientPriceListId'>): PricedUnder => ({
  contractId: ticket.contractId,
  clientPriceListId: ticket.clientPriceListId,
});

/**
 * Prices a record's values into snapshot columns, under the contract of the record's
 * ticket when it has one. A price list the pricing core
 * cannot read (RangeError) makes the record "no price" with the reason instead of
 * losing the technician's entry.
 */
export async function priceValues(db: DbOrTx, values: RecordValues, under: PricedUnder, reads?: PricingReads): Promise<Updateable<RecordsTable>> {
  try {
    // The list of the contract the record falls under comes first (BILLING.md §2).
    const contractPriceListId = await contractPriceListFor(db, under.contractId, values.date);
    return priceColumns(await priceRecord(db, pricingInputOf(values, contractPriceListId, under.clientPriceListId), reads), values);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const failed: PricedRecord = {
      ok: false, reason: 'missing_input', message: `The record could not be priced: ${error.message}`,
      priceListId: null, priceListName: null, validFrom: null, costMinor: null, costCurrency: null, explanation: [],
    };
    return priceColumns(failed, values);
  }
}
